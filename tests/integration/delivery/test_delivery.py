"""Notices -> digests -> delivery, with the in-memory FakeNotifier (real peers: tests/integration/notifications).

Runs on SQLite and PostgreSQL (the `engine` fixture). What is checked: one digest per officer and
day, grouped by plan; nothing composed or sent twice; leases recover a crashed claimer; transient
failures retried, permanent ones fall back to the next contact; a dead message reaches the focal
point as 'không liên lạc được'; a message sent a day late is marked late.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter
from typing import Any

import pendulum
import pytest
from sqlalchemy import update
from sqlmodel import Session, select

from dondoc.clock import TZ
from dondoc.delivery.compose import compose_messages
from dondoc.delivery.outbox import deliver_pending
from dondoc.models import Contact, Delivery, Message, Notice, Obligation, Officer, Plan, Unit
from dondoc.notifications import FakeNotifier, SendResult
from dondoc.secrets import seal

D = dt.date
DAY = D(2025, 11, 5)  # a Wednesday
NOW = pendulum.datetime(2025, 11, 5, 8, 0, tz=TZ)
FAST: dict[str, Any] = {"retry_delays": (0.0, 0.0)}


@pytest.fixture
def world(session: Session, settings) -> dict[str, Any]:
    """A ward UBND (chair), its LĐ-TB&XH focal office, a subordinate office, a requested body (MTTQ);
    two plans; every officer with a webhook contact, the unit officer with email as second choice."""
    issuer = Unit(code="ubnd", name="UBND phường 2", kind="commune")
    session.add(issuer)
    session.flush()
    focal_u = Unit(code="ldtbxh", name="Công chức Lao động – TB&XH", kind="office", parent_id=issuer.id)
    unit = Unit(code="vhxh", name="Công chức Văn hóa – Xã hội", kind="office", parent_id=issuer.id)
    mttq = Unit(code="mttq", name="Ủy ban MTTQ Việt Nam phường", kind="organisation", external=True)
    session.add_all([focal_u, unit, mttq])
    session.flush()
    people = {
        "chair": Officer(code="chair", unit_id=issuer.id, name="Lê Thanh Bình", role="head"),
        "focal": Officer(code="focal", unit_id=focal_u.id, name="Nguyễn Thị Hoa", role="focal",
                         position="Công chức Lao động – TB&XH"),
        "head": Officer(code="uhead", unit_id=unit.id, name="Trần Văn Nam", role="head"),
        "officer": Officer(code="ufocal", unit_id=unit.id, name="Phạm Thị Lan", role="focal",
                           position="Công chức Văn hóa – Xã hội"),
        "mttq": Officer(code="mttq1", unit_id=mttq.id, name="Hoàng Văn Sơn", role="head"),
    }
    session.add_all(people.values())
    session.flush()
    for key, o in people.items():
        session.add(Contact(officer_id=o.id, channel="webhook", priority=1,
                            url=seal(f"json://127.0.0.1:9/{key}?token=s3cr3t-{key}", settings)))
    session.add(Contact(officer_id=people["officer"].id, channel="email", priority=2,
                        url=seal("mailto://user:mailpass99@127.0.0.1:2525?from=dondoc@example.vn"
                                 "&to=lan@example.vn&mode=insecure", settings)))
    plans = [Plan(source_name="004.txt", source_hash="a", title="Kế hoạch thực hiện công tác giảm nghèo năm 2025",
                  number="68/KH-UBND", year=2025, issuer_unit_id=issuer.id, focal_unit_id=focal_u.id),
             Plan(source_name="002.txt", source_hash="b", title="Kế hoạch chuyển đổi số năm 2025", year=2025,
                  issuer_unit_id=issuer.id, focal_unit_id=focal_u.id)]
    session.add_all(plans)
    session.commit()
    return {"plans": plans, "unit": unit, "mttq": mttq, "focal_unit": focal_u, "people": people}


def ob(session: Session, world: dict[str, Any], *, due: D, unit: Unit | None = None, plan: int = 0,
       mode: str = "assign", role: str = "lead", key: str | None = None, kind: str = "once",
       last_update: dt.datetime | None = None) -> Obligation:
    unit = unit or world["unit"]
    o = Obligation(key=key or f"ob-{due}-{unit.code}-{plan}-{role}-{mode}", plan_id=world["plans"][plan].id,
                   unit_id=unit.id, role=role, mode=mode, kind=kind, period="2025",
                   period_start=D(2025, 1, 1), period_end=D(2025, 12, 31), cutoff=D(2025, 11, 1), due_date=due,
                   last_update_at=last_update)
    session.add(o)
    session.commit()
    return o


def notice(session: Session, o: Obligation, officer: Officer, *, kind: str = "reminder", level: int = 0,
           day: D = DAY) -> Notice:
    n = Notice(obligation_id=o.id, officer_id=officer.id, kind=kind, level=level, day=day)
    session.add(n)
    session.commit()
    return n


def compose(session: Session, settings, *, day: D = DAY, now: dt.datetime = NOW) -> list[Message]:
    out = compose_messages(session, day=day, now=now, settings=settings)
    session.commit()
    return out


def messages(session: Session) -> list[Message]:
    session.expire_all()
    out = list(session.exec(select(Message).order_by(Message.id)).all())
    session.commit()  # SQLite: even a read holds the write lock (BEGIN IMMEDIATE) until the transaction ends
    return out


# ---------------------------------------------------------------------------------------- compose


def test_one_digest_per_officer_grouped_by_plan(session, settings, world) -> None:
    p = world["people"]
    a = ob(session, world, due=D(2025, 11, 10), plan=0)
    b = ob(session, world, due=D(2025, 11, 5), plan=0, role="report")
    c = ob(session, world, due=D(2025, 11, 7), plan=1)
    for o in (a, b, c):
        notice(session, o, p["officer"])
    out = compose(session, settings)
    assert len(out) == 1
    m = out[0]
    assert (m.key, m.kind, m.status) == (f"{p['officer'].id}:2025-11-05:digest", "digest", "pending")
    text = m.body_text
    assert "Kế hoạch số 68/KH-UBND: Kế hoạch thực hiện công tác giảm nghèo năm 2025" in text
    assert "Kế hoạch chuyển đổi số năm 2025" in text
    assert "thứ Hai, ngày 10 tháng 11 năm 2025 (còn 5 ngày)" in text
    assert "thứ Tư, ngày 05 tháng 11 năm 2025 (đến hạn hôm nay)" in text
    assert "Kính gửi đồng chí Phạm Thị Lan – Công chức Văn hóa – Xã hội" in text
    assert f"{settings.base_url}/t/" in text and f"{settings.base_url}/t/" in m.body_html
    assert m.subject == "Đôn đốc thực hiện kế hoạch: 3 nhiệm vụ sắp đến hạn (05/11/2025)"
    assert "<h3" in m.body_html and "Phạm Thị Lan" in m.body_html
    assert {n.message_id for n in session.exec(select(Notice)).all()} == {m.id}


def test_composing_twice_the_same_day_creates_nothing(session, settings, world) -> None:
    notice(session, ob(session, world, due=D(2025, 11, 10)), world["people"]["officer"])
    assert len(compose(session, settings)) == 1
    assert compose(session, settings) == []
    assert len(messages(session)) == 1


def test_notices_left_by_a_crash_before_compose_are_picked_up_next_run(session, settings, world) -> None:
    o = ob(session, world, due=D(2025, 11, 10))
    notice(session, o, world["people"]["officer"], day=D(2025, 11, 4))  # decided yesterday, never composed
    out = compose(session, settings, day=DAY)
    assert len(out) == 1 and out[0].day == DAY


def test_later_notices_join_an_untouched_digest_else_a_second_one(session, settings, world) -> None:
    p = world["people"]
    notice(session, ob(session, world, due=D(2025, 11, 10)), p["officer"])
    first = compose(session, settings)[0]
    notice(session, ob(session, world, due=D(2025, 11, 12), plan=1), p["officer"])
    again = compose(session, settings)
    assert [m.id for m in again] == [first.id]
    assert "2 nhiệm vụ sắp đến hạn" in again[0].subject
    session.execute(update(Message).values(status="sent"))
    session.commit()
    notice(session, ob(session, world, due=D(2025, 11, 14), plan=1), p["officer"])
    third = compose(session, settings)
    assert [m.key for m in third] == [f"{p['officer'].id}:2025-11-05:digest:2"]
    assert "1 nhiệm vụ sắp đến hạn" in third[0].subject


def test_escalation_names_late_units_and_the_reminder_history(session, settings, world) -> None:
    p = world["people"]
    o = ob(session, world, due=D(2025, 10, 31), role="report")
    for d in (D(2025, 10, 24), D(2025, 10, 29), D(2025, 10, 31)):
        notice(session, o, p["officer"], day=d)
    for m in compose(session, settings, day=D(2025, 10, 31)):  # those reminders went out already
        m.status = "sent"
        session.add(m)
    session.commit()
    notice(session, o, p["focal"], kind="escalation", level=2)
    m = compose(session, settings)[0]
    assert m.officer_id == p["focal"].id
    text = " ".join(m.body_text.split())
    assert "Đơn vị chậm thực hiện, đề nghị đồng chí chỉ đạo, đôn đốc:" in text
    assert "▸ Công chức Văn hóa – Xã hội (1 nội dung):" in text  # the late unit heads its items
    assert "quá hạn 5 ngày" in text and "Mức đôn đốc: 2" in text
    assert "Nhắc việc: đã nhắc 3 lần kể từ ngày 24/10/2025 (gửi Phạm Thị Lan)." in text
    assert "1 nội dung chậm cần chỉ đạo" in m.subject


def test_requested_body_gets_courteous_words_and_no_escalation(session, settings, world) -> None:
    p = world["people"]
    o = ob(session, world, due=D(2025, 11, 3), unit=world["mttq"], mode="request", role="lead")
    notice(session, o, p["mttq"], kind="reminder", level=1)
    notice(session, o, p["chair"], kind="escalation", level=1)  # must never become a message
    out = compose(session, settings)
    assert [m.officer_id for m in out] == [p["mttq"].id]
    m = out[0]
    assert m.subject == "Đề nghị phối hợp cập nhật tình hình thực hiện kế hoạch (05/11/2025)"
    assert "Kính gửi: Ủy ban MTTQ Việt Nam phường (đồng chí Hoàng Văn Sơn)" in m.body_text
    assert "trân trọng đề nghị Quý cơ quan" in m.body_text
    assert "đã quá 2 ngày" in m.body_text and "quá hạn" not in m.body_text
    assert "chỉ đạo" not in m.body_text


def test_stale_flag_goes_to_the_focal_point(session, settings, world) -> None:
    o = ob(session, world, due=D(2025, 12, 31), kind="continuous",
           last_update=pendulum.datetime(2025, 7, 1, 9, tz=TZ))
    notice(session, o, world["people"]["focal"], kind="stale")
    m = compose(session, settings)[0]
    assert "Nhiệm vụ thường xuyên lâu chưa cập nhật" in m.body_text
    assert "Cập nhật gần nhất: ngày 01/07/2025." in m.body_text


# ---------------------------------------------------------------------------------------- deliver


def _digest_for(session, settings, world, who: str = "officer") -> Message:
    notice(session, ob(session, world, due=D(2025, 11, 10), key=f"ob-{who}"), world["people"][who])
    return compose(session, settings)[0]


def test_deliver_sends_each_message_once_and_records_the_attempt(engine, session, settings, world) -> None:
    m = _digest_for(session, settings, world)
    fake = FakeNotifier()
    stats = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **FAST)
    assert (stats.claimed, stats.sent, stats.attempts, stats.dead) == (1, 1, 1, 0)
    assert len(fake.sent) == 1 and fake.sent[0].key == m.key
    assert fake.sent[0].url.startswith("json://127.0.0.1:9/officer")  # unsealed for the channel ...
    row = session.exec(select(Delivery)).one()
    assert (row.status, row.attempt, row.channel) == ("sent", 1, "webhook")
    assert "s3cr3t" not in row.target  # ... masked in the database
    session.commit()
    assert messages(session)[0].status == "sent" and not messages(session)[0].late
    again = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **FAST)
    assert again.claimed == 0 and len(fake.sent) == 1


def test_compose_and_deliver_twice_the_same_day_delivers_each_digest_once(engine, session, settings, world) -> None:
    p = world["people"]
    for who in ("officer", "focal", "chair"):
        notice(session, ob(session, world, due=D(2025, 11, 10), key=f"x-{who}"), p[who])
    fake = FakeNotifier()
    for _ in range(2):
        compose(session, settings)
        deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **FAST)
    assert sorted(Counter(s.key for s in fake.sent).values()) == [1, 1, 1]


def test_a_crashed_claim_is_recovered_after_the_lease(engine, session, settings, world) -> None:
    m = _digest_for(session, settings, world)
    # A worker claimed it at 08:00 and died before sending.
    session.execute(update(Message).where(Message.id == m.id).values(
        status="sending", claimed_by="dead-worker:1", claimed_at=NOW, attempts=1))
    session.commit()
    fake = FakeNotifier()
    early = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW.add(minutes=5), **FAST)
    assert early.claimed == 0 and fake.sent == []
    later = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW.add(minutes=11), **FAST)
    assert later.sent == 1 and len(fake.sent) == 1
    assert messages(session)[0].attempts == 2


def test_transient_failure_is_retried_within_the_sweep(engine, session, settings, world) -> None:
    _digest_for(session, settings, world)
    fake = FakeNotifier()
    fake.script("/officer", "transient", "ok")
    stats = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **FAST)
    assert (stats.sent, stats.attempts, stats.fallbacks) == (1, 2, 0)
    assert [s for _u, s in fake.attempts] == ["transient", "sent"]
    rows = session.exec(select(Delivery).order_by(Delivery.attempt)).all()
    assert [(r.attempt, r.status) for r in rows] == [(1, "transient"), (2, "sent")]


def test_permanent_failure_falls_back_to_the_next_contact(engine, session, settings, world) -> None:
    _digest_for(session, settings, world)
    fake = FakeNotifier()
    fake.down("/officer")
    stats = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **FAST)
    assert (stats.sent, stats.fallbacks) == (1, 1)
    assert fake.sent[0].url.startswith("mailto://")
    rows = session.exec(select(Delivery).order_by(Delivery.attempt)).all()
    assert [(r.channel, r.status) for r in rows] == [("webhook", "failed"), ("email", "sent")]
    assert rows[1].error == "fallback after webhook failed"
    assert "mailpass99" not in rows[1].target
    assert messages(session)[0].channel == "email"


def test_unreachable_officer_is_reported_to_the_focal_point(engine, session, settings, world) -> None:
    _digest_for(session, settings, world)
    fake = FakeNotifier()
    fake.down("/officer")
    fake.down("mailto://")
    stats = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **FAST)
    assert (stats.dead, stats.unreachable, stats.sent) == (1, 1, 1)
    (note,) = fake.to("/focal")
    assert note.subject == "Không liên lạc được: đồng chí Phạm Thị Lan (Công chức Văn hóa – Xã hội)"
    assert "Kính gửi đồng chí Nguyễn Thị Hoa" in note.text
    assert "fake: permanent failure" in note.text and "mailpass99" not in note.text
    assert "thứ Hai, ngày 10 tháng 11 năm 2025" in note.text
    kinds = {m.kind: m.status for m in messages(session)}
    assert kinds == {"digest": "dead", "unreachable": "sent"}


def test_officer_without_contacts_is_unreachable_too(engine, session, settings, world) -> None:
    head = world["people"]["head"]
    for c in session.exec(select(Contact).where(Contact.officer_id == head.id)).all():
        session.delete(c)
    session.commit()
    _digest_for(session, settings, world, who="head")
    fake = FakeNotifier()
    stats = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **FAST)
    assert (stats.dead, stats.unreachable) == (1, 1)
    assert "Chưa đăng ký kênh liên lạc nào" in fake.to("/focal")[0].text


def test_transient_failures_are_retried_by_later_sweeps_then_given_up(engine, session, settings, world) -> None:
    _digest_for(session, settings, world)
    fake = FakeNotifier()
    fake.down("/officer", transient=True)
    fake.down("mailto://", transient=True)
    kw: dict[str, Any] = dict(FAST, max_rounds=2, sweep_backoff=(dt.timedelta(minutes=15),))
    first = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **kw)
    assert (first.retry, first.dead, first.attempts) == (1, 0, 6)  # 3 tries on each of 2 contacts
    m = messages(session)[0]
    assert m.status == "failed" and NOW.add(minutes=15) <= m.next_attempt_at < NOW.add(minutes=16)
    assert deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW.add(minutes=10), **kw).claimed == 0
    last = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW.add(minutes=16), **kw)
    assert (last.dead, last.unreachable) == (1, 1)
    assert [d.attempt for d in session.exec(select(Delivery).join(Message, Message.id == Delivery.message_id)
                                            .where(Message.kind == "digest").order_by(Delivery.attempt))] == \
        list(range(1, 13))


def test_retry_is_not_scheduled_in_the_quiet_hours(engine, session, settings, world) -> None:
    _digest_for(session, settings, world)
    fake = FakeNotifier()
    fake.down("/officer", transient=True)
    fake.down("mailto://", transient=True)
    night = pendulum.datetime(2025, 11, 5, 23, 0, tz=TZ)  # +1 h backoff would be 00:00 ...
    deliver_pending(engine=engine, settings=settings, notifier=fake, now=night, retry_delays=(),
                    sweep_backoff=(dt.timedelta(hours=1),))
    # ... which is before send_hour, so the retry waits for 08:00.
    assert messages(session)[0].next_attempt_at == pendulum.datetime(2025, 11, 6, 8, 0, tz=TZ)


def test_a_message_sent_a_day_late_is_marked_late(engine, session, settings, world) -> None:
    _digest_for(session, settings, world)
    stats = deliver_pending(engine=engine, settings=settings, notifier=FakeNotifier(), now=NOW.add(days=1), **FAST)
    assert stats.late == 1 and messages(session)[0].late


def test_two_workers_at_once_never_send_a_message_twice(engine, session, settings, world) -> None:
    p = world["people"]
    n = 0
    for who in ("officer", "focal", "chair", "head", "mttq"):
        for day in (D(2025, 11, 3), D(2025, 11, 4), DAY):
            o = ob(session, world, due=D(2025, 11, 20), key=f"w-{who}-{day}")
            notice(session, o, p[who], day=day)
            compose(session, settings, day=day)
            n += 1
    fake = FakeNotifier()
    results: list[Any] = []
    threads = [threading.Thread(target=lambda w=w: results.append(deliver_pending(
        engine=engine, settings=settings, notifier=fake, now=NOW, worker=f"w{w}", batch=2, **FAST))) for w in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.sent for r in results) == n == len(fake.sent)
    assert set(Counter(s.key for s in fake.sent).values()) == {1}


class _Gate(FakeNotifier):
    """Email sends block until every webhook send has finished."""

    def __init__(self, webhooks: int) -> None:
        super().__init__()
        self.webhooks = webhooks
        self.release = threading.Event()

    def send(self, url: str, **kw: Any) -> SendResult:  # type: ignore[override]
        if url.startswith("mailto"):
            if not self.release.wait(10):
                return SendResult(ok=False, error="gate timed out: webhooks starved")
            return super().send(url, **kw)
        res = super().send(url, **kw)
        if sum(1 for s in self.sent if s.url.startswith("json")) >= self.webhooks:
            self.release.set()
        return res


def test_a_slow_channel_does_not_hold_the_others(engine, session, settings, world) -> None:
    p = world["people"]
    for who in ("focal", "chair", "head", "mttq"):
        session.exec(select(Contact).where(Contact.officer_id == p[who].id)).one().url = seal(
            f"mailto://127.0.0.1:2525?from=a@b.vn&to={who}@b.vn&mode=insecure", settings)
    session.commit()
    for i in range(6):  # six webhook digests for the unit officer (one per day), four email ones
        o = ob(session, world, due=D(2025, 11, 20), key=f"s-{i}")
        notice(session, o, p["officer"], day=DAY - dt.timedelta(days=i))
        compose(session, settings, day=DAY - dt.timedelta(days=i))
    for who in ("focal", "chair", "head", "mttq"):
        notice(session, ob(session, world, due=D(2025, 11, 20), key=f"s-{who}"), p[who])
    compose(session, settings)
    gate = _Gate(webhooks=6)
    settings.send_concurrency = 4
    stats = deliver_pending(engine=engine, settings=settings, notifier=gate, now=NOW,
                            channel_limits={"email": 2}, **FAST)
    assert stats.sent == 10, stats.as_dict()


def test_sealed_with_another_key_fails_that_contact_only(engine, session, settings, world) -> None:
    _digest_for(session, settings, world)
    c = session.exec(select(Contact).where(Contact.officer_id == world["people"]["officer"].id,
                                           Contact.priority == 1)).one()
    c.url = "enc:not-a-fernet-token"
    session.commit()
    fake = FakeNotifier()
    stats = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **FAST)
    assert (stats.sent, stats.fallbacks) == (1, 1)
    first = session.exec(select(Delivery).order_by(Delivery.attempt)).first()
    assert first is not None and first.status == "failed" and "DONDOC_SECRET_KEY" in (first.error or "")


def test_stats_rate_and_dict(engine, session, settings, world) -> None:
    _digest_for(session, settings, world)
    t = time.monotonic()
    stats = deliver_pending(engine=engine, settings=settings, notifier=FakeNotifier(), now=NOW, **FAST)
    assert 0 < stats.seconds <= time.monotonic() - t + 0.01
    assert stats.as_dict()["by_channel"] == {"webhook": 1}


def test_a_failed_commit_of_results_is_retried_not_resent(engine, session, settings, world, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    from dondoc.delivery import outbox as delivery

    _digest_for(session, settings, world)
    real = delivery._Sweep.write
    calls = {"n": 0}

    def flaky(self, outcomes):  # the first commit fails as if the database were locked
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("COMMIT", {}, Exception("database is locked"))
        return real(self, outcomes)

    monkeypatch.setattr(delivery._Sweep, "write", flaky)
    monkeypatch.setattr(delivery.time, "sleep", lambda s: None)
    fake = FakeNotifier()
    stats = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **FAST)
    assert (stats.sent, stats.attempts, calls["n"]) == (1, 1, 2)
    assert len(fake.sent) == 1 and messages(session)[0].status == "sent"


class _Slow(FakeNotifier):
    def send(self, url: str, **kw: Any) -> SendResult:  # type: ignore[override]
        time.sleep(1.5)
        return super().send(url, **kw)


@pytest.mark.slow
def test_a_long_sweep_keeps_its_lease_alive(engine, session, settings, world) -> None:
    """Worker A sends slowly past its 3 s lease; its heartbeat renews the claims, so worker B,
    starting 3.5 s later, does not take them for a crashed worker's and send them again."""
    for who in ("officer", "focal", "chair"):
        notice(session, ob(session, world, due=D(2025, 11, 10), key=f"h-{who}"), world["people"][who])
    compose(session, settings)
    settings.send_concurrency = 1
    slow, results = _Slow(), {}
    lease = dt.timedelta(seconds=3)
    a = threading.Thread(target=lambda: results.setdefault("a", deliver_pending(
        engine=engine, settings=settings, notifier=slow, now=NOW, worker="a", lease=lease, **FAST)))
    a.start()
    time.sleep(3.5)
    results["b"] = deliver_pending(engine=engine, settings=settings, notifier=slow, now=NOW.add(seconds=3.5),
                                   worker="b", lease=lease, **FAST)
    a.join()
    assert results["b"].claimed == 0
    assert results["a"].sent == 3 and sorted(Counter(s.key for s in slow.sent).values()) == [1, 1, 1]


def test_when_the_focal_point_itself_is_unreachable_the_issuer_head_hears(engine, session, settings, world) -> None:
    _digest_for(session, settings, world, who="focal")
    fake = FakeNotifier()
    fake.down("/focal")
    stats = deliver_pending(engine=engine, settings=settings, notifier=fake, now=NOW, **FAST)
    assert (stats.dead, stats.unreachable) == (1, 1)
    (note,) = fake.to("/chair")
    assert note.subject == "Không liên lạc được: đồng chí Nguyễn Thị Hoa (Công chức Lao động – TB&XH)"
    assert "Kính gửi đồng chí Lê Thanh Bình" in note.text


def test_batch_links_are_the_same_as_link_for(session, settings, world) -> None:
    from dondoc.collect.links import link_for, links_for, revoke

    p = world["people"]
    one = link_for(session, officer_id=p["officer"].id, settings=settings, now=NOW)
    revoke(session, officer_id=p["head"].id, now=NOW)
    batch = links_for(session, officer_ids=[o.id for o in p.values()], settings=settings, now=NOW)
    assert batch[p["officer"].id] == one
    for o in p.values():
        assert batch[o.id] == link_for(session, officer_id=o.id, settings=settings, now=NOW)
    assert links_for(session, officer_ids=[p["officer"].id], settings=settings, now=NOW) == {p["officer"].id: one}
    session.commit()
