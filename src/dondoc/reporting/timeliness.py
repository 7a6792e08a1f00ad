"""Timeliness of obligations in the state's categories (the dashboard and the report share this).

The categories follow the government's task-tracking statistics: hoàn thành đúng hạn, hoàn thành
quá hạn, đang thực hiện trong hạn, quá hạn chưa hoàn thành — plus nhiệm vụ không có thời hạn for
continuous or undated work; work not started within its deadline (chưa triển khai, còn trong hạn)
is kept apart from work in progress — a unit that has reported nothing is not "in progress".
They are always judged against the ORIGINAL due date
(`Obligation.due_date`): an approved extension changes when an update counts as late, never the
statistics. A task reported as impossible (`impossible`) is closed but not completed, so it counts
as not completed (overdue once its due date has passed).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field

from dondoc.clock import TZ

_VN = zoneinfo.ZoneInfo(TZ)

ON_TIME = "on_time"
DONE_LATE = "done_late"
IN_PROGRESS = "in_progress"
NOT_DUE = "not_due"  # not started (nothing reported, or reported as not started), deadline ahead
OVERDUE = "overdue"
NO_DEADLINE = "no_deadline"

CATEGORIES = (ON_TIME, DONE_LATE, IN_PROGRESS, NOT_DUE, OVERDUE, NO_DEADLINE)
LABELS = {
    ON_TIME: "Hoàn thành đúng hạn",
    DONE_LATE: "Hoàn thành quá hạn",
    IN_PROGRESS: "Đang thực hiện trong hạn",
    NOT_DUE: "Chưa triển khai, còn trong hạn",
    OVERDUE: "Quá hạn chưa hoàn thành",
    NO_DEADLINE: "Không có thời hạn",
}
# Obligation.kind values that carry no deadline of their own (Thường xuyên, or no time given).
NO_DEADLINE_KINDS = ("continuous", "unspecified")




def classify(*, kind: str, status: str, due_date: dt.date | None, completed_on: dt.date | None,
             as_of: dt.date) -> str:
    """The category of one obligation as of a day.

    `completed_on` is the (Vietnam) day the obligation was reported done, or None; `as_of` is the
    day the statistics are taken (the report's data cut-off, or today on the dashboard)."""
    if kind in NO_DEADLINE_KINDS or due_date is None:
        return NO_DEADLINE
    if status == "done" and completed_on is not None and completed_on <= as_of:
        return ON_TIME if completed_on <= due_date else DONE_LATE
    if as_of > due_date:
        return OVERDUE
    return NOT_DUE if status == "not_started" else IN_PROGRESS


def rate(part: int, total: int) -> float | None:
    """Percentage, or None when there is nothing to divide by."""
    return None if total == 0 else 100.0 * part / total


@dataclass
class Tally:
    """Counts per category plus how many obligations received at least one update."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    updated: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, category: str, *, updated: bool) -> None:
        self.counts[category] += 1
        self.updated += 1 if updated else 0

    def rates(self) -> dict[str, float | None]:
        total = self.total
        return {c: rate(n, total) for c, n in self.counts.items()}

    @property
    def update_rate(self) -> float | None:
        return rate(self.updated, self.total)

    def as_dict(self) -> dict[str, object]:
        return {"counts": dict(self.counts), "total": self.total, "updated": self.updated,
                "rates": self.rates(), "update_rate": self.update_rate}


def tally(items: Iterable[tuple[str, bool]]) -> Tally:
    """Tally (category, updated) pairs."""
    t = Tally()
    for category, updated in items:
        t.add(category, updated=updated)
    return t
