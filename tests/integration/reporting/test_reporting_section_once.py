"""Issue 17 item 4: the plan's reporting section is asked once (as the report), not also as a 'chủ trì' task."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import Session, create_engine, select
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.models import Assignment, Obligation, ReportObligation
from dondoc.vietnamese import fold

ROOT = Path(__file__).resolve().parents[3]


def _words(text: str | None) -> str:
    return "".join(ch for ch in fold(text or "") if ch.isalnum())
runner = CliRunner()


@pytest.mark.parametrize("seed", ["002_5e96f8da14096f37.txt", "004_3b3dcdee6daa1c7d.txt"])
def test_reporting_section_once_per_unit(settings, seed: str) -> None:
    assert runner.invoke(app, ["directory", "import", str(ROOT / "examples" / "directory.yaml")]).exit_code == 0
    out = runner.invoke(app, ["plan", "import", str(ROOT / "examples" / "plans" / seed), "--json", "--activate"])
    assert out.exit_code == 0, out.output
    plan_id = json.loads(out.output)["plan"]
    with Session(create_engine(settings.db_url)) as s:
        tasks = {a.id: _words(a.text) for a in s.exec(select(Assignment).where(Assignment.plan_id == plan_id)).all()}
        said = {r.id: _words(r.text) for r in s.exec(select(ReportObligation).where(ReportObligation.plan_id == plan_id)).all()}
        obs = s.exec(select(Obligation).where(Obligation.plan_id == plan_id)).all()
    reported = {(said[o.report_id], o.unit_id, o.period) for o in obs if o.report_id and o.role == "report"}
    assert reported, "the plan's reporting section gives report obligations"
    # A task whose words hold the reporting sentence, asked of a unit that also has that report to send.
    twice = [o for o in obs if o.assignment_id and any(
        text in tasks[o.assignment_id] and unit == o.unit_id and period == o.period for text, unit, period in reported)]
    assert not twice, f"{len(twice)} units asked for their report twice (as a task and as a report)"
    # Still one obligation per unit, task and period (nothing else lost).
    keys = Counter((o.assignment_id, o.report_id, o.unit_id, o.officer_id, o.role, o.period) for o in obs)
    assert max(keys.values()) == 1
