"""Every read model the application keeps, in one list."""

from __future__ import annotations

from projections.board import BoardReadModel
from projections.people import PeopleReadModel
from projections.read_model import ReadModel


def all_read_models() -> list[ReadModel]:
    return [BoardReadModel(), PeopleReadModel()]
