"""A compiled report signed from the staff console: its PDFs kept per report version in the data folder,
the signatures in the order NĐ 30/2020 sets, and the verification shown beside the downloads.

Files: reports/signed/<report id>-<docx sha256[:12]>/bao-cao.pdf (the report) and phu-luc.pdf (the annex),
made from the compiled .docx/.xlsx by LibreOffice on the first signature. A report compiled again with
other content has another sha256, so its signing starts afresh; the signed PDFs of an earlier version stay.

Who signs what: the leader (lãnh đạo) signs the report as the competent person ('authority'); then the
clerk (văn thư) signs as the organisation: the report (seal over the authority's signature) and the annex
(organisation only, a stamp at the top right). The order is enforced by signing.sign (the organisation's
signature on the report needs the authority's first), and a draft report (compiled before the period's
cut-off) is not signed.

The signer's key comes with the request (a .p12 and its passphrase, read in memory, never written) or
from a remote signing service in two steps (the data to sign out, the signature value back); dondoc keeps
no key. Concurrent signatures of one report are serialised by a lock file in its folder."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dondoc.config import Settings
from dondoc.errors import InputError
from dondoc.models import CompiledReport
from dondoc.signing.errors import SigningError
from dondoc.signing.sign import Images, Options, Role, Signed, finish_remote, prepare_remote, sign_pdf
from dondoc.signing.verify import Verification, verify_pdf

REPORT, ANNEX = "bao-cao.pdf", "phu-luc.pdf"
DOCUMENTS = {"bao-cao": REPORT, "phu-luc": ANNEX}
ROLE_OF_STAFF = {"leader": Role.AUTHORITY, "clerk": Role.ORGANISATION}
MAX_P12_BYTES = 64 * 1024


def folder(settings: Settings, row: CompiledReport) -> Path:
    if not row.sha256:
        raise InputError("báo cáo chưa có tệp (lập lại báo cáo trước khi ký)")
    return settings.path("reports", "signed", f"{row.id}-{row.sha256[:12]}")


def is_final(row: CompiledReport) -> bool:
    return bool((row.snapshot.get("period") or {}).get("final"))


def trust_roots(settings: Settings) -> tuple[Path, ...]:
    return tuple(Path(p) for p in (settings.sign_trust or "").split() if p)


@contextlib.contextmanager
def _locked(where: Path) -> Iterator[None]:
    with (where / ".lock").open("a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def ensure_pdfs(settings: Settings, row: CompiledReport) -> tuple[Path, Path]:
    """The report's and the annex's PDF in the report's signing folder, converted once."""
    from dondoc.signing.pdf import report_pdfs

    where = folder(settings, row)
    report, annex = where / REPORT, where / ANNEX
    if report.is_file() and annex.is_file():
        return report, annex
    docx, xlsx = Path(row.docx_path or ""), Path(row.xlsx_path or "")
    if not docx.is_file() or not xlsx.is_file():
        raise InputError("không thấy tệp Word/Excel của báo cáo: lập lại báo cáo rồi ký")
    stage = where / ".convert"
    shutil.rmtree(stage, ignore_errors=True)
    made_report, made_annex = report_pdfs(docx, xlsx, outdir=stage)
    if made_annex is None:
        raise SigningError("không chuyển được phụ lục Excel sang PDF")
    made_report.replace(report)
    made_annex.replace(annex)
    shutil.rmtree(stage, ignore_errors=True)
    return report, annex


def _refuse_draft(row: CompiledReport) -> None:
    if not is_final(row):
        raise InputError("báo cáo còn là dự thảo (lập trước hạn chốt số liệu của kỳ): lập lại sau hạn rồi ký số")


def _options(settings: Settings, role: Role, now: dt.datetime, images: Images, *, annex: bool = False,
             number: str | None = None) -> Options:
    return Options(role=role, now=now, images=images, annex=True if annex else None, number=number or None,
                   tsa_url=settings.sign_tsa_url or None)


def pkcs12_signer(data: bytes, passphrase: str) -> Any:
    """A pyHanko signer from the bytes of a .p12/.pfx (never written to disk)."""
    from pyhanko.sign import signers

    if not data:
        raise InputError("chưa chọn tệp chứng thư số (.p12/.pfx)")
    if len(data) > MAX_P12_BYTES:
        raise InputError(f"tệp chứng thư số lớn hơn {MAX_P12_BYTES // 1024} KB: không phải tệp .p12")
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=passphrase.encode() or None)
    except (ValueError, TypeError) as exc:
        raise SigningError(f"không mở được tệp .p12 (sai mật khẩu hoặc tệp hỏng): {exc}") from exc
    if signer is None:
        raise SigningError("không mở được tệp .p12 (sai mật khẩu hoặc tệp hỏng)")
    return signer


def sign_report(settings: Settings, row: CompiledReport, *, role: Role, signer: Any, now: dt.datetime,
                images: Images, number: str | None = None) -> list[Signed]:
    """The authority signs the report; the organisation signs the report and then the annex. Both files
    are replaced only when every signature of this step succeeded."""
    _refuse_draft(row)
    where = folder(settings, row)
    with _locked(where):
        report, annex = ensure_pdfs(settings, row)
        jobs = [(report, _options(settings, role, now, images))]
        if role is Role.ORGANISATION:
            jobs.append((annex, _options(settings, role, now, images, annex=True, number=number)))
        done: list[Signed] = []
        staged: list[tuple[Path, Path]] = []
        try:
            for src, opts in jobs:
                tmp = src.with_name(f".{src.name}.signing")
                done.append(sign_pdf(src, tmp, signer=signer, opts=opts))
                staged.append((tmp, src))
            for tmp, src in staged:
                tmp.replace(src)
        finally:
            for tmp, _src in staged:
                tmp.unlink(missing_ok=True)
        _forget_cache(where)
    return [Signed(src, s.field_name, s.placement, s.level) for (src, _o), s in zip(jobs, done, strict=True)]


# -- the remote (two-step) flow -------------------------------------------------------------------------


@dataclass(frozen=True)
class RemoteStep:
    document: str  # 'bao-cao' | 'phu-luc'
    data_to_sign: bytes
    digest_sha256: str


def _state(where: Path, document: str, role: Role) -> Path:
    return where / f".remote-{document}-{role}.json"


def prepare(settings: Settings, row: CompiledReport, *, role: Role, document: str, cert_pem: bytes,
            chain_pem: bytes, now: dt.datetime, images: Images, number: str | None = None) -> RemoteStep:
    """Step 1 of a remote signature of one document: the room for the signature reserved, the data the
    service signs returned. The signer's certificate (public) is kept beside the state until step 2."""
    _refuse_draft(row)
    if document not in DOCUMENTS or (role is Role.AUTHORITY and document != "bao-cao"):
        raise InputError("người có thẩm quyền ký văn bản (bao-cao); phụ lục (phu-luc) do cơ quan, tổ chức ký")
    if not cert_pem.strip():
        raise InputError("chưa chọn chứng thư số của người ký (PEM)")
    where = folder(settings, row)
    with _locked(where):
        report, annex = ensure_pdfs(settings, row)
        src = report if document == "bao-cao" else annex
        state = _state(where, document, role)
        cert, chain = state.with_suffix(".cert.pem"), state.with_suffix(".chain.pem")
        cert.write_bytes(cert_pem)
        chains = ()
        if chain_pem.strip():
            chain.write_bytes(chain_pem)
            chains = (chain,)
        opts = _options(settings, role, now, images, annex=document == "phu-luc", number=number)
        try:
            req = prepare_remote(src, state, cert=cert, chain=chains, opts=opts)
        except ValueError as exc:  # an unreadable PEM
            raise InputError(f"không đọc được chứng thư số (PEM): {exc}") from exc
        state.with_suffix(".source").write_text(_digest(src), encoding="ascii")
    return RemoteStep(document, req.data_to_sign, req.digest_sha256)


def finish(settings: Settings, row: CompiledReport, *, role: Role, document: str, signature: bytes) -> Path:
    """Step 2: the service's signature value (or CMS) embedded; the document replaced by the signed one."""
    if document not in DOCUMENTS:
        raise InputError("tài liệu phải là bao-cao hoặc phu-luc")
    where = folder(settings, row)
    with _locked(where):
        state = _state(where, document, role)
        if not state.is_file():
            raise InputError("chưa có bước 1 (chuẩn bị ký từ xa) cho tài liệu này, hoặc đã ký xong")
        src = where / DOCUMENTS[document]
        source = state.with_suffix(".source")
        if not source.is_file() or source.read_text(encoding="ascii") != _digest(src):
            raise SigningError("văn bản đã được ký thêm sau bước 1: làm lại bước 1 (chuẩn bị ký từ xa)")
        tmp = src.with_name(f".{src.name}.signing")
        pending = state.with_suffix(".pending.pdf")
        kept = pending.read_bytes() if pending.is_file() else None  # a wrong answer must not end the step
        finish_remote(state, signature, tmp)
        check = verify_pdf(tmp)
        if check.error or not check.signatures or not all(s.intact and s.valid for s in check.signatures):
            tmp.unlink(missing_ok=True)
            if kept is not None:
                pending.write_bytes(kept)
            raise SigningError("chữ ký nhận về không khớp với dữ liệu cần ký (hoặc với chứng thư số): văn bản không "
                               "đổi; gửi lại chữ ký đúng")
        tmp.replace(src)
        for leftover in (state, source, pending, state.with_suffix(".cert.pem"), state.with_suffix(".chain.pem")):
            leftover.unlink(missing_ok=True)
        _forget_cache(where)
    return src


# -- what the console shows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureView:
    role: str | None
    signer: str
    organisation: str | None
    at: str  # dd/mm/yyyy HH:MM (+07:00), the TSA's time when there is one
    timestamped: bool
    intact: bool
    trusted: bool | None
    unchanged: bool
    ok: bool


@dataclass(frozen=True)
class DocumentView:
    name: str  # bao-cao.pdf | phu-luc.pdf
    signatures: list[SignatureView]
    ok: bool
    order_ok: bool
    error: str | None


@dataclass(frozen=True)
class ReportSigning:
    report_id: int
    final: bool
    documents: list[DocumentView]  # those that exist

    def _roles(self, name: str) -> list[str | None]:
        for d in self.documents:
            if d.name == name:
                return [s.role for s in d.signatures]
        return []

    @property
    def stage(self) -> str:
        """'none', 'authority' (the leader signed), 'complete' (the organisation signed both files)."""
        report, annex = self._roles(REPORT), self._roles(ANNEX)
        if Role.ORGANISATION in report and Role.ORGANISATION in annex:
            return "complete"
        if Role.AUTHORITY in report:
            return "authority"
        return "none"

    @property
    def next_role(self) -> Role | None:
        return {"none": Role.AUTHORITY, "authority": Role.ORGANISATION}.get(self.stage)

    @property
    def ok(self) -> bool:
        return bool(self.documents) and all(d.ok for d in self.documents if d.signatures)


def _view(v: Verification) -> DocumentView:
    sigs = []
    for s in v.signatures:
        when = s.timestamp or s.signed_at
        sigs.append(SignatureView(role=str(s.role) if s.role else None, signer=s.signer, organisation=s.organisation,
                                  at=when.strftime("%d/%m/%Y %H:%M (+07:00)") if when else "?",
                                  timestamped=s.timestamp is not None, intact=s.intact and s.valid,
                                  trusted=s.trusted, unchanged=s.unchanged, ok=s.ok))
    return DocumentView(v.path.name, sigs, v.ok, v.order_ok, v.error)


_CACHE = ".verify.json"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _forget_cache(where: Path) -> None:
    (where / _CACHE).unlink(missing_ok=True)


def signing_state(settings: Settings, row: CompiledReport) -> ReportSigning:
    """The verification of the report's signed PDFs (cached per file content and trust list)."""
    assert row.id is not None
    if not row.sha256:
        return ReportSigning(row.id, is_final(row), [])
    where = settings.home / "reports" / "signed" / f"{row.id}-{row.sha256[:12]}"
    trust = trust_roots(settings)
    docs: list[DocumentView] = []
    if not where.is_dir():
        return ReportSigning(row.id, is_final(row), docs)
    cache_file = where / _CACHE
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    fresh: dict[str, Any] = {}
    for name in (REPORT, ANNEX):
        path = where / name
        if not path.is_file():
            continue
        key = f"{name}:{_digest(path)}:{','.join(str(t) for t in trust)}"
        if key in cache:
            raw = cache[key]
            view = DocumentView(raw["name"], [SignatureView(**s) for s in raw["signatures"]], raw["ok"],
                                raw["order_ok"], raw["error"])
        else:
            view = _view(verify_pdf(path, trust=trust))
        fresh[key] = {"name": view.name, "signatures": [s.__dict__ for s in view.signatures], "ok": view.ok,
                      "order_ok": view.order_ok, "error": view.error}
        docs.append(view)
    if fresh != cache:
        with contextlib.suppress(OSError):
            cache_file.write_text(json.dumps(fresh, ensure_ascii=False), encoding="utf-8")
    return ReportSigning(row.id, is_final(row), docs)


def signed_file(settings: Settings, row: CompiledReport, document: str) -> Path | None:
    name = DOCUMENTS.get(document)
    if name is None or not row.sha256:
        return None
    path = settings.home / "reports" / "signed" / f"{row.id}-{row.sha256[:12]}" / name
    return path if path.is_file() else None

