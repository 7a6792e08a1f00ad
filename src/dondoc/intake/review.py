"""Review and correction of a stored plan, item by item (console and staff API).

Edits work on the stored rows by id, so an edited row keeps its obligations and their statuses. On a
draft nothing else happens; on an active plan the obligations are brought in place (`sync_plan`): a
deleted row's obligations are closed as "không áp dụng", an added row's are created and their officers
get an assignment notice. Every change is an AuditEvent with who, when, before and after."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, delete, select

from dondoc.config import Settings
from dondoc.errors import InputError, NotFound
from dondoc.intake.keys import assignment_key
from dondoc.intake.lifecycle import get_plan, notify_assigned
from dondoc.models import Assignment, AssignmentUnit, AuditEvent, Exclusion, Plan, Unit

EDITABLE = ("ref", "text", "lead", "support", "mode", "timing", "section")
TIMING_KINDS = ("once", "recurring", "continuous", "unspecified")


def item_dict(a: Assignment) -> dict[str, Any]:
    return {"id": a.id, "ref": a.ref, "item": a.item, "section": a.section, "text": a.text, "lead": list(a.lead),
            "support": list(a.support), "mode": a.mode, "timing": dict(a.timing or {}),
            "needs_review": a.needs_review}


def items(session: Session, plan_id: int) -> list[Assignment]:
    return list(session.exec(select(Assignment).where(Assignment.plan_id == plan_id,
                                                      col(Assignment.removed_at).is_(None))
                             .order_by(col(Assignment.id))).all())


def get_item(session: Session, plan_id: int, item_id: int) -> Assignment:
    row = session.get(Assignment, item_id)
    if row is None or row.plan_id != plan_id or row.removed_at is not None:
        raise NotFound(f"kế hoạch {plan_id} không có nội dung số {item_id}")
    return row


def _editable(plan: Plan) -> None:
    if plan.state == "closed":
        raise InputError(f"kế hoạch {plan.id} đã kết thúc theo dõi, không sửa được")


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    """Validated field values (lists of names, a timing dict) from a form or a JSON body."""
    out: dict[str, Any] = {}
    for k, v in changes.items():
        if k not in EDITABLE:
            raise InputError(f"trường {k!r} không sửa được; các trường: {', '.join(EDITABLE)}")
        if k in ("lead", "support"):
            if isinstance(v, str):
                v = [p.strip() for p in v.replace("\n", ";").split(";")]
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise InputError(f"{k}: cần danh sách tên cơ quan, đơn vị (phân cách bằng dấu ;)")
            v = [" ".join(x.split()) for x in v if x.strip()]
        elif k == "mode" and v not in ("assign", "request"):
            raise InputError("mode: assign (giao) hoặc request (đề nghị)")
        elif k == "timing":
            v = _timing(v)
        elif k in ("ref", "text"):
            v = " ".join(str(v or "").split()) if k == "ref" else str(v or "").strip()
            if not v:
                raise InputError(f"{k}: không được để trống")
        out[k] = v
    return out


def _timing(v: Any) -> dict[str, Any]:
    if not isinstance(v, dict):
        raise InputError("timing: cần {text, kind, due}")
    kind = v.get("kind") or "unspecified"
    if kind not in TIMING_KINDS:
        raise InputError(f"timing.kind: một trong {', '.join(TIMING_KINDS)}")
    due = v.get("due") or None
    if due:
        try:
            due = dt.date.fromisoformat(str(due)[:10]).isoformat()
        except ValueError:
            raise InputError(f"timing.due: ngày dạng YYYY-MM-DD, nhận được {due!r}") from None
    out = {k: val for k, val in v.items() if k in ("text", "rrule", "period", "guessed")}
    out.update(kind=kind, due=due, text=v.get("text") or None)
    if kind == "once" and not due:
        raise InputError("timing: nhiệm vụ một lần cần hạn (due)")
    return out


def _relink(session: Session, plan: Plan, rows: list[Assignment]) -> list[str]:
    """Resolve the rows' lead/support names again; returns the names the directory does not know."""
    from dondoc.directory.resolve import Resolver
    from dondoc.intake.rows import _link_bodies

    resolver = Resolver.from_session(session).for_plan(plan.parsed or {}, owner=plan.owner_unit_id)
    unknown: list[str] = []

    def resolve(name: str) -> list[tuple[int, int | None]]:
        res = resolver.resolve(name)
        if not res.targets:
            unknown.append(name)
        return list(res.targets)

    ids = [r.id for r in rows if r.id is not None]
    excluded: dict[int, set[int]] = {}
    if ids:
        session.exec(delete(AssignmentUnit).where(col(AssignmentUnit.assignment_id).in_(ids)))
        for aid, uid in session.exec(select(Exclusion.assignment_id, Exclusion.unit_id)
                                     .where(col(Exclusion.assignment_id).in_(ids))).all():
            excluded.setdefault(aid, set()).add(uid)
    for r in rows:  # members left out of a task ('không áp dụng') stay out when it is edited
        _link_bodies(session, r, resolve, plan, excluded.get(r.id or 0, frozenset()))
    session.flush()
    return unknown


def _after_change(session: Session, plan: Plan, *, settings: Settings, now: dt.datetime) -> dict[str, int]:
    """Bring an active plan's obligations in place and tell the officers of new ones."""
    from dondoc.intake.obligations import sync_plan

    plan.updated_at = now
    session.add(plan)
    if plan.state != "active":
        session.flush()
        return {}
    counts = sync_plan(session, plan=plan, settings=settings, now=now)
    counts["notified_officers"] = notify_assigned(session, plan=plan, settings=settings, now=now)
    return counts


def _audit(session: Session, *, actor: str, via: str, action: str, plan: Plan, entity_id: int | None,
           before: dict[str, Any], after: dict[str, Any], now: dt.datetime) -> None:
    session.add(AuditEvent(at=now, actor=actor, via=via, action=action, entity="assignment" if entity_id else "plan",
                           entity_id=entity_id or plan.id, before=before, after=after,
                           note=f"plan {plan.id} ({plan.state})"))


def update_item(session: Session, *, plan_id: int, item_id: int, changes: dict[str, Any], settings: Settings,
                now: dt.datetime, actor: str, via: str = "web") -> Assignment:
    plan = get_plan(session, plan_id)
    _editable(plan)
    row = get_item(session, plan_id, item_id)
    values = _clean(changes)
    before = item_dict(row)
    for k, v in values.items():
        setattr(row, k, v)
    session.add(row)
    session.flush()
    if {"lead", "support"} & set(values):
        _relink(session, plan, [row])
    counts = _after_change(session, plan, settings=settings, now=now)
    _audit(session, actor=actor, via=via, action="item.update", plan=plan, entity_id=row.id,
           before={k: before[k] for k in values}, after={**{k: item_dict(row)[k] for k in values}, **counts}, now=now)
    session.flush()
    return row


def add_item(session: Session, *, plan_id: int, values: dict[str, Any], settings: Settings, now: dt.datetime,
             actor: str, via: str = "web") -> Assignment:
    plan = get_plan(session, plan_id)
    _editable(plan)
    clean = _clean({k: v for k, v in values.items() if k in EDITABLE})
    for need in ("ref", "text"):
        if need not in clean:
            raise InputError(f"nội dung mới cần {need}")
    clean.setdefault("timing", {"text": None, "kind": "unspecified", "due": None})
    row = Assignment(plan_id=plan.id, key=_free_key(session, plan, clean), ref=clean["ref"], text=clean["text"],  # type: ignore[arg-type]
                     mode=clean.get("mode", "assign"), lead=clean.get("lead", []), support=clean.get("support", []),
                     timing=clean["timing"], section=clean.get("section"))
    session.add(row)
    session.flush()
    _relink(session, plan, [row])
    counts = _after_change(session, plan, settings=settings, now=now)
    _audit(session, actor=actor, via=via, action="item.add", plan=plan, entity_id=row.id, before={},
           after={**item_dict(row), **counts}, now=now)
    session.flush()
    return row


def _free_key(session: Session, plan: Plan, values: dict[str, Any]) -> str:
    base = assignment_key(values)
    taken = set(session.exec(select(Assignment.key).where(Assignment.plan_id == plan.id)).all())
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}#{n}"
    return key


def delete_item(session: Session, *, plan_id: int, item_id: int, settings: Settings, now: dt.datetime,
                actor: str, via: str = "web") -> None:
    """A draft's row is removed; an active plan's row is kept, marked removed, its obligations closed."""
    plan = get_plan(session, plan_id)
    _editable(plan)
    row = get_item(session, plan_id, item_id)
    before = item_dict(row)
    if plan.activated_at is None:
        session.exec(delete(AssignmentUnit).where(col(AssignmentUnit.assignment_id) == row.id))  # type: ignore[call-overload]
        session.delete(row)
        session.flush()
    else:
        row.removed_at = now
        session.add(row)
        session.flush()
    counts = _after_change(session, plan, settings=settings, now=now)
    _audit(session, actor=actor, via=via, action="item.delete", plan=plan, entity_id=item_id, before=before,
           after=counts, now=now)
    session.flush()


def split_item(session: Session, *, plan_id: int, item_id: int, parts: list[str], settings: Settings,
               now: dt.datetime, actor: str, via: str = "web") -> list[Assignment]:
    """One row becomes several (same ref, bodies and timing): the first keeps the row and its statuses."""
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) < 2:
        raise InputError("tách: cần ít nhất hai đoạn nội dung (mỗi dòng một đoạn)")
    row = get_item(session, plan_id, item_id)
    template = item_dict(row)
    first = update_item(session, plan_id=plan_id, item_id=item_id, changes={"text": parts[0]}, settings=settings,
                        now=now, actor=actor, via=via)
    out = [first]
    for part in parts[1:]:
        out.append(add_item(session, plan_id=plan_id, values={**template, "text": part}, settings=settings, now=now,
                            actor=actor, via=via))
    return out


def merge_items(session: Session, *, plan_id: int, item_ids: list[int], settings: Settings, now: dt.datetime,
                actor: str, via: str = "web") -> Assignment:
    """Several rows become the first one: texts joined, bodies united; the others are deleted."""
    rows = [get_item(session, plan_id, i) for i in dict.fromkeys(item_ids)]
    if len(rows) < 2:
        raise InputError("gộp: chọn ít nhất hai nội dung")
    keep = rows[0]
    changes = {"text": "\n".join(r.text for r in rows),
               "lead": list(dict.fromkeys(x for r in rows for x in r.lead)),
               "support": list(dict.fromkeys(x for r in rows for x in r.support))}
    for r in rows[1:]:
        delete_item(session, plan_id=plan_id, item_id=r.id, settings=settings, now=now, actor=actor, via=via)  # type: ignore[arg-type]
    return update_item(session, plan_id=plan_id, item_id=keep.id, changes=changes, settings=settings, now=now,  # type: ignore[arg-type]
                       actor=actor, via=via)


def set_focal(session: Session, *, plan_id: int, focal_unit_id: int | None, settings: Settings, now: dt.datetime,
              actor: str, via: str = "web", owner_unit_id: int | None = None) -> Plan:
    """The unit that follows up and compiles the report (and, optionally, takes tasks naming no body)."""
    plan = get_plan(session, plan_id)
    _editable(plan)
    for uid in (focal_unit_id, owner_unit_id):
        if uid is not None and session.get(Unit, uid) is None:
            raise NotFound(f"không có đơn vị số {uid} trong danh bạ")
    before = {"focal_unit_id": plan.focal_unit_id, "owner_unit_id": plan.owner_unit_id}
    plan.focal_unit_id = focal_unit_id
    if owner_unit_id is not None and owner_unit_id != plan.owner_unit_id:
        plan.owner_unit_id = owner_unit_id
        session.add(plan)
        session.flush()
        _relink(session, plan, items(session, plan_id))  # rows naming no known body now go to the new owner
    counts = _after_change(session, plan, settings=settings, now=now)
    _audit(session, actor=actor, via=via, action="plan.focal", plan=plan, entity_id=None, before=before,
           after={"focal_unit_id": plan.focal_unit_id, "owner_unit_id": plan.owner_unit_id, **counts}, now=now)
    session.flush()
    return plan


def add_alias(session: Session, *, name: str, unit_id: int, settings: Settings, now: dt.datetime, actor: str,
              via: str = "web", plan_id: int | None = None) -> None:
    """'Thêm tên gọi khác': a name of a plan becomes an alias of a unit; the plan's rows are linked again."""
    from dondoc.directory.names import name_key
    from dondoc.models import Alias

    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound(f"không có đơn vị số {unit_id}")
    key = name_key(name)
    if not key:
        raise InputError("tên gọi khác không được để trống")
    row = session.exec(select(Alias).where(Alias.key == key)).first()
    before = {"unit_id": row.unit_id} if row else {}
    if row is None:
        row = Alias(key=key, name=" ".join(name.split()), unit_id=unit_id)
    row.unit_id = unit_id
    session.add(row)
    session.add(AuditEvent(at=now, actor=actor, via=via, action="alias.add", entity="alias", before=before,
                           after={"name": name, "unit_id": unit_id}))
    session.flush()
    if plan_id is not None:
        plan = get_plan(session, plan_id)
        _relink(session, plan, items(session, plan_id))
        _after_change(session, plan, settings=settings, now=now)
