"""`dondoc demo`: the whole chain on the embedded default, in a throwaway folder.

Import the example directory and the five seed plans, simulate their year with a deterministic mix
of on-time, late and missing submissions, deliver every message into DIR/outbox/, compile the
consolidated reports, and summarise.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pendulum
from sqlmodel import Session, func, select

from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.errors import ConfigError

MARKER = ".dondoc-demo"


def examples_dir() -> Path:
    """examples/ of the source tree (editable install), else the copy shipped inside the package."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[3] / "examples", here.parents[1] / "examples"):
        if (candidate / "directory.xlsx").exists():
            return candidate
    raise ConfigError("examples/directory.xlsx not found: run the demo from a checkout of the dondoc repository")


def prepare_dir(path: Path) -> None:
    """A fresh demo folder; refuses to wipe a folder that is not an earlier demo."""
    if path.exists() and any(path.iterdir()):
        if not (path / MARKER).exists():
            raise ConfigError(f"{path} exists and is not a dondoc demo folder; choose another --dir")
        shutil.rmtree(path)
    path.mkdir(parents=True, exist_ok=True)
    (path / MARKER).write_text("created by `dondoc demo`; safe to delete\n")


def busiest_year(dues: list[dt.date], *, fallback: dt.date) -> tuple[dt.date, dt.date]:
    """The 365-day window (starting a month before a deadline) holding the most deadlines, plus two
    weeks so that the last escalations and compilations happen."""
    if not dues:
        return fallback, fallback
    best, best_n, j = dues[0], 0, 0
    for i, d in enumerate(dues):
        while j < len(dues) and dues[j] <= d + dt.timedelta(days=334):
            j += 1
        if j - i > best_n:
            best, best_n = d, j - i
    start = best - dt.timedelta(days=30)
    return start, start + dt.timedelta(days=364 + 14)


@dataclass
class DemoSummary:
    folder: Path
    plans: list[dict[str, Any]] = field(default_factory=list)
    events: Counter[str] = field(default_factory=Counter)
    obligations: int = 0
    messages: int = 0
    outbox_files: int = 0
    reports: list[Path] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None


def run_demo(
    *,
    settings: Settings,
    on_time: float = 0.6,
    late_share: float = 0.5,
    progress: Callable[[str, int, int], None] | None = None,
    province: bool = False,
) -> DemoSummary:
    """`province`: the province example (examples/province/: a 2025 province directory of 130 communes built by
    `directory bootstrap`, and a plan addressed to all its communes) instead of the five seed plans."""
    # Long on purpose: the demo's script, step by step, with its progress output.
    from dondoc import clock
    from dondoc.app.simulation import Behaviour, simulate
    from dondoc.db import ensure_schema, get_engine
    from dondoc.directory.apply import import_directory
    from dondoc.intake.importer import import_plan
    from dondoc.models import CompiledReport, Message, Obligation, Plan
    from dondoc.reporting.compile import compile_report

    folder = Path(settings.home)
    from dondoc.secrets import ensure_key

    # a throw-away demo folder keeps its own key in it (a real install keeps the key outside the data)
    ensure_key(settings, path=None if settings.key_file else folder / "secret.key")
    examples = examples_dir()
    engine = get_engine(settings)
    ensure_schema(engine)
    summary = DemoSummary(folder=folder)
    now = clock.now()
    source = examples / "province" if province else examples
    directory = source / ("directory.yaml" if province else "directory.xlsx")
    import_directory(engine=engine, settings=settings, path=directory, now=now)
    plan_files = sorted((source / "plans").glob("*.txt"))
    for n, path in enumerate(plan_files, start=1):
        if progress:
            progress(f"Nhập kế hoạch {path.name}", n, len(plan_files))
        result = import_plan(engine=engine, settings=settings, path=path, now=now, activate=True)
        summary.plans.append({"id": result.plan_id, "file": path.name, "assignments": result.assignments,
                              "obligations": result.obligations, "unresolved": len(result.unresolved)})

    # Each plan is followed through the year that holds most of its deadlines (the seeds span
    # 2021-2025); plans whose busiest year starts the same year are simulated together.
    windows: dict[tuple[dt.date, dt.date], list[int]] = {}
    with Session(engine) as session:
        for p in summary.plans:  # the demo names plans by their number and title, not by their file
            stored = session.get(Plan, p["id"])
            p["number"], p["title"] = (stored.number, stored.title) if stored else (None, None)
        for p in summary.plans:
            dues = sorted(session.exec(select(Obligation.due_date).where(Obligation.plan_id == p["id"])).all())
            start, end = busiest_year(dues, fallback=now.date())
            same = next((w for w in windows if w[0].year == start.year), None)
            if same is None:
                windows[(start, end)] = [p["id"]]
            else:
                windows[same].append(p["id"])
    summary.start = min(w[0] for w in windows) if windows else None
    summary.end = max(w[1] for w in windows) if windows else None
    total_days = sum((end - start).days + 1 for start, end in windows)
    behaviour = Behaviour(on_time=on_time, late_share=late_share, seed=2025)
    done_days = 0
    label = "Mô phỏng một năm theo dõi mỗi kế hoạch"
    for (start, end), plan_ids in sorted(windows.items()):
        current = None
        for ev in simulate(engine=engine, settings=settings, start=start, end=end, behaviour=behaviour, deliver=True,
                           plan_ids=plan_ids):
            summary.events[ev.kind] += 1
            if progress and ev.at[:10] != current:
                current = ev.at[:10]
                progress(label, done_days + (dt.date.fromisoformat(current) - start).days + 1, total_days)
        done_days += (end - start).days + 1
    if progress:
        progress(label, total_days, total_days)

    # Every plan gets its consolidated report for its year, compiled or not during the simulation.
    with Session(engine) as session:
        compiled = {(r.plan_id, r.period) for r in session.exec(select(CompiledReport)).all()}
    for p in summary.plans:
        with Session(engine) as session:
            periods = sorted(set(session.exec(select(Obligation.period).where(Obligation.plan_id == p["id"])).all()))
        if periods and not any(pid == p["id"] for pid, _ in compiled):
            start, end = next(w for w, ids in windows.items() if p["id"] in ids)
            middle = str((start + (end - start) / 2).year)
            year_periods = [x for x in periods if len(x) == 4]
            period = middle if middle in year_periods else (year_periods or periods)[-1]
            when = min(end, dt.date(int(period[:4]), 12, 20))  # a few days after the annual cut-off
            at = pendulum.datetime(when.year, when.month, when.day, settings.send_hour, tz=TZ)
            compile_report(engine=engine, settings=settings, plan_id=p["id"], period=period, now=at, send=False)
    with Session(engine) as session:
        summary.obligations = int(session.exec(select(func.count()).select_from(Obligation)).one())
        summary.messages = int(session.exec(select(func.count()).select_from(Message)
                                            .where(Message.status == "sent")).one())
        summary.reports = [Path(r.docx_path) for r in session.exec(select(CompiledReport)).all() if r.docx_path]
    outbox = folder / "outbox"
    summary.outbox_files = sum(1 for _ in outbox.rglob("*") if _.is_file()) if outbox.exists() else 0
    return summary
