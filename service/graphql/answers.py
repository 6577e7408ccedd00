"""What a mutation answers with: the changed object, read from the read models, or
— when they are behind — as the object's own events in the log say.

A change is saved when its events are committed; the read models follow a
moment later. When they cannot (a full disk, a database error) the mutation
still succeeds. Its answer is then worked out by the same read model and the
same access-checked read, over a scratch in-memory store into which only the
changed object's events are folded: exactly what the read models will say
once they have caught up. The response's `extensions.notes` carries a
`READ_MODELS_CATCHING_UP` note, because lists, reports and other objects
read in the meantime may not show the change yet.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from strawberry.extensions import SchemaExtension

from projections.board import BoardReadModel, employee_of_cycle
from projections.cycle_detail import CycleDetailReadModel
from projections.database import SQLiteDatabase
from projections.people import PeopleReadModel, get_person_row
from projections.read_model import Batch, ReadModel
from service.actor import Actor
from service.container import Services
from service.error_texts import NO_SUCH_BOARD, NO_SUCH_CYCLE, NO_SUCH_PERSON
from service.errors import NotFound
from service.ids import as_uuid
from service.read_queries import ReadQueries

log = logging.getLogger("groeispurt.graphql")
# The read model's document a mutation answers with (a cycle, a board, a person): a
# dict, kept as JSON for a retry, each GraphQL type's `from_doc` reads its own.
Doc = Any
CATCHING_UP = "READ_MODELS_CATCHING_UP"


@dataclass(frozen=True)
class Answer:
    """How to read a mutation's answer for the object it changed (its id)."""

    read: Callable[[Services, Actor, Any], Doc]
    # The read model `read` reads from; None: `read` asks the event store itself.
    model: Callable[[], ReadModel] | None


def read_cycle(services: Services, actor: Actor, cycle_id: Any) -> Doc:
    doc = services.queries.cycle(actor, cycle_id)
    if doc is None:
        raise NotFound(NO_SUCH_CYCLE)
    return doc


def read_board_of_cycle(services: Services, actor: Actor, cycle_id: Any) -> Doc:
    employee = employee_of_cycle(services.database, str(as_uuid(cycle_id)))
    board = services.queries.board_of(actor, employee, cycle_id) if employee else None
    if board is None:
        raise NotFound(NO_SUCH_BOARD)
    return board


def read_person(services: Services, actor: Actor, person_id: Any) -> Doc:
    row = get_person_row(services.database, str(as_uuid(person_id)))
    if row is None:
        raise NotFound(NO_SUCH_PERSON)
    return row


def read_backlog(services: Services, actor: Actor, skill_id: Any) -> Doc:
    """The backlog in its order, and the skill a mutation added or changed (retired too)."""
    everything = services.app.list_backlog(actor, include_retired=True)
    skill = next((s for s in everything if skill_id is not None and s["id"] == skill_id), None)
    return {"skills": services.queries.backlog(actor), "skill": skill}


CYCLE = Answer(read_cycle, CycleDetailReadModel)
BOARD = Answer(read_board_of_cycle, BoardReadModel)
PERSON = Answer(read_person, PeopleReadModel)
BACKLOG = Answer(read_backlog, None)  # the backlog is read from its aggregate


def answer_now(services: Services, actor: Actor, answer: Answer, target: Any) -> Doc | None:
    """From the read models; None when they cannot give it (they are behind)."""
    try:
        return answer.read(services, actor, target)
    except Exception:
        # Saved already: a read that fails now says nothing about the change.
        log.warning("a mutation's answer could not be read from the read models", exc_info=True)
        return None


def answer_from_the_log(services: Services, actor: Actor, answer: Answer, target: Any) -> Doc:
    """The answer as the read models will give it, from the object's own events."""
    if answer.model is None:
        return answer.read(services, actor, target)
    model = answer.model()
    scratch = SQLiteDatabase(":memory:")
    try:
        events = list(services.app.events.get(as_uuid(target)))
        with scratch.transaction(durable=False) as cursor:
            for statement in model.schema:
                cursor.execute(scratch.table_statement(statement))
            if events:
                model.apply(cursor, Batch.of(list(range(1, len(events) + 1)), events))
        view = dataclasses.replace(
            services, database=scratch, queries=ReadQueries(services.app, scratch)
        )
        return answer.read(view, actor, target)
    finally:
        scratch.close()


def catching_up_note(path: str) -> dict[str, Any]:
    return {
        "code": CATCHING_UP,
        "path": [path],
        "message": "Saved. The read models are catching up: until they have, lists, reports "
        "and other queries may not show this change yet; the answer here already does.",
    }


class Notes(SchemaExtension):
    """Puts the request's notes (`Context.notes`) in the response's `extensions`."""

    def get_results(self) -> dict[str, Any]:
        notes = getattr(self.execution_context.context, "notes", None)
        return {"notes": list(notes)} if notes else {}
