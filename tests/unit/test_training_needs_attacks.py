"""Attacks on the training-needs report, each written as the attacker would work it out.

k = 5 throughout. Every test publishes a population, then does what someone
holding the reports could do — read a small group, subtract, compare two
reports, reload after one person's change — and asserts that no number they
get rests on fewer than 5 people.
"""

from __future__ import annotations

import pytest

from projections.training_needs_report import TrainingNeedsReport
from tests.unit.training_needs_given import DECEMBER, NOVEMBER, NeedsLog, numbers, people

K = 5


@pytest.fixture
def needs() -> NeedsLog:
    return NeedsLog()


def exposed(value: float | None) -> bool:
    """A count that rests on 1 to k-1 people."""
    return isinstance(value, int) and 0 < value < K


def small_numbers(report: TrainingNeedsReport) -> dict[tuple[str, str, str], float | None]:
    return {
        key: value
        for key, value in numbers(report).items()
        if key[2] != "hard_share" and exposed(value)
    }


def test_attack_small_other_reads_the_people_folded_away(needs: NeedsLog) -> None:
    for person in needs.group(6, "Sales"):
        cycle = needs.wishes(person, hard=["SQL"])
    needs.agree(cycle, [("course", "SQL")], at=NOVEMBER)  # one person, one course
    for person in needs.group(2, "Legal", "Jurist"):
        needs.wishes(person, hard=["Contract law"])

    for group_by in ("team", "function", "skill"):
        report = needs.report(group_by)
        assert small_numbers(report) == {}, group_by
        assert "Contract law" not in repr(report)
        assert "Legal" not in repr(report)


def test_attack_complement_of_one_team_total_minus_the_published_teams(needs: NeedsLog) -> None:
    for team, count, function in (("Sales", 6, "Adviseur"), ("Support", 5, "Adviseur")):
        for person in needs.group(count, team, function):
            needs.wishes(person, hard=["SQL"])
    for person in needs.group(2, "Legal", "Jurist"):
        needs.wishes(person, hard=["Contract law"])

    report = needs.report("team")
    total = report.hard_soft_balance.hard
    named = [g.people for g in report.groups if g.kind == "hard" and g.name != "other"]
    shown = [n for n in named if n is not None]  # a hidden group cannot be subtracted
    assert total is None or len(shown) < len(named) or not exposed(total - sum(shown))


def test_attack_complement_of_one_skill_total_minus_the_published_skill(needs: NeedsLog) -> None:
    for person in needs.group(6, "Sales"):
        needs.wishes(person, hard=["SQL"])
    needs.wishes(needs.person("Sales", "Adviseur"), hard=["Burn-out recovery"])

    report = needs.report("skill")
    total = report.hard_soft_balance.hard
    sql = people(report, "SQL", "hard")
    assert total is None or sql is None or not exposed(total - sql)
    assert "Burn-out" not in repr(report)


def test_attack_grouping_by_team_against_grouping_by_function(needs: NeedsLog) -> None:
    # Team A: four advisers and one jurist; team B: five jurists. The jurist of
    # team A is the only jurist outside B, as anyone who knows the org chart knows.
    for person in needs.group(4, "A", "Adviseur") + needs.group(5, "B", "Jurist"):
        needs.wishes(person, hard=["SQL"])
    needs.wishes(needs.person("A", "Jurist"), hard=["SQL"])

    by_team, by_function = needs.report("team"), needs.report("function")
    jurists, team_b = people(by_function, "Jurist", "hard"), people(by_team, "B", "hard")
    assert jurists is None or team_b is None or not exposed(jurists - team_b)
    advisers, team_a = people(by_function, "Adviseur", "hard"), people(by_team, "A", "hard")
    assert advisers is None or team_a is None or not exposed(team_a - advisers)


def test_attack_count_minus_its_part_the_one_without_an_agreed_pop(needs: NeedsLog) -> None:
    cycles = [needs.wishes(p, hard=["SQL"]) for p in needs.group(6, "Sales")]
    for cycle in cycles[:5]:
        needs.agree(cycle, [("course", "SQL")], at=NOVEMBER)

    for group_by in ("team", "function", "skill"):
        for g in needs.report(group_by).groups:
            for value in (g.people_wishing, g.people_agreed, *g.activities.values()):
                if g.people is not None and value is not None:
                    assert not exposed(g.people - value), (group_by, g)


def test_attack_one_kind_against_another_the_one_without_agreed_support(
    needs: NeedsLog,
) -> None:
    # Every agreed POP here promises time (support, counted as kind "unspecified"),
    # and everyone wished a hard skill: hard minus unspecified is whoever has no POP.
    cycles = [needs.wishes(p, hard=["SQL"]) for p in needs.group(6, "Sales")]
    for cycle in cycles[:5]:
        needs.agree(cycle, [("course", "SQL")], at=NOVEMBER)

    for group_by, name in (("team", "Sales"), ("function", "Adviseur"), ("skill", "other")):
        report = needs.report(group_by)
        hard, unspecified = people(report, name, "hard"), people(report, name, "unspecified")
        assert hard is None or unspecified is None or not exposed(hard - unspecified), group_by
    balance = needs.report("team").hard_soft_balance
    by_skill = needs.report("skill")
    support = people(by_skill, "(none named)", "unspecified") or people(
        by_skill, "other", "unspecified"
    )
    assert balance.hard is None or support is None or not exposed(balance.hard - support)


def test_attack_before_and_after_one_approval_and_one_preparation(needs: NeedsLog) -> None:
    cycles = [needs.wishes(p, hard=["SQL"], soft=["Feedback"]) for p in needs.group(6, "Sales")]
    for cycle in cycles[:5]:
        needs.agree(cycle, [("course", "SQL")], at=NOVEMBER)
    before = {group_by: numbers(needs.report(group_by)) for group_by in ("team", "skill")}

    needs.agree(cycles[5], [("course", "SQL")], at=DECEMBER)  # the sixth POP, today
    needs.wishes(needs.person("Sales", "Adviseur", at=DECEMBER), hard=["SQL"], at=DECEMBER)

    for group_by, published in before.items():
        after = numbers(needs.report(group_by))
        changed = {k: (published.get(k), v) for k, v in after.items() if published.get(k) != v}
        assert changed == {}, group_by


def test_attack_hard_share_with_a_hidden_count(needs: NeedsLog) -> None:
    for person in needs.group(3, "Sales"):
        needs.wishes(person, hard=["SQL"])
    for person in needs.group(7, "Support"):
        needs.wishes(person, soft=["Feedback"])

    balance = needs.report("skill").hard_soft_balance
    share, hard, soft = balance.hard_share, balance.hard, balance.soft
    if share is not None and 0 < share < 1:
        if hard is None and soft is not None:
            assert not exposed(round(share * soft / (1 - share)))
        if soft is None and hard is not None:
            assert not exposed(round(hard * (1 - share) / share))
