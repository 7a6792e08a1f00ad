"""The Vietnamese working calendar: holidays from the `holidays` package, làm bù, user exceptions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from dondoc.calendar.workdays import WorkCalendar, read_days_file
from dondoc.errors import InputError

D = dt.date.fromisoformat
CAL = WorkCalendar()


@pytest.mark.parametrize(
    ("day", "working", "why"),
    [
        # Tết Ất Tỵ 2025: 29 Tết (27/1, given for mùng 4 falling on Saturday 1/2) .. mùng 3 (31/1).
        ("2025-01-24", True, "last working day before Tết 2025"),
        ("2025-01-27", False, "29 Tết, day off in exchange for Saturday 1/2"),
        ("2025-01-28", False, "Tết eve"),
        ("2025-01-29", False, "mùng 1"),
        ("2025-01-31", False, "mùng 3"),
        ("2025-02-01", False, "Saturday, mùng 4"),
        ("2025-02-03", True, "back to work Monday 3/2/2025"),
        # Tết Bính Ngọ 2026: 16/2 (eve) .. 20/2.
        ("2026-02-13", True, "Friday before Tết 2026"),
        ("2026-02-16", False, "Tết eve 2026"),
        ("2026-02-17", False, "mùng 1 2026"),
        ("2026-02-20", False, "mùng 4 2026"),
        ("2026-02-23", True, "back to work 2026"),
        # Giỗ Tổ Hùng Vương (10/3 lunar).
        ("2025-04-07", False, "Giỗ Tổ 2025"),
        ("2026-04-27", False, "Giỗ Tổ 2026 on Sunday: Monday off"),
        # 30/4 - 1/5 and the swapped day 2/5/2025 worked on Saturday 26/4/2025.
        ("2025-04-30", False, "Reunification Day"),
        ("2025-05-01", False, "Labour Day"),
        ("2025-05-02", False, "day off swapped with Saturday 26/4"),
        ("2025-04-26", True, "làm bù Saturday 26/4/2025"),
        ("2024-05-04", True, "làm bù Saturday 4/5/2024"),
        ("2024-04-29", False, "swapped day off 29/4/2024"),
        # 2/9 and its adjacent day.
        ("2025-09-01", False, "adjacent day of 2/9/2025"),
        ("2025-09-02", False, "National Day 2025"),
        ("2025-09-03", True, "day after National Day 2025"),
        ("2024-09-03", False, "adjacent day of 2/9/2024"),
        ("2026-08-31", False, "2026 swapped day before 1/9-2/9"),
        ("2026-08-22", True, "làm bù Saturday 22/8/2026"),
        ("2025-01-01", False, "New Year"),
        # Plain weeks.
        ("2025-11-14", True, "Friday"),
        ("2025-11-15", False, "Saturday"),
        ("2025-11-16", False, "Sunday"),
    ],
)
def test_working_days(day: str, working: bool, why: str) -> None:
    assert CAL.is_working_day(D(day)) is working, why


@pytest.mark.parametrize(
    ("day", "direction", "expected"),
    [
        ("2025-11-15", "previous", "2025-11-14"),  # seed 004: compile before 15/11/2025 (Saturday)
        ("2025-11-15", "next", "2025-11-17"),
        ("2025-11-14", "previous", "2025-11-14"),
        ("2025-01-29", "previous", "2025-01-24"),
        ("2025-01-29", "next", "2025-02-03"),
        ("2025-09-02", "previous", "2025-08-29"),
        ("2025-05-01", "next", "2025-05-05"),
        ("2026-02-18", "next", "2026-02-23"),
    ],
)
def test_adjust(day: str, direction: str, expected: str) -> None:
    assert CAL.adjust(D(day), direction) == D(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        ("2025-11-10", 0, "2025-11-10"),
        ("2025-11-10", -5, "2025-11-03"),
        ("2025-11-10", -2, "2025-11-06"),
        ("2025-11-10", 1, "2025-11-11"),
        ("2025-11-10", 5, "2025-11-17"),
        ("2025-01-24", 1, "2025-02-03"),  # across Tết 2025
        ("2025-02-03", -1, "2025-01-24"),
        ("2025-04-25", 1, "2025-04-26"),  # the làm bù Saturday counts
        ("2025-04-29", 1, "2025-05-05"),  # 30/4, 1/5, 2/5 off
        ("2025-11-15", 1, "2025-11-17"),  # from a Saturday
        ("2025-11-15", -1, "2025-11-14"),
    ],
)
def test_add_working_days(day: str, n: int, expected: str) -> None:
    assert CAL.add_working_days(D(day), n) == D(expected)


@pytest.mark.parametrize(
    ("a", "b", "n"),
    [
        ("2025-11-10", "2025-11-10", 0),
        ("2025-11-10", "2025-11-17", 5),
        ("2025-11-17", "2025-11-10", -5),
        ("2025-01-24", "2025-02-03", 1),
        ("2025-04-01", "2025-04-30", 20),  # April 2025: 22 weekdays - Giỗ Tổ 7/4 - 30/4 + Saturday 26/4
    ],
)
def test_working_days_between(a: str, b: str, n: int) -> None:
    assert CAL.working_days_between(D(a), D(b)) == n


@hsettings(max_examples=200, deadline=None)
@given(st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)), st.integers(-30, 30))
def test_add_then_count_roundtrip(d: dt.date, n: int) -> None:
    target = CAL.add_working_days(d, n)
    assert n == 0 or CAL.is_working_day(target)
    start = CAL.adjust(d, "previous" if n > 0 else "next") if n else d
    if CAL.is_working_day(d) or n == 0:
        assert CAL.working_days_between(d, target) == n
    else:
        assert CAL.working_days_between(start, target) == n


def test_user_exceptions_override_holidays_and_weekends() -> None:
    cal = WorkCalendar(extra_off={D("2025-12-31"): "nghỉ theo quyết định"}, extra_work=[D("2025-02-08")])
    assert not cal.is_working_day(D("2025-12-31"))
    assert cal.is_working_day(D("2025-02-08"))  # a Saturday made a working day
    assert cal.add_working_days(D("2025-12-30"), 1) == D("2026-01-02")
    assert cal.info(D("2025-12-31")).name == "nghỉ theo quyết định"
    with pytest.raises(InputError, match="both"):
        WorkCalendar(extra_off=[D("2025-12-31")], extra_work=[D("2025-12-31")])


def test_holiday_names_are_vietnamese() -> None:
    assert CAL.holiday_name(D("2025-09-02")) == "Quốc khánh"
    assert CAL.holiday_name(D("2025-11-14")) is None
    listed = {i.day: i.reason for i in CAL.days_off(2025)}
    assert listed[D("2025-04-26")] == "làm bù"
    assert listed[D("2025-01-29")] == "holiday"
    assert D("2025-11-15") not in listed


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("days.yaml", "off:\n  - {date: 2025-12-31, note: Nghỉ}\n  - 2025-12-30\nwork:\n  - 2025-02-08\n"),
        ("days.yml", ("- {date: 2025-12-31, kind: off, note: Nghỉ}\n- {date: 2025-12-30, kind: off}\n"
                      "- {date: 2025-02-08, kind: work}\n")),
        ("days.csv", "date,kind,note\n2025-12-31,off,Nghỉ\n2025-12-30,off,\n2025-02-08,work,\n"),
    ],
)
def test_days_file(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    cal = WorkCalendar.from_file(path)
    assert not cal.is_working_day(D("2025-12-31")) and not cal.is_working_day(D("2025-12-30"))
    assert cal.is_working_day(D("2025-02-08"))
    assert cal.extra_off[D("2025-12-31")] == "Nghỉ"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", "day,kind\n2025-01-01,off\n", "header"),
        ("bad.csv", "date,kind\n2025-13-01,off\n", "bad.csv:2: not a date"),
        ("bad.csv", "date,kind\n2025-12-01,holiday\n", "kind must be"),
        ("bad.yaml", "holidays: [2025-01-01]\n", "unknown key"),
        ("bad.txt", "", ".yaml, .yml or .csv"),
    ],
)
def test_days_file_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace(".", r"\.")):
        read_days_file(path)


