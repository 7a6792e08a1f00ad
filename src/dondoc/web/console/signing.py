"""Ký số from the console: the leader signs a compiled report as the competent person, then the clerk as
the organisation (the report and its annex), each with their own certificate: a .p12 and its passphrase
sent with the form (read in memory, never stored), or a remote signing service in two steps. The
verification of each signed file (signer, time, intact, chain) is shown beside its download.

Routes (all staff read; only the leader and the clerk sign; focal staff see the plans their unit follows):
  GET  /ky-so                                  reports awaiting or holding signatures
  GET  /bao-cao/{id}/ky-so                     one report: verification, downloads, the signing forms
  POST /bao-cao/{id}/ky-so                     sign with a .p12 (multipart: p12, passphrase, image, number)
  POST /bao-cao/{id}/ky-so/tu-xa               remote step 1: the certificate in, the data to sign out
  POST /bao-cao/{id}/ky-so/tu-xa/hoan-tat      remote step 2: the signature value in
  GET  /bao-cao/{id}/ky-so/{document}.pdf      the signed PDF (bao-cao | phu-luc)"""

from __future__ import annotations

import base64
import binascii
import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, Response
from sqlmodel import col, select
from starlette.concurrency import run_in_threadpool

from dondoc import clock
from dondoc.errors import DondocError, InputError
from dondoc.models import CompiledReport, Plan
from dondoc.web.console.pages import can_edit
from dondoc.web.console.session import Staff, check_csrf, finish, page, redirect, require

READERS = ("admin", "focal", "leader", "clerk")
SIGNERS = ("leader", "clerk")
MAX_IMAGE_BYTES = 2 * 1024 * 1024
MESSAGES = {"authority": "Đã ký số với tư cách người có thẩm quyền. Văn thư ký tiếp (cơ quan, tổ chức).",
            "organisation": "Đã ký số với tư cách cơ quan, tổ chức (văn bản và phụ lục). Văn bản đã đủ chữ ký.",
            "remote": "Đã gắn chữ ký số từ dịch vụ ký từ xa."}


def _visible(staff: Staff, plan: Plan | None) -> bool:
    return plan is not None and (staff.role != "focal" or can_edit(staff, plan))


@contextlib.contextmanager
def _image(data: bytes, fallback: Path | None) -> Iterator[Path | None]:
    """An uploaded PNG for this signature only (a private temporary file, removed after), else the
    configured image."""
    if not data:
        yield fallback
        return
    if len(data) > MAX_IMAGE_BYTES or not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise InputError(f"hình ảnh phải là tệp PNG (nền trong suốt), tối đa {MAX_IMAGE_BYTES // (1024 * 1024)} MB")
    with tempfile.TemporaryDirectory(prefix="dondoc-sign-") as tmp:
        path = Path(tmp, "image.png")
        path.write_bytes(data)
        yield path


def make_router(web: Any) -> APIRouter:
    # Long on purpose: the list of this area's routes, each a small handler sharing the router's helpers.
    from dondoc.signing import reports as sr
    from dondoc.signing.sign import ROLE_LABEL, Images

    router = APIRouter(include_in_schema=False)

    def load(request: Request, report_id: int, *roles: str) -> tuple[Staff, CompiledReport, Plan]:
        with web.read() as s:
            staff = require(web, s, request, *roles)
            row = s.get(CompiledReport, report_id)
            plan = s.get(Plan, row.plan_id) if row else None
            if row is None or not _visible(staff, plan):
                raise HTTPException(404)
            s.expunge(row)
            s.expunge(plan)
        return staff, row, plan  # type: ignore[return-value]

    def detail(request: Request, staff: Staff, row: CompiledReport, plan: Plan, *, error: str = "",
               msg: str = "", remote: Any = None, status_code: int = 200) -> Response:
        state = sr.signing_state(web.settings, row)
        mine = sr.ROLE_OF_STAFF.get(staff.role)
        return page(web, request, staff, "console/signing.html", status_code, title="Ký số báo cáo", row=row,
                    plan=plan, state=state, mine=mine, role_label=ROLE_LABEL, error=error, msg=MESSAGES.get(msg, ""),
                    remote=remote, trust=bool(sr.trust_roots(web.settings)))

    def audit(staff: Staff, row: CompiledReport, after: dict[str, Any]) -> None:
        from dondoc.accounts.users import audit as write_audit

        with web.write() as s:
            write_audit(s, actor=f"staff:{staff.user.id}", action="report.signed", entity="compiledreport",
                        entity_id=row.id, now=clock.now(), after=after)

    def my_role(staff: Staff) -> Any:
        return sr.ROLE_OF_STAFF[staff.role]

    def default_image(role: Any) -> Path | None:
        """The configured image of this signature: the authority's signature, the organisation's seal."""
        return web.settings.sign_signature_image if role.value == "authority" else web.settings.sign_seal_image

    def images(role: Any, img: Path | None) -> Images:
        if role.value == "authority":
            return Images(signature=img, seal_mm=web.settings.sign_seal_mm)
        return Images(seal=img, seal_mm=web.settings.sign_seal_mm)

    @router.get("/ky-so")
    def listing(request: Request) -> Response:
        with web.read() as s:
            staff = require(web, s, request, *READERS)
            rows = list(s.exec(select(CompiledReport).order_by(col(CompiledReport.compiled_at).desc())).all())
            plans = {p.id: p for p in s.exec(select(Plan).where(col(Plan.id).in_({r.plan_id for r in rows}))).all()}
        rows = [r for r in rows if _visible(staff, plans.get(r.plan_id)) and sr.is_final(r)]
        states = {r.id: sr.signing_state(web.settings, r) for r in rows}
        return page(web, request, staff, "console/signing_list.html", title="Ký số", rows=rows, plans=plans,
                    states=states, mine=sr.ROLE_OF_STAFF.get(staff.role))

    @router.get("/bao-cao/{report_id}/ky-so")
    def show(request: Request, report_id: int, msg: str = "") -> Response:
        staff, row, plan = load(request, report_id, *READERS)
        return detail(request, staff, row, plan, msg=msg)

    @router.post("/bao-cao/{report_id}/ky-so")
    async def sign(request: Request, report_id: int, csrf: str = Form(""), passphrase: str = Form(""),
                   number: str = Form(""), p12: UploadFile | None = File(None),
                   image: UploadFile | None = File(None)) -> Response:
        staff, row, plan = load(request, report_id, *SIGNERS)
        check_csrf(web, staff, csrf)
        role = my_role(staff)
        data = await p12.read(sr.MAX_P12_BYTES + 1) if p12 is not None else b""
        picture = await image.read(MAX_IMAGE_BYTES + 1) if image is not None else b""
        settings = web.settings

        def work() -> list[Any]:
            signer = sr.pkcs12_signer(data, passphrase)
            with _image(picture, default_image(role)) as img:
                return sr.sign_report(settings, row, role=role, signer=signer, now=clock.now(), images=images(role, img),
                                      number=number.strip() or None)

        try:  # LibreOffice and the signature take seconds: off the event loop
            done = await run_in_threadpool(work)
        except DondocError as exc:
            return await run_in_threadpool(detail, request, staff, row, plan, error=str(exc), status_code=400)
        cert = done[0].placement.text_params
        audit(staff, row, {"role": role.value, "signer": cert.get("signer"), "level": done[0].level.value,
                           "files": [d.path.name for d in done], "via": "pkcs12"})
        return redirect(web, request, staff, f"/bao-cao/{report_id}/ky-so?msg={role.value}")

    @router.post("/bao-cao/{report_id}/ky-so/tu-xa")
    async def remote_prepare(request: Request, report_id: int, csrf: str = Form(""), document: str = Form("bao-cao"),
                             number: str = Form(""), cert: UploadFile | None = File(None),
                             chain: UploadFile | None = File(None), image: UploadFile | None = File(None)) -> Response:
        staff, row, plan = load(request, report_id, *SIGNERS)
        check_csrf(web, staff, csrf)
        role = my_role(staff)
        settings = web.settings
        cert_pem = await cert.read(64 * 1024) if cert is not None else b""
        chain_pem = await chain.read(256 * 1024) if chain is not None else b""
        picture = await image.read(MAX_IMAGE_BYTES + 1) if image is not None else b""

        def work() -> Any:
            with _image(picture, default_image(role)) as img:
                return sr.prepare(settings, row, role=role, document=document, cert_pem=cert_pem, chain_pem=chain_pem,
                                  now=clock.now(), images=images(role, img), number=number.strip() or None)

        try:
            step = await run_in_threadpool(work)
        except DondocError as exc:
            return await run_in_threadpool(detail, request, staff, row, plan, error=str(exc), status_code=400)
        audit(staff, row, {"role": role.value, "document": document, "step": "prepared", "via": "remote",
                           "digest": step.digest_sha256})
        return await run_in_threadpool(detail, request, staff, row, plan, remote={"document": step.document, "digest": step.digest_sha256,
                                                        "data": base64.b64encode(step.data_to_sign).decode()})

    @router.post("/bao-cao/{report_id}/ky-so/tu-xa/hoan-tat")
    async def remote_finish(request: Request, report_id: int, csrf: str = Form(""), document: str = Form("bao-cao"),
                            signature: str = Form(""), signature_file: UploadFile | None = File(None)) -> Response:
        staff, row, plan = load(request, report_id, *SIGNERS)
        check_csrf(web, staff, csrf)
        role = my_role(staff)
        raw = await signature_file.read(256 * 1024) if signature_file is not None else b""
        try:
            if not raw:
                try:
                    raw = base64.b64decode("".join(signature.split()), validate=True)
                except (binascii.Error, ValueError) as exc:
                    raise InputError("chữ ký nhận về phải ở dạng base64 (hoặc chọn tệp nhị phân)") from exc
            if not raw:
                raise InputError("chưa có chữ ký nhận về từ dịch vụ ký từ xa")
            await run_in_threadpool(sr.finish, web.settings, row, role=role, document=document, signature=raw)
        except DondocError as exc:
            return await run_in_threadpool(detail, request, staff, row, plan, error=str(exc), status_code=400)
        audit(staff, row, {"role": role.value, "document": document, "step": "finished", "via": "remote"})
        return redirect(web, request, staff, f"/bao-cao/{report_id}/ky-so?msg=remote")

    @router.get("/bao-cao/{report_id}/ky-so/{document}.pdf")
    def download(request: Request, report_id: int, document: str) -> Response:
        staff, row, _plan = load(request, report_id, *READERS)
        path = sr.signed_file(web.settings, row, document)
        if path is None:
            raise HTTPException(404)
        stem = Path(row.docx_path or f"bao-cao-{row.id}").stem
        name = f"{stem}.pdf" if document == "bao-cao" else f"{stem}-phu-luc.pdf"
        return finish(web, request, staff, FileResponse(path, filename=name, media_type="application/pdf"))

    return router
