"""Two POP versions side by side: what stayed, what changed, what was added and removed."""

from __future__ import annotations

from domain.plan import Activity, Goal, Plan, SupportPromise
from domain.plan_comparison import Change, compare_versions


def goal(description: str, measure: str = "done", deadline: str = "2027-06-01") -> Goal:
    return Goal(description=description, measure=measure, deadline=deadline)


def activity(description: str, type: str = "course", form: str = "formal") -> Activity:
    return Activity(description=description, type=type, form=form, skill="")


def support(kind: str, description: str) -> SupportPromise:
    return SupportPromise(kind=kind, description=description)


def plan(
    goals: list[Goal],
    activities: list[Activity] | None = None,
    promises: list[SupportPromise] | None = None,
) -> Plan:
    return Plan(goals=goals, activities=activities or [], support=promises or [])


def described(old: Goal | None, new: Goal | None) -> str:
    shown = new or old
    assert shown is not None
    return shown["description"]


def test_identical_versions_differ_nowhere() -> None:
    version = plan([goal("A")], [activity("Course")], [support("time", "2 h")])
    comparison = compare_versions(version, version)
    assert [r.change for r in comparison.goals] == [Change.SAME]
    assert not comparison.differs
    assert comparison.count(Change.SAME) == 3


def test_a_goal_with_another_measure_is_the_same_goal_changed() -> None:
    comparison = compare_versions(plan([goal("A", "two talks")]), plan([goal("A", "three talks")]))
    [row] = comparison.goals
    assert row.change is Change.CHANGED
    assert row.changed == {"measure"}
    assert row.old is not None
    assert row.new is not None
    assert (row.old["measure"], row.new["measure"]) == ("two talks", "three talks")


def test_an_added_and_a_removed_item_stand_on_their_own_side_only() -> None:
    old = plan([goal("A"), goal("B")], [activity("Book", "book", "informal")])
    new = plan([goal("A"), goal("C")], [activity("Book", "book", "informal")])
    rows = [(r.change, r.old and r.old["description"], r.new and r.new["description"])
            for r in compare_versions(old, new).goals]  # fmt: skip
    assert rows == [
        (Change.SAME, "A", "A"),
        (Change.REMOVED, "B", None),
        (Change.ADDED, None, "C"),
    ]


def test_a_removed_item_stands_after_the_item_it_followed() -> None:
    old = plan([goal("A"), goal("B"), goal("C")])
    new = plan([goal("C"), goal("A")])
    rows = [(r.change, described(r.old, r.new)) for r in compare_versions(old, new).goals]
    assert rows == [(Change.SAME, "C"), (Change.SAME, "A"), (Change.REMOVED, "B")]


def test_an_activity_of_another_kind_and_a_support_promise_reworded_are_changes() -> None:
    old = plan([goal("A")], [activity("Mentor", "mentoring", "informal")],
               [support("time", "2 h a week")])  # fmt: skip
    new = plan([goal("A")], [activity("Mentor", "shadowing", "informal")],
               [support("time", "4 h a week"), support("budget", "500 euro")])  # fmt: skip
    comparison = compare_versions(old, new)
    assert [(r.change, r.changed) for r in comparison.activities] == [
        (Change.CHANGED, frozenset({"type"}))
    ]
    assert [r.change for r in comparison.support] == [Change.CHANGED, Change.ADDED]
    assert comparison.count(Change.CHANGED) == 2
    assert comparison.count(Change.ADDED) == 1


def test_a_reworded_goal_is_one_removed_and_one_added() -> None:
    comparison = compare_versions(plan([goal("Lead talks")]), plan([goal("Lead client talks")]))
    assert sorted(r.change for r in comparison.goals) == [Change.ADDED, Change.REMOVED]
