"""Reads around inspiration and the backlog: starting points, what changed, likely twins.

- `inspiration_for`: the starting points for a preparation or a candidate
  card, per kind: the company backlog's skills in HR's order, then the
  inspiration cards (those the backlog does not already name), in the
  page's language. Everyone signed in reads them, as they read the backlog.
- `backlog_since_session`: for each card of a cycle that points at a backlog
  skill, how that skill changed since the card came to point at it (the
  session, or the link made later); read by whoever reads the cycle.
- `similar_backlog_skills`: pairs of skills that look like one, for HR.

Part of `ReadQueries`, which pages and the API share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from domain.backlog import BACKLOG_ID, BacklogSkill
from domain.backlog_changes import SkillSince, changes_since
from domain.growth_cycle import GrowthCycle
from domain.similar_skills import likely_duplicates
from projections.cycle_fold import CycleDoc, SessionCard
from service.actor import Actor
from service.application import Groeispurt
from service.errors import Forbidden
from service.inspiration_use_cases import InspirationDeckView

BACKLOG, CARD = "backlog", "card"


@dataclass(frozen=True, slots=True)
class StartingPoint:
    """One skill to start from: a backlog skill (in HR's words) or an inspiration card
    (in Dutch and English)."""

    source: str  # BACKLOG or CARD
    id: str
    kind: str
    title_nl: str
    example_nl: str
    title_en: str = ""
    example_en: str = ""

    @property
    def ref(self) -> str:
        """How a form names it: `backlog:<id>` or `card:<id>`."""
        return f"{self.source}:{self.id}"

    @property
    def backlog_skill_id(self) -> str | None:
        return self.id if self.source == BACKLOG else None

    def title(self, language: str) -> str:
        if language == "en":
            return self.title_en or self.title_nl
        return self.title_nl or self.title_en

    def example(self, language: str) -> str:
        if language == "en":
            return self.example_en or self.example_nl
        return self.example_nl or self.example_en


@dataclass(frozen=True, slots=True)
class Inspiration:
    hard: list[StartingPoint] = field(default_factory=list)
    soft: list[StartingPoint] = field(default_factory=list)

    def of(self, kind: str) -> list[StartingPoint]:
        return self.hard if kind == "hard" else self.soft

    def find(self, ref: str) -> StartingPoint | None:
        return next((p for p in [*self.hard, *self.soft] if p.ref == ref), None)


@dataclass(frozen=True, slots=True)
class LinkedCardSince:
    """A card of the cycle, the skill it points at, and what became of that skill since."""

    card: SessionCard
    since: datetime
    skill: SkillSince


class InspirationReads:
    app: Groeispurt

    if TYPE_CHECKING:  # the read query this mixin leans on, defined in ReadQueries

        def cycle(self, actor: Actor, cycle_id: Any) -> CycleDoc | None: ...

    def inspiration_cards(
        self, actor: Actor, *, include_retired: bool = False
    ) -> InspirationDeckView:
        return self.app.list_inspiration_cards(actor, include_retired=include_retired)

    def inspiration_for(self, actor: Actor) -> Inspiration:
        """The starting points of each kind: the backlog's first, then the cards whose
        title the backlog does not already name."""
        backlog = self.app.list_backlog(actor)
        deck = self.app.list_inspiration_cards(actor)
        inspiration = Inspiration()
        named = {skill["description"].casefold() for skill in backlog}
        for skill in backlog:
            inspiration.of(skill["kind"]).append(
                StartingPoint(
                    BACKLOG, skill["id"], skill["kind"], skill["description"], skill["inspiration"]
                )
            )
        for card in deck.cards:
            if {card["title_nl"].casefold(), card["title_en"].casefold()} & named:
                continue
            inspiration.of(card["kind"]).append(
                StartingPoint(
                    CARD,
                    card["id"],
                    card["kind"],
                    card["title_nl"],
                    card["example_nl"],
                    card["title_en"],
                    card["example_en"],
                )
            )
        return inspiration

    def backlog_since_session(self, actor: Actor, cycle_id: Any) -> list[LinkedCardSince]:
        """Each card pointing at a backlog skill, with that skill's changes since the card
        came to point at it; in the order of the session's cards."""
        doc = self.cycle(actor, cycle_id)  # the cycle's own access rule
        if doc is None or doc["session"] is None:
            return []
        linked = {c["id"]: c for c in doc["session"]["cards"] if c.get("backlog_skill_id")}
        if not linked:
            return []
        since: dict[str, datetime] = {}
        for event in self.app.events.get(UUID(doc["cycle_id"])):
            if isinstance(event, GrowthCycle.SessionHeld):
                since = {card["id"]: event.timestamp for card in event.cards}
            elif isinstance(event, GrowthCycle.CardLinkedToBacklog):
                since[event.card_id] = event.timestamp
        skills = {linked[c]["backlog_skill_id"] or "": since[c] for c in linked if c in since}
        # One skill on two cards: compared from the earlier moment.
        for card_id, card in linked.items():
            skill = card["backlog_skill_id"] or ""
            if card_id in since:
                skills[skill] = min(skills[skill], since[card_id])
        found = changes_since(self.app.events.get(BACKLOG_ID), skills)
        return [
            LinkedCardSince(card=card, since=since[card_id], skill=found[skill])
            for card_id, card in linked.items()
            if card_id in since and (skill := card["backlog_skill_id"] or "") in found
        ]

    def similar_backlog_skills(
        self, actor: Actor
    ) -> list[tuple[BacklogSkill, BacklogSkill, float]]:
        """Pairs of active skills that look like one skill worded twice: HR merges them."""
        if not actor.is_hr:
            raise Forbidden()
        return likely_duplicates(self.app.list_backlog(actor))
