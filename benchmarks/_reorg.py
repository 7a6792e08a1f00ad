"""A province after the 2025 reorganisation (issue 19), called by `benchmarks/province.py --reorg`.

A 130-commune province (Nghệ An, from `dondoc directory bootstrap`) with a head and a focal officer per unit,
N plans each addressed to all communes (3 monthly tasks + 1 quarterly report per commune: 40 obligations per
commune and plan; 40 plans = 208,000 obligations), then:
  import   import_plan of the example plan text addressed to all communes (target <= 3 s)
  sweep    the daily sweep (run_daily, deliver=False) on a working day
  focal    the focal page of a 130-unit plan (two communes in three reported), GET through the ASGI app, 40
           requests: p50 / p95 (<= 300 ms) and the median CPU time of a request (the machine is shared)
  report   compile_report of that plan's quarter (target <= 5 s)
Prints one line of figures per database.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import pendulum

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_PLAN = ROOT / "examples" / "province" / "plans" / "nghean-kh-cds-cap-xa-2025.txt"
TZ = "Asia/Ho_Chi_Minh"
NOW = pendulum.datetime(2025, 9, 1, 9, tz=TZ)
MONTHLY = {"text": "hằng tháng", "kind": "recurring", "due": None, "rrule": None, "period": "month"}
QUARTERLY = {"text": "hằng quý", "kind": "recurring", "due": None, "rrule": None, "period": "quarter"}


def plan_dict(n: int) -> dict[str, Any]:
    tasks = [{"ref": f"III.{k}", "item": 1, "text": f"Nhiệm vụ {k} của kế hoạch {n}", "lead": ["UBND các xã, phường"],
              "support": [], "mode": "assign", "timing": MONTHLY} for k in (1, 2, 3)]
    return {"schema_version": 1, "source": f"bench-{n}", "title": f"Kế hoạch đo hiệu năng số {n}",
            "number": f"{n}/KH-UBND", "issuer": "UBND tỉnh Nghệ An", "place": "Nghệ An", "issued_on": "2025-01-10",
            "year": 2025, "recipients": [], "targets": [], "warnings": [], "assignments": tasks,
            "reports": [{"ref": "IV.1", "text": "UBND các xã, phường báo cáo hằng quý về Sở Nội vụ",
                         "from": ["UBND các xã, phường"], "to": ["Sở Nội vụ"], "via": None, "compiles": False,
                         "timing": QUARTERLY},
                        {"ref": "IV.2", "text": "Sở Nội vụ tổng hợp, báo cáo UBND tỉnh", "from": ["Sở Nội vụ"],
                         "to": ["UBND tỉnh"], "via": None, "compiles": True, "timing": QUARTERLY}]}


def build(url: str, plans: int, home: Path) -> dict[str, Any]:
    from sqlmodel import func, select

    from dondoc.app.province_example import build as build_directory
    from dondoc.config import Settings
    from dondoc.db import make_engine, session_scope, upgrade
    from dondoc.intake.lifecycle import activate_plan
    from dondoc.intake.store import store_plan
    from dondoc.models import Obligation

    engine = make_engine(url)
    upgrade(engine)
    settings = Settings(home=home, database_url=url, secret_key="benchmark-secret-key-not-for-production-use")
    with session_scope(engine) as s:
        build_directory(s, now=NOW)
    started = time.perf_counter()
    for n in range(1, plans + 1):
        with session_scope(engine) as s:  # imported as a draft, then activated (obligations + assignment notices)
            stored = store_plan(s, parsed=plan_dict(n), source_name=f"bench-{n}.txt", source_hash=f"h{n}",
                                settings=settings, now=NOW)
            activate_plan(s, plan_id=stored.plan_id, settings=settings, now=NOW)
    build_s = time.perf_counter() - started
    reported(engine)
    with session_scope(engine) as s:
        total = int(s.exec(select(func.count()).select_from(Obligation)).one())
    return {"engine": engine, "settings": settings, "obligations": total, "build_s": build_s}


def reported(engine: Any, *, plan_number: str = "1/KH-UBND", period: str = "2025-08") -> int:
    """Two communes in three have reported on the measured plan and period (one a day late): the focal
    page and the report then show a real mix of sent and missing, not an empty plan."""
    from sqlmodel import col, select

    from dondoc.db import session_scope
    from dondoc.models import Obligation, Officer, Plan, StatusUpdate

    with session_scope(engine) as s:
        plan = s.exec(select(Plan).where(Plan.number == plan_number)).one()
        rows = s.exec(select(Obligation).where(Obligation.plan_id == plan.id, Obligation.period == period)
                      .order_by(col(Obligation.unit_id), col(Obligation.id))).all()
        staff = dict(s.exec(select(Officer.unit_id, Officer.id).where(Officer.role == "focal")).all())
        units = sorted({o.unit_id for o in rows})
        sent = {u for k, u in enumerate(units) if k % 3}
        n = 0
        for o in rows:
            if o.unit_id not in sent:
                continue
            at = pendulum.datetime(o.due_date.year, o.due_date.month, o.due_date.day, 10, tz=TZ).add(
                days=1 if o.unit_id % 7 == 0 else -2)
            s.add(StatusUpdate(obligation_id=o.id, officer_id=staff.get(o.unit_id), status="done", progress=100,  # type: ignore[arg-type]
                               result=f"Đã hoàn thành nhiệm vụ của kỳ {period}.", submitted_at=at, via="simulation"))
            o.status, o.progress, o.closed, o.last_update_at, o.completed_at = "done", 100, True, at, at
            s.add(o)
            n += 1
    return n


def measure(url: str, *, plans: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient
    from sqlmodel import select

    from dondoc import clock
    from dondoc.app.daily import run_daily
    from dondoc.collect.links import link_for
    from dondoc.db import optimize, session_scope
    from dondoc.intake.importer import import_plan
    from dondoc.intake.lifecycle import activate_plan
    from dondoc.models import Officer, Plan
    from dondoc.reporting.compile import compile_report
    from dondoc.web.app import create_app

    home = Path(tempfile.mkdtemp(prefix="dondoc-reorg-"))
    built = build(url, plans, home)
    engine, settings = built["engine"], built["settings"]
    optimize(engine)
    out: dict[str, Any] = {"plans": plans, "obligations": built["obligations"], "build_s": round(built["build_s"], 1)}

    t = time.perf_counter()
    result = import_plan(engine=engine, settings=settings, path=EXAMPLE_PLAN, now=NOW)
    out["import_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    with session_scope(engine) as s:  # the draft made live: its obligations and assignment notices
        activated = activate_plan(s, plan_id=result.plan_id, settings=settings, now=NOW)
    out["activate_s"] = round(time.perf_counter() - t, 2)
    out["import_obligations"] = activated.obligations

    day = pendulum.datetime(2025, 9, 10, 8, tz=TZ)
    t = time.perf_counter()
    run_daily(engine=engine, settings=settings, now=day, deliver=False)
    out["sweep_s"] = round(time.perf_counter() - t, 2)

    with session_scope(engine) as s:
        plan = s.exec(select(Plan).where(Plan.number == "1/KH-UBND")).one()
        focal = s.exec(select(Officer).where(Officer.unit_id == plan.focal_unit_id, Officer.role == "focal")).first()
        assert focal is not None, "the plan's focal unit has no focal officer"
        link = link_for(s, officer_id=focal.id, settings=settings, now=clock.now())  # type: ignore[arg-type]
        plan_id = plan.id
    path = link.split("://", 1)[1].split("/", 1)[1]
    app = create_app(settings, engine)
    times, cpu = [], []
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        for _n in range(40):
            t, c = time.perf_counter(), time.process_time()
            r = client.get(f"/{path}/focal/{plan_id}?period=2025-08")
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)  # this process's CPU (server and test client): load-independent
            assert r.status_code == 200 and "Tình hình báo cáo" in r.text, r.status_code
        out["focal_kb"] = len(r.content) // 1024
    times = sorted(times[3:])  # the first requests warm the templates
    out["focal_p50_ms"] = round(1000 * statistics.median(times))
    out["focal_p95_ms"] = round(1000 * times[int(0.95 * (len(times) - 1))])
    out["focal_cpu_ms"] = round(1000 * statistics.median(cpu[3:]))

    t = time.perf_counter()
    compile_report(engine=engine, settings=settings, plan_id=plan_id, period="2025-Q2",  # type: ignore[arg-type]
                   now=pendulum.datetime(2025, 7, 10, 9, tz=TZ), send=False)
    out["report_s"] = round(time.perf_counter() - t, 2)
    engine.dispose()
    return out


def run(*, plans: int, databases: list[str], pg_server: str) -> list[dict[str, Any]]:
    import sqlalchemy as sa

    rows = []
    for db in databases:
        if db == "sqlite":
            url = f"sqlite:///{tempfile.mkdtemp(prefix='dondoc-reorg-db-')}/bench.db"
        else:
            name = os.environ.get("DONDOC_BENCH_REORG_DB", "dondoc_bench_reorg")  # two runs side by side
            admin = sa.create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                conn.execute(sa.text(f"CREATE DATABASE {name}"))
            admin.dispose()
            url = f"{pg_server}/{name}"
        started = dt.datetime.now()
        row = {"db": db, **measure(url, plans=plans), "wall_s": round((dt.datetime.now() - started).total_seconds())}
        print(" ".join(f"{k}={v}" for k, v in row.items()), flush=True)
        rows.append(row)
    return rows
