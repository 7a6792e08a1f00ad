"""Obligations: one dated instance of an assignment or a report, for one unit and one period.

`sync_plan` computes the set of obligations a stored plan implies and brings the database to it:
new ones are inserted, existing ones (matched by key) get their dates refreshed and keep their
status, and those the plan no longer implies are deleted when untouched or retired (closed, flagged
for review) when someone already reported on them or was reminded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, delete, func, select

from dondoc.calendar.periods import Occurrence, occurrences
from dondoc.calendar.policy import Policy
from dondoc.calendar.workdays import WorkCalendar
from dondoc.config import Settings
from dondoc.intake.duplicates import drop_reporting_duplicates
from dondoc.models import (
    NOT_APPLICABLE,
    Assignment,
    AssignmentUnit,
    Notice,
    Obligation,
    Plan,
    ReportObligation,
    StatusUpdate,
    Unit,
)


@dataclass(frozen=True)
class Wanted:
    key: str
    assignment_id: int | None
    report_id: int | None
    unit_id: int
    officer_id: int | None
    role: str
    mode: str
    kind: str
    occ: Occurrence
    due_date: dt.date
    needs_review: bool


def plan_policy(plan: Plan, settings: Settings) -> Policy:
    return Policy.from_settings(settings).merged(plan.policy or {})


def stored_kind(timing: dict[str, Any], policy: Policy) -> str:
    """The obligation's kind under the plan's undated-task policy: an undated task ('unspecified') stays
    undated under `track` (status updates only, no deadline) and becomes dated ('once': the period's
    reporting date is its deadline, said so in `plan show`) under `default_date`."""
    kind = (timing or {}).get("kind") or "unspecified"
    if kind == "unspecified" and policy.undated == "default_date":
        return "once"
    return kind


def _occurrences(timing: dict[str, Any], plan: Plan, calendar: WorkCalendar, policy: Policy,
                 report_timing: dict[str, Any] | None = None, level: int = 0) -> list[Occurrence]:
    return occurrences(timing or {"text": None, "kind": "unspecified"}, plan_year=plan.year,
                       issued_on=plan.issued_on, calendar=calendar, policy=policy, report_timing=report_timing,
                       level=level)


def wanted_obligations(session: Session, *, plan: Plan, settings: Settings,
                       calendar: WorkCalendar | None = None, resolver: Any = None) -> list[Wanted]:
    """Every obligation the plan implies, with its dates (pure computation over the stored plan)."""
    # Long on purpose: each assignment and report expanded to units and periods in one pass.
    from dondoc.directory.resolve import Resolver

    assert plan.id is not None
    calendar = calendar or WorkCalendar.from_session(session)
    policy = plan_policy(plan, settings)
    assignments = session.exec(select(Assignment).where(Assignment.plan_id == plan.id,
                                                        col(Assignment.removed_at).is_(None))).all()
    reports = session.exec(select(ReportObligation).where(ReportObligation.plan_id == plan.id)
                           .order_by(ReportObligation.id)).all()  # type: ignore[arg-type]
    links = session.exec(select(AssignmentUnit).where(
        col(AssignmentUnit.assignment_id).in_([a.id for a in assignments]))).all() if assignments else []
    external = {u.id for u in session.exec(select(Unit).where(Unit.external == True)).all()}
    validity = _validity(session)
    by_assignment: dict[int, list[AssignmentUnit]] = {}
    for link in links:
        by_assignment.setdefault(link.assignment_id, []).append(link)

    # The units' own report (level 0) sets the rhythm of continuous tasks' status updates.
    unit_report = next((r for r in reports if not r.compiles and (r.timing or {}).get("kind") in ("once", "recurring")),
                       None)
    rhythm = dict(unit_report.timing) if unit_report else None

    out: list[Wanted] = []
    lead_units: list[int] = []
    for a in assignments:
        timing = a.timing or {}
        occs = _occurrences(timing, plan, calendar, policy, report_timing=rhythm)
        for link in by_assignment.get(a.id or 0, []):
            if link.role == "lead" and link.unit_id not in lead_units:
                lead_units.append(link.unit_id)
            mode = "request" if (a.mode == "request" or link.unit_id in external) else "assign"
            for occ in occs:
                if not _within(validity, link.unit_id, occ, link.since):
                    continue
                due = occ.due_date
                if link.role == "support":
                    due = policy.support_due(due, calendar)
                out.append(Wanted(
                    key=f"{plan.id}|A{a.id}|u{link.unit_id}|o{link.officer_id or 0}|{link.role}|{occ.period}",
                    assignment_id=a.id, report_id=None, unit_id=link.unit_id, officer_id=link.officer_id,
                    role=link.role, mode=mode, kind=stored_kind(timing, policy), occ=occ, due_date=due,
                    needs_review=a.needs_review or occ.needs_review))

    if reports and resolver is None:
        resolver = Resolver.from_session(session).for_plan(plan.parsed or {}, owner=plan.owner_unit_id)
    for r in reports:
        occs = _occurrences(r.timing, plan, calendar, policy, level=r.level)
        if r.compiles:
            units = [plan.focal_unit_id] if plan.focal_unit_id else []
            role = "compile"
        else:
            units = _report_senders(r, resolver, lead_units, plan)
            role = "report"
        for unit_id in units:
            mode = "request" if unit_id in external else "assign"
            for occ in occs:
                if not _within(validity, unit_id, occ, None):
                    continue
                out.append(Wanted(
                    key=f"{plan.id}|R{r.id}|u{unit_id}|o0|{role}|{occ.period}", assignment_id=None, report_id=r.id,
                    unit_id=unit_id, officer_id=None, role=role, mode=mode,
                    kind=(r.timing or {}).get("kind") or "unspecified", occ=occ, due_date=occ.due_date,
                    needs_review=occ.needs_review))
    return drop_reporting_duplicates(out, assignments, reports)






def _validity(session: Session) -> dict[int, tuple[dt.date | None, dt.date | None]]:
    """Units with a start or an end (merged away, created by a merge): id -> (valid_from, valid_to)."""
    rows = session.exec(select(Unit.id, Unit.valid_from, Unit.valid_to).where(
        (col(Unit.valid_from).is_not(None)) | (col(Unit.valid_to).is_not(None)))).all()
    return {uid: (start, end) for uid, start, end in rows}


def _within(validity: dict[int, tuple[dt.date | None, dt.date | None]], unit_id: int, occ: Occurrence,
            since: dt.date | None) -> bool:
    """Does this period belong to this unit? A period goes to the unit that exists when it ends: a merged
    unit keeps the periods that ended before the merge (its history, its reports), the successor takes the
    period running at the merge and the later ones."""
    start, end = validity.get(unit_id, (None, None))
    start = max(filter(None, (start, since)), default=None)
    if end is not None and occ.period_end > end:
        return False
    return start is None or occ.period_end >= start






def _report_senders(report: ReportObligation, resolver: Any, lead_units: list[int], plan: Plan) -> list[int]:
    """Units that send a level-0 report: those named, or — for a collective such as 'các cơ quan, đơn
    vị' — every unit that leads a task of the plan, except the focal point that receives them."""
    named: list[int] = []
    collective = not report.senders
    for name in report.senders:
        res = resolver.resolve(name)
        if res.method in ("collective", "unresolved") or not res.targets:
            collective = True
            continue
        named.extend(u for u, _ in res.targets)
    units = list(dict.fromkeys(named))
    if collective:
        units.extend(u for u in lead_units if u not in units)
    return [u for u in units if u != plan.focal_unit_id]


def sync_plan(
    session: Session,
    *,
    plan: Plan,
    settings: Settings,
    now: dt.datetime,
    retired_assignments: list[int] | None = None,
    retired_reports: list[int] | None = None,
    calendar: WorkCalendar | None = None,
    resolver: Any = None,
) -> dict[str, int]:
    """Bring the plan's obligations to what the plan implies. Returns counts of what changed.

    `resolver`: the plan-scoped name resolver the caller already built (else one is built here)."""
    # Long on purpose: wanted vs stored obligations compared and written in one transaction.
    assert plan.id is not None
    if plan.state == "draft":
        # A draft schedules nothing: its obligations are created when a person activates it.
        return {"obligations_created": 0, "obligations_updated": 0, "obligations_retired": 0,
                "obligations_deleted": 0}
    wanted = {w.key: w for w in wanted_obligations(session, plan=plan, settings=settings, calendar=calendar,
                                                   resolver=resolver)}
    existing = {o.key: o for o in session.exec(select(Obligation).where(Obligation.plan_id == plan.id)).all()}
    created = updated = retired = deleted = 0
    adopt = _adoptable(session, wanted, existing)
    fresh: list[dict[str, Any]] = []  # inserted in one statement: an activation creates hundreds of rows
    for key, w in wanted.items():
        row = existing.get(key)
        if row is None and adopt:
            row = _adopt(adopt, w, existing)
        if row is None:
            fresh.append({
                "key": key, "plan_id": plan.id, "assignment_id": w.assignment_id, "report_id": w.report_id,
                "unit_id": w.unit_id, "officer_id": w.officer_id, "role": w.role, "mode": w.mode, "kind": w.kind,
                "period": w.occ.period, "period_start": w.occ.period_start, "period_end": w.occ.period_end,
                "cutoff": w.occ.cutoff, "plan_due": w.occ.plan_due, "due_date": w.due_date,
                "needs_review": w.needs_review, "created_at": now})
            created += 1
            continue
        if row.status == NOT_APPLICABLE:  # a deleted row put back: followed again
            row.status, row.closed = "not_started", False
            session.add(row)
        fields = {"period_start": w.occ.period_start, "period_end": w.occ.period_end, "cutoff": w.occ.cutoff,
                      "plan_due": w.occ.plan_due, "due_date": w.due_date, "mode": w.mode, "kind": w.kind,
                      "officer_id": w.officer_id, "needs_review": w.needs_review}
        if any(getattr(row, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(row, k, v)
            session.add(row)
            updated += 1
    if fresh:
        session.flush()  # pending changes first: the insert below bypasses the unit of work
        session.execute(insert(Obligation), fresh)
    gone = [o for k, o in existing.items() if k not in wanted]
    if gone and plan.activated_at is not None:
        # A plan a person activated: units were told of these obligations, so they are kept for audit,
        # closed as "không áp dụng" (never reminded again), whatever was collected on them.
        for o in gone:
            if o.status != NOT_APPLICABLE or not o.closed:
                o.status, o.closed = NOT_APPLICABLE, True
                session.add(o)
                retired += 1
        gone = []
    if gone:
        ids = [o.id for o in gone]
        touched = set(session.exec(select(StatusUpdate.obligation_id).where(
            col(StatusUpdate.obligation_id).in_(ids))).all())
        touched |= set(session.exec(select(Notice.obligation_id).where(col(Notice.obligation_id).in_(ids))).all())
        dissolved = {u for u, (_, end) in _validity(session).items() if end is not None} if gone else set()
        for o in gone:
            if o.closed and o.unit_id in dissolved:
                continue  # history of a merged or dissolved unit: kept as it was
            if o.id in touched:
                if not o.closed or not o.needs_review:
                    o.closed = True
                    o.needs_review = True
                    session.add(o)
                    retired += 1
            else:
                session.delete(o)
                deleted += 1
    session.flush()
    return {"obligations_created": created, "obligations_updated": updated, "obligations_retired": retired,
            "obligations_deleted": deleted}


def _predecessors(session: Session) -> dict[int, set[int]]:
    """successor unit -> every unit merged into it, directly or through earlier merges."""
    from dondoc.models import UnitLink

    direct: dict[int, set[int]] = {}
    for pred, succ in session.exec(select(UnitLink.predecessor_id, UnitLink.successor_id)).all():
        direct.setdefault(succ, set()).add(pred)
    out: dict[int, set[int]] = {}
    for succ, preds in direct.items():
        seen: set[int] = set()
        todo = list(preds)
        while todo:
            u = todo.pop()
            if u not in seen:
                seen.add(u)
                todo.extend(direct.get(u, ()))
        out[succ] = seen
    return out


def _adoptable(session: Session, wanted: dict[str, Wanted], existing: dict[str, Obligation]
               ) -> dict[tuple[Any, ...], list[Obligation]]:
    """Open obligations of merged units that the plan no longer wants, by (source, role, period): a successor's
    new obligation takes one over (same row, statuses and reminders kept) instead of starting afresh."""
    gone = [o for k, o in existing.items() if k not in wanted and not o.closed]
    if not gone:
        return {}
    preds = _predecessors(session)
    merged = set().union(*preds.values()) if preds else set()
    out: dict[tuple[Any, ...], list[Obligation]] = {}
    for o in gone:
        if o.unit_id in merged:
            out.setdefault((o.assignment_id, o.report_id, o.role, o.period), []).append(o)
    for rows in out.values():  # the one with the most to keep goes first
        rows.sort(key=lambda o: (o.status == "not_started", -(o.progress or 0), o.id or 0))
    if not out:
        return {}
    from dondoc.models import UnitLink

    on = {(p, s): d for p, s, d in session.exec(select(UnitLink.predecessor_id, UnitLink.successor_id,
                                                       UnitLink.effective_on)).all()}
    return {"preds": preds, "on": _chain_days(on, preds), **out}  # type: ignore[dict-item]


def _chain_days(on: dict[tuple[int, int], dt.date], preds: dict[int, set[int]]) -> dict[tuple[int, int], dt.date]:
    """(predecessor, successor) -> the day the successor took over, through chains of merges (the latest link)."""
    out = dict(on)
    for succ, ps in preds.items():
        for p in ps:
            if (p, succ) not in out:
                days = [d for (a, b), d in on.items() if b == succ or a == p]
                out[(p, succ)] = max(days) if days else dt.date.min
    return out


def _adopt(adopt: dict[Any, Any], w: Wanted, existing: dict[str, Obligation]) -> Obligation | None:
    rows = adopt.get((w.assignment_id, w.report_id, w.role, w.occ.period)) or []
    preds = adopt["preds"].get(w.unit_id, set())
    for n, row in enumerate(rows):
        if row.unit_id in preds:
            rows.pop(n)
            existing.pop(row.key, None)
            if row.merged_from_id is None:  # the first holder is the one earlier reports name
                row.merged_from_id = row.unit_id
                row.merged_on = adopt["on"].get((row.unit_id, w.unit_id))
            row.key, row.unit_id = w.key, w.unit_id
            existing[w.key] = row
            return row
    return None


def has_obligations(session: Session, *, assignment_id: int | None = None, report_id: int | None = None) -> bool:
    q = select(func.count()).select_from(Obligation)
    if assignment_id is not None:
        q = q.where(Obligation.assignment_id == assignment_id)
    if report_id is not None:
        q = q.where(Obligation.report_id == report_id)
    return int(session.exec(q).one()) > 0


def delete_plan(session: Session, *, plan_id: int) -> None:
    """Remove a plan and everything under it (used by `dondoc plan delete`)."""
    from dondoc.models import Attachment, CompiledReport, Delivery, ExtensionRequest, Message, Target

    ob_ids = list(session.exec(select(Obligation.id).where(Obligation.plan_id == plan_id)).all())
    if ob_ids:
        su_ids = list(session.exec(select(StatusUpdate.id).where(col(StatusUpdate.obligation_id).in_(ob_ids))).all())
        if su_ids:
            session.exec(delete(Attachment).where(col(Attachment.status_update_id).in_(su_ids)))
        session.exec(delete(StatusUpdate).where(col(StatusUpdate.obligation_id).in_(ob_ids)))
        session.exec(delete(ExtensionRequest).where(col(ExtensionRequest.obligation_id).in_(ob_ids)))
        msg_ids = list(session.exec(select(Notice.message_id).where(col(Notice.obligation_id).in_(ob_ids),
                                                                     col(Notice.message_id).is_not(None))).all())
        session.exec(delete(Notice).where(col(Notice.obligation_id).in_(ob_ids)))
        if msg_ids:
            still = set(session.exec(select(Notice.message_id).where(col(Notice.message_id).in_(msg_ids))).all())
            orphan = [m for m in msg_ids if m not in still]
            if orphan:
                session.exec(delete(Delivery).where(col(Delivery.message_id).in_(orphan)))
                session.exec(delete(Message).where(col(Message.id).in_(orphan)))
        session.exec(delete(Obligation).where(col(Obligation.plan_id) == plan_id))
    a_ids = list(session.exec(select(Assignment.id).where(Assignment.plan_id == plan_id)).all())
    if a_ids:
        session.exec(delete(AssignmentUnit).where(col(AssignmentUnit.assignment_id).in_(a_ids)))
    session.exec(delete(Assignment).where(col(Assignment.plan_id) == plan_id))
    session.exec(delete(ReportObligation).where(col(ReportObligation.plan_id) == plan_id))
    session.exec(delete(Target).where(col(Target.plan_id) == plan_id))
    session.exec(delete(CompiledReport).where(col(CompiledReport.plan_id) == plan_id))
    plan = session.get(Plan, plan_id)
    if plan is not None:
        session.delete(plan)
