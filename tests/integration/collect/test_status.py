"""Status service rules: authorisation, validation, late marking, audit, extensions, attachments."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.collect import attachments, validation
from dondoc.collect import submit as st
from dondoc.config import Settings
from dondoc.errors import Forbidden, NotFound
from dondoc.models import AuditEvent, Notice, Obligation, StatusUpdate
from tests.integration.web.world import NOW, World, build_world

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def w(engine: Engine, settings: Settings) -> World:
    return build_world(engine, settings)


def submit(engine: Engine, w: World, who: str, what: str, payload: dict, now: dt.datetime = NOW) -> StatusUpdate:
    with Session(engine, expire_on_commit=False) as s:
        u = st.submit_status(s, officer_id=w[who], obligation_id=w[what], payload=payload, via="web", now=now)
        s.commit()
        return u


@pytest.mark.parametrize("who,what,allowed", [
    ("a1", "rep1", True),        # own unit
    ("b1", "rep1", True),        # any officer of the unit
    ("a1", "rep2", False),       # another unit
    ("a2", "rep1", False),
    ("a1", "spec1", False),      # named for b1: other staff of the unit may not
    ("b1", "spec1", True),       # the named officer
    ("h1", "spec1", True),       # the unit head
    ("focal", "rep1", False),    # the focal point reads but does not report for a unit
    ("chutich", "rep1", False),
    ("gone", "rep2", False),     # inactive officer
])
def test_authorisation(engine: Engine, w: World, who: str, what: str, allowed: bool) -> None:
    if allowed:
        assert submit(engine, w, who, what, {"status": "in_progress", "progress": 10}).id
    else:
        with pytest.raises((Forbidden, NotFound)):
            submit(engine, w, who, what, {"status": "in_progress", "progress": 10})


@pytest.mark.parametrize("payload,message", [
    ({"status": "finished"}, "Tình trạng không hợp lệ"),
    ({"status": "in_progress", "progress": 101}, "0 đến 100"),
    ({"status": "in_progress", "progress": -1}, "0 đến 100"),
    ({"status": "in_progress", "progress": "nhiều"}, "phải là số"),
    ({"status": "not_started", "progress": 20}, "0 %"),
    ({"status": "done", "progress": 50}, "100 %"),
    ({"status": "impossible", "difficulties": "  "}, "lý do"),
    ({"status": "in_progress", "figures": {"II.9": 3}}, "không có chỉ tiêu"),
    ({"status": "in_progress", "figures": {"II.1": "bảy mươi"}}, "phải là một số"),
    ({"status": "in_progress", "figures": {"II.1": -5}}, "không được âm"),
    ({"status": "in_progress", "result": "x" * 20_001}, "quá dài"),
    ({"progress": 3}, "Thiếu tình trạng"),
])
def test_validation_refuses(engine: Engine, w: World, payload: dict, message: str) -> None:
    with pytest.raises(validation.StatusInputError, match=message):
        submit(engine, w, "a1", "rep1", payload)


@pytest.mark.parametrize("payload,status,progress", [
    ({"status": "done"}, "done", 100),
    ({"status": "Hoàn thành"}, "done", 100),
    ({"status": "đang thực hiện", "progress": "45,4"}, "in_progress", 45),
    ({"status": "not_started"}, "not_started", 0),
    ({"status": "impossible", "difficulties": "Thiếu kinh phí", "progress": 30}, "impossible", 30),
])
def test_validation_normalises(engine: Engine, w: World, payload: dict, status: str, progress: int) -> None:
    u = submit(engine, w, "a1", "rep1", payload)
    assert (u.status, u.progress) == (status, progress)


@pytest.mark.parametrize("raw,value", [("73", 73.0), ("78,2", 78.2), ("60.000", 60000.0), ("1.234,5", 1234.5), (85, 85.0)])
def test_figures_by_ref_or_key(engine: Engine, w: World, raw: object, value: float) -> None:
    u = submit(engine, w, "a1", "rep1", {"status": "in_progress", "figures": {"II.1": raw, "t-ngheo": "2,5"}})
    assert u.figures == {"t-vieclam": value, "t-ngheo": 2.5}


def test_submission_updates_obligation_and_audits(engine: Engine, w: World) -> None:
    submit(engine, w, "a1", "rep1", {"status": "in_progress", "progress": 40})
    later = NOW + dt.timedelta(hours=3)
    u = submit(engine, w, "b1", "rep1", {"status": "done", "result": "Đã hoàn thành"}, now=later)
    with Session(engine) as s:
        o = s.get(Obligation, w["rep1"])
        assert o and o.status == "done" and o.closed and o.progress == 100
        assert o.completed_at is not None and o.completed_at.timestamp() == later.timestamp()
        events = s.exec(select(AuditEvent).where(AuditEvent.entity_id == w["rep1"]).order_by(AuditEvent.id)).all()
        assert [e.actor for e in events] == [f"officer:{w['a1']}", f"officer:{w['b1']}"]
        assert events[1].before["status"] == "in_progress" and events[1].after["status"] == "done"
        assert events[1].note == f"statusupdate:{u.id}"
    # Reopening clears the completion time.
    submit(engine, w, "a1", "rep1", {"status": "in_progress", "progress": 90}, now=later + dt.timedelta(hours=1))
    with Session(engine) as s:
        o = s.get(Obligation, w["rep1"])
        assert o and not o.closed and o.completed_at is None


@pytest.mark.parametrize("local_day,late", [
    (dt.date(2025, 11, 6), False),
    (dt.date(2025, 11, 7), False),   # the cut-off day itself is in time
    (dt.date(2025, 11, 8), True),
])
def test_late_after_cutoff(engine: Engine, w: World, local_day: dt.date, late: bool) -> None:
    # 23:30 in Hà Nội is still that local day although it is 16:30 UTC.
    now = dt.datetime.combine(local_day, dt.time(16, 30), tzinfo=dt.UTC)
    assert submit(engine, w, "a1", "rep1", {"status": "in_progress"}, now=now).late is late


def test_extension_moves_late_line_not_due_date(engine: Engine, w: World) -> None:
    with Session(engine, expire_on_commit=False) as s:
        req = st.request_extension(s, officer_id=w["a1"], obligation_id=w["task1"], requested_due=dt.date(2025, 11, 20),
                                   reason="Chờ số liệu của thôn", via="web", now=NOW)
        s.commit()
    with Session(engine) as s, pytest.raises(validation.StatusInputError, match="đang chờ"):
        st.request_extension(s, officer_id=w["a1"], obligation_id=w["task1"], requested_due=dt.date(2025, 11, 25),
                             reason="lại", via="web", now=NOW)
    with Session(engine) as s, pytest.raises(Forbidden):  # only the plan's focal point decides
        st.decide_extension(s, officer_id=w["h1"], request_id=req.id, approve=True, via="web", now=NOW)
    with Session(engine) as s:
        st.decide_extension(s, officer_id=w["focal"], request_id=req.id, approve=True, via="web", now=NOW)
        s.commit()
    with Session(engine) as s:
        o = s.get(Obligation, w["task1"])
        assert o and o.extended_due == dt.date(2025, 11, 20) and o.due_date == dt.date(2025, 11, 3)
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "extension.approved")).one()
    assert submit(engine, w, "a1", "task1", {"status": "done"}, now=NOW).late is False
    with Session(engine) as s, pytest.raises(validation.StatusInputError, match="đã được xử lý"):
        st.decide_extension(s, officer_id=w["focal"], request_id=req.id, approve=False, via="web", now=NOW)


@pytest.mark.parametrize("due,reason,message", [
    (dt.date(2025, 11, 3), "lý do", "phải sau hạn"),
    (dt.date(2027, 1, 1), "lý do", "quá xa"),
    (dt.date(2025, 11, 20), " ", "lý do"),
])
def test_extension_validation(engine: Engine, w: World, due: dt.date, reason: str, message: str) -> None:
    with Session(engine) as s, pytest.raises(validation.StatusInputError, match=message):
        st.request_extension(s, officer_id=w["a1"], obligation_id=w["task1"], requested_due=due, reason=reason,
                             via="web", now=NOW)


def test_store_attachment_outside_web_root(engine: Engine, w: World, settings: Settings) -> None:
    u = submit(engine, w, "a1", "rep1", {"status": "in_progress"})
    with Session(engine) as s:
        att = attachments.store_attachment(s, settings=settings, status_update_id=u.id, filename="../../x.pdf", data=PDF, now=NOW)
        s.commit()
        path = attachments.attachment_path(settings, att)
    assert path.read_bytes() == PDF
    assert path.is_relative_to(settings.home / "attachments") and path.name != "x.pdf" and att.filename == "x.pdf"
    att.stored_as = "../../secret.key"
    with pytest.raises(NotFound):
        attachments.attachment_path(settings, att)


def test_remind_now_creates_notices_once(engine: Engine, w: World) -> None:
    with Session(engine) as s:
        n = st.remind_now(s, officer_id=w["focal"], plan_id=w["plan"], unit_id=w["xa1"], now=NOW, via="web", period="2025")
        s.commit()
    # xa1 has rep1, task1 (to a1, b1, h1) and spec1 (to b1 only): 3 + 3 + 1
    assert n == 7
    with Session(engine) as s:
        again = st.remind_now(s, officer_id=w["focal"], plan_id=w["plan"], unit_id=w["xa1"], now=NOW, via="web",
                              period="2025")
        s.commit()
        assert again == 0
        notices = s.exec(select(Notice)).all()
        assert {(x.kind, x.level, x.day) for x in notices} == {("reminder", 0, dt.date(2025, 11, 5))}
    with Session(engine) as s, pytest.raises(Forbidden):
        st.remind_now(s, officer_id=w["a2"], plan_id=w["plan"], unit_id=w["xa1"], now=NOW, via="web")


def test_naive_now_refused(engine: Engine, w: World) -> None:
    with Session(engine) as s, pytest.raises(ValueError):
        st.submit_status(s, officer_id=w["a1"], obligation_id=w["rep1"], payload={"status": "done"}, via="web",
                         now=dt.datetime(2025, 11, 5, 8))
