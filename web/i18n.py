"""The pages' languages: Dutch (the default) and English, from Babel catalogues.

Templates call `_("English text")`; the catalogue `web/translations/<lang>/
LC_MESSAGES/messages.po` gives the translation. The `.po` files are compiled
in memory when the app starts, so a translator only edits text files.
A refusal from the domain or the service layer is translated by its text
(`ErrorText`: the English template with `{name}` placeholders, the msgid)
and filled in with its parameters; the message it carries is never read.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from domain.errors import Param, Refusal
from web.locale_format import day_in, is_number, number_in

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
FOLDER = Path(__file__).parent / "translations"


@cache
def translations(language: str) -> NullTranslations:
    po = FOLDER / language / "LC_MESSAGES" / "messages.po"
    if language not in LANGUAGES or not po.exists():
        return NullTranslations()
    with po.open("rb") as source:
        catalog = read_po(source, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


@lru_cache(maxsize=8192)
def gettext(language: str, message: str) -> str:
    """Cached: a page asks for the same few dozen texts on every request."""
    return translations(language).gettext(message)


def refusal_text(language: str, refusal: Refusal, *, beside_field: bool = True) -> str:
    """What a page says for a refusal, in `language`.

    `beside_field`: the page shows it next to the input it is about, so a
    text that would name the input says "this field" instead.
    """
    text = refusal.text
    template = text.beside_field if beside_field and text.beside_field else text.template
    values = {
        name: _shown(language, value, word=name in text.words)
        for name, value in refusal.params.items()
    }
    return gettext(language, template).format_map({**values, "field": refusal.field or ""})


def _shown(language: str, value: Param, *, word: bool) -> str:
    if isinstance(value, date):
        # A refusal names the day (a link expired on, a date out of range), not the hour.
        return day_in(language, value.date() if isinstance(value, datetime) else value)
    if is_number(value):
        return number_in(language, value)
    if word:
        return gettext(language, str(value))
    return str(value)


def pick_language(value: object) -> str:
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE
