"""GraphQL types of what a cycle holds besides its POP: preparations, the session, the follow-up."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from domain import preparation as preparations
from projections import cycle_fold as cycle
from service.graphql.enums import DevelopmentPhase, Party, SkillKind
from service.graphql.node_ids import node_id, node_id_or_none
from service.graphql.question_types import QuestionAnswer
from service.graphql.values import day, day_or_none, moment

# -- preparations -------------------------------------------------------------------


@strawberry.type(description="A skill a party wants the employee to grow in, and how.")
class GrowthItem:
    skill: str
    why: str = strawberry.field(description="Why this skill (the employee's answer).")
    actions: str = strawberry.field(description="What the employee will do to grow in it.")
    support: str = strawberry.field(description="What the manager and the team will do.")
    backlog_skill_id: strawberry.ID | None = strawberry.field(
        description="The company backlog's skill it is, if one."
    )

    @classmethod
    def from_doc(cls, item: preparations.GrowthItem) -> GrowthItem:
        return cls(
            skill=item["skill"],
            why=item["why"],
            actions=item["actions"],
            support=item["support"],
            backlog_skill_id=node_id_or_none("BacklogSkill", item["backlog_skill_id"]),
        )


@strawberry.type(
    description="A party's answers about hard or about soft skills; each party answers "
    "from their own side (the employee about themselves, the manager about the employee)."
)
class SkillReflection:
    needed: list[str] = strawberry.field(
        description="Which skills does the role need, now and later?"
    )
    strengths: list[str] = strawberry.field(
        description="Which skills does the employee already use, with energy: where are "
        "they strong?"
    )
    untapped: list[str] = strawberry.field(
        description="Which skills does the employee not use yet that would suit them?"
    )
    growth: list[GrowthItem] = strawberry.field(
        description="At most two skills to grow in: what, why, actions, support."
    )

    @classmethod
    def from_doc(cls, reflection: preparations.SkillReflection) -> SkillReflection:
        return cls(
            needed=list(reflection["needed"]),
            strengths=list(reflection["strengths"]),
            untapped=list(reflection["untapped"]),
            growth=[GrowthItem.from_doc(g) for g in reflection["growth"]],
        )


@strawberry.type(description="A party's answers to the preparation's questions.")
class PreparationAnswers:
    hard: SkillReflection
    soft: SkillReflection
    going_well: str = strawberry.field(description="What goes well?")
    could_be_better: str = strawberry.field(description="What could be better?")
    development_phase: DevelopmentPhase | None = strawberry.field(
        description="Where the employee stands in their trade, as this party sees it."
    )
    ambitions: str = strawberry.field(
        description="The employee's ambitions, as asked before the question sets "
        "(now a question of the set: `questionAnswers`)."
    )
    question_answers: list[QuestionAnswer] = strawberry.field(
        description="Answers to the cycle's questions (`Cycle.questions`), by question."
    )

    @classmethod
    def from_doc(cls, answers: preparations.Preparation) -> PreparationAnswers:
        phase = answers["development_phase"]
        return cls(
            hard=SkillReflection.from_doc(answers["hard"]),
            soft=SkillReflection.from_doc(answers["soft"]),
            going_well=answers["going_well"],
            could_be_better=answers["could_be_better"],
            development_phase=DevelopmentPhase(phase) if phase else None,
            ambitions=answers["ambitions"],
            question_answers=QuestionAnswer.all_of(answers),
        )


@strawberry.type(description="A submitted version of a party's preparation, shared with both.")
class Preparation:
    party: Party
    version: int = strawberry.field(description="1 for the first submission, then 2, …")
    submitted_at: datetime
    answers: PreparationAnswers

    @classmethod
    def from_doc(cls, submitted: cycle.SubmittedPreparation) -> Preparation:
        return cls(
            party=Party(submitted["party"]),
            version=submitted["version"],
            submitted_at=moment(submitted["submitted_at"]),
            answers=PreparationAnswers.from_doc(submitted["preparation"]),
        )


@strawberry.type(description="A party's unsubmitted draft: only its author sees it.")
class PreparationDraft:
    party: Party
    saved_at: datetime
    answers: PreparationAnswers

    @classmethod
    def from_doc(cls, draft: cycle.DraftPreparation) -> PreparationDraft:
        return cls(
            party=Party(draft["party"]),
            saved_at=moment(draft["saved_at"]),
            answers=PreparationAnswers.from_doc(draft["preparation"]),
        )


# -- the session --------------------------------------------------------------------


@strawberry.type(
    description="A candidate card as the session wrote it. Its id is the card's: "
    "`node(id:)` gives the card with where it stands on the board."
)
class SessionCard:
    id: strawberry.ID
    kind: SkillKind
    as_a: str
    i_want_to: str
    in_order_to: str
    actions: str
    support: str
    backlog_skill_id: strawberry.ID | None

    @classmethod
    def from_doc(cls, cycle_id: str, card: cycle.SessionCard) -> SessionCard:
        return cls(
            id=node_id("Card", cycle_id, card["id"]),
            kind=SkillKind(card["kind"]),
            as_a=card["as_a"],
            i_want_to=card["i_want_to"],
            in_order_to=card["in_order_to"],
            actions=card["actions"],
            support=card["support"],
            backlog_skill_id=node_id_or_none("BacklogSkill", card.get("backlog_skill_id")),
        )


@strawberry.type(description="The growth session: when, its shared notes, its candidate cards.")
class Session:
    held_on: date
    notes: str
    cards: list[SessionCard]
    recorded_at: datetime

    @classmethod
    def from_doc(cls, cycle_id: str, session: cycle.Session) -> Session:
        return cls(
            held_on=day(session["held_on"]),
            notes=session["notes"],
            cards=[SessionCard.from_doc(cycle_id, c) for c in session["cards"]],
            recorded_at=moment(session["recorded_at"]),
        )


# -- the follow-up ------------------------------------------------------------------


@strawberry.type(description="The retrospective at the follow-up: what went well, what not.")
class Retrospective:
    held_on: date
    went_well: str
    could_be_better: str
    show_and_tell_on: date | None = strawberry.field(
        description="When the employee shows the team what they learnt, if planned."
    )
    recorded_at: datetime

    @classmethod
    def from_doc(cls, retrospective: cycle.Retrospective) -> Retrospective:
        return cls(
            held_on=day(retrospective["held_on"]),
            went_well=retrospective["went_well"],
            could_be_better=retrospective["could_be_better"],
            show_and_tell_on=day_or_none(retrospective["show_and_tell_on"]),
            recorded_at=moment(retrospective["recorded_at"]),
        )


@strawberry.type(description="The follow-up of a cycle: when it is due, and once held, how.")
class FollowUp:
    due_on: date
    scheduled_at: datetime
    retrospective: Retrospective | None = strawberry.field(
        description="Null until the follow-up is held."
    )

    @classmethod
    def from_doc(cls, follow_up: cycle.FollowUp) -> FollowUp:
        done = follow_up["completed"]
        return cls(
            due_on=day(follow_up["due_on"]),
            scheduled_at=moment(follow_up["scheduled_at"]),
            retrospective=Retrospective.from_doc(done) if done is not None else None,
        )
