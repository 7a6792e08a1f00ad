"""Timing phrases -> {text, kind, due, rrule}.

Due dates follow the annotation rules: a quarter or a month ends on its last day, a year or a
range of years on 31/12 of the last year, 'trước ngày D/M hằng năm' falls in the plan's first year
(the next year when that day is before the issue date); continuous work has no due date. No weekend
or holiday shifting here: that is the scheduler's job.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from dondoc.plans.timing_forms import (
    AFTER_EVENT,
    HOLIDAY,
    LUNAR_AFTER,
    MONTH_YEARLY,
    ONWARDS,
    OPENS_CONTINUOUS,
    PART_OF_YEAR,
    PER_PERIOD,
    RANGE_START,
    SESSION,
    _safe_date,
    _with_start,
    festival,
    first_day,
    first_milestone,
    follows_another,
    from_issue,
    lunar_first,
    milestone,
    month_span,
)

_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_D = r"[-–—]"
YEAR = r"(?:19|20)\d{2}"

RECURRING = re.compile(
    r"\b(?:hằng|hàng)\s*(?:năm|quý|quí|tháng|tuần|ngày)\b|\bđịnh\s*kỳ\b|\bmỗi\s+(?:năm|quý|tháng|tuần)\b|"
    r"\bcác năm tiếp theo\b|\b(?:6|sáu)\s*tháng(?:\s*(?:một lần|\/lần|đầu năm|cuối năm))?\b|\bthường niên\b|"
    r"\blần\s*/\s*(?:ngày|tuần|tháng|quý|năm)\b|\b(?:hằng|hàng|mỗi)\s+(?:học kỳ|năm học)\b"  # a school's calendar
    r"|\b(?:\d{1,2}|hai|ba)\s*(?:năm|tháng)\s*(?:(?:một|1|01)\s*lần|/\s*lần)\b"  # 'hai năm một lần', '02 năm/lần'
    r"|\b(?:\d{1,2}|một|hai|ba|bốn)\s+(?:đợt|lần)\s+(?:trong|mỗi)\s+năm\b(?!\s*\d)"  # 'hai đợt trong năm'
    rf"|{PER_PERIOD}",  # '04 hội nghị/tháng'
    re.IGNORECASE,
)
CONTINUOUS = re.compile(r"\bthường\s*xuyên\b|\bliên tục\b|\blâu dài\b|\bsuốt\b|(?<![\d/])24\s*/\s*(?:24|7)(?![\d/])", re.IGNORECASE)
_PERIOD = [
    (re.compile(r"\b(?:hằng|hàng|mỗi)\s*ngày\b|\blần\s*/\s*ngày\b", re.I), "day"),
    (re.compile(r"\b(?:hằng|hàng|mỗi)\s*tuần\b|\blần\s*/\s*tuần\b", re.I), "week"),
    (re.compile(r"\b(?:hằng|hàng|mỗi)\s*tháng\b", re.I), "month"),
    (re.compile(r"\b(?:hằng|hàng|mỗi)\s*(?:quý|quí)\b|tháng cuối quý", re.I), "quarter"),
    (re.compile(r"\b(?:6|sáu)\s*tháng\b", re.I), "half"),
    (re.compile(r"\b(?:hằng|hàng|mỗi)\s*năm\b|các năm tiếp theo|thường niên", re.I), "year"),
]

# (also in other words: 'Quý III/2025 và tiếp tục thực hiện trong các năm tiếp theo', 'Năm 2025; các năm tiếp theo',
# 'Từ năm 2025 trở đi')
_ONGOING = re.compile(rf"(?:{YEAR}|\b(?:quý|quí)\s*[IV1-4]+)[.,]?\s*(?:,|;|và)\s*(?:(?:tiếp tục|duy trì|thực hiện|triển khai|trong)\s+){{0,3}}"
                      rf"(?:(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau)|(?<=tục |trì )(?:thường xuyên|liên tục))\b"  # ('... và duy trì thường xuyên')
                      rf"|\btừ\s+(?:năm\s+)?{YEAR}\s+trở\s+đi\b", re.I)
_DM_Y = re.compile(rf"(?<![\d/])(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})(?:\s*[/.-]\s*({YEAR}))?(?![\d/])")
_WORDS_DATE = re.compile(
    rf"(?:ngày|(?<=trước)|(?<=chậm nhất))\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s+năm\s+({YEAR}))?", re.IGNORECASE
)
_END_OF_QUARTER_DAY = re.compile(r"(?:trước\s+)?ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:quý|quí)", re.I)
_MONTHLY_DAY = re.compile(
    r"(?:trước\s+)?ngày\s+(\d{1,2})\s+(?:(?:hằng|hàng|mỗi)\s+tháng|(?:của\s+)?tháng\s+(?:liền kề|kế tiếp|tiếp theo|sau))"
    r"|(?:hằng|hàng|mỗi)\s+tháng\s*[(,]?\s*(?:trước|chậm nhất|vào)\s+ngày\s+(\d{1,2})\b(?!\s*[/.-]\s*\d)", re.I
)
# the end of a year as a deadline: 'hoàn thành trong năm 2026', 'ngay trong năm 2025', 'trước cuối năm 2025'
_YEAR_DEADLINE = re.compile(
    rf"(?:hoàn thành|hoàn tất|xong|ngay|trước|chậm nhất|trong|đến|vào)\s+(?:(?:là|trong|vào|trước|hết)\s+)?(?:cuối\s+|các\s+|cả\s+|(?:hai|ba|bốn|\d{{1,2}})\s+)?(?:năm|giai đoạn)\s+({YEAR})"
    rf"(?:\s*(?:{_D}|và|,)\s*(?:năm\s+)?({YEAR}))?", re.I  # 'trong năm 2025-2026', 'trong năm 2024 và năm 2025': the last year
)
# 'trước cuối năm', and bare 'xếp loại cuối năm', 'tổng kết cuối năm': at the plan year's end (not 'cuối năm học')
_END_OF_YEAR = re.compile(r"(?:(?:trước|vào|đến|trong|chậm nhất)\s+(?:dịp\s+)?)?cuối\s+năm\b(?!\s*(?:(?:19|20)\d{2}|học))", re.I)
_QUARTER = re.compile(
    rf"\b(?:quý|quí)\s*((?:IV|I{{1,3}}|[1-4])(?:\s*(?:,|và|{_D})\s*(?:IV|I{{1,3}}|[1-4])\b)*)\b(?:\s*(?:/|{_D}|năm|,)\s*({YEAR}))?",
    re.IGNORECASE,
)
_MONTH = re.compile(rf"\btháng\s*(\d{{1,2}})\s*(?:/|{_D}|năm)\s*({YEAR})", re.IGNORECASE)
# 'Tháng 7 - 12/2025', 'tháng 3 đến tháng 6/2026': months of one year, due at the end of the last ('7 - 12/2025' is no date)
_MONTHS = re.compile(rf"\btháng\s*(\d{{1,2}})\s*(?:{_D}|đến)\s*(?:hết\s+)?(?:tháng\s*)?(\d{{1,2}})\s*(?:/|năm)\s*({YEAR})", re.I)
# 'trong năm học 2025-2026': a school year, a named period ending with May (the yearly time frame of the
# Ministry of Education ends the school year by 31 May), not a range of calendar years
_SCHOOL_YEAR = re.compile(rf"\bnăm học\s+({YEAR})\s*{_D}\s*({YEAR})\b", re.I)
_RANGE = re.compile(rf"\b({YEAR})\s*{_D}\s*({YEAR})\b")
_YEAR_RE = re.compile(rf"\b({YEAR})\b")
_AND_DAY_MONTH = re.compile(r"(?:\bvà|,)\s+(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\b(?!\s*năm\s+\d)", re.I)
_HALF_OF_YEAR = re.compile(rf"\b(?:6|sáu)\s*tháng\s+(đầu|cuối)\s+năm\s+({YEAR})\b", re.I)
# 'hoàn thành trong 6 tháng đầu năm' with no year: that half of the plan's year (bare '6 tháng đầu năm' is a
# half-yearly report's period)
_HALF_OF_PLAN_YEAR = re.compile(r"(?:trong|trước|hết)\s+(?:6|sáu)\s*tháng\s+(đầu|cuối)\s+năm\b(?!\s*\d)", re.I)
_SOON = re.compile(r"\bngay\b|\bkhẩn trương\b|\bkịp thời\b|\bsớm\b", re.I)
_NEXT_YEAR = re.compile(r"\b(?:của\s+)?năm\s+(?:liền\s+kề|liền\s+sau|sau|kế\s+tiếp)\b", re.I)
_AND_YEARLY = re.compile(r"\s*(?:,|và)\s*(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+năm\b", re.I)
_DOCREF = re.compile(r"(?:số|Số)\s*[\w./-]*\d[\w./-]*\s*(?:ngày|,\s*ngày)\s*$")


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _yearly(d: int, m: int, plan_year: int | None, issued_on: dt.date | None) -> dt.date | None:
    if plan_year is None:
        return None
    due = _safe_date(plan_year, m, d)
    if due and issued_on and due < issued_on:
        due = _safe_date(plan_year + 1, m, d)
    return due


def _not_docref(text: str, start: int) -> bool:
    return not _DOCREF.search(text[max(0, start - 40) : start])


def parse_timing(
    text: str | None, *, plan_year: int | None = None, issued_on: dt.date | None = None, strict: bool = True
) -> dict[str, Any]:
    """Read a timing phrase (see _parse_timing); a date range also gets its `start`."""
    out = _parse_timing(text, plan_year=plan_year, issued_on=issued_on, strict=strict)
    if text and out.get("kind") == "once" and "từ" in text.lower():
        _with_start(out, text, plan_year)
    return out


def _parse_timing(
    text: str | None, *, plan_year: int | None = None, issued_on: dt.date | None = None, strict: bool = True
) -> dict[str, Any]:
    """Read a timing phrase. With strict=False the phrase is free text (a task sentence) and only
    deadline-like expressions count (not every year mentioned in passing)."""
    # Long on purpose: the timing vocabulary tried phrase by phrase, in the order the phrases must be tried.
    if not text or not text.strip():
        return {"text": None, "kind": "unspecified", "due": None, "rrule": None}
    t = re.sub(r"\s+", " ", text).strip()
    low = t.lower()
    out: dict[str, Any] = {"text": t, "kind": "unspecified", "due": None, "rrule": None}
    if strict and (OPENS_CONTINUOUS.match(t) or follows_another(t)):
        # 'Thường xuyên; định kỳ báo cáo trước ngày 10/12' / 'Theo tiến độ của Bộ', 'Theo Kế hoạch ... năm 2026 của tỉnh'
        kind = "continuous" if CONTINUOUS.search(t) else "recurring" if RECURRING.search(t) else "unspecified"
        out.update(kind=kind)
        return out
    due_from = from_issue(t, low, issued_on)
    if due_from is not False:  # 'chậm nhất 30 ngày kể từ ngày Kế hoạch được ban hành'
        out.update(kind="once", due=_iso(due_from) if isinstance(due_from, dt.date) else None)
        return out
    # '6 tháng đầu năm 2026' / 'sáu tháng cuối năm 2026': one half of a named year, not every half year
    half = "tháng đầu" in low or "tháng cuối" in low
    m = _HALF_OF_YEAR.search(t) if half else None
    if m and not re.search(r"\b(?:hằng|hàng|mỗi)\s*năm\b|định\s*kỳ", t, re.I):
        year = int(m.group(2))
        out.update(kind="once", due=_iso(dt.date(year, 6, 30) if m.group(1).lower() == "đầu" else dt.date(year, 12, 31)))
        return out
    m = _HALF_OF_PLAN_YEAR.search(t) if half else None
    if m and plan_year and not re.search(r"\b(?:hằng|hàng|mỗi)\s*năm\b|định\s*kỳ", t, re.I):
        out.update(kind="once", due=_iso(dt.date(plan_year, 6, 30) if m.group(1).lower() == "đầu" else dt.date(plan_year, 12, 31)))
        return out
    recurring = bool(RECURRING.search(t))
    m = _SCHOOL_YEAR.search(t) if "học" in low else None
    if m and not recurring and low[: m.start()].endswith("từ ") and not re.search(r"\b(?:đến|tới)\b", low[m.end() :]):
        out.update(kind="continuous")  # 'từ năm học 2025 - 2026': a standing duty from that school year on
        return out
    if m and not recurring and not _DM_Y.search(t) and int(m.group(2)) == int(m.group(1)) + 1:
        # 'đầu năm học 2025-2026': its opening month, September of the first year
        opening = re.search(r"đầu\s+$", low[: m.start()])
        out.update(kind="once", due=_iso(dt.date(int(m.group(1)), 9, 30) if opening else dt.date(int(m.group(2)), 5, 31)))
        return out
    if "trở đi" in low and ONWARDS.search(t) and not recurring:  # 'từ năm 2026 trở đi'
        out.update(kind="continuous")
        return out
    period = next((p for rx, p in _PERIOD if rx.search(t)), None)
    if period:
        out["period"] = period

    # every quarter, on day D of its last month
    m = _END_OF_QUARTER_DAY.search(t)
    if m:
        day = int(m.group(1))
        out.update(kind="recurring", rrule=f"FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY={day}", period="quarter")
        if plan_year:
            cands = [_safe_date(plan_year, q, day) for q in (3, 6, 9, 12)] + [_safe_date(plan_year + 1, 3, day)]
            ok = [c for c in cands if c and (not issued_on or c >= issued_on)]
            out["due"] = _iso(ok[0] if ok else None)
        return out
    m = _MONTHLY_DAY.search(t)
    if m:
        day = int(m.group(1) or m.group(2))
        out.update(kind="recurring", rrule=f"FREQ=MONTHLY;BYMONTHDAY={day}", period="month")
        if plan_year:
            start = issued_on or dt.date(plan_year, 1, 1)
            if start.year < plan_year:
                start = dt.date(plan_year, 1, 1)
            due = _safe_date(start.year, start.month, min(day, 28) if day > 28 else day)
            if due and due < start:
                nm = start.month % 12 + 1
                due = _safe_date(start.year + (start.month == 12), nm, day)
            out["due"] = _iso(due)
        return out

    month_range = month_span(t, low) if "tháng" in low and (strict or re.search(r"\b(?:trong|đến|từ|trước|hết|hoàn thành|vào)\s+(?:hết\s+|cuối\s+|các\s+)?tháng", low)) else None
    if month_range:  # 'tháng 10-12/2026', 'tháng 3, 4/2026', 'từ tháng 3 đến tháng 6/2026': the last month, from the first
        out.update(kind="once", due=_iso(month_range[0]))
        if month_range[1]:
            out["start"] = month_range[1].isoformat()
        return out

    # explicit day and month ("trước ngày 10/12 hằng năm", "ngày 27 tháng 6 năm 2014", "27/7/2024")
    dates: list[tuple[int, int, int | None, int]] = []
    ends: dict[int, int] = {}  # where each date ends (after it: 'âm lịch', the next milestone)
    span = _MONTHS.search(t) if "háng" in t else None
    for rx in (_WORDS_DATE, _DM_Y):
        for m in rx.finditer(t):
            if not _not_docref(t, m.start()) or (span and span.start() < m.start() < span.end()):
                continue
            d, mo = int(m.group(1)), int(m.group(2))
            if 1 <= d <= 31 and 1 <= mo <= 12:
                y = int(m.group(3)) if m.group(3) else None
                before = t[max(0, m.start() - 12) : m.start()]
                if (rx is _DM_Y and y is None and strict is False and not re.search(r"(?:ngày|trước|đến|từ)\s*$", before, re.I)
                        and not HOLIDAY.search(t, max(0, m.start() - 70), m.start())  # 'nhân dịp Quốc khánh 2/9'
                        and not (dates and re.search(r"(?:\bvà|,)\s*$", before))):  # '10/6 và 10/12': the second date of a pair
                    continue
                dates.append((d, mo, y, m.start()))
                ends[m.start()] = m.end()
    dates.sort(key=lambda x: x[3])
    deadline = re.search(r"trước|chậm nhất|hạn|đến ngày|hoàn thành|(?:trong|đến|hết|vào) (?:hết |cuối )?(?:tháng|quý|quí)\s*[\divx]"
                         r"|vào năm \d|\btừ (?:ngày \d|\d{1,2}\s*/)|\bdịp\b", low)
    if dates and (strict or deadline or re.search(r"ngày\s+\d", low)):
        # the deadline is the last date mentioned after 'trước'/'đến', else the last one
        d, mo, y, at = dates[-1]
        if not recurring and (listed := first_day(t, dates, ends)) is not None:  # 'ngày 15/8/2026 và ngày 15/11/2026': the first
            d, mo, y, at = listed
        lunar = ("lịch" in low or "ÂL" in t) and bool(LUNAR_AFTER.match(t, ends.get(at, 0)))  # 'ngày 10 tháng 3 âm lịch'
        for m in _AND_DAY_MONTH.finditer(t):  # 'ngày 20 tháng 6 và 20 tháng 12 hằng năm': both dates
            dd, mm = int(m.group(1)), int(m.group(2))
            if 1 <= dd <= 31 and 1 <= mm <= 12 and (dd, mm) not in [(x[0], x[1]) for x in dates]:
                dates.append((dd, mm, None, m.start()))
        yearless = sorted({(x[1], x[0]) for x in dates if x[2] is None})
        # (not the two ends of a window 'từ ngày 15/4 đến ngày 15/5': that is due at its end)
        if (recurring and len(yearless) >= 2 and len({x[1] for x in yearless}) == 1 and all(x[2] is None for x in dates)
                and not RANGE_START.search(t)):
            day = yearless[0][1]
            months = ",".join(str(x[0]) for x in yearless)
            out.update(kind="recurring", rrule=f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={day}", period="half" if len(yearless) == 2 else "year")
            firsts = [c for c in (_yearly(day, mo_, plan_year, issued_on) for mo_, _ in yearless) if c is not None]
            out["due"] = _iso(min(firsts) if firsts else None)
            return out
        if y is None:
            due = lunar_first(None, mo, d, plan_year, issued_on) if lunar else _yearly(d, mo, plan_year, issued_on)
            if recurring or _NEXT_YEAR.search(t):  # 'trước ngày 31/01 năm liền kề': each year's, due the next year
                out.update(kind="recurring", rrule=None if lunar else f"FREQ=YEARLY;BYMONTH={mo};BYMONTHDAY={d}", period="year")
                out["due"] = _iso(due)
            else:
                out.update(kind="once", due=_iso(due))
            return out
        out.update(kind="once", due=_iso(lunar_first(y, mo, d, None, None) if lunar else _safe_date(y, mo, d)))
        # ('sơ kết 6 tháng trước ngày 30/6/2025': the half-year review named, its date with its year)
        if recurring and not all(re.fullmatch(r"(?:6|sáu)\s*tháng", c.group(0), re.I) and re.search(
                r"(?:sơ kết|tổng kết|báo cáo|đánh giá)\s+$", t[: c.start()], re.I) for c in RECURRING.finditer(t)):
            out.update(kind="recurring", rrule=f"FREQ=YEARLY;BYMONTH={mo};BYMONTHDAY={d}", period="year")
        return out

    # 'Quý IV năm 2024 và các năm tiếp theo', 'năm 2025, năm 2026 và các năm tiếp theo': a task started at
    # a point and carried on from year to year with no yearly deadline of its own -> continuous
    if _ONGOING.search(t) and not re.search(r"\b(?:hằng|hàng|mỗi)\s*năm\b|định\s*kỳ|thường niên", low):
        out.update(kind="continuous")
        out.pop("period", None)
        return out
    first = first_milestone(t) if (strict or deadline) and not recurring else None
    if first:  # 'Quý IV/2025 và Quý II/2026', 'vào năm 2027 và tổng kết vào năm 2030': separate steps, the first
        out.update(kind="once", due=_iso(first))
        return out
    # quarters (the last one of a range): "Quý II/2025", "Quý IV/2025- Quý II/2026"
    qs = list(_QUARTER.finditer(t))
    if qs and (strict or deadline):
        m = qs[-1]
        # 'Quý III, IV/2026': the last quarter listed
        q = _ROMAN_Q[re.split(rf"\s*(?:,|và|{_D})\s*", m.group(1))[-1].strip().lower()]
        y = int(m.group(2)) if m.group(2) else None
        if y is None and re.fullmatch(r"\s*[/-]\s*\d{0,3}", t[m.end() :]):
            out.update(kind="once")  # 'Quý II/20': the year cut off (a text cut at a fixed length), no due date to guess
            return out
        if y is None:
            ym = _YEAR_RE.search(t[m.end() :])
            y = int(ym.group(1)) if ym else plan_year
        if y:
            due = _last_day(y, q * 3)
            later = [int(x) for x in _YEAR_RE.findall(t[m.end() :])]
            if later and max(later) > y:
                due = dt.date(max(later), 12, 31)  # 'Quý IV/2026, 2027': until the end of the last year listed
            # 'Quý IV hằng năm'; 'Quý III/2026 và hằng năm': the first, then every year
            yearly = recurring and (not m.group(2) or _AND_YEARLY.match(t, m.end()))
            if yearly and y == plan_year and not later and issued_on and due < issued_on:
                due = _last_day(y + 1, q * 3)  # 'trong quý I hằng năm' in a plan issued in July: the next year's
            out.update(kind="recurring" if yearly else "once", due=_iso(due))
        else:
            out.update(kind="once")
        return out
    m = MONTH_YEARLY.search(t) if "tháng" in low and recurring else None
    each = [int(x) for x in re.findall(r"\d+", next(g for g in m.groups() if g))] if m else []
    if m and plan_year and all(1 <= x <= 12 for x in each):
        # 'trong tháng 6 hằng năm': every June, the first one after the issue; 'tháng 6 và tháng 12': the first of either
        firsts = [_last_day(plan_year, x) for x in each]
        firsts = [d if not (issued_on and d < issued_on) else _last_day(plan_year + 1, d.month) for d in firsts]
        out.update(kind="recurring", due=_iso(min(firsts)), period={1: "year", 2: "half", 4: "quarter", 12: "month"}.get(len(set(each))))
        return out
    if span and (strict or deadline) and not recurring and 1 <= int(span.group(1)) < int(span.group(2)) <= 12:
        out.update(kind="once", due=_iso(_last_day(int(span.group(3)), int(span.group(2)))))
        return out
    ms = list(_MONTH.finditer(t))
    if ms and (strict or deadline):
        m = ms[milestone(t, ms)]
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            out.update(kind="once", due=_iso(_last_day(y, mo)))
            return out

    if (fest := festival(t, plan_year, issued_on, recurring)) is not None:  # festivals and seasons
        out.update(fest)
        return out

    if CONTINUOUS.search(t) and not (strict and _RANGE.search(t)):
        out.update(kind="continuous")
        return out
    if recurring:
        out.update(kind="recurring")
        return out

    # years: "năm 2025", "cuối năm 2027", "đến năm 2030", "2025-2026", "giai đoạn 2021-2025"
    if strict:
        r = _RANGE.search(t)
        if r:
            out.update(kind="once", due=_iso(dt.date(int(r.group(2)), 12, 31)))
            return out
        ys = _YEAR_RE.findall(t)
        part = PART_OF_YEAR.search(t) if len(ys) == 1 else None
        if part:  # 'đầu năm 2026': its first quarter; 'giữa năm 2026': its first half
            out.update(kind="once", due=_iso(_last_day(int(ys[0]), 3 if part.group(1).lower() == "đầu" else 6)))
            return out
        if ys:
            out.update(kind="once", due=_iso(dt.date(int(ys[-1]), 12, 31)))
            return out
        if _SOON.search(t) and not AFTER_EVENT.search(t):  # ('ngay sau khi có hướng dẫn của Bộ': when that comes)
            out.update(kind="once")
            return out
    else:
        m = _YEAR_DEADLINE.search(t)
        if m:
            out.update(kind="once", due=_iso(dt.date(int(m.group(2) or m.group(1)), 12, 31)))
            return out
    if plan_year and (_END_OF_YEAR.search(t) or (strict and re.match(r"^(?:vào\s+)?(?:dịp\s+)?cuối\s+năm\W*$", t, re.I))):
        out.update(kind="once", due=_iso(dt.date(plan_year, 12, 31)))
    elif SESSION.search(t):  # 'tại Kỳ họp thứ 10': once, on a date the plan does not give
        out.update(kind="once")
    return out


from dondoc.plans.timing_text import timing_in_text, uncut  # noqa: E402, F401 (re-exported: read with parse_timing above)
