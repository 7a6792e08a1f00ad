"""The officer's pages, the status form and the focal point's page (TestClient, SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc import clock
from dondoc.models import Attachment, AuditEvent, ExtensionRequest, Message, Notice, Obligation, StatusUpdate
from tests.integration.web.world import World, at

PDF = b"%PDF-1.4\n%%EOF\n"


def csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert m, "form without a CSRF token"
    return m.group(1)


def test_officer_page_lists_own_open_obligations(client: TestClient, world: World) -> None:
    r = client.get(f"/t/{world.tokens['a1']}")
    assert r.status_code == 200
    html = r.text
    assert "Lê Văn An" in html and "UBND xã An Bình" in html
    assert "Kế hoạch số 68/KH-UBND" in html
    assert "thứ Hai, ngày 10 tháng 11 năm 2025" in html and "Còn 5 ngày" in html
    assert "thứ Hai, ngày 03 tháng 11 năm 2025" in html and "Quá hạn 2 ngày" in html
    assert 'class="due overdue"' in html and 'class="due soon"' in html
    assert f"/o/{world['rep1']}" in html and f"/o/{world['task1']}" in html
    assert f"/o/{world['rep2']}" not in html                 # another unit
    assert f"/o/{world['spec1']}" not in html                # named for b1
    assert f"/o/{world['future']}" not in html and "Còn 1 nhiệm vụ ở các kỳ sau" in html
    assert "/focal/" not in html                             # not a focal officer


def test_named_officer_sees_their_task(client: TestClient, world: World) -> None:
    html = client.get(f"/t/{world.tokens['b1']}").text
    assert f"/o/{world['spec1']}" in html and "thứ Hai, ngày 15 tháng 12 năm 2025" in html


def test_focal_and_issuer_get_their_links(client: TestClient, world: World) -> None:
    focal = client.get(f"/t/{world.tokens['focal']}").text
    assert f"/focal/{world['plan']}" in focal and f"/dashboard/{world['plan']}" in focal
    issuer = client.get(f"/t/{world.tokens['chutich']}").text
    assert f"/dashboard/{world['plan']}" in issuer and f"/focal/{world['plan']}" not in issuer


def test_submit_form_end_to_end(client: TestClient, world: World, engine: Engine) -> None:
    base = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    form = client.get(base)
    assert form.status_code == 200 and "Gửi báo cáo" in form.text and "được rà soát" in form.text
    # The unit sees the targets that concern it (III.1, its task) first; the plan's objectives (II.1, II.2)
    # follow as optional figures.
    mine, general = form.text.split("Chỉ tiêu chung của kế hoạch")
    assert 'name="fig:t-raosoat"' in mine and 'name="fig:t-vieclam"' in general
    data = {"csrf": csrf(form.text), "status": "in_progress", "progress": "60", "result": "Đã rà soát 120 hộ",
            "fig:t-raosoat": "72,8", "difficulties": "Thiếu kinh phí",
            "proposals": "Bổ sung kinh phí"}
    r = client.post(base, data=data, files=[("files", ("Báo cáo.pdf", PDF, "application/pdf"))], follow_redirects=False)
    assert r.status_code == 303, r.text
    done = client.get(r.headers["location"])
    assert done.status_code == 200 and "Đã gửi báo cáo" in done.text and "Báo cáo.pdf" in done.text
    assert "72,8" in done.text
    with Session(engine) as s:
        o = s.get(Obligation, world["rep1"])
        assert o and o.status == "in_progress" and o.progress == 60
        u = s.exec(select(StatusUpdate)).one()
        assert u.figures == {"t-raosoat": 72.8} and u.via == "web" and not u.late and u.entered_by_id is None
        att = s.exec(select(Attachment)).one()
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "status.submit")).one()
        assert ev.token_id is not None and ev.via == "web" and ev.actor == f"officer:{world['a1']}"
    # The officer can download their attachment; another unit cannot.
    dl = client.get(f"/t/{world.tokens['a1']}/files/{att.id}")
    assert dl.status_code == 200 and dl.content == PDF and "attachment" in dl.headers["content-disposition"]
    assert client.get(f"/t/{world.tokens['a2']}/files/{att.id}").status_code == 404
    assert client.get(f"/t/{world.tokens['focal']}/files/{att.id}").status_code == 200
    # The form now shows the previous update.
    again = client.get(base).text
    assert "Các lần cập nhật trước" in again and "Đã rà soát 120 hộ" in again


def test_late_submission_is_marked(client: TestClient, world: World, frozen_clock: clock.FixedClock) -> None:
    base = f"/t/{world.tokens['a1']}/o/{world['task1']}"
    page = client.get(base).text
    assert "gửi muộn" in page  # the warning before sending
    r = client.post(base, data={"csrf": csrf(page), "status": "done"})
    assert r.status_code == 200 and "gửi muộn" in r.text and "Đã gửi báo cáo" in r.text


def test_invalid_form_is_shown_again_with_message(client: TestClient, world: World) -> None:
    base = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    token = csrf(client.get(base).text)
    r = client.post(base, data={"csrf": token, "status": "done", "progress": "40", "result": "giữ lại chữ này"})
    assert r.status_code == 422 and "Hoàn thành" in r.text and "100 %" in r.text and "giữ lại chữ này" in r.text


def test_extension_request_and_decision(client: TestClient, world: World, engine: Engine) -> None:
    base = f"/t/{world.tokens['a1']}/o/{world['task1']}"
    token = csrf(client.get(base).text)
    r = client.post(f"{base}/extension", data={"csrf": token, "requested_due": "2025-11-21", "reason": "Chờ số liệu thôn"})
    assert r.status_code == 200 and "Đã gửi đề nghị gia hạn" in r.text and "Đang chờ" in r.text
    focal = f"/t/{world.tokens['focal']}/focal/{world['plan']}"
    page = client.get(focal).text
    assert "Đề nghị gia hạn chờ duyệt (1)" in page and "Chờ số liệu thôn" in page
    with Session(engine) as s:
        req = s.exec(select(ExtensionRequest)).one()
    r = client.post(f"/t/{world.tokens['focal']}/focal/extensions/{req.id}", data={"csrf": csrf(page), "decision": "approve"})
    assert r.status_code == 200 and "Đã đồng ý gia hạn" in r.text
    with Session(engine) as s:
        o = s.get(Obligation, world["task1"])
        assert o and str(o.extended_due) == "2025-11-21" and str(o.due_date) == "2025-11-03"
    officer_page = client.get(f"/t/{world.tokens['a1']}").text
    assert "đã gia hạn; hạn ban đầu 03/11/2025" in officer_page
    # A unit officer cannot decide extensions.
    assert client.post(f"/t/{world.tokens['a1']}/focal/extensions/{req.id}",
                       data={"csrf": token, "decision": "approve"}).status_code == 404


def test_focal_page_shows_sent_and_missing(client: TestClient, world: World, engine: Engine) -> None:
    base = f"/t/{world.tokens['a2']}/o/{world['rep2']}"
    client.post(base, data={"csrf": csrf(client.get(base).text), "status": "done", "result": "Xã Bình Minh xong"})
    page = client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}")
    assert page.status_code == 200
    html = page.text
    assert "UBND xã Bình Minh" in html and "Xã Bình Minh xong" in html and "Đã gửi 1/2" in html
    assert "3</strong> đơn vị" in html and "1</strong> đã gửi" in html and "2</strong> chưa gửi" in html
    # Units that have not sent come first.
    assert html.index("UBND xã An Bình") < html.index("UBND xã Bình Minh")
    assert "Nhắc ngay" in html


def test_focal_page_only_for_focal(client: TestClient, world: World) -> None:
    for who in ("a1", "chutich", "ld_staff"):
        assert client.get(f"/t/{world.tokens[who]}/focal/{world['plan']}").status_code == 404
    assert client.get(f"/t/{world.tokens['focal']}/focal/999999").status_code == 404


def test_remind_now_button(client: TestClient, world: World, engine: Engine) -> None:
    url = f"/t/{world.tokens['focal']}/focal/{world['plan']}"
    token = csrf(client.get(url).text)
    r = client.post(f"{url}/remind/{world['xa2']}", data={"csrf": token, "period": "2025"})
    assert r.status_code == 200 and "Đã tạo 2 lời nhắc" in r.text
    with Session(engine) as s:
        notices = s.exec(select(Notice)).all()
        assert {(n.officer_id, n.kind, n.level) for n in notices} == {(world["a2"], "reminder", 0)}
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "remind.now")).one()
        # Handed to the delivery layer at once: the notices are composed into a digest for the officer.
        assert all(n.message_id is not None for n in notices)
        assert s.exec(select(Message).where(Message.officer_id == world["a2"])).first() is not None
    r = client.post(f"{url}/remind/{world['xa2']}", data={"csrf": token, "period": "2025"})
    assert "đã được nhắc hôm nay" in r.text


def test_export_zip(client: TestClient, world: World) -> None:
    base = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    client.post(base, data={"csrf": csrf(client.get(base).text), "status": "in_progress", "result": "Kết quả 1"},
                files=[("files", ("../../evil.pdf", PDF, "application/pdf"))])
    r = client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}/export.zip")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    zf = zipfile.ZipFile(io.BytesIO(r.content))
    names = zf.namelist()
    assert "tong-hop.csv" in names
    assert all(not n.startswith("/") and ".." not in n for n in names)
    csv_text = zf.read("tong-hop.csv").decode("utf-8-sig")
    assert "UBND xã An Bình" in csv_text and "Kết quả 1" in csv_text and "Đang thực hiện" in csv_text
    pdfs = [n for n in names if n.endswith("evil.pdf")]
    assert len(pdfs) == 1 and zf.read(pdfs[0]) == PDF
    assert client.get(f"/t/{world.tokens['a1']}/focal/{world['plan']}/export.zip").status_code == 404


def test_period_switch(client: TestClient, world: World, frozen_clock: clock.FixedClock) -> None:
    url = f"/t/{world.tokens['focal']}/focal/{world['plan']}"
    assert '<strong class="current">2025</strong>' in client.get(url).text
    assert '<strong class="current">2026</strong>' in client.get(url, params={"period": "2026"}).text
    at(frozen_clock, 2026, 1, 10)
    assert '<strong class="current">2026</strong>' in client.get(url).text


@pytest.mark.parametrize("path", ["/", "/healthz", "/static/style.css", "/static/print.css", "/docs", "/openapi.json"])
def test_public_routes(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 200


def test_figures_prefilled_and_unknown_target_refused(client: TestClient, world: World) -> None:
    base = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    token = csrf(client.get(base).text)
    bad = client.post(base, data={"csrf": token, "status": "in_progress", "fig:t-raosoat": "12", "fig:nope": "1"})
    assert bad.status_code == 422 and "không có chỉ tiêu" in bad.text
    assert 'name="fig:t-raosoat" type="text" inputmode="decimal" value="12"' in bad.text
    ok = client.post(base, data={"csrf": token, "status": "in_progress", "fig:t-raosoat": "60.000"})
    assert ok.status_code == 200
    again = client.get(base).text
    assert 'name="fig:t-raosoat" type="text" inputmode="decimal" value="60.000"' in again


def test_recently_closed_listed_for_correction(client: TestClient, world: World, frozen_clock: clock.FixedClock) -> None:
    base = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    client.post(base, data={"csrf": csrf(client.get(base).text), "status": "done"})
    html = client.get(f"/t/{world.tokens['a1']}").text
    recent = html.split("Đã hoàn thành gần đây")[1]
    assert f"/o/{world['rep1']}" in recent and "Hoàn thành" in recent
    assert f'class="task" href="{base}"' not in html  # no longer among the open ones
    at(frozen_clock, 2026, 3, 1)
    assert "Đã hoàn thành gần đây" not in client.get(f"/t/{world.tokens['a1']}").text
