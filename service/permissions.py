"""Which party of a cycle may run which cycle use case.

One table, so the pages, the GraphQL API and the authorisation-matrix test
all read the same rules. HR is in no row: HR audits cycles but never acts
inside one on somebody's behalf.
"""

from __future__ import annotations

from domain.vocabulary import Party

EMPLOYEE = frozenset({Party.EMPLOYEE})
MANAGER = frozenset({Party.MANAGER})
BOTH = frozenset({Party.EMPLOYEE, Party.MANAGER})

CYCLE_ACTIONS: dict[str, frozenset[Party]] = {
    "save_preparation_draft": BOTH,
    "submit_preparation": BOTH,
    "hold_session": MANAGER,
    "select_cards": BOTH,  # chosen together at the session
    "move_card": EMPLOYEE,  # the board is the employee's own reminder
    "write_plan": MANAGER,
    "approve_plan": BOTH,
    "schedule_follow_up": MANAGER,
    "complete_follow_up": BOTH,  # the retrospective is written together
    "close_cycle": MANAGER,
}
