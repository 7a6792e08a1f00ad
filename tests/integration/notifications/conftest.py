"""Real local peers for the channel tests: an SMTP server (aiosmtpd) and an HTTP server (webhooks, Zalo).

Both run on 127.0.0.1 in a thread of the test process, record what they receive, and can be told to
answer with an error for the next requests (`fail_next`).
"""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ---------------------------------------------------------------------------------------------- SMTP


@dataclass
class Mail:
    sender: str
    rcpts: list[str]
    msg: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.msg["Subject"])

    def part(self, subtype: str) -> str:
        for p in self.msg.walk():
            if p.get_content_type() == f"text/{subtype}":
                return str(p.get_content())
        return ""

    @property
    def text(self) -> str:
        return self.part("plain")

    @property
    def html(self) -> str:
        return self.part("html")


class SMTPPeer:
    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.mails: list[Mail] = []
        self.replies: deque[str] = deque()
        self.lock = threading.Lock()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            if self.replies:
                return self.replies.popleft()
            msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
            self.mails.append(Mail(envelope.mail_from, list(envelope.rcpt_tos), msg))  # type: ignore[arg-type]
        return "250 OK"

    def fail_next(self, *replies: str) -> None:
        self.replies.extend(replies)

    def url(self, to: str = "lan@example.vn", **extra: str) -> str:
        q = "&".join(f"{k}={v}" for k, v in {"from": "dondoc@example.vn", "to": to, "mode": "insecure", **extra}.items())
        return f"mailto://127.0.0.1:{self.port}?{q}"


@pytest.fixture(scope="module")
def _smtp_server() -> Iterator[SMTPPeer]:
    peer = SMTPPeer()
    peer.controller.start()  # ~0.7 s: started once per module, emptied for each test
    yield peer
    peer.controller.stop()


@pytest.fixture
def smtp_peer(_smtp_server: SMTPPeer) -> SMTPPeer:
    _smtp_server.mails.clear()
    _smtp_server.replies.clear()
    return _smtp_server


# ---------------------------------------------------------------------------------------------- HTTP


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class HTTPPeer:
    server: ThreadingHTTPServer
    requests: list[Request] = field(default_factory=list)
    script: deque[tuple[int, Any]] = field(default_factory=deque)
    default: tuple[int, Any] = (200, {"error": 0, "message": "Success"})
    lock: threading.Lock = field(default_factory=threading.Lock)
    received: list[str] = field(default_factory=list)  # X-Dondoc-Key of every request that arrived
    hang_after: int | None = None  # requests after this many wait for `release` before answering
    release: threading.Event = field(default_factory=threading.Event)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fail_next(self, *answers: tuple[int, Any]) -> None:
        self.script.extend(answers)

    def to(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path.startswith(path)]


def _handler(peer_box: dict[str, HTTPPeer]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            peer = peer_box["peer"]
            n = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(n)
            with peer.lock:
                peer.received.append(self.headers.get("X-Dondoc-Key", ""))
                hang = peer.hang_after is not None and len(peer.received) > peer.hang_after
            if hang:
                peer.release.wait(30)
            with peer.lock:
                status, reply = peer.script.popleft() if peer.script else peer.default
                if 200 <= status < 300:
                    peer.requests.append(Request("POST", self.path, {k.lower(): v for k, v in self.headers.items()},
                                                 body))
            data = json.dumps(reply).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def http_peer() -> Iterator[HTTPPeer]:
    box: dict[str, HTTPPeer] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(box))
    server.daemon_threads = True
    box["peer"] = peer = HTTPPeer(server)
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    t.start()
    yield peer
    peer.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def down_url() -> str:
    """A webhook URL where nothing listens."""
    return f"json://127.0.0.1:{free_port()}/down"


@pytest.fixture
def closed_port() -> int:
    """A local port where nothing listens (a peer that is down)."""
    return free_port()
