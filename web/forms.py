"""From flat form fields to the nested answers the use cases take, and back.

Form fields are named exactly like the domain's error fields
(`goals.0.measure`), so an error lands next to the field it is about. Rows
left empty in a form are dropped before the use case sees them; the error
field of a later row is mapped back to the row the person typed in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from domain.errors import DomainError

LINE_LISTS = ("needed", "strengths", "untapped")


def unflatten(form: Mapping[str, Any]) -> dict[str, Any]:
    """`{"goals.0.measure": "x"}` → `{"goals": [{"measure": "x"}]}` (lists where keys are numbers)."""
    root: dict[str, Any] = {}
    for name, value in form.items():
        if name == "csrf_token" or name == "action":
            continue
        parts = name.split(".")
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return {k: _lists(v) for k, v in root.items()}


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    if node and all(k.isdigit() for k in node):
        return [_lists(node[k]) for k in sorted(node, key=int)]
    return {k: _lists(v) for k, v in node.items()}


def flatten(data: Any, prefix: str = "") -> dict[str, str]:
    """The other way, for filling a form with what is stored (lists of texts one per line)."""
    flat: dict[str, str] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            flat.update(flatten(value, f"{prefix}{key}."))
    elif isinstance(data, list) and all(isinstance(v, str) for v in data):
        flat[prefix[:-1]] = "\n".join(data)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            flat.update(flatten(value, f"{prefix}{i}."))
    elif data is not None:
        flat[prefix[:-1]] = str(data)
    return flat


def preparation_answers(form: Mapping[str, Any]) -> dict[str, Any]:
    answers = unflatten(form)
    for kind in ("hard", "soft"):
        part = answers.setdefault(kind, {})
        for name in LINE_LISTS:
            part[name] = [line for line in str(part.get(name, "")).splitlines() if line.strip()]
        part["growth"] = part.get("growth") or []
    return answers


def filled_rows(rows: Any) -> tuple[list[dict[str, Any]], list[int]]:
    """The rows someone typed in, and each one's index in the form."""
    kept, where = [], []
    for i, row in enumerate(rows if isinstance(rows, list) else []):
        if isinstance(row, dict) and any(str(v).strip() for k, v in row.items() if k != "kind"):
            kept.append(row)
            where.append(i)
    return kept, where


def plan_from(form: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, list[int]]]:
    data = unflatten(form)
    plan: dict[str, Any] = {}
    positions: dict[str, list[int]] = {}
    for part in ("goals", "activities", "support"):
        plan[part], positions[part] = filled_rows(data.get(part))
    return plan, positions


def error_field(error: DomainError, positions: Mapping[str, list[int]]) -> str:
    """The form field an error is about, with the row index as the person saw it."""
    field = error.field or "form"
    found = re.match(r"^(\w+)\.(\d+)(\..*)?$", field)
    if found and found.group(1) in positions:
        rows = positions[found.group(1)]
        index = int(found.group(2))
        if index < len(rows):
            return f"{found.group(1)}.{rows[index]}{found.group(3) or ''}"
    return field


def whole_number(value: Any, otherwise: int) -> int:
    """A form or query field as a whole number, `otherwise` when it is not one."""
    try:
        return int(str(value))
    except ValueError:
        return otherwise
