"""Errors the domain raises when a rule is broken, each with a stable code.

A refusal carries an `ErrorText` (a stable code and an English template with
`{name}` placeholders) and the parameters that fill it. Programs act on the
code and the parameters (GraphQL's `extensions`); pages translate the
template and fill in the same parameters, so nobody has to read a message to
know what went wrong. Every message is written for the person who made the
request: it says what is wrong and, where it helps, what to do instead. The
domain's texts are in `domain.error_texts`.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import ClassVar

# A value filled into an error's text: text, a whole number or a day. Pages
# format numbers and days for their language; GraphQL sends days as ISO text.
Param = str | int | date


@dataclass(frozen=True)
class ErrorText:
    """One kind of refusal: its stable code and its English text.

    `beside_field` says the same next to the field it is about, where naming
    the field would only repeat it ("This field is required." rather than
    "planned_session_on is required."). `words` names the parameters whose
    values are fixed words of the domain (a party, a role) that pages
    translate, rather than text someone typed.
    """

    code: str
    template: str
    beside_field: str | None = None
    words: frozenset[str] = frozenset()

    @property
    def params(self) -> frozenset[str]:
        """The names the template fills in (`field` included, if it names it)."""
        return placeholders(self.template)

    def format(self, values: Mapping[str, Param]) -> str:
        return self.template.format_map(values)


def placeholders(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def error_texts(*modules: ModuleType) -> Iterator[ErrorText]:
    """Every ErrorText the modules define: the catalogue, for checking its translations."""
    for module in modules:
        yield from (value for value in vars(module).values() if isinstance(value, ErrorText))


class Refusal(Exception):
    """A request refused for a reason the caller can act on: a code, parameters, a text.

    `code` is the text's stable code; `category` the broad kind of refusal
    the API has always answered with (VALIDATION, FORBIDDEN, …). `params`
    holds what the text fills in, without the field, which is `field` (the
    input it is about, or None).
    """

    category: ClassVar[str] = "VALIDATION"

    def __init__(self, text: ErrorText, field: str | None = None, **params: Param) -> None:
        wanted = text.params
        if set(params) != wanted - {"field"} or ("field" in wanted and field is None):
            given = sorted([*params, *(["field"] if field is not None else [])])
            raise TypeError(f"{text.code} fills in {sorted(wanted)}, was given {given}")
        self.text = text
        self.code = text.code
        self.field = field
        # A StrEnum member is text: kept as the plain text, as the API sends it.
        self.params: dict[str, Param] = {
            name: str(value) if isinstance(value, str) else value for name, value in params.items()
        }
        self.message = text.format({**self.params, "field": field or ""})
        super().__init__(self.message)


class DomainError(Refusal):
    """A command was refused because it breaks a rule of the domain."""


class InvalidInput(DomainError):
    """A value is missing, too long, malformed or out of range."""


class NotAllowedNow(DomainError):
    """The command is valid in itself but not in the cycle's current stage."""
