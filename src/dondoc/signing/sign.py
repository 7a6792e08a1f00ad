"""PAdES signatures on the report (pyHanko), in the order NĐ 30/2020 sets.

The competent person ('authority') signs first, with their signature image between the title and
the name; then the organisation signs with its seal image over the left third of that signature.
An annex in a separate file is signed by the organisation only, with a text stamp at the top right
of its first page. Each signature is an incremental update (approval signature), so the first stays
intact after the second is added.

Levels: B-B always; B-T when a time-stamping authority is given (the TSA's token in the signature);
B-LT when asked and the certificates' revocation data can be fetched (embedded in the DSS).

The signing time is dondoc's clock (shown in +07:00), not the machine's: pyHanko reads the system
clock by default, so `_ClockedSigner` hands it ours.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import enum
import io
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dondoc.signing import appearance, layout
from dondoc.signing.errors import SigningConfigError, SigningError

log = logging.getLogger(__name__)

RESERVED_BYTES = 32768  # room for a chain of a few certificates, a timestamp token and revocation info


class Role(enum.StrEnum):
    AUTHORITY = "authority"
    ORGANISATION = "organisation"


FIELD = {Role.AUTHORITY: "dondoc-authority", Role.ORGANISATION: "dondoc-organisation"}
ROLE_OF_FIELD = {v: k for k, v in FIELD.items()}
ROLE_LABEL = {Role.AUTHORITY: "người có thẩm quyền", Role.ORGANISATION: "cơ quan, tổ chức"}


class Level(enum.StrEnum):
    B_B = "B-B"
    B_T = "B-T"
    B_LT = "B-LT"


@dataclass(frozen=True)
class Images:
    """The organisation's images (PNG, transparent background): the signer's signature, the seal."""

    signature: Path | None = None
    seal: Path | None = None
    seal_mm: float = layout.SEAL_MM


@dataclass(frozen=True)
class Options:
    role: Role
    now: dt.datetime
    images: Images = field(default_factory=Images)
    annex: bool | None = None  # None: an organisation signature on a PDF without a signature block
    number: str | None = None  # 'Số và ký hiệu' shown on an annex: '125/BC-UBND'
    tsa_url: str | None = None
    timestamper: Any = None  # a pyHanko TimeStamper (tests use a local one); wins over tsa_url
    level: Level | None = None  # default: B-T with a TSA, else B-B
    trust: tuple[Path, ...] = ()  # roots for B-LT path building
    reason: str | None = None
    location: str | None = None
    page: int | None = None  # explicit placement, 0-based, overrides what the layout finds
    box: layout.Box | None = None


@dataclass(frozen=True)
class Placement:
    field_name: str
    page: int
    box: layout.Box
    style: Any
    text_params: dict[str, str]
    kind: str  # 'signature' | 'seal' | 'annex'


@dataclass(frozen=True)
class Signed:
    path: Path
    field_name: str
    placement: Placement
    level: Level


def existing_fields(pdf: Path) -> list[str]:
    """Names of the signature fields already signed, in signing order."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    with pdf.open("rb") as f:
        reader = PdfFileReader(f, strict=False)
        sigs = sorted(reader.embedded_signatures, key=lambda s: s.signed_revision)
        return [s.field_name for s in sigs]


def _subject_name(cert: Any) -> tuple[str, str | None]:
    native = cert.subject.native
    return native.get("common_name") or cert.subject.human_friendly, native.get("organization_name")


def plan_placement(pdf: Path, opts: Options, *, signer_cert: Any) -> Placement:
    """Where and how this signature shows, from the document's layout and the signatures it has."""
    done = existing_fields(pdf)
    name = FIELD[opts.role]
    if name in done:
        raise SigningError(f"{pdf}: văn bản đã có chữ ký số của {ROLE_LABEL[opts.role]}")
    block = None
    if opts.annex is not True:
        try:
            block = layout.read_block(pdf)
        except SigningError:
            if opts.role is Role.AUTHORITY and opts.box is None:
                raise
    annex = opts.role is Role.ORGANISATION and (opts.annex is True or block is None)
    if opts.role is Role.AUTHORITY and done:
        raise SigningError(f"{pdf}: người có thẩm quyền ký trước, cơ quan ký sau; văn bản đã có chữ ký {done}")
    if opts.role is Role.ORGANISATION and not annex and FIELD[Role.AUTHORITY] not in done:
        raise SigningError(f"{pdf}: cơ quan, tổ chức ký sau người có thẩm quyền (chưa có chữ ký của người có thẩm "
                           "quyền); phụ lục là tệp riêng thì ký với --annex")
    when = appearance.vn_time(opts.now)
    cn, org = _subject_name(signer_cert)
    params = {"vn_time": when, "signer": cn, "organisation": org or cn, "number": opts.number or ""}
    if annex:
        width, height = layout.page_size(pdf, 0)
        lines = [f"{org or cn}"] + ([f"Số: {opts.number}"] if opts.number else []) + [f"Thời gian ký: {when}"]
        box = opts.box or layout.annex_box(page_width=width, page_height=height)
        image = appearance.text_image(lines, box_mm=((box[2] - box[0]) / layout.MM, (box[3] - box[1]) / layout.MM))
        return Placement(name, opts.page or 0, box, appearance.image_style(image), params, "annex")
    assert block is not None or opts.box is not None
    page = opts.page if opts.page is not None else block.page  # type: ignore[union-attr]
    if opts.role is Role.AUTHORITY:
        if opts.images.signature is None:
            log.warning("no signature image configured: the authority's box shows the name and time as text")
            aspect = 2.5
            style = appearance.image_style(appearance.text_image([cn, when], box_mm=(50, 20), size_pt=9,
                                                                 align_right=False))
        else:
            style, aspect = appearance.image_style(opts.images.signature), appearance.image_aspect(opts.images.signature)
        box = opts.box or layout.signature_box(block, aspect=aspect)  # type: ignore[arg-type]
        return Placement(name, page, box, style, params, "signature")
    if opts.images.seal is None:
        raise SigningConfigError("chưa có hình ảnh con dấu (PNG nền trong suốt, màu đỏ): đặt DONDOC_SIGN_SEAL_IMAGE "
                                 "hoặc --seal-image")
    authority_box = _field_box(pdf, FIELD[Role.AUTHORITY])
    box = opts.box or layout.seal_box(authority_box, seal_mm=opts.images.seal_mm)
    return Placement(name, page, box, appearance.image_style(opts.images.seal), params, "seal")


def _field_box(pdf: Path, name: str) -> layout.Box:
    for f in read_fields(pdf):
        if f["name"] == name:
            return tuple(f["rect"])  # type: ignore[return-value]
    raise SigningError(f"{pdf}: không thấy ô chữ ký {name}")


def read_fields(pdf: Path) -> list[dict[str, Any]]:
    """Each signature field's name, page (0-based) and /Rect, from the PDF itself."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    out = []
    with pdf.open("rb") as f:
        reader = PdfFileReader(f, strict=False)
        pages = [reader.find_page_for_modification(i)[0].idnum for i in range(_page_count(reader))]
        for sig in reader.embedded_signatures:
            widget = sig.sig_field
            rect = [float(x) for x in widget.get("/Rect", [0, 0, 0, 0])]
            if not any(rect) and "/Kids" in widget:
                rect = [float(x) for x in widget["/Kids"][0].get_object()["/Rect"]]
            page_ref = widget.get_value_as_reference("/P", optional=True)
            page = pages.index(page_ref.idnum) if page_ref is not None and page_ref.idnum in pages else None
            out.append({"name": sig.field_name, "page": page, "rect": rect, "revision": sig.signed_revision})
    return sorted(out, key=lambda x: x["revision"])


def _page_count(reader: Any) -> int:
    return int(reader.root["/Pages"]["/Count"])


def _level(opts: Options) -> Level:
    if opts.level is not None:
        return opts.level
    return Level.B_T if (opts.timestamper is not None or opts.tsa_url) else Level.B_B


def _timestamper(opts: Options) -> Any:
    if opts.timestamper is not None:
        return opts.timestamper
    if opts.tsa_url:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        return HTTPTimeStamper(opts.tsa_url)
    return None


def _metadata(opts: Options, level: Level) -> Any:
    from pyhanko.sign import fields, signers

    kwargs: dict[str, Any] = {}
    if level is Level.B_LT:
        from pyhanko_certvalidator import ValidationContext

        kwargs = {"embed_validation_info": True,
                  "validation_context": ValidationContext(trust_roots=_load_certs(opts.trust), allow_fetching=True)}
    return signers.PdfSignatureMetadata(field_name=FIELD[opts.role], subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", reason=opts.reason, location=opts.location, **kwargs)


def _load_certs(paths: tuple[Path, ...] | list[Path]) -> list[Any]:
    from pyhanko.keys import load_certs_from_pemder

    return list(load_certs_from_pemder([str(p) for p in paths])) if paths else []


def _pdf_signer(opts: Options, signer: Any, placement: Placement, level: Level) -> Any:
    from pyhanko.sign import fields, signers

    if level is not Level.B_B and _timestamper(opts) is None:
        raise SigningConfigError(f"mức {level} cần máy chủ cấp dấu thời gian (TSA): đặt DONDOC_SIGN_TSA_URL hoặc --tsa")

    class _ClockedSigner(signers.PdfSigner):  # type: ignore[misc]
        def init_signing_session(self, *args: Any, **kwargs: Any) -> Any:
            session = super().init_signing_session(*args, **kwargs)
            session.system_time = opts.now
            return session

    return _ClockedSigner(_metadata(opts, level), signer=signer, timestamper=_timestamper(opts),
                          stamp_style=placement.style,
                          new_field_spec=fields.SigFieldSpec(placement.field_name, on_page=placement.page,
                                                             box=placement.box))


def sign_pdf(src: Path, dst: Path, *, signer: Any, opts: Options) -> Signed:
    """Sign `src` into `dst` (which may be `src`: the signed file replaces it only when complete)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    if opts.now.tzinfo is None:
        raise ValueError("now must be aware")
    placement = plan_placement(src, opts, signer_cert=signer.signing_cert)
    level = _level(opts)
    pdf_signer = _pdf_signer(opts, signer, placement, level)
    buf = io.BytesIO()
    with src.open("rb") as f:
        writer = IncrementalPdfFileWriter(f, strict=False)
        try:
            pdf_signer.sign_pdf(writer, output=buf, appearance_text_params=placement.text_params,
                                bytes_reserved=RESERVED_BYTES)
        except SigningError:
            raise
        except Exception as exc:  # pyHanko, the token and the TSA client each have their own errors
            raise SigningError(f"{src}: không ký được ({ROLE_LABEL[opts.role]}): {exc.__class__.__name__}: {exc}") from exc
    _write_atomic(dst, buf.getvalue())
    return Signed(dst, placement.field_name, placement, level)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    tmp.replace(path)


# -- interrupted flow (remote signing services) -------------------------------------------------------


@dataclass(frozen=True)
class RemoteRequest:
    """What goes to the signing service: the DER of the CMS signed attributes, to be signed with the
    signer's key (RSA PKCS#1 v1.5 or ECDSA over SHA-256 of these bytes), and where the state is kept."""

    state: Path
    data_to_sign: bytes
    digest_sha256: str


def prepare_remote(src: Path, state: Path, *, cert: Path, chain: tuple[Path, ...] = (), opts: Options) -> RemoteRequest:
    """First half: the document with the signature's room reserved, written beside `state` (JSON)."""
    return asyncio.run(_prepare_remote(src, state, cert=cert, chain=chain, opts=opts))


async def _prepare_remote(src: Path, state: Path, *, cert: Path, chain: tuple[Path, ...], opts: Options) -> RemoteRequest:
    import hashlib

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    certs = _load_certs([cert])
    if len(certs) != 1:
        raise SigningError(f"{cert}: cần đúng một chứng thư số của người ký")
    ext = signers.ExternalSigner(signing_cert=certs[0],
                                 cert_registry=SimpleCertificateStore.from_certs(_load_certs(list(chain))),
                                 signature_value=512)
    placement = plan_placement(src, opts, signer_cert=certs[0])
    level = _level(opts)
    if level is Level.B_LT:
        raise SigningConfigError("ký từ xa: hỗ trợ B-B và B-T; B-LT cần bổ sung dữ liệu thu hồi sau khi ký")
    pdf_signer = _pdf_signer(opts, ext, placement, Level.B_B)
    with src.open("rb") as f:
        writer = IncrementalPdfFileWriter(f, strict=False)
        prep, _tbs, output = await pdf_signer.async_digest_doc_for_signing(
            writer, bytes_reserved=RESERVED_BYTES, appearance_text_params=placement.text_params)
    signed_attrs = await ext.signed_attrs(prep.document_digest, "sha256", use_pades=True)
    data = signed_attrs.dump()
    pending = state.with_suffix(".pending.pdf")
    pending.parent.mkdir(parents=True, exist_ok=True)
    output.seek(0)
    pending.write_bytes(output.read())
    state.write_text(json.dumps({
        "version": 1, "source": str(src), "pending": pending.name, "field": placement.field_name,
        "role": str(opts.role), "level": str(level), "tsa_url": opts.tsa_url,
        "document_digest": prep.document_digest.hex(), "reserved": [prep.reserved_region_start, prep.reserved_region_end],
        "signed_attrs": base64.b64encode(data).decode(), "cert": base64.b64encode(certs[0].dump()).decode(),
        "chain": [base64.b64encode(c.dump()).decode() for c in _load_certs(list(chain))],
    }, indent=2), encoding="utf-8")
    return RemoteRequest(state, data, hashlib.sha256(data).hexdigest())


def finish_remote(state: Path, signature: bytes, dst: Path, *, timestamper: Any = None) -> Path:
    """Second half: embed the service's answer (a raw signature value over `data_to_sign`, or a
    complete CMS SignedData) into the reserved room; the result is `dst`."""
    return asyncio.run(_finish_remote(state, signature, dst, timestamper=timestamper))


async def _finish_remote(state: Path, signature: bytes, dst: Path, *, timestamper: Any) -> Path:
    from asn1crypto import cms, x509
    from pyhanko.sign import signers
    from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest
    from pyhanko.sign.signers.pdf_signer import PdfTBSDocument
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    try:
        st = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SigningError(f"{state}: không đọc được trạng thái ký từ xa: {exc}") from exc
    pending = state.parent / st["pending"]
    cms_obj = _as_cms(signature)
    if cms_obj is None:
        if st.get("tsa_url") and timestamper is None:
            from pyhanko.sign.timestamps import HTTPTimeStamper

            timestamper = HTTPTimeStamper(st["tsa_url"])
        ext = signers.ExternalSigner(
            signing_cert=x509.Certificate.load(base64.b64decode(st["cert"])),
            cert_registry=SimpleCertificateStore.from_certs([x509.Certificate.load(base64.b64decode(c))
                                                             for c in st["chain"]]),
            signature_value=signature)
        cms_obj = await ext.async_sign_prescribed_attributes(
            "sha256", signed_attrs=cms.CMSAttributes.load(base64.b64decode(st["signed_attrs"])),
            timestamper=timestamper)
    prep = PreparedByteRangeDigest(document_digest=bytes.fromhex(st["document_digest"]),
                                   reserved_region_start=st["reserved"][0], reserved_region_end=st["reserved"][1])
    buf = io.BytesIO(pending.read_bytes())
    try:
        await PdfTBSDocument.async_finish_signing(buf, prep, cms_obj)
    except Exception as exc:
        raise SigningError(f"{state}: không gắn được chữ ký nhận về vào văn bản: {exc}") from exc
    _write_atomic(dst, buf.getvalue())
    pending.unlink(missing_ok=True)
    return dst


def _as_cms(data: bytes) -> Any:
    from asn1crypto import cms

    if not data or data[0] != 0x30:
        return None
    try:
        info = cms.ContentInfo.load(data)
        if info["content_type"].native == "signed_data":
            return info
    except ValueError:
        return None
    return None
