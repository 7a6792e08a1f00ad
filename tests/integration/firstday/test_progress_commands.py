"""Issue 17 item 12: long commands show a progress bar on a terminal (stderr), nothing extra when piped or --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dondoc.cli import app

ROOT = Path(__file__).resolve().parents[3]
runner = CliRunner()


@pytest.fixture
def stored(settings):  # a directory and a plan in the test database
    assert runner.invoke(app, ["directory", "import", str(ROOT / "examples" / "directory.yaml")]).exit_code == 0
    out = runner.invoke(app, ["plan", "import", str(ROOT / "examples" / "plans" / "004_3b3dcdee6daa1c7d.txt"),
                              "--json", "--activate"])
    assert out.exit_code == 0, out.output
    return settings


@pytest.mark.parametrize(("args", "label"), [
    (["run", "daily", "--at", "2025-11-03T08:00", "--no-deliver"], "Đang chạy lượt đôn đốc"),
    (["plan", "resolve"], "Đang xác định lại đơn vị của mọi kế hoạch đã lưu"),
])
def test_progress_on_a_terminal_only(stored, monkeypatch: pytest.MonkeyPatch, args: list[str], label: str) -> None:
    monkeypatch.setenv("DONDOC_PROGRESS", "1")  # a person watches
    shown = runner.invoke(app, args)
    assert shown.exit_code == 0, shown.output
    assert label in shown.stderr and label not in shown.stdout
    as_json = runner.invoke(app, [*args, "--json"])  # a script reads the output: no bar, valid JSON
    assert as_json.exit_code == 0 and label not in as_json.stderr
    json.loads(as_json.stdout.splitlines()[0])
    monkeypatch.setenv("DONDOC_PROGRESS", "0")  # piped
    piped = runner.invoke(app, args)
    assert piped.exit_code == 0 and label not in piped.stderr
