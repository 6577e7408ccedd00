"""The audit trail's fields of the events of the session at the table and of the session
report, one type per shape (built like `audit_cycle_fields`)."""

from __future__ import annotations

import strawberry

from service.graphql.audit_cycle_fields import Build, Fields
from service.graphql.enums import Party, SkillKind
from service.graphql.node_ids import node_id, node_id_or_none


@strawberry.type(
    description="GrowthCycle.CandidateCardWritten (version 1) and CandidateCardChanged: a "
    "candidate card as a party wrote it at the session table."
)
class CandidateCardWrittenFields:
    card_id: strawberry.ID
    party: Party
    version: int
    kind: SkillKind
    as_a: str
    i_want_to: str
    in_order_to: str
    actions: str
    support: str
    backlog_skill_id: strawberry.ID | None


@strawberry.type(description="GrowthCycle.CandidateCardRemoved.")
class CandidateCardRemovedFields:
    card_id: strawberry.ID
    party: Party


@strawberry.type(
    description="GrowthCycle.SessionReportDrafted and SessionReportRevised: a version of the "
    "session report."
)
class SessionReportWrittenFields:
    party: Party
    version: int
    text: str


@strawberry.type(
    description="GrowthCycle.SessionReportApproved: a party approved a version; "
    "SessionReportApprovalWithdrawn: at a handover, the former manager's approval no longer counts."
)
class SessionReportApprovedFields:
    party: Party
    version: int


@strawberry.type(description="GrowthCycle.SessionReportApprovedByBoth: the version both approved.")
class SessionReportApprovedByBothFields:
    version: int


def _card(cycle: str, c: Fields, version: int | None = None) -> CandidateCardWrittenFields:
    card = c["card"]
    return CandidateCardWrittenFields(
        card_id=node_id("Card", cycle, c["card_id"]),
        party=Party(c["party"]),
        version=version if version is not None else c["version"],
        kind=SkillKind(card["kind"]),
        as_a=card["as_a"],
        i_want_to=card["i_want_to"],
        in_order_to=card["in_order_to"],
        actions=card["actions"],
        support=card["support"],
        backlog_skill_id=node_id_or_none("BacklogSkill", card.get("backlog_skill_id")),
    )


def _report(cycle: str, c: Fields) -> SessionReportWrittenFields:
    return SessionReportWrittenFields(party=Party(c["party"]), version=c["version"], text=c["text"])


def _approved(cycle: str, c: Fields) -> SessionReportApprovedFields:
    return SessionReportApprovedFields(party=Party(c["party"]), version=c["version"])


SESSION_FIELDS: dict[tuple[str, str], Build] = {
    ("GrowthCycle", "CandidateCardWritten"): lambda cycle, c: _card(cycle, c, 1),
    ("GrowthCycle", "CandidateCardChanged"): _card,
    ("GrowthCycle", "CandidateCardRemoved"): lambda cycle, c: CandidateCardRemovedFields(
        card_id=node_id("Card", cycle, c["card_id"]), party=Party(c["party"])
    ),
    ("GrowthCycle", "SessionReportDrafted"): _report,
    ("GrowthCycle", "SessionReportRevised"): _report,
    ("GrowthCycle", "SessionReportApproved"): _approved,
    ("GrowthCycle", "SessionReportApprovalWithdrawn"): _approved,
    ("GrowthCycle", "SessionReportApprovedByBoth"): lambda cycle, c: (
        SessionReportApprovedByBothFields(version=c["version"])
    ),
}
