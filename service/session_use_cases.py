"""Use cases of the session at the table and its report: both parties write.

The employee and the manager write the candidate cards together (seed 000),
and either writes the session report, which counts once both approved the
same version (seed 001). A change to a card names the version it was made
to: when the other party changed the card in between, the change is refused
as a conflict that says so, rather than silently undoing theirs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from domain.session_cards import existing_candidate
from service.actor import Actor
from service.error_texts import CANDIDATE_CARD_CHANGED
from service.errors import Conflict
from service.ids import IdOrText, bare_key
from service.use_case_host import UseCaseHost

if TYPE_CHECKING:
    from domain.growth_cycle import GrowthCycle
    from domain.vocabulary import Party
    from service.idempotency import Claim


class SessionUseCases(UseCaseHost):
    if TYPE_CHECKING:

        def _cycle_for(
            self, actor: Actor, cycle_id: Any, action: str
        ) -> tuple[GrowthCycle, Party]: ...
        def _save(
            self, actor: Actor, cycle: GrowthCycle, idempotency: Claim | None = None
        ) -> None: ...
        def _check_references(self, references: Iterable[tuple[str, str | None]]) -> None: ...

    # -- the session at the table ------------------------------------------------

    def save_candidate_card(
        self,
        actor: Actor,
        cycle_id: IdOrText,
        card: Any,
        *,
        card_id: str | None = None,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> str:
        """Writes a new candidate card (no `card_id`) or changes one; returns its id.

        A change names the version it was made to (`if_version`); when the card
        has moved on since, nothing is saved and the Conflict says which version
        it is at now.
        """
        cycle, party = self._cycle_for(actor, cycle_id, "save_candidate_card")
        if card_id is None:
            new_id = cycle.write_candidate_card(party, card)
            self._check_card_reference(cycle, new_id)
            self._save(actor, cycle, idempotency)
            return new_id
        key = str(bare_key(card_id))
        self._check_version(cycle, key, if_version)
        if cycle.change_candidate_card(party, key, card):
            self._check_card_reference(cycle, key)
            self._save(actor, cycle, idempotency)
        return key

    def remove_candidate_card(
        self,
        actor: Actor,
        cycle_id: IdOrText,
        card_id: str,
        *,
        if_version: int | None = None,
        idempotency: Claim | None = None,
    ) -> None:
        cycle, party = self._cycle_for(actor, cycle_id, "remove_candidate_card")
        key = str(bare_key(card_id))
        self._check_version(cycle, key, if_version)
        cycle.remove_candidate_card(party, key)
        self._save(actor, cycle, idempotency)

    def hold_session_from_candidates(
        self,
        actor: Actor,
        cycle_id: IdOrText,
        *,
        held_on: Any,
        notes: Any,
        idempotency: Claim | None = None,
    ) -> None:
        """Records the session with the four candidate cards written at the table."""
        cycle, _ = self._cycle_for(actor, cycle_id, "hold_session")
        cycle.hold_session(held_on=held_on, notes=notes)
        self._save(actor, cycle, idempotency)

    # -- the session report --------------------------------------------------------

    def write_session_report(
        self, actor: Actor, cycle_id: IdOrText, text: Any, *, idempotency: Claim | None = None
    ) -> int:
        """Drafts the session report or revises it; returns the new version number."""
        cycle, party = self._cycle_for(actor, cycle_id, "write_session_report")
        version = cycle.write_session_report(party, text)
        self._save(actor, cycle, idempotency)
        return version

    def approve_session_report(
        self, actor: Actor, cycle_id: IdOrText, version: Any, *, idempotency: Claim | None = None
    ) -> None:
        cycle, party = self._cycle_for(actor, cycle_id, "approve_session_report")
        cycle.approve_session_report(party, version)
        self._save(actor, cycle, idempotency)

    # -- helpers -------------------------------------------------------------------

    def _check_version(self, cycle: GrowthCycle, card_id: str, if_version: int | None) -> None:
        if if_version is None:
            return
        current = existing_candidate(cycle.candidate_cards, card_id)["version"]
        if current != if_version:
            raise Conflict(CANDIDATE_CARD_CHANGED, None, version=current)

    def _check_card_reference(self, cycle: GrowthCycle, card_id: str) -> None:
        skill = cycle.candidate_cards[card_id]["backlog_skill_id"]
        self._check_references([("card.backlog_skill_id", skill)])
