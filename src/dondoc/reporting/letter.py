"""The formal reminder letter (văn bản đôn đốc) to the units that are late: its data, rendered by docx_letter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from dondoc.errors import NotFound
from dondoc.models import (
    Assignment,
    Obligation,
    Plan,
    ReportObligation,
    Unit,
)
from dondoc.models.work import task_text
from dondoc.reporting import timeliness as tl
from dondoc.reporting.figures import _clean, _iso
from dondoc.reporting.period import _local_day
from dondoc.reporting.snapshot import ACCOUNTABLE_ROLES, plan_header
from dondoc.vietnamese import fold


def build_letter(session: Session, *, plan_id: int, now: dt.datetime, reply_days: int = 5,
                 unit_ids: Sequence[int] | None = None) -> dict[str, Any]:
    """What the formal reminder letter says: the assigned (not requested) units that owe overdue work
    as of today — lead tasks and periodic reports past their due date (with an approved extension,
    past the extended date) — and what each owes."""
    from dondoc.calendar.workdays import WorkCalendar

    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"không có kế hoạch số {plan_id} trong cơ sở dữ liệu (xem `dondoc plan list`)")
    today = _local_day(now)
    q = select(Obligation).where(
        Obligation.plan_id == plan_id, col(Obligation.role).in_(ACCOUNTABLE_ROLES), Obligation.mode == "assign",
        Obligation.closed == False, Obligation.due_date < today)
    if unit_ids:
        q = q.where(col(Obligation.unit_id).in_(list(unit_ids)))
    overdue = [o for o in session.exec(q).all() if o.effective_due < today and o.kind not in tl.NO_DEADLINE_KINDS]
    assignments = {a.id: a for a in session.exec(select(Assignment).where(Assignment.plan_id == plan_id)).all()}
    reports = {r.id: r for r in session.exec(select(ReportObligation).where(ReportObligation.plan_id == plan_id)).all()}
    uids = {o.unit_id for o in overdue}
    units = {u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_(uids))).all()} if uids else {}
    by_unit: dict[int, list[dict[str, Any]]] = {}
    for o in sorted(overdue, key=lambda o: (o.due_date, o.id)):
        a, r = assignments.get(o.assignment_id), reports.get(o.report_id)
        ref = (a.ref if a is not None else r.ref if r is not None else "") or ""
        text = _clean(task_text(o, a, r))
        by_unit.setdefault(o.unit_id, []).append({
            "ref": ref, "text": text, "role": o.role, "period": o.period, "due": _iso(o.due_date),
            "extended_due": _iso(o.extended_due), "days_late": (today - o.effective_due).days,
            "status": o.status, "reported": o.last_update_at is not None,
        })
    calendar = WorkCalendar.from_session(session)
    reply_by = calendar.add_working_days(today, reply_days)
    return {
        "plan": plan_header(session, plan),
        "date": _iso(today),
        "reply_by": _iso(reply_by),
        "units": [{"unit": units[uid].name if uid in units else f"Đơn vị #{uid}", "items": items}
                  for uid, items in sorted(by_unit.items(), key=lambda p: fold(units[p[0]].name if p[0] in units else ""))],
    }
