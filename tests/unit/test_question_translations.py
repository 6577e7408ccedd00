"""The hand-outs' questions and the parts of the preparation read in Dutch and English: each
text is a message of both catalogues, with its Dutch."""

from __future__ import annotations

from functools import cache

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from domain.question_set import BUILT_IN
from web.cycle_questions import SECTIONS
from web.i18n import FOLDER

TEXTS = sorted(
    {t for q in BUILT_IN for t in (q["employee"], q["manager"], q["help"]) if t}
    | {t for pair in SECTIONS.values() for t in pair}
)


@cache
def _catalog(language: str) -> Catalog:
    with (FOLDER / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


@pytest.mark.parametrize("text", TEXTS)
def test_every_built_in_text_has_its_dutch_and_is_in_the_english_catalogue(text: str) -> None:
    dutch = _catalog("nl").get(text)
    assert dutch is not None, f"no Dutch for {text!r}"
    assert dutch.string, f"no Dutch for {text!r}"
    assert _catalog("en").get(text) is not None, f"not in en: {text!r}"
