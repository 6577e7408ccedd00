"""One-time sign-in links on both stores: made by HR or an administrator, used once by the
person they are for, expiring, replaced by a newer one, recorded without their token."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

import pytest

from domain.errors import InvalidInput, NotAllowedNow
from groeispurt_cli.main import main
from service.accounts import actor_for_person
from service.actor import Actor
from service.bearer_secrets import secret_hash
from service.container import Services, build_services
from service.error_texts import LINK_EXPIRED, LINK_UNKNOWN, LINK_USED
from service.errors import Forbidden, NotFound, Unauthenticated
from service.offboarding import deactivate_person
from service.settings import Settings
from service.sign_in_links import claim
from service.sign_in_with_link import SignInLinks
from tests.scenario import ADMIN, fixed_today
from tests.stores import clean_store

PASSWORD = "three words long"
EMAIL = "ilse@example.nl"


class Team:
    def __init__(self, services: Services) -> None:
        app = services.app
        self.services = services
        self.hr_id = app.register_person(
            ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staff",
            start_date="2015-01-01",
        )  # fmt: skip
        self.admin_id = app.register_person(
            ADMIN, name="Abe Admin", email="admin@example.nl", function="IT", team="Staff",
            start_date="2015-01-01",
        )  # fmt: skip
        app.grant_role(ADMIN, self.hr_id, "hr")
        app.grant_role(ADMIN, self.admin_id, "admin")
        self.hr = actor_for_person(app, self.hr_id)
        self.admin = actor_for_person(app, self.admin_id)
        self.newcomer = app.register_person(
            self.hr, name="Ilse Verbeke", email=EMAIL, function="Adviser", team="Service",
            start_date="2026-12-01", language="en",
        )  # fmt: skip

    def links_at(self, moment: datetime) -> SignInLinks:
        """The links as they look at another moment (the store and accounts the same)."""
        s = self.services
        return SignInLinks(s.database, s.app, s.accounts, s.sessions, now=lambda: moment)


@pytest.fixture
def team(store: Settings) -> Iterator[Team]:
    services = build_services(store, clock=fixed_today)
    try:
        yield Team(services)
    finally:
        services.close()


def _refused_with(team: Team, token: str) -> str:
    with pytest.raises(NotFound) as refused:
        team.services.sign_in_links.open(token)
    return refused.value.code


def test_an_invitation_lets_the_new_person_choose_a_password_and_signs_them_in(
    team: Team,
) -> None:
    services = team.services
    link = services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    assert link.expires_at - link.created_at == timedelta(days=7)
    opened = services.sign_in_links.open(link.token)
    assert (opened.name, opened.email, opened.language) == ("Ilse Verbeke", EMAIL, "en")
    signed_in = services.sign_in_links.use(link.token, PASSWORD)
    assert signed_in.person_id == team.newcomer
    assert services.sessions.signed_in(signed_in.session_id).actor.person_id == team.newcomer
    assert services.accounts.sign_in(EMAIL, PASSWORD).person_id == team.newcomer


def test_a_link_works_once(team: Team) -> None:
    services = team.services
    link = services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    services.sign_in_links.use(link.token, PASSWORD)
    with pytest.raises(NotFound) as refused:
        services.sign_in_links.use(link.token, "another three words")
    assert refused.value.text is LINK_USED
    assert services.accounts.sign_in(EMAIL, PASSWORD).person_id == team.newcomer


def test_of_two_uses_at_the_same_moment_only_one_sets_a_password(team: Team) -> None:
    services = team.services
    link = services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    now = datetime.now(UTC)
    with services.database.transaction() as cursor:
        first = claim(cursor, link.token, now)
    with services.database.transaction() as cursor:
        second = claim(cursor, link.token, now)
    assert (first, second) == (team.newcomer, None)


def test_a_link_expires_after_seven_days_and_says_when(team: Team) -> None:
    link = team.services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    almost = team.links_at(link.expires_at - timedelta(minutes=1))
    assert almost.open(link.token).person_id == team.newcomer
    later = team.links_at(link.expires_at + timedelta(days=1))
    with pytest.raises(NotFound) as refused:
        later.use(link.token, PASSWORD)
    assert refused.value.text is LINK_EXPIRED
    assert refused.value.params == {"expired_on": link.expires_at}
    assert not team.services.accounts.has_password(team.newcomer)


def test_a_new_link_replaces_the_old_one(team: Team) -> None:
    services = team.services
    old = services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    new = services.app.issue_sign_in_link(team.admin, team.newcomer, "invitation")
    assert _refused_with(team, old.token) == LINK_UNKNOWN.code
    assert services.sign_in_links.open(new.token).person_id == team.newcomer


def test_an_unknown_or_mangled_token_opens_nothing(team: Team) -> None:
    link = team.services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    for token in ("", "nonsense", link.token[:-1], link.token + "x", "x" * 10_000):
        assert _refused_with(team, token) == LINK_UNKNOWN.code


def test_a_password_the_policy_refuses_leaves_the_link_working(team: Team) -> None:
    services = team.services
    link = services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    for weak in ("short", "password123", "a" * 12):
        with pytest.raises(InvalidInput) as refused:
            services.sign_in_links.use(link.token, weak)
        assert refused.value.field == "new_password"
    assert not services.accounts.has_password(team.newcomer)
    assert services.sign_in_links.use(link.token, PASSWORD).person_id == team.newcomer


def test_a_reset_link_replaces_the_password_and_ends_every_session(team: Team) -> None:
    services = team.services
    services.accounts.set_password(team.newcomer, PASSWORD)
    old_session = services.sessions.start(team.newcomer)
    link = services.app.issue_sign_in_link(team.hr, team.newcomer, "password_reset")
    assert services.accounts.sign_in(EMAIL, PASSWORD).person_id == team.newcomer  # until used
    services.sign_in_links.use(link.token, "a brand new passphrase")
    with pytest.raises(Unauthenticated):
        services.sessions.signed_in(old_session)
    with pytest.raises(Unauthenticated):
        services.accounts.sign_in(EMAIL, PASSWORD)
    assert services.accounts.sign_in(EMAIL, "a brand new passphrase").person_id == team.newcomer


def test_making_a_link_is_in_the_audit_trail_with_who_and_until_when_never_the_token(
    team: Team,
) -> None:
    services = team.services
    link = services.app.issue_sign_in_link(team.admin, team.newcomer, "invitation")
    trail = services.queries.audit(
        team.hr, employee_id=str(team.newcomer), kinds=["SignInLinkIssued"]
    )
    (entry,) = trail.rows
    assert (entry.actor["person_id"], entry.actor["name"]) == (str(team.admin_id), "Abe Admin")
    assert entry.row.changes == {
        "purpose": "invitation",
        "expires_at": link.expires_at.isoformat(),
    }
    everything = b"".join(
        n.state for n in services.app.recorder.select_notifications(start=1, limit=10_000)
    )
    assert link.token.encode() not in everything
    assert secret_hash(link.token).encode() not in everything


def test_the_table_keeps_the_tokens_hash_only(team: Team) -> None:
    link = team.services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    (row,) = team.services.database.query("SELECT * FROM sign_in_links")
    assert row["token_hash"] == secret_hash(link.token)
    assert link.token not in {str(value) for value in row.values()}


def test_hr_may_not_make_a_link_for_an_administrator_but_an_administrator_may(
    team: Team,
) -> None:
    app = team.services.app
    with pytest.raises(Forbidden):
        app.issue_sign_in_link(team.hr, team.admin_id, "password_reset")
    other_admin = app.register_person(
        ADMIN, name="Ada Admin", email="ada@example.nl", function="IT", team="Staff",
        start_date="2016-01-01",
    )  # fmt: skip
    app.grant_role(ADMIN, other_admin, "admin")
    assert app.issue_sign_in_link(team.admin, other_admin, "password_reset").token


def test_nobody_else_makes_a_link(team: Team) -> None:
    with pytest.raises(Forbidden):
        team.services.app.issue_sign_in_link(Actor(team.newcomer), team.hr_id, "password_reset")


def test_deactivating_someone_deletes_their_link_and_they_get_no_new_one(team: Team) -> None:
    services = team.services
    link = services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    deactivate_person(services, team.hr, team.newcomer, left_on="2026-12-02")
    assert _refused_with(team, link.token) == LINK_UNKNOWN.code
    with pytest.raises(NotAllowedNow):
        services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")


def test_hr_reads_whether_someone_has_a_password_and_how_their_link_stands(
    team: Team,
) -> None:
    services = team.services
    before = services.queries.sign_in_of(team.hr, team.newcomer)
    assert (before.has_password, before.link, before.link_works) == (False, None, False)
    link = services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    made = services.queries.sign_in_of(team.admin, team.newcomer)
    assert made.link is not None
    assert (made.has_password, made.link_works, made.link.used_at) == (False, True, None)
    assert abs(made.link.expires_at - link.expires_at) < timedelta(milliseconds=1)
    services.sign_in_links.use(link.token, PASSWORD)
    used = services.queries.sign_in_of(team.hr, team.newcomer)
    assert used.link is not None
    assert (used.has_password, used.link_works, used.link.used_at is not None) == (
        True,
        False,
        True,
    )


def test_a_link_of_an_unknown_person_id_is_not_found(team: Team) -> None:
    with pytest.raises(NotFound):
        team.services.app.issue_sign_in_link(
            team.hr, UUID("00000000-0000-4000-8000-000000000001"), "invitation"
        )


def test_a_backup_carries_no_links_and_the_restored_store_makes_new_ones(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = team.services
    services.accounts.set_password(team.hr_id, PASSWORD)
    link = services.app.issue_sign_in_link(team.hr, team.newcomer, "invitation")
    backup = tmp_path / "backup.jsonl"
    monkeypatch.setenv("GROEISPURT_DATABASE", services.settings.database)
    assert main(["export", str(backup)]) == 0
    text = backup.read_text(encoding="utf-8")
    assert "sign_in_links" not in text
    assert link.token not in text
    assert secret_hash(link.token) not in text
    with clean_store("sqlite", tmp_path / "restored") as restored:
        monkeypatch.setenv("GROEISPURT_DATABASE", restored.database)
        assert main(["import", str(backup)]) == 0
        again = build_services(restored, clock=fixed_today)
        try:
            assert _opens_nothing(again, link.token)
            hr = again.accounts.sign_in("hr@example.nl", PASSWORD)
            made = again.queries.audit(hr, kinds=["SignInLinkIssued"]).rows
            assert [m.row.employee_id for m in made] == [str(team.newcomer)]
            fresh = again.app.issue_sign_in_link(hr, team.newcomer, "invitation")
            assert again.sign_in_links.use(fresh.token, PASSWORD).person_id == team.newcomer
        finally:
            again.close()


def _opens_nothing(services: Services, token: str) -> bool:
    try:
        services.sign_in_links.open(token)
    except NotFound as refused:
        return refused.text is LINK_UNKNOWN
    return False
