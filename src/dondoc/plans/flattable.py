"""A task table pasted from a web page as one run of words: its cells joined by spaces, its rows run on.

A law-library page copies a table cell by cell, each cell's words joined to the next cell's with a space and no mark
of the grid: 'TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện 1 Rà soát văn bản Sở Tư pháp Sở Nội
vụ, các sở, ngành Quý IV năm 2024 2 ...'. How such a table is written makes it readable again:
- the header is 'TT' (or 'STT') and short column titles, each opening with its own words ('Cơ quan ...', 'Đơn vị
  ...', 'Thời gian ...', 'Thời hạn ...', 'Kinh phí', 'Sản phẩm', 'Ghi chú'); one names the lead ('chủ trì', or 'thực
  hiện' when no column says 'chủ trì'); a row of column numbers '(1) (2) (3)' may follow it;
- rows open with their number, in order, before a capital: '1', '2' (or '1.', '2.'); groups of rows open with a
  Roman numeral and a title ('I CÔNG TÁC TUYÊN TRUYỀN', 'II Hỗ trợ ...'), the rows under each numbered from 1 again
  or on; a numbered row with no body of its own heads sub-rows lettered 'a)', 'b)' or numbered '1.1', '1.2';
- a row opens with its task, never with a body's sentence ('1. Sở Y tế chủ trì ...' after a table is the plan's
  text again);
- in a row, the task comes first; the first name of a body not governed by a word before it ('với', 'của', 'cho')
  opens the bodies' cells; a name that does not go on a list (no ',', ';', 'và' before it) opens the next cell; the
  time cell opens with a time word in capitals ('Quý', 'Năm', 'Tháng', 'Thường xuyên', 'Kỳ họp' ...).
- a head word alone ('Văn phòng', 'Ban') names no body: the cell goes on with the name it heads;
- the last row runs on into what follows the table: the next section ('IV. TỔ CHỨC THỰC HIỆN'), the signature, an
  annex, or a sentence that opens, after the time cell, with a body's name and its task verb ('... 2026-2030 Các sở,
  ngành báo cáo kết quả ...').
`find_table(text)` finds the first such table in a text whose line breaks are lost (its span and its pipe rows, read
by the parser's table reader); `split_table(par)` returns the text before it, its rows and the text after it;
`rebuild(par)` the text before it and its rows. Each returns None when the text holds no such table.
"""

from __future__ import annotations

import re

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.bodies import HEAD, leading_body
from dondoc.plans.flatcells import TIME_START as _TIME_START
from dondoc.plans.flatcells import body_starts, has_body, split_at, sub_row
from dondoc.plans.flatcells import cells as _cells
from dondoc.plans.titles import body_then_duty
from dondoc.plans.verbs import find_verb

_HEADER = re.compile(r"(?:^|(?<=\s))(?:STT|TT|Số TT)\s+(?=[A-ZĐÀ-Ỹ])")
_TITLE_START = re.compile(
    r"\s(?=(?:Cơ quan|Đơn vị|Thời gian|Thời hạn|Tiến độ|Kinh phí|Nguồn kinh phí|Sản phẩm|Kết quả|Ghi chú|Hồ sơ|"
    r"Lãnh đạo|Chủ trì|Phối hợp|Địa điểm|Dự kiến|Nội dung|Nhiệm vụ|Nơi nhận)(?![\wÀ-ỹ]))")
_TITLE_START_ANY_CASE = re.compile(_TITLE_START.pattern, re.I)
_TIME_TITLE = re.compile(r"^(?:Thời gian|Thời hạn|Tiến độ|Dự kiến)")
_NAME_TITLE = re.compile(r"^(?:Cơ quan|Đơn vị|Lãnh đạo|Chủ trì|Phối hợp|Nơi nhận)")
# the column naming who leads: a task's lead ('Cơ quan chủ trì'), a report's sender ('Đơn vị báo cáo', 'Cơ quan gửi')
_LEAD_TITLE = re.compile(r"chủ trì|(?:Cơ quan|Đơn vị) (?:báo cáo|gửi)", re.I)
_MONTH_TITLES = re.compile(r"Tháng 1\s+Tháng 2\s+(?:Tháng \d{1,2}\s+)*Tháng \d{1,2}(?=\s)")
_MONTH_RUN = re.compile(r"(?:^|\s)Tháng 1\s+Tháng 2\s.*$")
_TICKS = re.compile(r"(?:\s+[xX](?=\s|$))+")
_LEVEL_THEN_CAP = re.compile(rf"\s(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố)\s+(?=[{_UP}])")
_MAX_TITLES = 9
# the task column's title: a few words, no stop, no bracket ('Nội dung', 'Nhiệm vụ, đề án', 'Nội dung công việc')
_TASK_TITLE = re.compile(r"[^.;:()]{2,50}")
_COLUMN_NUMBERS = re.compile(r"(?:\(\d{1,2}\)\s*){3,}")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
_LETTERS = "abcdđeghiklmnopqrstuvxy"
# what ends a table run on into the text after it: the plan's next section, its signature, an annex, the end mark
_AFTER_TABLE = re.compile(rf"(?<=\s)(?:[IVX]{{1,4}}\.\s+[{_UP}]{{2,}}[\s,]|Nơi nhận\s*:|(?:TM|KT|TL|TUQ)\.\s+[{_UP}]{{2,}}|"
                          r"PHỤ\s+LỤC\b|Phụ lục\s+(?:[IVX]{1,4}|\d{1,2})\b)|\./\.")


def _titles(header: str) -> list[str]:
    if not header.isupper():
        return [t.strip() for t in _TITLE_START.split(header) if t.strip()]
    # a header in capitals ('STT NHIỆM VỤ VÀ GIẢI PHÁP CHỦ TRÌ PHỐI HỢP THỜI GIAN'); 'ĐƠN VỊ CHỦ TRÌ' is one title
    out: list[str] = []
    for t in _TITLE_START_ANY_CASE.split(header):
        t = t.strip()
        if t and out and re.fullmatch(r"(?:Cơ quan|Đơn vị)(?:,? (?:đơn vị|cơ quan))?", out[-1]):
            out[-1] += " " + t.lower()
        elif t:
            out.append(t[:1] + t[1:].lower())
    return out


def _marker(token: str, dotted: bool) -> re.Pattern[str]:
    """A row's number `token` before a capital ('2 Tổ chức', '2. Tổ chức', 'a) Tổ chức'), after a space."""
    dot = r"\.?" if dotted else ""
    return re.compile(rf"(?<=\s){re.escape(token)}{dot}\s+(?=[{_UP}])")


def _opens_sentence(text: str) -> bool:
    """'Sở Y tế chủ trì ...': a body's name, then its task verb — the plan's prose, not a row's task."""
    if not HEAD.match(text):
        return False
    lb = leading_body(text[:240])
    return lb is not None and lb[1][:1].islower()


def _next_tokens(kinds: list[tuple[str, str]], parts: str) -> list[tuple[str, str, bool]]:
    """The numbers the next row can open with, after the rows `kinds` ((kind, number) each): (kind, token, dotted).
    `parts` tells which group rows the table has: 'A' (parts lettered A, B ... above Roman groups), 'I' (Roman
    groups), '' (none). Rows are numbered 1, 2 ... (again from 1, or on, after a group), or by their group's number
    ('2.1', '2.2' under II; '3' alone); a row naming no body heads sub-rows 'a)', 'b)' or 'n.1', 'n.2'."""
    out: list[tuple[str, str, bool]] = []
    letter = next((n for k, n in reversed(kinds) if k == "part"), None)
    group = next((n for k, n in reversed(kinds) if k == "group"), None)
    item = next((n for k, n in reversed(kinds) if k == "item"), None)
    last_kind, last_num = kinds[-1]
    if parts == "A" and letter is not None and letter < "Z":
        out.append(("part", chr(ord(letter) + 1), True))
    if parts:
        nxt = _ROMANS.index(group) + 1 if group in _ROMANS else 0
        if nxt < len(_ROMANS):
            out.append(("group", _ROMANS[nxt], True))
        if group is not None and last_kind not in ("part", "group"):
            out.append(("group", group, True))  # (a group's numeral written twice, the rows numbered on: 'IV' ... 'IV', '5.1')
        if last_kind == "part" and nxt:
            out.append(("group", "I", True))  # (numbered again under each part)
    g = _ROMANS.index(group) + 1 if group in _ROMANS else None
    # the last number given at the first level ('5' of '5', '5.2' or '5.1.3')
    major = next((int(n.split(".")[0]) for k, n in reversed(kinds) if k in ("item", "num2", "num3")), 0)
    if last_kind in ("part", "group"):
        out.append(("item", "1", True))
        if major:
            out += [("item", str(major + 1), True), ("num2", f"{major + 1}.1", True)]  # (numbered on across groups)
        if last_kind == "group" and g is not None and g > 1:
            out += [("num2", f"{g}.1", True), ("item", str(g), True)]  # ('2.1' under II; '3' alone under III)
        elif last_kind == "group":
            out.append(("num2", "1.1", True))
        return out
    out.append(("item", str(major + 1), True))
    if last_kind == "item":
        out += [("sub", "a)", False), ("num2", f"{item}.1", True)]
    elif last_kind == "sub" and last_num in _LETTERS[:-1]:
        out.append(("sub", _LETTERS[_LETTERS.index(last_num) + 1] + ")", False))
    elif last_kind == "num2":
        n, m = last_num.split(".")
        out += [("num2", f"{n}.{int(m) + 1}", True), ("num3", f"{last_num}.1", True)]
    elif last_kind == "num3":
        n, m, k = last_num.split(".")
        out += [("num3", f"{n}.{m}.{int(k) + 1}", True), ("num2", f"{n}.{int(m) + 1}", True)]
    return out


_FIRST_ROW = re.compile(rf"(?:(A)|(I)|(1)|(1\.1))\.?\s+(?=[{_UP}])")
_FIRST_ROW_AT = re.compile(rf"(?<=\s)(?:A|I|1|1\.1)\.?\s+(?=[{_UP}])")


def _rows(text: str, lead_first: bool = False) -> list[tuple[str, str, int, int]]:
    """(kind, number, start, end) of each row of a table's body `text` (the text right after its header, the first
    row's number first): rows, group rows and sub-rows in the order their numbers go; the last row runs to the end."""
    out: list[tuple[str, str, int, int]] = []
    kinds: list[tuple[str, str]] = []
    first = _FIRST_ROW.match(text)
    if first is None:
        return out
    kind, num = next((k, n) for k, n, g in zip(("part", "group", "item", "num2"), ("A", "I", "1", "1.1"), first.groups(),
                                                 strict=True) if g)
    parts = "A" if kind == "part" else "I" if kind == "group" else ""
    pos = first.end()
    dotted_rows = text[:pos].rstrip().endswith(".")
    while True:
        kinds.append((kind, num))
        best: tuple[int, int, str, str] | None = None
        fallback: tuple[int, int, str, str] | None = None
        stop = _AFTER_TABLE.search(text, pos)  # (no row past the next section, the signature, an annex)
        for k, token, dotted in _next_tokens(kinds, parts):
            for m in _marker(token, dotted).finditer(text, pos, stop.start() if stop else len(text)):
                if best is not None and m.start() >= best[0]:
                    break
                if fallback is None and k in ("item", "num2", "num3") and kind not in ("part", "group"):
                    fallback = (m.start(), m.end(), k, token)
                # a row holds its lead's name before the next row starts ('Tổ chức 2 Hội nghị ...' is a count), unless
                # it is a group's title; a row heading sub-rows names no body ('1 Tuyên truyền ... a) Tổ chức ...')
                named = has_body(text[pos: m.start()])
                heads = (k == "sub" and kind == "item") or token.startswith(num + ".")  # ("5" before "5.1", "a)")
                if kind in ("part", "group") or (not named if heads else named):
                    best = (m.start(), m.end(), k, token.rstrip(")"))
                    break
        best = best or fallback
        # (a number opening a body's sentence, written unlike the rows' numbers ('3.' after rows '1', '2'), is the plan's
        # text again; written like them, a row whose task names its body first: '2 Sở Y tế chủ trì ... | Sở Y tế |')
        if best is None or (not lead_first and _opens_sentence(text[best[1]:])
                            and text[best[0]: best[1]].rstrip().endswith(".") != dotted_rows):
            out.append((kind, num, pos, len(text)))
            return out
        out.append((kind, num, pos, best[0]))
        pos, kind, num = best[1], best[2], best[3]


# the sentence after the table, run into its last row's time cell: a body's name, not governed by the word before it,
# opening a sentence ('... 2026-2030 Các sở, ngành báo cáo kết quả ...'); not a body a time waits on ('Sau khi Bộ X ...')
_AFTER_TIME = re.compile(r"(?<=\s)(?=[A-ZĐÀ-Ỹ])")
# (or the officer of the body named: 'Thủ tướng Chính phủ', 'Chủ tịch Ủy ban nhân dân tỉnh')
_WAITS_ON = re.compile(r"(?:khi|của|theo|do|với|cho|từ|đến|Thủ tướng|Bộ trưởng|Chủ tịch|Giám đốc|Thủ trưởng)\s+$")
# a body in a list, counted or after an opening phrase ('... cho các sở, ngành, UBND các xã ...', '100% UBND các xã ...',
# 'Trong năm 2025, Sở X đã ...'): a cell's text or a sentence started before it, not one opening after the table
_MID_SENTENCE = re.compile(r"(?:\bvà|[,;%])\s+$")


def _table_end(last: str) -> int | None:
    """Where the sentence after the table starts in its last row's text, or None."""
    t = _TIME_START.search(last)
    if t is None:
        return None
    for m in _AFTER_TIME.finditer(last, t.end()):
        if HEAD.match(last[m.start() :]) and not _WAITS_ON.search(last[: m.start()]):
            if _MID_SENTENCE.search(last, max(0, m.start() - 6), m.start()):
                return None
            # (a name's own first words before it: '... của Thủ tướng Chính phủ về việc ...' opens no sentence)
            prev = last[: m.start()].split()[-1:]
            if prev and prev[0][:1].isupper() and not re.search(r"\d", prev[0]):
                return None
            lb = leading_body(last[m.start() :])
            v = find_verb(lb[1][:40]) if lb is not None else None
            return m.start() if v is not None and v.start() == 0 else None
    return None


def rebuild(par: str) -> tuple[str, list[str]] | None:
    """The text before a flattened task table in `par` and the table's pipe rows, or None."""
    found = split_table(par)
    return (found[0], found[1]) if found is not None else None


def split_table(par: str) -> tuple[str, list[str], str] | None:
    """The text before a flattened task table in `par`, the table's pipe rows and the text after it, or None."""
    found = find_table(par)
    if found is None:
        return None
    start, end, rows = found
    return par[:start].rstrip(), rows, par[end:].strip()


def find_table(text: str, start: int = 0) -> tuple[int, int, list[str]] | None:
    """The first flattened task table in `text` at or after `start`: where it starts (its 'TT'), where it ends, and its
    pipe rows; or None."""
    if "TT " not in text:
        return None
    for h in _HEADER.finditer(text, start):
        months = _MONTH_TITLES.search(text, h.end(), h.end() + 400)  # (the first row after a month grid's titles)
        head_end = _FIRST_ROW_AT.search(text, months.end() if months else h.end(), h.end() + 400)
        if head_end is None:
            continue
        header = text[h.end(): head_end.start()]
        numbers = _COLUMN_NUMBERS.search(header)
        if numbers is not None:
            header = header[: numbers.start()]
        titles = _titles(header)
        # a month grid ('... Tháng 1 Tháng 2 ... Tháng 12', each month ticked 'x'): the ticks lose their months once the
        # empty cells are gone, so the grid is dropped and its rows read for their tasks and bodies
        grid = _MONTH_RUN.search(titles[-1]) if titles else None
        if grid is not None:
            titles[-1] = titles[-1][: grid.start()].strip()
            titles = [t for t in titles if t]
        # (the lead's column may come first: 'TT Đơn vị chủ trì Nội dung công việc Đơn vị phối hợp Thời gian')
        lead_first = bool(_NAME_TITLE.match(titles[0])) if titles else False
        name_cols = [t for t in titles[int(not lead_first):] if _NAME_TITLE.match(t)]
        if not (3 - (grid is not None)) <= len(titles) <= _MAX_TITLES or not name_cols or not _TASK_TITLE.fullmatch(titles[0]):
            continue  # ('TT CNTT - Trung tâm Công nghệ thông tin): STT Nội dung ...': 'TT' abbreviating a name)
        if not any(_LEAD_TITLE.search(t) for t in name_cols) and "thực hiện" not in name_cols[0]:
            continue
        timed = any(_TIME_TITLE.match(t) for t in titles[1:])
        body_at = head_end.start()
        body = text[body_at:]
        rows = _rows(body, lead_first)
        if not rows:
            continue
        # the last row runs on into the text after the table: the next section, the signature, an annex
        kind, num, a, b = rows[-1]
        stop = _AFTER_TABLE.search(body, a, b)
        b = stop.start() if stop is not None else b
        if timed and (end := _table_end(body[a:b])) is not None:
            b = a + end
        rows[-1] = (kind, num, a, b)
        # (group rows with no row under them are the text's own headings, not the table's)
        while rows and (rows[-1][0] in ("part", "group") or not body[rows[-1][2]: rows[-1][3]].strip()):
            rows.pop()
        if not rows:
            continue
        cells = [(kind, num, _TICKS.sub("", body[a:b]).strip() if grid else body[a:b].strip()) for kind, num, a, b in rows]
        out = _pipe_rows(titles, name_cols, timed, cells, lead_first)
        if out is not None:
            return h.start(), body_at + rows[-1][3], out
    return None


def _pipe_rows(titles: list[str], name_cols: list[str], timed: bool, rows: list[tuple[str, str, str]],
               lead_first: bool = False) -> list[str] | None:
    """The table's pipe rows (its header first), or None when a task row names no body (no table after all). With
    `lead_first`, each row opens with its lead's name, its task after it opening with a capitalised verb."""
    out = ["| TT | " + " | ".join(titles) + " |", "|" + " --- |" * (len(titles) + 1)]
    found = 0
    at = next((k for k, t in enumerate(titles) if k and _TIME_TITLE.match(t)), -1)
    then = titles[at + 1] if timed and 0 < at < len(titles) - 1 and not _NAME_TITLE.match(titles[at + 1]) else ""
    for i, (kind, num, row) in enumerate(rows):
        heads = i + 1 < len(rows) and (rows[i + 1][0] == "sub" or rows[i + 1][1].startswith(num + "."))
        group = kind in ("part", "group")
        lead = ""
        if lead_first and not group:
            stop = re.search(r"[.;:]\s", row[:200])
            k = body_then_duty(row, 0, stop.start() if stop else min(len(row), 200))
            if k is None and HEAD.match(row) and (lv := _LEVEL_THEN_CAP.search(row, 0, 160)) is not None:
                k = lv.end()  # ('Công an xã Kiểm soát ...': the name ends with its level, the task opens with a capital)
            lead, row = (row[:k].strip(), row[k:]) if k is not None else ("", row)
        cells = None if group or (lead_first and not lead) else _cells(" " + row, len(name_cols) - lead_first, timed, bool(then))
        if lead_first and cells is None and lead and not group:
            cells = (row, [], "", "")  # (a row naming its lead alone)
        if cells is None:
            if not group and not heads and not (len(row) < 160 and not has_body(row)):
                return None  # (a short row naming no body: a group's title only)
            out.append(f"| {num} | {row.replace('|', '/')} |" + " |" * (len(titles) - 1))
            continue
        found += 1
        task, bodies, time, after = cells
        while True:
            more = sub_row(time) if timed and not lead_first else None
            if more is not None:  # (a row of more bodies under the same task, with a time of their own)
                time = time[: len(time) - len(more)].strip()
            out.append(_line(titles, name_cols, [lead, *bodies] if lead_first else bodies, (num, task, time, after), then))
            if more is None:
                break
            _, bodies, time, after = split_at(" " + more, body_starts(" " + more), timed, bool(then))
            num = task = ""
    return out if found else None


def _line(titles: list[str], name_cols: list[str], bodies: list[str], row: tuple[str, str, str, str], then: str) -> str:
    """A pipe row: its number, its task, its bodies in the name columns, its time (and what follows it, `then`)."""
    num, task, time, after = row
    by_title = dict(zip(name_cols, [bodies[k] if k < len(bodies) else "" for k in range(len(name_cols))], strict=True))
    if then:
        by_title[then] = after.strip()
    if not _NAME_TITLE.match(titles[0]):
        line = [num, task] + [by_title.get(t, time if _TIME_TITLE.match(t) else "") for t in titles[1:]]
    else:  # (the lead's column first: the task goes to the first column that names no body)
        task_title = next((t for t in titles if not _NAME_TITLE.match(t) and not _TIME_TITLE.match(t)), "")
        by_title[task_title] = task
        line = [num] + [by_title.get(t, time if _TIME_TITLE.match(t) else "") for t in titles]
    return "| " + " | ".join(c.replace("|", "/") for c in line) + " |"


def row_follows(table: str, par: str) -> bool:
    """Whether `par` opens with the number of the row after the last row of the flattened table in `table` (a row cut
    off as an item of its own once the breaks were put back): numbered as the table's rows are, with a dot or without."""
    m = re.match(rf"([A-D]|[IVX]{{1,4}}|\d{{1,2}}(?:\.\d{{1,2}}){{0,2}})(\.?)\s+(?=[{_UP}])", par)
    h = next(_HEADER.finditer(table), None)
    first = _FIRST_ROW_AT.search(table, h.end()) if m is not None and h is not None else None
    if first is None or m is None:
        return False
    body = table[first.start():]
    rows = _rows(body)
    if not rows or (("." in first.group(0)) != bool(m.group(2)) and "." not in m.group(1)):
        return False  # (a dot where the rows have none: the plan's next item)
    kinds = [(k, n) for k, n, _, _ in rows]
    parts = "A" if kinds[0][0] == "part" else "I" if kinds[0][0] == "group" else ""
    return any(token.rstrip(")") == m.group(1) for _, token, _ in _next_tokens(kinds, parts))
