"""`dondoc --help` answers from the static registry without importing the heavy libraries (whole processes)."""

from __future__ import annotations

import subprocess
import sys


def test_help_imports_no_heavy_library() -> None:
    code = ("import sys; sys.argv = ['dondoc', '--help']\n"
            "from dondoc.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('prefect', 'sqlalchemy', 'sqlmodel', 'fastapi', 'docx', 'pdfplumber', 'apprise')"
            " if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out
    assert "Lệnh (commands)" in out and "parse" in out


def test_a_command_runs_through_the_lazy_group() -> None:
    out = subprocess.run([sys.executable, "-c", "from dondoc.cli import main; main()", "nope"],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "No such command 'nope'" in out.stderr
