"""A task table whose grid was lost: a PDF table converted to text line by line.

What such text looks like (an annex of a province's plan): the header survives as one or two
pipe rows (`| STT | | Địa điểm | Đơn vị | Đơn vị | Nguồn | Thời gian |` over `| | | | chủ trì |
phối hợp | Kinh phí | thực hiện |`), and each task row comes out as a mix of

- pipe fragments: a horizontal slice of the row whose cells kept their columns
  (`| cơ bản tại các điểm đến | | Phú Xuân | UBND | | | |`), possibly one cell more or less
  than the header where the converter split a cell: the columns are counted from the right,
  where the lead, partners, funding and time columns sit;
- plain lines: a slice whose cells were run together in column order
  (`7. tiến, quảng bá tuyến du lịch  Sở Du lịch UBND các địa  NSNN + XHH 2026–2027`);
- the row's number (`4.`) in the vertical middle of the row, the task's first words above it.

How Vietnamese task tables are written makes the row readable again: a task cell opens with an
action verb ('Xây dựng', 'Nâng cấp', 'Tổ chức'); a group row is a Roman numeral with a title in
capitals; the columns run task, place, lead, partners, funding, time; a body's name opens with a
head word ('Sở', 'UBND', 'Trung tâm' ...); funding is written with its own words ('NSNN', 'XHH');
a time is a year, a range of years, a quarter or 'Thường xuyên'. A plain line's names are thus read
right to left: the last one is the partners', the one before it the lead's.

`read(lines, start)` returns the rows (a canonical header first: STT | Nội dung | Đơn vị chủ trì |
Đơn vị phối hợp | Thời gian thực hiện) and the index of the first line after the table, or None
when the table at `start` is not of this kind (an ordinary pipe table is left to the caller).
"""

from __future__ import annotations

import re

from dondoc.plans.gridheader import (
    _END,
    _GROUP_CELL,
    _GROUP_PLAIN,
    _LETTER_GROUP,
    _OPENER,
    _PAGE_NO,
    _RANGE,
    _STT_CELL,
    _STT_PLAIN,
    _SUB_PLAIN,
    CANONICAL,
    _header,
    _next_number,
    _pipe,
    _repeated_header,
    _roles,
    _slice_roles,
)
from dondoc.plans.gridrow import _by_role, _chunks, _tail, aligned, opens, read_loose, read_row
from dondoc.plans.text import strip_markup


def _group_title(title: str, *, dotted: bool) -> bool:
    """A group row's title: in capitals ('VÙNG BIỂN – ĐẦM PHÁ'), or after 'I.' a title naming no
    lead and no time ('I. Phát triển sản phẩm du lịch')."""
    if title == title.upper():
        return True
    if not dotted or not title[:1].isupper() or len(title) > 150:
        return False
    _, names, time = _chunks(title)
    return not names and not time


def _task_part(item: list[str] | str, roles: dict[int, str], width: int) -> str:
    if isinstance(item, str):
        return _STT_PLAIN.sub("", item.strip(), count=1)
    cells = _by_role(item, roles, width)
    text = " ".join(c for r, c in cells if r in ("task", "stt") and c)
    return _STT_CELL.sub("", text, count=1)


def _is_task_start(item: list[str] | str, roles: dict[int, str], width: int) -> bool:
    t = _task_part(item, roles, width).strip(" *")
    return bool(t) and t[0].isupper() and bool(_OPENER.match(" ".join(t.split())))


def _gridless(lines: list[str], start: int, *, tail: bool = False) -> bool:
    """Pipe rows interrupted by plain lines, again and again: the grid was lost. Or no pipes at
    all but numbered lines whose cells ran together (a name and a time after the task's words)."""
    switches = pipes = run_together = 0
    prev_pipe = True
    for line in lines[start : start + 60]:
        s = line.strip()
        if not s:
            continue
        is_pipe = _pipe(s) is not None
        pipes += is_pipe
        if is_pipe != prev_pipe:
            switches += 1
        prev_pipe = is_pipe
        if not is_pipe and _STT_PLAIN.match(s):
            before, names, time = _chunks(_STT_PLAIN.sub("", s, count=1), tail=tail)
            run_together += bool(before and names and time)
    return (pipes >= 4 and switches >= 6) or run_together >= 3


def _whole_rows(part: list[list[str] | str], anchor: list[str] | str, roles: dict[int, str]) -> list[list[str]] | None:
    """An STT cell merged over several tasks: the number alone on its line, and two or more plain lines each holding a
    whole row (a task opening with a capital, a lead and a time). None for a row of one task."""
    if not isinstance(anchor, str) or _STT_PLAIN.sub("", anchor.strip(), count=1).strip(" .") or anchor not in part:
        return None
    lines = [p for p in part if p is not anchor]
    if len(lines) < 2 or not all(isinstance(p, str) and opens(p, bullets=False) for p in lines):
        return None
    rows = [read_loose([p], p, roles) for p in lines]
    return rows if all(r[0] and r[1] and r[-1] for r in rows) else None


def read(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    # Long on purpose: find the header, cut the region, anchor the rows, then read each row.
    head = _header(lines, start)
    if head is None or not _gridless(lines, head[1], tail=_tail(_roles(head[0]))):
        return None
    titles, i = head
    width = len(titles)
    roles = _roles(titles)
    if "stt" not in roles.values():
        roles[0] = "stt"
    # the region: up to the end of the text or the next part of the document
    items: list[tuple[int, list[str] | str]] = []
    pages: set[int] = set()  # items that open a page (after a blank line, a page's number, the header repeated)
    end = i
    while end < len(lines):
        s = lines[end].strip()
        if _END.match(s):
            break
        if not s or s == "\x00":
            pages.add(len(items))
        else:
            row = _pipe(s)
            if row is None and _PAGE_NO.match(s) and (end == 0 or not lines[end - 1].strip() or lines[end - 1] == "\x00"):
                pass  # a page number, after the blank line of a page break (a row's number stands in the text)
            elif row and items and _repeated_header(row):
                pages.add(len(items))  # the header repeated at the top of a page
            elif row != []:
                # emphasis marks ('**I**', '**VÙNG BIỂN**') carry nothing here; a plain line keeps its column gaps
                items.append((end, [strip_markup(c) for c in row] if row is not None else s.replace("**", "").replace("__", "")))
        end += 1
    grid = aligned([it for _, it in items], width)
    _slice_roles(items, width)
    # anchors: group rows and numbered rows
    kinds: list[tuple[str, str, str]] = []  # (kind, number, title) per item
    title_of: dict[int, int] = {}  # a group row alone -> the item holding its title
    for k, (_, it) in enumerate(items):
        if k - 1 in title_of:
            kinds.append(("", "", ""))  # the title of the group row above
            continue
        alone = it.strip(" *.") if isinstance(it, str) else (" ".join(c for c in it if c).strip(" *.") if it else "")
        if alone and _GROUP_CELL.fullmatch(alone):
            # 'I' alone (on a line, or the only filled cell): a group row whose title went to the next line
            below = items[k + 1][1] if k + 1 < len(items) else ""
            title = below if isinstance(below, str) else " ".join(c for c in below if c)
            if title and title == title.upper() and not _STT_PLAIN.match(title):
                kinds.append(("group", alone, title))
                title_of[k] = k + 1
            else:
                kinds.append(("group", alone, ""))
            continue
        if isinstance(it, str):
            g = _GROUP_PLAIN.match(it)
            # 'I Xây dựng cơ chế, chính sách': a Roman numeral and a title naming no body and no time is
            # a group row with or without the numeral's dot
            if g and g.group(1) and _group_title(g.group(2), dotted=it[len(g.group(1)) : len(g.group(1)) + 1] in ".) "):
                kinds.append(("group", g.group(1), g.group(2)))
                continue
            g = _LETTER_GROUP.match(it)
            if g and g.group(2) == g.group(2).upper():  # 'A HẠ TẦNG SỐ', 'B. DỊCH VỤ SỐ': a lettered group, in capitals
                kinds.append(("group", g.group(1), g.group(2)))
                continue
            sub = _SUB_PLAIN.match(it)
            if sub and not any(_chunks(sub.group(2))[1:]):
                kinds.append(("sub", sub.group(1), sub.group(2)))
                continue
            m = _STT_PLAIN.match(it)
            following = next((n for n in _next_number(kinds) if re.match(rf"{re.escape(n)}\s+\S", it)), None) if not m else None
            if following and not _RANGE.match(it):
                # '5 phương;  Sở  Sở Du lịch x x 2025-2030': the number that comes next in the sequence, before
                # words of the row's middle line, is the row's number
                kinds.append(("stt", following, ""))
                continue
            kinds.append(("stt", m.group(1), "") if m else ("", "", ""))
            continue
        filled = [c for c in it if c]
        if filled and _GROUP_CELL.fullmatch(filled[0]) and filled[0] and len(filled) >= 2 and not any(
            c[:1].islower() for c in filled[1:]
        ):
            kinds.append(("group", filled[0], " ".join(filled[1:])))
            continue
        g = _GROUP_PLAIN.match(filled[0]) if len(filled) == 1 else None
        if g and g.group(1) and _group_title(g.group(2), dotted=True):  # '| I. PHÁT TRIỂN SẢN PHẨM | | |'
            kinds.append(("group", g.group(1), g.group(2)))
            continue
        m = _STT_CELL.match(it[0]) if it else None
        kinds.append(("stt", m.group(1), "") if m else ("", "", ""))
    # a sub-group row only where the rows below spell it ('1' -> '1.1') or number again from '1' under it
    for k, (kind, number, _) in enumerate(kinds):
        if kind != "sub":
            continue
        below = [n for kd, n, _ in kinds[k + 1 :] if kd == "stt"][:3]
        if not (any(n == f"{number}.1" for n in below) or ("." in number and below and "." not in below[0])):
            it = items[k][1]
            m = _STT_PLAIN.match(it) if isinstance(it, str) else None
            kinds[k] = ("stt", m.group(1), "") if m else ("", "", "")
    # rows: from the first task line after the previous anchor (the number sits mid-row)
    out: list[list[str]] = [list(CANONICAL)]
    anchors = [k for k, (kind, _, _) in enumerate(kinds) if kind]
    if not any(kinds[k][0] == "stt" for k in anchors):
        return None
    bounds: list[tuple[int, int, int]] = []  # (first item, anchor item, kind index)
    # the number on the row's first line (its task opens there or on the next line), or mid-row
    numbered = [a for a in anchors if kinds[a][0] == "stt"]
    top = sum(
        1 for a in numbered
        if _is_task_start(items[a][1], roles, width)
        or (not _task_part(items[a][1], roles, width).strip() and a + 1 < len(items) and _is_task_start(items[a + 1][1], roles, width))
    ) >= 0.6 * len(numbered)
    prev = -1
    for a in anchors:
        if kinds[a][0] in ("group", "sub"):
            bounds.append((a, a, a))
            prev = title_of.get(a, a)
            continue
        first = a
        if top:
            pass
        elif (prev >= 0 and kinds[prev][0] in ("group", "sub")) or prev < 0:
            first = prev + 1
        elif not grid and not any(k in pages for k in range(bounds[-1][0] + 1, 2 * prev - bounds[-1][0] + 1)):
            # cells centred in their rows, the number too: within a page the row above ends as many lines
            # below its number as it starts above it
            # (a cell's first line opens with a capital or a bullet: a line going on in lower case is the row above's)
            first = min(a, max(prev + 1, 2 * prev - bounds[-1][0] + 1))
            first = next((k for k in range(first, a) if opens(items[k][1], bullets=True)), first)
        elif not grid and (turn := max((k for k in pages if prev < k <= a), default=-1)) >= 0:
            # the row above ran over a page's end: the new page goes on with its taller cells, up to the
            # first line opening with a capital (a bullet there goes on with the row above's details)
            first = next((k for k in range(turn, a) if opens(items[k][1], bullets=False)), a)
        else:
            for k in range(prev + 1, a + 1):
                if _is_task_start(items[k][1], roles, width):
                    first = k
                    break
        bounds.append((first, a, a))
        prev = a
    for n, (first, a, _) in enumerate(bounds):
        kind, number, title = kinds[a]
        if kind in ("group", "sub"):
            out.append([number, title, "", "", ""])
            continue
        nxt = bounds[n + 1][0] if n + 1 < len(bounds) else len(items)
        part = [it for _, it in items[first:nxt]]
        if not grid and (whole := _whole_rows(part, items[a][1], roles)):
            out += [[number, *r] for r in whole]  # one number merged over several tasks, each on a line of its own
            continue
        out.append([number, *(read_row(part, items[a][1], roles, width) if grid else read_loose(part, items[a][1], roles))])
    return out, end
