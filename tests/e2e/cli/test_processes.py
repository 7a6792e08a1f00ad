"""The CLI as whole processes: one `python -m dondoc.cli` run per command group.

Every other CLI test runs in-process (typer's CliRunner, or `dondoc.cli.main` through
tests/integration/hardening/conftest.py::cli); these show that each group still starts in a fresh
interpreter (its lazy imports resolve, its entry point exits with the right code). Whole-process runs that
do real work live beside them: tests/e2e/app (demo, seed 004 simulation), tests/e2e/hardening (kills,
restarts), tests/e2e/notifications (seed 004 delivery).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dondoc.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE_XLSX = ROOT / "examples" / "directory.xlsx"
SEEDS = ROOT.parent / "shared" / "seeds"

pytestmark = pytest.mark.slow

# Top-level commands and command groups of `dondoc` (see dondoc.cli.COMMAND_MODULES).
GROUPS = sorted(COMMANDS)  # every command the CLI lists (tests/unit/cli/test_registry.py ties it to the modules)


def test_every_group_is_smoke_tested() -> None:
    import typer.main

    from dondoc.cli import app

    assert sorted(typer.main.get_command(app).commands) == sorted(GROUPS)  # type: ignore[attr-defined]


@pytest.mark.parametrize("group", GROUPS)
def test_group_starts_as_a_process(group: str, sqlite_settings) -> None:
    proc = subprocess.run([sys.executable, "-m", "dondoc.cli", group, "--help"], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "COLUMNS": "200"}, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Usage:" in proc.stdout and group in proc.stdout
    assert "Traceback" not in proc.stderr


def test_unknown_command_exits_2_as_a_process(sqlite_settings) -> None:
    proc = subprocess.run([sys.executable, "-m", "dondoc.cli", "no-such-command"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_cli_process_prints_one_line_errors_and_checks_seed_004(settings, tmp_path: Path) -> None:
    env = {**os.environ}
    dondoc = [sys.executable, "-m", "dondoc.cli"]
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    proc = subprocess.run([*dondoc, "directory", "import", str(bad)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"dondoc: error: {bad}: không đọc được tệp Excel")
    proc = subprocess.run([*dondoc, "directory", "import", str(EXAMPLE_XLSX)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    seed = next(SEEDS.glob("004_*.txt"))
    proc = subprocess.run([*dondoc, "directory", "check", str(seed)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "UBND Phường 2 (P2)" in proc.stdout and ", 0 không khớp" in proc.stdout
