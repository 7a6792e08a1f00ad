"""A synthetic province for benchmarks: 1 province, 25 departments, 100 communes, 5 officers each,
N plans whose obligations are spread over the year's working days (bulk-inserted, not parsed)."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from sqlalchemy import insert, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import dondoc.models  # noqa: F401
from dondoc import clock
from dondoc.calendar.workdays import WorkCalendar
from dondoc.config import Settings
from dondoc.db import make_engine, upgrade
from dondoc.models import Assignment, AssignmentUnit, Contact, Obligation, Officer, Plan, Unit

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
ROLES = ["head", "deputy", "focal", "staff", "staff"]


def fresh_engine(backend: str, name: str, *, home: Path | None = None,
                 secret_key: str = "benchmark-secret-key-not-for-production") -> tuple[Engine, Settings]:
    """An empty, migrated database: a temporary SQLite file, or a dedicated PostgreSQL schema."""
    home = home or Path(tempfile.mkdtemp(prefix=f"dondoc-bench-{name}-"))
    if backend == "sqlite":
        url = f"sqlite:///{home / 'bench.db'}"
    else:
        schema = f"bench_{name}"
        admin = make_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    upgrade(engine)
    return engine, Settings(home=home, database_url=url, secret_key=secret_key)


def build_directory(engine: Engine, *, departments: int = 25, communes: int = 100, per_unit: int = 5,
                    contact_url: str = "json://127.0.0.1:9/hook") -> dict[str, list[int]]:
    now = clock.now()
    units = [{"id": 1, "code": "tinh", "name": "UBND tỉnh", "kind": "province", "parent_id": None, "external": False, "created_at": now}]
    for i in range(departments):
        units.append({"id": 2 + i, "code": f"so{i:02d}", "name": f"Sở {i:02d}", "kind": "department", "parent_id": 1,
                          "external": False, "created_at": now})
    for i in range(communes):
        units.append({"id": 2 + departments + i, "code": f"xa{i:03d}", "name": f"UBND xã {i:03d}", "kind": "commune",
                          "parent_id": 1, "external": False, "created_at": now})
    officers, contacts = [], []
    oid = 0
    for u in units:
        for r in range(per_unit):
            oid += 1
            officers.append({"id": oid, "code": f"o{oid}", "unit_id": u["id"], "name": f"Cán bộ {oid}", "role": ROLES[r % 5],
                                 "position": None, "active": True, "created_at": now})
            contacts.append({"officer_id": oid, "channel": "webhook", "url": contact_url, "priority": 1})
    with engine.begin() as conn:
        conn.execute(insert(Unit), units)
        conn.execute(insert(Officer), officers)
        conn.execute(insert(Contact), contacts)
    return {"units": [u["id"] for u in units], "departments": [u["id"] for u in units[1:1 + departments]],
            "communes": [u["id"] for u in units[1 + departments:]]}


def build_plans(engine: Engine, units: dict[str, list[int]], *, plans: int = 40, tasks: int = 10, year: int = 2025,
                seed: int = 7) -> int:
    """Each plan gives `tasks` quarterly tasks to every unit: plans x tasks x units x 4 obligations."""
    rnd = random.Random(seed)
    cal = WorkCalendar()
    workdays = list(cal.working_days(dt.date(year, 1, 15), dt.date(year, 12, 20)))
    now = clock.now()
    targets = units["departments"] + units["communes"]
    total = 0
    with engine.begin() as conn:
        for p in range(1, plans + 1):
            conn.execute(insert(Plan), [{"id": p, "source_name": f"plan{p}.txt", "source_hash": f"h{p}",
                                             "number": f"{p}/KH-UBND", "title": f"Kế hoạch {p}", "year": year,
                                             "issuer_unit_id": 1, "focal_unit_id": units["departments"][p % 25],
                                             "parsed": {}, "policy": {}, "recipients": [], "unresolved": [], "created_at": now,
                                             "updated_at": now}])
            rows, links, obs = [], [], []
            for t in range(tasks):
                aid = p * 1000 + t
                rows.append({"id": aid, "plan_id": p, "key": f"{t}", "ref": f"III.{t + 1}", "text": f"Nhiệm vụ {t + 1}",
                                 "mode": "assign", "lead": ["UBND các xã"], "support": [], "timing": {"kind": "recurring"},
                                 "needs_review": False})
                for u in targets:
                    links.append({"assignment_id": aid, "unit_id": u, "role": "lead", "written_as": "UBND các xã"})
                    for q in range(4):
                        due = rnd.choice(workdays[q * len(workdays) // 4:(q + 1) * len(workdays) // 4])
                        obs.append({"key": f"{p}|A{aid}|u{u}|o0|lead|{year}-Q{q + 1}", "plan_id": p, "assignment_id": aid,
                                        "unit_id": u, "role": "lead", "mode": "assign", "kind": "recurring",
                                        "period": f"{year}-Q{q + 1}", "period_start": dt.date(year, 3 * q + 1, 1),
                                        "period_end": dt.date(year, 3 * q + 3, 28), "cutoff": due, "due_date": due,
                                        "status": "not_started", "closed": False, "progress": 0, "reminders_sent": 0,
                                        "escalation_level": 0, "stale": False, "needs_review": False, "created_at": now})
            conn.execute(insert(Assignment), rows)
            conn.execute(insert(AssignmentUnit), links)
            for i in range(0, len(obs), 5000):
                conn.execute(insert(Obligation), obs[i:i + 5000])
            total += len(obs)
    with engine.begin() as conn:  # what `PRAGMA optimize` / autovacuum do after a plan import
        conn.execute(text("ANALYZE"))
    return total


def drop(engine: Engine) -> None:
    if engine.dialect.name == "postgresql":
        schema = engine.url.query.get("options", "").split("%3D")[-1].split("=")[-1]
        engine.dispose()
        admin = make_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    else:
        engine.dispose()


__all__ = ["SQLModel", "build_directory", "build_plans", "drop", "fresh_engine"]
