"""The pages' languages: Dutch (the default) and English, from Babel catalogues.

Templates call `_("English text")`; the catalogue `web/translations/<lang>/
LC_MESSAGES/messages.po` gives the translation. The `.po` files are compiled
in memory when the app starts, so a translator only edits text files.
Messages from the domain and service layers are written in English and go
through the same catalogue, so a known message shows in Dutch too.
"""

from __future__ import annotations

from functools import cache
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


def gettext(language: str, message: str) -> str:
    return translations(language).gettext(message)


def pick_language(value: object) -> str:
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE
