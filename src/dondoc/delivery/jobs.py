"""The work items of a delivery sweep: a claimed message, its contacts, each attempt and the outcome."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class _Contact:
    id: int | None
    channel: str
    family: str
    url: str
    error: str | None = None  # the stored URL cannot be used (e.g. sealed with another key)


@dataclass
class _Job:
    id: int
    key: str
    officer_id: int
    day: dt.date
    kind: str
    subject: str
    text: str
    html: str
    rounds: int  # sweeps that claimed it, this one included
    claimed_at: dt.datetime
    prior_attempts: int
    contacts: list[_Contact]
    data: dict[str, str]
    attachments: list[str] = field(default_factory=list)  # paths relative to the data folder


@dataclass
class _Attempt:
    contact_id: int | None
    channel: str
    target: str
    status: str
    error: str | None
    attempt: int
    at: dt.datetime


@dataclass
class _Outcome:
    job: _Job
    attempts: list[_Attempt]
    sent_via: _Contact | None
    sent_at: dt.datetime | None
    transient: bool  # some failure was transient: worth another sweep
    files_error: bool = False  # an attached file is missing or not allowed: the message, not a contact, failed


@dataclass
class DeliveryStats:
    claimed: int = 0
    sent: int = 0
    retry: int = 0  # failed this sweep, a later sweep tries again
    dead: int = 0
    attempts: int = 0
    fallbacks: int = 0
    late: int = 0
    unreachable: int = 0  # 'không liên lạc được' messages created for focal points
    lost_lease: int = 0  # results for messages another worker had re-claimed meanwhile
    seconds: float = 0.0
    by_channel: Counter[str] = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.sent / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "claimed": self.claimed, "sent": self.sent, "retry": self.retry, "dead": self.dead,
            "attempts": self.attempts, "fallbacks": self.fallbacks, "late": self.late,
            "unreachable": self.unreachable, "lost_lease": self.lost_lease,
            "seconds": round(self.seconds, 3), "by_channel": dict(self.by_channel),
        }


def _run_coroutine(factory: Any) -> Any:
    """asyncio.run, also from a thread that already runs an event loop (then in a helper thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = asyncio.run(factory())
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    t = threading.Thread(target=target, name="dondoc-deliver")
    t.start()
    t.join()
    if "error" in box:
        raise box["error"]
    return box["result"]
