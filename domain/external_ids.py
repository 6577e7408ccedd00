"""Claims another system's id for one person (an HRIS's), as EmailIndex claims e-mail addresses.

One aggregate per external id, its id made from the external id itself: two
people claiming the same one in the same moment clash on its version, so
two people can never share an external id.
"""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from domain.error_texts import EXTERNAL_ID_CLAIMED
from domain.errors import InvalidInput


class ExternalIdIndex(Aggregate):
    class Claimed(Aggregate.Created):
        person_id: UUID

    @staticmethod
    def id_for(external_id: str) -> UUID:
        return uuid5(NAMESPACE_URL, f"groeispurt:external-id:{external_id}")

    @classmethod
    def claim(cls, external_id: str, person_id: UUID) -> ExternalIdIndex:
        return cls._create(cls.Claimed, id=cls.id_for(external_id), person_id=person_id)

    def __init__(self, person_id: UUID) -> None:
        self.person_id: UUID | None = person_id

    class Released(Aggregate.Event):
        """The person's external id changed: this one is free to be claimed again."""

        def apply(self, index: ExternalIdIndex) -> None:
            index.person_id = None

    def release(self) -> None:
        if self.person_id is not None:
            self.trigger_event(self.Released)

    class Reclaimed(Aggregate.Event):
        person_id: UUID

        def apply(self, index: ExternalIdIndex) -> None:
            index.person_id = self.person_id

    def reclaim(self, person_id: UUID) -> None:
        if self.person_id is not None:
            raise InvalidInput(EXTERNAL_ID_CLAIMED, "external_id")
        self.trigger_event(self.Reclaimed, person_id=person_id)
