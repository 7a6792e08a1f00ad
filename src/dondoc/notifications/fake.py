"""An in-memory Notifier for unit tests: records what was sent, fails on request."""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dondoc.notifications.port import Attachment, SendResult, naive_mask


@dataclass(frozen=True)
class Sent:
    url: str
    subject: str
    text: str
    html: str
    key: str
    data: Mapping[str, str] | None = None
    attachments: tuple[Attachment, ...] = ()


_SHORT = {
    "ok": SendResult(ok=True),
    "transient": SendResult(ok=False, transient=True, error="fake: temporary failure (HTTP 503)"),
    "fail": SendResult(ok=False, transient=False, error="fake: permanent failure (550 no such user)"),
}


@dataclass
class FakeNotifier:
    """`script(url, "transient", "ok")` makes the next sends to URLs containing `url` fail then succeed;
    `down(url)` makes every send to it fail. Unscripted sends succeed. Thread-safe."""

    sent: list[Sent] = field(default_factory=list)
    attempts: list[tuple[str, str]] = field(default_factory=list)  # (url, status) of every call
    _script: dict[str, deque[SendResult]] = field(default_factory=lambda: defaultdict(deque))
    _down: dict[str, SendResult] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, url_part: str, *outcomes: str | SendResult) -> None:
        with self._lock:
            self._script[url_part].extend(_SHORT[o] if isinstance(o, str) else o for o in outcomes)

    def down(self, url_part: str, *, transient: bool = False) -> None:
        with self._lock:
            self._down[url_part] = _SHORT["transient" if transient else "fail"]

    def mask(self, url: str) -> str:
        return naive_mask(url)

    def send(self, url: str, *, subject: str, text: str, html: str = "", key: str = "",
             data: Mapping[str, str] | None = None, attachments: Sequence[Attachment] = ()) -> SendResult:
        with self._lock:
            result = SendResult(ok=True)
            for part, queue in self._script.items():
                if part in url and queue:
                    result = queue.popleft()
                    break
            else:
                for part, res in self._down.items():
                    if part in url:
                        result = res
                        break
            result = SendResult(ok=result.ok, transient=result.transient, error=result.error, target=self.mask(url))
            self.attempts.append((url, result.status))
            if result.ok:
                self.sent.append(Sent(url, subject, text, html, key, dict(data) if data else None, tuple(attachments)))
            return result

    def to(self, url_part: str) -> list[Sent]:
        return [s for s in self.sent if url_part in s.url]
