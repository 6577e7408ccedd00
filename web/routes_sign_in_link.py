"""The page a one-time sign-in link opens: the person chooses a password and is signed in.

Nobody needs to be signed in: the link's token is the proof. Opening the
page changes nothing (a mail client or a chat that looks at a link first
does not use it up); only the form's answer uses the link. A link that works
no more (used, expired, replaced, unknown) gets a page that says which, and
what to do, with 410 or 404, never an error. The page speaks the language
HR registered the person with, until they choose another here, which is
then kept as theirs.
"""

from __future__ import annotations

from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.errors import DomainError
from domain.vocabulary import SignInLinkPurpose
from service.calls import in_thread
from service.container import Services
from service.error_texts import LINK_UNKNOWN
from service.errors import NotFound
from service.sessions import COOKIE_KEY
from service.sign_in_with_link import LinkFor
from web.rendering import (
    language_of,
    redirect,
    render,
    said,
    services_of,
    signed_in_or_none,
    translate,
)
from web.routes_account import NOT_THE_SAME

PAGE = "auth/set_password.html"
UNUSABLE = "auth/link_unusable.html"
FIELDS = ("new_password", "new_password_again")
# The URL of a link: what HR copies and what `path_of` builds.
PREFIX = "/set-password/"
WELCOME = {
    SignInLinkPurpose.INVITATION: "Welcome to Groeispurt! Your password is set and you are signed in.",
    SignInLinkPurpose.PASSWORD_RESET: (
        "Your new password is set and you are signed in. You are signed out everywhere else."
    ),
}


def path_of(token: str) -> str:
    return PREFIX + token


async def link_page(request: Request) -> Response:
    token = str(request.path_params["token"])
    try:
        link = await in_thread(services_of(request).sign_in_links.open, token)
    except NotFound as refused:
        return await _unusable(request, refused)
    # The person's own language until they choose one (HR registered it with them).
    request.session.setdefault("lang", link.language)
    return await _form(request, link, {})


async def use_link(request: Request) -> Response:
    token = str(request.path_params["token"])
    form = await request.form()
    new, again = (str(form.get(name, "")) for name in FIELDS)
    services = services_of(request)
    try:
        link = await in_thread(services.sign_in_links.open, token)
        if new != again:
            return await _form(
                request, link, {"new_password_again": translate(request, NOT_THE_SAME)}
            )
        signed_in = await in_thread(services.sign_in_links.use, token, new)
    except NotFound as refused:
        return await _unusable(request, refused)
    except DomainError as refused:
        field = refused.field if refused.field in FIELDS else "new_password"
        return await _form(request, link, {field: said(request, refused)})
    # The language this page was read in is the person's choice from now on.
    language = language_of(request)
    if language != signed_in.language:
        await in_thread(_choose_language, services, signed_in.person_id, language)
    request.session.clear()  # a fresh session (and CSRF token) for the person now signed in
    request.session.update({COOKIE_KEY: signed_in.session_id, "lang": language})
    request.session["board_message"] = translate(request, WELCOME[signed_in.purpose])
    return redirect("/board", request)


def _choose_language(services: Services, person_id: UUID, language: str) -> None:
    services.app.choose_language(services.accounts.actor_for(person_id), language)


async def _form(request: Request, link: LinkFor, errors: dict[str, str]) -> Response:
    """The form (again, with errors next to their fields; no password is echoed back)."""
    # Someone else signed in on this browser is told that this link signs them out.
    await signed_in_or_none(request)
    return render(
        request,
        PAGE,
        {
            "link": link,
            "invitation": link.purpose is SignInLinkPurpose.INVITATION,
            "errors": errors,
        },
        status_code=400 if errors else 200,
    )


async def _unusable(request: Request, refused: NotFound) -> Response:
    status = 404 if refused.text == LINK_UNKNOWN else 410
    await signed_in_or_none(request)  # the header as on any page, for whoever is signed in
    return render(
        request,
        UNUSABLE,
        {"code": refused.code, "message": said(request, refused, beside_field=False)},
        status_code=status,
    )


routes = [
    Route(PREFIX + "{token}", link_page, methods=["GET"]),
    Route(PREFIX + "{token}", use_link, methods=["POST"]),
]
