"""Issue 10 for real: a Prefect server on PostgreSQL, a process work pool, two workers, the daily sweep of a
seeded multi-plan database fanned out to both, every reminder sent exactly once (even when run twice); then
a worker killed with SIGKILL in the middle of a delivery run: the heartbeat automation marks the run CRASHED
and the next 'deliver' run finishes the rest with nothing acknowledged twice by the receiver.

One server, pool and pair of workers serve the whole module (they take a minute to start); the
xdist_group keeps both tests on one xdist worker (`--dist loadgroup`)."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, insert, text
from sqlmodel import Session, select

from dondoc.db import make_engine
from dondoc.flows.server import LocalPrefectServer
from dondoc.models import Contact, Message, Notice, Obligation, Officer, Plan, Unit
from tests.conftest import PG_URL, reset_pg

pytestmark = [pytest.mark.slow, pytest.mark.prefect_server, pytest.mark.xdist_group("prefect_server")]

PLANS, UNITS = 40, 100  # 4,000 obligations, one reminder each on 3/11/2025, one digest per unit officer
AT = "2025-11-03T08:00:00+07:00"
POOL = "dondoc-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def prefect_pg() -> Iterator[str]:
    """A fresh PostgreSQL database for Prefect's own data (with pg_trgm), dropped afterwards."""
    name = f"prefect_test_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_URL.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = make_engine(PG_URL.rsplit("/", 1)[0] + f"/{name}", isolation_level="AUTOCOMMIT")
    with db.connect() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    db.dispose()
    yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _seed(url: str) -> int:
    """PLANS plans x UNITS units, one report obligation each due Monday 10/11/2025; returns the officer count."""
    engine = make_engine(url)
    reset_pg(engine)
    with Session(engine) as s:
        issuer = Unit(code="ubnd", name="UBND tỉnh", kind="province")
        s.add(issuer)
        s.flush()
        focal = Unit(code="snv", name="Sở Nội vụ", kind="department", parent_id=issuer.id)
        s.add(focal)
        s.flush()
        s.execute(insert(Unit), [{"code": f"xa{i:03d}", "name": f"UBND xã {i}", "kind": "commune",
                                  "parent_id": issuer.id, "external": False} for i in range(UNITS)])
        units = s.exec(select(Unit).where(Unit.kind == "commune")).all()
        s.execute(insert(Officer), [{"code": f"o{u.code}", "unit_id": u.id, "name": f"Cán bộ {u.code}",
                                     "role": "focal"} for u in units])
        officers = s.exec(select(Officer)).all()
        s.execute(insert(Contact), [{"officer_id": o.id, "channel": "outbox", "url": "outbox://", "priority": 1}
                                    for o in officers])
        s.execute(insert(Plan), [{"source_name": f"kh{p}.docx", "source_hash": f"h{p}", "title": f"Kế hoạch {p}",
                                  "year": 2025, "issuer_unit_id": issuer.id, "focal_unit_id": focal.id,
                                  "parsed": {}, "policy": {}, "recipients": [], "unresolved": []} for p in range(PLANS)])
        plans = s.exec(select(Plan)).all()
        s.execute(insert(Obligation), [
            {"key": f"{p.id}:{u.id}", "plan_id": p.id, "unit_id": u.id, "role": "report", "mode": "assign",
             "kind": "recurring", "period": "2025", "period_start": dt.date(2025, 1, 1),
             "period_end": dt.date(2025, 12, 31), "cutoff": dt.date(2025, 11, 7), "due_date": dt.date(2025, 11, 10)}
            for p in plans for u in units])
        s.commit()
        n = len(officers)
    engine.dispose()
    return n


def _start(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


FINAL = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")


def _create_run(api: httpx.Client, deployment: str, params: dict[str, Any]) -> str:
    flow_name, dep_name = deployment.split("/")
    dep = api.get(f"/deployments/name/{flow_name}/{dep_name}").json()
    return str(api.post(f"/deployments/{dep['id']}/create_flow_run", json={"parameters": params}).json()["id"])


def _wait_state(api: httpx.Client, run_id: str, timeout: float, states: tuple[str, ...] = FINAL) -> str:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        state = api.get(f"/flow_runs/{run_id}").json()["state"]
        if state and state["type"] in states:
            return str(state["type"])
        time.sleep(1)
    return "TIMEOUT"


def _run_and_wait(api: httpx.Client, deployment: str, params: dict[str, Any], timeout: float) -> tuple[str, float]:
    t0 = time.monotonic()
    state = _wait_state(api, _create_run(api, deployment, params), timeout)
    return state, time.monotonic() - t0


class Stack:
    """The module's Prefect server, pool and workers (name -> process), with the environment they share."""

    def __init__(self, *, env: dict[str, str], home: Path, logs: Path, api: httpx.Client) -> None:
        self.env, self.home, self.logs, self.api = env, home, logs, api
        self.workers: dict[str, subprocess.Popen[bytes]] = {}

    def start_worker(self, name: str) -> None:
        self.workers[name] = _start([sys.executable, "-m", "prefect", "worker", "start", "--pool", POOL, "--name",
                                     name, "--limit", "2"], self.env | {"DONDOC_WORKER_NAME": name},
                                    self.logs / f"{name}.log")

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")


@pytest.fixture(scope="module")
def stack(pg_schema_url: str, prefect_pg: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("province")
    port = _free_port()
    env = dict(os.environ)
    env.update({
        "DONDOC_HOME": str(tmp / "home"), "DONDOC_DATABASE_URL": pg_schema_url,
        "DONDOC_SECRET_KEY": "test-secret-key-not-for-production",
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_WORKER_QUERY_SECONDS": "1", "PREFECT_FLOWS_HEARTBEAT_FREQUENCY": "30",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    })
    server = LocalPrefectServer(home=tmp / "prefect", port=port, database_url=prefect_pg)
    server.start(timeout=180)
    print(f"prefect server on PostgreSQL ready in {server.ready_seconds:.1f} s")
    st = Stack(env=env, home=tmp / "home", logs=tmp, api=httpx.Client(base_url=env["PREFECT_API_URL"], timeout=30))
    try:
        setup = subprocess.run([sys.executable, "-c", "from dondoc.cli import main; main()", "serve", "--pool", POOL,
                                "--check"], env=env, capture_output=True, text=True, timeout=300, check=False)
        assert setup.returncode == 0, setup.stderr[-3000:]
        assert f"deployments in work pool {POOL!r}" in setup.stdout
        # the tests trigger every run themselves: no scheduled run of the real date may interfere
        for dep in st.api.post("/deployments/filter", json={}).json():
            st.api.patch(f"/deployments/{dep['id']}", json={"paused": True}).raise_for_status()
        for name in ("w1", "w2"):
            st.start_worker(name)
        yield st
    finally:
        for w in st.workers.values():
            _stop(w)
        st.api.close()
        server.stop()


def test_two_workers_share_the_daily_sweep(stack: Stack, pg_schema_url: str) -> None:
    officers = _seed(pg_schema_url)
    api, home = stack.api, stack.home
    automations = api.post("/automations/filter", json={}).json()
    assert any(a["name"].startswith("dondoc: crash") for a in automations)

    state, seconds = _run_and_wait(api, "daily-province/daily-province",
                                   {"at": AT, "batches": 4, "senders": 2}, timeout=600)
    logs = {n: stack.log(n) for n in ("w1", "w2")}
    assert state == "COMPLETED", "\n".join(v[-2000:] for v in logs.values())
    print(f"daily-province over {PLANS * UNITS} obligations: {seconds:.1f} s")

    engine = make_engine(pg_schema_url)
    with Session(engine) as s:
        notices = s.exec(select(func.count()).select_from(Notice)).one()
        messages = s.exec(select(Message)).all()
    assert notices == PLANS * UNITS  # one reminder per obligation
    assert len(messages) == officers and all(m.status == "sent" for m in messages)  # one digest per officer
    sent_files = sorted((home / "outbox").rglob("*.txt"))
    assert len(sent_files) == officers  # delivered exactly once each
    # both workers ran flow runs (each worker logs the runs it submits)
    ran = {n: set(re.findall(r"flow run '([0-9a-f-]{36})'", log)) for n, log in logs.items()}
    assert ran["w1"] and ran["w2"], {n: len(r) for n, r in ran.items()}
    print("flow runs per worker:", {n: len(r) for n, r in ran.items()})

    # the same day again: nothing new decided, nothing sent twice
    state, seconds = _run_and_wait(api, "daily-province/daily-province", {"at": AT, "batches": 4, "senders": 2},
                                   timeout=600)
    assert state == "COMPLETED"
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Notice)).one() == notices
        assert s.exec(select(func.count()).select_from(Message)).one() == officers
    assert len(sorted((home / "outbox").rglob("*.txt"))) == officers
    engine.dispose()


# ------------------------------------------------------------------------------------------ crash

CRASH_OFFICERS, ANSWERED = 40, 8  # the receiver acknowledges 8 digests, then holds every further request


class HoldingReceiver:
    """A webhook receiver on 127.0.0.1: answers the first `answer` requests 200, holds the rest open until
    `drop()` closes them unanswered (the sender never learns they arrived: a send that did not happen).
    Later requests are answered at once. `acked` counts, per path, the requests answered 200."""

    def __init__(self, *, answer: int) -> None:
        import threading
        from collections import Counter
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.answer = answer
        self.acked: Counter[str] = Counter()
        self.held = 0
        self.lock = threading.Lock()
        self.released = threading.Event()
        self.dropping = True
        peer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with peer.lock:
                    hold = sum(peer.acked.values()) >= peer.answer and not peer.released.is_set()
                    if hold:
                        peer.held += 1
                if hold:
                    peer.released.wait(600)
                    self.close_connection = True
                    return  # closed without an answer
                with peer.lock:
                    peer.acked[self.path] += 1
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def drop(self) -> None:
        self.released.set()

    def close(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()


def _seed_crash(url: str, port: int) -> None:
    """CRASH_OFFICERS officers, each with one reminder today and a webhook contact at the receiver."""
    engine = make_engine(url)
    reset_pg(engine)
    with Session(engine) as s:
        issuer = Unit(code="ubnd", name="UBND tỉnh", kind="province")
        s.add(issuer)
        s.flush()
        s.execute(insert(Officer), [{"code": f"cb{i:03d}", "unit_id": issuer.id, "name": f"Cán bộ {i}",
                                     "role": "focal"} for i in range(CRASH_OFFICERS)])
        officers = s.exec(select(Officer)).all()
        s.execute(insert(Contact), [{"officer_id": o.id, "channel": "webhook", "priority": 1,
                                     "url": f"json://127.0.0.1:{port}/hook/{o.code}?rto=120"} for o in officers])
        plan = Plan(source_name="kh.docx", source_hash="h", title="Kế hoạch thử sự cố", year=2025,
                    issuer_unit_id=issuer.id, focal_unit_id=issuer.id)
        s.add(plan)
        s.flush()
        ob = Obligation(key="k", plan_id=plan.id, unit_id=issuer.id, role="lead", mode="assign", kind="once",
                        period="2025", period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31),
                        cutoff=dt.date(2025, 11, 7), due_date=dt.date(2025, 11, 10))
        s.add(ob)
        s.flush()
        s.execute(insert(Notice), [{"obligation_id": ob.id, "officer_id": o.id, "kind": "reminder", "level": 0,
                                    "day": dt.date(2025, 11, 3)} for o in officers])
        s.commit()
    engine.dispose()


def _count(url: str, status: str) -> int:
    engine = make_engine(url)
    with Session(engine) as s:
        n = s.exec(select(func.count()).select_from(Message).where(Message.status == status)).one()
    engine.dispose()
    return int(n)


def _breakdown(url: str) -> list[tuple[str, str, str, int]]:
    """(kind, status, day, count) of the messages: what a failed count assertion needs to be understood."""
    engine = make_engine(url)
    with Session(engine) as s:
        rows = s.exec(select(Message.kind, Message.status, Message.day, func.count())
                      .group_by(Message.kind, Message.status, Message.day)).all()
    engine.dispose()
    return [(k, st, str(d), int(n)) for k, st, d, n in rows]


def _ancestors(pid: int) -> set[int]:
    """The parent chain of `pid` (from /proc): which of our workers started this process."""
    out: set[int] = set()
    while pid > 1:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            break
        pid = int(stat.rsplit(")", 1)[1].split()[1])
        out.add(pid)
    return out


def test_killed_worker_run_is_crashed_and_resumed_once(stack: Stack, pg_schema_url: str) -> None:
    receiver = HoldingReceiver(answer=ANSWERED)
    try:
        _seed_crash(pg_schema_url, receiver.port)
        run_id = _create_run(stack.api, "deliver-pending/deliver", {"at": AT})
        # wait until the run has sent what the receiver answers, recorded it, and holds the rest in flight
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not (receiver.held and _count(pg_schema_url, "sent") >= ANSWERED):
            assert _wait_state(stack.api, run_id, 0.5) == "TIMEOUT", "the run ended before the crash"
        assert _count(pg_schema_url, "sent") == ANSWERED and receiver.held > 0
        run = stack.api.get(f"/flow_runs/{run_id}").json()
        assert run["state"]["type"] == "RUNNING"
        # the process running it and its worker die at once (kill -9 of the worker's process group), as in
        # a power loss or the OOM killer: nobody is left to report the run
        pid = int(str(run["infrastructure_pid"]).rsplit(":", 1)[-1])
        ancestors = _ancestors(pid)
        victim = next(n for n, w in stack.workers.items() if w.poll() is None and w.pid in ancestors)
        os.kill(pid, signal.SIGKILL)  # the flow-run process (started by the worker, maybe in its own session)
        os.killpg(stack.workers[victim].pid, signal.SIGKILL)  # and the worker with its process group
        stack.workers[victim].wait(timeout=10)
        killed = time.monotonic()
        receiver.drop()  # the held requests are closed unanswered: those digests were not delivered
        assert _count(pg_schema_url, "sending") == CRASH_OFFICERS - ANSWERED  # claimed by the dead run

        # the heartbeat automation (30 s heartbeats, 75 s window) marks it crashed
        state = _wait_state(stack.api, run_id, 200)
        crashed_after = time.monotonic() - killed
        print(f"run killed -> {state} after {crashed_after:.0f} s")
        assert state == "CRASHED"
        assert "heartbeat" in (stack.api.get(f"/flow_runs/{run_id}").json()["state"]["message"] or "")
        assert crashed_after <= 75 + 30 + 45  # window + one heartbeat period + evaluation slack

        # the next 'deliver' run (hourly in office hours; here 15 minutes later, past the 10-minute lease)
        # takes over the dead run's claims and finishes
        stack.start_worker(f"{victim}-restarted")
        state, _ = _run_and_wait(stack.api, "deliver-pending/deliver", {"at": "2025-11-03T08:15:00+07:00"}, 300)
        assert state == "COMPLETED"
        assert _count(pg_schema_url, "sent") == CRASH_OFFICERS, _breakdown(pg_schema_url)
        # every officer's digest acknowledged exactly once across the crashed and the resuming run
        assert len(receiver.acked) == CRASH_OFFICERS and set(receiver.acked.values()) == {1}, receiver.acked
    finally:
        receiver.close()
