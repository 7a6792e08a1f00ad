"""The plan dashboard's figures (focal point and issuer; the route is routes/dashboard.py): tasks x units grid by timeliness, per-unit on-time and update
rates over the periods, targets plan vs achieved, the next 30 days of deadlines, the escalation log.

Charts are SVG written by the templates (no JavaScript, nothing to build). Timeliness categories come
from services/timeliness.py, the same classification the consolidated report uses (original due date);
target aggregation follows services/reporting.py (sum of additive figures, else the focal unit's or the
latest figure)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from dondoc.collect.access import focal_unit_id
from dondoc.collect.submit import local_day
from dondoc.models import Notice, Obligation, Officer, Plan, StatusUpdate, Target, Unit
from dondoc.reporting import ledger
from dondoc.reporting import timeliness as tl
from dondoc.web import queries

# Worst first: the colour of a grid cell holding several obligations (lead + support) is the worst one.
SEVERITY = [tl.OVERDUE, tl.DONE_LATE, "not_due", tl.IN_PROGRESS, tl.ON_TIME, tl.NO_DEADLINE]
# The grid splits "in progress, within the deadline" into work under way and work not started yet
# (nothing reported, deadline ahead): the four state categories plus not-yet-due, and undated work.
NOT_DUE = "not_due"
GRID_CATEGORIES = (tl.ON_TIME, tl.DONE_LATE, tl.IN_PROGRESS, NOT_DUE, tl.OVERDUE, tl.NO_DEADLINE)
GRID_LABELS = {**tl.LABELS, tl.IN_PROGRESS: "Đang thực hiện, trong hạn", NOT_DUE: "Chưa đến hạn, chưa báo cáo"}
SHORT = {
    tl.ON_TIME: "Đúng hạn",
    tl.DONE_LATE: "Xong, trễ hạn",
    tl.IN_PROGRESS: "Trong hạn",
    NOT_DUE: "Chưa đến hạn",
    tl.OVERDUE: "Quá hạn",
    tl.NO_DEADLINE: "Không thời hạn",
}
HORIZON_DAYS = 30


@dataclass
class Cell:
    category: str
    obligations: list[Obligation]
    entries: list[ledger.Entry] = field(default_factory=list)

    @property
    def status(self) -> str:
        """The least advanced status of the cell's obligations (a lead done, its support not: not done)."""
        order = ["not_started", "in_progress", "impossible", "done"]
        return min((o.status for o in self.obligations), key=lambda s: order.index(s) if s in order else 0)


@dataclass
class TaskRow:
    key: tuple[str, int]
    ref: str
    task: str
    cells: dict[int, Cell] = field(default_factory=dict)


@dataclass
class UnitStats:
    unit_id: int
    name: str
    tally: tl.Tally = field(default_factory=tl.Tally)
    by_period: dict[str, tl.Tally] = field(default_factory=dict)

    @staticmethod
    def on_time(t: tl.Tally) -> float | None:
        decided = t.counts[tl.ON_TIME] + t.counts[tl.DONE_LATE] + t.counts[tl.OVERDUE]
        return tl.rate(t.counts[tl.ON_TIME], decided)

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time(self.tally)

    @property
    def update_rate(self) -> float | None:
        return self.tally.update_rate

    def series(self, periods: list[str]) -> list[tuple[int, float]]:
        """(index of period, on-time rate) for the periods where something was due."""
        out = []
        for i, p in enumerate(periods):
            t = self.by_period.get(p)
            r = self.on_time(t) if t else None
            if r is not None:
                out.append((i, r))
        return out

    def update_series(self, periods: list[str]) -> list[tuple[int, float]]:
        """(index of period, update rate) for the periods the unit had work in."""
        out = []
        for i, p in enumerate(periods):
            t = self.by_period.get(p)
            r = t.update_rate if t else None
            if r is not None:
                out.append((i, r))
        return out


def _completed_on(o: Obligation) -> dt.date | None:
    return local_day(o.completed_at) if o.completed_at else None


def classify(o: Obligation, today: dt.date) -> str:
    return ledger.entry(o, as_of=today).category


def _aggregate_targets(session: Session, plan: Plan) -> list[dict[str, Any]]:
    from dondoc.reporting.figures import _is_additive, assess

    targets = list(session.exec(select(Target).where(Target.plan_id == plan.id).order_by(Target.id)).all())  # type: ignore[arg-type]
    if not targets:
        return []
    by_key = {t.key: t for t in targets}
    by_ref: dict[str, list[Target]] = defaultdict(list)
    for t in targets:
        by_ref[t.ref].append(t)
    rows = session.exec(select(StatusUpdate.figures, StatusUpdate.submitted_at, Obligation.unit_id)
                        .join(Obligation, Obligation.id == StatusUpdate.obligation_id)
                        .where(Obligation.plan_id == plan.id).order_by(StatusUpdate.id)).all()
    latest: dict[str, dict[int, tuple[dt.datetime, float]]] = defaultdict(dict)
    for figures, at, unit_id in rows:
        for name, value in (figures or {}).items():
            t = by_key.get(name) or (by_ref[name][0] if len(by_ref.get(name, [])) == 1 else None)
            if t is not None and isinstance(value, (int, float)):
                latest[t.key][unit_id] = (at, float(value))
    focal = focal_unit_id(plan)
    out = []
    for t in targets:
        sources = latest.get(t.key, {})
        achieved: float | None = None
        if sources:
            if _is_additive(t.unit):
                achieved = sum(v for _, v in sources.values())
            elif focal in sources:
                achieved = sources[focal][1]
            else:
                achieved = max(sources.values(), key=lambda p: p[0])[1]
        ratio, verdict = assess(t.value, achieved, t.comparator) if achieved is not None else (None, None)
        top = max(t.value, achieved or 0.0) or 1.0
        out.append({"target": t, "achieved": achieved, "ratio": ratio, "verdict": verdict, "units": len(sources),
                    "plan_w": 100.0 * t.value / top, "done_w": 100.0 * (achieved or 0.0) / top})
    return out


def _escalation_log(session: Session, plan_id: int) -> list[dict[str, Any]]:
    rows = session.exec(
        select(Officer.name, Unit.name, Notice.kind, func.count(), func.max(Notice.level), func.max(Notice.day))
        .join(Obligation, Obligation.id == Notice.obligation_id)
        .join(Officer, Officer.id == Notice.officer_id)
        .join(Unit, Unit.id == Officer.unit_id)
        .where(Obligation.plan_id == plan_id, Notice.kind.in_(["reminder", "escalation"]))  # type: ignore[attr-defined]
        .group_by(Officer.id, Officer.name, Unit.name, Notice.kind)).all()
    people: dict[tuple[str, str], dict[str, Any]] = {}
    for officer, unit, kind, n, level, last in rows:
        p = people.setdefault((officer, unit), {"officer": officer, "unit": unit, "reminders": 0, "escalations": 0,
                                                "level": 0, "last": last})
        if kind == "reminder":
            p["reminders"] += n
        else:
            p["escalations"] += n
            p["level"] = max(p["level"], level or 0)
        p["last"] = max(p["last"], last)
    return sorted(people.values(), key=lambda p: (-p["escalations"], -p["level"], -p["reminders"], p["unit"]))


def dashboard_data(session: Session, *, plan: Plan, today: dt.date, period: str | None) -> dict[str, Any]:
    # Long on purpose: the dashboard's figures computed in one pass over the rows.
    rows = queries.obligation_rows(session, Obligation.plan_id == plan.id,
                                   order=(Obligation.period, Obligation.due_date, Obligation.id))
    periods_all = queries.plan_periods(session, plan.id)  # type: ignore[arg-type]
    if period not in {p[0] for p in periods_all}:
        period = queries.default_period(periods_all, today)
    read = ledger.entries((r.obligation for r in rows), as_of=today)
    cats = {oid: e.category for oid, e in read.items()}
    done_in_period = 0

    # Grid for the chosen period.
    tasks: dict[tuple[str, int], TaskRow] = {}
    unit_names: dict[int, str] = {}
    summary = tl.Tally()
    grid_counts = dict.fromkeys(GRID_CATEGORIES, 0)
    for r in rows:
        o = r.obligation
        if o.period != period:
            continue
        key = ("a", o.assignment_id) if o.assignment_id else ("r", o.report_id or 0)
        task = tasks.setdefault(key, TaskRow(key=key, ref=r.ref, task=r.task))  # type: ignore[arg-type]
        unit_names[o.unit_id] = r.unit_name
        cat = cats[o.id]  # type: ignore[index]
        summary.add(cat, updated=o.last_update_at is not None)
        done_in_period += o.status == "done"
        if cat == tl.IN_PROGRESS and o.last_update_at is None and o.status == "not_started":
            cat = NOT_DUE
        grid_counts[cat] += 1
        cell = task.cells.get(o.unit_id)
        if cell is None:
            task.cells[o.unit_id] = Cell(cat, [o], [read[o.id]])  # type: ignore[index]
        else:
            cell.obligations.append(o)
            cell.entries.append(read[o.id])  # type: ignore[index]
            if SEVERITY.index(cat) < SEVERITY.index(cell.category):
                cell.category = cat
    from dondoc.reporting.figures import ref_sort_key

    task_rows = sorted(tasks.values(), key=lambda t: (ref_sort_key(t.ref), t.task))
    units = sorted(unit_names.items(), key=lambda u: u[1])

    # Per unit over every period that has begun.
    started = [p for p, lo, _hi in periods_all if any(r.obligation.period == p and r.obligation.period_start <= today
                                                      for r in rows)]
    stats: dict[int, UnitStats] = {}
    for r in rows:
        o = r.obligation
        if o.period_start > today:
            continue
        s = stats.setdefault(o.unit_id, UnitStats(o.unit_id, r.unit_name))
        cat = cats[o.id]  # type: ignore[index]
        updated = o.last_update_at is not None
        s.tally.add(cat, updated=updated)
        s.by_period.setdefault(o.period, tl.Tally()).add(cat, updated=updated)
    unit_stats = sorted(stats.values(), key=lambda s: (s.on_time_rate if s.on_time_rate is not None else 101, s.name))

    horizon = today + dt.timedelta(days=HORIZON_DAYS)
    upcoming = [r for r in rows if not r.obligation.closed and not read[r.obligation.id].undated  # type: ignore[index]
                and today <= r.obligation.effective_due <= horizon]
    upcoming.sort(key=lambda r: (r.obligation.effective_due, r.unit_name))

    return {"period": period, "periods": periods_all, "task_rows": task_rows, "units": units, "summary": summary,
            "grid_counts": grid_counts, "done_in_period": done_in_period,
            "unit_stats": unit_stats, "series_periods": started, "targets": _aggregate_targets(session, plan),
            "upcoming": upcoming, "horizon": horizon, "log": _escalation_log(session, plan.id)}  # type: ignore[arg-type]


def stacked(summary: tl.Tally, width: float = 600.0) -> list[dict[str, Any]]:
    """Segments of the summary bar: x, width, category, count."""
    total = summary.total or 1
    x = 0.0
    out = []
    for cat in tl.CATEGORIES:
        n = summary.counts[cat]
        if not n:
            continue
        w = width * n / total
        out.append({"x": x, "w": w, "cat": cat, "n": n})
        x += w
    return out
