"""Timing forms read before the general phrase reader (timing.parse_timing): months listed or ranged under
one year ('tháng 10-12/2026', 'tháng 3, 4/2026', 'từ tháng 3 đến tháng 6/2026'), a deadline counted from the
plan's issue ('chậm nhất 30 ngày kể từ ngày Kế hoạch được ban hành'), a time that follows another body's
schedule ('Theo tiến độ của Bộ', 'Theo Kế hoạch ... năm 2026 của tỉnh'), a duty opened with 'Thường xuyên'
whatever report dates follow it, and a start carried on ('từ năm 2026 trở đi')."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from typing import Any

_YEAR = r"(?:19|20)\d{2}"
_SEP = r"(?:,|và|[-–—]|đến|tới)"
# 'tháng 10-12/2026', 'tháng 3, 4/2026', 'tháng 3 và tháng 4/2026', 'tháng 10 - tháng 12/2025', 'từ tháng 3 đến
# tháng 6/2026', 'tháng 3 - 5 năm 2026': the months share the year written after the last one
MONTH_SPAN = re.compile(
    rf"\btháng\s*(\d{{1,2}})\s*({_SEP})\s*(?:(?:đến|tới)\s+)?(?:hết\s+)?(?:tháng\s*)?(\d{{1,2}})\s*(?:/|[-–]|năm)\s*({_YEAR})\b", re.I
)
# 'tháng 3, 6, 9/2025', 'tháng 4 và tháng 10/2025': months listed (no range), sharing the year after the last
MONTH_LIST = re.compile(rf"\btháng\s*(\d{{1,2}}(?:\s*(?:,|và)\s*(?:tháng\s*)?\d{{1,2}})+)\s*(?:/|năm)\s*({_YEAR})\b", re.I)
# 'tháng 11/2025 - tháng 02/2026', 'từ tháng 3/2026 đến tháng 6/2026': a range whose ends carry their years
MONTH_RANGE = re.compile(
    rf"\btháng\s*(\d{{1,2}})\s*(?:/|năm)\s*({_YEAR})\s*(?:[-–—]|đến|tới)\s*(?:hết\s+)?(?:tháng\s*)?(\d{{1,2}})\s*(?:/|năm)\s*({_YEAR})\b",
    re.I,
)
# a further month with its year after a span ('tháng 5 - 6/2026 và tháng 9/2026'): the span's end is not the last
_LATER_MONTH = re.compile(rf"\btháng\s*(\d{{1,2}})\s*(?:/|năm)\s*({_YEAR})\b", re.I)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# 'từ ngày 01/3 đến ngày 31/3/2026', 'từ 01/9 - 30/9/2026': a window of days, its start
RANGE_START = re.compile(
    rf"\btừ\s+(?:ngày\s+)?(\d{{1,2}})\s*(?:/|-|\.|\s+tháng\s+)\s*(\d{{1,2}})(?:\s*(?:/|-|\.|\s+năm\s+)\s*({_YEAR}))?"
    rf"\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày\s+)?\d", re.I
)


def _with_start(out: dict[str, Any], text: str, plan_year: int | None) -> dict[str, Any]:
    """'Từ ngày 01/3 đến ngày 31/3/2026': a once task due at the end of the range, starting at its
    beginning (the year of the start defaults to the end's year)."""
    m = RANGE_START.search(text)
    if m and out.get("kind") == "once" and out.get("due"):
        end = dt.date.fromisoformat(out["due"])
        y = int(m.group(3)) if m.group(3) else end.year
        start = _safe_date(y, int(m.group(2)), int(m.group(1)))
        if start and start > end and not m.group(3):
            start = _safe_date(y - 1, int(m.group(2)), int(m.group(1)))
        if start and start <= end:
            out["start"] = start.isoformat()
    return out


def lunar_to_solar(year: int, month: int, day: int) -> dt.date | None:
    """The solar date of a lunar one ('Tết Nguyên đán': 1/1), None outside the package's table."""
    try:
        from lunardate import LunarDate

        return LunarDate(year, month, day).toSolarDate()
    except Exception:  # outside the package's table
        return None


_TET = re.compile(r"\btết\s+nguyên\s+đán\b|\btết\s+cổ\s+truyền\b|\bxuân\s+(?:canh|tân|nhâm|quý|giáp|ất|bính|đinh|mậu|kỷ)", re.I)
_TRUNG_THU = re.compile(r"\b(?:tết\s+)?trung\s+thu\b", re.I)
_SUMMER = re.compile(r"\b(?:dịp|mùa|kỳ)\s+(?:nghỉ\s+)?hè\b|\bnghỉ\s+hè\b", re.I)
_NEW_YEAR = re.compile(r"\btết\s+dương\s+lịch\b", re.I)
_A_YEAR = re.compile(rf"\b({_YEAR})\b")


def lunar_first(year: int | None, month: int, day: int, plan_year: int | None, issued_on: dt.date | None, *,
                solar: bool = False) -> dt.date | None:
    """The solar date of a lunar day (of a solar one when `solar`): of `year` when given, else its first one on or after
    the issue in the plan's year."""
    to_date = _safe_date if solar else lunar_to_solar
    if year or not plan_year:
        return to_date(year, month, day) if year else None
    due = to_date(plan_year, month, day)
    return to_date(plan_year + 1, month, day) if due and issued_on and due < issued_on else due


# a day of the lunar calendar: 'ngày 10 tháng 3 âm lịch', '15/8 (âm lịch)', '10/3 ÂL'
LUNAR_AFTER = re.compile(r"\s*\(?\s*(?:âm\s+lịch|ÂL)\b", re.I)


def festival(t: str, plan_year: int | None, issued_on: dt.date | None, recurring: bool) -> dict[str, object] | None:
    """The timing of a festival ('Tết Dương lịch': 1/1; lunar 'Tết Nguyên đán': 1/1, 'Trung thu': 15/8) or of the summer
    holidays, else None. The solar new year first: 'dịp Tết Dương lịch và Tết Nguyên đán' is due on the first."""
    for rx, (lm, ld), solar in ((_NEW_YEAR, (1, 1), True), (_TET, (1, 1), False), (_TRUNG_THU, (8, 15), False)):
        if rx.search(t):
            ym = _A_YEAR.search(t)
            y = int(ym.group(1)) if ym else plan_year
            if not y:
                return {"kind": "once"}
            due = lunar_first(int(ym.group(1)) if ym else None, lm, ld, y, issued_on, solar=solar)
            out: dict[str, object] = {"kind": "recurring" if recurring else "once", "due": due.isoformat() if due else None}
            if recurring:
                out["period"] = "year"
            return out
    if _SUMMER.search(t):
        ym = _A_YEAR.search(t)
        y = int(ym.group(1)) if ym else plan_year
        return {"kind": "once", "due": dt.date(y, 8, 31).isoformat() if y else None}
    return None


def month_span(t: str, low: str) -> tuple[dt.date, dt.date | None] | None:
    """(due, start) of months listed or ranged in one phrase: due at the end of the last month, starting on
    the first day of the first month when the months are a range (a dash, 'đến'), not a list (',', 'và')."""
    if "tháng" not in low:
        return None
    m = MONTH_LIST.search(t)
    if m:  # 'tháng 3, 6, 9/2025', 'tháng 4 và tháng 10/2025': separate months, due at the first; 'tháng 3, 4/2025' one span
        months, year = [int(x) for x in re.findall(r"\d+", m.group(1))], int(m.group(2))
        if not all(1 <= a < b <= 12 for a, b in itertools.pairwise(months)):
            return None
        adjacent = all(b == a + 1 for a, b in itertools.pairwise(months))
        return _last_day(year, months[-1] if adjacent else months[0]), None
    m = MONTH_SPAN.search(t)
    if m:
        first, last, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not (1 <= first < last <= 12):
            return None
        y2, m2 = _latest(t, m.end(), year, last)
        return _last_day(y2, m2), dt.date(year, first, 1)
    m = MONTH_RANGE.search(t)
    if m:
        m1, y1, m2, y2 = (int(x) for x in m.groups())
        if 1 <= m1 <= 12 and 1 <= m2 <= 12 and (y1, m1) < (y2, m2):
            y2, m2 = _latest(t, m.end(), y2, m2)
            return _last_day(y2, m2), dt.date(y1, m1, 1)
    return None


def _latest(t: str, at: int, year: int, month: int) -> tuple[int, int]:
    """The span's end carried to the months named with their years after it that follow it on ('tháng 5 - 6/2026,
    tháng 7/2026'); a later month apart from it is a separate point ('tháng 5 - 6/2026 và tháng 9/2026'): the span's
    end stays the due date."""
    best = (year, month)
    if "háng" in t[at:]:
        for x in _LATER_MONTH.finditer(t, at):
            y, mo = int(x.group(2)), int(x.group(1))
            if 1 <= mo <= 12 and (y, mo) == ((best[0], best[1] + 1) if best[1] < 12 else (best[0] + 1, 1)):
                best = (y, mo)
    return best


# 'chậm nhất 30 ngày kể từ ngày Kế hoạch được ban hành', 'trong thời hạn 15 ngày kể từ ngày ký ban hành Kế hoạch
# này': counted from the plan's own issue (a decree's or another act's date is unknown here: no due date)
_FROM_ISSUE = re.compile(
    r"(\d{1,3})\s*(ngày|tháng)\s+(?:làm việc\s+)?kể\s+từ\s+(?:ngày\s+)?"
    r"(?:(?:ký\s+)?ban\s+hành\s+(?:kế hoạch|quyết định)(?:\s+này)?|ký(?:\s+ban\s+hành)?(?:\s+kế hoạch|\s+quyết định)?(?:\s+này)?\b"
    r"|kế hoạch(?:\s+này)?\s+(?:được\s+)?(?:ký\s+)?ban\s+hành)", re.I
)


# at once when the plan is issued: 'ngay sau khi Kế hoạch được ban hành', 'ngay sau khi ban hành Kế hoạch này' (once, on a day
# the text does not write; not 'ngay sau khi có hướng dẫn của Bộ': when another's act comes)
_AT_ISSUE = re.compile(r"\bngay\s+sau\s+khi\s+(?:kế hoạch(?:\s+này)?\s+(?:được\s+)?(?:ký\s+)?ban\s+hành|(?:ký\s+)?ban\s+hành\s+kế\s+hoạch)", re.I)


def from_issue(t: str, low: str, issued_on: dt.date | None) -> dt.date | bool | None:
    """The due date of a deadline counted from the plan's issue; None when the issue date is unknown, the days are working
    days or the work is due at once after the issue; False when the phrase counts from nothing of the plan's own."""
    m = _FROM_ISSUE.search(t) if "kể từ" in low else None
    if m is None:
        return None if "ngay sau khi" in low and _AT_ISSUE.search(t) else False
    if issued_on is None or "làm việc" in m.group(0).lower():
        return None
    n = int(m.group(1))
    if m.group(2).lower() == "ngày":
        return issued_on + dt.timedelta(days=n)
    months = issued_on.month - 1 + n
    y, mo = issued_on.year + months // 12, months % 12 + 1
    return dt.date(y, mo, min(issued_on.day, calendar.monthrange(y, mo)[1]))


# 'Theo tiến độ của Bộ', 'Theo Kế hoạch rà soát ... năm 2026 của tỉnh', 'Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày
# 28/5/2015': the time is another body's or another act's, the years and dates inside name that act
_FOLLOWS = re.compile(
    r"^\W*theo\s+(?:(?:đúng|các)\s+)?(?:tiến độ|kế hoạch|chỉ đạo|hướng dẫn|quy định|yêu cầu|lộ trình|điều|khoản|luật|nghị định|"
    r"nghị quyết|quyết định|thông tư|chỉ thị|văn bản|kết quả|đề xuất|thời gian|thời hạn|chương trình|đề án)\b", re.I
)
_OWN_DEADLINE = re.compile(r"\b(?:trước|chậm nhất|hoàn thành|hoàn tất|hạn chót|xong)\b", re.I)


def follows_another(t: str) -> bool:
    """A time that follows another schedule and sets no deadline of its own."""
    return bool(_FOLLOWS.match(t)) and not _OWN_DEADLINE.search(t)


# 'Thường xuyên; định kỳ báo cáo trước ngày 10/12', 'Thực hiện thường xuyên trong năm': the duty itself is
# continuous, the dates after it are its reports'
OPENS_CONTINUOUS = re.compile(r"^\W*(?:thực hiện\s+|triển khai\s+)?(?:thường xuyên|liên tục)\b", re.I)
# 'từ năm 2026 trở đi', 'từ quý III/2026 trở đi': started, then carried on
ONWARDS = re.compile(r"\btừ\s+(?:năm|quý|quí|tháng)\b[^,;.]{0,20}?\btrở\s+đi\b", re.I)
# 'đầu năm 2026', 'giữa năm 2026': a part of a named year
PART_OF_YEAR = re.compile(rf"\b(đầu|giữa)\s+năm\s+{_YEAR}\b", re.I)
# 'Ngay sau khi có hướng dẫn của Bộ', 'sau khi Nghị định được ban hành': when another's act comes, not a date of the plan's
# (the plan's own issue is: 'ngay sau khi Kế hoạch được ban hành')
AFTER_EVENT = re.compile(r"\bsau\s+khi\b(?![^,;.]*\bkế hoạch(?:\s+này)?\s+(?:được\s+)?(?:ký\s+)?ban\s+hành)", re.I)


def milestone(t: str, ms: list[re.Match[str]]) -> int:
    """Which of several month phrases is the due date: the last of a range ('từ tháng 3/2026 đến
    tháng 6/2026', 'tháng 3/2026 - tháng 6/2026'), but the first of successive steps ('Ban hành kế
    hoạch trong tháng 01/2026, tổ chức kiểm tra trong tháng 6/2026 và báo cáo trong tháng 8/2026')."""
    if len(ms) < 2:
        return -1
    between = t[ms[0].end() : ms[1].start()]
    (m1, y1), (m2, y2) = (int(x) for x in ms[0].groups()[:2]), (int(x) for x in ms[1].groups()[:2])
    if (y2 * 12 + m2) - (y1 * 12 + m1) == 1 and re.fullmatch(r"\s*(?:,|và)\s*", between):
        # 'tháng 3/2025 và tháng 4/2025': one span, due at its end (not two steps each with its month: '- Trình ... (tháng
        # 4/2025); - Trình ... (tháng 5/2025)')
        return -1
    if re.search(r",|;|\bvà\b", between) and not re.fullmatch(r"\s*(?:[-–—]|đến|tới)\s*", between):
        return 0
    return -1


# a time point written with its year: 'Quý IV/2025', 'quý IV năm 2025', 'tháng 12/2026', 'năm 2027'
_POINT = re.compile(rf"\b(?:(?:quý|quí)\s*(IV|I{{1,3}}|[1-4])\s*(?:/|[-–]|năm)\s*|tháng\s*(\d{{1,2}})\s*(?:/|[-–]|năm)\s*|năm\s+)({_YEAR})\b",
                    re.I)
_QN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _bounds(m: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    y = int(m.group(3))
    if m.group(1):
        q = _QN.get(m.group(1).lower()) or int(m.group(1))
        return dt.date(y, 3 * q - 2, 1), _last_day(y, 3 * q)
    if m.group(2):
        mo = int(m.group(2))
        return (dt.date(y, mo, 1), _last_day(y, mo)) if 1 <= mo <= 12 else None
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


# a time cell listing steps, each with its own label: '- Trình Chính phủ: Quý IV/2024; - Trình Quốc hội: năm 2025'
_STEP_LABEL = re.compile(r"(?:^|[;\n])\s*(?:[-–+•]\s*)?[A-ZĐÀ-Ỹ][^:;\n]{2,40}:\s*$")
_NEXT_STEP = re.compile(r"\s*[;,\n]\s*(?:[-–+•]\s*)?[A-ZĐÀ-Ỹ][^:;\n]{2,40}:\s*")


def first_milestone(t: str) -> dt.date | None:
    """The end of the first of two time points that are separate steps: 'Quý IV/2025 và Quý II/2026', 'sơ kết vào
    năm 2027 và tổng kết vào năm 2030' (a gap between them); None when the points follow each other as one span
    ('Quý IV/2025 và Quý I/2026', 'năm 2025 và năm 2026') or make a range ('Quý IV/2025 - Quý II/2026')."""
    ps = list(_POINT.finditer(t)) if re.search(r",|;|\bvà\b", t) else []
    if len(ps) < 2:
        return None
    between = t[ps[0].end() : ps[1].start()]
    a, b = _bounds(ps[0]), _bounds(ps[1])
    if a is not None and _STEP_LABEL.search(t, 0, ps[0].start()) and _NEXT_STEP.fullmatch(between):
        return a[1]  # '- Trình Chính phủ: Quý IV/2024; - Trình Quốc hội: năm 2025': each step labelled, the first due
    if len(between) > 40 or not re.search(r",|;|\bvà\b", between) or re.search(r"[-–—]|\b(?:đến|tới)\b", between):
        return None
    if a is None or b is None or b[0] <= a[1] + dt.timedelta(days=1):
        return None
    return a[1]


# 'trong tháng 6 hằng năm', 'tháng 6 và tháng 12 hằng năm', 'hai đợt trong năm (tháng 6 và tháng 12)': those months of
# every year
_MONTH_LIST = r"(\d{1,2}(?:\s*(?:,|và)\s*(?:tháng\s*)?\d{1,2})*)"
# every year, 'Hằng năm (tháng 10)', 'Hằng năm, vào tháng 6'
# ('Hằng năm (tháng 6 và tháng 12)', 'Hằng năm, vào tháng 6 và tháng 12'); a span of months every year, due at its end:
# 'Hằng năm (từ tháng 6 đến tháng 8)', 'hằng năm (tháng 9 - tháng 11)'
MONTH_YEARLY = re.compile(rf"\btháng\s*{_MONTH_LIST}\s+(?:hằng|hàng|mỗi)\s+năm\b"
                          rf"|\b(?:đợt|lần)\s+(?:trong|mỗi)\s+năm\s*\(\s*tháng\s*{_MONTH_LIST}\s*\)"
                          rf"|\b(?:hằng|hàng|mỗi)\s+năm\s*(?:\(\s*|,\s*(?:vào|trong)\s+)tháng\s*{_MONTH_LIST}\b(?!\s*(?:/|[-–]|năm)\s*\d)"
                          r"|\b(?:hằng|hàng|mỗi)\s+năm\s*\(\s*(?:từ\s+)?tháng\s*\d{1,2}\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:tháng\s*)?"
                          r"(\d{1,2})\s*\)", re.I)
# a month of the year named bare in a yearly task's sentence: '... hưởng ứng “Tháng hành động vì trẻ em - Tháng 6”' (not
# 'ngày 3 tháng 4', 'tháng 4 năm 2024', '6 tháng', a list or a range of months)
BARE_MONTH = re.compile(r"(?<![\d/])(?<!ngày)(?<!\d\s)\btháng\s*(\d{1,2})\b(?!\s*(?:/|[-–]|năm|,|và|đến|tới)\s*(?:tháng\s*)?\d)", re.I)
# a bill put before a numbered session: 'trình Quốc hội xem xét, thông qua tại Kỳ họp thứ 10' (once, its date unknown)
SESSION = re.compile(r"\b(?:kỳ|phiên)\s+họp\s+(?:bất\s+thường\s+)?(?:lần\s+)?thứ\s+\w+", re.I)
# meetings counted per period: 'tối thiểu 04 hội nghị/tháng', '02 buổi/quý' (not a rate: '12%/năm')
PER_COUNT = r"\b\d{1,3}\s+(?:hội nghị|buổi|cuộc|đợt|lần|phiên|chuyến|lớp|bài|tin|bản tin)(?:\s+[\wÀ-ỹ]+){0,2}\s*/\s*"
PER_PERIOD = PER_COUNT + r"(?:tuần|tháng|quý|quí|năm)\b"
# the review a result counts in: 'là một tiêu chí quan trọng trong đánh giá thi đua ... cuối năm', 'là căn cứ xếp loại
# ... năm 2025': the time is the review's, not the task's
# (the result said to count as one: 'là (một) tiêu chí', 'làm tiêu chí', 'đưa vào tiêu chí'; not a task building or issuing
# the criteria: 'xây dựng bộ tiêu chí đánh giá ..., hoàn thành trong Quý III/2025' is due then)
CRITERION = re.compile(r"(?:(?:là|làm|vào)\s+(?:một\s+)?(?:(?:trong\s+)?(?:những|các)\s+)?tiêu chí|là căn cứ)"
                       r"(?:\s+[\wÀ-ỹ]+){0,4}?\s+(?:đánh giá|xếp loại|thi đua|bình xét)[^.;]*$", re.I)


# a dated day and the separator after it, up to the next day listed: '15/8/2026 và ngày ', 'ngày 15 tháng 8 năm 2026, '
# ('15/7/2026 (đợt 1) và trước ngày ': each day with its note and its own 'trước')
_DAY_THEN = re.compile(rf"(?:ngày\s+)?\d{{1,2}}\s*(?:[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*{_YEAR})?|\s+tháng\s+\d{{1,2}}(?:\s+năm\s+{_YEAR})?)"
                       r"(?:\s*\([^()]{1,20}\))?\s*(?:,|và)\s*(?:(?:trước|chậm nhất|đến)\s+)?(?:ngày\s+)?", re.I)


_DUE_BEFORE = re.compile(r"(?:trước|chậm nhất|hạn|vào|trong|hoàn thành|xong)\s+(?:ngày\s+)?$", re.I)


def first_day(t: str, dates: list[tuple[int, int, int | None, int]], ends: dict[int, int]) -> tuple[int, int, int | None, int] | None:
    """(day, month, year, where) of the first of dated days that are separate milestones of one task, due at the first:
    days listed with ',' / 'và' ('ngày 15/8/2026 và ngày 15/11/2026', 'trước ngày 30/6/2025 và ngày 30/11/2025'; a day
    with no year shares the last one's), or two deadlines written with their years, each in its own clause ('sơ kết
    trước ngày 15/6/2025, tổng kết trước ngày 15/12/2025': the earlier). None for one day, a window ('từ ... đến ...'),
    consecutive days (one span, due at its end: 'ngày 15/8/2026 và ngày 16/8/2026') or an act's date before the task's
    deadline ('Thực hiện Công văn ngày 12/3/2025 của Bộ, hoàn thành trước ngày 30/6/2025')."""
    if len(dates) < 2:
        return None
    if all(_DAY_THEN.fullmatch(t, a[3], b[3]) for a, b in itertools.pairwise(dates)):
        year = next((x[2] for x in reversed(dates) if x[2]), None)
        days = [_safe_date(x[2] or year or 2001, x[1], x[0]) for x in dates]
        if any(a is None or b is None or b - a <= dt.timedelta(days=1) for a, b in itertools.pairwise(days)):
            return None
        return dates[0][0], dates[0][1], dates[0][2] or year, dates[0][3]
    a, b = dates[0], dates[1]
    between = t[ends.get(a[3], a[3]) : b[3]]
    due_word = a[3] <= 6 or _DUE_BEFORE.search(t, max(0, a[3] - 20), a[3])  # (the first a deadline too, not an act's date)
    if (a[2] and b[2] and due_word and len(between) < 40 and re.search(r"[,;]|\bvà\b", between)
            and not re.search(r"[-–—]|\b(?:đến|tới|từ)\b", between) and not RANGE_START.search(t)):
        return min(a, b, key=lambda x: (x[2], x[1], x[0]))
    return None


# a holiday named with its day and month after 'dịp': 'nhân dịp Quốc khánh 2/9', 'dịp kỷ niệm Ngày Thầy thuốc Việt Nam 27/2' (the
# day is the time, searched on the text before the date)
HOLIDAY = re.compile(r"\bdịp\b[^,.;()\d]{0,60}$", re.I)
