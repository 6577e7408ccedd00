"""Templates, the signed-in person, and calling the synchronous store from async routes.

A page is a template extending `layout.html`; its fragment is a template of
its own (`_board.html`) included by the page. `render` returns the fragment
to an htmx request and the full page otherwise, from the same URL.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from jinja2 import FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from domain.errors import Refusal
from projections.people import get_person_row
from service.actor import Actor
from service.calls import in_thread, short_read
from service.container import Services
from service.errors import Unauthenticated
from service.sessions import COOKIE_KEY, SignedIn
from web.i18n import LANGUAGES, gettext, pick_language, refusal_text
from web.locale_format import day_in, is_number, number_in
from web.pretranslation import PreTranslate, TranslatedEnvironment
from web.security import csrf_token

T = TypeVar("T")
TEMPLATES = Path(__file__).parent / "templates"


@pass_context
def _translate(context: Context, message: str, **values: Any) -> str:
    language = context.get("lang", "nl")
    text = gettext(language, message)
    if not values:
        return text
    # A number filled into a text is written as the page's language writes numbers.
    shown = {k: number_in(language, v) if is_number(v) else v for k, v in values.items()}
    return text.format(**shown)


def shown_day(value: Any, language: str = "nl") -> str:
    """A day or a moment as the pages of `language` show it (`web.locale_format`)."""
    return day_in(language, value)


class ReadModelEnvironment(TranslatedEnvironment):
    """Looks `board.lanes` up as a key first when `board` is a dict.

    Pages show read-model documents, which are dicts. Jinja's own order
    (attribute first, then key) raises and catches an AttributeError for
    every such lookup, hundreds on a board. A dict's methods are still
    found when it has no key of that name (`names.get(…)`).
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def build_templates() -> dict[str, Jinja2Templates]:
    """The pages' templates, compiled once per language (see `web.pretranslation`)."""
    return {language: Jinja2Templates(env=_environment(language)) for language in LANGUAGES}


def _environment(language: str) -> ReadModelEnvironment:
    env = ReadModelEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "svg", "xml"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        # Templates ship with the code and change only with it: no stat() per page.
        auto_reload=False,
        extensions=[PreTranslate],
    )
    env.language = language
    env.globals["_"] = _translate
    env.filters["day"] = partial(day_in, language)
    env.filters["number"] = partial(number_in, language)
    return env


def compile_all(templates: dict[str, Jinja2Templates]) -> None:
    """Compiles every template into each environment's cache (it holds up to 400)."""
    for one_language in templates.values():
        for name in one_language.env.list_templates(extensions=["html"]):
            one_language.env.get_template(name)


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


class _SignedOut(Exception):
    """The session has ended (signed out elsewhere, password changed) or never was."""


async def as_signed_in(request: Request, fn: Callable[..., T], *args: Any) -> T:
    """Runs `fn(services, actor, *args)` on a worker thread, as the signed-in person.

    The actor (their roles as they are now) is looked up on that same thread:
    one hop to the thread pool per request instead of two.
    """
    return await _as_signed_in(request, fn, args, short=False)


async def reading_as_signed_in(request: Request, fn: Callable[..., T], *args: Any) -> T:
    """`as_signed_in` for a short read (one person's board): see `service.calls.short_read`."""
    return await _as_signed_in(request, fn, args, short=True)


async def current_actor(request: Request) -> Actor:
    """The signed-in person's Actor (their roles as they are now), or Unauthenticated."""
    return await reading_as_signed_in(request, lambda services, actor: actor)


async def _as_signed_in(
    request: Request, fn: Callable[..., T], args: tuple[Any, ...], *, short: bool
) -> T:
    session_id = request.session.get(COOKIE_KEY)
    if not isinstance(session_id, str):
        raise Unauthenticated()
    services = services_of(request)

    def work() -> tuple[SignedIn, T]:
        try:
            who = services.sessions.signed_in(session_id)
        except Unauthenticated:
            raise _SignedOut() from None
        return who, fn(services, who.actor, *args)

    try:
        who, result = await (short_read(services, work) if short else in_thread(work))
    except _SignedOut:
        forget_session(request)
        raise Unauthenticated() from None
    # The page's header shows the name and the links the person has now.
    request.state.signed_in = who
    return result


async def signed_in_or_none(request: Request) -> SignedIn | None:
    """Who is signed in, for a page anyone may see (an error page): None for nobody."""
    if not isinstance(request.session.get(COOKIE_KEY), str):
        return None
    try:
        await reading_as_signed_in(request, lambda services, actor: None)
    except Unauthenticated:
        return None
    who: SignedIn = request.state.signed_in
    return who


def forget_session(request: Request) -> None:
    """Clears the cookie's session, keeping only the chosen language."""
    lang = request.session.get("lang")
    request.session.clear()
    if lang:
        request.session["lang"] = lang


def language_of(request: Request) -> str:
    return pick_language(request.session.get("lang"))


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true" and request.headers.get("hx-boosted") != (
        "true"
    )


def render(
    request: Request,
    page: str,
    context: dict[str, Any],
    *,
    fragment: str | None = None,
    status_code: int = 200,
) -> Response:
    name = fragment if fragment is not None and is_htmx(request) else page
    language = language_of(request)
    who: SignedIn | None = getattr(request.state, "signed_in", None)
    full = {
        "lang": language,
        "csrf_token": csrf_token(request.session),
        "me": who.name if who is not None else None,
        "roles": sorted(who.actor.roles) if who is not None else [],
        "path": request.url.path,
        # Where the language switch comes back to: this page, its query too (whose timeline).
        "back": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        "errors": {},
        "values": {},
        **context,
    }
    templates: dict[str, Jinja2Templates] = request.app.state.templates
    return templates[language].TemplateResponse(request, name, full, status_code=status_code)


def redirect(url: str, request: Request | None = None) -> Response:
    """A redirect that also works for htmx (which would otherwise swap the target page in)."""
    if request is not None and is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def translate(request: Request, message: str) -> str:
    return gettext(language_of(request), message)


def said(request: Request, refusal: Refusal, *, beside_field: bool = True) -> str:
    """A refusal in the page's language; `beside_field`: shown next to its input."""
    return refusal_text(language_of(request), refusal, beside_field=beside_field)


def person_name(services: Services, person_id: Any) -> str:
    """A person's name from the people read model (one indexed read), for display."""
    row = get_person_row(services.database, str(person_id))
    if row is not None:
        return str(row["name"])
    return services.app.get_person(UUID(str(person_id))).name  # registered a moment ago
