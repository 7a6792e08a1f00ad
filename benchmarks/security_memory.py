"""Peak memory of rejected hostile input (issue 18): a 300 MB chunked upload and a 200 MB JSON body with
a bad token against a real `uvicorn` server, and decompression bombs given to `dondoc parse`.

    PYTHONPATH=src python benchmarks/security_memory.py

Prints, for each case, the server's (or the command's) peak resident memory above its idle level."""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MB = 1024 * 1024


def _status(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _send(port: int, head: bytes, body_bytes: int, chunked: bool) -> str:
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    sock.sendall(head)
    block = b"0" * (256 * 1024)
    sent = 0
    sock.settimeout(0.001)
    reply = b""
    try:
        while sent < body_bytes:
            frame = (f"{len(block):x}\r\n".encode() + block + b"\r\n") if chunked else block
            try:
                sock.sendall(frame)
            except (TimeoutError, BlockingIOError):
                pass
            sent += len(block)
            try:
                reply += sock.recv(4096)
                if reply:
                    break
            except (TimeoutError, BlockingIOError):
                pass
    except (BrokenPipeError, ConnectionResetError):
        pass
    sock.settimeout(30)
    try:
        reply += sock.recv(4096)
    except OSError:
        pass
    sock.close()
    return f"{reply.split(b' ', 2)[1].decode() if reply.startswith(b'HTTP') else '?'} after {sent // MB} MB sent"


def web_cases() -> None:
    home = Path(tempfile.mkdtemp())
    env = {**os.environ, "DONDOC_HOME": str(home), "DONDOC_SECRET_KEY": "bench-" + "k3Y9xQ2mZ7wR4tP8aB5cD6eFgH7jK",
           "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "dondoc.cli", "init"], env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "dondoc.web.app:create_app_from_env",
                               "--port", str(port), "--log-level", "warning"], env=env)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        for _ in range(3):  # warm up (imports, templates, the database)
            _send(port, f"GET /t/{'w' * 43} HTTP/1.1\r\nHost: x\r\n\r\n".encode(), 0, False)
        idle = _status(server.pid, "VmRSS")
        print(f"web server idle RSS: {idle} MB")
        cases = [
            ("300 MB chunked multipart upload, bad token",
             f"POST /t/{'x' * 43}/o/1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
             "Content-Type: multipart/form-data; boundary=b\r\n\r\n", 300 * MB, True),
            ("200 MB JSON body, bad bearer",
             f"POST /api/obligations/1/status HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\n"
             f"Content-Type: application/json\r\nContent-Length: {200 * MB}\r\n\r\n", 200 * MB, False),
            ("200 MB chunked JSON body, bad bearer",
             "POST /api/obligations/1/status HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\n"
             "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", 200 * MB, True),
        ]
        for name, head, size, chunked in cases:
            outcome = _send(port, head.encode(), size, chunked)
            time.sleep(0.3)
            peak = _status(server.pid, "VmHWM")
            print(f"{name}: answered {outcome}; server peak {peak} MB = {peak - idle:+d} MB above idle")
    finally:
        server.terminate()
        server.wait(10)


def _peak_kb(cmd: list[str], env: dict[str, str]) -> tuple[int, int, str]:
    """(peak RSS in KB, exit code, stderr) of one command, from wait4 (that process alone)."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read() if proc.stderr else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss, proc.returncode, err


def bomb_cases() -> None:
    from tests.integration.security import bombs

    folder = Path(tempfile.mkdtemp())
    for make, name in ((bombs.docx_bomb, "bomb.docx"), (bombs.xlsx_bomb, "bomb.xlsx"), (bombs.pdf_bomb, "bomb.pdf")):
        path = make(folder / name)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        idle = _peak_kb([sys.executable, "-c", "import dondoc.cli, dondoc.plans"], env)[0]
        started = time.monotonic()
        peak, code, err = _peak_kb([sys.executable, "-m", "dondoc.cli", "parse", str(path)], env)
        took = time.monotonic() - started
        print(f"dondoc parse {name} ({path.stat().st_size // 1024} KB on disk, inflates to 200-300 MB): exit {code} "
              f"in {took:.1f} s, peak {peak // 1024} MB vs {idle // 1024} MB for importing the parser "
              f"({(peak - idle) // 1024:+d} MB); {err.strip()[:100]}")
    from dondoc.errors import PlanReadError
    from dondoc.intake import sandbox

    heavy = bombs.docx_big_but_plausible(folder / "heavy.docx", megabytes=25)
    box = sandbox.Sandbox(time_limit=60)
    inherited = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    try:
        sandbox.parse_plan(heavy, max_mb=100, sandbox=box)
        outcome = "parsed"
    except PlanReadError as exc:
        outcome = str(exc).split(": ", 1)[-1][:80]
    print(f"heavy .docx within the zip limits (25 MB of XML): {outcome} in {time.monotonic() - started:.1f} s; "
          f"worker peak {(box.peak_kb or 0) // 1024} MB (cap {sandbox.MEMORY_CAP // MB} MB + {inherited // 1024} MB "
          "inherited from the parent)")


if __name__ == "__main__":
    web_cases()
    bomb_cases()
