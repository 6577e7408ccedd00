"""What each resolver knows about the request: the services and who is asking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool
from strawberry.types import Info

from service.actor import Actor
from service.container import Services
from service.errors import Unauthenticated

T = TypeVar("T")


@dataclass
class Context:
    services: Services
    actor: Actor | None
    refusal: Unauthenticated | None = None

    def who(self) -> Actor:
        if self.refusal is not None:
            raise self.refusal
        if self.actor is None:
            raise Unauthenticated("Send a bearer token or sign in first.")
        return self.actor


async def run(info: Info[Context, None], work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Runs a synchronous store call on a worker thread, as the asking actor."""
    actor = info.context.who()
    return await run_in_threadpool(work, actor, *args, **kwargs)
