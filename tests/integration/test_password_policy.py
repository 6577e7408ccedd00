"""NIST 800-63B passwords: long enough, not common, not trivially repeated; no composition rules.

The policy holds wherever a password is set: `users create-admin`, `users
set-password` (an administrator's reset) and the change-password page
(`test_web_change_password.py`).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from domain.errors import InvalidInput
from groeispurt_cli.main import main
from service.container import build_services
from service.passwords import MIN_PASSWORD_LENGTH, check_password, common_passwords
from service.settings import Settings

ADMIN_PASSWORD = "a long admin passphrase"
REFUSED = {
    "aaaaaaaaaa": "one character repeated",
    " " * 10: "spaces only",
    "\t \t \t \t \t ": "spaces only",
    "password1234": "list of common passwords",
    "QWERTYUIOP": "list of common passwords",  # case does not help
    "short": f"at least {MIN_PASSWORD_LENGTH} characters",
}


@pytest.mark.parametrize(("password", "why"), REFUSED.items())
def test_a_password_an_attacker_tries_first_is_refused_with_a_clear_message(
    password: str, why: str
) -> None:
    with pytest.raises(InvalidInput, match=why) as refused:
        check_password(password)
    assert refused.value.field == "password"


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery",
        "geen cijfers nodig",
        "tien tekens",
        "ĳverig-ĳs-eten",
        ("lang " * 205)[:1024],
    ],
)
def test_a_long_uncommon_password_needs_no_digits_capitals_or_signs(password: str) -> None:
    check_password(password)


def test_the_common_password_list_is_real_and_loaded_once() -> None:
    listed = common_passwords()
    assert {"1234567890", "qwertyuiop", "password123", "iloveyou12"} <= listed
    assert len(listed) > 2000
    assert common_passwords() is listed


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("GROEISPURT_DATABASE", str(path))
    return path


@pytest.mark.parametrize("password", ["aaaaaaaaaa", " " * 10, "password1234"])
def test_create_admin_refuses_a_trivial_password_and_stores_no_administrator(
    database: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    password: str,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"Ada Admin\nada@example.nl\n{password}\n"))
    assert main(["users", "create-admin"]) == 1
    assert "password" in capsys.readouterr().err
    services = build_services(Settings(database=str(database)))
    assert services.app.find_person_by_email("ada@example.nl") is None
    services.close()


@pytest.mark.parametrize("password", ["aaaaaaaaaa", " " * 10, "password1234"])
def test_set_password_refuses_a_trivial_password_and_keeps_the_old_one(
    database: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    password: str,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"Ada Admin\nada@example.nl\n{ADMIN_PASSWORD}\n"))
    assert main(["users", "create-admin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{password}\n"))
    assert main(["users", "set-password", "ada@example.nl"]) == 1
    error = capsys.readouterr().err
    assert any(why in error for why in REFUSED.values()), error
    services = build_services(Settings(database=str(database)))
    assert services.accounts.sign_in("ada@example.nl", ADMIN_PASSWORD)
    services.close()
