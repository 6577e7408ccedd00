"""Training needs across people, never naming anyone.

What people want to grow in (the growth items of submitted preparations and
the cards chosen for the board) and what was agreed (activities and support
of a POP approved by both), as fact rows: one per need, with the person,
skill, hard/soft, and the person's team and function at the time of the
need (folded from the Person events). Queries count distinct people per
group; a group smaller than `min_group_size` is folded into "other" so
nobody can be recognised.

A cycle's facts are rewritten as a whole when one of its sources changes
(a new preparation version replaces the previous one), from a small state
document per cycle; card moves touch nothing.
"""

from __future__ import annotations

from typing import Any

from domain.growth_cycle import GrowthCycle
from domain.person import Person
from projections.database import Cursor, Database
from projections.read_model import Batch, Documents, ReadModel, Rows, document_table

FACTS = "rm_training_needs"
CYCLES = "rm_training_cycles"
PEOPLE = "rm_training_people"
UNSPECIFIED = "unspecified"
FACT_COLUMNS = (
    "cycle_id",
    "person_id",
    "source",
    "kind",
    "skill_key",
    "skill",
    "team",
    "function",
    "detail",
)
GROUPS = {"skill": "skill_key", "team": "team", "function": "function"}

State = dict[str, Any]


class TrainingNeedsReadModel(ReadModel):
    name = "training_needs"
    tables = (FACTS, CYCLES, PEOPLE)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {FACTS} ("
        "cycle_id TEXT NOT NULL, person_id TEXT NOT NULL, source TEXT NOT NULL, "
        "kind TEXT NOT NULL, skill_key TEXT NOT NULL, skill TEXT NOT NULL, "
        "team TEXT NOT NULL, function TEXT NOT NULL, detail TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {FACTS}_cycle ON {FACTS} (cycle_id)",
        *document_table(CYCLES),
        f"CREATE TABLE IF NOT EXISTS {PEOPLE} ("
        "person_id TEXT PRIMARY KEY, team TEXT NOT NULL, function TEXT NOT NULL)",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        cycles = Documents(cursor, CYCLES)
        people = Rows(cursor, PEOPLE, ("person_id", "team", "function"))
        changed: list[str] = []
        for event, key, _ in batch:
            kind = type(event)
            if kind in _PERSON_EVENTS:
                _person_event(people, event, key)
                continue
            if kind is GrowthCycle.Opened:
                cycles.put(key, {"employee_id": str(event.employee_id), "facts": {}, "kinds": {}})
                continue
            if kind not in _CYCLE_EVENTS:
                continue
            state = cycles.get(key)
            if state is None:
                continue
            person = people.get(state["employee_id"]) or {"team": "", "function": ""}
            if _fold(state, event, person):
                changed.append(key)
            cycles.touch(key)
        cycles.flush()
        people.flush()
        _rewrite_facts(cursor, cycles, sorted(set(changed)))


_PERSON_EVENTS = (Person.Registered, Person.TeamChanged, Person.FunctionChanged)
_CYCLE_EVENTS = (
    GrowthCycle.PreparationSubmitted,
    GrowthCycle.SessionHeld,
    GrowthCycle.CardsSelected,
    GrowthCycle.PlanDrafted,
    GrowthCycle.PlanRevised,
    GrowthCycle.PlanApprovedByBoth,
)


def _person_event(people: Rows, event: Any, key: str) -> None:
    if type(event) is Person.Registered:
        people.put(key, {"person_id": key, "team": event.team, "function": event.function})
        return
    row = people.get(key)
    if row is None:
        return
    if type(event) is Person.TeamChanged:
        row["team"] = event.team
    else:
        row["function"] = event.function
    people.touch(key)


def _fold(state: State, event: Any, person: dict[str, Any]) -> bool:
    """Updates a cycle's state; True when its facts changed."""
    kind = type(event)
    where = {"team": person["team"], "function": person["function"]}
    if kind is GrowthCycle.PreparationSubmitted:
        facts = []
        for skill_kind in ("hard", "soft"):
            for item in event.preparation[skill_kind]["growth"]:
                state["kinds"].setdefault(item["skill"].strip().lower(), skill_kind)
                facts.append(_fact("wish", skill_kind, item["skill"], where, "preparation"))
        state["facts"][f"preparation:{event.party}"] = facts
        return True
    if kind is GrowthCycle.SessionHeld:
        state["candidates"] = {c["id"]: [c["kind"], c["i_want_to"]] for c in event.cards}
        return False
    if kind is GrowthCycle.CardsSelected:
        chosen = [state["candidates"][c] for c in event.card_ids]
        for skill_kind, skill in chosen:
            state["kinds"][skill.strip().lower()] = skill_kind
        state["facts"]["cards"] = [_fact("wish", k, s, where, "card") for k, s in chosen]
        return True
    if kind in (GrowthCycle.PlanDrafted, GrowthCycle.PlanRevised):
        state["plan"] = event.plan
        return False
    # Approved by both: only now do the activities and support count as agreed.
    plan = state.get("plan") or {"activities": [], "support": []}
    agreed = []
    for activity in plan["activities"]:
        skill = activity.get("skill") or ""
        skill_kind = state["kinds"].get(skill.strip().lower(), UNSPECIFIED)
        agreed.append(_fact("activity", skill_kind, skill, where, activity["type"]))
    for support in plan["support"]:
        agreed.append(_fact("support", UNSPECIFIED, "", where, support["kind"]))
    state["facts"]["agreed"] = agreed
    return True


def _fact(source: str, kind: str, skill: str, where: dict[str, str], detail: str) -> list[str]:
    skill = skill.strip()
    return [source, kind, skill.lower(), skill, where["team"], where["function"], detail]


def _rewrite_facts(cursor: Cursor, cycles: Documents, keys: list[str]) -> None:
    if not keys:
        return
    cursor.executemany(f"DELETE FROM {FACTS} WHERE cycle_id = ?", [(k,) for k in keys])
    rows = []
    for key in keys:
        state = cycles.get(key)
        assert state is not None
        for facts in state["facts"].values():
            rows += [(key, state["employee_id"], *fact) for fact in facts]
    if rows:
        cursor.executemany(
            f"INSERT INTO {FACTS} ({', '.join(FACT_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in FACT_COLUMNS)})",
            rows,
        )


# -- queries -------------------------------------------------------------------


def get_training_needs(
    database: Database, group_by: str = "skill", min_group_size: int = 5
) -> dict[str, Any]:
    """Needs grouped by skill, team or function and by hard/soft; counts only, never names.

    Each group: name, kind, people (distinct), people_wishing, people_agreed,
    activities {type: count}, support {kind: count}. Groups of fewer than
    `min_group_size` people are folded into one "other" group per kind.
    """
    if group_by not in GROUPS:
        raise ValueError("group_by must be skill, team or function.")
    column = GROUPS[group_by]
    rows = database.query(
        f"SELECT kind, {column} AS g, MIN(skill) AS label, person_id, source, detail, "
        f"COUNT(*) AS n FROM {FACTS} GROUP BY kind, {column}, person_id, source, detail"
    )
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        group = groups.setdefault(
            (row["kind"], row["g"]),
            {"label": row["label"], "people": set(), "wishing": set(), "agreed": set()}
            | {"activities": {}, "support": {}},
        )
        group["label"] = min(group["label"], row["label"])
        group["people"].add(row["person_id"])
        source = row["source"]
        if source == "wish":
            group["wishing"].add(row["person_id"])
        else:
            group["agreed"].add(row["person_id"])
            counts = group["activities" if source == "activity" else "support"]
            counts[row["detail"]] = counts.get(row["detail"], 0) + int(row["n"])
    shown: list[dict[str, Any]] = []
    other: dict[str, dict[str, Any]] = {}
    for (kind, g), group in sorted(groups.items()):
        if len(group["people"]) >= min_group_size:
            name = group["label"] if group_by == "skill" else g
            shown.append(_public(name or "(none named)", kind, group))
            continue
        folded = other.setdefault(
            kind,
            {"people": set(), "wishing": set(), "agreed": set(), "activities": {}, "support": {}},
        )
        for part in ("people", "wishing", "agreed"):
            folded[part] |= group[part]
        for part in ("activities", "support"):
            for detail, n in group[part].items():
                folded[part][detail] = folded[part].get(detail, 0) + n
    shown.sort(key=lambda g: (-g["people"], g["kind"], g["name"]))
    shown += [_public("other", kind, group) for kind, group in sorted(other.items())]
    return {
        "group_by": group_by,
        "min_group_size": min_group_size,
        "groups": shown,
        "hard_soft_balance": _balance(groups, min_group_size),
    }


def _public(name: str, kind: str, group: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "kind": kind,
        "people": len(group["people"]),
        "people_wishing": len(group["wishing"]),
        "people_agreed": len(group["agreed"]),
        "activities": dict(sorted(group["activities"].items())),
        "support": dict(sorted(group["support"].items())),
    }


def _balance(groups: dict[tuple[str, str], dict[str, Any]], minimum: int) -> dict[str, Any]:
    """How many distinct people want to grow in hard and in soft skills (the seeds' imbalance)."""
    people: dict[str, set[str]] = {"hard": set(), "soft": set()}
    for (kind, _), group in groups.items():
        if kind in people:
            people[kind] |= group["wishing"]
    hard, soft = len(people["hard"]), len(people["soft"])
    total = hard + soft
    return {
        "hard": hard if hard >= minimum or hard == 0 else None,
        "soft": soft if soft >= minimum or soft == 0 else None,
        "hard_share": round(hard / total, 2) if total >= minimum else None,
    }
