"""Snapshot and compilation of the consolidated report (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.errors import InputError
from dondoc.reporting.compile import parse_period
from dondoc.reporting.figures import assess


@pytest.mark.parametrize(("code", "start", "end", "label", "nxt"), [
    ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31), "năm 2025", "2026"),
    ("2025-Q3", dt.date(2025, 7, 1), dt.date(2025, 9, 30), "quý III năm 2025", "2025-Q4"),
    ("2025-q4", dt.date(2025, 10, 1), dt.date(2025, 12, 31), "quý IV năm 2025", "2026-Q1"),
    ("2025-H1", dt.date(2025, 1, 1), dt.date(2025, 6, 30), "6 tháng đầu năm 2025", "2025-H2"),
    ("2025-06", dt.date(2025, 6, 1), dt.date(2025, 6, 30), "tháng 6 năm 2025", "2025-07"),
    ("2024-2", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "tháng 2 năm 2024", "2024-03"),
    ("2025-12", dt.date(2025, 12, 1), dt.date(2025, 12, 31), "tháng 12 năm 2025", "2026-01"),
])
def test_parse_period(code: str, start: dt.date, end: dt.date, label: str, nxt: str) -> None:
    p = parse_period(code)
    assert (p.start, p.end, p.label, p.next().code) == (start, end, label, nxt)


@pytest.mark.parametrize("code", ["25", "2025-Q5", "2025-13", "năm 2025", "2025-H3"])
def test_bad_period_is_a_user_error(code: str) -> None:
    with pytest.raises(InputError, match="kỳ báo cáo"):
        parse_period(code)


@pytest.mark.parametrize(("value", "achieved", "cmp_", "ratio", "assessment"), [
    (85, 73, ">=", 85.88, "chưa đạt"),
    (85, 85, ">=", 100.0, "đạt"),
    (85, 90, None, 105.88, "vượt"),
    (12, 12.5, "<=", 104.17, "chưa đạt"),
    (12, 12, "<=", 100.0, "đạt"),
    (12, 10, "<=", 83.33, "vượt"),
    (0, 0, "<=", None, "đạt"),
])
def test_assess(value: float, achieved: float, cmp_: str | None, ratio: float | None, assessment: str) -> None:
    r, a = assess(value, achieved, cmp_)
    assert a == assessment
    assert (r is None and ratio is None) or round(r, 2) == ratio  # type: ignore[arg-type]
