"""After a directory change: resolve every stored plan's bodies again and sync their obligations, statuses kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from dondoc.config import Settings
from dondoc.errors import NotFound
from dondoc.intake.store import _counts, store_plan
from dondoc.models import (
    Plan,
    Unit,
)


@dataclass
class Reresolved:
    """One stored plan resolved again against the current directory."""

    plan_id: int
    source_name: str
    unresolved_before: list[str]
    unresolved_after: list[str]
    obligations_before: int
    obligations_after: int

    def as_dict(self) -> dict[str, Any]:
        return {"plan": self.plan_id, "source": self.source_name,
                "unresolved_before": len(self.unresolved_before), "unresolved_after": len(self.unresolved_after),
                "unresolved_names": self.unresolved_after,
                "obligations_before": self.obligations_before, "obligations_after": self.obligations_after}


def reresolve_plans(session: Session, *, settings: Settings, now: dt.datetime,
                    plan_ids: list[int] | None = None) -> list[Reresolved]:
    """Resolve stored plans again against the directory as it is now (after aliases or units were added).

    Each plan is stored again from the parsed JSON it keeps, in the caller's transaction: rows are matched by
    their keys, so collected statuses stay; bodies that now resolve get their obligations, bodies that no
    longer resolve lose theirs (kept when they already carry history, as on a corrected import).
    """
    query = select(Plan).order_by(col(Plan.id))
    if plan_ids is not None:
        query = query.where(col(Plan.id).in_(plan_ids))
        found = {p.id for p in session.exec(query).all()}
        missing = sorted(set(plan_ids) - found)
        if missing:
            raise NotFound(f"không có kế hoạch số {', '.join(map(str, missing))} trong cơ sở dữ liệu")
    out: list[Reresolved] = []
    for plan in session.exec(query).all():
        assert plan.id is not None
        before = list(plan.unresolved)
        obligations_before = _counts(session, plan, status="unchanged").obligations
        owner = session.get(Unit, plan.owner_unit_id) if plan.owner_unit_id else None
        keep_owner = owner.code if owner is not None and plan.owner_unit_id != plan.focal_unit_id else None
        result = store_plan(session, parsed=dict(plan.parsed), source_name=plan.source_name,
                            source_hash=plan.source_hash, settings=settings, now=now, owner=keep_owner,
                            existing=plan, action="plan.reresolved")
        out.append(Reresolved(plan_id=plan.id, source_name=plan.source_name, unresolved_before=before,
                              unresolved_after=result.unresolved, obligations_before=obligations_before,
                              obligations_after=result.obligations))
    return out
