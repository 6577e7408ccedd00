"""A party's preparation of a growth session (seed 000, "Groeisessie – voorbereiding").

Both parties answer the same four questions for hard and for soft skills,
each from their own side:

| question | employee | manager |
|---|---|---|
| needed | skills I need in my role, now and later | skills the role needs |
| strengths | skills I already use that give me energy | where the employee is strong |
| untapped | skills I don't use yet that look attractive | skills not yet used that would suit them |
| growth | for two skills: what, why, actions, support | for two skills: actions, support from manager and team |

Plus (seeds 001 and 003): what goes well, what could be better, the
development phase and the employee's ambitions.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, NotRequired, TypedDict

from domain.error_texts import (
    ANSWERS_NOT_A_SET,
    GROWTH_ITEM_NOT_A_SET,
    NOT_A_LIST,
    NOT_ASKED,
    NOTHING_TO_GROW_IN,
    PREPARATION_NOT_A_SET,
    SKILL_PART_NOT_A_SET,
    SKILL_UNNAMED,
    TOO_MANY_SKILLS_TO_GROW_IN,
)
from domain.errors import InvalidInput
from domain.text import LONG, check_text, check_text_list
from domain.vocabulary import DevelopmentPhase, SkillKind, parse_choice

GROWTH_ITEMS_PER_KIND = 2


class GrowthItem(TypedDict):
    skill: str
    why: str
    actions: str
    support: str
    backlog_skill_id: str | None


class SkillReflection(TypedDict):
    needed: list[str]
    strengths: list[str]
    untapped: list[str]
    growth: list[GrowthItem]


class Preparation(TypedDict):
    hard: SkillReflection
    soft: SkillReflection
    going_well: str
    could_be_better: str
    development_phase: str | None
    ambitions: str
    # The cycle's questions (`domain.question_set`) by id; preparations saved before
    # the question sets have none.
    answers: NotRequired[dict[str, str]]


def parse_preparation(data: Any, asked: Collection[str] = ()) -> Preparation:
    """Validates a preparation as typed by a person; returns its normal form.

    `asked` are the ids of the questions the cycle asks this person: only those
    may be answered."""
    if not isinstance(data, dict):
        raise InvalidInput(PREPARATION_NOT_A_SET, "preparation")
    phase = data.get("development_phase") or None
    return Preparation(
        hard=_parse_reflection(SkillKind.HARD, data.get("hard") or {}),
        soft=_parse_reflection(SkillKind.SOFT, data.get("soft") or {}),
        going_well=_long(data, "going_well"),
        could_be_better=_long(data, "could_be_better"),
        development_phase=(
            parse_choice(DevelopmentPhase, "development_phase", phase).value if phase else None
        ),
        ambitions=_long(data, "ambitions"),
        answers=parse_answers(data.get("answers"), asked),
    )


def parse_answers(data: Any, asked: Collection[str]) -> dict[str, str]:
    """Answers to the cycle's questions by question id; blank answers are left out."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InvalidInput(ANSWERS_NOT_A_SET, "answers")
    answers: dict[str, str] = {}
    for question_id, text in data.items():
        field = f"answers.{question_id}"
        if str(question_id) not in asked:
            raise InvalidInput(NOT_ASKED, field)
        answer = check_text(field, text, required=False, max_length=LONG, multiline=True)
        if answer:
            answers[str(question_id)] = answer
    return answers


def check_ready_to_submit(preparation: Preparation) -> None:
    """A submitted preparation names at least one skill to grow in."""
    if not preparation["hard"]["growth"] and not preparation["soft"]["growth"]:
        raise InvalidInput(NOTHING_TO_GROW_IN, "hard.growth")


def _long(data: dict[str, Any], field: str) -> str:
    return check_text(field, data.get(field), required=False, max_length=LONG, multiline=True)


def _parse_reflection(kind: SkillKind, data: Any) -> SkillReflection:
    if not isinstance(data, dict):
        raise InvalidInput(SKILL_PART_NOT_A_SET, kind.value, kind=kind)
    growth_data = data.get("growth") or []
    if not isinstance(growth_data, list):
        raise InvalidInput(NOT_A_LIST, f"{kind}.growth")
    parsed = [_parse_growth_item(f"{kind}.growth.{i}", item) for i, item in enumerate(growth_data)]
    growth = [g for g in parsed if g is not None]
    if len(growth) > GROWTH_ITEMS_PER_KIND:
        raise InvalidInput(
            TOO_MANY_SKILLS_TO_GROW_IN, f"{kind}.growth", limit=GROWTH_ITEMS_PER_KIND, kind=kind
        )
    return SkillReflection(
        needed=check_text_list(f"{kind}.needed", data.get("needed")),
        strengths=check_text_list(f"{kind}.strengths", data.get("strengths")),
        untapped=check_text_list(f"{kind}.untapped", data.get("untapped")),
        growth=growth,
    )


def _parse_growth_item(prefix: str, data: Any) -> GrowthItem | None:
    if not isinstance(data, dict):
        raise InvalidInput(GROWTH_ITEM_NOT_A_SET, prefix)
    answers = {
        name: check_text(
            f"{prefix}.{name}", data.get(name), required=False, max_length=LONG, multiline=True
        )
        for name in ("why", "actions", "support")
    }
    skill = check_text(f"{prefix}.skill", data.get("skill"), required=False)
    if not skill:
        if any(answers.values()):
            raise InvalidInput(SKILL_UNNAMED, f"{prefix}.skill")
        return None  # an empty row in a form
    backlog = data.get("backlog_skill_id") or None
    return GrowthItem(
        skill=skill,
        why=answers["why"],
        actions=answers["actions"],
        support=answers["support"],
        backlog_skill_id=(check_text(f"{prefix}.backlog_skill_id", backlog) if backlog else None),
    )
