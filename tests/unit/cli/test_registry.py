"""The command line's static registry (what `dondoc --help` lists without importing anything) matches what the
modules register, and help answers without importing the heavy libraries."""

from __future__ import annotations

import importlib
import subprocess
import sys

import typer

from dondoc.cli import COMMANDS


def _registered() -> dict[str, str]:
    owner: dict[str, str] = {}
    for module in dict.fromkeys(m for m, _ in COMMANDS.values()):
        sub = typer.Typer()
        importlib.import_module(f"dondoc.cli.{module}").register(sub)
        for cmd in sub.registered_commands:
            owner[cmd.name or cmd.callback.__name__.replace("_", "-")] = module  # type: ignore[union-attr]
        for grp in sub.registered_groups:
            owner[grp.name or grp.typer_instance.info.name] = module  # type: ignore[union-attr,assignment]
    return owner


def test_every_registered_command_is_listed_with_its_module() -> None:
    assert {name: module for name, (module, _) in COMMANDS.items()} == _registered()


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
