"""The desk's pages and API through the app: ledger filters, export = page rows, API = CLI filters, the
leader's view, an extension decided from the queue, the calendar feed round trip."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import select

from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.models import AuditEvent, ExtensionRequest, Message, Obligation, Officer
from dondoc.reporting.ledger import entry
from tests.integration.ledger.conftest import NOW, login


def _page_ids(html: str) -> list[int]:
    import re

    return [int(x) for x in re.findall(r'data-obligation="(\d+)"', html)]


def _xlsx_rows(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(data)).active
    return [list(r) for r in ws.iter_rows(min_row=4, values_only=True)]


def test_ledger_filters_and_export_hold_the_same_rows(client: TestClient, settings: Settings, world: dict) -> None:
    login(client, settings, world["users"]["clerk"])
    r = client.get("/so-theo-doi")
    assert r.status_code == 200 and "Sổ theo dõi" in r.text
    everything = _page_ids(r.text)
    query = "overdue=1&sort=unit&per_page=500"
    r = client.get(f"/so-theo-doi?{query}")
    shown = _page_ids(r.text)
    assert shown and set(shown) < set(everything)
    x = client.get(f"/so-theo-doi.xlsx?{query}")
    assert x.status_code == 200 and x.headers["content-type"].startswith("application/vnd.openxml")
    rows = _xlsx_rows(x.content)
    assert len(rows) == len(shown)
    api = client.get(f"/api/ledger?{query}", headers={"Authorization": f"Bearer {world['tokens']['clerk']}"}).json()
    assert [row["obligation"] for row in api["rows"]] == shown
    # the export's task column is the page's, row for row, in the same order
    assert [row[3] for row in rows] == [row["task"] for row in api["rows"]]
    assert client.get("/so-theo-doi?due_within=x").status_code == 400


def test_api_needs_a_staff_token(client: TestClient, world: dict) -> None:
    assert client.get("/api/ledger").status_code == 401
    assert client.get("/api/ledger", headers={"Authorization": "Bearer nope"}).status_code == 401
    r = client.get("/api/ledger?category=overdue", headers={"Authorization": f"Bearer {world['tokens']['leader']}"})
    assert r.status_code == 200 and all(x["category"] == "overdue" for x in r.json()["rows"])


def test_leader_view_counts_match_the_ledger(client: TestClient, settings: Settings, engine: Engine, world: dict) -> None:
    login(client, settings, world["users"]["leader"])
    r = client.get("/tong-quan")
    assert r.status_code == 200 and "<svg" in r.text and "Xếp hạng" in r.text
    with session_scope(engine) as s:
        obs = s.exec(select(Obligation)).all()
        overdue = sum(1 for o in obs if entry(o, as_of=NOW.date()).category == "overdue")
    import re

    m = re.search(r'id="kpi-overdue"><b>(\d+)</b>', r.text)
    assert m and int(m.group(1)) == overdue
    assert login(client, settings, world["users"]["clerk"]) and client.get("/tong-quan").status_code == 403


def test_extension_decided_from_the_queue(client: TestClient, settings: Settings, engine: Engine, world: dict) -> None:
    with session_scope(engine) as s:
        ld = s.exec(select(Officer).where(Officer.code == "ld-focal")).one().unit_id  # a unit with officers to tell
        ob = s.exec(select(Obligation).where(Obligation.closed == False, Obligation.unit_id == ld)).first()
        req = ExtensionRequest(obligation_id=ob.id, requested_due=ob.due_date + dt.timedelta(days=20), reason="Chờ số liệu")
        s.add(req)
        s.flush()
        req_id, ob_id, original = req.id, ob.id, ob.due_date
    csrf = login(client, settings, world["users"]["focal"])
    r = client.get("/cho-xu-ly")
    assert r.status_code == 200 and f"ext-{req_id}" in r.text
    bad = client.post(f"/cho-xu-ly/gia-han/{req_id}", data={"decision": "refuse", "reason": "", "csrf": csrf})
    assert bad.status_code == 400 and "lý do" in bad.text
    assert client.post(f"/cho-xu-ly/gia-han/{req_id}", data={"decision": "approve", "csrf": "x"}).status_code == 403
    new_due = original + dt.timedelta(days=10)
    r = client.post(f"/cho-xu-ly/gia-han/{req_id}", data={"decision": "approve", "new_due": new_due.isoformat(),
                                                           "csrf": csrf})
    assert r.status_code == 303
    with session_scope(engine) as s:
        ob = s.get(Obligation, ob_id)
        assert ob.extended_due == new_due and ob.due_date == original
        assert s.get(ExtensionRequest, req_id).state == "approved"
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "extension.approved")).first().actor.startswith("staff:")
        assert s.exec(select(Message).where(Message.key.startswith(f"decision:extension:{req_id}:"))).all()
    assert f"ext-{req_id}" not in client.get("/cho-xu-ly").text


def test_ical_round_trip(client: TestClient, settings: Settings, engine: Engine, world: dict) -> None:
    from icalendar import Calendar

    from dondoc import clock
    from dondoc.collect.ical import feed_token, officer_obligations, revoke_feeds

    with session_scope(engine) as s:
        officer = s.exec(select(Officer).where(Officer.code == "ld-focal")).one()
        token = feed_token(s, scope="officer", target_id=officer.id, settings=settings, now=clock.now())
        expected = {o.id: entry(o, as_of=NOW.date()) for o in officer_obligations(s, officer)}
    assert expected
    r = client.get(f"/ical/{token}.ics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    cal = Calendar.from_ical(r.content)
    events = list(cal.walk("VEVENT"))
    uids = [str(e["uid"]).split("@")[0].removeprefix("obligation-") for e in events]
    assert sorted(int(u) for u in uids) == sorted(expected)  # every open obligation once
    for e in events:
        oid = int(str(e["uid"]).split("@")[0].removeprefix("obligation-"))
        want = expected[oid].update_by if expected[oid].undated else expected[oid].effective_due
        assert e.decoded("dtstart") == want and "/t/" in str(e["description"])
    with session_scope(engine) as s:
        assert revoke_feeds(s, scope="officer", target_id=officer.id, now=clock.now()) == 1
    assert client.get(f"/ical/{token}.ics").status_code == 404


def test_ledger_of_one_plan_shows_who_has_reported(client: TestClient, settings: Settings, engine: Engine,
                                                   world: dict) -> None:
    import re

    from dondoc.reporting.completeness import completeness

    login(client, settings, world["users"]["leader"])
    assert 'id="completeness"' not in client.get("/so-theo-doi").text  # all plans: no per-plan box
    r = client.get(f"/so-theo-doi?plan={world['plan_id']}")
    assert r.status_code == 200 and 'id="completeness"' in r.text
    with session_scope(engine) as s:
        expected = completeness(s, plan_id=world["plan_id"], period=world["period"], today=NOW.date())
    shown = re.findall(r'data-unit="([^"]+)" data-reported="([01])"', r.text)
    # every accountable unit once, in the order of urgency (not reported and most overdue first)
    assert shown == [(u.code, "1" if u.reported else "0") for u in expected.units]
    assert expected.missing and expected.reported and f"{expected.reported}/{len(expected.units)} đơn vị" in r.text
    assert [x[1] for x in shown] == sorted(x[1] for x in shown)
