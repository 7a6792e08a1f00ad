"""Status service rules: authorisation, validation, late marking, audit, extensions, attachments."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from dondoc.collect import attachments, validation
from dondoc.config import Settings

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def office(main_part: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(main_part, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize("name,data,ok", [
    ("bao-cao.pdf", PDF, True),
    ("anh.png", PNG, True),
    ("anh.JPEG", JPG, True),
    ("bao-cao.docx", office("word/document.xml"), True),
    ("so-lieu.xlsx", office("xl/workbook.xml"), True),
    ("virus.pdf", b"MZ\x90\x00" + b"\x00" * 60, False),        # a lying extension
    ("bang.xlsx", office("word/document.xml"), False),          # a docx renamed .xlsx
    ("anh.png", PDF, False),
    ("script.exe", b"MZ", False),
    ("notes.txt", b"hello", False),
    ("empty.pdf", b"", False),
])
def test_attachment_checks(name: str, data: bytes, ok: bool, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, secret_key="k", max_upload_mb=1)
    if ok:
        assert attachments.check_attachment(settings=settings, filename=name, data=data)[0] == name
    else:
        with pytest.raises(validation.StatusInputError):
            attachments.check_attachment(settings=settings, filename=name, data=data)


def test_attachment_size_limit(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, secret_key="k", max_upload_mb=1)
    with pytest.raises(validation.StatusInputError, match="quá lớn"):
        attachments.check_attachment(settings=settings, filename="a.pdf", data=PDF + b"0" * (1024 * 1024))


@pytest.mark.parametrize("name,shown", [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\win.ini.pdf", "win.ini.pdf"),
    ("a\x00b\n.pdf", "ab.pdf"),
    ("...", "tep"),
    ("Báo cáo quý IV.pdf", "Báo cáo quý IV.pdf"),
])
def test_safe_filename(name: str, shown: str) -> None:
    assert attachments.safe_filename(name) == shown
