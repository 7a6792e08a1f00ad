"""Store a parsed plan: the plan row, its assignments, reports and targets upserted by their keys, bodies linked to units, obligations synced."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, delete, select

from dondoc.config import Settings
from dondoc.errors import NotFound
from dondoc.intake import obligations as obligation_service
from dondoc.intake.keys import assignment_key, report_key, target_keys
from dondoc.models import (
    Assignment,
    AssignmentUnit,
    AuditEvent,
    Plan,
    ReportObligation,
    Target,
    Unit,
)
from dondoc.textsafe import clean, clean_tree
from dondoc.vietnamese import fold


def store_plan(
    session: Session,
    *,
    parsed: dict[str, Any],
    source_name: str,
    source_hash: str,
    settings: Settings,
    now: dt.datetime,
    owner: str | None = None,
    existing: Plan | None = None,
    action: str | None = None,
) -> ImportResult:
    """Store (or update in place) a parsed plan with its resolved bodies and its obligations.

    `existing` names the stored plan to update (re-resolution); otherwise it is found by number, title or
    the `plan_id` of a corrected export. `action` overrides the audit event's action.
    """
    from dondoc.directory.resolve import Resolver

    parsed = clean_tree(parsed)  # XML/Word/Excel-safe text: a plan's words end up in every report
    source_name = clean(source_name)
    year = existing.year if existing is not None else _plan_year(parsed, now)
    owner_id = _owner_unit(session, owner)
    resolver = Resolver.from_session(session).for_plan(parsed, owner=owner_id)
    plan = existing if existing is not None else _find_existing(session, parsed, year)
    status = "updated" if plan is not None else "created"
    if plan is None:
        plan = Plan(source_name=source_name, source_hash=source_hash, title="", year=year, created_at=now)
    plan.source_name = source_name
    plan.source_hash = source_hash
    plan.number = parsed.get("number")
    plan.title = " ".join(str(parsed.get("title") or source_name).split())
    plan.issuer = parsed.get("issuer")
    plan.place = parsed.get("place")
    plan.issued_on = dt.date.fromisoformat(parsed["issued_on"]) if parsed.get("issued_on") else None
    plan.year = year
    plan.signer = parsed.get("signer")
    plan.recipients = list(parsed.get("recipients") or [])
    plan.parsed = dict(parsed)
    plan.updated_at = now
    session.add(plan)
    session.flush()
    assert plan.id is not None

    unresolved: list[str] = []
    warnings: list[str] = list(parsed.get("warnings") or [])

    def resolve(name: str) -> list[tuple[int, int | None]]:
        res = resolver.resolve(name)
        if not res.targets:
            unresolved.append(name)
        return list(res.targets)

    _set_plan_units(session, plan, parsed, resolver, owner_id)

    # Assignments, matched by key so a corrected import keeps row ids (and so obligations and statuses).
    existing = {a.key: a for a in session.exec(select(Assignment).where(Assignment.plan_id == plan.id)).all()}
    seen: set[str] = set()
    rows: list[Assignment] = []
    for item in parsed.get("assignments", []):
        key = assignment_key(item)
        if key in seen:  # the same task twice under one ref: keep the first, say so
            warnings.append(f"{item.get('ref')}: duplicate assignment for {', '.join(item.get('lead') or [])}")
            continue
        seen.add(key)
        row = existing.get(key) or Assignment(plan_id=plan.id, key=key, ref=str(item.get("ref") or ""), text="")
        row.ref = str(item.get("ref") or "")
        row.item = item.get("item")
        row.section = item.get("section")
        row.text = str(item.get("text") or "")
        row.mode = item.get("mode") or "assign"
        row.lead = list(item.get("lead") or [])
        row.support = list(item.get("support") or [])
        row.timing = dict(item.get("timing") or {"text": None, "kind": "unspecified"})
        session.add(row)
        rows.append(row)
    session.flush()  # one batch: ids for the new rows
    ids = [r.id for r in rows if r.id is not None]
    if ids:
        session.exec(delete(AssignmentUnit).where(col(AssignmentUnit.assignment_id).in_(ids)))
    for row in rows:
        _link_bodies(session, row, resolve, plan)
    session.flush()
    stale_ids = [a.id for k, a in existing.items() if k not in seen]

    reports_existing = {r.key: r for r in session.exec(
        select(ReportObligation).where(ReportObligation.plan_id == plan.id)).all()}
    report_seen: set[str] = set()
    for n, item in enumerate(parsed.get("reports", []), start=1):
        key = report_key(item, n)
        report_seen.add(key)
        row = reports_existing.get(key) or ReportObligation(plan_id=plan.id, key=key, ref="", text="")
        row.ref = str(item.get("ref") or "")
        row.text = str(item.get("text") or "")
        row.senders = list(item.get("from") or [])
        row.receivers = list(item.get("to") or [])
        row.via = item.get("via")
        row.compiles = bool(item.get("compiles"))
        row.level = 1 if row.compiles else 0
        row.timing = dict(item.get("timing") or {"text": None, "kind": "unspecified"})
        session.add(row)
        for name in row.senders if not row.compiles else []:
            resolve(name)
    stale_report_ids = [r.id for k, r in reports_existing.items() if k not in report_seen]

    targets_existing = {t.key: t for t in session.exec(select(Target).where(Target.plan_id == plan.id)).all()}
    target_seen: set[str] = set()
    for key, item in target_keys(parsed.get("targets", [])):
        target_seen.add(key)
        row = targets_existing.get(key) or Target(plan_id=plan.id, key=key, ref="", text="", value=0)
        row.ref = str(item.get("ref") or "")
        row.text = str(item.get("text") or "")
        row.value = float(item["value"])
        row.unit = item.get("unit")
        row.baseline = item.get("baseline")
        row.comparator = item.get("comparator")
        row.by = item.get("by")
        session.add(row)
    for key, t in targets_existing.items():
        if key not in target_seen:
            session.delete(t)
    session.flush()

    counts = obligation_service.sync_plan(session, plan=plan, settings=settings, now=now,
                                          retired_assignments=[i for i in stale_ids if i is not None],
                                          retired_reports=[i for i in stale_report_ids if i is not None],
                                          resolver=resolver)
    # Rows that no longer exist in the plan: their obligations were retired (or kept, with history) above.
    if stale_ids:
        session.exec(delete(AssignmentUnit).where(col(AssignmentUnit.assignment_id).in_(stale_ids)))
        for aid in stale_ids:
            if not obligation_service.has_obligations(session, assignment_id=aid):
                row = session.get(Assignment, aid)
                if row is not None:
                    session.delete(row)
    for rid in stale_report_ids:
        if not obligation_service.has_obligations(session, report_id=rid):
            row = session.get(ReportObligation, rid)
            if row is not None:
                session.delete(row)

    plan.unresolved = sorted(set(unresolved))
    session.add(plan)
    session.add(AuditEvent(at=now, actor="cli", via="import", action=action or f"plan.{status}", entity="plan",
                           entity_id=plan.id, after={"source": source_name, "sha256": source_hash,
                                                     **counts}))
    session.flush()
    result = _counts(session, plan, status=status)
    result.unresolved = list(plan.unresolved)
    result.warnings = warnings
    return result


def _owner_unit(session: Session, owner: str | None) -> int | None:
    """The unit named by --owner: a unit code, else a name the directory resolves to one unit."""
    if not owner:
        return None
    unit = session.exec(select(Unit).where(Unit.code == owner)).first()
    if unit is not None:
        return unit.id
    from dondoc.directory.resolve import Resolver

    res = Resolver.from_session(session).resolve(owner)
    units = {u for u, _ in res.targets}
    if len(units) != 1:
        raise NotFound(f"--owner {owner!r} is neither a unit code nor a name of exactly one unit of the directory")
    return units.pop()


def _set_plan_units(session: Session, plan: Plan, parsed: dict[str, Any], resolver: Any, owner: int | None) -> None:
    """Issuer, focal point and default owner of the plan's unnamed tasks."""

    def first_unit(name: str | None) -> int | None:
        if not name:
            return None
        res = resolver.resolve(name)
        return res.targets[0][0] if res.targets else None

    plan.issuer_unit_id = first_unit(parsed.get("issuer")) or plan.issuer_unit_id
    focal = None
    reports = parsed.get("reports") or []
    for rep in reports:
        if rep.get("compiles") and rep.get("from"):
            focal = first_unit(rep["from"][0])
            if focal:
                break
    if focal is None:
        for rep in reports:
            focal = first_unit(rep.get("via"))
            if focal:
                break
    plan.focal_unit_id = focal or plan.focal_unit_id or plan.issuer_unit_id
    if owner:
        plan.owner_unit_id = owner
    else:
        plan.owner_unit_id = plan.focal_unit_id or plan.owner_unit_id
    if plan.issuer_unit_id is None and plan.focal_unit_id is not None:
        # The issuer is the parent of its focal office when the header names no issuer (seed 004).
        focal_unit = session.get(Unit, plan.focal_unit_id)
        plan.issuer_unit_id = focal_unit.parent_id if focal_unit and focal_unit.parent_id else plan.focal_unit_id
    session.add(plan)


def _link_bodies(session: Session, row: Assignment, resolve: Any, plan: Plan) -> None:
    """The resolved lead/support rows of one assignment (its old rows were deleted by the caller)."""
    seen: set[tuple[int, int | None, str]] = set()
    review = not row.lead
    for role, names in (("lead", row.lead), ("support", row.support)):
        for name in names:
            targets = resolve(name)
            if not targets and role == "lead":
                review = True
            for unit_id, officer_id in targets:
                if (unit_id, officer_id, role) in seen or (role == "support" and (unit_id, officer_id, "lead") in seen):
                    continue
                seen.add((unit_id, officer_id, role))
                session.add(AssignmentUnit(assignment_id=row.id, unit_id=unit_id, officer_id=officer_id, role=role,
                                           written_as=name))
    if review and plan.owner_unit_id and not any(u == plan.owner_unit_id and r == "lead" for u, _, r in seen):
        session.add(AssignmentUnit(assignment_id=row.id, unit_id=plan.owner_unit_id, role="lead",
                                   written_as="(mặc định: cơ quan đầu mối)"))
    row.needs_review = review
    session.add(row)


def _counts(session: Session, plan: Plan, *, status: str) -> ImportResult:
    from sqlmodel import func

    from dondoc.models import Obligation

    def count(model: Any, *where: Any) -> int:
        return int(session.exec(select(func.count()).select_from(model).where(*where)).one())

    assert plan.id is not None
    return ImportResult(
        plan_id=plan.id,
        status=status,
        assignments=count(Assignment, Assignment.plan_id == plan.id),
        reports=count(ReportObligation, ReportObligation.plan_id == plan.id),
        targets=count(Target, Target.plan_id == plan.id),
        obligations=count(Obligation, Obligation.plan_id == plan.id),
        needs_review=count(Assignment, Assignment.plan_id == plan.id, Assignment.needs_review == True),  # noqa: E712
    )


@dataclass
class ImportResult:
    plan_id: int
    status: str  # created, updated, unchanged
    assignments: int = 0
    reports: int = 0
    targets: int = 0
    obligations: int = 0
    unresolved: list[str] = field(default_factory=list)
    needs_review: int = 0
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan_id,
            "status": self.status,
            "assignments": self.assignments,
            "reports": self.reports,
            "targets": self.targets,
            "obligations": self.obligations,
            "unresolved": len(self.unresolved),
            "unresolved_names": self.unresolved,
            "needs_review": self.needs_review,
            "warnings": len(self.warnings),
        }


def _plan_year(parsed: dict[str, Any], now: dt.datetime) -> int:
    if parsed.get("year"):
        return int(parsed["year"])
    if parsed.get("issued_on"):
        return int(str(parsed["issued_on"])[:4])
    for item in parsed.get("assignments", []) + parsed.get("reports", []):
        due = (item.get("timing") or {}).get("due")
        if due:
            return int(str(due)[:4])
    return now.year


def _find_existing(session: Session, parsed: dict[str, Any], year: int) -> Plan | None:
    if parsed.get("plan_id"):
        plan = session.get(Plan, int(parsed["plan_id"]))
        if plan is None:
            raise NotFound(f"the corrected export names plan {parsed['plan_id']}, which is not in the database")
        return plan
    if parsed.get("number"):
        return session.exec(select(Plan).where(Plan.number == parsed["number"], Plan.year == year)).first()
    title = fold(" ".join(str(parsed.get("title") or "").split()))
    for plan in session.exec(select(Plan).where(Plan.year == year, col(Plan.number).is_(None))).all():
        if fold(" ".join(plan.title.split())) == title:
            return plan
    return None
