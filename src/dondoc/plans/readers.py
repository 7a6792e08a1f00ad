"""Readers: .txt/.md (encoding detection), .docx (paragraphs and tables in order), .pdf (text layer)."""

from __future__ import annotations

import re
from pathlib import Path

from dondoc.errors import PlanReadError
from dondoc.plans.blocks import Block, Paragraph, Table, build_blocks
from dondoc.plans.tabtable import tab_tables
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
    text = normalize(tab_tables(text))  # (a table pasted as tab-separated lines: read before tabs become spaces)
    return convert_legacy(text, path=path, convert_vni=convert_vni)


def _on(el, qn) -> bool | None:  # type: ignore[no-untyped-def]
    """A toggle property (w:b, w:i): True, False, or None when not set."""
    if el is None:
        return None
    return el.get(qn("w:val"), "true") not in ("0", "false", "off", "none")


class _DocxStyles:
    """What a paragraph style gives its paragraphs: bold/italic, and list numbering (Word's
    heading styles are often linked to an outline list), following w:basedOn."""

    def __init__(self, document, qn) -> None:  # type: ignore[no-untyped-def]
        self.qn = qn
        self.styles: dict[str, object] = {}
        try:
            root = document.styles.element
        except Exception:  # pragma: no cover - a document without a styles part
            return
        for st in root.iter(qn("w:style")):
            self.styles[st.get(qn("w:styleId"))] = st

    def _chain(self, style_id: str | None):  # type: ignore[no-untyped-def]
        seen = 0
        while style_id and style_id in self.styles and seen < 10:
            st = self.styles[style_id]
            yield st
            based = st.find(self.qn("w:basedOn"))  # type: ignore[attr-defined]
            style_id = based.get(self.qn("w:val")) if based is not None else None
            seen += 1

    def toggle(self, style_id: str | None, tag: str) -> bool:
        for st in self._chain(style_id):
            rpr = st.find(self.qn("w:rPr"))  # type: ignore[attr-defined]
            v = _on(rpr.find(self.qn(tag)), self.qn) if rpr is not None else None
            if v is not None:
                return v
        return False

    def numpr(self, style_id: str | None) -> tuple[str | None, str | None]:
        num_id = ilvl = None
        for st in self._chain(style_id):
            npr = st.find(f"{self.qn('w:pPr')}/{self.qn('w:numPr')}")  # type: ignore[attr-defined]
            if npr is None:
                continue
            n, lv = npr.find(self.qn("w:numId")), npr.find(self.qn("w:ilvl"))
            num_id = num_id or (n.get(self.qn("w:val")) if n is not None else None)
            ilvl = ilvl or (lv.get(self.qn("w:val")) if lv is not None else None)
        return num_id, ilvl


def _roman(n: int) -> str:
    out = ""
    for v, r in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += r
            n -= v
    return out


def _letters(n: int) -> str:
    # Word's letter numbering: a..z, then aa..zz
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class _DocxNumbering:
    """Word's automatic list numbering (numbering.xml): the label ('II.', '2.1.', 'a)', '-') that
    Word prints before a paragraph with w:numPr, which is not part of the paragraph's text.
    Counters run per abstract list in document order, as Word's do."""

    def __init__(self, document, qn) -> None:  # type: ignore[no-untyped-def]
        self.qn = qn
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, fmt, text)
        self.abstract_of: dict[str, str] = {}
        self.restart: dict[str, set[int]] = {}  # numId -> levels with a startOverride not yet applied
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: nothing is numbered automatically
            return
        abstracts: dict[str, dict[int, tuple[int, str, str]]] = {}
        for an in root.iter(qn("w:abstractNum")):
            abstracts[an.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"), "0")): self._level(lvl) for lvl in an.iter(qn("w:lvl"))
            }
        for num in root.iter(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            ref = num.find(qn("w:abstractNumId"))
            aid = ref.get(qn("w:val")) if ref is not None else ""
            levels = dict(abstracts.get(aid, {}))
            restart: set[int] = set()
            for override in num.iter(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    levels[ilvl] = self._level(lvl)
                so = override.find(qn("w:startOverride"))
                if so is not None:
                    _start, fmt, text = levels.get(ilvl, (1, "decimal", f"%{ilvl + 1}."))
                    levels[ilvl] = (int(so.get(qn("w:val"), "1")), fmt, text)
                    restart.add(ilvl)
            self.levels[num_id] = levels
            self.abstract_of[num_id] = aid
            self.restart[num_id] = restart

    def _level(self, lvl) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
        qn = self.qn

        def val(tag: str, default: str) -> str:
            el = lvl.find(qn(tag))
            return el.get(qn("w:val"), default) if el is not None else default

        try:
            start = int(val("w:start", "1"))
        except ValueError:
            start = 1
        return start, val("w:numFmt", "decimal"), val("w:lvlText", "")

    def label(self, num_id: str | None, ilvl: str | None) -> str:
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        level = int(ilvl or 0)
        if level not in levels:
            return ""
        counters = self.counters.setdefault(self.abstract_of[num_id], {})
        if level in self.restart[num_id]:
            self.restart[num_id].discard(level)
            counters[level] = levels[level][0] - 1
        counters[level] = counters.get(level, levels[level][0] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        _start, fmt, text = levels[level]
        if fmt == "bullet":
            return "-"
        out = text
        for k in range(level, -1, -1):
            if f"%{k + 1}" in out:
                kstart, kfmt, _ = levels.get(k, (1, "decimal", ""))
                out = out.replace(f"%{k + 1}", _format_number(counters.get(k, kstart), kfmt))
        return out.strip()


def read_docx(path: Path, *, convert_vni: bool = False) -> list[Block]:
    # Long on purpose: Word's body in document order (paragraphs, numbering, tables) in one walk.
    try:
        import docx
        from docx.oxml.ns import qn
    except ImportError as exc:  # pragma: no cover
        raise PlanReadError("thiếu thư viện python-docx để đọc .docx", path=str(path)) from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise PlanReadError(f"không đọc được tệp .docx ({exc.__class__.__name__}); tệp hỏng hoặc đã mã hóa", path=str(path)) from exc
    styles = _DocxStyles(document, qn)
    numbering = _DocxNumbering(document, qn)
    t_tag, r_tag, ppr_tag = qn("w:t"), qn("w:r"), qn("w:pPr")
    breaks = (qn("w:br"), qn("w:cr"))  # a line break inside a paragraph: a space in the text, a new line in a cell

    def paragraph(p, *, emphasis: bool, cell: bool = False) -> str:  # type: ignore[no-untyped-def]
        """The paragraph's text with its automatic number; a paragraph that is bold (or italic)
        as a whole is marked as markdown emphasis, as the text reader sees a heading."""
        ppr = p.find(ppr_tag)
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style = style_el.get(qn("w:val")) if style_el is not None else None
        npr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id, ilvl = styles.numpr(style)
        if npr is not None:
            n, lv = npr.find(qn("w:numId")), npr.find(qn("w:ilvl"))
            num_id = n.get(qn("w:val")) if n is not None else num_id
            ilvl = lv.get(qn("w:val")) if lv is not None else ilvl
        text = "".join("\n" if t.tag in breaks else t.text or "" for t in p.iter(t_tag, *breaks))
        label = numbering.label(num_id, ilvl) if text.strip() else ""
        text = "\n".join(" ".join(x.split()) for x in text.split("\n") if x.strip()) if cell else " ".join(text.split())
        if not emphasis or not text:
            return f"{label} {text}" if label else text
        bold = italic = True
        style_bold, style_italic = styles.toggle(style, "w:b"), styles.toggle(style, "w:i")
        for r in p.iter(r_tag):
            if not "".join(t.text or "" for t in r.iter(t_tag)).strip():
                continue
            rpr = r.find(qn("w:rPr"))
            rb = _on(rpr.find(qn("w:b")), qn) if rpr is not None else None
            ri = _on(rpr.find(qn("w:i")), qn) if rpr is not None else None
            bold = bold and (style_bold if rb is None else rb)
            italic = italic and (style_italic if ri is None else ri)
        if "*" in text or not (bold or italic):
            return f"{label} {text}" if label else text
        mark = "**" if bold else "*"
        return f"{mark}{label} {text}{mark}" if label else f"{mark}{text}{mark}"

    # paragraphs (str) and tables (rows of cells) in document order
    items: list[str | list[list[str]]] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            items.append(normalize(paragraph(child, emphasis=True)))
        elif child.tag == qn("w:tbl"):
            rows: list[list[str]] = []
            above: list[str] = []  # the previous row by grid column, for vertically merged cells
            for tr in child.iter(qn("w:tr")):
                cells: list[str] = []
                for tc in tr.iter(qn("w:tc")):
                    tcpr = tc.find(qn("w:tcPr"))
                    paras = [paragraph(p, emphasis=False, cell=True) for p in tc.iter(qn("w:p"))]
                    value = normalize("\n".join(p for p in paras if p.strip()))
                    vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                    if (vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue" and not value
                            and cells and len(cells) < len(above)):
                        value = above[len(cells)]  # a lead body merged down over several task rows
                    cells.append(value)
                    span = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
                    if span is not None and (span.get(qn("w:val")) or "1").isdigit():
                        cells.extend([""] * (int(span.get(qn("w:val"))) - 1))  # keep later cells in their columns
                above = list(cells)
                while cells and not cells[-1].strip():
                    cells.pop()  # a short row padded to the grid reads as the short row it is
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
    # blocks numbered by lines of the whole document (a paragraph and its blank line, a table's rows), so that
    # their order holds across tables: a table after an attached plan's 'KẾ HOẠCH' title is known to be its own
    lines: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for item in [*items, None]:  # None: the end, where the last paragraphs go in
        if isinstance(item, str):
            lines.extend((item, ""))
            continue
        for b in build_blocks("\n".join(lines)) if lines else []:
            b.line += offset if b.line else 0
            blocks.append(b)
        offset += len(lines)
        lines.clear()
        if item is not None:
            blocks.append(Table(item, offset + 1))
            offset += len(item)
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


def read_blocks(path: Path, *, max_mb: float, convert_vni: bool = False,
                notes: list[str] | None = None) -> tuple[list[Block], int]:
    """Blocks of a plan file and the number of characters read. What had to be repaired in the
    text (a web page's wrapper, lost line breaks) is appended to `notes`."""
    from dondoc.plans.reflow import REFLOWED, prepare

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
            from dondoc.plans.worddoc import read_doc

            blocks = read_doc(path, convert_vni=convert_vni)
            return blocks, sum(len(b.text) if isinstance(b, Paragraph) else sum(len(c) for r in b.rows for c in r) for b in blocks)
        data = path.read_bytes()
    except PermissionError as exc:
        raise PlanReadError("không có quyền đọc tệp (permission denied)", path=str(path)) from exc
    except OSError as exc:
        raise PlanReadError(f"không đọc được tệp ({exc.strerror or exc})", path=str(path)) from exc
    text = decode(data, path=str(path), convert_vni=convert_vni)
    text, found = prepare(text)
    if notes is not None:
        notes.extend(found)
    return build_blocks(text, paragraphs=REFLOWED in found), len(text)


def plain_text(blocks: list[Block]) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(b.text)
        else:
            out.extend(" ".join(strip_markup(c) for c in r) for r in b.rows)
    return "\n".join(out)
