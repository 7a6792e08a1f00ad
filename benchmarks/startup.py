"""Start-up time of the command line, as whole processes (median of runs).

    python benchmarks/startup.py [--runs 7]

Prints the median and the fastest wall time of:
  dondoc --help                 goal ≤ 0.5 s
  dondoc parse SEED --json      goal ≤ 1.5 s
  dondoc web → /healthz answers goal ≤ 2 s
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_ce28b731dea2f21e.txt"
if not SEED.exists():
    SEED = ROOT / "examples" / "plans" / "000_ce28b731dea2f21e.txt"
DONDOC = [sys.executable, "-c", "from dondoc.cli import main; main()"]


def _timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _web(env: dict[str, str]) -> float:
    port = _free_port()
    start = time.perf_counter()
    proc = subprocess.Popen([*DONDOC, "web", "--host", "127.0.0.1", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    if r.status == 200:
                        return time.perf_counter() - start
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("dondoc web exited before answering /healthz") from None
                time.sleep(0.02)
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="dondoc-startup-"))
    env = {**os.environ, "DONDOC_HOME": str(home), "DONDOC_SECRET_KEY": "startup-benchmark-key-0123456789abcdef"}
    env.pop("DONDOC_DATABASE_URL", None)
    subprocess.run([*DONDOC, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    cases = {
        "dondoc --help": lambda: _timed([*DONDOC, "--help"], env),
        "dondoc parse SEED --json": lambda: _timed([*DONDOC, "parse", str(SEED), "--json"], env),
        "dondoc web -> /healthz": lambda: _web(env),
    }
    try:
        for name, run in cases.items():
            run()  # warm the file cache
            times = [run() for _ in range(args.runs)]
            print(f"{name:28s} median {statistics.median(times):.2f} s  best {min(times):.2f} s  ({args.runs} runs)")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
