"""Table rows as the readers give them: pipe rows, flattened rows of a PDF table, page markers."""

from __future__ import annotations

import re

from dondoc.plans.blocks import ROMAN

_SEP_CELL = re.compile(r":?-{2,}:?")
_BR = re.compile(r"\s*<br\s*/?>\s*", re.I)


_RULE_TEXT = re.compile(r"[-_=*\s]+")


_RULE_LINE = re.compile(r"[-_=*]{3,}")


def _pipe_row(line: str) -> list[str] | None:
    if "|" not in line:
        return None
    s = line.strip()
    if not (s.startswith("|") and s.count("|") >= 2 and len(s) > 1):
        return None
    cells = [c.strip() for c in s.strip("|").split("|")]
    if all(not c or _SEP_CELL.fullmatch(c) for c in cells):
        return []  # separator row
    if "<br" in s:  # a Word table converted to markdown: '<br>' breaks the lines of a cell ('Bộ Y tế;<br>Bộ Công Thương')
        cells = [_BR.sub("\n", c) for c in cells]
    return cells


_STT = re.compile(rf"^\**\s*(?:\d{{1,3}}(?:\.\d{{1,3}})*\.?|{ROMAN}|[A-Z]|[a-zđ])\s*\**$")


def _looks_stt(cell: str) -> bool:
    s = cell.strip()
    return bool(s) and bool(_STT.match(s)) and len(s) <= 12


def _flattened_rows(tokens: list[str]) -> list[list[str]]:
    """Cells between single-`|` lines -> rows. An empty token is an empty cell or a row break."""
    if not tokens:
        return []
    first: list[str] = []
    i = 0
    while i < len(tokens) and tokens[i].strip():
        first.append(tokens[i])
        i += 1
    rows = [first]
    ncols = max(len(first), 1)
    cur: list[str] = []
    i += 1  # skip the separator after the first row
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.strip():
            cur.append(t)
        elif not cur:
            cur.append("")
        elif len(cur) >= ncols or nxt is None or (len(cur) >= 2 and _looks_stt(nxt)):
            rows.append(cur)
            cur = []
        else:
            cur.append("")
        i += 1
    if any(c.strip() for c in cur):
        rows.append(cur)
    return [r for r in rows if any(c.strip() for c in r)]


_PAGE_MARK = re.compile(r"^#{0,6}\s*(?:Trang|Page)\s+\d{1,3}\s*$", re.I)


def _drop_page_marks(lines: list[str]) -> list[str]:
    """A PDF converted page by page ('## Trang 6', then the page's own number '6'): the marker,
    the blank lines around it and the page number after it are not text, and a sentence or a
    bullet cut by the page break goes on across it. Lines are blanked, not removed, so that
    block line numbers still point into the source."""
    out = list(lines)
    for k, line in enumerate(lines):
        if not _PAGE_MARK.match(line.strip()):
            continue
        out[k] = "\x00"
        j = k - 1
        while j >= 0 and not lines[j].strip():
            out[j] = "\x00"
            j -= 1
        j = k + 1
        while j < len(lines) and not lines[j].strip():
            out[j] = "\x00"
            j += 1
        if j < len(lines) and lines[j].strip().isdigit() and len(lines[j].strip()) <= 3:
            out[j] = "\x00"
    return out
