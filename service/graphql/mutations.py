"""Mutations: one per use case, each through the same service method the pages call.

Every mutation runs inside `IdempotencyKeys.once`, so a retry with the same
key returns the first answer instead of acting again, and answers with the
object it changed, read from the read models (which the save has already
brought up to date).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.types import Info

from domain.errors import InvalidInput
from projections.board import employee_of_cycle
from projections.people import get_person_row
from service.actor import Actor
from service.container import Services
from service.errors import NotFound
from service.graphql import inputs as i
from service.graphql.context import Context
from service.graphql.types import BacklogSkill, Board, Cycle, Person
from service.ids import as_uuid

Ctx = Info[Context, None]
Doc = dict[str, Any]


async def _act(
    info: Ctx, key: str | None, operation: str, command: Callable[[Services, Actor], Doc]
) -> Doc:
    services, context = info.context.services, info.context

    def act() -> Doc:
        actor = context.who()
        return services.idempotency.once(
            actor,
            key,
            operation,
            lambda: command(services, actor),
            lambda doc: doc,
            lambda doc: doc,
        )

    return await run_in_threadpool(act)


def _cycle(services: Services, actor: Actor, cycle_id: Any) -> Doc:
    doc = services.queries.cycle(actor, cycle_id)
    if doc is None:
        raise NotFound("There is no such cycle.")
    return doc


def _board_of_cycle(services: Services, actor: Actor, cycle_id: Any) -> Doc:
    employee = employee_of_cycle(services.database, str(cycle_id))
    board = services.queries.board_of(actor, employee, cycle_id) if employee else None
    if board is None:
        raise NotFound("There is no such board.")
    return board


def _person(services: Services, person_id: Any) -> Doc:
    row = get_person_row(services.database, str(person_id))
    if row is None:
        raise NotFound("There is no such person.")
    return row


def _command(name: str, call: Callable[[Services, Actor, Any], Any], answer: type) -> Any:
    """A mutation that runs one use case on a cycle and answers with the cycle or its board."""
    read, shape = (_cycle, Cycle.from_doc) if answer is Cycle else (_board_of_cycle, Board.from_doc)

    async def resolve(self: Any, info: Ctx, input: Any) -> Any:
        def command(services: Services, actor: Actor) -> Doc:
            call(services, actor, input)
            return read(services, actor, input.cycle_id)

        return shape(await _act(info, input.idempotency_key, name, command))

    resolve.__annotations__["return"] = answer
    return resolve


def _cycle_command(name: str, call: Callable[[Services, Actor, Any], Any]) -> Any:
    return _command(name, call, Cycle)


def _board_command(name: str, call: Callable[[Services, Actor, Any], Any]) -> Any:
    return _command(name, call, Board)


def _typed(resolve: Any, input_type: type) -> Any:
    resolve.__annotations__ = {**resolve.__annotations__, "input": input_type}
    return resolve


@strawberry.type
class Mutation:
    @strawberry.mutation(description="The employee's manager opens a growth cycle.")
    async def open_cycle(self, info: Ctx, input: i.OpenCycleInput) -> Cycle:
        def command(services: Services, actor: Actor) -> Doc:
            cycle_id = services.app.open_cycle(
                actor,
                employee_id=as_uuid(input.employee_id),
                planned_session_on=input.planned_session_on.isoformat(),
            )
            return _cycle(services, actor, cycle_id)

        return Cycle.from_doc(await _act(info, input.idempotency_key, "openCycle", command))

    save_preparation_draft: Cycle = strawberry.mutation(
        resolver=_typed(
            _cycle_command(
                "savePreparationDraft",
                lambda s, a, n: s.app.save_preparation_draft(a, n.cycle_id, n.answers),
            ),
            i.PreparationInput,
        ),
        description="Saves a draft only its author sees.",
    )
    submit_preparation: Cycle = strawberry.mutation(
        resolver=_typed(
            _cycle_command(
                "submitPreparation",
                lambda s, a, n: s.app.submit_preparation(a, n.cycle_id, n.answers),
            ),
            i.PreparationInput,
        ),
        description="Shares the preparation with the other party; may be resubmitted until the session.",
    )
    hold_session: Cycle = strawberry.mutation(
        resolver=_typed(
            _cycle_command(
                "holdSession",
                lambda s, a, n: s.app.hold_session(
                    a,
                    n.cycle_id,
                    held_on=n.held_on.isoformat(),
                    notes=n.notes,
                    cards=i.plain(n.cards),
                ),
            ),
            i.HoldSessionInput,
        ),
        description="The manager records the session and its candidate cards.",
    )
    select_cards: Board = strawberry.mutation(
        resolver=_typed(
            _board_command(
                "selectCards",
                lambda s, a, n: s.app.select_cards(a, n.cycle_id, [str(c) for c in n.card_ids]),
            ),
            i.SelectCardsInput,
        ),
        description="At most three cards go onto the board, in To do.",
    )
    move_card: Board = strawberry.mutation(
        resolver=_typed(
            _board_command(
                "moveCard",
                lambda s, a, n: s.app.move_card(
                    a,
                    n.cycle_id,
                    card_id=str(n.card_id),
                    to_column=n.to_column.value,
                    position=n.position,
                ),
            ),
            i.MoveCardInput,
        ),
        description="The employee moves a card; answers with the board.",
    )
    set_card_visibility: Board = strawberry.mutation(
        resolver=_typed(
            _board_command(
                "setCardVisibility",
                lambda s, a, n: s.app.set_card_visibility(
                    a, n.cycle_id, card_id=str(n.card_id), visible=n.visible
                ),
            ),
            i.CardVisibilityInput,
        ),
        description="The employee shows a card to the team, or hides it.",
    )
    write_plan: Cycle = strawberry.mutation(
        resolver=_typed(
            _cycle_command(
                "writePlan",
                lambda s, a, n: s.app.write_plan(
                    a,
                    n.cycle_id,
                    {
                        "goals": i.plain(n.goals),
                        "activities": i.plain(n.activities),
                        "support": i.plain(n.support),
                    },
                ),
            ),
            i.WritePlanInput,
        ),
        description="Drafts the POP or revises it into a new version.",
    )
    approve_plan: Cycle = strawberry.mutation(
        resolver=_typed(
            _cycle_command(
                "approvePlan", lambda s, a, n: s.app.approve_plan(a, n.cycle_id, n.version)
            ),
            i.ApprovePlanInput,
        ),
        description="A party approves a version; both approving the same version makes it count.",
    )
    schedule_follow_up: Cycle = strawberry.mutation(
        resolver=_typed(
            _cycle_command(
                "scheduleFollowUp",
                lambda s, a, n: s.app.schedule_follow_up(
                    a,
                    n.cycle_id,
                    months=n.months,
                    due_on=n.due_on.isoformat() if n.due_on else None,
                ),
            ),
            i.ScheduleFollowUpInput,
        ),
    )
    complete_follow_up: Cycle = strawberry.mutation(
        resolver=_typed(
            _cycle_command(
                "completeFollowUp",
                lambda s, a, n: s.app.complete_follow_up(
                    a,
                    n.cycle_id,
                    held_on=n.held_on.isoformat(),
                    went_well=n.went_well,
                    could_be_better=n.could_be_better,
                    show_and_tell_on=n.show_and_tell_on.isoformat() if n.show_and_tell_on else None,
                ),
            ),
            i.CompleteFollowUpInput,
        ),
        description="The retrospective: what went well, what could be better.",
    )
    close_cycle: Cycle = strawberry.mutation(
        resolver=_typed(
            _cycle_command(
                "closeCycle", lambda s, a, n: s.app.close_cycle(a, n.cycle_id, n.reason)
            ),
            i.CloseCycleInput,
        ),
    )

    @strawberry.mutation(description="HR registers a person.")
    async def register_person(self, info: Ctx, input: i.RegisterPersonInput) -> Person:
        def command(services: Services, actor: Actor) -> Doc:
            details = i.plain(input)
            details["manager_id"] = as_uuid(input.manager_id) if input.manager_id else None
            return _person(services, services.app.register_person(actor, **details))

        return Person.from_row(await _act(info, input.idempotency_key, "registerPerson", command))

    @strawberry.mutation(
        description="HR changes one detail of a person (manager, team, function, name, e-mail or phase)."
    )
    async def change_person(self, info: Ctx, input: i.ChangePersonInput) -> Person:
        changes = {
            k: v
            for k, v in vars(input).items()
            if k not in ("person_id", "idempotency_key")
            and v is not None
            and v is not strawberry.UNSET
        }
        if "manager_id" not in changes and input.manager_id is None:
            changes["manager_id"] = None  # an explicit null: no manager any more
        if len(changes) != 1:
            raise InvalidInput("Change exactly one detail per request.", "person_id")
        [(field, value)] = changes.items()

        def command(services: Services, actor: Actor) -> Doc:
            app, person = services.app, as_uuid(input.person_id)
            if field == "manager_id":
                app.change_manager(actor, person, as_uuid(value) if value else None)
            else:
                use_case = {
                    "team": app.change_team,
                    "function": app.change_function,
                    "name": app.change_name,
                    "email": app.change_email,
                    "development_phase": app.change_development_phase,
                }[field]
                use_case(actor, person, value)
            return _person(services, person)

        return Person.from_row(
            await _act(info, input.idempotency_key, f"changePerson.{field}", command)
        )

    @strawberry.mutation(description="An administrator grants a role (hr or admin).")
    async def grant_role(self, info: Ctx, input: i.RoleInput) -> Person:
        def command(services: Services, actor: Actor) -> Doc:
            services.app.grant_role(actor, as_uuid(input.person_id), input.role)
            return _person(services, input.person_id)

        return Person.from_row(await _act(info, input.idempotency_key, "grantRole", command))

    @strawberry.mutation(description="An administrator revokes a role.")
    async def revoke_role(self, info: Ctx, input: i.RoleInput) -> Person:
        def command(services: Services, actor: Actor) -> Doc:
            services.app.revoke_role(actor, as_uuid(input.person_id), input.role)
            return _person(services, input.person_id)

        return Person.from_row(await _act(info, input.idempotency_key, "revokeRole", command))

    @strawberry.mutation(
        description="HR adds a skill to the company backlog; answers with the backlog."
    )
    async def add_backlog_skill(self, info: Ctx, input: i.BacklogSkillInput) -> list[BacklogSkill]:
        def command(services: Services, actor: Actor) -> Doc:
            details = {k: v for k, v in i.plain(input).items() if k != "position"}
            services.app.add_backlog_skill(actor, details, input.position)
            return {"skills": services.queries.backlog(actor)}

        result = await _act(info, input.idempotency_key, "addBacklogSkill", command)
        return [BacklogSkill.from_doc(d) for d in result["skills"]]

    @strawberry.mutation(description="HR rewords, moves or retires one backlog skill.")
    async def change_backlog_skill(
        self, info: Ctx, input: i.BacklogChangeInput
    ) -> list[BacklogSkill]:
        wording = {
            k: getattr(input, k)
            for k in ("description", "inspiration", "kind", "horizon")
            if getattr(input, k) is not None
        }
        if sum([bool(wording), input.position is not None, input.retire]) != 1:
            raise InvalidInput("Reword, move or retire: one per request.", "skill_id")

        def command(services: Services, actor: Actor) -> Doc:
            app = services.app
            if input.retire:
                app.retire_backlog_skill(actor, str(input.skill_id))
            elif input.position is not None:
                app.move_backlog_skill(actor, str(input.skill_id), input.position)
            else:
                app.reword_backlog_skill(actor, str(input.skill_id), wording)
            return {"skills": services.queries.backlog(actor)}

        result = await _act(info, input.idempotency_key, "changeBacklogSkill", command)
        return [BacklogSkill.from_doc(d) for d in result["skills"]]
