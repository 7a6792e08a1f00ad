"""The inter-agency package of QCVN 102:2016/BTTTT (edXML): write, read back, validate.

One XML file: `edXMLEnvelope` = `edXMLHeader` (`MessageHeader`: From/To organs, code, promulgation
info, document type, subject, signer, due date, steering type, document id; `TraceHeaderList`: one
`TraceHeader` per organ the package went through) + `edXMLBody` (`Manifest`: one `Reference` per
attachment) + `AttachmentEncoded` (each attachment, base64). The schema is `edxml.xsd` beside this
module; what could not be checked against the standard's text is listed at its top.
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from dondoc.signing.errors import PackageError

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
SCHEMA = Path(__file__).with_name("edxml.xsd")
E = f"{{{NS}}}"

# DocumentType/Type: dondoc writes reports and reads plans. The numbering follows the order of the
# kinds of administrative documents in NĐ 30/2020 (Điều 7); the official code list was not available.
DOCUMENT_TYPES = {"Báo cáo": 15, "Kế hoạch": 13, "Công văn": 29}
# SteeringType: 0 an ordinary document; 1 a steering document (chỉ đạo) whose execution is followed.
STEERING_ORDINARY, STEERING_DIRECTIVE = 0, 1
PRIORITY_NORMAL = 0  # 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ


@dataclass(frozen=True)
class Organ:
    organ_id: str
    name: str
    in_charge: str | None = None
    address: str | None = None
    email: str | None = None
    telephone: str | None = None
    fax: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Header:
    sender: Organ
    recipients: tuple[Organ, ...]
    code_number: str
    code_notation: str
    place: str
    promulgation_date: dt.date
    type_name: str
    subject: str
    signer_name: str
    document_id: str
    type_code: int | None = None
    content: str | None = None
    signer_competence: str | None = None
    signer_position: str | None = None
    due_date: dt.date | None = None
    steering_type: int = STEERING_ORDINARY
    to_places: tuple[str, ...] = ()
    priority: int = PRIORITY_NORMAL
    page_amount: int | None = None
    appendixes: tuple[str, ...] = ()

    @property
    def type(self) -> int:
        return self.type_code if self.type_code is not None else DOCUMENT_TYPES.get(self.type_name, 0)


@dataclass(frozen=True)
class Trace:
    organ_id: str
    timestamp: dt.datetime


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    content_type: str = "application/pdf"
    description: str | None = None
    content_id: str = ""


@dataclass(frozen=True)
class Package:
    header: Header
    traces: tuple[Trace, ...]
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)


def attachment_from(path: Path, *, description: str | None = None) -> Attachment:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return Attachment(path.name, path.read_bytes(), kind, description)


def _sub(parent: Any, tag: str, text: str | None = None, *, optional: bool = False) -> Any:
    from lxml import etree

    if optional and (text is None or text == ""):
        return None
    el = etree.SubElement(parent, E + tag)
    if text is not None:
        el.text = text
    return el


def _organ(parent: Any, tag: str, organ: Organ) -> None:
    el = _sub(parent, tag)
    _sub(el, "OrganId", organ.organ_id)
    _sub(el, "OrganizationInCharge", organ.in_charge, optional=True)
    _sub(el, "OrganName", organ.name)
    for name, value in (("OrganAdd", organ.address), ("Email", organ.email), ("Telephone", organ.telephone),
                        ("Fax", organ.fax), ("Website", organ.website)):
        _sub(el, name, value, optional=True)


def _aware(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("trace timestamps must be aware")
    import pendulum

    return pendulum.instance(moment).in_timezone("Asia/Ho_Chi_Minh").isoformat(timespec="seconds")


def write_package(pkg: Package) -> bytes:
    """The package as UTF-8 XML bytes; valid against edxml.xsd (checked before returning)."""
    # Long on purpose: the edXML header's elements in the order the standard sets.
    from lxml import etree

    h = pkg.header
    root = etree.Element(E + "edXMLEnvelope", nsmap={"edXML": NS})
    header = _sub(root, "edXMLHeader")
    mh = _sub(header, "MessageHeader")
    _organ(mh, "From", h.sender)
    for organ in h.recipients:
        _organ(mh, "To", organ)
    code = _sub(mh, "Code")
    _sub(code, "CodeNumber", h.code_number)
    _sub(code, "CodeNotation", h.code_notation)
    info = _sub(mh, "PromulgationInfo")
    _sub(info, "Place", h.place)
    _sub(info, "PromulgationDate", h.promulgation_date.isoformat())
    doc_type = _sub(mh, "DocumentType")
    _sub(doc_type, "Type", str(h.type))
    _sub(doc_type, "TypeName", h.type_name)
    _sub(mh, "Subject", h.subject)
    _sub(mh, "Content", h.content, optional=True)
    signer = _sub(mh, "SignerInfo")
    _sub(signer, "Competence", h.signer_competence, optional=True)
    _sub(signer, "Position", h.signer_position, optional=True)
    _sub(signer, "FullName", h.signer_name)
    _sub(mh, "DueDate", h.due_date.isoformat() if h.due_date else None, optional=True)
    if h.to_places:
        places = _sub(mh, "ToPlaces")
        for place in h.to_places:
            _sub(places, "Place", place)
    other = _sub(mh, "OtherInfo")
    _sub(other, "Priority", str(h.priority))
    _sub(other, "PageAmount", str(h.page_amount) if h.page_amount is not None else None, optional=True)
    if h.appendixes:
        apps = _sub(other, "Appendixes")
        for a in h.appendixes:
            _sub(apps, "Appendix", a)
    _sub(mh, "SteeringType", str(h.steering_type))
    _sub(mh, "DocumentId", h.document_id)
    traces = _sub(header, "TraceHeaderList")
    for t in pkg.traces:
        th = _sub(traces, "TraceHeader")
        _sub(th, "OrganId", t.organ_id)
        _sub(th, "Timestamp", _aware(t.timestamp))
    body = _sub(root, "edXMLBody")
    manifest = _sub(body, "Manifest")
    manifest.set("version", "1.0")
    attachments = _with_ids(pkg.attachments)
    for a in attachments:
        ref = _sub(manifest, "Reference")
        _sub(ref, "ContentId", a.content_id)
        _sub(ref, "ContentType", a.content_type)
        _sub(ref, "Description", a.description, optional=True)
        _sub(ref, "AttachmentName", a.name)
    encoded = _sub(root, "AttachmentEncoded")
    for a in attachments:
        el = _sub(encoded, "Attachment")
        _sub(el, "ContentId", a.content_id)
        _sub(el, "ContentType", a.content_type)
        _sub(el, "Description", a.description, optional=True)
        _sub(el, "AttachmentName", a.name)
        _sub(el, "ContentTransferEncoded", "base64")
        _sub(el, "Value", base64.b64encode(a.data).decode("ascii"))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    validate(data)
    return data


def _with_ids(attachments: tuple[Attachment, ...]) -> list[Attachment]:
    out = []
    for n, a in enumerate(attachments, 1):
        out.append(a if a.content_id else Attachment(a.name, a.data, a.content_type, a.description, f"cid:{n}"))
    if not out:
        raise PackageError("gói tin edXML phải có ít nhất một tệp đính kèm (văn bản)")
    return out


@cache
def _schema() -> Any:
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def validate(data: bytes) -> None:
    """Raise PackageError naming the first problems when `data` is not a package in edxml.xsd's form."""
    from lxml import etree

    try:
        doc = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise PackageError(f"gói tin edXML không phải XML hợp lệ: {exc}") from exc
    schema = _schema()
    if not schema.validate(doc):
        problems = "; ".join(f"dòng {e.line}: {e.message}" for e in list(schema.error_log)[:3])
        raise PackageError(f"gói tin edXML không đúng cấu trúc QCVN 102:2016: {problems}")


def read_package(data: bytes) -> Package:
    from lxml import etree

    validate(data)
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    mh = root.find(f"{E}edXMLHeader/{E}MessageHeader")

    def text(el: Any, path: str) -> str | None:
        found = el.find("/".join(E + p for p in path.split("/")))
        return found.text if found is not None and found.text is not None else None

    def organ(el: Any) -> Organ:
        return Organ(text(el, "OrganId") or "", text(el, "OrganName") or "", text(el, "OrganizationInCharge"),
                     text(el, "OrganAdd"), text(el, "Email"), text(el, "Telephone"), text(el, "Fax"),
                     text(el, "Website"))

    due = text(mh, "DueDate")
    pages = text(mh, "OtherInfo/PageAmount")
    header = Header(
        sender=organ(mh.find(E + "From")), recipients=tuple(organ(t) for t in mh.findall(E + "To")),
        code_number=text(mh, "Code/CodeNumber") or "", code_notation=text(mh, "Code/CodeNotation") or "",
        place=text(mh, "PromulgationInfo/Place") or "",
        promulgation_date=dt.date.fromisoformat(text(mh, "PromulgationInfo/PromulgationDate") or ""),
        type_code=int(text(mh, "DocumentType/Type") or 0), type_name=text(mh, "DocumentType/TypeName") or "",
        subject=text(mh, "Subject") or "", content=text(mh, "Content"),
        signer_competence=text(mh, "SignerInfo/Competence"), signer_position=text(mh, "SignerInfo/Position"),
        signer_name=text(mh, "SignerInfo/FullName") or "",
        due_date=dt.date.fromisoformat(due) if due else None,
        steering_type=int(text(mh, "SteeringType") or 0),
        to_places=tuple(p.text or "" for p in mh.findall(f"{E}ToPlaces/{E}Place")),
        priority=int(text(mh, "OtherInfo/Priority") or 0), page_amount=int(pages) if pages else None,
        appendixes=tuple(a.text or "" for a in mh.findall(f"{E}OtherInfo/{E}Appendixes/{E}Appendix")),
        document_id=text(mh, "DocumentId") or "")
    import pendulum

    traces = tuple(Trace(text(t, "OrganId") or "", pendulum.parse(text(t, "Timestamp") or ""))  # type: ignore[arg-type]
                   for t in root.findall(f"{E}edXMLHeader/{E}TraceHeaderList/{E}TraceHeader"))
    inline = {text(a, "ContentId"): a for a in root.findall(f"{E}AttachmentEncoded/{E}Attachment")}
    attachments = []
    for ref in root.findall(f"{E}edXMLBody/{E}Manifest/{E}Reference"):
        cid = text(ref, "ContentId") or ""
        el = inline.get(cid)
        if el is None:
            raise PackageError(f"gói tin edXML thiếu nội dung tệp đính kèm {cid} ({text(ref, 'AttachmentName')}) "
                               "— tệp gửi dạng MIME riêng chưa được hỗ trợ")
        attachments.append(Attachment(text(ref, "AttachmentName") or "", base64.b64decode(text(el, "Value") or ""),
                                      text(ref, "ContentType") or "", text(ref, "Description"), cid))
    return Package(header, traces, tuple(attachments))
