"""A row of a task table pasted as one run of words (plans.flattable), cut into its cells.

In a row, the task comes first; the first name of a body not governed by a word before it ('với', 'của', 'cho', a verb
taking a body: 'trình Chính phủ') opens the bodies' cells; a name that does not go on a list (no ',', ';', 'và' before
it) opens the next cell; the time cell opens with a time word in capitals ('Quý', 'Năm', 'Tháng', 'Thường xuyên', 'Kỳ
họp' ...) or a bare date. A head word alone ('Văn phòng', 'Ban', 'Hội') names no body: the cell goes on with the name
it heads; nor does a name after an officer's title or a dash ('Thủ tướng Chính phủ', 'Vụ Công chức - Viên chức') open
a cell. The task's text may name bodies too: one the task's sentence ends after, one in brackets, one followed by its
own verb and object ('hướng dẫn UBND các xã rà soát ...') is the task's; and when a row has a name cell too many, the
first, right after a verb taking a body ('... để tổng hợp, báo cáo Ủy ban nhân dân tỉnh'), is the task's object.
"""

from __future__ import annotations

import re

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.bodies import _BARE_ORG, HEAD, leading_body
from dondoc.plans.verbs import find_verb

# (a date, a month or a year alone: '30/6/2023', '02/2023', '2026'; not one a sentence writes: 'trước ngày 15/12/2026')
TIME_START = re.compile(
    r"(?<=\s)(?=(?:Quý|Quí|Năm|Tháng|Thường xuyên|Hằng|Hàng|Trước|Trong|Từ|Đến|Giai đoạn|Định kỳ|Kỳ họp|Sau khi|Theo tiến độ|"
    r"(?<!ngày )(?<!tháng )(?<!năm )(?:\d{1,2}/){0,2}(?:19|20)\d{2})(?![\wÀ-ỹ]))")
# a body's name governed by the word before it is part of the task ('phối hợp với Sở Y tế', 'của Bộ Công an')
# (or by a verb whose object is a body: 'để trình Chính phủ', 'tham mưu Ủy ban nhân dân tỉnh'; not 'toàn trình', a service
# online end to end)
# ('Kiện toàn Ban Chỉ đạo ...', 'Thủ tướng Chính phủ phê duyệt ...': the object of the row's opening verb, an officer's body)
_GOVERNED = re.compile(r"(?<![\wÀ-ỹ])(?:với|của|cho|về|tại|đến|từ|trên|trong|theo|do|giữa|các|thuộc|(?<!toàn )[Tt]rình|[Bb]áo cáo|[Tt]ham mưu|"
                       r"[Hh]ướng dẫn|[Đđ]ề nghị|[Kk]iến nghị|[Gg]ửi|[Gg]iúp|lấy ý kiến|xin ý kiến|[Kk]iện toàn|[Tt]hành lập|"
                       r"[Cc]hỉ đạo|[Đđ]ôn đốc|Thủ tướng|Bộ trưởng|Chủ tịch|Giám đốc|Thủ trưởng)\s+(?:(?:TW|Trung ương)\s+)?$")
# a name, then the list going on: the next name is governed as the first was
_LIST_GOES_ON = re.compile(rf"[^.:\d]{{1,80}}?(?:,|;|\svà)\s+(?:[{_UP}][\wÀ-ỹ]*\s+){{0,2}}")
_HEAD_WORD_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:Bộ|Sở|Ban|Cục|Vụ|Viện|Phòng)\s+$")
# an officer's title or a dash before a body's name makes one name of the two ('Thủ tướng Chính phủ', 'Chủ tịch UBND
# tỉnh', 'Vụ Công chức - Viên chức')
_OFFICER = re.compile(r"(?:Thủ tướng|Bộ trưởng|Chủ tịch|Giám đốc|Thủ trưởng|Trưởng|[-–])\s+$")
_BARE_HEAD = re.compile(r"(?:Hiệp hội|Hội|Liên hiệp|Tổng cục|Chi nhánh|Tổng công ty|Công ty)$")
_LEVEL_END = re.compile(r"\s(?:Trung ương|TW|T\.Ư)$")
_NO_NAME = re.compile(r"\s(?:qua|để|nhằm|bằng)\s")
_ABBR_ALONE = re.compile(r"[A-ZĐ]{2,6}\s+")
_IN_LIST = re.compile(r"(?:[,;/(]|\bvà)\s*$")


def body_starts(row: str) -> list[int]:
    """Where the names of bodies not governed by the word before them open in a row (nor by the word before the list
    they go on: 'phối hợp với TW Hội Nông dân Việt Nam, TW Hội LHPN Việt Nam'; nor after an officer's title or a dash).
    """
    out: list[int] = []
    governed: int | None = None  # where the last governed name starts
    for m in re.finditer(r"(?<=\s)(?=[A-ZĐÀ-Ỹ])", row):
        k = m.start()
        if not HEAD.match(row[k:]):
            continue
        if _GOVERNED.search(row, max(0, k - 30), k) or (governed is not None and _LIST_GOES_ON.fullmatch(row, governed, k)):
            governed = k
            continue
        if _OFFICER.search(row, max(0, k - 12), k):
            continue
        if out and _HEAD_WORD_BEFORE.search(row, max(0, k - 12), k) and not row.startswith("Các ", k):
            continue  # ('Bộ Công an': 'Công an' goes on the name its head word opens; 'thuộc Bộ Các cơ quan ...' not)
        out.append(k)
    return out


def has_body(row: str) -> bool:
    return bool(body_starts(" " + row))


_STOP = re.compile(r"\.(?:\s|$)")
_LOWER_WORD = re.compile(r"(?<!\S)[a-zđà-ỹ]+(?!\S)")


def in_task(row: str, at: int, timed: bool) -> bool:
    """Whether the body named at `at` belongs to the task's text rather than opening the bodies' cells: the task's
    sentence ends after it ('... tham mưu UBND tỉnh ban hành quy định. Sở Tài chính ...'), it stands in brackets, or a
    clause follows its name (its verb and the verb's object: '... hướng dẫn UBND các xã xây dựng kế hoạch ...'). A cell
    holds names only, and the task is written before them."""
    if row.count("(", 0, at) > row.count(")", 0, at):
        return True  # (in brackets: '... về Sở Nội vụ (qua Phòng X) ...')
    t = TIME_START.search(row, at) if timed else None
    end = t.start() if t else len(row)
    if _STOP.search(row, at, end):
        return True
    lb = leading_body(row[at: min(end, at + 200)])
    if lb is None or not lb[1][:1].islower() or lb[0].endswith("("):
        return False  # (a note in brackets after the name is no clause: '... Việt Nam (đề nghị chủ trì)')
    v = find_verb(lb[1][:40])
    return v is not None and v.start() == 0 and len(_LOWER_WORD.findall(lb[1][:60])) >= 4


# verbs whose object is a body, closing a task's text: the name after them is the object, when a cell is too many
_TAKES_BODY = re.compile(r"(?:báo cáo|tham mưu|trình|hướng dẫn|đề nghị|giúp|chỉ đạo|đôn đốc|gửi|về)\s+$")


def cells(row: str, names: int, timed: bool, then: bool = False) -> tuple[str, list[str], str, str] | None:
    """The task, the bodies' cells (at most `names`, the last one holding any more), the time of a row and, `then`
    (a column after the time's: 'Sản phẩm', 'Ghi chú'), what follows the time."""
    starts = body_starts(row)
    while len(starts) > 1 and _NO_NAME.search(row, starts[0], starts[1]):
        starts = starts[1:]  # ('Nhắc hạn đóng BHXH tự nguyện qua SMS, VssID Trung tâm ...': a name holds no such word)
    if not starts:
        return None
    k = next((i for i, s in enumerate(starts) if not in_task(row, s, timed)), 0)
    task, found, time, after = split_at(row, starts[k:], timed, then)
    while names and len(found) > names and _TAKES_BODY.search(row, max(0, starts[k] - 14), starts[k]):
        # one cell too many and the first is the object of the task's last verb ('... để tổng hợp, báo cáo Ủy ban nhân
        # dân tỉnh | Ủy ban nhân dân các xã | Các cơ quan liên quan'): it ends the task
        k = next((i for i in range(k + 1, len(starts)) if row[starts[k]: starts[i]].rstrip()[-1:] not in ",;"), len(starts))
        if k == len(starts):
            break
        task, found, time, after = split_at(row, starts[k:], timed, then)
    if names and len(found) > names:
        found = [*found[: names - 1], " ".join(found[names - 1:])]
    return (task, found, time, after) if task else None


def split_at(row: str, starts: list[int], timed: bool, then: bool = False) -> tuple[str, list[str], str, str]:
    """The task before `starts[0]`, the bodies' cells from there, the time cell and (`then`) what follows the time."""
    first = starts[0]
    task = row[:first].strip(" ,;")
    rest = row[first:]
    time = after = ""
    if timed:
        t = TIME_START.search(rest)
        if t is not None:
            rest, time = rest[: t.start()], rest[t.start():].strip()
            if then and (e := _time_end(time)) is not None:
                time, after = time[:e].rstrip(" ,;"), time[e:]
    cuts = [0]
    for i, s in enumerate(starts[1:], 1):
        cell = rest[cuts[-1] : s - first].strip()
        if cell.count("(") > cell.count(")"):
            continue  # ('Bộ Y tế (Cơ quan thường trực Ban Chỉ đạo)': a note in brackets names no cell of its own)
        if s - first >= len(rest) or _IN_LIST.search(row[first:s]) or _BARE_ORG.match(cell) or _BARE_HEAD.match(cell) or _LEVEL_END.search(cell):
            continue  # ('Văn phòng Ủy ban nhân dân tỉnh': a head word alone names no body, the cell goes on; so does
            # a name ending in its level before its organ: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam')
        if i + 1 < len(starts) and _ABBR_ALONE.fullmatch(row, s, starts[i + 1]):
            continue  # ('Trường Đào tạo nghiệp vụ BHXH Ban Tổ chức cán bộ': an abbreviation ends the name before it)
        cuts.append(s - first)
    out = [rest[a:b].strip(" ,;") for a, b in zip(cuts, [*cuts[1:], len(rest)], strict=True)]
    return task, [c for c in out if c], time, after


# the words of a time ('Quý II, III/2023', 'Từ ngày 25/5 đến ngày 31/5 hằng năm', 'Tháng 7/2023; tháng 12/2023'): the first
# capitalised word that is none of them opens the next cell ('... Quý II/2023 Chương trình phối hợp')
_TIME_WORD = re.compile(r"(?:Quý|Quí|Năm|Tháng|Ngày|Thường xuyên|Hằng|Hàng|Trước|Trong|Từ|Đến|Giai đoạn|Định kỳ|Kỳ họp|"
                        r"Sau|Theo|Đợt|Dịp|Tết|[IVX]{1,4})(?![\wÀ-ỹ])")


def _time_end(time: str) -> int | None:
    for m in re.finditer(rf"(?<=\s)(?=[{_UP}])", time):
        if not _TIME_WORD.match(time, m.start()):
            return m.start()
    return None


def sub_row(time: str) -> str | None:
    """A row's time cell run into a row below it that names more bodies under the same task, each with its own time
    ('Thường xuyên Sở Giáo dục và Đào tạo Các trường học Năm học 2025 - 2026'): that row's text, or None."""
    for k in body_starts(time):
        t = TIME_START.search(time, k)
        if t and not in_task(time, k, True) and find_verb(time[k: t.start()]) is None:  # (names only, then its time)
            return time[k:]
    return None
