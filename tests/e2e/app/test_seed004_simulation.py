"""Seed 004 over October–November 2025: the whole chain on a fake clock, through the CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import Counter

import pytest

from tests.conftest import EXAMPLES

SEED = EXAMPLES / "plans" / "004_3b3dcdee6daa1c7d.txt"


def dondoc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dondoc.cli", *args], capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_simulate_seed_004(settings) -> None:
    assert dondoc("directory", "import", str(EXAMPLES / "directory.xlsx")).returncode == 0
    imp = dondoc("plan", "import", "--activate", str(SEED), "--year", "2025", "--json")
    assert imp.returncode == 0, imp.stderr
    plan = json.loads(imp.stdout)["plan"]
    run = dondoc("simulate", "--from", "2025-10-01", "--to", "2025-11-30", "--on-time", "0.5", "--json", "--commit")
    assert run.returncode == 0, run.stderr
    events = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    kinds = Counter(e["kind"] for e in events)
    assert kinds["reminder"] > 0 and kinds["escalation"] > 0 and kinds["status"] > 0

    from dondoc.calendar.workdays import WorkCalendar

    cal = WorkCalendar()
    day = lambda e: dt.date.fromisoformat(e["at"][:10])  # noqa: E731
    # Nothing goes out on a weekend or a holiday.
    assert all(cal.is_working_day(day(e)) for e in events if e["kind"] in ("reminder", "escalation"))
    # Reminders for the 10/11 deadline come on working days up to it.
    unit_reminders = [e for e in events if e["kind"] == "reminder" and e["level"] == 0 and e["due"] == "2025-11-10"]
    assert unit_reminders and all(day(e) <= dt.date(2025, 11, 10) for e in unit_reminders)
    assert {day(e) for e in unit_reminders} == {dt.date(2025, 11, 3), dt.date(2025, 11, 6), dt.date(2025, 11, 10)}
    # No duplicate (obligation, kind, level, day, recipient).
    keys = Counter((e["obligation"], e["kind"], e["level"], e["at"][:10], e["recipient"]) for e in events
                   if e["kind"] in ("reminder", "escalation"))
    assert max(keys.values()) == 1
    # Escalations only for obligations not reported on time: never for one whose status came before its due date.
    reported_by = {}
    for e in events:
        if e["kind"] == "status":
            reported_by.setdefault(e["obligation"], day(e))
    for e in events:
        if e["kind"] == "escalation":
            sent = reported_by.get(e["obligation"])
            assert sent is None or sent > dt.date.fromisoformat(e["due"]), e
            assert sent is None or sent >= day(e), e
    # The consolidated report is compiled on or before Friday 14/11/2025 (15/11 is a Saturday).
    compiled = [e for e in events if e["kind"] == "report_compiled" and e["plan"] == plan]
    assert compiled and day(compiled[0]) <= dt.date(2025, 11, 14)

    # The compiled report counts exactly what was simulated up to its data cut-off.
    from sqlmodel import Session, create_engine, select

    from dondoc.models import CompiledReport, Obligation
    from dondoc.reporting.snapshot import TASK_ROLES

    engine = create_engine(settings.db_url)
    with Session(engine) as s:
        snap = s.exec(select(CompiledReport).where(CompiledReport.plan_id == plan)).first().snapshot
        in_report = {o.id for o in s.exec(select(Obligation).where(Obligation.plan_id == plan)).all()
                     if o.role in TASK_ROLES and o.period == snap["period"]["code"]}
    engine.dispose()
    as_of = snap["period"]["as_of_instant"]
    counted = [e for e in events if e["kind"] == "status" and e["obligation"] in in_report and e["at"] <= as_of]
    assert len(snap["submissions"]) == len(counted)
    assert sum(1 for x in snap["submissions"] if x["late"]) == sum(1 for e in counted if e["late"])
    t = snap["timeliness"]
    assert t["total"] == sum(u["total"] for u in t["units"])
    reported_units = {e["unit"] for e in counted}
    assert set(t["not_reported"]) == {u["unit"] for u in t["units"]} - reported_units
