"""The rows of a stored plan, upserted by their keys so a corrected import keeps row ids (and with them
obligations and collected statuses): assignments (with the units they name), reports, targets; and the rows
a correction removed, retired."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, delete, select

from dondoc.intake import obligations as obligation_service
from dondoc.intake.keys import assignment_key, report_key, target_keys
from dondoc.models import Assignment, AssignmentUnit, Exclusion, Plan, ReportObligation, Target


def store_assignments(session: Session, plan: Plan, parsed: dict[str, Any], resolve: Any,
                      warnings: list[str]) -> list[int]:
    """Upsert the plan's assignments and link each to the units it names; the ids of stored rows the plan no
    longer has."""
    # Assignments, matched by key so a corrected import keeps row ids (and so obligations and statuses).
    stored = session.exec(select(Assignment).where(Assignment.plan_id == plan.id)).all()
    existing = {a.key: a for a in stored}
    by_id = {a.id: a for a in stored}
    seen: set[str] = set()
    rows: list[Assignment] = []
    for item in parsed.get("assignments", []):
        row = _match_row(item, existing, by_id, seen)
        key = row.key if row is not None else assignment_key(item)
        if key in seen:  # the same task twice under one ref: keep the first, say so
            warnings.append(f"{item.get('ref')}: duplicate assignment for {', '.join(item.get('lead') or [])}")
            continue
        seen.add(key)
        row = row or Assignment(plan_id=plan.id, key=key, ref=str(item.get("ref") or ""), text="")
        row.removed_at = None
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
    excluded: dict[int, set[int]] = {}
    for ex in (session.exec(select(Exclusion).where(col(Exclusion.assignment_id).in_(ids))).all() if ids else []):
        excluded.setdefault(ex.assignment_id, set()).add(ex.unit_id)
    for row in rows:
        _link_bodies(session, row, resolve, plan, excluded.get(row.id or 0, frozenset()))
    session.flush()
    stale_ids = [a.id for k, a in existing.items() if k not in seen]

    return [i for i in stale_ids if i is not None]


def store_reports(session: Session, plan: Plan, parsed: dict[str, Any], resolve: Any) -> list[int]:
    """Upsert the plan's reporting obligations (their senders resolved); the ids of rows the plan no longer has."""
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

    return [i for i in stale_report_ids if i is not None]


def store_targets(session: Session, plan: Plan, parsed: dict[str, Any]) -> None:
    """Upsert the plan's numeric targets; targets the plan no longer has are deleted."""
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



def retire_rows(session: Session, plan: Plan, *, stale_ids: list[int], stale_report_ids: list[int],
                now: dt.datetime) -> None:
    """Rows that no longer exist in the plan (their obligations were retired, or kept with history, by the
    sync): in an activated plan kept and marked removed, else deleted where no obligation refers to them."""
    if stale_ids and plan.activated_at is not None:
        # Kept, marked removed: their obligations stay (closed, "không áp dụng") for audit.
        for aid in stale_ids:
            row = session.get(Assignment, aid)
            if row is not None and row.removed_at is None:
                row.removed_at = now
                session.add(row)
        stale_ids = []
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



def _match_row(item: dict[str, Any], by_key: dict[str, Assignment], by_id: dict[int | None, Assignment],
               seen: set[str]) -> Assignment | None:
    """The stored row a parsed item corrects: by the row id a corrected export carries (so a lead fixed
    in Excel updates the row rather than adding one), else by its key (ref + item + leads)."""
    raw = item.get("id")
    if raw not in (None, ""):
        try:
            row = by_id.get(int(raw))
        except (TypeError, ValueError):
            row = None
        if row is not None and row.key not in seen:
            return row
    return by_key.get(assignment_key(item))


def _link_bodies(session: Session, row: Assignment, resolve: Any, plan: Plan,
                 excluded: set[int] | frozenset[int] = frozenset()) -> None:
    """The resolved lead/support rows of one assignment (its old rows were deleted by the caller); members
    excluded from this task ('không áp dụng', model Exclusion) are left out."""
    seen: set[tuple[int, int | None, str]] = set()
    since = getattr(resolve, "since", {})
    review = not row.lead
    for role, names in (("lead", row.lead), ("support", row.support)):
        for name in names:
            targets = resolve(name)
            if not targets and role == "lead":
                review = True
            for unit_id, officer_id in targets:
                if unit_id in excluded:
                    continue
                if (unit_id, officer_id, role) in seen or (role == "support" and (unit_id, officer_id, "lead") in seen):
                    continue
                seen.add((unit_id, officer_id, role))
                session.add(AssignmentUnit(assignment_id=row.id, unit_id=unit_id, officer_id=officer_id, role=role,
                                           written_as=name, since=since.get((name, unit_id))))
    if review and plan.owner_unit_id and not any(u == plan.owner_unit_id and r == "lead" for u, _, r in seen):
        session.add(AssignmentUnit(assignment_id=row.id, unit_id=plan.owner_unit_id, role="lead",
                                   written_as="(mặc định: cơ quan đầu mối)"))
    row.needs_review = review
    session.add(row)
