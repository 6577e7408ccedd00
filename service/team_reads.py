"""What a team shares: its members' upcoming show & tells, and the manager's board shown to it.

A team, here, is a manager and the people who report to them. A person's
show & tell is announced to their team: their manager, their colleagues
under that manager, and, when they lead a team themselves, their own
reports (seed 000: the manager shows their own kanban to set the example).
So each person sees the show & tells of themselves, their manager, their
colleagues under that manager, and their reports. What a show & tell lists
of skills are the cards the employee made visible to the team, nothing
else (`service.read_queries._team_view`). HR reads these as a member of
their own team too: a show & tell is the team's news, not an audit.

Part of `ReadQueries`, which pages and the API share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from projections import board as boards
from projections import people as people_rows
from projections import show_and_tells
from projections.database import Database
from service.actor import Actor
from service.application import Groeispurt
from service.errors import Forbidden
from service.ids import as_uuid

if TYPE_CHECKING:
    from projections.cycle_fold import CycleDoc


@dataclass(frozen=True, slots=True)
class ShownSkill:
    kind: str  # hard or soft
    skill: str  # the card's "I want to …"


@dataclass(frozen=True, slots=True)
class UpcomingShowAndTell:
    cycle_id: str
    employee_id: str
    name: str
    on: date
    skills: list[ShownSkill]  # the cards shown to the team; empty while none are


class TeamReads:
    app: Groeispurt
    database: Database

    if TYPE_CHECKING:

        def cycle(self, actor: Actor, cycle_id: Any) -> CycleDoc | None: ...

    def team_circle(self, actor: Actor) -> set[str]:
        """The ids of the people whose team news the actor hears (themselves included)."""
        if actor.person_id is None:
            raise Forbidden()
        me = str(actor.person_id)
        circle = {me, *_current_reports(self.database, me)}
        manager = self.app.manager_of(actor.person_id)
        if manager is not None:
            circle |= {str(manager), *_current_reports(self.database, str(manager))}
        return circle

    def upcoming_show_and_tells(self, actor: Actor) -> list[UpcomingShowAndTell]:
        """The show & tells announced to the actor's team, today or later, earliest first."""
        rows = show_and_tells.list_upcoming(
            self.database, self.team_circle(actor), self.app.today()
        )
        shown: list[UpcomingShowAndTell] = []
        for row in rows:
            person = people_rows.get_person_row(self.database, row.employee_id)
            if person is None or row.on is None:
                continue
            shown.append(
                UpcomingShowAndTell(
                    cycle_id=row.cycle_id,
                    employee_id=row.employee_id,
                    name=person["name"],
                    on=date.fromisoformat(row.on),
                    skills=_shown_skills(self.database, row.employee_id, row.cycle_id),
                )
            )
        return shown

    def my_managers_shown_board(self, actor: Actor) -> tuple[str, boards.Board] | None:
        """The actor's manager and the cards of their latest board they showed to the team;
        None when they have no manager or show nothing. Only what is shown, whoever asks
        (HR too: this is the team's view, not an audit)."""
        if actor.person_id is None:
            raise Forbidden()
        manager = self.app.manager_of(actor.person_id)
        if manager is None:
            return None
        board = boards.get_board(self.database, str(manager))
        shown = team_view(board) if board is not None else None
        return (str(manager), shown) if shown is not None else None

    def show_and_tell_of(self, actor: Actor, cycle_id: Any) -> date | None:
        """The day announced for a cycle's show & tell, for those who read the cycle."""
        self.cycle(actor, cycle_id)  # Forbidden where the cycle is not theirs to read
        day = show_and_tells.get_show_and_tell(self.database, str(as_uuid(cycle_id)))
        return date.fromisoformat(day) if day else None


def team_view(board: boards.Board) -> boards.Board | None:
    """What a colleague sees of a board: only the cards shown to the team, nothing else
    (not who leads the cycle, when it opened, or how often it changed)."""
    visible = {cid: c for cid, c in board["cards"].items() if c["visible_to_team"]}
    if not visible:
        return None
    lanes = {
        name: [c for c in cards if c["id"] in visible] for name, cards in board["lanes"].items()
    }
    return boards.Board(
        cycle_id=board["cycle_id"],
        employee_id=board["employee_id"],
        manager_id=None,
        opened_at="",
        planned_session_on="",
        session_held_on=None,
        status=board["status"],
        cards=visible,
        columns={name: [c["id"] for c in cards] for name, cards in lanes.items()},
        version=0,
        lanes=lanes,
        team_view=True,
    )


def _current_reports(database: Database, manager_id: str) -> list[str]:
    rows = people_rows.list_reports(database, manager_id)
    return [r["person_id"] for r in rows if r["left_on"] is None]


def _shown_skills(database: Database, employee_id: str, cycle_id: str) -> list[ShownSkill]:
    board = boards.get_board(database, employee_id, cycle_id)
    if board is None:
        return []
    cards = [board["cards"][c] for ids in (board["columns"] or {}).values() for c in ids]
    return [ShownSkill(c["kind"], c["i_want_to"]) for c in cards if c["visible_to_team"]]
