"""Helpers for the hardening tests: run the CLI (in-process, or as a real subprocess), count every table's rows."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import dondoc.models  # noqa: F401
from dondoc.config import reset_settings
from dondoc.db import dispose_engines

ROOT = Path(__file__).resolve().parents[3]
BAD = ROOT / "tests" / "data" / "bad"
EXAMPLES = ROOT / "examples"
SEED_004 = EXAMPLES / "plans" / "004_3b3dcdee6daa1c7d.txt"
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120, cwd: Path | None = None) -> Run:
    """`dondoc ARGS` in this process, through `dondoc.cli.main` (so DondocErrors become one line and an exit
    code exactly as in the real command), with this process's environment (DONDOC_* included) plus `env`.

    Settings and engines are cached per process: both are reset before and after, so each invocation reads the
    environment afresh, as a new process would. `timeout` is accepted for the subprocess signature and ignored."""
    from typer.testing import CliRunner

    from dondoc.cli import main

    runner = CliRunner()
    old_argv, old_cwd = sys.argv, Path.cwd()
    reset_settings()
    try:
        with runner.isolation(env={"COLUMNS": "200", **(env or {})}) as (out, err, _):
            sys.argv = ["dondoc", *args]
            if cwd is not None:
                os.chdir(cwd)
            try:
                main()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
            return Run(code, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace"))
    finally:
        sys.argv = old_argv
        os.chdir(old_cwd)
        reset_settings()
        dispose_engines()


def cli_process(*args: str, env: dict[str, str] | None = None, timeout: float = 120, cwd: Path | None = None) -> Run:
    """`python -m dondoc.cli ARGS` in a child process with this process's environment (DONDOC_* included)."""
    proc = subprocess.run([PYTHON, "-m", "dondoc.cli", *args], capture_output=True, text=True, timeout=timeout, check=False,
                          env={**os.environ, "COLUMNS": "200", **(env or {})}, cwd=cwd)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows of every table of the schema."""
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in SQLModel.metadata.sorted_tables}
