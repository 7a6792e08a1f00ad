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
    "AccessToken",
    "Mode",
    "NoticeKind",
    "ObligationRole",
    "OfficerRole",
    "Status",
    "Alias",
    "Assignment",
    "AssignmentUnit",
    "Attachment",
    "AuditEvent",
    "CLOSED",
    "NOT_APPLICABLE",
    "NOT_APPLICABLE_LABEL",
    "CalendarDay",
    "CalendarFeed",
    "Substitute",
    "ChannelCredential",
    "CompiledReport",
    "Contact",
    "Delivery",
    "Exclusion",
    "ExtensionRequest",
    "Message",
    "Notice",
    "Obligation",
    "Officer",
    "Plan",
    "RateCounter",
    "ReportObligation",
    "STATUS_LABELS",
    "StatusUpdate",
    "LoginAttempt",
    "PersonalAccessToken",
    "StaffUser",
    "Target",
    "Unit",
    "UnitLink",
]
