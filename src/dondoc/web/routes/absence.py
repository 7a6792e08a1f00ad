"""An officer's own absence from the personal link: "Vắng mặt — cử người thay" on /t/{token} names a
colleague of the same unit to act for them over a date range (directory.substitutes.name_substitute, the
rule the CLI and the console's /nguoi-thay page use; audited as officer:ID)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from dondoc.directory.substitutes import name_substitute
from dondoc.errors import DondocError, InputError
from dondoc.web.console.substitutes import NOTE_MAX, form_date
from dondoc.web.deps import CurrentViewer, WebContext
from dondoc.web.officer_page import colleagues, home_page

router = APIRouter(include_in_schema=False)
FIELDS = ("substitute", "start", "end", "note")


@router.post("/t/{token}/vang-mat")
async def absence_post(web: WebContext, link: CurrentViewer) -> Response:
    form = await link.request.form(max_files=0, max_fields=10)
    fields = {k: v.strip() for k, v in form.multi_items() if isinstance(v, str)}
    return await run_in_threadpool(_absence, web, link, fields)


def _absence(web: WebContext, link: CurrentViewer, fields: dict[str, str]) -> Response:
    try:
        with link.write() as (s, v):
            web.check_csrf(v, fields.get("csrf"))
            code = fields.get("substitute", "")
            if code not in {o.code for o in colleagues(s, v)}:
                raise InputError("Hãy chọn một đồng nghiệp đang công tác trong đơn vị làm người thay.")
            row = name_substitute(s, officer=v.officer.code, substitute=code,
                                  start=form_date(fields.get("start"), "Từ ngày"),
                                  end=form_date(fields.get("end"), "Đến ngày"),
                                  note=" ".join(fields.get("note", "").split())[:NOTE_MAX],
                                  by=f"officer:{v.officer.id}", now=web.now())
            url = f"{v.base}?vang={row.id}#vang-mat"
        return RedirectResponse(url, status_code=303)
    except DondocError as exc:
        with link.read() as (s, v):
            return home_page(web, s, v, web.today(), status_code=422, absence_error=str(exc),
                             absence_values={k: fields.get(k, "") for k in FIELDS})


__all__ = ["router"]
