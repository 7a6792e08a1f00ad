"""Readers: .txt/.md (encoding detection), .docx (paragraphs and tables in order), .pdf (text layer)."""

from __future__ import annotations

import re
from pathlib import Path

from dondoc.errors import PlanReadError
from dondoc.plans.blocks import Block, Paragraph, Table, build_blocks
from dondoc.plans.text import from_tcvn3, from_vni, legacy_encoding, normalize, strip_markup

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


VNI_HOWTO = (
    "hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã, Ctrl+Shift+F6: bảng mã nguồn VNI Windows, "
    "đích Unicode) rồi thử lại, hoặc chạy lại với --convert-vni"
)


def convert_legacy(text: str, *, path: str, convert_vni: bool = False) -> str:
    """Text in TCVN3 is converted; text in VNI-Windows is refused (naming the encoding and how
    to convert it) unless convert_vni is set."""
    legacy = legacy_encoding(text)
    if legacy == "tcvn3":
        return normalize(from_tcvn3(text))
    if legacy == "vni":
        if convert_vni:
            return normalize(from_vni(text))
        raise PlanReadError(f"văn bản dùng bảng mã cũ VNI Windows (legacy VNI encoding); {VNI_HOWTO}", path=path)
    return text


# Windows-1252 punctuation (quotes, dashes, ellipsis) at 0x80-0x9F, which Latin-1 reads as C1 controls
_C1_AS_CP1252 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def decode(data: bytes, *, path: str, convert_vni: bool = False) -> str:
    if not data.strip():
        raise PlanReadError("tệp rỗng (empty file), không có nội dung kế hoạch", path=path)
    if data[:4] == b"%PDF" or data[:2] == b"PK" or b"\x00" in data[:4096]:
        raise PlanReadError("tệp nhị phân (binary file), không phải văn bản; dùng .txt, .md, .docx hoặc .pdf", path=path)
    for enc in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        # Legacy TCVN3/VNI bytes are font codes: read them one byte per character (Latin-1) and
        # detect them before trying cp1258, whose combining marks and letters at 0xC3, 0xD2,
        # 0xE3, 0xEC, 0xF5 ... would garble both mappings.
        text = data.decode("latin-1").translate(_C1_AS_CP1252)
        if legacy_encoding(text) is None:
            try:
                text = data.decode("cp1258")
            except UnicodeDecodeError:
                pass
    text = normalize(text)
    return convert_legacy(text, path=path, convert_vni=convert_vni)


def read_docx(path: Path, *, convert_vni: bool = False) -> list[Block]:
    try:
        import docx
        from docx.oxml.ns import qn
    except ImportError as exc:  # pragma: no cover
        raise PlanReadError("thiếu thư viện python-docx để đọc .docx", path=str(path)) from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise PlanReadError(f"không đọc được tệp .docx ({exc.__class__.__name__}); tệp hỏng hoặc đã mã hóa", path=str(path)) from exc
    # paragraphs (str) and tables (rows of cells) in document order
    items: list[str | list[list[str]]] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            items.append(normalize("".join(t.text or "" for t in child.iter(qn("w:t")))))
        elif child.tag == qn("w:tbl"):
            rows: list[list[str]] = []
            for tr in child.iter(qn("w:tr")):
                cells: list[str] = []
                for tc in tr.iter(qn("w:tc")):
                    paras = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
                    cells.append(normalize("\n".join(p for p in paras if p.strip())))
                if any(c.strip() for c in cells):
                    rows.append(cells)
            if rows:
                items.append(rows)
    # a document typed in .VnTime / VNI-Times fonts keeps the legacy codes as characters
    sample = "\n".join(x if isinstance(x, str) else " ".join(c for r in x for c in r) for x in items[:400])
    encoding = legacy_encoding(sample)
    if encoding:
        convert_legacy(sample, path=str(path), convert_vni=convert_vni)  # refuses VNI unless asked
        fn = from_tcvn3 if encoding == "tcvn3" else from_vni
        items = [normalize(fn(x)) if isinstance(x, str) else [[normalize(fn(c)) for c in r] for r in x] for x in items]
    lines: list[str] = []
    blocks: list[Block] = []
    for item in items:
        if isinstance(item, str):
            lines.extend((item, ""))
            continue
        if lines:
            blocks.extend(build_blocks("\n".join(lines)))
            lines.clear()
        blocks.append(Table(item))
    if lines:
        blocks.extend(build_blocks("\n".join(lines)))
    return blocks


def read_pdf(path: Path, *, convert_vni: bool = False) -> str:
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover
        raise PlanReadError("thiếu thư viện pdfplumber để đọc .pdf", path=str(path)) from exc
    from dondoc.plans.pdftext import pdf_text

    try:
        with pdfplumber.open(str(path)) as pdf:
            text = pdf_text(pdf)
    except Exception as exc:
        name = exc.__class__.__name__
        causes = " ".join(type(a).__name__ for a in (exc, *exc.args))  # pdfplumber wraps PDFPasswordIncorrect
        if "Password" in causes or "Encrypt" in causes or "Encrypt" in str(exc):
            raise PlanReadError("tệp PDF được mã hóa/đặt mật khẩu (encrypted PDF); hãy gỡ mật khẩu rồi thử lại", path=str(path)) from exc
        raise PlanReadError(f"không đọc được tệp PDF ({name}); tệp hỏng?", path=str(path)) from exc
    if len(re.sub(r"\s", "", text)) < 50:
        raise PlanReadError(
            "PDF không có lớp chữ (scanned PDF without a text layer): cần nhận dạng ký tự (OCR) trước khi đọc", path=str(path)
        )
    return convert_legacy(normalize(text), path=str(path), convert_vni=convert_vni)


def read_blocks(path: Path, *, max_mb: float, convert_vni: bool = False) -> tuple[list[Block], int]:
    """Blocks of a plan file and the number of characters read."""
    if not path.exists():
        raise PlanReadError("không tìm thấy tệp (file not found)", path=str(path))
    if path.is_dir():
        raise PlanReadError("đây là thư mục, không phải tệp kế hoạch", path=str(path))
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise PlanReadError(
            f"tệp quá lớn ({size / 1048576:.1f} MB), giới hạn là {max_mb:g} MB (DONDOC_MAX_PLAN_MB)", path=str(path)
        )
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            blocks = read_docx(path, convert_vni=convert_vni)
            return blocks, sum(len(b.text) if isinstance(b, Paragraph) else sum(len(c) for r in b.rows for c in r) for b in blocks)
        if suffix == ".pdf":
            text = read_pdf(path, convert_vni=convert_vni)
            return build_blocks(text), len(text)
        if suffix == ".doc":
            raise PlanReadError("định dạng .doc cũ chưa hỗ trợ; hãy lưu thành .docx hoặc .pdf", path=str(path))
        data = path.read_bytes()
    except PermissionError as exc:
        raise PlanReadError("không có quyền đọc tệp (permission denied)", path=str(path)) from exc
    except OSError as exc:
        raise PlanReadError(f"không đọc được tệp ({exc.strerror or exc})", path=str(path)) from exc
    text = decode(data, path=str(path), convert_vni=convert_vni)
    return build_blocks(text), len(text)


def plain_text(blocks: list[Block]) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(b.text)
        else:
            out.extend(" ".join(strip_markup(c) for c in r) for r in b.rows)
    return "\n".join(out)
