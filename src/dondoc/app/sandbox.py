"""A throwaway copy of the database for `dondoc simulate` (and anything else that must not write).

SQLite: the database file (and its WAL, if any) is copied into a temporary folder that also becomes
the simulation's data folder (compiled reports, outbox files land there, not in the live one); the live
file is only read. PostgreSQL: a temporary schema is created with the same tables, filled with a copy of
the rows of the live schema (its own sequences, so the live ones do not move), used through `search_path`,
then dropped.
"""

from __future__ import annotations

import contextlib
import secrets as pysecrets
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from dondoc.config import Settings


@dataclass
class Sandbox:
    engine: Engine
    settings: Settings
    description: str  # what a clerk reads: where the simulation writes


@contextlib.contextmanager
def sandbox(*, engine: Engine, settings: Settings) -> Iterator[Sandbox]:
    """A copy of the live database and settings pointing at it; everything is discarded on exit."""
    if engine.dialect.name == "sqlite":
        with _sqlite_copy(engine, settings) as box:
            yield box
    elif engine.dialect.name == "postgresql":
        with _pg_schema_copy(engine, settings) as box:
            yield box
    else:  # pragma: no cover - make_engine accepts only these two
        raise NotImplementedError(engine.dialect.name)


@contextlib.contextmanager
def _sqlite_copy(engine: Engine, settings: Settings) -> Iterator[Sandbox]:
    from dondoc.db import make_engine

    source = Path(str(engine.url.database))
    engine.dispose()  # no pooled connection of ours keeps a write lock or an unflushed WAL
    with tempfile.TemporaryDirectory(prefix="dondoc-sim-") as tmp:
        folder = Path(tmp)
        target = folder / "dondoc.db"
        shutil.copyfile(source, target)
        for suffix in ("-wal",):
            extra = source.with_name(source.name + suffix)
            if extra.exists():
                shutil.copyfile(extra, target.with_name(target.name + suffix))
        copy_settings = _folder_settings(settings, folder, database_url=f"sqlite:///{target}")
        box_engine = make_engine(copy_settings.db_url)
        try:
            yield Sandbox(box_engine, copy_settings,
                          f"mô phỏng trên bản sao cơ sở dữ liệu ({target}); cơ sở dữ liệu thật không bị thay đổi")
        finally:
            box_engine.dispose()


def _folder_settings(settings: Settings, folder: Path, *, database_url: str) -> Settings:
    """Settings whose data folder is `folder` (reports, outbox files, attachments land there), with the
    live key file copied so sealed contacts still open."""
    key = Path(settings.home) / "secret.key"
    if key.exists():
        shutil.copyfile(key, folder / "secret.key")
    return settings.model_copy(update={"home": folder, "database_url": database_url,
                                       "outbox": folder / "outbox" if settings.outbox is not None else None})


@contextlib.contextmanager
def _pg_schema_copy(engine: Engine, settings: Settings) -> Iterator[Sandbox]:
    from dondoc.db import make_engine

    schema = f"dondoc_sim_{pysecrets.token_hex(4)}"
    url = engine.url.render_as_string(hide_password=False)
    box_engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"}, pool_size=4, max_overflow=8)
    tables = SQLModel.metadata.sorted_tables
    try:
        with engine.begin() as conn:
            live = conn.execute(text("SELECT current_schema()")).scalar_one()
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        SQLModel.metadata.create_all(box_engine)
        with box_engine.begin() as conn:
            for table in tables:
                cols = ", ".join(f'"{c.name}"' for c in table.columns)
                conn.execute(text(f'INSERT INTO "{schema}"."{table.name}" ({cols}) '
                                  f'SELECT {cols} FROM "{live}"."{table.name}"'))
                for c in table.primary_key.columns:
                    if c.autoincrement is True or (c.autoincrement == "auto" and _is_int(c.type)):
                        conn.execute(text(
                            f"SELECT setval(pg_get_serial_sequence('\"{schema}\".\"{table.name}\"', '{c.name}'), "
                            f"COALESCE((SELECT MAX(\"{c.name}\") FROM \"{schema}\".\"{table.name}\"), 0) + 1, false)"))
        with tempfile.TemporaryDirectory(prefix="dondoc-sim-") as tmp:
            yield Sandbox(box_engine, _folder_settings(settings, Path(tmp), database_url=url),
                          f"mô phỏng trên bản sao tạm thời (schema {schema}); cơ sở dữ liệu thật không bị thay đổi")
    finally:
        box_engine.dispose()
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


def _is_int(column_type: Any) -> bool:
    """Whether a column holds integers (a type without a Python type, e.g. a string key, does not)."""
    try:
        return column_type.python_type is int
    except NotImplementedError:
        return False
