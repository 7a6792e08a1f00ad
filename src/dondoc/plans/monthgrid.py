"""A task table whose time is a grid of months: 'Tháng 1' ... 'Tháng 12' columns (or 'T1' ... 'T12') in place of
a time column, each row ticking the months its work runs in with an 'x'.

Read as the gold reads it: every month ticked -> continuous; one month, or a run of consecutive months -> once,
due at the end of the last; months apart ('3, 6, 9, 12'; '5, 11') -> recurring, due at the end of the first ticked
month not over before the plan was issued. A month lower than the column before it is of the next year (a school
year's grid 'T9' ... 'T12', 'T1' ... 'T5': ticks in 11, 12 and 1 are one run, due at the end of January).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from typing import Any

from dondoc.plans.blocks import cell_text

_MONTH_TITLE = re.compile(r"^(?:tháng|t)\s*(\d{1,2})$", re.I)
_TICK = re.compile(r"^[xX✓✔●•+*]$")


def month_columns(header: list[str]) -> list[tuple[int, int]]:
    """The (column, month) pairs of a header naming at least three months ('Tháng 1', 'T2'), else []."""
    found = []
    for ci, c in enumerate(header):
        m = _MONTH_TITLE.match(cell_text(c).strip(" :"))
        if m and 1 <= int(m.group(1)) <= 12:
            found.append((ci, int(m.group(1))))
    return found if len(found) >= 3 else []


def _end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _dated(months: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(column, year offset, month) in the header's order: a month lower than the one before it opens the next year
    (a school year's grid 'T9' ... 'T12', 'T1' ... 'T5')."""
    out, offset, prev = [], 0, 0
    for ci, mo in months:
        if mo <= prev:
            offset += 1
        out.append((ci, offset, mo))
        prev = mo
    return out


def month_timing(
    row: list[str], months: list[tuple[int, int]], year: int | None, issued: dt.date | None
) -> dict[str, Any] | None:
    """The timing a row's ticks give, or None when it ticks no month."""
    ticked = [(off, mo) for ci, off, mo in _dated(months) if ci < len(row) and _TICK.match(cell_text(row[ci]).strip())]
    if not ticked:
        return None
    if len(ticked) == len(months) and len(months) >= 12:
        return {
            "text": f"x: Tháng {ticked[0][1]} - Tháng {ticked[-1][1]}",
            "kind": "continuous",
            "due": None,
            "rrule": None,
        }
    text = "x: Tháng " + ", ".join(str(m) for _, m in ticked)
    run = all(12 * b[0] + b[1] == 12 * a[0] + a[1] + 1 for a, b in itertools.pairwise(ticked))
    if year is None:
        return {"text": text, "kind": "once" if run else "recurring", "due": None, "rrule": None}
    if run:
        off, mo = ticked[-1]
        return {"text": text, "kind": "once", "due": _end(year + off, mo).isoformat(), "rrule": None}
    ends = [_end(year + off, mo) for off, mo in ticked]
    first = next((d for d in ends if issued is None or d >= issued), ends[0])
    return {"text": text, "kind": "recurring", "due": first.isoformat(), "rrule": None}
