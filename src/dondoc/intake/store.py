"""Store a parsed plan: the plan row, its assignments, reports and targets upserted by their keys, bodies linked to units, obligations synced."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from dondoc.config import Settings
from dondoc.directory.resolve import Resolution
from dondoc.directory.succession import propose
from dondoc.errors import NotFound
from dondoc.intake import obligations as obligation_service
from dondoc.intake.rows import retire_rows, store_assignments, store_reports, store_targets
from dondoc.models import (
    Assignment,
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
    actor: str = "cli",
    source_text: str | None = None,
) -> ImportResult:
    """Store (or update in place) a parsed plan with its resolved bodies and its obligations.

    `existing` names the stored plan to update (re-resolution); otherwise it is found by number, title or
    the `plan_id` of a corrected export. `action` overrides the audit event's action.
    """
    # Long on purpose: the steps of storing a plan in one transaction, each one call.
    from dondoc.directory.resolve import Resolver

    parsed = clean_tree(parsed)  # XML/Word/Excel-safe text: a plan's words end up in every report
    source_name = clean(source_name)
    year = existing.year if existing is not None else _plan_year(parsed, now)
    owner_id = _owner_unit(session, owner)
    resolver = Resolver.from_session(session).for_plan(parsed, owner=owner_id)
    plan = existing if existing is not None else _find_existing(session, parsed, year)
    status = "updated" if plan is not None else "created"
    plan = _plan_row(plan, parsed, source_name=source_name, source_hash=source_hash, year=year, now=now,
                     source_text=source_text)
    session.add(plan)
    session.flush()
    assert plan.id is not None

    resolve = _Resolving(resolver, issuer=parsed.get("issuer"), warnings=list(parsed.get("warnings") or []))
    unresolved, warnings, proposals = resolve.unresolved, resolve.warnings, resolve.proposals

    _set_plan_units(session, plan, parsed, resolver, owner_id)

    stale_ids = store_assignments(session, plan, parsed, resolve, warnings)
    stale_report_ids = store_reports(session, plan, parsed, resolve)
    store_targets(session, plan, parsed)

    counts = obligation_service.sync_plan(session, plan=plan, settings=settings, now=now,
                                          retired_assignments=stale_ids, retired_reports=stale_report_ids,
                                          resolver=resolver)
    retire_rows(session, plan, stale_ids=stale_ids, stale_report_ids=stale_report_ids, now=now)

    if plan.state == "active" and plan.activated_at is not None:
        from dondoc.intake.lifecycle import notify_assigned

        counts["notified_officers"] = notify_assigned(session, plan=plan, settings=settings, now=now)
    plan.unresolved = sorted(set(unresolved))
    if proposals or plan.proposals:
        codes = dict(session.exec(select(Unit.id, Unit.code)).all()) if proposals else {}
        plan.proposals = [p.as_dict(codes) for p in proposals.values()]  # type: ignore[arg-type]
    session.add(plan)
    session.add(AuditEvent(at=now, actor=actor, via="import", action=action or f"plan.{status}", entity="plan",
                           entity_id=plan.id, after={"source": source_name, "sha256": source_hash,
                                                     "state": plan.state, **counts}))
    session.flush()
    result = _counts(session, plan, status=status)
    result.state = plan.state
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




def _counts(session: Session, plan: Plan, *, status: str) -> ImportResult:
    from sqlmodel import func

    from dondoc.models import Obligation

    def count(model: Any, *where: Any) -> int:
        return int(session.exec(select(func.count()).select_from(model).where(*where)).one())

    assert plan.id is not None
    return ImportResult(
        plan_id=plan.id,
        status=status,
        state=plan.state,
        assignments=count(Assignment, Assignment.plan_id == plan.id, col(Assignment.removed_at).is_(None)),
        reports=count(ReportObligation, ReportObligation.plan_id == plan.id),
        targets=count(Target, Target.plan_id == plan.id),
        obligations=count(Obligation, Obligation.plan_id == plan.id),
        needs_review=count(Assignment, Assignment.plan_id == plan.id, Assignment.needs_review == True),
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
    state: str = "draft"

    def as_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan_id,
            "status": self.status,
            "state": self.state,
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


def _plan_row(plan: Plan | None, parsed: dict[str, Any], *, source_name: str, source_hash: str, year: int,
              now: dt.datetime, source_text: str | None) -> Plan:
    """The plan row with the parsed plan's facts (a new one is a draft: nothing is scheduled or sent before a
    person activates it)."""
    if plan is None:
        plan = Plan(source_name=source_name, source_hash=source_hash, title="", year=year, created_at=now,
                    state="draft")
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
    if source_text is not None:
        plan.source_text = source_text
    plan.updated_at = now
    return plan


class _Resolving:
    """Resolve a body name for the store, collecting what a person must look at: unresolved names, warnings,
    and proposals for dissolved units or levels (the 2025 reorganisation, merges) — never a silent drop; a
    district-level name is not resolved by guess (its tasks wait for the mapping to be confirmed)."""

    def __init__(self, resolver: Any, *, issuer: str | None, warnings: list[str]) -> None:
        self.resolver, self.issuer, self.warnings = resolver, issuer, warnings
        self.unresolved: list[str] = []
        self.proposals: dict[str, Any] = {}
        self.since: dict[tuple[str, int], dt.date] = {}

    def __call__(self, name: str) -> list[tuple[int, int | None]]:
        dissolved = propose(self.resolver, name, self.resolver.scope, issuer=self.issuer)
        res = self.resolver.resolve(name) if dissolved is None else Resolution(name=name)
        proposal = dissolved or res.proposal
        if proposal is not None and name not in self.proposals:
            self.proposals[name] = proposal
            self.warnings.append(proposal.warning())
        for unit_id, day in res.since.items():
            self.since[(name, unit_id)] = day
        if not res.targets:
            self.unresolved.append(name)
        return list(res.targets)
