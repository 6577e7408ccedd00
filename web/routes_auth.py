"""Signing in and out, and choosing the language of the pages.

Signing in starts a server-side session (`service.sessions`) whose random id
is all the cookie says about who is signed in; signing out ends every session
of the person, on every device.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from service.calls import in_thread
from service.container import Services
from service.errors import Unauthenticated
from service.sessions import COOKIE_KEY
from web.i18n import LANGUAGES
from web.rendering import (
    current_actor,
    forget_session,
    redirect,
    render,
    said,
    services_of,
)


async def home(request: Request) -> Response:
    if not isinstance(request.session.get(COOKIE_KEY), str):
        return redirect("/sign-in")
    return redirect("/board")


async def sign_in_form(request: Request) -> Response:
    return render(request, "auth/sign_in.html", {"next": _safe_next(request.query_params)})


async def sign_in(request: Request) -> Response:
    form = await request.form()
    email, password = str(form.get("email", "")), str(form.get("password", ""))
    services = services_of(request)
    next_url = _safe_next(form)
    try:
        actor = await in_thread(
            services.accounts.sign_in, email, password, client=client_address(request)
        )
    except Unauthenticated as refused:
        return render(
            request,
            "auth/sign_in.html",
            {"error": said(request, refused), "email": email, "next": next_url},
            status_code=401,
        )
    assert actor.person_id is not None
    session_id, language = await in_thread(_start_session, services, actor.person_id)
    request.session.clear()  # a fresh session (and CSRF token) for the signed-in person
    request.session.update({COOKIE_KEY: session_id, "lang": language})
    return redirect(next_url)


def _start_session(services: Services, person_id: UUID) -> tuple[str, str]:
    return services.sessions.start(person_id), services.app.get_person(person_id).language


def client_address(request: Request) -> str:
    """The address sign-in attempts are counted by: the connection's peer, which
    uvicorn replaces by X-Forwarded-For only for the proxies the settings trust."""
    return request.client.host if request.client is not None else "unknown"


async def sign_out(request: Request) -> Response:
    await in_thread(services_of(request).sessions.end_everywhere, request.session.get(COOKIE_KEY))
    forget_session(request)
    return redirect("/sign-in")


async def choose_language(request: Request) -> Response:
    form = await request.form()
    lang = str(form.get("lang", ""))
    if lang not in LANGUAGES:
        lang = "nl"
    request.session["lang"] = lang
    if isinstance(request.session.get(COOKIE_KEY), str):
        actor = await current_actor(request)
        await in_thread(services_of(request).app.choose_language, actor, lang)
    return redirect(_safe_back(str(form.get("back", "/"))))


def _safe_next(params: Any) -> str:
    return _safe_back(str(params.get("next") or "/board"))


def _safe_back(url: str) -> str:
    """Only a path on this site: never an address elsewhere (an open redirect)."""
    if not url.startswith("/") or url.startswith("//") or "\\" in url:
        return "/board"
    return url


routes = [
    Route("/", home),
    Route("/sign-in", sign_in_form, methods=["GET"]),
    Route("/sign-in", sign_in, methods=["POST"]),
    Route("/sign-out", sign_out, methods=["POST"]),
    Route("/language", choose_language, methods=["POST"]),
]
