"""A snapshot of the sample district plan (dondoc.reporting.sample), built once on SQLite, and its renderings."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pendulum
import pytest
from sqlmodel import Session

from dondoc.clock import TZ
from dondoc.db import make_engine
from dondoc.reporting.sample import seed_sample
from dondoc.reporting.snapshot import build_snapshot

AFTER_CUTOFF = pendulum.datetime(2025, 11, 13, 9, 0, tz=TZ)


@pytest.fixture(scope="session")
def sample_db(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    with Session(engine, expire_on_commit=False) as s:
        ids = seed_sample(s)
    engine.dispose()
    return url, ids


@pytest.fixture(scope="session")
def snapshot(sample_db: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    url, ids = sample_db
    engine = make_engine(url)
    with Session(engine) as s:
        snap = build_snapshot(s, plan_id=ids["plan_id"], period="2025", now=AFTER_CUTOFF)
    engine.dispose()
    return snap


@pytest.fixture(scope="session")
def report_docx(snapshot: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dondoc.reporting.docx_report import render_report_docx

    path = tmp_path_factory.mktemp("docx") / "report.docx"
    render_report_docx(snapshot, path)
    return path
