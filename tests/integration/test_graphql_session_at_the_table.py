"""The session at the table and its report through GraphQL, over real HTTP: the same
capabilities as the session tab."""

from __future__ import annotations

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import GraphQL, served
from tests.scenario import PREPARATION, small_org

SAVE = (
    "mutation($c: ID!, $card: CardStoryInput!, $id: ID, $v: Int) { saveCandidateCard(input: "
    "{cycleId: $c, card: $card, cardId: $id, ifVersion: $v}) { cycle { candidateCards "
    "{ id version writtenBy iWantTo } } userErrors { reason field params } } }"
)
REPORT = "sessionReport { versions { version text writtenBy } approvals { party version } agreedVersion }"


def _card(n: int) -> dict[str, str]:
    return {
        "kind": ("HARD", "SOFT")[n // 2],
        "asA": "dev",
        "iWantTo": f"skill {n}",
        "inOrderTo": "grow",
    }


def test_both_parties_write_the_cards_the_session_takes_them_and_both_approve_the_report(
    store: Settings,
) -> None:
    services = build_services(store)
    org = small_org(services.app)
    cycle_id = services.app.open_cycle(
        org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
    )
    services.app.submit_preparation(org.as_employee, cycle_id, PREPARATION)
    manager_token = services.tokens.create("m", "write", as_email="mia@example.nl")
    employee_token = services.tokens.create("e", "write", as_email="eva@example.nl")
    colleague_token = services.tokens.create("c", "write", as_email="cas@example.nl")
    audit_token = services.tokens.create("a", "audit")
    services.close()
    c = str(cycle_id)
    with served(store) as base:
        manager, employee = GraphQL(base, manager_token), GraphQL(base, employee_token)
        for n in range(4):
            writer = employee if n % 2 == 0 else manager
            cards = writer.data(SAVE, {"c": c, "card": _card(n)})["saveCandidateCard"]["cycle"][
                "candidateCards"
            ]
        assert [x["writtenBy"] for x in cards] == ["EMPLOYEE", "MANAGER"] * 2
        first = cards[0]
        full = employee.data(SAVE, {"c": c, "card": _card(0)})["saveCandidateCard"]
        assert full["cycle"] is None
        assert full["userErrors"][0]["reason"] == "session.kind_full"
        assert full["userErrors"][0]["field"] == ["card", "kind"]

        changed = {**_card(0), "support": "a mentor"}
        manager.data(SAVE, {"c": c, "card": changed, "id": first["id"], "v": 1})
        stale = employee.post(SAVE, {"c": c, "card": _card(0), "id": first["id"], "v": 1})
        [error] = stale["errors"]
        assert error["extensions"]["code"] == "CONFLICT"
        assert error["extensions"]["reason"] == "conflict.candidate_card_changed"

        outsider = GraphQL(base, colleague_token).post(SAVE, {"c": c, "card": _card(0)})
        assert outsider["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        audited = GraphQL(base, audit_token).data(
            "query($c: ID!) { cycle(id: $c) { candidateCards { version } } }", {"c": c}
        )
        assert [x["version"] for x in audited["cycle"]["candidateCards"]] == [2, 1, 1, 1]

        held = manager.data(
            'mutation($c: ID!) { holdSession(input: {cycleId: $c, heldOn: "2026-12-01"}) '
            "{ cycle { stage session { cards { id iWantTo } } } } }",
            {"c": c},
        )["holdSession"]["cycle"]
        assert held["stage"] == "SESSION_HELD"
        assert [x["id"] for x in held["session"]["cards"]] == [x["id"] for x in cards]

        employee.data(
            f'mutation($c: ID!) {{ writeSessionReport(input: {{cycleId: $c, text: "Verslag"}}) '
            f"{{ cycle {{ {REPORT} }} }} }}",
            {"c": c},
        )
        for client in (employee, manager):
            report = client.data(
                f"mutation($c: ID!) {{ approveSessionReport(input: {{cycleId: $c, version: 1}}) "
                f"{{ cycle {{ {REPORT} }} userErrors {{ code }} }} }}",
                {"c": c},
            )["approveSessionReport"]["cycle"]["sessionReport"]
        assert report["agreedVersion"] == 1
        assert report["versions"] == [{"version": 1, "text": "Verslag", "writtenBy": "EMPLOYEE"}]
