"""Console pages for plans: list, upload, review (side by side), corrections, preview, activation."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import Response
from sqlmodel import col, select

from dondoc import clock
from dondoc.errors import DondocError
from dondoc.intake import review
from dondoc.intake.lifecycle import STATE_LABELS, activate_plan, get_plan, preview_activation
from dondoc.models import Plan
from dondoc.web.console.session import Staff, check_csrf, page, read, redirect, require

ALL = ("admin", "focal", "leader", "clerk")
UPLOADERS = ("admin", "focal", "clerk")
EDITORS = ("admin", "focal")
PLAN_SUFFIXES = (".docx", ".pdf", ".txt", ".md")


def can_edit(staff: Staff, plan: Plan) -> bool:
    """Admins; focal staff for drafts and for the plans their unit follows (any plan without a unit)."""
    if staff.role == "admin":
        return True
    if staff.role != "focal":
        return False
    return staff.user.unit_id is None or plan.state == "draft" or plan.focal_unit_id in (None, staff.user.unit_id)


def save_upload(settings: Any, upload: UploadFile, data: bytes) -> Path:
    """The uploaded plan under the data folder (its own folder, so the original name is kept)."""
    from dondoc.errors import InputError

    name = Path(upload.filename or "ke-hoach.txt").name
    if Path(name).suffix.lower() not in PLAN_SUFFIXES:
        raise InputError(f"tệp {name}: chỉ nhận kế hoạch dạng {', '.join(PLAN_SUFFIXES)}")
    if len(data) > settings.max_plan_mb * 1024 * 1024:
        raise InputError(f"tệp {name} lớn hơn {settings.max_plan_mb} MB")
    if not data:
        raise InputError(f"tệp {name} rỗng")
    folder: Path = settings.path("uploads", secrets.token_hex(8))
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in name) or "ke-hoach.txt"
    path = folder / safe
    path.write_bytes(data)
    return path


def import_upload(web: Any, staff: Staff, path: Path) -> Any:
    from dondoc.intake.importer import import_plan

    return import_plan(engine=web.engine, settings=web.settings, path=path, now=clock.now(),
                       actor=f"staff:{staff.user.id}")


def make_router(web: Any) -> APIRouter:
    # Long on purpose: the list of this area's routes, each a small handler sharing the router's dependencies.
    router = APIRouter(prefix="/console", include_in_schema=False)

    def editable(staff: Staff, plan_id: int) -> Plan:
        with read(web) as s:
            plan = get_plan(s, plan_id)
        if not can_edit(staff, plan):
            raise HTTPException(403, "Bạn không phụ trách kế hoạch này.")
        return plan

    def back(request: Request, staff: Staff, plan_id: int, anchor: str = "", msg: str = "") -> Response:
        url = f"/console/plans/{plan_id}" + (f"?msg={msg}" if msg else "") + (f"#{anchor}" if anchor else "")
        return redirect(web, request, staff, url)

    def edit(request: Request, staff: Staff, plan_id: int, action: Any, anchor: str = "") -> Response:
        editable(staff, plan_id)
        try:
            with web.write() as s:
                action(s)
        except DondocError as exc:
            return review_page(request, staff, plan_id, error=str(exc), status_code=400)
        return back(request, staff, plan_id, anchor)

    def review_page(request: Request, staff: Staff, plan_id: int, error: str = "", status_code: int = 200) -> Response:
        from dondoc.intake.members import review_expansions
        from dondoc.web.console.review_data import build

        with read(web) as s:
            plan = get_plan(s, plan_id)
            data = build(s, plan)
            members = review_expansions(s, plan_id=plan_id)  # console/_members.html
        return page(web, request, staff, "console/review.html", status_code, title=f"Xem lại: {plan.title}", d=data,
                    members=members,
                    editable=can_edit(staff, plan), error=error, msg=request.query_params.get("msg", ""),
                    STATE_LABELS=STATE_LABELS)

    @router.get("")
    def plans(request: Request) -> Response:
        with read(web) as s:
            staff = require(web, s, request, *ALL)
            rows = list(s.exec(select(Plan).order_by(col(Plan.id).desc())).all())
        return page(web, request, staff, "console/plans.html", title="Kế hoạch", plans=rows, STATE_LABELS=STATE_LABELS,
                    can_upload=staff.role in UPLOADERS)

    @router.get("/plans/upload")
    def upload_form(request: Request) -> Response:
        with read(web) as s:
            staff = require(web, s, request, *UPLOADERS)
        return page(web, request, staff, "console/upload.html", title="Tải lên kế hoạch", error="", result=None)

    @router.post("/plans")
    async def upload(request: Request, file: UploadFile = File(...), csrf: str = Form("")) -> Response:
        with read(web) as s:
            staff = require(web, s, request, *UPLOADERS)
        check_csrf(web, staff, csrf)
        data = await file.read()
        try:
            result = import_upload(web, staff, save_upload(web.settings, file, data))
        except DondocError as exc:
            return page(web, request, staff, "console/upload.html", 400, title="Tải lên kế hoạch", error=str(exc),
                        result=None)
        return page(web, request, staff, "console/upload.html", title="Đã tải lên", error="", result=result)

    @router.get("/plans/{plan_id}")
    def review_screen(request: Request, plan_id: int) -> Response:
        with read(web) as s:
            staff = require(web, s, request, *ALL)
        return review_page(request, staff, plan_id)

    @router.post("/plans/{plan_id}/items/{item_id}")
    def update_item(request: Request, plan_id: int, item_id: int, csrf: str = Form(""), ref: str = Form(""),
                    text: str = Form(""), lead: str = Form(""), support: str = Form(""), mode: str = Form("assign"),
                    timing_kind: str = Form("unspecified"), timing_due: str = Form(""),
                    timing_text: str = Form("")) -> Response:
        staff = _staff_post(request, csrf, *EDITORS)
        changes = {"ref": ref, "text": text, "lead": lead, "support": support, "mode": mode,
                   "timing": {"kind": timing_kind, "due": timing_due or None, "text": timing_text or None}}
        return edit(request, staff, plan_id, lambda s: review.update_item(
            s, plan_id=plan_id, item_id=item_id, changes=changes, settings=web.settings, now=clock.now(),
            actor=f"staff:{staff.user.id}"), anchor=f"item-{item_id}")

    @router.post("/plans/{plan_id}/items/{item_id}/delete")
    def delete_item(request: Request, plan_id: int, item_id: int, csrf: str = Form("")) -> Response:
        staff = _staff_post(request, csrf, *EDITORS)
        return edit(request, staff, plan_id, lambda s: review.delete_item(
            s, plan_id=plan_id, item_id=item_id, settings=web.settings, now=clock.now(),
            actor=f"staff:{staff.user.id}"))

    @router.post("/plans/{plan_id}/items/{item_id}/split")
    def split_item(request: Request, plan_id: int, item_id: int, csrf: str = Form(""), parts: str = Form("")) -> Response:
        staff = _staff_post(request, csrf, *EDITORS)
        return edit(request, staff, plan_id, lambda s: review.split_item(
            s, plan_id=plan_id, item_id=item_id, parts=parts.split("\n"), settings=web.settings, now=clock.now(),
            actor=f"staff:{staff.user.id}"), anchor=f"item-{item_id}")

    @router.post("/plans/{plan_id}/merge")
    async def merge_items(request: Request, plan_id: int) -> Response:
        form = await request.form()
        staff = _staff_post(request, str(form.get("csrf") or ""), *EDITORS)
        ids = [int(str(v)) for v in form.getlist("item") if str(v).isdigit()]
        return edit(request, staff, plan_id, lambda s: review.merge_items(
            s, plan_id=plan_id, item_ids=ids, settings=web.settings, now=clock.now(), actor=f"staff:{staff.user.id}"))

    @router.post("/plans/{plan_id}/items")
    def add_item(request: Request, plan_id: int, csrf: str = Form(""), ref: str = Form(""), text: str = Form(""),
                 lead: str = Form(""), support: str = Form(""), mode: str = Form("assign"),
                 timing_kind: str = Form("unspecified"), timing_due: str = Form("")) -> Response:
        staff = _staff_post(request, csrf, *EDITORS)
        values = {"ref": ref, "text": text, "lead": lead, "support": support, "mode": mode,
                  "timing": {"kind": timing_kind, "due": timing_due or None, "text": None}}
        return edit(request, staff, plan_id, lambda s: review.add_item(
            s, plan_id=plan_id, values=values, settings=web.settings, now=clock.now(), actor=f"staff:{staff.user.id}"))

    @router.post("/plans/{plan_id}/focal")
    def set_focal(request: Request, plan_id: int, csrf: str = Form(""), focal_unit_id: str = Form(""),
                  owner_unit_id: str = Form("")) -> Response:
        staff = _staff_post(request, csrf, *EDITORS)
        focal = int(focal_unit_id) if focal_unit_id.isdigit() else None
        owner = int(owner_unit_id) if owner_unit_id.isdigit() else None
        return edit(request, staff, plan_id, lambda s: review.set_focal(
            s, plan_id=plan_id, focal_unit_id=focal, owner_unit_id=owner, settings=web.settings, now=clock.now(),
            actor=f"staff:{staff.user.id}"), anchor="focal")

    @router.post("/plans/{plan_id}/alias")
    def add_alias(request: Request, plan_id: int, csrf: str = Form(""), name: str = Form(""),
                  unit_id: str = Form(""), unit_label: str = Form("")) -> Response:
        staff = _staff_post(request, csrf, *EDITORS)
        if not unit_id.isdigit() and unit_label.strip():  # typed into the unit field (a datalist of labels)
            unit_id = str(unit_by_label(unit_label) or "")
        if not unit_id.isdigit():
            return review_page(request, staff, plan_id, error=f"Không thấy đơn vị “{unit_label.strip()}” trong danh bạ; "
                               "chọn một đơn vị trong danh sách gợi ý." if unit_label.strip() else
                               "Chọn đơn vị cho tên gọi khác.", status_code=400)
        return edit(request, staff, plan_id, lambda s: review.add_alias(
            s, name=name, unit_id=int(unit_id), settings=web.settings, now=clock.now(), actor=f"staff:{staff.user.id}",
            plan_id=plan_id))

    @router.get("/plans/{plan_id}/preview")
    def preview(request: Request, plan_id: int) -> Response:
        from dondoc.models import Unit
        from dondoc.web.console.review_data import unit_choices

        with read(web) as s:
            staff = require(web, s, request, *ALL)
            plan = get_plan(s, plan_id)
            pv = preview_activation(s, plan=plan, settings=web.settings)
            labels = dict(unit_choices(list(s.exec(select(Unit)).all())))  # shared names with their parent's
        return page(web, request, staff, "console/preview.html", title=f"Xem trước: {plan.title}", plan=plan, pv=pv,
                    editable=can_edit(staff, plan), STATE_LABELS=STATE_LABELS, labels=labels)

    @router.post("/plans/{plan_id}/activate")
    def activate(request: Request, plan_id: int, csrf: str = Form("")) -> Response:
        staff = _staff_post(request, csrf, *EDITORS)
        editable(staff, plan_id)
        try:
            with web.write() as s:
                activate_plan(s, plan_id=plan_id, settings=web.settings, now=clock.now(),
                              actor=f"staff:{staff.user.id}", via="web")
        except DondocError as exc:
            return review_page(request, staff, plan_id, error=str(exc), status_code=400)
        deliver_now(web)
        return back(request, staff, plan_id, msg="activated")

    def unit_by_label(label: str) -> int | None:
        """The unit a label of the review screen's unit list names (its name, or name — parent)."""
        from dondoc.models import Unit
        from dondoc.vietnamese import fold
        from dondoc.web.console.review_data import unit_choices

        with read(web) as s:
            choices = unit_choices(list(s.exec(select(Unit)).all()))
        want = fold(" ".join(label.split()))
        hits = [uid for uid, text in choices if fold(text) == want]
        return hits[0] if len(hits) == 1 else None

    def _staff_post(request: Request, csrf: str, *roles: str) -> Staff:
        with read(web) as s:
            staff = require(web, s, request, *roles)
        check_csrf(web, staff, csrf)
        return staff

    return router


def deliver_now(web: Any) -> None:
    """Send the assignment notices at once (the next sweep would otherwise): failures are retried by it."""
    import logging

    from dondoc.delivery.outbox import deliver_pending
    from dondoc.notifications import get_notifier

    try:
        deliver_pending(engine=web.engine, settings=web.settings, notifier=get_notifier(web.settings),
                        now=clock.now(), worker="console")
    except Exception:  # the messages stay pending; the daily sweep delivers them
        logging.getLogger(__name__).exception("delivery after activation failed; the next sweep retries")
