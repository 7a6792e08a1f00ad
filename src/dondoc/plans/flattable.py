"""A task table pasted from a web page as one run of words: its cells joined by spaces, its rows run on.

A law-library page copies a table cell by cell, each cell's words joined to the next cell's with a space and no mark
of the grid: 'TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện 1 Rà soát văn bản Sở Tư pháp Sở Nội
vụ, các sở, ngành Quý IV năm 2024 2 ...'. How such a table is written makes it readable again:
- the header is 'TT' (or 'STT') and short column titles, each opening with its own words ('Cơ quan ...', 'Đơn vị
  ...', 'Thời gian ...', 'Thời hạn ...', 'Kinh phí', 'Sản phẩm', 'Ghi chú'); one names the lead ('chủ trì');
- rows open with their number, in order (1, 2, 3 ...), before a capital;
- in a row, the task comes first; the first name of a body not governed by a word before it ('với', 'của', 'cho')
  opens the bodies' cells; a name that does not go on a list (no ',', ';', 'và' before it) opens the next cell; the
  time cell opens with a time word in capitals ('Quý', 'Năm', 'Tháng', 'Thường xuyên', 'Kỳ họp' ...).
- a head word alone ('Văn phòng', 'Ban') names no body: the cell goes on with the name it heads; nor does a name after
  an officer's title or a dash ('Thủ tướng Chính phủ', 'Vụ Công chức - Viên chức') open a cell;
- the task's text may name bodies too: one the task's sentence ends after, one in brackets, one followed by its own
  verb and object ('hướng dẫn UBND các xã rà soát ...') is the task's; and when a row has a name cell too many, the
  first, right after a verb taking a body ('... để tổng hợp, báo cáo Ủy ban nhân dân tỉnh'), is the task's object;
- a table of reports is read the same way: its sender column ('Đơn vị báo cáo') leads, 'Nơi nhận' is a name column;
- the last row runs on into the sentence after the table: that sentence opens, after the time cell, with a body's
  name and its task verb ('... 2026-2030 Các sở, ngành báo cáo kết quả ...').
`split_table(par)` returns the text before the table, its pipe rows and the text after it; `rebuild(par)` returns the text before the table and the table as pipe rows (read by the parser's table reader), or
None when the paragraph holds no such table.
"""

from __future__ import annotations

import re

from dondoc.plans.bodies import _BARE_ORG, HEAD, leading_body
from dondoc.plans.verbs import find_verb

_HEADER = re.compile(r"(?:^|(?<=\s))(?:STT|TT)\s+(?=[A-ZĐÀ-Ỹ])")
_TITLE_START = re.compile(
    r"\s(?=(?:Cơ quan|Đơn vị|Thời gian|Thời hạn|Tiến độ|Kinh phí|Nguồn kinh phí|Sản phẩm|Kết quả|Ghi chú|Hồ sơ|"
    r"Lãnh đạo|Chủ trì|Phối hợp|Địa điểm|Dự kiến|Nơi nhận)(?![\wÀ-ỹ]))")
_TIME_TITLE = re.compile(r"^(?:Thời gian|Thời hạn|Tiến độ|Dự kiến)")
_NAME_TITLE = re.compile(r"^(?:Cơ quan|Đơn vị|Lãnh đạo|Chủ trì|Phối hợp|Nơi nhận)")
# the column naming who leads: a task's lead ('Cơ quan chủ trì'), a report's sender ('Đơn vị báo cáo', 'Cơ quan gửi')
_LEAD_TITLE = re.compile(r"chủ trì|(?:Cơ quan|Đơn vị) (?:báo cáo|gửi)")
_TIME_START = re.compile(
    r"(?<=\s)(?=(?:Quý|Quí|Năm|Tháng|Thường xuyên|Hằng|Hàng|Trước|Trong|Từ|Đến|Giai đoạn|Định kỳ|Kỳ họp|Sau khi|Theo tiến độ|"
    r"(?<!ngày )(?<!tháng )(?<!năm )(?:\d{1,2}/){0,2}(?:19|20)\d{2})(?![\wÀ-ỹ]))")
# (a date, a month or a year alone: '30/6/2023', '02/2023', '2026'; not one a sentence writes: 'trước ngày 15/12/2026')
# a body's name governed by the word before it is part of the task ('phối hợp với Sở Y tế', 'của Bộ Công an')
_GOVERNED = re.compile(r"(?:với|của|cho|về|tại|đến|từ|trên|trong|theo|do|giữa|các|thuộc)\s+$")
_IN_LIST = re.compile(r"(?:[,;/(]|\bvà)\s*$")
_MAX_TITLES = 9


def _titles(header: str) -> list[str]:
    return [t.strip() for t in _TITLE_START.split(header) if t.strip()]


_LABEL = re.compile(r"(?<=\s)([A-D]|[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=[A-ZĐÀ-Ỹ])")
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def _kind(label: str) -> str:
    return "D" if "." in label else "N" if label[0].isdigit() else "R" if label in _ROMAN else "L"


def _follows(label: str, last: dict[str, str], prev: str) -> bool:
    """Whether `label` is the next row's number after the rows numbered so far (`last` by kind, `prev` the last one):
    the next of its kind ('2' after '1', 'II' after 'I', 'B' after 'A', '1.2' after '1.1'), or the first under the row
    before ('1' under a group 'I' or 'A', 'I' under 'A', '1.1' under '1')."""
    k = _kind(label)
    if k == "N":
        return int(label) == int(last.get("N", "0")) + 1 or (label == "1" and _kind(prev) in "RL")
    if k == "D":
        a, b = label.split(".")
        if _kind(prev) == "N":
            return a == prev and b == "1"
        return "D" in last and last["D"].split(".")[0] == a and int(b) == int(last["D"].split(".")[1]) + 1
    if k == "R":
        i = _ROMAN.index(label)
        return (i == 0 and _kind(prev) == "L") or ("R" in last and _ROMAN.index(last["R"]) == i - 1) or (i == 0 and not last)
    return (label == "A" and not last) or ("L" in last and ord(label) == ord(last["L"]) + 1)


def _child(label: str, prev: str) -> bool:
    """'1.1' under '1', '1' under 'I' or 'A', 'I' under 'A': the first row under a group's row."""
    k, p = _kind(label), _kind(prev)
    return (k == "D" and p == "N") or (k == "N" and p in "RL") or (k == "R" and p == "L")


def row_follows(table: str, par: str) -> bool:
    """Whether `par` opens with the number of the row after the last row of the flattened table in `table`."""
    m = re.match(r"([A-D]|[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})?)(\.?)\s+(?=[A-ZĐÀ-Ỹ])", par)
    h = next(_HEADER.finditer(table), None)
    if m is None or h is None:
        return False
    first = re.compile(r"(?<=\s)(?:1|I|A)(\.?)\s+(?=[A-ZĐÀ-Ỹ])").search(table, h.end())
    rows = _rows(table[first.start():]) if first else []
    if not rows or first is None or (first.group(1) != m.group(2) and "." not in m.group(1)):
        return False  # (numbered as the table's rows are, with a dot or without: not the plan's next item)
    last: dict[str, str] = {}
    for label, _ in rows:
        k = _kind(label)
        last = {x: v for x, v in last.items() if "LRND".index(x) < "LRND".index(k)} | {k: label}
    return _follows(m.group(1), last, rows[-1][0])


def _rows(text: str) -> list[tuple[str, str]]:
    """(number, text) of each row, numbered in order: '1 ...', '2 ...', or in groups ('I Công tác tuyên truyền 1 ...
    2 ... II ...', 'A ... I ... 1 ...', '1 Tuyên truyền 1.1 ... 1.2 ...'), each number before a capital."""
    out: list[tuple[str, str]] = []
    start = re.match(r"(1|I|A)\.?\s+(?=[A-ZĐÀ-Ỹ])", text)
    if start is None:
        return out
    label, body_start = start.group(1), start.end()
    last = {_kind(label): label}
    while True:
        # (a row holds its lead's name: a number before it is a count in the task, 'Tổ chức 2 Hội nghị sơ kết ...';
        # a group's row holds its title only)
        found = [x for x in _LABEL.finditer(text, body_start) if _follows(x.group(1), last, label)]
        nxt = next((x for x in found if _has_body(text[body_start: x.start()])
                    or ((_child(x.group(1), label) or _kind(label) in "RL") and x.start() - body_start < 160)), found[0] if found else None)
        if nxt is None:
            out.append((label, text[body_start:].strip()))
            return out
        out.append((label, text[body_start: nxt.start()].strip()))
        label, body_start = nxt.group(1), nxt.end()
        k = _kind(label)
        last = {x: v for x, v in last.items() if "LRND".index(x) < "LRND".index(k)} | {k: label}
        if body_start >= len(text):
            return out


# an officer's title or a dash before a body's name makes one name of the two ('Thủ tướng Chính phủ', 'Chủ tịch UBND
# tỉnh', 'Vụ Công chức - Viên chức')
_OFFICER = re.compile(r"(?:Thủ tướng|Bộ trưởng|Chủ tịch|Giám đốc|Thủ trưởng|Trưởng|[-–])\s+$")


def _body_starts(row: str) -> list[int]:
    """Where the names of bodies not governed by the word before them open in a row."""
    return [m.start() for m in re.finditer(r"(?<=\s)(?=[A-ZĐÀ-Ỹ])", row) if HEAD.match(row[m.start():])
            and not _GOVERNED.search(row[: m.start()]) and not _OFFICER.search(row, max(0, m.start() - 12), m.start())]


def _has_body(row: str) -> bool:
    return bool(_body_starts(" " + row))


_STOP = re.compile(r"\.(?:\s|$)")
_LOWER_WORD = re.compile(r"(?<!\S)[a-zđà-ỹ]+(?!\S)")


def _in_task(row: str, at: int, timed: bool) -> bool:
    """Whether the body named at `at` belongs to the task's text rather than opening the bodies' cells: the task's
    sentence ends after it ('... tham mưu UBND tỉnh ban hành quy định. Sở Tài chính ...'), it stands in brackets, or a clause follows its
    name (its verb and the verb's object: '... hướng dẫn UBND các xã xây dựng kế hoạch ...'). A cell holds names
    only, and the task is written before them."""
    if row.count("(", 0, at) > row.count(")", 0, at):
        return True  # (in brackets: '... về Sở Nội vụ (qua Phòng X) ...')
    t = _TIME_START.search(row, at) if timed else None
    end = t.start() if t else len(row)
    if _STOP.search(row, at, end):
        return True
    lb = leading_body(row[at: min(end, at + 200)])
    if lb is None or not lb[1][:1].islower():
        return False
    v = find_verb(lb[1][:40])
    return v is not None and v.start() == 0 and len(_LOWER_WORD.findall(lb[1][:60])) >= 4


def _cells(row: str, names: int, timed: bool) -> tuple[str, list[str], str] | None:
    """The task, the bodies' cells (at most `names`, the last one holding any more) and the time of a row."""
    starts = _body_starts(row)
    if not starts:
        return None
    k = next((i for i, s in enumerate(starts) if not _in_task(row, s, timed)), 0)
    task, cells, time = _split_at(row, starts[k:], timed)
    while names and len(cells) > names and _TAKES_BODY.search(row, max(0, starts[k] - 14), starts[k]):
        # one cell too many and the first is the object of the task's last verb ('... để tổng hợp, báo cáo Ủy ban nhân
        # dân tỉnh | Ủy ban nhân dân các xã | Các cơ quan liên quan'): it ends the task
        k = next((i for i in range(k + 1, len(starts)) if row[starts[k]: starts[i]].rstrip()[-1:] not in ",;"), len(starts))
        if k == len(starts):
            break
        task, cells, time = _split_at(row, starts[k:], timed)
    if names and len(cells) > names:
        cells = [*cells[: names - 1], " ".join(cells[names - 1:])]
    return (task, cells, time) if task else None


# verbs whose object is a body, closing a task's text: the name after them is the object, when a cell is too many
_TAKES_BODY = re.compile(r"(?:báo cáo|tham mưu|trình|hướng dẫn|đề nghị|giúp|chỉ đạo|đôn đốc|gửi|về)\s+$")


def _split_at(row: str, starts: list[int], timed: bool) -> tuple[str, list[str], str]:
    """The task before `starts[0]`, the bodies' cells from there and the time cell."""
    first = starts[0]
    task = row[:first].strip(" ,;")
    rest = row[first:]
    time = ""
    if timed:
        t = _TIME_START.search(rest)
        if t is not None:
            rest, time = rest[: t.start()], rest[t.start():].strip()
    cuts = [0]
    for s in starts[1:]:
        if s - first < len(rest) and not _IN_LIST.search(row[first:s]) and not _BARE_ORG.match(rest[cuts[-1] : s - first].strip()):
            cuts.append(s - first)  # ('Văn phòng Ủy ban nhân dân tỉnh': a head word alone names no body, the cell goes on)
    cells = [rest[a:b].strip(" ,;") for a, b in zip(cuts, [*cuts[1:], len(rest)], strict=True)]
    return task, [c for c in cells if c], time


# the sentence after the table, run into its last row's time cell: a body's name, not governed by the word before it,
# opening a sentence ('... 2026-2030 Các sở, ngành báo cáo kết quả ...'); not a body a time waits on ('Sau khi Bộ X ...')
_AFTER_TIME = re.compile(r"(?<=\s)(?=[A-ZĐÀ-Ỹ])")
_WAITS_ON = re.compile(r"(?:khi|của|theo|do|với|cho|từ|đến)\s+$")
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
            return m.start() if leading_body(last[m.start() :]) is not None else None
    return None


def _sub_row(time: str) -> tuple[str, list[str], str] | None:
    """A row's time cell run into a row below it that names more bodies under the same task, each with its own time
    ('Thường xuyên Sở Giáo dục và Đào tạo Các trường học Năm học 2025 - 2026'): (its text, [], '') or None."""
    for k in _body_starts(time):
        t = _TIME_START.search(time, k)
        if t and not _in_task(time, k, True) and find_verb(time[k: t.start()]) is None:  # (names only, then its time)
            return (time[k:], [], "")
    return None


def rebuild(par: str) -> tuple[str, list[str]] | None:
    """The text before a flattened task table in `par` and the table's pipe rows, or None."""
    found = split_table(par)
    return (found[0], found[1]) if found is not None else None


def split_table(par: str) -> tuple[str, list[str], str] | None:
    """The text before a flattened task table in `par`, the table's pipe rows and the text after it, or None."""
    if "chủ trì" not in par and "Nơi nhận" not in par:
        return None
    for h in _HEADER.finditer(par):
        head_end = re.compile(r"(?<=\s)(?:1|I|A)\.?\s+(?=[A-ZĐÀ-Ỹ])").search(par, h.end(), h.end() + 400)
        if head_end is None:
            continue
        titles = _titles(par[h.end(): head_end.start()])
        if not 3 <= len(titles) <= _MAX_TITLES or not any(_LEAD_TITLE.search(t) for t in titles[1:]):
            continue
        name_cols = [t for t in titles[1:] if _NAME_TITLE.match(t)]
        timed = any(_TIME_TITLE.match(t) for t in titles[1:])
        rows = _rows(par[head_end.start():])
        after = ""
        if timed and rows and (end := _table_end(rows[-1][1])) is not None:
            rows[-1], after = (rows[-1][0], rows[-1][1][:end].rstrip()), rows[-1][1][end:]
        out = ["| TT | " + " | ".join(titles) + " |", "|" + " --- |" * (len(titles) + 1)]
        for num, text in rows:
            cells = _cells(text, len(name_cols), timed)
            if (cells is None and _kind(num) in "RL") or (cells is None and len(text) < 160 and not _has_body(text)):
                cells = (text, [], "")  # a group's row: its title only
            if cells is None:
                return None
            while cells is not None:
                task, bodies, time = cells
                cells = _sub_row(time) if timed else None
                if cells is not None:  # (a row of more bodies under the same task, with a time of their own)
                    time = time[: len(time) - len(cells[0])].strip()
                    cells = ("", *_split_at(" " + cells[0], _body_starts(" " + cells[0]), timed)[1:])
                row = [num, task] + [bodies[k] if k < len(bodies) else "" for k in range(len(name_cols))]
                by_title = dict(zip(name_cols, row[2:], strict=True))
                line = [num, task] + [by_title.get(t, time if _TIME_TITLE.match(t) else "") for t in titles[1:]]
                out.append("| " + " | ".join(c.replace("|", "/") for c in line) + " |")
                num = ""
        if len(out) > 2:
            return par[: h.start()].rstrip(), out, after
    return None
