"""Reporting periods and dated occurrences of a task's timing.

Default rule (Nghị định 09/2019/NĐ-CP, art. 12): the data of a period are cut off on the 14th of its
last month (monthly: 15th of the previous month -> 14th; quarterly, half-yearly likewise; annual:
15/12 of the previous year -> 14/12), and each level of the reporting chain (units -> focal point ->
issuer -> upper level) has its own deadline, at least one working day after the cut-off. A plan's
own date ('trước ngày 10/11 hằng năm') overrides the default.

Period labels: '2025', '2025-H1', '2025-Q3', '2025-06' (and '2025-06-30' for sub-monthly rules).
`Occurrence.period_start/period_end` are the calendar bounds of that period; `data_start..cutoff`
is the window of data it reports on.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dondoc.calendar.policy import FREQUENCIES, Policy
from dondoc.calendar.workdays import WorkCalendar, as_date
from dondoc.errors import InputError

MONTHS_PER = {"month": 1, "quarter": 3, "half": 6, "year": 12}


@dataclass(frozen=True)
class Occurrence:
    period: str
    period_start: dt.date
    period_end: dt.date
    cutoff: dt.date
    plan_due: dt.date | None  # the date as the plan writes it (None: a default deadline)
    due_date: dt.date  # a working day
    data_start: dt.date | None = None
    kind: str = "once"
    needs_review: bool = False  # 'unspecified' timing, or a date we had to guess

    def to_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in self.__dict__.items()}


# ---- periods ---------------------------------------------------------------------------------------

def period_label(freq: str, year: int, index: int) -> str:
    """index is 1-based within the year: month 1-12, quarter 1-4, half 1-2, year 1."""
    if freq == "year":
        return f"{year}"
    if freq == "half":
        return f"{year}-H{index}"
    if freq == "quarter":
        return f"{year}-Q{index}"
    if freq == "month":
        return f"{year}-{index:02d}"
    raise InputError(f"unknown period frequency {freq!r}: expected one of {', '.join(FREQUENCIES)}")


_LABEL = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$")


def parse_period(label: str) -> tuple[str, int, int]:
    """'2025-Q3' -> ('quarter', 2025, 3)."""
    m = _LABEL.match(label.strip())
    if not m:
        raise InputError(f"not a period label: {label!r} (expected 2025, 2025-H1, 2025-Q3 or 2025-06)")
    year, part = int(m.group(1)), m.group(2)
    if part is None:
        return "year", year, 1
    if part[0] == "H":
        return "half", year, int(part[1])
    if part[0] == "Q":
        return "quarter", year, int(part[1])
    month = int(part)
    if not 1 <= month <= 12:
        raise InputError(f"not a period label: {label!r} (month {month})")
    return "month", year, month


def period_bounds(freq: str, year: int, index: int) -> tuple[dt.date, dt.date]:
    """First and last calendar day of the period."""
    n = MONTHS_PER[freq]
    first_month = (index - 1) * n + 1
    last_month = first_month + n - 1
    return dt.date(year, first_month, 1), dt.date(year, last_month, _cal.monthrange(year, last_month)[1])


_ROMAN = ("", "I", "II", "III", "IV")
_CODE = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{1,2}))?$")


@dataclass(frozen=True)
class Period:
    """The one reporting period: a year, a half, a quarter or a month, by its code ('2025', '2025-H1',
    '2025-Q3', '2025-06'), with its first and last day and its Vietnamese name."""

    freq: str
    year: int
    index: int

    @classmethod
    def parse(cls, code: str) -> Period:
        m = _CODE.match(code.strip().upper())
        if not m:
            raise InputError(f"kỳ báo cáo {code!r} không hợp lệ: dùng dạng 2025, 2025-Q3, 2025-H1 hoặc 2025-06")
        year, part = int(m.group(1)), m.group(2)
        if part is None:
            return cls("year", year, 1)
        if part[0] in "QH":
            return cls("quarter" if part[0] == "Q" else "half", year, int(part[1]))
        if not 1 <= int(part) <= 12:
            raise InputError(f"kỳ báo cáo {code!r}: tháng phải từ 01 đến 12")
        return cls("month", year, int(part))

    @property
    def code(self) -> str:
        return period_label(self.freq, self.year, self.index)

    @property
    def start(self) -> dt.date:
        return period_bounds(self.freq, self.year, self.index)[0]

    @property
    def end(self) -> dt.date:
        return period_bounds(self.freq, self.year, self.index)[1]

    @property
    def label(self) -> str:
        """'năm 2025', 'quý III năm 2025', '6 tháng đầu năm 2025', 'tháng 6 năm 2025'."""
        y = self.year
        if self.freq == "year":
            return f"năm {y}"
        if self.freq == "quarter":
            return f"quý {_ROMAN[self.index]} năm {y}"
        if self.freq == "half":
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {y}"
        return f"tháng {self.index} năm {y}"

    def next(self) -> Period:
        per_year = 12 // MONTHS_PER[self.freq]
        if self.index < per_year:
            return Period(self.freq, self.year, self.index + 1)
        return Period(self.freq, self.year + 1, 1)


def period_of(d: dt.date, freq: str) -> tuple[str, int, int]:
    """The (label, year, index) of the calendar period holding `d`."""
    index = (d.month - 1) // MONTHS_PER[freq] + 1
    return period_label(freq, d.year, index), d.year, index


def cutoff_window(freq: str, year: int, index: int, *, cutoff_day: int = 14) -> tuple[dt.date, dt.date]:
    """(data_start, cutoff): from the day after the previous period's cut-off (the cutoff_day-th of the
    month before the period) to the cutoff_day-th of its last month. The day after, not the
    (cutoff_day+1)-th, which does not exist for 28 in a short February."""
    start, end = period_bounds(freq, year, index)
    cutoff = dt.date(end.year, end.month, cutoff_day)
    before = start - dt.timedelta(days=1)
    return dt.date(before.year, before.month, cutoff_day) + dt.timedelta(days=1), cutoff


def chain_deadlines(
    cutoff: dt.date, *, calendar: WorkCalendar, policy: Policy, levels: int | None = None
) -> list[dt.date]:
    """Deadline of each chain level (0: units -> focal point, 1: focal -> issuer, 2: -> upper level)."""
    gaps = policy.level_gaps[: levels or len(policy.level_gaps)]
    return [calendar.add_working_days(cutoff, g) for g in gaps]


def period_occurrence(
    label: str, *, calendar: WorkCalendar, policy: Policy, level: int = 0, kind: str = "continuous",
    plan_due: dt.date | None = None, needs_review: bool = False,
) -> Occurrence:
    """The default occurrence of a reporting period at chain `level` (or at the plan's own date)."""
    freq, year, index = parse_period(label)
    start, end = period_bounds(freq, year, index)
    data_start, cutoff = cutoff_window(freq, year, index, cutoff_day=policy.cutoff_day)
    if plan_due is not None:
        due = _shift_within(plan_due, start, end, calendar, policy)
        cutoff = min(cutoff, calendar.add_working_days(due, -1))
        return Occurrence(label, start, end, cutoff, plan_due, due, data_start, kind, needs_review)
    gap = policy.level_gaps[min(level, len(policy.level_gaps) - 1)]
    due = calendar.add_working_days(cutoff, gap)
    if due > end:  # a long holiday after the cut-off: keep the deadline inside its period
        due = calendar.adjust(end, "previous")
        cutoff = min(cutoff, calendar.add_working_days(due, -1))  # and the data cut-off before it
    return Occurrence(label, start, end, cutoff, None, due, data_start, kind, needs_review)


def _shift_within(d: dt.date, start: dt.date, end: dt.date, calendar: WorkCalendar, policy: Policy) -> dt.date:
    """The plan's date on a working day, in the policy's direction. With 'previous' the deadline is
    never after the plan's date, even when that crosses the period's first day (1/1 -> 31/12)."""
    return policy.shift_due(d, calendar)


# ---- timing -> occurrences -----------------------------------------------------------------------

_FREQ_WORDS = (  # matched on folded text (no diacritics), most specific first
    (re.compile(r"\b6 thang\b|\bsau thang\b|\bnua nam\b"), "half"),
    (re.compile(r"\bquy\b"), "quarter"),
    (re.compile(r"\bthang\b"), "month"),
    (re.compile(r"\bnam\b"), "year"),
)


def frequency_from_text(text: str | None) -> str | None:
    """'hằng quý' -> 'quarter', '6 tháng' -> 'half', 'hằng tháng' -> 'month', 'hằng năm' -> 'year'."""
    if not text:
        return None
    from dondoc.vietnamese import fold

    folded = fold(text)
    if not re.search(r"\b(hang|dinh ky|moi)\b", folded):
        return None
    for pattern, freq in _FREQ_WORDS:
        if pattern.search(folded):
            return freq
    return None


def frequency_of_rrule(rule: str) -> str | None:
    """The period frequency a recurrence rule reports on (None: finer than a month)."""
    parts = _rrule_parts(rule)
    freq = parts.get("FREQ")
    interval = int(parts.get("INTERVAL", "1") or 1)
    if freq == "YEARLY":
        return "year"
    if freq == "MONTHLY":
        return {1: "month", 3: "quarter", 6: "half", 12: "year"}.get(interval)
    return None


def _rrule_parts(rule: str) -> dict[str, str]:
    text = rule.strip()
    for line in text.splitlines():
        if line.upper().startswith("RRULE:"):
            text = line.split(":", 1)[1]
            break
    return {k.upper(): v for k, _, v in (p.partition("=") for p in text.split(";") if p)}


def horizon(plan_year: int, policy: Policy, until: dt.date | None) -> tuple[dt.date, dt.date]:
    end_year = policy.horizon_end_year or plan_year
    end = dt.date(max(end_year, plan_year), 12, 31)
    if until is not None:
        end = as_date(until)
    return dt.date(plan_year, 1, 1), end


def occurrences(
    timing: Mapping[str, Any],
    *,
    plan_year: int,
    issued_on: dt.date | None,
    calendar: WorkCalendar,
    policy: Policy,
    until: dt.date | None = None,
    report_timing: Mapping[str, Any] | None = None,
    report_frequency: str | None = None,
    level: int = 0,
) -> list[Occurrence]:
    """Dated instances of a timing (the parser's {text, kind, due, rrule}) within the plan's horizon.

    - once: one occurrence at `due` (no date: the default deadline of the plan year, flagged);
    - recurring: each rrule occurrence in the horizon (no rrule: yearly on `due`'s day and month,
      or the periods its words name, 'hằng quý' ...);
    - continuous: one status obligation per status period (policy.status_frequency, else the plan's
      report frequency, else 'year'), due at that period's reporting deadline — or at the dates of
      the plan's own report timing (`report_timing`: the units' report obligation) when it has them;
    - unspecified: as continuous, flagged for a person to review.
    Periods whose deadline falls before the plan was issued are dropped (not for 'once').
    """
    # Long on purpose: the timing kinds handled case by case.
    kind = str(timing.get("kind") or "unspecified")
    start, end = horizon(plan_year, policy, until)
    due = _date_or_none(timing.get("due"))
    rule = timing.get("rrule")
    out: list[Occurrence]

    if kind == "once":
        if due is None:
            return [_once_default(plan_year, calendar, policy, level)]
        return [_once(due, calendar, policy)]
    if kind == "recurring":
        if rule:
            out = _from_rrule(str(rule), due, start, end, calendar, policy, kind)
        elif due is not None:
            out = _from_rrule(f"FREQ=YEARLY;BYMONTH={due.month};BYMONTHDAY={due.day}", due, start, end,
                              calendar, policy, kind)
        else:
            freq = frequency_from_text(timing.get("text")) or report_frequency or "year"
            out = _periods(freq, start, end, calendar, policy, level, kind, needs_review=False)
    elif kind in ("continuous", "unspecified"):
        flagged = kind == "unspecified"
        dated = None
        if report_timing and report_timing.get("kind") in ("recurring", "once") and not policy.status_frequency:
            dated = occurrences(report_timing, plan_year=plan_year, issued_on=None, calendar=calendar,
                                policy=policy, until=until)
        if dated:
            out = [_replace(o, kind=kind, needs_review=flagged) for o in dated]
        else:
            freq = policy.status_frequency or report_frequency or "year"
            out = _periods(freq, start, end, calendar, policy, level, kind, needs_review=flagged)
    else:
        raise InputError(f"unknown timing kind {kind!r}: expected once, recurring, continuous or unspecified")

    if issued_on is not None:
        issued = as_date(issued_on)
        kept = [o for o in out if o.due_date >= issued]
        out = kept if kept else out[-1:]  # a plan issued after its last deadline still gets one
    return out


def _replace(o: Occurrence, **changes: Any) -> Occurrence:
    from dataclasses import replace

    return replace(o, **changes)


def _date_or_none(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return as_date(value)


def _once(due: dt.date, calendar: WorkCalendar, policy: Policy) -> Occurrence:
    start, end = dt.date(due.year, 1, 1), dt.date(due.year, 12, 31)
    shifted = _shift_within(due, start, end, calendar, policy)
    cutoff = calendar.add_working_days(shifted, -1)
    return Occurrence(str(due.year), start, end, cutoff, due, shifted, None, "once", False)


def _once_default(year: int, calendar: WorkCalendar, policy: Policy, level: int) -> Occurrence:
    o = period_occurrence(str(year), calendar=calendar, policy=policy, level=level, kind="once")
    return _replace(o, needs_review=True)


def _periods(freq: str, start: dt.date, end: dt.date, calendar: WorkCalendar, policy: Policy, level: int,
             kind: str, *, needs_review: bool) -> list[Occurrence]:
    if freq not in MONTHS_PER:
        raise InputError(f"unknown status frequency {freq!r}: expected one of {', '.join(FREQUENCIES)}")
    out = []
    for year in range(start.year, end.year + 1):
        for index in range(1, 12 // MONTHS_PER[freq] + 1):
            p_start, p_end = period_bounds(freq, year, index)
            if p_end < start or p_start > end:
                continue
            out.append(period_occurrence(period_label(freq, year, index), calendar=calendar, policy=policy,
                                         level=level, kind=kind, needs_review=needs_review))
    return out


def _from_rrule(rule: str, due: dt.date | None, start: dt.date, end: dt.date, calendar: WorkCalendar,
                policy: Policy, kind: str) -> list[Occurrence]:
    from dateutil.rrule import rrulestr

    try:
        # dateutil's rrule works on naive wall-clock dates here (ignoretz): only the dates are kept
        dtstart = dt.datetime(start.year, start.month, start.day)  # noqa: DTZ001
        rr = rrulestr(rule, dtstart=dtstart, ignoretz=True)
    except (ValueError, TypeError) as exc:
        raise InputError(f"not a recurrence rule: {rule!r} ({exc})") from exc
    freq = frequency_of_rrule(rule)
    out = []
    last = dt.datetime(end.year, end.month, end.day, 23, 59, 59)  # noqa: DTZ001 (naive like dtstart above)
    for when in rr.between(dtstart, last, inc=True):
        d = when.date()
        if freq is None:
            p_start = p_end = d
            label = d.isoformat()
        else:
            label, year, index = period_of(d, freq)
            p_start, p_end = period_bounds(freq, year, index)
        shifted = _shift_within(d, p_start, p_end, calendar, policy) if freq else policy.shift_due(d, calendar)
        window = cutoff_window(freq, *period_of(d, freq)[1:], cutoff_day=policy.cutoff_day) if freq else None
        cutoff = calendar.add_working_days(shifted, -1)
        if window is not None:
            cutoff = min(window[1], cutoff)
        out.append(Occurrence(label, p_start, p_end, cutoff, d, shifted, window[0] if window else None, kind, False))
    return out
