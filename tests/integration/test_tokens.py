"""API tokens: shown once, stored as a hash, revocable, and a read token never writes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import InvalidInput
from service.actor import Role
from service.container import Services, build_services
from service.errors import Forbidden, NotFound, Unauthenticated
from service.settings import Settings
from service.tokens import Tokens
from tests.scenario import cycle_on_board, fixed_today, small_org


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def test_only_the_hash_of_a_token_is_stored(services: Services) -> None:
    token = services.tokens.create("bi", "read")
    assert token.startswith("gst_")
    assert len(token) > 40
    rows = services.database.query("SELECT * FROM api_tokens")
    assert len(rows) == 1
    assert rows[0]["hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert all(token not in str(value) for value in rows[0].values())
    assert "hash" not in services.tokens.list()[0]


def test_a_read_token_bound_to_no_one_reads_reports_but_no_cycle_or_name(
    services: Services,
) -> None:
    org = small_org(services.app)
    cycle_id, _ = cycle_on_board(services.app, org)
    actor = services.tokens.authenticate("Bearer " + services.tokens.create("bi", "read"))
    assert actor.person_id is None
    assert not actor.may_write
    assert services.queries.training_needs(actor) is not None
    for read in (
        lambda: services.queries.people(actor),
        lambda: services.queries.cycle(actor, cycle_id),
        lambda: services.queries.board_of(actor, org.employee),
        lambda: services.queries.history(actor, org.employee),
        lambda: services.queries.audit(actor),
        lambda: services.queries.follow_ups_due(actor),
    ):
        with pytest.raises(Forbidden):
            read()
    with pytest.raises(Forbidden):
        services.app.change_team(actor, org.employee, "Elsewhere")


def test_an_audit_token_reads_every_cycle_with_hr_rights_and_never_writes(
    services: Services,
) -> None:
    org = small_org(services.app)
    cycle_id, _ = cycle_on_board(services.app, org)
    actor = services.tokens.authenticate(services.tokens.create("auditor", "audit"))
    assert actor.roles == frozenset({Role.HR})
    assert len(services.queries.people(actor)) == 3
    assert services.queries.cycle(actor, cycle_id) is not None
    assert services.queries.audit(actor).rows
    with pytest.raises(Forbidden):
        services.app.change_team(actor, org.employee, "Elsewhere")


def test_a_read_token_acting_for_a_person_cannot_write(services: Services) -> None:
    org = small_org(services.app)
    cycle_id, card_ids = cycle_on_board(services.app, org)
    token = services.tokens.create("lms-read", "read", as_email="eva@example.nl")
    actor = services.tokens.authenticate(token)
    assert actor.person_id == org.employee
    assert services.queries.board_of(actor, org.employee) is not None
    with pytest.raises(Forbidden, match="may only read"):
        services.app.move_card(actor, cycle_id, card_id=card_ids[0], to_column="doing", position=0)


def test_a_write_token_acts_with_the_rights_of_its_person(services: Services) -> None:
    org = small_org(services.app)
    cycle_id, card_ids = cycle_on_board(services.app, org)
    actor = services.tokens.authenticate(
        services.tokens.create("lms", "write", as_email="eva@example.nl")
    )
    assert services.app.move_card(
        actor, cycle_id, card_id=card_ids[0], to_column="doing", position=0
    )
    with pytest.raises(Forbidden):
        services.app.write_plan(actor, cycle_id, {})  # the manager's to write


def test_a_write_token_must_act_for_a_known_person(services: Services) -> None:
    with pytest.raises(InvalidInput, match="--as") as refused:
        services.tokens.create("lms", "write")
    assert refused.value.field == "as"
    with pytest.raises(InvalidInput, match="Nobody is registered"):
        services.tokens.create("lms", "write", as_email="ghost@example.nl")
    with pytest.raises(InvalidInput, match="scope"):
        services.tokens.create("lms", "admin")
    assert services.tokens.list() == []


def test_a_token_name_is_used_once(services: Services) -> None:
    services.tokens.create("bi", "read")
    with pytest.raises(InvalidInput, match="already a token named bi"):
        services.tokens.create("bi", "read")
    with pytest.raises(InvalidInput):
        services.tokens.create("", "read")


def test_a_revoked_or_unknown_token_is_refused(services: Services) -> None:
    token = services.tokens.create("bi", "read")
    services.tokens.revoke("bi")
    messages = set()
    for bearer in (token, "gst_" + "x" * 43, "not a token", ""):
        with pytest.raises(Unauthenticated) as refused:
            services.tokens.authenticate(bearer)
        messages.add(refused.value.message)
    assert len(messages) == 1
    assert services.tokens.list()[0]["revoked_at"] is not None
    with pytest.raises(NotFound):
        services.tokens.revoke("nope")


def test_the_last_use_of_a_token_is_recorded(services: Services) -> None:
    moment = [datetime(2026, 11, 23, 9, 0, tzinfo=UTC)]
    tokens = Tokens(services.database, services.app, now=lambda: moment[0])
    token = tokens.create("bi", "read")
    assert tokens.list()[0]["last_used_at"] is None
    tokens.authenticate(token)
    assert tokens.list()[0]["last_used_at"] == moment[0].isoformat()
    moment[0] += timedelta(seconds=10)
    tokens.authenticate(token)  # within the minute: not written again
    assert tokens.list()[0]["last_used_at"] == (moment[0] - timedelta(seconds=10)).isoformat()
    moment[0] += timedelta(minutes=5)
    tokens.authenticate(token)
    assert tokens.list()[0]["last_used_at"] == moment[0].isoformat()
