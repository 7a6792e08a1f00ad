"""The daily sweep's decisions: who hears what on which day, exactly once."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from sqlmodel import Session, select

from dondoc.app.daily import run_daily
from dondoc.calendar.workdays import WorkCalendar
from dondoc.clock import TZ
from dondoc.followup.sweep import decide, flag_stale
from dondoc.models import Notice, Obligation, Officer, Plan, Unit

D = dt.date


@pytest.fixture
def world(session: Session, settings):
    """An issuer with a chair, a focal office, one subordinate unit and one requested (external) body."""
    issuer = Unit(code="ubnd", name="UBND phường 2", kind="commune")
    session.add(issuer)
    session.flush()
    focal = Unit(code="ldtbxh", name="Công chức LĐ-TB&XH", kind="office", parent_id=issuer.id)
    unit = Unit(code="vhxh", name="Công chức VHXH", kind="office", parent_id=issuer.id)
    mttq = Unit(code="mttq", name="Ủy ban MTTQ phường", kind="organisation", external=True)
    session.add_all([focal, unit, mttq])
    session.flush()
    people = {
        "chair": Officer(code="chair", unit_id=issuer.id, name="Lê Thanh Bình", role="head"),
        "focal": Officer(code="focal", unit_id=focal.id, name="Nguyễn Thị Hoa", role="focal"),
        "unit_head": Officer(code="uhead", unit_id=unit.id, name="Trần Văn Nam", role="head"),
        "unit_focal": Officer(code="ufocal", unit_id=unit.id, name="Phạm Thị Lan", role="focal"),
        "mttq": Officer(code="mttq1", unit_id=mttq.id, name="Hoàng Văn Sơn", role="head"),
    }
    session.add_all(people.values())
    plan = Plan(source_name="p.txt", source_hash="x", title="Kế hoạch thử", year=2025,
                issuer_unit_id=issuer.id, focal_unit_id=focal.id)
    session.add(plan)
    session.flush()
    session.commit()
    return {"plan": plan, "unit": unit, "mttq": mttq, "focal_unit": focal, "people": people}


def _ob(session: Session, world, *, unit, due: dt.date, role="report", mode="assign", kind="recurring",
        key="k") -> Obligation:
    ob = Obligation(key=key, plan_id=world["plan"].id, unit_id=unit.id, role=role, mode=mode, kind=kind, period="2025",
                    period_start=D(2025, 1, 1), period_end=D(2025, 12, 31), cutoff=D(2025, 11, 7), due_date=due)
    session.add(ob)
    session.commit()
    return ob


def _sweep(session, settings, day: dt.date):
    cal = WorkCalendar.from_session(session)
    now = pendulum.datetime(day.year, day.month, day.day, 8, tz=TZ)
    out = decide(session, day=day, now=now, settings=settings, calendar=cal)
    session.commit()
    return out


def _who(world, decisions):
    names = {o.id: k for k, o in world["people"].items()}
    return sorted((d.kind, d.level, names[d.officer_id]) for d in decisions)


LADDER = {
    D(2025, 11, 3): [("reminder", 0, "unit_focal")],  # 5 working days before Mon 10/11
    D(2025, 11, 6): [("reminder", 0, "unit_focal")],  # 2 working days before
    D(2025, 11, 10): [("reminder", 0, "unit_focal")],  # the day itself
    D(2025, 11, 11): [("escalation", 1, "unit_focal"), ("escalation", 1, "unit_head")],  # +1: officer and head
    D(2025, 11, 13): [("escalation", 2, "focal")],  # +3: the focal point
    D(2025, 11, 17): [("escalation", 3, "chair")],  # +5: the issuer's chair (15-16/11 is a weekend)
}


def test_ladder_for_an_assigned_unit_day_by_day(session, settings, world) -> None:
    _ob(session, world, unit=world["unit"], due=D(2025, 11, 10))
    got = {}
    for day in pendulum.interval(pendulum.date(2025, 10, 25), pendulum.date(2025, 11, 30)):
        d = D(day.year, day.month, day.day)
        decided = _who(world, _sweep(session, settings, d))
        if decided:
            got[d] = decided
    assert got == LADDER


def test_a_sweep_started_late_catches_up_the_missed_reminder(session, settings, world) -> None:
    """Nothing ran on Mon 3/11: Tuesday's sweep sends the 5-day reminder it missed, dated Monday."""
    _ob(session, world, unit=world["unit"], due=D(2025, 11, 10))
    assert _who(world, _sweep(session, settings, D(2025, 11, 4))) == [("reminder", 0, "unit_focal")]
    assert session.exec(select(Notice)).one().day == D(2025, 11, 3)
    assert _sweep(session, settings, D(2025, 11, 5)) == []


def test_requested_body_is_reminded_politely_and_never_escalated(session, settings, world) -> None:
    _ob(session, world, unit=world["mttq"], due=D(2025, 11, 10), mode="request")
    seen = []
    for day in pendulum.interval(pendulum.date(2025, 11, 1), pendulum.date(2025, 11, 30)):
        seen += _who(world, _sweep(session, settings, D(day.year, day.month, day.day)))
    assert ("escalation", 1, "mttq") not in seen
    assert all(kind == "reminder" for kind, _, _ in seen)
    assert seen.count(("reminder", 0, "mttq")) == 3
    assert seen.count(("reminder", 1, "mttq")) == 1  # one courteous note after the date


def test_rerun_of_the_same_day_decides_nothing_new(session, settings, world) -> None:
    _ob(session, world, unit=world["unit"], due=D(2025, 11, 10))
    assert len(_sweep(session, settings, D(2025, 11, 11))) == 2
    assert _sweep(session, settings, D(2025, 11, 11)) == []
    assert len(session.exec(select(Notice)).all()) == 2


def test_closed_obligation_gets_nothing(session, settings, world) -> None:
    ob = _ob(session, world, unit=world["unit"], due=D(2025, 11, 10))
    ob.closed, ob.status = True, "done"
    session.add(ob)
    session.commit()
    assert _sweep(session, settings, D(2025, 11, 10)) == []


def test_missed_days_are_caught_up_once_with_the_newest_step_only(session, settings, world) -> None:
    """The server was down Mon 3/11 – Wed 5/11: Thursday's sweep sends the 2-day reminder, not the 5-day one."""
    _ob(session, world, unit=world["unit"], due=D(2025, 11, 10))
    assert _who(world, _sweep(session, settings, D(2025, 11, 6))) == [("reminder", 0, "unit_focal")]
    notice = session.exec(select(Notice)).one()
    assert notice.day == D(2025, 11, 6)


def test_reminder_counter_and_escalation_level(session, settings, world) -> None:
    ob = _ob(session, world, unit=world["unit"], due=D(2025, 11, 10))
    for day in (D(2025, 11, 3), D(2025, 11, 6), D(2025, 11, 10), D(2025, 11, 11), D(2025, 11, 13)):
        _sweep(session, settings, day)
    session.expire_all()
    ob = session.get(Obligation, ob.id)
    assert ob.reminders_sent == 3
    assert ob.escalation_level == 2


def test_extended_deadline_moves_the_ladder(session, settings, world) -> None:
    ob = _ob(session, world, unit=world["unit"], due=D(2025, 11, 10))
    ob.extended_due = D(2025, 11, 20)
    session.add(ob)
    session.commit()
    assert _sweep(session, settings, D(2025, 11, 11)) == []
    assert _who(world, _sweep(session, settings, D(2025, 11, 20))) == [("reminder", 0, "unit_focal")]


def test_no_decision_on_weekend_or_holiday(engine, session, settings, world) -> None:
    _ob(session, world, unit=world["unit"], due=D(2025, 9, 3))
    for day in (D(2025, 11, 15), D(2025, 9, 1), D(2025, 9, 2)):  # Saturday; Quốc khánh and its adjacent day
        now = pendulum.datetime(day.year, day.month, day.day, 8, tz=TZ)
        result = run_daily(engine=engine, settings=settings, now=now, deliver=False, compile_reports=False)
        assert not result.working_day and result.decisions == []


def test_stale_continuous_task_flagged_once(session, settings, world) -> None:
    ob = _ob(session, world, unit=world["unit"], due=D(2025, 12, 10), kind="continuous")
    now = pendulum.datetime(2025, 4, 1, 8, tz=TZ)
    first = flag_stale(session, day=D(2025, 4, 1), now=now, settings=settings)
    session.commit()
    assert _who(world, first) == [("stale", 0, "focal")]
    assert flag_stale(session, day=D(2025, 4, 2), now=now, settings=settings) == []
    session.expire_all()
    assert session.get(Obligation, ob.id).stale


def test_recently_updated_continuous_task_is_not_stale(session, settings, world) -> None:
    ob = _ob(session, world, unit=world["unit"], due=D(2025, 12, 10), kind="continuous")
    ob.last_update_at = pendulum.datetime(2025, 3, 1, 9, tz=TZ)
    session.add(ob)
    session.commit()
    assert flag_stale(session, day=D(2025, 4, 1), now=pendulum.datetime(2025, 4, 1, 8, tz=TZ),
                      settings=settings) == []
