"""Read-side queries for the pages (one or two queries per page, no N+1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from dondoc.collect.access import FOCAL_ROLES, ISSUER_ROLES, acting_for, focal_unit_id, visible_clause
from dondoc.collect.submit import local_day
from dondoc.models import (
    Assignment,
    CompiledReport,
    ExtensionRequest,
    Obligation,
    Officer,
    Plan,
    ReportObligation,
    StatusUpdate,
    Unit,
)

UPCOMING_DAYS = 60
RECENT_DAYS = 90


@dataclass
class PlanHead:
    """The few plan columns pages show (Plan.parsed can be large: never loaded for a page)."""

    id: int
    title: str
    number: str | None


@dataclass
class Row:
    obligation: Obligation
    task: str
    ref: str
    plan: PlanHead
    unit_name: str = ""
    last: StatusUpdate | None = None
    pending_extension: ExtensionRequest | None = None
    last_source: str | None = None  # the source noted when `last` was entered by the focal point (nhập thay)


@dataclass
class PlanGroup:
    plan: PlanHead
    rows: list[Row] = field(default_factory=list)


def _task_columns() -> Any:
    return (func.coalesce(Assignment.text, ReportObligation.text, ""),
            func.coalesce(Assignment.ref, ReportObligation.ref, ""))


def obligation_rows(session: Session, *where: Any, order: Any = None, limit: int | None = None) -> list[Row]:
    text_col, ref_col = _task_columns()
    stmt = (select(Obligation, Plan.id, Plan.title, Plan.number, text_col, ref_col, Unit.name)
            .join(Plan, Plan.id == Obligation.plan_id)
            .join(Unit, Unit.id == Obligation.unit_id)
            .outerjoin(Assignment, Assignment.id == Obligation.assignment_id)
            .outerjoin(ReportObligation, ReportObligation.id == Obligation.report_id)
            .where(*where))
    stmt = stmt.order_by(*(order if order is not None else (Obligation.plan_id, Obligation.due_date, Obligation.id)))
    if limit is not None:
        stmt = stmt.limit(limit)
    return [Row(obligation=o, plan=PlanHead(pid, title, number), task=t, ref=r, unit_name=u)
            for o, pid, title, number, t, r, u in session.exec(stmt).all()]


def attach_latest(session: Session, rows: list[Row]) -> None:
    """Fill Row.last (latest StatusUpdate), Row.last_source and Row.pending_extension in two queries."""
    ids = [r.obligation.id for r in rows]
    if not ids:
        return
    latest = (select(func.max(StatusUpdate.id)).where(StatusUpdate.obligation_id.in_(ids))  # type: ignore[union-attr]
              .group_by(StatusUpdate.obligation_id))
    updates = {u.obligation_id: u for u in session.exec(select(StatusUpdate).where(StatusUpdate.id.in_(latest))).all()}  # type: ignore[union-attr]
    pend = {e.obligation_id: e for e in session.exec(select(ExtensionRequest).where(
        ExtensionRequest.obligation_id.in_(ids), ExtensionRequest.state == "pending")).all()}  # type: ignore[union-attr]
    for r in rows:
        r.last = updates.get(r.obligation.id)  # type: ignore[arg-type]
        r.pending_extension = pend.get(r.obligation.id)  # type: ignore[arg-type]
        if r.last is not None and r.last.entered_by_id is not None:
            r.last_source = r.last.source or ""


def officer_page(session: Session, *, officer: Officer, today: dt.date) -> tuple[list[PlanGroup], int, list[Row]]:
    """Open obligations the officer may update, grouped by plan: those whose period has begun or whose
    deadline is within UPCOMING_DAYS; the count of later ones; and the last few closed within
    RECENT_DAYS (to correct them). One query for both lists, one pair for their latest updates."""
    horizon = today + dt.timedelta(days=UPCOMING_DAYS)
    since = dt.datetime.combine(today - dt.timedelta(days=RECENT_DAYS), dt.time(), tzinfo=dt.UTC)
    rows = obligation_rows(session, visible_clause(officer, acting_for(session, officer=officer, day=today)),
                           (Obligation.closed == False) | (Obligation.last_update_at >= since))  # type: ignore[operator]
    open_rows = [r for r in rows if not r.obligation.closed]
    shown = [r for r in open_rows if r.obligation.period_start <= today or r.obligation.due_date <= horizon]
    later = len(open_rows) - len(shown)
    closed = sorted((r for r in rows if r.obligation.closed),
                    key=lambda r: (r.obligation.last_update_at, r.obligation.id), reverse=True)[:10]
    attach_latest(session, shown + closed)
    groups: dict[int, PlanGroup] = {}
    for r in shown:
        groups.setdefault(r.plan.id, PlanGroup(plan=r.plan)).rows.append(r)
    return list(groups.values()), later, closed


def plans_led_by(session: Session, officer: Officer) -> tuple[list[Plan], list[Plan]]:
    """(plans where the officer is the focal point, plans where the officer is on the issuer's side)."""
    focal: list[Plan] = []
    issuer: list[Plan] = []
    if not officer.active:
        return focal, issuer
    plans = session.exec(select(Plan).where(
        (Plan.focal_unit_id == officer.unit_id) | (Plan.owner_unit_id == officer.unit_id)
        | (Plan.issuer_unit_id == officer.unit_id)).order_by(Plan.id)).all()  # type: ignore[arg-type]
    for p in plans:
        if officer.role in FOCAL_ROLES and focal_unit_id(p) == officer.unit_id:
            focal.append(p)
        elif officer.role in ISSUER_ROLES and p.issuer_unit_id == officer.unit_id:
            issuer.append(p)
    return focal, issuer


def plan_periods(session: Session, plan_id: int) -> list[tuple[str, dt.date, dt.date]]:
    """The plan's periods with their first and last deadline, in date order."""
    rows = session.exec(select(Obligation.period, func.min(Obligation.due_date), func.max(Obligation.due_date))
                        .where(Obligation.plan_id == plan_id).group_by(Obligation.period)).all()
    return sorted(((p, lo, hi) for p, lo, hi in rows), key=lambda x: (x[1], x[0]))


def default_period(periods: list[tuple[str, dt.date, dt.date]], today: dt.date) -> str | None:
    """The first period with a deadline today or later; else the last one."""
    for p, _lo, hi in periods:
        if hi >= today:
            return p
    return periods[-1][0] if periods else None


@dataclass
class UnitStatus:
    unit_id: int
    name: str
    rows: list[Row] = field(default_factory=list)

    @property
    def sent(self) -> list[Row]:
        return [r for r in self.rows if r.last is not None]

    @property
    def last_sent(self) -> dt.datetime | None:
        times = [r.last.submitted_at for r in self.rows if r.last is not None]
        return max(times) if times else None

    @property
    def open_count(self) -> int:
        return sum(1 for r in self.rows if not r.obligation.closed)


FOCAL_PAGE_UNITS = 25  # unit cards per page of the focal page (a province plan has 130+ units)


@dataclass
class FocalUnits:
    """The focal page's unit cards: one page of them, with the counts of all."""

    units: list[UnitStatus]  # this page's units, rows loaded
    total: int  # units of the plan (in the period)
    sent: int  # units that sent something
    page: int
    pages: int


def focal_page(session: Session, *, plan: Plan, period: str | None, page: int = 1,
               per_page: int = FOCAL_PAGE_UNITS) -> tuple[FocalUnits, list[tuple[ExtensionRequest, Row]]]:
    """One page of the plan's units (those that sent nothing first, then by name) with their obligations of
    `period` and each one's latest update; the plan's pending extension requests. The order and the counts
    come from one aggregate query; rows are loaded only for the page's units."""
    where = [Obligation.plan_id == plan.id]
    if period:
        where.append(Obligation.period == period)
    sent_col = func.count(func.distinct(StatusUpdate.obligation_id))
    order = session.exec(select(col(Obligation.unit_id), col(Unit.name), sent_col)
                         .join(Unit, col(Unit.id) == Obligation.unit_id)
                         .outerjoin(StatusUpdate, col(StatusUpdate.obligation_id) == Obligation.id)
                         .where(*where).group_by(col(Obligation.unit_id), col(Unit.name))).all()
    ordered = sorted(order, key=lambda x: (x[2] > 0, x[1], x[0]))
    pages = max(1, -(-len(ordered) // per_page))
    page = min(max(page, 1), pages)
    shown = ordered[(page - 1) * per_page:page * per_page]
    rows = obligation_rows(session, *where, Obligation.unit_id.in_([u for u, _, _ in shown]),  # type: ignore[attr-defined]
                           order=(Obligation.due_date, Obligation.id)) if shown else []
    attach_latest(session, rows)
    units = {u: UnitStatus(u, name) for u, name, _ in shown}
    for r in rows:
        units[r.obligation.unit_id].rows.append(r)
    # Pending extension requests of the whole plan, whatever period and page are shown.
    ext = session.exec(select(ExtensionRequest, Obligation.id).join(Obligation, Obligation.id == ExtensionRequest.obligation_id)
                       .where(Obligation.plan_id == plan.id, ExtensionRequest.state == "pending")
                       .order_by(ExtensionRequest.id)).all()
    by_id = {r.obligation.id: r for r in rows}
    missing = [oid for _, oid in ext if oid not in by_id]
    if missing:
        for r in obligation_rows(session, Obligation.id.in_(missing)):  # type: ignore[union-attr]
            by_id[r.obligation.id] = r
    pending = [(e, by_id[oid]) for e, oid in ext]
    return FocalUnits(units=list(units.values()), total=len(ordered), sent=sum(1 for x in ordered if x[2] > 0),
                      page=page, pages=pages), pending


def submissions(session: Session, *, plan_id: int) -> list[tuple[StatusUpdate, Row, str]]:
    """Every status update of a plan with its obligation row and the sender's name (for the export)."""
    return [(u, row, who) for u, row, who, _entry in submissions_with_entry(session, plan_id=plan_id)]


def submissions_with_entry(session: Session, *, plan_id: int) -> list[tuple[StatusUpdate, Row, str, str]]:
    """Every status update of a plan with its obligation row, the sender's name and, for an update the
    focal point entered on the unit's behalf, "do đầu mối nhập thay (nguồn: ...); người nhập: ..." (else "")."""
    rows = {r.obligation.id: r for r in obligation_rows(session, Obligation.plan_id == plan_id)}
    if not rows:
        return []
    ups = session.exec(select(StatusUpdate, func.coalesce(Officer.name, ""))
                       .outerjoin(Officer, Officer.id == StatusUpdate.officer_id)
                       .where(StatusUpdate.obligation_id.in_(list(rows)))  # type: ignore[union-attr]
                       .order_by(StatusUpdate.id)).all()
    entered = [u.id for u, _ in ups if u.entered_by_id is not None]
    names = dict(session.exec(select(Officer.id, Officer.name).where(
        Officer.id.in_({u.entered_by_id for u, _ in ups if u.entered_by_id is not None}))).all()) if entered else {}  # type: ignore[union-attr]
    out = []
    for u, name in ups:
        entry = ""
        if u.entered_by_id is not None:
            entry = entry_label(u.source or "")
            if names.get(u.entered_by_id):
                entry += f"; người nhập: {names[u.entered_by_id]}"
        out.append((u, rows[u.obligation_id], name, entry))
    return out


def entry_label(source: str | None) -> str:
    """How an update entered on a unit's behalf is shown: 'do đầu mối nhập thay (nguồn: ...)'."""
    return f"do đầu mối nhập thay (nguồn: {source or 'không ghi'})"


@dataclass
class ReportEntry:
    """A compiled report as the focal page and the dashboard list it (no snapshot loaded)."""

    id: int
    period: str
    label: str
    cutoff: dt.date
    compiled_at: dt.datetime
    sent_at: dt.datetime | None
    has_docx: bool
    has_xlsx: bool

    @property
    def final(self) -> bool:
        """Official (chính thức) once compiled on or after the data cut-off day, the rule
        services/reporting.build_snapshot uses for `period.final`; a draft (dự thảo) before."""
        return local_day(self.compiled_at) >= self.cutoff


def compiled_reports(session: Session, *, plan_id: int) -> list[ReportEntry]:
    """The plan's compiled reports, latest period first (one query; the snapshot column is not read)."""
    from dondoc.reporting.compile import parse_period
    from dondoc.reporting.period import ReportInputError

    rows = session.exec(select(CompiledReport.id, CompiledReport.period, CompiledReport.cutoff,
                               CompiledReport.compiled_at, CompiledReport.sent_at, CompiledReport.docx_path,
                               CompiledReport.xlsx_path)
                        .where(CompiledReport.plan_id == plan_id)
                        .order_by(CompiledReport.cutoff.desc(), CompiledReport.id.desc())).all()  # type: ignore[attr-defined,union-attr]
    out = []
    for rid, period, cutoff, compiled_at, sent_at, docx, xlsx in rows:
        try:
            label = parse_period(period).label
        except ReportInputError:
            label = period
        out.append(ReportEntry(id=rid, period=period, label=label, cutoff=cutoff, compiled_at=compiled_at,
                               sent_at=sent_at, has_docx=bool(docx), has_xlsx=bool(xlsx)))
    return out
