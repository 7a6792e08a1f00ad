"""Compiled reports, the audit trail and the editable calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from dondoc.models._base import created_field, json_dict


class CompiledReport(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("plan_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    period: str
    cutoff: dt.date
    snapshot: dict[str, Any] = json_dict()
    docx_path: str | None = None
    xlsx_path: str | None = None
    sha256: str | None = None
    compiled_at: dt.datetime = created_field()
    sent_at: Optional[dt.datetime] = None


class AuditEvent(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = created_field()
    actor: str = Field(description="officer:<id>, cli, system")
    via: str = Field(default="system", description="web, api, cli, flow")
    token_id: int | None = Field(default=None, foreign_key="accesstoken.id")
    action: str
    entity: str
    entity_id: int | None = None
    before: dict[str, Any] = json_dict()
    after: dict[str, Any] = json_dict()
    note: str | None = Field(default=None, sa_type=Text)


class CalendarDay(SQLModel, table=True):
    """A user-set exception to the holiday calendar: an extra day off, or a make-up working day (làm bù)."""

    id: int | None = Field(default=None, primary_key=True)
    day: dt.date = Field(unique=True, index=True)
    kind: str = Field(description="off or work")
    note: str = ""


class RateCounter(SQLModel, table=True):
    """Failed personal-link attempts per bucket (a client's /64 or IPv4 address, a token prefix) in a fixed
    window, shared by every web worker (web/ratelimit.py)."""

    bucket: str = Field(primary_key=True, max_length=64)
    window_start: dt.datetime
    count: int = 0
