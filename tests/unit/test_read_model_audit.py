"""The audit trail's rows: one per event, in log order, saying whom each concerns; the POP
as it stood at a moment. Folded without a database."""

from __future__ import annotations

from eventsourcing.domain import Aggregate, event

from domain.employee_cycles import EmployeeCycles
from domain.person import EmailIndex, Person
from domain.vocabulary import Party
from projections import audit_fold
from projections.plan_as_of import plan_as_of
from tests.unit.folding import batch_of, trail_of
from tests.unit.given import (
    EMPLOYEE,
    ON_BOARD,
    PLAN,
    draft_saved,
    history,
    plan_approved,
    plan_written,
)


def test_every_event_is_one_row_numbered_by_its_place_in_the_log() -> None:
    cycle, events = history(*ON_BOARD)
    changes = audit_fold.fold({}, batch_of(events, first_id=42))
    assert [row[0] for row in changes.rows] == list(range(42, 42 + len(events)))
    assert [(row[4], row[5]) for row in changes.rows][:2] == [
        ("GrowthCycle", "Opened"),
        ("GrowthCycle", "PreparationSubmitted"),
    ]
    assert {(row[6], row[7]) for row in changes.rows} == {(str(EMPLOYEE), str(cycle.id))}
    assert changes.subjects == [(str(cycle.id), str(EMPLOYEE), str(cycle.id))]


def test_a_later_batch_finds_whom_a_cycles_events_concern_in_the_stored_subjects() -> None:
    cycle, events = history(*ON_BOARD)
    later = batch_of(events[1:], first_id=2)
    assert audit_fold.keys_to_load(later) == {str(cycle.id)}
    found = audit_fold.fold({str(cycle.id): (str(EMPLOYEE), str(cycle.id))}, later)
    assert {(row[6], row[7]) for row in found.rows} == {(str(EMPLOYEE), str(cycle.id))}
    assert found.subjects == []
    unknown = audit_fold.fold({}, later)
    assert {(row[6], row[7]) for row in unknown.rows} == {(None, None)}


def test_a_persons_events_and_those_naming_them_concern_that_person() -> None:
    person = Person.register(
        name="Ann", email="ann@example.nl", function="Planner", team="Ops", start_date="2024-01-01"
    )
    person.change_team("Sales")
    claim = EmailIndex.claim(person.email, person.id)
    cycles = EmployeeCycles.start(person.id)
    cycle = history()[0]
    cycles.add(cycle.id)
    events = [*person.collect_events(), *claim.collect_events(), *cycles.collect_events()]
    batch = batch_of(events)
    # Only the employee's index looks its subject up: the person's events name them.
    assert audit_fold.keys_to_load(batch) == {str(cycles.id)}
    rows = audit_fold.fold({}, batch).rows
    assert {row[6] for row in rows} == {str(person.id)}
    assert [row[7] for row in rows if row[5] == "CycleAdded"] == [str(cycle.id)]


class Vault(Aggregate):
    """An aggregate whose event carries fields named like secrets."""

    @event("Sealed")
    def seal(self, label: str, api_token: str, password_hash: str) -> None:
        self.label = label


def test_fields_named_like_secrets_and_a_drafts_content_never_reach_the_trail() -> None:
    vault = Vault()
    vault.seal(label="kluis", api_token="t0ps3cret", password_hash="$argon2id$…")
    _, drafts = history(draft_saved(Party.EMPLOYEE))
    rows = trail_of([*vault.collect_events(), *drafts])
    [sealed] = [row for row in rows if row.kind == "Sealed"]
    assert sealed.changes == {"label": "kluis"}
    [draft] = [row for row in rows if row.kind == "PreparationDraftSaved"]
    assert draft.changes == {"party": "employee"}


def test_the_plan_as_of_a_moment_holds_its_version_and_the_approvals_by_then() -> None:
    revised = dict(PLAN, support=[{"kind": "budget", "description": "course fee"}])
    cycle, events = history(
        *ON_BOARD,
        plan_written(),
        plan_approved(Party.EMPLOYEE),
        plan_approved(Party.MANAGER),
        plan_written(revised),
        plan_approved(Party.MANAGER, 2),
    )
    rows = [r for r in trail_of(events) if r.kind.startswith("Plan")]
    assert plan_as_of(str(cycle.id), []) is None
    agreed = plan_as_of(str(cycle.id), rows[:4])
    assert agreed is not None
    assert (agreed.version, agreed.plan["support"]) == (1, PLAN["support"])
    assert {p: a.version for p, a in agreed.approvals.items()} == {"employee": 1, "manager": 1}
    now = plan_as_of(str(cycle.id), rows)
    assert now is not None
    assert (now.version, {p: a.version for p, a in now.approvals.items()}) == (2, {"manager": 2})
    assert now.approved_by_both is not None
    assert now.approved_by_both.version == 1  # the contract still in force
