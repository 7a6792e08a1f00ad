"""Cost of the Prefect layer: local server start (cold, warm), a sweep flow run in-process, a deployment
run through `dondoc serve` (created -> completed). Prints one table; run: .venv/bin/python benchmarks/prefect_layer.py

Uses a throw-away data folder with an empty SQLite database, so the numbers are Prefect's overhead,
not dondoc's work (benchmarks/sweep.py measures that).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    import httpx

    rows: list[tuple[str, str]] = []
    home = Path(tempfile.mkdtemp(prefix="dondoc-bench-"))
    os.environ.update({"DONDOC_HOME": str(home), "DONDOC_SECRET_KEY": "benchmark-secret-key-not-for-production"})
    os.environ.pop("DONDOC_DATABASE_URL", None)
    os.environ.pop("PREFECT_API_URL", None)
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.flows.server import LocalPrefectServer, prefect_api

    ready_engine(get_settings())
    port = free_port()
    server = LocalPrefectServer(home=home / "prefect", port=port)
    server.start()
    rows.append(("local server ready, cold (fresh PREFECT_HOME, migrations)", f"{server.ready_seconds:.1f} s"))
    server.stop()
    server = LocalPrefectServer(home=home / "prefect", port=port)
    server.start()
    rows.append(("local server ready, warm", f"{server.ready_seconds:.1f} s"))
    try:
        with prefect_api(server.api_url):
            from dondoc.flows import daily_followup

            t0 = time.perf_counter()
            daily_followup("2025-11-03T08:00:00+07:00")
            first = time.perf_counter() - t0
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                daily_followup("2025-11-03T08:00:00+07:00")
                times.append(time.perf_counter() - t0)
            rows.append(("daily_followup flow run in-process (4 task runs), first", f"{first:.2f} s"))
            rows.append(("daily_followup flow run in-process, median of 5", f"{sorted(times)[2]:.2f} s"))
            from dondoc.tasks.followup import decide_notices

            t0 = time.perf_counter()
            decide_notices.fn("2025-11-03T08:00:00+07:00")
            rows.append(("the same steps without Prefect (task.fn)", f"{time.perf_counter() - t0:.2f} s"))
    finally:
        server.stop()

    # a deployment run through `dondoc serve` (its own server, the runner forks a process per run)
    port = free_port()
    env = dict(os.environ) | {"DONDOC_PREFECT_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-c", "from dondoc.cli import main; main()", "serve"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        api = httpx.Client(base_url=f"http://127.0.0.1:{port}/api", timeout=10)
        t_start = time.monotonic()
        dep = None
        while dep is None and time.monotonic() - t_start < 180:
            try:
                r = api.get("/deployments/name/daily-followup/daily")
                dep = r.json() if r.status_code == 200 else None
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        rows.append(("`dondoc serve` start -> deployments registered", f"{time.monotonic() - t_start:.1f} s"))
        lat = []
        for _ in range(3):
            t0 = time.monotonic()
            run = api.post(f"/deployments/{dep['id']}/create_flow_run",
                           json={"parameters": {"at": "2025-11-03T08:00:00+07:00"}}).json()
            while True:
                st = api.get(f"/flow_runs/{run['id']}").json()["state"]
                if st["type"] in ("COMPLETED", "FAILED", "CRASHED"):
                    break
                time.sleep(0.2)
            lat.append(time.monotonic() - t0)
        rows.append(("served deployment run: created -> completed (median of 3)", f"{sorted(lat)[1]:.1f} s"))
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=60)

    load = os.getloadavg()[0]
    print(f"Prefect layer overhead (cores: {os.cpu_count()}, load average at end: {load:.1f})")
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"  {k:<{width}}  {v:>8}")


if __name__ == "__main__":
    main()
