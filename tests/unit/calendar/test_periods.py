"""Reporting periods (Nghị định 09/2019/NĐ-CP defaults) and timing -> dated occurrences."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from dondoc.calendar.periods import (
    chain_deadlines,
    cutoff_window,
    frequency_from_text,
    occurrences,
    parse_period,
    period_bounds,
    period_occurrence,
)
from dondoc.calendar.policy import Policy
from dondoc.calendar.workdays import WorkCalendar
from dondoc.errors import InputError

D = dt.date.fromisoformat
CAL = WorkCalendar()
POL = Policy()


@pytest.mark.parametrize(
    ("label", "start", "end", "data_start", "cutoff"),
    [
        ("2025", "2025-01-01", "2025-12-31", "2024-12-15", "2025-12-14"),
        ("2025-H1", "2025-01-01", "2025-06-30", "2024-12-15", "2025-06-14"),
        ("2025-H2", "2025-07-01", "2025-12-31", "2025-06-15", "2025-12-14"),
        ("2025-Q1", "2025-01-01", "2025-03-31", "2024-12-15", "2025-03-14"),
        ("2025-Q3", "2025-07-01", "2025-09-30", "2025-06-15", "2025-09-14"),
        ("2025-06", "2025-06-01", "2025-06-30", "2025-05-15", "2025-06-14"),
        ("2025-01", "2025-01-01", "2025-01-31", "2024-12-15", "2025-01-14"),
        ("2024-02", "2024-02-01", "2024-02-29", "2024-01-15", "2024-02-14"),
    ],
)
def test_nd09_periods(label: str, start: str, end: str, data_start: str, cutoff: str) -> None:
    freq, year, index = parse_period(label)
    assert period_bounds(freq, year, index) == (D(start), D(end))
    assert cutoff_window(freq, year, index) == (D(data_start), D(cutoff))


@pytest.mark.parametrize("label", ["2025-Q5", "2025-13", "25", "2025-H3", "next year"])
def test_bad_period_labels(label: str) -> None:
    with pytest.raises(InputError):
        parse_period(label)


@pytest.mark.parametrize(
    ("label", "level", "due"),
    [
        ("2025", 0, "2025-12-15"),  # cut-off Sunday 14/12 -> Monday 15/12
        ("2025", 1, "2025-12-17"),
        ("2025", 2, "2025-12-19"),
        ("2025-Q3", 0, "2025-09-15"),
        ("2025-06", 0, "2025-06-16"),  # 14/6 Saturday: first working day after is Monday 16/6
        ("2026-02", 0, "2026-02-23"),  # cut-off 14/2/2026 falls into Tết: after the holiday
        ("2025-01", 0, "2025-01-15"),
    ],
)
def test_default_deadline_per_level(label: str, level: int, due: str) -> None:
    o = period_occurrence(label, calendar=CAL, policy=POL, level=level)
    assert o.due_date == D(due)
    assert CAL.working_days_between(o.cutoff, o.due_date) >= 1  # at least one working day after cut-off


def test_chain_deadlines() -> None:
    assert chain_deadlines(D("2025-12-14"), calendar=CAL, policy=POL) == [D("2025-12-15"), D("2025-12-17"),
                                                                          D("2025-12-19")]
    assert chain_deadlines(D("2025-12-14"), calendar=CAL, policy=POL, levels=2) == [D("2025-12-15"),
                                                                                    D("2025-12-17")]


SEED004_UNITS = {"text": "trước ngày 10/11 hằng năm", "kind": "recurring", "due": "2025-11-10",
                 "rrule": "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=10"}
SEED004_COMPILE = {"text": "trước ngày 15/11 hằng năm", "kind": "recurring", "due": "2025-11-15",
                   "rrule": "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15"}


@pytest.mark.parametrize(
    ("timing", "extra", "expected"),
    [
        # (period, plan_due, due_date) per occurrence
        ({"text": "Quý II/2025", "kind": "once", "due": "2025-06-30", "rrule": None}, {},
         [("2025", "2025-06-30", "2025-06-30")]),
        ({"text": "trước 15/11/2025", "kind": "once", "due": "2025-11-15", "rrule": None}, {},
         [("2025", "2025-11-15", "2025-11-14")]),
        ({"text": "trước 15/11/2025", "kind": "once", "due": "2025-11-15", "rrule": None},
         {"policy": POL.merged({"shift": "next"})}, [("2025", "2025-11-15", "2025-11-17")]),
        ({"text": "27/7/2024", "kind": "once", "due": "2024-07-27", "rrule": None}, {},
         [("2024", "2024-07-27", "2024-07-26")]),
        ({"text": "Tết", "kind": "once", "due": "2025-01-29", "rrule": None}, {},
         [("2025", "2025-01-29", "2025-01-24")]),
        (SEED004_UNITS, {}, [("2025", "2025-11-10", "2025-11-10")]),
        (SEED004_COMPILE, {}, [("2025", "2025-11-15", "2025-11-14")]),
        (SEED004_COMPILE, {"policy": POL.merged({"horizon_end_year": 2027})},
         [("2025", "2025-11-15", "2025-11-14"), ("2026", "2026-11-15", "2026-11-13"),
          ("2027", "2027-11-15", "2027-11-15")]),
        ({"text": "hằng quý", "kind": "recurring", "due": None, "rrule": "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20"},
         {}, [("2025-Q1", "2025-01-20", "2025-01-20"), ("2025-Q2", "2025-04-20", "2025-04-18"),
              ("2025-Q3", "2025-07-20", "2025-07-18"), ("2025-Q4", "2025-10-20", "2025-10-20")]),
        ({"text": "hằng năm", "kind": "recurring", "due": "2025-12-10", "rrule": None}, {},
         [("2025", "2025-12-10", "2025-12-10")]),
        ({"text": "định kỳ 6 tháng", "kind": "recurring", "due": None, "rrule": None}, {},
         [("2025-H1", None, "2025-06-16"), ("2025-H2", None, "2025-12-15")]),
        ({"text": "Thường xuyên", "kind": "continuous", "due": None, "rrule": None}, {},
         [("2025", None, "2025-12-15")]),
        ({"text": "Thường xuyên", "kind": "continuous", "due": None, "rrule": None},
         {"report_frequency": "half"}, [("2025-H1", None, "2025-06-16"), ("2025-H2", None, "2025-12-15")]),
        # the plan's own report date wins over the ND09 default for status obligations
        ({"text": "Thường xuyên", "kind": "continuous", "due": None, "rrule": None},
         {"report_timing": SEED004_UNITS}, [("2025", "2025-11-10", "2025-11-10")]),
        ({"text": "Thường xuyên", "kind": "continuous", "due": None, "rrule": None},
         {"policy": POL.merged({"status_frequency": "quarter"}), "issued_on": D("2025-05-03")},
         [("2025-Q2", None, "2025-06-16"), ("2025-Q3", None, "2025-09-15"), ("2025-Q4", None, "2025-12-15")]),
        ({"text": None, "kind": "unspecified", "due": None, "rrule": None}, {}, [("2025", None, "2025-12-15")]),
    ],
)
def test_occurrences(timing: dict, extra: dict, expected: list) -> None:  # type: ignore[type-arg]
    kw = {"plan_year": 2025, "issued_on": None, "calendar": CAL, "policy": POL} | extra
    if timing.get("due") == "2024-07-27":
        kw["plan_year"] = 2024
    got = occurrences(timing, **kw)
    assert [(o.period, o.plan_due.isoformat() if o.plan_due else None, o.due_date.isoformat()) for o in got] == [
        (p, pd, d) for p, pd, d in expected]
    for o in got:
        assert CAL.is_working_day(o.due_date)
        assert o.cutoff < o.due_date
        assert o.kind == timing["kind"]
        assert o.needs_review is (timing["kind"] == "unspecified")


def test_once_without_a_date_is_flagged() -> None:
    (o,) = occurrences({"text": "sớm", "kind": "once", "due": None, "rrule": None}, plan_year=2025,
                       issued_on=None, calendar=CAL, policy=POL)
    assert o.needs_review and o.due_date == D("2025-12-15")


def test_issued_after_last_deadline_keeps_one() -> None:
    got = occurrences(SEED004_UNITS, plan_year=2025, issued_on=D("2025-11-20"), calendar=CAL, policy=POL)
    assert [o.period for o in got] == ["2025"]


def test_until_extends_horizon() -> None:
    got = occurrences(SEED004_UNITS, plan_year=2025, issued_on=None, calendar=CAL, policy=POL, until=D("2026-12-31"))
    assert [o.period for o in got] == ["2025", "2026"]


@pytest.mark.parametrize(
    ("text", "freq"),
    [("hằng quý", "quarter"), ("hàng quý", "quarter"), ("Định kỳ 6 tháng", "half"), ("hằng tháng", "month"),
     ("hàng năm", "year"), ("Thường xuyên", None), ("Tháng 6/2024", None), (None, None)],
)
def test_frequency_from_text(text: str | None, freq: str | None) -> None:
    assert frequency_from_text(text) == freq


@pytest.mark.parametrize("timing", [{"kind": "sometimes"}, {"kind": "recurring", "rrule": "FREQ=NEVER"}])
def test_bad_timing(timing: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(InputError):
        occurrences(timing, plan_year=2025, issued_on=None, calendar=CAL, policy=POL)


@hsettings(max_examples=300, deadline=None)
@given(
    st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)),
    st.sampled_from(["once", "yearly", "monthly"]),
    st.sampled_from(["previous", "next"]),
)
def test_deadline_properties(d: dt.date, shape: str, shift: str) -> None:
    policy = POL.merged({"shift": shift})
    if shape == "once":
        timing = {"kind": "once", "due": d.isoformat(), "rrule": None}
    elif shape == "yearly":
        timing = {"kind": "recurring", "due": None, "rrule": f"FREQ=YEARLY;BYMONTH={d.month};BYMONTHDAY={d.day}"}
    else:
        timing = {"kind": "recurring", "due": None, "rrule": f"FREQ=MONTHLY;BYMONTHDAY={min(d.day, 28)}"}
    for o in occurrences(timing, plan_year=d.year, issued_on=None, calendar=CAL, policy=policy):
        assert CAL.is_working_day(o.due_date)
        assert o.plan_due is not None
        if shift == "previous":
            assert o.due_date <= o.plan_due
            assert (o.plan_due - o.due_date).days < 12  # never further back than the longest break
        else:
            assert o.due_date >= o.plan_due
        if o.plan_due == CAL.adjust(o.plan_due, shift):  # type: ignore[arg-type]
            assert o.due_date == o.plan_due


@hsettings(max_examples=100, deadline=None)
@given(st.integers(2024, 2027), st.sampled_from(["month", "quarter", "half", "year"]), st.integers(0, 2))
def test_default_deadlines_stay_in_their_period(year: int, freq: str, level: int) -> None:
    policy = POL.merged({"status_frequency": freq})
    for o in occurrences({"kind": "continuous"}, plan_year=year, issued_on=None, calendar=CAL, policy=policy,
                         level=level):
        assert o.period_start <= o.due_date <= o.period_end
        assert CAL.is_working_day(o.due_date)
        assert o.cutoff < o.due_date
