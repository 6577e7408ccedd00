"""The API's enums: the domain's own words, registered with strawberry once.

Each enum is the StrEnum the domain, the read models or the service already
use, so a value exists in one place; GraphQL shows the member names
(`DOING`), resolvers get and give the members (whose values are the words
the events store, `"doing"`).
"""

from __future__ import annotations

import strawberry

from domain.backlog import Horizon
from domain.vocabulary import (
    ActivityType,
    Column,
    DevelopmentPhase,
    Language,
    LearningForm,
    Party,
    SignInLinkPurpose,
    SkillKind,
    Stage,
    SupportKind,
)
from projections.board_fold import BoardStatus
from projections.follow_ups import WaitingOn
from projections.history import HistoryKind
from projections.training_needs_disclosure import NeedKind
from service.actor import Role, TokenScope
from service.who_did_it import ActorKind

__all__ = [
    "ActivityType",
    "ActorKind",
    "BoardStatus",
    "Column",
    "DevelopmentPhase",
    "HistoryKind",
    "Horizon",
    "Language",
    "LearningForm",
    "NeedKind",
    "Party",
    "Role",
    "SignInLinkPurpose",
    "SkillKind",
    "Stage",
    "SupportKind",
    "TokenScope",
    "WaitingOn",
]

strawberry.enum(ActivityType, description="The kind of learning activity in a POP.")
strawberry.enum(ActorKind, description="What caused an event.")
strawberry.enum(BoardStatus, description="Whether a board can still change.")
strawberry.enum(Column, description="A column of the board: To do · Doing · Done.")
strawberry.enum(DevelopmentPhase, description="Where a person stands in their trade.")
strawberry.enum(HistoryKind, description="What an entry of the history tells.")
strawberry.enum(Horizon, description="Whether the organisation needs a skill now or later.")
strawberry.enum(Language, description="The language Groeispurt speaks to a person in.")
strawberry.enum(LearningForm, description="How formal a learning activity is.")
strawberry.enum(NeedKind, description="A need's kind of skill; unspecified: no skill named.")
strawberry.enum(Party, description="One of the two people who hold a growth cycle together.")
strawberry.enum(Role, description="A role beside being an employee or a manager.")
strawberry.enum(
    SignInLinkPurpose,
    description="What a one-time sign-in link is for: a first password or a new one.",
)
strawberry.enum(SkillKind, description="Hard (craft, knowledge) or soft (working with others).")
strawberry.enum(
    Stage,
    description="Where a cycle stands: preparing → session held → on the board → plan agreed "
    "→ follow-up scheduled → completed; or closed.",
)
strawberry.enum(SupportKind, description="What the organisation puts in to support a POP.")
strawberry.enum(TokenScope, description="What an API token may do.")
strawberry.enum(WaitingOn, description="What a cycle stuck in its stage waits for.")
