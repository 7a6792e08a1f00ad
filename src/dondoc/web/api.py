"""JSON API (OpenAPI at /docs). Authorization: Bearer <personal token>."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import FastAPI, Header, Request
from pydantic import BaseModel, Field, StrictFloat, StrictInt, StrictStr
from sqlmodel import Session

from dondoc.collect.access import can_enter_for, obligation_for_entry, visible_clause
from dondoc.collect.submit import submit_on_behalf, submit_status
from dondoc.collect.validation import StatusPayload
from dondoc.errors import InputError
from dondoc.intake.query import TargetScope, target_scope
from dondoc.models import Obligation, Plan, Unit
from dondoc.web import queries

if TYPE_CHECKING:
    from dondoc.web.app import Viewer, Web


Auth = Annotated[str | None, Header(description="Bearer <personal token>")]


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
    due_date: dt.date
    extended_due: dt.date | None
    days_left: int
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


def register(app: FastAPI, web: Web) -> None:
    from dondoc.web.app import NotFoundPage

    def bearer(s: Session, request: Request, authorization: str | None) -> Viewer:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return web.viewer(s, request, "")  # counted as a failed attempt; 404 (or 429 when over the limit)
        return web.viewer(s, request, token.strip())

    def to_out(s: Session, rows: list[queries.Row], v: Viewer, cls: type[ObligationOut] = ObligationOut) -> list[Any]:
        """Rows as API objects, each with the targets that concern its unit, then the plan's general
        targets (flagged `general`)."""
        today = web.today()
        scopes: dict[int, TargetScope] = {pid: target_scope(s, pid) for pid in {r.plan.id for r in rows}}
        general = {t.id for scope in scopes.values() for t in scope.general}
        out = []
        for r in rows:
            targets = [TargetOut(key=t.key, ref=t.ref, text=t.text, value=t.value, unit=t.unit,
                                 general=t.id in general)
                       for t in scopes[r.plan.id].for_unit(r.obligation.unit_id, with_general=True)]
            extra = {"unit_id": r.obligation.unit_id, "unit_name": r.unit_name} if cls is UnitObligationOut else {}
            out.append(cls(
                id=r.obligation.id, plan_id=r.plan.id, plan_title=r.plan.title, plan_number=r.plan.number,  # type: ignore[arg-type]
                ref=r.ref, task=r.task, role=r.obligation.role, period=r.obligation.period,
                due_date=r.obligation.due_date, extended_due=r.obligation.extended_due,
                days_left=(r.obligation.effective_due - today).days, status=r.obligation.status,
                progress=r.obligation.progress, closed=r.obligation.closed,
                last_update_at=r.obligation.last_update_at, targets=targets, **extra))
        return out

    @app.get("/api/obligations", response_model=list[ObligationOut], tags=["obligations"])
    def list_obligations(request: Request, authorization: Auth = None, include_closed: bool = False) -> list[ObligationOut]:
        """The obligations the token's officer may update (open ones unless include_closed), each with
        the plan's targets that concern its unit."""
        with web.read() as s:
            v = bearer(s, request, authorization)
            where = [visible_clause(v.officer)]
            if not include_closed:
                where.append(Obligation.closed == False)
            return to_out(s, queries.obligation_rows(s, *where), v)

    @app.get("/api/plans/{plan_id}/obligations", response_model=list[UnitObligationOut], tags=["focal point"])
    def plan_obligations(plan_id: int, request: Request, authorization: Auth = None,
                         include_closed: bool = False) -> list[UnitObligationOut]:
        """Every unit's obligations of a plan, for its focal point or issuer (to enter a unit's status on
        its behalf). 404 for anyone else."""
        with web.read() as s:
            v = bearer(s, request, authorization)
            plan = s.get(Plan, plan_id)
            if plan is None or not can_enter_for(v.officer, plan):
                raise NotFoundPage()
            where = [Obligation.plan_id == plan_id]
            if not include_closed:
                where.append(Obligation.closed == False)
            rows = queries.obligation_rows(s, *where, order=(Unit.name, Obligation.due_date, Obligation.id))
            return to_out(s, rows, v, UnitObligationOut)

    @app.post("/api/obligations/{oid}/status", response_model=StatusOut, tags=["obligations"])
    def post_status(oid: int, body: StatusIn, request: Request, authorization: Auth = None) -> StatusOut:
        """Submit a status update. 404 for an unknown token or an obligation of another unit; 422 when invalid."""
        via = "api"  # from what the server knows (the JSON API), never from a header the caller sets
        with web.write() as s:
            v = bearer(s, request, authorization)
            update = submit_status(s, officer_id=v.officer.id, obligation_id=oid,  # type: ignore[arg-type]
                                   payload=StatusPayload(**body.model_dump()), via=via, now=web.now(),
                                   token_id=v.token_row.id)
            return status_out(update)

    @app.post("/api/obligations/{oid}/status/on-behalf", response_model=StatusOut, tags=["focal point"])
    def post_on_behalf(oid: int, body: OnBehalfIn, request: Request, authorization: Auth = None) -> StatusOut:
        """Nhập thay: the plan's focal point (or issuer) records the status a unit reported by phone, Zalo
        or on paper; `source` says where it came from. 404 for anyone else; 422 when invalid."""
        via = "api"  # from what the server knows (the JSON API), never from a header the caller sets
        with web.write() as s:
            v = bearer(s, request, authorization)
            if body.unit is not None:
                o = obligation_for_entry(s, officer=v.officer, obligation_id=oid)
                unit = s.get(Unit, o.unit_id)
                if unit is None or unit.code != body.unit.strip():
                    raise InputError(f"Nhiệm vụ {oid} không phải của đơn vị {body.unit!r} mà của "
                                     f"{unit.name if unit else '?'} ({unit.code if unit else '?'}).")
            fields = body.model_dump(exclude={"source", "unit"})
            update = submit_on_behalf(s, officer_id=v.officer.id, obligation_id=oid,  # type: ignore[arg-type]
                                      payload=StatusPayload(**fields), source=body.source, via=via,
                                      now=web.now(), token_id=v.token_row.id)
            return status_out(update)


def status_out(update: Any) -> StatusOut:
    return StatusOut(id=update.id, obligation_id=update.obligation_id, status=update.status, progress=update.progress,
                     late=update.late, figures=dict(update.figures), submitted_at=update.submitted_at,
                     entered_by_id=update.entered_by_id, via=update.via)
