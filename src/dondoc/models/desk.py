"""Tables of the tracking desk (issue 16): calendar feed tokens and substitutes."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from dondoc.models._base import created_field


class CalendarFeed(SQLModel, table=True):
    """A revocable token behind /ical/{token}.ics: the deadlines of one officer, unit or plan.

    Only the SHA-256 of the token is stored; the URL is shown once (or re-derived, see reporting/ical.py)."""

    __table_args__ = (UniqueConstraint("token_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(description="SHA-256 hex of the token")
    scope: str = Field(description="officer, unit or plan")
    target_id: int = Field(description="Officer.id, Unit.id or Plan.id, by scope")
    created_by: str = Field(default="cli")
    created_at: dt.datetime = created_field()
    revoked_at: Optional[dt.datetime] = None
    last_used_at: Optional[dt.datetime] = None


class Substitute(SQLModel, table=True):
    """Officer B is away from `start` to `end` (inclusive, Vietnam days); A (`substitute_id`) acts for B.

    No substitute named: the head of B's unit acts (directory/substitutes.py)."""

    id: int | None = Field(default=None, primary_key=True)
    officer_id: int = Field(foreign_key="officer.id", index=True)
    substitute_id: int | None = Field(default=None, foreign_key="officer.id")
    start: dt.date
    end: dt.date
    note: str = Field(default="", sa_type=Text)
    created_by: str = Field(default="cli")
    created_at: dt.datetime = created_field()
    cancelled_at: Optional[dt.datetime] = None
