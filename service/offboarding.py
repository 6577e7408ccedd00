"""Offboarding a person: the event that they left, and their access ended at once.

`deactivate_person` is what the pages and the API call. The use case
(`DeactivationUseCases`) saves the Deactivated event (and closes their own
open cycle); then, in one transaction, every session of theirs is ended,
every API token acting for them revoked (`groeispurt tokens list` shows it)
and their one-time sign-in link deleted. Who is signed in and who a token
acts for are read against the people read model, which refuses a deactivated
person, so access ends even if this process stops between the two steps or
the read models lag (then from the moment they have folded the event). Signing in is refused like an unknown
address.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from service.actor import Actor
from service.catching_up import ReadModelsBehind
from service.container import Services
from service.idempotency import Claim
from service.sign_in_links import forget_links


def deactivate_person(
    services: Services,
    actor: Actor,
    person_id: UUID,
    *,
    left_on: Any,
    reason: Any = "",
    idempotency: Claim | None = None,
) -> None:
    try:
        services.app.deactivate_person(
            actor, person_id, left_on=left_on, reason=reason, idempotency=idempotency
        )
    except ReadModelsBehind:
        end_access(services, person_id)  # saved all the same: end it now, then say so
        raise
    end_access(services, person_id)


def end_access(services: Services, person_id: UUID) -> None:
    """Ends every session of the person, revokes every token that acts for them and
    deletes their one-time sign-in link (one HR handed out must not outlive the leaving)."""
    with services.database.transaction() as cursor:
        services.sessions.end_all(cursor, person_id)
        services.tokens.revoke_all(cursor, person_id)
        forget_links(cursor, person_id)
