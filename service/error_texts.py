"""The service layer's refusals: a stable code and an English text for each.

As in `domain.error_texts`: a code (`area.reason`) never changes once
integrators may have seen it; its text may, and its translations in
`web/translations/*/LC_MESSAGES/messages.po` move with it. A code is one
reason, said the same whoever asks: an access refusal never gets a second
code that would tell a stranger more than the first (whether a thing exists).
"""

from __future__ import annotations

from domain.errors import ErrorText

# -- who asks ------------------------------------------------------------------

FORBIDDEN = ErrorText("access.forbidden", "You are not allowed to do this.")
SIGN_IN_FIRST = ErrorText("auth.sign_in_first", "Sign in first.")
SIGN_IN_AGAIN = ErrorText("auth.sign_in_again", "Sign in again.")
NO_CREDENTIALS = ErrorText("auth.no_credentials", "Send a bearer token or sign in first.")
NOT_A_BEARER_HEADER = ErrorText("auth.not_a_bearer_header", "Use: Authorization: Bearer <token>.")
# One answer for every refusal: wrong password, unknown address, too many tries.
SIGN_IN_REFUSED = ErrorText(
    "auth.sign_in_refused",
    "The e-mail address or the password is wrong. "
    "After several tries in a row, wait a minute before the next one.",
)
UNKNOWN_TOKEN = ErrorText("token.unknown", "This token is unknown or has been revoked.")
READ_ONLY_TOKEN = ErrorText("token.read_only", "This token may only read.")

# -- passwords -------------------------------------------------------------------

NOT_CURRENT_PASSWORD = ErrorText(
    "password.not_current",
    "This is not your current password (or there were several tries in a row: "
    "wait a minute before the next one).",
)
PASSWORD_NOT_TEXT = ErrorText("password.not_text", "The password must be text.")
PASSWORD_TOO_SHORT = ErrorText(
    "password.too_short",
    "A password needs at least {minimum} characters; "
    "a few words in a row are easy to remember and hard to guess.",
)
PASSWORD_TOO_LONG = ErrorText("password.too_long", "A password has at most {limit} characters.")
PASSWORD_TOO_COMMON = ErrorText(
    "password.too_common",
    "This password is on a list of common passwords that attackers try first. "
    "Choose another: a few unrelated words in a row work well.",
)
PASSWORD_TOO_SIMPLE = ErrorText(
    "password.too_simple",
    "A password of one character repeated, or of spaces only, is guessed at once. "
    "Choose a few words in a row.",
)

# -- one-time sign-in links (invitations, resets) ---------------------------------

# Said on the page the link opens: what happened to it, and what to do next.
LINK_UNKNOWN = ErrorText(
    "sign_in_link.unknown",
    "This link does not work. It may have been replaced by a newer one, or copied "
    "incompletely. Ask HR or an administrator for a new link.",
)
LINK_EXPIRED = ErrorText(
    "sign_in_link.expired",
    "This link expired on {expired_on}. Ask HR or an administrator for a new link.",
)
LINK_USED = ErrorText(
    "sign_in_link.used",
    "This link has already been used: it works once. Sign in with the password you "
    "chose, or ask HR or an administrator for a new link.",
)

# -- API tokens ------------------------------------------------------------------

TOKEN_NAME = ErrorText(
    "token.bad_name",
    "A token name is 1 to {limit} letters, digits, spaces, dots, dashes or underscores.",
)
TOKEN_SCOPE = ErrorText(
    "token.no_such_scope",
    "{field} must be read, audit or write.",
    "This must be read, audit or write.",
)
AUDIT_TOKEN_FOR_SOMEONE = ErrorText(
    "token.audit_acts_for_no_one",
    "An audit token reads with HR's rights and acts for no one: leave out --as.",
)
WRITE_TOKEN_FOR_NO_ONE = ErrorText(
    "token.write_needs_a_person",
    "A write token must act for a person (--as EMAIL), so that every change names who made it.",
)
NOBODY_WITH_EMAIL = ErrorText("token.nobody_with_email", "Nobody is registered with {email}.")
TOKEN_NAME_TAKEN = ErrorText("token.name_taken", "There is already a token named {name}.")
NO_SUCH_TOKEN = ErrorText("token.not_found", "There is no token named {name}.")

# -- ids, pages of lists, the shape of a request ---------------------------------

NOT_AN_ID = ErrorText("id.not_valid", "That is not a valid id.")
NOT_A_NODE_ID = ErrorText("id.not_a_node", "That is not an ID this API gave out.")
TOO_MANY_IDS = ErrorText("id.too_many", "Ask for at most {limit} IDs at once.")
UNKNOWN_CURSOR = ErrorText("page.unknown_cursor", "That cursor is not one this API gave out.")
PAGE_SIZE = ErrorText(
    "page.size_out_of_range",
    "{field} must be between 1 and {limit}.",
    "This must be between 1 and {limit}.",
)
NOT_A_NUMBER_OF_DAYS = ErrorText(
    "value.not_a_number_of_days",
    "{field} must be a number of days from 0 to {limit}.",
    "This must be a number of days from 0 to {limit}.",
)
ONE_DETAIL_PER_REQUEST = ErrorText(
    "request.one_detail_per_request", "Change exactly one detail per request."
)
ONE_BACKLOG_CHANGE_PER_REQUEST = ErrorText(
    "request.one_backlog_change_per_request", "Reword, move or retire: one per request."
)
ONE_QUESTION_CHANGE_PER_REQUEST = ErrorText(
    "request.one_question_change_per_request", "Reword, move or retire a question: one per request."
)
ONE_INSPIRATION_CHANGE_PER_REQUEST = ErrorText(
    "request.one_inspiration_change_per_request", "Reword or retire: one per request."
)
ONE_PERSON_KEY = ErrorText(
    "request.one_person_key", "Look a person up by either email or externalId: one of the two."
)
REQUEST_TOO_LARGE = ErrorText("request.too_large", "The request is larger than {limit_kib} KiB.")
NOT_JSON = ErrorText(
    "request.not_json", "Send the request as JSON, with Content-Type: application/json."
)
INTERNAL_ERROR = ErrorText("internal.unexpected", "Internal error (error id {error_id}).")

# -- idempotency keys --------------------------------------------------------------

KEY_LENGTH = ErrorText("idempotency.key_length", "idempotencyKey must be 1 to {limit} characters.")
KEY_REUSED = ErrorText(
    "idempotency.key_reused",
    "This idempotencyKey was already used for a different request (another "
    "mutation or other input). Use a new key for a new request.",
)
KEY_IN_USE = ErrorText(
    "idempotency.key_in_use", "The same request is still being handled; ask again in a moment."
)
KEY_TAKEN_OVER = ErrorText(
    "idempotency.key_taken_over",
    "This request took longer than {minutes} minutes and a retry with idempotencyKey "
    "'{key}' took over; this one saved nothing.",
)

# -- saving at the same moment as someone else ---------------------------------------

_TRY_AGAIN = "at the same moment; nothing was saved. Look at the current state and try again."
CHANGED_MEANWHILE = ErrorText(
    "conflict.changed_meanwhile", f"Someone else changed this {_TRY_AGAIN}"
)
CYCLE_CHANGED = ErrorText(
    "conflict.cycle_changed", f"Someone else changed growth cycle {{cycle_id}} {_TRY_AGAIN}"
)
CYCLES_CHANGED = ErrorText(
    "conflict.cycles_changed", f"Someone else changed this employee's cycles {_TRY_AGAIN}"
)
PERSON_CHANGED = ErrorText(
    "conflict.person_changed", f"Someone else changed person {{person_id}} {_TRY_AGAIN}"
)
PERSON_AND_CYCLE_CHANGED = ErrorText(
    "conflict.person_and_cycle_changed",
    f"Someone else changed person {{person_id}} and their cycle {_TRY_AGAIN}",
)
PEOPLE_CHANGED = ErrorText("conflict.people_changed", f"Someone else changed people {_TRY_AGAIN}")
SETTINGS_CHANGED = ErrorText(
    "conflict.settings_changed", f"Someone else changed your settings {_TRY_AGAIN}"
)
BACKLOG_CHANGED = ErrorText(
    "conflict.backlog_changed", f"Someone else changed the company backlog {_TRY_AGAIN}"
)
CANDIDATE_CARD_CHANGED = ErrorText(
    "conflict.candidate_card_changed",
    "Someone else changed this card meanwhile (it is now at version {version}); your "
    "changes were not saved. Here is the card as it is now: make your changes again.",
)
QUESTION_SET_CHANGED = ErrorText(
    "conflict.question_set_changed", f"Someone else changed the question set {_TRY_AGAIN}"
)
INSPIRATION_CHANGED = ErrorText(
    "conflict.inspiration_changed", f"Someone else changed the inspiration cards {_TRY_AGAIN}"
)

# -- people and cycles ---------------------------------------------------------------

NO_SUCH_PERSON = ErrorText("person.not_found", "There is no such person.")
EMAIL_REGISTERED = ErrorText("person.email_taken", "{email} is already registered.")
EXTERNAL_ID_REGISTERED = ErrorText(
    "person.external_id_taken", "{external_id} is already the external id of someone else."
)
DEACTIVATE_ONESELF = ErrorText(
    "person.deactivate_oneself", "You cannot deactivate yourself; ask someone else in HR."
)
PERSON_DEACTIVATED = ErrorText(
    "person.deactivated",
    "{name} has been deactivated and can no longer manage or coach anyone.",
)
NO_SUCH_CYCLE = ErrorText("cycle.not_found", "There is no such growth cycle.")
NO_SUCH_BOARD = ErrorText("board.not_found", "There is no such board.")
ACTIVE_CYCLE = ErrorText(
    "cycle.still_active", "This employee still has an active cycle; complete or close it first."
)
ONLY_OWN_MANAGER_OPENS = ErrorText(
    "cycle.only_own_manager_opens", "Only the employee's own manager can open a growth cycle."
)
HR_OPENS_WITHOUT_MANAGER = ErrorText(
    "cycle.hr_opens_without_manager",
    "This employee has no manager: HR opens their cycle, with a coach in the manager's role.",
)
EMPLOYEE_HAS_MANAGER = ErrorText(
    "cycle.employee_has_manager",
    "This employee has a manager, who leads the cycle; change the manager instead.",
)
ALREADY_LED = ErrorText(
    "cycle.already_led", "This cycle is already led by that person, or no longer open."
)
NOT_ON_BACKLOG = ErrorText(
    "backlog.reference_not_usable",
    "This points at a skill that is not (or no longer) on the company backlog.",
)

# -- webhooks ---------------------------------------------------------------------

PRIVATE_WEBHOOK_ADDRESS = ErrorText(
    "webhook.private_address",
    "Webhooks are not delivered to loopback or private addresses here; "
    "use the receiver's public address.",
)
NOT_A_WEBHOOK_ID = ErrorText("webhook.not_an_id", "That is not a webhook id.")
NO_SUCH_WEBHOOK = ErrorText("webhook.not_found", "There is no such webhook.")
WEBHOOK_CHANGED = ErrorText(
    "conflict.webhook_changed", f"Someone else changed this webhook {_TRY_AGAIN}"
)
WEBHOOKS_CHANGED = ErrorText(
    "conflict.webhooks_changed", f"Someone else changed the webhooks {_TRY_AGAIN}"
)

# -- live changes ---------------------------------------------------------------

TOO_MANY_SUBSCRIPTIONS = ErrorText(
    "subscription.too_many",
    "At most {limit} subscriptions at once per caller; complete one first.",
)
