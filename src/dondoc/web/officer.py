"""The officer's pages: /t/{token} (their open obligations) and the status form per obligation."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from sqlmodel import Session, select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from dondoc.collect.access import (
    can_update,
    is_focal,
    is_issuer,
    obligation_for_entry,
    obligation_for_update,
    plan_targets,
)
from dondoc.collect.attachments import attachment_path, check_attachment, store_attachment
from dondoc.collect.submit import request_extension, submit_status
from dondoc.collect.validation import StatusInputError
from dondoc.intake.query import target_scope
from dondoc.models import Attachment, ExtensionRequest, Obligation, Plan, StatusUpdate
from dondoc.web import queries

if TYPE_CHECKING:
    from dondoc.web.app import Viewer, Web

MAX_FILES = 10
TEXT_FIELDS = ("status", "progress", "result", "difficulties", "proposals")


def register(app: FastAPI, web: Web) -> None:
    from dondoc.web.app import NotFoundPage

    @app.get("/t/{token}", response_class=HTMLResponse, include_in_schema=False)
    def officer_home(token: str, request: Request) -> HTMLResponse:
        with web.read() as s:
            v = web.viewer(s, request, token)
            today = web.today()
            groups, later, closed = queries.officer_page(s, officer=v.officer, today=today)
            focal, issuer = queries.plans_led_by(s, v.officer)
            return web.render("officer.html", title="Việc cần báo cáo", v=v, officer=v.officer, unit=v.unit,
                              groups=groups, later=later, closed=closed, today=today,
                              focal_plans=focal, issuer_plans=issuer)

    def form_page(s: Session, v: Viewer, oid: int, *, error: str | None = None, values: dict[str, Any] | None = None,
                  notice: str | None = None, status_code: int = 200) -> HTMLResponse:
        return status_form(web, s, v, oid, error=error, values=values, notice=notice, status_code=status_code)

    @app.get("/t/{token}/o/{oid}", response_class=HTMLResponse, include_in_schema=False)
    def form_get(token: str, oid: int, request: Request, ext: int = 0) -> HTMLResponse:
        with web.read() as s:
            v = web.viewer(s, request, token)
            notice = "Đã gửi đề nghị gia hạn đến cơ quan đầu mối." if ext else None
            return form_page(s, v, oid, notice=notice)

    @app.post("/t/{token}/o/{oid}", include_in_schema=False)
    async def form_post(token: str, oid: int, request: Request) -> Response:
        read = await read_status_form(web, request)
        if isinstance(read, Response):
            return read
        return await run_in_threadpool(_submit, token, oid, request, *read)

    def _submit(token: str, oid: int, request: Request, fields: dict[str, str], files: list[tuple[str, bytes]]) -> Response:
        try:
            with web.write() as s:
                v = web.viewer(s, request, token)
                web.check_csrf(v, fields.get("csrf"))
                checked = [(check_attachment(settings=web.settings, filename=n, data=d), d) for n, d in files]
                update = submit_status(s, officer_id=v.officer.id, obligation_id=oid, payload=status_payload(fields),  # type: ignore[arg-type]
                                       via="web", now=web.now(), token_id=v.token_row.id)
                for (name, _ext), data in checked:
                    store_attachment(s, settings=web.settings, status_update_id=update.id, filename=name,  # type: ignore[arg-type]
                                     data=data, now=web.now())
                url = f"{v.base}/o/{oid}/sent/{update.id}"
            return RedirectResponse(url, status_code=303)
        except StatusInputError as exc:
            values: dict[str, Any] = {k: fields.get(k, "") for k in TEXT_FIELDS}
            values["figures"] = {k[4:]: val for k, val in fields.items() if k.startswith("fig:")}
            with web.read() as s:
                v = web.viewer(s, request, token)
                return form_page(s, v, oid, error=str(exc), values=values, status_code=422)

    @app.get("/t/{token}/o/{oid}/sent/{uid}", response_class=HTMLResponse, include_in_schema=False)
    def sent(token: str, oid: int, uid: int, request: Request) -> HTMLResponse:
        with web.read() as s:
            v = web.viewer(s, request, token)
            obligation_for_update(s, officer=v.officer, obligation_id=oid)
            update = s.get(StatusUpdate, uid)
            if update is None or update.obligation_id != oid:
                raise NotFoundPage()
            rows = queries.obligation_rows(s, Obligation.id == oid)
            atts = _attachments(s, [uid]).get(uid, [])
            return web.render("sent.html", title="Đã gửi", v=v, officer=v.officer, unit=v.unit, row=rows[0],
                              update=update, atts=atts, targets={t.key: t for t in plan_targets(s, rows[0].obligation.plan_id)})

    @app.post("/t/{token}/o/{oid}/extension", include_in_schema=False)
    async def extension_post(token: str, oid: int, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=20)
        fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        return await run_in_threadpool(_extension, token, oid, request, fields)

    def _extension(token: str, oid: int, request: Request, fields: dict[str, str]) -> Response:
        try:
            with web.write() as s:
                v = web.viewer(s, request, token)
                web.check_csrf(v, fields.get("csrf"))
                try:
                    due = dt.date.fromisoformat(fields.get("requested_due", "").strip())
                except ValueError:
                    raise StatusInputError("Hãy chọn ngày xin gia hạn (ngày/tháng/năm).") from None
                request_extension(s, officer_id=v.officer.id, obligation_id=oid, requested_due=due,  # type: ignore[arg-type]
                                  reason=fields.get("reason", ""), via="web", now=web.now(), token_id=v.token_row.id)
                url = f"{v.base}/o/{oid}?ext=1"
            return RedirectResponse(url, status_code=303)
        except StatusInputError as exc:
            with web.read() as s:
                v = web.viewer(s, request, token)
                return form_page(s, v, oid, error=str(exc), status_code=422)

    @app.get("/t/{token}/files/{aid}", include_in_schema=False)
    def download(token: str, aid: int, request: Request) -> Response:
        with web.read() as s:
            v = web.viewer(s, request, token)
            att = s.get(Attachment, aid)
            if att is None:
                raise NotFoundPage()
            update = s.get(StatusUpdate, att.status_update_id)
            obligation = s.get(Obligation, update.obligation_id) if update else None
            plan = s.get(Plan, obligation.plan_id) if obligation else None
            if obligation is None or plan is None or not (
                    can_update(v.officer, obligation) or is_focal(v.officer, plan) or is_issuer(v.officer, plan)):
                raise NotFoundPage()
            path = attachment_path(web.settings, att)
            media_type, filename = att.content_type, att.filename
        if not path.is_file():
            raise NotFoundPage()
        return FileResponse(path, media_type=media_type, headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})


async def read_status_form(web: Web, request: Request) -> tuple[dict[str, str], list[tuple[str, bytes]]] | Response:
    """The status form's fields and files (name, bytes), or a 413 page when the body is over the limit."""
    limit = (web.settings.max_upload_mb * MAX_FILES + 1) * 1024 * 1024
    if int(request.headers.get("content-length") or 0) > limit:
        return web.render("error.html", 413, title="Tệp quá lớn", officer=None,
                          message=f"Dữ liệu gửi lên quá lớn (mỗi tệp tối đa {web.settings.max_upload_mb} MB).")
    from dondoc.web.limits import file_limit
    from dondoc.web.upload import capped_form

    form = await capped_form(request, max_file_size=file_limit(web.settings), max_files=MAX_FILES)  # capped as read
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    files: list[tuple[str, bytes]] = []
    for item in form.getlist("files"):
        if isinstance(item, UploadFile) and item.filename:
            files.append((item.filename, await item.read()))
    await form.close()
    return fields, files


def status_payload(fields: dict[str, str]) -> dict[str, Any]:
    """The status form's fields as a payload; figure inputs are named fig:<target key> (the service refuses
    keys the plan lacks)."""
    payload: dict[str, Any] = {k: fields.get(k, "") for k in TEXT_FIELDS}
    payload["figures"] = {k[4:]: val for k, val in fields.items() if k.startswith("fig:")}
    return payload


def _target_groups(scope: Any, targets: list[Any], values: dict[str, Any]) -> list[dict[str, Any]]:
    """The form's target fields: the unit's own targets (open), then the plan's general ones (optional,
    closed unless they hold figures)."""
    general = {t.id for t in scope.general}
    figures = values.get("figures") or {}
    groups = [
        {"title": "Số liệu chỉ tiêu của đơn vị", "targets": [t for t in targets if t.id not in general],
         "hint": "Điền số liệu đạt được của đơn vị cho các chỉ tiêu gắn với nhiệm vụ của đơn vị; bỏ trống nếu "
                 "chưa có.", "open": True},
        {"title": "Chỉ tiêu chung của kế hoạch", "targets": [t for t in targets if t.id in general],
         "hint": "Không bắt buộc: điền phần đơn vị đóng góp nếu có số liệu; đầu mối tổng hợp số liệu chung.",
         "open": False},
    ]
    for group in groups:
        group["open"] = group["open"] or any(figures.get(t.key) not in (None, "") for t in group["targets"])
    return [g for g in groups if g["targets"]]


def status_form(web: Web, s: Session, v: Viewer, oid: int, *, on_behalf_of: int | None = None,
                error: str | None = None, values: dict[str, Any] | None = None, notice: str | None = None,
                status_code: int = 200) -> HTMLResponse:
    """The status form of one obligation: the unit's own (on_behalf_of None), or the one the focal point
    fills in for the unit (nhập thay; on_behalf_of is the plan id of the focal page it comes from).
    The targets that concern the obligation's unit come first; the plan's general targets (those that
    concern no unit in particular) follow as an optional group."""
    if on_behalf_of is None:
        obligation_for_update(s, officer=v.officer, obligation_id=oid)
    else:
        obligation_for_entry(s, officer=v.officer, obligation_id=oid, plan_id=on_behalf_of)
    rows = queries.obligation_rows(s, Obligation.id == oid)
    queries.attach_latest(s, rows)
    row = rows[0]
    scope = target_scope(s, row.obligation.plan_id)
    targets = scope.for_unit(row.obligation.unit_id, with_general=True)
    history = s.exec(select(StatusUpdate).where(StatusUpdate.obligation_id == oid)
                     .order_by(StatusUpdate.id.desc()).limit(5)).all()  # type: ignore[union-attr]
    atts = _attachments(s, [u.id for u in history])  # type: ignore[misc]
    extensions = s.exec(select(ExtensionRequest).where(ExtensionRequest.obligation_id == oid)
                        .order_by(ExtensionRequest.id.desc()).limit(5)).all()  # type: ignore[union-attr]
    last = row.last
    if values is None:
        values = {"status": last.status if last else row.obligation.status,
                  "progress": last.progress if last else row.obligation.progress,
                  "result": last.result if last else "", "difficulties": last.difficulties if last else "",
                  "proposals": last.proposals if last else "", "source": "",
                  "figures": {t.key: last.figures.get(t.key) for t in targets} if last else {}}
    action = f"{v.base}/o/{oid}" if on_behalf_of is None else f"{v.base}/focal/{on_behalf_of}/o/{oid}"
    title = "Cập nhật tình hình" if on_behalf_of is None else f"Nhập thay báo cáo: {row.unit_name}"
    return web.render("form.html", status_code=status_code, title=title, v=v, officer=v.officer,
                      unit=v.unit, row=row, targets=targets, target_groups=_target_groups(scope, targets, values), history=history, atts=atts,
                      extensions=extensions, values=values, error=error, notice=notice, today=web.today(),
                      on_behalf_of=on_behalf_of, action=action, max_mb=web.settings.max_upload_mb,
                      min_ext=row.obligation.effective_due + dt.timedelta(days=1))


def _attachments(s: Session, update_ids: list[int]) -> dict[int, list[Attachment]]:
    out: dict[int, list[Attachment]] = {}
    if not update_ids:
        return out
    for a in s.exec(select(Attachment).where(Attachment.status_update_id.in_(update_ids))  # type: ignore[union-attr]
                    .order_by(Attachment.id)).all():
        out.setdefault(a.status_update_id, []).append(a)
    return out
