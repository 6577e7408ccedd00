"""Every page and every refusal, rendered in Dutch and in English, says only texts of that
language's catalogue.

Where `tests/unit/test_page_translations.py` checks the texts Babel extracts, this
renders: every text a page or a refusal asks the catalogue for (`web.i18n.gettext`,
which the fixed texts of the templates pass through as they compile and the texts
with values, the texts from data and the refusals as they render) is checked against
the catalogue of the page's language and every miss recorded, whoever asked for it.
A Dutch page also must not show an English sentence that never asked the catalogue
(a text written into Python and passed to a page as it is): its visible text is
searched for English function words.

The pages are those each kind of person reaches from the board by following links,
as `test_every_link_leads_somewhere` walks them, once in each language.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from starlette.testclient import TestClient

from domain import error_texts as domain_texts
from domain.errors import ErrorText, InvalidInput, error_texts
from domain.person import ROLES
from domain.vocabulary import Party
from service import backup_texts, demo_data
from service import error_texts as service_texts
from service.settings import Settings
from tests.integration import test_web_fixtures as pages
from tests.integration.test_every_link_leads_somewhere import _links
from tests.integration.test_web_fixtures import sign_in
from web import audit_sentences, i18n, pretranslation, rendering
from web import error_texts as web_texts
from web.app import create_app

demo_template, demo_settings = pages.demo_template, pages.demo_settings

PEOPLE = ("sanne", "lotte", "marieke", "pieter", "hr", "admin")
LANGUAGES = ("nl", "en")
# Words English sentences are made of and Dutch ones never use.
ENGLISH_ONLY = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "with",
        "to",
        "for",
        "this",
        "that",
        "not",
        "has",
        "are",
        "been",
        "will",
        "which",
        "from",
    ]
)
MOST_PAGES = 400  # per person and language: the demo has far fewer


@cache
def _catalog(language: str) -> Catalog:
    with (i18n.FOLDER / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


def in_catalogue(language: str, message: str) -> bool:
    """English is the source language: its catalogue lists the text; Dutch translates it."""
    found = _catalog(language).get(message)
    return found is not None and (language == "en" or bool(found.string))


@cache
def _said_already(language: str) -> re.Pattern[str]:
    """The catalogue's translations, values filled in: a text a page translated once
    (an option's label, "Versie 2") and hands to `_()` again is not missing from it."""
    said = [str(m.string or m.id) for m in _catalog(language) if m.id]
    filled = (re.sub(r"\\\{\w+\\\}", ".+", re.escape(text)) for text in said)
    return re.compile("|".join(f"(?:{one})" for one in filled))


# What people typed or are called passes through `_()` too (a list of options labels
# people by name): data, not a text of the product's own.
NAMES = frozenset(
    p["name"] for p in (demo_data.ADMIN, demo_data.HR, *demo_data.MANAGERS)
) | frozenset(details["name"] for _, details, _ in demo_data.EMPLOYEES)


def is_data(language: str, message: str) -> bool:
    return (
        not re.search(r"[^\W\d_]", message)  # a number, a day, a dash: no letters
        or message in NAMES
        or _said_already(language).fullmatch(message) is not None
    )


class Misses:
    """A `gettext` that answers as the real one and notes each text its catalogue lacks."""

    def __init__(self, real: Callable[[str, str], str]) -> None:
        self.real = real
        self.found: dict[str, dict[str, str]] = defaultdict(dict)  # language → text → where
        self.where = "compiling the templates"

    def __call__(self, language: str, message: str) -> str:
        if message and not in_catalogue(language, message) and not is_data(language, message):
            self.found[language].setdefault(message, self.where)
        return self.real(language, message)


@pytest.fixture
def misses(monkeypatch: pytest.MonkeyPatch) -> Misses:
    recorder = Misses(i18n.gettext)
    for module in (i18n, rendering, pretranslation, audit_sentences):
        monkeypatch.setattr(module, "gettext", recorder)
    return recorder


@pytest.fixture
def client(demo_settings: Settings, misses: Misses) -> Iterator[TestClient]:
    # Made after the recorder is in place: the templates compile through it.
    with TestClient(create_app(demo_settings), follow_redirects=True) as test_client:
        yield test_client


def _visible_text(page: str) -> list[str]:
    """The page's text as a reader meets it: between tags, and the labels read aloud."""
    # The audit trail's raw fields are the record as stored (keys, and the built-in
    # questions in their source language), not text of the page.
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    body = re.sub(r'<pre class="json">.*?</pre>', " ", body, flags=re.S)
    # What a form holds was typed by someone (HR writes each card in both languages).
    body = re.sub(r"(<textarea\b[^>]*>).*?(</textarea>)", r"\1\2", body, flags=re.S)
    said = re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', body)
    between = re.sub(r"<[^>]+>", "\n", body)
    return [html.unescape(t).strip() for t in [*between.split("\n"), *said] if t.strip()]


def _english_on_a_dutch_page(page: str) -> list[str]:
    return [
        text
        for text in _visible_text(page)
        if len(ENGLISH_ONLY & set(re.findall(r"[a-z]+", text.lower()))) >= 2
    ]


def _walk(client: TestClient, misses: Misses, who: str, language: str) -> list[str]:
    """Opens every page `who` reaches; returns the English sentences a Dutch page showed."""
    seen, queue, english = {"/board"}, ["/board"], []
    while queue:
        url = queue.pop(0)
        misses.where = f"{url} as {who} ({language})"
        answer = client.get(url)
        if not answer.headers.get("content-type", "").startswith("text/html"):
            continue
        if language == "nl":
            english += [f"{url} as {who}: {t}" for t in _english_on_a_dutch_page(answer.text)]
        for link in _links(answer.text, url):
            if link not in seen and not link.startswith("/static"):
                seen.add(link)
                queue.append(link)
        assert len(seen) < MOST_PAGES
    return english


def test_every_page_in_both_languages_says_only_texts_of_its_catalogue(
    client: TestClient, misses: Misses
) -> None:
    english_on_dutch_pages: list[str] = []
    for who in PEOPLE:
        for language in LANGUAGES:
            token = sign_in(client, who)
            client.post("/language", data={"csrf_token": token, "lang": language, "back": "/"})
            english_on_dutch_pages += _walk(client, misses, who, language)
    client.cookies.clear()
    for language in LANGUAGES:  # signed out: the sign-in page
        misses.where = f"/sign-in ({language})"
        client.get("/sign-in")
    report = {
        lang: sorted(f"{t!r} ({w})" for t, w in found.items())
        for lang, found in misses.found.items()
    }
    assert report == {}, "texts missing from the catalogue:\n" + "\n".join(
        f"{lang}: {line}" for lang, lines in report.items() for line in lines
    )
    assert english_on_dutch_pages == []


# -- every refusal ---------------------------------------------------------------

CATALOGUE = list(error_texts(domain_texts, service_texts, backup_texts, web_texts))
SAMPLE: dict[str, object] = {
    "party": Party.MANAGER.value,
    "role": sorted(ROLES)[0],
    "kind": "hard",
    "first": date(2000, 1, 1),
    "last": date(2100, 12, 31),
    "day": date(2026, 12, 7),
    "until": date(2026, 12, 7),
}


def _sample(text: ErrorText) -> InvalidInput:
    names = text.params - {"field"}
    return InvalidInput(text, "held_on", **{n: SAMPLE.get(n, 12) for n in names})  # type: ignore[arg-type]


@pytest.mark.parametrize("text", CATALOGUE, ids=lambda t: t.code)
def test_every_refusal_renders_from_its_catalogue_in_both_languages_and_differs(
    text: ErrorText, misses: Misses
) -> None:
    refusal = _sample(text)
    said = {}
    for language in LANGUAGES:
        misses.where = text.code
        said[language] = i18n.refusal_text(language, refusal, beside_field=False)
        i18n.refusal_text(language, refusal, beside_field=True)
    assert dict(misses.found) == {}
    assert "{" not in said["nl"]
    assert said["nl"] != said["en"], f"{text.code} says the same in Dutch and English"
