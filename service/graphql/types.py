"""GraphQL output types of the objects integrators fetch again (each a Node), built from
read-model rows and documents by `from_row` / `from_doc`.

Ids that point at another object are that object's global ID, so a client can
ask `node(id:)` for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import strawberry

from domain import backlog
from projections import board as boards
from projections.board_fold import BoardCard
from projections.cycle_fold import CycleDoc
from projections.people_fold import Colleague, PersonRow
from service.graphql.context import read
from service.graphql.cycle_parts import FollowUp, Preparation, PreparationDraft, Session
from service.graphql.enums import (
    BoardStatus,
    Column,
    DevelopmentPhase,
    Horizon,
    Language,
    Party,
    Role,
    SkillKind,
    Stage,
)
from service.graphql.node_ids import Node, node_id, node_id_or_none
from service.graphql.plan_types import Approval, PlanVersion
from service.graphql.question_types import Question
from service.graphql.session_types import CandidateCard, SessionReport
from service.graphql.values import day, day_or_none, moment, moment_or_none
from service.ids import bare_key


@strawberry.type(
    description="A person in the organisation (colleagues see name, team and function only)."
)
class Person(Node):
    name: str
    team: str
    function: str
    email: str | None
    manager_id: strawberry.ID | None
    development_phase: DevelopmentPhase | None
    language: Language | None
    start_date: date | None
    roles: list[Role]
    external_id: str | None = strawberry.field(
        description="Their id in another system (an HRIS), if HR gave one."
    )
    active: bool = strawberry.field(
        description="False once HR deactivated them (they left); only HR and administrators "
        "see people who left."
    )
    left_on: date | None = strawberry.field(description="Their last day, once they left.")

    @classmethod
    def from_row(cls, row: PersonRow | Colleague) -> Person:
        # A colleague's row holds only name, team and function: the rest stays null.
        values: Mapping[str, Any] = row
        phase, language = values.get("development_phase"), values.get("language")
        return cls(
            id=node_id("Person", row["person_id"]),
            name=row["name"],
            team=row["team"],
            function=row["function"],
            email=values.get("email"),
            manager_id=node_id_or_none("Person", values.get("manager_id")),
            development_phase=DevelopmentPhase(phase) if phase else None,
            language=Language(language) if language else None,
            start_date=day_or_none(values.get("start_date")),
            roles=[Role(r) for r in values.get("roles") or []],
            external_id=values.get("external_id"),
            active=values.get("left_on") is None,
            left_on=day_or_none(values.get("left_on")),
        )


@strawberry.type(
    description="A skill card as a user story: As a … I want to … in order to …, and where "
    "it stands on the board."
)
class Card(Node):
    cycle_id: strawberry.ID
    kind: SkillKind
    as_a: str
    i_want_to: str
    in_order_to: str
    actions: str
    support: str
    backlog_skill_id: strawberry.ID | None
    column: Column | None = strawberry.field(
        description="Null: a candidate of the session that was not chosen for the board."
    )
    entered_column_at: datetime | None
    visible_to_team: bool

    @classmethod
    def from_doc(cls, cycle_id: str, card: BoardCard) -> Card:
        column = card["column"]
        return cls(
            id=node_id("Card", cycle_id, card["id"]),
            cycle_id=node_id("Cycle", cycle_id),
            kind=SkillKind(card["kind"]),
            as_a=card["as_a"],
            i_want_to=card["i_want_to"],
            in_order_to=card["in_order_to"],
            actions=card["actions"],
            support=card["support"],
            backlog_skill_id=node_id_or_none("BacklogSkill", card["backlog_skill_id"]),
            column=Column(column) if column else None,
            entered_column_at=moment_or_none(card["entered_at"]),
            visible_to_team=card["visible_to_team"],
        )


@strawberry.type(description="An employee's kanban board of one cycle: To do · Doing · Done.")
class Board(Node):
    cycle_id: strawberry.ID
    employee_id: strawberry.ID
    status: BoardStatus
    version: int = strawberry.field(description="Changes with every event of the cycle.")
    todo: list[Card]
    doing: list[Card]
    done: list[Card]

    @classmethod
    def from_doc(cls, board: boards.Board) -> Board:
        lanes, cycle_id = board["lanes"], board["cycle_id"]
        return cls(
            id=node_id("Board", cycle_id),
            cycle_id=node_id("Cycle", cycle_id),
            employee_id=node_id("Person", board["employee_id"]),
            status=BoardStatus(board["status"]),
            version=board["version"],
            todo=[Card.from_doc(cycle_id, c) for c in lanes.get("todo", [])],
            doing=[Card.from_doc(cycle_id, c) for c in lanes.get("doing", [])],
            done=[Card.from_doc(cycle_id, c) for c in lanes.get("done", [])],
        )


@strawberry.type(
    description="A growth cycle as the caller may see it (drafts only to their author)."
)
class Cycle(Node):
    employee_id: strawberry.ID
    manager_id: strawberry.ID | None = strawberry.field(
        description="Who leads the cycle; null while nobody does (handed over, no coach yet)."
    )
    stage: Stage
    planned_session_on: date
    opened_at: datetime
    previous_cycle_id: strawberry.ID | None
    version: int = strawberry.field(description="Changes with every event of the cycle.")
    preparations: list[Preparation] = strawberry.field(
        description="Every submitted version of both parties' preparations, in the order "
        "they were submitted."
    )
    drafts: list[PreparationDraft] = strawberry.field(
        description="The caller's own unsubmitted draft, if any (nobody else sees it)."
    )
    session: Session | None = strawberry.field(description="Null until the session is held.")
    plan_versions: list[PlanVersion] = strawberry.field(
        description="Every version of the POP, oldest first."
    )
    approvals: list[Approval] = strawberry.field(
        description="Who approved the current version of the POP, and when."
    )
    approved_version: int | None = strawberry.field(
        description="The last version both parties approved: the plan in force."
    )
    approved_at: datetime | None
    follow_up: FollowUp | None = strawberry.field(description="Null until it is scheduled.")
    closed: bool
    closed_at: datetime | None
    closed_reason: str | None
    candidate_cards: list[CandidateCard] = strawberry.field(
        description="The cards written at the session table, before the session is recorded "
        "(then `session.cards` holds the four)."
    )
    session_report: SessionReport = strawberry.field(
        description="The session report, with its versions and approvals."
    )
    questions: list[Question] = strawberry.field(
        default_factory=list,
        description="The open questions this cycle asks, as the question set was when it "
        "opened (the built-in set for a cycle opened before cycles recorded theirs).",
    )

    @strawberry.field(description="The day announced to the team for the show & tell, if any.")
    async def show_and_tell_on(self, info: strawberry.Info) -> date | None:
        queries = info.context.services.queries
        day: date | None = await read(info, queries.show_and_tell_of, bare_key(self.id))
        return day

    @classmethod
    def from_doc(cls, doc: CycleDoc) -> Cycle:
        cycle_id, session, follow_up = doc["cycle_id"], doc["session"], doc["follow_up"]
        submitted = [p for versions in doc["preparations"].values() for p in versions]
        return cls(
            id=node_id("Cycle", cycle_id),
            employee_id=node_id("Person", doc["employee_id"]),
            manager_id=node_id_or_none("Person", doc["manager_id"]),
            stage=Stage(doc["stage"]),
            planned_session_on=day(doc["planned_session_on"]),
            opened_at=moment(doc["opened_at"]),
            previous_cycle_id=node_id_or_none("Cycle", doc["previous_cycle_id"]),
            version=doc["version"],
            preparations=[
                Preparation.from_doc(p)
                for p in sorted(submitted, key=lambda p: (p["submitted_at"], p["party"]))
            ],
            drafts=[PreparationDraft.from_doc(d) for _, d in sorted(doc["drafts"].items())],
            session=Session.from_doc(cycle_id, session) if session is not None else None,
            plan_versions=PlanVersion.all_of(doc["plan_versions"]),
            approvals=[
                Approval(party=Party(party), version=a["version"], at=moment(a["at"]))
                for party, a in sorted(doc["approvals"].items())
            ],
            approved_version=doc["approved_version"],
            approved_at=moment_or_none(doc["approved_at"]),
            follow_up=FollowUp.from_doc(follow_up) if follow_up is not None else None,
            closed=doc["closed"],
            closed_at=moment_or_none(doc["closed_at"]),
            closed_reason=doc["closed_reason"],
            candidate_cards=[CandidateCard.from_doc(cycle_id, c) for c in doc["candidate_cards"]],
            session_report=SessionReport.from_doc(doc["report"]),
            questions=Question.of_cycle(doc.get("questions")),
        )


@strawberry.type(description="A skill on HR's company backlog.")
class BacklogSkill(Node):
    kind: SkillKind
    horizon: Horizon
    description: str
    inspiration: str
    retired: bool
    merged_into_id: strawberry.ID | None = strawberry.field(
        default=None, description="Retired by a merge: the skill that counts for it now."
    )

    @classmethod
    def from_doc(cls, doc: backlog.BacklogSkill) -> BacklogSkill:
        return cls(
            id=node_id("BacklogSkill", doc["id"]),
            kind=SkillKind(doc["kind"]),
            horizon=Horizon(doc["horizon"]),
            description=doc["description"],
            inspiration=doc["inspiration"],
            retired=doc["retired"],
            merged_into_id=node_id_or_none("BacklogSkill", doc.get("merged_into")),
        )
