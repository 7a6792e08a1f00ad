"""'Nhắc tất cả đơn vị chưa báo cáo' on the focal page: one click, rate-limited per channel
(dondoc.reporting.completeness holds the queries; this module is only the route)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import RedirectResponse, Response
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from dondoc.clock import local_date
from dondoc.reporting.completeness import remind_missing
from dondoc.web.deps import CurrentViewer, WebContext
from dondoc.web.focal import focal_plan, hand_to_delivery

router = APIRouter(include_in_schema=False)


@router.post("/t/{token}/focal/{plan_id}/remind-all")
async def remind_all(plan_id: int, web: WebContext, link: CurrentViewer) -> Response:
    form = await link.request.form(max_files=0, max_fields=20)
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    return await run_in_threadpool(_remind_all, web, link, plan_id, fields)


def _remind_all(web: WebContext, link: CurrentViewer, plan_id: int, fields: dict[str, str]) -> Response:
    now = web.now()
    with link.write() as (s, v):
        web.check_csrf(v, fields.get("csrf"))
        focal_plan(s, v, plan_id)
        period = fields.get("period") or None
        done = remind_missing(s, plan_id=plan_id, period=period, day=local_date(now), now=now)
        base = v.base
    text = f"Đã nhắc {done.units} đơn vị chưa báo cáo ({done.notices} lời nhắc)."
    if done.deferred:
        text += " Chờ lượt sau do giới hạn kênh: " + ", ".join(f"{ch} {n} đơn vị" for ch, n in done.deferred.items())
    if done.no_contact:
        text += f" {done.no_contact} đơn vị chưa có cán bộ nhận tin."
    url = f"{base}/focal/{plan_id}?msg={quote(text)}" + (f"&period={quote(period)}" if period else "")
    task = BackgroundTask(hand_to_delivery, web, now) if done.notices else None
    return RedirectResponse(url, status_code=303, background=task)
