"""A task table whose time is a grid of months: 'Tháng 1' ... 'Tháng 12' columns (or 'T1' ... 'T12') in place of
a time column, each row ticking the months its work runs in with an 'x'.

Read as the gold reads it: every month ticked -> continuous; one month, or a run of consecutive months -> once,
due at the end of the last; months apart ('3, 6, 9, 12'; '5, 11') -> recurring, due at the end of the first ticked
month not over before the plan was issued.
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


def month_timing(
    row: list[str], months: list[tuple[int, int]], year: int | None, issued: dt.date | None
) -> dict[str, Any] | None:
    """The timing a row's ticks give, or None when it ticks no month."""
    ticked = [mo for ci, mo in months if ci < len(row) and _TICK.match(cell_text(row[ci]).strip())]
    if not ticked:
        return None
    if len(ticked) == len(months) and len(months) >= 12:
        return {"text": f"x: Tháng {ticked[0]} - Tháng {ticked[-1]}", "kind": "continuous", "due": None, "rrule": None}
    text = "x: Tháng " + ", ".join(str(m) for m in ticked)
    run = all(b == a + 1 for a, b in itertools.pairwise(ticked))
    if year is None:
        return {"text": text, "kind": "once" if run else "recurring", "due": None, "rrule": None}
    if run:
        return {"text": text, "kind": "once", "due": _end(year, ticked[-1]).isoformat(), "rrule": None}
    first = next((m for m in ticked if issued is None or _end(year, m) >= issued), ticked[0])
    return {"text": text, "kind": "recurring", "due": _end(year, first).isoformat(), "rrule": None}
