"""Lists read a page after a sort key on both stores: people by (name, id), an employee's
cycles newest first; rows added between two pages neither repeat nor go missing."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import uuid4

import pytest

from projections.cycle_detail import CycleFilter, count_cycles, page_of_cycles
from projections.people import count_people, list_people, page_people
from projections.people_fold import PersonRow
from service.container import Services, build_services
from service.settings import Settings
from tests.scenario import ADMIN, fixed_today, small_org


@pytest.fixture
def services(store: Settings) -> Iterator[Services]:
    services = build_services(store, clock=fixed_today)
    yield services
    services.close()


def register(services: Services, name: str) -> None:
    services.app.register_person(
        ADMIN,
        name=name,
        email=f"{name.lower()}{uuid4().hex[:6]}@example.nl",
        function="Developer",
        team="Web",
        start_date="2021-01-01",
    )


def test_people_come_by_name_and_id_after_the_last_one_a_page_gave(services: Services) -> None:
    for name in ("Bram", "Anna", "Dirk", "Anna", "Cor"):  # two of one name: the id decides
        register(services, name)
    everyone = list_people(services.database)
    pages: list[list[PersonRow]] = []
    after: tuple[str, str] | None = None
    while True:
        rows = page_people(services.database, after, 3)
        pages.append(rows[:2])
        if len(rows) <= 2:
            break
        after = (rows[1]["name"], rows[1]["person_id"])
    assert [r for page in pages for r in page] == everyone
    assert [len(page) for page in pages] == [2, 2, 1]
    assert count_people(services.database) == 5


def test_people_added_between_two_pages_are_neither_repeated_nor_skipped(
    services: Services,
) -> None:
    for name in ("Bas", "Eva", "Gijs", "Joke"):
        register(services, name)
    first = page_people(services.database, None, 2)
    assert [r["name"] for r in first] == ["Bas", "Eva"]
    register(services, "Anton")  # before the cursor: an offset would repeat Eva
    register(services, "Fleur")  # after it: shows on the next page
    after = (first[-1]["name"], first[-1]["person_id"])
    rest = page_people(services.database, after, 10)
    assert [r["name"] for r in rest] == ["Fleur", "Gijs", "Joke"]


def test_an_employees_cycles_come_newest_first_after_the_last_one_a_page_gave(
    services: Services,
) -> None:
    app = services.app
    org = small_org(app)
    opened = []
    for month in range(1, 6):
        cycle = app.open_cycle(
            org.as_manager, employee_id=org.employee, planned_session_on=f"2027-0{month}-01"
        )
        app.close_cycle(org.as_manager, cycle, "next")
        opened.append(str(cycle))
    seen: list[str] = []
    after: tuple[str, str] | None = None
    while True:
        docs = page_of_cycles(
            services.database, of(org.employee), readable_by=None, after=after, limit=2
        )
        seen += [d["cycle_id"] for d in docs[:2]]
        if len(docs) <= 2:
            break
        after = (docs[1]["opened_at"], docs[1]["cycle_id"])
    assert seen == opened[::-1]
    assert count_cycles(services.database, of(org.employee), readable_by=None) == 5
    assert (
        page_of_cycles(services.database, of(org.colleague), readable_by=None, after=None, limit=2)
        == []
    )


def of(employee: object) -> CycleFilter:
    return CycleFilter(employee_id=str(employee))
