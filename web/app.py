"""The web application: pages for employees, managers and HR, and the GraphQL endpoint.

`create_app(settings)` builds a Starlette app whose lifespan builds the
services once (one eventsourcing application per process) and closes them.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from domain.errors import DomainError, Refusal
from service.catching_up import ReadModelsBehind
from service.container import Services, build_services
from service.errors import Conflict, Forbidden, NotFound, Unauthenticated
from service.graphql.app import GroeispurtGraphQL, create_graphql_app
from service.settings import Settings
from web import (
    routes_account,
    routes_admin_webhooks,
    routes_auth,
    routes_backlog_links,
    routes_board,
    routes_cycle,
    routes_hr,
    routes_inspiration,
    routes_session,
    routes_show_and_tell,
    routes_sign_in_link,
    routes_team,
    routes_timeline,
)
from web.rendering import (
    build_templates,
    compile_all,
    is_htmx,
    render,
    said,
    signed_in_or_none,
    translate,
)
from web.security import CSRFMiddleware, SecurityHeadersMiddleware, session_secret

log = logging.getLogger("groeispurt.web")
STATIC = Path(__file__).parent / "static"


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_environment()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        services = build_services(settings)
        services.follow_other_writers()
        services.deliver_webhooks()
        app.state.services = services
        # Built now rather than on the first request, which would otherwise wait
        # for the schema and every template to compile.
        graphql.build(services)
        compile_all(templates)
        # What startup built (schema, templates, catalogues) lives as long as the
        # process: keep it out of the collector's way, so the full collections
        # that requests trigger stay short instead of walking it every time.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            services.close()

    # The API first: integrators' calls then skip matching every page's route.
    graphql = GraphQLEndpoint()
    routes: list[BaseRoute] = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),  # subscriptions (graphql-transport-ws)
        *routes_auth.routes,
        *routes_sign_in_link.routes,
        *routes_account.routes,
        *routes_board.routes,
        *routes_backlog_links.routes,
        *routes_cycle.routes,
        *routes_session.routes,
        *routes_inspiration.routes,
        *routes_show_and_tell.routes,
        *routes_team.routes,
        *routes_timeline.routes,
        *routes_hr.routes,
        *routes_admin_webhooks.routes,
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
        # Browsers ask for /favicon.ico whatever the page says: the same picture.
        Route("/favicon.ico", favicon),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(SecurityHeadersMiddleware, production=settings.is_production),
            Middleware(
                SessionMiddleware,
                secret_key=session_secret(settings),
                session_cookie="groeispurt_session",
                max_age=12 * 60 * 60,
                same_site="lax",
                https_only=settings.is_production,
            ),
            Middleware(CSRFMiddleware, forbidden=_csrf_refused),
        ],
        exception_handlers={
            Unauthenticated: _sign_in_first,
            Forbidden: _error_page(403),
            NotFound: _error_page(404),
            Conflict: _error_page(409),
            DomainError: _error_page(400),
            HTTPException: _http_error,
            ReadModelsBehind: _saved_notice,
            Exception: _server_error,
        },
    )
    app.state.templates = templates = build_templates()
    return app


class GraphQLEndpoint:
    """The GraphQL app, built by the lifespan from the services it made."""

    def __init__(self) -> None:
        self.app: GroeispurtGraphQL | None = None

    def build(self, services: Services) -> None:
        self.app = create_graphql_app(services)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        app = self.app
        if app is None:  # served without the lifespan having run
            app = self.app = create_graphql_app(scope["app"].state.services)
        await app(scope, receive, send)


TITLES = {
    400: "That did not work",
    403: "Not allowed",
    404: "Not found",
    409: "Changed meanwhile",
    500: "Something went wrong",
}


async def favicon(request: Request) -> Response:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


async def _page(request: Request, status: int, message: str) -> Response:
    if status != 500 and getattr(request.state, "signed_in", None) is None:
        # The header shows the person's links here too, when a session is valid
        # (not after a server error: the store may be what failed).
        await signed_in_or_none(request)
    return render(
        request,
        "error.html",
        {"status": status, "title": translate(request, TITLES[status]), "message": message},
        status_code=status,
    )


def _error_page(status: int) -> Any:
    async def handler(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refusal)
        # A page of its own: no input beside it to point at.
        return await _page(request, status, said(request, exc, beside_field=False))

    return handler


async def _sign_in_first(request: Request, exc: Exception) -> Response:
    target = "/sign-in?next=" + quote(request.url.path)
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    status = exc.status_code if exc.status_code in TITLES else 404
    messages = {
        404: "There is no page at this address.",
        405: "This address does not take that kind of request.",
    }
    message = messages.get(exc.status_code, "")
    return await _page(request, status, translate(request, message))


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("Unhandled error on %s", request.url.path, exc_info=exc)
    # Said without knowing whether a change was saved before the error: a store
    # that failed after a commit would otherwise have us tell the user it was not.
    message = (
        "Something went wrong on our side. If you were saving a change, reload the page "
        "to see whether it was saved before you try again."
    )
    return await _page(request, 500, translate(request, message))


async def _saved_notice(request: Request, exc: Exception) -> Response:
    """The change is in the event log; only the read models the pages read lag behind
    (see `service.catching_up`). Said as such, never as a failure."""
    log.warning("Saved on %s while the read models lag: %s", request.url.path, exc)
    message = (
        "Your change was saved. Some pages may not show it for a moment; "
        "reload the page in a little while to see it."
    )
    response = render(
        request,
        "error.html",
        {
            "status": "",
            "title": translate(request, "Saved"),
            "message": translate(request, message),
        },
    )
    if is_htmx(request):
        # A whole page, not the fragment the request would have swapped in.
        response.headers["HX-Retarget"] = "body"
        response.headers["HX-Reswap"] = "innerHTML"
    return response


async def _csrf_refused(scope: Scope, receive: Receive, send: Send) -> None:
    request = Request(scope, receive)
    message = "This form has expired. Reload the page and try again."
    response = await _page(request, 403, translate(request, message))
    await response(scope, receive, send)
