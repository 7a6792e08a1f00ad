"""The review screen's collective expansions ('UBND các xã, phường' -> 130 communes): one form per collective
of a task, every member ticked; untick a member = 'không áp dụng' for this task, tick it again = áp dụng lại
(dondoc.intake.members.set_members). On a draft this is what activation will create."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from dondoc import clock
from dondoc.intake.lifecycle import get_plan
from dondoc.web.console.pages import EDITORS, can_edit
from dondoc.web.console.session import check_csrf, read, redirect, require


def make_router(web: Any) -> APIRouter:
    router = APIRouter(prefix="/console/plans", include_in_schema=False)

    @router.post("/{plan_id}/items/{item_id}/members")
    async def members(request: Request, plan_id: int, item_id: int) -> Response:
        from starlette.concurrency import run_in_threadpool

        from dondoc.intake.members import set_members

        form = await request.form(max_files=0, max_fields=5000)
        with read(web) as s:
            staff = require(web, s, request, *EDITORS)
            plan = get_plan(s, plan_id)
        check_csrf(web, staff, form.get("csrf"))
        if not can_edit(staff, plan):
            raise HTTPException(403, "Bạn không phụ trách kế hoạch này.")
        listed = {int(v) for v in form.getlist("listed") if isinstance(v, str) and v.isdigit()}
        kept = {int(v) for v in form.getlist("unit") if isinstance(v, str) and v.isdigit()} & listed
        reason = " ".join(str(form.get("reason") or "").split())[:200] or "không áp dụng"

        def apply() -> dict[str, int]:
            with web.write() as s:
                return set_members(s, plan_id=plan_id, assignment_id=item_id, exclude=listed - kept, include=kept,
                                   settings=web.settings, now=clock.now(), actor=f"staff:{staff.user.id}",
                                   reason=reason)

        done = await run_in_threadpool(apply)  # a DondocError is the app's error page with its message
        msg = f"members:{done['excluded']}:{done['included']}"
        return redirect(web, request, staff, f"/console/plans/{plan_id}?msg={msg}#item-{item_id}")

    return router
