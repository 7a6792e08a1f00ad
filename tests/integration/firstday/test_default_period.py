"""Issue 17 item 3: the report's default period is the plan's next (or most recently passed) deadline's."""

from __future__ import annotations

import datetime as dt

import pendulum

from dondoc.clock import TZ
from dondoc.models import Obligation, Plan, Unit
from dondoc.reporting.period import default_period


def _plan(session, *, compiles: bool) -> Plan:
    unit = Unit(code="SNV", name="Sở Nội vụ")
    session.add(unit)
    session.flush()
    plan = Plan(source_name="kh.txt", source_hash="x", title="Kế hoạch", year=2025, focal_unit_id=unit.id)
    session.add(plan)
    session.flush()
    for period, due in (("2025-Q3", dt.date(2025, 9, 18)), ("2025-Q4", dt.date(2025, 12, 11)), ("2025", dt.date(2025, 12, 16))):
        session.add(Obligation(key=f"{period}-{compiles}", plan_id=plan.id, unit_id=unit.id,
                               role="compile" if compiles else "lead", period=period,
                               period_start=dt.date(2025, 7, 1), period_end=dt.date(2025, 12, 31),
                               cutoff=due, due_date=due))
    session.flush()
    return plan


def _at(y: int, m: int, d: int) -> pendulum.DateTime:
    return pendulum.datetime(y, m, d, 9, tz=TZ)


def test_plan_without_reporting_section_defaults_to_its_last_period_not_this_year(session) -> None:
    plan = _plan(session, compiles=False)
    # A year after the plan's last deadline: the most recently passed period, never "2026".
    assert default_period(session, plan=plan, now=_at(2026, 12, 7)) == "2025"
    # Before the first deadline: the next one.
    assert default_period(session, plan=plan, now=_at(2025, 8, 1)) == "2025-Q3"
    assert default_period(session, plan=plan, now=_at(2025, 10, 1)) == "2025-Q4"


def test_compile_obligations_set_the_deadlines(session) -> None:
    plan = _plan(session, compiles=True)
    assert default_period(session, plan=plan, now=_at(2026, 12, 7)) == "2025"
    assert default_period(session, plan=plan, now=_at(2025, 9, 1)) == "2025-Q3"


def test_plan_without_obligations_uses_its_own_year(session) -> None:
    plan = Plan(source_name="kh.txt", source_hash="y", title="Kế hoạch", year=2025)
    session.add(plan)
    session.flush()
    assert default_period(session, plan=plan, now=_at(2026, 12, 7)) == "2025"
