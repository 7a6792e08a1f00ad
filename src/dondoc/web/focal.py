"""The focal point's page: every unit of a plan, what it sent and when, who has not; remind now;
enter a unit's status on its behalf (nhập thay: reports received by phone, Zalo or on paper);
approve or refuse extensions; download every submission as a zip; download the compiled reports
(Word and Excel files written by services/reporting.py), which chat channels cannot carry."""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from sqlmodel import Session, col, select
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from dondoc import vietnamese as vn
from dondoc.collect.access import can_enter_for, is_focal, plan_targets
from dondoc.collect.attachments import attachment_path, check_attachment, store_attachment
from dondoc.collect.submit import decide_extension, local_day, remind_now, submit_on_behalf
from dondoc.collect.validation import StatusInputError
from dondoc.config import Settings
from dondoc.models import (
    STATUS_LABELS,
    Attachment,
    CompiledReport,
    ExtensionRequest,
    Obligation,
    Plan,
    StatusUpdate,
    Unit,
)
from dondoc.notifications.port import ascii_filename
from dondoc.reporting.completeness import completeness
from dondoc.web import queries
from dondoc.web.officer import TEXT_FIELDS, read_status_form, status_form, status_payload
from dondoc.web.render import ROLE_LABELS, local_time

if TYPE_CHECKING:
    from dondoc.web.app import Viewer, Web

log = logging.getLogger(__name__)


def focal_plan(s: Session, v: Viewer, plan_id: int) -> Plan:
    from dondoc.web.app import NotFoundPage

    plan = s.get(Plan, plan_id)
    if plan is None or not is_focal(v.officer, plan):
        raise NotFoundPage()
    return plan


# The compiled report's two files: URL suffix -> (content type, what the list calls it).
REPORT_FILES = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
}


def report_file(settings: Settings, stored: str | None) -> Path | None:
    """A compiled report file's path from its DB row, under the data folder (DONDOC_HOME): a relative
    path is taken from the folder, an absolute one must lie inside it. None when there is no path or it
    leads outside the folder (after resolving '..' and symbolic links)."""
    if not stored:
        return None
    home = settings.home.resolve()
    path = (home / stored).resolve()  # an absolute `stored` replaces `home` here
    if not path.is_relative_to(home):
        log.warning("compiled report path %r is outside the data folder: refused", stored)
        return None
    return path


def report_download_name(plan: Plan, row: CompiledReport, fmt: str, *, final: bool) -> str:
    """'Báo cáo tổng hợp năm 2025 - Kế hoạch 68-KH-UBND (dự thảo).docx'."""
    from dondoc.reporting.period import ReportInputError, parse_period

    try:
        label = parse_period(row.period).label
    except ReportInputError:
        label = row.period
    ident = (plan.number or str(plan.id)).replace("/", "-").replace("\\", "-")
    draft = "" if final else " (dự thảo)"
    return f"Báo cáo tổng hợp {label} - Kế hoạch {ident}{draft}.{fmt}"


def content_disposition(name: str) -> str:
    """attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name> (RFC 6266)."""
    stem, dot, ext = name.rpartition(".")
    fallback = re.sub(r"-{2,}", "-", ascii_filename(stem if dot else name)).strip("-") or "bao-cao"
    if dot:
        fallback += "." + ascii_filename(ext)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def register(app: FastAPI, web: Web) -> None:
    from dondoc.web.app import NotFoundPage

    @app.get("/t/{token}/focal/{plan_id}", response_class=HTMLResponse, include_in_schema=False)
    def focal_page(token: str, plan_id: int, request: Request, period: str | None = None,
                   reminded: int | None = None, decided: str | None = None, entered: int | None = None,
                   msg: str | None = None) -> HTMLResponse:
        with web.read() as s:
            v = web.viewer(s, request, token)
            plan = focal_plan(s, v, plan_id)
            today = web.today()
            periods = queries.plan_periods(s, plan_id)
            if period not in {p[0] for p in periods}:
                period = queries.default_period(periods, today)
            units, pending = queries.focal_page(s, plan=plan, period=period)
            reports = queries.compiled_reports(s, plan_id=plan_id)
            notice = None
            if reminded is not None:
                notice = (f"Đã tạo {reminded} lời nhắc; tin nhắn sẽ được gửi ngay." if reminded
                          else "Đơn vị này đã được nhắc hôm nay hoặc không còn việc chưa xong.")
            if decided in ("approved", "refused"):
                notice = "Đã đồng ý gia hạn." if decided == "approved" else "Đã từ chối đề nghị gia hạn."
            if entered is not None:
                notice = entered_notice(s, plan_id, entered)
            if msg and msg.startswith("Đã nhắc "):  # the remind-all route's own summary (web/completeness.py)
                notice = msg[:300]
            done = completeness(s, plan_id=plan_id, period=period, today=today)
            return web.render("focal.html", title=f"Theo dõi: {plan.title[:60]}", v=v, officer=v.officer, unit=v.unit,
                              plan=plan, periods=periods, period=period, units=units, pending=pending,
                              notice=notice, today=today, reports=reports, completeness=done)

    @app.post("/t/{token}/focal/{plan_id}/remind/{unit_id}", include_in_schema=False)
    async def remind(token: str, plan_id: int, unit_id: int, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=20)
        fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        return await run_in_threadpool(_remind, token, plan_id, unit_id, request, fields)

    def _remind(token: str, plan_id: int, unit_id: int, request: Request, fields: dict[str, str]) -> Response:
        now = web.now()
        with web.write() as s:
            v = web.viewer(s, request, token)
            web.check_csrf(v, fields.get("csrf"))
            focal_plan(s, v, plan_id)
            period = fields.get("period") or None
            n = remind_now(s, officer_id=v.officer.id, plan_id=plan_id, unit_id=unit_id, period=period,  # type: ignore[arg-type]
                           now=now, via="web", token_id=v.token_row.id)
            url = f"{v.base}/focal/{plan_id}?reminded={n}" + (f"&period={period}" if period else "")
        task = BackgroundTask(hand_to_delivery, web, now) if n else None
        return RedirectResponse(url, status_code=303, background=task)

    @app.post("/t/{token}/focal/extensions/{rid}", include_in_schema=False)
    async def decide(token: str, rid: int, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=20)
        fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        return await run_in_threadpool(_decide, token, rid, request, fields)

    def _decide(token: str, rid: int, request: Request, fields: dict[str, str]) -> Response:
        with web.write() as s:
            v = web.viewer(s, request, token)
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

    @app.get("/t/{token}/focal/{plan_id}/o/{oid}", response_class=HTMLResponse, include_in_schema=False)
    def entry_get(token: str, plan_id: int, oid: int, request: Request) -> HTMLResponse:
        """Nhập thay: the unit's status form, filled in by the plan's focal point (or issuer)."""
        with web.read() as s:
            v = web.viewer(s, request, token)
            return status_form(web, s, v, oid, on_behalf_of=plan_id)

    @app.post("/t/{token}/focal/{plan_id}/o/{oid}", include_in_schema=False)
    async def entry_post(token: str, plan_id: int, oid: int, request: Request) -> Response:
        read = await read_status_form(web, request)
        if isinstance(read, Response):
            return read
        return await run_in_threadpool(_enter, token, plan_id, oid, request, *read)

    def _enter(token: str, plan_id: int, oid: int, request: Request, fields: dict[str, str],
               files: list[tuple[str, bytes]]) -> Response:
        try:
            with web.write() as s:
                v = web.viewer(s, request, token)
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
            with web.read() as s:
                v = web.viewer(s, request, token)
                return status_form(web, s, v, oid, on_behalf_of=plan_id, error=str(exc), values=values,
                                   status_code=422)

    @app.get("/t/{token}/focal/{plan_id}/export.zip", include_in_schema=False)
    def export(token: str, plan_id: int, request: Request) -> Response:
        with web.read() as s:
            v = web.viewer(s, request, token)
            plan = focal_plan(s, v, plan_id)
            path = build_export(s, web, plan)
        name = f"dondoc-ke-hoach-{plan_id}-{web.today():%Y%m%d}.zip"
        return FileResponse(path, media_type="application/zip", filename=name,
                            background=BackgroundTask(os.unlink, path))

    @app.get("/t/{token}/focal/{plan_id}/reports/{report_id}.{fmt}", include_in_schema=False)
    def report_download(token: str, plan_id: int, report_id: int, fmt: str, request: Request) -> Response:
        """A compiled report's Word or Excel file, for the plan's focal officers and issuer."""
        with web.read() as s:
            v = web.viewer(s, request, token)
            plan = s.get(Plan, plan_id)
            if plan is None or not can_enter_for(v.officer, plan):
                raise NotFoundPage()
            row = s.get(CompiledReport, report_id)
            if row is None or row.plan_id != plan_id or fmt not in REPORT_FILES:
                raise NotFoundPage()
            stored = row.docx_path if fmt == "docx" else row.xlsx_path
            path = report_file(web.settings, stored)
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

    _ = NotFoundPage


def entered_notice(s: Session, plan_id: int, update_id: int) -> str | None:
    """The confirmation after 'Nhập thay': which unit, when, late or not (None for an unrelated id)."""
    found = s.exec(select(StatusUpdate, Obligation, Unit)
                   .join(Obligation, col(Obligation.id) == StatusUpdate.obligation_id)
                   .join(Unit, col(Unit.id) == Obligation.unit_id)
                   .where(StatusUpdate.id == update_id, Obligation.plan_id == plan_id)).first()
    if found is None or found[0].entered_by_id is None:
        return None
    u, _o, unit = found
    late = " (gửi muộn: sau ngày chốt số liệu)" if u.late else ""
    return f"Đã nhập thay báo cáo của {unit.name} lúc {local_time(u.submitted_at)}{late}."


def hand_to_delivery(web: Web, now: object) -> None:
    """Best effort after 'Nhắc ngay': let the delivery layer compose and send today's notices now.
    When it is absent or fails, the notices stay and go out on the next scheduled run."""
    try:
        from dondoc.delivery.compose import compose_messages
        from dondoc.delivery.outbox import deliver_pending
    except ImportError:
        return
    try:
        from dondoc.db import session_scope

        with session_scope(web.engine) as s:
            compose_messages(s, day=local_day(now), now=now, settings=web.settings)  # type: ignore[arg-type]
        from dondoc.notifications import get_notifier  # type: ignore[attr-defined]

        deliver_pending(engine=web.engine, settings=web.settings, notifier=get_notifier(web.settings),
                                 now=now, worker="web")
    except Exception:
        log.exception("immediate delivery after 'Nhắc ngay' failed; the next run will send it")


def build_export(s: Session, web: Web, plan: Plan) -> str:
    """A zip with tong-hop.csv (every submission, UTF-8 with BOM for Excel) and the attachments."""
    subs = queries.submissions_with_entry(s, plan_id=plan.id)  # type: ignore[arg-type]
    targets = {t.key: t for t in plan_targets(s, plan.id)}  # type: ignore[arg-type]
    atts: dict[int, list[Attachment]] = {}
    if subs:
        for a in s.exec(select(Attachment).where(Attachment.status_update_id.in_([u.id for u, _, _, _ in subs]))):  # type: ignore[union-attr]
            atts.setdefault(a.status_update_id, []).append(a)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Mã cập nhật", "Đơn vị", "Mục", "Nhiệm vụ", "Vai trò", "Kỳ", "Hạn", "Tình trạng", "Tiến độ (%)",
                "Kết quả", "Số liệu chỉ tiêu", "Khó khăn, vướng mắc", "Kiến nghị", "Gửi lúc", "Gửi muộn",
                "Người gửi", "Qua", "Nhập thay", "Tệp đính kèm"])
    fd, path = tempfile.mkstemp(suffix=".zip")
    os.close(fd)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for u, row, who, entry in subs:
            names = []
            for a in atts.get(u.id, []):  # type: ignore[arg-type]
                src = attachment_path(web.settings, a)
                arc = f"tep-dinh-kem/{u.id}-{a.id}-{a.filename}"
                if src.is_file():
                    zf.write(src, arc)
                    names.append(arc)
            figs = "; ".join(f"{targets[k].ref} {targets[k].text[:40]}: {vn.number(v)}" if k in targets else f"{k}: {v}"
                             for k, v in u.figures.items())
            o = row.obligation
            w.writerow([_no_formula(v) for v in [u.id, row.unit_name, row.ref, row.task, ROLE_LABELS.get(o.role, o.role), o.period,
                        vn.short_date(o.due_date), STATUS_LABELS.get(u.status, u.status), u.progress, u.result, figs,
                        u.difficulties, u.proposals, local_time(u.submitted_at), "có" if u.late else "", who, u.via,
                        entry, "\n".join(names)]])
        zf.writestr("tong-hop.csv", "\ufeff" + buf.getvalue())
    return path


def _no_formula(value: object) -> object:
    """A CSV cell a spreadsheet would evaluate (=, +, -, @, tab, CR first) gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


__all__ = ["ExtensionRequest", "build_export", "register"]
