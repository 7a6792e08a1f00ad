"""Decompression bombs, small on disk, built on the fly (shared by tests/security and benchmarks/)."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 b'<Default Extension="xml" ContentType="application/xml"/>'
                 b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 b'wordprocessingml.document.main+xml"/></Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'officeDocument" Target="word/document.xml"/></Relationships>')
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARA = b"<w:p><w:r><w:t>" + "Nhiệm vụ ".encode() * 4 + b"</w:t></w:r></w:p>"


def _write_streamed(zf: zipfile.ZipFile, name: str, head: bytes, unit: bytes, count: int, tail: bytes) -> None:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zf.open(info, "w", force_zip64=True) as fh:
        fh.write(head)
        block = unit * 4096
        for _ in range(count // 4096):
            fh.write(block)
        fh.write(tail)


def docx_bomb(path: Path, *, megabytes: int = 300) -> Path:
    """A .docx whose document.xml inflates to `megabytes` MB of paragraphs."""
    count = megabytes * 1024 * 1024 // len(PARA)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        _write_streamed(zf, "word/document.xml", b"<w:document " + W + b"><w:body>", PARA, count,
                        b"</w:body></w:document>")
    return path


def docx_big_but_plausible(path: Path, *, megabytes: int = 90) -> Path:
    """A .docx under the per-entry limits (ratio kept low with incompressible text) but heavy to parse:
    what only the worker's memory cap stops."""
    import random

    rnd = random.Random(7)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        with zf.open(zipfile.ZipInfo("word/document.xml"), "w", force_zip64=True) as fh:
            fh.write(b"<w:document " + W + b"><w:body>")
            written = 0
            while written < megabytes * 1024 * 1024:
                words = " ".join("".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
                                 for _ in range(12)).encode()
                chunk = b"<w:p><w:r><w:t>" + words + b"</w:t></w:r></w:p>"
                fh.write(chunk * 64)
                written += len(chunk) * 64
            fh.write(b"</w:body></w:document>")
    return path


def xlsx_bomb(path: Path, *, megabytes: int = 300) -> Path:
    row = b'<row><c t="inlineStr"><is><t>UBND xa</t></is></c></row>'
    count = megabytes * 1024 * 1024 // len(row)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES.replace(b"/word/document.xml", b"/xl/workbook.xml"))
        zf.writestr("_rels/.rels", RELS.replace(b"word/document.xml", b"xl/workbook.xml"))
        zf.writestr("xl/workbook.xml", b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    b'<sheets><sheet name="Units" sheetId="1"/></sheets></workbook>')
        _write_streamed(zf, "xl/worksheets/sheet1.xml",
                        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
                        row, count, b"</sheetData></worksheet>")
    return path


def pdf_bomb(path: Path, *, megabytes: int = 200) -> Path:
    """A one-page PDF whose content stream inflates to `megabytes` MB."""
    z = zlib.compressobj(9)
    body = io.BytesIO()
    chunk = b"BT /F1 12 Tf 72 712 Td (Nhiem vu) Tj ET\n" * 1024
    for _ in range(megabytes * 1024 * 1024 // len(chunk)):
        body.write(z.compress(chunk))
    body.write(z.flush())
    stream = body.getvalue()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    path.write_bytes(out.getvalue())
    return path
