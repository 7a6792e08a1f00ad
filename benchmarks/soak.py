"""Soak: a province followed for a simulated year on PostgreSQL, status reports arriving through the web API
while the daily sweeps run; nothing lost, nothing sent twice, every obligation ends in a final state.

    .venv/bin/python benchmarks/soak.py [--scale 0.05] [--until 2026-01-31] [--on-time 0.6] [--late 0.2]

The province is benchmarks/_province.py (1 province, 25 departments, 100 communes, 5 officers each;
`--scale 1` = 40 plans x 10 quarterly tasks x 125 units = 200,000 obligations; the default 0.05 = 2 plans,
10,000 obligations). Every officer's contact is a local webhook (a thread of this process) that records the
X-Dondoc-Key of each delivery. The web app (`dondoc.web.create_app(settings)`) is served by uvicorn in a
subprocess on 127.0.0.1 whose clock reads the simulated instant from a file this script moves forward.

Each simulated day from 1 January: the day's submissions (a deterministic behaviour per obligation: a share
reports `done` 0-4 working days before its deadline, a share 1-8 working days after it, the rest never)
are POSTed to /api/obligations/{id}/status by concurrent clients *while* `followup.run_daily` (decide,
compose, deliver through the real apprise notifier) runs for that day in this process.

Checks, printed with the figures (exit status 1 if any fails):
  - messages: one digest per (officer, day) that has notices, each `sent`, and the receiver got each key
    exactly once and nothing else;
  - policy: per obligation, the reminder days and escalation rungs match the policy (reminder offsets
    before the deadline, escalation offsets after it) given the day it was reported — a rung on the very
    day of the report may go either way, since the report and the sweep race;
  - final state: every obligation is closed (reported) or has climbed the whole escalation ladder;
  - peak memory (max RSS) of the sweeping process and of the web server.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pendulum

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

SERVER = """
import sys, pendulum, uvicorn
from pathlib import Path
from dondoc import clock
from dondoc.config import Settings
from dondoc.web import create_app

class FileClock:  # the simulated instant, moved forward by the soak driver
    def __init__(self, path): self.path = Path(path)
    def now(self): return pendulum.parse(self.path.read_text().strip())

clock.use(FileClock(sys.argv[1]))
settings = Settings(home=Path(sys.argv[3]), database_url=sys.argv[4], secret_key=sys.argv[5], base_url=sys.argv[6])
uvicorn.run(create_app(settings), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


class Receiver:
    """The officers' webhook: records each delivery key."""

    def __init__(self) -> None:
        self.keys: Counter[str] = Counter()
        self.lock = threading.Lock()
        rec = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with rec.lock:
                    rec.keys[self.headers.get("X-Dondoc-Key", "")] += 1
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args: Any) -> None:
                pass

        ThreadingHTTPServer.request_queue_size = 512  # the default backlog (5) refuses a burst of sends
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.server.server_address[1]}/hook"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def behaviour(key: str, due: dt.date, cal: Any, on_time: float, late: float) -> dt.date | None:
    """The day this obligation reports `done` (None: never), drawn from its key."""
    h = int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)
    u, r = (h % 10_000) / 10_000, (h // 10_000) % 9
    if u < on_time:
        return cal.add_working_days(due, -(r % 5)) if r % 5 else due
    if u < on_time + late:
        return cal.add_working_days(due, 1 + r % 8)
    return None


def vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


async def post_all(url: str, jobs: list[tuple[int, str]], concurrency: int) -> tuple[int, list[str]]:
    sem = asyncio.Semaphore(concurrency)
    errors: list[str] = []
    ok = 0
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        async def one(oid: int, token: str) -> None:
            nonlocal ok
            async with sem:
                for attempt in range(3):
                    try:
                        r = await client.post(f"/api/obligations/{oid}/status", json={"status": "done", "progress": 100,
                                              "result": "Đã hoàn thành"}, headers={"Authorization": f"Bearer {token}"})
                    except httpx.TransportError as exc:
                        if attempt == 2:
                            errors.append(f"{oid}: {exc!r}")
                        continue
                    if r.status_code == 200:
                        ok += 1
                    else:
                        errors.append(f"{oid}: HTTP {r.status_code} {r.text[:200]}")
                    return

        await asyncio.gather(*(one(o, t) for o, t in jobs))
    return ok, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=0.05, help="1.0 = 40 plans x 10 tasks x 125 units x 4 quarters")
    ap.add_argument("--start", default="2025-01-01")
    ap.add_argument("--until", default="2026-01-31", help="Last simulated day (after the last escalation rung)")
    ap.add_argument("--on-time", type=float, default=0.6)
    ap.add_argument("--late", type=float, default=0.2)
    ap.add_argument("--clients", type=int, default=16, help="Concurrent API clients")
    ap.add_argument("--keep", action="store_true", help="Keep the PostgreSQL schema afterwards")
    args = ap.parse_args()

    from _province import build_directory, build_plans, drop, fresh_engine
    from sqlalchemy import func
    from sqlmodel import Session, col, select

    from dondoc.app.daily import run_daily
    from dondoc.calendar.policy import Policy
    from dondoc.calendar.workdays import WorkCalendar
    from dondoc.clock import TZ
    from dondoc.collect.links import issue_token
    from dondoc.models import Message, Notice, Obligation, Officer
    from dondoc.notifications import get_notifier

    plans = max(1, round(40 * args.scale))
    tasks = 10 if args.scale >= 0.025 else max(1, round(400 * args.scale))
    start, until = dt.date.fromisoformat(args.start), dt.date.fromisoformat(args.until)
    receiver = Receiver()
    engine, settings = fresh_engine("postgresql", f"soak_{os.getpid()}")
    port = free_port()
    settings = settings.model_copy(update={"base_url": f"http://127.0.0.1:{port}", "send_hour": 8})
    t0 = time.perf_counter()
    units = build_directory(engine, contact_url=receiver.url)
    total = build_plans(engine, units, plans=plans, tasks=tasks, year=start.year)
    cal = WorkCalendar()
    policy = Policy.from_settings(settings)
    start_at = pendulum.datetime(start.year, start.month, start.day, 7, 0, tz=TZ)
    with Session(engine) as s:
        heads = {o.unit_id: o.id for o in s.exec(select(Officer).where(Officer.role == "head")).all()}
        tokens = {u: issue_token(s, officer_id=oid, settings=settings, now=start_at) for u, oid in heads.items()}
        s.commit()
        obs = s.exec(select(Obligation.id, Obligation.key, Obligation.unit_id, Obligation.due_date)).all()
    reports: dict[int, dt.date | None] = {}
    by_day: dict[dt.date, list[tuple[int, str]]] = defaultdict(list)
    for oid, key, unit_id, due in obs:
        day = behaviour(key, due, cal, args.on_time, args.late)
        reports[oid] = day
        if day is not None:
            by_day[day].append((oid, tokens[unit_id]))
    print(f"province: {len(units['units'])} units, {len(heads) * 5} officers, {plans} plans x {tasks} tasks, "
          f"{total} obligations ({sum(d is not None for d in reports.values())} will report); "
          f"built in {time.perf_counter() - t0:.1f} s")

    clock_file = Path(tempfile.mkdtemp(prefix="dondoc-soak-")) / "now"
    clock_file.write_text(start_at.isoformat())
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(clock_file), str(port), str(settings.home),
                               settings.db_url, settings.secret_key, settings.base_url],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            print("web server did not start:", server.stderr.read().decode()[-2000:] if server.stderr else "")
            return 1
        time.sleep(0.2)

    notifier = get_notifier(settings)
    posted, api_errors, sweep_s, post_s, day_max = 0, [], 0.0, 0.0, 0.0
    days = 0
    t_run = time.perf_counter()
    try:
        d = start
        while d <= until:
            at = pendulum.datetime(d.year, d.month, d.day, 9, 0, tz=TZ)
            clock_file.write_text(at.isoformat())
            result: dict[str, Any] = {}

            def sweep(at: pendulum.DateTime = at, result: dict[str, Any] = result) -> None:
                ts = time.perf_counter()
                result["r"] = run_daily(engine=engine, settings=settings, now=at, notifier=notifier)
                result["s"] = time.perf_counter() - ts

            th = threading.Thread(target=sweep)
            td = time.perf_counter()
            th.start()  # the sweep and the day's submissions run at the same time
            tp = time.perf_counter()
            ok, errors = asyncio.run(post_all(url, by_day.get(d, []), args.clients))
            post_s += time.perf_counter() - tp
            th.join()
            if "r" not in result:
                print(f"{d}: the sweep failed")
                return 1
            posted += ok
            api_errors += errors
            sweep_s += result["s"]
            day_max = max(day_max, time.perf_counter() - td)
            days += 1
            if d.day == 1:
                print(f"  {d}: {posted} reports posted, sweeps {sweep_s:.0f} s, {sum(receiver.keys.values())} "
                      f"deliveries, rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)
            d += dt.timedelta(days=1)
        server_hwm = vm_hwm_kb(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    elapsed = time.perf_counter() - t_run

    # ------------------------------------------------------------------------------------- checks
    failures: list[str] = []
    with Session(engine) as s:
        every = s.exec(select(Message)).all()
        msgs = [m for m in every if m.kind == "digest"]
        # (officer, digest day) of every notice put in a message: a digest also takes the officer's
        # notices of earlier days still unsent (catch-up), so the message's day, not the notice's
        notice_pairs = set(s.exec(select(Notice.officer_id, Message.day).join(
            Message, col(Notice.message_id) == col(Message.id)).where(Message.kind == "digest")).all())
        foreign = s.exec(select(func.count()).select_from(Notice).join(
            Message, col(Notice.message_id) == col(Message.id)).where(Notice.officer_id != Message.officer_id)).one()
        # a notice left out of every digest must be about an obligation reported (closed) before composition
        orphans = s.exec(select(Notice.kind, Obligation.closed).join(
            Obligation, col(Notice.obligation_id) == col(Obligation.id)).where(col(Notice.message_id).is_(None))).all()
        by_status = Counter(m.status for m in msgs)
        late_msgs = sum(1 for m in msgs if m.late)
        notices = s.exec(select(Notice.obligation_id, Notice.kind, Notice.level, Notice.day)).all()
        final = s.exec(select(Obligation.id, Obligation.due_date, Obligation.closed, Obligation.status,
                              Obligation.escalation_level)).all()
        n_notices = s.exec(select(func.count()).select_from(Notice)).one()
    digest_keys = {m.key for m in every}
    got = dict(receiver.keys)
    if {(m.officer_id, m.day) for m in msgs} != notice_pairs or len(msgs) != len(notice_pairs):
        failures.append(f"{len(msgs)} digests for {len(notice_pairs)} (officer, day) pairs with notices")
    if foreign:
        failures.append(f"{foreign} notices in another officer's digest")
    unexplained = Counter(kind for kind, closed in orphans if not closed)
    if unexplained:
        failures.append(f"notices in no digest although their obligation is open: {dict(unexplained)}")
    if set(by_status) != {"sent"}:
        failures.append(f"digest statuses {dict(by_status)}; other messages {dict(Counter(m.kind for m in every if m.kind != 'digest'))}")
    if set(got) != digest_keys:
        failures.append(f"receiver keys differ: {len(set(got) - digest_keys)} unexpected, "
                        f"{len(digest_keys - set(got))} missing")
    dup = {k: n for k, n in got.items() if n > 1}
    if dup:
        failures.append(f"{len(dup)} keys delivered more than once")
    if api_errors:
        failures.append(f"{len(api_errors)} API submissions failed, e.g. {api_errors[:3]}")

    # policy: reminder days and escalation rungs per obligation
    reminded: dict[int, set[dt.date]] = defaultdict(set)
    rungs: dict[int, set[int]] = defaultdict(set)
    for oid, kind, level, day in notices:
        if kind == "reminder":
            reminded[oid].add(day)
        elif kind == "escalation":
            rungs[oid].add(level)
    wrong_rem = wrong_esc = 0
    examples: list[str] = []
    for oid, due, _closed, _status, _level in final:
        rep = reports[oid]
        want_days = {cal.add_working_days(due, -o) if o else cal.adjust(due, "previous") for o in policy.reminder_offsets}
        must = {x for x in want_days if x >= start and (rep is None or x < rep)}
        may = must | {x for x in want_days if (rep is not None and x == rep) or x < start}  # catch-up at start
        if not must <= reminded[oid] <= may:
            wrong_rem += 1
            if len(examples) < 3:
                examples.append(f"obligation {oid} due {due} reported {rep}: reminded {sorted(reminded[oid])}, "
                                f"expected {sorted(must)}..{sorted(may)}")
        rung_days = {i + 1: cal.add_working_days(due, o) for i, o in enumerate(policy.escalation_offsets)}
        must_r = {lv for lv, x in rung_days.items() if x <= until and (rep is None or x < rep)}
        may_r = must_r | {lv for lv, x in rung_days.items() if rep is not None and x == rep}
        if not must_r <= rungs[oid] <= may_r:
            wrong_esc += 1
            if len(examples) < 6:
                examples.append(f"obligation {oid} due {due} reported {rep}: rungs {sorted(rungs[oid])}, "
                                f"expected {sorted(must_r)}..{sorted(may_r)}")
    if wrong_rem or wrong_esc:
        failures.append(f"{wrong_rem} obligations with unexpected reminders, {wrong_esc} with unexpected "
                        f"escalations: {examples}")
    top = len(policy.escalation_offsets)
    unfinished = [oid for oid, due, closed, status, level in final if not closed and level < top]
    if unfinished:
        failures.append(f"{len(unfinished)} obligations neither closed nor fully escalated, e.g. {unfinished[:5]}")
    closed_n = sum(1 for f in final if f[2])

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\nsimulated {days} days ({start} → {until}) in {elapsed:.0f} s: sweeps {sweep_s:.0f} s "
          f"(max day {day_max:.1f} s), API posting {post_s:.0f} s (overlapping the sweeps)")
    print(f"obligations {len(final)}: closed by a report {closed_n}, fully escalated {len(final) - closed_n - len(unfinished)}, "
          f"neither {len(unfinished)}")
    print(f"reports posted through the API: {posted} (errors {len(api_errors)})")
    print(f"notices {n_notices} ({len(orphans)} dropped because the obligation was reported before composition); digests {len(msgs)} for {len(notice_pairs)} (officer, day) pairs; late {late_msgs}; "
          f"deliveries at the receiver {sum(got.values())} ({len(got)} keys, {len(dup)} duplicated)")
    print(f"peak RSS: sweeping process {peak / 1024:.0f} MB, web server {server_hwm / 1024:.0f} MB")
    if not args.keep:
        drop(engine)
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
        return 1
    print("\nOK: every message sent once, counts match the policy, every obligation in a final state")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
