"""`node(id:)` and `nodes(ids:)`: any object by its global ID.

Each type is read through the same access-checked read query as the query
that lists it, so an ID shows no more than that query would. A caller who
may not see the object gets null, exactly as for an object that does not
exist: the answer never tells the two apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from domain.errors import InvalidInput
from service.actor import Actor
from service.error_texts import NOT_A_NODE_ID, TOO_MANY_IDS
from service.errors import Forbidden
from service.graphql.types import BacklogSkill, Board, Card, Cycle, Person
from service.ids import GlobalId, read_global_id
from service.read_queries import ReadQueries

MAX_NODES = 100


def node_keys(ids: Sequence[str], field: str) -> list[GlobalId]:
    """The IDs asked for, each a global ID this API gave out (else VALIDATION)."""
    if len(ids) > MAX_NODES:
        raise InvalidInput(TOO_MANY_IDS, field, limit=MAX_NODES)
    keys = []
    for i, value in enumerate(ids):
        key = read_global_id(value)
        if key is None:
            raise InvalidInput(NOT_A_NODE_ID, field if field == "id" else f"{field}.{i}")
        keys.append(key)
    return keys


def find_node(queries: ReadQueries, actor: Actor, key: GlobalId) -> Any:
    """The object the key names as the actor may see it (a `Node`), or None."""
    try:
        return _FIND[key.type_name](queries, actor, key.keys)
    except Forbidden:
        return None


def _person(queries: ReadQueries, actor: Actor, keys: tuple[str, ...]) -> Person | None:
    row = queries.person(actor, keys[0])
    return Person.from_row(row) if row is not None else None


def _cycle(queries: ReadQueries, actor: Actor, keys: tuple[str, ...]) -> Cycle | None:
    doc = queries.cycle(actor, keys[0])
    return Cycle.from_doc(doc) if doc is not None else None


def _board(queries: ReadQueries, actor: Actor, keys: tuple[str, ...]) -> Board | None:
    board = queries.board_of_cycle(actor, keys[0])
    return Board.from_doc(board) if board is not None else None


def _card(queries: ReadQueries, actor: Actor, keys: tuple[str, ...]) -> Card | None:
    cycle, card = keys
    board = queries.board_of_cycle(actor, cycle)
    # A teammate's view of the board holds only the cards shown to the team.
    found = board["cards"].get(card) if board is not None else None
    return Card.from_doc(cycle, found) if found is not None else None


def _skill(queries: ReadQueries, actor: Actor, keys: tuple[str, ...]) -> BacklogSkill | None:
    skills = queries.backlog(actor, include_retired=True)
    return next((BacklogSkill.from_doc(s) for s in skills if s["id"] == keys[0]), None)


_FIND = {
    "Person": _person,
    "Cycle": _cycle,
    "Board": _board,
    "Card": _card,
    "BacklogSkill": _skill,
}
