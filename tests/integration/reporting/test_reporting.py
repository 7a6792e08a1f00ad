"""Snapshot and compilation of the consolidated report (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pendulum
import pytest
from sqlmodel import Session, select

from dondoc.clock import TZ
from dondoc.errors import NotFound
from dondoc.models import CompiledReport, Message, StatusUpdate
from dondoc.reporting import compile as reporting
from dondoc.reporting.compile import compile_report
from dondoc.reporting.letter import build_letter
from dondoc.reporting.sample import seed_sample
from dondoc.reporting.snapshot import build_snapshot

AFTER = pendulum.datetime(2025, 11, 13, 9, 0, tz=TZ)


@pytest.fixture
def sample(session: Session) -> dict[str, Any]:
    return seed_sample(session)


def test_snapshot_figures_timeliness_and_cutoff(session: Session, sample: dict[str, Any]) -> None:
    s = build_snapshot(session, plan_id=sample["plan_id"], period=None, now=AFTER)
    assert s["period"]["code"] == "2025" and s["period"]["final"]
    assert s["period"]["cutoff"] == "2025-11-12" and s["period"]["as_of"] == "2025-11-12"
    jobs = s["targets"][0]
    assert (jobs["achieved"], round(jobs["ratio"], 1), jobs["assessment"], jobs["merge"]) == (73, 85.9, "chưa đạt", "sum")
    assert s["targets"][1]["achieved"] == 96.2 and s["targets"][1]["merge"] == "single"  # a rate is not summed
    t = s["timeliness"]
    assert t["counts"] == {"on_time": 3, "done_late": 2, "in_progress": 1, "not_due": 0, "overdue": 3,
                           "no_deadline": 4}
    assert (t["total"], t["updated"]) == (13, 10)
    assert t["not_reported"] == ["UBND thị trấn Hồi Xuân"]
    assert len(s["submissions"]) == 15  # the update of 13/11 is after the cut-off
    assert [x["ref"] for x in s["next"]["tasks"]] == ["III.1", "III.2"]
    assert s["recipients"] == ["UBND tỉnh Thanh Hoá", "Sở Lao động - Thương binh và Xã hội tỉnh"]


def test_before_the_cutoff_the_snapshot_is_provisional(session: Session, sample: dict[str, Any]) -> None:
    early = pendulum.datetime(2025, 11, 8, 9, 0, tz=TZ)
    s = build_snapshot(session, plan_id=sample["plan_id"], period="2025", now=early)
    assert not s["period"]["final"] and s["period"]["as_of"] == "2025-11-08"
    assert s["targets"][0]["achieved"] == 40  # Nam Xuân's 33 came on 11/11
    assert all(x["at"] <= early.isoformat() for x in s["submissions"])


def test_extension_does_not_change_statistics(session: Session, sample: dict[str, Any]) -> None:
    from dondoc.models import Obligation

    o = session.exec(select(Obligation).where(Obligation.plan_id == sample["plan_id"], Obligation.role == "lead",
                                              Obligation.due_date == dt.date(2025, 6, 30))).one()
    o.extended_due = dt.date(2025, 12, 31)
    session.add(o)
    session.commit()
    s = build_snapshot(session, plan_id=sample["plan_id"], period="2025", now=AFTER)
    assert s["timeliness"]["counts"]["overdue"] == 3


def test_unknown_plan(session: Session) -> None:
    with pytest.raises(NotFound):
        build_snapshot(session, plan_id=999, period="2025", now=AFTER)


def test_compile_stores_sends_once_and_is_byte_identical(engine: Any, settings: Any, sample: dict[str, Any]) -> None:
    row = compile_report(engine=engine, settings=settings, plan_id=sample["plan_id"], now=AFTER)
    first = Path(row.docx_path).read_bytes()  # type: ignore[arg-type]
    assert row.sha256 == hashlib.sha256(first).hexdigest()
    assert Path(row.docx_path).parent == settings.home / "reports"  # type: ignore[arg-type]
    assert Path(row.xlsx_path).is_file()  # type: ignore[arg-type]
    # New data after the cut-off, a later compile: the stored snapshot is reused, the bytes are equal.
    with Session(engine) as s:
        s.add(StatusUpdate(obligation_id=1, status="done", progress=100, result="muộn",
                           submitted_at=pendulum.datetime(2025, 11, 14, 9, tz=TZ)))
        s.commit()
    again = compile_report(engine=engine, settings=settings, plan_id=sample["plan_id"], period="2025",
                           now=AFTER.add(days=5))
    assert Path(again.docx_path).read_bytes() == first  # type: ignore[arg-type]
    with Session(engine) as s:
        assert len(s.exec(select(CompiledReport)).all()) == 1
        messages = s.exec(select(Message)).all()
    assert [(m.key, m.kind, m.officer_id) for m in messages] == [
        (f"report:{sample['plan_id']}:2025:{sample['focal_officer']}", "report", sample["focal_officer"])]
    # The files go as attachments (paths relative to the data folder), not as server paths in the text.
    assert messages[0].attachments == ["reports/bao-cao-ke-hoach-1-2025.docx", "reports/bao-cao-ke-hoach-1-2025.xlsx"]
    assert str(settings.home) not in messages[0].body_text and ".docx" not in messages[0].body_text
    assert f"/focal/{sample['plan_id']}" in messages[0].body_text  # the focal officer's own page
    assert "UBND thị trấn Hồi Xuân" in messages[0].body_text


def test_provisional_compile_is_replaced_by_the_final_one(engine: Any, settings: Any, sample: dict[str, Any]) -> None:
    early = pendulum.datetime(2025, 11, 8, 9, 0, tz=TZ)
    draft = compile_report(engine=engine, settings=settings, plan_id=sample["plan_id"], period="2025", now=early,
                           send=False)
    assert not draft.snapshot["period"]["final"]
    final = compile_report(engine=engine, settings=settings, plan_id=sample["plan_id"], period="2025", now=AFTER,
                           send=False)
    assert final.id == draft.id and final.snapshot["period"]["final"]
    assert final.snapshot["targets"][0]["achieved"] == 73
    with Session(engine) as s:
        assert s.exec(select(Message)).all() == []


def test_letter_lists_overdue_assigned_units(session: Session, sample: dict[str, Any]) -> None:
    data = build_letter(session, plan_id=sample["plan_id"], now=AFTER)
    names = [u["unit"] for u in data["units"]]
    # Requested bodies (MTTQ) are not sent a formal letter; continuous tasks have no deadline.
    assert names == ["UBND thị trấn Hồi Xuân", "UBND xã Nam Xuân"]
    item = data["units"][0]["items"][0]
    assert (item["ref"], item["role"], item["due"], item["days_late"], item["reported"]) == (
        "IV.1", "report", "2025-11-10", 3, False)
    assert data["reply_by"] == "2025-11-20"


def test_focal_officers_fall_back_to_head(session: Session, sample: dict[str, Any]) -> None:
    from dondoc.models import Officer, Plan

    plan = session.get(Plan, sample["plan_id"])
    assert [o.id for o in reporting.focal_officers(session, plan)] == [sample["focal_officer"]]  # type: ignore[arg-type]
    focal = session.get(Officer, sample["focal_officer"])
    focal.active = False  # type: ignore[union-attr]
    session.add(focal)
    session.commit()
    assert [o.id for o in reporting.focal_officers(session, plan)] == [sample["head_officer"]]  # type: ignore[arg-type]


def test_cutoff_day_compile_is_final(session: Session, sample: dict[str, Any]) -> None:
    # The scheduler compiles one working day before the deadline, which can be the cut-off day itself.
    morning = pendulum.datetime(2025, 11, 12, 8, 0, tz=TZ)
    s = build_snapshot(session, plan_id=sample["plan_id"], period="2025", now=morning)
    assert s["period"]["final"] and s["period"]["as_of"] == "2025-11-12"
    assert s["targets"][1]["achieved"] is None  # Phòng Y tế's figure came at 10:00 that day


def test_upper_level_recipients_when_configured(engine: Any, settings: Any, sample: dict[str, Any]) -> None:
    from dondoc.models import Officer, Plan, Unit

    with Session(engine) as s:
        plan = s.get(Plan, sample["plan_id"])
        plan.policy = {"report_to_upper": True}  # type: ignore[union-attr]
        s.add(plan)
        province = s.exec(select(Unit).where(Unit.code == "thanhhoa")).one().id
        s.add(Officer(code="tinh-head", unit_id=province, name="Lãnh đạo tỉnh", role="head"))
        s.commit()
    compile_report(engine=engine, settings=settings, plan_id=sample["plan_id"], now=AFTER)
    with Session(engine) as s:
        messages = {m.officer_id: m for m in s.exec(select(Message)).all()}
        upper = s.exec(select(Officer).where(Officer.code == "tinh-head")).one()
    assert set(messages) == {sample["focal_officer"], upper.id}
    assert messages[upper.id].subject.startswith("[dondoc] Báo cáo năm 2025")
    assert "trình ký" in messages[sample["focal_officer"]].body_text
    assert "trình ký" not in messages[upper.id].body_text


@pytest.mark.parametrize(("title", "shown"), [
    ("Thực hiện Nghị quyết số 42-NQ/TW", "Thực hiện Nghị quyết số 42-NQ/TW"),
    ("ke-hoach-68.docx", ""),  # the source file name: the parser found no title
    ("002_5e96f8da14096f37.txt", ""),
])
def test_plan_header_title(session: Session, sample: dict[str, Any], title: str, shown: str) -> None:
    from dondoc.models import Plan

    plan = session.get(Plan, sample["plan_id"])
    plan.title = title  # type: ignore[union-attr]
    from dondoc.reporting.snapshot import plan_header

    header = plan_header(session, plan)  # type: ignore[arg-type]
    assert header["title"] == shown
    assert header["symbol"] == "UBND" and header["focal_symbol"] == "LĐTBXH"
    assert header["issuer_lines"] == ["ỦY BAN NHÂN DÂN", "HUYỆN QUAN HOÁ"]


def test_no_focal_officer_stores_without_sending(engine: Any, settings: Any, sample: dict[str, Any]) -> None:
    from dondoc.models import Officer

    with Session(engine) as s:
        for o in s.exec(select(Officer)).all():
            o.active = False
            s.add(o)
        s.commit()
    row = compile_report(engine=engine, settings=settings, plan_id=sample["plan_id"], now=AFTER)
    assert row.sent_at is None and Path(row.docx_path).is_file()  # type: ignore[arg-type]
    with Session(engine) as s:
        assert s.exec(select(Message)).all() == []
