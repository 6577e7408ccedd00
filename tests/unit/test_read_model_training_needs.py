"""Training needs: people per skill, team and function at the end of the last closed month."""

from __future__ import annotations

import pytest

from projections.training_needs import closed_month
from projections.training_needs_disclosure import NeedGroup
from projections.training_needs_report import Balance, TrainingNeedsReport
from tests.unit.training_needs_given import (
    DECEMBER,
    IN_DECEMBER,
    IN_JANUARY,
    NOVEMBER,
    OCTOBER,
    NeedsLog,
    NeedsStore,
    people,
)


@pytest.fixture
def needs() -> NeedsLog:
    return NeedsLog()


def group(report: TrainingNeedsReport, name: str, kind: str) -> NeedGroup:
    return next(g for g in report.groups if (g.name, g.kind) == (name, kind))


def test_the_report_is_of_the_last_closed_month() -> None:
    assert {k: v.isoformat() for k, v in closed_month(IN_DECEMBER).items()} == {
        "start": "2026-11-01",
        "end": "2026-11-30",
        "next_update": "2027-01-01",
    }
    assert closed_month(IN_JANUARY)["end"].isoformat() == "2026-12-31"


def test_a_need_counts_from_the_month_after_it_arose(needs: NeedsLog) -> None:
    for person in needs.group(5, "Sales"):
        needs.wishes(person, hard=["SQL"], at=DECEMBER)
    december = needs.report("skill", today=IN_DECEMBER)
    assert december.groups == []
    assert december.period.end == "2026-11-30"
    assert people(needs.report("skill", today=IN_JANUARY), "SQL", "hard") == 5


def test_a_group_too_small_to_hide_in_takes_the_smallest_class_into_other(
    needs: NeedsLog,
) -> None:
    for person in needs.group(5, "Sales"):
        needs.wishes(person, hard=["SQL"], soft=["Presenting"])
    for person in needs.group(2, "Legal", "Jurist"):
        needs.wishes(person, hard=["Contract law"], soft=["Presenting"])

    by_team = needs.report("team")
    # Sales alone beside an "other" of two would give the two away (7 - 5).
    assert [(g.name, g.kind, g.people) for g in by_team.groups] == [
        ("other", "hard", 7),
        ("other", "soft", 7),
    ]
    by_skill = needs.report("skill")
    assert {(g.name, g.kind, g.people) for g in by_skill.groups} == {
        ("Presenting", "soft", 7),
        ("other", "hard", 7),
    }
    assert "Contract law" not in repr(by_skill)
    assert by_skill.hard_soft_balance == Balance(hard=7, soft=7, hard_share=0.5)


def test_teams_large_enough_stay_named_in_both_reports(needs: NeedsLog) -> None:
    for team, count in (("Sales", 6), ("Support", 5), ("Finance", 7)):
        for person in needs.group(count, team, f"{team} adviser"):
            needs.wishes(person, hard=["SQL"], soft=["Feedback"])
    # The one analyst joins Finance's advisers, who lose their function: Finance stays named.
    needs.wishes(needs.person("Finance", "Analyst"), hard=["SQL"])

    teams = needs.report("team")
    assert {(g.name, g.people) for g in teams.groups if g.kind == "hard"} == {
        ("Finance", 8),
        ("Sales", 6),
        ("Support", 5),
    }
    functions = needs.report("function")
    assert {(g.name, g.people) for g in functions.groups if g.kind == "hard"} == {
        ("Sales adviser", 6),
        ("Support adviser", 5),
        ("other", 8),
    }
    # The analyst has no soft need: 7 of Finance's 8 would single them out, so it is hidden.
    soft = {(g.name, g.people) for g in functions.groups if g.kind == "soft"}
    assert soft == {("Sales adviser", 6), ("Support adviser", 5), ("other", None)}
    assert people(teams, "Finance", "soft") is None


def test_counts_are_of_distinct_people_and_never_name_them(needs: NeedsLog) -> None:
    group_of = needs.group(5, "Ops")
    for person in group_of:
        needs.wishes(person, hard=["SQL", "sql "])  # two spellings, one person, one skill
    report = needs.report("function")
    assert group(report, "Adviseur", "hard").people == 5
    assert all(str(p) not in repr(report) for p in group_of)
    assert "Person" not in repr(report)


def test_agreed_activities_count_in_people_once_both_approved(needs: NeedsLog) -> None:
    cycles = [needs.wishes(p, hard=["SQL"]) for p in needs.group(5, "Sales")]
    for cycle in cycles:
        needs.agree(cycle, [("course", "SQL"), ("book", "SQL"), ("course", "SQL")], at=NOVEMBER)
    sql = group(needs.report("skill"), "SQL", "hard")
    assert (sql.people, sql.people_wishing, sql.people_agreed) == (5, 5, 5)
    assert sql.activities == {"book": 5, "course": 5}
    support = group(needs.report("team"), "Sales", "unspecified")
    assert support.support == {"time": 5}


def test_a_resubmitted_preparation_replaces_the_previous_one_from_then_on(
    needs: NeedsLog,
) -> None:
    cycles = [needs.wishes(p, hard=["SQL"]) for p in needs.group(5, "Sales")]
    for cycle in cycles:
        needs.resubmit(cycle, hard=["Python"], soft=[], at=DECEMBER)
    assert people(needs.report("skill", today=IN_DECEMBER), "SQL", "hard") == 5
    january = needs.report("skill", today=IN_JANUARY)
    assert people(january, "SQL", "hard") is None
    assert people(january, "Python", "hard") == 5


def test_people_count_in_the_team_they_had_at_the_end_of_the_month(needs: NeedsLog) -> None:
    movers = needs.group(5, "Alpha")
    for person in movers:
        needs.wishes(person, hard=["SQL"], at=OCTOBER)
    for person in movers:
        needs.change_team(person, "Beta", at=DECEMBER)
    assert people(needs.report("team", today=IN_DECEMBER), "Alpha", "hard") == 5
    january = needs.report("team", today=IN_JANUARY)
    assert (people(january, "Alpha", "hard"), people(january, "Beta", "hard")) == (None, 5)


def test_a_rebuild_in_one_batch_writes_the_rows_applied_one_save_at_a_time(
    needs: NeedsLog,
) -> None:
    cycles = [needs.wishes(p, hard=["SQL"]) for p in needs.group(2, "Sales")]
    needs.resubmit(cycles[0], hard=["Python"], soft=["Feedback"], at=NOVEMBER)
    needs.agree(cycles[0], [("course", "Python")], at=DECEMBER)
    needs.change_team(next(iter(needs.people)), "Support", at=DECEMBER)

    rebuilt = NeedsStore()
    rebuilt.apply(needs.recorded)
    assert sorted(map(repr, rebuilt.facts)) == sorted(map(repr, needs.store.facts))
    assert rebuilt.where == needs.store.where
    assert any(fact.valid_until is not None for fact in rebuilt.facts)


def test_only_skill_team_and_function_are_groupings(needs: NeedsLog) -> None:
    with pytest.raises(ValueError, match="group_by"):
        needs.report("name")


def test_fewer_people_than_the_minimum_in_all_show_nothing_but_that(needs: NeedsLog) -> None:
    for person in needs.group(3, "Sales"):
        needs.wishes(person, hard=["SQL"], soft=["Feedback"])
    for group_by in ("team", "function", "skill"):
        report = needs.report(group_by)
        assert report.too_few is True
        assert {(g.name, g.people) for g in report.groups} == {("other", None)}
        assert report.hard_soft_balance == Balance(hard=None, soft=None, hard_share=None)


def test_a_measure_nobody_in_a_group_has_is_zero(needs: NeedsLog) -> None:
    for person in needs.group(5, "Sales"):
        needs.wishes(person, hard=["SQL"])
    sales = group(needs.report("team"), "Sales", "hard")
    assert (sales.people, sales.people_wishing, sales.people_agreed) == (5, 5, 0)
    assert needs.report("team").too_few is False
