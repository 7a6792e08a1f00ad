"""An officer's own absence from the personal link: "Vắng mặt — cử người thay" on /t/{token} names a
colleague of the same unit to act for them over a date range (directory.substitutes.name_substitute, the
rule the CLI and the console's /nguoi-thay page use; audited as officer:ID)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session, col, select
from starlette.concurrency import run_in_threadpool

from dondoc.directory.substitutes import name_substitute, substitutes
from dondoc.errors import DondocError, InputError
from dondoc.models import Officer
from dondoc.web.console.substitutes import NOTE_MAX, form_date
from dondoc.web.context import Viewer
from dondoc.web.deps import CurrentViewer, WebContext

router = APIRouter(include_in_schema=False)
FIELDS = ("substitute", "start", "end", "note")


def colleagues(s: Session, v: Viewer) -> list[Officer]:
    """The active officers of the viewer's unit other than the viewer: whom they may name."""
    return list(s.exec(select(Officer).where(Officer.unit_id == v.officer.unit_id, Officer.active == True,
                                             Officer.id != v.officer.id).order_by(col(Officer.name))).all())


def absence_context(s: Session, v: Viewer, today: Any) -> dict[str, Any]:
    """What the officer page's absence form shows: the colleagues and the officer's own absences to come."""
    assert v.officer.id is not None
    mine = [(r, sub) for r, _away, sub in substitutes(s, since=today, officer_ids=[v.officer.id])]
    return {"colleagues": colleagues(s, v), "absences": mine}


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
        from dondoc.web.routes.officer import home_page

        with link.read() as (s, v):
            return home_page(web, s, v, web.today(), status_code=422, absence_error=str(exc),
                             absence_values={k: fields.get(k, "") for k in FIELDS})


__all__ = ["absence_context", "router"]
