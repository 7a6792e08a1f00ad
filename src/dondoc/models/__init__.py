"""SQLModel tables. Importing this package registers every table on SQLModel.metadata."""

from dondoc.models.accounts import LoginAttempt, PersonalAccessToken, StaffUser
from dondoc.models.desk import CalendarFeed, Substitute
from dondoc.models.directory import AccessToken, Alias, Contact, Officer, Unit, UnitLink
from dondoc.models.messaging import ChannelCredential, Delivery, Message, Notice
from dondoc.models.plan import Assignment, AssignmentUnit, Exclusion, Plan, ReportObligation, Target
from dondoc.models.records import AuditEvent, CalendarDay, CompiledReport, RateCounter
from dondoc.models.vocabulary import (
    CLOSED,
    NOT_APPLICABLE,
    NOT_APPLICABLE_LABEL,
    STATUS_LABELS,
    Mode,
    NoticeKind,
    ObligationRole,
    OfficerRole,
    Status,
)
from dondoc.models.work import (
    Attachment,
    ExtensionRequest,
    Obligation,
    StatusUpdate,
)

__all__ = [
    "CLOSED",
    "NOT_APPLICABLE",
    "NOT_APPLICABLE_LABEL",
    "STATUS_LABELS",
    "AccessToken",
    "Alias",
    "Assignment",
    "AssignmentUnit",
    "Attachment",
    "AuditEvent",
    "CalendarDay",
    "CalendarFeed",
    "ChannelCredential",
    "CompiledReport",
    "Contact",
    "Delivery",
    "Exclusion",
    "ExtensionRequest",
    "LoginAttempt",
    "Message",
    "Mode",
    "Notice",
    "NoticeKind",
    "Obligation",
    "ObligationRole",
    "Officer",
    "OfficerRole",
    "PersonalAccessToken",
    "Plan",
    "RateCounter",
    "ReportObligation",
    "StaffUser",
    "Status",
    "StatusUpdate",
    "Substitute",
    "Target",
    "Unit",
    "UnitLink",
]
