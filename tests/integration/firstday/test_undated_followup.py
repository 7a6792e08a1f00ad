"""Issue 17 item 10: undated tasks are tracked (stale rule, no overdue escalation); the policy shows in `plan show`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pendulum
from sqlmodel import select
from typer.testing import CliRunner

from dondoc.calendar.workdays import WorkCalendar
from dondoc.cli import app
from dondoc.clock import TZ
from dondoc.followup.sweep import decide, flag_stale
from dondoc.models import Notice, Obligation
from tests.integration.followup.test_followup import world  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[3]
runner = CliRunner()


def _ob(session, world, kind: str) -> Obligation:  # noqa: F811
    ob = Obligation(key=kind, plan_id=world["plan"].id, unit_id=world["unit"].id, role="lead", kind=kind,
                    period="2025", period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31),
                    cutoff=dt.date(2025, 6, 14), due_date=dt.date(2025, 6, 16))
    session.add(ob)
    session.commit()
    return ob


def test_undated_task_not_escalated_but_flagged_stale(session, settings, world) -> None:  # noqa: F811
    undated = _ob(session, world, "unspecified")
    dated = _ob(session, world, "once")
    cal = WorkCalendar.from_session(session)
    day = cal.add_working_days(dt.date(2025, 6, 16), 1)  # the first escalation rung
    now = pendulum.datetime(day.year, day.month, day.day, 8, tz=TZ)
    decided = decide(session, day=day, now=now, settings=settings, calendar=cal)
    session.commit()
    assert {(d.obligation_id, d.kind) for d in decided} == {(dated.id, "escalation")}
    later = dt.date(2025, 8, 1)
    stale = flag_stale(session, day=later, now=pendulum.datetime(2025, 8, 1, 8, tz=TZ), settings=settings)
    session.commit()
    assert {d.obligation_id for d in stale} == {undated.id}
    assert session.get(Obligation, undated.id).stale
    assert session.exec(select(Notice).where(Notice.kind == "stale")).all()


def test_plan_show_states_the_policy_and_plan_policy_changes_it(settings) -> None:
    assert runner.invoke(app, ["directory", "import", str(ROOT / "examples" / "directory.yaml")]).exit_code == 0
    seed = ROOT / "examples" / "plans" / "004_3b3dcdee6daa1c7d.txt"
    plan = json.loads(runner.invoke(app, ["plan", "import", str(seed), "--json", "--activate"]).output)["plan"]
    shown = runner.invoke(app, ["plan", "show", str(plan)])
    assert shown.exit_code == 0 and "Nhiệm vụ không có thời hạn" in shown.output and "track" in shown.output
    as_json = json.loads(runner.invoke(app, ["plan", "show", str(plan), "--json"]).output)
    assert as_json["undated"]["policy"] == "track"
    changed = runner.invoke(app, ["plan", "policy", str(plan), "--undated", "default_date"])
    assert changed.exit_code == 0, changed.output
    assert json.loads(runner.invoke(app, ["plan", "show", str(plan), "--json"]).output)["undated"]["policy"] == "default_date"
    bad = runner.invoke(app, ["plan", "policy", str(plan), "--undated", "deadline"])
    assert bad.exit_code != 0
