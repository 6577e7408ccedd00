"""What an entry of an employee's history says, one type per kind of entry.

`HistoryEntry.details` is one of these; `__typename` (or the entry's `kind`)
says which. Built from the entry's summary (`projections.history`), whose
shape each kind fixes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

import strawberry

from projections.history import HistoryKind, Summary
from service.graphql.enums import Column, Party, SkillKind
from service.graphql.node_ids import node_id, node_id_or_none
from service.graphql.values import day, day_or_none


@strawberry.type(description="The manager opened a cycle.")
class HistoryCycleOpened:
    manager_id: strawberry.ID | None
    planned_session_on: date
    previous_cycle_id: strawberry.ID | None


@strawberry.type(description="A party submitted a version of their preparation.")
class HistoryPreparationSubmitted:
    preparation_version: int


@strawberry.type(description="A card as the history names it: by its 'I want to'.")
class HistoryCard:
    id: strawberry.ID
    kind: SkillKind | None = strawberry.field(description="Named where the card was written.")
    title: str | None


@strawberry.type(description="The session was held, with its candidate cards.")
class HistorySessionHeld:
    held_on: date
    notes: str
    cards: list[HistoryCard]


@strawberry.type(description="The cards for the board were chosen.")
class HistoryCardsSelected:
    cards: list[HistoryCard]


@strawberry.type(description="The employee moved a card.")
class HistoryCardMoved:
    card: HistoryCard
    from_column: Column
    to_column: Column
    position: int = strawberry.field(description="Its place in the column, 0 at the top.")


@strawberry.type(description="The employee showed a card to the team, or hid it.")
class HistoryCardVisibilityChanged:
    card: HistoryCard
    visible_to_team: bool


@strawberry.type(description="A version of the POP was written, approved, or approved by both.")
class HistoryPlanVersion:
    plan_version: int


@strawberry.type(description="A party's approval that a revision of the POP set aside.")
class HistoryApprovalReset:
    party: Party
    plan_version: int


@strawberry.type(description="The POP was revised: both parties are asked to approve again.")
class HistoryPlanRevised:
    plan_version: int
    approvals_reset: list[HistoryApprovalReset]


@strawberry.type(description="The follow-up was planned.")
class HistoryFollowUpScheduled:
    due_on: date


@strawberry.type(description="The follow-up was held: its retrospective.")
class HistoryFollowUpCompleted:
    held_on: date
    went_well: str
    could_be_better: str
    show_and_tell_on: date | None


@strawberry.type(description="HR gave the cycle to another manager or a coach.")
class HistoryCycleHandedOver:
    from_manager_id: strawberry.ID | None
    to_manager_id: strawberry.ID | None
    approval_withdrawn: int | None = strawberry.field(
        description="The POP version whose approval by the former manager no longer counts."
    )


@strawberry.type(description="The cycle was closed before its end.")
class HistoryCycleClosed:
    reason: str


@strawberry.type(description="The employee got another manager (or none).")
class HistoryManagerChanged:
    manager_id: strawberry.ID | None


@strawberry.type(description="The employee moved to another team.")
class HistoryTeamChanged:
    team: str


@strawberry.type(description="The employee got another function.")
class HistoryFunctionChanged:
    function: str


HistoryDetails = Annotated[
    HistoryCycleOpened
    | HistoryPreparationSubmitted
    | HistorySessionHeld
    | HistoryCardsSelected
    | HistoryCardMoved
    | HistoryCardVisibilityChanged
    | HistoryPlanVersion
    | HistoryPlanRevised
    | HistoryFollowUpScheduled
    | HistoryFollowUpCompleted
    | HistoryCycleHandedOver
    | HistoryCycleClosed
    | HistoryManagerChanged
    | HistoryTeamChanged
    | HistoryFunctionChanged,
    strawberry.union("HistoryDetails", description="What an entry of the history says."),
]


def history_details(kind: HistoryKind, cycle_id: str | None, summary: Summary) -> Any:
    """The typed details of one entry (a `HistoryDetails`)."""
    return _DETAILS[kind](cycle_id or "", summary)


def _person(key: str | None) -> strawberry.ID | None:
    return node_id_or_none("Person", key)


def _card(cycle_id: str, card: dict[str, Any]) -> HistoryCard:
    kind = card.get("kind")
    return HistoryCard(
        id=node_id("Card", cycle_id, card["id"]),
        kind=SkillKind(kind) if kind else None,
        title=card.get("title"),
    )


def _moved(cycle_id: str, s: Summary) -> HistoryCardMoved:
    return HistoryCardMoved(
        card=_card(cycle_id, {"id": s["card_id"], "title": s["title"]}),
        from_column=Column(s["from_column"]),
        to_column=Column(s["to_column"]),
        position=s["position"],
    )


def _revised(cycle_id: str, s: Summary) -> HistoryPlanRevised:
    reset = [
        HistoryApprovalReset(party=Party(r["party"]), plan_version=r["plan_version"])
        for r in s["approvals_reset"]
    ]
    return HistoryPlanRevised(plan_version=s["plan_version"], approvals_reset=reset)


def _plan_version(cycle_id: str, s: Summary) -> HistoryPlanVersion:
    return HistoryPlanVersion(plan_version=s["plan_version"])


_DETAILS: dict[HistoryKind, Callable[[str, Summary], Any]] = {
    HistoryKind.CYCLE_OPENED: lambda c, s: HistoryCycleOpened(
        manager_id=_person(s["manager_id"]),
        planned_session_on=day(s["planned_session_on"]),
        previous_cycle_id=node_id_or_none("Cycle", s["previous_cycle_id"]),
    ),
    HistoryKind.PREPARATION_SUBMITTED: lambda c, s: HistoryPreparationSubmitted(
        preparation_version=s["preparation_version"]
    ),
    HistoryKind.SESSION_HELD: lambda c, s: HistorySessionHeld(
        held_on=day(s["held_on"]), notes=s["notes"], cards=[_card(c, x) for x in s["cards"]]
    ),
    HistoryKind.CARDS_SELECTED: lambda c, s: HistoryCardsSelected(
        cards=[_card(c, x) for x in s["cards"]]
    ),
    HistoryKind.CARD_MOVED: _moved,
    HistoryKind.CARD_VISIBILITY_CHANGED: lambda c, s: HistoryCardVisibilityChanged(
        card=_card(c, {"id": s["card_id"], "title": s["title"]}),
        visible_to_team=s["visible_to_team"],
    ),
    HistoryKind.PLAN_DRAFTED: _plan_version,
    HistoryKind.PLAN_REVISED: _revised,
    HistoryKind.PLAN_APPROVED: _plan_version,
    HistoryKind.PLAN_APPROVED_BY_BOTH: _plan_version,
    HistoryKind.FOLLOW_UP_SCHEDULED: lambda c, s: HistoryFollowUpScheduled(due_on=day(s["due_on"])),
    HistoryKind.FOLLOW_UP_COMPLETED: lambda c, s: HistoryFollowUpCompleted(
        held_on=day(s["held_on"]),
        went_well=s["went_well"],
        could_be_better=s["could_be_better"],
        show_and_tell_on=day_or_none(s["show_and_tell_on"]),
    ),
    HistoryKind.CYCLE_HANDED_OVER: lambda c, s: HistoryCycleHandedOver(
        from_manager_id=_person(s["from_manager_id"]),
        to_manager_id=_person(s["to_manager_id"]),
        approval_withdrawn=s["approval_withdrawn"],
    ),
    HistoryKind.CYCLE_CLOSED: lambda c, s: HistoryCycleClosed(reason=s["reason"]),
    HistoryKind.MANAGER_CHANGED: lambda c, s: HistoryManagerChanged(
        manager_id=_person(s["manager_id"])
    ),
    HistoryKind.TEAM_CHANGED: lambda c, s: HistoryTeamChanged(team=s["team"]),
    HistoryKind.FUNCTION_CHANGED: lambda c, s: HistoryFunctionChanged(function=s["function"]),
}
