"""The leader's weekly digest: composed by the daily sweep at the configured weekday and hour, once per ISO
week and leader (unique key), sent through the outbox; it carries the leader's view figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from dondoc.app.daily import run_daily
from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.delivery.leader_digest import compose_leader_digests, leaders
from dondoc.models import Contact, Message, Obligation, Officer, Plan, Unit
from dondoc.notifications.fake import FakeNotifier
from dondoc.secrets import seal

D = dt.date


@pytest.fixture
def ward(engine: Engine, settings: Settings) -> dict[str, Any]:
    """The ward's chair (head of the issuing unit), a deputy, and two units: one with a task overdue after
    five reminders, one with its task done. Everyone has a webhook contact."""
    with session_scope(engine) as s:
        issuer = Unit(code="ubnd", name="UBND phường 2", kind="commune")
        s.add(issuer)
        s.flush()
        late = Unit(code="vhxh", name="Công chức VHXH", kind="office", parent_id=issuer.id)
        good = Unit(code="tp", name="Công chức Tư pháp", kind="office", parent_id=issuer.id)
        s.add_all([late, good])
        s.flush()
        people = {"chair": Officer(code="chair", unit_id=issuer.id, name="Lê Thanh Bình", role="head"),
                  "deputy": Officer(code="deputy", unit_id=issuer.id, name="Vũ Thị Mai", role="deputy"),
                  "late": Officer(code="late", unit_id=late.id, name="Phạm Thị Lan", role="focal"),
                  "good": Officer(code="good", unit_id=good.id, name="Đỗ Minh Anh", role="focal")}
        s.add_all(people.values())
        s.flush()
        for key, o in people.items():
            s.add(Contact(officer_id=o.id, channel="webhook", priority=1,
                          url=seal(f"json://127.0.0.1:9/{key}?token=t-{key}", settings)))
        plan = Plan(source_name="p.txt", source_hash="x", title="Kế hoạch thử", number="68/KH-UBND", year=2025,
                    issuer_unit_id=issuer.id, focal_unit_id=issuer.id)
        s.add(plan)
        s.flush()
        common = {"plan_id": plan.id, "role": "lead", "kind": "once", "period": "2025", "period_start": D(2025, 1, 1),
                  "period_end": D(2025, 12, 31), "cutoff": D(2025, 10, 31), "due_date": D(2025, 10, 31)}
        s.add(Obligation(key="late", unit_id=late.id, reminders_sent=5, **common))
        s.add(Obligation(key="good", unit_id=good.id, status="done", closed=True, progress=100,
                         completed_at=pendulum.datetime(2025, 10, 20, 3), last_update_at=pendulum.datetime(2025, 10, 20, 3),
                         **common))
        return {k: o.id for k, o in people.items()}


def _run(engine: Engine, settings: Settings, at: pendulum.DateTime, notifier: FakeNotifier) -> int:
    on = settings.model_copy(update={"leader_digest": True})
    return run_daily(engine=engine, settings=on, now=at, notifier=notifier, compile_reports=False).leader_digests


def _digests(notifier: FakeNotifier, key: str) -> list[Any]:
    return [x for x in notifier.sent if f"/{key}?" in x.url and "Tổng quan tuần" in x.subject]


def test_monday_digest_once_per_week(engine: Engine, settings: Settings, ward: dict) -> None:
    notifier = FakeNotifier()
    off = run_daily(engine=engine, settings=settings, now=pendulum.datetime(2025, 11, 24, 9, 0, tz=TZ),
                    notifier=notifier, compile_reports=False)
    assert off.leader_digests == 0 and notifier.sent == []  # off unless DONDOC_LEADER_DIGEST
    assert _run(engine, settings, pendulum.datetime(2025, 11, 24, 6, 30, tz=TZ), notifier) == 0  # before 07:00
    assert _run(engine, settings, pendulum.datetime(2025, 11, 24, 9, 0, tz=TZ), notifier) == 1
    assert _run(engine, settings, pendulum.datetime(2025, 11, 24, 14, 0, tz=TZ), notifier) == 0  # again: nothing
    assert _run(engine, settings, pendulum.datetime(2025, 11, 26, 9, 0, tz=TZ), notifier) == 0  # later that week
    (digest,) = _digests(notifier, "chair")
    assert _digests(notifier, "deputy") == [] and _digests(notifier, "late") == []
    text = digest.text
    assert "Kính gửi đồng chí Lê Thanh Bình" in text and "quá hạn: 1;" in text and "hoàn thành đúng hạn: 1;" in text
    assert "1. Công chức VHXH: 1 nhiệm vụ quá hạn" in text and "Công chức Tư pháp" not in text
    assert "sau hơn 3 lần nhắc" in text and "68/KH-UBND" in text and "đã nhắc 5 lần" in text
    assert f"{settings.base_url}/tong-quan" in text
    assert digest.subject.startswith("Tổng quan tuần 48: 1 nhiệm vụ quá hạn, 1 nhiệm vụ đưa vào giao ban")
    assert _run(engine, settings, pendulum.datetime(2025, 12, 1, 9, 0, tz=TZ), notifier) == 1  # the next Monday
    assert len(_digests(notifier, "chair")) == 2
    with session_scope(engine) as s:
        keys = sorted(s.exec(select(Message.key).where(Message.kind == "leader_digest")).all())
    assert keys == [f"leader_digest:2025-W48:{ward['chair']}", f"leader_digest:2025-W49:{ward['chair']}"]


def test_day_hour_and_leaders_from_settings(engine: Engine, settings: Settings, ward: dict) -> None:
    custom = settings.model_copy(update={"leader_digest": True, "digest_weekday": 2, "digest_hour": 14, "digest_officers": "chair, deputy",
                                         "briefing_reminders": 5})
    notifier = FakeNotifier()
    assert _run(engine, custom, pendulum.datetime(2025, 11, 24, 9, 0, tz=TZ), notifier) == 0  # Monday
    assert _run(engine, custom, pendulum.datetime(2025, 11, 26, 10, 0, tz=TZ), notifier) == 0  # Wednesday 10:00
    assert _run(engine, custom, pendulum.datetime(2025, 11, 26, 14, 5, tz=TZ), notifier) == 2  # Wednesday 14:05
    assert len(_digests(notifier, "chair")) == len(_digests(notifier, "deputy")) == 1
    # N = 5: the task reminded five times is not "more than 5".
    assert "Không có nhiệm vụ nào quá hạn sau hơn 5 lần nhắc" in _digests(notifier, "deputy")[0].text
    with session_scope(engine) as s:
        assert [o.code for o in leaders(s, custom)] == ["chair", "deputy"]
        # Composed again directly (a second worker): the unique key holds.
        assert compose_leader_digests(s, now=pendulum.datetime(2025, 11, 27, 9, tz=TZ), settings=custom) == []
