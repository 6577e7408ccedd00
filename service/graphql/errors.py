"""Errors as integrators see them: a stable code, a human message, the field if any.

| code | when |
|---|---|
| UNAUTHENTICATED | no valid session cookie or bearer token |
| FORBIDDEN | not allowed (never says whether the thing exists) |
| NOT_FOUND | the thing does not exist and the caller may know that |
| VALIDATION | bad input or a rule of the growth cycle; `field` names the input |
| CONFLICT | someone changed the same thing at the same moment; nothing was saved |
| INTERNAL | unexpected; the message is masked and `errorId` is in the server log |
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from graphql import GraphQLError

from domain.errors import DomainError
from service.errors import ServiceError

log = logging.getLogger("groeispurt.graphql")


def formatted(error: GraphQLError) -> dict[str, Any]:
    """One error of a response, in the API's shape."""
    original = error.original_error
    body: dict[str, Any] = {"message": error.message}
    if error.path:
        body["path"] = error.path
    if isinstance(original, ServiceError):
        body["extensions"] = {"code": original.category}
    elif isinstance(original, DomainError):
        body["message"] = original.message
        body["extensions"] = {"code": "VALIDATION", "field": _camel(original.field)}
    elif original is not None:
        error_id = uuid.uuid4().hex[:12]
        log.error("GraphQL error %s", error_id, exc_info=original)
        body["message"] = f"Internal error (error id {error_id})."
        body["extensions"] = {"code": "INTERNAL", "errorId": error_id}
    else:  # the document itself: syntax, unknown fields, limits
        code = (error.extensions or {}).get("code") or "VALIDATION"
        body["extensions"] = {"code": code}
    return body


def _camel(field: str | None) -> str | None:
    """`goals.0.due_on` → `goals.0.dueOn`, the names integrators send."""
    if field is None:
        return None
    parts = field.split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])
