"""Property-based tests (hypothesis): the parser never crashes and always emits schema-valid plans;
calendar arithmetic keeps its invariants; obligation generation is idempotent."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pendulum
import pytest
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from dondoc.calendar.periods import (
    FREQUENCIES,
    occurrences,
    period_bounds,
    period_label,
    period_occurrence,
)
from dondoc.calendar.policy import Policy
from dondoc.calendar.workdays import WorkCalendar
from dondoc.clock import TZ
from dondoc.errors import PlanReadError
from dondoc.plans import parse_text

SCHEMA = json.loads((Path(__file__).resolve().parents[3] / "shared" / "plan.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
CAL = WorkCalendar()

# ------------------------------------------------------------------------------------------ parser

# Plan-shaped fragments, so generated text reaches deep into the parser rather than being refused at once.
FRAGMENTS = [
    "KẾ HOẠCH", "ỦY BAN NHÂN DÂN", "Số: 68/KH-UBND", "Số: /KH-UBND", "ngày 05 tháng 11 năm 2024",
    "ngày tháng năm 2024", "I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ", "IV. TỔ CHỨC THỰC HIỆN", "V.", "1.", "2.1.",
    "2.1", "a)", "-", "+", "## **I. ...**", "**2.1.**", "|", "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian",
    "Phòng Nội vụ:", "Chủ trì, phối hợp với", "Cơ quan chủ trì:", "Thời gian thực hiện:", "Thường xuyên",
    "hằng năm", "hàng quý", "6 tháng", "trước ngày 10/12 hằng năm", "Quý II/2025", "Quý IV năm 2024",
    "Tháng 6/2024", "cuối năm 2027", "giai đoạn 2021-2025", "31/02/2025", "29/02/2025", "00/13/2025",
    "nhân dịp Tết Nguyên đán", "tết trung thu năm 2024", "Đề nghị Ủy ban Mặt trận Tổ quốc", "UBND các xã, thị trấn",
    "Công chức Lao động – TB&XH; VHXH.", "Phấn đấu", "đạt 78,2 %", "trên 98%", "từ 29 hộ xuống còn 03 hộ",
    "60.000 lao động", "Nơi nhận:", "- Lưu: VT.", "(b/c)", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Phụ lục",
    "báo cáo kết quả về UBND huyện", "\n", "\n\n", " ", "9999", "0", "1e308", "\u200b", "\ufeff", "\x00",
]
plan_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=60).map(" ".join)
line_based = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=40).map("\n".join)


@pytest.mark.slow
@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(plan_like, line_based, st.text(max_size=400)), year=st.one_of(st.none(), st.integers(1990, 2100)))
def test_parser_never_crashes_and_output_validates(text: str, year: int | None) -> None:
    try:
        plan = parse_text(text, source="hypothesis.txt", year=year)
    except PlanReadError:
        return  # a clean refusal is a valid outcome
    errors = sorted(VALIDATOR.iter_errors(plan), key=str)
    assert not errors, f"{errors[0].message} at {list(errors[0].absolute_path)}"


# ---------------------------------------------------------------------------------------- calendar

days = st.dates(dt.date(2020, 1, 1), dt.date(2032, 12, 31))


@hsettings(max_examples=300, deadline=None)
@given(d=days, direction=st.sampled_from(["previous", "next"]))
def test_adjust_lands_on_the_nearest_working_day_in_its_direction(d: dt.date, direction: str) -> None:
    a = CAL.adjust(d, direction)  # type: ignore[arg-type]
    assert CAL.is_working_day(a)
    lo, hi = (a, d) if direction == "previous" else (d, a)
    assert lo <= hi
    # no working day was skipped between the date and its adjustment
    between = [lo + dt.timedelta(days=i) for i in range(1, (hi - lo).days)]
    assert not any(CAL.is_working_day(x) for x in between)
    if CAL.is_working_day(d):
        assert a == d


@hsettings(max_examples=300, deadline=None)
@given(d=days, n=st.integers(-40, 40).filter(lambda n: n != 0))
def test_add_working_days_gives_a_working_day_n_working_days_away(d: dt.date, n: int) -> None:
    r = CAL.add_working_days(d, n)
    assert CAL.is_working_day(r)
    assert (r > d) if n > 0 else (r < d)
    lo, hi = (d, r) if n > 0 else (r, d)
    assert sum(CAL.is_working_day(lo + dt.timedelta(days=i)) for i in range(1, (hi - lo).days + 1)) == abs(n) \
        if n > 0 else sum(CAL.is_working_day(lo + dt.timedelta(days=i)) for i in range((hi - lo).days)) == abs(n)


@hsettings(max_examples=300, deadline=None)
@given(due=days)
def test_a_once_deadline_is_a_working_day_never_after_the_plans_date(due: dt.date) -> None:
    policy = Policy()
    assert policy.shift == "previous"
    (o,) = occurrences({"kind": "once", "due": due.isoformat(), "text": "x"}, plan_year=due.year, issued_on=None,
                       calendar=CAL, policy=policy)
    assert CAL.is_working_day(o.due_date)
    assert o.due_date <= due
    assert o.plan_due == due
    # moving the date does not move the obligation to another period
    assert o.period == str(due.year) and o.period_start <= due <= o.period_end
    if any(CAL.is_working_day(o.period_start + dt.timedelta(days=i)) for i in range((due - o.period_start).days + 1)):
        assert o.period_start <= o.due_date <= o.period_end  # a working day before it exists in the period


@hsettings(max_examples=300, deadline=None)
@given(freq=st.sampled_from(FREQUENCIES), year=st.integers(2020, 2032), idx=st.integers(1, 12), level=st.integers(0, 2),
       cutoff_day=st.integers(1, 28))
@example(freq="month", year=2021, idx=3, level=0, cutoff_day=28)  # data from "29/02/2021": found by hypothesis
def test_a_period_deadline_is_a_working_day_inside_its_period(freq: str, year: int, idx: int, level: int,
                                                               cutoff_day: int) -> None:
    n = {"year": 1, "half": 2, "quarter": 4, "month": 12}[freq]
    label = period_label(freq, year, (idx - 1) % n + 1)
    start, end = period_bounds(freq, year, (idx - 1) % n + 1)
    policy = Policy(cutoff_day=cutoff_day)
    o = period_occurrence(label, calendar=CAL, policy=policy, level=level)
    assert o.period == label and (o.period_start, o.period_end) == (start, end)
    assert CAL.is_working_day(o.due_date)
    assert start <= o.due_date <= end
    assert o.cutoff <= o.due_date


@hsettings(max_examples=200, deadline=None)
@given(freq=st.sampled_from(["quarter", "half", "month"]), year=st.integers(2020, 2032), idx=st.integers(1, 12),
       day=st.integers(0, 400))
def test_a_plan_date_inside_a_period_keeps_that_period(freq: str, year: int, idx: int, day: int) -> None:
    n = {"half": 2, "quarter": 4, "month": 12}[freq]
    index = (idx - 1) % n + 1
    start, end = period_bounds(freq, year, index)
    plan_due = start + dt.timedelta(days=day % ((end - start).days + 1))
    label = period_label(freq, year, index)
    o = period_occurrence(label, calendar=CAL, policy=Policy(), plan_due=plan_due)
    assert o.period == label
    assert CAL.is_working_day(o.due_date) and o.due_date <= plan_due
    assert o.cutoff < o.due_date


# ------------------------------------------------------------------------------------- obligations

SEEDS = sorted((Path(__file__).resolve().parents[2] / "examples" / "plans").glob("*.txt"))
NOW = pendulum.datetime(2025, 3, 1, 9, 0, tz=TZ)


@pytest.fixture
def directory(engine, settings):
    from dondoc.directory.apply import import_directory

    import_directory(engine=engine, settings=settings,
                     path=Path(__file__).resolve().parents[2] / "examples" / "directory.xlsx", now=NOW)
    return engine


@pytest.mark.slow
def test_obligation_generation_is_idempotent(directory, settings) -> None:
    from sqlmodel import Session, select

    from dondoc.intake.importer import import_plan
    from dondoc.intake.obligations import sync_plan
    from dondoc.models import Obligation, Plan
    from tests.hardening.conftest import row_counts

    for path in SEEDS:
        import_plan(engine=directory, settings=settings, activate=True, path=path, now=NOW)
    before = row_counts(directory)
    with Session(directory, expire_on_commit=False) as s:
        keys = {o.key: (o.due_date, o.period, o.unit_id) for o in s.exec(select(Obligation)).all()}
        assert keys
        for plan in s.exec(select(Plan)).all():
            for later in (NOW, NOW.add(months=5)):  # a later run with the same data changes nothing either
                counts = sync_plan(s, plan=plan, settings=settings, now=later)
                assert counts == {"obligations_created": 0, "obligations_updated": 0, "obligations_retired": 0,
                                  "obligations_deleted": 0}, (plan.source_name, counts)
        s.commit()
        assert {o.key: (o.due_date, o.period, o.unit_id) for o in s.exec(select(Obligation)).all()} == keys
    for path in SEEDS:  # re-importing the same files is a no-op
        assert import_plan(engine=directory, settings=settings, activate=True, path=path, now=NOW).status == "unchanged"
    assert row_counts(directory) == before
