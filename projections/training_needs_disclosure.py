"""Which training-needs numbers may be published so that no person can be picked out.

`k` is the minimum group size. Every published number counts at least k
people, and so does every difference an attacker can form from them (a
total minus the groups shown, one report minus another, a count minus its
part, hard minus soft). The rules, and why each is needed:

1. Teams and functions share one table for all kinds. Everyone with a need
   falls in a class by (team, function); classes under k are pooled per
   team, then per function, then with the other classes of their team
   (which then lose their function), then with nobody's; if that rest is
   still under k, the smallest class joins it. Each team row, function row
   and "other" is a union of whole classes of k or more, so subtracting one
   from another, across reports too, yields whole classes: a person alone
   in their team and function cannot be differenced out.
2. Within a class, a measure (has a hard / soft / unspecified need, wishes,
   agreed, each type of activity and support) is kept only if every
   combination of the kept measures, "none" included, holds 0 or k+ of its
   people; a row shows a measure only if none of its classes holds it back,
   and a total only if no class does. So a count, its complement, and the
   overlap of two counts (hard and soft) all rest on k+ people.
3. Skills overlap (people name several), so they cannot be classes. A
   skill, and each measure in its row, is shown only if against every other
   published set it lies inside or around (a total, a team or function
   count, another skill, "other") the difference is 0 or k+. The hidden
   skills make "other", held to the same rule, so no hidden skill is a
   total minus the rest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

OTHER = "other"


class NeedKind(StrEnum):
    """A need's kind of skill: hard, soft, or not said (a POP activity for no named skill)."""

    HARD = "hard"
    SOFT = "soft"
    UNSPECIFIED = "unspecified"


KINDS = tuple(kind.value for kind in NeedKind)
Key = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class NeedGroup:
    """One published row: people of a group with a need of one kind, counted, never named.

    A count is None where it is hidden; a type of activity or support is left out
    where its count would be.
    """

    name: str
    kind: str
    people: int | None
    people_wishing: int | None
    people_agreed: int | None
    activities: dict[str, int]  # type of activity → people
    support: dict[str, int]  # kind of support → people


@dataclass
class Needs:
    """One person's needs: where they work, and what they want or agreed, per kind.

    Measures: "<kind>" (a need of that kind), "<kind>:wishing", "<kind>:agreed",
    "<kind>:activity:<type>", "<kind>:support:<kind of support>".
    """

    team: str
    function: str
    measures: set[str] = field(default_factory=set)
    # (kind, skill key) -> the measures for that skill alone
    skills: dict[tuple[str, str], set[str]] = field(default_factory=dict)


def classes(people: Mapping[str, Needs], k: int) -> dict[str, Key]:
    """Rule 1: each person's class, (team, function) widened until it holds k people."""
    cells = Counter((n.team, n.function) for n in people.values())
    key: dict[tuple[str, str], Key] = {c: c for c, n in cells.items() if n >= k}
    small = sorted(c for c in cells if c not in key)
    for axis in (0, 1):  # the small cells of a team together, then of a function
        pools: dict[str, list[tuple[str, str]]] = {}
        for cell in small:
            pools.setdefault(cell[axis], []).append(cell)
        small = []
        for name, pooled in sorted(pools.items()):
            if sum(cells[c] for c in pooled) >= k:
                key.update(dict.fromkeys(pooled, (name, None) if axis == 0 else (None, name)))
            else:
                small += pooled
    small = _widen_into_teams(small, cells, key, k)
    key.update(dict.fromkeys(small, (None, None)))
    sizes = Counter(key[c] for c in cells.elements())
    rest = (None, None)
    while 0 < sizes[rest] < k and len(sizes) > 1:
        smallest = min((c for c in sizes if c != rest), key=lambda c: (sizes[c], _text(c)))
        key.update({cell: rest for cell, klass in key.items() if klass == smallest})
        sizes[rest] += sizes.pop(smallest)
    return {pid: key[(n.team, n.function)] for pid, n in people.items()}


def _widen_into_teams(
    small: list[tuple[str, str]],
    cells: Counter[tuple[str, str]],
    key: dict[tuple[str, str], Key],
    k: int,
) -> list[tuple[str, str]]:
    """Small cells left over join the named classes of their team, which lose their function
    (smallest first, only as many as needed): better than losing team and function both."""
    left: list[tuple[str, str]] = []
    by_team: dict[str, list[tuple[str, str]]] = {}
    for cell in small:
        by_team.setdefault(cell[0], []).append(cell)
    for team, pooled in sorted(by_team.items()):
        named = sorted(
            (c for c, klass in key.items() if klass == c and c[0] == team),
            key=lambda c: (cells[c], c),
        )
        total = sum(cells[c] for c in pooled)
        while total < k and named:
            pooled.append(named.pop(0))
            total += cells[pooled[-1]]
        if total >= k:
            key.update(dict.fromkeys(pooled, (team, None)))
        else:
            left += pooled  # no named class in the team: the team is smaller than k
    return left


def kept_measures(members: list[set[str]], k: int) -> set[str]:
    """Rule 2: the measures, most useful first, under which each combination is 0 or k+."""
    counts = Counter(m for measures in members for m in measures)
    kept: list[str] = []
    for measure in sorted(counts, key=lambda m: (_priority(m), -counts[m], m)):
        trial = [*kept, measure]
        combinations = Counter(tuple(m in measures for m in trial) for measures in members)
        if all(n >= k for n in combinations.values()):
            kept = trial
    return set(kept)


def _priority(measure: str) -> int:
    if measure in KINDS:
        return 0
    return 1 if measure.endswith((":wishing", ":agreed")) else 2


def class_rows(klass: Mapping[str, Key], axis: int) -> dict[str | None, set[str]]:
    """The people of each team (axis 0) or function (axis 1) row; None: the widened ("other")."""
    rows: dict[str | None, set[str]] = {}
    for pid, key in klass.items():
        rows.setdefault(key[axis], set()).add(pid)
    return rows


def blocked_measures(
    people: Mapping[str, Needs], klass: Mapping[str, Key], k: int
) -> dict[Key, set[str]]:
    """The measures each class has but may not show (rule 2); one it lacks blocks nothing."""
    members: dict[Key, list[set[str]]] = {}
    for pid, key in klass.items():
        members.setdefault(key, []).append(people[pid].measures)
    return {key: set().union(*sets) - kept_measures(sets, k) for key, sets in members.items()}


def shown_skills(
    skills: Mapping[str, set[str]], published: list[set[str]], hidden: list[set[str]], k: int
) -> set[str]:
    """Rule 3: the skills (of one kind) that may be named; the rest fold into "other".

    `hidden`: sets the class table keeps back; a skill may not publish one of them
    either, nor come within k of one."""
    shown = {s for s, members in skills.items() if len(members) >= k}
    while shown:
        other = set().union(*(skills[s] for s in skills if s not in shown))
        visible = [(s, skills[s]) for s in sorted(shown, key=lambda s: (len(skills[s]), s))]
        if other:
            visible.append((OTHER, other))
        exposed = next(
            (
                name
                for name, members in visible
                if exposes(members, published, k, hidden)
                or exposes(members, [m for n, m in visible if n != name], k)
            ),
            None,
        )
        if exposed is None:
            break
        # A skill too close to another set is hidden; if "other" is, it grows by the smallest.
        shown.discard(exposed if exposed != OTHER else visible[0][0])
    return shown


def exposes(
    members: set[str], others: Iterable[set[str]], k: int, hidden: Iterable[set[str]] = ()
) -> bool:
    """True when `members` lies inside or around one of `others`, fewer than k apart, or
    equals or comes that near a `hidden` set."""
    for other, allowed_equal in ((o, True) for o in others):
        if _near(members, other, k, allowed_equal):
            return True
    return any(_near(members, h, k, allowed_equal=False) for h in hidden)


def _near(members: set[str], other: set[str], k: int, allowed_equal: bool) -> bool:
    if not (members <= other or other <= members):
        return False
    apart = len(members ^ other)
    return apart < k and (apart > 0 or not allowed_equal)


def people_with(members: Iterable[str], people: Mapping[str, Needs], measure: str) -> set[str]:
    return {p for p in members if measure in people[p].measures}


def public_row(name: str, kind: str, members: list[set[str]], shown: set[str]) -> NeedGroup:
    """A row of one kind as published: counts in people; hidden: None, or a type left out.

    A measure nobody in the row has is 0, which gives no one away."""
    present = set().union(*members)
    counts = Counter(m for s in members for m in s if m in shown)

    def count(measure: str) -> int | None:
        return counts[measure] if measure in shown or measure not in present else None

    return NeedGroup(
        name=name,
        kind=kind,
        people=count(kind),
        people_wishing=count(f"{kind}:wishing"),
        people_agreed=count(f"{kind}:agreed"),
        activities=_typed(counts, f"{kind}:activity:"),
        support=_typed(counts, f"{kind}:support:"),
    )


def _typed(counts: Counter[str], prefix: str) -> dict[str, int]:
    return {m[len(prefix) :]: n for m, n in sorted(counts.items()) if m.startswith(prefix)}


def _text(key: Key) -> tuple[str, str]:
    return (key[0] or "", key[1] or "")
