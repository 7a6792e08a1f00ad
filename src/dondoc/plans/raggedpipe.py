"""A markdown pipe table whose rows were broken over several lines (a web page's table pasted or
converted with the line breaks inside its cells kept): a row opens with '| | Luật ... | Ủy ban
Thường vụ Quốc hội | Ban soạn thảo (...)' and goes on over '| - Ủy ban Pháp luật chủ trì thẩm tra;
...' to '| - Trình ... | - Hồ sơ ... | |'; rows are parted by empty lines of cells ('| ||',
'|'); a row may have lost its empty STT cell ('| Nghị quyết ... | Ban Dân nguyện | ...').

The logical rows are put back together: a row goes on while its last line is open (does not end
with '|') or while it holds fewer than half the header's titled columns; a group row ('| II. Văn
bản thuộc thẩm quyền ... |') stands alone; a row without its STT cell gets an empty one.
"""

from __future__ import annotations

import re

from dondoc.plans.blocks import ROMAN

_GROUP = re.compile(rf"^\**(?:{ROMAN}|[A-Z])[.)]\s+\S")
_STT = re.compile(rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*\.?|{ROMAN}\.?|[a-zđ]\))$")
_STT_TITLE = re.compile(r"^\**\s*(?:stt|tt|số tt|số thứ tự)\s*\**$", re.I)


def _cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return [c.strip() for c in s.split("|")]


def _region(lines: list[str], start: int) -> int:
    """The end (exclusive) of the table's lines: up to the first blank line."""
    i = start
    while i < len(lines) and lines[i].strip() and lines[i] != "\x00":
        i += 1
    return i


def read(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """The rows of a pipe table starting at `start` whose rows run over several lines, with the
    index of the line after it; None for a well-formed pipe table (every row on one line)."""
    end = _region(lines, start)
    body = [ln.strip() for ln in lines[start + 1 : end]]
    open_rows = sum(1 for ln in body if ln.startswith("|") and not ln.endswith("|"))
    header = _cells(lines[start])
    titled = [c for c in header if c.strip(" *")]
    if open_rows < 2 or len(titled) < 4:
        return None
    has_stt = bool(_STT_TITLE.match(header[0]))
    rows: list[list[str]] = [header]
    cur: list[str] = []
    cur_open = False

    def close() -> None:
        nonlocal cur, cur_open
        if any(c for c in cur):
            if has_stt and cur and cur[0] and not _STT.match(cur[0]) and not _GROUP.match(cur[0]):
                cur = ["", *cur]  # the row lost its empty STT cell
            rows.append(cur)
        cur, cur_open = [], False

    for ln in body:
        cells = _cells(ln)
        if not any(cells):  # '| ||', '|', '| |||||||': a rule between rows
            close()
            continue
        if re.fullmatch(r"[|\s:-]+", ln):
            continue  # a markdown separator row
        filled_cells = [c for c in cells if c]
        if not cur_open and ln.startswith("|") and len(filled_cells) == 1 and _GROUP.match(filled_cells[0]):
            close()
            rows.append(filled_cells)  # a group row stands alone
            continue
        filled = sum(1 for c in cur if c)
        if cur and not cur_open and filled * 2 >= len(titled) and ln.startswith("|"):
            close()
        cur.extend(cells)
        cur_open = not ln.endswith("|")
    close()
    return rows, end
