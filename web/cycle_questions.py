"""The questions of a cycle's preparation, part by part, as its pages show them.

A cycle asks the questions it recorded when it opened (a cycle opened before
cycles recorded them asks the built-in set). Each part is shown with the
questions it asks the reader's party; the answers of both parties sit side by
side once they are shared.
"""

from __future__ import annotations

from typing import Any

from domain.question_set import Question, Section, questions_or_built_in
from projections.cycle_fold import CycleDoc

# Each part's title and what it is for, as the hand-outs put it (catalogue messages).
SECTIONS: dict[str, tuple[str, str]] = {
    Section.OPENING.value: (
        "Opening questions",
        "To start: how work is going, and what is coming up.",
    ),
    Section.STRENGTHS.value: (
        "Strengths",
        "The strengths-based approach: not so much improving weak points as making the most "
        "of talents.",
    ),
    Section.AMBITIONS.value: (
        "Ambitions and actions",
        "Where you want to go, and what you will do.",
    ),
    Section.MANAGER_VIEW.value: (
        "The manager's view",
        "As a guideline, the manager answers the same questions about the employee, and thinks "
        "about their qualities, development points and opportunities to grow.",
    ),
}


def question_sections(questions: list[Question]) -> list[tuple[str, list[Question]]]:
    """The parts that hold questions, in the order they are asked."""
    parts = [(s.value, [q for q in questions if q["section"] == s.value]) for s in Section]
    return [(section, asked) for section, asked in parts if asked]


def cycle_question_sections(doc: CycleDoc) -> list[tuple[str, list[Question]]]:
    return question_sections(questions_or_built_in(doc.get("questions")))


def shared_answers(doc: CycleDoc) -> dict[str, dict[str, str]]:
    """Each party's answers of their latest submitted preparation; drafts are never shown."""
    shared: dict[str, dict[str, str]] = {}
    for party, versions in doc["preparations"].items():
        if versions:
            latest: Any = versions[-1]["preparation"]
            shared[party] = dict(latest.get("answers") or {})
    return shared
