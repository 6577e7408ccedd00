"""The domain's refusals: a stable code and an English text for each.

A code names the rule (`area.reason`) and never changes once integrators may
have seen it; the text may be reworded, and then its translation in
`web/translations/*/LC_MESSAGES/messages.po` is moved with it (a unit test
fails until it is). `{field}` is the input's name as the use case spells it
(GraphQL's `extensions.field` has it as the API spells it); a text that
names it says the same in `beside_field` for a page that shows it next to
that input.
"""

from __future__ import annotations

from domain.errors import ErrorText

# -- values of any field -------------------------------------------------------

REQUIRED = ErrorText("value.required", "{field} is required.", "This field is required.")
NOT_TEXT = ErrorText("text.not_text", "{field} must be text.", "This must be text.")
TOO_LONG = ErrorText(
    "text.too_long",
    "{field} is too long: {length} characters, at most {limit}.",
    "This is too long: {length} characters, at most {limit}.",
)
CONTROL_CHARACTER = ErrorText(
    "text.control_character",
    "{field} contains a control character.",
    "This contains a control character.",
)
NOT_A_TEXT_LIST = ErrorText(
    "text.not_a_list", "{field} must be a list of texts.", "This must be a list of texts."
)
TOO_MANY_ENTRIES = ErrorText(
    "text.too_many_entries",
    "{field} has {count} entries, at most {limit}.",
    "This has {count} entries, at most {limit}.",
)
NOT_A_LIST = ErrorText("value.not_a_list", "{field} must be a list.", "This must be a list.")
NOT_ONE_OF = ErrorText(
    "value.not_one_of", "{field} must be one of: {allowed}.", "This must be one of: {allowed}."
)
NOT_TRUE_OR_FALSE = ErrorText(
    "value.not_boolean", "{field} must be true or false.", "This must be true or false."
)
NOT_A_WHOLE_NUMBER = ErrorText(
    "value.not_whole", "{field} must be a whole number.", "This must be a whole number."
)
NOT_A_POSITION = ErrorText(
    "value.not_a_position",
    "{field} must be a whole number from 0.",
    "This must be a whole number from 0.",
)
NOT_ISO_DATE = ErrorText(
    "date.not_iso",
    "{field} is not a date (use YYYY-MM-DD).",
    "This is not a date (use YYYY-MM-DD).",
)
NOT_A_DATE = ErrorText("date.not_a_date", "{field} is not a date.", "This is not a date.")
DATE_OUT_OF_RANGE = ErrorText(
    "date.out_of_range",
    "{field} must lie between {first} and {last}.",
    "This date must lie between {first} and {last}.",
)

# -- the cycle and its stages ---------------------------------------------------

CYCLE_WITH_ONESELF = ErrorText(
    "cycle.with_oneself", "A manager cannot hold a growth cycle with themselves."
)
EMPLOYEE_LEADS_OWN_CYCLE = ErrorText(
    "cycle.led_by_employee", "An employee cannot lead their own growth cycle."
)
CYCLE_CLOSED = ErrorText("cycle.closed", "This cycle is closed.")
CYCLE_COMPLETED = ErrorText(
    "cycle.completed", "This cycle is completed; open the next cycle to go on."
)
CYCLE_ALREADY_CLOSED = ErrorText("cycle.already_closed", "This cycle is already closed.")
COMPLETED_NEEDS_NO_CLOSING = ErrorText(
    "cycle.completed_needs_no_closing", "This cycle is completed; it needs no closing."
)

# -- preparation -----------------------------------------------------------------

PREPARATIONS_CLOSED = ErrorText(
    "preparation.session_held", "The session has been held; preparations can no longer change."
)
PREPARATION_NOT_A_SET = ErrorText(
    "preparation.not_a_set", "A preparation must be a set of answers."
)
NOTHING_TO_GROW_IN = ErrorText(
    "preparation.nothing_to_grow_in",
    "Name at least one hard or soft skill to grow in before you submit.",
)
SKILL_PART_NOT_A_SET = ErrorText(
    "preparation.part_not_a_set",
    "The {kind} skills part must be a set of answers.",
    words=frozenset({"kind"}),
)
TOO_MANY_SKILLS_TO_GROW_IN = ErrorText(
    "preparation.too_many_skills_to_grow_in",
    "Choose at most {limit} {kind} skills to grow in.",
    words=frozenset({"kind"}),
)
GROWTH_ITEM_NOT_A_SET = ErrorText(
    "preparation.growth_item_not_a_set", "A growth item must be a set of answers."
)
SKILL_UNNAMED = ErrorText("preparation.skill_unnamed", "Name the skill these answers are about.")

# -- session, cards and board -----------------------------------------------------

FOUR_CARDS = ErrorText(
    "session.four_cards",
    "Write four candidate cards, two hard skills and two soft skills; "
    "now there are {hard} hard and {soft} soft.",
)
CARD_NOT_A_SET = ErrorText("session.card_not_a_set", "A card must be a set of fields.")
SESSION_BEFORE_CARDS = ErrorText(
    "board.session_not_held", "Hold the session before choosing the cards for the board."
)
CARDS_ALREADY_CHOSEN = ErrorText(
    "board.already_chosen", "The cards for this cycle's board have already been chosen."
)
CARD_CHOSEN_TWICE = ErrorText("board.card_chosen_twice", "The same card was chosen twice.")
THREE_CARDS = ErrorText(
    "board.three_cards",
    "Choose {limit} of the four cards for the board ({count} chosen now): working on "
    "three skills at a time keeps each of them moving.",
)
CARD_NOT_OF_SESSION = ErrorText(
    "board.card_not_of_session", "A chosen card is not one of this session's cards."
)
BOARD_EMPTY = ErrorText("board.empty", "This cycle has no cards on its board yet.")
CARD_NOT_ON_BOARD = ErrorText("board.card_not_on_board", "That card is not on this cycle's board.")

# -- the POP -----------------------------------------------------------------------

POP_AFTER_SESSION = ErrorText(
    "plan.session_not_held", "The POP is written after the session has been held."
)
PLAN_NOT_A_SET = ErrorText(
    "plan.not_a_set", "A plan must be a set of goals, activities and support."
)
NO_GOALS = ErrorText("plan.no_goals", "A plan needs at least one goal.")
TOO_MANY_GOALS = ErrorText("plan.too_many_goals", "At most {limit} goals.")
TOO_MANY_ACTIVITIES = ErrorText("plan.too_many_activities", "At most {limit} activities.")
TOO_MANY_SUPPORT = ErrorText("plan.too_many_support", "At most {limit} kinds of support.")
GOAL_NOT_A_SET = ErrorText(
    "plan.goal_not_a_set", "A goal must have a description, a measure and a deadline."
)
GOAL_WITHOUT_MEASURE = ErrorText(
    "plan.goal_without_measure", "Say how you will know the goal is reached (the M of SMART)."
)
GOAL_WITHOUT_DEADLINE = ErrorText(
    "plan.goal_without_deadline", "Give the goal a deadline (the T of SMART)."
)
DEADLINE_IN_THE_PAST = ErrorText(
    "plan.deadline_in_the_past",
    "The deadline lies in the past; a SMART goal is time-bound in the future.",
)
ACTIVITY_NOT_A_SET = ErrorText("plan.activity_not_a_set", "An activity must be a set of fields.")
SUPPORT_NOT_A_SET = ErrorText("plan.support_not_a_set", "Support must be a kind and a description.")
PLAN_UNCHANGED = ErrorText("plan.unchanged", "Nothing changed compared with the current version.")
NO_POP_YET = ErrorText("plan.none_yet", "There is no POP to approve yet.")
NO_SUCH_VERSION = ErrorText("plan.no_such_version", "This POP has no version {version}.")
VERSION_REPLACED = ErrorText(
    "plan.version_replaced",
    "Version {version} has been replaced by version {current}; "
    "read and approve the current version.",
)
ALREADY_APPROVED = ErrorText(
    "plan.already_approved",
    "The {party} has already approved version {version}.",
    words=frozenset({"party"}),
)

# -- the follow-up ------------------------------------------------------------------

FOLLOW_UP_AT_SESSION = ErrorText(
    "follow_up.session_not_held", "A follow-up is agreed at the session; hold the session first."
)
FOLLOW_UP_NOT_SCHEDULED = ErrorText(
    "follow_up.not_scheduled", "Schedule the follow-up before completing it."
)
MONTHS_OR_DATE = ErrorText("follow_up.months_or_date", "Give either a number of months or a date.")
MONTHS_NOT_OFFERED = ErrorText("follow_up.months", "A follow-up comes after 3, 6 or 12 months.")
FOLLOW_UP_BEFORE_SESSION = ErrorText(
    "follow_up.due_before_session", "The follow-up must come after the session."
)
HELD_BEFORE_SESSION = ErrorText(
    "follow_up.held_before_session", "The follow-up cannot be held before the session."
)
SHOW_AND_TELL_TOO_EARLY = ErrorText(
    "follow_up.show_and_tell_too_early", "The show & tell comes after the follow-up."
)

# -- show & tell -------------------------------------------------------------------

SHOW_AND_TELL_AFTER_CARDS = ErrorText(
    "show_and_tell.after_cards",
    "A show & tell is planned once the three cards are on the board: they are what you show.",
)
SHOW_AND_TELL_IN_THE_PAST = ErrorText(
    "show_and_tell.in_the_past",
    "Plan the show & tell for today or later: the team hears of it ahead of time.",
)
SHOW_AND_TELL_NOT_PLANNED = ErrorText(
    "show_and_tell.not_planned", "No show & tell is planned, so there is nothing to call off."
)

# -- people -------------------------------------------------------------------------

NOT_AN_EMAIL = ErrorText("person.not_an_email", "That is not an e-mail address.")
EMAIL_TAKEN = ErrorText("person.email_claimed", "This e-mail address is already registered.")
OWN_MANAGER = ErrorText("person.own_manager", "A person cannot be their own manager.")
LANGUAGE_NOT_OFFERED = ErrorText(
    "person.language_not_offered", "{field} must be nl or en.", "This must be nl or en."
)
NO_SUCH_ROLE = ErrorText(
    "person.no_such_role", "{field} must be hr or admin.", "This must be hr or admin."
)
HAS_ROLE = ErrorText(
    "person.has_role", "{name} already has the role {role}.", words=frozenset({"role"})
)
LACKS_ROLE = ErrorText(
    "person.lacks_role", "{name} does not have the role {role}.", words=frozenset({"role"})
)
EXTERNAL_ID_CLAIMED = ErrorText(
    "person.external_id_claimed", "This external id is already someone else's."
)
ALREADY_DEACTIVATED = ErrorText(
    "person.already_deactivated", "{name} has already been deactivated."
)
LEFT_BEFORE_START = ErrorText(
    "person.left_before_start",
    "{field} cannot lie before the start date, {start}.",
    "This cannot lie before the start date, {start}.",
)
LINK_FOR_LEAVER = ErrorText(
    "person.sign_in_link_for_leaver", "{name} has left: they can no longer be given a sign-in link."
)

# -- the company backlog ------------------------------------------------------------

BACKLOG_SKILL_NOT_A_SET = ErrorText(
    "backlog.skill_not_a_set", "A backlog skill must be a set of fields."
)
NO_SUCH_BACKLOG_SKILL = ErrorText("backlog.no_such_skill", "There is no such skill on the backlog.")
BACKLOG_SKILL_RETIRED = ErrorText(
    "backlog.skill_retired", "This skill has been retired from the backlog."
)
BACKLOG_FULL = ErrorText("backlog.full", "The backlog holds at most {limit} skills.")
DUPLICATE_BACKLOG_SKILL = ErrorText(
    "backlog.duplicate_description", "The backlog already has a skill with this description."
)
NOT_A_BACKLOG_SKILL_ID = ErrorText(
    "backlog.not_a_skill_id", "That is not a valid backlog skill id."
)
MERGE_INTO_ITSELF = ErrorText(
    "backlog.merge_into_itself", "A skill cannot be merged into itself: choose another skill."
)

# -- inspiration cards ------------------------------------------------------------

INSPIRATION_CARD_NOT_A_SET = ErrorText(
    "inspiration.card_not_a_set", "An inspiration card must be a set of fields."
)
NO_SUCH_INSPIRATION_CARD = ErrorText(
    "inspiration.no_such_card", "There is no such inspiration card."
)
INSPIRATION_CARD_RETIRED = ErrorText(
    "inspiration.card_retired", "This inspiration card has been retired."
)
INSPIRATION_DECK_FULL = ErrorText(
    "inspiration.deck_full", "There are at most {limit} inspiration cards."
)
DUPLICATE_INSPIRATION_CARD = ErrorText(
    "inspiration.duplicate_title", "There already is an inspiration card with this title."
)

# -- a card linked to the backlog after the session ------------------------------

CARD_NOT_OF_THIS_SESSION = ErrorText(
    "session.no_such_card", "That card is not one of this session's cards."
)

# -- webhooks ---------------------------------------------------------------------

NOT_A_URL = ErrorText("webhook.not_a_url", "That is not a URL.")
URL_SCHEME = ErrorText("webhook.url_scheme", "A webhook URL starts with https:// (or http://).")
URL_WITHOUT_HOST = ErrorText("webhook.url_without_host", "A webhook URL names a host.")
URL_WITH_CREDENTIALS = ErrorText(
    "webhook.url_with_credentials",
    "Leave the user name and password out of the URL: it shows in the audit trail. "
    "Check the signature of each delivery instead.",
)
URL_WITH_FRAGMENT = ErrorText("webhook.url_with_fragment", "A webhook URL has no #fragment.")
NOT_EVENT_KINDS = ErrorText("webhook.not_event_kinds", "eventKinds must be a list of event kinds.")
UNKNOWN_EVENT_KIND = ErrorText(
    "webhook.unknown_event_kind",
    "{kind} is not an event kind Groeispurt offers (for example GrowthCycle.CardMoved).",
)
NO_EVENT_KIND = ErrorText("webhook.no_event_kind", "Choose at least one kind of event.")

# -- the session at the table: candidate cards written together (seed 000) ------------

CARDS_SETTLED = ErrorText(
    "session.cards_settled",
    "The session has been held: its four candidate cards are settled. "
    "Choose three of them for the board.",
)
NO_SUCH_CANDIDATE = ErrorText(
    "session.no_such_candidate",
    "This candidate card is no longer there: it was removed. Write it again if you still want it.",
)
KIND_FULL = ErrorText(
    "session.kind_full",
    "The session writes two hard and two soft skill cards (question 4 of the preparation); "
    "there are already {limit} {kind} skill cards. Change or remove one of them first.",
    words=frozenset({"kind"}),
)
CANDIDATE_UNCHANGED = ErrorText(
    "session.candidate_unchanged", "Nothing changed compared with the card as it is."
)

# -- the session report (verslag), approved by both like the POP (seed 001) -----------

REPORT_AFTER_SESSION = ErrorText(
    "report.session_not_held", "The session report is written once the session has been held."
)
REPORT_UNCHANGED = ErrorText(
    "report.unchanged", "Nothing changed compared with the current version of the report."
)
NO_REPORT_YET = ErrorText("report.none_yet", "There is no session report to approve yet.")
NO_SUCH_REPORT_VERSION = ErrorText(
    "report.no_such_version", "This session report has no version {version}."
)
# -- the question set --------------------------------------------------------------

QUESTION_NOT_A_SET = ErrorText(
    "questions.question_not_a_set", "A question must be a set of fields."
)
QUESTION_FOR_NOBODY = ErrorText(
    "questions.for_nobody",
    "Write the question for the employee, for the manager, or for both.",
)
NO_SUCH_QUESTION = ErrorText("questions.no_such_question", "There is no such question in the set.")
QUESTION_RETIRED = ErrorText(
    "questions.question_retired", "This question has been retired from the set."
)
QUESTION_SET_FULL = ErrorText("questions.full", "The question set holds at most {limit} questions.")
DUPLICATE_QUESTION = ErrorText(
    "questions.duplicate", "The set already asks this question in this part."
)
QUESTIONS_ALREADY_ASKED = ErrorText(
    "questions.already_asked", "This cycle already has its questions: they stay as it began."
)
ANSWERS_NOT_A_SET = ErrorText(
    "preparation.answers_not_a_set", "The answers must be a set of texts, one per question."
)
NOT_ASKED = ErrorText(
    "preparation.not_asked",
    "{field} answers a question this cycle does not ask you.",
    "This cycle does not ask you this question.",
)
