"""Read models of stored plans for listings (CLI, web), each in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from dondoc.errors import NotFound
from dondoc.models import Alias, Assignment, AssignmentUnit, Obligation, Plan, ReportObligation, Target, Unit


def plan_summaries(engine: Engine) -> list[dict[str, Any]]:
    with Session(engine) as s:
        plans = s.exec(select(Plan).order_by(Plan.id)).all()  # type: ignore[arg-type]
        n_assign = dict(s.exec(select(Assignment.plan_id, func.count()).group_by(Assignment.plan_id)).all())
        n_review = dict(s.exec(select(Assignment.plan_id, func.count()).where(Assignment.needs_review == True)
                               .group_by(Assignment.plan_id)).all())
        n_obl = dict(s.exec(select(Obligation.plan_id, func.count()).group_by(Obligation.plan_id)).all())
        n_open = dict(s.exec(select(Obligation.plan_id, func.count()).where(Obligation.closed == False)
                             .group_by(Obligation.plan_id)).all())
    return [{"id": p.id, "state": p.state, "number": p.number, "title": p.title, "year": p.year, "source": p.source_name,
             "assignments": n_assign.get(p.id, 0), "obligations": n_obl.get(p.id, 0),
             "open_obligations": n_open.get(p.id, 0), "unresolved": len(p.unresolved or []),
             "needs_review": n_review.get(p.id, 0)} for p in plans]


def plan_detail(engine: Engine, plan_id: int, *, settings: Any = None) -> dict[str, Any]:
    from dondoc.config import get_settings
    from dondoc.intake.obligations import plan_policy

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
        "plan": {"id": plan.id, "state": plan.state, "number": plan.number, "title": plan.title, "issuer": plan.issuer, "year": plan.year,
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
        "undated": _undated_policy(plan, assignments, settings or get_settings(), plan_policy),
    }


def _undated_policy(plan: Plan, assignments: Any, settings: Any, plan_policy: Any) -> dict[str, Any]:
    """The plan's policy for tasks without a deadline, in words, with how many tasks it concerns."""
    policy = plan_policy(plan, settings)
    undated = sum(1 for a in assignments if ((a.timing or {}).get("kind") or "unspecified") == "unspecified")
    continuous = sum(1 for a in assignments if (a.timing or {}).get("kind") == "continuous")
    return {"policy": policy.undated, "label": policy.undated_label, "undated_tasks": undated,
            "continuous_tasks": continuous, "stale_months": policy.stale_months}


# ---------------------------------------------------------------- which targets concern which unit


def ref_path(ref: str | None) -> tuple[str, ...]:
    """A numbering path as comparable parts: 'II.2.1.a' -> ('ii', '2', '1', 'a')."""
    return tuple(p.strip().casefold() for p in (ref or "").replace(" ", "").split(".") if p.strip())


def refs_related(target_ref: str | None, assignment_ref: str | None) -> bool:
    """Equal refs, or one an ancestor of the other, part by part: the same section by construction
    (II.2 relates to II and II.2.1, not to II.20 nor to III.2)."""
    a, b = ref_path(target_ref), ref_path(assignment_ref)
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] == b[:n]


@dataclass
class TargetScope:
    """A plan's targets split by the units they concern; `general` concerns no unit in particular
    (typically the plan's objectives section): every unit may give its share of those, so forms list
    them after the unit's own targets, as optional figures."""

    targets: list[Target]
    by_unit: dict[int, list[Target]] = field(default_factory=dict)
    general: list[Target] = field(default_factory=list)

    def for_unit(self, unit_id: int, *, with_general: bool = False) -> list[Target]:
        """The unit's targets (plan order), plus the general ones when asked."""
        mine = {t.id for t in self.by_unit.get(unit_id, [])}
        general = {t.id for t in self.general} if with_general else set()
        return [t for t in self.targets if t.id in mine or t.id in general]

    def for_obligation(self, unit_id: int, task_ref: str | None) -> dict[str, list[Target]]:
        """The targets of one obligation's form, in four groups (plan order in each):
        `task` — the unit's targets that concern this task (its section, see refs_related); a periodic
        report (`task_ref` None) covers all the unit's work, so all of the unit's targets;
        `unit` — the unit's targets of its other tasks; `general` — the plan's general targets;
        `other` — targets of other units. Only `task` is asked for; the rest are optional."""
        mine = self.for_unit(unit_id)
        task = mine if task_ref is None else [t for t in mine if refs_related(t.ref, task_ref)]
        asked = {t.id for t in task}
        own = {t.id for t in mine}
        general = {t.id for t in self.general}
        return {"task": task,
                "unit": [t for t in mine if t.id not in asked],
                "general": [t for t in self.targets if t.id in general and t.id not in own],
                "other": [t for t in self.targets if t.id not in own and t.id not in general]}


def target_scope(session: Session, plan_id: int) -> TargetScope:
    """Which targets concern which unit, in three queries (four when a target's `by` is a name).

    The rule: a target concerns a unit when the unit leads or supports an assignment whose ref equals,
    is an ancestor of, or descends from the target's ref (see refs_related); or when the target's `by`
    names the unit (its directory name or one of its aliases). `by` is usually a year ('2025'), which
    names nobody. A target concerning no unit is `general`."""
    from dondoc.directory.names import name_key

    targets = list(session.exec(select(Target).where(Target.plan_id == plan_id)
                                           .order_by(col(Target.id))).all())
    scope = TargetScope(targets=targets)
    if not targets:
        return scope
    # refs_related, indexed: a target path relates to an assignment path when one is a prefix of the other,
    # so map every assignment path and each of its prefixes to the units on it.
    exact: dict[tuple[str, ...], set[int]] = defaultdict(set)  # assignment path -> units
    under: dict[tuple[str, ...], set[int]] = defaultdict(set)  # any prefix of an assignment path -> units
    for ref, unit_id in set(session.exec(select(Assignment.ref, AssignmentUnit.unit_id)
                                         .join(AssignmentUnit, col(AssignmentUnit.assignment_id) == Assignment.id)
                                         .where(Assignment.plan_id == plan_id)).all()):
        path = ref_path(ref)
        if path:
            exact[path].add(unit_id)
            for i in range(1, len(path) + 1):
                under[path[:i]].add(unit_id)
    by_keys = {t.id: name_key(t.by) for t in targets if t.by and not t.by.strip().isdigit()}
    named: dict[str, set[int]] = defaultdict(set)
    if by_keys:
        keys = set(by_keys.values()) - {""}
        for key, alias_unit in session.exec(select(Alias.key, Alias.unit_id).where(col(Alias.key).in_(keys))).all():
            if alias_unit is not None:
                named[key].add(alias_unit)
        plan_units = session.exec(select(Unit.id, Unit.name).where(col(Unit.id).in_(
            select(Obligation.unit_id).where(Obligation.plan_id == plan_id).distinct()))).all()
        for plan_unit, name in plan_units:
            key = name_key(name)
            if key in keys and plan_unit is not None:
                named[key].add(plan_unit)
    for t in targets:
        path = ref_path(t.ref)
        units: set[int] = set(under.get(path, set())) if path else set()  # the task is the target's or below it
        for i in range(1, len(path)):
            units |= exact.get(path[:i], set())  # the task is an ancestor of the target
        units |= named.get(by_keys.get(t.id, ""), set())
        if not units:
            scope.general.append(t)
        for u in units:
            scope.by_unit.setdefault(u, []).append(t)
    return scope
