"""The timeline across cycles: each cycle's moments in order, from the cycle documents alone."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from domain.vocabulary import Party
from projections import cycle_fold
from projections.cycle_fold import CycleDoc
from projections.cycle_timeline import MomentKind, last_retrospective, moments_of, timeline_of
from tests.unit.folding import batch_of
from tests.unit.given import (
    AGREED,
    EMPLOYEE,
    MANAGER,
    ON_BOARD,
    Step,
    closed,
    draft_saved,
    follow_up_completed,
    follow_up_scheduled,
    open_cycle,
    plan_approved,
    plan_with,
    plan_written,
)

K = MomentKind


def folded(*steps: Step, **opened: Any) -> CycleDoc:
    cycle = open_cycle(**opened)
    for step in steps:
        step(cycle)
    cycles: dict[str, CycleDoc] = {}
    cycle_fold.fold(cycles, batch_of(list(cycle.collect_events())))
    return cycles[str(cycle.id)]


def kinds(doc: CycleDoc) -> list[MomentKind]:
    return [m.kind for m in moments_of(doc)]


def test_a_full_cycle_shows_every_part_in_the_order_it_happened() -> None:
    doc = folded(*AGREED, follow_up_scheduled(), follow_up_completed())
    assert kinds(doc) == [
        K.OPENED,
        K.PREPARED,
        K.PREPARED,
        K.SESSION_HELD,
        K.CARDS_CHOSEN,
        K.PLAN_VERSION,
        K.PLAN_APPROVED,
        K.PLAN_APPROVED,
        K.PLAN_AGREED,
        K.FOLLOW_UP_PLANNED,
        K.RETROSPECTIVE,
    ]
    moments = moments_of(doc)
    assert [m.party for m in moments if m.kind is K.PREPARED] == ["employee", "manager"]
    assert [m.party for m in moments if m.kind is K.PLAN_APPROVED] == ["employee", "manager"]
    assert [m.person_id for m in moments if m.kind is K.PLAN_APPROVED] == [
        str(EMPLOYEE),
        str(MANAGER),
    ]


def test_a_session_and_a_retrospective_are_about_their_own_days() -> None:
    doc = folded(*AGREED, follow_up_scheduled(), follow_up_completed("2027-03-01"))
    moments = {m.kind: m for m in moments_of(doc)}
    assert moments[K.SESSION_HELD].day == "2026-12-01"
    assert moments[K.RETROSPECTIVE].day == "2027-03-01"
    assert moments[K.FOLLOW_UP_PLANNED].day == moments[K.FOLLOW_UP_PLANNED].at  # when planned
    assert moments[K.PLAN_VERSION].day == moments[K.PLAN_VERSION].at


def test_every_pop_version_and_whose_approval_it_got_are_moments_of_their_own() -> None:
    revised = plan_with(measure="runs under half a second")
    doc = folded(
        *ON_BOARD,
        plan_written(),
        plan_approved(Party.EMPLOYEE, 1),
        plan_written(revised),
        plan_approved(Party.EMPLOYEE, 2),
        plan_approved(Party.MANAGER, 2),
    )
    pop = [(m.kind, m.party, m.version) for m in moments_of(doc) if m.version is not None]
    pop = [p for p in pop if p[0] is not K.PREPARED]
    assert pop == [
        (K.PLAN_VERSION, None, 1),
        (K.PLAN_APPROVED, "employee", 1),
        (K.PLAN_VERSION, None, 2),
        (K.PLAN_APPROVED, "employee", 2),
        (K.PLAN_APPROVED, "manager", 2),
        (K.PLAN_AGREED, None, 2),
    ]


def test_a_draft_is_never_a_moment_and_a_closed_cycle_ends_with_its_closing() -> None:
    assert kinds(folded(draft_saved(Party.EMPLOYEE))) == [K.OPENED]
    assert kinds(folded(*ON_BOARD, closed()))[-1] is K.CLOSED


def test_each_moment_says_how_many_days_passed_since_the_one_before() -> None:
    doc = folded(*AGREED, follow_up_scheduled(), follow_up_completed())
    assert doc["follow_up"] is not None
    assert doc["follow_up"]["completed"] is not None
    doc["follow_up"]["scheduled_at"] = "2099-01-01T09:00:00.000000+00:00"
    doc["follow_up"]["completed"]["recorded_at"] = "2099-03-02T10:00:00.000000+00:00"
    moments = moments_of(doc)
    assert (moments[-1].kind, moments[-1].gap_days) == (K.RETROSPECTIVE, 60)
    assert moments[0].gap_days == 0


def test_the_timeline_numbers_the_cycles_oldest_first_and_the_wait_between_them() -> None:
    first = folded(*AGREED, follow_up_scheduled(), follow_up_completed())
    second = folded(previous_cycle_id=uuid4())
    first["opened_at"] = "2025-01-10T08:00:00.000000+00:00"
    timeline = timeline_of(str(EMPLOYEE), [second, first])
    assert [line.number for line in timeline.cycles] == [1, 2]
    assert [line.cycle["cycle_id"] for line in timeline.cycles] == [
        first["cycle_id"],
        second["cycle_id"],
    ]
    assert timeline.cycles[0].gap_days == 0
    assert timeline.cycles[1].gap_days >= 0


def test_the_last_retrospective_is_that_of_the_newest_earlier_cycle_that_held_one() -> None:
    oldest = folded(*AGREED, follow_up_scheduled(), follow_up_completed("2027-04-01"))
    without = folded(*ON_BOARD, closed())
    current = folded()
    oldest["opened_at"] = "2025-01-10T08:00:00.000000+00:00"
    without["opened_at"] = "2025-09-10T08:00:00.000000+00:00"
    docs = [current, without, oldest]
    found = last_retrospective(docs, current)
    assert found is not None
    assert found.cycle_id == oldest["cycle_id"]
    assert found.retrospective["held_on"] == "2027-04-01"
    assert (found.retrospective["went_well"], found.retrospective["could_be_better"]) == (
        "SQL",
        "Time",
    )
    assert last_retrospective(docs, oldest) is None


def test_an_approval_before_a_handover_is_the_former_managers() -> None:
    new_manager = uuid4()

    def handed_over(cycle: Any) -> None:
        cycle.hand_over(new_manager)

    doc = folded(
        *ON_BOARD,
        plan_written(),
        plan_approved(Party.MANAGER, 1),
        plan_approved(Party.EMPLOYEE, 1),
        handed_over,
        follow_up_scheduled(),
    )
    moments = moments_of(doc)
    approvals = [m.person_id for m in moments if m.kind is K.PLAN_APPROVED]
    assert approvals == [str(MANAGER), str(EMPLOYEE)]
    [handover] = [m for m in moments if m.kind is K.HANDED_OVER]
    assert handover.handover is not None
    assert handover.handover["to_manager_id"] == str(new_manager)
