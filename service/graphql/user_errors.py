"""What a mutation answers when it was understood and refused: GitHub's `userErrors`.

Which failures are user errors and which are errors of the response:

- **userErrors** (the payload, with its object null): the input broke a rule
  that the caller can put right by sending other input (code VALIDATION:
  a value missing, too long, out of range; a rule of the growth cycle, such
  as approving a version that is not the latest). Nothing was saved.
- **errors** (top level, the mutation's field null): who asks
  (UNAUTHENTICATED), what they may do (FORBIDDEN, which must not tell whether
  the thing exists), the thing the mutation acts on not existing
  (NOT_FOUND), the request as a request (CONFLICT: retry; IDEMPOTENCY_KEY_REUSED:
  use another key) and the unexpected (INTERNAL). A document or variables
  that do not fit the schema are refused before anything runs (VALIDATION,
  `data` null).

Every payload is nullable, so one mutation's top-level error never hides
what an earlier mutation of the same document saved.
"""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from domain.errors import DomainError
from service.graphql.errors import refusal_body


@strawberry.type(
    description="Why a mutation refused its input; nothing was saved. The same code, "
    "reason and params an error's `extensions` carry."
)
class UserError:
    message: str = strawberry.field(description="In English; may be reworded: act on reason.")
    code: str = strawberry.field(description="The broad category: VALIDATION.")
    reason: str = strawberry.field(
        description="The refusal's stable code, `area.reason`, e.g. plan.no_goals."
    )
    params: JSON = strawberry.field(
        description="The values the message names, by name: text, whole numbers, days as "
        'ISO text ({"limit": 3}).'
    )
    field: list[str] | None = strawberry.field(
        description="The path of the input field it is about, inside `input` "
        '(["goals", "0", "deadline"]); null when it is about no one field.'
    )

    @classmethod
    def of(cls, refusal: DomainError, under: tuple[str, ...] = ()) -> UserError:
        """`under`: where in the input the use case's fields sit (a preparation's `answers`)."""
        extensions = refusal_body(refusal)["extensions"]
        dotted = extensions.get("field")
        return cls(
            message=refusal.message,
            code=extensions["code"],
            reason=extensions["reason"],
            params=JSON(extensions["params"]),
            field=[*under, *dotted.split(".")] if dotted else None,
        )
