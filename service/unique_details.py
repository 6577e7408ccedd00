"""The details two people may never share: an e-mail address and another system's id.

Each is claimed by an index aggregate of its own (`EmailIndex`,
`ExternalIdIndex`), saved with the person's own events: two requests
claiming the same value at the same moment clash on the index's version, and
the second is refused. A person moving to another value frees the old one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from domain.errors import InvalidInput
from domain.external_ids import ExternalIdIndex
from domain.person import EmailIndex, Person, check_email
from service.error_texts import EMAIL_REGISTERED, EXTERNAL_ID_REGISTERED
from service.use_case_host import UseCaseHost


class UniqueDetails(UseCaseHost):
    if TYPE_CHECKING:

        def get_person(self, person_id: Any) -> Person: ...

    def find_person_by_email(self, email: str) -> Person | None:
        try:
            index = self._email_index(check_email(email))
        except InvalidInput:
            return None
        if index is None or index.person_id is None:
            return None
        return self.get_person(index.person_id)

    def _email_index(self, email: str) -> EmailIndex | None:
        try:
            index: object = self.repository.get(EmailIndex.id_for(email))
        except AggregateNotFoundError:
            return None
        assert isinstance(index, EmailIndex)
        return index

    def _claim_email(self, email: str, person_id: UUID) -> EmailIndex:
        """The index claiming `email` for the person, to save with the person's own events."""
        index = self._email_index(email)
        if index is None:
            return EmailIndex.claim(email, person_id)
        if index.person_id is not None:
            raise InvalidInput(EMAIL_REGISTERED, "email", email=email)
        index.reclaim(person_id)
        return index

    def _external_id_index(self, external_id: str) -> ExternalIdIndex | None:
        try:
            index: object = self.repository.get(ExternalIdIndex.id_for(external_id))
        except AggregateNotFoundError:
            return None
        assert isinstance(index, ExternalIdIndex)
        return index

    def _external_id_changes(self, person: Person, old: str | None) -> list[Any]:
        """The indexes to save with a person whose external id became `person.external_id`:
        the new one claimed, the old one (`old`) freed."""
        changed: list[Any] = []
        new = person.external_id
        if new is not None:
            index = self._external_id_index(new)
            if index is None:
                changed.append(ExternalIdIndex.claim(new, person.id))
            elif index.person_id is not None:
                raise InvalidInput(EXTERNAL_ID_REGISTERED, "external_id", external_id=new)
            else:
                index.reclaim(person.id)
                changed.append(index)
        released = self._external_id_index(old) if old is not None else None
        if released is not None and released.person_id == person.id:
            released.release()
            changed.append(released)
        return changed
