"""Unit tests of the tasks (task.fn(): no Prefect run) against the real services and database."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from dondoc.models import Message, Notice
from dondoc.notifications import FakeNotifier
from dondoc.tasks import followup as steps


@pytest.mark.parametrize(
    ("at", "allowed"),
    [("2025-11-03T08:00:00+07:00", True), ("2025-11-03T07:59:00+07:00", False), ("2025-11-03T00:30:00+00:00", False),
     ("2025-11-03T10:00:00+00:00", True)],
)
def test_quiet_hours(sqlite_settings: Any, at: str, allowed: bool) -> None:
    assert steps.may_deliver(at) is allowed


def test_sweep_steps_decide_compose_and_deliver_once(session: Any, world: dict[str, Any], notifier: FakeNotifier) -> None:
    at = "2025-11-03T08:00:00+07:00"  # 5 working days before Monday 10/11/2025
    decided = steps.decide_notices.fn(at)
    assert decided["working_day"] and decided["notices"] == 1 and decided["decided"] == {"reminder": 1}
    assert steps.find_due_reports.fn(at) == []
    assert steps.compose_messages.fn(at) == 1
    stats = steps.deliver_messages.fn(at)
    assert stats["sent"] == 1
    assert [s.url for s in notifier.sent] == ["mailto://ufocal@example.test"]
    # A retry of every step (Prefect retry, rerun of the day) changes nothing and sends nothing.
    assert steps.decide_notices.fn(at)["notices"] == 0
    steps.compose_messages.fn(at)
    assert steps.deliver_messages.fn(at)["sent"] == 0
    assert len(notifier.sent) == 1
    session.expire_all()
    assert len(session.exec(select(Notice)).all()) == 1
    assert len(session.exec(select(Message)).all()) == 1


def test_nothing_on_a_weekend(world: dict[str, Any], notifier: FakeNotifier) -> None:
    decided = steps.decide_notices.fn("2025-11-08T08:00:00+07:00")  # Saturday
    assert decided["working_day"] is False and decided["notices"] == 0
    assert steps.find_due_reports.fn("2025-11-08T08:00:00+07:00") == []


def test_plan_filter(world: dict[str, Any], notifier: FakeNotifier) -> None:
    at = "2025-11-03T08:00:00+07:00"
    assert steps.decide_notices.fn(at, [world["plan"].id + 100])["notices"] == 0
    assert steps.decide_notices.fn(at, [world["plan"].id])["notices"] == 1


def test_deliver_is_not_retried_by_prefect() -> None:
    # exactly-once lives in the database: a Prefect retry of the sending step could only add risk
    assert steps.deliver_messages.retries == 0
    assert steps.decide_notices.retries and steps.compose_messages.retries and steps.find_due_reports.retries
