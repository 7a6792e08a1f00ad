"""Helpers for the hardening tests: run the real CLI as a subprocess, count every table's rows."""

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
    """`python -m dondoc.cli ARGS` in a child process with this process's environment (DONDOC_* included)."""
    proc = subprocess.run([PYTHON, "-m", "dondoc.cli", *args], capture_output=True, text=True, timeout=timeout, check=False,
                          env={**os.environ, "COLUMNS": "200", **(env or {})}, cwd=cwd)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows of every table of the schema."""
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in SQLModel.metadata.sorted_tables}
