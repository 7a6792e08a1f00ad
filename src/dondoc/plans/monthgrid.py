"""A task table whose time is a grid of months: 'Tháng 1' ... 'Tháng 12' columns (or 'T1' ... 'T12', or quarters 'Quý
I' ... 'Quý IV') in place of a time column, each row ticking the months its work runs in with an 'x'.

Read as the gold reads it: every month ticked -> continuous; one month, or a run of consecutive months -> once,
due at the end of the last; months apart ('3, 6, 9, 12'; '5, 11') -> recurring, due at the end of the first ticked
month not over before the plan was issued; quarters alike, each read as the month that ends it. A run is of columns
next to each other in the grid. A month lower than the column before it is of the next year (a school year's grid
'T9' ... 'T12', 'T1' ... 'T5': ticks in 11, 12 and 1 are one run, due at the end of January).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from typing import Any

from dondoc.plans.blocks import cell_text

_MONTH_TITLE = re.compile(r"^(?:tháng|t)\s*(\d{1,2})$", re.I)
_QUARTER_TITLE = re.compile(r"^(?:quý|quí|q)\s*(iv|i{1,3}|[1-4])$", re.I)
_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_TICK = re.compile(r"^[xX✓✔●•+*]$")


def month_columns(header: list[str]) -> list[tuple[int, int]]:
    """The (column, month) pairs of a header naming at least three months ('Tháng 1', 'T2'), or at least three quarters
    ('Quý I' ... 'Quý IV': each the month that ends it, 3, 6, 9, 12), else []."""
    found, quarters = [], []
    for ci, c in enumerate(header):
        title = cell_text(c).strip(" :")
        m = _MONTH_TITLE.match(title)
        if m and 1 <= int(m.group(1)) <= 12:
            found.append((ci, int(m.group(1))))
        elif q := _QUARTER_TITLE.match(title):
            quarters.append((ci, 3 * (_QUARTER.get(q.group(1).lower()) or int(q.group(1)))))
    return found if len(found) >= 3 else quarters if len(quarters) >= 3 and not found else []


def _quarterly(months: list[tuple[int, int]]) -> bool:
    return len(months) <= 4 and all(mo % 3 == 0 for _, mo in months)


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
    dated = _dated(months)
    at = [i for i, (ci, _, _) in enumerate(dated) if ci < len(row) and _TICK.match(cell_text(row[ci]).strip())]
    ticked = [dated[i][1:] for i in at]
    if not ticked:
        return None
    quarterly = _quarterly(months)
    word, name = ("Quý", lambda mo: ["I", "II", "III", "IV"][mo // 3 - 1]) if quarterly else ("Tháng", str)
    if len(ticked) == len(months) and (len(months) >= 12 or (quarterly and len(months) == 4)):  # the whole year ticked
        return {
            "text": f"x: {word} {name(ticked[0][1])} - {word} {name(ticked[-1][1])}",
            "kind": "continuous",
            "due": None,
            "rrule": None,
        }
    text = f"x: {word} " + ", ".join(name(m) for _, m in ticked)
    run = all(j == i + 1 for i, j in itertools.pairwise(at))  # columns next to each other in the grid: one span
    if year is None:
        return {"text": text, "kind": "once" if run else "recurring", "due": None, "rrule": None}
    if run:
        off, mo = ticked[-1]
        return {"text": text, "kind": "once", "due": _end(year + off, mo).isoformat(), "rrule": None}
    ends = [_end(year + off, mo) for off, mo in ticked]
    first = next((d for d in ends if issued is None or d >= issued), ends[0])
    return {"text": text, "kind": "recurring", "due": first.isoformat(), "rrule": None}
