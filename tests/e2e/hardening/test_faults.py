"""Faults injected into real processes with real peers on 127.0.0.1 (SQLite and PostgreSQL).

- SIGKILL during a sweep (delivery in progress to a slow webhook), during a plan import and during a
  report compilation, then a rerun: nothing lost, nothing delivered twice except the sends that were on
  the wire at the kill (the peer had them, the database could not know; each carries its X-Dondoc-Key),
  no half-imported plan, the report byte-identical.
- The SMTP server down for a whole day, then back: the late digests go out once, marked late.
- PostgreSQL restarted under a running simulation: the run fails with one clean line, the next completes.
- Two sweeps started at once: each digest sent once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

import pendulum
import pytest
from sqlmodel import Session, select

from dondoc.clock import TZ
from dondoc.db import make_engine
from dondoc.directory.apply import import_directory
from dondoc.intake.importer import import_plan
from dondoc.models import Assignment, Message, Obligation, Plan
from tests.e2e.hardening.peers import Mailbox, Webhook, local_directory
from tests.integration.hardening.conftest import EXAMPLES, PYTHON, SEED_004, row_counts
from tests.integration.hardening.conftest import (
    cli_process as cli,  # a process that can be killed, a server that restarts
)

pytestmark = pytest.mark.slow
NOW = pendulum.datetime(2025, 3, 1, 9, 0, tz=TZ)
SEEDS = sorted((EXAMPLES / "plans").glob("*.txt"))
# The import-kill test wants a run long enough to be killed several times in the middle, on a fast
# machine too: the seeds plus the ten real plans of ../shared/plans (larger, with annex tables).
IMPORT_FILES = SEEDS + sorted((EXAMPLES.parents[1] / "shared" / "plans").glob("*.md"))
DAY = "2025-11-03"  # a reminder day of seed 004 (report due 10/11)


def popen(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([PYTHON, "-m", "dondoc.cli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "COLUMNS": "200", **(env or {})})


def wait_for(cond, timeout: float = 120, step: float = 0.05) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(step)
    return False


def digests(engine) -> list[Message]:  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        return list(s.exec(select(Message).where(Message.kind == "digest")).all())


@pytest.fixture
def db(settings):  # type: ignore[no-untyped-def]
    engine = make_engine(settings.db_url)
    yield engine
    engine.dispose()


def stock(engine, settings, tmp_path: Path, **peer) -> None:  # type: ignore[no-untyped-def]
    import_directory(engine=engine, settings=settings, path=local_directory(tmp_path, **peer), now=NOW)
    import_plan(engine=engine, settings=settings, activate=True, path=SEED_004, year=2025, now=NOW)
    # the activation's assignment notices (giao việc) went out on the day of activation: these tests are about
    # the digests of a later sweep
    with Session(engine) as s:
        for m in s.exec(select(Message).where(Message.kind != "digest")).all():
            m.status, m.sent_at = "sent", NOW
            s.add(m)
        s.commit()


# ------------------------------------------------------------------------------------------- sweep


def test_sweep_killed_mid_delivery_then_rerun_loses_nothing(db, settings, tmp_path: Path) -> None:
    hook = Webhook(delay=0.5)
    try:
        stock(db, settings, tmp_path, webhook=hook)
        proc = popen("run", "daily", "--at", f"{DAY}T08:00", env={"DONDOC_SEND_CONCURRENCY": "2"})
        try:
            if not wait_for(lambda: len(hook.keys) >= 3 or proc.poll() is not None) or proc.poll() is not None:
                pytest.fail(f"the sweep never reached the peer: {proc.communicate()}")
            time.sleep(0.2)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
        time.sleep(1.0)  # sends that were on the wire reach the peer
        at_kill = {m.key: m.status for m in digests(db)}
        received_at_kill = hook.counts()
        assert "sent" in at_kill.values() and set(at_kill.values()) - {"sent"}, at_kill  # really mid-delivery
        early = cli("run", "daily", "--at", f"{DAY}T08:05", "--json")
        assert early.code == 0, early.err
        assert hook.counts() == received_at_kill  # the dead worker's lease still holds
        late = cli("run", "daily", "--at", f"{DAY}T08:11", "--json")
        assert late.code == 0, late.err
        final = digests(db)
        assert {m.status for m in final} == {"sent"}
        assert {m.key for m in final} == set(at_kill)  # the rerun decided nothing new
        got = hook.counts()
        assert set(got) == set(at_kill)  # nothing lost
        twice = {k for k, n in got.items() if n > 1}
        in_flight = {k for k, s in at_kill.items() if s != "sent" and k in received_at_kill}
        assert twice <= in_flight and len(twice) <= 2  # at most the concurrency window
        assert max(got.values()) <= 2
    finally:
        hook.close()


def test_two_sweeps_started_at_once_send_each_digest_once(db, settings, tmp_path: Path) -> None:
    hook = Webhook(delay=0.05)
    try:
        stock(db, settings, tmp_path, webhook=hook)
        procs = [popen("run", "daily", "--at", f"{DAY}T08:00", "--json", env={"DONDOC_SEND_CONCURRENCY": "4"})
                 for _ in range(2)]
        outs = [p.communicate(timeout=600) for p in procs]
        for p, (_out, err) in zip(procs, outs, strict=False):
            assert p.returncode == 0, err
            assert "Traceback" not in err
        final = digests(db)
        assert final and {m.status for m in final} == {"sent"}
        got = hook.counts()
        assert set(got) == {m.key for m in final}
        assert set(got.values()) == {1}, {k: n for k, n in got.items() if n > 1}
    finally:
        hook.close()


def test_smtp_down_for_a_day_then_back_sends_late_digests_once(db, settings, tmp_path: Path) -> None:
    box = Mailbox()  # not started: down
    try:
        stock(db, settings, tmp_path, mailbox=box)
        day1 = cli("run", "daily", "--at", f"{DAY}T08:00", "--json", timeout=600)
        assert day1.code == 0, day1.err
        first = digests(db)
        assert first and all(m.status != "sent" for m in first)
        assert box.keys == []
        box.start()
        day2 = cli("run", "daily", "--at", "2025-11-04T08:00", "--json", timeout=600)
        assert day2.code == 0, day2.err
        final = {m.key: m for m in digests(db)}
        assert {final[m.key].status for m in first} == {"sent"}
        assert all(final[m.key].late for m in first)  # sent on a later day than their own
        assert not any(m.late for m in final.values() if m.day.isoformat() == "2025-11-04")
        got = Counter(box.keys)
        assert set(got.values()) == {1}
        assert {m.key for m in first} <= set(got)
        again = cli("run", "daily", "--at", "2025-11-04T09:00", "--json")
        assert again.code == 0 and Counter(box.keys) == got
    finally:
        box.stop()


# ------------------------------------------------------------------------------------------ import


def _plan_shape(engine) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    """source file -> (assignments, obligations) of every stored plan."""
    with Session(engine) as s:
        plans = s.exec(select(Plan)).all()
        out = {}
        for p in plans:
            a = len(s.exec(select(Assignment.id).where(Assignment.plan_id == p.id)).all())
            o = len(s.exec(select(Obligation.id).where(Obligation.plan_id == p.id)).all())
            out[p.source_name] = (a, o)
        return out


@pytest.fixture(scope="module")
def reference_shape(tmp_path_factory) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The import-kill files imported without interruption (SQLite), for comparison."""
    from dondoc.config import Settings
    from dondoc.db import upgrade

    home = tmp_path_factory.mktemp("ref")
    s = Settings(home=home, secret_key="test-secret-key-not-for-production")
    engine = make_engine(s.db_url)
    upgrade(engine)
    import_directory(engine=engine, settings=s, path=EXAMPLES / "directory.xlsx", now=NOW)
    for p in IMPORT_FILES:
        import_plan(engine=engine, settings=s, activate=True, path=p, now=NOW)
    shape = _plan_shape(engine)
    engine.dispose()
    return shape


def test_plan_import_killed_leaves_no_half_plan(db, settings, reference_shape) -> None:
    import_directory(engine=db, settings=settings, path=EXAMPLES / "directory.xlsx", now=NOW)
    empty = row_counts(db)
    kills_mid_run = 0
    # Kill each run just after it committed one more plan (plus a little): in the middle of the next
    # plan's transaction, whatever the machine's speed.
    for extra in (0.0, 0.15, 0.3):
        before = len(_plan_shape(db))
        proc = popen("plan", "import", "--activate", *map(str, IMPORT_FILES))
        wait_for(lambda: proc.poll() is not None or len(_plan_shape(db)) > before, timeout=300, step=0.02)
        time.sleep(extra)
        if proc.poll() is None:
            kills_mid_run += 1
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        shape = _plan_shape(db)
        for name, got in shape.items():  # every plan present is whole
            assert got == reference_shape[name], (extra, name, got)
        for table, n in row_counts(db).items():
            assert n >= empty[table]
    assert kills_mid_run >= 2, "the imports finished before the kills: raise the delays' resolution"
    done = cli("plan", "import", "--activate", *map(str, IMPORT_FILES), timeout=600)
    assert done.code == 0, done.err
    assert _plan_shape(db) == reference_shape


# ------------------------------------------------------------------------------------------ report


def test_report_killed_mid_compilation_then_rerun_gives_identical_bytes(db, settings, tmp_path: Path) -> None:
    stock(db, settings, tmp_path, webhook=Webhook())
    at = "2025-12-20T09:00"  # after the period's cut-off: a final report
    ref_out = tmp_path / "ref.docx"
    # reference: the same data compiled without interruption in a copy of the database (SQLite) or,
    # on PostgreSQL, compiled first and then deleted together with its files
    kills = 0
    for delay in (0.8, 1.6, 2.4):
        proc = popen("report", "1", "--period", "2025", "--at", at, "--out", str(tmp_path / "killed.docx"))
        time.sleep(delay)
        if proc.poll() is None:
            kills += 1
            proc.send_signal(signal.SIGKILL)
        proc.wait()
    run = cli("report", "1", "--period", "2025", "--at", at, "--out", str(ref_out), timeout=600)
    assert run.code == 0, run.err
    again = cli("report", "1", "--period", "2025", "--at", at, "--out", str(tmp_path / "again.docx"), timeout=600)
    assert again.code == 0, again.err
    digest = hashlib.sha256(ref_out.read_bytes()).hexdigest()
    assert hashlib.sha256((tmp_path / "again.docx").read_bytes()).hexdigest() == digest
    # an uninterrupted compilation of the same data from scratch gives the same bytes
    fresh_home = tmp_path / "fresh"
    fresh_env = {"DONDOC_HOME": str(fresh_home), "DONDOC_DATABASE_URL": f"sqlite:///{fresh_home / 'dondoc.db'}"}
    fresh_home.mkdir()
    assert cli("directory", "import", str(local_directory(tmp_path / "fresh", webhook=Webhook())), env=fresh_env).code == 0
    assert cli("plan", "import", "--activate", str(SEED_004), "--year", "2025", env=fresh_env).code == 0
    clean = cli("report", "1", "--period", "2025", "--at", at, "--out", str(tmp_path / "clean.docx"), env=fresh_env,
                timeout=600)
    assert clean.code == 0, clean.err
    assert hashlib.sha256((tmp_path / "clean.docx").read_bytes()).hexdigest() == digest
    assert kills >= 1


# -------------------------------------------------------------------------------------- PostgreSQL


class PrivateCluster:
    """A throwaway PostgreSQL cluster of our own (initdb in a temporary folder, a free port), so that
    restarting it mid-run disturbs no other test using the shared server at 127.0.0.1:5432."""

    def __init__(self) -> None:
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb")) if Path("/usr/lib/postgresql").is_dir() else []
        if not versions:
            pytest.skip("PostgreSQL server binaries not installed")
        self.bin = versions[-1].parent
        self.root = Path(tempfile.mkdtemp(prefix="dondoc-pg-"))
        self.root.chmod(0o755)
        self.data = self.root / "data"
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self._as_postgres = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
        subprocess.run([*self._as_postgres, str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U",
                        "postgres", "--no-sync"], check=True, capture_output=True, timeout=120)
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        # -l: the server's output goes to a file, not to our pipe (which it would hold open forever)
        subprocess.run([*self._as_postgres, str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-w",
                        "-t", "60", "-l", str(self.root / "server.log"), *extra, action], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)

    def close(self) -> None:
        try:
            self.ctl("stop", "-m", "immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


def test_postgresql_restarted_mid_run_fails_cleanly_and_the_next_run_completes(tmp_path: Path, monkeypatch) -> None:
    from dondoc.config import Settings, reset_settings
    from dondoc.db import upgrade

    cluster = PrivateCluster()
    try:
        cluster.ctl("start")
        home = tmp_path / "home"
        monkeypatch.setenv("DONDOC_HOME", str(home))
        monkeypatch.setenv("DONDOC_DATABASE_URL", cluster.url)
        monkeypatch.setenv("DONDOC_SECRET_KEY", "test-secret-key-not-for-production")
        reset_settings()
        settings = Settings(home=home, database_url=cluster.url, secret_key="test-secret-key-not-for-production")
        engine = make_engine(cluster.url)
        upgrade(engine)
        stock(engine, settings, tmp_path, webhook=Webhook())
        engine.dispose()
        proc = popen("simulate", "--from", "2025-01-01", "--to", "2025-12-31", "--on-time", "0.6", "--commit")
        try:
            time.sleep(6)
            assert proc.poll() is None, "the simulation ended before the restart"
            cluster.ctl("restart", "-m", "fast")
            _out, err = proc.communicate(timeout=600)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert "Traceback" not in err, err[-3000:]
        # Mostly the restart lands inside a transaction: the run stops with one clean line. When it lands
        # between two transactions, the pool's pre-ping reconnects and the run completes: also fine.
        if proc.returncode != 0:
            lines = [line for line in err.splitlines() if line.strip() and not line.startswith("20")]
            assert lines and lines[-1].startswith("dondoc: error: "), err[-2000:]
        rerun = cli("simulate", "--from", "2025-01-01", "--to", "2025-12-31", "--on-time", "0.6", "--commit", timeout=900)
        assert rerun.code == 0, rerun.err[-3000:]
    finally:
        reset_settings()
        cluster.close()
