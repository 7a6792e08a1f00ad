"""A stored plan and what was parsed out of it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import Text, UniqueConstraint, event, text
from sqlmodel import Field, SQLModel

from dondoc.models._base import created_field, json_dict, json_list


class Plan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    source_name: str
    source_hash: str = Field(index=True, description="SHA-256 of the source file")
    number: str | None = None
    title: str = Field(sa_type=Text)
    issuer: str | None = None
    place: str | None = None
    issued_on: Optional[dt.date] = None
    year: int
    signer: str | None = None
    issuer_unit_id: int | None = Field(default=None, foreign_key="unit.id")
    focal_unit_id: int | None = Field(default=None, foreign_key="unit.id")
    owner_unit_id: int | None = Field(default=None, foreign_key="unit.id")
    parsed: dict[str, Any] = json_dict()
    policy: dict[str, Any] = json_dict()
    recipients: list[Any] = json_list()
    unresolved: list[Any] = json_list()  # names the directory could not resolve at the last import
    # Names of dissolved units or levels ('UBND các huyện') with the mapping proposed for each, at the last
    # import: [{"name", "reason", "proposal", "units": [codes]}] (dondoc.directory.succession)
    proposals: list[Any] = json_list(server_default=text("'[]'"))
    created_at: dt.datetime = created_field()
    updated_at: dt.datetime = created_field()
    # draft -> active -> closed. An import makes a draft: nothing is scheduled, reminded or escalated
    # until a person activates it. The Python default stays "active" for rows built directly in code
    # (fixtures, bulk samples); the importer always sets the state explicitly.
    state: str = Field(default="active", index=True, description="draft, active, closed")
    activated_at: Optional[dt.datetime] = None
    activated_by: str | None = None
    source_text: str = Field(default="", sa_type=Text, description="The document's text, shown beside the items "
                             "on the review screen (one block per line)")


class Assignment(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    key: str = Field(description="ref + item + normalised leads: matches a corrected re-import to this row")
    ref: str
    item: int | None = None
    section: str | None = Field(default=None, sa_type=Text, description="Heading of the section holding the task")
    text: str = Field(sa_type=Text)
    mode: str = "assign"
    lead: list[Any] = json_list()
    support: list[Any] = json_list()
    timing: dict[str, Any] = json_dict()
    needs_review: bool = False
    # ref and text folded (lower case, no diacritics): the ledger's accent-insensitive search (LIKE). Kept
    # up to date by the ORM (see the listeners at the end of this module); bulk inserts set it themselves.
    search: str = Field(default="", sa_type=Text)
    # A row deleted from an active plan is kept (its obligations closed as "không áp dụng") for audit.
    removed_at: Optional[dt.datetime] = None


class AssignmentUnit(SQLModel, table=True):
    """A resolved body of an assignment: one row per unit (and officer, for 'Công chức X')."""

    __table_args__ = (UniqueConstraint("assignment_id", "unit_id", "officer_id", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int = Field(foreign_key="assignment.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    role: str = Field(description="lead or support")
    written_as: str
    since: Optional[dt.date] = Field(default=None, description="A successor standing in for a dissolved unit the "
                                     "plan names: only periods ending on or after this day")


class Exclusion(SQLModel, table=True):
    """'Không áp dụng': a member of a collective left out of one task (kept across re-resolutions)."""

    __table_args__ = (UniqueConstraint("assignment_id", "unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int = Field(foreign_key="assignment.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    reason: str = Field(default="không áp dụng", sa_type=Text)
    created_at: dt.datetime = created_field()


class ReportObligation(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    key: str
    ref: str
    text: str = Field(sa_type=Text)
    senders: list[Any] = json_list()
    receivers: list[Any] = json_list()
    via: str | None = None
    compiles: bool = False
    timing: dict[str, Any] = json_dict()
    level: int = Field(default=0, description="0: units -> focal point; 1: focal point -> issuer/upper level")
    search: str = Field(default="", sa_type=Text, description="ref and text folded, for the ledger's search")


class Target(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    key: str
    ref: str
    text: str = Field(sa_type=Text)
    value: float
    unit: str | None = None
    baseline: float | None = None
    comparator: str | None = None
    by: str | None = None


def search_key(ref: str | None, text: str | None) -> str:
    from dondoc.vietnamese import fold

    return fold(f"{ref or ''} {' '.join((text or '').split())}")


def _set_search(_mapper: Any, _conn: Any, target: Any) -> None:
    target.search = search_key(target.ref, target.text)


for _model in (Assignment, ReportObligation):
    event.listen(_model, "before_insert", _set_search)
    event.listen(_model, "before_update", _set_search)
