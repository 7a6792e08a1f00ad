"""Follow-up policy: defaults from settings, per-plan overrides, reminder and escalation days."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from dondoc.calendar.policy import Policy
from dondoc.calendar.workdays import WorkCalendar
from dondoc.config import Settings
from dondoc.errors import InputError

D = dt.date.fromisoformat
CAL = WorkCalendar()


def test_from_settings_reads_the_environment_values(tmp_path) -> None:  # type: ignore[no-untyped-def]
    s = Settings(home=tmp_path, reminder_offsets="7, 3,1", escalation_offsets="2,4", send_hour=9,
                 support_offset=2, stale_months=6)
    p = Policy.from_settings(s)
    assert p.reminder_offsets == (7, 3, 1)
    assert p.escalation_offsets == (2, 4)
    assert p.send_hour == 9 and p.support_offset == 2 and p.stale_months == 6
    assert Policy.from_settings(Settings(home=tmp_path)) == Policy()


@pytest.mark.parametrize(
    ("due", "offsets", "expected"),
    [
        ("2025-11-10", "5,2,0", ["2025-11-03", "2025-11-06", "2025-11-10"]),
        ("2025-02-04", "5,2,0", ["2025-01-21", "2025-01-24", "2025-02-04"]),  # Tết 2025 in between
        ("2025-09-04", "3,1", ["2025-08-28", "2025-09-03"]),  # 1/9-2/9 skipped
        ("2025-11-15", "0", ["2025-11-14"]),  # a Saturday due date: reminded on the Friday
        ("2025-11-10", "2,2,0", ["2025-11-06", "2025-11-10"]),  # duplicates collapse
    ],
)
def test_reminder_days(due: str, offsets: str, expected: list[str]) -> None:
    p = Policy().merged({"reminder_offsets": offsets})
    days = p.reminder_days(D(due), CAL)
    assert days == [D(x) for x in expected]
    assert all(CAL.is_working_day(d) for d in days)


@pytest.mark.parametrize(
    ("due", "mode", "expected"),
    [
        ("2025-11-10", "assign", [(1, "2025-11-11"), (2, "2025-11-13"), (3, "2025-11-17")]),
        ("2025-08-29", "assign", [(1, "2025-09-03"), (2, "2025-09-05"), (3, "2025-09-09")]),
        ("2025-01-24", "assign", [(1, "2025-02-03"), (2, "2025-02-05"), (3, "2025-02-07")]),
        ("2025-11-10", "request", []),  # Đề nghị: reminded, never escalated
    ],
)
def test_escalation_ladder(due: str, mode: str, expected: list[tuple[int, str]]) -> None:
    assert Policy().escalation_days(D(due), CAL, mode=mode) == [(lvl, D(d)) for lvl, d in expected]


def test_ladder_recipients() -> None:
    ladder = Policy().ladder
    assert [(r.level, r.offset, r.recipients) for r in ladder] == [
        (1, 1, ("officer", "unit_head")), (2, 3, ("focal",)), (3, 5, ("issuer",))]
    shorter = Policy().merged({"escalation_offsets": [2, 4]})
    assert [r.recipients for r in shorter.ladder] == [("officer", "unit_head"), ("focal",)]
    longer = Policy().merged({"escalation_offsets": "1,3,5,10"})
    assert longer.ladder[-1].recipients == ("issuer",)


def test_support_due_and_shift() -> None:
    p = Policy()
    assert p.support_due(D("2025-11-10"), CAL) == D("2025-11-05")
    assert p.support_due(D("2025-02-05"), CAL) == D("2025-01-24")  # 3 working days back across Tết
    assert p.shift_due(D("2025-11-15"), CAL) == D("2025-11-14")
    assert p.merged({"shift": "next"}).shift_due(D("2025-11-15"), CAL) == D("2025-11-17")


@pytest.mark.parametrize(
    ("local", "allowed"),
    [
        ("2025-11-05T08:00:00", True),
        ("2025-11-05T07:59:00", False),  # quiet hours
        ("2025-11-05T17:00:00", True),
        ("2025-11-08T09:00:00", False),  # Saturday
        ("2025-09-02T09:00:00", False),  # National Day
        ("2025-04-26T09:00:00", True),  # làm bù Saturday
    ],
)
def test_may_send(local: str, allowed: bool) -> None:
    now = pendulum.parse(local, tz="Asia/Ho_Chi_Minh").in_timezone("UTC")
    assert Policy().may_send(now, CAL) is allowed


def test_send_at_is_eight_in_vietnam() -> None:
    at = Policy().send_at(D("2025-11-05"))
    assert at.isoformat() == "2025-11-05T08:00:00+07:00"
    assert at.in_timezone("UTC").hour == 1
    assert Policy(send_hour=7).send_at(D("2025-11-05")).hour == 7


def test_stale_before() -> None:
    assert Policy().stale_before(D("2025-11-30")) == D("2025-08-30")
    assert Policy(stale_months=1).stale_before(D("2025-03-31")) == D("2025-02-28")


def test_merged_roundtrip_and_diff() -> None:
    base = Policy()
    plan = base.merged({"reminder_offsets": [10, 3], "shift": "next", "status_frequency": "quarter",
                        "escalation_recipients": [["officer"], ["focal", "issuer"], ["issuer"]]})
    assert plan.reminder_offsets == (10, 3) and plan.shift == "next"
    assert plan.escalation_recipients[1] == ("focal", "issuer")
    stored = plan.diff(base)
    assert set(stored) == {"reminder_offsets", "shift", "status_frequency", "escalation_recipients"}
    assert base.merged(stored) == plan
    assert base.merged(plan.to_dict()) == plan
    assert base.merged(None) is base and base.merged({}) is base
    assert base.merged({"colour": "blue"}).extra == {"colour": "blue"}  # kept, not used


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"shift": "sideways"}, "shift"),
        ({"reminder_offsets": "5,-1"}, "reminder_offsets"),
        ({"escalation_offsets": "3,1"}, "increase"),
        ({"escalation_offsets": "0,2"}, "after the due date"),
        ({"send_hour": 25}, "send_hour"),
        ({"send_hour": "eight"}, "bad value for send_hour"),
        ({"status_frequency": "week"}, "status_frequency"),
        ({"escalation_recipients": [["mayor"], ["focal"], ["issuer"]]}, "recipients"),
        ({"level_gaps": [0]}, "level_gaps"),
    ],
)
def test_bad_overrides(overrides: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(InputError, match=message):
        Policy().merged(overrides)
