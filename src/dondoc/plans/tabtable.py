"""A table pasted as tab-separated lines (a Word or spreadsheet table copied into plain text): a header line
of column titles ('STT<TAB>Nội dung nhiệm vụ<TAB>Đơn vị chủ trì<TAB>...'), then a line per row. A cell holding
a line break carries the rest of its row onto the next line ('2<TAB>Xây dựng ... với' / 'Bộ X ...<TAB>Ban Y
<TAB>...'); a row may lack its last cells. Tabs are turned to spaces when the text is normalised, so the table
is rewritten as a markdown pipe table first, which the block reader knows.
"""

from __future__ import annotations

import re

# a header names at least three columns, the first one typed at the line's start (a tab that only indents a
# paragraph, or one between two words of a sentence, makes no table)
_MIN_COLUMNS = 3


# a numbered line after the table, Word's list number and its text parted by a tab ('II.<TAB>TỔ CHỨC THỰC HIỆN',
# '1.<TAB>Sở Tài chính bố trí ...', 'a)<TAB>...'): a paragraph, no row (a row's number cell is followed by its cells)
_LIST_MARK = re.compile(r"(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]")


def _list_line(line: str) -> bool:
    cells = [c for c in _cells(line) if c]
    return len(cells) == 2 and bool(_LIST_MARK.fullmatch(cells[0]))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def _header_width(line: str) -> int:
    if not line[:1].strip() or line.count("\t") < _MIN_COLUMNS - 1:
        return 0
    cells = _cells(line)
    if sum(1 for c in cells if c) < _MIN_COLUMNS or any(len(c) > 60 for c in cells):
        return 0  # column titles are short
    if line[:1] in "-–+•*" or any(c.endswith(":") for c in cells):
        return 0  # a bullet, or labels with their values ('- Cơ quan chủ trì:<TAB>Sở Y tế<TAB>Thời gian:<TAB>...'): tabs align
    return len(cells)


def _read_rows(lines: list[str], i: int, width: int) -> tuple[list[list[str]], int]:
    """The rows after a header at lines[i - 1], and the index of the first line after them."""
    rows: list[list[str]] = []
    while i < len(lines) and "\t" in lines[i] and not _list_line(lines[i]):
        row = _cells(lines[i])
        i += 1
        # a cell broken over lines: the next line goes on with it while the row is short of cells
        while len(row) < width and i < len(lines) and "\t" in lines[i] and not _list_line(lines[i]):
            more = _cells(lines[i])
            if len(row) + len(more) - 1 > width:
                break
            row = [*row[:-1], f"{row[-1]} {more[0]}".strip(), *more[1:]]
            i += 1
        rows.append(row[:width] + [""] * (width - len(row)))
    return rows, i


def _pipe(row: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "/") for c in row) + " |"


def _aligned_fields(line: str) -> str:
    """A line of labelled fields aligned by tabs ('- Cơ quan chủ trì:<TAB>Sở Y tế<TAB><TAB>Thời gian:<TAB>Quý II/2025'):
    the fields parted by '; ' as they are written on one line ('Chủ trì: X; thời gian: Y'), a label's value after a
    space; other lines unchanged (their tabs become spaces later)."""
    cells = [c for c in _cells(line) if c]
    if len(cells) < 3 or not cells[0].endswith(":") or not any(c.endswith(":") for c in cells[2:]):
        return line
    out = cells[0]
    for c in cells[1:]:
        out += ("; " if c.endswith(":") and not out.endswith(":") else " ") + c
    return out


def tab_tables(text: str) -> str:
    """The text with each tab-separated table (a header of three columns or more and at least one row)
    written as a markdown pipe table, and lines of labelled fields aligned by tabs parted by '; '; other text
    unchanged."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        width = _header_width(line) if "\t" in line else 0
        if width:
            rows, after = _read_rows(lines, i + 1, width)
            if rows:
                if out and out[-1].strip():
                    out.append("")
                out.extend([_pipe(_cells(line)), "|" + "----|" * width, *(_pipe(r) for r in rows), ""])
                i = after
                continue
        out.append(_aligned_fields(line) if "\t" in line else line)
        i += 1
    return "\n".join(out)
