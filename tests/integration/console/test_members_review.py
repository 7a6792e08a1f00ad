"""The review screen shows what a collective became ('UBND các xã, phường' -> mở rộng thành 3 đơn vị) with its
members, editable before activation: a member unticked is 'không áp dụng' for that task only; activation then
creates nothing for it; ticked again after activation, its obligations come back."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from dondoc import clock
from dondoc.db import session_scope
from dondoc.intake import review
from dondoc.intake.lifecycle import activate_plan
from dondoc.models import Assignment, AuditEvent, Exclusion, Obligation
from dondoc.web import create_app
from tests.integration.console.province_world import build, count, csrf_of, sign_in


@pytest.fixture
def world(engine, settings, frozen_clock):
    ids = build(engine, settings)
    with Session(engine) as s:
        ids["task"] = s.exec(select(Assignment.id).where(Assignment.plan_id == ids["plan"], Assignment.ref == "1")).one()
    return ids


def _members_form(html: str, item: int) -> tuple[str, list[str]]:
    start = html.index(f'id="members-{item}"')
    block = html[start:html.index("</div>", start)]
    return block, [v for v in block.split('name="listed" value="')[1:] for v in [v.split('"')[0]]]


def _units_of_task(engine, task: int) -> set[int]:
    with Session(engine) as s:
        return {o.unit_id for o in s.exec(select(Obligation).where(Obligation.assignment_id == task,
                                                                   Obligation.status != "not_applicable")).all()}


def test_exclude_a_member_before_activation_then_include_it_again(engine, settings, world):
    plan, task = world["plan"], world["task"]
    url = f"/console/plans/{plan}"
    with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as client:
        sign_in(client, "focal")
        page = client.get(url)
        assert page.status_code == 200
        block, listed = _members_form(page.text, task)
        assert "“UBND các xã, phường” (chủ trì) mở rộng thành <strong>3 đơn vị</strong>" in block
        assert all(n in block for n in ("UBND xã A", "UBND xã B", "UBND phường D"))
        assert sorted(map(int, listed)) == sorted([world["A"], world["B"], world["D"]])

        keep = [world["A"], world["D"]]  # B unticked: không áp dụng
        r = client.post(f"{url}/items/{task}/members", follow_redirects=False,
                        data={"csrf": csrf_of(page.text), "listed": listed, "unit": keep, "reason": "đã sáp nhập"})
        assert r.status_code == 303 and "members:1:0" in r.headers["location"]
        page = client.get(r.headers["location"])
        assert "1 đơn vị không áp dụng, 0 đơn vị áp dụng lại" in page.text
        block, listed = _members_form(page.text, task)
        assert "mở rộng thành <strong>2 đơn vị</strong>" in block and "1 không áp dụng" in block
        assert "không áp dụng: đã sáp nhập" in block and len(listed) == 3  # B still listed, to tick again

        # Editing the task keeps the member out (the bodies are linked again without it).
        with session_scope(engine) as s:
            review.update_item(s, plan_id=plan, item_id=task, changes={"text": "Triển khai chuyển đổi số cấp xã (sửa)"},
                               settings=settings, now=clock.now(), actor="test")

        with session_scope(engine) as s:
            activate_plan(s, plan_id=plan, settings=settings, now=clock.now())
        assert _units_of_task(engine, task) == {world["A"], world["D"]}
        with Session(engine) as s:  # B leads nothing else in this plan: it is not asked for the report either
            assert count(s, Obligation, Obligation.plan_id == plan, Obligation.unit_id == world["B"]) == 0
            assert count(s, Obligation, Obligation.plan_id == plan, Obligation.unit_id == world["A"],
                         Obligation.report_id.is_not(None)) > 0

        # After activation: B ticked again -> its obligations of the task are created.
        page = client.get(url)
        block, listed = _members_form(page.text, task)
        r = client.post(f"{url}/items/{task}/members", follow_redirects=False,
                        data={"csrf": csrf_of(page.text), "listed": listed, "unit": listed})
        assert r.status_code == 303 and "members:0:1" in r.headers["location"]
    assert _units_of_task(engine, task) == {world["A"], world["B"], world["D"]}
    with Session(engine) as s:
        assert count(s, Exclusion) == 0
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "plan.members").order_by(AuditEvent.id)).all()
        assert [(e.after["excluded"], e.after["included"]) for e in events] == [(["B"], []), ([], ["B"])]
        assert events[0].actor == f"staff:{world['staff:focal']}"


def test_members_form_roles_and_csrf(engine, settings, world):
    plan, task = world["plan"], world["task"]
    url = f"/console/plans/{plan}/items/{task}/members"
    with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as client:
        for role in ("leader", "clerk"):
            sign_in(client, role)
            page = client.get(f"/console/plans/{plan}")
            assert page.status_code == 200 and "mở rộng thành" in page.text  # they see the expansion ...
            assert "Lưu danh sách đơn vị áp dụng" not in page.text  # ... but cannot change it
            r = client.post(url, data={"csrf": csrf_of(page.text), "listed": [world["B"]]}, follow_redirects=False)
            assert r.status_code == 403
        sign_in(client, "admin")
        assert client.post(url, data={"listed": [world["B"]]}, follow_redirects=False).status_code == 403  # no csrf
        page = client.get(f"/console/plans/{plan}")
        other = client.post(f"/console/plans/{plan}/items/999999/members", follow_redirects=False,
                            data={"csrf": csrf_of(page.text), "listed": [world["B"]]})
        assert other.status_code == 404
    with Session(engine) as s:
        assert count(s, Exclusion) == 0
