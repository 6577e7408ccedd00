"""The audit trail says what happened in a sentence of the page's language."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from web.audit_sentences import SENTENCES, sentence

NAMES = {"p-lotte": "Lotte Maes", "p-pieter": "Pieter Claes", "p-mia": "Marieke Jansen"}


def say(kind: str, changes: Mapping[str, object], language: str = "nl") -> str:
    return sentence(
        kind,
        changes,
        actor="Marieke Jansen",
        subject="Lotte Maes",
        names=NAMES,
        language=language,
    )


def test_an_approval_reads_as_the_hand_outs_would_say_it() -> None:
    assert (
        say("PlanApproved", {"party": "manager", "version": 2})
        == "Marieke Jansen keurde versie 2 van het POP van Lotte Maes goed."
    )
    assert (
        say("PlanApproved", {"party": "manager", "version": 2}, "en")
        == "Marieke Jansen approved version 2 of the POP of Lotte Maes."
    )


def test_columns_people_and_days_are_said_in_the_pages_language() -> None:
    moved = {"card_id": "c", "from_column": "todo", "to_column": "doing", "position": 0}
    assert say("CardMoved", moved) == (
        "Marieke Jansen verplaatste een kaartje van Lotte Maes van Te doen naar Bezig."
    )
    handed: dict[str, object] = {"from_manager_id": "p-mia", "to_manager_id": "p-pieter"}
    assert say("ManagerHandedOver", handed, "en").endswith("from Marieke Jansen to Pieter Claes.")
    assert say("ManagerHandedOver", {"from_manager_id": "p-mia", "to_manager_id": None}).endswith(
        "aan niemand."
    )
    assert "op 7 dec 2026." in say("FollowUpScheduled", {"due_on": "2026-12-07"})
    assert "on 7 Dec 2026." in say("FollowUpScheduled", {"due_on": "2026-12-07"}, "en")


def test_a_card_hidden_again_is_not_said_to_be_shown() -> None:
    assert "verborg" in say("CardVisibilityChanged", {"card_id": "c", "visible": False})
    assert "toonde" in say("CardVisibilityChanged", {"card_id": "c", "visible": True})


def test_a_kind_without_a_sentence_is_named_rather_than_left_out() -> None:
    assert say("SomethingNew", {"x": 1}) == "Marieke Jansen: SomethingNew"


@pytest.mark.parametrize("kind", sorted(SENTENCES))
def test_every_sentence_is_in_the_dutch_catalogue_and_reads_without_its_fields(kind: str) -> None:
    dutch, english = say(kind, {}), say(kind, {}, "en")
    assert dutch != english, f"{kind} has no Dutch sentence"
    assert "{" not in dutch


def test_a_sign_in_link_says_what_it_is_for_and_until_when_never_its_token() -> None:
    made: dict[str, object] = {"purpose": "invitation", "expires_at": "2026-12-14T09:00:00+00:00"}
    assert say("SignInLinkIssued", made) == (
        "Marieke Jansen maakte een uitnodigingslink voor Lotte Maes, geldig tot 14 dec 2026 09:00."
    )
    reset = {**made, "purpose": "password_reset"}
    assert say("SignInLinkIssued", reset, "en") == (
        "Marieke Jansen made a password reset link for Lotte Maes, working until 14 Dec 2026 09:00."
    )
