"""Console page for the directory bootstrap of a province (admin only): the admin picks one of the 34 provinces
of the national list after the 2025 reorganisation, sees what would be created (computed by the real bootstrap,
then rolled back), then applies it in one transaction (dondoc.directory.bootstrap, the core of
`dondoc directory bootstrap --province`; idempotent, audited as the staff user)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlmodel import col, func, select

from dondoc import clock
from dondoc.errors import DondocError, InputError
from dondoc.models import Unit
from dondoc.web.console.session import Staff, check_csrf, page, read, require

ADMINS = ("admin",)
KIND_LABELS = {"province": "UBND tỉnh/thành phố", "office": "văn phòng", "department": "sở, ngành",
               "agency": "cơ quan khác", "public_service": "đơn vị sự nghiệp", "front": "MTTQ",
               "commune": "xã", "ward": "phường", "special_zone": "đặc khu"}


def make_router(web: Any) -> APIRouter:
    from dondoc.directory.bootstrap import preview_bootstrap, province_choices

    router = APIRouter(prefix="/console/directory/bootstrap", include_in_schema=False)

    def form_page(request: Request, staff: Staff, province: str, *, error: str = "", preview: Any = None,
                  result: Any = None, status_code: int = 200) -> Response:
        with read(web) as s:
            units = int(s.exec(select(func.count()).select_from(Unit).where(col(Unit.valid_to).is_(None))).one())
        return page(web, request, staff, "console/bootstrap.html", status_code, title="Khởi tạo danh bạ tỉnh",
                    province=province, provinces=province_choices(), kinds=KIND_LABELS, units=units, error=error,
                    preview=preview, result=result)

    async def posted(request: Request) -> tuple[Staff, str]:
        form = await request.form(max_files=0, max_fields=20)
        with read(web) as s:
            staff = require(web, s, request, *ADMINS)
        check_csrf(web, staff, form.get("csrf"))
        province = " ".join(str(form.get("province") or "").split())
        return staff, province

    def checked(province: str) -> str:
        if not province:
            raise InputError("Chọn một tỉnh, thành phố trong danh sách 34 đơn vị sau sắp xếp 2025.")
        return province

    @router.get("")
    def bootstrap_form(request: Request) -> Response:
        with read(web) as s:
            staff = require(web, s, request, *ADMINS)
        return form_page(request, staff, "")

    @router.post("/preview")
    async def preview(request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        staff, province = await posted(request)
        try:
            shown = await run_in_threadpool(preview_bootstrap, engine=web.engine, settings=web.settings,
                                            province=checked(province), now=clock.now())
        except DondocError as exc:
            return form_page(request, staff, province, error=str(exc), status_code=400)
        return form_page(request, staff, shown.province, preview=shown)

    @router.post("")
    async def apply(request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        staff, province = await posted(request)
        try:
            name = checked(province)
            done = await run_in_threadpool(_apply, web, staff, name)
        except DondocError as exc:
            return form_page(request, staff, province, error=str(exc), status_code=400)
        return form_page(request, staff, done.province, result=done)

    return router


def _apply(web: Any, staff: Staff, province: str) -> Any:
    from dondoc.directory.bootstrap import apply_bootstrap

    with web.write() as s:
        return apply_bootstrap(s, settings=web.settings, province=province, now=clock.now(),
                               actor=f"staff:{staff.user.id}", via="web")
