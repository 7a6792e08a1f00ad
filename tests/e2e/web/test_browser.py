"""End to end in headless Chromium (the system's /usr/bin/chromium, driven by Playwright): an officer opens
their personal link on a 360x740 phone, fills and sends the form, sees the confirmation; the status is in
the database and on the focal point's page. Screenshots are kept under docs/ and looked at."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.models import Attachment, AuditEvent, Obligation, StatusUpdate
from tests.integration.web.server import LiveServer
from tests.integration.web.world import World

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("DONDOC_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
DOCS = Path(__file__).resolve().parents[3] / "docs"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def keep(page: object, tmp_path: Path, name: str, full: bool = True) -> Path:
    """Save a screenshot in the test folder and, when DONDOC_SCREENSHOTS=1 (or on SQLite), under docs/."""
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=full)  # type: ignore[attr-defined]
    if os.environ.get("DONDOC_SCREENSHOTS") == "1":
        DOCS.mkdir(exist_ok=True)
        shutil.copy(path, DOCS / name)
    assert path.stat().st_size > 5_000
    return path


def test_officer_fills_form_on_phone(browser: object, live_server: LiveServer, world: World, engine: Engine,
                                     tmp_path: Path) -> None:
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,  # type: ignore[attr-defined]
                              is_mobile=True, has_touch=True, locale="vi-VN")
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/t/{world.tokens['a1']}")
    assert page.locator("h1").inner_text() == "Việc cần báo cáo"
    assert page.get_by_text("Quá hạn 2 ngày").is_visible()
    keep(page, tmp_path, "screenshot-officer-page.png")
    # Nothing overflows the 360 px screen sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.locator(f"a.task[href$='/o/{world['rep1']}']").click()
    assert page.locator("h1").inner_text() == "Cập nhật tình hình thực hiện"
    page.get_by_label("Đang thực hiện").check()
    page.get_by_label("Tiến độ (%)").fill("65")
    page.get_by_label("Kết quả thực hiện").fill("Đã rà soát 120 hộ; giới thiệu việc làm cho 73 lao động.")
    # The unit's own target (III.1) is open; the plan's general targets (objectives) are optional, folded.
    assert page.locator("details.targets").count() == 2
    assert page.locator(f"#fig_{world['t3']}").is_visible()
    assert page.locator(f"#fig_{world['t1']}").count() == 1 and not page.locator(f"#fig_{world['t1']}").is_visible()
    page.locator(f"#fig_{world['t3']}").fill("72,8")
    page.get_by_label("Khó khăn, vướng mắc").fill("Kinh phí hỗ trợ chậm.")
    page.get_by_label("Kiến nghị, đề xuất").fill("Đề nghị huyện cấp bổ sung kinh phí.")
    page.set_input_files("#files", files=[{"name": "bien-ban.pdf", "mimeType": "application/pdf",
                                            "buffer": b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"}])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    keep(page, tmp_path, "screenshot-officer-form.png")
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.wait_for_url("**/sent/*")
    assert page.locator("h1").inner_text() == "Đã gửi báo cáo"
    assert page.get_by_text("Báo cáo đã được ghi nhận").is_visible()
    assert page.get_by_text("bien-ban.pdf").is_visible()
    keep(page, tmp_path, "screenshot-officer-sent.png")
    assert not errors, errors  # no CSP violation or script error

    with Session(engine) as s:
        o = s.get(Obligation, world["rep1"])
        assert o and o.status == "in_progress" and o.progress == 65
        u = s.exec(select(StatusUpdate)).one()
        assert u.figures == {"t-raosoat": 72.8} and u.difficulties == "Kinh phí hỗ trợ chậm."
        assert s.exec(select(Attachment)).one().filename == "bien-ban.pdf"
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "status.submit")).one().token_id

    # The focal point sees it on their page (desktop).
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")  # type: ignore[attr-defined]
    fp = desk.new_page()
    fp.goto(f"{live_server.url}/t/{world.tokens['focal']}/focal/{world['plan']}")
    card = fp.locator("li.card.unit", has_text="UBND xã An Bình")
    assert "Đã gửi 1/3" in card.inner_text() and "Đã rà soát 120 hộ" in card.inner_text()
    assert "Chưa gửi" in fp.locator("li.card.unit", has_text="UBND xã Bình Minh").inner_text()
    keep(fp, tmp_path, "screenshot-focal.png")
    fp.locator("li.card.unit", has_text="UBND xã Bình Minh").get_by_role("button", name="Nhắc ngay").click()
    assert fp.get_by_text("lời nhắc").first.is_visible()
    ctx.close()
    desk.close()


def test_dashboard_in_browser(browser: object, live_server: LiveServer, world: World, engine: Engine,
                              tmp_path: Path) -> None:
    from tests.integration.web.test_dashboard import seed_activity

    seed_activity(engine, world)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")  # type: ignore[attr-defined]
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/t/{world.tokens['focal']}/dashboard/{world['plan']}")
    assert page.locator("h1").inner_text() == "Bảng tổng quan thực hiện kế hoạch"
    # The grid: 3 tasks x 3 units, 6 assigned cells, each with its words.
    assert page.locator("table.grid tbody tr").count() == 3
    assert page.locator("table.grid thead th.unit-col").count() == 3
    cells = page.locator("table.grid td.cell:not(.none)")
    assert cells.count() == 6
    # Each cell: its state, then the focal point's "Nhập thay" link to the unit's form.
    assert sorted(t.split("\n")[0] for t in cells.all_inner_texts()) == sorted(
        ["Xong, trễ hạn", "Quá hạn", "Chưa đến hạn", "Đúng hạn", "Trong hạn", "Chưa đến hạn"])
    assert page.locator("table.grid td.cell a.entry").count() == 6
    assert page.locator("#bao-cao-tong-hop").is_visible()
    # Every chart is present and drawn (non-zero size).
    for selector in ("#tong-hop svg.chart", "#don-vi svg.mini", "#don-vi svg.spark, #don-vi td", "#chi-tieu svg.chart"):
        assert page.locator(selector).first.bounding_box()["width"] > 0  # type: ignore[index]
    assert page.locator("#chi-tieu svg.chart").count() == 3  # one per target of the plan
    assert page.locator("#nhat-ky tbody tr").count() == 2
    assert "Quá hạn chưa hoàn thành: 1" in page.locator("#tong-hop").inner_text()
    keep(page, tmp_path, "screenshot-dashboard.png")
    page.emulate_media(media="print")
    keep(page, tmp_path, "screenshot-dashboard-print.png")
    phone = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)  # type: ignore[attr-defined]
    pp = phone.new_page()
    pp.goto(f"{live_server.url}/t/{world.tokens['chutich']}/dashboard/{world['plan']}")
    assert pp.evaluate("document.documentElement.scrollWidth") <= 360  # wide tables scroll inside their box
    keep(pp, tmp_path, "screenshot-dashboard-phone.png")
    assert not errors, errors
    ctx.close()
    phone.close()
