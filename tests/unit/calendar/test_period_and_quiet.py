"""The one Period and the one quiet-hours rule (pure, no database)."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from dondoc.calendar.periods import Period
from dondoc.calendar.policy import Policy
from dondoc.clock import TZ, local_date
from dondoc.errors import InputError
from dondoc.reporting.period import ReportInputError, parse_period


@pytest.mark.parametrize(("code", "canon", "start", "end", "label", "nxt"), [
    ("2025", "2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31), "năm 2025", "2026"),
    ("2025-q3", "2025-Q3", dt.date(2025, 7, 1), dt.date(2025, 9, 30), "quý III năm 2025", "2025-Q4"),
    ("2025-Q4", "2025-Q4", dt.date(2025, 10, 1), dt.date(2025, 12, 31), "quý IV năm 2025", "2026-Q1"),
    ("2025-H1", "2025-H1", dt.date(2025, 1, 1), dt.date(2025, 6, 30), "6 tháng đầu năm 2025", "2025-H2"),
    ("2024-2", "2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "tháng 2 năm 2024", "2024-03"),
    ("2025-12", "2025-12", dt.date(2025, 12, 1), dt.date(2025, 12, 31), "tháng 12 năm 2025", "2026-01"),
])
def test_period(code: str, canon: str, start: dt.date, end: dt.date, label: str, nxt: str) -> None:
    p = Period.parse(code)
    assert (p.code, p.start, p.end, p.label, p.next().code) == (canon, start, end, label, nxt)
    assert parse_period(code) == p


@pytest.mark.parametrize("bad", ["25", "2025-13", "2025-Q5", "năm 2025", ""])
def test_bad_period_codes_say_what_is_expected(bad: str) -> None:
    with pytest.raises(InputError, match="kỳ báo cáo"):
        Period.parse(bad)
    with pytest.raises(ReportInputError):
        parse_period(bad)


def test_quiet_hours_are_local_time() -> None:
    policy = Policy(send_hour=8)
    assert policy.quiet(pendulum.datetime(2025, 11, 10, 7, 59, tz=TZ))
    assert not policy.quiet(pendulum.datetime(2025, 11, 10, 8, 0, tz=TZ))
    assert not policy.quiet(pendulum.datetime(2025, 11, 10, 1, 0, tz="UTC"))  # 08:00 in Vietnam
    moved = policy.after_quiet(pendulum.datetime(2025, 11, 9, 23, 0, tz="UTC"))  # 06:00 on the 10th in Vietnam
    assert pendulum.instance(moved).in_timezone(TZ) == pendulum.datetime(2025, 11, 10, 8, 0, tz=TZ)
    later = pendulum.datetime(2025, 11, 10, 9, 30, tz=TZ)
    assert policy.after_quiet(later) == later


def test_local_date_is_the_day_in_vietnam_and_refuses_naive() -> None:
    assert local_date(pendulum.datetime(2025, 11, 10, 17, 30, tz="UTC")) == dt.date(2025, 11, 11)
    with pytest.raises(ValueError, match="naive"):
        local_date(dt.datetime(2025, 11, 10, 8, 0))
