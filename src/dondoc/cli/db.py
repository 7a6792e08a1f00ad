"""`dondoc init` and `dondoc db upgrade|current`."""

from __future__ import annotations

import typer
from rich.console import Console

from dondoc.config import get_settings
from dondoc.db import current_revision, get_engine, upgrade

db_app = typer.Typer(help="Cơ sở dữ liệu — database schema (Alembic migrations).", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head")) -> None:
    """Apply migrations up to REVISION (default: head)."""
    engine = get_engine()
    upgrade(engine, revision)
    Console().print(f"schema at {current_revision(engine)}")


@db_app.command("current")
def db_current() -> None:
    """Print the schema revision of the configured database."""
    Console().print(current_revision(get_engine()) or "(empty database)")


def init() -> None:
    """Tạo thư mục dữ liệu và cơ sở dữ liệu (chạy lại nhiều lần không sao).
    Create the data folder and the database (safe to run again)."""
    from dondoc.cli._common import ready_engine
    from dondoc.secrets import ensure_key

    settings = get_settings()
    key = ensure_key(settings)  # a random key file (0600) unless DONDOC_SECRET_KEY is set; a weak key is refused
    engine = ready_engine(settings)
    Console().print(f"Khóa bí mật: {key or 'DONDOC_SECRET_KEY'}\nThư mục dữ liệu: {settings.home}\n"
                    f"Cơ sở dữ liệu: {engine.url.render_as_string(hide_password=True)}"
                    f"\nPhiên bản lược đồ: {current_revision(engine)}", soft_wrap=True, highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
    app.command("init")(init)
