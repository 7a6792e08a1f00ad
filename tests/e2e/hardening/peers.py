"""Local receivers for the fault tests: a webhook that can be slow and an SMTP server that can go down.

Both record the delivery key (X-Dondoc-Key) of everything they accept, so a test can count duplicates.
"""

from __future__ import annotations

import email
import email.policy
import re
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.integration.hardening.conftest import EXAMPLES


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Webhook:
    """json:// receiver; `delay` seconds before each answer (a slow peer)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.keys: list[str] = []
        self.lock = threading.Lock()
        peer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if peer.delay:
                    time.sleep(peer.delay)
                with peer.lock:
                    peer.keys.append(self.headers.get("X-Dondoc-Key", ""))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.server.server_address[1]}/hook"

    def counts(self) -> Counter[str]:
        with self.lock:
            return Counter(self.keys)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Mailbox:
    """aiosmtpd on a fixed port; `start()` / `stop()` take it up and down."""

    def __init__(self) -> None:
        self.port = free_port()
        self.keys: list[str] = []
        self.controller: Any = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        self.keys.append(str(msg["X-Dondoc-Key"]))
        return "250 OK"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def url(self, to: str) -> str:
        return f"mailto://127.0.0.1:{self.port}?from=dondoc@example.org&to={to}&mode=insecure"


def local_directory(tmp_path: Path, *, webhook: Webhook | None = None, mailbox: Mailbox | None = None) -> Path:
    """The example directory with every contact pointed at a local receiver."""
    text = (EXAMPLES / "directory.yaml").read_text(encoding="utf-8")

    def contact(m: re.Match[str]) -> str:
        indent, url = m.group(1), m.group(2)
        if webhook is not None:
            return f"channel: webhook\n{indent}url: {webhook.url}"
        assert mailbox is not None
        to = url.split("://", 1)[1] if url.startswith("mailto://") else f"x{abs(hash(url)) % 10**8}@example.org"
        return f"channel: email\n{indent}url: {mailbox.url(to)}"

    text = re.sub(r"channel: \S+\n(\s+)url: (\S+)", contact, text)
    path = tmp_path / "directory.yaml"
    path.write_text(text, encoding="utf-8")
    return path
