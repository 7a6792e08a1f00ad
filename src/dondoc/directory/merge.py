"""`dondoc directory merge OLD... --into NEW --on DATE`: communes (or any units) merged into one.

In one transaction:
- each old unit ends the day before DATE (`valid_to`) and gets a UnitLink to NEW (created when the
  directory does not have it yet and a name is given; it then starts on DATE);
- the old units' officers are transferred to NEW with their personal links still working (``transfer``),
  transferred with their links revoked and re-issued (``reissue``: the next message carries the new link),
  or retired with their links revoked (``retire``: NEW's own officers take over);
- every stored plan is resolved again: a name of an old unit now also names NEW from DATE on, and the
  obligations are synced (dondoc.intake.obligations): an *open* obligation of an old unit for a period
  ending on or after DATE is taken over by NEW — the same row, so its status, history and reminder rung
  follow it and nobody is reminded twice; when several old units had the same task, one row is kept and the
  others are closed for review; obligations of periods that ended before DATE, and everything already
  closed, stay with the old unit (its history: the reports of those periods do not change).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.errors import InputError, NotFound
from dondoc.models import AuditEvent, Obligation, Officer, Unit, UnitLink

OFFICER_MODES = ("transfer", "reissue", "retire")


@dataclass
class MergeResult:
    into: str
    old: list[str]
    on: dt.date
    created_unit: bool = False
    moved: int = 0  # open obligations now with the new unit
    kept: int = 0  # obligations left with the old units (history)
    closed_duplicates: int = 0  # the same task of two old units: one kept, the other closed for review
    officers: dict[str, int] = field(default_factory=dict)
    plans: list[Any] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"into": self.into, "old": self.old, "on": self.on.isoformat(), "created_unit": self.created_unit,
                "moved": self.moved, "kept": self.kept, "closed_duplicates": self.closed_duplicates,
                "officers": self.officers, "plans": [p.as_dict() for p in self.plans]}


def _unit(session: Session, code: str) -> Unit | None:
    return session.exec(select(Unit).where((Unit.code == code) | (Unit.official_code == code))).first()


def merge_units(session: Session, *, old: list[str], into: str, on: dt.date, settings: Settings,
                now: dt.datetime, officers: str = "transfer", name: str | None = None,
                actor: str = "cli", via: str = "cli") -> MergeResult:
    """Merge the units coded `old` into `into` from `on` (see the module doc). The caller commits."""
    # Long on purpose: the steps of a merge in one transaction, each one call.
    from dondoc.collect.links import issue_token, revoke
    from dondoc.intake.reresolve import reresolve_plans

    if officers not in OFFICER_MODES:
        raise InputError(f"--officers {officers!r}: expected one of {', '.join(OFFICER_MODES)}")
    olds = []
    for code in dict.fromkeys(old):
        unit = _unit(session, code)
        if unit is None:
            raise NotFound(f"không có đơn vị mã {code!r} trong danh bạ")
        if unit.valid_to is not None and unit.valid_to < on - dt.timedelta(days=1):
            raise InputError(f"{unit.name} ({unit.code}) đã kết thúc hoạt động ngày {unit.valid_to:%d/%m/%Y}")
        olds.append(unit)
    new = _unit(session, into)
    result = MergeResult(into=into, old=[u.code for u in olds], on=on)
    if new is None:
        if not name:
            raise NotFound(f"không có đơn vị mã {into!r} trong danh bạ: thêm đơn vị, hoặc cho tên (--name) để tạo")
        first = olds[0]
        new = Unit(code=into, name=name, kind=first.kind, parent_id=first.parent_id, valid_from=on, created_at=now)
        session.add(new)
        session.flush()
        result.created_unit = True
    if any(u.id == new.id for u in olds):
        raise InputError(f"{new.code} vừa là đơn vị cũ vừa là đơn vị mới")
    old_ids = [u.id for u in olds]
    before = _open_counts(session, old_ids, on)

    links = {(p, s) for p, s in session.exec(select(UnitLink.predecessor_id, UnitLink.successor_id)).all()}
    for unit in olds:
        unit.valid_to = on - dt.timedelta(days=1)
        session.add(unit)
        if (unit.id, new.id) not in links:
            session.add(UnitLink(predecessor_id=unit.id, successor_id=new.id, effective_on=on, kind="merge",  # type: ignore[arg-type]
                                 created_at=now))
    moved_officers = session.exec(select(Officer).where(col(Officer.unit_id).in_(old_ids),
                                                        Officer.active == True)).all()
    for off in moved_officers:
        if officers == "retire":
            off.active = False
            revoke(session, officer_id=off.id, now=now)  # type: ignore[arg-type]
        else:
            off.unit_id = new.id  # type: ignore[assignment]
            if officers == "reissue":
                revoke(session, officer_id=off.id, now=now)  # type: ignore[arg-type]
                issue_token(session, officer_id=off.id, settings=settings, now=now)  # type: ignore[arg-type]
        session.add(off)
    result.officers = {officers: len(moved_officers)}
    session.flush()

    result.plans = reresolve_plans(session, settings=settings, now=now)
    after = _open_counts(session, old_ids, on)
    result.moved = before["running"] - after["running"]
    result.closed_duplicates = after["closed_review"] - before["closed_review"]
    result.moved -= result.closed_duplicates
    result.kept = after["all"]
    session.add(AuditEvent(at=now, actor=actor, via=via, action="directory.merge", entity="unit",
                           entity_id=new.id, after=result.as_dict() | {"plans": len(result.plans)}))
    session.flush()
    return result


def _open_counts(session: Session, unit_ids: list[Any], on: dt.date) -> dict[str, int]:
    def count(*where: Any) -> int:
        return int(session.exec(select(func.count()).select_from(Obligation).where(
            col(Obligation.unit_id).in_(unit_ids), *where)).one())

    return {"running": count(Obligation.closed == False, Obligation.period_end >= on),
            "closed_review": count(Obligation.closed == True, Obligation.needs_review == True,
                                   Obligation.period_end >= on),
            "all": count()}


def run_merge(*, engine: Engine, settings: Settings, old: list[str], into: str, on: dt.date, now: dt.datetime,
              officers: str = "transfer", name: str | None = None, actor: str = "cli",
              via: str = "cli") -> MergeResult:
    with session_scope(engine) as session:
        return merge_units(session, old=old, into=into, on=on, settings=settings, now=now, officers=officers,
                           name=name, actor=actor, via=via)


@dataclass
class MergePreview:
    """What a merge would do, found by running it in a transaction that is then rolled back: the figures are
    those of the real merge (same code), the lists say which rows they are."""

    result: MergeResult
    old_units: list[dict[str, Any]]  # code, name, kind, official_code
    new_unit: dict[str, Any]  # code, name, exists
    open_by_plan: list[dict[str, Any]]  # plan id, number, title, open obligations that move (periods from `on`)
    officers: list[dict[str, Any]]  # code, name, role, unit (old unit code), contacts (channels)
    aliases: list[dict[str, Any]]  # name, unit (old unit code): names that lead to the new unit from `on`


def preview_merge(*, engine: Engine, settings: Settings, old: list[str], into: str, on: dt.date, now: dt.datetime,
                  officers: str = "transfer", name: str | None = None) -> MergePreview:
    """The merge of `old` into `into` on `on`, computed and undone: nothing is written."""
    from dondoc.models import Alias, Contact, Plan

    with Session(engine, expire_on_commit=False) as session:
        try:
            olds = [u for u in (_unit(session, c) for c in dict.fromkeys(old)) if u is not None]
            ids = [u.id for u in olds]
            new = _unit(session, into)
            by_plan = session.exec(
                select(Plan.id, Plan.number, Plan.title, func.count())
                .join(Obligation, col(Obligation.plan_id) == Plan.id)
                .where(col(Obligation.unit_id).in_(ids), Obligation.closed == False, Obligation.period_end >= on)
                .group_by(col(Plan.id), col(Plan.number), col(Plan.title)).order_by(col(Plan.id))).all()
            staff = session.exec(select(Officer).where(col(Officer.unit_id).in_(ids), Officer.active == True)
                                 .order_by(col(Officer.name))).all()
            channels: dict[int, list[str]] = {}
            for oid, channel in session.exec(select(Contact.officer_id, Contact.channel).where(
                    col(Contact.officer_id).in_([o.id for o in staff])).order_by(col(Contact.priority))).all():
                channels.setdefault(oid, []).append(channel)
            code = {u.id: u.code for u in olds}
            aliases = session.exec(select(Alias).where(col(Alias.unit_id).in_(ids)).order_by(col(Alias.name))).all()
            preview = MergePreview(
                result=MergeResult(into=into, old=[u.code for u in olds], on=on),
                old_units=[{"code": u.code, "name": u.name, "kind": u.kind, "official_code": u.official_code}
                           for u in olds],
                new_unit={"code": into, "name": new.name if new else (name or ""), "exists": new is not None},
                open_by_plan=[{"id": pid, "number": number, "title": title, "open": int(n)}
                              for pid, number, title, n in by_plan],
                officers=[{"code": o.code, "name": o.name, "role": o.role, "unit": code.get(o.unit_id, ""),
                           "channels": channels.get(o.id or 0, [])} for o in staff],
                aliases=[{"name": a.name, "unit": code.get(a.unit_id or 0, "")} for a in aliases])
            preview.result = merge_units(session, old=old, into=into, on=on, settings=settings, now=now,
                                         officers=officers, name=name, actor="preview", via="preview")
            return preview
        finally:
            session.rollback()
