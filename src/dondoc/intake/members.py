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


def review_expansions(session: Session, *, plan_id: int) -> dict[int, list[dict[str, Any]]]:
    """For the review screen, per assignment id: each name as written that expands to several units (a
    collective: 'UBND các xã, phường' -> 130 communes) with its members, and the members excluded from that
    task ('không áp dụng', listed under the name they were excluded from when it is known)."""
    tasks = session.exec(select(Assignment.id).where(Assignment.plan_id == plan_id,
                                                     col(Assignment.removed_at).is_(None))).all()
    ids = [i for i in tasks if i is not None]
    if not ids:
        return {}
    links = session.exec(select(col(AssignmentUnit.assignment_id), col(AssignmentUnit.role),  # type: ignore[call-overload]
                                col(AssignmentUnit.written_as), col(Unit.id), col(Unit.code), col(Unit.name))
                         .join(Unit, col(Unit.id) == AssignmentUnit.unit_id)
                         .where(col(AssignmentUnit.assignment_id).in_(ids))
                         .order_by(col(AssignmentUnit.assignment_id), col(Unit.name))).all()
    excluded = session.exec(select(col(Exclusion.assignment_id), col(Exclusion.reason), col(Unit.id), col(Unit.code),  # type: ignore[call-overload]
                                   col(Unit.name))
                            .join(Unit, col(Unit.id) == Exclusion.unit_id)
                            .where(col(Exclusion.assignment_id).in_(ids)).order_by(col(Unit.name))).all()
    groups: dict[int, dict[tuple[str, str], list[dict[str, Any]]]] = {}
    for aid, role, written, uid, code, name in links:
        groups.setdefault(aid, {}).setdefault((role, written), []).append({"id": uid, "code": code, "name": name})
    out_ex: dict[int, list[dict[str, Any]]] = {}
    for aid, reason, uid, code, name in excluded:
        out_ex.setdefault(aid, []).append({"id": uid, "code": code, "name": name, "reason": reason})
    out: dict[int, list[dict[str, Any]]] = {}
    for aid in ids:
        names = [{"role": role, "written_as": written, "members": members, "excluded": []}
                 for (role, written), members in groups.get(aid, {}).items() if len(members) > 1]
        left_out = out_ex.get(aid, [])
        if left_out:  # shown under the (first) collective of the task, else as a name of their own
            if not names:
                names.append({"role": "lead", "written_as": "", "members": [], "excluded": []})
            names[0]["excluded"] = left_out
        if names:
            out[aid] = names
    return out


def set_members(session: Session, *, plan_id: int, assignment_id: int, exclude: set[int] | frozenset[int] = frozenset(),
                include: set[int] | frozenset[int] = frozenset(), settings: Settings, now: dt.datetime, actor: str,
                via: str = "web", reason: str = "không áp dụng") -> dict[str, int]:
    """'Không áp dụng' for members of one task (the review screen), or include them again. The task's bodies are
    linked again at once: on a draft that is what activation will create; on an active plan the obligations
    follow (those of an excluded member retired as 'không áp dụng' when they carry history, else deleted).
    Returns {"excluded": n, "included": n} plus the obligation counts of an active plan."""
    from dondoc.errors import InputError
    from dondoc.intake.lifecycle import get_plan
    from dondoc.intake.review import _after_change, _relink, get_item

    plan = get_plan(session, plan_id)
    if plan.state == "closed":
        raise InputError(f"kế hoạch {plan_id} đã kết thúc theo dõi, không sửa được")
    row = get_item(session, plan_id, assignment_id)
    if set(exclude) & set(include):
        raise InputError("một đơn vị không thể vừa áp dụng vừa không áp dụng")
    wanted = set(exclude) | set(include)
    units = {u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_(wanted))).all()} if wanted else {}
    if wanted - set(units):
        raise NotFound(f"không có đơn vị số {', '.join(map(str, sorted(wanted - set(units))))} trong danh bạ")
    have = {x.unit_id: x for x in session.exec(select(Exclusion).where(Exclusion.assignment_id == assignment_id)).all()}
    added = [u for u in exclude if u not in have]
    removed = [u for u in include if u in have]
    for uid in added:
        session.add(Exclusion(assignment_id=assignment_id, unit_id=uid, reason=reason or "không áp dụng",
                              created_at=now))
    for uid in removed:
        session.delete(have[uid])
    session.flush()
    if not added and not removed:
        return {"excluded": 0, "included": 0}
    _relink(session, plan, [row])
    synced = _after_change(session, plan, settings=settings, now=now)
    session.add(AuditEvent(at=now, actor=actor, via=via, action="plan.members", entity="assignment",
                           entity_id=assignment_id, note=f"plan {plan_id} ({plan.state})",
                           after={"ref": row.ref, "excluded": sorted(units[u].code for u in added),
                                  "included": sorted(units[u].code for u in removed), "reason": reason,
                                  "obligations": synced}))
    session.flush()
    return {"excluded": len(added), "included": len(removed), **synced}
