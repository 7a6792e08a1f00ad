"""The ledger's SQL pieces: the Vietnam day of a stored instant, the timeliness category written as SQL twice
(`category_sql`, a CASE for sorting and grouping; `category_where`, plain comparisons a filter can run on the
indexes) and the effective deadline. Tests check both forms agree with reporting.timeliness."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
from sqlalchemy import Date, and_, case, cast, func, literal, not_, or_
from sqlmodel import col

from dondoc.clock import TZ
from dondoc.models import Obligation
from dondoc.reporting import timeliness as tl


def local_day_sql(column: Any, dialect: str) -> Any:
    """The Vietnam calendar day of a stored UTC timestamp (UTC+7 all year, no daylight saving)."""
    if dialect == "postgresql":
        return cast(func.timezone("Asia/Ho_Chi_Minh", column), Date)
    return func.date(column, "+7 hours")


def category_sql(as_of: dt.date, dialect: str) -> Any:
    """reporting.timeliness.classify as SQL (original deadline; done counts from its Vietnam day). "Done by
    `as_of`" is a comparison of the stored instant with a constant; the Vietnam day of the completion is
    computed only for the done rows (CASE stops at the first true branch)."""
    done_day = local_day_sql(col(Obligation.completed_at), dialect)
    day = literal(as_of, Date)
    done_by = and_(col(Obligation.status) == "done", col(Obligation.completed_at).is_not(None),
                   col(Obligation.completed_at) < start_of(as_of + dt.timedelta(days=1)))
    return case(
        (or_(col(Obligation.kind).in_(tl.NO_DEADLINE_KINDS), col(Obligation.due_date).is_(None)), literal(tl.NO_DEADLINE)),
        (done_by, case((done_day <= col(Obligation.due_date), literal(tl.ON_TIME)), else_=literal(tl.DONE_LATE))),
        (day > col(Obligation.due_date), literal(tl.OVERDUE)),
        (col(Obligation.status) == "not_started", literal(tl.NOT_DUE)),
        else_=literal(tl.IN_PROGRESS))


def effective_due_sql() -> Any:
    return func.coalesce(col(Obligation.extended_due), col(Obligation.due_date))


def start_of(day: dt.date) -> dt.datetime:
    return pendulum.datetime(day.year, day.month, day.day, tz=TZ)


def category_where(category: str, as_of: dt.date, dialect: str) -> Any:
    """`category_sql(as_of) == category` as plain comparisons on the obligation's columns (no function of
    every row), so a filter or a count can use the indexes; tests check both forms agree."""
    dated = and_(col(Obligation.kind).not_in(tl.NO_DEADLINE_KINDS), col(Obligation.due_date).is_not(None))
    done_by = and_(col(Obligation.status) == "done", col(Obligation.completed_at).is_not(None),
                   col(Obligation.completed_at) < start_of(as_of + dt.timedelta(days=1)))
    done_day = local_day_sql(col(Obligation.completed_at), dialect)
    if category == tl.NO_DEADLINE:
        return not_(dated)
    if category in (tl.ON_TIME, tl.DONE_LATE):
        timely = done_day <= col(Obligation.due_date)
        return and_(dated, done_by, timely if category == tl.ON_TIME else not_(timely))
    open_ = and_(dated, not_(done_by))
    if category == tl.OVERDUE:
        return and_(open_, col(Obligation.due_date) < as_of)
    started = col(Obligation.status) == "not_started"
    return and_(open_, col(Obligation.due_date) >= as_of, started if category == tl.NOT_DUE else not_(started))
