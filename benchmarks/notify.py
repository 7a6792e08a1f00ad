"""Delivery throughput: N digests (default 10,000) to a local webhook receiver; prints messages per second.

    .venv/bin/python benchmarks/notify.py [--n 10000] [--db sqlite|postgresql] [--concurrency 32]

One officer per digest, each with a `json://` contact pointing at a receiver running in a separate
process (ThreadingHTTPServer), so the receiver does not compete with the sender for the GIL. The
numbers: compose (Notices -> digests, personal links included) and deliver (claim, send through the
real apprise adapter, record a Delivery row per attempt, mark sent), then a check that the receiver
got every key exactly once. Goal: >= 300 messages/s for delivery.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

RECEIVER = r"""
import json, sys, threading
from collections import Counter
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
keys = Counter(); lock = threading.Lock()
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with lock:
            keys[self.headers.get("X-Dondoc-Key", "")] += 1
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"{}")
    def do_GET(self):
        with lock:
            data = json.dumps({"requests": sum(keys.values()), "keys": len(keys),
                               "repeats": sum(1 for v in keys.values() if v > 1)}).encode()
        self.send_response(200); self.send_header("Content-Length", str(len(data))); self.end_headers()
        self.wfile.write(data)
    def log_message(self, *a): pass
class S(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
s = S(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
"""

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    ap.add_argument("--concurrency", type=int, default=32)
    args = ap.parse_args()

    import pendulum
    from sqlalchemy import insert, text
    from sqlmodel import Session

    from dondoc.clock import TZ
    from dondoc.config import Settings
    from dondoc.db import make_engine, upgrade
    from dondoc.delivery.compose import compose_messages
    from dondoc.delivery.outbox import deliver_pending
    from dondoc.models import Contact, Notice, Obligation, Officer, Plan, Unit
    from dondoc.notifications import get_notifier

    receiver = subprocess.Popen([sys.executable, "-c", RECEIVER], stdout=subprocess.PIPE, text=True)
    assert receiver.stdout is not None
    port = int(receiver.stdout.readline())
    try:
        home = Path(tempfile.mkdtemp(prefix="dondoc-bench-notify-"))
        if args.db == "sqlite":
            url = f"sqlite:///{home / 'bench.db'}"
        else:
            admin = make_engine(PG_URL)
            with admin.begin() as conn:
                conn.execute(text('DROP SCHEMA IF EXISTS "bench_notify" CASCADE'))
                conn.execute(text('CREATE SCHEMA "bench_notify"'))
            admin.dispose()
            url = f"{PG_URL}?options=-csearch_path%3Dbench_notify"
        engine = make_engine(url)
        upgrade(engine)
        settings = Settings(home=home, database_url=url, secret_key="benchmark-secret-key-not-for-production", send_concurrency=args.concurrency)
        now = pendulum.datetime(2025, 11, 5, 8, 0, tz=TZ)
        day = dt.date(2025, 11, 5)
        n = args.n

        t = time.perf_counter()
        with Session(engine) as s:
            s.add(Unit(id=1, code="tinh", name="UBND tỉnh", created_at=now))
            s.add(Plan(id=1, source_name="bench", source_hash="x", title="Kế hoạch giảm nghèo bền vững năm 2025",
                       year=2025, issuer_unit_id=1, focal_unit_id=1, created_at=now, updated_at=now))
            s.flush()
            s.execute(insert(Unit), [{"id": 1 + i, "code": f"xa{i}", "name": f"UBND xã {i:05d}", "kind": "commune",
                                          "parent_id": 1, "external": False, "created_at": now} for i in range(1, n + 1)])
            s.execute(insert(Officer), [{"id": i, "code": f"o{i}", "unit_id": 1 + i, "name": f"Nguyễn Văn {i:05d}",
                                             "role": "focal", "active": True, "created_at": now} for i in range(1, n + 1)])
            s.execute(insert(Contact), [{"officer_id": i, "channel": "webhook", "priority": 1,
                                             "url": f"json://127.0.0.1:{port}/hook"} for i in range(1, n + 1)])
            s.execute(insert(Obligation), [{
                "id": i, "key": f"ob{i}", "plan_id": 1, "unit_id": 1 + i, "officer_id": i, "role": "report", "mode": "assign",
                "kind": "recurring", "period": "2025", "period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 12, 31),
                "cutoff": dt.date(2025, 11, 1), "due_date": dt.date(2025, 11, 10), "status": "not_started", "closed": False,
                "progress": 0, "reminders_sent": 0, "escalation_level": 0, "stale": False, "needs_review": False, "created_at": now}
                for i in range(1, n + 1)])
            s.execute(insert(Notice), [{"obligation_id": i, "officer_id": i, "kind": "reminder", "level": 0, "day": day,
                                            "created_at": now} for i in range(1, n + 1)])
            s.commit()
        setup = time.perf_counter() - t

        t = time.perf_counter()
        with Session(engine, expire_on_commit=False) as s:
            composed = len(compose_messages(s, day=day, now=now, settings=settings))
            s.commit()
        compose_s = time.perf_counter() - t

        stats = deliver_pending(engine=engine, settings=settings, notifier=get_notifier(settings), now=now)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as r:
            seen = json.loads(r.read())
        print(f"database           {args.db}")
        print(f"digests            {n} (setup {setup:.1f} s)")
        print(f"compose            {composed} digests in {compose_s:.1f} s = {composed / compose_s:.0f}/s")
        print(f"deliver            {stats.sent} sent in {stats.seconds:.1f} s = {stats.rate:.0f} messages/s "
              f"(concurrency {args.concurrency}; goal >= 300/s)")
        print(f"receiver           {seen['requests']} requests, {seen['keys']} distinct keys, {seen['repeats']} repeated")
        print(f"stats              {stats.as_dict()}")
        if seen["keys"] != n or seen["repeats"] or stats.sent != n:
            sys.exit("FAILED: not every digest arrived exactly once")
    finally:
        receiver.kill()


if __name__ == "__main__":
    main()
