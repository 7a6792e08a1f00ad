"""Compose + deliver end to end against real local peers: SMTP (aiosmtpd) and HTTP (webhooks, Zalo OA).

The database is SQLite and PostgreSQL (the `engine` fixture); the notifier is the real apprise adapter.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections import Counter
from typing import Any

import pendulum
import pytest
from sqlmodel import Session, select

from dondoc.clock import TZ
from dondoc.delivery.compose import compose_messages
from dondoc.delivery.outbox import deliver_pending
from dondoc.models import Contact, Delivery, Message, Notice, Obligation, Officer, Plan, Unit
from dondoc.notifications import get_notifier
from dondoc.secrets import seal

D = dt.date
DAY = D(2025, 11, 5)
NOW = pendulum.datetime(2025, 11, 5, 8, 0, tz=TZ)
QUICK: dict[str, Any] = {"retry_delays": (0.05, 0.05)}


class World:
    """A ward with a focal office and a subordinate office; officers get contacts per test."""

    def __init__(self, session: Session, settings) -> None:
        self.session, self.settings = session, settings
        issuer = Unit(code="ubnd", name="UBND phường 2", kind="commune")
        session.add(issuer)
        session.flush()
        self.focal_unit = Unit(code="ldtbxh", name="Công chức Lao động – TB&XH", kind="office", parent_id=issuer.id)
        self.unit = Unit(code="vhxh", name="Công chức Văn hóa – Xã hội", kind="office", parent_id=issuer.id)
        session.add_all([self.focal_unit, self.unit])
        session.flush()
        self.focal = Officer(code="focal", unit_id=self.focal_unit.id, name="Nguyễn Thị Hoa", role="focal")
        session.add(self.focal)
        self.plan = Plan(source_name="004.txt", source_hash="a", number="68/KH-UBND", year=2025,
                         title="Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2025",
                         issuer_unit_id=issuer.id, focal_unit_id=self.focal_unit.id)
        session.add(self.plan)
        session.commit()
        self.n = 0

    def officer(self, name: str, *urls: str) -> Officer:
        self.n += 1
        o = Officer(code=f"o{self.n}", unit_id=self.unit.id, name=name, role="staff",
                    position="Công chức Văn hóa – Xã hội")
        self.session.add(o)
        self.session.flush()
        self.contacts(o, *urls)
        return o

    def contacts(self, o: Officer, *urls: str) -> None:
        for i, url in enumerate(urls, start=1):
            self.session.add(Contact(officer_id=o.id, channel=url.split("://")[0], priority=i,
                                     url=seal(url, self.settings)))
        self.session.commit()

    def remind(self, o: Officer, due: D = D(2025, 11, 10)) -> None:
        self.n += 1
        ob = Obligation(key=f"ob{self.n}", plan_id=self.plan.id, unit_id=self.unit.id, officer_id=o.id, role="report",
                        period="2025", period_start=D(2025, 1, 1), period_end=D(2025, 12, 31), cutoff=D(2025, 11, 1),
                        due_date=due)
        self.session.add(ob)
        self.session.flush()
        self.session.add(Notice(obligation_id=ob.id, officer_id=o.id, kind="reminder", level=0, day=DAY))
        self.session.commit()

    def run(self, engine, *, now: dt.datetime = NOW, **kw: Any):
        with Session(engine, expire_on_commit=False) as s:
            compose_messages(s, day=DAY, now=now, settings=self.settings)
            s.commit()
        self.session.commit()
        return deliver_pending(engine=engine, settings=self.settings, notifier=get_notifier(self.settings), now=now,
                               **{**QUICK, **kw})

    def messages(self) -> list[Message]:
        self.session.expire_all()
        out = list(self.session.exec(select(Message).order_by(Message.id)).all())
        self.session.commit()
        return out

    def deliveries(self) -> list[Delivery]:
        out = list(self.session.exec(select(Delivery).order_by(Delivery.message_id, Delivery.attempt)).all())
        self.session.commit()
        return out


@pytest.fixture
def world(session, settings) -> World:
    return World(session, settings)


def test_email_digest_arrives_readable_with_the_personal_link(engine, settings, world, smtp_peer) -> None:
    lan = world.officer("Phạm Thị Lan", smtp_peer.url("lan@vhxh.example.vn"))
    world.remind(lan)
    stats = world.run(engine)
    assert stats.sent == 1
    (mail,) = smtp_peer.mails
    assert mail.rcpts == ["lan@vhxh.example.vn"]
    assert mail.subject == "Đôn đốc thực hiện kế hoạch: 1 nhiệm vụ sắp đến hạn (05/11/2025)"
    assert "Kính gửi đồng chí <strong>Phạm Thị Lan</strong>" in mail.html
    assert "thứ Hai, ngày 10 tháng 11 năm 2025" in mail.html and "còn 5 ngày" in mail.html
    assert "Kế hoạch số 68/KH-UBND: Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2025" in mail.text
    assert f"{settings.base_url}/t/" in mail.html and f"{settings.base_url}/t/" in mail.text
    assert mail.msg["X-Dondoc-Key"] == world.messages()[0].key


def test_webhook_and_zalo_receive_the_digest_as_json(engine, world, http_peer) -> None:
    lan = world.officer("Phạm Thị Lan", f"zalooa://OA-token-778899@1122334455?endpoint={http_peer.base}")
    nam = world.officer("Trần Văn Nam", f"json://127.0.0.1:{http_peer.port}/sms-gateway")
    world.remind(lan)
    world.remind(nam)
    assert world.run(engine).sent == 2
    (zalo,) = http_peer.to("/v3.0/oa/message/cs")
    assert zalo.headers["access_token"] == "OA-token-778899"
    assert zalo.json["recipient"] == {"user_id": "1122334455"}
    assert "Kính gửi đồng chí Phạm Thị Lan" in zalo.json["message"]["text"]
    assert "/t/" in zalo.json["message"]["text"]
    (hook,) = http_peer.to("/sms-gateway")
    assert hook.json["title"].startswith("Đôn đốc thực hiện kế hoạch") and "Trần Văn Nam" in hook.json["message"]
    targets = {d.target for d in world.deliveries()}
    assert not any("OA-token-778899" in t for t in targets)


@pytest.mark.parametrize("scheme", ["json", "zalooa"])
def test_a_peer_answering_500_then_200_gets_the_message_exactly_once(engine, world, http_peer, scheme) -> None:
    url = (f"json://127.0.0.1:{http_peer.port}/hook" if scheme == "json"
           else f"zalooa://tok-123456@1122334455?endpoint={http_peer.base}")
    world.remind(world.officer("Phạm Thị Lan", url))
    http_peer.fail_next((500, {"error": -1, "message": "Internal Server Error"}))
    stats = world.run(engine)
    assert (stats.sent, stats.attempts) == (1, 2)
    assert len(http_peer.requests) == 1 and len(http_peer.received) == 2
    assert [(d.attempt, d.status) for d in world.deliveries()] == [(1, "transient"), (2, "sent")]
    assert world.run(engine).claimed == 0 and len(http_peer.requests) == 1


def test_a_peer_that_is_down_falls_back_and_the_focal_point_hears(engine, world, smtp_peer, closed_port) -> None:
    down = f"json://127.0.0.1:{closed_port}/hook"
    world.contacts(world.focal, smtp_peer.url("hoa@ldtbxh.example.vn"))
    lan = world.officer("Phạm Thị Lan", down, smtp_peer.url("lan@vhxh.example.vn"))
    nam = world.officer("Trần Văn Nam", down, f"zalooa://tok-123456@1122334455?endpoint=http://127.0.0.1:{closed_port}")
    world.remind(lan)
    world.remind(nam)
    kw: dict[str, Any] = {"max_rounds": 2}
    first = world.run(engine, **kw)
    # Lan: the webhook is down, email (her second contact) delivers. Nam: both down, retried later.
    assert (first.sent, first.fallbacks, first.retry) == (1, 1, 1)
    assert [m.rcpts for m in smtp_peer.mails] == [["lan@vhxh.example.vn"]]
    retry_at = next(m.next_attempt_at for m in world.messages() if m.status == "failed")
    second = world.run(engine, now=pendulum.instance(retry_at).add(minutes=1), **kw)
    assert (second.dead, second.unreachable, second.sent) == (1, 1, 1)
    note = smtp_peer.mails[-1]
    assert note.rcpts == ["hoa@ldtbxh.example.vn"]
    assert note.subject == "Không liên lạc được: đồng chí Trần Văn Nam (Công chức Văn hóa – Xã hội)"
    assert "Connection refused" in note.text and "tok-123456" not in note.text
    assert "Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2025" in note.text
    lan_rows = [d for d in world.deliveries() if d.channel in ("json", "mailto")
                and d.message_id == world.messages()[0].id]
    assert [(d.channel, d.status) for d in lan_rows] == [("json", "transient")] * 3 + [("mailto", "sent")]


def test_compose_and_deliver_twice_the_same_day_delivers_each_digest_once(engine, world, http_peer) -> None:
    for i in range(5):
        world.remind(world.officer(f"Cán bộ {i}", f"json://127.0.0.1:{http_peer.port}/hook"))
    assert world.run(engine).sent == 5
    assert world.run(engine).sent == 0
    assert sorted(Counter(http_peer.received).values()) == [1] * 5


@pytest.mark.slow
def test_a_sweep_killed_mid_send_then_rerun_loses_nothing(engine, settings, world, http_peer) -> None:
    """The first sweep is killed (SIGKILL) while 4 sends wait for the peer's answer. Rerun after the
    lease: every digest is delivered; the only repeats are the 4 in flight at the kill (the peer had
    them, the database could not know), and each carries its key so the receiver can drop it."""
    for i in range(20):
        world.remind(world.officer(f"Cán bộ {i:02d}", f"json://127.0.0.1:{http_peer.port}/hook"))
    with Session(engine) as s:
        compose_messages(s, day=DAY, now=NOW, settings=settings)
        s.commit()
    http_peer.hang_after = 8
    code = ("import pendulum; from dondoc.config import get_settings; from dondoc.db import make_engine;"
            "from dondoc.notifications import get_notifier; from dondoc.delivery.outbox import deliver_pending;"
            "s = get_settings(); deliver_pending(engine=make_engine(s.db_url), settings=s, notifier=get_notifier(s),"
            f" now=pendulum.parse('{NOW.isoformat()}'), retry_delays=())")
    env = {**os.environ, "DONDOC_SEND_CONCURRENCY": "4"}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    try:
        deadline = time.monotonic() + 30
        while len(http_peer.received) < 12 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(http_peer.received) == 12, "8 answered, 4 waiting"
        time.sleep(1.0)  # the writer commits the 8 answered sends
        proc.kill()
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    acked_before = set(http_peer.received[:8])
    in_flight = set(http_peer.received[8:12])
    statuses = Counter(m.status for m in world.messages())
    assert statuses == {"sent": 8, "sending": 12}
    http_peer.hang_after = None
    http_peer.release.set()
    early = world.run(engine, now=NOW.add(minutes=5))
    assert early.claimed == 0  # the lease still holds
    late = world.run(engine, now=NOW.add(minutes=11))
    assert late.sent == 12
    assert Counter(m.status for m in world.messages()) == {"sent": 20}
    counts = Counter(http_peer.received)
    assert len(counts) == 20
    assert all(counts[k] == 1 for k in acked_before)
    assert {k for k, n in counts.items() if n > 1} <= in_flight
