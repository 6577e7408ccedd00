"""What keeps the pages safe: the session secret, CSRF tokens and security headers.

Headers: every answer but a static file says `Cache-Control: no-store`, so no
browser or proxy keeps a personal page or an API answer (the back button on a
shared computer after signing out shows nothing); in production every answer
sends HSTS, so a browser never again talks to the site over plain HTTP.

CSRF: every state-changing request carries the session's token, htmx in the
`X-CSRF-Token` header (set once with `hx-headers` on `<body>`), a plain form
in the hidden field `csrf_token`. The check is ASGI middleware, so no route
can forget it; it reads a form body itself and hands the same bytes on.
"""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.http_body import BodyNotRead, read_body, replaying
from service.sessions import COOKIE_KEY
from service.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = b"x-csrf-token"
# Nothing inline may run: behaviour lives in /static/app.js.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "object-src 'none'"
)
# A form on a page is never bigger than this; refuse larger bodies before reading them.
MAX_FORM_BYTES = 1_000_000
# Two years, subdomains included: what HSTS preload lists ask for.
STRICT_TRANSPORT_SECURITY = b"max-age=63072000; includeSubDomains"
# Vendored with their version in the name: these may be cached.
STATIC_PREFIX = "/static/"


def session_secret(settings: Settings) -> str:
    """The configured secret, or one generated once and kept in `var/secret.key`."""
    if settings.secret_key:
        return settings.secret_key
    folder = Path("var") if settings.uses_postgres else Path(settings.database).parent
    path = folder / "secret.key"
    if path.exists():
        return path.read_text().strip()
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


def csrf_token(session: dict[str, object]) -> str:
    token = session.get(CSRF_FIELD)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


class CSRFMiddleware:
    """Refuses a state-changing request without the session's token (403)."""

    def __init__(self, app: ASGIApp, forbidden: ASGIApp) -> None:
        self.app = app
        self.forbidden = forbidden

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if scope["path"] == "/graphql" and headers.get(b"authorization", b"").lower().startswith(
            b"bearer "
        ):
            await self.app(scope, receive, send)  # a token, not a cookie: no CSRF risk
            return
        if scope["path"] == "/graphql" and COOKIE_KEY not in scope.get("session", {}):
            # Nobody signed in: the API answers UNAUTHENTICATED itself, in its own shape.
            await self.app(scope, receive, send)
            return
        expected = scope.get("session", {}).get(CSRF_FIELD)
        sent = headers.get(CSRF_HEADER, b"").decode("latin-1")
        body = b""
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip()
        if not sent and content_type == b"application/x-www-form-urlencoded":
            try:
                body = await read_body(scope, receive, MAX_FORM_BYTES)
            except BodyNotRead:
                await self.forbidden(scope, receive, send)
                return
            sent = parse_qs(body.decode("utf-8", "replace")).get(CSRF_FIELD, [""])[0]
        if not (isinstance(expected, str) and sent and hmac.compare_digest(expected, sent)):
            scope["csrf_failed"] = True
            await self.forbidden(scope, receive, send)
            return
        await self.app(scope, replaying(body, receive) if body else receive, send)


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, production: bool = False) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
            (b"x-frame-options", b"DENY"),
            *([(b"strict-transport-security", STRICT_TRANSPORT_SECURITY)] if production else []),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        personal = not scope["path"].startswith(STATIC_PREFIX)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), *self.headers]
                if personal:
                    headers = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
