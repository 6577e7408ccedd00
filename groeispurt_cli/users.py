"""`groeispurt users`: the first administrator, and setting a person's password.

Passwords are asked with getpass (never echoed, never on the command line,
where they would end up in the shell history and the process list). When
stdin is not a terminal (a script, a test) the answers are read from it,
one per line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from getpass import getpass
from typing import Any

from domain.errors import DomainError
from service.accounts import check_password
from service.actor import system_actor
from service.container import Services, build_services
from service.errors import ServiceError
from service.settings import Settings

ADMIN_FUNCTION = "Administrator"
ADMIN_TEAM = "Administration"


def register(commands: Any) -> None:
    users = commands.add_parser("users", help="administrators and passwords")
    actions = users.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser(
        "create-admin", help="register an administrator (asks name, e-mail and password)"
    )
    create.set_defaults(handler=run_create_admin)
    password = actions.add_parser("set-password", help="set a person's password (asked, hidden)")
    password.add_argument("email")
    password.set_defaults(handler=run_set_password)


def ask(prompt: str) -> str:
    if sys.stdin.isatty():
        return input(prompt).strip()
    return sys.stdin.readline().strip()


def ask_password(prompt: str = "Password: ") -> str:
    """A new password, typed twice; it is never shown."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass(prompt)
    if getpass("The same password again: ") != first:
        raise ValueError("The two passwords are not the same; nothing was changed.")
    return first


def run_create_admin(args: argparse.Namespace, settings: Settings) -> int:
    return _with_services(settings, _create_admin)


def run_set_password(args: argparse.Namespace, settings: Settings) -> int:
    return _with_services(settings, lambda services: _set_password(services, args.email))


def _with_services(settings: Settings, command: Callable[[Services], int]) -> int:
    """Runs `command` on the store; a refusal is printed on stderr and exits 1."""
    services = build_services(settings)
    try:
        return command(services)
    except (DomainError, ServiceError) as error:
        print(error.message, file=sys.stderr)
        return 1
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        services.close()


def _create_admin(services: Services) -> int:
    name = ask("Name: ")
    email = ask("E-mail address: ")
    password = ask_password()
    # Check everything first, so a bad password stores no half-made administrator.
    check_password(password)
    system = system_actor("command line")
    app = services.app
    person_id = app.register_person(
        system,
        name=name,
        email=email,
        function=ADMIN_FUNCTION,
        team=ADMIN_TEAM,
        start_date=app.today().isoformat(),
    )
    app.grant_role(system, person_id, "admin")
    app.grant_role(system, person_id, "hr")
    services.accounts.set_password(person_id, password)
    print(f"Administrator {name} <{app.get_person(person_id).email}> can now sign in.")
    return 0


def _set_password(services: Services, email: str) -> int:
    person = services.app.find_person_by_email(email)
    if person is None:
        print(f"Nobody is registered with {email}.", file=sys.stderr)
        return 1
    services.accounts.set_password(person.id, ask_password(f"New password for {person.email}: "))
    print(f"The password of {person.email} has been set.")
    return 0
