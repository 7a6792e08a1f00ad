"""'Nhắc tất cả đơn vị chưa báo cáo' on the focal page: one click, rate-limited per channel
(dondoc.reporting.completeness holds the queries; this module is only the route)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from dondoc.collect.submit import local_day
from dondoc.reporting.completeness import remind_missing

if TYPE_CHECKING:
    from dondoc.web.app import Web


def register(app: FastAPI, web: Web) -> None:
    from dondoc.web.focal import focal_plan, hand_to_delivery

    @app.post("/t/{token}/focal/{plan_id}/remind-all", include_in_schema=False)
    async def remind_all(token: str, plan_id: int, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=20)
        fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        return await run_in_threadpool(_remind_all, token, plan_id, request, fields)

    def _remind_all(token: str, plan_id: int, request: Request, fields: dict[str, str]) -> Response:
        now = web.now()
        with web.write() as s:
            v = web.viewer(s, request, token)
            web.check_csrf(v, fields.get("csrf"))
            focal_plan(s, v, plan_id)
            period = fields.get("period") or None
            done = remind_missing(s, plan_id=plan_id, period=period, day=local_day(now), now=now)
        text = f"Đã nhắc {done.units} đơn vị chưa báo cáo ({done.notices} lời nhắc)."
        if done.deferred:
            text += " Chờ lượt sau do giới hạn kênh: " + ", ".join(f"{ch} {n} đơn vị" for ch, n in done.deferred.items())
        if done.no_contact:
            text += f" {done.no_contact} đơn vị chưa có cán bộ nhận tin."
        url = f"{v.base}/focal/{plan_id}?msg={quote(text)}" + (f"&period={quote(period)}" if period else "")
        task = BackgroundTask(hand_to_delivery, web, now) if done.notices else None
        return RedirectResponse(url, status_code=303, background=task)
