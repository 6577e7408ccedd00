"""The pages' languages: Dutch (the default) and English, from Babel catalogues.

Templates call `_("English text")`; the catalogue `web/translations/<lang>/
LC_MESSAGES/messages.po` gives the translation. The `.po` files are compiled
in memory when the app starts, so a translator only edits text files.
Messages from the domain and service layers are written in English and go
through the same catalogue, so a known message shows in Dutch too.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

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
    import io

    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


# Domain messages that name a field ("planned_session_on is required.") are
# shown next to that field, so their translation says "this field" instead.
FIELD_MESSAGES = (
    (re.compile(r"^[\w.]+ is required\.$"), "This field is required."),
    (
        re.compile(r"^[\w.]+ is not a date \(use YYYY-MM-DD\)\.$"),
        "This is not a date (use YYYY-MM-DD).",
    ),
    (re.compile(r"^[\w.]+ is not a date\.$"), "This is not a date."),
    (
        re.compile(r"^[\w.]+ must lie between (?P<first>\S+) and (?P<last>\S+)\.$"),
        "This date must lie between {first} and {last}.",
    ),
    (
        re.compile(r"^[\w.]+ is too long: (?P<n>\d+) characters, at most (?P<max>\d+)\.$"),
        "This is too long: {n} characters, at most {max}.",
    ),
    (re.compile(r"^[\w.]+ contains a control character\.$"), "This contains a control character."),
    (re.compile(r"^[\w.]+ must be one of: (?P<allowed>.+)\.$"), "This must be one of: {allowed}."),
    (re.compile(r"^(?P<email>\S+@\S+) is already registered\.$"), "{email} is already registered."),
    (
        re.compile(r"^This POP has no version (?P<version>\d+)\.$"),
        "This POP has no version {version}.",
    ),
)


@lru_cache(maxsize=8192)
def gettext(language: str, message: str) -> str:
    """Cached: a page asks for the same few dozen texts on every request."""
    catalogue = translations(language)
    text = catalogue.gettext(message)
    if text != message or language == "en":
        return text
    for pattern, generic in FIELD_MESSAGES:
        found = pattern.match(message)
        if found:
            return catalogue.gettext(generic).format(**found.groupdict())
    return text


def pick_language(value: object) -> str:
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE
