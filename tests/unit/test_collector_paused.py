"""Pausing the cyclic collector for a fold leaves the process as it found it, even on failure.

(That large batches fold with it paused is a speed trick, checked by `python -m bench --checks`.)
"""

from __future__ import annotations

import gc

import pytest

from projections.runner import collector_paused


def test_a_fold_that_fails_still_turns_the_collector_back_on() -> None:
    seen: list[bool] = []

    def failing_fold() -> None:
        with collector_paused():
            seen.append(gc.isenabled())
            raise RuntimeError("a fold failed")

    with pytest.raises(RuntimeError):
        failing_fold()
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_small_batch_leaves_the_collector_on() -> None:
    with collector_paused(pause=False):
        assert gc.isenabled()
