"""The composition root: what a process needs, built once and handed down.

Settings come from the environment (`config.get_settings()`, cached); the engine from the settings
(`db.get_engine`, one pool per URL and process) with the schema created or upgraded on first use; the
notifier from the settings (apprise behind the Notifier port, or the outbox when DONDOC_OUTBOX is set); the
clock is `dondoc.clock` (tests freeze it with `clock.use`). The edges — cli/, tasks/ and flows/, web/ — call
these functions; capability packages never build their own settings, engine or notifier, they receive them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dondoc.config import Settings, get_settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dondoc.notifications.port import Notifier


def settings() -> Settings:
    return get_settings()


def ready_engine(settings: Settings | None = None) -> Engine:
    """The configured database, created or upgraded to the current schema on first use."""
    from dondoc.db import ensure_schema, get_engine

    settings = settings or get_settings()
    if settings.is_sqlite:
        settings.home.mkdir(parents=True, exist_ok=True, mode=0o700)
    engine = get_engine(settings)
    ensure_schema(engine)
    if settings.is_sqlite and engine.url.database and engine.url.database != ":memory:":
        import os

        os.chmod(engine.url.database, 0o600)  # the database holds sealed secrets and personal data
    return engine


def notifier(settings: Settings | None = None) -> Notifier:
    """The process's notifier: apprise channels (or the outbox folder when Settings.outbox is set)."""
    from dondoc.notifications import get_notifier

    return get_notifier(settings or get_settings())
