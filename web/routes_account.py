"""The signed-in person's own account: changing their password.

A change ends every session the person has, then starts a fresh one for the
browser that made it: a stolen cookie dies with the old password, and the
person stays signed in here.
"""

from __future__ import annotations

from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.errors import DomainError
from service.calls import in_thread
from service.container import Services
from service.sessions import COOKIE_KEY
from web.rendering import current_actor, redirect, render, said, services_of, translate
from web.routes_auth import client_address

PAGE = "account/password.html"
FIELDS = ("current_password", "new_password", "new_password_again")
NOT_THE_SAME = "The two new passwords are not the same."
CHANGED = "Your password is changed. You are signed out everywhere else."


async def password_page(request: Request) -> Response:
    await current_actor(request)
    return render(request, PAGE, {"message": request.session.pop("account_message", None)})


async def change_password(request: Request) -> Response:
    actor = await current_actor(request)
    assert actor.person_id is not None  # a session always belongs to a person
    form = await request.form()
    current, new, again = (str(form.get(name, "")) for name in FIELDS)
    if new != again:
        return _again(request, "new_password_again", translate(request, NOT_THE_SAME))
    services = services_of(request)
    try:
        session_id = await in_thread(
            _change, services, actor.person_id, current, new, client_address(request)
        )
    except DomainError as refused:
        return _again(request, refused.field or "new_password", said(request, refused))
    request.session[COOKIE_KEY] = session_id
    request.session["account_message"] = translate(request, CHANGED)
    return redirect("/account/password", request)


def _change(services: Services, person_id: UUID, current: str, new: str, client: str) -> str:
    services.accounts.change_password(person_id, current, new, client=client)
    return services.sessions.start(person_id)


def _again(request: Request, field: str, message: str) -> Response:
    """The form once more, with the error next to its field; no password is echoed back."""
    errors = {field if field in FIELDS else "new_password": message}
    return render(request, PAGE, {"errors": errors}, status_code=400)


routes = [
    Route("/account/password", password_page, methods=["GET"]),
    Route("/account/password", change_password, methods=["POST"]),
]
