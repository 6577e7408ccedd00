"""Training needs across people, never naming anyone, as they stood at the end of a month.

What people want to grow in (the growth items of submitted preparations and
the cards chosen for the board) and what was agreed (activities and support
of a POP approved by both), as fact rows: one per need, with the person,
skill, hard/soft and the moments it became and stopped being valid (a new
preparation version replaces the previous one). People's teams and
functions are kept with the moment each took effect.

The report is of the last closed calendar month: the facts valid at its end,
each person in the team and function they had then. One person's approval
today changes nothing until the month is over, and then it arrives together
with everyone else's changes of that month. Which numbers are shown is
decided in `training_needs_disclosure`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from domain.growth_cycle import GrowthCycle
from domain.person import Person
from projections.database import Cursor, Database
from projections.read_model import Batch, Documents, ReadModel, document_table, utc_iso
from projections.training_needs_report import report

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
    "detail",
    "valid_from",
    "valid_until",
)
GROUPINGS = ("skill", "team", "function")

State = dict[str, Any]


class TrainingNeedsReadModel(ReadModel):
    name = "training_needs"
    tables = (FACTS, CYCLES, PEOPLE)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {FACTS} ("
        "cycle_id TEXT NOT NULL, person_id TEXT NOT NULL, source TEXT NOT NULL, "
        "kind TEXT NOT NULL, skill_key TEXT NOT NULL, skill TEXT NOT NULL, "
        "detail TEXT NOT NULL, valid_from TEXT NOT NULL, valid_until TEXT)",
        f"CREATE INDEX IF NOT EXISTS {FACTS}_cycle ON {FACTS} (cycle_id)",
        *document_table(CYCLES),
        f"CREATE TABLE IF NOT EXISTS {PEOPLE} ("
        "person_id TEXT NOT NULL, valid_from TEXT NOT NULL, team TEXT NOT NULL, "
        "function TEXT NOT NULL, PRIMARY KEY (person_id, valid_from))",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        cycles = Documents(cursor, CYCLES)
        people = _PeopleHistory(cursor)
        facts = _FactHistory(cursor)
        for event, key, at in batch:
            kind = type(event)
            if kind in _PERSON_EVENTS:
                people.record(event, key, at)
                continue
            if isinstance(event, GrowthCycle.Opened):
                cycles.put(key, {"employee_id": str(event.employee_id), "facts": {}, "kinds": {}})
                continue
            if kind not in _CYCLE_EVENTS:
                continue
            state = cycles.get(key)
            if state is None:
                continue
            if _fold(state, event):
                facts.replace(key, state, at)
            cycles.touch(key)
        cycles.flush()
        people.flush()
        facts.flush()


_PERSON_EVENTS = (Person.Registered, Person.TeamChanged, Person.FunctionChanged)
_CYCLE_EVENTS = (
    GrowthCycle.PreparationSubmitted,
    GrowthCycle.SessionHeld,
    GrowthCycle.CardsSelected,
    GrowthCycle.PlanDrafted,
    GrowthCycle.PlanRevised,
    GrowthCycle.PlanApprovedByBoth,
)


class _PeopleHistory:
    """A row per change of team or function, from the moment it took effect."""

    def __init__(self, cursor: Cursor) -> None:
        self._cursor = cursor
        self._latest: dict[str, list[str]] = {}
        self._rows: dict[tuple[str, str], list[str]] = {}

    def record(self, event: Any, key: str, at: str) -> None:
        if type(event) is Person.Registered:
            now = [event.team, event.function]
        else:
            latest = self._latest.get(key) or self._stored(key)
            if latest is None:
                return
            now = (
                [event.team, latest[1]]
                if type(event) is Person.TeamChanged
                else [latest[0], event.function]
            )
        self._latest[key] = now
        self._rows[(key, at)] = now

    def _stored(self, key: str) -> list[str] | None:
        self._cursor.execute(
            f"SELECT team, function FROM {PEOPLE} WHERE person_id = ? "
            "ORDER BY valid_from DESC LIMIT 1",
            (key,),
        )
        row = self._cursor.fetchone()
        return None if row is None else [row["team"], row["function"]]

    def flush(self) -> None:
        if self._rows:
            self._cursor.executemany(
                f"INSERT INTO {PEOPLE} (person_id, valid_from, team, function) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (person_id, valid_from) DO UPDATE SET "
                "team = excluded.team, function = excluded.function",
                [(key, at, *now) for (key, at), now in self._rows.items()],
            )


class _FactHistory:
    """A cycle's facts, replaced as a whole: the old rows end where the new ones begin.

    Rows of one batch are ended in memory, so a rebuild in large batches writes
    the same rows as the events applied one save at a time.
    """

    def __init__(self, cursor: Cursor) -> None:
        self._cursor = cursor
        self._ended: list[tuple[str, str]] = []  # (moment, cycle) for rows stored before
        self._rows: list[list[Any]] = []
        self._open: dict[str, list[list[Any]]] = {}

    def replace(self, key: str, state: State, at: str) -> None:
        if key in self._open:
            for row in self._open[key]:
                row[-1] = at
        else:
            self._ended.append((at, key))
        rows = [
            [key, state["employee_id"], *fact, at, None]
            for facts in state["facts"].values()
            for fact in facts
        ]
        self._open[key] = rows
        self._rows += rows

    def flush(self) -> None:
        if self._ended:
            self._cursor.executemany(
                f"UPDATE {FACTS} SET valid_until = ? WHERE cycle_id = ? AND valid_until IS NULL",
                self._ended,
            )
        if self._rows:
            self._cursor.executemany(
                f"INSERT INTO {FACTS} ({', '.join(FACT_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in FACT_COLUMNS)})",
                self._rows,
            )


def _fold(state: State, event: Any) -> bool:
    """Updates a cycle's state; True when its facts changed."""
    kind = type(event)
    if kind is GrowthCycle.PreparationSubmitted:
        facts = []
        for skill_kind in ("hard", "soft"):
            for item in event.preparation[skill_kind]["growth"]:
                state["kinds"].setdefault(item["skill"].strip().lower(), skill_kind)
                facts.append(_fact("wish", skill_kind, item["skill"], "preparation"))
        state["facts"][f"preparation:{event.party}"] = facts
        return True
    if kind is GrowthCycle.SessionHeld:
        state["candidates"] = {c["id"]: [c["kind"], c["i_want_to"]] for c in event.cards}
        return False
    if kind is GrowthCycle.CardsSelected:
        chosen = [state["candidates"][c] for c in event.card_ids]
        for skill_kind, skill in chosen:
            state["kinds"][skill.strip().lower()] = skill_kind
        state["facts"]["cards"] = [_fact("wish", k, s, "card") for k, s in chosen]
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
        agreed.append(_fact("activity", skill_kind, skill, activity["type"]))
    for support in plan["support"]:
        agreed.append(_fact("support", UNSPECIFIED, "", support["kind"]))
    state["facts"]["agreed"] = agreed
    return True


def _fact(source: str, kind: str, skill: str, detail: str) -> list[str]:
    skill = skill.strip()
    return [source, kind, skill.lower(), skill, detail]


# -- queries -------------------------------------------------------------------


def closed_month(today: date) -> dict[str, date]:
    """The last calendar month that has ended by `today`, and when the next one will have."""
    first_of_this_month = today.replace(day=1)
    last = first_of_this_month - timedelta(days=1)
    following = (first_of_this_month + timedelta(days=32)).replace(day=1)
    return {"start": last.replace(day=1), "end": last, "next_update": following}


def get_training_needs(
    database: Database, group_by: str = "skill", min_group_size: int = 5, *, today: date
) -> dict[str, Any]:
    """Needs of the last closed month grouped by skill, team or function and by hard/soft.

    Counts only, never names; see `training_needs_report.report` for the shape
    and `training_needs_disclosure` for which numbers are shown.
    """
    if group_by not in GROUPINGS:
        raise ValueError("group_by must be skill, team or function.")
    period = closed_month(today)
    # Midnight UTC at the start of the next month: facts valid at that moment count.
    as_of = utc_iso(datetime.combine(period["end"] + timedelta(days=1), datetime.min.time(), UTC))
    facts = database.query(
        f"SELECT person_id, source, kind, skill_key, skill, detail FROM {FACTS} "
        "WHERE valid_from < ? AND (valid_until IS NULL OR valid_until >= ?)",
        (as_of, as_of),
    )
    where: dict[str, tuple[str, str]] = {}
    for row in database.query(
        f"SELECT person_id, team, function FROM {PEOPLE} WHERE valid_from < ? "
        "ORDER BY person_id, valid_from",
        (as_of,),
    ):
        where[row["person_id"]] = (row["team"], row["function"])
    doc = report(facts, where, group_by, min_group_size)
    return {"period": {k: v.isoformat() for k, v in period.items()}, **doc}
