"""What each resolver knows about the request: the services and who is asking.

Who is asking is looked up on first use, where the resolver's store call runs
(a worker thread, or the loop for a short read on SQLite): a token or session
costs a read, and doing it there saves every request a second hop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.types import Info

from service.actor import Actor
from service.calls import in_thread, short_read
from service.container import Services
from service.error_texts import NO_CREDENTIALS, SIGN_IN_AGAIN
from service.errors import NotFound, Unauthenticated

T = TypeVar("T")


@dataclass
class Context:
    services: Services
    actor: Actor | None = None
    refusal: Unauthenticated | None = None
    # Looks the caller up (reads the store); None once done, or for nobody.
    identify: Callable[[], Actor] | None = None
    # Said beside the data in the response's `extensions.notes` (see `answers`).
    notes: list[dict[str, Any]] = field(default_factory=list)
    # How the caller is looked up, kept for a WebSocket: its subscriptions ask again
    # for every message, so a session ended or a token revoked ends them.
    lookup: Callable[[], Actor] | None = None
    # What a WebSocket client sent with `connection_init` (strawberry fills it in).
    connection_params: dict[str, Any] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def who(self) -> Actor:
        """The asking actor, or Unauthenticated. May read the store: call it off the loop."""
        if self.identify is not None:
            with self._lock:  # sibling fields resolve on threads of their own
                if self.identify is not None:
                    try:
                        self.actor = self.identify()
                    except Unauthenticated as refused:
                        self.refusal = refused
                    except (NotFound, ValueError):
                        self.refusal = Unauthenticated(SIGN_IN_AGAIN)
                    self.identify = None
        if self.refusal is not None:
            raise self.refusal
        if self.actor is None:
            raise Unauthenticated(NO_CREDENTIALS)
        return self.actor

    def who_now(self) -> Actor:
        """The asking actor as the store has them now (not remembered); reads the store."""
        if self.lookup is None:
            return self.who()
        try:
            return self.lookup()
        except (NotFound, ValueError):
            raise Unauthenticated(SIGN_IN_AGAIN) from None


async def run(info: Info[Context, None], work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Runs a synchronous store call on a worker thread, as the asking actor."""
    context = info.context
    return await in_thread(lambda: work(context.who(), *args, **kwargs))


async def read(info: Info[Context, None], work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`run` for a short read (a board, a cycle): see `service.calls.short_read`."""
    context = info.context
    return await short_read(context.services, lambda: work(context.who(), *args, **kwargs))
