"""Benchmark of the tracking desk on a province-sized database: 40 plans x 10 tasks x 125 units x 4 quarters
= 200,000 obligations (about a third done, some extended, most updated once).

Measures, per backend: the ledger page (/so-theo-doi, varied filters and pages) with 20 concurrent staff
sessions (p50/p95/max), the leader's view (/tong-quan), and the Excel export of 10,000 rows.

The ledger page is measured twice:
- SERVED (the figure compared with the goal): the real server, `uvicorn --factory
  dondoc.web.app:create_app_from_env --workers N` (N = 2 and 4; the deployment runs 4), driven over HTTP by
  20 staff sessions from this process — closed loop with no think time (stress) and with 1–5 s of think
  time between clicks (an office at work); see benchmarks/_served.py;
- IN-PROCESS (kept for comparison with earlier runs): the app in this process through TestClient, 20
  threads sharing one interpreter and its GIL, which no deployment does.
The page's CPU in its handler alone, one request at a time, is printed too (benchmarks/_handler_cpu.py).

    PYTHONPATH=src python benchmarks/ledger.py [--db sqlite|postgresql|both] [--scale 1.0] [--fresh]
        [--workers 2,4] [--server-src DIR]

--server-src runs the server from another checkout's src/ (to measure a before/after on one database).

--scale 0.1 builds 4 plans (20,000 obligations) for quick iterations; the issue's figures are at --scale 1.
The built database is cached (SQLite: a file under ~/.cache/dondoc-bench, PostgreSQL: a schema), keyed by
the size and the migration's hash, so a second run measures at once; --fresh rebuilds it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _province import PG_URL, build_directory, build_plans, drop, fresh_engine
from sqlalchemy import inspect, text

FILTERS = ["", "overdue=1", "category=on_time", "unit=xa007", "plan=7", "q=nhiem+vu+3", "sort=unit&page=40",
           "due_within=14", "status=done&sort=updated&desc=1", "plan=3&unit=so04&category=overdue", "page=900"]


def enrich(engine) -> None:  # type: ignore[no-untyped-def]
    """Statuses, completions, updates and extensions spread over the rows (set-based updates)."""
    with engine.begin() as c:
        c.execute(text("UPDATE assignment SET search = lower(replace(replace(text, 'ệ', 'e'), 'ụ', 'u'))"))
        c.execute(text("UPDATE obligation SET status='done', closed=true, progress=100, "
                       "completed_at=created_at, last_update_at=created_at WHERE id % 3 = 0"))
        c.execute(text("UPDATE obligation SET status='in_progress', progress=40, last_update_at=created_at, "
                       "reminders_sent = id % 6 WHERE id % 3 = 1"))
        c.execute(text("UPDATE obligation SET extended_due = due_date WHERE id % 17 = 0"))
        c.execute(text("ANALYZE"))


def staff_client(engine, settings):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient
    from sqlmodel import select

    from dondoc import clock
    from dondoc.accounts.users import add_user
    from dondoc.db import session_scope
    from dondoc.models import StaffUser
    from dondoc.secrets import master_key
    from dondoc.web import create_app
    from dondoc.web.console.session import COOKIE, sign

    with session_scope(engine) as s:
        found = s.exec(select(StaffUser).where(StaffUser.name == "leader1")).first()
        uid = found.id if found else add_user(s, name="leader1", role="leader", password="mat-khau-rat-dai-2025",
                                              now=clock.now()).id
    app = create_app(settings, engine)
    key = master_key(settings)

    def make() -> TestClient:
        c = TestClient(app, base_url="http://127.0.0.1:8000")
        c.cookies.set(COOKIE, sign(key, {"u": uid, "n": "n", "t": int(clock.now().timestamp())}))
        return c
    return make


def staff_cookies(engine, settings, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    """n staff accounts (bench-staff-01..; focal staff without a unit, who see every plan, two clerks and
    two leaders) and a signed session cookie for each, as the login page would set."""
    from sqlmodel import select

    from dondoc import clock
    from dondoc.accounts.users import add_user
    from dondoc.db import session_scope
    from dondoc.models import StaffUser
    from dondoc.secrets import master_key
    from dondoc.web.console.session import sign

    key, ids = master_key(settings), []
    with session_scope(engine) as s:
        for i in range(1, n + 1):
            name = f"bench-staff-{i:02d}"
            role = "leader" if i % 10 == 0 else "clerk" if i % 10 == 5 else "focal"
            found = s.exec(select(StaffUser).where(StaffUser.name == name)).first()
            ids.append(found.id if found else add_user(s, name=name, role=role, password="mat-khau-rat-dai-2025",
                                                       now=clock.now()).id)
    now = int(clock.now().timestamp())
    return [sign(key, {"u": uid, "n": f"nonce{uid}", "t": now}) for uid in ids]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p * (len(xs) - 1)))]


CACHE = Path.home() / ".cache" / "dondoc-bench"
SECRET = "benchmark-secret-key-not-for-production"


def schema_hash() -> str:
    import dondoc

    versions = Path(dondoc.__file__).parent / "migrations" / "versions"
    h = hashlib.sha256()
    for f in sorted(versions.glob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()[:10]


def cached_engine(backend: str, plans: int, tasks: int, fresh: bool):  # type: ignore[no-untyped-def]
    """The benchmark database, built once per size and schema and kept (built = a `bench_built` table)."""
    from dondoc.config import Settings
    from dondoc.db import make_engine

    name = f"ledger_{plans}_{tasks}_{schema_hash()}"
    home = CACHE / name
    home.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{home / 'bench.db'}" if backend == "sqlite" else f"{PG_URL}?options=-csearch_path%3Dbench_{name}"
    schema = None if backend == "sqlite" else f"bench_{name}"
    if not fresh:
        try:
            engine = make_engine(url)
            if inspect(engine).has_table("bench_built", schema=schema):
                print(f"[{backend}] cached database {name}")
                return engine, Settings(home=home, database_url=url, secret_key=SECRET), False
            engine.dispose()
        except Exception:  # no such schema yet: build it
            pass
    if backend == "sqlite":
        (home / "bench.db").unlink(missing_ok=True)
    engine, settings = fresh_engine(backend, name, home=home, secret_key=SECRET)
    t0 = time.perf_counter()
    units = build_directory(engine)
    n = build_plans(engine, units, plans=plans, tasks=tasks)
    enrich(engine)
    if backend == "postgresql":  # what autovacuum does after a bulk load (index-only scans need the visibility map)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))
    with engine.begin() as c:
        c.execute(text("CREATE TABLE bench_built (n integer)"))
    print(f"[{backend}] built {n} obligations ({plans} plans, {len(units['units'])} units) in "
          f"{time.perf_counter() - t0:.0f} s")
    return engine, settings, True


def run(backend: str, plans: int, tasks: int, users: int, per_user: int, *, fresh: bool, keep: bool,
        workers: list[int], think_clicks: int, server_src: str | None, in_process: bool) -> None:
    engine, settings, _built = cached_engine(backend, plans, tasks, fresh)
    try:
        if workers:
            from _served import served

            from dondoc.web.console.session import COOKIE

            print(f"[{backend}] load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
                  f"({os.cpu_count()} cores; other processes share them); server code: {server_src or 'this checkout'}")
            served(backend, settings, staff_cookies(engine, settings, users), FILTERS, workers=workers,
                   per_user=per_user, think_clicks=think_clicks, cookie_name=COOKIE, src=server_src)
        if not in_process:
            return
        make = staff_client(engine, settings)
        warm = make()
        for f in FILTERS:
            assert warm.get(f"/so-theo-doi?{f}").status_code == 200
        times: list[float] = []
        lock = threading.Lock()

        def user(i: int) -> None:
            c, rnd = make(), random.Random(i)
            mine = []
            for _ in range(per_user):
                f = rnd.choice(FILTERS)
                t = time.perf_counter()
                r = c.get(f"/so-theo-doi?{f}")
                mine.append(time.perf_counter() - t)
                assert r.status_code == 200
            with lock:
                times.extend(mine)
        threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
        print(f"[{backend}] load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
              f"({os.cpu_count()} cores; other processes share them)")
        cpu0 = time.process_time()
        t = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t
        cpu = time.process_time() - cpu0
        print(f"[{backend}] IN-PROCESS (TestClient, {users} threads, one GIL) ledger page, {users} concurrent staff x {per_user}: p50 {statistics.median(times) * 1000:.0f} ms, "
              f"p95 {pct(times, .95) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms, {len(times) / wall:.1f} req/s; "
              f"this process's CPU {cpu / len(times) * 1000:.0f} ms per request")
        from _handler_cpu import handler_cpu, summary

        per, statements = handler_cpu(warm.app, dict(warm.cookies), FILTERS)
        print(f"[{backend}] ledger page CPU in its handler, one at a time (the ≤ 15 ms aim): {summary(per, statements)}")
        single, single_cpu = [], []
        for f in FILTERS:
            t, c0 = time.perf_counter(), time.process_time()
            warm.get(f"/so-theo-doi?{f}")
            single.append(time.perf_counter() - t)
            single_cpu.append(time.process_time() - c0)
        print(f"[{backend}] IN-PROCESS ledger page alone: p50 {statistics.median(single) * 1000:.0f} ms, "
              f"max {max(single) * 1000:.0f} ms (CPU p50 {statistics.median(single_cpu) * 1000:.0f} ms, "
              f"max {max(single_cpu) * 1000:.0f} ms)")
        lv, lv_cpu = [], []
        for _ in range(5):
            t, c0 = time.perf_counter(), time.process_time()
            assert warm.get("/tong-quan").status_code == 200
            lv.append(time.perf_counter() - t)
            lv_cpu.append(time.process_time() - c0)
        print(f"[{backend}] leader's view: median {statistics.median(lv) * 1000:.0f} ms, max {max(lv) * 1000:.0f} ms "
              f"(CPU median {statistics.median(lv_cpu) * 1000:.0f} ms)")
        t = time.perf_counter()
        r = warm.get("/so-theo-doi.xlsx?category=overdue")
        full = time.perf_counter() - t
        from dondoc.db import session_scope
        from dondoc.reporting.ledger_query import LedgerFilter, ledger_all, today
        from dondoc.reporting.ledger_xlsx import ledger_workbook

        t, c0 = time.perf_counter(), time.process_time()
        with session_scope(engine) as s:
            rows = ledger_all(s, LedgerFilter(), as_of=today(), limit=10_000)
        q, qc = time.perf_counter() - t, time.process_time() - c0
        data = ledger_workbook(rows, title="x", as_of=today())
        total, total_cpu = time.perf_counter() - t, time.process_time() - c0
        print(f"[{backend}] export of {len(rows)} rows: {total:.2f} s (query {q:.2f} s, workbook {total - q:.2f} s, "
              f"{len(data) // 1024} KiB; CPU {total_cpu:.2f} s: query {qc:.2f}, workbook {total_cpu - qc:.2f}); "
              f"/so-theo-doi.xlsx?category=overdue (every overdue row, at most 50,000) "
              f"({len(r.content) // 1024} KiB): {full:.2f} s")
    finally:
        if keep:
            engine.dispose()
        else:
            drop(engine)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="both", choices=["sqlite", "postgresql", "both"])
    ap.add_argument("--scale", type=float, default=1.0, help="1 = 40 plans (200,000 obligations)")
    ap.add_argument("--plans", type=int, default=None)
    ap.add_argument("--tasks", type=int, default=10)
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--per-user", type=int, default=10)
    ap.add_argument("--fresh", action="store_true", help="rebuild the cached database")
    ap.add_argument("--drop", action="store_true", help="drop the database afterwards (no cache)")
    ap.add_argument("--workers", default="2,4", help="server sizes for the SERVED runs (empty: none)")
    ap.add_argument("--think-clicks", type=int, default=8, help="pages per staff member with think time")
    ap.add_argument("--server-src", default=None, help="the server's code: another checkout's src/ (before/after)")
    ap.add_argument("--no-in-process", action="store_true", help="only the SERVED runs")
    a = ap.parse_args()
    plans = a.plans or max(1, round(40 * a.scale))
    for backend in (["sqlite", "postgresql"] if a.db == "both" else [a.db]):
        run(backend, plans, a.tasks, a.users, a.per_user, fresh=a.fresh, keep=not a.drop,
            workers=[int(w) for w in a.workers.split(",") if w.strip()], think_clicks=a.think_clicks,
            server_src=a.server_src, in_process=not a.no_in_process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
