"""The training-needs attacks through the service and GraphQL, on SQLite and PostgreSQL.

The organisation (see `training_needs_org`) has one director alone in the
Board, one jurist in Support beside a team of five jurists in Legal, and a
sixth Sales adviser whose POP is agreed during the test, in the open month.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from projections.training_needs_report import TrainingNeedsReport
from service.container import Services, build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.integration.training_needs_org import NeedsOrg, build_needs_org
from tests.unit.training_needs_given import numbers, people

K = 5
GROUPINGS = ("team", "function", "skill")
QUERY = (
    "query($by: GroupBy!) { trainingNeeds(groupBy: $by) { groupBy minGroupSize periodStart "
    "periodEnd nextUpdateOn hardSoftBalance { hard soft hardShare } groups { name kind "
    "people peopleWishing peopleAgreed activities { type people } support { kind people } } } }"
)


@pytest.fixture
def org(store: Settings) -> Iterator[NeedsOrg]:
    services = build_services(store)
    try:
        yield build_needs_org(services)
    finally:
        services.close()


def report(services: Services, org: NeedsOrg, group_by: str) -> TrainingNeedsReport:
    return services.queries.training_needs(org.as_hr, group_by)


def exposed(value: Any) -> bool:
    return isinstance(value, int) and 0 < value < K


def test_attacks_through_the_service_find_nobody(org: NeedsOrg) -> None:
    reports = {g: report(org.services, org, g) for g in GROUPINGS}
    for group_by, published in reports.items():
        small = {k: v for k, v in numbers(published).items() if exposed(v) and k[2] != "hard_share"}
        assert small == {}, group_by  # small "other"
        assert "Strategy" not in repr(published)
        assert "Board" not in repr(published)
        total = published.hard_soft_balance.hard
        named = [g.people for g in published.groups if g.kind == "hard" and g.name != "other"]
        shown = [n for n in named if n is not None]  # a hidden group cannot be subtracted
        if group_by != "skill" and total is not None and len(shown) == len(named):
            assert not exposed(total - sum(shown)), group_by  # complement of a team or function
    jurists = people(reports["function"], "Jurist", "hard")
    legal = people(reports["team"], "Legal", "hard")
    assert jurists is None or legal is None or not exposed(jurists - legal)  # the Support jurist
    assert reports["team"].period.end < org.services.app.today().isoformat()


def test_approving_one_pop_today_changes_no_published_number(org: NeedsOrg) -> None:
    before = {g: numbers(report(org.services, org, g)) for g in GROUPINGS}
    org.agree(org.waiting)
    newcomer = org.hire("Sales", "Adviseur", "Sales newcomer")
    org.wish(newcomer, "SQL")
    for group_by in GROUPINGS:
        assert numbers(report(org.services, org, group_by)) == before[group_by], group_by


def test_graphql_gives_the_same_guarded_figures_and_the_month_they_are_for(
    org: NeedsOrg, store: Settings
) -> None:
    token = org.services.tokens.create("bi-reports", "read")
    with served(store) as base:
        api = GraphQL(base, token)
        answers = {g: api.data(QUERY, {"by": g.upper()})["trainingNeeds"] for g in GROUPINGS}
        org.agree(org.waiting)
        again = {g: api.data(QUERY, {"by": g.upper()})["trainingNeeds"] for g in GROUPINGS}
    assert again == answers
    for group_by, answer in answers.items():
        from_service = report(org.services, org, group_by)
        assert answer["periodEnd"] == from_service.period.end
        assert answer["nextUpdateOn"] == from_service.period.next_update
        balance = from_service.hard_soft_balance
        assert answer["hardSoftBalance"] == {
            "hard": balance.hard,
            "soft": balance.soft,
            "hardShare": balance.hard_share,
        }
        assert [g["kind"] for g in answer["groups"]] == [
            g.kind.upper() for g in from_service.groups
        ]
        assert [
            {a["type"].lower(): a["people"] for a in g["activities"]} for g in answer["groups"]
        ] == [g.activities for g in from_service.groups]
        assert [g["people"] for g in answer["groups"]] == [g.people for g in from_service.groups]
        assert not any(exposed(g["people"]) for g in answer["groups"])
        assert "Strategy" not in repr(answer)
