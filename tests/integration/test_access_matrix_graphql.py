"""The access matrix holds over GraphQL too: every operation maps to a matrix row,
and representative operations give each caller, over real HTTP, the matrix's answer.
"""

from __future__ import annotations

from typing import Any

import graphql
import pytest

from service.graphql.app import build_schema
from tests.integration import access_table as matrix
from tests.integration import test_access_matrix
from tests.integration.graphql_client import GraphQL, served

world = test_access_matrix.world  # the matrix's own world, made visible to pytest here

# Which matrix rows each GraphQL operation runs (its use cases and read queries).
MUTATIONS = {
    "openCycle": {"open_cycle"},
    "savePreparationDraft": {"save_preparation_draft"},
    "submitPreparation": {"submit_preparation"},
    "holdSession": {"hold_session", "hold_session_from_candidates"},
    "selectCards": {"select_cards"},
    "moveCard": {"move_card"},
    "setCardVisibility": {"set_card_visibility"},
    "writePlan": {"write_plan"},
    "approvePlan": {"approve_plan"},
    "scheduleFollowUp": {"schedule_follow_up"},
    "completeFollowUp": {"complete_follow_up"},
    "closeCycle": {"close_cycle"},
    "handCycleToCoach": {"hand_cycle_to_coach"},
    "registerPerson": {"register_person"},
    "changePerson": {"change_manager", "change_team", "change_function", "change_name",
                     "change_email", "change_development_phase", "change_external_id"},
    "deactivatePerson": {"deactivate_person"},
    "grantRole": {"grant_role"},
    "revokeRole": {"revoke_role"},
    "addBacklogSkill": {"add_backlog_skill"},
    "changeBacklogSkill": {"reword_backlog_skill", "move_backlog_skill", "retire_backlog_skill"},
    "addQuestion": {"add_question"},
    "changeQuestion": {"reword_question", "move_question", "retire_question"},
    "mergeBacklogSkills": {"merge_backlog_skills"},
    "linkCardToBacklog": {"link_card_to_backlog"},
    "addInspirationCard": {"add_inspiration_card"},
    "changeInspirationCard": {"reword_inspiration_card", "retire_inspiration_card"},
    "registerWebhook": {"register_webhook"},
    "changeWebhook": {"change_webhook"},
    "disableWebhook": {"disable_webhook"},
    "enableWebhook": {"enable_webhook"},
    "saveCandidateCard": {"save_candidate_card"},
    "removeCandidateCard": {"remove_candidate_card"},
    "writeSessionReport": {"write_session_report"},
    "approveSessionReport": {"approve_session_report"},
    "planShowAndTell": {"plan_show_and_tell"},
    "callOffShowAndTell": {"call_off_show_and_tell"},
    "showBoardToTeam": {"show_board_to_team"},
}  # fmt: skip
QUERIES = {
    "me": {"me"},
    "node": {"person", "cycle", "board_of_cycle", "backlog"},
    "nodes": {"person", "cycle", "board_of_cycle", "backlog"},
    "people": {"people_page"},
    "board": {"board_of"},
    "cycle": {"cycle"},
    "cycles": {"cycles"},
    "person": {"person_by_email", "person_by_external_id"},
    "history": {"history"},
    "followUpsDue": {"follow_ups_due"},
    "trainingNeeds": {"training_needs"},
    "auditTrail": {"audit", "audit_count"},
    "planAsOf": {"plan_as_of"},
    "backlog": {"backlog"},
    "questionSet": {"question_set"},
    "inspirationCards": {"inspiration_cards"},
    "webhooks": {"webhooks"},
    "webhookDeliveries": {"webhook_deliveries"},
    "events": {"events"},
    "timeline": {"timeline"},
    "upcomingShowAndTells": {"upcoming_show_and_tells"},
}


def test_every_graphql_operation_runs_rows_of_the_access_matrix() -> None:
    # The schema as integrators see it (its SDL), read back with graphql-core.
    schema = graphql.build_schema(build_schema(introspection=True).as_str())
    assert schema.mutation_type is not None
    assert set(schema.mutation_type.fields) == set(MUTATIONS), "map the new mutation here"
    assert schema.query_type is not None
    assert set(schema.query_type.fields) == set(QUERIES), "map the new query here"
    for rows in MUTATIONS.values():
        assert rows <= set(matrix.USE_CASES)
    for rows in QUERIES.values():
        assert rows <= set(matrix.READ_QUERIES)


# (operation, matrix row, document): the variables come from the world.
OPERATIONS = [
    ("moveCard", "move_card", "mutation($c: ID!, $card: ID!) { moveCard(input: {cycleId: $c, "
     "cardId: $card, toColumn: DOING}) { board { version } } }"),
    ("writePlan", "write_plan", "mutation($c: ID!) { writePlan(input: {cycleId: $c, goals: "
     "[{description: \"G\", measure: \"M\", deadline: \"2099-01-01\"}]}) { cycle { id } } }"),
    ("saveCandidateCard", "save_candidate_card", "mutation($c: ID!) { saveCandidateCard(input: "
     "{cycleId: $c, card: {kind: HARD, asA: \"Dev\", iWantTo: \"SQL\", inOrderTo: \"R\"}}) "
     "{ cycle { id } userErrors { code } } }"),
    ("writeSessionReport", "write_session_report", "mutation($c: ID!) { writeSessionReport("
     "input: {cycleId: $c, text: \"Verslag\"}) { cycle { sessionReport { agreedVersion } } "
     "userErrors { code } } }"),
    ("openCycle", "open_cycle", "mutation($e: ID!) { openCycle(input: {employeeId: $e, "
     "plannedSessionOn: \"2027-01-10\"}) { cycle { id } } }"),
    ("registerPerson", "register_person", "mutation { registerPerson(input: {name: \"N\", "
     "email: \"n-gql@example.nl\", function: \"F\", team: \"T\", startDate: \"2026-01-01\", "
     "externalId: \"HR-N\"}) { person { id } } }"),
    ("changePerson", "change_external_id", "mutation($b: ID!) { changePerson(input: "
     "{personId: $b, externalId: \"HR-B\"}) { person { externalId } } }"),
    ("person", "person_by_email", "{ person(email: \"bo@example.nl\") { id } }"),
    ("person", "person_by_external_id", "{ person(externalId: \"HR-B\") { id } }"),
    ("cycles", "cycles", "{ cycles(filter: {stage: ON_BOARD}, first: 5) { totalCount "
     "edges { node { id } } } }"),
    ("board", "board_of", "query($e: ID!) { board(employeeId: $e) { version } }"),
    ("history", "history", "query($e: ID!) { history(employeeId: $e) { totalCount } }"),
    ("trainingNeeds", "training_needs", "{ trainingNeeds { groupBy } }"),
    ("auditTrail", "audit", "{ auditTrail(first: 1) { totalCount } }"),
    ("registerWebhook", "register_webhook", "mutation { registerWebhook(input: {url: "
     "\"https://hooks.example.org/g\", eventKinds: [\"GrowthCycle.CardMoved\"]}) { secret } }"),
    ("webhooks", "webhooks", "{ webhooks { id } }"),
    ("questionSet", "question_set", "{ questionSet { version questions { id } } }"),
    ("addQuestion", "add_question", "mutation { addQuestion(input: {section: OPENING, "
     "employee: \"Wat leerde je?\"}) { question { id } userErrors { code } } }"),
    ("changeQuestion", "move_question", "mutation { changeQuestion(input: {questionId: "
     "\"opening-work\", position: 1}) { questionSet { version } } }"),
    ("events", "events", "{ events(first: 1) { pageInfo { hasNextPage } } }"),
    ("timeline", "timeline", "query($e: ID!) { timeline(employeeId: $e) { cycles { number "
     "moments { kind } } } }"),
    ("upcomingShowAndTells", "upcoming_show_and_tells", "{ upcomingShowAndTells { on "
     "skills { skill } } }"),
    ("planShowAndTell", "plan_show_and_tell", "mutation($c: ID!) { planShowAndTell(input: "
     "{cycleId: $c, on: \"2027-06-01\"}) { cycle { showAndTellOn } userErrors { reason } } }"),
    # Last: it ends the bystander's access (the first allowed caller does; the others
    # are refused by the rule that one leaves once, past the access check).
    ("deactivatePerson", "deactivate_person", "mutation($b: ID!) { deactivatePerson(input: "
     "{personId: $b, leftOn: \"2026-11-01\"}) { person { active } userErrors { reason } } }"),
]  # fmt: skip


@pytest.fixture
def tokens(world: matrix.World) -> dict[str, str | None]:
    services = world.services
    made: dict[str, str | None] = {"no_one": None}
    for role, actor in world.actors.items():
        if role in ("no_one", "read_token", "audit_token"):
            continue
        if role == "write_token":
            made[role] = services.tokens.create("gql-write", "write", as_email="eva@example.nl")
            continue
        assert actor.person_id is not None
        email = services.app.get_person(actor.person_id).email
        made[role] = services.tokens.create(f"gql-{role}", "write", as_email=email)
    made["read_token"] = services.tokens.create("gql-read", "read")
    made["audit_token"] = services.tokens.create("gql-audit", "audit")
    return made


def test_graphql_gives_every_caller_the_matrix_answer_over_http(
    world: matrix.World, tokens: dict[str, str | None]
) -> None:
    variables: dict[str, Any] = {
        "c": str(world.cycle_id),
        "card": world.card_ids[0],
        "e": str(world.employee),
        "b": str(world.bystander),
    }
    wrong = []
    with served(world.services.settings) as base:
        for (operation, row, document), role in (
            (op, role) for op in OPERATIONS for role in matrix.ROLES
        ):
            allowed_roles = (matrix.USE_CASES | matrix.READ_QUERIES)[row][1]
            body = GraphQL(base, tokens[role]).post(
                document, {k: v for k, v in variables.items() if f"${k}" in document}
            )
            codes = {e["extensions"]["code"] for e in body.get("errors") or []}
            got = "refused" if codes & {"FORBIDDEN", "UNAUTHENTICATED"} else "allowed"
            expected = "allowed" if role in allowed_roles else "refused"
            if got != expected:
                wrong.append(f"{operation} as {role}: expected {expected}, got {got} {codes}")
    assert not wrong, "\n".join(wrong)
