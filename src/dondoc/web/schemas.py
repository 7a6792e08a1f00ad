"""The JSON API's request and response bodies (routes/api.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field, StrictFloat, StrictInt, StrictStr


class TargetOut(BaseModel):
    key: str
    ref: str
    text: str
    value: float
    unit: str | None = None
    general: bool = False  # concerns no unit in particular: the unit's share is optional


class ObligationOut(BaseModel):
    id: int
    plan_id: int
    plan_title: str
    plan_number: str | None
    ref: str
    task: str
    role: str
    period: str
    due_date: dt.date | None = Field(description="The deadline; null for work without one (see undated)")
    extended_due: dt.date | None
    days_left: int | None
    undated: bool = False
    update_by: dt.date | None = Field(default=None, description="When the next report is asked for")
    category: str = Field(default="", description="Timeliness: on_time, done_late, in_progress, not_due, overdue, no_deadline")
    status: str
    progress: int
    closed: bool
    last_update_at: dt.datetime | None
    targets: list[TargetOut]


class StatusIn(BaseModel):
    status: str = Field(description="not_started | in_progress | done | impossible (or the Vietnamese label)")
    progress: StrictInt | None = Field(default=None, ge=0, le=100)
    result: str = ""
    figures: dict[str, StrictInt | StrictFloat | StrictStr] = Field(default_factory=dict, description="target ref (or key) -> number")
    difficulties: str = ""
    proposals: str = ""


class OnBehalfIn(StatusIn):
    source: str = Field(description="Where the unit's report came from (required): 'Công văn số 12/BC-UBND "
                        "ngày 03/11', 'điện thoại', 'Zalo'")
    unit: str | None = Field(default=None, description="Optional check: the code of the unit the obligation "
                             "must belong to")


class UnitObligationOut(ObligationOut):
    unit_id: int
    unit_name: str


class StatusOut(BaseModel):
    id: int
    obligation_id: int
    status: str
    progress: int
    late: bool
    figures: dict[str, Any]
    submitted_at: dt.datetime
    entered_by_id: int | None = None
    via: str = ""


def status_out(update: Any) -> StatusOut:
    return StatusOut(id=update.id, obligation_id=update.obligation_id, status=update.status, progress=update.progress,
                     late=update.late, figures=dict(update.figures), submitted_at=update.submitted_at,
                     entered_by_id=update.entered_by_id, via=update.via)
