"""An audit entry's `changes`: the event's own fields, typed per kind of event.

Each kind of event has a type of its own (`CardMovedFields`, …; `__typename`
says which). An event the schema does not type (one with no fields of its
own, or of a kind newer than the schema) comes as `OtherEventFields`: its
fields by name, each value as JSON text, so that no event is ever left out.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

import orjson
import strawberry

from projections.audit import AuditRow
from service.graphql.audit_cycle_fields import (
    CYCLE_FIELDS,
    Build,
    CardMovedFields,
    CardsSelectedFields,
    CardVisibilityChangedFields,
    CycleAddedFields,
    CycleClosedFields,
    CycleHandedOverFields,
    CycleOpenedFields,
    EmployeeCyclesStartedFields,
    FollowUpCompletedFields,
    FollowUpScheduledFields,
    PlanApprovedByBothFields,
    PlanApprovedFields,
    PlanWrittenFields,
    PreparationDraftSavedFields,
    PreparationSubmittedFields,
    SessionHeldFields,
    ShowAndTellCalledOffFields,
    ShowAndTellPlannedFields,
)
from service.graphql.audit_record_fields import (
    RECORD_FIELDS,
    BacklogSkillAddedFields,
    BacklogSkillMovedFields,
    BacklogSkillRetiredFields,
    BacklogSkillRewordedFields,
    DevelopmentPhaseChangedFields,
    EmailChangedFields,
    EmailClaimedFields,
    ExternalIdChangedFields,
    FunctionChangedFields,
    LanguageChosenFields,
    ManagerChangedFields,
    NameChangedFields,
    PersonDeactivatedFields,
    PersonRegisteredFields,
    RoleFields,
    SignInLinkIssuedFields,
    StartDateCorrectedFields,
    TeamChangedFields,
)
from service.graphql.audit_session_fields import (
    SESSION_FIELDS,
    CandidateCardRemovedFields,
    CandidateCardWrittenFields,
    SessionReportApprovedByBothFields,
    SessionReportApprovedFields,
    SessionReportWrittenFields,
)
from service.graphql.values import camel

log = logging.getLogger("groeispurt.graphql")


@strawberry.type(
    description="One field of an event: its name (camelCase) and its value as JSON text."
)
class EventField:
    name: str
    value: str = strawberry.field(description="JSON: a text in quotes, a number, true, null, …")


@strawberry.type(
    description="The fields of an event the schema types no further: none of its own "
    "(Backlog.Started, EmailIndex.Released), or a kind newer than this schema."
)
class OtherEventFields:
    fields: list[EventField]


EventFields = Annotated[
    CycleOpenedFields
    | CycleHandedOverFields
    | PreparationDraftSavedFields
    | PreparationSubmittedFields
    | SessionHeldFields
    | CardsSelectedFields
    | CardMovedFields
    | CardVisibilityChangedFields
    | PlanWrittenFields
    | PlanApprovedFields
    | PlanApprovedByBothFields
    | FollowUpScheduledFields
    | FollowUpCompletedFields
    | CycleClosedFields
    | ShowAndTellPlannedFields
    | ShowAndTellCalledOffFields
    | EmployeeCyclesStartedFields
    | CycleAddedFields
    | PersonRegisteredFields
    | ManagerChangedFields
    | FunctionChangedFields
    | TeamChangedFields
    | LanguageChosenFields
    | NameChangedFields
    | EmailChangedFields
    | DevelopmentPhaseChangedFields
    | StartDateCorrectedFields
    | RoleFields
    | EmailClaimedFields
    | ExternalIdChangedFields
    | PersonDeactivatedFields
    | SignInLinkIssuedFields
    | BacklogSkillAddedFields
    | BacklogSkillRewordedFields
    | BacklogSkillMovedFields
    | BacklogSkillRetiredFields
    | CandidateCardWrittenFields
    | CandidateCardRemovedFields
    | SessionReportWrittenFields
    | SessionReportApprovedFields
    | SessionReportApprovedByBothFields
    | OtherEventFields,
    strawberry.union("EventFields", description="An event's own fields, typed per kind of event."),
]

_BUILDERS: dict[tuple[str, str], Build] = {**CYCLE_FIELDS, **RECORD_FIELDS, **SESSION_FIELDS}


def event_fields(row: AuditRow) -> Any:
    """The typed fields of the row's event (one of `EventFields`)."""
    build = _BUILDERS.get((row.aggregate, row.kind))
    if build is not None and row.changes:
        try:
            return build(row.aggregate_id, row.changes)
        except (KeyError, TypeError, ValueError):
            # An event stored in an older shape: its fields as they are, not a failure.
            log.warning(
                "event %s.%s at %s has fields of another shape", row.aggregate, row.kind, row.seq
            )
    return other_fields(row.changes)


def other_fields(changes: dict[str, Any]) -> OtherEventFields:
    return OtherEventFields(
        fields=[
            EventField(name=camel(name), value=orjson.dumps(value).decode())
            for name, value in sorted(changes.items())
        ]
    )
