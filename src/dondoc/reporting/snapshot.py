"""The snapshot of a plan's period: everything the consolidated report shows, read from the database in a few queries."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pendulum
from sqlalchemy import and_, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from dondoc.calendar.periods import Period
from dondoc.errors import NotFound
from dondoc.models import (
    Assignment,
    Obligation,
    Plan,
    ReportObligation,
    StatusUpdate,
    Target,
    Unit,
)
from dondoc.reporting import admin, sections
from dondoc.reporting.figures import (
    _clean,
    _iso,
    ref_sort_key,
)
from dondoc.reporting.merged import as_of_period
from dondoc.reporting.period import _end_of_day, _local_day, default_period, parse_period, period_cutoff
from dondoc.reporting.sections import ACCOUNTABLE_ROLES, TASK_ROLES, Rows

SNAPSHOT_VERSION = 1




def _signature(plan: Plan) -> list[str]:
    parsed = plan.parsed or {}
    sig = parsed.get("signature") or (plan.policy or {}).get("signature")
    if isinstance(sig, dict):
        sig = sig.get("lines")
    if isinstance(sig, list) and sig and all(isinstance(x, str) for x in sig):
        return [s.strip().upper() for s in sig if s.strip()]
    if admin.is_people_committee(plan.issuer) or not plan.issuer:
        return ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    return ["THỦ TRƯỞNG CƠ QUAN"]


def plan_header(session: Session, plan: Plan) -> dict[str, Any]:
    """The plan facts every administrative document of dondoc needs (header, subject, signature)."""
    units = {u.id: u for u in session.exec(select(Unit).where(
        col(Unit.id).in_([x for x in (plan.issuer_unit_id, plan.focal_unit_id, plan.owner_unit_id) if x]))).all()}
    issuer_unit = units.get(plan.issuer_unit_id) if plan.issuer_unit_id else None
    raw_issuer = plan.issuer or (issuer_unit.name if issuer_unit else None)
    split_upper, issuer = admin.split_body(admin.clean_issuer(raw_issuer))
    upper_level = split_upper
    if issuer_unit and issuer_unit.parent_id:
        parent = session.get(Unit, issuer_unit.parent_id)
        upper_level = parent.name if parent else None
    upper_line, issuer_bold = admin.issuer_lines(issuer, upper_level)
    focal = units.get(plan.focal_unit_id or plan.owner_unit_id or -1)
    title = _clean(plan.title)
    if title == plan.source_name or re.search(r"\.(txt|docx?|pdf|md|ya?ml|xlsx)$", title, re.IGNORECASE):
        title = ""  # the parser found no title and fell back to the file name: say nothing rather than that
    return {
        "id": plan.id,
        "number": plan.number,
        "title": title,
        "issuer": issuer,
        "issuer_full": admin.expand(issuer) if issuer else None,
        "upper_line": upper_line,
        "issuer_lines": issuer_bold,
        "symbol": admin.document_symbol(plan.number, issuer, raw_issuer),
        "place": admin.document_place(issuer, plan.place),
        "issued_on": _iso(plan.issued_on),
        "year": plan.year,
        "signer": plan.signer,
        "signature": _signature(plan),
        "focal_unit": focal.name if focal else None,
        "focal_symbol": admin.drafting_symbol(focal.name if focal else None),
    }


def _report_recipients(session: Session, plan: Plan) -> list[str]:
    """Addressees of the consolidated report: the plan's (b/c) recipients, else the receivers of its
    compile obligation, without duplicates; the archive line is added by the renderer."""
    names: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        clean = admin.clean_recipient(name)
        key = admin.recipient_key(clean)
        if clean and key not in seen:
            seen.add(key)
            names.append(clean)

    for r in plan.recipients or []:
        if isinstance(r, dict) and r.get("purpose") == "report" and r.get("name"):
            add(str(r["name"]))
    if names:
        return names
    # No (b/c) recipient in the plan: the receivers its compile obligation names ('X, Y; Z').
    compiles = session.exec(select(ReportObligation).where(
        ReportObligation.plan_id == plan.id, ReportObligation.compiles == True)
        .order_by(ReportObligation.id)).all()  # type: ignore[arg-type]
    for ro in compiles:
        for name in ro.receivers or []:
            for part in re.split(r"[,;]", str(name)):
                if part.strip():
                    add(part)
    return names


def build_snapshot(session: Session, *, plan_id: int, period: str | None, now: dt.datetime) -> dict[str, Any]:
    """Everything the report for `period` says, as plain data, as of the period's data cut-off.

    Only status updates submitted up to the end of the cut-off day (or up to `now`, when compiling
    earlier) count; the snapshot is `final` from the cut-off day on (then it is never rebuilt). The rows are
    read here (`_load_rows`); each part of the report is built from them by a pure function of
    reporting/sections.py."""
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"không có kế hoạch số {plan_id} trong cơ sở dữ liệu (xem `dondoc plan list`)")
    per = parse_period(period or default_period(session, plan=plan, now=now))
    cutoff, compile_due = period_cutoff(session, plan=plan, period=per)
    # Compiling on the cut-off day itself (the scheduler compiles one working day before the focal
    # point's deadline, which can be that day) closes the data as of that moment.
    final = _local_day(now) >= cutoff
    as_of_instant = min(_end_of_day(cutoff), pendulum.instance(now))
    as_of = _local_day(as_of_instant)
    nxt = per.next()
    rows = _load_rows(session, plan_id=plan_id, per=per, nxt=nxt, as_of_instant=as_of_instant)
    timeliness, obligation_rows = sections.timeliness(rows, as_of=as_of, as_of_instant=as_of_instant)
    return {
        "version": SNAPSHOT_VERSION,
        "plan": plan_header(session, plan),
        "period": {"code": per.code, "label": per.label, "start": _iso(per.start), "end": _iso(per.end),
                   "cutoff": _iso(cutoff), "compile_due": _iso(compile_due), "as_of": _iso(as_of),
                   "as_of_instant": _iso(as_of_instant), "final": final},
        "report_date": _iso(_local_day(now)),
        "recipients": _report_recipients(session, plan),
        "sections": sections.task_sections(rows),
        "targets": sections.target_rows(rows, focal_id=plan.focal_unit_id or plan.owner_unit_id),
        "timeliness": timeliness,
        "difficulties": sections.grouped_words(rows, "difficulties"),
        "proposals": sections.grouped_words(rows, "proposals"),
        "next": {"code": nxt.code, "label": nxt.label, "tasks": sections.next_tasks(rows)},
        "obligations": obligation_rows,
        "submissions": sections.submissions(rows),
    }


def _load_rows(session: Session, *, plan_id: int, per: Period, nxt: Period, as_of_instant: dt.datetime) -> Rows:
    """The rows of the period in a few queries: obligations and status updates as plain rows (not ORM
    objects: a large plan has thousands of each, and identity-mapped instances cost several times more to
    load), the next period's obligations, and the plan's assignments, reports, targets and units."""
    in_period = and_(Obligation.plan_id == plan_id, col(Obligation.role).in_(TASK_ROLES),
                     Obligation.period_start <= per.end, Obligation.period_end >= per.start)
    ob_table, su_table = Obligation.__table__, StatusUpdate.__table__  # type: ignore[attr-defined]
    obligations: list[Any] = as_of_period(list(session.execute(sa_select(ob_table).where(in_period)).all()), per.end)
    updates: list[Any] = list(session.execute(
        sa_select(su_table).join(ob_table, ob_table.c.id == su_table.c.obligation_id)
        .where(in_period, su_table.c.submitted_at <= as_of_instant)
        .order_by(su_table.c.submitted_at, su_table.c.id)).all())
    next_obligations = list(session.exec(select(Obligation).where(
        Obligation.plan_id == plan_id, col(Obligation.role).in_(ACCOUNTABLE_ROLES),
        Obligation.period_start <= nxt.end, Obligation.period_end >= nxt.start,
        or_(Obligation.period_start > per.end, Obligation.due_date > per.end))).all())
    assignments = {a.id: a for a in session.exec(select(Assignment).where(Assignment.plan_id == plan_id)).all()}
    reports = {r.id: r for r in session.exec(select(ReportObligation).where(ReportObligation.plan_id == plan_id)).all()}
    targets = sorted(session.exec(select(Target).where(Target.plan_id == plan_id)).all(),
                     key=lambda t: (ref_sort_key(t.ref), t.key))
    unit_ids = {o.unit_id for o in obligations} | {o.unit_id for o in next_obligations}
    units = {u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_(unit_ids))).all()} if unit_ids else {}
    return Rows(obligations=obligations, updates=updates, next_obligations=next_obligations,
                assignments=assignments, reports=reports, targets=targets, units=units)
