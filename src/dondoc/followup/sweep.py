"""The daily sweep: decide who must hear what today, record it exactly once, then hand it to delivery.

A decision is a `Notice` (obligation, kind, level, scheduled day, recipient) under a unique key,
inserted with ON CONFLICT DO NOTHING: a rerun of the same day, a retry, or a second worker running
the same sweep adds nothing. Decisions are committed before anything is sent; the delivery layer
picks up every Notice not yet in a sent Message, so a crash between deciding and sending loses
nothing and the next run finishes the job.

Which obligations are due for a step is computed from the working calendar, not by scanning: for
offset k, the obligations reminded today are those due exactly k working days from today (due
dates are working days), so the sweep reads only the handful of due dates that matter."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import any_, bindparam, text, update
from sqlmodel import Session, col, select

from dondoc.calendar.policy import Policy
from dondoc.calendar.workdays import WorkCalendar
from dondoc.clock import local_date as local_day
from dondoc.config import Settings
from dondoc.directory.focal import load_people
from dondoc.directory.substitutes import acting_map
from dondoc.followup.rules import CATCHUP_WORKING_DAYS, Decision, Step, _recipients, steps_for
from dondoc.intake.obligations import plan_policy
from dondoc.models import CompiledReport, Notice, Obligation, Plan
from dondoc.reporting.timeliness import NO_DEADLINE_KINDS

log = logging.getLogger(__name__)


# What the sweep needs of an obligation (plain rows, not ORM objects: tens of thousands per day).
_OB_COLUMNS = (Obligation.kind, Obligation.id, Obligation.plan_id, Obligation.unit_id, Obligation.officer_id, Obligation.role,
               Obligation.mode, Obligation.due_date, Obligation.extended_due)




def decide(
    session: Session,
    *,
    day: dt.date,
    now: dt.datetime,
    settings: Settings,
    calendar: WorkCalendar,
    plan_ids: Iterable[int] | None = None,
) -> list[Decision]:
    """Record today's reminders and escalations as Notices; return the ones newly recorded."""
    if not calendar.is_working_day(day):
        return []  # nothing goes out on a weekend or a holiday
    plans_q = select(Plan).where(Plan.state == "active")  # drafts and closed plans: nothing is sent
    if plan_ids is not None:
        plans_q = plans_q.where(col(Plan.id).in_(list(plan_ids)))
    plans = {p.id: p for p in session.exec(plans_q).all()}
    if not plans:
        return []
    # Group plans by policy so each distinct ladder is computed once.
    groups: dict[tuple[Any, ...], tuple[Policy, list[int]]] = {}
    for p in plans.values():
        pol = plan_policy(p, settings)
        sig = (pol.reminder_offsets, pol.escalation_offsets, pol.escalation_recipients, pol.escalate_requests)
        groups.setdefault(sig, (pol, []))[1].append(p.id)  # type: ignore[arg-type]

    people = load_people(session)
    acting = acting_map(session, day=day)  # an absent officer's notices go to whoever acts for them
    redirected: dict[tuple[Any, ...], int] = {}  # (obligation, kind, level, day, substitute) -> absent officer
    wanted: list[Decision] = []
    for pol, ids in groups.values():
        steps = steps_for(day, pol, calendar)
        by_due: dict[dt.date, list[Step]] = defaultdict(list)
        for st in steps:
            by_due[st.due].append(st)
        dues = list(by_due)
        # Two index seeks (original and extended deadlines) rather than one OR that scans the table.
        open_in_plans = (col(Obligation.plan_id).in_(ids), Obligation.closed == False)
        obs = list(session.exec(select(*_OB_COLUMNS).where(
            *open_in_plans, col(Obligation.due_date).in_(dues), col(Obligation.extended_due).is_(None))).all())
        obs += session.exec(select(*_OB_COLUMNS).where(*open_in_plans, col(Obligation.extended_due).in_(dues))).all()
        for ob in obs:
            applicable = by_due.get(ob.extended_due or ob.due_date, [])
            # Per kind and level only the latest scheduled step counts: a missed older one is superseded.
            latest: dict[tuple[str, int], Step] = {}
            for st in applicable:
                k = (st.kind, st.level)
                if k not in latest or st.day > latest[k].day:
                    latest[k] = st
            newest_day = max((st.day for st in latest.values()), default=None)
            for st in latest.values():
                if st.day != newest_day:
                    continue  # only the newest step of a catch-up window is sent
                for kind, level, officer in _recipients(ob, st, plans[ob.plan_id], people, pol):
                    assert ob.id is not None
                    target = acting.get(officer, officer)
                    wanted.append(Decision(ob.id, target, kind, level, st.day))
                    if target != officer:
                        redirected[(wanted[-1].obligation_id, kind, level, st.day, target)] = officer
    if redirected:
        wanted = _not_told_already(session, wanted, redirected)
    return record(session, wanted, now=now)


def _not_told_already(session: Session, wanted: list[Decision],
                      redirected: dict[tuple[Any, ...], int]) -> list[Decision]:
    """A substitute named after the absent officer was already told today's step (an earlier run) gets
    nothing more for it: one notice per obligation and step, whoever received it."""
    ob_ids = sorted({k[0] for k in redirected})
    days = sorted({k[3] for k in redirected})
    told = set(session.exec(select(Notice.obligation_id, Notice.kind, Notice.level, Notice.day,  # type: ignore[call-overload]
                                   Notice.officer_id)
                            .where(col(Notice.obligation_id).in_(ob_ids), col(Notice.day).in_(days))).all())
    return [d for d in wanted
            if (original := redirected.get((d.obligation_id, d.kind, d.level, d.day, d.officer_id))) is None
            or (d.obligation_id, d.kind, d.level, d.day, original) not in told]


def record(session: Session, decisions: list[Decision], *, now: dt.datetime) -> list[Decision]:
    """Insert Notices, skipping those already recorded (by this or a concurrent sweep).

    Returns the decisions this call actually inserted (RETURNING), so counters move exactly once
    even when two workers race on the same day.
    """
    if not decisions:
        return []
    decisions = list({(d.obligation_id, d.kind, d.level, d.day, d.officer_id): d for d in decisions}.values())
    ob_ids = sorted({d.obligation_id for d in decisions})
    days = sorted({d.day for d in decisions})
    existing = set()
    pg = session.get_bind().dialect.name == "postgresql"
    for chunk in _chunks(ob_ids, 100_000 if pg else 5000):
        existing |= set(session.exec(select(Notice.obligation_id, Notice.kind, Notice.level, Notice.day,
                                            Notice.officer_id).where(_in(col(Notice.obligation_id), chunk, pg),
                                                                     col(Notice.day).in_(days))).all())
    fresh = [d for d in decisions if (d.obligation_id, d.kind, d.level, d.day, d.officer_id) not in existing]
    if not fresh:
        return []
    created = dt.datetime.fromtimestamp(now.timestamp(), tz=dt.UTC)  # plain datetime: cheap to bind
    rows = [{"obligation_id": d.obligation_id, "officer_id": d.officer_id, "kind": d.kind, "level": d.level, "day": d.day,
                 "created_at": created} for d in fresh]
    conn = session.connection()
    inserted: set[tuple[Any, ...]] = set()
    if pg:
        # One statement over arrays: far cheaper than thousands of VALUES tuples.
        for chunk in _chunks(rows, 50_000):
            result = conn.execute(_PG_INSERT_NOTICES, {
                "ob": [r["obligation_id"] for r in chunk], "off": [r["officer_id"] for r in chunk],
                "kind": [r["kind"] for r in chunk], "lvl": [r["level"] for r in chunk],
                "day": [r["day"] for r in chunk], "created": [r["created_at"] for r in chunk]})
            inserted |= {tuple(r) for r in result}
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        cols = Notice.__table__.c  # type: ignore[attr-defined]
        stmt = sqlite_insert(Notice.__table__).on_conflict_do_nothing().returning(  # type: ignore[attr-defined]
            cols.obligation_id, cols.kind, cols.level, cols.day, cols.officer_id)
        for chunk in _chunks(rows, 2000):
            inserted |= {tuple(r) for r in conn.execute(stmt, chunk)}
    done = [d for d in fresh if (d.obligation_id, d.kind, d.level, d.day, d.officer_id) in inserted]
    _bump_counters(session, done)
    return done


def _bump_counters(session: Session, done: list[Decision]) -> None:
    """số lần đôn đốc (reminder days) and the highest escalation rung reached, per obligation.

    A sweep records at most one step per obligation, so each reminded obligation moves by one."""
    reminded = sorted({(d.obligation_id, d.day) for d in done if d.kind == "reminder"})
    per_ob: Counter[int] = Counter(ob for ob, _ in reminded)
    by_count: dict[int, list[int]] = defaultdict(list)
    for ob, n in per_ob.items():
        by_count[n].append(ob)
    table = Obligation.__table__  # type: ignore[attr-defined]
    conn = session.connection()
    pg = conn.dialect.name == "postgresql"
    size = 100_000 if pg else 5000
    for n, ids in by_count.items():
        for chunk in _chunks(sorted(ids), size):
            conn.execute(update(table).where(_in(table.c.id, chunk, pg))
                         .values(reminders_sent=table.c.reminders_sent + n))
    levels: dict[int, set[int]] = defaultdict(set)
    for d in done:
        if d.kind == "escalation":
            levels[d.level].add(d.obligation_id)
    for level, ids in levels.items():
        for chunk in _chunks(sorted(ids), size):
            conn.execute(update(table).where(_in(table.c.id, chunk, pg), table.c.escalation_level < level)
                         .values(escalation_level=level))


_PG_INSERT_NOTICES = text(
    "INSERT INTO notice (obligation_id, officer_id, kind, level, day, created_at) "
    "SELECT * FROM unnest(CAST(:ob AS integer[]), CAST(:off AS integer[]), CAST(:kind AS varchar[]), "
    "CAST(:lvl AS integer[]), CAST(:day AS date[]), CAST(:created AS timestamptz[])) "
    "ON CONFLICT DO NOTHING RETURNING obligation_id, kind, level, day, officer_id")


def _in(column: Any, values: list[Any], pg: bool) -> Any:
    """`column IN values`; on PostgreSQL `= ANY(array)`, one parameter however long the list."""
    if pg:
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def flag_stale(session: Session, *, day: dt.date, now: dt.datetime, settings: Settings,
               plan_ids: Iterable[int] | None = None) -> list[Decision]:
    """Undated tasks (continuous, or no deadline under the `undated: track` policy) whose unit has not
    updated for N months, in active plans: flag once, tell the focal point."""
    q = select(Obligation).join(Plan, col(Plan.id) == col(Obligation.plan_id)).where(
        Plan.state == "active",
        col(Obligation.kind).in_(NO_DEADLINE_KINDS), Obligation.closed == False, Obligation.stale == False,
        col(Obligation.period_start) <= day, col(Obligation.period_end) >= day)
    if plan_ids is not None:
        q = q.where(col(Obligation.plan_id).in_(list(plan_ids)))
    candidates = session.exec(q).all()
    if not candidates:
        return []
    plans = {p.id: p for p in session.exec(select(Plan).where(
        col(Plan.id).in_({o.plan_id for o in candidates}))).all()}
    people = load_people(session)
    thresholds = {pid: plan_policy(p, settings).stale_before(day) for pid, p in plans.items()}
    decisions: list[Decision] = []
    for ob in candidates:
        last = local_day(ob.last_update_at) if ob.last_update_at else ob.period_start
        if last > thresholds[ob.plan_id]:
            continue
        ob.stale = True
        session.add(ob)
        for officer in people.role(plans[ob.plan_id].focal_unit_id, "focal", "head"):
            assert ob.id is not None
            decisions.append(Decision(ob.id, officer, "stale", 0, day))
    session.flush()
    return record(session, decisions, now=now)


def reports_due(session: Session, *, day: dt.date, settings: Settings, calendar: WorkCalendar,
                plan_ids: Iterable[int] | None = None) -> list[tuple[int, str]]:
    """(plan, period) whose consolidated report should be compiled today: one working day before the
    focal point's deadline (or on it, or late after it), when it has not been compiled yet."""
    q = select(Obligation.plan_id, Obligation.period, Obligation.due_date, Obligation.extended_due).join(
        Plan, col(Plan.id) == col(Obligation.plan_id)).where(Obligation.role == "compile", Plan.state == "active")
    if plan_ids is not None:
        q = q.where(col(Obligation.plan_id).in_(list(plan_ids)))
    done = set(session.exec(select(CompiledReport.plan_id, CompiledReport.period)).all())
    out: list[tuple[int, str]] = []
    for plan_id, period, due, extended in session.exec(q).all():
        compile_day = calendar.add_working_days(extended or due, -1)
        if compile_day <= day <= calendar.add_working_days(extended or due, CATCHUP_WORKING_DAYS) \
                and (plan_id, period) not in done and (plan_id, period) not in out:
            out.append((plan_id, period))
    return out
