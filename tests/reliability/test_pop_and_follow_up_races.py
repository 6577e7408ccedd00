"""Many clients at once on one POP and one follow-up, over HTTP, on both stores.

The manager keeps revising the POP while the employee and the manager keep
approving; then both complete the same follow-up at once. Every request
lands or is refused with CONFLICT or a VALIDATION the rules explain; the log
replays to a valid cycle, no approval ever counts for a version it was not
given to, and every read model equals a rebuild.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, refusal_code, served
from tests.integration.test_projection_rebuild import dump
from tests.scenario import PLAN, cycle_on_board, load_cycle, small_org

REVISE = (
    "mutation($c: ID!, $m: String!) { writePlan(input: {cycleId: $c, goals: [{description: "
    '"Report query", measure: $m, deadline: "2099-03-01"}]}) '
    "{ cycle { id } userErrors { code } } }"
)
APPROVE = (
    "mutation($c: ID!, $v: Int!) { approvePlan(input: {cycleId: $c, version: $v}) "
    "{ cycle { id } userErrors { code } } }"
)
VERSION = "query($c: ID!) { cycle(id: $c) { planVersions { version } } }"
COMPLETE = (
    'mutation($c: ID!) { completeFollowUp(input: {cycleId: $c, heldOn: "2027-03-01", '
    'wentWell: "SQL", couldBeBetter: "Time"}) { cycle { id } userErrors { code } } }'
)
ALLOWED = {"OK", "CONFLICT", "VALIDATION"}


def test_revisions_and_approvals_racing_never_count_an_approval_for_another_version(
    store: Settings,
) -> None:
    services = build_services(store)
    org = small_org(services.app)
    cycle_id, _ = cycle_on_board(services.app, org)
    services.app.write_plan(org.as_manager, cycle_id, PLAN)
    manager_token = services.tokens.create("m", "write", as_email="mia@example.nl")
    employee_token = services.tokens.create("e", "write", as_email="eva@example.nl")
    services.close()
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    with served(store) as base:
        manager, employee = GraphQL(base, manager_token), GraphQL(base, employee_token)
        c = str(cycle_id)

        def record(body: dict[str, Any]) -> None:
            code = refusal_code(body)
            with lock:
                outcomes[code] += 1

        def reviser() -> None:
            for n in range(25):
                record(manager.post(REVISE, {"c": c, "m": f"under {n} s"}))

        def approver(client: GraphQL) -> None:
            for _ in range(40):
                versions = client.data(VERSION, {"c": c})["cycle"]["planVersions"]
                record(client.post(APPROVE, {"c": c, "v": len(versions)}))

        threads = [threading.Thread(target=reviser)] + [
            threading.Thread(target=approver, args=(who,)) for who in (manager, employee)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # Bring the cycle to an agreed plan, then race the follow-up.
        final = len(manager.data(VERSION, {"c": c})["cycle"]["planVersions"])
        for who in (manager, employee):
            record(who.post(APPROVE, {"c": c, "v": final}))
        manager.data(
            "mutation($c: ID!) { scheduleFollowUp(input: {cycleId: $c, months: 3}) { cycle { id } } }",
            {"c": c},
        )
        racers = [
            threading.Thread(target=lambda who=who: record(who.post(COMPLETE, {"c": c})))
            for who in (manager, employee, manager, employee)
        ]
        for t in racers:
            t.start()
        for t in racers:
            t.join()

    print(f"POP and follow-up races: {sum(outcomes.values())} requests, {dict(outcomes)}")
    assert set(outcomes) <= ALLOWED
    services = build_services(store)
    try:
        events = list(services.app.events.get(cycle_id))
        _check_approvals(events)
        completions = [e for e in events if type(e).__name__ == "FollowUpCompleted"]
        assert len(completions) == 1
        cycle = load_cycle(services.app, cycle_id)
        assert cycle.approved_version == cycle.plan_version
        incremental = dump(services.database, services.projections)
        services.projections.rebuild()
        assert dump(services.database, services.projections) == incremental
    finally:
        services.close()


def _check_approvals(events: list[Any]) -> None:
    """Walk the log: each approval names the version current at that point."""
    current = 0
    approvals: dict[str, int] = {}
    for event in events:
        name = type(event).__name__
        if name in ("PlanDrafted", "PlanRevised"):
            current = event.version
            approvals = {}
        elif name == "PlanApproved":
            assert event.version == current, "an approval counted for a superseded version"
            approvals[event.party] = event.version
        elif name == "PlanApprovedByBoth":
            assert event.version == current
            assert approvals == {"employee": current, "manager": current}
