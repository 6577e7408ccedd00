"""A webhook endpoint: where an administrator wants to hear about events, and which kinds.

Registering, changing, disabling and enabling an endpoint are events of its
own, so the audit trail shows who pointed the organisation's events where,
and when. The signing secret is no part of it: it is made when the endpoint
is registered and kept apart from the log (see `service.webhook_secrets`).
An endpoint is disabled by an administrator, or by Groeispurt itself when
its deliveries keep failing (`automatic`); enabling it again clears both.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from eventsourcing.domain import Aggregate

from domain.error_texts import (
    NO_EVENT_KIND,
    NOT_A_URL,
    NOT_EVENT_KINDS,
    UNKNOWN_EVENT_KIND,
    URL_SCHEME,
    URL_WITH_CREDENTIALS,
    URL_WITH_FRAGMENT,
    URL_WITHOUT_HOST,
)
from domain.errors import InvalidInput
from domain.event_kinds import event_kinds
from domain.text import check_text

MAX_URL = 2000


def check_url(value: Any) -> str:
    """An http or https URL with a host; no user name or password in it (they would show
    in the audit trail), and no fragment (never sent)."""
    url = check_text("url", value, max_length=MAX_URL)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise InvalidInput(NOT_A_URL, "url") from None
    if parts.scheme not in ("http", "https"):
        raise InvalidInput(URL_SCHEME, "url")
    if not parts.hostname:
        raise InvalidInput(URL_WITHOUT_HOST, "url")
    if parts.username is not None or parts.password is not None:
        raise InvalidInput(URL_WITH_CREDENTIALS, "url")
    if parts.fragment:
        raise InvalidInput(URL_WITH_FRAGMENT, "url")
    if port == 0:
        raise InvalidInput(NOT_A_URL, "url")
    return url


def check_event_kinds(value: Any) -> list[str]:
    """At least one kind, each one Groeispurt offers; duplicates dropped, order kept."""
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InvalidInput(NOT_EVENT_KINDS, "event_kinds")
    known = event_kinds()
    chosen: list[str] = []
    for kind in value:
        if not isinstance(kind, str) or kind not in known:
            raise InvalidInput(UNKNOWN_EVENT_KIND, "event_kinds", kind=str(kind)[:80])
        if kind not in chosen:
            chosen.append(kind)
    if not chosen:
        raise InvalidInput(NO_EVENT_KIND, "event_kinds")
    return chosen


def check_description(value: Any) -> str:
    return check_text("description", value, required=False)


class WebhookEndpoint(Aggregate):
    class Registered(Aggregate.Created):
        url: str
        event_kinds: list[str]
        description: str

    @classmethod
    def register(cls, url: Any, event_kinds: Any, description: Any = "") -> WebhookEndpoint:
        return cls._create(
            cls.Registered,
            url=check_url(url),
            event_kinds=check_event_kinds(event_kinds),
            description=check_description(description),
        )

    def __init__(self, url: str, event_kinds: list[str], description: str) -> None:
        self.url = url
        self.event_kinds = list(event_kinds)
        self.description = description
        self.enabled = True
        self.disabled_automatically = False

    class Changed(Aggregate.Event):
        url: str
        event_kinds: list[str]
        description: str

        def apply(self, endpoint: WebhookEndpoint) -> None:
            endpoint.url = self.url
            endpoint.event_kinds = list(self.event_kinds)
            endpoint.description = self.description

    def change(self, *, url: Any = None, event_kinds: Any = None, description: Any = None) -> bool:
        """Changes what is given (None: keep); False (records nothing) when nothing changed."""
        new_url = self.url if url is None else check_url(url)
        new_kinds = self.event_kinds if event_kinds is None else check_event_kinds(event_kinds)
        new_description = (
            self.description if description is None else check_description(description)
        )
        if (new_url, new_kinds, new_description) == (self.url, self.event_kinds, self.description):
            return False
        self.trigger_event(
            self.Changed, url=new_url, event_kinds=new_kinds, description=new_description
        )
        return True

    class Disabled(Aggregate.Event):
        reason: str
        automatic: bool

        def apply(self, endpoint: WebhookEndpoint) -> None:
            endpoint.enabled = False
            endpoint.disabled_automatically = self.automatic

    def disable(self, reason: Any = "", *, automatic: bool = False) -> bool:
        """False (records nothing) when it is disabled already."""
        if not self.enabled:
            return False
        text = check_text("reason", reason, required=False)
        self.trigger_event(self.Disabled, reason=text, automatic=automatic)
        return True

    class Enabled(Aggregate.Event):
        def apply(self, endpoint: WebhookEndpoint) -> None:
            endpoint.enabled = True
            endpoint.disabled_automatically = False

    def enable(self) -> bool:
        """False (records nothing) when it is enabled already."""
        if self.enabled:
            return False
        self.trigger_event(self.Enabled)
        return True
