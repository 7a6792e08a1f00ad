"""Per-channel concurrency limits, end to end: DONDOC_CHANNEL_LIMITS -> the deliver-messages task ->
delivery.deliver_pending -> real apprise sends to two local HTTP receivers. A slow webhook receiver
(each request sleeps) must not hold a fast Zalo receiver: with the webhook family limited, every Zalo
message arrives while the webhook receiver is still busy. The control case (webhook allowed to take
every sending thread) shows the measurement does catch a channel holding the rest."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

import pytest
from sqlmodel import Session, select

from dondoc.config import Settings, reset_settings
from dondoc.models import Contact, Message, Notice, Obligation, Officer, Plan, Unit
from dondoc.secrets import seal
from dondoc.tasks import followup as steps

AT = "2025-11-03T08:00:00+07:00"
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


def _seed(session: Session, settings: Settings, slow: Receiver, fast: Receiver) -> None:
    """One reminder today for SLOW officers reachable by webhook (created first: claimed first) and
    FAST officers reachable on Zalo OA."""
    issuer = Unit(code="ubnd", name="UBND tỉnh", kind="province")
    session.add(issuer)
    session.flush()
    unit = Unit(code="snv", name="Sở Nội vụ", kind="department", parent_id=issuer.id)
    session.add(unit)
    session.flush()
    officers = [Officer(code=f"s{i}", unit_id=unit.id, name=f"Cán bộ chậm {i}", role="focal") for i in range(SLOW)]
    officers += [Officer(code=f"f{i}", unit_id=unit.id, name=f"Cán bộ nhanh {i}", role="focal") for i in range(FAST)]
    session.add_all(officers)
    session.flush()
    for o in officers:
        url = (f"json://127.0.0.1:{slow.port}/hook/{o.code}" if o.code.startswith("s")
               else f"zalooa://token-{o.code}@{o.code}?endpoint=http://127.0.0.1:{fast.port}")
        session.add(Contact(officer_id=o.id, channel="webhook" if o.code.startswith("s") else "zalo", priority=1,
                            url=seal(url, settings)))
    plan = Plan(source_name="kh.txt", source_hash="x", title="Kế hoạch thử giới hạn kênh", year=2025,
                issuer_unit_id=issuer.id, focal_unit_id=unit.id)
    session.add(plan)
    session.flush()
    ob = Obligation(key="k1", plan_id=plan.id, unit_id=unit.id, role="lead", mode="assign", kind="once",
                    period="2025", period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31),
                    cutoff=dt.date(2025, 11, 7), due_date=dt.date(2025, 11, 10))
    session.add(ob)
    session.flush()
    session.add_all(Notice(obligation_id=ob.id, officer_id=o.id, kind="reminder", level=0, day=dt.date(2025, 11, 3))
                    for o in officers)
    session.commit()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("limits", "threads", "fast_first"),
    [
        ("webhook=2,zalo=8", 8, True),  # the webhook holds 2 threads at most: Zalo goes through meanwhile
        ("webhook=32,zalo=8", 6, False),  # control: the slow webhook takes every sending thread first
    ],
)
def test_a_slow_channel_does_not_hold_the_others(session: Session, settings: Settings, receivers: Any,
                                                  monkeypatch: pytest.MonkeyPatch, limits: str, threads: int,
                                                  fast_first: bool) -> None:
    slow, fast = receivers
    monkeypatch.setenv("DONDOC_CHANNEL_LIMITS", limits)
    monkeypatch.setenv("DONDOC_SEND_CONCURRENCY", str(threads))
    reset_settings()
    _seed(session, settings, slow, fast)
    assert steps.compose_messages.fn(AT) == SLOW + FAST
    t0 = time.monotonic()
    stats = steps.deliver_messages.fn(AT, "test")
    elapsed = time.monotonic() - t0
    assert stats["sent"] == SLOW + FAST, stats
    assert len(slow.arrivals) == SLOW and len(fast.arrivals) == FAST  # each message once
    last_fast, last_slow = max(fast.arrivals), max(slow.arrivals)
    if fast_first:
        # every Zalo message arrived before the webhook receiver had even been handed its last request
        # (an order, not a duration: the test must hold on a loaded machine too)
        assert last_fast < last_slow, (last_fast - t0, last_slow - t0)
        # and the webhook never had more than its limit in flight: SLOW/2 waves of SLOW_SECONDS
        assert elapsed >= SLOW_SECONDS * SLOW / 2 * 0.9
    else:
        assert last_fast >= max(slow.arrivals), (last_fast - t0, last_slow - t0)
    session.expire_all()
    assert all(m.status == "sent" for m in session.exec(select(Message)).all())


