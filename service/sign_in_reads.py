"""What HR and administrators read of a person's sign-in: a password or not, and their link.

Shown on the person's page, beside the button that makes a new link: never
the password's hash nor the link's token (neither is kept readable), only
whether there is a password and when the latest link was made, until when it
works, and whether it was used. People with the hr or admin role read it,
signed in themselves (tokens do not: this is the pages' business).

Part of `ReadQueries` (see `service.read_queries`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from projections.database import Database
from service.actor import Actor
from service.errors import Forbidden
from service.ids import as_uuid
from service.sign_in_links import KeptLink, link_of


@dataclass(frozen=True)
class SignInStatus:
    has_password: bool
    link: KeptLink | None
    # Whether the link still works, as of the moment this was read.
    link_works: bool


class SignInReads:
    database: Database

    def sign_in_of(self, actor: Actor, person_id: Any) -> SignInStatus:
        if actor.person_id is None or not (actor.is_hr or actor.is_admin):
            raise Forbidden()
        person = as_uuid(person_id)
        has_password = bool(
            self.database.query("SELECT 1 FROM accounts WHERE person_id = ?", (str(person),))
        )
        link = link_of(self.database, person)
        works = link is not None and link.works_at(datetime.now(UTC))
        return SignInStatus(has_password=has_password, link=link, link_works=works)
