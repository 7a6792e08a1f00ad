"""Reports from the console (/bao-cao): compile or refresh a plan's consolidated report for a period,
download the .docx / .xlsx, and see what changed since the previous compilation. A report compiled
before the period's data cut-off is a draft (Dự thảo) and marked so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import FileResponse, Response
from sqlmodel import col, select

from dondoc import clock
from dondoc.errors import DondocError
from dondoc.models import CompiledReport, Plan
from dondoc.web.console.pages import can_edit
from dondoc.web.console.session import check_csrf, finish, page, require

COMPILERS = ("admin", "focal")
READERS = ("admin", "focal", "leader")


def make_router(web: Any) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def listing(request: Request, staff: Any, *, changes: list[Any] | None = None, compiled: Any = None,
                error: str = "", status_code: int = 200) -> Response:
        with web.read() as s:
            plans = list(s.exec(select(Plan).where(Plan.state == "active").order_by(col(Plan.id))).all())
            reports = list(s.exec(select(CompiledReport).order_by(col(CompiledReport.compiled_at).desc())).all())
        plans = [p for p in plans if staff.role != "focal" or can_edit(staff, p)]
        from dondoc.signing.reports import signing_state

        shown = {p.id for p in plans}
        signing = {r.id: signing_state(web.settings, r) for r in reports if r.plan_id in shown}
        return page(web, request, staff, "console/reports.html", status_code, title="Báo cáo", plans=plans,
                    reports=reports, titles={p.id: p for p in plans}, changes=changes, compiled=compiled, error=error,
                    can_compile=staff.role in COMPILERS, signing=signing)

    @router.get("/bao-cao")
    def reports(request: Request) -> Response:
        with web.read() as s:
            staff = require(web, s, request, *READERS)
        return listing(request, staff)

    @router.post("/bao-cao")
    def compile_(request: Request, plan_id: int = Form(...), period: str = Form(""), csrf: str = Form("")) -> Response:
        from dondoc.reporting.changes import snapshot_changes
        from dondoc.reporting.compile import compile_report

        with web.read() as s:
            staff = require(web, s, request, *COMPILERS)
            plan = s.get(Plan, plan_id)
            if plan is None or plan.state != "active" or not can_edit(staff, plan):
                raise HTTPException(404)
            previous = {r.period: dict(r.snapshot) for r in s.exec(select(CompiledReport)
                                                                   .where(CompiledReport.plan_id == plan_id)).all()}
        check_csrf(web, staff, csrf)
        try:
            row = compile_report(engine=web.engine, settings=web.settings, plan_id=plan_id, period=period.strip() or None,
                                 now=clock.now(), send=False)
        except DondocError as exc:
            return listing(request, staff, error=str(exc), status_code=400)
        from dondoc.accounts.users import audit

        with web.write() as s:
            audit(s, actor=f"staff:{staff.user.id}", action="report.compiled", entity="compiledreport", entity_id=row.id,
                  now=clock.now())
        changes = snapshot_changes(previous.get(row.period), dict(row.snapshot))
        return listing(request, staff, changes=changes, compiled=row)

    @router.get("/bao-cao/{report_id}.{ext}")
    def download(request: Request, report_id: int, ext: str) -> Response:
        with web.read() as s:
            staff = require(web, s, request, *READERS)
            row = s.get(CompiledReport, report_id)
            plan = s.get(Plan, row.plan_id) if row else None
        if row is None or plan is None or ext not in ("docx", "xlsx") or (staff.role == "focal" and not can_edit(staff, plan)):
            raise HTTPException(404)
        path = Path(row.docx_path if ext == "docx" else row.xlsx_path or "")
        if not path.is_file():
            raise HTTPException(404)
        draft = "" if (row.snapshot.get("period") or {}).get("final") else "du-thao-"
        return finish(web, request, staff, FileResponse(path, filename=f"{draft}{path.name}"))

    return router
