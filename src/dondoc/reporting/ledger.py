"""One reading of an obligation for every page: its deadline (or none), status, progress and timeliness.

The dashboard, the focal page, the officer's page, the API and the compiled report all show the same
obligation; they used to compute its due date and category each in its own way and disagreed (an undated
task was "Không thời hạn" on the dashboard and "quá hạn 361 ngày" on the officer's page). They now all
read `entry(obligation, as_of=...)` (or `entries` for many), which classifies with
reporting/timeliness.py once.

An obligation is *undated* when its task gives no deadline: continuous work ("thường xuyên") or no time
at all, under the plan's `undated: track` policy (calendar/policy.py). Its `Obligation.due_date` column
is then only the date of the next status update the unit is asked for, never a deadline: `due` is None,
`update_by` holds that date, the category is "Không có thời hạn", and nothing is "quá hạn".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from dondoc.clock import local_date
from dondoc.models import Obligation
from dondoc.models.vocabulary import STATUS_LABELS
from dondoc.reporting import timeliness as tl


@dataclass(frozen=True)
class Entry:
    obligation_id: int
    status: str
    status_label: str
    progress: int
    closed: bool
    undated: bool
    due: dt.date | None  # the original deadline; None for undated work
    effective_due: dt.date | None  # with an approved extension
    update_by: dt.date  # the day the next report is asked for (the deadline, or the status-update date)
    category: str  # a reporting/timeliness category
    days_left: int | None  # to the effective deadline; None for undated work

    @property
    def category_label(self) -> str:
        return tl.LABELS[self.category]

    @property
    def due_text(self) -> str:
        """The deadline as pages write it: '11/12/2025', or 'không thời hạn (cập nhật trước 11/12/2025)'."""
        if self.due is None:
            return f"không thời hạn (cập nhật tình hình trước {self.update_by:%d/%m/%Y})"
        return f"{self.effective_due or self.due:%d/%m/%Y}"

    def as_dict(self) -> dict[str, object]:
        return {"obligation": self.obligation_id, "status": self.status, "progress": self.progress,
                "undated": self.undated, "due_date": _iso(self.due), "effective_due": _iso(self.effective_due),
                "update_by": _iso(self.update_by), "category": self.category, "days_left": self.days_left}


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def is_undated(o: Obligation) -> bool:
    """No deadline of its own: continuous or undated work tracked by status updates."""
    return o.kind in tl.NO_DEADLINE_KINDS


def completed_on(o: Obligation) -> dt.date | None:
    at = getattr(o, "completed_at", None)
    return local_date(at) if at else None


def entry(o: Obligation, *, as_of: dt.date, status: str | None = None, done_on: dt.date | None = None,
          use_done_on: bool = False) -> Entry:
    """How `o` stands on `as_of`. The report passes the status as of its data cut-off (`status`,
    `done_on` with `use_done_on`); pages use the obligation's live status."""
    undated = is_undated(o)
    st = status if status is not None else o.status
    finished = done_on if use_done_on else completed_on(o)
    # `o` may be a row of selected columns (the report's snapshot), so no property of the model is used.
    extended = getattr(o, "extended_due", None)
    due = None if undated else o.due_date
    effective = None if undated else (extended or o.due_date)
    category = tl.classify(kind=o.kind, status=st, due_date=o.due_date, completed_on=finished, as_of=as_of)
    return Entry(obligation_id=o.id or 0, status=st, status_label=STATUS_LABELS.get(st, st),
                 progress=getattr(o, "progress", 0), closed=getattr(o, "closed", st in ("done", "impossible")),
                 undated=undated, due=due, effective_due=effective, update_by=extended or o.due_date,
                 category=category, days_left=None if effective is None else (effective - as_of).days)


def entries(obligations: Iterable[Obligation], *, as_of: dt.date) -> dict[int, Entry]:
    """`entry` for many obligations, by id."""
    return {o.id: entry(o, as_of=as_of) for o in obligations if o.id is not None}
