"""Errors as integrators see them: a category, a stable reason with its parameters, a message.

`extensions.code` is the broad category:

| code | when |
|---|---|
| UNAUTHENTICATED | no valid session cookie or bearer token |
| FORBIDDEN | not allowed (never says whether the thing exists) |
| NOT_FOUND | the thing does not exist and the caller may know that |
| VALIDATION | bad input or a rule of the growth cycle; `field` names the input (a mutation's: its payload's `userErrors`, see `user_errors`) |
| CONFLICT | someone changed the same thing at the same moment; nothing was saved |
| IDEMPOTENCY_KEY_REUSED | the idempotency key was used for a different request |
| INTERNAL | unexpected; the message is masked and `errorId` is in the server log |

`extensions.reason` is the refusal's own stable code (`plan.no_goals`) and
`extensions.params` what its message fills in (`{"limit": 3}`): act on
those, never on the message, which is English and may be reworded.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date
from typing import Any

from graphql import GraphQLError

from domain.errors import DomainError, Param, Refusal
from service.error_texts import INTERNAL_ERROR
from service.errors import ServiceError
from service.graphql.values import camel

log = logging.getLogger("groeispurt.graphql")

# The document itself or its variables did not fit the schema or the limits:
# graphql-core's own message says how, in English, with no code of its own.
INVALID_DOCUMENT = "request.invalid_document"
INVALID_VARIABLES = "request.invalid_variables"


def formatted(error: GraphQLError) -> dict[str, Any]:
    """One error of a response, in the API's shape."""
    original = error.original_error
    if isinstance(original, Refusal):
        body = refusal_body(original)
    elif original is not None and error.path is None:
        # A variable's value that its type refused (an unknown enum value, a date
        # that is none): graphql-core's message names the variable and the value.
        body = {
            "message": error.message,
            "extensions": {"code": "VALIDATION", "reason": INVALID_VARIABLES, "params": {}},
        }
    elif original is not None:
        error_id = uuid.uuid4().hex[:12]
        log.error("GraphQL error %s", error_id, exc_info=original)
        # The caller learns only an id to report; the failure itself is in the log.
        body = refusal_body(ServiceError(INTERNAL_ERROR, None, error_id=error_id))
        body["extensions"]["errorId"] = error_id
    else:  # the document itself: syntax, unknown fields, limits
        code = (error.extensions or {}).get("code") or "VALIDATION"
        body = {
            "message": error.message,
            "extensions": {"code": code, "reason": INVALID_DOCUMENT, "params": {}},
        }
    if error.path:
        body["path"] = error.path
    return body


def refusal_body(refusal: Refusal) -> dict[str, Any]:
    extensions: dict[str, Any] = {
        "code": refusal.category,
        "reason": refusal.code,
        "params": {name: _json(value) for name, value in refusal.params.items()},
    }
    if isinstance(refusal, DomainError):
        extensions["field"] = camel(refusal.field) if refusal.field is not None else None
    return {"message": refusal.message, "extensions": extensions}


def _json(value: Param) -> str | int:
    return value.isoformat() if isinstance(value, date) else value
