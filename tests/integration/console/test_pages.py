"""The console's pages as a person sees them (TestClient, signed in through the login form; SQLite and
PostgreSQL): upload, the side-by-side review screen (spans highlighted, the doubtful items first), preview,
and the directory (tree, search, masked contacts, Excel export and import, test message, links)."""

from __future__ import annotations

import html as htmllib
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.models import AccessToken, Alias, Assignment, Contact, Message, Obligation, Officer, Plan, Unit
from dondoc.secrets import unseal
from dondoc.vietnamese import fold
from tests.integration.console.conftest import PASSWORD, SEED_004, Staff

SMALL_PLAN = """KẾ HOẠCH
Tổ chức Tháng hành động vì an toàn thực phẩm năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của người dân về an toàn thực phẩm.

II. NHIỆM VỤ
1. Trạm Y tế phường chủ trì kiểm tra các cơ sở kinh doanh thức ăn đường phố, hoàn thành trước ngày 30/11/2025.
2. Ban Quản lý chợ Đông Ba chủ trì rà soát các quầy hàng thực phẩm tươi sống, hoàn thành trước ngày 15/12/2025.
3. Công an phường phối hợp kiểm tra việc vận chuyển thực phẩm không rõ nguồn gốc, hoàn thành trước ngày 20/12/2025.
"""


def csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert m, "form without a CSRF token"
    return m.group(1)


def login(client: TestClient, name: str) -> str:
    """Sign in through the form; the CSRF token of the session's pages."""
    client.cookies.clear()
    form = client.get("/console/login")
    r = client.post("/console/login", data={"name": name, "password": PASSWORD, "csrf": csrf(form.text)},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return csrf(client.get("/console").text)


def upload(client: TestClient, token: str, name: str, data: bytes) -> tuple[int, str]:
    r = client.post("/console/plans", data={"csrf": token}, files={"file": (name, data, "application/octet-stream")})
    return r.status_code, r.text


def count(engine: Engine, model: object) -> int:
    with Session(engine) as s:
        return int(s.exec(select(func.count()).select_from(model)).one())  # type: ignore[call-overload]


def test_upload_page(app_client: TestClient, engine: Engine, staff: Staff, tmp_path: Path) -> None:
    from tests.integration.plans.renditions import build_docx

    token = login(app_client, "clerk1")
    page = app_client.get("/console/plans/upload")
    assert page.status_code == 200 and 'accept=".docx,.pdf,.txt,.md"' in page.text
    # refused files: nothing stored, the reason said
    for name, data, reason in (("ke-hoach.exe", b"MZ...", "chỉ nhận kế hoạch dạng"), ("rong.txt", b"", "rỗng"),
                               ("hong.docx", b"PK\x03\x04 not a zip", "")):
        status, text = upload(app_client, token, name, data)
        assert status == 400 and 'class="error"' in text and reason in text, (name, text[:500])
    assert count(engine, Plan) == 0
    assert upload(app_client, "0" * 64, "ke-hoach.txt", SMALL_PLAN.encode())[0] == 403  # CSRF

    docx = build_docx(SEED_004, tmp_path / "004.docx")
    status, text = upload(app_client, token, "Kế hoạch 004.docx", docx.read_bytes())
    assert status == 200 and "Đã nhập thành <strong>dự thảo</strong>" in text
    with Session(engine) as s:
        plan = s.exec(select(Plan)).one()
        n = len(s.exec(select(Assignment).where(Assignment.plan_id == plan.id)).all())
        assert plan.state == "draft" and plan.source_text and s.exec(select(Obligation)).all() == []
    assert f"{n} nội dung" in text and f'href="/console/plans/{plan.id}"' in text
    assert "Cảnh báo của bộ đọc văn bản" in text  # the parser's warnings shown with the result
    assert f'<a href="/console/plans/{plan.id}">' in app_client.get("/console").text  # listed as a draft
    assert "Dự thảo (chưa theo dõi)" in app_client.get("/console").text


def test_review_screen_side_by_side(app_client: TestClient, engine: Engine, staff: Staff) -> None:
    token = login(app_client, "focal1")
    status, _ = upload(app_client, token, "attp.txt", SMALL_PLAN.encode())
    assert status == 200
    with Session(engine) as s:
        plan = s.exec(select(Plan)).one()
        rows = {a.ref: a for a in s.exec(select(Assignment).where(Assignment.plan_id == plan.id)).all()}
    assert {"II.1", "II.2", "II.3"} <= set(rows), sorted(rows)
    html = app_client.get(f"/console/plans/{plan.id}").text

    # The source on the left: each item's span is a <mark> holding the start of its text.
    marks = dict(re.findall(r'<mark id="src-(\d+)"><a href="#item-\d+">(.*?)</a></mark>', html, re.S))
    for ref in ("II.1", "II.2", "II.3"):
        row = rows[ref]
        assert str(row.id) in marks, ref
        assert fold(htmllib.unescape(marks[str(row.id)])).startswith(fold(row.text)[:30])
        assert f'href="#src-{row.id}"' in html  # and back from the item to its place
    # The items on the right: the unknown body first, with the directory's help to name it.
    order = [int(x) for x in re.findall(r'<article id="item-(\d+)" class="item', html)]
    assert order[0] == rows["II.2"].id
    first = html[html.index(f'<article id="item-{rows["II.2"].id}"'):html.index(f'<article id="item-{order[1]}"')]
    assert "Chưa xác định: Ban Quản lý chợ Đông Ba" in first and "Thêm tên gọi khác" in first
    assert 'class="item flagged"' in first
    assert "cần xem lại" in html
    # Unit pickers tell apart units that share a name by their parent.
    assert ">Phòng Nội vụ — UBND huyện Bình Lục<" in html and ">Phòng Nội vụ — UBND huyện Quan Hoá<" in html

    # "Thêm tên gọi khác" in one click: the name becomes an alias, the item is no longer first nor unknown.
    with Session(engine) as s:
        market = s.exec(select(Unit).where(Unit.name == "UBND Phường 2")).one()
    assert '<datalist id="unit-choices">' in html and '<option value="Phòng Nội vụ — UBND huyện Quan Hoá">' in html
    alias = {"csrf": token, "name": "Ban Quản lý chợ Đông Ba"}
    for typed in ("Phòng Nội vụ", "Ban không có"):  # a shared name without its parent, an unknown one: refused
        r = app_client.post(f"/console/plans/{plan.id}/alias", data={**alias, "unit_label": typed})
        assert r.status_code == 400 and f"Không thấy đơn vị “{typed}”" in r.text
    r = app_client.post(f"/console/plans/{plan.id}/alias", data={**alias, "unit_label": " ubnd  phuong 2 "},
                        follow_redirects=False)  # typed into the unit field, accents and case as they come
    assert r.status_code == 303
    with Session(engine) as s:
        assert s.exec(select(Alias).where(Alias.name == "Ban Quản lý chợ Đông Ba")).one().unit_id == market.id
    html = app_client.get(f"/console/plans/{plan.id}").text
    assert "Chưa xác định: Ban Quản lý chợ Đông Ba" not in html

    # A reader (leader) sees the same screen without a single form that changes anything.
    login(app_client, "leader1")
    html = app_client.get(f"/console/plans/{plan.id}").text
    assert "<mark" in html and "Xóa nội dung" not in html and "Thêm nội dung" not in html
    assert f'action="/console/plans/{plan.id}/items"' not in html


def test_review_order_on_a_seed(app_client: TestClient, engine: Engine, staff: Staff, world_plan: int) -> None:
    """Seed 004: the items are ordered by how much they need a person; among the flagged ones (level 2 and up) the
    least sure first, then document order; document order within the other levels."""
    from dondoc.web.console.review_data import build

    login(app_client, "focal1")
    html = app_client.get(f"/console/plans/{world_plan}").text
    order = [int(x) for x in re.findall(r'<article id="item-(\d+)" class="item', html)]
    with Session(engine) as s:
        data = build(s, s.get(Plan, world_plan))  # type: ignore[arg-type]
    levels = {v.id: v.level for v in data.items}
    assert order == [v.id for v in data.items]
    assert [levels[i] for i in order] == sorted((levels[i] for i in order), reverse=True)
    conf = {v.id: (v.confidence if v.confidence is not None else 1.0) for v in data.items}
    for level in set(levels.values()):
        same = [i for i in order if levels[i] == level]
        assert same == sorted(same, key=lambda i: ((conf[i] if level >= 2 else 0.0), i))
    assert max(levels.values()) == 3 and html.count('class="item flagged"') == sum(1 for v in levels.values() if v >= 2)
    spans = [v.span for v in data.items if v.span]
    assert len(spans) >= len(data.items) - 1
    source = data.plan.source_text
    for v in data.items:
        if v.span:
            # (letters and digits: a block's text joins its title to the content bullets below it)
            assert re.sub(r"[\W_]+", "", fold(source[v.span[0]:v.span[1]]))[:16] == re.sub(r"[\W_]+", "", fold(v.text))[:16], v.ref


def test_preview_page(app_client: TestClient, engine: Engine, staff: Staff, world_plan: int) -> None:
    login(app_client, "focal1")
    with Session(engine) as s:
        plan = s.get(Plan, world_plan)
        assert plan is not None
    html = app_client.get(f"/console/plans/{world_plan}/preview").text
    m = re.search(r"<strong>(\d+)</strong> nghĩa vụ có hạn cho <strong>(\d+)</strong> đơn vị; <strong>(\d+)</strong> cán bộ", html)
    assert m, html[:2000]
    obligations, units, officers = map(int, m.groups())
    assert obligations > 0 and units > 0 and officers > 0
    assert html.count('<details class="unit">') == units and html.count('<details class="message"') == officers
    assert 'id="activate"' in html and htmllib.escape(plan.title) in html
    assert "(đường dẫn cá nhân của đồng chí)" in html  # no real link is made for a preview
    # one of four units of that name in the directory: said with its parent's
    assert "<summary>Phòng Lao động - Thương binh và Xã hội — UBND thị xã Quảng Trị:" in html
    assert count(engine, Obligation) == 0 and count(engine, Message) == 0  # nothing written
    login(app_client, "leader1")
    assert 'id="activate"' not in app_client.get(f"/console/plans/{world_plan}/preview").text


@pytest.mark.usefixtures("staff")
def test_directory_pages(app_client: TestClient, engine: Engine, settings: Settings) -> None:
    token = login(app_client, "admin1")
    html = app_client.get("/console/directory").text
    assert html.count('<li class="d') == count(engine, Unit)
    assert 'style="' not in html  # the page's style policy allows no inline style
    # search folds accents and case
    found = app_client.get("/console/directory", params={"q": "truong thcs phuong 2"}).text
    hits = found[found.index("Kết quả tìm"):found.index("</section>", found.index("Kết quả tìm"))]
    assert ">Trường THCS Phường 2</a>" in hits and "Hoằng Hợp" not in hits
    assert "Không tìm thấy" in app_client.get("/console/directory", params={"q": "khong co don vi nay"}).text

    with Session(engine) as s:
        unit = s.exec(select(Unit).where(Unit.name == "Trường THCS Phường 2")).one()
        officer = s.exec(select(Officer).where(Officer.unit_id == unit.id)).first()
        assert officer is not None
        urls = [unseal(c.url, settings) for c in s.exec(select(Contact).where(Contact.officer_id == officer.id))]
    page = app_client.get(f"/console/directory/units/{unit.id}").text
    assert officer.name in page and "Trực thuộc" in page and "Trường học" in page
    assert urls and all(u not in page and u.split("://")[1] not in page for u in urls)  # masked
    assert "•••" in page

    # Excel round trip from the page: export, import the same file back (nothing new), a bad file refused
    export = app_client.get("/console/directory/export.xlsx")
    assert export.status_code == 200 and export.content[:2] == b"PK"
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(export.content))
    names = {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value}
    assert "Trường THCS Phường 2" in names
    r = app_client.post("/console/directory/import", data={"csrf": token},
                        files={"file": ("danh-ba.xlsx", export.content, "application/octet-stream")})
    assert r.status_code == 200 and "Đã nhập danh bạ: đơn vị +0/" in r.text, r.text[-1500:]
    bad = app_client.post("/console/directory/import", data={"csrf": token},
                          files={"file": ("danh-ba.csv", "unit_code,name\n,Không có mã\n".encode(), "text/csv")})
    assert bad.status_code == 400 and 'class="error"' in bad.text

    # "Gửi thử" goes through the usual channels (here the outbox folder); a new link is shown once
    r = app_client.post(f"/console/directory/officers/{officer.id}/test", data={"csrf": token}, follow_redirects=False)
    assert r.status_code == 303 and "sent=" in r.headers["location"]
    shown = app_client.get(r.headers["location"]).text
    assert "Đã gửi tin nhắn thử" in shown
    with Session(engine) as s:
        assert s.exec(select(Message).where(Message.kind == "test", Message.officer_id == officer.id)).all()
    r = app_client.post(f"/console/directory/officers/{officer.id}/link", data={"csrf": token})
    link = re.search(r"<code>(http[^<]+/t/[^<]+)</code>", r.text)
    assert r.status_code == 200 and link, r.text[-1500:]
    assert link.group(1) not in app_client.get(f"/console/directory/units/{unit.id}").text  # only once
    with Session(engine) as s:
        live = [t for t in s.exec(select(AccessToken).where(AccessToken.officer_id == officer.id)) if not t.revoked_at]
        assert len(live) == 1
