"""The webhook endpoints read model's row, and how an endpoint's events fold into it.

One row per endpoint: where it points, which kinds of event it hears about,
whether it is enabled (or why not), and who registered it. Never its secret:
that is no part of any event. The fold is pure: handed the stored rows of
the endpoints a batch concerns, it changes them and returns those it changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypedDict

from domain.attribution import attribution_of
from domain.webhook_endpoint import WebhookEndpoint
from projections.read_model import Event


class WebhookState(StrEnum):
    ENABLED = "enabled"
    DISABLED = "disabled"  # by an administrator
    DISABLED_AFTER_FAILURES = "disabled_after_failures"  # by Groeispurt's deliveries


class WebhookRow(TypedDict):
    endpoint_id: str
    url: str
    description: str
    event_kinds: list[str]
    state: str  # a WebhookState
    disabled_reason: str | None
    registered_at: str
    changed_at: str
    # Since when it is enabled: deliveries that gave up before do not count against it.
    enabled_at: str
    registered_by: dict[str, str]  # the actor's record (ids and a token's name only)
    version: int


OWN_EVENTS = (
    WebhookEndpoint.Registered,
    WebhookEndpoint.Changed,
    WebhookEndpoint.Disabled,
    WebhookEndpoint.Enabled,
)


def keys_to_load(batch: Iterable[tuple[Event, str, str]]) -> set[str]:
    return {
        key
        for event, key, _ in batch
        if isinstance(event, OWN_EVENTS) and not isinstance(event, WebhookEndpoint.Registered)
    }


def fold(
    rows: dict[str, WebhookRow], batch: Iterable[tuple[Event, str, str]]
) -> dict[str, WebhookRow]:
    """Folds the batch's endpoint events into `rows`; returns the rows it changed."""
    changed: dict[str, WebhookRow] = {}
    for event, key, at in batch:
        if not isinstance(event, OWN_EVENTS):
            continue
        if isinstance(event, WebhookEndpoint.Registered):
            attribution = attribution_of(event)
            rows[key] = WebhookRow(
                endpoint_id=key,
                url=event.url,
                description=event.description,
                event_kinds=list(event.event_kinds),
                state=WebhookState.ENABLED.value,
                disabled_reason=None,
                registered_at=at,
                changed_at=at,
                enabled_at=at,
                registered_by=attribution.record() if attribution else {},
                version=event.originator_version,
            )
            changed[key] = rows[key]
            continue
        row = rows.get(key)
        if row is None:  # its registration is not in the log this read model folds
            continue
        if isinstance(event, WebhookEndpoint.Changed):
            row["url"], row["description"] = event.url, event.description
            row["event_kinds"] = list(event.event_kinds)
        elif isinstance(event, WebhookEndpoint.Disabled):
            state = (
                WebhookState.DISABLED_AFTER_FAILURES if event.automatic else WebhookState.DISABLED
            )
            row["state"], row["disabled_reason"] = state.value, event.reason or None
        else:
            row["state"], row["disabled_reason"] = WebhookState.ENABLED.value, None
            row["enabled_at"] = at
        row["changed_at"], row["version"] = at, event.originator_version
        changed[key] = row
    return changed
