"""GraphQL types of the session at the table (candidate cards) and of the session report."""

from __future__ import annotations

from datetime import datetime

import strawberry

from projections import cycle_fold as cycle
from service.graphql.enums import Party, SkillKind
from service.graphql.node_ids import node_id, node_id_or_none
from service.graphql.values import moment, moment_or_none


@strawberry.type(
    description="A candidate card written at the session table by the employee or the "
    "manager, before the session is recorded. Its id is the card's once it is on the board."
)
class CandidateCard:
    id: strawberry.ID
    kind: SkillKind
    as_a: str
    i_want_to: str
    in_order_to: str
    actions: str
    support: str
    backlog_skill_id: strawberry.ID | None
    version: int = strawberry.field(
        description="1 when written, one more at every change: send it as `ifVersion` "
        "with a change, so that a change made meanwhile by the other party is not overwritten."
    )
    written_by: Party = strawberry.field(description="Who wrote the current version.")
    changed_at: datetime

    @classmethod
    def from_doc(cls, cycle_id: str, card: cycle.CandidateCardDoc) -> CandidateCard:
        return cls(
            id=node_id("Card", cycle_id, card["id"]),
            kind=SkillKind(card["kind"]),
            as_a=card["as_a"],
            i_want_to=card["i_want_to"],
            in_order_to=card["in_order_to"],
            actions=card["actions"],
            support=card["support"],
            backlog_skill_id=node_id_or_none("BacklogSkill", card.get("backlog_skill_id")),
            version=card["version"],
            written_by=Party(card["party"]),
            changed_at=moment(card["changed_at"]),
        )


@strawberry.type(description="A version of the session report.")
class SessionReportVersion:
    version: int
    text: str
    written_by: Party
    written_at: datetime


@strawberry.type(description="A party's approval of a version of the session report.")
class SessionReportApproval:
    party: Party
    version: int
    at: datetime


@strawberry.type(
    description="The session report (verslag): it counts once employee and manager approved "
    "the same version; a new version withdraws the approvals given."
)
class SessionReport:
    versions: list[SessionReportVersion] = strawberry.field(description="Oldest first.")
    approvals: list[SessionReportApproval] = strawberry.field(
        description="Who approved the current version, and when."
    )
    approval_history: list[SessionReportApproval] = strawberry.field(
        description="Every approval given, of any version, in order."
    )
    agreed_version: int | None = strawberry.field(
        description="The last version both approved; it is the report while it is the current one."
    )
    agreed_at: datetime | None

    @classmethod
    def from_doc(cls, report: cycle.SessionReport) -> SessionReport:
        return cls(
            versions=[
                SessionReportVersion(
                    version=v["version"],
                    text=v["text"],
                    written_by=Party(v["party"]),
                    written_at=moment(v["written_at"]),
                )
                for v in report["versions"]
            ],
            approvals=[
                SessionReportApproval(party=Party(p), version=a["version"], at=moment(a["at"]))
                for p, a in sorted(report["approvals"].items())
            ],
            approval_history=[
                SessionReportApproval(
                    party=Party(a["party"]), version=a["version"], at=moment(a["at"])
                )
                for a in report["approval_history"]
            ],
            agreed_version=report["agreed_version"],
            agreed_at=moment_or_none(report["agreed_at"]),
        )
