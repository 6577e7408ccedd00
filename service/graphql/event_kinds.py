"""The kinds of domain event, one enum value per event class: `GROWTH_CYCLE_CARD_MOVED` is
`GrowthCycle.CardMoved`. Named with their aggregate, since two aggregates may name an
event alike (`Backlog.Started`, `EmployeeCycles.Started`)."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="A kind of domain event: its aggregate and its class.")
class EventKind(Enum):
    GROWTH_CYCLE_OPENED = "GrowthCycle.Opened"
    GROWTH_CYCLE_MANAGER_HANDED_OVER = "GrowthCycle.ManagerHandedOver"
    GROWTH_CYCLE_PREPARATION_DRAFT_SAVED = "GrowthCycle.PreparationDraftSaved"
    GROWTH_CYCLE_PREPARATION_SUBMITTED = "GrowthCycle.PreparationSubmitted"
    GROWTH_CYCLE_SESSION_HELD = "GrowthCycle.SessionHeld"
    GROWTH_CYCLE_CARDS_SELECTED = "GrowthCycle.CardsSelected"
    GROWTH_CYCLE_CARD_MOVED = "GrowthCycle.CardMoved"
    GROWTH_CYCLE_CARD_VISIBILITY_CHANGED = "GrowthCycle.CardVisibilityChanged"
    GROWTH_CYCLE_CARD_LINKED_TO_BACKLOG = "GrowthCycle.CardLinkedToBacklog"
    GROWTH_CYCLE_PLAN_DRAFTED = "GrowthCycle.PlanDrafted"
    GROWTH_CYCLE_PLAN_REVISED = "GrowthCycle.PlanRevised"
    GROWTH_CYCLE_PLAN_APPROVED = "GrowthCycle.PlanApproved"
    GROWTH_CYCLE_PLAN_APPROVED_BY_BOTH = "GrowthCycle.PlanApprovedByBoth"
    GROWTH_CYCLE_FOLLOW_UP_SCHEDULED = "GrowthCycle.FollowUpScheduled"
    GROWTH_CYCLE_FOLLOW_UP_COMPLETED = "GrowthCycle.FollowUpCompleted"
    GROWTH_CYCLE_CLOSED = "GrowthCycle.Closed"
    GROWTH_CYCLE_CANDIDATE_CARD_WRITTEN = "GrowthCycle.CandidateCardWritten"
    GROWTH_CYCLE_CANDIDATE_CARD_CHANGED = "GrowthCycle.CandidateCardChanged"
    GROWTH_CYCLE_CANDIDATE_CARD_REMOVED = "GrowthCycle.CandidateCardRemoved"
    GROWTH_CYCLE_SESSION_REPORT_DRAFTED = "GrowthCycle.SessionReportDrafted"
    GROWTH_CYCLE_SESSION_REPORT_REVISED = "GrowthCycle.SessionReportRevised"
    GROWTH_CYCLE_SESSION_REPORT_APPROVED = "GrowthCycle.SessionReportApproved"
    GROWTH_CYCLE_SESSION_REPORT_APPROVED_BY_BOTH = "GrowthCycle.SessionReportApprovedByBoth"
    GROWTH_CYCLE_SESSION_REPORT_APPROVAL_WITHDRAWN = "GrowthCycle.SessionReportApprovalWithdrawn"
    GROWTH_CYCLE_SHOW_AND_TELL_PLANNED = "GrowthCycle.ShowAndTellPlanned"
    GROWTH_CYCLE_SHOW_AND_TELL_CALLED_OFF = "GrowthCycle.ShowAndTellCalledOff"
    EMPLOYEE_CYCLES_STARTED = "EmployeeCycles.Started"
    EMPLOYEE_CYCLES_CYCLE_ADDED = "EmployeeCycles.CycleAdded"
    PERSON_REGISTERED = "Person.Registered"
    PERSON_MANAGER_CHANGED = "Person.ManagerChanged"
    PERSON_FUNCTION_CHANGED = "Person.FunctionChanged"
    PERSON_TEAM_CHANGED = "Person.TeamChanged"
    PERSON_LANGUAGE_CHOSEN = "Person.LanguageChosen"
    PERSON_NAME_CHANGED = "Person.NameChanged"
    PERSON_EMAIL_CHANGED = "Person.EmailChanged"
    PERSON_DEVELOPMENT_PHASE_CHANGED = "Person.DevelopmentPhaseChanged"
    PERSON_START_DATE_CORRECTED = "Person.StartDateCorrected"
    PERSON_ROLE_GRANTED = "Person.RoleGranted"
    PERSON_ROLE_REVOKED = "Person.RoleRevoked"
    PERSON_EXTERNAL_ID_CHANGED = "Person.ExternalIdChanged"
    PERSON_DEACTIVATED = "Person.Deactivated"
    PERSON_SIGN_IN_LINK_ISSUED = "Person.SignInLinkIssued"
    EMAIL_INDEX_CLAIMED = "EmailIndex.Claimed"
    EMAIL_INDEX_RELEASED = "EmailIndex.Released"
    EMAIL_INDEX_RECLAIMED = "EmailIndex.Reclaimed"
    EXTERNAL_ID_INDEX_CLAIMED = "ExternalIdIndex.Claimed"
    EXTERNAL_ID_INDEX_RELEASED = "ExternalIdIndex.Released"
    EXTERNAL_ID_INDEX_RECLAIMED = "ExternalIdIndex.Reclaimed"
    BACKLOG_STARTED = "Backlog.Started"
    BACKLOG_SKILL_ADDED = "Backlog.SkillAdded"
    BACKLOG_SKILL_REWORDED = "Backlog.SkillReworded"
    BACKLOG_SKILL_MOVED = "Backlog.SkillMoved"
    BACKLOG_SKILL_RETIRED = "Backlog.SkillRetired"
    GROWTH_CYCLE_QUESTIONS_ASKED = "GrowthCycle.QuestionsAsked"
    QUESTION_SET_STARTED = "QuestionSet.Started"
    QUESTION_SET_QUESTION_ADDED = "QuestionSet.QuestionAdded"
    QUESTION_SET_QUESTION_REWORDED = "QuestionSet.QuestionReworded"
    QUESTION_SET_QUESTION_MOVED = "QuestionSet.QuestionMoved"
    QUESTION_SET_QUESTION_RETIRED = "QuestionSet.QuestionRetired"
    BACKLOG_SKILL_MERGED = "Backlog.SkillMerged"
    INSPIRATION_DECK_STARTED = "InspirationDeck.Started"
    INSPIRATION_DECK_CARD_ADDED = "InspirationDeck.CardAdded"
    INSPIRATION_DECK_CARD_REWORDED = "InspirationDeck.CardReworded"
    INSPIRATION_DECK_CARD_RETIRED = "InspirationDeck.CardRetired"

    @property
    def pair(self) -> tuple[str, str]:
        """(aggregate, event), as the audit trail's rows name it."""
        aggregate, _, name = self.value.partition(".")
        return aggregate, name

    @classmethod
    def of(cls, aggregate: str, name: str) -> EventKind:
        return cls(f"{aggregate}.{name}")
