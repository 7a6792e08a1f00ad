"""Two communes with open obligations, statuses, reminders and officers merged into one: nothing lost, no
duplicate reminders, the report of the period before the merge unchanged."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pendulum
import pytest
from sqlmodel import Session, func, select

from dondoc.calendar.workdays import WorkCalendar
from dondoc.clock import TZ
from dondoc.collect.links import link_for, verify
from dondoc.db import session_scope
from dondoc.directory.merge import merge_units
from dondoc.followup.sweep import decide
from dondoc.intake.lifecycle import activate_plan
from dondoc.intake.store import store_plan
from dondoc.models import AccessToken, Contact, Notice, Obligation, Officer, Plan, StatusUpdate, Unit, UnitLink
from dondoc.reporting.snapshot import build_snapshot

NOW = pendulum.datetime(2025, 3, 10, 9, tz=TZ)
REPORTED = pendulum.datetime(2025, 7, 5, 9, tz=TZ)  # the Q2 report, after its cut-off, before the merge
QUARTERLY = {"text": "hằng quý", "kind": "recurring", "due": None, "rrule": None, "period": "quarter"}
PLAN = {
    "schema_version": 1, "source": "kh-thu.txt", "title": "Kế hoạch thử nghiệm sáp nhập xã", "number": "1/KH-UBND",
    "issuer": "UBND tỉnh Thử", "place": "Thử", "issued_on": "2025-03-01", "year": 2025, "recipients": [],
    "warnings": [], "targets": [],
    "assignments": [
        {"ref": "1", "item": 1, "text": "Triển khai chuyển đổi số cấp xã", "lead": ["UBND các xã, phường"],
         "support": [], "mode": "assign", "timing": QUARTERLY},
        {"ref": "2", "item": 1, "text": "Rà soát hộ nghèo xã A", "lead": ["UBND xã A"], "support": [],
         "mode": "assign", "timing": {"text": "trước 30/11/2025", "kind": "once", "due": "2025-11-30"}},
    ],
    "reports": [
        {"ref": "3", "text": "UBND các xã báo cáo kết quả hằng quý về Sở Nội vụ", "from": ["UBND các xã, phường"],
         "to": ["Sở Nội vụ"], "via": None, "compiles": False, "timing": QUARTERLY},
        {"ref": "4", "text": "Sở Nội vụ tổng hợp báo cáo UBND tỉnh", "from": ["Sở Nội vụ"], "to": ["UBND tỉnh Thử"],
         "via": None, "compiles": True, "timing": QUARTERLY},
    ],
}


def _directory(session: Session) -> dict[str, int]:
    p = Unit(code="P", name="UBND tỉnh Thử", kind="province", official_code="99")
    session.add(p)
    session.flush()
    units = {"P": p}
    for code, name, kind in (("SNV", "Sở Nội vụ", "department"), ("A", "UBND xã A", "commune"),
                             ("B", "UBND xã B", "commune"), ("D", "UBND phường D", "ward")):
        units[code] = Unit(code=code, name=name, kind=kind, parent_id=p.id)
        session.add(units[code])
    session.flush()
    for code in ("SNV", "A", "B", "D"):
        off = Officer(code=f"{code}-1", unit_id=units[code].id, name=f"Cán bộ {code}", role="focal")
        session.add(off)
        session.flush()
        session.add(Contact(officer_id=off.id, channel="outbox", url=f"outbox://{code.lower()}", priority=1))
    session.flush()
    return {c: u.id for c, u in units.items()}


def _obligations(session, unit_id, period=None):
    q = select(Obligation).where(Obligation.unit_id == unit_id)
    if period:
        q = q.where(Obligation.period == period)
    return session.exec(q.order_by(Obligation.id)).all()


def _report_lines(snapshot) -> str:
    """The Q2 report: everything but when it was generated and its 'next period' section (the tasks of Q3,
    which after the merge rightly name the new commune)."""
    keep = {k: v for k, v in snapshot.items() if k not in ("generated_at", "now", "generated", "next")}
    return json.dumps(keep, ensure_ascii=False, sort_keys=True, default=str)


@pytest.mark.parametrize("officers", ["transfer", "reissue"])
def test_merge_two_communes_into_one(engine, settings, officers):
    with session_scope(engine) as session:
        ids = _directory(session)
        result = store_plan(session, parsed=PLAN, source_name="kh-thu.txt", source_hash="h", settings=settings,
                            now=NOW)
        plan_id = result.plan_id
        activate_plan(session, plan_id=plan_id, settings=settings, now=NOW)
    with session_scope(engine) as session:
        a_q2 = next(o for o in _obligations(session, ids["A"], "2025-Q2") if o.role == "report")
        a_q3 = list(_obligations(session, ids["A"], "2025-Q3"))
        b_q3 = list(_obligations(session, ids["B"], "2025-Q3"))
        assert len(a_q3) == len(b_q3) == 2  # the quarterly task and the quarterly report
        officer_a = session.exec(select(Officer).where(Officer.code == "A-1")).one()
        officer_b = session.exec(select(Officer).where(Officer.code == "B-1")).one()
        old_link = link_for(session, officer_id=officer_a.id, settings=settings, now=NOW)
        # Q2: A reported (closed); B did not. Q3: A is half-way on the task, B was reminded about its report.
        for ob, status, progress in ((a_q2, "done", 100),):
            session.add(StatusUpdate(obligation_id=ob.id, officer_id=officer_a.id, status=status, progress=progress,
                                     result="Đã báo cáo quý II", submitted_at=NOW))
            ob.status, ob.progress, ob.closed = status, progress, True
            session.add(ob)
        a_task_q3 = next(o for o in a_q3 if o.role == "lead" and o.period == "2025-Q3")
        session.add(StatusUpdate(obligation_id=a_task_q3.id, officer_id=officer_a.id, status="in_progress",
                                 progress=50, result="Đã lắp 3 điểm", submitted_at=NOW))
        a_task_q3.status, a_task_q3.progress = "in_progress", 50
        session.add(a_task_q3)
        b_report_q3 = next(o for o in b_q3 if o.role == "report")
        session.add(Notice(obligation_id=b_report_q3.id, officer_id=officer_b.id, kind="reminder", level=0,
                           day=dt.date(2025, 7, 20)))
        b_report_q3.reminders_sent = 1
        session.add(b_report_q3)
    with Session(engine) as session:
        q2_before = _report_lines(build_snapshot(session, plan_id=plan_id, period="2025-Q2", now=REPORTED))
        updates_before = session.exec(select(func.count()).select_from(StatusUpdate)).one()
        notices_before = session.exec(select(func.count()).select_from(Notice)).one()

    on = dt.date(2025, 8, 1)
    when = pendulum.datetime(2025, 7, 31, 16, tz=TZ)
    with session_scope(engine) as session:
        merged = merge_units(session, old=["A", "B"], into="C", on=on, settings=settings, now=when,
                             officers=officers, name="UBND xã C")
    assert merged.created_unit and merged.moved >= 3

    with Session(engine) as session:
        c = session.exec(select(Unit).where(Unit.code == "C")).one()
        a, b = session.get(Unit, ids["A"]), session.get(Unit, ids["B"])
        assert a.valid_to == b.valid_to == dt.date(2025, 7, 31) and c.valid_from == on
        assert {(link.predecessor_id, link.successor_id) for link in session.exec(select(UnitLink)).all()} == \
            {(ids["A"], c.id), (ids["B"], c.id)}
        # History stays: every status update and notice still exists, on the rows they were made on.
        assert session.exec(select(func.count()).select_from(StatusUpdate)).one() == updates_before
        assert session.exec(select(func.count()).select_from(Notice)).one() == notices_before
        assert session.get(Obligation, a_q2.id).unit_id == ids["A"]  # Q2 stays with A
        # an activated plan keeps the rows the merge took away from B, closed as 'không áp dụng' (for audit)
        retired = [o for o in _obligations(session, ids["B"]) if o.status == "not_applicable"]
        assert all(o.closed for o in retired) and {o.period for o in retired} <= {"2025-Q3", "2025-Q4"}
        assert {o.period for o in _obligations(session, ids["B"]) if o.status != "not_applicable"} == {"2025-Q1", "2025-Q2"} | (
            {"2025-Q3"} if any(o.closed and o.status != "not_applicable"
                           for o in _obligations(session, ids["B"], "2025-Q3")) else set())
        # The running quarter moved to C: A's task with its status, B's report with its reminder rung.
        moved_task = session.get(Obligation, a_task_q3.id)
        assert moved_task.unit_id == c.id and moved_task.status == "in_progress" and moved_task.progress == 50
        moved_report = session.exec(select(Obligation).where(Obligation.unit_id == c.id,
                                                             Obligation.period == "2025-Q3",
                                                             Obligation.role == "report")).one()
        assert moved_report.id in (b_report_q3.id, next(o.id for o in a_q3 if o.role == "report"))
        # One obligation per task and period for C, never two; A's own task 2 followed it.
        c_rows = _obligations(session, c.id)
        assert len({(o.assignment_id, o.report_id, o.role, o.period) for o in c_rows}) == len(c_rows)
        assert {o.period for o in c_rows} >= {"2025-Q3", "2025-Q4", "2025"}
        assert not [o for o in _obligations(session, ids["A"]) + _obligations(session, ids["B"])
                    if not o.closed and o.period_end >= on]
        # Officers followed; links as chosen.
        moved = session.exec(select(Officer).where(Officer.code.in_(["A-1", "B-1"]))).all()
        assert {o.unit_id for o in moved} == {c.id} and all(o.active for o in moved)
        token = old_link.rsplit("/", 1)[1]
        assert (verify(session, token=token, now=when) is not None) == (officers == "transfer")
        assert session.exec(select(func.count()).select_from(AccessToken).where(
            AccessToken.officer_id == officer_a.id, AccessToken.revoked_at.is_(None))).one() == 1
        # The report of the quarter before the merge reads exactly as before.
        assert _report_lines(build_snapshot(session, plan_id=plan_id, period="2025-Q2", now=REPORTED)) == q2_before

    # No duplicate reminders: a sweep on every working day of the running quarter's deadline window.
    with session_scope(engine) as session:
        calendar = WorkCalendar.from_session(session)
        for offset in range(90):
            day = on + dt.timedelta(days=offset)
            decide(session, day=day, now=pendulum.datetime(day.year, day.month, day.day, 8, tz=TZ),
                   settings=settings, calendar=calendar, plan_ids=[plan_id])
        notices = session.exec(select(Notice).where(Notice.day >= on)).all()
        per = Counter((n.officer_id, n.day, n.kind, session.get(Obligation, n.obligation_id).unit_id,
                       session.get(Obligation, n.obligation_id).report_id,
                       session.get(Obligation, n.obligation_id).assignment_id,
                       session.get(Obligation, n.obligation_id).period) for n in notices)
        assert notices and max(per.values()) == 1
        assert not [n for n in notices if session.get(Obligation, n.obligation_id).unit_id in (ids["A"], ids["B"])
                    and not session.get(Obligation, n.obligation_id).period_end < on]
    with Session(engine) as session:
        plan = session.get(Plan, plan_id)
        assert plan.proposals and "sáp nhập" in plan.proposals[0]["reason"]
