"""50 concurrent submissions against `dondoc web` running as its own process on 127.0.0.1 lose nothing:
every one is stored with its audit row (SQLite and PostgreSQL). Uses the load script benchmarks/web.py."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]


def bench() -> object:
    spec = importlib.util.spec_from_file_location("dondoc_bench_web", ROOT / "benchmarks" / "web.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_fifty_concurrent_submissions_lose_nothing(database: str, tmp_path: Path) -> None:  # sqlite, postgresql (--db)
    b = bench()
    p = b.prepare(database, 50, tmp_path)  # type: ignore[attr-defined]
    proc, url = b.start_server(p, 1)  # type: ignore[attr-defined]
    try:
        times, failures = asyncio.run(b._clients(url, p, 2, "submit"))  # type: ignore[attr-defined]
    finally:
        b.stop_server(proc)  # type: ignore[attr-defined]
    try:
        assert failures == 0 and len(times) == 100
        updates, audits, touched = b.check(p, 100)  # type: ignore[attr-defined]
        assert (updates, audits, touched) == (100, 100, 50)
    finally:
        b.drop(p)  # type: ignore[attr-defined]
