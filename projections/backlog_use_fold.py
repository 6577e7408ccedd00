"""How often the company backlog's skills are pointed at, and how events fold into it.

A card written at a growth session, and a growth item of a submitted
preparation, may point at a backlog skill (`backlog_skill_id`). Per skill
the read model counts the cards (and how many of them were chosen for a
board) and the preparations that point at it; a preparation counts once
however many of its growth items name the skill, and only its latest
submitted version counts (a draft is nobody's but its author's).

The fold keeps, per cycle, what the cycle points at now, and turns each
change into additions to the counts: an event's cycle counts as it does
after the event minus what it counted before, so a preparation submitted
again moves its count from the skills it named to those it names now.
Cycles that point at nothing are never stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict

from domain.growth_cycle import GrowthCycle
from projections.read_model import Event

# The counts of a skill, in this order: cards, cards on a board, preparations.
COUNTS = ("cards", "on_boards", "preparations")


class CyclePointers(TypedDict):
    """What one cycle points at on the backlog now (JSON)."""

    preparations: dict[str, list[str]]  # party → the skills its latest preparation names
    cards: dict[str, str]  # card id → skill, for the session's cards that point at one
    chosen: list[str]  # the ids of the cards chosen for the board (pointing or not)


@dataclass
class UseChanges:
    """What a batch changed: the cycles to write, and what to add to each skill's counts."""

    cycles: dict[str, CyclePointers] = field(default_factory=dict)
    added: dict[str, list[int]] = field(default_factory=dict)  # skill → [cards, on_boards, preps]


_FOLDED = (
    GrowthCycle.PreparationSubmitted,
    GrowthCycle.SessionHeld,
    GrowthCycle.CardsSelected,
    GrowthCycle.CardLinkedToBacklog,
)


def keys_to_load(batch: Iterable[tuple[Event, str, str]]) -> set[str]:
    """The cycles whose events change what they point at."""
    return {key for event, key, _ in batch if isinstance(event, _FOLDED)}


def fold(cycles: dict[str, CyclePointers], batch: Iterable[tuple[Event, str, str]]) -> UseChanges:
    """Folds events in log order; `cycles`: the stored pointers by cycle id, changed in place."""
    changes = UseChanges()
    for event, key, _ in batch:
        if not isinstance(event, _FOLDED):
            continue
        state = cycles.get(key)
        if state is None:
            state = CyclePointers(preparations={}, cards={}, chosen=[])
        before = counted(state)
        _point(state, event)
        if key not in cycles and not _points_at_anything(state):
            continue
        cycles[key] = changes.cycles[key] = state
        after = counted(state)
        for skill in before.keys() | after.keys():
            difference = [a - b for a, b in zip(after[skill], before[skill], strict=True)]
            if any(difference):
                added = changes.added.setdefault(skill, [0, 0, 0])
                changes.added[skill] = [a + d for a, d in zip(added, difference, strict=True)]
    return changes


class _Counts(dict[str, list[int]]):
    def __missing__(self, skill: str) -> list[int]:
        return [0, 0, 0]


def counted(state: CyclePointers) -> dict[str, list[int]]:
    """What one cycle adds to each skill's counts: [cards, on_boards, preparations]."""
    counts = _Counts()
    cards = Counter(state["cards"].values())
    chosen = Counter(state["cards"][card] for card in state["chosen"] if card in state["cards"])
    preparations = Counter(skill for skills in state["preparations"].values() for skill in skills)
    for skill in cards.keys() | preparations.keys():
        counts[skill] = [cards[skill], chosen[skill], preparations[skill]]
    return counts


def _point(state: CyclePointers, event: Event) -> None:
    match event:
        case GrowthCycle.PreparationSubmitted():
            named = {
                item["backlog_skill_id"]
                for kind in ("hard", "soft")
                for item in event.preparation[kind]["growth"]
                if item.get("backlog_skill_id")
            }
            state["preparations"][event.party] = sorted(named)
        case GrowthCycle.SessionHeld():
            state["cards"] = {c["id"]: c["backlog_skill_id"] for c in event.cards if _points(c)}
            state["chosen"] = []
        case GrowthCycle.CardsSelected():
            # All of them: a card linked to the backlog later may be one of them.
            state["chosen"] = list(event.card_ids)
        case GrowthCycle.CardLinkedToBacklog():
            if event.backlog_skill_id:
                state["cards"][event.card_id] = event.backlog_skill_id
            else:
                state["cards"].pop(event.card_id, None)


def _points(card: dict[str, object]) -> bool:
    return bool(card.get("backlog_skill_id"))


def _points_at_anything(state: CyclePointers) -> bool:
    """Or may come to: the chosen cards are kept for a link made after the session."""
    return bool(state["cards"] or state["chosen"] or any(state["preparations"].values()))
