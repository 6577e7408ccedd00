"""How events fold into the training-needs facts, and each person's team and function.

Facts (see `training_needs`): one per need, with the person, skill, kind and
the moments it became and stopped being valid. A cycle's facts are replaced
as a whole when a preparation is submitted, the cards are chosen, or a POP
is approved by both: the old ones end where the new ones begin. Rows of one
batch are ended in memory, so a rebuild in large batches writes the same
rows as the events applied one save at a time.

The fold is pure: it is handed the stored state of the cycles and the
latest team and function of the people the batch concerns, changes them,
and says which rows to write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict, cast

from domain.growth_cycle import GrowthCycle
from domain.person import Person
from domain.plan import Plan
from projections.read_model import Event

UNSPECIFIED = "unspecified"

# [source, kind, skill_key, skill, detail]: wish / activity / support, hard / soft /
# unspecified, the skill as compared (lower case) and as first written, and the
# preparation, card, type of activity or kind of support it comes from.
FactFields = list[str]


class CycleNeeds(TypedDict):
    """What a cycle's facts are worked out from (JSON)."""

    employee_id: str
    facts: dict[str, list[FactFields]]  # "preparation:<party>", "cards", "agreed" → facts
    kinds: dict[str, str]  # skill key → hard or soft, as the employee's own words say
    candidates: NotRequired[dict[str, list[str]]]  # card id → [kind, skill], once held
    plan: NotRequired[Plan]  # the latest POP version, counted once approved by both


@dataclass(slots=True)
class FactRow:
    cycle_id: str
    person_id: str
    fields: FactFields
    valid_from: str
    valid_until: str | None = None


@dataclass
class NeedsChanges:
    """What a batch changed, to be written."""

    cycles: dict[str, CycleNeeds] = field(default_factory=dict)
    # (person, moment) → [team, function] from that moment on
    people: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # (moment, cycle): the cycle's stored facts still valid end at that moment
    ended: list[tuple[str, str]] = field(default_factory=list)
    facts: list[FactRow] = field(default_factory=list)
    # the facts of this batch, per cycle, still valid
    _open: dict[str, list[FactRow]] = field(default_factory=dict)


_PERSON_EVENTS = (Person.Registered, Person.TeamChanged, Person.FunctionChanged)
_CYCLE_EVENTS = (
    GrowthCycle.PreparationSubmitted,
    GrowthCycle.SessionHeld,
    GrowthCycle.CardsSelected,
    GrowthCycle.PlanDrafted,  # PlanRevised too: a subclass
    GrowthCycle.PlanApprovedByBoth,
)


def keys_to_load(batch: Iterable[tuple[Event, str, str]]) -> tuple[set[str], set[str]]:
    """The cycles, and the people (their latest team and function), a batch folds into
    that it does not open or register itself."""
    cycles = {key for event, key, _ in batch if isinstance(event, _CYCLE_EVENTS)}
    people = {
        key
        for event, key, _ in batch
        if isinstance(event, Person.TeamChanged | Person.FunctionChanged)
    }
    return cycles, people


def fold(
    cycles: dict[str, CycleNeeds],
    people: dict[str, list[str]],
    batch: Iterable[tuple[Event, str, str]],
) -> NeedsChanges:
    """Folds events in log order. `cycles`: the stored state by cycle id; `people`: the
    latest [team, function] by person id. Both are changed in place."""
    changes = NeedsChanges()
    for event, key, at in batch:
        if isinstance(event, _PERSON_EVENTS):
            _where(people, changes, event, key, at)
        elif isinstance(event, GrowthCycle.Opened):
            cycles[key] = CycleNeeds(employee_id=str(event.employee_id), facts={}, kinds={})
            changes.cycles[key] = cycles[key]
        elif isinstance(event, _CYCLE_EVENTS):
            state = cycles.get(key)
            if state is None:
                continue
            if process_event(state, event):
                _replace_facts(changes, key, state, at)
            changes.cycles[key] = state
    return changes


def _where(
    people: dict[str, list[str]],
    changes: NeedsChanges,
    event: Person.Registered | Person.TeamChanged | Person.FunctionChanged,
    key: str,
    at: str,
) -> None:
    """A row per change of team or function, from the moment it took effect."""
    if isinstance(event, Person.Registered):
        now = [event.team, event.function]
    else:
        latest = people.get(key)
        if latest is None:
            return
        if isinstance(event, Person.TeamChanged):
            now = [event.team, latest[1]]
        else:
            now = [latest[0], event.function]
    people[key] = now
    changes.people[(key, at)] = now


def _replace_facts(changes: NeedsChanges, key: str, state: CycleNeeds, at: str) -> None:
    """The cycle's facts as of `at`; those valid until then end there."""
    if key in changes._open:
        for row in changes._open[key]:
            row.valid_until = at
    else:
        changes.ended.append((at, key))
    rows = [
        FactRow(key, state["employee_id"], fact, at)
        for facts in state["facts"].values()
        for fact in facts
    ]
    changes._open[key] = rows
    changes.facts += rows


def process_event(state: CycleNeeds, event: GrowthCycle.Event) -> bool:
    """Updates a cycle's state; True when its facts changed."""
    match event:
        case GrowthCycle.PreparationSubmitted():
            facts = []
            for skill_kind in ("hard", "soft"):
                for item in event.preparation[skill_kind]["growth"]:
                    state["kinds"].setdefault(item["skill"].strip().lower(), skill_kind)
                    facts.append(_fact("wish", skill_kind, item["skill"], "preparation"))
            state["facts"][f"preparation:{event.party}"] = facts
            return True
        case GrowthCycle.SessionHeld():
            state["candidates"] = {c["id"]: [c["kind"], c["i_want_to"]] for c in event.cards}
            return False
        case GrowthCycle.CardsSelected():
            chosen = [state["candidates"][c] for c in event.card_ids]
            for skill_kind, skill in chosen:
                state["kinds"][skill.strip().lower()] = skill_kind
            state["facts"]["cards"] = [_fact("wish", k, s, "card") for k, s in chosen]
            return True
        case GrowthCycle.PlanDrafted():
            state["plan"] = cast(Plan, event.plan)  # the event's JSON, parsed by `domain.plan`
            return False
        case GrowthCycle.PlanApprovedByBoth():
            state["facts"]["agreed"] = _agreed(state)
            return True
    return False


def _agreed(state: CycleNeeds) -> list[FactFields]:
    """Approved by both: only now do the activities and support count as agreed."""
    plan = state.get("plan") or Plan(goals=[], activities=[], support=[])
    agreed = []
    for activity in plan["activities"]:
        skill = activity.get("skill") or ""
        skill_kind = state["kinds"].get(skill.strip().lower(), UNSPECIFIED)
        agreed.append(_fact("activity", skill_kind, skill, activity["type"]))
    for support in plan["support"]:
        agreed.append(_fact("support", UNSPECIFIED, "", support["kind"]))
    return agreed


def _fact(source: str, kind: str, skill: str, detail: str) -> FactFields:
    skill = skill.strip()
    return [source, kind, skill.lower(), skill, detail]
