"""The edXML package: round trip, schema, the folder transport, and a received package imported."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pendulum
import pytest

from dondoc.clock import TZ
from dondoc.signing import edxml as ex
from dondoc.signing.errors import PackageError
from dondoc.signing.transport import FolderTransport
from tests.conftest import EXAMPLES

NOW = pendulum.datetime(2025, 11, 14, 10, 30, tz=TZ)
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


def _package(**header: object) -> ex.Package:
    h = ex.Header(
        sender=ex.Organ("000.00.31.H56", "UBND huyện Quan Hoá", address="Thị trấn Hồi Xuân", email="vt@quanhoa.gov.vn"),
        recipients=(ex.Organ("000.00.00.H56", "UBND tỉnh Thanh Hoá"), ex.Organ("000.25.00.H56", "Sở LĐTBXH")),
        code_number="125", code_notation="BC-UBND", place="Quan Hoá", promulgation_date=dt.date(2025, 11, 13),
        type_name="Báo cáo", subject="Báo cáo kết quả thực hiện Kế hoạch số 68/KH-UBND năm 2025",
        signer_name="Phạm Thị Lượng", signer_competence="KT. CHỦ TỊCH", signer_position="PHÓ CHỦ TỊCH",
        document_id="000.00.31.H56:1:2025", due_date=dt.date(2025, 12, 15), steering_type=ex.STEERING_DIRECTIVE,
        to_places=("UBND tỉnh Thanh Hoá", "Sở Lao động - Thương binh và Xã hội tỉnh"), page_amount=4,
        appendixes=("bao-cao-phu-luc.pdf",))
    h = dataclasses.replace(h, **header)  # type: ignore[arg-type]
    return ex.Package(h, (ex.Trace("000.00.31.H56", NOW),),
                      (ex.Attachment("bao-cao.pdf", PDF, description="Văn bản"),
                       ex.Attachment("bao-cao-phu-luc.pdf", PDF[::-1], description="Phụ lục")))


def test_round_trip_keeps_header_and_bytes() -> None:
    pkg = _package()
    data = ex.write_package(pkg)
    back = ex.read_package(data)
    assert back.header == dataclasses.replace(pkg.header, type_code=pkg.header.type)
    assert [(a.name, a.data, a.content_type, a.description) for a in back.attachments] == \
        [(a.name, a.data, a.content_type, a.description) for a in pkg.attachments]
    assert back.traces == pkg.traces and back.traces[0].timestamp.utcoffset() == dt.timedelta(hours=7)
    assert ex.write_package(back) == data  # stable: the same package writes the same bytes


def test_signed_pdfs_round_trip(compiled_pdfs: tuple[Path, Path]) -> None:
    report, annex = compiled_pdfs
    pkg = dataclasses.replace(_package(), attachments=(ex.attachment_from(report), ex.attachment_from(annex)))
    back = ex.read_package(ex.write_package(pkg))
    assert back.attachments[0].data == report.read_bytes() and back.attachments[1].data == annex.read_bytes()
    assert back.attachments[0].content_type == "application/pdf"


def test_written_package_validates_against_the_schema() -> None:
    from lxml import etree

    data = ex.write_package(_package())
    schema = etree.XMLSchema(etree.parse(str(ex.SCHEMA)))
    doc = etree.fromstring(data)
    assert schema.validate(doc), schema.error_log
    assert doc.tag == f"{{{ex.NS}}}edXMLEnvelope"
    assert [c.tag.split("}")[1] for c in doc.find(f"{{{ex.NS}}}edXMLHeader/{{{ex.NS}}}MessageHeader")][:6] == \
        ["From", "To", "To", "Code", "PromulgationInfo", "DocumentType"]


@pytest.mark.parametrize(("break_it", "message"), [
    (lambda x: x.replace(b"<edXML:From>", b"<edXML:Sender>").replace(b"</edXML:From>", b"</edXML:Sender>"), "Sender"),
    (lambda x: x.replace(b"<edXML:DueDate>2025-12-15</edXML:DueDate>", b"<edXML:DueDate>15/12/2025</edXML:DueDate>"),
     "DueDate"),
    (lambda x: x.replace(b"<edXML:SteeringType>1</edXML:SteeringType>", b""), "SteeringType"),
    (lambda x: x[:200], "XML"),
])
def test_malformed_packages_are_rejected(break_it, message: str) -> None:  # type: ignore[no-untyped-def]
    data = break_it(ex.write_package(_package()))
    with pytest.raises(PackageError, match=message):
        ex.read_package(data)


def test_folder_transport(tmp_path: Path) -> None:
    transport = FolderTransport(tmp_path)
    data = ex.write_package(_package())
    receipts = transport.send(data)
    assert [r.organ_id for r in receipts] == ["000.00.00.H56", "000.25.00.H56"]
    assert all(Path(r.where).read_bytes() == data for r in receipts)
    assert transport.send(data) == receipts  # a resend is the same file
    assert transport.receive() == []
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "a.edxml").write_bytes(data)
    assert transport.receive() == [tmp_path / "inbox" / "a.edxml"]


def test_received_package_becomes_a_plan(engine, settings) -> None:  # type: ignore[no-untyped-def]
    """A plan sent by the province arrives as a package; its attachment is imported as a plan and the
    package's due date and steering type are kept with it."""
    from sqlmodel import Session

    from dondoc.directory.apply import import_directory
    from dondoc.models.plan import Plan
    from dondoc.signing.package import receive_package

    import_directory(engine=engine, settings=settings, path=EXAMPLES / "directory.xlsx", now=NOW)
    source = EXAMPLES / "plans" / "004_3b3dcdee6daa1c7d.txt"
    pkg = dataclasses.replace(_package(type_name="Kế hoạch"),
                              attachments=(ex.Attachment(source.name, source.read_bytes(), "text/plain"),))
    got = receive_package(engine=engine, settings=settings, data=ex.write_package(pkg), now=NOW)
    assert got.status == "created" and got.due_date == dt.date(2025, 12, 15) and got.steering_type == 1
    assert got.saved[0].read_bytes() == source.read_bytes()
    with Session(engine) as s:
        plan = s.get(Plan, got.plan_id)
        assert plan is not None
        assert plan.parsed["edxml"]["due_date"] == "2025-12-15" and plan.parsed["edxml"]["from"] == "000.00.31.H56"
