"""The Groeispurt application: the event store, snapshots, and saving with care.

One instance per process (built by the composition root in `service.app` or
the CLI). Use cases live in mixins, one per area, and all save through
`save_changes`, which turns a version clash into a Conflict and lets the
read models catch up before the caller reads (read your own writes).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Protocol, TypeVar
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, JSONTranscoder

from domain.attribution import ACTOR_FIELD
from domain.growth_cycle import GrowthCycle
from service.actor import Actor
from service.backlog_use_cases import BacklogUseCases
from service.catching_up import ReadModelsBehind
from service.cycle_use_cases import CycleUseCases
from service.deactivation_use_cases import DeactivationUseCases
from service.errors import Changed
from service.idempotency import Claim
from service.inspiration_use_cases import InspirationUseCases
from service.people_use_cases import PeopleUseCases
from service.question_set_use_cases import QuestionSetUseCases
from service.replay import ReplayingRepository, replay
from service.session_use_cases import SessionUseCases
from service.settings import Settings
from service.sign_in_link_use_cases import SignInLinkUseCases
from service.sign_in_links import NewSignInLink
from service.transcodings import DateAsISO
from service.webhook_secrets import NewSecret
from service.webhook_use_cases import WebhookUseCases

Clock = Callable[[], date]
log = logging.getLogger("groeispurt.store")
E = TypeVar("E")


class OnSaved(Protocol):
    def __call__(self, notification_id: int, *, saved: Sequence[tuple[int, Any]]) -> bool: ...


class Groeispurt(
    CycleUseCases,
    SessionUseCases,
    PeopleUseCases,
    DeactivationUseCases,
    BacklogUseCases,
    QuestionSetUseCases,
    InspirationUseCases,
    WebhookUseCases,
    SignInLinkUseCases,
    Application[UUID],
):
    name = "Groeispurt"
    # A cycle with years of card moves loads from its latest snapshot plus at
    # most 19 events, so a move on a long-lived board costs about the same as on
    # a new one (every 50 did not: see BENCHMARKS.md).
    snapshotting_intervals = {GrowthCycle: 20}  # noqa: RUF012 - the library's own class attribute
    snapshotting_projectors = {GrowthCycle: replay}  # noqa: RUF012 - as above

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        clock: Clock = date.today,
        env: dict[str, str] | None = None,
    ) -> None:
        self.settings = settings or Settings.from_environment()
        self.clock = clock
        # Set by the composition root: brings the read models up to a notification id,
        # given the events just saved (with their ids) so they need not be read back.
        self.on_saved: OnSaved | None = None
        super().__init__(env={**self.settings.eventsourcing_env(), **(env or {})})

    def construct_repository(self) -> ReplayingRepository:
        # No aggregate cache (the library's default): workers load from snapshots.
        return ReplayingRepository(event_store=self.events, snapshot_store=self.snapshots)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    def today(self) -> date:
        return self.clock()

    def save_changes(
        self,
        *aggregates: Any,
        by: Actor,
        what: Changed | None = None,
        idempotency: Claim | None = None,
        webhook_secret: NewSecret | None = None,
        sign_in_link: NewSignInLink | None = None,
    ) -> int:
        """Saves all pending events atomically, each stamped with who caused it (`by`);
        returns the last notification id (0 if none). `idempotency`: the request's
        key, completed in the same transaction (see `service.idempotency`);
        `webhook_secret`: a new endpoint's secret, kept in it too; `sign_in_link`:
        a new one-time link's row (its token's hash), likewise.

        Raises ReadModelsBehind when the events were committed but the read models
        could not be brought up to them: the change is saved all the same."""
        stamp = by.attribution().record()
        events = [attributed(e, stamp) for a in aggregates for e in a.collect_events()]
        try:
            # The aggregates follow their (already collected) events so that the
            # library still takes their snapshots at the interval.
            recordings = self.save(
                *events,
                *aggregates,
                idempotency=idempotency,
                webhook_secret=webhook_secret,
                sign_in_link=sign_in_link,
            )
        except IntegrityError:
            raise (what or Changed()).conflict() from None
        if not recordings:
            return 0
        saved = sorted((r.notification.id, r.domain_event) for r in recordings)
        if self.on_saved is not None:
            try:
                caught_up = self.on_saved(saved[-1][0], saved=saved)
            except Exception as error:
                log.exception("saved up to %s; the read models could not follow", saved[-1][0])
                raise ReadModelsBehind(saved[-1][0], saved) from error
            if not caught_up:
                raise ReadModelsBehind(saved[-1][0], saved)
        return saved[-1][0]

    def _take_snapshots(self, processing_event: Any) -> None:
        # The library snapshots after the events are committed, in a transaction of
        # its own. A snapshot is only a shortcut for loading: one that cannot be
        # written (a full disk) must not turn a saved change into a failed one.
        # This protected method is where the library's `save()` takes snapshots; a
        # subclass wrapping it (and calling it) changes nothing else of the library.
        try:
            super()._take_snapshots(processing_event)
        except Exception:
            log.exception("a snapshot could not be written; loading replays the events")


def attributed(event: E, stamp: dict[str, str]) -> E:
    """A copy of a pending event that also says who caused it.

    Built the way the library's mapper builds events it reads back (a new
    object given its state), so the stored event carries `actor` beside the
    event's own fields, and old events without it still read as before.
    """
    copy = object.__new__(type(event))
    object.__setattr__(copy, "__dict__", {**vars(event), ACTOR_FIELD: stamp})
    return copy
