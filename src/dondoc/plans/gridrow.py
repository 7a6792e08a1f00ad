"""One row of a task table whose grid was lost (see `gridless`): its lines (pipe fragments and plain
lines whose cells ran together) read into the row's task, lead, partners and time.

Two kinds of text, told apart per table (`aligned`):
- the converter kept one grid for the whole table: most pipe fragments have the header's width and a
  cell's place says its column (`read_row`);
- each fragment got a grid of its own (widths vary from line to line, words of one cell split over
  two cells, a cell's end in the next column): a fragment's cells keep only their order and it is read
  like a plain line (`as_line`, `read_loose`); the names wrapped over lines and the lead's choice are
  `gridnames`'. The header still says the columns' order: a time column left of the lead's is read
  among the words before the names.
"""

from __future__ import annotations

import re

from dondoc.plans.bodies import HEAD
from dondoc.plans.gridfactor import factored_lead
from dondoc.plans.gridheader import (
    _FUND_CELL,
    _FUND_END,
    _FUND_MARKS,
    _GROUP_CELL,
    _OPENER,
    _OPENERS,
    _PLACE,
    _STT_CELL,
    _STT_PLAIN,
    _TIME_END,
    _TIME_MID,
    _WHOLE_TIME,
    _cell_end,
    _known_start,
    _Slice,
)
from dondoc.plans.gridnames import completes, lead_of, straddling_lead, wrapped


def _by_role(cells: list[str], roles: dict[int, str], width: int) -> list[tuple[str, str]]:
    """(role, text) of a pipe fragment's cells, columns counted from the right (a split cell adds
    a column at the left, where the task is)."""
    if isinstance(cells, _Slice):
        return [(cells.roles.get(i, "task"), c) for i, c in enumerate(cells)]
    shift = len(cells) - width
    out = []
    for i, c in enumerate(cells):
        j = i - shift if shift > 0 else i
        role = roles.get(j, "task") if j >= 0 else "task"
        if i == 0 and shift <= 0 and roles.get(0) == "stt" and not _STT_CELL.match(c) and not _GROUP_CELL.fullmatch(c):
            role = "task"  # the task's text spilled into the number's column
        out.append((role, c))
    return out


def _chunks(text: str, *, tail: bool = False) -> tuple[str, list[str], str]:
    """A plain line's cells run together: (text before the first name, the names in order, the time).
    With `tail` (the table has a column right of the time: 'Nội dung cụ thể', 'Ghi chú') the words
    after the first time that follows a name belong to that column and are dropped."""
    s = " ".join(text.split("  ")) if "   " in text else text
    if tail:
        first = next(iter(_name_starts(s)), None)
        # (no name on the line: a time after the funding column's marks still ends the row's cells)
        cut = _TIME_MID.search(s, first) if first is not None else (_MARKS_TIME.search(s) or _GAP_TIME.search(s))
        if cut and cut.end() < len(s.rstrip()):
            s = s[: cut.end()]
    times: list[str] = []
    while True:
        m = _TIME_END.search(s)
        if not m or (m.start() == 0 and not times and len(s) < 4):
            break
        if m.start() > 0 and s[m.start() - 1] not in " \t(":
            break
        times.insert(0, m.group(0).strip())
        s = s[: m.start()].rstrip()
        f = _FUND_END.search(s)
        if f and (f.start() == 0 or s[f.start() - 1] == " "):
            s = s[: f.start()].rstrip()
    f = _FUND_END.search(s)
    if f and (f.start() == 0 or s[f.start() - 1] == " ") and f.group(0).strip():
        s = s[: f.start()].rstrip()
    starts = _name_starts(s)
    names: list[str] = []
    gapped = False  # the name before ended at a column gap: the next one opens another cell
    for k, p in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(s)
        piece = _cell_end(s[p:end])
        if names and re.fullmatch(r"Ban\s+[Qq]uản\s+lý", names[-1]):
            names[-1] += " " + piece.strip(" ,;")  # 'Ban Quản lý Vườn quốc gia': a board names what it manages
        elif names and not gapped and re.search(r"[,;]\s$", s[:p]) and not s[:p].endswith("  "):
            names[-1] += ", " + piece.strip(" ,;")  # 'Sở GDĐT, Sở Du': one cell listing two names
        else:
            names.append(piece.strip(" ,;"))
        gapped = len(piece.rstrip()) < len(s[p:end].rstrip())
    before = s[: starts[0]] if starts else s
    names = [n for n in names if n and not _PLACE.match(n)]
    # a bare head word at the end of a line ('Sở Xây dựng; Sở') is the start of a name wrapped to the next line
    if len(names) >= 2 and len(names[-1].split()) == 1 and not s.rstrip().endswith((".", ")")):
        names[-2:] = [names[-2] + "; " + names[-1]]
    return before.strip(), names, " ".join(times)


_MARKS_TIME = re.compile(
    r"(?:(?<=\s[xX])|(?<=^[xX]))\s+(?:(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?|Thường\s+xuyên|H[ằà]ng\s+(?:năm|quý|tháng))(?=\s|$)"
)
# a time standing alone between column gaps ('... Kiểm lâm  2026-2027  vận hành')
_GAP_TIME = re.compile(
    r"(?<=\S)\s{2,}(?:(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?|(?:Quý|Quí)\s+[IV]{1,3}\s*/\s*(?:19|20)\d{2}|Thường\s+xuyên"
    r"|H[ằà]ng\s+(?:năm|quý|tháng))(?=\s{2,}\S)"
)
_OFFICE_OF = re.compile(r"(?:Văn phòng|Thanh tra)\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Bộ|Tỉnh ủy|Thành ủy)$")
# words after which a capitalised name is the task's object, not a cell of its own (as in linetable, less 'và')
_GOVERNED = re.compile(r"(?:^|\s)(?:với|cho|của|tại|đến|về|theo|thuộc|trên|giữa|từ|qua|gửi|trình|để|do) $", re.I)
# a task's verb right before a name makes the name its object ('nâng cấp Bảo tàng Cổ vật', 'Thành lập Trung tâm')
_VERB_BEFORE = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(v) for v in _OPENERS) + r") $", re.I)


def _name_starts(s: str) -> list[int]:
    """Where names open in a line: a head word with a capital (its words may be spaced wide in a justified
    cell: 'Hiệp  hội  du'), not inside the head word before it ('Các Sở'), not the object of a task's verb
    or of a governing word ('nâng cấp Bảo tàng', 'thông tin của Bộ')."""
    out: list[int] = []
    end = 0
    for m in re.finditer(r"(?:(?<=\s)|^)(?=[A-ZĐÀ-Ỹ])", s):
        p = m.start()
        if p < end or not s[p].isupper():
            continue
        head = HEAD.match(" ".join(s[p : p + 60].split()))
        if head and p == end + 1 and s[end] == " " and _OFFICE_OF.match(s[out[-1] if out else 0 : p + len(head.group(0))]):
            end = p + len(head.group(0))  # the office of a body: one name ('Văn phòng UBND', 'Thanh tra Bộ')
        elif head and not _VERB_BEFORE.search(s[max(0, p - 30) : p]) and not _GOVERNED.search(s[max(0, p - 12) : p]):
            out.append(p)
            end = p + len(head.group(0))
    return out


def _tail(roles: dict[int, str]) -> bool:
    """Columns right of the time column ('Nội dung cụ thể', 'Sản phẩm', 'Ghi chú')."""
    at = next((j for j, r in roles.items() if r == "time"), None)
    return at is not None and any(j > at and r in ("detail", "product", "note") for j, r in roles.items())


def read_row(parts: list[list[str] | str], anchor: list[str] | str, roles: dict[int, str], width: int) -> list[str]:
    # Long on purpose: each column gathered from the pipe slices, then the plain slices read right to left.
    task: list[str] = []
    lead: list[str] = []
    support: list[str] = []
    time: list[str] = []
    on_anchor: list[bool] = []  # each time piece: on the row's number line?
    plain: list[tuple[bool, bool, list[str]]] = []  # (the row's number line?, a line of the row's text?, names)
    tail = _tail(roles)
    lone: list[str] = []  # names alone on a line above the lead's first piece
    spare: list[str] = []
    misplaced: list[tuple[bool, str]] = []  # (on the row's number slice?, name) in a column that holds no name
    for it in parts:
        if isinstance(it, str):
            before, names, t = _chunks(_STT_PLAIN.sub("", it, count=1), tail=tail)
            if not before and not t and len(names) == 1 and not lead:
                lone.append(names[0])
            if (before and not names and not t and not _FUND_CELL.match(before) and before[:1].islower()) or (
                    before and before[:1].isupper() and _OPENER.match(before)) or (before and task and before[:1].islower()):
                task.append(_task_words(before))
            if t:
                time.append(t)
                on_anchor.append(it is anchor)
            plain.append((it is anchor, it is anchor or bool(before), names))
            continue
        for k, (role, c) in enumerate(_by_role(it, roles, width)):
            if not c:
                continue
            if k and role != "time" and _TIME_END.fullmatch(_FUND_MARKS.sub("", c)):
                # a time alone in a cell of another column, or after the funding column's marks ('x 2025-2030'):
                # the slice's columns are its own
                spare.append(_FUND_MARKS.sub("", c))
            elif role in ("task", "stt"):
                c = _STT_CELL.sub("", c, count=1)
                if c:
                    task.append(c)
            elif role == "lead":
                lead.append(c)
            elif role == "support":
                support.append(c)
            elif role == "time":
                time.append(c)
                on_anchor.append(it is anchor)
            elif role in ("fund", "detail"):
                # the converter placed this slice's cells in columns of its own: a body's name on the
                # row's number slice where funding marks or details stand is the lead's moved aside
                if HEAD.match(c) and not _FUND_CELL.match(c):
                    misplaced.append((it is anchor, c))
    moved = [c for a, c in misplaced if a]
    if not lead and moved:
        lead, support = [moved[0]], support + moved[1:]
    plain_lead: list[str] = []
    if (lead and not HEAD.match(lead[0]) and not lead[0][:1].isupper()) or (lead and not HEAD.match(lead[0]) and lone):
        # the lead's column holds only the end of a name ('phương', 'tiến Đầu tư,'): its start was run
        # into a plain line: a name alone on a line above it, or the lead's place on the row's line
        start = None
        best = max(plain, key=lambda p: (p[1] and bool(p[2]), len(p[2]) >= 2, len(p[2])), default=None)
        if best and best[2] and best[1]:
            start = best[2][-2] if len(best[2]) >= 2 else best[2][0]
        elif lone:
            start = lone[0]
        if start:
            lead.insert(0, start)
    if not lead:
        # the names of the slice holding most of them (the row's number line first), right to left
        # (a line of names alone is a wrapped piece of a cell, its column unknown: the last resort)
        best = max(plain, key=lambda p: (p[0] and bool(p[2]), p[1] and bool(p[2]), len(p[2]) >= 2, len(p[2])), default=None)
        if best and best[2]:
            names = best[2]
            if len(names) >= 2:  # the last name is the partners', the one before it the lead's
                plain_lead, rest = [names[-2]], [names[-1]]
            else:
                plain_lead, rest = [names[0]], []
            support.extend(rest)
    lead_text = _known_start(" ".join(lead) if lead else " ".join(plain_lead))
    return [" ".join(task), lead_text, " ".join(support), _time_text(time, on_anchor, spare)]


def _time_text(time: list[str], on_anchor: list[bool], spare: list[str]) -> str:
    whole = [t for t in time if _WHOLE_TIME.fullmatch(t)]
    if len(set(whole)) >= 2 and len(whole) == len(time):
        # one time cell per row, centred on the row's number line: a second whole time came from words
        # above or below ('Giai đoạn 5 năm 2026-2030' of the group row's title)
        time = [t for t, a in zip(time, on_anchor, strict=True) if a] or time
    if not any(_TIME_MID.search(" " + t) or _TIME_END.search(t) for t in time):
        time = spare  # the time's column held only words of a partner's name moved aside ('học và')
    return re.sub(r"([–-])\s+", r"\1", " ".join(time))


def aligned(items: list[list[str] | str], width: int) -> bool:
    """Most pipe fragments of the table have the header's width: the converter kept one grid for the
    whole table, and a cell's place says its column."""
    widths = [len(it) for it in items if isinstance(it, list) and it]
    return not widths or sum(1 for w in widths if w == width) >= 0.6 * len(widths)


# the end of a cell whose next words the converter put in the next cell: a head word alone ('Sở' |
# 'Tài chính;'), a word that cannot end a name ('Sở Văn hóa và' | 'Thể thao')
_OPEN_END = re.compile(r"(?:^|\s)(?:và|các|của|cấp|thuộc|trực thuộc|[–-])$")


def _goes_on(cur: str, nxt: str) -> bool:
    """The fragment's next cell goes on with the text of the cell before it (`cur`): one cell the
    converter split in two, not the next column."""
    last = cur.rstrip()
    if not last or not nxt:
        return False
    if nxt[:1].isupper() and last.endswith((",", ";")) and HEAD.match(nxt):
        return True  # 'Huế;' | 'Sở Du lịch;': a list of names in one cell
    starts = _name_starts(last)
    if starts:
        # a name's cell: split where the name is not whole ('Sở' | 'Tài chính;', 'Sở Văn hóa và' | 'Thể thao',
        # 'Sở Khoa' | 'học', 'UBND các xã,' | 'phường'); a whole name's next cell is the next column's
        piece = last[starts[-1] :]
        return bool(HEAD.fullmatch(" ".join(piece.split())) or _OPEN_END.search(last)) or any(
            completes(piece.rstrip(",; "), " ".join(nxt.split()[:n])) for n in (1, 2, 3))
    # the words of a task's cell, or the middle of a name wrapped in its cell ('phường' | 'liên'); not after a time
    return nxt[:1].islower() and not last.endswith((";", ".", ":", ")")) and not _TIME_CELL.fullmatch(_FUND_MARKS.sub("", last))


def as_line(cells: list[str]) -> str:
    """A fragment whose cells keep only their order, as a plain line: a cell that goes on with the one
    before it follows a space, any other a column gap (two spaces)."""
    out, prev = "", ""
    for c in cells:
        if not c:
            prev = ""  # an empty cell between two: they stand in columns apart
            continue
        out = f"{out} {c}" if out and _goes_on(prev, c) else (f"{out}  {c}" if out else c)
        prev = c
    return out


def opens(item: list[str] | str, *, bullets: bool) -> bool:
    """A line can be a row's first: it opens with a capital (a task, a name, a detail), or a bullet."""
    text = (_STT_PLAIN.sub("", item.strip(), count=1) if isinstance(item, str) else as_line(item)).lstrip("“\"(")
    return text[:1].isupper() or (bullets and text[:1] in "-–+•")


def read_loose(parts: list[list[str] | str], anchor: list[str] | str, roles: dict[int, str]) -> list[str]:
    """A row of a table whose fragments keep no columns (see the module's docstring)."""
    tail = _tail(roles)
    at_of = {r: j for j, r in sorted(roles.items(), reverse=True)}
    first_time = at_of.get("time", 99) < at_of.get("lead", -1)
    time: list[str] = []
    on_anchor: list[bool] = []
    lines: list[tuple[str, list[str]]] = []  # (the words before the first name, the names) of each line
    bare: list[bool] = []  # a fragment whose first cell is empty: no words of the task's column
    at = 0
    for k, it in enumerate(parts):
        if it is anchor:
            at = k
        if isinstance(it, str):
            # (the row's number may stand before lower-case words: '2 tra chuyên ngành ...', known by its sequence)
            text = (_STT_CELL if it is anchor else _STT_PLAIN).sub("", it.strip(), count=1)
        else:
            cells = list(it)
            if cells and _STT_CELL.match(cells[0]):
                cells[0] = _STT_CELL.sub("", cells[0], count=1)
            text = as_line(cells)
        before, names, t = _chunks(text, tail=tail)
        if not t and first_time:
            # the header puts the time left of the lead: a time cell stands among the words before the names
            pieces = re.split(r"\s{2,}", before)
            got = next((i for i in range(len(pieces) - 1, -1, -1) if _TIME_CELL.fullmatch(pieces[i].strip())), None)
            if got is not None:
                t, before = pieces[got].strip(), "  ".join(pieces[:got] + pieces[got + 1 :])
        if t:
            time.append(t)
            on_anchor.append(it is anchor)
        lines.append((before, names))
        bare.append(isinstance(it, list) and not it[0].strip())
    named, used, joined_to, continued = wrapped(lines)
    joined = set(joined_to)
    task: list[str] = []
    for k, (before, names) in enumerate(lines):
        for piece in used.get(k, []):  # (the last of its occurrences: the task's words come first)
            found = list(re.finditer(re.escape(piece) + r"\s*[,;]?", before))
            before = before[: found[-1].start()] + " " + before[found[-1].end() :] if found else before
        before = " ".join(before.split("   ")).strip()
        if bare[k] or not before:
            continue
        if (not names and before[:1].islower() and not _FUND_CELL.match(before)) or (
                before[:1].isupper() and _OPENER.match(" ".join(before.split()))) or ((task or k == at) and not before[:1].isupper()):
            task.append(_task_words(before))
    # a piece on the number's line going on with a name above, left of the line's first name: that name's cell
    # stands in the lead's column there ('Sở Văn hóa, Thể' ... 'thao và Du lịch  Báo và Phát thanh')
    left = next((c for c in continued.get(at, []) if (at, 0) not in joined or joined_to.get((at, 0)) != c), None)
    if left is None:
        lead, where = lead_of(lines, at)
    else:  # (a partner's name goes on there when it is not its line's first: the first is the lead's)
        where = left if left[1] == 0 else (left[0], 0)
        lead = lines[where[0]][1][0]
    on_number = parts[at]
    if left is None and isinstance(on_number, list) and (up := straddling_lead(on_number, lines, continued, at)) is not None:
        lead, where = lines[up[0]][1][0], up  # ('UBND các xã,' ... '| 2026 | | Sở Tư pháp |' ... 'phường, đặc khu')
    further = _run_left(parts, lines, at)
    if further is not None:
        lead, where = lines[further][1][0], (further, 0)
    if where in named and lead == lines[where[0]][1][where[1]]:
        lead = named[where]
    support = [named.get((k, j), n) for k, (_, names) in enumerate(lines) for j, n in enumerate(names)
               if (k, j) != where and (k, j) not in joined]
    if (fl := factored_lead(parts, anchor)) is not None:  # 'Các Sở:' | 'Văn' ... 'Du lịch.' (gridfactor)
        support = [n for n in [lead, *support] if n.strip(" :") != fl[2].strip(" :")]
        task, lead = [fl[0]], fl[1]
    return [" ".join(task), _known_start(lead), "; ".join(support), _time_text(time, on_anchor, [])]


_TIME_CELL = re.compile(rf"{_WHOLE_TIME.pattern}|Tháng\s+\d{{1,2}}\s*/\s*(?:19|20)\d{{2}}")


def _run_left(parts: list[list[str] | str], lines: list[tuple[str, list[str]]], at: int) -> int | None:
    """Pipe lines of one width in a run are one slice the converter cut with one grid: there a cell's place
    does say its column. A line of the number's slice whose first name opens in a cell left of the number
    line's first filled cell (the task's cell the only one before it) holds the lead ('| Xây dựng ... | | |
    TTXTĐT, |' over '| 2 | | | | Sở Tài chính | | x | 2026 |'): the line returned, or None."""
    row = parts[at]
    if not isinstance(row, list):
        return None
    first = next((i for i, c in enumerate(row) if i and c and not _TIME_CELL.fullmatch(_FUND_MARKS.sub("", c))
                  and not re.fullmatch(r"[xX](?:\s+[xX])*", c)), None)
    if first is None:
        return None
    run = [at]
    for step in (-1, 1):
        k = at + step
        while 0 <= k < len(parts) and isinstance(parts[k], list) and len(parts[k]) == len(row):
            run.append(k)
            k += step
    for k in sorted(run[1:], key=lambda k: abs(k - at)):
        cells = parts[k]
        opens_at = next((i for i, c in enumerate(cells) if i and c), None)  # its first filled cell after the task's
        if (opens_at is not None and opens_at < first and lines[k][1] and _name_starts(cells[opens_at])[:1] == [0]
                and lines[k][1][0] in cells[opens_at]):
            return k
    return None
def _task_words(before: str) -> str:
    """A line's words before its names, up to a column gap before a capital (another column's words)."""
    pieces = re.split(r"\s{2,}", before)
    end = next((k for k in range(1, len(pieces)) if pieces[k][:1].isupper()), len(pieces))
    return "  ".join(pieces[:end])


