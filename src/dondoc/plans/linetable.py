"""A task table whose header survived as a pipe row but whose body did not: text copied from a
web page or a PDF gives '| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |' and then every
cell on a line of its own ('1', 'Tổ chức tuyên truyền ...', 'a)', 'Tổ chức hội nghị ...', 'Cục X',
'Vụ Y; các cơ quan liên quan', 'Quý III/2026', 'b)', ...).

The rows are put back together from what each line is: a row starts at a line holding only an
STT ('1', '2.', 'a)', 'II'); after it come the task (the first lines), the lead (the first line
that opens a body's name), the partners (the next such line) and the time (a line that reads as
a timing phrase). A row of one line is a group row.
"""

from __future__ import annotations

import re

from dondoc.plans.bodies import is_body_start

_STT_LINE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVX]{1,4}\.?)$")
_TIME_LINE = re.compile(
    r"^(?:Quý|Quí|Năm|Tháng|Thường xuyên|Hằng|Hàng|Trước|Trong|Từ|Đến|Giai đoạn|Định kỳ|Theo tiến độ|\d{4}\b)", re.I
)
_LEAD_HEAD = re.compile(r"chủ trì|thực hiện", re.I)
# a funding cell: the money column between the partners and the time ('NSNN', 'Ngân sách tỉnh',
# 'NSNN + XHH', 'Nguồn kinh phí thường xuyên', 'Lồng ghép ...') names no body and no date
_FUND_LINE = re.compile(r"^(?:NSNN|NSĐP|NSTW|XHH|Ngân sách|Kinh phí|Nguồn|Vốn|Xã hội hóa|Xã hội hoá|Lồng ghép|Không)\b", re.I)
_PLACE = re.compile(r"^(?:Các|các)\s+(?:điểm|khu vực|khu|địa điểm|vùng|tuyến|làng)\b")
_STT_HEAD = re.compile(r"^(?:STT|TT|Số TT|Số thứ tự)$", re.I)
# the order in which _cells gives a row's cells: the header of a table read from plain lines
CANONICAL = ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]


def plain_header(lines: list[str], start: int) -> int | None:
    """A table header flattened to plain lines ('STT' / 'Nội dung nhiệm vụ' / 'Đơn vị' / 'chủ trì'
    / 'Đơn vị phối hợp' / 'Nguồn kinh phí' / 'Thời gian thực hiện'): a line holding only 'STT' or
    'TT', then short column titles (a title wrapped over two lines continues in lower case), one of
    them naming the lead column. Returns the index of the first line after the header."""
    if not _STT_HEAD.match(lines[start].strip()):
        return None
    titles: list[str] = []
    i = start + 1
    while i < len(lines) and len(titles) < 10:
        s = lines[i].strip()
        if not s or len(s) >= 40 or _STT_LINE.match(s) or "|" in s:
            break
        if titles and s[0].islower():
            titles[-1] += " " + s  # 'Đơn vị' / 'chủ trì'
        else:
            titles.append(s)
        i += 1
    if len(titles) < 2 or not any(_LEAD_HEAD.search(t) for t in titles):
        return None
    return i


def is_bare_header(rows: list[list[str]]) -> bool:
    """A pipe table that is only a header row naming a lead column."""
    return len(rows) == 1 and len(rows[0]) >= 3 and any(_LEAD_HEAD.search(c) for c in rows[0])


def _cells(lines: list[str], ncols: int) -> list[str]:
    """The cells of one row from its lines (STT excluded): task, lead, support, time, in the
    header's order (assumed STT | task | lead | support | time ...)."""
    if len(lines) == ncols - 1 and not any(_FUND_LINE.match(x) for x in lines[1:]):
        return lines
    task: list[str] = []
    lead = support = time = ""
    fund = False
    for k, line in enumerate(lines):
        if lead and _FUND_LINE.match(line):
            fund = True  # the money column: what follows it is the time, never a body
            continue
        if fund and not time and not _TIME_LINE.match(line):
            continue  # a wrapped funding cell ('Ngân sách' / 'tỉnh')
        if time == "" and _TIME_LINE.match(line) and (lead or k > 0):
            time = line
        elif lead == "" and k > 0 and is_body_start(line) and not _PLACE.match(line):  # 'Các điểm du lịch': a place
            lead = line
        elif lead and support == "" and (is_body_start(line) or line[:3].lower() == "các"):
            support = line
        elif lead == "":
            task.append(line)
        elif support:
            support += " " + line  # a wrapped cell
        else:
            lead += " " + line
    return [" ".join(task), lead, support, time][: max(ncols - 1, 4)]


def read_rows(lines: list[str], start: int, header: list[str]) -> tuple[list[list[str]], int]:
    """Rows of a table written one cell per line, from lines[start]; returns the rows (header
    first, extended by header lines that follow it) and the index of the first line after them."""
    header = list(header)
    i = start
    while i < len(lines) and lines[i].strip() and not _STT_LINE.match(lines[i].strip()) and len(lines[i].strip()) < 40:
        header.append(lines[i].strip())  # 'Thời gian thực hiện': a header cell on a line of its own
        i += 1
    rows: list[list[str]] = [header]
    cur: list[str] | None = None
    stt = ""
    while i < len(lines):
        s = lines[i].strip()
        if s == "\x00":
            i += 1  # a page marker between two rows (blocks._drop_page_marks)
            continue
        if not s:
            # a page break inside the table: blank lines, perhaps the page's number, then the next row
            j = i
            while j < len(lines) and (not lines[j].strip() or lines[j] == "\x00"):
                j += 1
            nxt = lines[j].strip() if j < len(lines) else ""
            if re.fullmatch(r"\d{1,3}", nxt) and not (stt.isdigit() and int(nxt) == int(stt) + 1):
                j += 1  # the page's number (a row's number would follow the row above)
                while j < len(lines) and not lines[j].strip():
                    j += 1
            if cur is not None and j < len(lines) and _STT_LINE.match(lines[j].strip()) and j - i <= 4:
                i = j
                continue
            break
        if s.startswith(("Nơi nhận", "PHỤ LỤC", "*Nơi nhận")):
            break
        if _STT_LINE.match(s):
            if cur is not None:
                rows.append([stt, *_cells(cur, len(header))])
            stt, cur = s.rstrip(".)"), []
        elif cur is not None:
            cur.append(s)
        i += 1
    if cur is not None:
        rows.append([stt, *_cells(cur, len(header))])
    return rows, i


# A row whose cells ran together on one line (a table pasted as one run, its rows put back at their numbers):
# 'a) Tổ chức hội nghị tập huấn. Phòng Y tế Trạm Y tế các xã; các cơ quan liên quan Quý III/2026'
_RUN_TIME = re.compile(
    r"(?<!\S)(?:(?:Quý|Quí)\s+[IV]{1,3}(?:\s*[,–-]\s*[IV]{1,3})*(?:\s*/\s*\d{4})?(?:\s*,\s*\d{4})*"
    r"|(?:Tháng|Năm)\s+\d{1,2}(?:/\d{4})?|Năm\s+\d{4}|(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?"
    r"|Thường xuyên|H[ằà]ng\s+(?:năm|quý|tháng)|Định kỳ|Trước ngày\s+\S+)(?=[\s.,;]|$)"
)
# words after which a capitalised name is the task's object, not the next cell ('phối hợp với Sở Y tế')
_OBJECT_OF = re.compile(r"(?:với|cho|của|tại|đến|và|về|theo|thuộc|trên|giữa|từ|qua|gửi|trình|để|do)$", re.I)
_RUN_STT = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]?\s+(?=[A-ZĐÀ-Ỹ])")


def _name_starts(text: str) -> list[int]:
    """Where a body's name opens (a capitalised head word), outside the task's objects."""
    out = []
    for m in re.finditer(r"(?:(?<=\s)|^)(?=[A-ZĐÀ-Ỹ])", text):
        p = m.start()
        if p and text[p].isupper() and is_body_start(text[p:]) and not _OBJECT_OF.search(text[:p].rstrip()):
            out.append(p)
    return out


def run_cells(text: str) -> list[str]:
    """A row's cells run together, read in the order of a task table (task, lead, partners, time): the
    task is the text up to the first body's name; a name opening with no ',', ';' or 'và' before it
    starts the next cell (the lead's cell, then the partners'); the first time phrase after the names
    closes them. ['', '', '', ''] when no name follows the task."""
    starts = [p for p in _name_starts(text) if p >= 8]
    if not starts:
        return [text.strip(), "", "", ""]
    first = starts[0]
    tm = _RUN_TIME.search(text, first)
    names_end = tm.start() if tm else len(text)
    time = tm.group(0) if tm else ""
    cells: list[str] = []
    last = first
    for p in [q for q in starts if first < q < names_end]:
        before = text[last:p].rstrip()
        if before.endswith((",", ";")) or re.search(r"\svà$", before):
            continue  # 'Cục X, Sở Y': one cell listing two names
        cells.append(text[last:p])
        last = p
    cells.append(text[last:names_end])
    cells = [c.strip(" ,;") for c in cells]
    task = text[:first].strip()
    rest = text[tm.end():].strip(" ,;.") if tm else ""
    if rest and not is_body_start(rest):
        task += " " + rest  # the task's last words, wrapped after the row's other cells
    return [task, cells[0], "; ".join(cells[1:]), time]


def run_rows(lines: list[str], start: int, header: list[str]) -> tuple[list[list[str]], int] | None:
    """A bare header (a lead column named) over rows whose cells ran together, each row a paragraph opening
    with its number ('1 ...', 'a) ...'; a number that follows its sequence may also stand inside a paragraph,
    'Thường xuyên 2 Rà soát ...'). Returns the rows (CANONICAL header first) and the index after them, or
    None when fewer than two rows name a lead."""
    from dondoc.plans.gridheader import _TITLE_WORDS  # (gridheader reads bodies, as this module does)

    i = start
    texts: list[tuple[int, str]] = []
    while i < len(lines):
        s = lines[i].strip()
        if not s or s == "\x00":
            i += 1
            continue
        if not texts:
            while (m := _TITLE_WORDS.match(s)) is not None:
                s = s[m.end() :].strip()  # a header title left over before the first row ('Thời gian thực hiện')
        if not _RUN_STT.match(s):
            break
        texts.append((i, s))
        i += 1
    rows: list[list[str]] = [list(CANONICAL)]
    plain = ""  # the last plain number read ('2' of '2', not of 'b)')
    for _, s in texts:
        rest = s
        while (sm := _RUN_STT.match(rest)) is not None:
            number, body = sm.group(1), rest[sm.end() :]
            plain = number if number.isdigit() else plain
            nxt = str(int(plain) + 1) if plain else ""
            # the next number inside the paragraph, after a row's time or a sentence's end
            m = re.search(rf"(?<=[.\w/])\s+(?={nxt}\.?\s+[A-ZĐÀ-Ỹ])", body) if nxt else None
            if m and not (body[: m.start()].endswith(".") or _RUN_TIME.search(body[max(0, m.start() - 25) : m.start()] + " ")):
                m = None
            rows.append([number, *run_cells(body[: m.start()] if m else body)])
            rest = body[m.end() :] if m else ""
    if sum(1 for r in rows[1:] if r[2]) < 2:
        return None
    return rows, i
