"""Every read model the application keeps, in one list."""

from __future__ import annotations

from projections.audit import AuditReadModel
from projections.backlog_use import BacklogUseReadModel
from projections.board import BoardReadModel
from projections.cycle_detail import CycleDetailReadModel
from projections.follow_ups import FollowUpsReadModel
from projections.people import PeopleReadModel
from projections.read_model import ReadModel
from projections.show_and_tells import ShowAndTellsReadModel
from projections.training_needs import TrainingNeedsReadModel
from projections.webhooks import WebhooksReadModel


def all_read_models() -> list[ReadModel]:
    return [
        BoardReadModel(),
        PeopleReadModel(),
        CycleDetailReadModel(),
        FollowUpsReadModel(),
        TrainingNeedsReadModel(),
        AuditReadModel(),
        WebhooksReadModel(),
        BacklogUseReadModel(),
        ShowAndTellsReadModel(),
    ]
