"""The officer's pages: /t/{token} (their open obligations), the status form per obligation, the page
after sending, and the request for an extension."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from dondoc.collect.attachments import check_attachment, store_attachment
from dondoc.collect.submit import (
    StatusInputError,
    obligation_for_update,
    plan_targets,
    request_extension,
    submit_status,
)
from dondoc.models import Obligation, StatusUpdate
from dondoc.web import queries
from dondoc.web.deps import CurrentViewer, Today, WebContext
from dondoc.web.errors import NotFoundPage
from dondoc.web.forms import TEXT_FIELDS, attachments, read_status_form, status_form, status_payload
from dondoc.web.officer_page import home_page

router = APIRouter(include_in_schema=False)


@router.get("/t/{token}", response_class=HTMLResponse)
def officer_home(web: WebContext, link: CurrentViewer, today: Today, vang: int = 0) -> HTMLResponse:
    with link.read() as (s, v):
        return home_page(web, s, v, today, absence_saved=vang)


@router.get("/t/{token}/o/{oid}", response_class=HTMLResponse)
def form_get(oid: int, web: WebContext, link: CurrentViewer, ext: int = 0) -> HTMLResponse:
    with link.read() as (s, v):
        notice = "Đã gửi đề nghị gia hạn đến cơ quan đầu mối." if ext else None
        return status_form(web, s, v, oid, notice=notice)


@router.post("/t/{token}/o/{oid}")
async def form_post(oid: int, web: WebContext, link: CurrentViewer) -> Response:
    read = await read_status_form(web, link.request)
    if isinstance(read, Response):
        return read
    return await run_in_threadpool(_submit, web, link, oid, *read)


def _submit(web: WebContext, link: CurrentViewer, oid: int, fields: dict[str, str],
            files: list[tuple[str, bytes]]) -> Response:
    try:
        with link.write() as (s, v):
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
        with link.read() as (s, v):
            return status_form(web, s, v, oid, error=str(exc), values=values, status_code=422)


@router.get("/t/{token}/o/{oid}/sent/{uid}", response_class=HTMLResponse)
def sent(oid: int, uid: int, web: WebContext, link: CurrentViewer) -> HTMLResponse:
    with link.read() as (s, v):
        obligation_for_update(s, officer=v.officer, obligation_id=oid, day=web.today())
        update = s.get(StatusUpdate, uid)
        if update is None or update.obligation_id != oid:
            raise NotFoundPage()
        rows = queries.obligation_rows(s, Obligation.id == oid)
        atts = attachments(s, [uid]).get(uid, [])
        return web.render("sent.html", title="Đã gửi", v=v, officer=v.officer, unit=v.unit, row=rows[0],
                          update=update, atts=atts, targets={t.key: t for t in plan_targets(s, rows[0].obligation.plan_id)})


@router.post("/t/{token}/o/{oid}/extension")
async def extension_post(oid: int, web: WebContext, link: CurrentViewer) -> Response:
    form = await link.request.form(max_files=0, max_fields=20)
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    return await run_in_threadpool(_extension, web, link, oid, fields)


def _extension(web: WebContext, link: CurrentViewer, oid: int, fields: dict[str, str]) -> Response:
    try:
        with link.write() as (s, v):
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
        with link.read() as (s, v):
            return status_form(web, s, v, oid, error=str(exc), status_code=422)
