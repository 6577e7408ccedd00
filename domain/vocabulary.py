"""The fixed words of the domain: skill kinds, board columns, parties, stages, languages.

They are StrEnums so that events store their plain value ("hard", "doing")
and stay readable in the log, in exports and in other systems.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from domain.error_texts import NOT_ONE_OF
from domain.errors import InvalidInput


class SkillKind(StrEnum):
    HARD = "hard"
    SOFT = "soft"


class Column(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"


class Party(StrEnum):
    """The two people who hold a growth cycle together."""

    EMPLOYEE = "employee"
    MANAGER = "manager"

    @property
    def other(self) -> Party:
        return Party.MANAGER if self is Party.EMPLOYEE else Party.EMPLOYEE


class Language(StrEnum):
    """The languages Groeispurt speaks to a person in."""

    NL = "nl"
    EN = "en"


class SignInLinkPurpose(StrEnum):
    """What a one-time sign-in link is for: a new person's first password, or a new one."""

    INVITATION = "invitation"
    PASSWORD_RESET = "password_reset"


class DevelopmentPhase(StrEnum):
    JUNIOR = "junior"
    VAKVOLWASSEN = "vakvolwassen"  # fully competent in the trade: the seeds' middle phase
    SENIOR = "senior"


class ActivityType(StrEnum):
    COURSE = "course"
    BOOK = "book"
    WEBINAR = "webinar"
    CONFERENCE = "conference"
    SHADOWING = "shadowing"
    JOB_SHADOWING = "job_shadowing"
    INTERNSHIP = "internship"
    WORKPLACE_LEARNING = "workplace_learning"
    MENTORING = "mentoring"
    OTHER = "other"


class LearningForm(StrEnum):
    FORMAL = "formal"
    NON_FORMAL = "non_formal"
    INFORMAL = "informal"


class SupportKind(StrEnum):
    TIME = "time"
    BUDGET = "budget"
    PEOPLE = "people"
    ROOM_TO_EXPERIMENT = "room_to_experiment"


class Stage(StrEnum):
    """Where a cycle stands; derived from its events, never set directly."""

    PREPARING = "preparing"
    SESSION_HELD = "session_held"
    ON_BOARD = "on_board"
    PLAN_AGREED = "plan_agreed"
    FOLLOW_UP_SCHEDULED = "follow_up_scheduled"
    COMPLETED = "completed"
    CLOSED = "closed"


E = TypeVar("E", bound=StrEnum)


def parse_choice(enum: type[E], field: str, value: object) -> E:
    """The enum member for a value, or InvalidInput listing what is allowed."""
    try:
        return enum(str(value))
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise InvalidInput(NOT_ONE_OF, field, allowed=allowed) from None
