"""The pages' own refusals: a stable code and an English text each (see `domain.error_texts`)."""

from __future__ import annotations

from domain.errors import ErrorText

NO_SUCH_PAGE = ErrorText("page.not_found", "There is no page at this address.")
NOBODY_CHOSEN = ErrorText("cycle.employee_not_chosen", "Choose the person the cycle is for.")
DEACTIVATION_NOT_CONFIRMED = ErrorText(
    "person.deactivation_not_confirmed",
    "Tick the box to confirm the deactivation.",
)
RETIREMENT_NOT_CONFIRMED = ErrorText(
    "backlog.retirement_not_confirmed",
    "Tick the box to confirm that the skill goes off the backlog.",
)
CARD_RETIREMENT_NOT_CONFIRMED = ErrorText(
    "inspiration.retirement_not_confirmed",
    "Tick the box to confirm that the card goes out of the inspiration cards.",
)
MERGE_NOT_CONFIRMED = ErrorText(
    "backlog.merge_not_confirmed",
    "Tick the box to confirm that the two skills become one.",
)
SAME_VERSION_TWICE = ErrorText(
    "plan.compared_with_itself",
    "Version {version} is chosen twice: choose two different versions to compare.",
)
QUESTION_RETIREMENT_NOT_CONFIRMED = ErrorText(
    "questions.retirement_not_confirmed",
    "Tick the box to confirm that the question goes out of the set.",
)
