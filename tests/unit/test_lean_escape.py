"""Pages escape their values exactly as markupsafe does, through one call instead of three."""

from __future__ import annotations

from typing import Any

import pytest
from jinja2 import DictLoader, Environment, select_autoescape
from markupsafe import Markup, escape

from web.lean_escape import LeanEscapeCodeGenerator, escape_value
from web.rendering import ReadModelEnvironment, _environment


class Html:
    def __html__(self) -> str:
        return "<b>trusted</b>"


class Text(str):
    """A subclass of str that claims to be safe: markupsafe trusts its __html__."""

    def __html__(self) -> str:
        return "<i>as it says</i>"


HOSTILE: list[Any] = [
    "",
    "plain",
    "<script>alert('x')</script>",
    '" onmouseover="steal()',
    "Tom & Jerry's <b>",
    "café ✓ 😀 \u2028 \x00",
    "&amp; already escaped?",
    Markup("<em>safe</em>"),
    Html(),
    Text("<u>"),
    42,
    3.5,
    None,
    ["<a>"],
]


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_every_value_escapes_to_what_markupsafe_gives(value: Any) -> None:
    ours = escape_value(value)
    assert ours == escape(value)
    assert type(ours) is Markup


def test_plain_text_takes_the_short_way_and_still_comes_back_as_markup() -> None:
    # If markupsafe ever drops its C escaper under this name, plain text takes
    # `escape` too: still correct, only slower; this test then says so.
    import markupsafe

    assert getattr(markupsafe, "_escape_inner", None) is not None
    assert str(escape_value("<a href='x'>")) == "&lt;a href=&#39;x&#39;&gt;"


def test_a_template_renders_the_same_page_with_the_lean_generator_as_with_jinjas() -> None:
    source = (
        '<p title="{{ title }}">{{ body }} {{ count }} {{ safe }} {{ missing }}</p>'
        "{% for item in items %}<li>{{ item }}</li>{% endfor %}"
        '{% autoescape false %}{{ raw }}{% endautoescape %}{{ "<const>" }}'
        "{{ body|e }}{{ body|safe }}"
    )
    values = {
        "title": '"><script>',
        "body": "Tom & <Jerry>",
        "count": 7,
        "safe": Markup("<br>"),
        "items": ["<x>", Html(), 1],
        "raw": "<left raw>",
    }

    def environment(lean: bool) -> Environment:
        env = Environment(
            loader=DictLoader({"page.html": source}), autoescape=select_autoescape(default=True)
        )
        if lean:
            env.code_generator_class = LeanEscapeCodeGenerator
            env.escape_value = escape_value  # type: ignore[attr-defined]
        return env

    lean = environment(True).get_template("page.html").render(values)
    assert lean == environment(False).get_template("page.html").render(values)
    assert "&lt;Jerry&gt;" in lean
    assert "<left raw>" in lean
    assert "<br>" in lean


def test_the_pages_environment_compiles_templates_that_call_the_lean_escape() -> None:
    env = _environment("nl")
    assert isinstance(env, ReadModelEnvironment)
    code = env.compile(env.loader.get_source(env, "layout.html")[0], raw=True)  # type: ignore[union-attr]
    assert "environment.escape_value(" in code
    assert "escape(" not in code.replace("environment.escape_value(", "")
