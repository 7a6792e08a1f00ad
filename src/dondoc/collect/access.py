"""Who may see and update what: an officer's own unit's obligations, the plan's focal point and issuer, and the rows a form may load (locked for update).

Substitutes: on a day officer A acts for an absent officer B (directory/substitutes.py), A may also see
and update what B may; `stand_in` says when a submission is A's on B's behalf ("A thay B")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, select

from dondoc.directory.substitutes import absent_for
from dondoc.errors import Forbidden, NotFound
from dondoc.models import (
    Obligation,
    Officer,
    Plan,
    Target,
)

UNIT_MANAGERS = ("head", "deputy", "focal")


FOCAL_ROLES = ("focal", "head")


ISSUER_ROLES = ("head", "deputy", "focal")


def focal_unit_id(plan: Plan) -> int | None:
    return plan.focal_unit_id or plan.owner_unit_id


def is_focal(officer: Officer, plan: Plan) -> bool:
    return officer.active and officer.role in FOCAL_ROLES and officer.unit_id == focal_unit_id(plan)


def is_issuer(officer: Officer, plan: Plan) -> bool:
    return (officer.active and officer.role in ISSUER_ROLES and plan.issuer_unit_id is not None
            and officer.unit_id == plan.issuer_unit_id)


def can_update(officer: Officer, obligation: Obligation) -> bool:
    if not officer.active or officer.unit_id != obligation.unit_id:
        return False
    if obligation.officer_id is None or obligation.officer_id == officer.id:
        return True
    return officer.role in UNIT_MANAGERS


def visible_clause(officer: Officer, absent: Sequence[Officer] = ()) -> Any:
    """SQL condition selecting the obligations `officer` may update (mirrors can_update), and those of the
    `absent` officers they act for today (`acting_for`)."""
    cond = _own_clause(officer)
    for other in absent:
        cond = cond | _own_clause(other)
    return cond


def _own_clause(officer: Officer) -> Any:
    cond = Obligation.unit_id == officer.unit_id
    if officer.role in UNIT_MANAGERS:
        return cond
    return cond & or_(Obligation.officer_id.is_(None), Obligation.officer_id == officer.id)  # type: ignore[union-attr]


def acting_for(session: Session, *, officer: Officer, day: dt.date | None) -> list[Officer]:
    """The absent officers `officer` acts for on `day` (none when `day` is None)."""
    if day is None or officer.id is None:
        return []
    return absent_for(session, officer_id=officer.id, day=day)


def stand_in(session: Session, *, officer: Officer, obligation: Obligation, day: dt.date | None) -> Officer | None:
    """The absent officer on whose behalf `officer` updates `obligation` on `day`: one they act for who may
    update it, when it is that officer's own task or `officer` could not update it alone. None: `officer`
    acts in their own name."""
    for other in acting_for(session, officer=officer, day=day):
        if can_update(other, obligation) and (obligation.officer_id == other.id or not can_update(officer, obligation)):
            return other
    return None


def get_officer(session: Session, officer_id: int) -> Officer:
    officer = session.get(Officer, officer_id)
    if officer is None or not officer.active:
        raise NotFound("Không tìm thấy.")
    return officer


def obligation_for_update(session: Session, *, officer: Officer, obligation_id: int, lock: bool = False,
                          day: dt.date | None = None) -> Obligation:
    """An obligation `officer` may update (as a substitute too, on `day`); Forbidden otherwise."""
    stmt = select(Obligation).where(Obligation.id == obligation_id)
    if lock:
        stmt = stmt.with_for_update()
    obligation = session.exec(stmt).first()
    if obligation is None or not (can_update(officer, obligation)
                                  or stand_in(session, officer=officer, obligation=obligation, day=day)):
        raise Forbidden("Không tìm thấy.")
    return obligation


def plan_targets(session: Session, plan_id: int) -> list[Target]:
    return list(session.exec(select(Target).where(Target.plan_id == plan_id).order_by(Target.id)).all())  # type: ignore[arg-type]


def can_enter_for(officer: Officer, plan: Plan) -> bool:
    """Nhập thay: the plan's focal point or issuer may enter a unit's status on its behalf."""
    return is_focal(officer, plan) or is_issuer(officer, plan)


def obligation_for_entry(session: Session, *, officer: Officer, obligation_id: int, plan_id: int | None = None,
                         lock: bool = False) -> Obligation:
    """An obligation the officer may enter status for on a unit's behalf (of `plan_id` when given);
    Forbidden (shown as 'not found') otherwise."""
    stmt = select(Obligation).where(Obligation.id == obligation_id)
    if lock:
        stmt = stmt.with_for_update()
    obligation = session.exec(stmt).first()
    plan = session.get(Plan, obligation.plan_id) if obligation is not None else None
    if (obligation is None or plan is None or (plan_id is not None and obligation.plan_id != plan_id)
            or not can_enter_for(officer, plan)):
        raise Forbidden("Không tìm thấy.")
    return obligation
