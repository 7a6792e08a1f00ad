"""A parse worker whose parent is killed (Ctrl-C'd import, OOM-killed server) must not linger.

The worker is forked with the pipe's read end; unless it closes its copy, a parent killed before reading
the answer leaves the worker blocked on a full pipe forever (seen as orphaned `dondoc plan import`
processes after the import-kill test)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = """
import sys, time
from pathlib import Path
from dondoc.intake.sandbox import Sandbox

def big():
    time.sleep(0.5)
    return "x" * 2_000_000  # far more than a pipe's buffer

print("ready", flush=True)
Sandbox(time_limit=60).run(Path("plan.txt"), big)
"""


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")  # exited (a zombie waits for whoever adopted it to reap it)


def test_worker_exits_when_its_parent_is_killed() -> None:
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + 20
    workers: list[int] = []
    while not workers and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.02)
    assert workers, "the sandbox never started its worker"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while not all(_gone(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [w for w in workers if not _gone(w)]
    for w in left:  # do not leave it behind for the rest of the session either
        os.kill(w, signal.SIGKILL)
    assert not left, f"worker(s) {left} still running 20 s after their parent was killed"
