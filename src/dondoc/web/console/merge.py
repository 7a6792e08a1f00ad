"""Console page for merges of units (admin only): old unit(s) into a new one on a date, with the choice for
the old units' officers' links, a preview of what moves (computed by the real merge, then rolled back), and
the merge itself (dondoc.directory.merge, the core of `dondoc directory merge`; audited as the staff user)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlmodel import col, select

from dondoc import clock
from dondoc.errors import DondocError
from dondoc.models import Unit
from dondoc.web.console.session import Staff, check_csrf, page, read, require

ADMINS = ("admin",)
OFFICER_CHOICES = {
    "transfer": "Chuyển sang đơn vị mới, giữ nguyên đường dẫn cá nhân",
    "reissue": "Chuyển sang đơn vị mới, thu hồi đường dẫn cũ và cấp đường dẫn mới (gửi trong tin nhắn kế tiếp)",
    "retire": "Cho thôi, thu hồi đường dẫn (cán bộ của đơn vị mới tiếp nhận)",
}


@dataclass
class MergeForm:
    """The form's values, as typed (shown again with an error) and as the merge takes them."""

    old: list[str] = field(default_factory=list)  # unit codes
    into: str = ""
    name: str = ""
    on: str = ""
    officers: str = "transfer"

    @classmethod
    def read(cls, form: Any) -> MergeForm:
        old = [str(v).strip() for v in form.getlist("old") if str(v).strip()]
        typed = str(form.get("old_codes") or "")
        old += [c.strip() for c in typed.replace(";", ",").replace("\n", ",").split(",") if c.strip()]
        return cls(old=list(dict.fromkeys(old)), into=str(form.get("into") or "").strip(),
                   name=" ".join(str(form.get("name") or "").split()), on=str(form.get("on") or "").strip(),
                   officers=str(form.get("officers") or "transfer"))

    def checked(self) -> dt.date:
        """The effective day; InputError for what a person must fix first."""
        from dondoc.directory.check import parse_day
        from dondoc.errors import InputError

        if not self.old:
            raise InputError("Chọn (hoặc gõ mã) ít nhất một đơn vị cũ.")
        if not self.into:
            raise InputError("Chọn đơn vị mới, hoặc gõ mã đơn vị mới cùng tên của nó.")
        if self.officers not in OFFICER_CHOICES:
            raise InputError("Chọn cách xử lý cán bộ của đơn vị cũ.")
        day = parse_day(self.on)
        if day is None:
            raise InputError(f"Ngày sáp nhập {self.on!r}: cần dạng 01/07/2025 hoặc 2025-07-01.")
        return day


def make_router(web: Any) -> APIRouter:
    router = APIRouter(prefix="/console/directory/merge", include_in_schema=False)

    def units() -> list[Unit]:
        with read(web) as s:
            return list(s.exec(select(Unit).where(col(Unit.valid_to).is_(None)).order_by(col(Unit.name))).all())

    def form_page(request: Request, staff: Staff, f: MergeForm, *, error: str = "", preview: Any = None,
                  result: Any = None, status_code: int = 200) -> Response:
        return page(web, request, staff, "console/merge.html", status_code, title="Sáp nhập đơn vị", f=f,
                    units=units(), choices=OFFICER_CHOICES, error=error, preview=preview, result=result)

    async def posted(request: Request) -> tuple[Staff, MergeForm]:
        form = await request.form(max_files=0, max_fields=1000)
        with read(web) as s:
            staff = require(web, s, request, *ADMINS)
        check_csrf(web, staff, form.get("csrf"))
        return staff, MergeForm.read(form)

    @router.get("")
    def merge_form(request: Request) -> Response:
        with read(web) as s:
            staff = require(web, s, request, *ADMINS)
        return form_page(request, staff, MergeForm())

    @router.post("/preview")
    async def preview(request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        from dondoc.directory.merge import preview_merge

        staff, f = await posted(request)
        try:
            on = f.checked()
            shown = await run_in_threadpool(
                preview_merge, engine=web.engine, settings=web.settings, old=f.old, into=f.into, on=on,
                now=clock.now(), officers=f.officers, name=f.name or None)
        except DondocError as exc:
            return form_page(request, staff, f, error=str(exc), status_code=400)
        return form_page(request, staff, f, preview=shown)

    @router.post("")
    async def apply(request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        staff, f = await posted(request)
        try:
            on = f.checked()
            done = await run_in_threadpool(_apply, web, staff, f, on)
        except DondocError as exc:
            return form_page(request, staff, f, error=str(exc), status_code=400)
        return form_page(request, staff, MergeForm(), result=done)

    return router


def _apply(web: Any, staff: Staff, f: MergeForm, on: dt.date) -> Any:
    from dondoc.directory.merge import merge_units

    with web.write() as s:
        return merge_units(s, old=f.old, into=f.into, on=on, settings=web.settings, now=clock.now(),
                           officers=f.officers, name=f.name or None, actor=f"staff:{staff.user.id}", via="web")
