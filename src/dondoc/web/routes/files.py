"""Downloads behind a personal link: a status update's attachment, the zip of a plan's submissions
(focal point) and a compiled report's Word or Excel file (focal point, issuer)."""

from __future__ import annotations

import logging
import os
from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from dondoc.collect.access import can_enter_for, can_update, is_issuer
from dondoc.collect.attachments import attachment_path
from dondoc.collect.submit import is_focal, local_day
from dondoc.models import Attachment, CompiledReport, Obligation, Plan, StatusUpdate
from dondoc.web.deps import AppSettings, CurrentViewer, WebContext
from dondoc.web.errors import NotFoundPage
from dondoc.web.focal import (
    REPORT_FILES,
    build_export,
    content_disposition,
    focal_plan,
    report_download_name,
    report_file,
)

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)


@router.get("/t/{token}/files/{aid}")
def download(aid: int, settings: AppSettings, link: CurrentViewer) -> Response:
    with link.read() as (s, v):
        att = s.get(Attachment, aid)
        if att is None:
            raise NotFoundPage()
        update = s.get(StatusUpdate, att.status_update_id)
        obligation = s.get(Obligation, update.obligation_id) if update else None
        plan = s.get(Plan, obligation.plan_id) if obligation else None
        if obligation is None or plan is None or not (
                can_update(v.officer, obligation) or is_focal(v.officer, plan) or is_issuer(v.officer, plan)):
            raise NotFoundPage()
        path = attachment_path(settings, att)
        media_type, filename = att.content_type, att.filename
    if not path.is_file():
        raise NotFoundPage()
    return FileResponse(path, media_type=media_type, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})


@router.get("/t/{token}/focal/{plan_id}/export.zip")
def export(plan_id: int, web: WebContext, link: CurrentViewer) -> Response:
    with link.read() as (s, v):
        plan = focal_plan(s, v, plan_id)
        path = build_export(s, web, plan)
    name = f"dondoc-ke-hoach-{plan_id}-{web.today():%Y%m%d}.zip"
    return FileResponse(path, media_type="application/zip", filename=name,
                        background=BackgroundTask(os.unlink, path))


@router.get("/t/{token}/focal/{plan_id}/reports/{report_id}.{fmt}")
def report_download(plan_id: int, report_id: int, fmt: str, web: WebContext, settings: AppSettings,
                    link: CurrentViewer) -> Response:
    """A compiled report's Word or Excel file, for the plan's focal officers and issuer."""
    with link.read() as (s, v):
        plan = s.get(Plan, plan_id)
        if plan is None or not can_enter_for(v.officer, plan):
            raise NotFoundPage()
        row = s.get(CompiledReport, report_id)
        if row is None or row.plan_id != plan_id or fmt not in REPORT_FILES:
            raise NotFoundPage()
        stored = row.docx_path if fmt == "docx" else row.xlsx_path
        path = report_file(settings, stored)
        if path is None:
            raise NotFoundPage()
        final = local_day(row.compiled_at) >= row.cutoff
        name = report_download_name(plan, row, fmt, final=final)
    try:
        data = path.read_bytes()  # reports are small; read whole so a file removed meanwhile is a 404
    except OSError:
        log.warning("compiled report %s: file %s is missing", report_id, path)
        return web.render("error.html", 404, title="Không tìm thấy tệp báo cáo", officer=None,
                          message="Tệp báo cáo này không còn trên hệ thống. Đề nghị liên hệ bộ phận quản trị "
                                  "dondoc để lập lại báo cáo (dondoc report).")
    return Response(data, media_type=REPORT_FILES[fmt][0],
                    headers={"Content-Disposition": content_disposition(name)})
