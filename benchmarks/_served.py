"""The ledger benchmark in the deployed shape: the real server (`uvicorn --factory
dondoc.web.app:create_app_from_env --workers N`, as deploy/systemd/dondoc-web.service runs it) in its own
processes, driven over HTTP by this process (httpx, one thread and one keep-alive connection per staff
member; the client only waits on sockets, so its threads do not slow the server's processes).

Two load models:
- closed loop, no think time: each of the 20 staff sends the next request as soon as the last one is
  answered (20 requests always in flight) — a stress test, far beyond what 20 people clicking produce;
- think time: each staff member waits uniform(1, 5) s between clicks (a page is read, a filter chosen,
  the next page opened: a few seconds), starting at a random moment of the first 2 s — an office of 20
  people all working the ledger at once; still heavier than real use (nobody clicks every 3 s for long).

The server's CPU per request is read from /proc (utime + stime of the uvicorn process group: the
supervisor and its workers; on SQLite that includes the database engine, on PostgreSQL it does not)."""

from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

THINK = (1.0, 5.0)  # seconds between one staff member's clicks (uniform)
START_SPREAD = 2.0  # seconds over which the staff begin


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def group_cpu(pgid: int) -> float:
    """CPU seconds (user + system) of every live process of a process group."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        if int(fields[2]) == pgid:  # field 5 of stat: the process group
            total += (int(fields[11]) + int(fields[12])) / tick  # fields 14, 15: utime, stime
    return total


class Server:
    """`uvicorn --factory dondoc.web.app:create_app_from_env --workers N` on a free port, in its own
    process group, with the benchmark's settings in its environment."""

    def __init__(self, settings: Any, workers: int, *, src: str | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "DONDOC_HOME": str(settings.home), "DONDOC_DATABASE_URL": settings.db_url,
               "DONDOC_SECRET_KEY": settings.secret_key, "DONDOC_BASE_URL": self.base}
        env["PYTHONPATH"] = src or str(Path(__file__).resolve().parents[1] / "src")
        self.log = Path(settings.home) / f"server-{self.port}.log"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "dondoc.web.app:create_app_from_env",
             "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(workers), "--log-level", "warning"],
            env=env, stdout=self.log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout: float = 60.0) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited ({self.proc.returncode}); see {self.log}")
            try:
                if httpx.get(f"{self.base}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the server did not answer /healthz within {timeout:.0f} s; see {self.log}")

    def cpu(self) -> float:
        return group_cpu(self.proc.pid)

    def stop(self) -> None:
        import signal

        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


@dataclass
class Load:
    times: list[float]
    wall: float
    cpu: float  # server CPU seconds during the run
    client_cpu: float  # this process's CPU seconds (httpx): on the same 2 cores as the server

    def line(self) -> str:
        n = len(self.times)
        return (f"p50 {statistics.median(self.times) * 1000:.0f} ms, p95 {pct(self.times, .95) * 1000:.0f} ms, "
                f"max {max(self.times) * 1000:.0f} ms, {n / self.wall:.1f} req/s; "
                f"server CPU {self.cpu / n * 1000:.1f} ms per request (client {self.client_cpu / n * 1000:.1f} ms)")


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p * (len(xs) - 1)))]


def drive(server: Server, cookies: list[str], filters: list[str], per_user: int, *, think: bool,
          cookie_name: str) -> Load:
    """Each staff member (one cookie) opens `per_user` ledger pages with random filters, on its own
    keep-alive connection; with `think`, waiting THINK seconds between clicks."""
    import httpx

    times: list[float] = []
    lock = threading.Lock()
    errors: list[str] = []

    def user(i: int, cookie: str) -> None:
        rnd = random.Random(i)
        mine = []
        with httpx.Client(base_url=server.base, cookies={cookie_name: cookie}, timeout=60) as c:
            if think:
                time.sleep(rnd.uniform(0, START_SPREAD))
            for k in range(per_user):
                if think and k:
                    time.sleep(rnd.uniform(*THINK))
                t = time.perf_counter()
                r = c.get(f"/so-theo-doi?{rnd.choice(filters)}")
                mine.append(time.perf_counter() - t)
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {r.url}")
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=user, args=(i, c)) for i, c in enumerate(cookies)]
    cpu0, t0, c0 = server.cpu(), time.perf_counter(), time.process_time()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall, cpu, client = time.perf_counter() - t0, server.cpu() - cpu0, time.process_time() - c0
    if errors:
        raise RuntimeError(f"{len(errors)} requests failed, e.g. {errors[:3]}")
    return Load(times, wall, cpu, client)


def served(backend: str, settings: Any, cookies: list[str], filters: list[str], *, workers: list[int],
           per_user: int, think_clicks: int, cookie_name: str, src: str | None,
           out: Callable[[str], None] = print) -> dict[tuple[int, str], Load]:
    """Both load models against a server of each size in `workers`."""
    results: dict[tuple[int, str], Load] = {}
    for n in workers:
        server = Server(settings, n, src=src)
        try:
            server.wait_ready()
            drive(server, cookies[:n * 2], filters, 3, think=False, cookie_name=cookie_name)  # warm every worker
            closed = drive(server, cookies, filters, per_user, think=False, cookie_name=cookie_name)
            out(f"[{backend}] SERVED, {n} workers, closed loop (20 in flight, no think time) x {per_user}: "
                f"{closed.line()}")
            paced = drive(server, cookies, filters, think_clicks, think=True, cookie_name=cookie_name)
            out(f"[{backend}] SERVED, {n} workers, {len(cookies)} staff thinking {THINK[0]:.0f}–{THINK[1]:.0f} s "
                f"x {think_clicks}: {paced.line()}")
            results[(n, "closed")], results[(n, "think")] = closed, paced
        finally:
            server.stop()
    return results
