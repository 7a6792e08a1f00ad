"""JSON API (OpenAPI at /docs). Authorization: Bearer <personal token>."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlmodel import Session

from dondoc.collect.access import acting_for, can_enter_for, visible_clause
from dondoc.collect.submit import StatusPayload, obligation_for_entry, submit_on_behalf, submit_status
from dondoc.errors import InputError
from dondoc.intake.query import TargetScope, target_scope
from dondoc.models import Obligation, Plan, Unit
from dondoc.reporting.ledger import entry
from dondoc.web import queries
from dondoc.web.context import Web
from dondoc.web.deps import ApiViewer, WebContext
from dondoc.web.errors import NotFoundPage
from dondoc.web.schemas import (
    ObligationOut,
    OnBehalfIn,
    StatusIn,
    StatusOut,
    TargetOut,
    UnitObligationOut,
    status_out,
)

router = APIRouter(prefix="/api")


def to_out(web: Web, s: Session, rows: list[queries.Row], cls: type[ObligationOut] = ObligationOut) -> list[Any]:
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
        e = entry(r.obligation, as_of=today)
        out.append(cls(
            id=r.obligation.id, plan_id=r.plan.id, plan_title=r.plan.title, plan_number=r.plan.number,  # type: ignore[arg-type]
            ref=r.ref, task=r.task, role=r.obligation.role, period=r.obligation.period,
            due_date=e.due, extended_due=r.obligation.extended_due if e.due else None,
            days_left=e.days_left, undated=e.undated, update_by=e.update_by, category=e.category,
            status=e.status,
            progress=r.obligation.progress, closed=r.obligation.closed,
            last_update_at=r.obligation.last_update_at, targets=targets, **extra))
    return out


def _via(request: Request) -> str:
    return "api"  # from what the server knows (the JSON API), never from a header the caller sets


@router.get("/obligations", response_model=list[ObligationOut], tags=["obligations"])
def list_obligations(web: WebContext, link: ApiViewer, include_closed: bool = False) -> list[ObligationOut]:
    """The obligations the token's officer may update (open ones unless include_closed), each with
    the plan's targets that concern its unit."""
    with link.read() as (s, v):
        where = [visible_clause(v.officer, acting_for(s, officer=v.officer, day=web.today()))]
        if not include_closed:
            where.append(Obligation.closed == False)
        return to_out(web, s, queries.obligation_rows(s, *where))


@router.get("/plans/{plan_id}/obligations", response_model=list[UnitObligationOut], tags=["focal point"])
def plan_obligations(plan_id: int, web: WebContext, link: ApiViewer,
                     include_closed: bool = False) -> list[UnitObligationOut]:
    """Every unit's obligations of a plan, for its focal point or issuer (to enter a unit's status on
    its behalf). 404 for anyone else."""
    with link.read() as (s, v):
        plan = s.get(Plan, plan_id)
        if plan is None or not can_enter_for(v.officer, plan):
            raise NotFoundPage()
        where = [Obligation.plan_id == plan_id]
        if not include_closed:
            where.append(Obligation.closed == False)
        rows = queries.obligation_rows(s, *where, order=(Unit.name, Obligation.due_date, Obligation.id))
        return to_out(web, s, rows, UnitObligationOut)


@router.post("/obligations/{oid}/status", response_model=StatusOut, tags=["obligations"])
def post_status(oid: int, body: StatusIn, web: WebContext, link: ApiViewer) -> StatusOut:
    """Submit a status update. 404 for an unknown token or an obligation of another unit; 422 when invalid."""
    via = _via(link.request)
    with link.write() as (s, v):
        update = submit_status(s, officer_id=v.officer.id, obligation_id=oid,  # type: ignore[arg-type]
                               payload=StatusPayload(**body.model_dump()), via=via, now=web.now(),
                               token_id=v.token_row.id)
        return status_out(update)


@router.post("/obligations/{oid}/status/on-behalf", response_model=StatusOut, tags=["focal point"])
def post_on_behalf(oid: int, body: OnBehalfIn, web: WebContext, link: ApiViewer) -> StatusOut:
    """Nhập thay: the plan's focal point (or issuer) records the status a unit reported by phone, Zalo
    or on paper; `source` says where it came from. 404 for anyone else; 422 when invalid."""
    via = _via(link.request)
    with link.write() as (s, v):
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
