"""Replay working days on a fake clock: the same sweep the flows run, one call per simulated day.

Units' behaviour is deterministic: each obligation draws a number from a hash of its key and the
seed; below `on_time` it is reported a few working days before the deadline, in the next
`late_share` of the rest it is reported a few working days late (after the first escalation),
otherwise never. Submissions go through the same status service as the web form.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

import pendulum
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from dondoc.app.daily import run_daily
from dondoc.calendar.workdays import WorkCalendar
from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.followup.rules import Decision
from dondoc.models import Message, Obligation, Officer, Plan, Target, Unit


@dataclass
class Event:
    at: str
    kind: str  # reminder, escalation, stale, status, report_compiled, report_sent
    plan: int | None
    obligation: int | None
    unit: str | None
    recipient: str | None
    due: str | None
    level: int = 0
    late: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _draw(seed: int, key: str) -> tuple[float, int]:
    h = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64, h[8]


@dataclass
class Behaviour:
    on_time: float
    late_share: float = 0.5
    seed: int = 2025

    def submission_day(self, ob: Obligation, calendar: WorkCalendar) -> dt.date | None:
        u, r = _draw(self.seed, ob.key)
        if u < self.on_time:
            return max(calendar.add_working_days(ob.due_date, -(1 + r % 4)), ob.period_start)
        rest = (u - self.on_time) / max(1e-9, 1 - self.on_time)
        if rest < self.late_share:
            return calendar.add_working_days(ob.due_date, 2 + r % 5)
        return None


def _at(day: dt.date, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=TZ)


def _figures_for(session: Session, ob: Obligation, seed: int) -> dict[str, float]:
    """A unit's own figures towards the plan's targets (for report submissions)."""
    out: dict[str, float] = {}
    for t in session.exec(select(Target).where(Target.plan_id == ob.plan_id)).all():
        u, _ = _draw(seed, f"{ob.key}:{t.key}")
        factor = 0.75 + 0.4 * u
        value = t.value * factor if t.unit != "%" else min(100.0, t.value * factor)
        out[t.key] = round(value, 1)
    return out


def simulate(
    *,
    engine: Engine,
    settings: Settings,
    start: dt.date,
    end: dt.date,
    behaviour: Behaviour | None = None,
    notifier: Any = None,
    deliver: bool = False,
    plan_ids: Iterable[int] | None = None,
) -> Iterator[Event]:
    """Yield the timeline day by day. With `deliver`, messages go through `notifier` (else a fake)."""
    from dondoc.collect.submit import submit_status
    from dondoc.notifications import FakeNotifier

    plan_ids = list(plan_ids) if plan_ids is not None else None
    notifier = notifier if notifier is not None else (None if deliver else FakeNotifier())
    with session_scope(engine) as session:
        calendar = WorkCalendar.from_session(session)
        plans = {p.id: p for p in session.exec(select(Plan)).all() if plan_ids is None or p.id in plan_ids}
        units = {u.id: u.name for u in session.exec(select(Unit)).all()}
        officers = {o.id: o for o in session.exec(select(Officer)).all()}
        planned: dict[dt.date, list[int]] = defaultdict(list)
        if behaviour is not None:
            q = select(Obligation).where(col(Obligation.plan_id).in_(list(plans)), Obligation.closed == False,
                                         col(Obligation.role).in_(["lead", "support", "report"]),
                                         col(Obligation.due_date) >= start - dt.timedelta(days=45),
                                         col(Obligation.due_date) <= end + dt.timedelta(days=45))
            for ob in session.exec(q).all():
                day = behaviour.submission_day(ob, calendar)
                if day is not None and start <= day <= end:
                    planned[day].append(ob.id)  # type: ignore[arg-type]
    day = start
    while day <= end:
        if behaviour is not None and calendar.is_working_day(day):
            yield from _submit_day(engine, settings, day, planned.get(day, []), behaviour, units, submit_status)
        now = _at(day, settings.send_hour)
        result = run_daily(engine=engine, settings=settings, now=now, notifier=notifier, deliver=True,
                           plan_ids=plan_ids)
        if result.working_day:
            yield from _decision_events(engine, now, result.decisions, units, officers)
            for plan_id, period in result.compiled:
                yield Event(at=now.isoformat(), kind="report_compiled", plan=plan_id, obligation=None,
                            unit=units.get(plans[plan_id].focal_unit_id) if plan_id in plans else None,
                            recipient=None, due=None, level=0)
                if behaviour is not None:
                    yield from _close_compile(engine, settings, now, plan_id, period, units, submit_status)
            yield from _report_sent_events(engine, now, day, officers, units)
        day += dt.timedelta(days=1)


def _submit_day(engine: Engine, settings: Settings, day: dt.date, ob_ids: list[int], behaviour: Behaviour,
                units: dict[Any, str], submit_status: Any) -> Iterator[Event]:
    at = _at(day, 7, 30)
    with session_scope(engine) as session:
        from dondoc.directory.focal import load_people

        people = load_people(session)
        obs = session.exec(select(Obligation).where(col(Obligation.id).in_(ob_ids))).all() if ob_ids else []
        for ob in obs:
            if ob.closed:
                continue
            who = people.responsible(ob)
            if not who:
                continue  # a unit with no officer in the directory cannot report
            payload = {
                "status": "done",
                "progress": 100,
                "result": f"Đơn vị đã triển khai thực hiện nhiệm vụ theo kế hoạch (số liệu mô phỏng, {day:%d/%m/%Y}).",
                "figures": _figures_for(session, ob, behaviour.seed) if ob.role == "report" else {},
                "difficulties": "Kinh phí thực hiện còn hạn chế." if _draw(behaviour.seed, ob.key + ":d")[0] < 0.3 else "",
                "proposals": "Đề nghị bổ sung kinh phí hỗ trợ." if _draw(behaviour.seed, ob.key + ":p")[0] < 0.2 else "",
            }
            update = submit_status(session, officer_id=who[0], obligation_id=ob.id, payload=payload,
                                   via="simulation", now=at)
            yield Event(at=at.isoformat(), kind="status", plan=ob.plan_id, obligation=ob.id,
                        unit=units.get(ob.unit_id), recipient=None, due=ob.due_date.isoformat(), level=0,
                        late=bool(update.late))


def _close_compile(engine: Engine, settings: Settings, now: pendulum.DateTime, plan_id: int, period: str,
                   units: dict[Any, str], submit_status: Any) -> Iterator[Event]:
    """The focal officer checks, signs and sends the compiled report the same day."""
    from dondoc.directory.focal import load_people

    with session_scope(engine) as session:
        people = load_people(session)
        for ob in session.exec(select(Obligation).where(Obligation.plan_id == plan_id, Obligation.role == "compile",
                                                        Obligation.period == period,
                                                        Obligation.closed == False)).all():
            who = people.responsible(ob)
            if not who:
                continue
            submit_status(session, officer_id=who[0], obligation_id=ob.id,
                          payload={"status": "done", "progress": 100, "result": "Đã tổng hợp, báo cáo."},
                          via="simulation", now=now)
            yield Event(at=now.isoformat(), kind="status", plan=plan_id, obligation=ob.id, unit=units.get(ob.unit_id),
                        recipient=None, due=ob.due_date.isoformat())


def _decision_events(engine: Engine, now: pendulum.DateTime, decisions: list[Decision], units: dict[Any, str],
                     officers: dict[Any, Officer]) -> Iterator[Event]:
    if not decisions:
        return
    with Session(engine) as session:
        obs = {o.id: o for o in session.exec(select(Obligation).where(
            col(Obligation.id).in_({d.obligation_id for d in decisions}))).all()}
    for d in sorted(decisions, key=lambda d: (d.kind, d.level, d.obligation_id, d.officer_id)):
        ob = obs[d.obligation_id]
        officer = officers.get(d.officer_id)
        yield Event(at=now.isoformat(), kind=d.kind, plan=ob.plan_id, obligation=ob.id, unit=units.get(ob.unit_id),
                    recipient=officer.name if officer else str(d.officer_id), due=ob.effective_due.isoformat(),
                    level=d.level)


def _report_sent_events(engine: Engine, now: pendulum.DateTime, day: dt.date, officers: dict[Any, Officer],
                        units: dict[Any, str]) -> Iterator[Event]:
    with Session(engine) as session:
        msgs = session.exec(select(Message).where(Message.kind == "report", Message.day == day,
                                                  Message.status == "sent")).all()
    for m in msgs:
        officer = officers.get(m.officer_id)
        plan_id = _plan_of_report_key(m.key)
        yield Event(at=now.isoformat(), kind="report_sent", plan=plan_id, obligation=None,
                    unit=units.get(officer.unit_id) if officer else None,
                    recipient=officer.name if officer else None, due=None)


def _plan_of_report_key(key: str) -> int | None:
    parts = key.split(":")
    try:
        return int(parts[1])
    except (IndexError, ValueError):
        return None
