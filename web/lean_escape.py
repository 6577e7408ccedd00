"""Autoescaping the values of a page with one Python call each instead of three.

A board page escapes some 150 values. markupsafe 3 does the escaping itself
in C, but wraps it in two Python functions (`escape`, then `Markup.__new__`,
which asks the already plain text for `__html__` again): a fifth of rendering
a page. For the common case, a value of type `str`, `escape_value` calls the
same C escaper and makes the `Markup` directly; anything else (numbers,
`Markup`, objects with `__html__`, subclasses of `str`) goes to markupsafe's
own `escape`, so the result is always exactly markupsafe's.

Templates reach it through a Jinja code generator that writes
`environment.escape_value(…)` where Jinja would write `escape(…)`.
"""

from __future__ import annotations

from typing import Any

import markupsafe
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Expr
from markupsafe import Markup, escape

# markupsafe's C escaper (its pure-Python twin when no compiler was at hand).
# Not public API: if a release renames it, every value takes `escape` instead.
_escape_text = getattr(markupsafe, "_escape_inner", None)
_new_str = str.__new__


def escape_value(value: Any) -> Markup:
    """What `markupsafe.escape(value)` returns, faster for plain text."""
    if type(value) is str and _escape_text is not None:
        # str.__new__ skips Markup.__new__'s `__html__` check: the text is plain.
        return _new_str(Markup, _escape_text(value))
    return escape(value)


class LeanEscapeCodeGenerator(CodeGenerator):
    """Jinja's code generator, escaping output through `environment.escape_value`.

    Only the case of autoescaping known at compile time changes; where it is
    decided at render time (`{% autoescape %}` with a variable), Jinja's own
    code stays.
    """

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("environment.escape_value(")
        if finalize.src is not None:
            self.write(finalize.src)
