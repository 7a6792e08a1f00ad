"""/nguoi-thay: officers' absences and who acts for them (người làm thay) from the console — the list of
absences in force or to come, a form to name one and a button to cancel one.

Admins manage any officer; focal staff the officers of the units that have obligations in the plans they
follow (the ledger's scope); leaders read. The rule itself is directory.substitutes.name_substitute, the one
the CLI (`dondoc substitute`) and the officer's own form (routes/absence.py) call; it audits each change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import Response
from sqlmodel import col, select

from dondoc import clock
from dondoc.errors import DondocError, InputError
from dondoc.models import Obligation, Officer, Unit
from dondoc.reporting.ledger_query import visible_plans
from dondoc.web.console.ledger import scope_of
from dondoc.web.console.session import Staff, check_csrf, page, read, redirect, require

VIEWERS = ("admin", "focal", "leader")
MANAGERS = ("admin", "focal")
NOTE_MAX = 300


def form_date(value: Any, label: str) -> dt.date:
    """A date from a form: YYYY-MM-DD (the browser's date field) or dd/mm/yyyy (typed by hand)."""
    text = str(value or "").strip()
    try:
        if "/" in text:
            d, m, y = (int(x) for x in text.split("/"))
            return dt.date(y, m, d)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{label}: cần một ngày (ngày/tháng/năm), nhận được '{text[:20]}'") from None


def in_reach(s: Any, staff: Staff) -> list[Officer]:
    """The active officers `staff` may see and name substitutes for: every officer for admins and leaders,
    for focal staff those of the units with obligations in the plans they follow."""
    q = select(Officer).where(Officer.active == True)
    if staff.role == "focal":
        units = select(Obligation.unit_id).where(col(Obligation.plan_id).in_(visible_plans(scope_of(staff.user))))
        q = q.where(col(Officer.unit_id).in_(units.distinct()))
    return list(s.exec(q.order_by(col(Officer.unit_id), col(Officer.name))).all())


def make_router(web: Any) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def listing(request: Request, staff: Staff, *, error: str = "", values: dict[str, str] | None = None,
                msg: str = "", status_code: int = 200) -> Response:
        from dondoc.directory.substitutes import substitutes

        today = clock.today()
        with read(web) as s:
            officers = in_reach(s, staff)
            ids = None if staff.role != "focal" else [o.id for o in officers if o.id is not None]
            rows = substitutes(s, since=today, officer_ids=ids)
            units = {u.id: u.name for u in s.exec(select(Unit).where(col(Unit.id).in_(
                {o.unit_id for o in officers} | {away.unit_id for _r, away, _s in rows}))).all()}
        return page(web, request, staff, "console/substitutes.html", status_code, title="Người làm thay",
                    rows=rows, officers=officers, units=units, today=today, error=error, values=values or {},
                    msg=msg, can_manage=staff.role in MANAGERS)

    @router.get("/nguoi-thay")
    def substitutes_page(request: Request, msg: str = "") -> Response:
        with read(web) as s:
            staff = require(web, s, request, *VIEWERS)
        return listing(request, staff, msg=msg[:40])

    @router.post("/nguoi-thay")
    async def add(request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        from dondoc.directory.substitutes import name_substitute

        form = await request.form(max_files=0, max_fields=20)
        values = {k: str(form.get(k) or "").strip() for k in ("officer", "substitute", "start", "end", "note")}
        with read(web) as s:
            staff = require(web, s, request, *MANAGERS)
            reach = {o.code for o in in_reach(s, staff)}
        check_csrf(web, staff, form.get("csrf"))

        def apply() -> int:
            for field, label in (("officer", "Cán bộ vắng"), ("substitute", "Người làm thay")):
                if values[field] and values[field] not in reach:
                    raise InputError(f"{label}: cán bộ '{values[field][:40]}' không thuộc các đơn vị bạn theo dõi")
            if not values["officer"]:
                raise InputError("Hãy chọn cán bộ vắng mặt.")
            start, end = form_date(values["start"], "Từ ngày"), form_date(values["end"], "Đến ngày")
            with web.write() as s:
                row = name_substitute(s, officer=values["officer"], substitute=values["substitute"] or None,
                                      start=start, end=end, note=" ".join(values["note"].split())[:NOTE_MAX],
                                      by=f"staff:{staff.user.id}", now=clock.now())
                return int(row.id or 0)

        try:
            ident = await run_in_threadpool(apply)
        except DondocError as exc:
            return listing(request, staff, error=str(exc), values=values, status_code=400)
        return redirect(web, request, staff, f"/nguoi-thay?msg=added-{ident}")

    @router.post("/nguoi-thay/{substitute_id}/huy")
    def cancel(request: Request, substitute_id: int, csrf: str = Form("")) -> Response:
        from dondoc.directory.substitutes import cancel_substitute
        from dondoc.models import Substitute

        with read(web) as s:
            staff = require(web, s, request, *MANAGERS)
            row = s.get(Substitute, substitute_id)
            reach = {o.id for o in in_reach(s, staff)}
        check_csrf(web, staff, csrf)
        if row is None or row.cancelled_at is not None:
            raise HTTPException(404, f"Không có lịch vắng số {substitute_id} đang hiệu lực.")
        if row.officer_id not in reach:
            raise HTTPException(403, "Cán bộ này không thuộc các đơn vị bạn theo dõi.")
        with web.write() as s:
            cancel_substitute(s, substitute_id=substitute_id, by=f"staff:{staff.user.id}", now=clock.now())
        return redirect(web, request, staff, f"/nguoi-thay?msg=cancelled-{substitute_id}")

    return router
