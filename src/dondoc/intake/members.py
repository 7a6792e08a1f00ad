"""Collective expansions of a stored plan ('UBND các xã, phường' -> 130 communes), for the review screen: who
each task's collective name became, and 'không áp dụng' — one member left out of one task (Exclusion rows,
kept across re-resolutions and directory changes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from dondoc.config import Settings
from dondoc.errors import NotFound
from dondoc.models import Assignment, AssignmentUnit, AuditEvent, Exclusion, Unit


def expansions(session: Session, *, plan_id: int) -> list[dict[str, Any]]:
    """Per task and name as written: the member units (code, name) and the excluded ones."""
    tasks = session.exec(select(Assignment).where(Assignment.plan_id == plan_id).order_by(Assignment.id)).all()
    ids = [a.id for a in tasks]
    links = session.exec(select(AssignmentUnit).where(col(AssignmentUnit.assignment_id).in_(ids))).all() if ids else []
    excluded = session.exec(select(Exclusion).where(col(Exclusion.assignment_id).in_(ids))).all() if ids else []
    unit_ids = {x.unit_id for x in links} | {x.unit_id for x in excluded}
    units = {u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_(unit_ids))).all()} if unit_ids else {}
    out = []
    for a in tasks:
        groups: dict[tuple[str, str], list[dict[str, str]]] = {}
        for link in (x for x in links if x.assignment_id == a.id):
            u = units[link.unit_id]
            groups.setdefault((link.role, link.written_as), []).append({"code": u.code, "name": u.name})
        out.append({"ref": a.ref, "item": a.item, "text": a.text,
                    "names": [{"role": r, "written_as": w, "members": m} for (r, w), m in groups.items()],
                    "excluded": [{"code": units[x.unit_id].code, "name": units[x.unit_id].name, "reason": x.reason}
                                 for x in excluded if x.assignment_id == a.id]})
    return out


def _task_and_unit(session: Session, plan_id: int, ref: str, unit: str) -> tuple[list[Assignment], Unit]:
    tasks = session.exec(select(Assignment).where(Assignment.plan_id == plan_id, Assignment.ref == ref)).all()
    if not tasks:
        raise NotFound(f"kế hoạch {plan_id} không có nhiệm vụ mục {ref!r}")
    found = session.exec(select(Unit).where((Unit.code == unit) | (Unit.official_code == unit))).first()
    if found is None:
        raise NotFound(f"không có đơn vị mã {unit!r} trong danh bạ")
    return list(tasks), found


def set_excluded(session: Session, *, plan_id: int, ref: str, unit: str, excluded: bool, settings: Settings,
                 now: dt.datetime, reason: str = "không áp dụng") -> int:
    """Exclude (or include again) a member from the task(s) of mục `ref`; the plan is resolved again at once
    (its obligations for that member deleted, or retired when they carry history). Returns obligations now."""
    from dondoc.intake.reresolve import reresolve_plans

    tasks, u = _task_and_unit(session, plan_id, ref, unit)
    have = {x.assignment_id: x for x in session.exec(select(Exclusion).where(
        col(Exclusion.assignment_id).in_([a.id for a in tasks]), Exclusion.unit_id == u.id)).all()}
    for a in tasks:
        if excluded and a.id not in have:
            session.add(Exclusion(assignment_id=a.id, unit_id=u.id, reason=reason, created_at=now))  # type: ignore[arg-type]
        elif not excluded and a.id in have:
            session.delete(have[a.id])
    session.add(AuditEvent(at=now, actor="cli", via="cli", action="plan.member_" + ("excluded" if excluded else
                                                                                    "included"),
                           entity="plan", entity_id=plan_id, after={"ref": ref, "unit": u.code, "reason": reason}))
    session.flush()
    [again] = reresolve_plans(session, settings=settings, now=now, plan_ids=[plan_id])
    return again.obligations_after
