"""The status form of one obligation, shared by the officer's own page and the focal point's nhập thay:
reading the posted form (fields and files), the payload it makes, and the page it renders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session, select
from starlette.datastructures import UploadFile

from dondoc.collect.submit import obligation_for_entry, obligation_for_update
from dondoc.intake.query import target_scope
from dondoc.models import Attachment, ExtensionRequest, Obligation, StatusUpdate
from dondoc.web import queries
from dondoc.web.context import Viewer, Web

MAX_FILES = 10
TEXT_FIELDS = ("status", "progress", "result", "difficulties", "proposals")


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


def _target_groups(groups_of: dict[str, list[Any]], values: dict[str, Any]) -> list[dict[str, Any]]:
    """The form's target fields: the targets of this task (open), then — closed unless they hold figures,
    all optional — the unit's targets of its other tasks, the plan's general targets and the other units'."""
    figures = values.get("figures") or {}
    optional = "Không bắt buộc: điền nếu đơn vị có số liệu; bỏ trống nếu không."
    groups = [
        {"title": "Số liệu chỉ tiêu của nhiệm vụ này", "targets": groups_of["task"],
         "hint": "Điền số liệu đạt được của đơn vị cho các chỉ tiêu gắn với nhiệm vụ này; bỏ trống nếu "
                 "chưa có.", "open": True},
        {"title": "Chỉ tiêu của các nhiệm vụ khác của đơn vị", "targets": groups_of["unit"], "hint": optional,
         "open": False},
        {"title": "Chỉ tiêu chung của kế hoạch", "targets": groups_of["general"],
         "hint": "Không bắt buộc: điền phần đơn vị đóng góp nếu có số liệu; đầu mối tổng hợp số liệu chung.",
         "open": False},
        {"title": "Chỉ tiêu giao cho đơn vị khác", "targets": groups_of["other"], "hint": optional, "open": False},
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
        obligation_for_update(s, officer=v.officer, obligation_id=oid, day=web.today())
    else:
        obligation_for_entry(s, officer=v.officer, obligation_id=oid, plan_id=on_behalf_of)
    rows = queries.obligation_rows(s, Obligation.id == oid)
    queries.attach_latest(s, rows)
    row = rows[0]
    scope = target_scope(s, row.obligation.plan_id)
    # A periodic report covers all of the unit's work; a task, the targets of its own section.
    groups_of = scope.for_obligation(row.obligation.unit_id,
                                     None if row.obligation.assignment_id is None else row.ref)
    targets = [t for g in ("task", "unit", "general", "other") for t in groups_of[g]]
    history = s.exec(select(StatusUpdate).where(StatusUpdate.obligation_id == oid)
                     .order_by(StatusUpdate.id.desc()).limit(5)).all()  # type: ignore[union-attr]
    atts = attachments(s, [u.id for u in history])  # type: ignore[misc]
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
                      unit=v.unit, row=row, targets=targets, target_groups=_target_groups(groups_of, values), history=history, atts=atts,
                      extensions=extensions, values=values, error=error, notice=notice, today=web.today(),
                      on_behalf_of=on_behalf_of, action=action, max_mb=web.settings.max_upload_mb,
                      min_ext=row.obligation.effective_due + dt.timedelta(days=1))


def attachments(s: Session, update_ids: list[int]) -> dict[int, list[Attachment]]:
    out: dict[int, list[Attachment]] = {}
    if not update_ids:
        return out
    for a in s.exec(select(Attachment).where(Attachment.status_update_id.in_(update_ids))  # type: ignore[union-attr]
                    .order_by(Attachment.id)).all():
        out.setdefault(a.status_update_id, []).append(a)
    return out
