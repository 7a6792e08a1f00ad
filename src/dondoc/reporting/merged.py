"""Reports of periods before a merge name the unit that held the obligation then (see dondoc.directory.merge)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any


def as_of_period(rows: list[Any], period_end: dt.date) -> list[Any]:
    """Obligation rows with `unit_id` set back to the merged unit when the merge came after `period_end`."""
    out = []
    for row in rows:
        on = getattr(row, "merged_on", None)
        if on is not None and row.merged_from_id is not None and period_end < on:
            row = SimpleNamespace(**(row._asdict() if hasattr(row, "_asdict") else row.model_dump()))
            row.unit_id = row.merged_from_id
        out.append(row)
    return out
