"""Use cases of webhook endpoints: administrators register, change, disable and enable them.

Webhooks carry the whole organisation's events, so only an administrator
(a person with the admin role, or a write token acting for one) manages
them; HR does not. Groeispurt itself disables an endpoint whose deliveries
keep failing (`disable_failing_webhook`, the system actor only). Each change
is an event saved with who made it, so the audit trail shows it; the secret
is shown once, in what `register_webhook` returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from domain.errors import InvalidInput
from domain.webhook_endpoint import WebhookEndpoint
from service.actor import Actor
from service.catching_up import ReadModelsBehind
from service.error_texts import NO_SUCH_WEBHOOK, NOT_A_WEBHOOK_ID, WEBHOOK_CHANGED, WEBHOOKS_CHANGED
from service.errors import Changed, Forbidden, NotFound
from service.webhook_addresses import check_registrable
from service.webhook_secrets import NewSecret, new_secret

if TYPE_CHECKING:
    from eventsourcing.application import Repository

    from service.idempotency import Claim
    from service.settings import Settings


@dataclass(frozen=True)
class NewWebhook:
    """A registered endpoint's id and its signing secret: the only time it is shown."""

    id: UUID
    secret: str
    # Saved, but the read models could not follow: lists may not show it for a moment.
    read_models_behind: bool = False


def may_administer_webhooks(actor: Actor) -> bool:
    return actor.is_admin and actor.may_write


class WebhookUseCases:
    if TYPE_CHECKING:
        repository: Repository[UUID]
        settings: Settings

        def save_changes(
            self,
            *aggregates: Any,
            by: Actor,
            what: Changed | None = None,
            idempotency: Claim | None = None,
            webhook_secret: NewSecret | None = None,
        ) -> int: ...

    def register_webhook(
        self,
        actor: Actor,
        *,
        url: Any,
        event_kinds: Any,
        description: Any = "",
        idempotency: Claim | None = None,
    ) -> NewWebhook:
        _require_administrator(actor)
        endpoint = WebhookEndpoint.register(url, event_kinds, description)
        check_registrable(endpoint.url, self.settings.allows_private_webhooks)
        secret = new_secret()
        try:
            self.save_changes(
                endpoint,
                by=actor,
                idempotency=idempotency,
                what=Changed(WEBHOOKS_CHANGED),
                webhook_secret=NewSecret(str(endpoint.id), secret),
            )
        except ReadModelsBehind:
            # Saved: the secret must reach the caller all the same, or it is lost for good.
            return NewWebhook(endpoint.id, secret, read_models_behind=True)
        return NewWebhook(endpoint.id, secret)

    def change_webhook(
        self,
        actor: Actor,
        webhook_id: Any,
        *,
        url: Any = None,
        event_kinds: Any = None,
        description: Any = None,
        idempotency: Claim | None = None,
    ) -> None:
        _require_administrator(actor)
        endpoint = self._load_webhook(webhook_id)
        if endpoint.change(url=url, event_kinds=event_kinds, description=description):
            check_registrable(endpoint.url, self.settings.allows_private_webhooks)
            self.save_changes(
                endpoint, by=actor, idempotency=idempotency, what=Changed(WEBHOOK_CHANGED)
            )

    def disable_webhook(
        self, actor: Actor, webhook_id: Any, reason: Any = "", *, idempotency: Claim | None = None
    ) -> None:
        _require_administrator(actor)
        endpoint = self._load_webhook(webhook_id)
        if endpoint.disable(reason):
            self.save_changes(
                endpoint, by=actor, idempotency=idempotency, what=Changed(WEBHOOK_CHANGED)
            )

    def enable_webhook(
        self, actor: Actor, webhook_id: Any, *, idempotency: Claim | None = None
    ) -> None:
        _require_administrator(actor)
        endpoint = self._load_webhook(webhook_id)
        if endpoint.enable():
            self.save_changes(
                endpoint, by=actor, idempotency=idempotency, what=Changed(WEBHOOK_CHANGED)
            )

    def disable_failing_webhook(self, actor: Actor, webhook_id: Any, reason: str) -> bool:
        """Groeispurt's own deliveries gave up on this endpoint; False when it was disabled
        already (another server process got there first)."""
        if actor.system is None:
            raise Forbidden()
        endpoint = self._load_webhook(webhook_id)
        if not endpoint.disable(reason, automatic=True):
            return False
        self.save_changes(endpoint, by=actor, what=Changed(WEBHOOK_CHANGED))
        return True

    def _load_webhook(self, webhook_id: Any) -> WebhookEndpoint:
        try:
            endpoint: object = self.repository.get(UUID(str(webhook_id)))
        except ValueError:
            raise InvalidInput(NOT_A_WEBHOOK_ID, "webhook_id") from None
        except AggregateNotFoundError:
            raise NotFound(NO_SUCH_WEBHOOK) from None
        if not isinstance(endpoint, WebhookEndpoint):
            raise NotFound(NO_SUCH_WEBHOOK)
        return endpoint


def _require_administrator(actor: Actor) -> None:
    if not may_administer_webhooks(actor):
        raise Forbidden()
