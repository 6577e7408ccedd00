"""Use case: HR or an administrator makes a one-time sign-in link for a person.

The link's token is made here and returned once (`NewSignInLink`); the
person's `SignInLinkIssued` event says who made it, for what and until when,
and the link's row (its token's hash) is written in the same transaction
(`service.recorders`). An administrator's account is an administrator's to
open: HR may not make a link for someone with the admin role, since using it
would give HR the rights only an administrator may grant.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from domain.vocabulary import SignInLinkPurpose, parse_choice
from service.actor import Actor, Role
from service.catching_up import ReadModelsBehind
from service.error_texts import PERSON_CHANGED
from service.errors import Changed, Forbidden
from service.permissions import may_manage_organisation
from service.sign_in_links import NewSignInLink, new_link

if TYPE_CHECKING:
    from domain.person import Person
    from service.idempotency import Claim


class SignInLinkUseCases:
    if TYPE_CHECKING:

        def get_person(self, person_id: Any) -> Person: ...

        def save_changes(
            self,
            *aggregates: Any,
            by: Actor,
            what: Changed | None = None,
            idempotency: Claim | None = None,
            sign_in_link: NewSignInLink | None = None,
        ) -> int: ...

    def issue_sign_in_link(self, actor: Actor, person_id: UUID, purpose: Any) -> NewSignInLink:
        """A new link for the person, in place of any link they had; shown once."""
        if not may_manage_organisation(actor):
            raise Forbidden()
        person = self.get_person(person_id)
        if Role.ADMIN.value in person.roles and not actor.is_admin:
            raise Forbidden()
        link = new_link(
            person.id, parse_choice(SignInLinkPurpose, "purpose", purpose), datetime.now(UTC)
        )
        person.issue_sign_in_link(link.purpose, link.expires_at)
        try:
            self.save_changes(
                person,
                by=actor,
                what=Changed(PERSON_CHANGED, {"person_id": str(person.id)}),
                sign_in_link=link,
            )
        except ReadModelsBehind:
            # Saved: the link must reach the caller all the same, or it is lost for good.
            return replace(link, read_models_behind=True)
        return link
