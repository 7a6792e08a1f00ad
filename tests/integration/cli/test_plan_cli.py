"""`dondoc plan import|list|show|export|delete`, `dondoc run daily`, `dondoc simulate` through the Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.errors import DondocError

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "examples" / "plans" / "004_3b3dcdee6daa1c7d.txt"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=True)


@pytest.fixture
def directory(settings):
    result = run("directory", "import", str(ROOT / "examples" / "directory.yaml"))
    assert result.exit_code == 0, result.output
    return settings


def test_import_list_show_and_reimport(directory) -> None:
    first = run("plan", "import", "--activate", str(SEED), "--json")
    assert first.exit_code == 0, first.output
    info = json.loads(first.output)
    assert info["status"] == "created" and info["unresolved"] == 0 and info["obligations"] > 0
    listed = json.loads(run("plan", "list", "--json").output)
    assert [(p["id"], p["year"], p["unresolved"]) for p in listed] == [(info["plan"], 2025, 0)]
    assert listed[0]["assignments"] == info["assignments"] and listed[0]["obligations"] == info["obligations"]
    shown = json.loads(run("plan", "show", str(info["plan"]), "--json").output)
    refs = {a["ref"] for a in shown["assignments"]}
    assert {"III.1.1", "IV.2", "IV.3"} <= refs
    assert shown["focal_unit"] == "UBND Phường 2"  # its công chức LĐ-TB&XH is the focal officer
    again = json.loads(run("plan", "import", "--activate", str(SEED), "--json").output)
    assert again["status"] == "unchanged" and again["plan"] == info["plan"]


def test_export_yaml_correct_and_reimport(directory, tmp_path) -> None:
    plan = json.loads(run("plan", "import", "--activate", str(SEED), "--json").output)["plan"]
    out = tmp_path / "plan.yaml"
    assert run("plan", "export", str(plan), "--format", "yaml", "-o", str(out)).exit_code == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["plan_id"] == plan and data["assignments"]
    data["assignments"][0]["lead"] = ["Công chức Văn hóa - Xã hội"]
    out.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    again = json.loads(run("plan", "import", "--activate", str(out), "--json").output)
    assert again["plan"] == plan and again["status"] == "updated" and again["unresolved"] == 0


def test_bad_export_format_and_unknown_plan(directory) -> None:
    bad = run("plan", "export", "1", "--format", "pdf")
    assert bad.exit_code != 0 and isinstance(bad.exception, DondocError)
    missing = run("plan", "show", "999")
    assert isinstance(missing.exception, DondocError) and "999" in str(missing.exception)


def test_run_daily_and_simulate_json(directory) -> None:
    assert run("plan", "import", "--activate", str(SEED), "--year", "2025").exit_code == 0
    weekend = json.loads(run("run", "daily", "--at", "2025-11-08", "--no-deliver", "--json").output)
    assert weekend["working_day"] is False and weekend["decided"] == {}
    monday = json.loads(run("run", "daily", "--at", "2025-11-03", "--no-deliver", "--json").output)
    assert monday["decided"].get("reminder", 0) > 0
    sim = run("simulate", "--from", "2025-11-03", "--to", "2025-11-04", "--json")
    assert sim.exit_code == 0, sim.output
    events = [json.loads(line) for line in sim.output.splitlines() if line.startswith("{")]
    assert events and set(events[0]) >= {"at", "kind", "plan", "obligation", "unit", "recipient", "due", "level"}
    # Monday's reminders were already decided by `run daily`: the simulation adds none for that day.
    assert not [e for e in events if e["at"].startswith("2025-11-03") and e["kind"] == "reminder"]


def test_delete(directory) -> None:
    plan = json.loads(run("plan", "import", "--activate", str(SEED), "--json").output)["plan"]
    assert run("plan", "delete", str(plan), "--yes").exit_code == 0
    assert json.loads(run("plan", "list", "--json").output) == []
