"""The focal point's page: every unit of a plan, what it sent and when, who has not; remind now;
approve or refuse extensions; enter a unit's status on its behalf (nhập thay: reports received by
phone, Zalo or on paper). The zip and the compiled reports are downloaded through routes/files.py."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from dondoc.collect.attachments import check_attachment, store_attachment
from dondoc.collect.submit import StatusInputError, decide_extension, is_focal, remind_now, submit_on_behalf
from dondoc.models import Obligation, Plan
from dondoc.reporting.completeness import completeness
from dondoc.web import queries
from dondoc.web.deps import CurrentViewer, Today, WebContext
from dondoc.web.focal import entered_notice, focal_plan, hand_to_delivery
from dondoc.web.forms import TEXT_FIELDS, read_status_form, status_form, status_payload

router = APIRouter(include_in_schema=False)


def _notice(s: Any, plan_id: int, reminded: int | None, decided: str | None, entered: int | None) -> str | None:
    """The confirmation line after an action the page redirected from (the last one wins)."""
    notice = None
    if reminded is not None:
        notice = (f"Đã tạo {reminded} lời nhắc; tin nhắn sẽ được gửi ngay." if reminded
                  else "Đơn vị này đã được nhắc hôm nay hoặc không còn việc chưa xong.")
    if decided in ("approved", "refused"):
        notice = "Đã đồng ý gia hạn." if decided == "approved" else "Đã từ chối đề nghị gia hạn."
    if entered is not None:
        notice = entered_notice(s, plan_id, entered)
    return notice


@router.get("/t/{token}/focal/{plan_id}", response_class=HTMLResponse)
def focal_page(plan_id: int, web: WebContext, link: CurrentViewer, today: Today, period: str | None = None,
               reminded: int | None = None, decided: str | None = None, entered: int | None = None,
               msg: str | None = None, page: int = 1) -> HTMLResponse:
    with link.read() as (s, v):
        plan = focal_plan(s, v, plan_id)
        periods = queries.plan_periods(s, plan_id)
        if period not in {p[0] for p in periods}:
            period = queries.default_period(periods, today)
        cards, pending = queries.focal_page(s, plan=plan, period=period, page=page)
        reports = queries.compiled_reports(s, plan_id=plan_id)
        notice = _notice(s, plan_id, reminded, decided, entered)
        if msg and msg.startswith("Đã nhắc "):  # the remind-all route's own summary (routes/completeness.py)
            notice = msg[:300]
        done = completeness(s, plan_id=plan_id, period=period, today=today)
        return web.render("focal.html", title=f"Theo dõi: {plan.title[:60]}", v=v, officer=v.officer, unit=v.unit,
                          plan=plan, periods=periods, period=period, units=cards.units, cards=cards, pending=pending,
                          notice=notice, today=today, reports=reports, completeness=done)


@router.post("/t/{token}/focal/{plan_id}/remind/{unit_id}")
async def remind(plan_id: int, unit_id: int, web: WebContext, link: CurrentViewer) -> Response:
    form = await link.request.form(max_files=0, max_fields=20)
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    return await run_in_threadpool(_remind, web, link, plan_id, unit_id, fields)


def _remind(web: WebContext, link: CurrentViewer, plan_id: int, unit_id: int, fields: dict[str, str]) -> Response:
    now = web.now()
    with link.write() as (s, v):
        web.check_csrf(v, fields.get("csrf"))
        focal_plan(s, v, plan_id)
        period = fields.get("period") or None
        n = remind_now(s, officer_id=v.officer.id, plan_id=plan_id, unit_id=unit_id, period=period,  # type: ignore[arg-type]
                       now=now, via="web", token_id=v.token_row.id)
        page = fields.get("page", "")
        url = (f"{v.base}/focal/{plan_id}?reminded={n}" + (f"&period={quote(period)}" if period else "")
               + (f"&page={page}#units" if page.isdigit() and page != "1" else ""))
    task = BackgroundTask(hand_to_delivery, web, now) if n else None
    return RedirectResponse(url, status_code=303, background=task)


@router.post("/t/{token}/focal/extensions/{rid}")
async def decide(rid: int, web: WebContext, link: CurrentViewer) -> Response:
    form = await link.request.form(max_files=0, max_fields=20)
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    return await run_in_threadpool(_decide, web, link, rid, fields)


def _decide(web: WebContext, link: CurrentViewer, rid: int, fields: dict[str, str]) -> Response:
    with link.write() as (s, v):
        web.check_csrf(v, fields.get("csrf"))
        decision = fields.get("decision")
        if decision not in ("approve", "refuse"):
            raise StatusInputError("Hãy chọn Đồng ý hoặc Từ chối.")
        req = decide_extension(s, officer_id=v.officer.id, request_id=rid, approve=decision == "approve",  # type: ignore[arg-type]
                               via="web", now=web.now(), token_id=v.token_row.id)
        o = s.get(Obligation, req.obligation_id)
        assert o is not None
        url = f"{v.base}/focal/{o.plan_id}?decided={req.state}"
    return RedirectResponse(url, status_code=303)


@router.get("/t/{token}/focal/{plan_id}/o/{oid}", response_class=HTMLResponse)
def entry_get(plan_id: int, oid: int, web: WebContext, link: CurrentViewer) -> HTMLResponse:
    """Nhập thay: the unit's status form, filled in by the plan's focal point (or issuer)."""
    with link.read() as (s, v):
        return status_form(web, s, v, oid, on_behalf_of=plan_id)


@router.post("/t/{token}/focal/{plan_id}/o/{oid}")
async def entry_post(plan_id: int, oid: int, web: WebContext, link: CurrentViewer) -> Response:
    read = await read_status_form(web, link.request)
    if isinstance(read, Response):
        return read
    return await run_in_threadpool(_enter, web, link, plan_id, oid, *read)


def _enter(web: WebContext, link: CurrentViewer, plan_id: int, oid: int, fields: dict[str, str],
           files: list[tuple[str, bytes]]) -> Response:
    try:
        with link.write() as (s, v):
            web.check_csrf(v, fields.get("csrf"))
            checked = [(check_attachment(settings=web.settings, filename=n, data=d), d) for n, d in files]
            update = submit_on_behalf(s, officer_id=v.officer.id, obligation_id=oid, plan_id=plan_id,  # type: ignore[arg-type]
                                      payload=status_payload(fields), source=fields.get("source", ""), via="web",
                                      now=web.now(), token_id=v.token_row.id)
            for (name, _ext), data in checked:
                store_attachment(s, settings=web.settings, status_update_id=update.id, filename=name,  # type: ignore[arg-type]
                                 data=data, now=web.now())
            o = s.get(Obligation, oid)
            plan = s.get(Plan, plan_id)
            assert o is not None and plan is not None
            back = "focal" if is_focal(v.officer, plan) else "dashboard"
            url = f"{v.base}/{back}/{plan_id}?entered={update.id}&period={quote(o.period)}"
        return RedirectResponse(url, status_code=303)
    except StatusInputError as exc:
        values: dict[str, Any] = {k: fields.get(k, "") for k in (*TEXT_FIELDS, "source")}
        values["figures"] = {k[4:]: val for k, val in fields.items() if k.startswith("fig:")}
        with link.read() as (s, v):
            return status_form(web, s, v, oid, on_behalf_of=plan_id, error=str(exc), values=values,
                               status_code=422)
