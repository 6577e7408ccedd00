"""HR: the inspiration cards people start from when they prepare and write cards.

The deck starts as the built-in set; HR adds cards, rewords them (in Dutch and
in English) and retires them. Every form carries the deck's version the page
was drawn from: when someone else changed the deck meanwhile, nothing is
saved and the page comes back with what was typed and a short message.
Only HR gets here, as on the backlog page.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from domain.error_texts import NO_SUCH_INSPIRATION_CARD
from domain.errors import DomainError, InvalidInput
from domain.inspiration_cards import WORDING, InspirationCard
from service.actor import Actor
from service.container import Services
from service.errors import Conflict, Forbidden, NotFound
from web import forms
from web.error_texts import CARD_RETIREMENT_NOT_CONFIRMED
from web.rendering import as_signed_in, reading_as_signed_in, redirect, render, said, translate

KINDS = [("hard", "hard skill"), ("soft", "soft skill")]
PAGE = "/hr/inspiration"


async def deck_page(request: Request) -> Response:
    context = await reading_as_signed_in(request, _deck_context)
    context["message"] = request.session.pop("inspiration_message", None)
    context["values"] = {"kind": "soft"}
    return render(request, "hr/inspiration.html", context)


def _deck_context(services: Services, actor: Actor) -> dict[str, Any]:
    _require_hr(actor)
    deck = services.queries.inspiration_cards(actor)
    return {
        "cards": deck.cards,
        "hard": [c for c in deck.cards if c["kind"] == "hard"],
        "soft": [c for c in deck.cards if c["kind"] == "soft"],
        "version": deck.version,
        "kinds": KINDS,
    }


def _typed(form: Any) -> dict[str, str]:
    return {k: str(form.get(k, "")).strip() for k in WORDING}


def _field_of(refused: DomainError | Conflict) -> str:
    return refused.field if refused.field in WORDING else "form"


async def add(request: Request) -> Response:
    form = await request.form()
    values = _typed(form)
    version = forms.whole_number(form.get("version"), -1)
    try:
        await as_signed_in(request, _add, values, version)
    except (DomainError, Conflict) as refused:
        field = _field_of(refused)
        context = await reading_as_signed_in(request, _deck_context)
        shown = said(request, refused, beside_field=field != "form")
        context.update(values=values, errors={field: shown}, open_form=True)
        return render(request, "hr/inspiration.html", context, status_code=400)
    request.session["inspiration_message"] = translate(
        request, "The inspiration card “{card}” is added."
    ).format(card=values["title_nl"] or values["title_en"])
    return redirect(PAGE, request)


def _add(services: Services, actor: Actor, values: dict[str, str], version: int) -> None:
    _require_hr(actor)
    services.app.add_inspiration_card(actor, values, if_version=version)


async def card_page(request: Request) -> Response:
    card_id = str(request.path_params["card_id"])
    context = await reading_as_signed_in(request, _card_context, card_id)
    return render(request, "hr/inspiration_card.html", context)


def _card_context(services: Services, actor: Actor, card_id: str) -> dict[str, Any]:
    context = _deck_context(services, actor)
    cards: list[InspirationCard] = context["cards"]
    card = next((c for c in cards if c["id"] == card_id), None)
    if card is None:
        raise NotFound(NO_SUCH_INSPIRATION_CARD)  # never added, or retired
    context.update(card=card, values={k: card[k] for k in WORDING})  # type: ignore[literal-required]
    return context


async def reword(request: Request) -> Response:
    card_id = str(request.path_params["card_id"])
    form = await request.form()
    values = _typed(form)
    version = forms.whole_number(form.get("version"), -1)
    try:
        await as_signed_in(request, _reword, card_id, values, version)
    except (DomainError, Conflict) as refused:
        field = _field_of(refused)
        shown = said(request, refused, beside_field=field != "form")
        return await _card_again(request, card_id, values, {field: shown})
    request.session["inspiration_message"] = translate(request, "Saved.")
    return redirect(PAGE, request)


def _reword(
    services: Services, actor: Actor, card_id: str, values: dict[str, str], version: int
) -> None:
    _require_hr(actor)
    services.app.reword_inspiration_card(actor, card_id, values, if_version=version)


async def retire(request: Request) -> Response:
    card_id = str(request.path_params["card_id"])
    form = await request.form()
    confirmed = form.get("confirm") == "yes"
    version = forms.whole_number(form.get("version"), -1)
    try:
        title = await as_signed_in(request, _retire, card_id, confirmed, version)
    except (DomainError, Conflict) as refused:
        field = "confirm" if refused.field == "confirm" else "form"
        shown = said(request, refused, beside_field=field == "confirm")
        return await _card_again(request, card_id, {}, {field: shown})
    request.session["inspiration_message"] = translate(
        request, "The inspiration card “{card}” is retired."
    ).format(card=title)
    return redirect(PAGE, request)


def _retire(services: Services, actor: Actor, card_id: str, confirmed: bool, version: int) -> str:
    card = _card_context(services, actor, card_id)["card"]  # HR only, before the form
    if not confirmed:
        raise InvalidInput(CARD_RETIREMENT_NOT_CONFIRMED, "confirm")
    services.app.retire_inspiration_card(actor, card_id, if_version=version)
    return str(card["title_nl"] or card["title_en"])


async def _card_again(
    request: Request, card_id: str, typed: dict[str, str], errors: dict[str, str]
) -> Response:
    context = await reading_as_signed_in(request, _card_context, card_id)
    context["values"].update(typed)
    context["errors"] = errors
    return render(request, "hr/inspiration_card.html", context, status_code=400)


def _require_hr(actor: Actor) -> None:
    """HR's page: administrators change the deck through the API, not here."""
    if not actor.is_hr:
        raise Forbidden()


routes = [
    Route(PAGE, deck_page, methods=["GET"]),
    Route(PAGE, add, methods=["POST"]),
    Route(f"{PAGE}/{{card_id:uuid}}", card_page, methods=["GET"]),
    Route(f"{PAGE}/{{card_id:uuid}}", reword, methods=["POST"]),
    Route(f"{PAGE}/{{card_id:uuid}}/retire", retire, methods=["POST"]),
]
