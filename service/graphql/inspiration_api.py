"""The API of inspiration: the inspiration cards (read by everyone signed in, changed by HR),
merging two backlog skills into one, and a card linked to a backlog skill after the session.

Changes to the deck take `ifVersion`, the deck's version the integrator read
(`inspirationCards.version`): a change made on an older deck is a conflict,
not a change to cards the caller did not see.
"""

from __future__ import annotations

from typing import Any

import strawberry

from domain.errors import InvalidInput
from domain.inspiration_cards import InspirationCard as CardDoc
from domain.vocabulary import SkillKind
from service.actor import Actor
from service.container import Services
from service.error_texts import ONE_INSPIRATION_CHANGE_PER_REQUEST
from service.graphql import inputs as i
from service.graphql import payloads as p
from service.graphql.answers import BACKLOG, Answer
from service.graphql.backlog_mutations import backlog_payload
from service.graphql.commands import Ctx, Refused, act, named, on_card
from service.graphql.context import run
from service.graphql.inputs import KEY_HELP, MUTATION_ID_HELP
from service.graphql.user_errors import UserError
from service.idempotency import Claim
from service.ids import bare_key
from service.inspiration_use_cases import InspirationDeckView

VERSION_HELP = "The deck's version you read (inspirationCards.version); a change on another "
VERSION_HELP += "version is refused as a conflict."


@strawberry.type(description="An example skill to start a preparation or a card from.")
class InspirationCard:
    id: strawberry.ID
    kind: SkillKind
    title_nl: str
    title_en: str
    example_nl: str = strawberry.field(description="A short user story with actions, in Dutch.")
    example_en: str
    retired: bool

    @classmethod
    def from_doc(cls, doc: CardDoc) -> InspirationCard:
        return cls(
            id=strawberry.ID(doc["id"]),
            kind=SkillKind(doc["kind"]),
            title_nl=doc["title_nl"],
            title_en=doc["title_en"],
            example_nl=doc["example_nl"],
            example_en=doc["example_en"],
            retired=doc["retired"],
        )


@strawberry.type(description="The inspiration cards and the deck's version they are of.")
class InspirationDeck:
    version: int = strawberry.field(description="0 while the deck is the built-in set.")
    cards: list[InspirationCard]

    @classmethod
    def from_view(cls, view: InspirationDeckView) -> InspirationDeck:
        return cls(version=view.version, cards=[InspirationCard.from_doc(c) for c in view.cards])


async def resolve_inspiration_cards(info: Ctx, include_retired: bool = False) -> InspirationDeck:
    view = await run(
        info, info.context.services.queries.inspiration_cards, include_retired=include_retired
    )
    return InspirationDeck.from_view(view)


inspiration_cards = strawberry.field(
    resolver=resolve_inspiration_cards,
    description="The inspiration cards people start from (the built-in set until HR "
    "changes it), active ones first.",
)


# -- changes to the deck --------------------------------------------------------------


@strawberry.input(description="A new inspiration card: a title in at least one language.")
class InspirationCardInput:
    kind: SkillKind
    title_nl: str = ""
    title_en: str = ""
    example_nl: str = ""
    example_en: str = ""
    if_version: int | None = strawberry.field(default=None, description=VERSION_HELP)
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.input(description="Reword or retire one inspiration card: one of the two.")
class InspirationCardChangeInput:
    card_id: strawberry.ID
    kind: SkillKind | None = None
    title_nl: str | None = None
    title_en: str | None = None
    example_nl: str | None = None
    example_en: str | None = None
    retire: bool = False
    if_version: int | None = strawberry.field(default=None, description=VERSION_HELP)
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.type
class InspirationCardPayload:
    card: InspirationCard | None = strawberry.field(
        description="The card added or changed; null if refused."
    )
    deck: InspirationDeck | None = strawberry.field(
        description="The deck as it is now; null if refused."
    )
    user_errors: list[UserError] = strawberry.field(description=p.ERRORS_HELP)
    client_mutation_id: str | None = strawberry.field(description=p.MUTATION_ID_HELP)


WORDING = ("kind", "title_nl", "title_en", "example_nl", "example_en")


def read_deck(services: Services, actor: Actor, card_id: Any) -> dict[str, Any]:
    view = services.queries.inspiration_cards(actor, include_retired=True)
    card = next((c for c in view.cards if c["id"] == card_id), None)
    return {"version": view.version, "cards": view.cards, "card": card}


DECK = Answer(read_deck, None)  # read from its aggregate


def _deck_payload(input: Any, outcome: Any) -> InspirationCardPayload:
    mutation_id = input.client_mutation_id
    if isinstance(outcome, Refused):
        return InspirationCardPayload(
            card=None, deck=None, user_errors=outcome.user_errors, client_mutation_id=mutation_id
        )
    card = outcome["card"]
    active = [c for c in outcome["cards"] if not c["retired"]]
    return InspirationCardPayload(
        card=InspirationCard.from_doc(card) if card is not None else None,
        deck=InspirationDeck(
            version=outcome["version"], cards=[InspirationCard.from_doc(c) for c in active]
        ),
        user_errors=[],
        client_mutation_id=mutation_id,
    )


@strawberry.mutation(description="HR adds an inspiration card.")
async def add_inspiration_card(
    info: Ctx, input: InspirationCardInput
) -> InspirationCardPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> str:
        details = {key: i.plain(getattr(input, key)) for key in WORDING}
        return services.app.add_inspiration_card(
            actor, details, if_version=input.if_version, idempotency=claim
        )

    def added(result: object | None, saved: object) -> object:
        return result

    outcome = await act(info, input, "addInspirationCard", write, added, DECK)
    return _deck_payload(input, outcome)


@strawberry.mutation(description="HR rewords or retires an inspiration card.")
async def change_inspiration_card(
    info: Ctx, input: InspirationCardChangeInput
) -> InspirationCardPayload | None:
    wording = {k: i.plain(getattr(input, k)) for k in WORDING if getattr(input, k) is not None}
    if bool(wording) == input.retire:
        refused = Refused(InvalidInput(ONE_INSPIRATION_CHANGE_PER_REQUEST, "card_id"))
        return _deck_payload(input, refused)
    card_id = str(input.card_id)

    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        app = services.app
        if input.retire:
            app.retire_inspiration_card(
                actor, card_id, if_version=input.if_version, idempotency=claim
            )
            return
        # Fields left out keep their wording: the card as it is, with what is given.
        current = next(
            (c for c in app.list_inspiration_cards(actor).cards if c["id"] == card_id), None
        )
        details = {k: current[k] for k in WORDING} if current else {}  # type: ignore[literal-required]
        app.reword_inspiration_card(
            actor,
            card_id,
            {**details, **wording},
            if_version=input.if_version,
            idempotency=claim,
        )

    outcome = await act(info, input, "changeInspirationCard", write, named(card_id), DECK)
    return _deck_payload(input, outcome)


# -- merging two backlog skills ---------------------------------------------------------


@strawberry.input(description="HR merges a skill into another: it is retired, and what "
                  "pointed at it counts for the other from now on.")  # fmt: skip
class MergeBacklogSkillsInput:
    skill_id: strawberry.ID = strawberry.field(description="The skill to merge (and retire).")
    into_skill_id: strawberry.ID = strawberry.field(description="The skill that stays.")
    if_version: int | None = strawberry.field(
        default=None, description="The backlog's version you read; another is a conflict."
    )
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.type
class MergeBacklogSkillsPayload(p.BacklogResult):
    pass


@strawberry.mutation(description="HR merges two wordings of one skill of the company backlog.")
async def merge_backlog_skills(
    info: Ctx, input: MergeBacklogSkillsInput
) -> MergeBacklogSkillsPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.merge_backlog_skills(
            actor,
            str(input.skill_id),
            str(input.into_skill_id),
            if_version=input.if_version,
            idempotency=claim,
        )

    target = named(str(bare_key(input.into_skill_id)))
    outcome = await act(info, input, "mergeBacklogSkills", write, target, BACKLOG)
    return backlog_payload(MergeBacklogSkillsPayload, input, outcome)


# -- a card linked to a backlog skill after the session ---------------------------------


@strawberry.input(description="Point a card of the session at a backlog skill, or at none.")
class LinkCardToBacklogInput:
    cycle_id: strawberry.ID
    card_id: strawberry.ID
    backlog_skill_id: strawberry.ID | None = strawberry.field(
        default=None, description="null: the card points at no skill."
    )
    idempotency_key: str | None = strawberry.field(default=None, description=KEY_HELP)
    client_mutation_id: str | None = strawberry.field(default=None, description=MUTATION_ID_HELP)


@strawberry.type
class LinkCardToBacklogPayload(p.CardResult):
    pass


@strawberry.mutation(description="The employee or the manager links a card to a backlog skill.")
async def link_card_to_backlog(
    info: Ctx, input: LinkCardToBacklogInput
) -> LinkCardToBacklogPayload | None:
    def write(services: Services, actor: Actor, claim: Claim | None) -> None:
        services.app.link_card_to_backlog(
            actor,
            input.cycle_id,
            card_id=str(input.card_id),
            backlog_skill_id=input.backlog_skill_id,
            idempotency=claim,
        )

    return await on_card(info, input, "linkCardToBacklog", write, LinkCardToBacklogPayload)
