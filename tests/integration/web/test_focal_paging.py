"""The focal page of a plan with more units than one page holds: unit cards paged (units that sent nothing
first), counts over all units, every obligation of the period on exactly one page."""

from __future__ import annotations

import re

import pendulum
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from dondoc import clock
from dondoc.clock import TZ
from dondoc.collect.links import link_for
from dondoc.db import session_scope
from dondoc.intake.lifecycle import activate_plan
from dondoc.intake.store import store_plan
from dondoc.models import Contact, Obligation, Officer, StatusUpdate, Unit
from dondoc.web import create_app
from dondoc.web.queries import FOCAL_PAGE_UNITS
from tests.integration.directory.test_merge import PLAN

NOW = pendulum.datetime(2025, 8, 20, 9, tz=TZ)
COMMUNES = FOCAL_PAGE_UNITS + 5
CARD = re.compile(r'<li class="card unit (unit-unsent|unit-sent)">\s*<h3>([^<]+)</h3>')
OB = re.compile(r'data-ob="(\d+)"')


def _province(session: Session) -> None:
    p = Unit(code="P", name="UBND tỉnh Thử", kind="province")
    session.add(p)
    session.flush()
    units = [Unit(code="SNV", name="Sở Nội vụ", kind="department", parent_id=p.id)]
    units += [Unit(code=f"X{k:02d}", name=f"UBND xã Số {k:02d}", kind="commune", parent_id=p.id) for k in range(COMMUNES)]
    session.add_all(units)
    session.flush()
    for u in units:
        officer = Officer(code=f"{u.code}-1", unit_id=u.id, name=f"Cán bộ {u.code}", role="focal")  # type: ignore[arg-type]
        session.add(officer)
        session.flush()
        session.add(Contact(officer_id=officer.id, channel="outbox", url=f"outbox://{u.code.lower()}", priority=1))  # type: ignore[arg-type]


@pytest.fixture
def at_now():
    clock.use(clock.FixedClock(NOW))
    yield
    clock.use(clock.SystemClock())


def test_focal_page_pages_its_units(engine, settings, at_now):
    with session_scope(engine) as s:
        _province(s)
        plan_id = store_plan(s, parsed=PLAN, source_name="kh.txt", source_hash="h", settings=settings, now=NOW).plan_id
        activate_plan(s, plan_id=plan_id, settings=settings, now=NOW)
    period = "2025-Q3"
    with session_scope(engine) as s:
        rows = s.exec(select(Obligation).where(Obligation.plan_id == plan_id, Obligation.period == period)).all()
        wanted = {o.id for o in rows}
        names = dict(s.exec(select(Unit.id, Unit.name)).all())
        all_units = {names[o.unit_id] for o in rows}
        senders = sorted(all_units - {"Sở Nội vụ"})[:3]  # three communes sent something: they come last
        officers = dict(s.exec(select(Officer.unit_id, Officer.id)).all())
        for o in rows:
            if names[o.unit_id] in senders:
                s.add(StatusUpdate(obligation_id=o.id, officer_id=officers[o.unit_id], status="in_progress",
                                   progress=50, result="đang làm", submitted_at=NOW))
        focal = s.exec(select(Officer).where(Officer.code == "SNV-1")).one()
        token = link_for(s, officer_id=focal.id, settings=settings, now=NOW).rsplit("/", 1)[1]  # type: ignore[arg-type]
    assert len(all_units) > FOCAL_PAGE_UNITS

    with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as client:
        url = f"/t/{token}/focal/{plan_id}?period={period}"
        first = client.get(url)
        assert first.status_code == 200
        pages = int(re.search(r"trang 1/(\d+)", first.text).group(1))
        assert pages == -(-len(all_units) // FOCAL_PAGE_UNITS)
        assert f"<strong>{len(all_units)}</strong> đơn vị · <strong>3</strong> đã gửi" in first.text
        assert f'href="?page=2&amp;period={period}#units"' in first.text
        seen_units: list[tuple[str, str]] = []
        seen_obligations: list[int] = []
        for n in range(1, pages + 1):
            html = client.get(f"{url}&page={n}").text
            cards = CARD.findall(html)
            assert len(cards) == (FOCAL_PAGE_UNITS if n < pages else len(all_units) - FOCAL_PAGE_UNITS * (pages - 1))
            seen_units += cards
            seen_obligations += [int(x) for x in OB.findall(html)]
        # clamped: past the last page is the last page, before the first is the first
        assert CARD.findall(client.get(f"{url}&page=99").text) == CARD.findall(client.get(f"{url}&page={pages}").text)
        assert CARD.findall(client.get(f"{url}&page=0").text) == CARD.findall(first.text)

    assert sorted(name for _, name in seen_units) == sorted(all_units)  # each unit once
    assert sorted(seen_obligations) == sorted(wanted)  # each obligation of the period once
    states = [state for state, _ in seen_units]
    assert states == sorted(states, key=lambda st: st == "unit-sent")  # nothing sent first
    assert {name for state, name in seen_units if state == "unit-sent"} == set(senders)


def test_remind_now_from_a_later_page_comes_back_to_that_page(engine, settings, at_now):
    with session_scope(engine) as s:
        _province(s)
        plan_id = store_plan(s, parsed=PLAN, source_name="kh.txt", source_hash="h", settings=settings, now=NOW).plan_id
        activate_plan(s, plan_id=plan_id, settings=settings, now=NOW)
        focal = s.exec(select(Officer).where(Officer.code == "SNV-1")).one()
        token = link_for(s, officer_id=focal.id, settings=settings, now=NOW).rsplit("/", 1)[1]  # type: ignore[arg-type]
    period = "2025-Q3"
    with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as client:
        html = client.get(f"/t/{token}/focal/{plan_id}?period={period}&page=2").text
        form = re.search(r'<form method="post" action="([^"]+/remind/\d+)"[^>]*>(.*?)</form>', html, re.S)
        assert form is not None
        fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(2)))
        assert fields["page"] == "2"
        sent = client.post(form.group(1), data=fields, follow_redirects=False)
        assert sent.status_code == 303
        location = sent.headers["location"]
        assert f"period={period}" in location and location.endswith("&page=2#units")
        assert "reminded=" in location
