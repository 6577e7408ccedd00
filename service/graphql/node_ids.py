"""The Node interface, and the global IDs of the objects that implement it.

An ID is opaque to integrators; `service.ids` says how it is made and read
(base64 of the type and its key), and every ID argument takes it.
"""

from __future__ import annotations

import strawberry

from service.ids import global_id


@strawberry.interface(description="An object with a global ID: `node(id:)` finds it again.")
class Node:
    id: strawberry.ID = strawberry.field(
        description="Globally unique and opaque: keep it as it is, and ask `node(id:)` for it."
    )


def node_id(type_name: str, *keys: str) -> strawberry.ID:
    return strawberry.ID(global_id(type_name, *keys))


def node_id_or_none(type_name: str, key: str | None) -> strawberry.ID | None:
    return node_id(type_name, key) if key else None
