"""Dated work: obligations (one per unit, task and period) and what officers report on them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from sqlalchemy import Index, Text, UniqueConstraint, func
from sqlmodel import Field, SQLModel, col

from dondoc.models._base import created_field, json_dict


class Obligation(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("key"),
        Index("ix_obligation_open_due", "closed", "due_date"),
        Index("ix_obligation_extended_due", "extended_due"),
        Index("ix_obligation_stale_scan", "kind", "stale", "closed"),
        # A plan's periods and one period's rows (focal page, completeness, dashboard): without it a period of
        # a 130-unit plan is found by reading all of the plan's rows.
        Index("ix_obligation_plan_period", "plan_id", "period", "due_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(description="plan:source:unit:officer:role:period — stable across re-imports")
    plan_id: int = Field(foreign_key="plan.id", index=True)
    assignment_id: int | None = Field(default=None, foreign_key="assignment.id", index=True)
    report_id: int | None = Field(default=None, foreign_key="reportobligation.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    role: str = Field(description="lead, support, report (a unit's report), compile (the focal point's)")
    mode: str = Field(default="assign", description="assign or request (Đề nghị: reminded, never escalated)")
    kind: str = Field(default="once", description="once, recurring, continuous, unspecified")
    period: str = Field(description="'2025', '2025-Q3', '2025-H1', '2025-06'")
    period_start: dt.date
    period_end: dt.date
    cutoff: dt.date = Field(description="Data cut-off (chốt số liệu)")
    plan_due: Optional[dt.date] = Field(default=None, description="The date as the plan writes it, before shifting")
    due_date: dt.date = Field(description="Working-day deadline")
    extended_due: Optional[dt.date] = None
    status: str = "not_started"
    closed: bool = False
    progress: int = 0
    last_update_at: Optional[dt.datetime] = None
    completed_at: Optional[dt.datetime] = None
    reminders_sent: int = 0
    escalation_level: int = 0
    stale: bool = False
    needs_review: bool = False
    merged_from_id: int | None = Field(default=None, foreign_key="unit.id",
                                       description="The unit that held it before a merge (reports of earlier "
                                                   "periods show that unit)")
    merged_on: Optional[dt.date] = Field(default=None, description="Day the merge took effect")
    created_at: dt.datetime = created_field()

    @property
    def effective_due(self) -> dt.date:
        return self.extended_due or self.due_date


# The ledger's filters, counts and sort read only these columns (reporting/ledger_query.py): two covering
# indexes make a count or a page of 200,000 obligations an index-only scan. One is led by the plan (the
# visible plans are an IN list), the other by the effective deadline (the default sort, the overdue and
# due-within ranges) with the id as the tie-breaker.
_LEDGER_COLUMNS = ("plan_id", "unit_id", "status", "closed", "kind", "due_date", "extended_due", "completed_at",
                   "last_update_at", "role", "mode", "assignment_id", "report_id", "reminders_sent")
Index("ix_obligation_ledger", *(getattr(Obligation, c) for c in _LEDGER_COLUMNS))
Index("ix_obligation_ledger_due", func.coalesce(Obligation.extended_due, Obligation.due_date), col(Obligation.id),
      *(getattr(Obligation, c) for c in _LEDGER_COLUMNS))


class StatusUpdate(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    obligation_id: int = Field(foreign_key="obligation.id", index=True)
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    entered_by_id: int | None = Field(default=None, foreign_key="officer.id",
                                      description="Who typed it, when not the unit's own officer (nhập thay)")
    source: str | None = Field(default=None, sa_type=Text,
                               description="Where a report entered on the unit's behalf came from (công văn, điện thoại)")
    status: str
    progress: int = 0
    result: str = Field(default="", sa_type=Text)
    figures: dict[str, Any] = json_dict()
    difficulties: str = Field(default="", sa_type=Text)
    proposals: str = Field(default="", sa_type=Text)
    late: bool = Field(default=False, description="Sent after the cut-off (gửi muộn)")
    via: str = Field(default="web", description="web, api, cli, simulation")
    submitted_at: dt.datetime = created_field()


class Attachment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    status_update_id: int = Field(foreign_key="statusupdate.id", index=True)
    filename: str
    content_type: str
    size: int
    sha256: str
    stored_as: str = Field(description="Path relative to the data folder's attachments/")
    created_at: dt.datetime = created_field()


class ExtensionRequest(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    obligation_id: int = Field(foreign_key="obligation.id", index=True)
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    requested_due: dt.date
    reason: str = Field(sa_type=Text)
    state: str = Field(default="pending", description="pending, approved, refused")
    decided_by: int | None = Field(default=None, foreign_key="officer.id")
    decided_at: Optional[dt.datetime] = None
    decision_note: str = Field(default="", sa_type=Text, description="The reason given with a refusal (or approval)")
    created_at: dt.datetime = created_field()


GENERIC_TASK = {"compile": "Tổng hợp báo cáo kết quả thực hiện kế hoạch",
                "report": "Báo cáo kết quả thực hiện kế hoạch"}


def task_text(ob: Any, assignment: Any = None, report: Any = None) -> str:
    """The one text of an obligation's task, everywhere it is shown: its assignment's text, else its report's,
    else a generic label by role (a report obligation whose report row has no text)."""
    if assignment is not None and assignment.text:
        return _without_end_mark(str(assignment.text))
    if report is not None and report.text:
        return _without_end_mark(str(report.text))
    return GENERIC_TASK.get(str(ob.role), "")


def _without_end_mark(text: str) -> str:
    """A task's words without the document's closing mark './.' (or a broken './') the last paragraph carries."""
    if "./" not in text:  # the common case, without a regex scan (the ledger export calls this per row)
        return text
    return re.sub(r"\s*\./\.?\s*$", ".", text)
