"""The training-needs report of one moment: its rows and its hard/soft balance.

Built from the facts valid at that moment and each person's team and
function then; `training_needs_disclosure` decides which numbers show. The
team and function rows are worked out for every report, because the skill
report must not undo what they hide (rule 3 checks skills against them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from projections.training_needs_disclosure import (
    KINDS,
    OTHER,
    Key,
    NeedGroup,
    Needs,
    blocked_measures,
    class_rows,
    classes,
    exposes,
    kept_measures,
    people_with,
    public_row,
    shown_skills,
)

NONE_NAMED = "(none named)"
# A fact as stored: person_id, source, kind, skill_key, skill, detail (see `training_needs`).
Fact = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Period:
    """The month reported (ISO dates), and the day the next month's figures show."""

    start: str
    end: str
    next_update: str


@dataclass(frozen=True, slots=True)
class Balance:
    """People with a hard and with a soft need (None: hidden); the hard share of them
    only when both counts show, or it would give a hidden one away."""

    hard: int | None
    soft: int | None
    hard_share: float | None


@dataclass(frozen=True, slots=True)
class TrainingNeedsReport:
    period: Period
    group_by: str
    min_group_size: int
    too_few: bool  # fewer people with a need than min_group_size: nothing can show
    groups: list[NeedGroup]  # named groups, most people first, then "other" per kind
    hard_soft_balance: Balance


def report(
    facts: Sequence[Fact],
    where: Mapping[str, tuple[str, str]],
    group_by: str,
    k: int,
    period: Period,
) -> TrainingNeedsReport:
    """The report of these facts, each person in the team and function `where` says."""
    people, labels = _needs(facts, where)
    klass = classes(people, k)
    blocked = blocked_measures(people, klass, k)
    rows: dict[str, list[tuple[str | None, NeedGroup]]] = {}
    published: list[set[str]] = []
    hidden: list[set[str]] = []
    for axis, grouping in ((0, "team"), (1, "function")):
        rows[grouping] = []
        for name, members in class_rows(klass, axis).items():
            sets = [people[p].measures for p in members]
            held_back = set().union(*(blocked[c] for c in {klass[p] for p in members}))
            shown = set().union(*sets) - held_back
            for measure in set().union(*sets):
                kept_back = measure not in shown
                (hidden if kept_back else published).append(people_with(members, people, measure))
            for kind in _kinds_of(sets):
                row = public_row(name or NONE_NAMED, kind, sets, shown)
                rows[grouping].append((name, row))
    totals = _totals(people, blocked)
    for kind, total in totals.items():
        (hidden if total is None else published).append(people_with(people, people, kind))
    if group_by == "skill":
        rows["skill"] = []
        for kind in KINDS:
            rows["skill"] += _skill_rows(kind, people, labels, published, hidden, k)
    named = [row for name, row in rows[group_by] if name is not None]
    named.sort(key=lambda g: (-(g.people or 0), g.kind, g.name))
    others = sorted((row for name, row in rows[group_by] if name is None), key=lambda g: g.kind)
    return TrainingNeedsReport(
        period=period,
        group_by=group_by,
        min_group_size=k,
        too_few=0 < len(people) < k,
        groups=named + [replace(row, name=OTHER) for row in others],
        hard_soft_balance=_balance(totals),
    )


def _needs(
    facts: Sequence[Fact], where: Mapping[str, tuple[str, str]]
) -> tuple[dict[str, Needs], dict[str, str]]:
    """Each person's needs; and each skill's label (its first spelling)."""
    people: dict[str, Needs] = {}
    labels: dict[str, str] = {}
    for fact in facts:
        person = fact["person_id"]
        needs = people.get(person)
        if needs is None:
            needs = people[person] = Needs(*where.get(person, ("", "")))
        kind, source, detail = fact["kind"], fact["source"], fact["detail"]
        if source == "wish":
            measures = {kind, f"{kind}:wishing"}
        else:
            measures = {kind, f"{kind}:agreed", f"{kind}:{source}:{detail}"}
        needs.measures |= measures
        key = fact["skill_key"]
        needs.skills.setdefault((kind, key), set()).update(measures)
        labels[key] = min(labels.get(key, fact["skill"]), fact["skill"])
    return people, labels


def _kinds_of(sets: list[set[str]]) -> list[str]:
    return [kind for kind in KINDS if any(kind in s for s in sets)]


def _totals(people: dict[str, Needs], blocked: dict[Key, set[str]]) -> dict[str, int | None]:
    """People with a need of each kind: shown only when no class holds that measure back."""
    return {
        kind: len(people_with(people, people, kind))
        if not any(kind in held_back for held_back in blocked.values())
        else None
        for kind in KINDS
        if people and any(kind in n.measures for n in people.values())
    }


def _skill_rows(
    kind: str,
    people: dict[str, Needs],
    labels: dict[str, str],
    published: list[set[str]],
    hidden: list[set[str]],
    k: int,
) -> list[tuple[str | None, NeedGroup]]:
    skills: dict[str, set[str]] = {}
    for person, needs in people.items():
        for of_kind, skill in needs.skills:
            if of_kind == kind:
                skills.setdefault(skill, set()).add(person)
    shown = shown_skills(skills, published, hidden, k)
    visible = [skills[s] for s in shown]
    rows: list[tuple[str | None, NeedGroup]] = []
    for skill in sorted(shown):
        sets = {p: people[p].skills[(kind, skill)] for p in skills[skill]}
        name = labels[skill] or NONE_NAMED
        rows.append((name, _skill_row(name, kind, sets, [*published, *visible], hidden, k)))
    unnamed = [s for s in skills if s not in shown]
    if unnamed:
        folded = set().union(*(skills[s] for s in unnamed))
        sets = {
            p: set().union(*(people[p].skills.get((kind, s), set()) for s in unnamed))
            for p in folded
        }
        rows.append((None, _skill_row(OTHER, kind, sets, [*published, *visible], hidden, k)))
    return rows


def _skill_row(
    name: str,
    kind: str,
    sets: dict[str, set[str]],
    published: list[set[str]],
    hidden: list[set[str]],
    k: int,
) -> NeedGroup:
    """Rule 2 within the skill's people, then rule 3 for each measure's people."""
    measures = kept_measures(list(sets.values()), k)
    # The skill's own people are checked too: "other" may be every person of the kind.
    safe = {
        m
        for m in measures
        if not exposes({p for p, s in sets.items() if m in s}, published, k, hidden)
    }
    if len(sets) < k:
        safe = set()
    return public_row(name, kind, list(sets.values()), safe)


def _balance(totals: dict[str, int | None]) -> Balance:
    """The seeds' imbalance between hard and soft skills, as far as it may show."""
    hard, soft = totals.get("hard", 0), totals.get("soft", 0)
    share = None
    if hard is not None and soft is not None and hard + soft > 0:
        share = round(hard / (hard + soft), 2)
    return Balance(hard=hard, soft=soft, hard_share=share)
