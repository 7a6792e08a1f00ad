"""The vocabulary of a task table whose grid was lost (see `gridless`): the patterns of its row numbers,
group rows, times and funding cells, and the reading of its header (one or several pipe rows, or plain
title lines) into column roles."""

from __future__ import annotations

import re

from dondoc.plans.gazetteer import entries
from dondoc.plans.text import strip_markup
from dondoc.plans.verbs import VERBS

CANONICAL = ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"

# words a task cell opens with, beyond the verbs that end a body's name ('Nâng cấp', 'Chỉnh trang'
# are verbs too but never follow a name in running text)
_OPENERS = sorted(
    {v for v in VERBS if " " in v or len(v) > 3}
    | {"nâng cấp", "chỉnh trang", "xúc tiến", "kết nối", "đào tạo", "bồi dưỡng", "đầu tư", "tổng kết", "sơ kết",
       "đánh giá", "thí điểm", "số hóa", "số hoá", "chuyển đổi", "hoàn thiện", "ban hành", "thu hút", "quảng bá",
       "nâng cao", "bảo tồn", "phục dựng", "trưng bày", "mở rộng", "cải tạo", "hình thành", "tham gia", "thành lập",
       "phát hành", "sản xuất", "thiết kế", "cải thiện", "giới thiệu", "trồng", "bảo trì", "biên tập", "in ấn", "ký kết",
       "kêu gọi", "vận động", "tăng cường", "khai thác", "quy hoạch", "lập", "đăng ký", "công nhận", "tôn vinh", "khen thưởng"},
    key=len, reverse=True,
)
_OPENER = re.compile(r"^(?:" + "|".join(re.escape(v) for v in _OPENERS) + r")(?![\wÀ-ỹ])", re.I)
# a row's number: '4.', '2.3.', '2.3' ahead of its task; '4' without a dot only before a task verb written
# with its capital ('4 Xây dựng ...', '4 Tổ chức ...'), the same words a task cell opens with
_CAP_OPENER = "|".join(re.escape(v[:1].upper() + v[1:]) for v in _OPENERS)
_STT_PLAIN = re.compile(
    r"^(?!\d{1,2}\s*[–-]\s*\d)(\d{1,2}(?:\.\d{1,2})*)(?:\.(?:\s+|$)|$|\s{2,}|(?<=\d\.\d)\s+|(?<=\d\.\d\d)\s+"
    rf"|\s+(?=(?:{_CAP_OPENER})(?![\wÀ-ỹ])))"
)
_STT_CELL = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?(?:\s+|$)")
_GROUP_PLAIN = re.compile(rf"^({_ROMAN})[.)]?\s+(\S.{{5,}})$")
_GROUP_CELL = re.compile(rf"^({_ROMAN})\.?$")
_LETTER_GROUP = re.compile(r"^([A-DĐ])[.)]?\s+(\S.{5,})$")  # 'A HẠ TẦNG SỐ' (its title in capitals)
# a numbered sub-group row: '1 Chính sách hỗ trợ tạo ra sản phẩm du lịch', '3.1 Du lịch di sản' (its rows
# are numbered '1.1', '1.2' or again from '1'); told from a task row by naming no body and no time
_SUB_PLAIN = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)\.?\s+([A-ZĐÀ-Ỹ]\S*(?:\s+\S+){1,})$")
_PAGE_NO = re.compile(r"^\d{1,3}$")
_TIME_END = re.compile(
    r"(?:(?:Quý|Quí)\s+[IV]{1,3}(?:\s*[–-]\s*[IV]{1,3})?\s*/\s*\d{4}|(?:Quý|Quí)\s+[IV]{1,3}\s*[–-]"
    r"|[IV]{1,3}\s*/\s*\d{4}|(?:Năm\s+)?(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?|(?:19|20)\d{2}\s*[–-]"
    r"|Thường\s+xuyên|Thường|xuyên|Hằng\s+năm|Hàng\s+năm|Hằng\s+quý|Hàng\s+quý)\s*$"
)
_FUND_END = re.compile(
    r"(?:(?:\(?(?:NSNN|NSĐP|NSTW|XHH|ODA|Ngân sách|(?<=\+ )xã hội|hóa \(XHH\)|hoá \(XHH\))|(?:(?<=\s)|^)[xX])[\s+,;)]*)+$"
)
# a time inside a line whose cells ran together, cells following it ('... Sở Du lịch x x 2025-2026 mặt bằng ...')
_TIME_MID = re.compile(
    r"(?<=\s)(?:(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?|Thường\s+xuyên|H[ằà]ng\s+(?:năm|quý|tháng)"
    r"|(?:Quý|Quí)\s+[IV]{1,3}(?:\s*[–-]\s*[IV]{1,3})?\s*/\s*(?:19|20)\d{2})(?=\s|$)"
)
_FUND_CELL = re.compile(r"^\(?(?:NSNN|NSĐP|NSTW|XHH|ODA|Ngân sách|Nguồn|Kinh phí|Vốn|xã hội|hóa|hoá|trợ du|cộng đồng\)|\(chính sách)", re.I)
# a place, not a body: 'Các điểm du lịch sinh thái', 'Các khu vực có tiềm năng', 'Các xã, phường vùng biển'
_PLACE = re.compile(r"^(?:Các|các)\s+(?:điểm|khu vực|khu|địa điểm|vùng|tuyến|làng|xã, phường vùng)\b")
_ROLE_TITLES = (
    ("lead", re.compile(r"chủ trì|chịu trách nhiệm|thực hiện$|đầu mối", re.I)),
    ("support", re.compile(r"phối hợp", re.I)),
    ("time", re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.I)),
    ("fund", re.compile(r"kinh phí|nguồn|dự toán|ngân sách", re.I)),
    ("detail", re.compile(r"nội dung cụ thể|chi tiết|mô tả", re.I)),
    ("place", re.compile(r"địa điểm|địa bàn|phạm vi", re.I)),
    ("product", re.compile(r"sản phẩm|kết quả", re.I)),
    ("note", re.compile(r"ghi chú", re.I)),
    ("stt", re.compile(r"^(?:stt|tt|số tt)$", re.I)),
)
# where a table in the body gives way to the text again: the next part of the plan, its closing words, the signature
_END = re.compile(
    r"^(?:#|\**\s*(?:Nơi nhận|PHỤ LỤC|Phụ lục|Trên đây|TM\.|KT\.|T/M)\b"
    r"|\**\s*[IVX]{1,4}[.)]?\s+(?:TỔ CHỨC THỰC HIỆN|KINH PHÍ|CHẾ ĐỘ BÁO CÁO|MỤC ĐÍCH|YÊU CẦU|Tổ chức thực hiện|Kinh phí)\b)"
)


def _pipe(line: str) -> list[str] | None:
    s = line.strip()
    if not (s.startswith("|") and s.count("|") >= 2):
        return None
    cells = [" ".join(c.split()) for c in s.strip("|").split("|")]
    if all(not c or re.fullmatch(r":?-{2,}:?", c) for c in cells):
        return []
    return cells


def _roles(header: list[str]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for i, title in enumerate(header):
        t = title.strip().lower()
        for role, rx in _ROLE_TITLES:
            if role == "lead" and t.startswith(("thời gian", "thời hạn")):
                continue  # 'Thời gian thực hiện' left of the lead's column: the time's title, not the lead's
            if t and rx.search(t) and (role not in roles.values() or role in ("fund", "detail")):
                roles[i] = role
                break
    return roles


_STT_TITLE = re.compile(r"^\**(?:STT|TT|Số TT|Số thứ tự)\**(?=\s|$)", re.I)
_TITLE_WORDS = re.compile(
    r"(Nội dung(?: nhiệm vụ| công việc| hoạt động)?|Nhiệm vụ|Hoạt động|Địa điểm|Địa bàn|"
    r"(?:Cơ quan|Đơn vị)(?:,? (?:cơ quan|đơn vị))?\s+(?:chủ trì|thực hiện|phối hợp)|Chủ trì|Phối hợp|"
    r"(?:Nguồn )?[Kk]inh phí|Thời gian(?: thực hiện| hoàn thành)?|Thời hạn(?: hoàn thành)?|Tiến độ|Sản phẩm(?: đầu ra)?|Ghi chú)",
    re.I,
)


def _plain_header(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """A header that lost its pipes: 'STT' alone then one short title per line ('Đơn vị' / 'chủ
    trì' wrapped), or all the titles run together on the 'STT' line."""
    s = " ".join(lines[start].split())
    if not _STT_TITLE.match(s):
        return None
    rest = _STT_TITLE.sub("", s, count=1).strip()
    if rest:
        titles = ["STT", *(m.group(0) for m in _TITLE_WORDS.finditer(rest))]
        return (titles, start + 1) if len(titles) >= 3 else None
    titles = ["STT"]
    i = start + 1
    while i < len(lines) and len(titles) < 10:
        t = " ".join(lines[i].split())
        if not t or len(t) >= 40 or _STT_PLAIN.match(t) or "|" in t or (_GROUP_PLAIN.match(t) and t == t.upper()):
            break
        if len(titles) > 1 and t[0].islower():
            titles[-1] += " " + t
        else:
            titles.append(t)
        i += 1
    return (titles, i) if len(titles) >= 3 else None


def _header(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """The header's titles, column-wise, from pipe rows (and short plain title lines) at `start`;
    None unless they name a lead column."""
    first = _pipe(lines[start])
    first = [strip_markup(c) for c in first] if first else first
    if first is None:
        found = _plain_header(lines, start)
        if found is None or "lead" not in _roles(found[0]).values():
            return None
        return found
    if not first:
        return None
    i = start + 1
    if not first[0].strip(" *"):
        # a header of several lines whose 'STT' sits on a lower line, the other titles wrapped above
        # and below it ('| | | Cơ quan | |' / '| STT | Nội dung | | Cơ quan phối hợp |' / '| | | chủ trì | |')
        k = i
        while k < len(lines) and _pipe(lines[k]) == []:
            k += 1
        below = _pipe(lines[k]) if k < len(lines) else None
        if not below or len(below) != len(first) or not _STT_TITLE.fullmatch(strip_markup(below[0]).strip(" *")):
            return None
    elif not re.fullmatch(r"(?:STT|TT|Số TT|Số thứ tự)", first[0].strip(" *"), re.I):
        return None
    titles = list(first)
    while i < len(lines) and i < start + 6:
        s = lines[i].strip()
        row = _pipe(s)
        row = [strip_markup(c) for c in row] if row else row
        if row == []:
            i += 1
            continue
        if row is None:
            letter = _LETTER_GROUP.match(s)
            if (s and len(s) < 40 and not _STT_PLAIN.match(s) and not _OPENER.match(s) and not _GROUP_PLAIN.match(s)
                    and not (letter and letter.group(2) == letter.group(2).upper())
                    and not _GROUP_CELL.fullmatch(s.strip(" *."))):
                i += 1  # 'Nội dung nhiệm vụ': a title that lost its cell
                continue
            break
        if len(row) != len(titles) or any(len(c) > 30 for c in row) or (_GROUP_CELL.fullmatch(row[0]) and row[0]):
            break
        titles = [f"{a} {b}".strip() for a, b in zip(titles, row, strict=True)]
        i += 1
    if "lead" not in _roles(titles).values():
        return None
    return titles, i


_RANGE = re.compile(r"^\d{1,2}\s*[–-]\s*\d")


def _next_number(kinds: list[tuple[str, str, str]]) -> tuple[str, ...]:
    """The numbers the next row of the sequence can carry: 'n+1' after row 'n'; under a group row '1', or
    the number after the last row above the group (a table numbering its rows on across its groups)."""
    out: list[str] = []
    for kind, number, _ in reversed(kinds):
        if kind in ("group", "sub") and not out:
            out.append("1")
        elif kind == "stt" and number.replace(".", "").isdigit():
            head, _, last = number.rpartition(".")
            nxt = f"{head}.{int(last) + 1}" if head else str(int(last) + 1)
            return (*out, nxt) if nxt not in out else tuple(out)
    return tuple(out)


def _repeated_header(row: list[str]) -> bool:
    cells = [c.lower() for c in row if c]
    return bool(cells) and (bool(_STT_TITLE.match(row[0].strip())) or all(len(c) < 30 and any(rx.search(c) for _, rx in _ROLE_TITLES) for c in cells)) and len(cells) >= 2


# the marks ticking a funding column ('x' under 'Ngân sách nhà nước'), run into the time's cell
_FUND_MARKS = re.compile(r"^(?:[xX]\s+)+")


def _cell_end(piece: str) -> str:
    """A name's cell ends at a column gap: two spaces or more where its own words stand one space apart
    ('TTXTĐT,  Danh mục các địa điểm': the next column's words follow). A justified cell spaces all its
    words wide ('Sở  Tài  chính,  Sở'): there a wide gap is no column's edge."""
    gaps = re.findall(r" +", piece.strip())
    if len(gaps) >= 2 and gaps[0] != " " and gaps[1] != " ":
        return piece
    m = re.search(r"\S {2,}(?=\S)", piece)
    return piece[: m.start() + 1] if m else piece


# a time cell read whole: a year, a range of years, a quarter, 'Hằng năm' (not a piece of a wrapped one, '2025-')
_WHOLE_TIME = re.compile(
    r"(?:(?:Quý|Quí)\s+[IV]{1,3}\s*/\s*|Năm\s+)?(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?|Thường xuyên|H[ằà]ng (?:năm|quý|tháng)"
)


def _known_start(name: str) -> str:
    """A lead put together from a lost grid that opens with a known name and goes on in lower case
    ('Sở Du lịch lược truyền', 'Sở Tài chính liên'): the words after it came from the cells next to
    it, and the known name is the lead."""
    words = name.split()
    known = entries()
    for n in range(len(words) - 1, 1, -1):
        head, longer = " ".join(words[:n]).lower(), " ".join(words[: n + 1]).lower()
        if (words[n][:1].islower() and words[n] not in _NAME_GOES_ON and head in known
                and not words[n - 1].endswith((",", ";")) and not any(k.startswith(longer) for k in known)):
            return " ".join(words[:n])
    return name


# lower-case words a known name goes on with: its level or place ('Hội Nông dân tỉnh'), a list ('và', 'các')
_NAME_GOES_ON = frozenset({"tỉnh", "thành", "huyện", "xã", "phường", "quận", "thị", "cấp", "các", "và", "chi", "khu", "vùng", "trung", "ương"})


class _Slice(list[str]):
    """A pipe fragment's cells with the roles its own columns hold (see `_slice_roles`)."""

    roles: dict[int, str]


def _slice_roles(items: list[tuple[int, list[str] | str]], width: int) -> None:
    """Fragments with fewer cells than the header (the converter merged columns) read by what their
    cells hold: pipe lines of one width in a run are one slice of the table; on its line with a whole
    time cell, that cell is the time column, the 'x' marks left of it the funding's, the cell right of
    the first the lead's and those up to the marks the partners'; cells right of the time are details."""
    k = 0
    while k < len(items):
        n = k
        while n < len(items) and isinstance(items[n][1], list) and len(items[n][1]) == len(items[k][1]):
            n += 1
        run = [it for _, it in items[k:n] if isinstance(it, list)]
        if not run or len(run[0]) >= width:
            k = max(n, k + 1)
            continue
        roles: dict[int, str] | None = None
        for cells in run:
            t = next((i for i, c in enumerate(cells) if i >= 2 and _WHOLE_TIME.fullmatch(_FUND_MARKS.sub("", c))), None)
            if t is None:
                continue
            f = next((i for i, c in enumerate(cells[:t]) if i >= 2 and re.fullmatch(r"[xX](?:\s+[xX])*", c)), t)
            got = {0: "stt", 1: "lead", **dict.fromkeys(range(2, f), "support"), **dict.fromkeys(range(f, t), "fund"), t: "time"}
            got.update(dict.fromkeys(range(t + 1, len(cells)), "detail"))
            if roles is not None and roles != got:
                roles = None  # two lines of the slice disagree: leave it to the header's columns
                break
            roles = got
        if roles:
            for j in range(k, n):
                sl = _Slice(items[j][1])
                sl.roles = roles
                items[j] = (items[j][0], sl)
        k = n
