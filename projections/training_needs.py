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

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from projections import training_needs_fold
from projections.database import Cursor, Database
from projections.read_model import Batch, ReadModel, utc_iso
from projections.storage import DocumentTable, chunks, placeholders
from projections.training_needs_fold import CycleNeeds
from projections.training_needs_report import Period, TrainingNeedsReport, report

FACTS = "rm_training_needs"
CYCLES = "rm_training_cycles"
PEOPLE = "rm_training_people"
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

# The state of a cycle is found by its key alone: no owner to list it by.
STATES = DocumentTable[CycleNeeds](CYCLES, lambda state: ("", ""))


class TrainingNeedsReadModel(ReadModel):
    name = "training_needs"
    tables = (FACTS, CYCLES, PEOPLE)
    schema = (
        f"CREATE TABLE IF NOT EXISTS {FACTS} ("
        "cycle_id TEXT NOT NULL, person_id TEXT NOT NULL, source TEXT NOT NULL, "
        "kind TEXT NOT NULL, skill_key TEXT NOT NULL, skill TEXT NOT NULL, "
        "detail TEXT NOT NULL, valid_from TEXT NOT NULL, valid_until TEXT)",
        f"CREATE INDEX IF NOT EXISTS {FACTS}_cycle ON {FACTS} (cycle_id)",
        *STATES.schema,
        f"CREATE TABLE IF NOT EXISTS {PEOPLE} ("
        "person_id TEXT NOT NULL, valid_from TEXT NOT NULL, team TEXT NOT NULL, "
        "function TEXT NOT NULL, PRIMARY KEY (person_id, valid_from))",
    )

    def apply(self, cursor: Cursor, batch: Batch) -> None:
        cycle_keys, people_keys = training_needs_fold.keys_to_load(batch)
        cycles = STATES.load(cursor, cycle_keys)
        people = _latest_where(cursor, people_keys)
        changes = training_needs_fold.fold(cycles, people, batch)
        STATES.write(cursor, changes.cycles)
        if changes.people:
            cursor.executemany(
                f"INSERT INTO {PEOPLE} (person_id, valid_from, team, function) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (person_id, valid_from) DO UPDATE SET "
                "team = excluded.team, function = excluded.function",
                [(key, at, *now) for (key, at), now in changes.people.items()],
            )
        if changes.ended:
            cursor.executemany(
                f"UPDATE {FACTS} SET valid_until = ? WHERE cycle_id = ? AND valid_until IS NULL",
                changes.ended,
            )
        if changes.facts:
            cursor.executemany(
                f"INSERT INTO {FACTS} ({', '.join(FACT_COLUMNS)}) "
                f"VALUES ({placeholders(len(FACT_COLUMNS))})",
                [
                    (f.cycle_id, f.person_id, *f.fields, f.valid_from, f.valid_until)
                    for f in changes.facts
                ],
            )


def _latest_where(cursor: Cursor, keys: set[str]) -> dict[str, list[str]]:
    """Each person's latest [team, function] as stored."""
    latest: dict[str, list[str]] = {}
    for part in chunks(keys):
        cursor.execute(
            f"SELECT person_id, team, function FROM {PEOPLE} "
            f"WHERE person_id IN ({placeholders(len(part))}) ORDER BY person_id, valid_from",
            part,
        )
        for row in cursor.fetchall():
            latest[row["person_id"]] = [row["team"], row["function"]]
    return latest


# -- queries -------------------------------------------------------------------


def closed_month(today: date) -> dict[str, date]:
    """The last calendar month that has ended by `today`, and when the next one will have."""
    first_of_this_month = today.replace(day=1)
    last = first_of_this_month - timedelta(days=1)
    following = (first_of_this_month + timedelta(days=32)).replace(day=1)
    return {"start": last.replace(day=1), "end": last, "next_update": following}


def check_grouping(group_by: str) -> None:
    if group_by not in GROUPINGS:
        raise ValueError("group_by must be skill, team or function.")


def month_of(today: date) -> tuple[str, Period]:
    """The moment a report on `today` is of, in `utc_iso` form (midnight UTC at the start
    of the month after the last closed one: facts valid at that moment count), and that
    closed month."""
    month = closed_month(today)
    moment = datetime.combine(month["end"] + timedelta(days=1), datetime.min.time(), UTC)
    period = Period(
        start=month["start"].isoformat(),
        end=month["end"].isoformat(),
        next_update=month["next_update"].isoformat(),
    )
    return utc_iso(moment), period


def get_training_needs(
    database: Database,
    group_by: str = "skill",
    min_group_size: int = 5,
    *,
    today: date,
    same_skill: Mapping[str, tuple[str, str]] | None = None,
) -> TrainingNeedsReport:
    """Needs of the last closed month grouped by skill, team or function and by hard/soft.

    Counts only, never names; see `training_needs_report.report` for the shape
    and `training_needs_disclosure` for which numbers are shown.
    """
    check_grouping(group_by)
    as_of, period = month_of(today)
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
    merged = [_as_merged(fact, same_skill) for fact in facts] if same_skill else facts
    return report(merged, where, group_by, min_group_size, period)


def _as_merged(
    fact: Mapping[str, str], same_skill: Mapping[str, tuple[str, str]]
) -> Mapping[str, str]:
    """A need named in a merged skill's words counts as the skill it was merged into."""
    merged = same_skill.get(fact["skill_key"])
    if merged is None:
        return fact
    key, skill = merged
    return {**fact, "skill_key": key, "skill": skill}
