"""The POP (persoonlijk ontwikkelingsplan): SMART goals, activities, support.

SMART: Specific, Measurable, Acceptable, Realistic, Time-bound. The two
parts a machine can check are the measure and the deadline, so every goal
must have both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict

from domain.dates import require_date
from domain.error_texts import (
    ACTIVITY_NOT_A_SET,
    DEADLINE_IN_THE_PAST,
    GOAL_NOT_A_SET,
    GOAL_WITHOUT_DEADLINE,
    GOAL_WITHOUT_MEASURE,
    NO_GOALS,
    NOT_A_LIST,
    PLAN_NOT_A_SET,
    SUPPORT_NOT_A_SET,
    TOO_MANY_ACTIVITIES,
    TOO_MANY_GOALS,
    TOO_MANY_SUPPORT,
)
from domain.errors import InvalidInput
from domain.text import LONG, check_text
from domain.vocabulary import ActivityType, LearningForm, SupportKind, parse_choice

MAX_GOALS = 10
MAX_ACTIVITIES = 20
MAX_SUPPORT = 10
TOO_MANY = {
    "goals": TOO_MANY_GOALS,
    "activities": TOO_MANY_ACTIVITIES,
    "support": TOO_MANY_SUPPORT,
}


class Goal(TypedDict):
    description: str
    measure: str
    deadline: str  # ISO date: events stay plain JSON


class Activity(TypedDict):
    description: str
    type: str
    form: str
    skill: str


class SupportPromise(TypedDict):
    kind: str
    description: str


class Plan(TypedDict):
    goals: list[Goal]
    activities: list[Activity]
    support: list[SupportPromise]


def parse_plan(data: Any, *, today: date, previous: Plan | None = None) -> Plan:
    """Validates a plan; a new or changed goal may not have a deadline before today."""
    if not isinstance(data, dict):
        raise InvalidInput(PLAN_NOT_A_SET, "plan")
    goals = [_parse_goal(f"goals.{i}", g) for i, g in enumerate(_list(data, "goals", MAX_GOALS))]
    if not goals:
        raise InvalidInput(NO_GOALS, "goals")
    earlier = {(g["description"], g["deadline"]) for g in (previous["goals"] if previous else [])}
    for i, goal in enumerate(goals):
        if (goal["description"], goal["deadline"]) not in earlier and goal["deadline"] < (
            today.isoformat()
        ):
            raise InvalidInput(DEADLINE_IN_THE_PAST, f"goals.{i}.deadline")
    return Plan(
        goals=goals,
        activities=[
            _parse_activity(f"activities.{i}", a)
            for i, a in enumerate(_list(data, "activities", MAX_ACTIVITIES))
        ],
        support=[
            _parse_support(f"support.{i}", s)
            for i, s in enumerate(_list(data, "support", MAX_SUPPORT))
        ],
    )


@dataclass(frozen=True, slots=True)
class PlanChanges:
    """What a revision added and removed, part by part (a changed item is one removed
    and one added)."""

    added_goals: list[Goal]
    removed_goals: list[Goal]
    added_activities: list[Activity]
    removed_activities: list[Activity]
    added_support: list[SupportPromise]
    removed_support: list[SupportPromise]


def compare_plans(old: Plan, new: Plan) -> PlanChanges:
    def added(part: str, before: list[Any], after: list[Any]) -> list[Any]:
        known = {_summary(part, item) for item in before}
        return [item for item in after if _summary(part, item) not in known]

    return PlanChanges(
        added_goals=added("goals", old["goals"], new["goals"]),
        removed_goals=added("goals", new["goals"], old["goals"]),
        added_activities=added("activities", old["activities"], new["activities"]),
        removed_activities=added("activities", new["activities"], old["activities"]),
        added_support=added("support", old["support"], new["support"]),
        removed_support=added("support", new["support"], old["support"]),
    )


def describe_changes(old: Plan, new: Plan) -> list[str]:
    """Plain-language lines saying what a revision changed, for the version history."""
    changes = compare_plans(old, new)
    parts = (
        ("goals", "goal", changes.added_goals, changes.removed_goals),
        ("activities", "activity", changes.added_activities, changes.removed_activities),
        ("support", "support", changes.added_support, changes.removed_support),
    )
    lines: list[str] = []
    for part, label, added, removed in parts:
        lines += [f"added {label}: {_summary(part, item)}" for item in added]
        lines += [f"removed {label}: {_summary(part, item)}" for item in removed]
    return lines


def _summary(part: str, item: Any) -> str:
    if part == "goals":
        return f"{item['description']} (measure: {item['measure']}; by {item['deadline']})"
    if part == "activities":
        return f"{item['description']} ({item['type']}, {item['form']})"
    return f"{item['kind']}: {item['description']}"


def _list(data: dict[str, Any], field: str, limit: int) -> list[Any]:
    value = data.get(field) or []
    if not isinstance(value, list):
        raise InvalidInput(NOT_A_LIST, field)
    if len(value) > limit:
        raise InvalidInput(TOO_MANY[field], field, limit=limit)
    return value


def _parse_goal(prefix: str, data: Any) -> Goal:
    if not isinstance(data, dict):
        raise InvalidInput(GOAL_NOT_A_SET, prefix)
    description = check_text(f"{prefix}.description", data.get("description"), max_length=LONG)
    measure = data.get("measure")
    if not (isinstance(measure, str) and measure.strip()):
        raise InvalidInput(GOAL_WITHOUT_MEASURE, f"{prefix}.measure")
    if not data.get("deadline"):
        raise InvalidInput(GOAL_WITHOUT_DEADLINE, f"{prefix}.deadline")
    return Goal(
        description=description,
        measure=check_text(f"{prefix}.measure", measure, max_length=LONG),
        deadline=require_date(f"{prefix}.deadline", data.get("deadline")).isoformat(),
    )


def _parse_activity(prefix: str, data: Any) -> Activity:
    if not isinstance(data, dict):
        raise InvalidInput(ACTIVITY_NOT_A_SET, prefix)
    return Activity(
        description=check_text(f"{prefix}.description", data.get("description"), max_length=LONG),
        type=parse_choice(ActivityType, f"{prefix}.type", data.get("type")).value,
        form=parse_choice(LearningForm, f"{prefix}.form", data.get("form")).value,
        skill=check_text(f"{prefix}.skill", data.get("skill"), required=False),
    )


def _parse_support(prefix: str, data: Any) -> SupportPromise:
    if not isinstance(data, dict):
        raise InvalidInput(SUPPORT_NOT_A_SET, prefix)
    return SupportPromise(
        kind=parse_choice(SupportKind, f"{prefix}.kind", data.get("kind")).value,
        description=check_text(f"{prefix}.description", data.get("description"), max_length=LONG),
    )
