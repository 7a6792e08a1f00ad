"""Nhập thay from the focal point's page, the JSON API and the CLI; targets per unit on the forms.

World: tests/integration/web/world.py (today 5/11/2025; rep2 is xa2's report, cut-off 7/11, due 10/11).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from dondoc import clock
from dondoc.cli import app as cli_app
from dondoc.errors import InputError, NotFound
from dondoc.models import Attachment, AuditEvent, Obligation, StatusUpdate
from tests.integration.web.server import LiveServer
from tests.integration.web.test_pages import PDF, csrf
from tests.integration.web.world import World, at

SOURCE = "Công văn số 12/BC-UBND ngày 03/11"
runner = CliRunner()


def entry_url(world: World, who: str = "focal", what: str = "rep2") -> str:
    return f"/t/{world.tokens[who]}/focal/{world['plan']}/o/{world[what]}"


def test_focal_page_links_every_obligation_to_its_entry_form(client: TestClient, world: World) -> None:
    html = client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}").text
    for what in ("rep1", "rep2", "rep3", "task1", "task2", "spec1"):
        assert f"/focal/{world['plan']}/o/{world[what]}\"" in html, what
    assert html.count(">Nhập thay</a>") == 6


def test_entry_form_lists_unit_and_general_targets_and_asks_for_the_source(client: TestClient, world: World) -> None:
    r = client.get(entry_url(world))
    assert r.status_code == 200
    html = r.text
    assert "Nhập thay báo cáo của UBND xã Bình Minh" in html
    assert 'name="source"' in html and "required" in html.split('name="source"')[1].split(">")[0]
    assert f'action="/t/{world.tokens["focal"]}/focal/{world["plan"]}/o/{world["rep2"]}"' in html
    # the focal point sees xa2's target and the plan's general ones
    for key in ("t-raosoat", "t-vieclam", "t-ngheo"):
        assert f'name="fig:{key}"' in html
    assert "Xin gia hạn" not in html  # an extension is the unit's own request
    # the unit's own form: its target, open; the plan's general ones after it, optional and closed
    own = client.get(f"/t/{world.tokens['a2']}/o/{world['rep2']}").text
    assert 'name="source"' not in own
    mine, general = own.split("Chỉ tiêu chung của kế hoạch")
    assert 'name="fig:t-raosoat"' in mine and "Số liệu chỉ tiêu của nhiệm vụ này" in mine
    assert '<details class="targets" open>' in mine
    assert 'name="fig:t-vieclam"' in general and 'name="fig:t-ngheo"' in general and "Không bắt buộc" in general


def test_noivu_form_has_only_the_general_targets(client: TestClient, world: World) -> None:
    html = client.get(f"/t/{world.tokens['a3']}/o/{world['rep3']}").text
    assert "Gửi báo cáo" in html and "Số liệu chỉ tiêu của nhiệm vụ này" not in html
    assert "Chỉ tiêu chung của kế hoạch (2)" in html
    # another unit's target is only in the folded, optional group (issue 17 item 5), never asked of this unit
    asked, others = html.split("Chỉ tiêu giao cho đơn vị khác")
    assert 'name="fig:t-raosoat"' not in asked and 'name="fig:t-raosoat"' in others
    assert '<details class="targets" >' in html.split("Chỉ tiêu giao cho đơn vị khác")[0].rsplit("<summary>", 1)[0][-40:]


def test_enter_on_behalf_end_to_end(client: TestClient, world: World, engine: Engine) -> None:
    url = entry_url(world)
    token = csrf(client.get(url).text)
    data = {"csrf": token, "source": SOURCE, "status": "done", "result": "Đã rà soát 312 hộ",
            "fig:t-raosoat": "100", "fig:t-vieclam": "41"}
    r = client.post(url, data=data, files=[("files", ("Bản quét.pdf", PDF, "application/pdf"))],
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    assert r.headers["location"].startswith(f"/t/{world.tokens['focal']}/focal/{world['plan']}?entered=")
    page = client.get(r.headers["location"]).text
    assert "Đã nhập thay báo cáo của UBND xã Bình Minh" in page
    assert f"do đầu mối nhập thay (nguồn: {SOURCE})" in page
    with Session(engine) as s:
        u = s.exec(select(StatusUpdate)).one()
        assert (u.entered_by_id, u.via, u.officer_id, u.late) == (world["focal"], "focal", None, False)
        assert u.figures == {"t-raosoat": 100.0, "t-vieclam": 41.0}
        o = s.get(Obligation, world["rep2"])
        assert o and o.closed and o.status == "done"
        att = s.exec(select(Attachment)).one()
        assert att.status_update_id == u.id and att.filename == "Bản quét.pdf"
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "status.on_behalf")).one()
        assert ev.actor == f"officer:{world['focal']}" and ev.via == "web" and ev.token_id is not None
    # the unit's officer sees it on their page and form, and may download the scan
    home = client.get(f"/t/{world.tokens['a2']}").text
    assert f"do đầu mối nhập thay (nguồn: {SOURCE})" in home
    form = client.get(f"/t/{world.tokens['a2']}/o/{world['rep2']}").text
    assert f"do đầu mối nhập thay (nguồn: {SOURCE})" in form and "Bản quét.pdf" in form
    assert client.get(f"/t/{world.tokens['a2']}/files/{att.id}").content == PDF
    # the submissions export says so too
    z = zipfile.ZipFile(io.BytesIO(client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}/export.zip").content))
    rows = list(csv.DictReader(io.StringIO(z.read("tong-hop.csv").decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["Nhập thay"] == f"do đầu mối nhập thay (nguồn: {SOURCE}); người nhập: Trần Thị Đầu Mối"
    assert rows[0]["Qua"] == "focal" and rows[0]["Đơn vị"] == "UBND xã Bình Minh"
    assert any(n.endswith("Bản quét.pdf") for n in z.namelist())


def test_unit_own_submission_has_no_entry_mark(client: TestClient, world: World) -> None:
    base = f"/t/{world.tokens['a2']}/o/{world['rep2']}"
    client.post(base, data={"csrf": csrf(client.get(base).text), "status": "in_progress"})
    z = zipfile.ZipFile(io.BytesIO(client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}/export.zip").content))
    rows = list(csv.DictReader(io.StringIO(z.read("tong-hop.csv").decode("utf-8-sig"))))
    assert rows[0]["Nhập thay"] == "" and rows[0]["Người gửi"] == "Vũ Thị Minh"
    assert "nhập thay (nguồn" not in client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}").text


def test_entry_without_source_is_refused_and_the_form_kept(client: TestClient, world: World, engine: Engine) -> None:
    url = entry_url(world)
    r = client.post(url, data={"csrf": csrf(client.get(url).text), "source": "  ", "status": "in_progress",
                               "progress": "30", "result": "Theo điện thoại", "fig:t-raosoat": "55"})
    assert r.status_code == 422 and "Hãy ghi nguồn" in r.text
    assert "Theo điện thoại" in r.text and 'name="fig:t-raosoat" type="text" inputmode="decimal" value="55"' in r.text
    bad = client.post(url, data={"csrf": csrf(r.text), "source": "Zalo", "status": "in_progress", "progress": "300"})
    assert bad.status_code == 422 and 'value="Zalo"' in bad.text
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == []


def test_entry_after_the_cutoff_is_late(client: TestClient, world: World, frozen_clock: clock.FixedClock) -> None:
    at(frozen_clock, 2025, 11, 8)
    url = entry_url(world)
    r = client.post(url, data={"csrf": csrf(client.get(url).text), "source": "điện thoại", "status": "done"})
    assert r.status_code == 200 and "gửi muộn" in r.text  # the redirect landed on the focal page


def test_issuer_may_enter_and_returns_to_the_dashboard(client: TestClient, world: World, engine: Engine) -> None:
    url = entry_url(world, "chutich", "rep3")
    r = client.post(url, data={"csrf": csrf(client.get(url).text), "source": "Zalo", "status": "in_progress"},
                    follow_redirects=False)
    assert r.status_code == 303 and f"/dashboard/{world['plan']}" in r.headers["location"]
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).one().entered_by_id == world["chutich"]


@pytest.mark.parametrize("who,what", [("a1", "rep2"), ("a1", "rep1"), ("h1", "rep2"), ("a2", "rep1"),
                                      ("ld_staff", "rep2"), ("focal", "other")])
def test_entry_refused_to_others(client: TestClient, world: World, engine: Engine, who: str, what: str) -> None:
    """A unit officer cannot enter for another unit (nor through this page for their own); nobody but the
    plan's focal point or issuer can; and only for obligations of the plan in the URL."""
    url = entry_url(world, who, what)
    assert client.get(url).status_code == 404
    own = f"/t/{world.tokens[who]}"
    token = csrf(client.get(own).text) if 'name="csrf"' in client.get(own).text else None
    if token is None:
        from dondoc.collect.links import token_hash
        from dondoc.web.security import csrf_token
        token = csrf_token(client.app.state.web.key, token_hash(world.tokens[who]))  # type: ignore[attr-defined]
    r = client.post(url, data={"csrf": token, "source": SOURCE, "status": "done"})
    assert r.status_code == 404
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == []


# ------------------------------------------------------------------------------- API

def auth(world: World, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.tokens[who]}"}


def test_api_on_behalf(client: TestClient, world: World, engine: Engine) -> None:
    listed = client.get(f"/api/plans/{world['plan']}/obligations", headers=auth(world, "focal"))
    assert listed.status_code == 200
    items = {o["id"]: o for o in listed.json()}
    assert {world["rep1"], world["rep2"], world["rep3"], world["task1"], world["task2"]} <= set(items)
    assert items[world["rep2"]]["unit_name"] == "UBND xã Bình Minh"
    assert {t["key"] for t in items[world["rep2"]]["targets"]} == {"t-raosoat", "t-vieclam", "t-ngheo"}
    assert {t["key"] for t in items[world["rep3"]]["targets"]} == {"t-vieclam", "t-ngheo"}  # general only
    url = f"/api/obligations/{world['rep2']}/status/on-behalf"
    r = client.post(url, headers=auth(world, "focal"), json={"status": "done", "source": "điện thoại",
                                                             "unit": "XA-BM", "figures": {"III.1": 88}})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["entered_by_id"] == world["focal"] and out["via"] == "focal" and out["figures"] == {"t-raosoat": 88.0}
    with Session(engine) as s:
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "status.on_behalf")).one()
        assert ev.via == "api" and ev.note == "điện thoại" and ev.entity_id == out["id"]


@pytest.mark.parametrize("body,status,text", [
    ({"status": "done"}, 422, "source"),                                      # source is required
    ({"status": "done", "source": " "}, 422, "Hãy ghi nguồn"),
    ({"status": "done", "source": "Zalo", "unit": "XA-AB"}, 400, "XA-BM"),     # the wrong unit named
])
def test_api_on_behalf_refusals(client: TestClient, world: World, engine: Engine, body: dict, status: int,
                                text: str) -> None:
    r = client.post(f"/api/obligations/{world['rep2']}/status/on-behalf", headers=auth(world, "focal"), json=body)
    assert r.status_code == status and text in r.text
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == []


def test_api_on_behalf_refused_to_unit_officers(client: TestClient, world: World, engine: Engine) -> None:
    for who, what in (("a1", "rep2"), ("a2", "rep2"), ("h1", "rep1")):
        r = client.post(f"/api/obligations/{world[what]}/status/on-behalf", headers=auth(world, who),
                        json={"status": "done", "source": "Zalo"})
        assert r.status_code == 404
        assert client.get(f"/api/plans/{world['plan']}/obligations", headers=auth(world, who)).status_code == 404
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == []


# ------------------------------------------------------------------------------- CLI

def test_cli_on_behalf_local(world: World, engine: Engine) -> None:
    args = ["status", "submit", "--local", "--token", world.tokens["focal"], "--obligation", str(world["rep2"]),
            "--status", "Hoàn thành", "--figure", "III.1=95"]
    r = runner.invoke(cli_app, [*args, "--on-behalf-of", "XA-BM", "--source", "Công văn số 12/BC-UBND"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout.splitlines()[0])
    assert out["entered_by_id"] == world["focal"] and out["via"] == "focal"
    assert "nhập thay cho XA-BM (nguồn: Công văn số 12/BC-UBND)" in r.stderr
    with Session(engine) as s:
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "status.on_behalf")).one()
        assert ev.via == "cli" and ev.actor == f"officer:{world['focal']}"


@pytest.mark.parametrize("extra,who,error,text", [
    (["--on-behalf-of", "XA-BM"], "focal", InputError, "--source"),                          # source required
    (["--source", "Zalo"], "a2", InputError, "--on-behalf-of"),                              # source alone
    (["--on-behalf-of", "XA-AB", "--source", "Zalo"], "focal", InputError, "XA-BM"),         # another unit's
    (["--on-behalf-of", "XA-BM", "--source", "Zalo"], "a1", NotFound, "không tìm thấy"),     # a unit officer
])
def test_cli_on_behalf_refusals(world: World, engine: Engine, extra: list[str], who: str, error: type,
                                text: str) -> None:
    """In process the error reaches the runner; `dondoc` itself prints it on one line with its exit code."""
    r = runner.invoke(cli_app, ["status", "submit", "--local", "--token", world.tokens[who], "--obligation",
                                str(world["rep2"]), "--status", "done", *extra])
    assert type(r.exception) is error and text in str(r.exception)
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == []


@pytest.mark.slow
def test_cli_on_behalf_remote(world: World, engine: Engine, live_server: LiveServer) -> None:
    args = ["status", "submit", "--server", live_server.url, "--token", world.tokens["focal"], "--obligation",
            str(world["rep2"]), "--status", "in_progress", "--progress", "70", "--source", "Zalo"]
    r = runner.invoke(cli_app, [*args, "--on-behalf-of", "XA-BM"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout.splitlines()[0])["entered_by_id"] == world["focal"]
    with Session(engine) as s:
        u = s.exec(select(StatusUpdate)).one()
        assert (u.via, u.entered_by_id, u.progress) == ("focal", world["focal"], 70)
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "status.on_behalf")).one()
        assert ev.via == "api" and ev.note == "Zalo"  # via: what the server knows, not a header
    wrong = runner.invoke(cli_app, [*args, "--on-behalf-of", "XA-AB"])
    assert wrong.exit_code != 0 and "XA-BM" in str(wrong.exception)
    as_unit = [world.tokens["a2"] if a == world.tokens["focal"] else a for a in args]
    unit = runner.invoke(cli_app, [*as_unit, "--on-behalf-of", "XA-BM"])
    assert unit.exit_code != 0 and "không tìm thấy" in str(unit.exception)
