"""Read models of stored plans for listings (CLI, web), each in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from dondoc.errors import NotFound
from dondoc.models import Assignment, AssignmentUnit, Obligation, Plan, ReportObligation, Target, Unit


def plan_summaries(engine: Engine) -> list[dict[str, Any]]:
    with Session(engine) as s:
        plans = s.exec(select(Plan).order_by(Plan.id)).all()  # type: ignore[arg-type]
        n_assign = dict(s.exec(select(Assignment.plan_id, func.count()).group_by(Assignment.plan_id)).all())
        n_review = dict(s.exec(select(Assignment.plan_id, func.count()).where(Assignment.needs_review == True)  # noqa: E712
                               .group_by(Assignment.plan_id)).all())
        n_obl = dict(s.exec(select(Obligation.plan_id, func.count()).group_by(Obligation.plan_id)).all())
        n_open = dict(s.exec(select(Obligation.plan_id, func.count()).where(Obligation.closed == False)  # noqa: E712
                             .group_by(Obligation.plan_id)).all())
    return [{"id": p.id, "number": p.number, "title": p.title, "year": p.year, "source": p.source_name,
             "assignments": n_assign.get(p.id, 0), "obligations": n_obl.get(p.id, 0),
             "open_obligations": n_open.get(p.id, 0), "unresolved": len(p.unresolved or []),
             "needs_review": n_review.get(p.id, 0)} for p in plans]


def plan_detail(engine: Engine, plan_id: int) -> dict[str, Any]:
    with Session(engine) as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"no plan with id {plan_id} (see `dondoc plan list`)")
        units = {u.id: u.name for u in s.exec(select(Unit)).all()}
        assignments = s.exec(select(Assignment).where(Assignment.plan_id == plan_id)
                             .order_by(Assignment.id)).all()  # type: ignore[arg-type]
        links: dict[int, list[str]] = defaultdict(list)
        for link in s.exec(select(AssignmentUnit).where(
                col(AssignmentUnit.assignment_id).in_([a.id for a in assignments]))).all():
            links[link.assignment_id].append(("" if link.role == "lead" else "+") + units.get(link.unit_id, "?"))
        reports = s.exec(select(ReportObligation).where(ReportObligation.plan_id == plan_id)).all()
        targets = s.exec(select(Target).where(Target.plan_id == plan_id)).all()
        by_status = dict(s.exec(select(Obligation.status, func.count()).where(Obligation.plan_id == plan_id)
                                .group_by(Obligation.status)).all())
    return {
        "plan": {"id": plan.id, "number": plan.number, "title": plan.title, "issuer": plan.issuer, "year": plan.year,
                 "place": plan.place, "issued_on": plan.issued_on, "signer": plan.signer, "source": plan.source_name},
        "unresolved": list(plan.unresolved or []),
        "focal_unit": units.get(plan.focal_unit_id) if plan.focal_unit_id else None,
        "issuer_unit": units.get(plan.issuer_unit_id) if plan.issuer_unit_id else None,
        "assignments": [{"id": a.id, "ref": a.ref, "text": a.text, "lead": a.lead, "support": a.support,
                         "mode": a.mode, "timing": a.timing, "needs_review": a.needs_review,
                         "units": links.get(a.id or 0, [])} for a in assignments],
        "reports": [{"ref": r.ref, "text": r.text, "from": r.senders, "to": r.receivers, "via": r.via,
                     "compiles": r.compiles, "timing": r.timing} for r in reports],
        "targets": [{"key": t.key, "ref": t.ref, "text": t.text, "value": t.value, "unit": t.unit} for t in targets],
        "obligations_by_status": by_status,
    }
