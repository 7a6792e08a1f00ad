"""Building blocks of an administrative document in the format of Nghị định 30/2020/NĐ-CP (python-docx).

A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman (east-asian and complex
script slots too, so Word does not substitute); body 14 pt, justified, first-line indent 1 cm; the
header as a borderless two-column table; page numbers centred at the top from page 2 on; the
'Nơi nhận' and signature block as a borderless two-column table. `save` writes byte-identical
files for identical content (fixed core-property dates, fixed zip entry times).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from dondoc.textsafe import xml_safe

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
PAGE = {"width": 210, "height": 297, "top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE["width"] - PAGE["left"] - PAGE["right"]
ZIP_TIME = (2020, 1, 1, 0, 0, 0)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def _set_fonts(rpr: Any) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def new_document(template: Path | None = None) -> Any:
    """An empty A4 document with the administrative styles, or the user's restyled template emptied."""
    if template is not None:
        doc = Document(str(template))
        body = doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        return doc
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(PAGE["width"]), Mm(PAGE["height"])
    sec.top_margin, sec.bottom_margin = Mm(PAGE["top"]), Mm(PAGE["bottom"])
    sec.left_margin, sec.right_margin = Mm(PAGE["left"]), Mm(PAGE["right"])
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _set_fonts(normal.element.get_or_add_rPr())
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(6), Pt(0), 1.0
    # Word's document defaults name theme fonts; point them at Times New Roman too.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr)
    return doc


def run(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False, underline: bool = False,
        size: float | None = None) -> Any:
    r = paragraph.add_run(_xml_safe(text))
    if bold:
        r.bold = True
    if italic:
        r.italic = True
    if underline:
        r.underline = True
    if size:
        r.font.size = Pt(size)
    return r


def para(container: Any, text: str = "", *, align: Any = JUSTIFY, bold: bool = False, italic: bool = False,
         size: float | None = None, indent: bool = True, before: float | None = None, after: float | None = None,
         keep_next: bool = False) -> Any:
    p = container.add_paragraph()
    pf = p.paragraph_format
    p.alignment = align
    if indent and align == JUSTIFY:
        pf.first_line_indent = Mm(10)
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if keep_next:
        pf.keep_with_next = True
    if text:
        run(p, text, bold=bold, italic=italic, size=size)
    return p


def rule(container: Any, *, width_mm: float, box_mm: float, before: float = 0) -> Any:
    """A short centred horizontal line (a paragraph border narrowed by indents), as under the issuer."""
    p = container.add_paragraph()
    pf = p.paragraph_format
    side = max((box_mm - width_mm) / 2, 0)
    pf.left_indent = pf.right_indent = Mm(side)
    pf.space_before, pf.space_after = Pt(before), Pt(0)
    pf.line_spacing = Pt(2)
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(k), v)
    bdr.append(top)
    ppr.append(bdr)
    r = p.add_run("")
    r.font.size = Pt(2)
    return p


def _no_borders(table: Any) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tblpr.append(borders)


def _fixed_widths(table: Any, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=False):
        col.set(qn("w:w"), str(int(Mm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(w)


def layout_table(doc: Any, widths_mm: Sequence[float]) -> Any:
    """A borderless table used for layout (header, signature block)."""
    t = doc.add_table(rows=1, cols=len(widths_mm))
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(t)
    _fixed_widths(t, widths_mm)
    for cell in t.rows[0].cells:
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return t


def cell_para(cell: Any, text: str = "", *, bold: bool = False, italic: bool = False, underline: bool = False,
              size: float = 13, align: Any = CENTER, before: float = 0) -> Any:
    p = cell.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(0)
    if text:
        run(p, text, bold=bold, italic=italic, underline=underline, size=size)
    return p


def header_block(doc: Any, *, upper_line: str | None, issuer_lines: Sequence[str], number_line: str,
                 date_line: str, left_extra: Sequence[str] = ()) -> None:
    """Top of page 1: issuer and number at left; national title, motto and place/date at right."""
    left_w, right_w = 68.0, TEXT_WIDTH_MM - 68.0
    t = layout_table(doc, [left_w, right_w])
    left, right = t.rows[0].cells
    if upper_line:
        cell_para(left, upper_line, size=13)
    for line in issuer_lines:
        cell_para(left, line, bold=True, size=13)
    rule(left, width_mm=24, box_mm=left_w, before=4)
    cell_para(left, number_line, size=13, before=6)
    for line in left_extra:
        cell_para(left, line, size=12, before=2)
    cell_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    cell_para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, underline=True, size=13)
    cell_para(right, date_line, italic=True, size=14, before=14)


def page_numbers(doc: Any) -> None:
    """Page number centred at the top of every page but the first (NĐ 30: from page 2)."""
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    header = sec.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    for extra in header.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    for child in list(p._p):
        if child.tag != qn("w:pPr"):
            p._p.remove(child)  # a template's own page number is replaced, not doubled
    p.alignment = CENTER
    r = p.add_run()
    r.font.size = Pt(13)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            r._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            r._r.append(t)


def signature_block(doc: Any, *, recipients: Sequence[str], archive: str, signature: Sequence[str],
                    signer: str | None) -> None:
    """'Nơi nhận:' (bold italic 12 pt, list 11 pt) at left; authority, title, space, name at right."""
    t = layout_table(doc, [78.0, TEXT_WIDTH_MM - 78.0])
    # The block never splits over two pages (a signature alone on the last page is not signable).
    t.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = t.rows[0].cells
    p = cell_para(left, align=LEFT, before=6)
    run(p, "Nơi nhận:", bold=True, italic=True, size=12)
    items = [f"- {name};" for name in recipients] + [f"- {archive}"]
    for line in items:
        cell_para(left, line, size=11, align=LEFT)
    first = True
    for line in signature:
        cell_para(right, line, bold=True, size=14, before=6 if first else 0)
        first = False
    for _ in range(4):
        cell_para(right, "", size=14)
    cell_para(right, signer or "", bold=True, size=14, before=24)


def grid_table(doc: Any, headers: Sequence[str], rows: Sequence[Sequence[str]], widths_mm: Sequence[float], *,
               size: float = TABLE_PT, left_cols: Sequence[int] = (1,)) -> Any:
    """A bordered data table, header row bold and repeated on each page. Rows are written straight
    into the XML: python-docx's cell API is quadratic on tables of a few thousand cells."""
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = doc.styles["Table Grid"] if "Table Grid" in [s.name for s in doc.styles] else None
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(t, widths_mm)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), "57")  # 1 mm: narrow numeric columns keep their headers on whole words
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    t._tbl.tblPr.append(margins)
    trpr = t.rows[0]._tr.get_or_add_trPr()
    hdr = OxmlElement("w:tblHeader")
    trpr.append(hdr)
    for cell, text in zip(t.rows[0].cells, headers, strict=False):
        p = cell.paragraphs[0]
        p.alignment = CENTER
        p.paragraph_format.space_before = Pt(2)
        run(p, text, bold=True, size=size)
    twips = [str(int(Mm(w).twips)) for w in widths_mm]
    half_points = str(int(size * 2))
    _append_rows(t._tbl, rows, twips, half_points, left_cols)
    return t


def _append_rows(tbl: Any, rows: Sequence[Sequence[str]], twips: Sequence[str], half_points: str,
                 left_cols: Sequence[int]) -> None:
    from lxml import etree

    if not rows:
        return
    parts = []
    for values in rows:
        cells = []
        for i, (text, w) in enumerate(zip(values, twips, strict=False)):
            jc = "left" if i in left_cols else "center"
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
                         f'<w:spacing w:before="40" w:after="0"/><w:jc w:val="{jc}"/></w:pPr><w:r><w:rPr>'
                         f'<w:sz w:val="{half_points}"/></w:rPr><w:t xml:space="preserve">{_esc(text)}</w:t></w:r></w:p></w:tc>')
        parts.append("<w:tr>" + "".join(cells) + "</w:tr>")
    wrapper = etree.fromstring(f'<w:tbl xmlns:w="{W_NS}">{"".join(parts)}</w:tbl>')
    for tr in list(wrapper):
        tbl.append(tr)


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot carry control characters, lone surrogates or U+FFFE/U+FFFF; stored text is cleaned
    where it enters, and cleaned again here so that a renderer never fails on a stored row."""
    return xml_safe(text)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def xml_text(text: str) -> str:
    """Text escaped for an XML text node, without the control characters XML 1.0 forbids."""
    return _esc(text)


def _esc(text: str) -> str:
    return _xml_safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def bulk_paras(doc: Any, lines: Sequence[str]) -> None:
    """Many plain body paragraphs (justified, first-line indent 1 cm) appended at once: python-docx's
    per-run API costs ~1 ms a paragraph, far too slow for the thousands of lines of a large report."""
    if not lines:
        return
    from lxml import etree

    indent = str(int(Mm(10).twips))
    xml = "".join(f'<w:p><w:pPr><w:ind w:firstLine="{indent}"/><w:jc w:val="both"/></w:pPr>'
                  f'<w:r><w:t xml:space="preserve">{_esc(line)}</w:t></w:r></w:p>' for line in lines)
    wrapper = etree.fromstring(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    for p in list(wrapper):
        if sect is not None:
            sect.addprevious(p)
        else:
            body.append(p)


def page_break(doc: Any) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def set_properties(doc: Any, *, title: str, day: dt.date) -> None:
    cp = doc.core_properties
    stamp = dt.datetime(day.year, day.month, day.day, 1, 0, 0)  # noqa: DTZ001 (Office wants naive UTC: 08:00 VN)
    cp.author = "dondoc"
    cp.last_modified_by = "dondoc"
    cp.title = xml_safe(title)[:250]
    cp.subject = ""
    cp.keywords = ""
    cp.comments = ""
    cp.language = "vi-VN"
    cp.revision = 1
    cp.created = stamp
    cp.modified = stamp
    cp.last_printed = stamp


def deterministic_zip(data: bytes, *, stamp: str | None = None,
                      transform: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """The same package with every zip entry time fixed, so equal content gives equal bytes.
    `stamp` (W3CDTF) replaces the core properties' created/modified dates a writer set from the clock."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if stamp and info.filename == "docProps/core.xml":
                blob = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + stamp.encode()
                              + rb"\g<2>", blob)
            if transform is not None:
                blob = transform(info.filename, blob)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, blob)
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # reports hold officers' names and figures
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    tmp.replace(path)


def save(doc: Any, path: Path) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    data = deterministic_zip(buf.getvalue())
    write_atomic(path, data)
    return data
