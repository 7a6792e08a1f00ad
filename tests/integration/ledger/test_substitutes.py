"""Substitutes: the named one, else the unit head, in force only within the dates; during the absence the
sweep's reminders and escalations, the personal link and the submissions go through the substitute."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.app.daily import run_daily
from dondoc.clock import TZ
from dondoc.collect.access import visible_clause
from dondoc.collect.submit import submit_status
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.directory.substitutes import acting_map, cancel_substitute, name_substitute, redirect
from dondoc.errors import Forbidden, InputError
from dondoc.models import (
    AuditEvent,
    Contact,
    Message,
    Notice,
    Obligation,
    Officer,
    Plan,
    StatusUpdate,
    Substitute,
    Unit,
)
from dondoc.notifications.fake import FakeNotifier
from dondoc.secrets import seal

D = dt.date


def test_named_substitute_then_unit_head(session: Session) -> None:
    unit = Unit(code="u", name="Phòng A", kind="department")
    session.add(unit)
    session.flush()
    head = Officer(code="h", unit_id=unit.id, name="Trưởng phòng", role="head")
    b = Officer(code="b", unit_id=unit.id, name="B", role="focal")
    a = Officer(code="a", unit_id=unit.id, name="A", role="staff")
    c = Officer(code="c", unit_id=unit.id, name="C", role="staff")
    session.add_all([head, b, a, c])
    session.flush()
    session.add(Substitute(officer_id=b.id, substitute_id=a.id, start=dt.date(2025, 11, 1), end=dt.date(2025, 11, 10)))
    session.add(Substitute(officer_id=c.id, start=dt.date(2025, 11, 5), end=dt.date(2025, 11, 6)))
    session.flush()
    m = acting_map(session, day=dt.date(2025, 11, 5))
    assert m == {b.id: a.id, c.id: head.id}
    assert redirect([b.id, c.id, head.id], m) == [a.id, head.id]
    assert acting_map(session, day=dt.date(2025, 11, 11)) == {}


@pytest.fixture
def desk(engine: Engine, settings: Settings) -> dict[str, Any]:
    """A ward with a focal office and one unit: its head, B (the officer named on the task), A (a colleague
    in another unit who stands in for B), each with a webhook contact; one task of B due Mon 10/11/2025."""
    with session_scope(engine) as s:
        issuer = Unit(code="ubnd", name="UBND phường 2", kind="commune")
        s.add(issuer)
        s.flush()
        focal = Unit(code="ldtbxh", name="Công chức LĐ-TB&XH", kind="office", parent_id=issuer.id)
        unit = Unit(code="vhxh", name="Công chức VHXH", kind="office", parent_id=issuer.id)
        other = Unit(code="tp", name="Công chức Tư pháp", kind="office", parent_id=issuer.id)
        s.add_all([focal, unit, other])
        s.flush()
        people = {"chair": Officer(code="chair", unit_id=issuer.id, name="Lê Thanh Bình", role="head"),
                  "focal": Officer(code="focal", unit_id=focal.id, name="Nguyễn Thị Hoa", role="focal"),
                  "head": Officer(code="uhead", unit_id=unit.id, name="Trần Văn Nam", role="head"),
                  "b": Officer(code="b", unit_id=unit.id, name="Phạm Thị Lan", role="staff"),
                  "a": Officer(code="a", unit_id=other.id, name="Đỗ Minh Anh", role="staff")}
        s.add_all(people.values())
        s.flush()
        for key, o in people.items():
            s.add(Contact(officer_id=o.id, channel="webhook", priority=1,
                          url=seal(f"json://127.0.0.1:9/{key}?token=t-{key}", settings)))
        plan = Plan(source_name="p.txt", source_hash="x", title="Kế hoạch thử", number="68/KH-UBND", year=2025,
                    issuer_unit_id=issuer.id, focal_unit_id=focal.id)
        s.add(plan)
        s.flush()
        ob = Obligation(key="k1", plan_id=plan.id, unit_id=unit.id, officer_id=people["b"].id, role="lead",
                        kind="once", period="2025", period_start=D(2025, 1, 1), period_end=D(2025, 12, 31),
                        cutoff=D(2025, 11, 10), due_date=D(2025, 11, 10))
        s.add(ob)
        s.flush()
        return {"ob": ob.id, **{k: o.id for k, o in people.items()}, "codes": {k: o.code for k, o in people.items()}}


def _day(engine: Engine, settings: Settings, day: dt.date, notifier: FakeNotifier) -> None:
    now = pendulum.datetime(day.year, day.month, day.day, 9, tz=TZ)
    run_daily(engine=engine, settings=settings, now=now, notifier=notifier, compile_reports=False)


def _sent_to(notifier: FakeNotifier, key: str) -> list[str]:
    return [x.text for x in notifier.sent if f"/{key}?" in x.url]


@pytest.mark.parametrize("named", [True, False])
def test_reminders_and_escalations_go_to_the_substitute_once(engine: Engine, settings: Settings, desk: dict,
                                                             named: bool) -> None:
    """B away 3-11/11: the reminder of 3/11 and B's escalation of 11/11 go to A (or, nobody named, to the
    unit head, who also gets their own escalation: once, not twice); B gets nothing; a rerun adds nothing."""
    now = pendulum.datetime(2025, 11, 1, 9, tz=TZ)
    with session_scope(engine) as s:
        name_substitute(s, officer="b", substitute="a" if named else None, start=D(2025, 11, 3),
                        end=D(2025, 11, 11), now=now)
    acting = "a" if named else "head"
    notifier = FakeNotifier()
    _day(engine, settings, D(2025, 11, 3), notifier)  # 5 working days before: a reminder
    _day(engine, settings, D(2025, 11, 3), notifier)  # the same sweep again (a retry) adds nothing
    assert len(_sent_to(notifier, acting)) == 1 and _sent_to(notifier, "b") == []
    assert "68/KH-UBND" in _sent_to(notifier, acting)[0]
    _day(engine, settings, D(2025, 11, 11), notifier)  # +1 working day: escalation to the officer and the head
    assert len(_sent_to(notifier, acting)) == 2 and _sent_to(notifier, "b") == []
    assert len(_sent_to(notifier, "head")) == (1 if named else 2)
    with session_scope(engine) as s:
        notices = s.exec(select(Notice).where(Notice.obligation_id == desk["ob"])).all()
        expected = [("2025-11-03", "reminder", desk[acting]), ("2025-11-11", "escalation", desk["head"])]
        if named:
            expected.append(("2025-11-11", "escalation", desk["a"]))
        assert sorted((n.day.isoformat(), n.kind, n.officer_id) for n in notices) == sorted(expected)
        assert s.exec(select(Message).where(Message.officer_id == desk["b"])).first() is None
    notifier2 = FakeNotifier()
    _day(engine, settings, D(2025, 11, 4), notifier2)  # a day of the absence with no step: nothing at all
    assert notifier2.sent == []


def test_the_substitute_sees_updates_and_is_recorded_as_acting_for(engine: Engine, settings: Settings, desk: dict) -> None:
    now = pendulum.datetime(2025, 11, 5, 10, tz=TZ)
    with session_scope(engine) as s:
        a = s.get(Officer, desk["a"])
        assert a is not None
        assert s.exec(select(Obligation.id).where(visible_clause(a))).all() == []
        with pytest.raises(Forbidden):  # not yet a substitute
            submit_status(s, officer_id=desk["a"], obligation_id=desk["ob"], payload={"status": "in_progress"},
                          via="web", now=now)
    with session_scope(engine) as s:
        row = name_substitute(s, officer="b", substitute="a", start=D(2025, 11, 3), end=D(2025, 11, 7), now=now)
        sub_id = row.id
    with session_scope(engine) as s:
        from dondoc.collect.access import acting_for

        a = s.get(Officer, desk["a"])
        assert a is not None
        absent = acting_for(s, officer=a, day=D(2025, 11, 5))
        assert [o.id for o in absent] == [desk["b"]]
        assert s.exec(select(Obligation.id).where(visible_clause(a, absent))).all() == [desk["ob"]]
        update = submit_status(s, officer_id=desk["a"], obligation_id=desk["ob"],
                               payload={"status": "in_progress", "progress": 40, "result": "Đã họp triển khai"},
                               via="web", now=now)
        assert (update.officer_id, update.entered_by_id, update.via) == (desk["b"], desk["a"], "substitute")
        assert update.source == "Đỗ Minh Anh thay Phạm Thị Lan"
        audit = s.exec(select(AuditEvent).where(AuditEvent.action == "status.submit")).one()
        assert audit.actor == f"officer:{desk['a']}" and "substitute" in (audit.note or "")
    # The ledger shows who entered it.
    from dondoc.reporting.ledger_query import LedgerFilter, ledger_all
    from dondoc.reporting.ledger_xlsx import cells

    with session_scope(engine) as s:
        (row_,) = ledger_all(s, LedgerFilter(), as_of=D(2025, 11, 5))
        assert row_.last_note == "Đỗ Minh Anh thay Phạm Thị Lan"
        assert "Đỗ Minh Anh thay Phạm Thị Lan" in str(cells(1, row_)[12])
    # After the absence (or once cancelled) the link no longer reaches B's task.
    later = pendulum.datetime(2025, 11, 10, 10, tz=TZ)
    with session_scope(engine) as s, pytest.raises(Forbidden):
        submit_status(s, officer_id=desk["a"], obligation_id=desk["ob"], payload={"status": "done"}, via="web",
                      now=later)
    with session_scope(engine) as s:
        cancel_substitute(s, substitute_id=sub_id, now=now)
    with session_scope(engine) as s, pytest.raises(Forbidden):
        submit_status(s, officer_id=desk["a"], obligation_id=desk["ob"], payload={"status": "done"}, via="web",
                      now=now)
    # B's own submission is B's.
    with session_scope(engine) as s:
        own = submit_status(s, officer_id=desk["b"], obligation_id=desk["ob"], payload={"status": "done"}, via="web",
                            now=later)
        assert (own.officer_id, own.entered_by_id, own.source) == (desk["b"], None, None)


def test_naming_a_substitute_is_checked(engine: Engine, settings: Settings, desk: dict) -> None:
    now = pendulum.datetime(2025, 11, 1, 9, tz=TZ)
    with session_scope(engine) as s:
        name_substitute(s, officer="b", substitute="a", start=D(2025, 11, 3), end=D(2025, 11, 7), now=now)
    for kwargs, words in [({"officer": "b", "substitute": "a", "start": D(2025, 11, 5), "end": D(2025, 11, 9)}, "đã có lịch vắng"),
                          ({"officer": "b", "substitute": "b", "start": D(2025, 12, 1), "end": D(2025, 12, 2)}, "cán bộ khác"),
                          ({"officer": "b", "substitute": "a", "start": D(2025, 12, 2), "end": D(2025, 12, 1)}, "trước ngày bắt đầu")]:
        with session_scope(engine) as s, pytest.raises(InputError, match=words):
            name_substitute(s, now=now, **kwargs)  # type: ignore[arg-type]


def test_the_substitute_link_shows_and_takes_the_absent_officers_task(engine: Engine, settings: Settings,
                                                                       desk: dict) -> None:
    from fastapi.testclient import TestClient

    from dondoc import clock
    from dondoc.collect.links import link_for
    from dondoc.web import create_app

    now = pendulum.datetime(2025, 11, 5, 10, tz=TZ)
    clock.use(clock.FixedClock(now))
    try:
        with session_scope(engine) as s:
            name_substitute(s, officer="b", substitute="a", start=D(2025, 11, 3), end=D(2025, 11, 7), now=now)
            url = link_for(s, officer_id=desk["a"], settings=settings, now=now)
        path = "/t/" + url.rsplit("/t/", 1)[1]
        with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as c:
            page = c.get(path)
            assert page.status_code == 200 and f"/o/{desk['ob']}" in page.text
            form = c.get(f"{path}/o/{desk['ob']}")
            assert form.status_code == 200
            import re

            csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
            sent = c.post(f"{path}/o/{desk['ob']}", data={"csrf": csrf, "status": "in_progress", "progress": "30",
                                                          "result": "Đã họp"}, follow_redirects=True)
            assert sent.status_code == 200
            assert "Đỗ Minh Anh thay Phạm Thị Lan" in c.get(f"{path}/o/{desk['ob']}").text
    finally:
        clock.use(clock.SystemClock())
    with session_scope(engine) as s:
        (u,) = s.exec(select(StatusUpdate)).all()
        assert (u.officer_id, u.entered_by_id, u.source) == (desk["b"], desk["a"], "Đỗ Minh Anh thay Phạm Thị Lan")


def test_a_substitute_named_after_the_morning_run_gets_no_second_copy(engine: Engine, settings: Settings,
                                                                       desk: dict) -> None:
    notifier = FakeNotifier()
    _day(engine, settings, D(2025, 11, 3), notifier)  # 09:00: B is reminded (5 working days before)
    assert len(_sent_to(notifier, "b")) == 1
    with session_scope(engine) as s:  # 10:00: B goes on leave, A stands in
        name_substitute(s, officer="b", substitute="a", start=D(2025, 11, 3), end=D(2025, 11, 7),
                        now=pendulum.datetime(2025, 11, 3, 10, tz=TZ))
    run_daily(engine=engine, settings=settings, now=pendulum.datetime(2025, 11, 3, 14, tz=TZ), notifier=notifier,
              compile_reports=False)
    assert _sent_to(notifier, "a") == [] and len(_sent_to(notifier, "b")) == 1
    _day(engine, settings, D(2025, 11, 6), notifier)  # the next step during the absence goes to A
    assert len(_sent_to(notifier, "a")) == 1 and len(_sent_to(notifier, "b")) == 1
