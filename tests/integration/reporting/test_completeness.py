"""A plan addressed to a province's 130 communes: completeness at a glance (who reported, who not, most
urgent first), one-click reminders to all who have not (rate-limited per channel), aggregates by kind."""

from __future__ import annotations

import datetime as dt

import pendulum
from sqlmodel import func, select

from dondoc.clock import TZ
from dondoc.directory.bootstrap import bootstrap_province
from dondoc.intake.lifecycle import activate_plan
from dondoc.intake.store import store_plan
from dondoc.models import Contact, Notice, Obligation, Officer, StatusUpdate, Unit
from dondoc.reporting.completeness import completeness, remind_missing

NOW = pendulum.datetime(2025, 9, 1, 9, tz=TZ)
PLAN = {"schema_version": 1, "source": "x", "title": "KH", "issuer": "UBND tỉnh Nghệ An", "issued_on": "2025-09-01",
        "year": 2025, "recipients": [], "targets": [], "warnings": [],
        "assignments": [{"ref": "1", "item": 1, "text": "Rà soát", "lead": ["UBND các xã, phường"], "support": [],
                         "mode": "assign", "timing": {"text": None, "kind": "once", "due": "2025-09-30"}},
                        {"ref": "2", "item": 1, "text": "Tổng kết", "lead": ["UBND các xã, phường"], "support": [],
                         "mode": "assign", "timing": {"text": None, "kind": "once", "due": "2025-11-28"}}],
        "reports": []}


def _setup(session, settings):
    bootstrap_province(session, province="Nghệ An", now=NOW)
    communes = session.exec(select(Unit).where(Unit.kind.in_(["commune", "ward"]))).all()
    for n, u in enumerate(communes):
        off = Officer(code=f"{u.code}-1", unit_id=u.id, name=f"Cán bộ {n}", role="focal")
        session.add(off)
        session.flush()
        channel = "zalo" if n % 2 else "email"
        session.add(Contact(officer_id=off.id, channel=channel, url=f"outbox://{u.code}", priority=1))
    plan_id = store_plan(session, parsed=PLAN, source_name="x", source_hash="h", settings=settings, now=NOW).plan_id
    activate_plan(session, plan_id=plan_id, settings=settings, now=NOW)
    return plan_id, communes


def test_completeness_and_remind_all(session, settings):
    plan_id, communes = _setup(session, settings)
    # 10 communes report on task 1; 5 of them finished both tasks.
    obligations = session.exec(select(Obligation).where(Obligation.plan_id == plan_id)).all()
    reporters = {u.id for u in communes[:10]}
    for o in obligations:
        if o.unit_id in reporters and (o.due_date.month == 9 or o.unit_id in {u.id for u in communes[:5]}):
            session.add(StatusUpdate(obligation_id=o.id, status="done", progress=100, submitted_at=NOW))
            o.status, o.closed = "done", True
            session.add(o)
    session.flush()
    today = dt.date(2025, 10, 6)
    state = completeness(session, plan_id=plan_id, period=None, today=today)
    assert len(state.units) == 130 and state.reported == 10 and len(state.missing) == 120
    first = state.units[0]
    assert not first.reported and first.overdue_days == (today - first.next_due).days > 0
    assert all(u.reported for u in state.units[-10:])
    kinds = {k["kind"]: k for k in state.by_kind()}
    assert kinds["commune"]["units"] + kinds["ward"]["units"] == 130
    assert kinds["commune"]["reported"] + kinds["ward"]["reported"] == 10

    # One click: every non-reporting unit within each channel's limit; the rest deferred; a second click on
    # the same day adds nothing for those already reminded.
    done = remind_missing(session, plan_id=plan_id, period=None, day=today, now=NOW, limits={"zalo": 40})
    assert done.units == 40 + 60 and done.deferred["zalo"] == 20 and done.notices == 2 * (40 + 60)
    again = remind_missing(session, plan_id=plan_id, period=None, day=today, now=NOW, limits={"zalo": 40})
    assert again.notices == 0 and again.deferred["zalo"] == 20
    more = remind_missing(session, plan_id=plan_id, period=None, day=today, now=NOW, limits={"zalo": 100})
    assert more.units == 20
    # (the activation's assignment notices, one per officer and task, are not reminders)
    per = session.exec(select(Notice.obligation_id, Notice.officer_id, func.count()).where(Notice.kind != "assignment")
                       .group_by(Notice.obligation_id, Notice.officer_id)).all()
    assert max(n for *_, n in per) == 1
    reminded_units = set(session.exec(select(Obligation.unit_id).join(Notice, Notice.obligation_id == Obligation.id)
                                      .where(Notice.kind != "assignment")).all())
    assert reminded_units.isdisjoint(reporters)


def test_report_of_130_communes_lists_missing_compactly_and_by_kind(session, settings, tmp_path):
    import docx

    from dondoc.reporting.compile import render_files
    from dondoc.reporting.snapshot import build_snapshot

    plan_id, communes = _setup(session, settings)
    done_units = {u.id for u in communes[:30]}
    for o in session.exec(select(Obligation).where(Obligation.plan_id == plan_id)).all():
        if o.unit_id in done_units:
            session.add(StatusUpdate(obligation_id=o.id, status="done", progress=100, submitted_at=NOW))
    session.commit()
    snap = build_snapshot(session, plan_id=plan_id, period="2025", now=pendulum.datetime(2025, 12, 20, tz=TZ))
    kinds = {g["kind"]: g for g in snap["timeliness"]["by_kind"]}
    assert sum(g["units"] for g in kinds.values()) == 130
    assert sum(g["reported"] for g in kinds.values()) == 30
    assert sum(len(g["not_reported"]) for g in kinds.values()) == 100
    docx_path, _ = render_files(snap, directory=tmp_path)
    text = "\n".join(p.text for p in docx.Document(docx_path).paragraphs)
    line = next(p for p in text.split("\n") if p.startswith("Các đơn vị chưa báo cáo (100)"))
    assert "Xã (" in line and "Ủy ban nhân dân" not in line  # grouped by kind, short names
    tables = docx.Document(docx_path).tables
    kind_table = next(t for t in tables if t.rows[0].cells[0].text == "Loại đơn vị")
    assert {r.cells[0].text for r in kind_table.rows[1:]} == {"Xã", "Phường"}
    assert sum(int(r.cells[1].text) for r in kind_table.rows[1:]) == 130
