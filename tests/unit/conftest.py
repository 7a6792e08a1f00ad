"""Unit tests: no database, no subprocess, no network. A unit test that asks for a database fixture,
connects an engine or starts a process fails at once, so the unit loop stays seconds long (a test
that needs one of them belongs in tests/integration or tests/e2e)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

_DATABASE_FIXTURES = {"db_url", "engine", "session", "settings", "sqlite_settings", "pg_schema_url", "sqlite_template"}


def pytest_runtest_setup(item: pytest.Item) -> None:
    used = _DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    if used:
        pytest.fail(f"unit tests take no database: {item.nodeid} uses {sorted(used)}; move it to tests/integration")


def _refuse(what: str):  # type: ignore[no-untyped-def]
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unit tests {what}; move this test to tests/integration or tests/e2e")

    return refuse


@pytest.fixture(scope="module", autouse=True)
def _no_database_no_process() -> Iterator[None]:
    """Module-scoped so that module-scoped fixtures of a unit module are guarded too."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Engine, "connect", _refuse("open no database connection"))
        mp.setattr(Engine, "raw_connection", _refuse("open no database connection"))
        mp.setattr(subprocess.Popen, "__init__", _refuse("start no process"))
        yield
