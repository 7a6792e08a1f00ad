"""The `dondoc` command. Each area registers its commands from its own module (see COMMAND_MODULES)."""

from __future__ import annotations

import importlib
import logging
import os
import sys

import typer

from dondoc.errors import DondocError

app = typer.Typer(
    name="dondoc",
    help="dondoc: theo dõi, đôn đốc thực hiện kế hoạch — follow-up engine for Vietnamese implementation plans.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

# Modules under dondoc.cli that define `register(app)`. Import is lazy per module so a
# missing optional piece never breaks the other commands.
COMMAND_MODULES = [
    "parse",
    "db",
    "directory",
    "plan",
    "schedule",
    "notify",
    "status",
    "web",
    "report",
    "demo",
    "calendar",
    "serve",
    "zalo",
    "keys",
]


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"dondoc.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"dondoc.cli.{name}":
                continue
            raise
        module.register(app)


_register_all()


def main() -> None:
    os.umask(0o077)  # every file and folder dondoc creates is private to its user
    logging.basicConfig(level=os.environ.get("DONDOC_LOG_LEVEL", "WARNING"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app()
    except DondocError as exc:
        typer.echo(f"dondoc: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("dondoc: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        reason = _database_unavailable(exc)
        if reason is None:
            raise
        typer.echo(f"dondoc: error: cơ sở dữ liệu không truy cập được (database unavailable: {reason}); "
                   "phần chưa ghi đã được hủy, hãy chạy lại khi cơ sở dữ liệu hoạt động trở lại", err=True)
        sys.exit(6)


def _database_unavailable(exc: BaseException) -> str | None:
    """The first line of the driver's message when `exc` is a lost/refused database connection."""
    try:
        from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
    except ImportError:  # pragma: no cover
        return None
    if isinstance(exc, (OperationalError, InterfaceError)) or (isinstance(exc, DBAPIError)
                                                                and exc.connection_invalidated):
        lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return lines[0] if lines else exc.__class__.__name__
    return None
