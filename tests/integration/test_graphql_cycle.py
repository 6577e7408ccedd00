"""A whole growth cycle driven only through GraphQL mutations, over real HTTP."""

from __future__ import annotations

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import PREPARATION_ANSWERS, small_org

CYCLE = (
    "id stage version approvedVersion planVersions { version } approvals { party version } "
    "followUp { dueOn }"
)
BOARD = "cycleId version todo { id } doing { id } done { id }"


def test_a_full_cycle_runs_through_the_api_with_board_and_history_after_each_step(
    store: Settings,
) -> None:
    services = build_services(store)
    org = small_org(services.app)
    manager_token = services.tokens.create("lms-manager", "write", as_email="mia@example.nl")
    employee_token = services.tokens.create("lms-employee", "write", as_email="eva@example.nl")
    services.close()

    with served(store) as base:
        manager, employee = GraphQL(base, manager_token), GraphQL(base, employee_token)
        history_lengths: list[int] = []

        def look() -> None:
            data = employee.data(
                "query($e: ID!) { board { version } history(employeeId: $e, first: 100) { totalCount } }",
                {"e": str(org.employee)},
            )
            history_lengths.append(data["history"]["totalCount"])

        opened = manager.data(
            f'mutation($e: ID!) {{ openCycle(input: {{employeeId: $e, plannedSessionOn: "2026-12-01"}}) {{ cycle {{ {CYCLE} }} }} }}',
            {"e": str(org.employee)},
        )["openCycle"]["cycle"]
        cycle_id = opened["id"]
        assert opened["stage"] == "PREPARING"
        look()
        for client in (employee, manager):
            client.data(
                "mutation($c: ID!, $a: PreparationAnswersInput!) { submitPreparation(input: "
                "{cycleId: $c, answers: $a}) { cycle { id } } }",
                {"c": cycle_id, "a": PREPARATION_ANSWERS},
            )
        look()
        cards = [
            {
                "kind": ("HARD", "SOFT")[n // 2],
                "asA": "developer",
                "iWantTo": f"skill {n}",
                "inOrderTo": "grow",
            }
            for n in range(4)
        ]
        session = manager.data(
            "mutation($c: ID!, $cards: [CardStoryInput!]!) { holdSession(input: {cycleId: $c, "
            'heldOn: "2026-12-01", notes: "Good talk", cards: $cards}) { cycle { session { cards { id } } } } }',
            {"c": cycle_id, "cards": cards},
        )["holdSession"]["cycle"]["session"]
        card_ids = [card["id"] for card in session["cards"]][:3]
        look()
        board = employee.data(
            f"mutation($c: ID!, $ids: [ID!]!) {{ selectCards(input: {{cycleId: $c, cardIds: $ids}}) {{ board {{ {BOARD} }} }} }}",
            {"c": cycle_id, "ids": card_ids},
        )["selectCards"]["board"]
        assert [c["id"] for c in board["todo"]] == card_ids
        moved = employee.data(
            f"mutation($c: ID!, $card: ID!) {{ moveCard(input: {{cycleId: $c, cardId: $card, toColumn: DOING}}) {{ board {{ {BOARD} }} card {{ id column }} }} }}",
            {"c": cycle_id, "card": card_ids[0]},
        )["moveCard"]
        assert [c["id"] for c in moved["board"]["doing"]] == [card_ids[0]]
        assert moved["card"] == {"id": card_ids[0], "column": "DOING"}
        look()
        plan = manager.data(
            'mutation($c: ID!) { writePlan(input: {cycleId: $c, goals: [{description: "Report query", '
            'measure: "runs under 1 s", deadline: "2099-03-01"}], activities: [{description: '
            '"SQL course", type: COURSE, form: FORMAL}]}) { cycle { planVersions { version } } } }',
            {"c": cycle_id},
        )["writePlan"]["cycle"]
        assert len(plan["planVersions"]) == 1
        for client in (employee, manager):
            approved = client.data(
                f"mutation($c: ID!) {{ approvePlan(input: {{cycleId: $c, version: 1}}) {{ cycle {{ {CYCLE} }} }} }}",
                {"c": cycle_id},
            )["approvePlan"]["cycle"]
        assert approved["approvedVersion"] == 1
        look()
        manager.data(
            "mutation($c: ID!) { scheduleFollowUp(input: {cycleId: $c, months: 3}) { cycle { followUp { dueOn } } } }",
            {"c": cycle_id},
        )
        done = employee.data(
            f'mutation($c: ID!) {{ completeFollowUp(input: {{cycleId: $c, heldOn: "2027-03-01", '
            f'wentWell: "SQL", couldBeBetter: "Time"}}) {{ cycle {{ {CYCLE} }} }} }}',
            {"c": cycle_id},
        )["completeFollowUp"]["cycle"]
        assert done["stage"] == "COMPLETED"
        look()
        assert history_lengths == sorted(history_lengths)
        assert history_lengths[-1] > history_lengths[0]
