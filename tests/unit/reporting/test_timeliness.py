"""The state's timeliness categories, always against the original due date."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from dondoc.clock import local_date
from dondoc.reporting import timeliness as tl

D = dt.date
DUE = D(2025, 11, 10)


@pytest.mark.parametrize(("kind", "status", "completed_on", "as_of", "expected"), [
    ("once", "done", D(2025, 11, 10), D(2025, 11, 12), tl.ON_TIME),       # on the due day
    ("once", "done", D(2025, 11, 11), D(2025, 11, 12), tl.DONE_LATE),
    ("recurring", "done", D(2025, 11, 1), D(2025, 11, 12), tl.ON_TIME),
    ("once", "in_progress", None, D(2025, 11, 10), tl.IN_PROGRESS),       # due today: still in time
    ("once", "in_progress", None, D(2025, 11, 11), tl.OVERDUE),
    ("once", "not_started", None, D(2025, 11, 11), tl.OVERDUE),
    ("once", "impossible", None, D(2025, 11, 11), tl.OVERDUE),            # closed but not completed
    ("once", "impossible", None, D(2025, 11, 1), tl.IN_PROGRESS),
    ("once", "done", D(2025, 11, 13), D(2025, 11, 12), tl.OVERDUE),       # done after the as-of day
    ("continuous", "done", D(2025, 11, 1), D(2025, 11, 12), tl.NO_DEADLINE),
    ("unspecified", "not_started", None, D(2025, 12, 31), tl.NO_DEADLINE),
])
def test_classify(kind: str, status: str, completed_on: dt.date | None, as_of: dt.date, expected: str) -> None:
    assert tl.classify(kind=kind, status=status, due_date=DUE, completed_on=completed_on, as_of=as_of) == expected


def test_local_date_uses_vietnam_time() -> None:
    # 23:30 UTC on the 10th is already the 11th in Hà Nội.
    assert local_date(pendulum.datetime(2025, 11, 10, 23, 30, tz="UTC")) == D(2025, 11, 11)
    with pytest.raises(ValueError):
        local_date(dt.datetime(2025, 11, 10, 8, 0))


def test_tally_rates() -> None:
    t = tl.tally([(tl.ON_TIME, True), (tl.OVERDUE, False), (tl.OVERDUE, True), (tl.NO_DEADLINE, True)])
    assert t.total == 4 and t.updated == 3 and t.update_rate == 75.0
    assert t.counts == {tl.ON_TIME: 1, tl.DONE_LATE: 0, tl.IN_PROGRESS: 0, tl.NOT_DUE: 0, tl.OVERDUE: 2,
                        tl.NO_DEADLINE: 1}
    assert t.rates()[tl.OVERDUE] == 50.0
    assert tl.Tally().update_rate is None
