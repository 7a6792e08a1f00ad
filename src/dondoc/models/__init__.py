"""SQLModel tables. Importing this package registers every table on SQLModel.metadata."""

from dondoc.models.directory import AccessToken, Alias, Contact, Officer, Unit
from dondoc.models.messaging import ChannelCredential, Delivery, Message, Notice
from dondoc.models.plan import Assignment, AssignmentUnit, Plan, ReportObligation, Target
from dondoc.models.records import AuditEvent, CalendarDay, CompiledReport, RateCounter
from dondoc.models.work import (
    CLOSED,
    STATUS_LABELS,
    Attachment,
    ExtensionRequest,
    Obligation,
    StatusUpdate,
)

__all__ = [
    "AccessToken",
    "Alias",
    "Assignment",
    "AssignmentUnit",
    "Attachment",
    "AuditEvent",
    "CLOSED",
    "CalendarDay",
    "ChannelCredential",
    "CompiledReport",
    "Contact",
    "Delivery",
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
    "Target",
    "Unit",
]
