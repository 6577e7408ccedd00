"""Which party of a cycle may run which cycle use case.

One table, so the pages, the GraphQL API and the authorisation-matrix test
all read the same rules. HR is in no row: HR audits cycles but never acts
inside one on somebody's behalf.
"""

from __future__ import annotations

from domain.vocabulary import Party
from service.actor import Actor

EMPLOYEE = frozenset({Party.EMPLOYEE})
MANAGER = frozenset({Party.MANAGER})
BOTH = frozenset({Party.EMPLOYEE, Party.MANAGER})

CYCLE_ACTIONS: dict[str, frozenset[Party]] = {
    "save_preparation_draft": BOTH,
    "submit_preparation": BOTH,
    "hold_session": MANAGER,
    "select_cards": BOTH,  # chosen together at the session
    "move_card": EMPLOYEE,  # the board is the employee's own reminder
    "set_card_visibility": EMPLOYEE,  # only the employee decides what the team may see
    "write_plan": MANAGER,
    "approve_plan": BOTH,
    "schedule_follow_up": MANAGER,
    "complete_follow_up": BOTH,  # the retrospective is written together
    "close_cycle": MANAGER,
    # The session at the table and its report (seeds 000, 001): written together.
    "save_candidate_card": BOTH,
    "remove_candidate_card": BOTH,
    "write_session_report": BOTH,
    "approve_session_report": BOTH,
    "link_card_to_backlog": BOTH,  # after the session, either party may find the skill
    "plan_show_and_tell": BOTH,  # either may announce it to the team
    "call_off_show_and_tell": BOTH,
}


def is_signed_in(actor: Actor) -> bool:
    """A person, or a token acting for the organisation (no person, but a role)."""
    return actor.person_id is not None or bool(actor.roles)


def may_manage_organisation(actor: Actor) -> bool:
    """HR and administrators change people and the company backlog; never with a read token."""
    return (actor.is_hr or actor.is_admin) and actor.may_write
