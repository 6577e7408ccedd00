"""The audit trail's fields of the growth cycle's events, one type per kind of event.

Each builder takes the event's aggregate id (the cycle's) and its fields as the
trail reads them from the log (JSON: ids and days as text).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, cast

import strawberry

from domain.plan import Plan as PlanDoc
from domain.preparation import Preparation as PreparationDoc
from projections.cycle_fold import SessionCard as SessionCardDoc
from service.graphql.cycle_parts import PreparationAnswers, SessionCard
from service.graphql.enums import Column, Party
from service.graphql.node_ids import node_id, node_id_or_none
from service.graphql.plan_types import Plan
from service.graphql.values import day, day_or_none

Fields = dict[str, Any]
Build = Callable[[str, Fields], Any]


@strawberry.type(description="GrowthCycle.Opened: the manager opened a cycle.")
class CycleOpenedFields:
    employee_id: strawberry.ID
    manager_id: strawberry.ID
    planned_session_on: date
    previous_cycle_id: strawberry.ID | None


@strawberry.type(description="GrowthCycle.ManagerHandedOver: HR gave the cycle to another.")
class CycleHandedOverFields:
    from_manager_id: strawberry.ID | None
    to_manager_id: strawberry.ID | None = strawberry.field(
        description="Null: nobody leads the cycle until HR names a coach."
    )
    approval_withdrawn: int | None = strawberry.field(
        description="The POP version whose approval by the former manager no longer counts."
    )
    draft_dropped: bool = strawberry.field(description="The former manager's draft was dropped.")


@strawberry.type(
    description="GrowthCycle.PreparationDraftSaved: a party saved a draft; what it says "
    "stays with its author."
)
class PreparationDraftSavedFields:
    party: Party


@strawberry.type(description="GrowthCycle.PreparationSubmitted: a party shared its preparation.")
class PreparationSubmittedFields:
    party: Party
    version: int
    answers: PreparationAnswers


@strawberry.type(description="GrowthCycle.SessionHeld: the session and its candidate cards.")
class SessionHeldFields:
    held_on: date
    notes: str
    cards: list[SessionCard]


@strawberry.type(description="GrowthCycle.CardsSelected: the cards that went onto the board.")
class CardsSelectedFields:
    card_ids: list[strawberry.ID]


@strawberry.type(description="GrowthCycle.CardMoved.")
class CardMovedFields:
    card_id: strawberry.ID
    from_column: Column
    to_column: Column
    position: int


@strawberry.type(description="GrowthCycle.CardVisibilityChanged.")
class CardVisibilityChangedFields:
    card_id: strawberry.ID
    visible: bool


@strawberry.type(description="GrowthCycle.PlanDrafted and PlanRevised: a version of the POP.")
class PlanWrittenFields:
    version: int
    plan: Plan


@strawberry.type(description="GrowthCycle.PlanApproved: a party approved a version.")
class PlanApprovedFields:
    party: Party
    version: int


@strawberry.type(description="GrowthCycle.PlanApprovedByBoth: the version both approved.")
class PlanApprovedByBothFields:
    version: int


@strawberry.type(description="GrowthCycle.FollowUpScheduled.")
class FollowUpScheduledFields:
    due_on: date


@strawberry.type(description="GrowthCycle.FollowUpCompleted: the retrospective.")
class FollowUpCompletedFields:
    held_on: date
    went_well: str
    could_be_better: str
    show_and_tell_on: date | None


@strawberry.type(description="GrowthCycle.ShowAndTellPlanned: the day announced to the team.")
class ShowAndTellPlannedFields:
    on: date


@strawberry.type(description="GrowthCycle.ShowAndTellCalledOff.")
class ShowAndTellCalledOffFields:
    called_off: bool = True


@strawberry.type(description="GrowthCycle.Closed.")
class CycleClosedFields:
    reason: str


@strawberry.type(description="EmployeeCycles.Started: an employee's list of cycles began.")
class EmployeeCyclesStartedFields:
    employee_id: strawberry.ID


@strawberry.type(description="EmployeeCycles.CycleAdded: a cycle joined an employee's list.")
class CycleAddedFields:
    cycle_id: strawberry.ID


CYCLE_FIELD_TYPES = (
    CycleOpenedFields,
    CycleHandedOverFields,
    PreparationDraftSavedFields,
    PreparationSubmittedFields,
    SessionHeldFields,
    CardsSelectedFields,
    CardMovedFields,
    CardVisibilityChangedFields,
    PlanWrittenFields,
    PlanApprovedFields,
    PlanApprovedByBothFields,
    FollowUpScheduledFields,
    FollowUpCompletedFields,
    CycleClosedFields,
    ShowAndTellPlannedFields,
    ShowAndTellCalledOffFields,
    EmployeeCyclesStartedFields,
    CycleAddedFields,
)


def _person(key: str | None) -> strawberry.ID | None:
    return node_id_or_none("Person", key)


def _plan(cycle: str, c: Fields) -> PlanWrittenFields:
    return PlanWrittenFields(version=c["version"], plan=Plan.from_doc(cast(PlanDoc, c["plan"])))


CYCLE_FIELDS: dict[tuple[str, str], Build] = {
    ("GrowthCycle", "Opened"): lambda cycle, c: CycleOpenedFields(
        employee_id=node_id("Person", c["employee_id"]),
        manager_id=node_id("Person", c["manager_id"]),
        planned_session_on=day(c["planned_session_on"]),
        previous_cycle_id=node_id_or_none("Cycle", c["previous_cycle_id"]),
    ),
    ("GrowthCycle", "ManagerHandedOver"): lambda cycle, c: CycleHandedOverFields(
        from_manager_id=_person(c["from_manager_id"]),
        to_manager_id=_person(c["to_manager_id"]),
        approval_withdrawn=c["approval_withdrawn"],
        draft_dropped=c["draft_dropped"],
    ),
    ("GrowthCycle", "PreparationDraftSaved"): lambda cycle, c: PreparationDraftSavedFields(
        party=Party(c["party"])
    ),
    ("GrowthCycle", "PreparationSubmitted"): lambda cycle, c: PreparationSubmittedFields(
        party=Party(c["party"]),
        version=c["version"],
        answers=PreparationAnswers.from_doc(cast(PreparationDoc, c["preparation"])),
    ),
    ("GrowthCycle", "SessionHeld"): lambda cycle, c: SessionHeldFields(
        held_on=day(c["held_on"]),
        notes=c["notes"],
        cards=[SessionCard.from_doc(cycle, cast(SessionCardDoc, x)) for x in c["cards"]],
    ),
    ("GrowthCycle", "CardsSelected"): lambda cycle, c: CardsSelectedFields(
        card_ids=[node_id("Card", cycle, card) for card in c["card_ids"]]
    ),
    ("GrowthCycle", "CardMoved"): lambda cycle, c: CardMovedFields(
        card_id=node_id("Card", cycle, c["card_id"]),
        from_column=Column(c["from_column"]),
        to_column=Column(c["to_column"]),
        position=c["position"],
    ),
    ("GrowthCycle", "CardVisibilityChanged"): lambda cycle, c: CardVisibilityChangedFields(
        card_id=node_id("Card", cycle, c["card_id"]), visible=c["visible"]
    ),
    ("GrowthCycle", "PlanDrafted"): _plan,
    ("GrowthCycle", "PlanRevised"): _plan,
    ("GrowthCycle", "PlanApproved"): lambda cycle, c: PlanApprovedFields(
        party=Party(c["party"]), version=c["version"]
    ),
    ("GrowthCycle", "PlanApprovedByBoth"): lambda cycle, c: PlanApprovedByBothFields(
        version=c["version"]
    ),
    ("GrowthCycle", "FollowUpScheduled"): lambda cycle, c: FollowUpScheduledFields(
        due_on=day(c["due_on"])
    ),
    ("GrowthCycle", "FollowUpCompleted"): lambda cycle, c: FollowUpCompletedFields(
        held_on=day(c["held_on"]),
        went_well=c["went_well"],
        could_be_better=c["could_be_better"],
        show_and_tell_on=day_or_none(c["show_and_tell_on"]),
    ),
    ("GrowthCycle", "Closed"): lambda cycle, c: CycleClosedFields(reason=c["reason"]),
    ("GrowthCycle", "ShowAndTellPlanned"): lambda cycle, c: ShowAndTellPlannedFields(
        on=day(c["on"])
    ),
    ("GrowthCycle", "ShowAndTellCalledOff"): lambda cycle, c: ShowAndTellCalledOffFields(),
    ("EmployeeCycles", "Started"): lambda index, c: EmployeeCyclesStartedFields(
        employee_id=node_id("Person", c["employee_id"])
    ),
    ("EmployeeCycles", "CycleAdded"): lambda index, c: CycleAddedFields(
        cycle_id=node_id("Cycle", c["cycle_id"])
    ),
}
