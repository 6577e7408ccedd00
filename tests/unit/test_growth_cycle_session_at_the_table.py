"""The session at the table: both parties write the four candidate cards together (seed 000)."""

from __future__ import annotations

from typing import Any, cast

from domain.errors import InvalidInput, NotAllowedNow
from domain.growth_cycle import GrowthCycle
from domain.session_cards import story_of
from domain.vocabulary import Party, Stage
from tests.unit.given import CARD, cards, given, history, refused, replay, session_held, when


def written(party: Party = Party.EMPLOYEE, **card: Any) -> Any:
    return lambda c: c.write_candidate_card(party, dict(CARD, **card))


def four_written() -> tuple[Any, ...]:
    return tuple(
        written(Party.EMPLOYEE if i % 2 else Party.MANAGER, **story)
        for i, story in enumerate(cards())
    )


def ids(cycle: GrowthCycle) -> list[str]:
    return list(cycle.candidate_cards)


def test_the_employee_and_the_manager_both_write_candidate_cards() -> None:
    cycle = given()
    assert when(cycle, written(Party.EMPLOYEE)) == ["CandidateCardWritten"]
    assert when(cycle, written(Party.MANAGER, i_want_to="give feedback")) == [
        "CandidateCardWritten"
    ]
    assert [(c["party"], c["version"]) for c in cycle.candidate_cards.values()] == [
        ("employee", 1),
        ("manager", 1),
    ]


def test_a_change_makes_the_next_version_and_names_who_made_it() -> None:
    cycle = given(written(Party.EMPLOYEE))
    [card_id] = ids(cycle)
    change = lambda c: c.change_candidate_card(  # noqa: E731
        Party.MANAGER, card_id, dict(CARD, support="a mentor")
    )
    assert when(cycle, change) == ["CandidateCardChanged"]
    assert cycle.candidate_cards[card_id]["version"] == 2
    assert cycle.candidate_cards[card_id]["party"] == "manager"
    assert cycle.candidate_cards[card_id]["support"] == "a mentor"


def test_a_change_that_changes_nothing_records_nothing() -> None:
    cycle = given(written())
    [card_id] = ids(cycle)
    assert when(cycle, lambda c: c.change_candidate_card(Party.MANAGER, card_id, CARD)) == []


def test_a_third_card_of_one_kind_is_refused_with_the_rule() -> None:
    cycle = given(written(), written(i_want_to="test"))
    error = refused(cycle, written(i_want_to="deploy"), InvalidInput)
    assert error.code == "session.kind_full"
    assert error.field == "card.kind"
    assert error.params == {"limit": 2, "kind": "hard"}


def test_a_card_may_change_its_kind_while_the_other_kind_has_room() -> None:
    cycle = given(written(), written(i_want_to="test"))
    first = ids(cycle)[0]
    change = lambda c: c.change_candidate_card(Party.EMPLOYEE, first, dict(CARD, kind="soft"))  # noqa: E731
    assert when(cycle, change) == ["CandidateCardChanged"]


def test_a_removed_card_is_gone_and_its_place_is_free_again() -> None:
    cycle = given(written(), written(i_want_to="test"))
    first = ids(cycle)[0]
    assert when(cycle, lambda c: c.remove_candidate_card(Party.MANAGER, first)) == [
        "CandidateCardRemoved"
    ]
    assert first not in cycle.candidate_cards
    assert when(cycle, written(i_want_to="deploy")) == ["CandidateCardWritten"]
    assert first not in cycle.candidate_cards, "a new card gets a new id"


def test_changing_or_removing_a_removed_card_is_refused() -> None:
    cycle = given(written())
    [card_id] = ids(cycle)
    cycle.remove_candidate_card(Party.EMPLOYEE, card_id)
    cycle.collect_events()
    refused(cycle, lambda c: c.remove_candidate_card(Party.EMPLOYEE, card_id), NotAllowedNow)
    refused(cycle, lambda c: c.change_candidate_card(Party.EMPLOYEE, card_id, CARD), NotAllowedNow)


def test_the_session_takes_the_four_written_cards() -> None:
    cycle = given(*four_written())
    written_ids = ids(cycle)
    hold = lambda c: c.hold_session(held_on="2026-12-01", notes="")  # noqa: E731
    assert when(cycle, hold) == ["SessionHeld"]
    assert list(cycle.cards) == written_ids
    assert [c["i_want_to"] for c in cycle.cards.values()] == [f"skill {i}" for i in range(4)]
    assert cycle.stage is Stage.SESSION_HELD


def test_the_session_is_refused_until_there_are_two_hard_and_two_soft_cards() -> None:
    cycle = given(*four_written()[:3])
    error = refused(cycle, lambda c: c.hold_session(held_on="2026-12-01", notes=""), InvalidInput)
    assert error.code == "session.four_cards"
    assert error.params == {"hard": 2, "soft": 1}


def test_cards_given_all_at_once_still_hold_the_session() -> None:
    cycle = given(written())
    hold = lambda c: c.hold_session(held_on="2026-12-01", notes="", cards=cards())  # noqa: E731
    assert when(cycle, hold) == ["SessionHeld"]


def test_once_the_session_is_held_the_candidates_are_settled() -> None:
    cycle = given(session_held())
    error = refused(cycle, written(), NotAllowedNow)
    assert error.code == "session.cards_settled"


def test_the_cards_written_at_the_table_replay_to_the_same_cycle() -> None:
    cycle, events = history(*four_written())
    first = ids(cycle)[0]
    cycle.change_candidate_card(Party.MANAGER, first, dict(CARD, actions="pair"))
    cycle.remove_candidate_card(Party.EMPLOYEE, ids(cycle)[1])
    events += list(cycle.collect_events())  # type: ignore[arg-type]
    replayed = replay(events)
    assert replayed.candidate_cards == cycle.candidate_cards
    assert replayed.candidates_written == 4
    assert story_of(replayed.candidate_cards[first])["actions"] == "pair"


def test_a_cycle_stored_before_cards_were_written_at_the_table_has_none() -> None:
    cycle = given()
    assert cycle.candidate_cards == {}
    assert "candidate_cards" not in vars(cycle), "the default is the class's, never changed"


def test_a_snapshot_restores_the_cards_at_the_table_and_one_taken_before_them_has_none() -> None:
    from eventsourcing.domain import Snapshot

    restored_before = cast(GrowthCycle, Snapshot.take(given()).mutate(None))
    assert restored_before.candidate_cards == {}
    assert restored_before.report_versions == ()
    cycle = given(*four_written())
    after = cast(GrowthCycle, Snapshot.take(cycle).mutate(None))
    assert after.candidate_cards == cycle.candidate_cards
    assert after.candidates_written == 4
