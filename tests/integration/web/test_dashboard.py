"""The plan dashboard: access, grid by timeliness with words, rates, targets, deadlines, escalation log."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from dondoc.collect import submit as st
from dondoc.models import Notice, Obligation
from dondoc.reporting import timeliness as tl
from dondoc.web.dashboard import NOT_DUE, classify, dashboard_data
from tests.integration.web.world import NOW, World


def seed_activity(engine: Engine, w: World) -> None:
    """xa1 finished its overdue task late; xa2 finished its report early with figures; reminders and an
    escalation were sent."""
    with Session(engine) as s:
        st.submit_status(s, officer_id=w["a1"], obligation_id=w["task1"], payload={"status": "done"}, via="web", now=NOW)
        st.submit_status(s, officer_id=w["a2"], obligation_id=w["rep2"], via="web", now=NOW - dt.timedelta(days=3),
                         payload={"status": "done", "figures": {"II.1": 40, "II.2": 2.5}})
        st.submit_status(s, officer_id=w["a1"], obligation_id=w["rep1"], via="web", now=NOW,
                         payload={"status": "in_progress", "figures": {"II.1": 33, "II.2": 3.5}})
        for day in (dt.date(2025, 10, 30), dt.date(2025, 11, 3)):
            s.add(Notice(obligation_id=w["task2"], officer_id=w["a2"], kind="reminder", level=0, day=day))
        s.add(Notice(obligation_id=w["task2"], officer_id=w["a2"], kind="escalation", level=2, day=dt.date(2025, 11, 5)))
        s.add(Notice(obligation_id=w["rep3"], officer_id=w["a3"], kind="reminder", level=0, day=dt.date(2025, 11, 5)))
        s.add(Notice(obligation_id=w["other"], officer_id=w["a3"], kind="reminder", level=0, day=dt.date(2025, 11, 5)))
        s.commit()


@pytest.mark.parametrize("who,code", [("focal", 200), ("chutich", 200), ("a1", 404), ("ld_staff", 404), ("h1", 404)])
def test_dashboard_access(client: TestClient, world: World, who: str, code: int) -> None:
    assert client.get(f"/t/{world.tokens[who]}/dashboard/{world['plan']}").status_code == code


def test_dashboard_other_plan_is_404(client: TestClient, world: World) -> None:
    # The focal point of plan 1 is not the focal point of the other plan (Phòng Nội vụ is).
    assert client.get(f"/t/{world.tokens['focal']}/dashboard/{world['plan'] + 1}").status_code == 404
    assert client.get(f"/t/{world.tokens['focal']}/dashboard/999999").status_code == 404


def test_dashboard_data(engine: Engine, world: World) -> None:
    seed_activity(engine, world)
    with Session(engine) as s:
        from dondoc.models import Plan
        plan = s.get(Plan, world["plan"])
        d = dashboard_data(s, plan=plan, today=dt.date(2025, 11, 5), period=None)  # type: ignore[arg-type]
    assert d["period"] == "2025"
    assert [name for _, name in d["units"]] == ["Phòng Nội vụ", "UBND xã An Bình", "UBND xã Bình Minh"]
    grid = {t.ref: {uid: c.category for uid, c in t.cells.items()} for t in d["task_rows"]}
    assert grid["III.1"] == {world["xa1"]: tl.DONE_LATE, world["xa2"]: tl.OVERDUE}
    # rep1 is under way (an update, due ahead); rep3 has nothing yet: not yet due.
    assert grid["IV.1"] == {world["xa1"]: tl.IN_PROGRESS, world["xa2"]: tl.ON_TIME, world["noivu"]: NOT_DUE}
    assert grid["III.2"] == {world["xa1"]: NOT_DUE}
    # Two of the three within their deadline have reported nothing: not started, not "in progress".
    assert d["summary"].counts == {tl.ON_TIME: 1, tl.DONE_LATE: 1, tl.IN_PROGRESS: 1, tl.NOT_DUE: 2, tl.OVERDUE: 1,
                                   tl.NO_DEADLINE: 0}
    assert d["summary"].updated == 3
    rates = {u.name: (u.on_time_rate, u.update_rate) for u in d["unit_stats"]}
    assert rates["UBND xã An Bình"] == (0.0, pytest.approx(200 / 3))   # done late; 2 of 3 updated
    assert rates["UBND xã Bình Minh"] == (50.0, 50.0)
    assert rates["Phòng Nội vụ"] == (None, 0.0)
    targets = {r["target"].ref: r for r in d["targets"]}
    assert targets["II.1"]["achieved"] == 73.0 and targets["II.1"]["verdict"] == "chưa đạt"  # lao động: summed
    assert targets["II.2"]["achieved"] in (2.5, 3.5) and targets["II.2"]["units"] == 2      # %: not summed
    assert [r.obligation.id for r in d["upcoming"]] == [world["rep3"], world["rep1"]]  # open, due 10/11, by unit
    log = {p["officer"]: p for p in d["log"]}
    assert log["Vũ Thị Minh"]["reminders"] == 2 and log["Vũ Thị Minh"]["escalations"] == 1
    assert log["Vũ Thị Minh"]["level"] == 2
    assert log["Ngô Văn Nội"]["reminders"] == 1  # the other plan's reminder is not counted
    assert d["log"][0]["officer"] == "Vũ Thị Minh"


def test_extension_does_not_change_timeliness(engine: Engine, world: World) -> None:
    with Session(engine) as s:
        o = s.get(Obligation, world["task2"])
        assert o is not None
        o.extended_due = dt.date(2025, 11, 30)
        assert classify(o, dt.date(2025, 11, 5)) == tl.OVERDUE


def test_dashboard_page(client: TestClient, world: World, engine: Engine) -> None:
    seed_activity(engine, world)
    r = client.get(f"/t/{world.tokens['focal']}/dashboard/{world['plan']}")
    assert r.status_code == 200
    html = r.text
    for section in ("tong-hop", "luoi", "don-vi", "chi-tieu", "sap-den-han", "nhat-ky"):
        assert f'id="{section}"' in html
    # Colour AND words in the grid cells.
    assert re.search(r'class="cell c-overdue st-[a-z_]+"[^>]*>Quá hạn<', html)
    assert re.search(r'class="cell c-done_late st-[a-z_]+"[^>]*>Xong, trễ hạn<', html)
    assert re.search(r'class="cell c-on_time st-[a-z_]+"[^>]*>Đúng hạn<', html)
    assert re.search(r'class="cell c-not_due st-[a-z_]+"[^>]*>Chưa đến hạn<', html)
    assert re.search(r'class="cell c-in_progress st-[a-z_]+"[^>]*>Trong hạn<', html)
    assert html.count('class="cell c-') == 6
    assert "Quá hạn chưa hoàn thành: <strong>1</strong>" in html
    assert html.count("<svg") >= 1 + 5 + 2 + 2  # summary, legend swatches, target bars, unit bars
    assert "Giải quyết việc làm" in html and "Đạt: <strong>73 lao động</strong>" in html
    assert "Vũ Thị Minh" in html and "Hạn trong 30 ngày tới" in html
    assert '<link rel="stylesheet" href="/static/print.css" media="print">' in html
    assert "<script" not in html and " style=" not in html
    # The issuer sees the same page, without the link to the focal point's page (refused to the issuer),
    # but with the links it may follow: "Nhập thay" per grid cell (and the compiled reports' files).
    t = world.tokens["chutich"]
    issuer = client.get(f"/t/{t}/dashboard/{world['plan']}").text
    assert 'id="luoi"' in issuer and f'href="/t/{t}/focal/{world["plan"]}"' not in issuer
    assert f'href="/t/{t}/focal/{world["plan"]}/o/{world["task2"]}"' in issuer
    assert f'href="/t/{world.tokens["focal"]}/focal/{world["plan"]}"' in html


def test_dashboard_escapes(client: TestClient, world: World, engine: Engine) -> None:
    with Session(engine) as s:
        from dondoc.models import Target
        s.add(Target(plan_id=world["plan"], key="x", ref="II.9", text="<script>alert(1)</script>", value=1))
        s.commit()
    html = client.get(f"/t/{world.tokens['focal']}/dashboard/{world['plan']}").text
    assert "<script>" not in html and "&lt;script&gt;" in html
