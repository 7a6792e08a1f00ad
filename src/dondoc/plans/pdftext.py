"""Text of a PDF's text layer with its layout undone: running headers/footers and page numbers
dropped, lines that the PDF writer wrapped joined back into their paragraph.

pdfplumber gives the text line by line. A line break is a wrap (join with a space) when the next
line's first word would not have fitted on the line, the next line is not indented and the
vertical gap is ordinary; any other break is kept as a newline for the block builder to judge.
Lines at the top or bottom of a page that repeat on most pages (digits ignored) are running
headers/footers; a lone number or 'Trang 2/5' there is a page number.
"""

from __future__ import annotations

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


def _lines_of(page) -> list[Line]:  # type: ignore[no-untyped-def]
    out: list[Line] = []
    for ln in page.extract_text_lines(return_chars=True, strip=True):
        text = ln["text"].strip()
        if not text:
            continue
        chars = [c for c in ln["chars"] if c["text"].strip()]
        size = statistics.median(c.get("size", 10) for c in chars) if chars else 10
        first_word = 0.0
        if chars:
            end = chars[0]["x1"]
            for a, b in zip(chars, chars[1:]):
                if b["x0"] - a["x1"] > 0.15 * size:  # a gap wider than kerning: the first space
                    break
                end = b["x1"]
            first_word = end - chars[0]["x0"]
        out.append(Line(text, ln["x0"], ln["x1"], ln["top"], ln["bottom"], first_word, 0.28 * size))
    return out


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
                if _PAGE_NO.match(ln.text) or (len(pages) > 1 and counts.get((where, _key(ln.text)), 0) >= need):
                    keep.remove(ln)
                else:
                    break
        out.append(keep)
    return out


def _is_wrap(prev: Line, nxt: Line, *, left: float, right: float, gap: float | None, new_page: bool) -> bool:
    if nxt.x0 > left + 6:  # indented: a first line, or a centred heading
        return False
    if prev.x1 + prev.space + nxt.first_word <= right + 1.5:
        return False  # the next word would have fitted: the writer broke the line on purpose
    if not new_page and gap is not None and nxt.top - prev.bottom > 1.6 * gap + 1:
        return False
    if _TERMINAL.search(prev.text) and (_MARKER.match(nxt.text) or nxt.text[:1].isupper()):
        return False  # a full line that ends a sentence, before a new item or sentence
    return not _MARKER.match(nxt.text) or not (_TERMINAL.search(prev.text) or prev.text.endswith(":"))


def layout_text(pages: list[list[Line]]) -> str:
    pages = _drop_running(pages)
    body = [ln for lines in pages for ln in lines]
    if not body:
        return ""
    lefts = [round(ln.x0) for ln in body]
    left = statistics.mode(lefts)
    rights = sorted(ln.x1 for ln in body)
    right = rights[int(len(rights) * 0.95)] if len(rights) > 20 else rights[-1]
    gaps = [b.top - a.bottom for lines in pages for a, b in zip(lines, lines[1:]) if b.top > a.bottom - 1]
    gap = statistics.median(gaps) if gaps else None
    out: list[str] = []
    prev: Line | None = None
    for lines in pages:
        for i, ln in enumerate(lines):
            if prev is not None:
                wrap = _is_wrap(prev, ln, left=left, right=right, gap=gap, new_page=i == 0)
                out.append(" " if wrap else "\n")
            out.append(ln.text)
            prev = ln
    return "".join(out)


def pdf_text(pdf) -> str:  # type: ignore[no-untyped-def]
    """The layout-free text of an open pdfplumber document."""
    return layout_text([_lines_of(page) for page in pdf.pages])
