"""The command line's static registry (what `dondoc --help` lists without importing anything) matches what the
modules register, and help answers without importing the heavy libraries."""

from __future__ import annotations

import importlib

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
