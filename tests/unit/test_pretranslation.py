"""Fixed template texts are translated when a template compiles, and nothing else is."""

from __future__ import annotations

import json

from jinja2 import DictLoader, Environment, select_autoescape
from markupsafe import escape

from web.pretranslation import PreTranslate, TranslatedEnvironment, translate_fixed_texts
from web.rendering import _translate


def test_a_fixed_text_becomes_its_translation_as_a_jinja_string() -> None:
    assert (
        translate_fixed_texts('<h1>{{ _("My board") }}</h1>', "nl") == '<h1>{{ "Mijn bord" }}</h1>'
    )
    assert translate_fixed_texts("{{ _('My board') }}", "en") == '{{ "My board" }}'


def test_texts_with_values_from_data_or_with_escapes_are_left_for_render_time() -> None:
    source = (
        '{{ _("Board of {name}", name=n) }} {{ _(b.status) }} {{ my_("My board") }} '
        '{{ x._("My board") }} {{ _("say \\"hi\\"") }}'
    )
    assert translate_fixed_texts(source, "nl") == source


def test_a_template_compiled_for_a_language_renders_the_translation_escaped_once() -> None:
    env = TranslatedEnvironment(
        loader=DictLoader({"page.html": '<p title="{{ _("My board") }}">{{ _("My board") }}</p>'}),
        autoescape=select_autoescape(default=True),
        extensions=[PreTranslate],
    )
    env.language = "nl"
    env.globals["_"] = _translate
    assert env.get_template("page.html").render() == '<p title="Mijn bord">Mijn bord</p>'


def test_json_quoting_is_a_jinja_string_literal_for_quotes_backslashes_and_accents() -> None:
    tricky = 'Zeg "hoi" \\ café <b>\n😀'
    literal = json.dumps(tricky, ensure_ascii=False)
    rendered = Environment(autoescape=True).from_string("{{ " + literal + " }}").render()
    assert rendered == str(escape(tricky))
