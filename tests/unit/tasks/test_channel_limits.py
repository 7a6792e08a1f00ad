"""Per-channel concurrency limits, end to end: DONDOC_CHANNEL_LIMITS -> the deliver-messages task ->
delivery.deliver_pending -> real apprise sends to two local HTTP receivers. A slow webhook receiver
(each request sleeps) must not hold a fast Zalo receiver: with the webhook family limited, every Zalo
message arrives while the webhook receiver is still busy. The control case (webhook allowed to take
every sending thread) shows the measurement does catch a channel holding the rest."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

import pytest

from dondoc.config import Settings
from dondoc.errors import ConfigError

SLOW, FAST = 6, 12  # officers on the slow webhook, officers on the fast Zalo receiver
SLOW_SECONDS = 0.8


class Receiver:
    """A local HTTP peer that records when each request arrived; `delay` seconds before answering."""

    def __init__(self, *, delay: float, answer: dict[str, Any]) -> None:
        self.delay = delay
        self.arrivals: list[float] = []
        self.lock = threading.Lock()
        peer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                with peer.lock:
                    peer.arrivals.append(time.monotonic())
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                time.sleep(peer.delay)
                body = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receivers() -> Iterator[tuple[Receiver, Receiver]]:
    with Receiver(delay=SLOW_SECONDS, answer={"ok": True}) as slow, \
            Receiver(delay=0.0, answer={"error": 0, "message": "Success"}) as fast:
        yield slow, fast


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("email=8,zalo=16", {"email": 8, "zalo": 16}),
        (" Webhook = 3 , ", {"webhook": 3}),
        ("", {}),
        ("email", ConfigError),
        ("email=0", ConfigError),
        ("email=many", ConfigError),
    ],
)
def test_channel_limits_setting(raw: str, expected: Any) -> None:
    s = Settings(channel_limits=raw)
    if expected is ConfigError:
        with pytest.raises(ConfigError, match="DONDOC_CHANNEL_LIMITS"):
            s.channel_limit_map()
    else:
        assert s.channel_limit_map() == expected
