"""A local HTTP server playing Zalo: the OAuth v4 token endpoint and the OA v3 message endpoint.

OAuth: POST /v4/oa/access_token (header secret_key, form app_id, grant_type=refresh_token,
refresh_token). The refresh token is single-use, as at Zalo: a spent one is refused. Messages: POST
/v3.0/oa/message/cs with header access_token; an unknown or revoked token gets error -216.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest

APP_ID = "1234567890123456789"
SECRET = "zalo-app-secret-XYZ987"


@dataclass
class ZaloPeer:
    server: ThreadingHTTPServer
    refresh_token: str = "RT-initial-0001"  # the one refresh token Zalo would accept now
    access_tokens: set[str] = field(default_factory=set)  # tokens the message API accepts
    refresh_calls: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    oauth_delay: float = 0.0  # seconds the token endpoint takes (to make concurrent refreshes overlap)
    oauth_script: list[tuple[int, Any]] = field(default_factory=list)  # forced answers of the next refreshes
    expires_in: str = "90000"
    lock: threading.Lock = field(default_factory=threading.Lock)
    n: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def contact(self, user: str = "1122334455", oa: str = "UBND-P2") -> str:
        return f"zalooa://{user}?oa={oa}&endpoint={self.base}"

    def oauth(self, headers: dict[str, str], form: dict[str, str]) -> tuple[int, Any]:
        time.sleep(self.oauth_delay)
        with self.lock:
            self.refresh_calls.append({"headers": headers, "form": form})
            if self.oauth_script:
                return self.oauth_script.pop(0)
            if headers.get("secret_key") != SECRET or form.get("app_id") != APP_ID:
                return 200, {"error": -14002, "error_name": "Invalid app_id or secret_key",
                             "error_description": "app_id hoặc secret_key không đúng"}
            if form.get("grant_type") != "refresh_token" or form.get("refresh_token") != self.refresh_token:
                return 200, {"error": -14014, "error_name": "Invalid refresh_token",
                             "error_description": "refresh token không hợp lệ hoặc đã hết hạn"}
            self.n += 1
            access, self.refresh_token = f"AT-fresh-{self.n:04d}-abcdef", f"RT-next-{self.n:04d}-uvwxyz"
            self.access_tokens.add(access)
            return 200, {"access_token": access, "refresh_token": self.refresh_token, "expires_in": self.expires_in}

    def message(self, headers: dict[str, str], body: Any, refused: int = -216) -> tuple[int, Any]:
        with self.lock:
            if headers.get("access_token") not in self.access_tokens:
                return 200, {"error": refused, "message": "Access token is invalid"}
            self.messages.append({"token": headers["access_token"], **body})
            return 200, {"error": 0, "message": "Success", "data": {"message_id": f"m{len(self.messages)}"}}


def _handler(box: dict[str, ZaloPeer]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            peer = box["peer"]
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            headers = {k.lower(): v for k, v in self.headers.items()}
            if self.path.startswith("/v4/oa/access_token"):
                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                status, reply = peer.oauth(headers, form)
            elif self.path.startswith("/v3.0/oa/message/cs"):
                status, reply = peer.message(headers, json.loads(raw.decode("utf-8")))
            elif self.path.startswith("/message/template"):  # ZNS: its "invalid access token" is -124
                status, reply = peer.message(headers, json.loads(raw.decode("utf-8")), refused=-124)
            else:
                status, reply = 404, {"error": 404}
            data = json.dumps(reply).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture(name="zalo_peer")
def zalo_peer_fixture(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[ZaloPeer]:
    """The peer, with DONDOC_ZALO_OAUTH_BASE pointing at it (import `zalo_peer_fixture` to use it)."""
    box: dict[str, ZaloPeer] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(box))
    server.daemon_threads = True
    box["peer"] = peer = ZaloPeer(server)
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    t.start()
    monkeypatch.setenv("DONDOC_ZALO_OAUTH_BASE", peer.base)
    if "settings" in request.fixturenames:  # a Settings built before this fixture ran reads it too
        request.getfixturevalue("settings").zalo_oauth_base = peer.base
    yield peer
    server.shutdown()
    server.server_close()
