"""Merges in the console (admin only): the form, a preview that writes nothing and gives the figures the merge
then gives, the merge itself (the core of `dondoc directory merge`), audited as the staff user."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from dondoc import clock
from dondoc.collect.links import link_for, verify
from dondoc.db import session_scope
from dondoc.directory.merge import merge_units, preview_merge
from dondoc.intake.lifecycle import activate_plan
from dondoc.models import AccessToken, AuditEvent, Obligation, Officer, Unit, UnitLink
from dondoc.web import create_app
from tests.integration.console.province_world import build, count, csrf_of, sign_in

ON = "2025-08-01"
FORM = {"old": ["A", "B"], "into": "C", "name": "UBND xã C", "on": ON, "officers": "reissue"}


@pytest.fixture
def world(engine, settings, frozen_clock):
    ids = build(engine, settings)
    with session_scope(engine) as s:
        activate_plan(s, plan_id=ids["plan"], settings=settings, now=clock.now())
    return ids


def _state(engine) -> dict[str, object]:
    """Everything a merge changes, to show that a preview changed none of it."""
    with Session(engine) as s:
        return {"units": sorted((u.code, u.valid_to) for u in s.exec(select(Unit)).all()),
                "links": count(s, UnitLink),
                "obligations": sorted((o.id, o.unit_id, o.status, o.closed) for o in s.exec(select(Obligation)).all()),
                "officers": sorted((o.code, o.unit_id, o.active) for o in s.exec(select(Officer)).all()),
                "tokens": sorted((t.id, t.revoked_at is None) for t in s.exec(select(AccessToken)).all()),
                "audit": count(s, AuditEvent, AuditEvent.action == "directory.merge")}


def test_preview_then_merge_from_the_console(engine, settings, world):
    with Session(engine) as s:
        officer_a = s.exec(select(Officer).where(Officer.code == "A-1")).one()
        old_link = link_for(s, officer_id=officer_a.id, settings=settings, now=clock.now()).rsplit("/", 1)[1]
        s.commit()
    before = _state(engine)
    with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as client:
        sign_in(client, "admin")
        form = client.get("/console/directory/merge")
        assert form.status_code == 200 and "UBND xã A" in form.text and 'name="officers"' in form.text
        csrf = csrf_of(form.text)

        shown = client.post("/console/directory/merge/preview", data={**FORM, "csrf": csrf})
        assert shown.status_code == 200, shown.text[:500]
        html = shown.text
        assert "Xem trước" in html and "Chưa có gì được ghi" in html
        assert "Cán bộ A" in html and "Cán bộ B" in html  # the officers whose links are re-issued
        assert "Kế hoạch thử nghiệm sáp nhập xã" in html  # the plan whose open obligations move
        moved = int(re.search(r"<strong>(\d+)</strong> nhiệm vụ đang mở chuyển sang", html).group(1))
        assert moved > 0
        assert _state(engine) == before  # nothing written

        done = client.post("/console/directory/merge", data={**FORM, "csrf": csrf})
        assert done.status_code == 200, done.text[:500]
        assert "Đã sáp nhập A, B vào C" in done.text
        assert f"<strong>{moved}</strong>" in done.text  # the preview's figure is the merge's

    with Session(engine) as s:
        c = s.exec(select(Unit).where(Unit.code == "C")).one()
        assert {u.code: u.valid_to for u in s.exec(select(Unit).where(col(Unit.code).in_(["A", "B"]))).all()} == \
            {"A": dt.date(2025, 7, 31), "B": dt.date(2025, 7, 31)}
        assert c.valid_from == dt.date(2025, 8, 1)
        assert {o.unit_id for o in s.exec(select(Officer).where(col(Officer.code).in_(["A-1", "B-1"]))).all()} == {c.id}
        assert verify(s, token=old_link, now=clock.now()) is None  # re-issued: the old link is dead
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "directory.merge")).one()
        assert event.actor == f"staff:{world['staff:admin']}" and event.via == "web"
        assert event.after["moved"] == moved and event.after["officers"] == {"reissue": 2}
        assert not s.exec(select(Obligation).where(col(Obligation.unit_id).in_([world["A"], world["B"]]),
                                                   Obligation.closed == False,
                                                   Obligation.period_end >= dt.date(2025, 8, 1))).all()


def test_preview_gives_the_figures_of_the_merge(engine, settings, world):
    on = dt.date(2025, 8, 1)
    preview = preview_merge(engine=engine, settings=settings, old=["A", "B"], into="C", name="UBND xã C", on=on,
                            now=clock.now(), officers="transfer")
    assert [u["code"] for u in preview.old_units] == ["A", "B"] and not preview.new_unit["exists"]
    assert {o["code"] for o in preview.officers} == {"A-1", "B-1"}
    assert sum(p["open"] for p in preview.open_by_plan) >= preview.result.moved > 0
    with session_scope(engine) as s:
        merged = merge_units(s, old=["A", "B"], into="C", name="UBND xã C", on=on, settings=settings,
                             now=clock.now(), officers="transfer")
    assert (merged.moved, merged.kept, merged.closed_duplicates, merged.officers) == (
        preview.result.moved, preview.result.kept, preview.result.closed_duplicates, preview.result.officers)


def test_merge_page_errors_and_roles(engine, settings, world):
    with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as client:
        sign_in(client, "admin")
        csrf = csrf_of(client.get("/console/directory/merge").text)
        unknown = client.post("/console/directory/merge/preview", data={**FORM, "old": ["ZZ"], "csrf": csrf})
        assert unknown.status_code == 400 and "không có đơn vị mã" in unknown.text
        bad_day = client.post("/console/directory/merge", data={**FORM, "on": "31/02/2025", "csrf": csrf})
        assert bad_day.status_code == 400 and "Ngày sáp nhập" in bad_day.text
        no_csrf = client.post("/console/directory/merge", data=FORM)
        assert no_csrf.status_code == 403
        for role in ("focal", "leader", "clerk"):
            sign_in(client, role)
            assert client.get("/console/directory/merge").status_code == 403
            page = client.get("/console")
            assert client.post("/console/directory/merge", data={**FORM, "csrf": csrf_of(page.text)}).status_code == 403
    with Session(engine) as s:
        assert s.exec(select(Unit).where(Unit.code == "C")).first() is None  # nothing was merged
