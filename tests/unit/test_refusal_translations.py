"""Pages say a refusal by its code: every text has its Dutch, filled in with the same values."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from domain import error_texts as domain_texts
from domain.errors import ErrorText, InvalidInput, NotAllowedNow, error_texts, placeholders
from domain.person import ROLES
from domain.vocabulary import Party, SkillKind
from service import backup_texts
from service import error_texts as service_texts
from service.errors import Conflict, Forbidden
from web import error_texts as web_texts
from web.i18n import FOLDER, refusal_text

CATALOGUE = list(error_texts(domain_texts, service_texts, backup_texts, web_texts))
# The words refusals fill in (ErrorText.words) come from these.
WORDS = [*(p.value for p in Party), *ROLES, *(k.value for k in SkillKind)]


@cache
def _catalog(language: str) -> Catalog:
    with (FOLDER / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


def _texts(text: ErrorText) -> list[str]:
    return [t for t in (text.template, text.beside_field) if t is not None]


@pytest.mark.parametrize("text", CATALOGUE, ids=lambda t: t.code)
def test_every_refusal_has_a_dutch_translation_that_fills_in_the_same_values(
    text: ErrorText,
) -> None:
    dutch = _catalog("nl")
    for english in _texts(text):
        message = dutch.get(english)
        assert message is not None, f"no Dutch for {text.code}: {english!r}"
        assert message.string, f"no Dutch for {text.code}: {english!r}"
        assert placeholders(str(message.string)) == placeholders(english), text.code


@pytest.mark.parametrize("text", CATALOGUE, ids=lambda t: t.code)
def test_every_refusal_is_in_the_english_catalogue_too(text: ErrorText) -> None:
    english = _catalog("en")
    for template in _texts(text):
        assert english.get(template) is not None, f"{text.code} is missing from en: {template!r}"


def test_every_code_is_one_area_and_one_reason_and_names_one_text() -> None:
    codes = [text.code for text in CATALOGUE]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[a-z_]+\.[a-z0-9_]+", code) for code in codes), codes


@pytest.mark.parametrize("text", CATALOGUE, ids=lambda t: t.code)
def test_a_text_beside_its_field_names_what_the_text_names_but_the_field(
    text: ErrorText,
) -> None:
    assert text.words <= text.params
    if text.beside_field is not None:
        assert "field" in text.params
        assert placeholders(text.beside_field) == text.params - {"field"}


def test_the_words_refusals_fill_in_have_their_dutch() -> None:
    dutch = _catalog("nl")
    missing = [word for word in WORDS if not getattr(dutch.get(word), "string", "")]
    assert missing == []


def test_a_page_says_a_refusal_in_dutch_by_its_code_and_values() -> None:
    too_long = InvalidInput(domain_texts.TOO_LONG, "name", length=201, limit=200)
    assert refusal_text("nl", too_long) == "Dit is te lang: 201 tekens, hoogstens 200."
    assert refusal_text("nl", too_long, beside_field=False) == (
        "name is te lang: 201 tekens, hoogstens 200."
    )
    assert refusal_text("en", too_long) == "This is too long: 201 characters, at most 200."


def test_a_page_says_the_words_and_days_a_refusal_names_in_its_own_language() -> None:
    approved = NotAllowedNow(domain_texts.ALREADY_APPROVED, party=Party.MANAGER, version=2)
    assert refusal_text("nl", approved) == "De leidinggevende heeft versie 2 al goedgekeurd."
    assert refusal_text("en", approved) == "The manager has already approved version 2."
    out_of_range = InvalidInput(
        domain_texts.DATE_OUT_OF_RANGE, "held_on", first=date(2000, 1, 1), last=date(2100, 12, 31)
    )
    assert (
        refusal_text("nl", out_of_range)
        == "Deze datum moet tussen 1 jan 2000 en 31 dec 2100 liggen."
    )
    assert (
        refusal_text("en", out_of_range) == "This date must lie between 1 Jan 2000 and 31 Dec 2100."
    )


def test_a_service_refusal_is_translated_by_its_code_as_well() -> None:
    assert refusal_text("nl", Forbidden()) == "Je mag dit niet doen."
    clash = Conflict(service_texts.CYCLE_CHANGED, cycle_id="c-1")
    assert refusal_text("nl", clash).startswith("Iemand anders wijzigde groeispurt c-1 ")
