"""`dondoc serve` for real: it starts a local Prefect server in the data folder, registers the
deployments with their Asia/Ho_Chi_Minh schedules, runs a triggered sweep, and stops the server on exit."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import Session

from dondoc.cli._common import ready_engine
from tests.integration.flows.conftest import build_world

pytestmark = [pytest.mark.slow, pytest.mark.prefect_server]

DONDOC = [sys.executable, "-c", "from dondoc.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(settings: Any, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.update({"DONDOC_HOME": str(settings.home), "DONDOC_PREFECT_PORT": str(port),
                "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2"})
    return env


def test_serve_check_schedules_at_eight_in_vietnam(sqlite_settings: Any) -> None:
    port = _free_port()
    out = subprocess.run([*DONDOC, "serve", "--check", "--wait", "60"], env=_env(sqlite_settings, port),
                         capture_output=True, text=True, timeout=240, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    lines = " ".join(out.stdout.split())
    assert "Prefect server ready in" in lines
    assert "daily: 0 8 * * * -> " in lines and "T08:00:00+07:00" in lines and "(scheduled)" in lines
    assert "compile-check: 30 7 * * * -> " in lines and "T07:30:00+07:00" in lines
    assert "compile-report: on demand" in lines and "import-plan: on demand" in lines
    # Prefect's own database lives in dondoc's data folder, apart from dondoc's database
    assert (sqlite_settings.home / "prefect" / "prefect.db").is_file()
    assert (sqlite_settings.home / "dondoc.db").is_file()
    # and the server was stopped on exit
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)


def _api(port: int) -> httpx.Client:
    return httpx.Client(base_url=f"http://127.0.0.1:{port}/api", timeout=10)


def _wait(predicate: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except httpx.HTTPError:
            value = None
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_served_deployment_runs_a_sweep(sqlite_settings: Any, tmp_path: Path) -> None:
    engine = ready_engine(sqlite_settings)
    with Session(engine) as session:
        world = build_world(session, url="outbox://")
        officer = world["people"]["unit_focal"].id
    engine.dispose()
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([*DONDOC, "serve"], env=_env(sqlite_settings, port), stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        api = _api(port)

        def daily() -> Any:
            found = api.post("/deployments/filter", json={"limit": 10, "deployments": {"name": {"any_": ["daily"]}}})
            return found.json()[0] if found.status_code == 200 and found.json() else None

        deployment = _wait(daily, 180, "the daily deployment")
        t0 = time.monotonic()

        def created() -> Any:
            # The SQLite-backed server can answer 500 'database is locked' under load; the idempotency
            # key makes a retried POST return the run already created instead of a second one.
            r = api.post(f"/deployments/{deployment['id']}/create_flow_run",
                         json={"parameters": {"at": "2025-11-03T08:00:00+07:00"},
                               "idempotency_key": "test-served-sweep"})
            return r.json() if r.status_code in (200, 201) else None

        run = _wait(created, 120, "the flow run to be created")

        def finished() -> Any:
            r = api.get(f"/flow_runs/{run['id']}")
            if r.status_code != 200:  # the SQLite-backed server answers 500 'database is locked' under load
                return None
            state = r.json().get("state")
            return state if state and state["type"] in ("COMPLETED", "FAILED", "CRASHED") else None

        state = _wait(finished, 180, "the triggered flow run")
        elapsed = time.monotonic() - t0
        assert state["type"] == "COMPLETED", (tmp_path / "serve.log").read_text()[-3000:]
        texts = sorted(p.name for p in (sqlite_settings.home / "outbox").rglob("*.txt"))
        assert texts == [f"{officer}_2025-11-03_digest.txt"]  # one reminder, to the unit's officer
        print(f"triggered sweep: created -> completed in {elapsed:.1f} s")
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C: serve stops its runner, then its Prefect server
        try:
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            log.close()
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
