"""The focal point of units and plans, read from the database with the rule of directory/people.py."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from dondoc.directory.people import FOCAL_FIRST, People, first_by_role
from dondoc.models import Officer, Plan


def load_people(session: Session) -> People:
    """Every active officer, by unit (once per sweep or simulated day)."""
    return People(session.exec(select(Officer).where(Officer.active == True)).all())


def focal_point(session: Session, *, unit_ids: Sequence[int | None], exclude: int | None = None) -> list[Officer]:
    """The focal point of the first unit in `unit_ids` that has one (see the module's rule)."""
    wanted = [u for u in unit_ids if u is not None]
    if not wanted:
        return []
    rows = session.exec(select(Officer).where(col(Officer.unit_id).in_(wanted), Officer.active == True)
                        .order_by(col(Officer.id))).all()
    for unit_id in wanted:
        found = first_by_role([o for o in rows if o.unit_id == unit_id], FOCAL_FIRST, exclude)
        if found:
            return found
    return []


def plan_focal_point(session: Session, plan: Plan) -> list[Officer]:
    """The plan's focal point: its focal unit's (else its owner unit's) focal officers, else the head."""
    return focal_point(session, unit_ids=[plan.focal_unit_id or plan.owner_unit_id])
