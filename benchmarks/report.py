"""Benchmark: the consolidated report of 125 units x 60 tasks (7,500 obligations, 7,500 submissions).

Prints the time of each stage (snapshot from the database, Word, Excel, the whole compile_report)
and the peak memory: the process's max RSS, and (second pass, with --heap) the tracemalloc peak of the
Python heap during compile_report (tracemalloc slows Python several times, so it is not timed).
Goal: <= 5 s and <= 500 MB. Usage: .venv/bin/python benchmarks/report.py [--units 125] [--tasks 60] [--pg URL]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

import pendulum
from sqlmodel import Session

from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.db import make_engine, upgrade
from dondoc.reporting.compile import compile_report
from dondoc.reporting.docx_report import render_report_docx
from dondoc.reporting.sample import seed_bulk
from dondoc.reporting.snapshot import build_snapshot
from dondoc.reporting.xlsx_report import render_report_xlsx


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=125)
    ap.add_argument("--tasks", type=int, default=60)
    ap.add_argument("--heap", action="store_true", help="also measure the Python heap peak (slow)")
    ap.add_argument("--pg", help="PostgreSQL URL of an EMPTY database/schema to use instead of SQLite")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="dondoc-bench-report-"))
    url = args.pg or f"sqlite:///{home / 'dondoc.db'}"
    engine = make_engine(url)
    upgrade(engine)
    t0 = time.perf_counter()
    with Session(engine, expire_on_commit=False) as s:
        info = seed_bulk(s, units=args.units, tasks=args.tasks)
    print(f"seeded {info['obligations']} obligations, {info['submissions']} submissions in {time.perf_counter() - t0:.2f} s")
    now = pendulum.datetime(2025, 11, 13, 9, tz=TZ)
    settings = Settings(home=home, database_url=url, secret_key="benchmark-secret-key-not-for-production")

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    with Session(engine) as s:
        snap = build_snapshot(s, plan_id=info["plan_id"], period="2025", now=now)
    t_snap = time.perf_counter() - t
    t = time.perf_counter()
    docx_bytes = render_report_docx(snap, home / "r.docx")
    t_docx = time.perf_counter() - t
    t = time.perf_counter()
    xlsx_bytes = render_report_xlsx(snap, home / "r.xlsx")
    t_xlsx = time.perf_counter() - t
    t = time.perf_counter()
    row = compile_report(engine=engine, settings=settings, plan_id=info["plan_id"], period="2025", now=now)
    t_compile = time.perf_counter() - t
    t = time.perf_counter()
    compile_report(engine=engine, settings=settings, plan_id=info["plan_id"], period="2025", now=now.add(days=1))
    t_again = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    heap = ""
    if args.heap:
        from sqlmodel import delete

        from dondoc.db import session_scope
        from dondoc.models import CompiledReport

        with session_scope(engine) as s:
            s.exec(delete(CompiledReport))  # type: ignore[call-overload]
        tracemalloc.start()
        compile_report(engine=engine, settings=settings, plan_id=info["plan_id"], period="2025", now=now, send=False)
        heap = f"; python heap peak in compile_report {tracemalloc.get_traced_memory()[1] / 1e6:.0f} MB"
        tracemalloc.stop()
    print(f"snapshot {t_snap:.2f} s | docx {t_docx:.2f} s ({len(docx_bytes) / 1e6:.1f} MB) | "
          f"xlsx {t_xlsx:.2f} s ({len(xlsx_bytes) / 1e6:.1f} MB)")
    print(f"compile_report (snapshot + store + docx + xlsx + message): {t_compile:.2f} s; "
          f"again (stored snapshot reused): {t_again:.2f} s")
    print(f"process max RSS {rss:.0f} MB (after seeding {rss_before:.0f} MB){heap}")
    print(f"timeliness: {snap['timeliness']['counts']}, not reported: {len(snap['timeliness']['not_reported'])}, "
          f"stored: {row.docx_path}")


if __name__ == "__main__":
    main()
