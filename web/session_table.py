"""The session tab at the table: the candidate cards both parties write, what each prepared
beside them, and the session report with its approvals.

A card form is either the new card's (prefilled from the employee's
preparation with `?from=hard.0`, or from a backlog skill or an inspiration card
with `?start=backlog:<id>` / `?start=card:<id>`) or one card's (`?edit=<id>`), never both, so
each field exists once on the page. A change carries the card's version: the
use case refuses it when someone changed the card in between, and the page
then shows the card as it is now beside what this person typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain.cards import CANDIDATES_PER_KIND
from domain.session_cards import STORY_FIELDS
from projections.cycle_fold import CandidateCardDoc, CycleDoc
from projections.cycle_timeline import person_of_party
from projections.people import get_person_row
from service.container import Services
from service.inspiration_reads import Inspiration
from web import forms
from web.rendering import person_name

KINDS = tuple(kind.value for kind in CANDIDATES_PER_KIND)


def table_context(
    services: Services,
    doc: CycleDoc,
    query: Mapping[str, str],
    inspiration: Inspiration | None = None,
    language: str = "nl",
) -> dict[str, Any]:
    """What the session tab shows besides the cycle, and the card form's first values."""
    cards = doc["candidate_cards"]
    editing = _card(cards, query.get("edit", ""))
    prepared = _prepared(doc)
    if editing is not None:
        values = card_values(editing)
    else:
        values = _new_card(services, doc, prepared, query.get("from", ""))
        point = inspiration.find(query.get("start", "")) if inspiration else None
        if point is not None:
            values |= {
                "card.kind": point.kind,
                "card.i_want_to": point.title(language),
                "card.backlog_skill_id": point.backlog_skill_id or "",
            }
    report = doc["report"]
    if report["versions"]:
        values["text"] = report["versions"][-1]["text"]
    return {
        "candidates": cards,
        "counts": {kind: sum(c["kind"] == kind for c in cards) for kind in KINDS},
        "limits": {kind.value: limit for kind, limit in CANDIDATES_PER_KIND.items()},
        "prepared": prepared,
        "editing": editing,
        "values": values,
        "report": report,
        "report_current": report["versions"][-1] if report["versions"] else None,
        "report_approvals": [
            (a, _name(services, person_of_party(doc, a["party"], a["at"])))
            for a in report["approval_history"]
        ],
    }


def card_values(card: CandidateCardDoc) -> dict[str, str]:
    """The form's fields for a card as it is now, with the version a change is made to."""
    story = {name: card.get(name) or "" for name in STORY_FIELDS}
    return forms.flatten({"card": story}) | {"card_id": card["id"], "version": str(card["version"])}


def latest_card(doc: CycleDoc, card_id: str) -> CandidateCardDoc | None:
    return _card(doc["candidate_cards"], card_id)


def _card(cards: list[CandidateCardDoc], card_id: str) -> CandidateCardDoc | None:
    return next((c for c in cards if c["id"] == card_id), None)


def _prepared(doc: CycleDoc) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per kind, each party's growth items (question 4) of their latest shared preparation."""
    shown: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for kind in KINDS:
        shown[kind] = {}
        for party, versions in doc["preparations"].items():
            answers = versions[-1]["preparation"] if versions else None
            part = answers.get(kind) if answers else None
            shown[kind][party] = list(part.get("growth") or []) if isinstance(part, dict) else []
    return shown


def _new_card(
    services: Services,
    doc: CycleDoc,
    prepared: dict[str, dict[str, list[dict[str, Any]]]],
    source: str,
) -> dict[str, str]:
    """A new card: the employee's function as the role; from a growth item of their
    preparation (4a skill, 4b why, 4c actions, 4d support) when one is chosen."""
    row = get_person_row(services.database, doc["employee_id"])
    values = {"card.as_a": str(row["function"]) if row else ""}
    kind, _, index = source.partition(".")
    items = prepared.get(kind, {}).get("employee", [])
    if not index.isdigit() or int(index) >= len(items):
        return values
    item = items[int(index)]
    return values | {
        "card.kind": kind,
        "card.i_want_to": str(item.get("skill") or ""),
        "card.in_order_to": str(item.get("why") or ""),
        "card.actions": str(item.get("actions") or ""),
        "card.support": str(item.get("support") or ""),
        "card.backlog_skill_id": str(item.get("backlog_skill_id") or ""),
    }


def _name(services: Services, person_id: str | None) -> str:
    return person_name(services, person_id) if person_id else ""
