"""Unit tests: no database, no subprocess, no network. A test here that asks for a database fixture or
starts a process fails at once, so the unit loop stays seconds long."""

from __future__ import annotations

import subprocess

import pytest

_DATABASE_FIXTURES = {"db_url", "engine", "session", "settings", "sqlite_settings", "pg_schema_url", "sqlite_template"}


def pytest_runtest_setup(item: pytest.Item) -> None:
    used = _DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    if used:
        pytest.fail(f"unit tests take no database: {item.nodeid} uses {sorted(used)}; move it to tests/integration")


@pytest.fixture(autouse=True)
def _no_subprocess(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("unit tests start no process; move this test to tests/integration or tests/e2e")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
