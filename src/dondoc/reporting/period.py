"""Report periods: a period code ('2025', '2025-Q3', '2025-H1', '2025-09') read into dates, the default period of a plan, and the cutoff of its data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pendulum
from sqlmodel import Session, func, select

from dondoc.clock import TZ
from dondoc.errors import InputError
from dondoc.models import (
    Obligation,
    Plan,
)
from dondoc.reporting import timeliness as tl
from dondoc.reporting.figures import ROMAN


class ReportInputError(InputError):
    """A report request that cannot be served (bad period, unknown plan)."""


@dataclass(frozen=True)
class Period:
    code: str
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        y = self.code[:4]
        rest = self.code[5:]
        if not rest:
            return f"năm {y}"
        if rest.startswith("Q"):
            return f"quý {ROMAN[int(rest[1:])]} năm {y}"
        if rest == "H1":
            return f"6 tháng đầu năm {y}"
        if rest == "H2":
            return f"6 tháng cuối năm {y}"
        return f"tháng {int(rest)} năm {y}"

    def next(self) -> Period:
        y = int(self.code[:4])
        rest = self.code[5:]
        if not rest:
            return parse_period(str(y + 1))
        if rest.startswith("Q"):
            q = int(rest[1:])
            return parse_period(f"{y}-Q{q + 1}" if q < 4 else f"{y + 1}-Q1")
        if rest in ("H1", "H2"):
            return parse_period(f"{y}-H2" if rest == "H1" else f"{y + 1}-H1")
        m = int(rest)
        return parse_period(f"{y}-{m + 1:02d}" if m < 12 else f"{y + 1}-01")


def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))


_PERIOD_RE = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{1,2}))?$")


def parse_period(code: str) -> Period:
    """'2025', '2025-Q3', '2025-H1', '2025-06' -> Period (first and last day)."""
    m = _PERIOD_RE.match(code.strip().upper())
    if not m:
        raise ReportInputError(f"kỳ báo cáo {code!r} không hợp lệ: dùng dạng 2025, 2025-Q3, 2025-H1 hoặc 2025-06")
    y, rest = int(m.group(1)), m.group(2)
    if rest is None:
        return Period(f"{y}", dt.date(y, 1, 1), dt.date(y, 12, 31))
    if rest.startswith("Q"):
        q = int(rest[1])
        return Period(f"{y}-Q{q}", dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
    if rest.startswith("H"):
        h = int(rest[1])
        return Period(f"{y}-H{h}", dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h))
    month = int(rest)
    if not 1 <= month <= 12:
        raise ReportInputError(f"kỳ báo cáo {code!r}: tháng phải từ 01 đến 12")
    return Period(f"{y}-{month:02d}", dt.date(y, month, 1), _month_end(y, month))


def _local_day(now: dt.datetime) -> dt.date:
    return tl.local_date(now)


def _end_of_day(d: dt.date) -> dt.datetime:
    return pendulum.datetime(d.year, d.month, d.day, 23, 59, 59, 999999, tz=TZ)


def _compile_obligations(session: Session, plan_id: int) -> list[Obligation]:
    return list(session.exec(select(Obligation).where(Obligation.plan_id == plan_id, Obligation.role == "compile")
                             .order_by(Obligation.due_date, Obligation.id)).all())  # type: ignore[arg-type]


def default_period(session: Session, *, plan: Plan, now: dt.datetime) -> str:
    """The period whose deadline is next (or, when all have passed, most recently passed) for this plan.

    The focal point's compilations set the deadlines when the plan has them; otherwise the units'
    obligations do (a plan without a reporting section still has dated work per period). Only a plan
    without any obligation falls back to its own year — never the calendar's current year, which would
    compile an empty report for a year the plan does not cover."""
    today = _local_day(now)
    compiles = _compile_obligations(session, plan.id)  # type: ignore[arg-type]
    deadlines: list[tuple[dt.date, str]] = [(o.due_date, o.period) for o in compiles]
    if not deadlines:
        rows = session.exec(select(Obligation.period, func.max(Obligation.due_date))
                            .where(Obligation.plan_id == plan.id).group_by(Obligation.period)).all()
        deadlines = [(due, period) for period, due in rows]
    if not deadlines:
        return str(plan.year or today.year)
    deadlines.sort()
    upcoming = [p for due, p in deadlines if due >= today]
    return upcoming[0] if upcoming else deadlines[-1][1]


def period_cutoff(session: Session, *, plan: Plan, period: Period) -> tuple[dt.date, dt.date | None]:
    """(data cut-off, compile due date) of a period: the compile obligation's cut-off, never later than
    its due date; without one, the latest cut-off of the units' obligations in the period; else its end."""
    compiles = [o for o in _compile_obligations(session, plan.id) if o.period == period.code]  # type: ignore[arg-type]
    if compiles:
        c = compiles[0]
        return min(c.cutoff, c.due_date), c.due_date
    cutoffs = session.exec(select(Obligation.cutoff).where(
        Obligation.plan_id == plan.id, Obligation.period == period.code)).all()
    return (max(cutoffs) if cutoffs else period.end), None
