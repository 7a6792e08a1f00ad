"""The leader's view (/tong-quan) and the decisions queue (/cho-xu-ly)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from dondoc import clock
from dondoc.collect import decisions
from dondoc.errors import DondocError
from dondoc.reporting import timeliness as tl
from dondoc.reporting.ledger_query import Scope, today
from dondoc.reporting.overview import overview, trend_svg
from dondoc.web.console.ledger import scope_of
from dondoc.web.console.session import Staff, check_csrf, page, redirect, require

VIEWERS = ("admin", "focal", "leader")
DECIDERS = ("admin", "focal", "leader")


def threshold(web: Any) -> int:
    return int(web.settings.briefing_reminders)


def make_router(web: Any) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/tong-quan")
    def leader_view(request: Request) -> Response:
        with web.read() as s:
            staff = require(web, s, request, *VIEWERS)
            ov = overview(s, as_of=today(), scope=scope_of(staff.user), threshold=threshold(web))
        return page(web, request, staff, "console/overview.html", title="Tổng quan", ov=ov, svg=trend_svg(ov.weeks),
                    labels=tl.LABELS, tl=tl)

    def queue_page(request: Request, staff: Staff, error: str = "", status_code: int = 200) -> Response:
        with web.read() as s:
            q = decisions.queue(s, scope=scope_of(staff.user))
        return page(web, request, staff, "console/queue.html", status_code, title="Chờ xử lý", q=q, error=error,
                    msg=request.query_params.get("msg", ""))

    @router.get("/cho-xu-ly")
    def queue(request: Request) -> Response:
        with web.read() as s:
            staff = require(web, s, request, *DECIDERS)
        return queue_page(request, staff)

    def decide(request: Request, csrf: str, action: Any, msg: str) -> Response:
        with web.read() as s:
            staff = require(web, s, request, *DECIDERS)
        check_csrf(web, staff, csrf)
        try:
            with web.write() as s:
                action(s, f"staff:{staff.user.id}", scope_of(staff.user))
        except DondocError as exc:
            return queue_page(request, staff, str(exc), exc.http_status if exc.http_status != 404 else 404)
        return redirect(web, request, staff, f"/cho-xu-ly?msg={msg}")

    @router.post("/cho-xu-ly/gia-han/{request_id}")
    def extension(request: Request, request_id: int, decision: str = Form(""), new_due: str = Form(""),
                  reason: str = Form(""), csrf: str = Form("")) -> Response:
        approve = decision == "approve"
        due = _date(new_due)

        def act(s: Any, actor: str, scope: Scope) -> None:
            decisions.decide_extension(s, request_id=request_id, approve=approve, new_due=due, reason=reason,
                                       actor=actor, now=clock.now(), scope=scope)
        return decide(request, csrf, act, "approved" if approve else "refused")

    @router.post("/cho-xu-ly/nhap-thay/{update_id}")
    def confirm(request: Request, update_id: int, csrf: str = Form("")) -> Response:
        def act(s: Any, actor: str, scope: Scope) -> None:
            decisions.confirm_on_behalf(s, update_id=update_id, actor=actor, now=clock.now(), scope=scope)
        return decide(request, csrf, act, "confirmed")

    @router.post("/cho-xu-ly/nghiem-thu/{update_id}")
    def accept(request: Request, update_id: int, decision: str = Form(""), comment: str = Form(""),
               csrf: str = Form("")) -> Response:
        def act(s: Any, actor: str, scope: Scope) -> None:
            decisions.accept_done(s, update_id=update_id, accept=decision == "accept", comment=comment, actor=actor,
                                  now=clock.now(), scope=scope)
        return decide(request, csrf, act, "accepted" if decision == "accept" else "returned")

    return router


def _date(value: str) -> dt.date | None:
    from dondoc.errors import InputError

    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"Hạn mới '{value}': cần ngày dạng YYYY-MM-DD.") from None
