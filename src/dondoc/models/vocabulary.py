"""The words stored in the database, as StrEnums (each member equals its string, so rows and queries keep
plain text and older code comparing with literals stays right)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """An obligation's status, as a unit reports it."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    IMPOSSIBLE = "impossible"


class ObligationRole(StrEnum):
    """What a unit owes for a task: the lead's result, a coordinating body's input, a report, the compilation."""

    LEAD = "lead"
    SUPPORT = "support"
    REPORT = "report"
    COMPILE = "compile"


class Mode(StrEnum):
    """An order to a subordinate body, or a request to a body outside the issuer's authority (politer wording)."""

    ASSIGN = "assign"
    REQUEST = "request"


class OfficerRole(StrEnum):
    HEAD = "head"
    DEPUTY = "deputy"
    FOCAL = "focal"
    STAFF = "staff"


class NoticeKind(StrEnum):
    """What the daily sweep decided to tell an officer (one Notice each, unique per obligation, officer, day)."""

    REMINDER = "reminder"
    OVERDUE = "overdue"
    ESCALATION = "escalation"
    STALE = "stale"


STATUS_LABELS = {
    Status.NOT_STARTED: "Chưa triển khai",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.DONE: "Hoàn thành",
    Status.IMPOSSIBLE: "Không thực hiện được",
}
CLOSED = (Status.DONE, Status.IMPOSSIBLE)
# An obligation whose row was deleted from an active plan: closed, kept for audit, never reminded.
# Not a choice of the form, so not in STATUS_LABELS.
NOT_APPLICABLE = "not_applicable"
NOT_APPLICABLE_LABEL = "Không áp dụng"
