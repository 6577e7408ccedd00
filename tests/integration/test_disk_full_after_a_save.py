"""The disk fills up between committing a change and folding it into the read models.

SQLite: the read side's connection may not grow the file any more (`PRAGMA
max_page_count`), while the event store's own connection still appends: the
fold fails with SQLite's real "database or disk is full". PostgreSQL: the
read models refuse with SQLSTATE disk_full (see `failing_read_models`).
Either way the change is saved, said to be saved, its idempotency key is
completed with it (a retry finds it, nothing twice, nothing stuck), and the
read models catch up once there is room again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from service.catching_up import ReadModelsBehind
from service.container import Services, build_services
from service.idempotency import Claim, Earlier
from service.settings import Settings
from tests.integration.failing_read_models import read_models_refused
from tests.scenario import PREPARATION, fixed_today, small_org

# Long answers: folding them needs pages the full disk no longer has.
LONG_PREPARATION = {
    **PREPARATION,
    "going_well": "w" * 4000,
    "could_be_better": "b" * 4000,
    "ambitions": "a" * 4000,
}


@contextmanager
def disk_full(services: Services, settings: Settings) -> Iterator[None]:
    if services.database.dialect == "postgres":
        with read_models_refused(settings):
            yield
        return
    # The read side's connection of this thread, which folds this thread's saves.
    pages = services.database.query("PRAGMA page_count")[0]["page_count"]
    services.database.query(f"PRAGMA max_page_count = {pages}")
    try:
        yield
    finally:
        services.database.query("PRAGMA max_page_count = 4294967294")


def test_a_change_saved_before_the_disk_filled_is_reported_saved_and_kept_once(
    store: Settings,
) -> None:
    services = build_services(store, clock=fixed_today)
    try:
        org = small_org(services.app)
        cycle_id = services.app.open_cycle(
            org.as_manager, employee_id=org.employee, planned_session_on="2026-12-01"
        )
        keys = services.idempotency
        claim = keys.begin(org.as_employee, "prep-1", "submitPreparation", "same input")
        assert isinstance(claim, Claim)
        with disk_full(services, store), pytest.raises(ReadModelsBehind) as behind:
            services.app.submit_preparation(
                org.as_employee, cycle_id, LONG_PREPARATION, idempotency=claim
            )
        if services.database.dialect == "sqlite":
            assert "database or disk is full" in str(behind.value.__cause__)
        submitted = [
            event
            for event in services.app.events.get(cycle_id)
            if type(event).__name__ == "PreparationSubmitted"
        ]
        assert len(submitted) == 1
        # The request dies here, before it could store an answer: the key was completed
        # with the events, so a retry finds the change instead of making it again.
        retry = keys.begin(org.as_employee, "prep-1", "submitPreparation", "same input")
        assert isinstance(retry, Earlier)
        assert str(cycle_id) in {aggregate for aggregate, _ in retry.saved}
        stale = services.queries.cycle(org.as_employee, cycle_id)
        assert stale is not None
        assert stale["preparations"]["employee"] == []
        services.projections.catch_up()  # room again: the read models follow
        doc = services.queries.cycle(org.as_employee, cycle_id)
        assert doc is not None
        assert "w" * 4000 in str(doc["preparations"]["employee"][0])
    finally:
        services.close()
