"""JSON API (OpenAPI at /docs). Authorization: Bearer <personal token>."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import FastAPI, Header, Request
from pydantic import BaseModel, Field
from sqlmodel import Session

from dondoc.models import Obligation
from dondoc.services.status import StatusPayload, plan_targets, submit_status, visible_clause
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
    progress: int | None = Field(default=None, ge=0, le=100)
    result: str = ""
    figures: dict[str, float | str] = Field(default_factory=dict, description="target ref (or key) -> number")
    difficulties: str = ""
    proposals: str = ""


class StatusOut(BaseModel):
    id: int
    obligation_id: int
    status: str
    progress: int
    late: bool
    figures: dict[str, Any]
    submitted_at: dt.datetime


def register(app: FastAPI, web: Web) -> None:
    from dondoc.web.app import NotFoundPage

    def bearer(s: Session, request: Request, authorization: str | None) -> Viewer:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            web.limiter.fail(web.client_ip(request))
            raise NotFoundPage()
        return web.viewer(s, request, token.strip())

    @app.get("/api/obligations", response_model=list[ObligationOut], tags=["obligations"])
    def list_obligations(request: Request, authorization: Auth = None, include_closed: bool = False) -> list[ObligationOut]:
        """The obligations the token's officer may update (open ones unless include_closed)."""
        with web.read() as s:
            v = bearer(s, request, authorization)
            where = [visible_clause(v.officer)]
            if not include_closed:
                where.append(Obligation.closed == False)
            rows = queries.obligation_rows(s, *where)
            today = web.today()
            targets: dict[int, list[TargetOut]] = {}
            for pid in {r.plan.id for r in rows}:
                targets[pid] = [TargetOut(key=t.key, ref=t.ref, text=t.text, value=t.value, unit=t.unit)  # type: ignore[index]
                                for t in plan_targets(s, pid)]  # type: ignore[arg-type]
            return [ObligationOut(
                id=r.obligation.id, plan_id=r.plan.id, plan_title=r.plan.title, plan_number=r.plan.number,  # type: ignore[arg-type]
                ref=r.ref, task=r.task, role=r.obligation.role, period=r.obligation.period,
                due_date=r.obligation.due_date, extended_due=r.obligation.extended_due,
                days_left=(r.obligation.effective_due - today).days, status=r.obligation.status,
                progress=r.obligation.progress, closed=r.obligation.closed,
                last_update_at=r.obligation.last_update_at, targets=targets[r.plan.id]) for r in rows]  # type: ignore[index]

    @app.post("/api/obligations/{oid}/status", response_model=StatusOut, tags=["obligations"])
    def post_status(oid: int, body: StatusIn, request: Request, authorization: Auth = None) -> StatusOut:
        """Submit a status update. 404 for an unknown token or an obligation of another unit; 422 when invalid."""
        via = "cli" if request.headers.get("x-dondoc-client") == "cli" else "api"
        with web.write() as s:
            v = bearer(s, request, authorization)
            update = submit_status(s, officer_id=v.officer.id, obligation_id=oid,  # type: ignore[arg-type]
                                   payload=StatusPayload(**body.model_dump()), via=via, now=web.now(),
                                   token_id=v.token_row.id)
            return StatusOut(id=update.id, obligation_id=oid, status=update.status, progress=update.progress,  # type: ignore[arg-type]
                             late=update.late, figures=dict(update.figures), submitted_at=update.submitted_at)
