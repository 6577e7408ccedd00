"""Fixed texts of a template translated once, when it compiles, instead of on every render.

A board page asks `_("…")` for some fifty fixed texts. Each call is a Jinja
context call, a catalogue lookup and an escape, on every render of texts
that never change. So every language gets its own Jinja environment, and as a template
loads, `_("Save")` (a quoted text with nothing filled in) becomes the quoted
translation, a constant that Jinja folds into the page's static text,
escaped at compile time. Texts with values (`_("Board of {name}", name=…)`)
and texts that come from data (`_(b.status)`) are still translated per render.

The templates themselves keep `_("…")`, so Babel extracts their texts as before.
"""

from __future__ import annotations

import json
import re

from jinja2 import Environment
from jinja2.ext import Extension

from web.i18n import gettext

# `_("text")` or `_('text')`, not part of a longer name, with no backslash
# escapes (those are left to translate at render time).
FIXED_TEXT = re.compile(r"""(?<![\w.])_\(\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\)""")


class TranslatedEnvironment(Environment):
    """An environment whose templates are compiled for one language."""

    language = "nl"


class PreTranslate(Extension):
    environment: TranslatedEnvironment

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return translate_fixed_texts(source, self.environment.language)


def translate_fixed_texts(source: str, language: str) -> str:
    """`source` with every fixed `_("text")` replaced by the translation as a Jinja string
    (JSON's quoting, \\" and \\\\ and \\n, is also Jinja's)."""

    def translated(found: re.Match[str]) -> str:
        message = found.group(1) if found.group(1) is not None else found.group(2)
        return json.dumps(gettext(language, message), ensure_ascii=False)

    return FIXED_TEXT.sub(translated, source)
