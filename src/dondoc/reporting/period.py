"""Report periods: a period code ('2025', '2025-Q3', '2025-H1', '2025-09') read into dates, the default period of a plan, and the cutoff of its data."""

from __future__ import annotations

import datetime as dt

import pendulum
from sqlmodel import Session, func, select

from dondoc.calendar.periods import Period
from dondoc.clock import TZ
from dondoc.clock import local_date as _local_day
from dondoc.errors import InputError
from dondoc.models import (
    Obligation,
    Plan,
)


class ReportInputError(InputError):
    """A report request that cannot be served (bad period, unknown plan)."""


def parse_period(code: str) -> Period:
    """'2025', '2025-Q3', '2025-H1', '2025-06' -> Period (calendar.periods.Period, the one period type)."""
    try:
        return Period.parse(code)
    except ReportInputError:
        raise
    except InputError as exc:
        raise ReportInputError(str(exc)) from None




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
