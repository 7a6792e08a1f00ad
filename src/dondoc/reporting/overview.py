"""The leader's view (/tong-quan) across all active plans: per unit counts in the timeliness categories,
completion and update rates, a ranking, a 12-week trend, and the briefing list (tasks still overdue after
more than N reminders).

Three queries whatever the size: one GROUP BY unit and category, one GROUP BY (deadline, day done) from
which the 12 weekly figures are summed, and the briefing list. Categories are the SQL form of
reporting/timeliness.classify (reporting/ledger_sql.category_sql), checked against the one reading."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func
from sqlmodel import Session, col, select

from dondoc.models import Obligation, Plan, Unit
from dondoc.reporting import timeliness as tl
from dondoc.reporting.ledger_query import Scope, visible_plans
from dondoc.reporting.ledger_sql import category_sql, effective_due_sql, local_day_sql

WEEKS = 12


@dataclass
class UnitRow:
    unit_id: int
    code: str
    name: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(tl.CATEGORIES, 0))
    updated: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def due(self) -> int:
        """Tasks whose deadline has come (done, either way, or overdue)."""
        return self.counts[tl.ON_TIME] + self.counts[tl.DONE_LATE] + self.counts[tl.OVERDUE]

    @property
    def completion_rate(self) -> float | None:
        return tl.rate(self.counts[tl.ON_TIME] + self.counts[tl.DONE_LATE], self.due)

    @property
    def update_rate(self) -> float | None:
        return tl.rate(self.updated, self.total)


@dataclass
class Week:
    end: dt.date
    overdue: int
    done: int


@dataclass
class Overview:
    as_of: dt.date
    units: list[UnitRow]  # ranked: completion rate, then fewer overdue, then name
    weeks: list[Week]
    briefing: list[dict[str, Any]]
    threshold: int

    @property
    def totals(self) -> UnitRow:
        t = UnitRow(0, "", "Tổng")
        for u in self.units:
            for k, v in u.counts.items():
                t.counts[k] += v
            t.updated += u.updated
        return t


def _visible(q: Any, scope: Scope) -> Any:
    """Obligations of the active plans the viewer may see (an IN list: the count stays on the covering
    index of the obligation, models/work.py ix_obligation_ledger)."""
    return q.where(col(Obligation.plan_id).in_(visible_plans(scope)))


def overview(session: Session, *, as_of: dt.date, scope: Scope = Scope(), threshold: int = 3,
             briefing_limit: int = 100) -> Overview:
    dialect = session.get_bind().dialect.name
    cat = category_sql(as_of, dialect).label("cat")
    updated = col(Obligation.last_update_at).is_not(None)
    q = select(Obligation.unit_id, cat, func.count(), func.sum(case((updated, 1), else_=0)))
    q = _visible(q.select_from(Obligation), scope).where(Obligation.status != "not_applicable")
    rows: dict[int, UnitRow] = {}
    # Category first: no index gives that order, so the planner keeps the covering index (not the unit one).
    for unit_id, category, n, upd in session.exec(q.group_by(cat, col(Obligation.unit_id))).all():
        r = rows.setdefault(unit_id, UnitRow(unit_id, "", ""))
        r.counts[category] += int(n)
        r.updated += int(upd or 0)
    for u in session.exec(select(Unit).where(col(Unit.id).in_(list(rows)))).all():
        rows[u.id].code, rows[u.id].name = u.code, u.name  # type: ignore[index]
    ranked = sorted(rows.values(), key=lambda r: (-(r.completion_rate or 0), r.counts[tl.OVERDUE], r.name))
    return Overview(as_of=as_of, units=ranked, weeks=_weeks(session, as_of=as_of, scope=scope, dialect=dialect),
                    briefing=briefing(session, as_of=as_of, scope=scope, threshold=threshold, limit=briefing_limit),
                    threshold=threshold)


def _weeks(session: Session, *, as_of: dt.date, scope: Scope, dialect: str) -> list[Week]:
    """Overdue and done counts at the end of each of the last 12 weeks (Sundays; the last one is today).

    One pass groups the dated obligations by (deadline, day reported done); each week's figures are sums
    over those groups, following reporting/timeliness.classify: done by the week's end counts as done,
    else a deadline before it is overdue."""
    last_sunday = as_of - dt.timedelta(days=(as_of.weekday() + 1) % 7)
    ends = [last_sunday - dt.timedelta(weeks=WEEKS - 1 - i) for i in range(WEEKS - 1)] + [as_of]
    done_day = case((and_(col(Obligation.status) == "done", col(Obligation.completed_at).is_not(None)),
                     local_day_sql(col(Obligation.completed_at), dialect)), else_=None).label("done_day")
    q = _visible(select(Obligation.due_date, done_day, func.count()).select_from(Obligation), scope).where(  # type: ignore[call-overload]
        col(Obligation.kind).not_in(tl.NO_DEADLINE_KINDS), col(Obligation.due_date).is_not(None))
    groups = [(due, _as_date(done), int(n)) for due, done, n in session.exec(q.group_by(col(Obligation.due_date), done_day)).all()]
    out = []
    for end in ends:
        done = sum(n for _due, d, n in groups if d is not None and d <= end)
        overdue = sum(n for due, d, n in groups if due < end and (d is None or d > end))
        out.append(Week(end=end, overdue=overdue, done=done))
    return out


def _as_date(value: Any) -> dt.date | None:
    """SQLite's date() gives text, PostgreSQL a date."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def briefing(session: Session, *, as_of: dt.date, scope: Scope, threshold: int, limit: int = 100) -> list[dict[str, Any]]:
    """Open tasks past their (extended) deadline after more than N reminders; N is the plan's policy key
    `briefing_reminders`, else `threshold`. Most reminded first."""
    from dondoc.models import Assignment, ReportObligation
    from dondoc.models.work import task_text

    plans = {p.id: p for p in session.exec(select(Plan).where(col(Plan.id).in_(visible_plans(scope)))).all()}
    lowest = min([threshold] + [int((p.policy or {}).get("briefing_reminders", threshold)) for p in plans.values()])
    q = select(Obligation, Unit.name, Assignment, ReportObligation).select_from(Obligation)
    q = _visible(q, scope).join(Unit, col(Unit.id) == col(Obligation.unit_id)).outerjoin(
        Assignment, col(Assignment.id) == col(Obligation.assignment_id)).outerjoin(
        ReportObligation, col(ReportObligation.id) == col(Obligation.report_id)).where(
        Obligation.closed == False, col(Obligation.kind).not_in(tl.NO_DEADLINE_KINDS),
        effective_due_sql() < as_of, Obligation.reminders_sent > lowest).order_by(
        col(Obligation.reminders_sent).desc(), effective_due_sql(), col(Obligation.id)).limit(limit * 3)
    out = []
    for o, unit_name, a, r in session.exec(q).all():
        plan = plans[o.plan_id]
        n = int((plan.policy or {}).get("briefing_reminders", threshold))
        if o.reminders_sent <= n:
            continue
        out.append({"obligation": o.id, "plan_id": o.plan_id, "plan": plan.number or f"#{plan.id}",
                    "ref": (a.ref if a else r.ref if r else "") or "", "task": " ".join(task_text(o, a, r).split())[:200],
                    "unit": unit_name, "unit_id": o.unit_id, "due": o.effective_due, "days_late": (as_of - o.effective_due).days,
                    "reminders": o.reminders_sent, "escalations": o.escalation_level})
    return out[:limit]


def trend_svg(weeks: list[Week], *, width: int = 640, height: int = 200) -> str:
    """A line chart (overdue in red, done in green) as inline SVG with labels: readable without script."""
    pad_l, pad_b, pad_t = 40, 28, 12
    top = max([w.overdue for w in weeks] + [w.done for w in weeks] + [1])
    step = (width - pad_l - 10) / max(1, len(weeks) - 1)

    def y(v: int) -> float:
        return pad_t + (height - pad_t - pad_b) * (1 - v / top)

    def line(values: list[int]) -> str:
        return " ".join(f"{pad_l + i * step:.1f},{y(v):.1f}" for i, v in enumerate(values))

    parts = [f'<svg class="trend" role="img" aria-labelledby="trend-title" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
             '<title id="trend-title">Xu hướng 12 tuần: số nhiệm vụ quá hạn và đã hoàn thành</title>',
             f'<line x1="{pad_l}" y1="{y(0):.1f}" x2="{width - 5}" y2="{y(0):.1f}" stroke="#999"/>',
             f'<text x="4" y="{y(top) + 4:.1f}" font-size="11">{top}</text><text x="4" y="{y(0):.1f}" font-size="11">0</text>',
             f'<polyline fill="none" stroke="#b3261e" stroke-width="2" points="{line([w.overdue for w in weeks])}"/>',
             f'<polyline fill="none" stroke="#0f6b2f" stroke-width="2" points="{line([w.done for w in weeks])}"/>']
    for i, w in enumerate(weeks):
        x = pad_l + i * step
        parts.append(f'<circle cx="{x:.1f}" cy="{y(w.overdue):.1f}" r="3" fill="#b3261e"><title>{w.end:%d/%m}: '
                     f'{w.overdue} quá hạn</title></circle>')
        parts.append(f'<circle cx="{x:.1f}" cy="{y(w.done):.1f}" r="3" fill="#0f6b2f"><title>{w.end:%d/%m}: '
                     f'{w.done} hoàn thành</title></circle>')
        if i % 2 == 0 or i == len(weeks) - 1:
            parts.append(f'<text x="{x - 12:.1f}" y="{height - 8}" font-size="10">{w.end:%d/%m}</text>')
    parts.append(f'<text x="{width - 200}" y="14" font-size="11" fill="#b3261e">— Quá hạn</text>'
                 f'<text x="{width - 120}" y="14" font-size="11" fill="#0f6b2f">— Đã hoàn thành</text></svg>')
    return "".join(parts)
