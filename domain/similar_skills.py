"""Skills that are probably one skill worded twice, for HR to merge.

"Feedback geven en ontvangen" and "groeien in feedback geven en ontvangen"
name the same skill. Wordings are compared after normalising them: lower
case, accents and punctuation gone, and the words people put around a skill
("groeien in", "beter", "leren", "improve") left out. Two wordings are
suggested when one holds the other, or when difflib's ratio says they are
nearly the same. Only skills of one kind are compared: a hard and a soft
skill are not one skill.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher

from domain.backlog import BacklogSkill

# Words that say how one wants to grow in a skill rather than which skill it is.
FILLER = frozenset(
    [
        "groeien",
        "groei",
        "in",
        "beter",
        "worden",
        "leren",
        "verbeteren",
        "verder",
        "mijn",
        "de",
        "het",
        "een",
        "om",
        "te",
        "grow",
        "growing",
        "in",
        "better",
        "become",
        "get",
        "learn",
        "learning",
        "improve",
        "improving",
        "my",
        "the",
        "a",
        "an",
        "to",
        "at",
    ]
)
THRESHOLD = 0.82
SHORTEST = 4  # a wording shorter than this (normalised) is too little to go on


def normalised(wording: str) -> str:
    text = unicodedata.normalize("NFKD", wording.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = [w for w in re.split(r"[^\w]+", text) if w and w not in FILLER]
    return " ".join(words)


def similarity(a: str, b: str) -> float:
    """1.0 when one normalised wording holds the other, else difflib's ratio."""
    return _similarity(normalised(a), normalised(b))


def _similarity(first: str, second: str) -> float:
    if min(len(first), len(second)) < SHORTEST:
        return 1.0 if first == second and first else 0.0
    if first in second or second in first:
        return 1.0
    matcher = SequenceMatcher(None, first, second)
    # The cheap upper bounds first: most pairs of a long backlog stop there.
    if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
        return 0.0
    return matcher.ratio()


def likely_duplicates(
    skills: Sequence[BacklogSkill],
) -> list[tuple[BacklogSkill, BacklogSkill, float]]:
    """Pairs of skills of one kind that look like one skill, most alike first; the first
    of a pair is the one higher on the backlog (the one to keep, as a suggestion)."""
    words = [normalised(skill["description"]) for skill in skills]
    pairs = []
    for i, first in enumerate(skills):
        for j in range(i + 1, len(skills)):
            second = skills[j]
            if first["kind"] != second["kind"]:
                continue
            score = _similarity(words[i], words[j])
            if score >= THRESHOLD:
                pairs.append((first, second, round(score, 2)))
    pairs.sort(key=lambda pair: -pair[2])
    return pairs
