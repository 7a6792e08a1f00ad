"""Edge security: response headers, CSRF tokens bound to the personal token, failed-token rate limit."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import threading
import time
from collections import deque

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No inline script anywhere; inline <svg> is markup, not script. Pages never load third-party content.
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
# Swagger UI (/docs) needs its own scripts, served from this server (web/docs.py) with one inline bootstrap,
# allowed by its SHA-256 (computed from the page itself), never by 'unsafe-inline'.
DOCS_CSP = ("default-src 'none'; script-src 'self'{hashes}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'")
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def docs_csp(body: bytes) -> str:
    hashes = "".join(f" 'sha256-{base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode()}'"
                     for m in _INLINE_SCRIPT.finditer(body))
    return DOCS_CSP.format(hashes=hashes)

BASE_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),  # the token is in the URL: never leak it in a Referer
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class SecurityHeaders:
    """Pure ASGI middleware (no BaseHTTPMiddleware: it would buffer every response)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        docs = path in ("/docs", "/redoc")
        private = path.startswith(("/t/", "/api/"))
        https = scope.get("scheme") == "https"
        held: list[Message] = []

        def add_headers(message: Message, csp: str) -> None:
            headers = list(message.get("headers", []))
            names = {k.lower() for k, _ in headers}
            headers += [(k, v) for k, v in BASE_HEADERS if k not in names]
            headers.append((b"content-security-policy", csp.encode()))
            if private and b"cache-control" not in names:
                headers.append((b"cache-control", b"no-store"))
            if https:  # behind TLS (uvicorn --proxy-headers): browsers must never come back over http
                headers.append(HSTS)
            message["headers"] = headers

        async def send_with_headers(message: Message) -> None:
            if not docs:
                if message["type"] == "http.response.start":
                    add_headers(message, CSP)
                await send(message)
                return
            # the documentation pages are small: hold them to hash their inline bootstrap script
            held.append(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                body = b"".join(m.get("body", b"") for m in held if m["type"] == "http.response.body")
                start = next(m for m in held if m["type"] == "http.response.start")
                add_headers(start, docs_csp(body))
                await send(start)
                await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, send_with_headers)


def csrf_token(key: bytes, token_hash: str) -> str:
    """Per-link CSRF token: an HMAC of the stored token hash (stateless, different for every link)."""
    return hmac.new(key, f"dondoc-csrf:{token_hash}".encode(), hashlib.sha256).hexdigest()


def csrf_ok(key: bytes, token_hash: str, value: str | None) -> bool:
    return bool(value) and hmac.compare_digest(csrf_token(key, token_hash), str(value))


class FailureLimiter:
    """Failed token attempts per client address in a sliding window; over the limit the address gets 429.

    In memory and per process: with several workers the effective limit is per worker."""

    def __init__(self, max_failures: int = 20, window_seconds: float = 600.0) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _prune(self, ip: str, t: float) -> deque[float]:
        q = self._fails.setdefault(ip, deque())
        while q and q[0] <= t - self.window:
            q.popleft()
        return q

    def blocked(self, ip: str) -> bool:
        with self._lock:
            q = self._prune(ip, time.monotonic())
            if not q:
                self._fails.pop(ip, None)
            return len(q) >= self.max_failures

    def fail(self, ip: str) -> None:
        with self._lock:
            self._prune(ip, time.monotonic()).append(time.monotonic())
            if len(self._fails) > 100_000:  # bound memory under a spray of addresses
                self._fails.clear()
