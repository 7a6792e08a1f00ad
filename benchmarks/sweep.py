"""Daily sweep at province scale (>= 200,000 obligations) on SQLite and PostgreSQL, against a naive
baseline in the same run: one Prefect task run per obligation on a 2,000-obligation subset.

usage: .venv/bin/python benchmarks/sweep.py [--plans 40] [--naive 2000] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

import pendulum
from sqlmodel import Session, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _province import build_directory, build_plans, drop, fresh_engine

from dondoc.app.daily import run_daily
from dondoc.calendar.workdays import WorkCalendar
from dondoc.clock import TZ
from dondoc.db import session_scope
from dondoc.models import Notice, Obligation

DAY = dt.date(2025, 6, 18)


def sweep(backend: str, plans: int) -> dict[str, float]:
    engine, settings = fresh_engine(backend, "sweep")
    t0 = time.perf_counter()
    units = build_directory(engine)
    n = build_plans(engine, units, plans=plans)
    build = time.perf_counter() - t0
    # The first sweep on a new database also catches up 3 missed working days; then the steady state.
    t0 = time.perf_counter()
    catchup = run_daily(engine=engine, settings=settings, now=pendulum.datetime(2025, 6, 13, 8, tz=TZ),
                        deliver=False, compile_reports=False)
    first_s = time.perf_counter() - t0
    for d in (16, 17):
        run_daily(engine=engine, settings=settings, now=pendulum.datetime(2025, 6, d, 8, tz=TZ), deliver=False,
                  compile_reports=False)
    now = pendulum.datetime(DAY.year, DAY.month, DAY.day, 8, tz=TZ)
    t0 = time.perf_counter()
    result = run_daily(engine=engine, settings=settings, now=now, deliver=False, compile_reports=False)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = run_daily(engine=engine, settings=settings, now=now, deliver=False, compile_reports=False)
    rerun = time.perf_counter() - t0
    with Session(engine) as s:
        notices = s.exec(select(func.count()).select_from(Notice)).one()
    drop(engine)
    assert not again.decisions, "a rerun must decide nothing"
    return {"obligations": n, "build_s": build, "sweep_s": first, "rerun_s": rerun, "notices": notices,
            "decided": len(result.decisions), "catchup_s": first_s, "catchup_decided": len(catchup.decisions)}


def naive(n_obligations: int) -> dict[str, float]:
    """One Prefect task run per obligation, each deciding for its own obligation."""
    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="dondoc-bench-prefect-"))
    os.environ["PREFECT_LOGGING_LEVEL"] = "ERROR"
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    from prefect import flow, task

    engine, _settings = fresh_engine("sqlite", "naive")
    units = build_directory(engine)
    build_plans(engine, units, plans=1, tasks=max(1, n_obligations // (125 * 4)))
    with Session(engine) as s:
        ids = s.exec(select(Obligation.id).order_by(Obligation.id).limit(n_obligations)).all()
    cal = WorkCalendar()
    now = pendulum.datetime(DAY.year, DAY.month, DAY.day, 8, tz=TZ)

    @task
    def decide_one(ob_id: int) -> int:
        with session_scope(engine) as s:
            ob = s.get(Obligation, ob_id)
            # the per-item version of the same rule: is today a reminder or escalation day for it?
            steps = {cal.add_working_days(DAY, k) for k in (5, 2, 0)} | {cal.add_working_days(DAY, -k)
                                                                        for k in (1, 3, 5)}
            if ob.due_date in steps and not ob.closed:
                s.add(Notice(obligation_id=ob.id, officer_id=1, kind="reminder", level=0, day=DAY, created_at=now))
            return ob_id

    @flow
    def naive_sweep(obligation_ids: list[int]) -> None:
        for i in obligation_ids:
            decide_one(i)

    naive_sweep([ids[0]])  # warm-up (server start)
    t0 = time.perf_counter()
    naive_sweep(list(ids[1:]))
    elapsed = time.perf_counter() - t0
    drop(engine)
    return {"obligations": len(ids) - 1, "seconds": elapsed, "per_obligation_ms": 1000 * elapsed / (len(ids) - 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=40)
    ap.add_argument("--naive", type=int, default=2000)
    ap.add_argument("--backends", default="sqlite,postgresql")
    args = ap.parse_args()
    rows = []
    for backend in args.backends.split(","):
        r = sweep(backend, args.plans)
        rows.append((backend, r))
        print(f"{backend:<10} obligations={r['obligations']:,} build={r['build_s']:.1f}s "
              f"first sweep (catching up 4 days)={r['catchup_s']:.3f}s decided={r['catchup_decided']:,} | "
              f"daily sweep={r['sweep_s']:.3f}s decided={r['decided']:,} rerun={r['rerun_s']:.3f}s "
              f"per_obligation={1e6 * r['sweep_s'] / r['obligations']:.2f}µs", flush=True)
    if args.naive:
        nv = naive(args.naive)
        print(f"naive      one Prefect task per obligation: {nv['obligations']:,} in {nv['seconds']:.1f}s = "
              f"{nv['per_obligation_ms']:.2f} ms/obligation", flush=True)
        for backend, r in rows:
            per = r["sweep_s"] / r["obligations"]
            print(f"speed-up {backend}: {nv['per_obligation_ms'] / 1000 / per:,.0f}x cheaper per obligation "
                  f"(extrapolated naive sweep of {r['obligations']:,}: {nv['per_obligation_ms'] * r['obligations'] / 1000 / 60:.0f} min)")


if __name__ == "__main__":
    main()
