"""Shared fixtures.

`engine` is parametrised over SQLite and PostgreSQL: every database test runs on both by default;
`--db sqlite` or `--db postgresql` narrows the run to one of them (`--db all` is the default, and what
CI runs). PostgreSQL is the server at 127.0.0.1:5432 (trust auth, database `test`, override with
DONDOC_TEST_PG_URL); each xdist worker gets its own schema, migrated once and emptied between tests
with DELETE in reverse foreign-key order plus one `setval` over the sequences that were used (ids
start at 1 again) — ~10 ms, where `TRUNCATE ... RESTART IDENTITY CASCADE` took ~600 ms a test.
SQLite tests get a copy of a migrated template file, so each test starts from an empty, current schema.

Layout: tests/unit (no database, no subprocess, no network), tests/integration (a database, local
peers), tests/e2e (demo, browser, a real Prefect server, the CLI as a whole process). Marks: `slow`
(seconds: real servers, subprocesses, renders), `browser`, `prefect_server`; `-m "not slow"` skips them.

Property tests (hypothesis) are derandomised by default so that a CI run never turns red on an example
nobody has seen before; explore with fresh random examples with `pytest --hypothesis-profile=explore`
(and raise max_examples in the test while doing so), then keep what it finds as a fix and an @example.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import hypothesis
import pendulum
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

import dondoc.models  # noqa: F401
from dondoc import clock
from dondoc.config import Settings, reset_settings
from dondoc.db import dispose_engines, make_engine, upgrade

hypothesis.settings.register_profile("default", derandomize=True, print_blob=True)
hypothesis.settings.register_profile("explore", derandomize=False, print_blob=True)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

PG_URL = os.environ.get("DONDOC_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
PLANS = SHARED / "plans"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str]:
    schema = f"dondoc_test_{_worker()}_{os.getpid()}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


DATABASES = ("sqlite", "postgresql")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--db", choices=[*DATABASES, "all"], default="all",
                     help="database(s) the database tests run on (default: all = SQLite and PostgreSQL, as in CI)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses `db_url` (directly or through engine/session/settings) runs once per chosen database."""
    chosen = metafunc.config.getoption("--db")
    databases = DATABASES if chosen == "all" else (chosen,)
    if "db_url" in metafunc.fixturenames:
        metafunc.parametrize("db_url", databases, indirect=True)
    elif "database" in metafunc.fixturenames:  # tests that build their own database from its name (benchmarks)
        metafunc.parametrize("database", databases)


# DELETE child tables first (reverse of the foreign-key order), then put back at 1 only the sequences
# that were used: tests compare ids with literals (officer 1, /units/1 ...), as on a fresh SQLite file.
_DELETE_ALL = "; ".join(f'DELETE FROM "{t.name}"' for t in reversed(SQLModel.metadata.sorted_tables))
_RESTART_USED_SEQUENCES = (
    "SELECT setval(quote_ident(schemaname) || '.' || quote_ident(sequencename), 1, false) "
    "FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL"
)


def reset_pg(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(_DELETE_ALL)
        conn.exec_driver_sql(_RESTART_USED_SEQUENCES)


@pytest.fixture(scope="session")
def pg_reset_engine(pg_schema_url: str) -> Iterator[Engine]:
    """One small engine per worker for the reset between tests (a new connection per test costs more than the reset)."""
    engine = make_engine(pg_schema_url, pool_size=1, max_overflow=0)
    yield engine
    engine.dispose()


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "dondoc.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    reset_pg(request.getfixturevalue("pg_reset_engine"))
    return str(request.getfixturevalue("pg_schema_url"))


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as s:
        yield s


@pytest.fixture
def settings(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Settings pointing at a temporary data folder and the parametrised database (env too, for subprocesses)."""
    home = tmp_path / "home"
    monkeypatch.setenv("DONDOC_HOME", str(home))
    monkeypatch.setenv("DONDOC_DATABASE_URL", db_url)
    monkeypatch.setenv("DONDOC_SECRET_KEY", "test-secret-key-not-for-production")
    reset_settings()
    yield Settings(home=home, database_url=db_url, secret_key="test-secret-key-not-for-production")
    reset_settings()
    dispose_engines()


@pytest.fixture
def sqlite_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Settings on a fresh SQLite data folder only (for tests of the embedded default)."""
    home = tmp_path / "home"
    monkeypatch.setenv("DONDOC_HOME", str(home))
    monkeypatch.delenv("DONDOC_DATABASE_URL", raising=False)
    monkeypatch.setenv("DONDOC_SECRET_KEY", "test-secret-key-not-for-production")
    reset_settings()
    yield Settings(home=home, secret_key="test-secret-key-not-for-production")
    reset_settings()
    dispose_engines()


@pytest.fixture
def frozen_clock() -> Iterator[clock.FixedClock]:
    fixed = clock.FixedClock(pendulum.datetime(2025, 11, 5, 8, 0, tz=clock.TZ))
    clock.use(fixed)
    yield fixed
    clock.use(clock.SystemClock())


# Slow tests outside tests/e2e (LibreOffice renditions of every annotated plan, a whole `dondoc parse` process).
_SLOW_ELSEWHERE = (
    "tests/integration/plans/test_renditions.py::",  # builds .docx renditions of the plans (~15 s a worker) and LibreOffice PDFs
    "tests/e2e/cli/test_parse_cli.py::",  # `dondoc parse` as a subprocess
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(("tests/e2e/", *_SLOW_ELSEWHERE)):  # every whole-process test is slow
            item.add_marker(pytest.mark.slow)
