"""Latency of the web app under 50 concurrent clients, on SQLite and PostgreSQL, and a no-loss check.

    .venv/bin/python benchmarks/web.py [--clients 50] [--rounds 10] [--workers 1] [--db sqlite,postgresql]

For each database it builds a fresh data folder with one plan and `clients` units (one officer and one
open obligation each), starts `dondoc web` as a separate process on 127.0.0.1, then
  1. page:   every client GETs its officer page /t/{token} `rounds` times;
  2. submit: every client POSTs the status form (with its CSRF token) `rounds` times;
first paced (each client about `rate` requests per second, as people use it), then saturated (each
client sends its next request as soon as the last answer arrives), and prints p50/p95/max in ms and
the throughput. Afterwards it checks that nothing was lost: one StatusUpdate and one
audit row per accepted submission, every obligation updated. Exit status 1 if anything was lost.
The test data builder is tests/web/world.py (shared with the tests).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PG_URL = os.environ.get("DONDOC_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SECRET = "benchmark-secret-key-not-for-production"


@dataclass
class Prepared:
    home: Path
    db_url: str
    tokens: list[str]
    obligations: list[int]


def prepare(db: str, clients: int, home: Path) -> Prepared:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _province import fresh_engine

    from dondoc import clock
    from tests.integration.web.world import build_world

    engine, settings = fresh_engine(db, f"dondoc_bench_{os.getpid()}", home=home, secret_key=SECRET)
    url = settings.db_url
    w = build_world(engine, settings, extra_units=clients, token_now=clock.now())
    engine.dispose()
    return Prepared(home, url, [w.tokens[f"o{i}"] for i in range(clients)], [w[f"xrep{i}"] for i in range(clients)])


def drop(p: Prepared) -> None:
    if "search_path" in p.db_url:
        from sqlalchemy import text

        from dondoc.db import make_engine

        schema = p.db_url.rsplit("%3D", 1)[1]
        admin = make_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(p: Prepared, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = os.environ | {"DONDOC_HOME": str(p.home), "DONDOC_DATABASE_URL": p.db_url, "DONDOC_SECRET_KEY": SECRET,
                        "DONDOC_BASE_URL": f"http://127.0.0.1:{port}"}
    proc = subprocess.Popen([sys.executable, "-c", "from dondoc.cli import main; main()", "web", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # several workers start slowly on a busy machine
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dondoc web exited: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("dondoc web did not start")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the server process and its worker children, from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if entry.name == str(pid) or fields[1] == str(pid):  # fields[1] is the parent pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


async def _clients(url: str, p: Prepared, rounds: int, kind: str, rate: float = 0.0) -> tuple[list[float], int]:
    """Each client sends `rounds` requests: back to back (rate 0: the server saturated), or with a random
    pause averaging 1/rate seconds between them (officers reading and typing)."""
    import random

    rng = random.Random(7)
    # Drop idle connections before the server's keep-alive timeout does, so a POST never goes out on a
    # connection the server is closing (httpx does not retry a POST, and must not).
    limits = httpx.Limits(max_connections=len(p.tokens) + 5, max_keepalive_connections=len(p.tokens) + 5,
                          keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        csrf: dict[int, str] = {}
        if kind == "submit":
            for i, (tok, oid) in enumerate(zip(p.tokens, p.obligations, strict=False)):
                html = (await client.get(f"/t/{tok}/o/{oid}")).text
                m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
                assert m, "no CSRF token in the form"
                csrf[i] = m.group(1)
        start = asyncio.Event()
        times: list[float] = []
        failures = 0

        async def one(i: int) -> None:
            nonlocal failures
            await start.wait()
            tok, oid = p.tokens[i], p.obligations[i]
            for r in range(rounds):
                if rate:
                    await asyncio.sleep(rng.uniform(0, 2 / rate))
                t0 = time.perf_counter()
                try:
                    ok = await request(client, kind, i, tok, oid, r)
                except httpx.TransportError as exc:
                    print(f"client {i}: {type(exc).__name__}: {exc}", file=sys.stderr)
                    ok = False
                times.append((time.perf_counter() - t0) * 1000)
                failures += 0 if ok else 1

        async def request(client: httpx.AsyncClient, kind: str, i: int, tok: str, oid: int, r: int) -> bool:
            if kind == "page":
                resp = await client.get(f"/t/{tok}")
                ok = resp.status_code == 200
            else:
                resp = await client.post(f"/t/{tok}/o/{oid}", data={
                    "csrf": csrf[i], "status": "in_progress", "progress": str(min(99, r * 10 + 1)),
                    "result": f"Lần gửi {r} của đơn vị {i}", "difficulties": "", "proposals": ""})
                ok = resp.status_code == 303
            return ok

        tasks = [asyncio.create_task(one(i)) for i in range(len(p.tokens))]
        start.set()
        await asyncio.gather(*tasks)
        return times, failures


def percentiles(times: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(times, n=100, method="inclusive")
    return q[49], q[94], max(times)


def check(p: Prepared, expected: int) -> tuple[int, int, int]:
    """(status updates, audit rows, obligations updated) after the submit phase."""
    from sqlalchemy import func
    from sqlmodel import Session, select

    from dondoc.db import make_engine
    from dondoc.models import AuditEvent, Obligation, StatusUpdate

    engine = make_engine(p.db_url)
    with Session(engine) as s:
        ups = s.exec(select(func.count()).select_from(StatusUpdate)).one()
        audits = s.exec(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "status.submit")).one()
        touched = s.exec(select(func.count()).select_from(Obligation).where(
            Obligation.id.in_(p.obligations), Obligation.last_update_at.is_not(None))).one()  # type: ignore[union-attr]
    engine.dispose()
    return ups, audits, touched


def run(db: str, clients: int, rounds: int, workers: int, rate: float) -> bool:
    with tempfile.TemporaryDirectory(prefix="dondoc-bench-") as tmp:
        p = prepare(db, clients, Path(tmp))
        proc, url = start_server(p, workers)
        try:
            asyncio.run(_clients(url, p, 1, "page"))  # warm-up
            results = {}
            for mode, r in (("paced", rate), ("saturated", 0.0)):
                t0, c0 = time.perf_counter(), cpu_seconds(proc.pid)
                page, page_fail = asyncio.run(_clients(url, p, rounds, "page", r))
                t1, c1 = time.perf_counter(), cpu_seconds(proc.pid)
                sub, sub_fail = asyncio.run(_clients(url, p, rounds, "submit", r))
                t2, c2 = time.perf_counter(), cpu_seconds(proc.pid)
                # The submit phase also fetches each client's form once (for its CSRF token).
                results[mode] = (page, page_fail, len(page) / (t1 - t0), 1000 * (c1 - c0) / len(page),
                                 sub, sub_fail, len(sub) / (t2 - t1), 1000 * (c2 - c1) / (len(sub) + clients))
        finally:
            stop_server(proc)
        ups, audits, touched = check(p, 2 * clients * rounds)
        drop(p)
    expected = 2 * clients * rounds
    fails = sum(r[1] + r[5] for r in results.values())
    ok = fails == 0 and ups == audits == expected and touched == clients
    load = os.getloadavg()[0]
    for mode, (page, page_fail, page_rps, page_cpu, sub, sub_fail, sub_rps, sub_cpu) in results.items():
        how = f"~{rate:g} req/s per client" if mode == "paced" else "back to back"
        for name, times, f, rps, cpu in (("officer page", page, page_fail, page_rps, page_cpu),
                                         ("submission", sub, sub_fail, sub_rps, sub_cpu)):
            p50, p95, mx = percentiles(times)
            print(f"{db:<10} workers={workers} {clients} clients {how:<22} {name:<13} n={len(times):<5} "
                  f"p50={p50:7.1f} ms  p95={p95:7.1f} ms  max={mx:7.1f} ms  {rps:5.0f} req/s  "
                  f"server CPU {cpu:5.1f} ms/req  failed={f}")
    print(f"{db:<10} machine load average {load:.1f} on {os.cpu_count()} CPUs (latency is meaningless when it "
          f"exceeds the CPU count; the server CPU per request is not)")
    print(f"{db:<10} stored {ups} status updates, {audits} audit rows, {touched}/{clients} obligations updated "
          f"(expected {expected}): {'OK' if ok else 'LOST DATA'}")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--db", default="sqlite,postgresql")
    ap.add_argument("--rate", type=float, default=1.0, help="Requests per second per client in the paced run.")
    args = ap.parse_args()
    ok = True
    for db in args.db.split(","):
        ok &= run(db.strip(), args.clients, args.rounds, args.workers, args.rate)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
