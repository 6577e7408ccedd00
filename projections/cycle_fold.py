"""The cycle detail's document, and how a cycle's events fold into it.

Everything a cycle's pages show: the preparations per party with their
versions, the latest draft per party (marked as a draft: the read queries
show it only to its author), the session and its candidate cards, the
board, every POP version with what it changed, the approvals, the
follow-up, the handovers and how the cycle ended. The stage follows the
same rules as `GrowthCycle.stage`. The fold is pure: it is handed the stored
documents a batch concerns and changes them in place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict, cast

from domain.cards import CardStory
from domain.growth_cycle import GrowthCycle
from domain.plan import Plan, describe_changes
from domain.preparation import Preparation
from domain.question_set import Question
from domain.session_cards import CandidateCard, candidate
from domain.vocabulary import Stage
from projections.read_model import Event


class SubmittedPreparation(TypedDict):
    party: str
    version: int
    submitted_at: str
    preparation: Preparation


class DraftPreparation(TypedDict):
    party: str
    draft: bool  # always True: tells a draft from a submitted version where both show
    saved_at: str
    preparation: Preparation


class SessionCard(CardStory):
    id: str


class Session(TypedDict):
    held_on: str
    notes: str
    cards: list[SessionCard]
    recorded_at: str


class CycleBoard(TypedDict):
    card_ids: list[str]
    selected_at: str
    columns: dict[str, list[str]]
    moves: int
    visible_to_team: list[str]


class PlanVersion(TypedDict):
    version: int
    plan: Plan
    written_at: str
    changes: list[str]  # what it changed against the version before, in plain words


class Approval(TypedDict):
    version: int
    at: str


class PartyApproval(TypedDict):
    party: str
    version: int
    at: str


class Retrospective(TypedDict):
    held_on: str
    went_well: str
    could_be_better: str
    show_and_tell_on: str | None
    recorded_at: str


class FollowUp(TypedDict):
    due_on: str
    scheduled_at: str
    completed: Retrospective | None


class Handover(TypedDict):
    from_manager_id: str | None
    to_manager_id: str | None
    at: str
    approval_withdrawn: int | None  # the former manager's approval that no longer counts


class CandidateCardDoc(CandidateCard):
    """A card written at the session table (`domain.session_cards`), as it is now."""

    changed_at: str


class ReportVersion(TypedDict):
    version: int
    text: str
    party: str  # who wrote this version
    written_at: str


class SessionReport(TypedDict):
    """The session report (verslag) with its versions and approvals, like the POP's."""

    versions: list[ReportVersion]
    approvals: dict[str, Approval]  # party → what it approved of the current version
    approval_history: list[PartyApproval]
    agreed_version: int | None
    agreed_at: str | None


class CycleDoc(TypedDict):
    """One cycle as stored (JSON), drafts of both parties included."""

    cycle_id: str
    employee_id: str
    manager_id: str | None  # None while nobody leads the cycle
    planned_session_on: str
    previous_cycle_id: str | None
    opened_at: str
    updated_at: str
    stage: str
    version: int
    preparations: dict[str, list[SubmittedPreparation]]  # party → versions, oldest first
    drafts: dict[str, DraftPreparation]  # party → its latest unsubmitted draft
    session: Session | None
    board: CycleBoard | None
    plan_versions: list[PlanVersion]
    approvals: dict[str, Approval]  # party → what it approved of the current version
    approval_history: list[PartyApproval]
    approved_version: int | None
    approved_at: str | None
    follow_up: FollowUp | None
    closed: bool
    closed_reason: str | None
    closed_at: str | None
    handovers: list[Handover]
    candidate_cards: list[CandidateCardDoc]  # written at the table, in the order written
    report: SessionReport
    # The questions the cycle asks (`GrowthCycle.QuestionsAsked`); None for a cycle
    # opened before cycles recorded them, which asks the built-in set.
    questions: list[Question] | None
    question_set_version: int | None


@dataclass
class CycleChanges:
    """What a batch changed: the documents, and the cycles whose line in the list of
    cycles (who leads it, its stage) may have changed."""

    cycles: dict[str, CycleDoc] = field(default_factory=dict)
    listed: set[str] = field(default_factory=set)


def keys_to_load(batch: Iterable[tuple[Event, str, str]]) -> set[str]:
    return {
        key
        for event, key, _ in batch
        if isinstance(event, GrowthCycle.Event) and not isinstance(event, GrowthCycle.Opened)
    }


def fold(cycles: dict[str, CycleDoc], batch: Iterable[tuple[Event, str, str]]) -> CycleChanges:
    """Folds events in log order into `cycles` (the stored ones by id; new ones are
    added); returns what changed."""
    changes = CycleChanges()
    for event, key, at in batch:
        if not isinstance(event, GrowthCycle.Event):
            continue
        if isinstance(event, GrowthCycle.Opened):
            doc = cycles[key] = opened(event, key, at)
            changes.listed.add(key)
        else:
            found = cycles.get(key)
            if found is None:
                continue
            doc = found
            process_event(doc, event, at)
            if isinstance(event, GrowthCycle.ManagerHandedOver):
                changes.listed.add(key)
            doc["version"] = event.originator_version
            doc["updated_at"] = at
            if not isinstance(event, _SAME_STAGE):
                doc["stage"] = stage_of(doc)
                changes.listed.add(key)
        changes.cycles[key] = doc
    return changes


# Events that never move a cycle to another stage: no need to work it out again.
_SAME_STAGE = (
    GrowthCycle.CardMoved,
    GrowthCycle.CardVisibilityChanged,
    GrowthCycle.CardLinkedToBacklog,
    GrowthCycle.PreparationDraftSaved,
    GrowthCycle.PreparationSubmitted,
    GrowthCycle.ManagerHandedOver,
    GrowthCycle.CandidateCardWritten,
    GrowthCycle.CandidateCardChanged,
    GrowthCycle.CandidateCardRemoved,
    GrowthCycle.SessionReportDrafted,  # SessionReportRevised too: a subclass
    GrowthCycle.SessionReportApproved,
    GrowthCycle.SessionReportApprovedByBoth,
    GrowthCycle.SessionReportApprovalWithdrawn,
    GrowthCycle.QuestionsAsked,
)


def stage_of(doc: CycleDoc) -> str:
    """`GrowthCycle.stage`, from the document."""
    if doc["closed"]:
        return Stage.CLOSED.value
    follow_up = doc["follow_up"]
    if follow_up is not None and follow_up["completed"] is not None:
        return Stage.COMPLETED.value
    if follow_up is not None:
        return Stage.FOLLOW_UP_SCHEDULED.value
    approved = doc["approved_version"]
    if approved is not None and approved == len(doc["plan_versions"]):
        return Stage.PLAN_AGREED.value
    if doc["board"] is not None:
        return Stage.ON_BOARD.value
    if doc["session"] is not None:
        return Stage.SESSION_HELD.value
    return Stage.PREPARING.value


def opened(event: GrowthCycle.Opened, key: str, at: str) -> CycleDoc:
    previous = event.previous_cycle_id
    return CycleDoc(
        cycle_id=key,
        employee_id=str(event.employee_id),
        manager_id=str(event.manager_id),
        planned_session_on=event.planned_session_on.isoformat(),
        previous_cycle_id=str(previous) if previous is not None else None,
        opened_at=at,
        updated_at=at,
        stage=Stage.PREPARING.value,
        version=event.originator_version,
        preparations={"employee": [], "manager": []},
        drafts={},
        session=None,
        board=None,
        plan_versions=[],
        approvals={},
        approval_history=[],
        approved_version=None,
        approved_at=None,
        follow_up=None,
        closed=False,
        closed_reason=None,
        closed_at=None,
        handovers=[],
        candidate_cards=[],
        report=SessionReport(
            versions=[], approvals={}, approval_history=[], agreed_version=None, agreed_at=None
        ),
        questions=None,
        question_set_version=None,
    )


def process_event(doc: CycleDoc, event: GrowthCycle.Event, at: str) -> None:
    """Folds one later event of the cycle into its document."""
    match event:
        case GrowthCycle.CardMoved():  # by far the most frequent: matched first
            board = doc["board"]
            assert board is not None, "a card moves only once the cards are chosen"
            board["columns"][event.from_column].remove(event.card_id)
            board["columns"][event.to_column].insert(event.position, event.card_id)
            board["moves"] += 1
        case GrowthCycle.CardVisibilityChanged():
            assert doc["board"] is not None
            visible = doc["board"]["visible_to_team"]
            if event.visible and event.card_id not in visible:
                visible.append(event.card_id)
            elif not event.visible and event.card_id in visible:
                visible.remove(event.card_id)
        case GrowthCycle.PreparationDraftSaved():
            doc["drafts"][event.party] = DraftPreparation(
                party=event.party, draft=True, saved_at=at, preparation=_answers(event.preparation)
            )
        case GrowthCycle.PreparationSubmitted():
            doc["preparations"][event.party].append(
                SubmittedPreparation(
                    party=event.party,
                    version=event.version,
                    submitted_at=at,
                    preparation=_answers(event.preparation),
                )
            )
            doc["drafts"].pop(event.party, None)
        case GrowthCycle.SessionHeld():
            cards = cast(list[SessionCard], event.cards)  # the event's JSON: CardStory and id
            doc["session"] = Session(
                held_on=event.held_on.isoformat(), notes=event.notes, cards=cards, recorded_at=at
            )
        case GrowthCycle.CardLinkedToBacklog():
            assert doc["session"] is not None, "only a session's cards are linked"
            doc["session"]["cards"] = [  # new dicts: those there may be the session event's
                SessionCard(**{**card, "backlog_skill_id": event.backlog_skill_id})
                if card["id"] == event.card_id
                else card
                for card in doc["session"]["cards"]
            ]
        case GrowthCycle.CardsSelected():
            doc["board"] = CycleBoard(
                card_ids=list(event.card_ids),
                selected_at=at,
                columns={"todo": list(event.card_ids), "doing": [], "done": []},
                moves=0,
                visible_to_team=[],
            )
        case GrowthCycle.PlanDrafted():  # PlanRevised too: a subclass
            versions = doc["plan_versions"]
            plan = cast(Plan, event.plan)  # the event's JSON, parsed by `domain.plan`
            changes = describe_changes(versions[-1]["plan"], plan) if versions else []
            versions.append(
                PlanVersion(version=event.version, plan=plan, written_at=at, changes=changes)
            )
            doc["approvals"] = {}
        case GrowthCycle.PlanApproved():
            doc["approvals"][event.party] = Approval(version=event.version, at=at)
            doc["approval_history"].append(
                PartyApproval(party=event.party, version=event.version, at=at)
            )
        case GrowthCycle.PlanApprovedByBoth():
            doc["approved_version"] = event.version
            doc["approved_at"] = at
        case GrowthCycle.FollowUpScheduled():
            doc["follow_up"] = FollowUp(
                due_on=event.due_on.isoformat(), scheduled_at=at, completed=None
            )
        case GrowthCycle.FollowUpCompleted():
            assert doc["follow_up"] is not None, "a follow-up is scheduled before it is held"
            show = event.show_and_tell_on
            doc["follow_up"]["completed"] = Retrospective(
                held_on=event.held_on.isoformat(),
                went_well=event.went_well,
                could_be_better=event.could_be_better,
                show_and_tell_on=show.isoformat() if show is not None else None,
                recorded_at=at,
            )
        case GrowthCycle.Closed():
            doc["closed"] = True
            doc["closed_reason"] = event.reason
            doc["closed_at"] = at
        case GrowthCycle.ManagerHandedOver():
            _handed_over(doc, event, at)
        case GrowthCycle.QuestionsAsked():
            doc["questions"] = cast(list[Question], event.questions)
            doc["question_set_version"] = event.question_set_version
        case _:
            _at_the_table(doc, event, at)


def _at_the_table(doc: CycleDoc, event: GrowthCycle.Event, at: str) -> None:
    """The candidate cards written at the session, and the session report."""
    cards, report = doc["candidate_cards"], doc["report"]
    match event:
        case GrowthCycle.CandidateCardWritten():
            cards.append(_candidate(event.card_id, 1, event.party, event.card, at))
        case GrowthCycle.CandidateCardChanged():
            changed = _candidate(event.card_id, event.version, event.party, event.card, at)
            doc["candidate_cards"] = [changed if c["id"] == event.card_id else c for c in cards]
        case GrowthCycle.CandidateCardRemoved():
            doc["candidate_cards"] = [c for c in cards if c["id"] != event.card_id]
        case GrowthCycle.SessionReportDrafted():  # SessionReportRevised too: a subclass
            report["versions"].append(
                ReportVersion(
                    version=event.version, text=event.text, party=event.party, written_at=at
                )
            )
            report["approvals"] = {}
        case GrowthCycle.SessionReportApproved():
            report["approvals"][event.party] = Approval(version=event.version, at=at)
            report["approval_history"].append(
                PartyApproval(party=event.party, version=event.version, at=at)
            )
        case GrowthCycle.SessionReportApprovedByBoth():
            report["agreed_version"] = event.version
            report["agreed_at"] = at
        case GrowthCycle.SessionReportApprovalWithdrawn():
            report["approvals"].pop(event.party, None)


def _candidate(
    card_id: str, version: int, party: str, story: dict[str, object], at: str
) -> CandidateCardDoc:
    return cast(CandidateCardDoc, {**candidate(card_id, version, party, story), "changed_at": at})


def _handed_over(doc: CycleDoc, event: GrowthCycle.ManagerHandedOver, at: str) -> None:
    """The new manager leads from now; what no longer counts goes (see `domain.handover`)."""
    new = event.to_manager_id
    doc["manager_id"] = str(new) if new is not None else None
    former = event.from_manager_id
    doc["handovers"].append(
        Handover(
            from_manager_id=str(former) if former else None,
            to_manager_id=doc["manager_id"],
            at=at,
            approval_withdrawn=event.approval_withdrawn,
        )
    )
    if event.approval_withdrawn is not None:
        doc["approvals"].pop("manager", None)
    if event.draft_dropped:
        doc["drafts"].pop("manager", None)


def _answers(preparation: dict[str, object]) -> Preparation:
    """A preparation as the event holds it: JSON that `domain.preparation` parsed."""
    return cast(Preparation, preparation)
