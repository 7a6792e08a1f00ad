"""Text of a PDF's text layer with its layout undone: running headers/footers and page numbers
dropped, lines that the PDF writer wrapped joined back into their paragraph.

pdfplumber gives the text line by line. A line break is a wrap (join with a space) when the next
line's first word would not have fitted on the line, the next line is not indented and the
vertical gap is ordinary; any other break is kept as a newline for the block builder to judge.
Lines at the top or bottom of a page that repeat on most pages (digits ignored) are running
headers/footers; a lone number or 'Trang 2/5' there is a page number.

Ruled tables (a Word table printed to PDF) are found from their drawn lines and given back as
markdown pipe rows in their place, one row a line, so that the block builder reads them as the
tables they are instead of their cells' words run together line by line.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass

_PAGE_NO = re.compile(r"^[-–—\s(]*(?:Trang|trang|Page)?\s*\d{1,3}(?:\s*(?:/|trên|of)\s*\d{1,3})?[-–—\s)]*$")
_TERMINAL = re.compile(r"[.:;!?…]$|\./\.$")
_MARKER = re.compile(r"^(?:[-–+•*]\s|[IVX]+[.)]\s|[A-Z][.)]\s|\d{1,2}(?:\.\d{1,2})*[.)]?\s|[a-zđ]\)\s)")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_word: float  # width of the first word
    space: float  # width of a space in the line's font
    table: bool = False  # a table row given as a markdown pipe row: never joined, never running
    cells: tuple[str, ...] = ()  # a table row's cells (all the grid's columns)
    bold: bool = False  # every letter of the line is set in a bold face


def _cell(text: str | None) -> str:
    return " ".join((text or "").replace("|", "/").split())


def _pipe(values: list[str] | tuple[str, ...]) -> str:
    values = list(values)
    while values and not values[-1]:
        values.pop()  # cells merged across the row's end
    return "| " + " | ".join(values) + " |"


def _join_split_rows(pages: list[list[Line]]) -> None:
    """A table row that the page break cut in two (Word and LibreOffice let rows break across
    pages): the first row of a page's table with an empty first cell, after a page that ended
    with a row of the same grid, is the rest of that row (when that row is numbered, or the cut
    row's first two cells are empty, or its text goes on in lower case)."""
    prev: Line | None = None
    for lines in pages:
        if prev is not None and lines and lines[0].table and prev.table:
            head = lines[0]
            filled = [c for c in head.cells if c]
            # the rest of a row: its number cell empty under a numbered row, or (a table without numbers) its
            # first two cells empty, or its first words going on in lower case
            rest = bool(prev.cells[:1] and prev.cells[0]) or not any(head.cells[:2]) or (bool(filled) and filled[0][:1].islower())
            if len(head.cells) == len(prev.cells) and not head.cells[0] and rest:
                merged = tuple(" ".join(x for x in (a, b) if x) for a, b in zip(prev.cells, head.cells, strict=False))
                prev.cells, prev.text = merged, _pipe(merged)
                lines.pop(0)
        if lines:
            prev = lines[-1]


def _row_values(boxes: list, texts: list, xs: list[float]) -> list[str]:  # type: ignore[type-arg]
    """A row's cell texts in grid order. A grid position where no cell of the row starts is
    covered by a wider cell to its left (a column edge that only other rows have: dropped, so
    that the row reads as its own cells) or by a taller cell from above (kept, empty, holding
    its column)."""
    out: list[str] = []
    left = None  # the row's last cell so far
    for box, text, x in zip(boxes, texts, xs, strict=False):
        if box is not None:
            left = box
            out.append(_cell(text))
        elif left is None or left[2] <= x + 1:
            out.append("")
    return out


def _table_lines(page) -> tuple[list[Line], list[tuple[float, float, float, float]]]:  # type: ignore[no-untyped-def]
    """Ruled tables of the page as pipe-row lines, and their bounding boxes."""
    try:
        tables = page.find_tables()
    except Exception:  # pragma: no cover - a malformed page's graphics: read its text as lines
        return [], []
    lines: list[Line] = []
    boxes: list[tuple[float, float, float, float]] = []
    for table in tables:
        rows = table.extract()
        if not rows or max(len(r) for r in rows) < 2:
            continue  # a framed paragraph, not a table
        boxes.append(table.bbox)
        x0, _top, x1, _bottom = table.bbox
        xs = sorted({c[0] for c in table.cells})
        for row, cells in zip(table.rows, rows, strict=False):
            values = _row_values(row.cells, cells, xs)
            if not any(values):
                continue
            lines.append(Line(_pipe(values), x0, x1, row.bbox[1], row.bbox[3], 0.0, 3.0, table=True, cells=tuple(values)))
    return lines, boxes


_BOLD_FONT = re.compile(r"Bold|Black|Heavy|Semibold|,B\b", re.I)
_KINDS = ("KẾ HOẠCH", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CHƯƠNG TRÌNH", "PHƯƠNG ÁN")
_COLUMN_GAP = 2.0  # a horizontal gap of this many font sizes separates two columns, not two words
_LABEL = re.compile(r"(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[a-zđA-Z])[.)]?|[-–+•·▪●○◦*]")


def _columns_in_order(lines: list[Line], rows: list[int]) -> list[Line]:
    """Lines split into side-by-side columns, read column by column. A text line that held two
    columns opens a two-column block; the lines around it join the block while each lies wholly
    on one side of a gap that all of them leave free (up to a line that crosses it): the block
    is read as its left column's lines, then its right column's."""

    def pair(k: int) -> bool:
        return k + 1 < len(lines) and rows[k] == rows[k + 1] and (k + 2 >= len(lines) or rows[k + 2] != rows[k])

    out: list[Line] = []
    done = 0  # lines[:done] are emitted
    i = 0
    n = len(lines)
    while i < n:
        if not pair(i):
            i += 1
            continue
        gap_l, gap_r = lines[i].x1, lines[i + 1].x0
        sides = {i: 0, i + 1: 1}

        def place(k: int) -> bool:
            nonlocal gap_l, gap_r
            ln = lines[k]
            if ln.x1 < gap_r and (ln.x0 < gap_l or (ln.x0 + ln.x1) / 2 < (gap_l + gap_r) / 2):
                gap_l = max(gap_l, ln.x1)
                sides[k] = 0
                return True
            if ln.x0 > gap_l:
                gap_r = min(gap_r, ln.x0)
                sides[k] = 1
                return True
            return False

        hi = i + 2
        while hi < n:
            if pair(hi):
                if max(gap_l, lines[hi].x1) >= min(gap_r, lines[hi + 1].x0):
                    break
                place(hi)
                place(hi + 1)
                hi += 2
            elif place(hi):
                hi += 1
            else:
                break
        lo = i
        while lo > done and not pair(lo - 1) and place(lo - 1):
            lo -= 1
        out.extend(lines[done:lo])
        out.extend([lines[k] for k in range(lo, hi) if sides[k] == 0] + [lines[k] for k in range(lo, hi) if sides[k] == 1])
        done = i = hi
    out.extend(lines[done:])
    return out


def _lines_of(page) -> list[Line]:  # type: ignore[no-untyped-def]
    out, boxes = _table_lines(page)  # table rows first, merged into the text lines at the end
    text_page = page
    if boxes:
        def outside(obj) -> bool:  # type: ignore[no-untyped-def]
            if "top" not in obj or "x0" not in obj:
                return True
            cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
            return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

        text_page = page.filter(outside)  # a cell's words, by their centre, belong to its table
    text_lines: list[Line] = []
    rows: list[int] = []
    for row, ln in enumerate(text_page.extract_text_lines(return_chars=True, strip=True)):
        if not ln["text"].strip():
            continue
        chars = [c for c in ln["chars"] if c["text"].strip()]
        if not chars:
            continue
        size = statistics.median(c.get("size", 10) for c in chars)
        # side-by-side columns (the issuer | national motto header, the 'Nơi nhận' | signature
        # block: borderless two-column tables) share a text line: split it at a wide gap
        start = 0
        for k in range(1, len(chars) + 1):
            if k < len(chars) and chars[k]["x0"] - chars[k - 1]["x1"] <= _COLUMN_GAP * size:
                continue
            if k < len(chars) and _LABEL.fullmatch("".join(c["text"] for c in chars[start:k])):
                continue  # a list label ('II.', '1.2.', 'a)', '-') tabbed away from its text
            part = chars[start:k]
            start = k
            text = ""
            for a, b in zip([None, *part], part, strict=False):
                text += (" " if a is not None and b["x0"] - a["x1"] > 0.15 * size else "") + b["text"]
            end = part[0]["x1"]
            for a, b in itertools.pairwise(part):
                if b["x0"] - a["x1"] > 0.15 * size:  # a gap wider than kerning: the first space
                    break
                end = b["x1"]
            bold = all(_BOLD_FONT.search(c.get("fontname") or "") for c in part if c["text"].isalpha())
            text_lines.append(Line(text.strip(), part[0]["x0"], max(c["x1"] for c in part), ln["top"], ln["bottom"],
                                   end - part[0]["x0"], 0.28 * size, bold=bold and any(c["text"].isalpha() for c in part)))
            rows.append(row)
    ordered = _columns_in_order(text_lines, rows)
    if not out:
        return ordered
    # table rows go in by their position; the text lines keep their (column) order
    merged: list[Line] = []
    table_rows = sorted(out, key=lambda ln: ln.top)
    for ln in ordered:
        while table_rows and table_rows[0].top < ln.top:
            merged.append(table_rows.pop(0))
        merged.append(ln)
    return merged + table_rows


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def _drop_running(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and headers/footers repeated at the same end of most pages."""
    zone = 2
    counts: dict[tuple[str, str], int] = {}
    for lines in pages:
        seen: set[tuple[str, str]] = set()
        for where, part in (("top", lines[:zone]), ("bottom", lines[-zone:])):
            for ln in part:
                if not ln.table:
                    seen.add((where, _key(ln.text)))
        for k in seen:
            counts[k] = counts.get(k, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    out: list[list[Line]] = []
    for lines in pages:
        keep = list(lines)
        for where in ("top", "bottom"):
            for _ in range(zone):
                if not keep:
                    break
                ln = keep[0] if where == "top" else keep[-1]
                if ln.table:
                    break
                if _PAGE_NO.match(ln.text) or (len(pages) > 1 and counts.get((where, _key(ln.text)), 0) >= need):
                    keep.remove(ln)
                else:
                    break
        out.append(keep)
    return out


def _is_wrap(prev: Line, nxt: Line, *, left: float, right: float, gap: float | None, new_page: bool,
             indented: bool = False) -> bool:
    if prev.table or nxt.table:
        return False
    if nxt.x0 > left + 6:  # indented: a first line, or a centred heading
        return False
    if prev.x1 + prev.space + nxt.first_word <= right + 1.5:
        return False  # the next word would have fitted: the writer broke the line on purpose
    if not new_page and gap is not None and nxt.top - prev.bottom > 1.6 * gap + 1:
        return False
    if _TERMINAL.search(prev.text) and (_MARKER.match(nxt.text) or (nxt.text[:1].isupper() and not indented)):
        # a full line that ends a sentence, before a new item or sentence; where paragraphs
        # start indented, a sentence that starts at the margin goes on the same paragraph
        return False
    return not _MARKER.match(nxt.text) or not (_TERMINAL.search(prev.text) or prev.text.endswith(":"))


def _is_kind(text: str) -> bool:
    """'KẾ HOẠCH', 'QUYẾT ĐỊNH' ... in capitals: the document's title, a bold run of its own even right under the
    bold motto of a header that has no number line."""
    return text.startswith(_KINDS) and text.isupper()


def layout_text(pages: list[list[Line]]) -> str:
    pages = _drop_running(pages)
    _join_split_rows(pages)
    body = [ln for lines in pages for ln in lines if not ln.table]
    if not body:
        return "\n".join(ln.text for lines in pages for ln in lines)
    lefts = [round(ln.x0) for ln in body]
    left = statistics.mode(lefts)
    rights = sorted(ln.x1 for ln in body)
    right = rights[int(len(rights) * 0.95)] if len(rights) > 20 else rights[-1]
    gaps = [b.top - a.bottom for lines in pages for a, b in itertools.pairwise(lines)
            if b.top > a.bottom - 1 and not (a.table or b.table)]
    gap = statistics.median(gaps) if gaps else None
    # paragraphs start with a first-line indent (as Word documents' do): the margin is then
    # where a paragraph goes on, not where one starts
    indented = sum(1 for ln in body if 8 <= ln.x0 - left <= 60) >= 0.05 * len(body)
    out: list[str] = []
    prev: Line | None = None
    for lines in pages:
        for i, ln in enumerate(lines):
            if prev is not None:
                wrap = _is_wrap(prev, ln, left=left, right=right, gap=gap, new_page=i == 0, indented=indented)
                starts = bool(_MARKER.match(ln.text)) or _is_kind(ln.text)
                closes = prev.bold and (not ln.bold or starts)
                opens = ln.bold and "*" not in ln.text and (not prev.bold or starts)
                if closes:
                    out.append("**")  # the end of a bold run
                # a bold run stands apart from the lines around it: a blank line, as paragraphs are
                out.append(" " if wrap else "\n\n" if closes or opens else "\n")
            # a run of bold lines (a heading, however many lines it wraps over) is marked as the
            # text reader sees headings: '**I. MỤC TIÊU**', '**PHỤ LỤC**'
            if ln.bold and "*" not in ln.text and (prev is None or not prev.bold or _MARKER.match(ln.text) or _is_kind(ln.text)):
                out.append("**")
            elif ln.bold and "*" in ln.text:
                ln.bold = False
            out.append(ln.text)
            prev = ln
    if prev is not None and prev.bold:
        out.append("**")
    return "".join(out)


def pdf_text(pdf) -> str:  # type: ignore[no-untyped-def]
    """The layout-free text of an open pdfplumber document."""
    return layout_text([_lines_of(page) for page in pdf.pages])
