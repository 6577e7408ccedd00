"""Where a growth cycle stands, and what its stage still allows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.error_texts import CYCLE_CLOSED, CYCLE_COMPLETED, PREPARATIONS_CLOSED
from domain.errors import NotAllowedNow
from domain.vocabulary import Stage

if TYPE_CHECKING:  # the cycle's state imports this module: a runtime import would be circular
    from domain.cycle_state import CycleState


def stage_of(cycle: CycleState) -> Stage:
    if cycle.closed:
        return Stage.CLOSED
    if cycle.follow_up is not None:
        return Stage.COMPLETED
    if cycle.follow_up_on is not None:
        return Stage.FOLLOW_UP_SCHEDULED
    if cycle.approved_version is not None and cycle.approved_version == cycle.plan_version:
        return Stage.PLAN_AGREED
    if cycle.board is not None:
        return Stage.ON_BOARD
    if cycle.session is not None:
        return Stage.SESSION_HELD
    return Stage.PREPARING


def check_open(cycle: CycleState) -> None:
    if cycle.closed:
        raise NotAllowedNow(CYCLE_CLOSED)
    if cycle.follow_up is not None:
        raise NotAllowedNow(CYCLE_COMPLETED)


def check_preparing(cycle: CycleState) -> None:
    check_open(cycle)
    if cycle.session is not None:
        raise NotAllowedNow(PREPARATIONS_CLOSED)
