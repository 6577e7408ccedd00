"""Mutations: one per use case, each through the same service method the pages call.

The fields are written by area (cycle, board, people, backlog); listed here in
the order schema.graphql has always had, so the API's contract reads the same.
"""

from __future__ import annotations

import strawberry

from service.graphql import backlog_mutations as backlog
from service.graphql import board_mutations as board
from service.graphql import cycle_mutations as cycle
from service.graphql import inspiration_api as inspiration
from service.graphql import people_mutations as people
from service.graphql import question_mutations as questions
from service.graphql import session_mutations as session
from service.graphql import webhook_mutations as webhooks


@strawberry.type
class Mutation:
    save_preparation_draft = cycle.save_preparation_draft
    submit_preparation = cycle.submit_preparation
    hold_session = cycle.hold_session
    select_cards = board.select_cards
    move_card = board.move_card
    set_card_visibility = board.set_card_visibility
    write_plan = cycle.write_plan
    approve_plan = cycle.approve_plan
    schedule_follow_up = cycle.schedule_follow_up
    complete_follow_up = cycle.complete_follow_up
    close_cycle = cycle.close_cycle
    open_cycle = cycle.open_cycle
    hand_cycle_to_coach = cycle.hand_cycle_to_coach
    register_person = people.register_person
    change_person = people.change_person
    deactivate_person = people.deactivate_person
    grant_role = people.grant_role
    revoke_role = people.revoke_role
    add_backlog_skill = backlog.add_backlog_skill
    change_backlog_skill = backlog.change_backlog_skill
    add_question = questions.add_question
    change_question = questions.change_question
    merge_backlog_skills = inspiration.merge_backlog_skills
    link_card_to_backlog = inspiration.link_card_to_backlog
    add_inspiration_card = inspiration.add_inspiration_card
    change_inspiration_card = inspiration.change_inspiration_card
    register_webhook = webhooks.register_webhook
    change_webhook = webhooks.change_webhook
    disable_webhook = webhooks.disable_webhook
    enable_webhook = webhooks.enable_webhook
    save_candidate_card = session.save_candidate_card
    remove_candidate_card = session.remove_candidate_card
    write_session_report = session.write_session_report
    approve_session_report = session.approve_session_report
    plan_show_and_tell = cycle.plan_show_and_tell
    call_off_show_and_tell = cycle.call_off_show_and_tell
    show_board_to_team = board.show_board_to_team
