"""`dondoc demo` into a temporary folder, as the README tells a new user to run it."""

from __future__ import annotations

import datetime as dt

from dondoc.app.demo import busiest_year


def test_busiest_year_window() -> None:
    d = dt.date
    dues = [d(2012, 12, 31)] + [d(2025, m, 10) for m in range(1, 13)] + [d(2030, 12, 31)]
    start, end = busiest_year(dues, fallback=d(2025, 1, 1))
    assert start == d(2024, 12, 11) and end == d(2025, 12, 24)
