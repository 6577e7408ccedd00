"""The audit trail in sentences: who did what, to whom, and what changed, in the page's
language ("Marieke Jansen approved version 2 of the POP of Lotte Maes").

One sentence per kind of event, each a catalogue message with named values; the
values are the event's own fields, with people named and words (columns, parties,
roles) translated. A kind without a sentence of its own is said by its name; the
raw fields stay one click away on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from web.i18n import gettext
from web.rendering import shown_day

Values = dict[str, Any]
# Each kind: the message, and how its values come from the event's fields.
Say = tuple[str, Callable[[Mapping[str, Any]], Values]]
COLUMNS = {"todo": "To do", "doing": "Doing", "done": "Done"}


def _none(changes: Mapping[str, Any]) -> Values:
    return {}


def _version(changes: Mapping[str, Any]) -> Values:
    return {"version": changes.get("version", "?")}


SENTENCES: dict[str, Say] = {
    "Opened": (
        "{actor} opened a growth cycle for {subject}; the session is planned on {day}.",
        lambda c: {"day": c.get("planned_session_on")},
    ),
    "PreparationDraftSaved": ("{actor} saved a draft of their preparation.", _none),
    "PreparationSubmitted": (
        "{actor} shared version {version} of their preparation in the cycle of {subject}.",
        _version,
    ),
    "SessionHeld": (
        "{actor} recorded the growth session of {day} with {subject}: {count} candidate cards.",
        lambda c: {"day": c.get("held_on"), "count": len(c.get("cards") or [])},
    ),
    "CardsSelected": (
        "{actor} put {count} cards on the board of {subject}.",
        lambda c: {"count": len(c.get("card_ids") or [])},
    ),
    "CardMoved": (
        "{actor} moved a card of {subject} from {from_column} to {to_column}.",
        lambda c: {
            "from_column": ("word", COLUMNS.get(str(c.get("from_column")), "?")),
            "to_column": ("word", COLUMNS.get(str(c.get("to_column")), "?")),
        },
    ),
    "CardVisibilityChanged": (
        "{actor} showed a card to the team.",
        _none,
    ),
    "PlanDrafted": ("{actor} wrote version {version} of the POP of {subject}.", _version),
    "PlanRevised": ("{actor} revised the POP of {subject} into version {version}.", _version),
    "PlanApproved": ("{actor} approved version {version} of the POP of {subject}.", _version),
    "PlanApprovedByBoth": (
        "Both approved version {version} of the POP of {subject}: it counts.",
        _version,
    ),
    "FollowUpScheduled": (
        "{actor} planned the follow-up of {subject} on {day}.",
        lambda c: {"day": c.get("due_on")},
    ),
    "FollowUpCompleted": (
        "{actor} recorded the retrospective of {subject}, held on {day}.",
        lambda c: {"day": c.get("held_on")},
    ),
    "ShowAndTellPlanned": (
        "{actor} announced the show & tell of {subject} on {day}.",
        lambda c: {"day": c.get("on")},
    ),
    "ShowAndTellCalledOff": ("{actor} called off the show & tell of {subject}.", lambda c: {}),
    "Closed": (
        "{actor} closed the cycle of {subject}: {reason}",
        lambda c: {"reason": c.get("reason") or "—"},
    ),
    "ManagerHandedOver": (
        "{actor} handed the cycle of {subject} from {from_person} to {to_person}.",
        lambda c: {
            "from_person": ("person", c.get("from_manager_id")),
            "to_person": ("person", c.get("to_manager_id")),
        },
    ),
    "CandidateCardWritten": (
        "{actor} wrote the candidate card {skill} at the session of {subject}.",
        lambda c: {"skill": (c.get("card") or {}).get("i_want_to")},
    ),
    "CandidateCardChanged": (
        "{actor} changed the candidate card {skill} of {subject} into version {version}.",
        lambda c: {"skill": (c.get("card") or {}).get("i_want_to"), **_version(c)},
    ),
    "CandidateCardRemoved": ("{actor} removed a candidate card of {subject}.", _none),
    "SessionReportDrafted": (
        "{actor} wrote version {version} of the session report of {subject}.",
        _version,
    ),
    "SessionReportRevised": (
        "{actor} revised the session report of {subject} into version {version}.",
        _version,
    ),
    "SessionReportApproved": (
        "{actor} approved version {version} of the session report of {subject}.",
        _version,
    ),
    "SessionReportApprovedByBoth": (
        "Both approved version {version} of the session report of {subject}: it counts.",
        _version,
    ),
    "SessionReportApprovalWithdrawn": (
        "The former manager's approval of version {version} of the session report of "
        "{subject} no longer counts.",
        _version,
    ),
    "Registered": (
        "{actor} registered {subject} as {function} in team {team}.",
        lambda c: {"function": c.get("function"), "team": c.get("team")},
    ),
    "ManagerChanged": (
        "{actor} made {manager} the manager of {subject}.",
        lambda c: {"manager": ("person", c.get("manager_id"))},
    ),
    "TeamChanged": (
        "{actor} moved {subject} to team {team}.",
        lambda c: {"team": c.get("team")},
    ),
    "FunctionChanged": (
        "{actor} changed the function of {subject} to {function}.",
        lambda c: {"function": c.get("function")},
    ),
    "NameChanged": ("{actor} changed the name of {subject}.", _none),
    "EmailChanged": ("{actor} changed the e-mail address of {subject}.", _none),
    "RoleGranted": (
        "{actor} gave {subject} the role {role}.",
        lambda c: {"role": ("word", str(c.get("role")))},
    ),
    "RoleRevoked": (
        "{actor} took the role {role} from {subject}.",
        lambda c: {"role": ("word", str(c.get("role")))},
    ),
    "Deactivated": (
        "{actor} recorded that {subject} left on {day}.",
        lambda c: {"day": c.get("left_on")},
    ),
    "SignInLinkIssued": (
        "{actor} made an invitation link for {subject}, working until {day}.",
        lambda c: {"day": c.get("expires_at")},
    ),
    "SkillAdded": (
        "{actor} added {skill} to the company backlog.",
        lambda c: {"skill": c.get("description")},
    ),
    "SkillReworded": (
        "{actor} reworded a skill of the company backlog as {skill}.",
        lambda c: {"skill": c.get("description")},
    ),
    "SkillRetired": ("{actor} retired a skill from the company backlog.", _none),
    "QuestionsAsked": (
        "The cycle of {subject} asks {count} questions: the question set as the cycle began.",
        lambda c: {"count": len(c.get("questions") or [])},
    ),
    "QuestionAdded": (
        "{actor} added a question to the question set: {question}",
        lambda c: {"question": c.get("employee") or c.get("manager")},
    ),
    "QuestionReworded": (
        "{actor} reworded a question of the question set: {question}",
        lambda c: {"question": c.get("employee") or c.get("manager")},
    ),
    "QuestionMoved": ("{actor} moved a question of the question set.", _none),
    "QuestionRetired": ("{actor} retired a question from the question set.", _none),
    "SkillMerged": ("{actor} merged two skills of the company backlog into one.", _none),
    "CardLinkedToBacklog": ("{actor} linked a card of {subject} to the company backlog.", _none),
    "CardAdded": (
        "{actor} added the inspiration card {card}.",
        lambda c: {"card": c.get("title_nl") or c.get("title_en")},
    ),
    "CardReworded": (
        "{actor} reworded an inspiration card as {card}.",
        lambda c: {"card": c.get("title_nl") or c.get("title_en")},
    ),
    "CardRetired": ("{actor} retired an inspiration card.", _none),
}
# A card's link taken away reads otherwise than one made.
UNLINKED = "{actor} unlinked a card of {subject} from the company backlog."
# A card hidden again reads otherwise than one shown.
HIDDEN = "{actor} hid a card from the team again."
# A link for someone who has a password is a reset, not an invitation.
RESET = "{actor} made a password reset link for {subject}, working until {day}."


def sentence(
    kind: str,
    changes: Mapping[str, Any],
    *,
    actor: str,
    subject: str,
    names: Mapping[str, str],
    language: str,
) -> str:
    """What happened, in one sentence of `language`."""
    said = SENTENCES.get(kind)
    if said is None:
        return f"{actor}: {gettext(language, kind)}"
    message, values_of = said
    if kind == "CardVisibilityChanged" and not changes.get("visible"):
        message = HIDDEN
    if kind == "CardLinkedToBacklog" and not changes.get("backlog_skill_id"):
        message = UNLINKED
    if kind == "SignInLinkIssued" and changes.get("purpose") == "password_reset":
        message = RESET
    values: Values = {"actor": actor, "subject": subject or "—"}
    for name, value in values_of(changes).items():
        values[name] = _shown(value, names, language)
    if "day" in values:
        values["day"] = shown_day(values["day"], language) or "—"
    return gettext(language, message).format_map(values)


def _shown(value: Any, names: Mapping[str, str], language: str) -> Any:
    """A word translated, a person named, anything else as it is."""
    if isinstance(value, tuple):
        what, raw = value
        if what == "person":
            return names.get(str(raw), "—") if raw else gettext(language, "nobody")
        return gettext(language, str(raw))
    return "—" if value is None else value
