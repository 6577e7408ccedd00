"""What a webhook delivery says: which event happened, to what, who did it, whom it concerns.

Only ids (the API's global IDs), the kind and the moment: never an event's own fields. A webhook is
registered by an administrator for the whole organisation, so it must not
carry what only some people may read (a preparation, a draft, a POP); an
integrator that needs the content asks the GraphQL API, with its own rights.
The shape is Standard Webhooks' (`type`, `timestamp`, `data`); docs/integrators.md
describes it.
"""

from __future__ import annotations

from typing import Any

from domain.attribution import Attribution, attribution_of
from domain.event_kinds import kind_of
from projections.audit_fold import TrailRow
from projections.json_text import compact_json
from service.ids import global_id


def payload(notification_id: int, row: TrailRow, event: object) -> str:
    """The body of every delivery of one event (the same to each endpoint, and on retries)."""
    _, aggregate_id, version, at, aggregate, _, employee_id, cycle_id = row
    kind = kind_of(type(event))
    subject = None
    if employee_id is not None or cycle_id is not None:
        subject = {"personId": _node("Person", employee_id), "cycleId": _node("Cycle", cycle_id)}
    return compact_json(
        {
            "type": kind,
            "timestamp": at,
            "data": {
                "eventId": str(notification_id),
                "kind": kind,
                "at": at,
                "aggregate": aggregate,
                "aggregateId": aggregate_id,
                "aggregateVersion": version,
                "actor": actor_of(attribution_of(event)),
                "subject": subject,
            },
        }
    )


def actor_of(attribution: Attribution | None) -> dict[str, Any]:
    if attribution is None:
        return {"kind": "unknown", "personId": None, "token": None, "system": None}
    return {
        "kind": attribution.kind,
        "personId": _node("Person", attribution.person_id),
        "token": attribution.token,
        "system": attribution.system,
    }


def _node(type_name: str, key: object) -> str | None:
    """The API's global ID of what a delivery points at, so `node(id:)` finds it."""
    return global_id(type_name, str(key)) if key is not None else None
