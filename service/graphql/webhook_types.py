"""GraphQL types of webhooks: endpoints, their deliveries, and the mutations' payloads.

Mutations answer GitHub's way: a payload with the object, the errors in what
was sent (`userErrors`, each naming its field), and the client's
`clientMutationId` back. Refusals (not signed in, not an administrator, no
such webhook) stay errors of the response, with their code. The secret is a
field of `registerWebhook`'s payload alone, never of `Webhook`.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from projections.webhooks import WebhookRow
from service.graphql.user_errors import UserError
from service.webhook_queries import DeliveryRow


@strawberry.enum(description="Whether an endpoint gets deliveries, and if not, who stopped it.")
class WebhookState(Enum):
    ENABLED = "enabled"
    DISABLED = "disabled"
    DISABLED_AFTER_FAILURES = "disabled_after_failures"


@strawberry.enum
class WebhookDeliveryStatus(Enum):
    PENDING = strawberry.enum_value("pending", description="Not tried yet.")
    RETRYING = strawberry.enum_value("retrying", description="An attempt failed; another follows.")
    DELIVERED = strawberry.enum_value("delivered", description="The receiver answered 2xx.")
    FAILED = strawberry.enum_value("failed", description="Every attempt failed; none follows.")


@strawberry.type(description="Where an administrator has Groeispurt send events, and which kinds.")
class Webhook:
    id: strawberry.ID
    url: str
    description: str
    event_kinds: list[str] = strawberry.field(
        description="Kinds as Aggregate.Event, e.g. GrowthCycle.CardMoved."
    )
    state: WebhookState
    disabled_reason: str | None
    registered_at: datetime
    changed_at: datetime

    @classmethod
    def from_row(cls, row: WebhookRow) -> Webhook:
        return cls(
            id=strawberry.ID(row["endpoint_id"]),
            url=row["url"],
            description=row["description"],
            event_kinds=list(row["event_kinds"]),
            state=WebhookState(row["state"]),
            disabled_reason=row["disabled_reason"],
            registered_at=datetime.fromisoformat(row["registered_at"]),
            changed_at=datetime.fromisoformat(row["changed_at"]),
        )


@strawberry.type(description="One event sent (or to be sent) to one endpoint, and how it went.")
class WebhookDelivery:
    id: strawberry.ID = strawberry.field(description="The webhook-id header of every attempt.")
    webhook_id: strawberry.ID
    event_kind: str
    event_id: str = strawberry.field(description="The event's position in the log.")
    status: WebhookDeliveryStatus
    attempts: int
    last_status_code: int | None = strawberry.field(
        description="The HTTP status the receiver last answered; null when it did not answer."
    )
    last_error: str | None
    created_at: datetime
    next_attempt_at: datetime | None = strawberry.field(
        description="Null once delivered or failed for good."
    )
    finished_at: datetime | None

    @classmethod
    def from_row(cls, row: DeliveryRow) -> WebhookDelivery:
        return cls(
            id=strawberry.ID(row.id),
            webhook_id=strawberry.ID(row.endpoint_id),
            event_kind=row.event_kind,
            event_id=str(row.event_id),
            status=WebhookDeliveryStatus(row.status.value),
            attempts=row.attempts,
            last_status_code=row.last_status_code,
            last_error=row.last_error,
            created_at=row.created_at,
            next_attempt_at=row.next_attempt_at,
            finished_at=row.finished_at,
        )


@strawberry.type
class RegisterWebhookPayload:
    webhook: Webhook | None
    secret: str | None = strawberry.field(
        description="The endpoint's signing secret (whsec_…): shown here, and never again."
    )
    user_errors: list[UserError]
    client_mutation_id: str | None


@strawberry.type
class WebhookPayload:
    webhook: Webhook | None
    user_errors: list[UserError]
    client_mutation_id: str | None


@strawberry.input
class RegisterWebhookInput:
    url: str = strawberry.field(description="https:// (or http://) and the receiver's address.")
    event_kinds: list[str] = strawberry.field(
        description="Kinds as Aggregate.Event, e.g. GrowthCycle.CardMoved (docs/integrators.md)."
    )
    description: str | None = None
    client_mutation_id: str | None = None


@strawberry.input(description="Give what changes; what is left out stays as it is.")
class ChangeWebhookInput:
    webhook_id: strawberry.ID
    url: str | None = None
    event_kinds: list[str] | None = None
    description: str | None = None
    client_mutation_id: str | None = None


@strawberry.input
class DisableWebhookInput:
    webhook_id: strawberry.ID
    reason: str | None = None
    client_mutation_id: str | None = None


@strawberry.input
class EnableWebhookInput:
    webhook_id: strawberry.ID
    client_mutation_id: str | None = None
