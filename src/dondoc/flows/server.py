"""A local Prefect server for `dondoc serve`, when PREFECT_API_URL names none.

Prefect's ephemeral in-process API cannot schedule flows ("Cannot schedule flows on an ephemeral
server"), so `dondoc serve` starts `prefect server start` as a subprocess, with PREFECT_HOME and its own
SQLite database under dondoc's data folder (separate from dondoc's database), waits until /api/health
answers, and stops it on exit. This module does not import prefect: it only runs its command.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Self

import httpx

from dondoc.errors import ConfigError

log = logging.getLogger(__name__)

READY_TIMEOUT_S = 90.0


def healthy(api_url: str, *, timeout: float = 2.0) -> bool:
    try:
        r = httpx.get(f"{api_url.rstrip('/')}/health", timeout=timeout)
    except httpx.HTTPError:
        return False
    return r.status_code == 200


class LocalPrefectServer:
    """`prefect server start` on 127.0.0.1:`port`, data in `home` (PREFECT_HOME, prefect.db, server.log)."""

    def __init__(self, *, home: Path, port: int, host: str = "127.0.0.1", database_url: str | None = None) -> None:
        self.home = Path(home)
        self.host = host
        self.port = port
        self.database_url = database_url or f"sqlite+aiosqlite:///{self.home / 'prefect.db'}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.reused = False
        self.ready_seconds: float | None = None

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}/api"

    @property
    def log_path(self) -> Path:
        return self.home / "server.log"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("PREFECT_API_URL", None)
        env.update({
            "PREFECT_HOME": str(self.home),
            "PREFECT_SERVER_DATABASE_CONNECTION_URL": self.database_url,
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_SERVER_API_HOST": self.host,
            "PREFECT_SERVER_API_PORT": str(self.port),
        })
        return env

    def start(self, *, timeout: float = READY_TIMEOUT_S) -> Self:
        if healthy(self.api_url):
            # A server from an earlier `dondoc serve` (or started by hand) already answers there.
            self.reused = True
            self.ready_seconds = 0.0
            return self
        self.home.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        with self.log_path.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "prefect", "server", "start", "--host", self.host, "--port", str(self.port)],
                env=self.env(), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: stopped as a whole, never by name
            )
        while time.monotonic() - started < timeout:
            if self.proc.poll() is not None:
                raise ConfigError(f"prefect server exited with code {self.proc.returncode}; see {self.log_path}:\n"
                                  + self._log_tail())
            if healthy(self.api_url, timeout=1.0):
                self.ready_seconds = time.monotonic() - started
                log.info("prefect server ready at %s after %.1f s", self.api_url, self.ready_seconds)
                return self
            time.sleep(0.25)
        self.stop()
        raise ConfigError(f"prefect server not healthy after {timeout:.0f} s; see {self.log_path}")

    def stop(self, *, grace: float = 15.0) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)

    def _log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def prefect_api(api_url: str) -> Iterator[None]:
    """Point this process (and the flow-run subprocesses it spawns) at `api_url`."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    old = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            yield
    finally:
        if old is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = old
