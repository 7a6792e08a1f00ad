"""Helpers shared by the CLI modules: settings, engine and a prepared database."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from dondoc.config import Settings, get_settings
from dondoc.db import ensure_schema, get_engine


def ready_engine(settings: Settings | None = None) -> Engine:
    """The configured database, created or upgraded to the current schema on first use."""
    settings = settings or get_settings()
    if settings.is_sqlite:
        settings.home.mkdir(parents=True, exist_ok=True, mode=0o700)
    engine = get_engine(settings)
    ensure_schema(engine)
    if settings.is_sqlite and engine.url.database and engine.url.database != ":memory:":
        import os

        os.chmod(engine.url.database, 0o600)  # the database holds sealed secrets and personal data
    return engine
