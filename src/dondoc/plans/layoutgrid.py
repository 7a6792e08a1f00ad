"""A task table printed to PDF and read back with `pdftotext -layout`: the grid is gone, but every
word still stands at the x-position of its column.

Facts of how such text comes out:
- a cell's text never crosses its column's border, so the borders are the x-positions that no body
  line fills (a gutter of one space or more, found page by page: each page sets its own positions);
- the header's titles are centred over their columns, wrapped over several lines (`Cơ quan chủ` /
  `trì`), above and below the `STT` line; a title belongs to the column under its centre;
- a row is opened by its number (`1`, `1.`, `2.3`) in the `STT` column, a group row by a Roman
  numeral; a cell's continuation lines stay in its column;
- a cell centred vertically puts the row's number in the middle of the row, its first lines above:
  a row then starts on the line where the cells open with a capital letter after cells that ended,
  not on a line whose cells go on in lower case; a table whose rows open on their number line
  (the task written from there in capitals) starts each row at its number.

`read(lines, start)` returns the rows (the canonical header first, as `gridless` does: STT | Nội dung |
Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện) and the index of the first line after the table,
or None when the line at `start` is no header of such a table.
"""

from __future__ import annotations

import bisect
import itertools
import re

from dondoc.plans.gridheader import _END, CANONICAL, _roles

_STT_LINE = re.compile(r"^\s*(?:STT|TT|Số TT)(?=\s)")
_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[a-zđ][.)]?)$")  # a row: '1', '1.', '2.3', a sub-row 'a', 'b)'
_GROUP = re.compile(r"^(?:[IVX]{1,5}|[A-D])[.)]?$")
_CONTINUES = re.compile(r"(?:[,(/–-]|\b(?:và|các|của|có|với|cho|về|theo|trên|tại|đến|thuộc))$")


def _words(line: str) -> list[tuple[int, str]]:
    line = line.replace("\x0c", "")
    return [(m.start(), m.group(0)) for m in re.finditer(r"\S+", line)]


def _is_header(line: str) -> bool:
    """'STT   Nhiệm vụ   Sản phẩm': the number's title and, two spaces or more away, the next title."""
    s = line.replace("\x0c", "")
    return bool(_STT_LINE.match(s)) and bool(re.match(r"^\s*(?:STT|TT|Số TT)\s{2,}\S", s))


def _header_block(lines: list[str], at: int, low: int) -> tuple[int, int]:
    """First and last+1 line of the header around the 'STT' line `at` (not above `low`): the title
    lines above it up to a blank line, and those below it that hold nothing left of its second title."""
    first = at
    while (first - 1 >= low and first > at - 4 and not lines[first].startswith("\x0c") and lines[first - 1].strip()
           and len(lines[first - 1].strip()) < 100
           and not any(_NUMBER.match(w) or _GROUP.match(w) for _, w in _words(lines[first - 1])[:1])):
        first -= 1  # (a page's first line opens with a form feed: nothing of the page above)
    words = _words(lines[at])
    left = words[1][0] - 1 if len(words) > 1 else 4
    last = at + 1
    while last < len(lines) and last < at + 6:
        w = _words(lines[last])
        # a title wraps in lower case ('Cơ quan chủ' / 'trì'); a cell's first line opens with a capital
        if not w or w[0][0] < left or _END.match(lines[last].strip()) or any(t[:1].isupper() for _, t in w):
            break
        last += 1
    return first, last


def _occupancy(body: list[list[tuple[int, str]]]) -> list[int]:
    """How many body lines have a character at each x."""
    width = max((x + len(w) for ws in body for x, w in ws), default=0)
    occ = [0] * (width + 2)
    for ws in body:
        for x, w in ws:
            for k in range(x, x + len(w)):
                occ[k] += 1
    return occ


def _chunks(line: str, occ: list[int]) -> list[tuple[int, int, str]]:
    """A header line's titles: runs of words one space apart, split again where a space stands at an x
    no body line fills (narrow columns one space apart: 'Đơn vị chủ trì Đơn vị phối')."""
    line = line.replace("\x0c", "")
    out = []
    for m in re.finditer(r"\S+(?: \S+)*", line):
        x = m.start()
        words = [(x + w.start(), w.group(0)) for w in re.finditer(r"\S+", m.group(0))]
        cur = [words[0]]
        for prev, w in itertools.pairwise(words):
            gap = prev[0] + len(prev[1])
            if gap < len(occ) and occ[gap] == 0 and w[0] < len(occ) and occ[w[0]] > 0:
                out.append((cur[0][0], cur[-1][0] + len(cur[-1][1]), " ".join(t for _, t in cur)))
                cur = []
            cur.append(w)
        out.append((cur[0][0], cur[-1][0] + len(cur[-1][1]), " ".join(t for _, t in cur)))
    return out


def _columns(header: list[str], occ: list[int]) -> tuple[list[int], list[str]] | None:
    """The borders between columns and each column's title. A title is centred over its column and
    wraps inside it, so the header's pieces that overlap in x are one column's title; the border
    between two titles is the x between them that the fewest body lines fill (a cell's text never
    crosses it), the middle of the emptiest run."""
    pieces = sorted(((x0, x1, t, n) for n, line in enumerate(header) for x0, x1, t in _chunks(line, occ)), key=lambda p: p[0])
    cols: list[list[tuple[int, int, str, int]]] = []
    for p in pieces:
        if cols and p[0] < max(q[1] for q in cols[-1]):
            cols[-1].append(p)
        else:
            cols.append([p])
    if len(cols) < 3:
        return None
    cuts = []
    for left, right in itertools.pairwise(cols):
        a, b = max(q[1] for q in left), min(q[0] for q in right)
        if b <= a:
            return None
        low = min(occ[a : b + 1] or [0])
        runs = [k for k in range(a, b + 1) if k >= len(occ) or occ[k] == low]
        cuts.append(runs[len(runs) // 2] if runs else (a + b) // 2)
    titles = [" ".join(q[2] for q in sorted(c, key=lambda q: (q[3], q[0]))) for c in cols]
    return cuts, titles


def _recut(words: list[list[tuple[int, str]]], at: list[int], cuts: list[int]) -> list[int]:
    """The borders on the lines after a break (a blank line: a page's end, its number): kept while
    (nearly) no word crosses them, else put before the x-positions where a column's cells share their
    left edge: many words start there and almost none crosses the x just before."""
    block = [ws for ws, k in zip(words, at, strict=True) if k - at[0] == len([1 for j in at if j < k])]
    occ = _occupancy(block)
    tol = len(block) // 25
    if all(c >= len(occ) or occ[c] <= tol for c in cuts):
        return cuts
    left = min((ws[0][0] for ws in block if ws), default=0)
    starts: dict[int, int] = {}
    for ws in block:
        for x, _ in ws:
            if x > left + 1:
                starts[x] = starts.get(x, 0) + 1
    score = {x: n - 2 * occ[x - 1] for x, n in starts.items()}
    edges: list[int] = []
    for x in sorted(score, key=lambda x: -score[x]):
        if score[x] <= 1 or len(edges) == len(cuts):
            break
        if all(abs(x - e) > 3 for e in edges):
            edges.append(x)
    return sorted(e - 1 for e in edges) if len(edges) == len(cuts) else cuts


def _pieces(words: list[tuple[int, str]], cuts: list[int]) -> list[tuple[int, int, str]]:
    """A line's pieces of cells: words one space apart, cut at the column borders. A piece goes to the
    column under its centre (a centred or justified cell's words stand off its column's left edge)."""
    out: list[tuple[int, int, str]] = []
    for x, w in words:
        if out and x - out[-1][1] == 1 and not any(out[-1][1] <= c <= x for c in cuts):
            x0, _, t = out[-1]
            out[-1] = (x0, x + len(w), f"{t} {w}")
        else:
            out.append((x, x + len(w), w))
    return out


def _row_start(cells: list[dict[int, str]], a: int, b: int, skip: int) -> int:
    """The line between anchors `a` and `b` where row `b` starts: its cells open there (capitals) after
    cells that ended; ties go to the middle (each row's number in its own middle)."""
    best, score_best = b, None
    mid = (a + b + 1) / 2
    for s in range(a + 1, b + 1):
        score = 0
        for c in {c for line in cells[a : b + 1] for c in line if c != skip}:
            down = next((cells[k][c] for k in range(s, b + 1) if cells[k].get(c)), None)
            up = next((cells[k][c] for k in range(s - 1, a - 1, -1) if cells[k].get(c)), None)
            if down is None:
                continue
            if down[:1].islower():
                score -= 2
            elif down[:1].isupper() or down[:1] in "-+•(":
                score += 1
            if up is not None and _CONTINUES.search(up):
                score -= 1
        key = (score, -abs(s - mid))
        if score_best is None or key > score_best:
            best, score_best = s, key
    return best


def read(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    # Long on purpose: header, region and pages, borders, cells per line, anchors, rows.
    if not _is_header(lines[start]):
        return None
    first, head_end = _header_block(lines, start, 0)
    # the region: pages of the table, each opened by its (repeated) header
    pages: list[tuple[list[int], list[int]]] = []  # (header lines, body lines)
    head, body = list(range(first, head_end)), []  # type: list[int], list[int]
    i = head_end
    while i < len(lines):
        s = lines[i].strip()
        if _END.match(s):
            break
        if _is_header(lines[i]):
            f, e = _header_block(lines, i, head_end)
            above = [k for k in body if k >= f]
            body = [k for k in body if k < f]
            pages.append((head, body))
            head, body = [*above, *range(i, e)], []
            i = e
            continue
        if s and not (s.isdigit() and len(s) <= 3 and (not lines[i - 1].strip() or i + 1 >= len(lines)
                                                        or not lines[i + 1].strip())):
            body.append(i)  # (a page's number stands alone between blank lines)
        i += 1
    pages.append((head, body))
    end = i
    cells: list[dict[int, str]] = []
    line_roles: list[dict[int, str]] = []
    for head, body in pages:
        if not body:
            continue
        words = [_words(lines[k]) for k in body]
        got = _columns([lines[k] for k in head], _occupancy(words))
        if got is None:
            return None
        cuts, titles = got
        if any(re.search(r"chủ trì", t, re.I) and re.search(r"phối hợp", t, re.I) for t in titles):
            return None  # two titles run together: their border was not found
        page_roles = _roles(titles)
        if "lead" not in page_roles.values():
            return None
        if "stt" not in page_roles.values():
            page_roles[0] = "stt"
        for n, ws in enumerate(words):
            if n and body[n] - body[n - 1] > 1:
                cuts = _recut(words[n:], body[n:], cuts)  # a page break: the next page sets its own x
            line: dict[int, list[str]] = {}
            for x0, x1, piece in _pieces(ws, cuts):
                line.setdefault(bisect.bisect_right(cuts, (x0 + x1) // 2), []).append(piece)
            cells.append({c: " ".join(v) for c, v in line.items()})
            line_roles.append(page_roles)
    if not cells:
        return None
    out: list[list[str]] = [list(CANONICAL)]
    stt_col = [next(c for c, r in roles.items() if r == "stt") for roles in line_roles]
    anchors: list[tuple[int, str, str]] = []  # (line, kind, number)
    for k, c in enumerate(cells):
        v = c.get(stt_col[k], "")
        head_word = v.split()[0] if v else ""
        if _NUMBER.match(v):
            anchors.append((k, "stt", v.rstrip(".)")))
        elif head_word and _GROUP.match(head_word) and (len(v.split()) > 1 or len(c) > 1 or _GROUP.match(v)):
            anchors.append((k, "group", head_word.rstrip(".)")))
    if sum(1 for _, kind, _ in anchors if kind == "stt") < 2:
        return None
    task_col = [next(c for c in range(99) if c not in roles) for roles in line_roles]
    top = [bool(cells[k].get(task_col[k], "")[:1].isupper()) for k, kind, _ in anchors if kind == "stt"]
    top_aligned = sum(top) >= 0.6 * len(top)
    starts = [anchors[0][0]]
    for (a, ka, _), (b, kb, _) in itertools.pairwise(anchors):
        if top_aligned or kb == "group":
            starts.append(b)
        elif ka == "group":
            starts.append(a + 1)
        else:
            starts.append(_row_start(cells, a, b, stt_col[b]))
    if not top_aligned and anchors[0][1] == "stt":
        starts[0] = 0
    for n, (k, kind, number) in enumerate(anchors):
        stop = starts[n + 1] if n + 1 < len(anchors) else len(cells)
        row = range(starts[n], stop)
        if kind == "group":
            title = " ".join(v for j in row for c, v in sorted(cells[j].items()) if not (j == k and c == stt_col[j]))
            out.append([number, title.removeprefix(number).strip(" .)"), "", "", ""])
            continue
        by_role: dict[str, list[str]] = {}
        for j in row:
            for col, v in sorted(cells[j].items()):
                role = line_roles[j].get(col, "task")
                if role != "stt":
                    by_role.setdefault(role, []).append(v)
        out.append([number, *(" ".join(by_role.get(r, [])) for r in ("task", "lead", "support", "time"))])
    return out, end

