"""`groeispurt users` and `groeispurt tokens`, run as a person would from a shell."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from groeispurt_cli.main import main
from service.actor import Role
from service.container import Services, build_services
from service.settings import Settings

PASSWORD = "a long admin passphrase"


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("GROEISPURT_DATABASE", str(path))
    return path


def _services(path: Path) -> Services:
    return build_services(Settings(database=str(path)))


@pytest.fixture
def admin(database: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"Ada Admin\nada@example.nl\n{PASSWORD}\n"))
    assert main(["users", "create-admin"]) == 0
    return database


def test_create_admin_registers_an_administrator_who_can_sign_in(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"Ada Admin\nada@example.nl\n{PASSWORD}\n"))
    assert main(["users", "create-admin"]) == 0
    output = capsys.readouterr()
    assert "Ada Admin <ada@example.nl> can now sign in" in output.out
    assert PASSWORD not in output.out + output.err
    services = _services(database)
    actor = services.accounts.sign_in("ada@example.nl", PASSWORD)
    assert actor.roles == frozenset({Role.ADMIN, Role.HR})
    services.close()


def test_create_admin_with_a_short_password_stores_nothing(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Ada Admin\nada@example.nl\nshort\n"))
    assert main(["users", "create-admin"]) == 1
    assert "at least 10 characters" in capsys.readouterr().err
    services = _services(database)
    assert services.app.find_person_by_email("ada@example.nl") is None
    services.close()


def test_set_password_reads_the_new_password_from_stdin(
    admin: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("another long passphrase\n"))
    assert main(["users", "set-password", "ADA@example.nl"]) == 0
    assert "another long passphrase" not in capsys.readouterr().out
    services = _services(admin)
    assert services.accounts.sign_in("ada@example.nl", "another long passphrase")
    services.close()


def test_set_password_for_an_unknown_address_says_so(
    admin: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("another long passphrase\n"))
    assert main(["users", "set-password", "ghost@example.nl"]) == 1
    assert "Nobody is registered with ghost@example.nl" in capsys.readouterr().err


def test_a_token_is_printed_once_listed_without_itself_and_revoked(
    admin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert (
        main(["tokens", "create", "--name", "lms", "--scope", "write", "--as", "ada@example.nl"])
        == 0
    )
    token = capsys.readouterr().out.split()[-1]
    assert token.startswith("gst_")
    assert main(["tokens", "list"]) == 0
    listing = capsys.readouterr().out
    assert "lms" in listing
    assert "ada@example.nl" in listing
    assert token not in listing
    services = _services(admin)
    assert services.tokens.authenticate(token).may_write
    assert main(["tokens", "revoke", "lms"]) == 0
    assert "revoked" in capsys.readouterr().out
    with pytest.raises(Exception, match="revoked"):
        services.tokens.authenticate(token)
    services.close()


def test_a_write_token_without_a_person_is_refused_with_a_clear_message(
    admin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tokens", "create", "--name", "lms", "--scope", "write"]) == 1
    assert "--as EMAIL" in capsys.readouterr().err
    assert main(["tokens", "revoke", "nope"]) == 1
    assert "no token named nope" in capsys.readouterr().err


def test_tokens_list_shows_which_read_tokens_read_reports_only_and_which_audit_every_cycle(
    admin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tokens", "create", "--name", "bi", "--scope", "read"]) == 0
    assert main(["tokens", "create", "--name", "auditor", "--scope", "audit"]) == 0
    warned = capsys.readouterr().err
    assert "reads every growth cycle" in warned
    assert main(["tokens", "list"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert "(reports only)" in lines["bi"]
    assert "audit" in lines["auditor"].split()[1]
    assert "(audit: every cycle)" in lines["auditor"]


def test_an_audit_token_cannot_be_bound_to_a_person(
    admin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["tokens", "create", "--name", "a", "--scope", "audit", "--as", "ada@example.nl"]) == 1
    )
    assert "leave out --as" in capsys.readouterr().err
