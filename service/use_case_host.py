"""What the use-case mixins ask of the application they are mixed into.

`Groeispurt` (service/application.py) is one eventsourcing Application made
of mixins per area; each mixin saves through the application's repository
and `save_changes`. This base declares them once for the type checker and
adds nothing at run time, so the Application's own methods are the ones found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

if TYPE_CHECKING:
    from eventsourcing.application import Repository

    from service.actor import Actor
    from service.errors import Changed
    from service.idempotency import Claim


class UseCaseHost:
    if TYPE_CHECKING:
        repository: Repository[UUID]

        def save_changes(
            self,
            *aggregates: Any,
            by: Actor,
            what: Changed | None = None,
            idempotency: Claim | None = None,
        ) -> int: ...
