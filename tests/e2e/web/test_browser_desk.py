"""The tracking desk in headless Chromium (system /usr/bin/chromium, Playwright) against the app served by
uvicorn: a leader logs in through the form, filters the ledger (the filters land in the URL, and the URL
opened in another browser shows the same rows), downloads the Excel export (= the rows on the page), opens
the leader's view; a focal officer approves an extension from the decisions queue and names (then cancels) a
substitute on /nguoi-thay."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from dondoc import clock
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.models import ExtensionRequest, Obligation, Officer
from dondoc.reporting.ledger import entry
from tests.e2e.web.test_browser import browser, keep  # noqa: F401  (the module's Chromium fixture)
from tests.integration.ledger.conftest import NOW, make_world
from tests.integration.web.server import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = "mat-khau-rat-dai-2025"


@pytest.fixture
def desk(engine: Engine, settings: Settings) -> Iterator[tuple[LiveServer, dict[str, Any]]]:
    from dondoc.web import create_app

    fixed = clock.FixedClock(NOW)
    clock.use(fixed)
    try:
        world = make_world(engine)
        s = settings.model_copy(update={"outbox": settings.home / "outbox"})
        with LiveServer(create_app(s, engine)) as server:
            yield server, world
    finally:
        clock.use(clock.SystemClock())


def _login(chromium: Any, url: str, name: str) -> Any:
    ctx = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN", accept_downloads=True)
    page = ctx.new_page()
    page.goto(f"{url}/console/login?next=/so-theo-doi")
    page.get_by_label("Tên đăng nhập").fill(name)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    return page


def _ids(page: Any) -> list[int]:
    return [int(x) for x in page.locator("#ledger tbody tr[data-obligation]").evaluate_all(
        "rows => rows.map(r => r.dataset.obligation)")]


def test_ledger_filters_in_the_url_and_export(browser: Any, desk: tuple[LiveServer, dict], engine: Engine,  # noqa: F811
                                              tmp_path: Path) -> None:
    server, _world = desk
    page = _login(browser, server.url, "leader1")
    assert page.url.endswith("/so-theo-doi") and page.locator("h1").inner_text() == "Sổ theo dõi nhiệm vụ"
    everything = _ids(page)
    page.locator("select[name=category]").select_option("overdue")
    page.get_by_role("checkbox", name="Quá hạn").check()
    page.locator("#apply").click()
    page.wait_for_load_state()
    assert "category=overdue" in page.url and "overdue=1" in page.url
    shown = _ids(page)
    with session_scope(engine) as s:
        overdue = {o.id for o in s.exec(select(Obligation)).all() if entry(o, as_of=NOW.date()).category == "overdue"}
    assert shown and set(shown) == overdue and set(shown) < set(everything)
    assert page.locator("#total").inner_text() == str(len(shown))
    keep(page, tmp_path, "screenshot-ledger.png")
    # The URL is the shared view: another staff member opening it (logging in on the way) sees the same rows.
    other = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN").new_page()
    other.goto(page.url)
    assert "/console/login" in other.url
    other.get_by_label("Tên đăng nhập").fill("clerk1")
    other.get_by_label("Mật khẩu").fill(PASSWORD)
    other.get_by_role("button", name="Đăng nhập").click()
    other.wait_for_load_state()
    assert other.url == page.url and _ids(other) == shown
    # Sorting by unit keeps the filters.
    page.get_by_role("link", name=re.compile("^Đơn vị chủ trì")).click()
    page.wait_for_load_state()
    assert "sort=unit" in page.url and "category=overdue" in page.url and sorted(_ids(page)) == sorted(shown)
    shown = _ids(page)
    with page.expect_download() as info:
        page.locator("#export").click()
    download = info.value
    assert download.suggested_filename.startswith("so-theo-doi-") and download.suggested_filename.endswith(".xlsx")
    from openpyxl import load_workbook

    path = tmp_path / download.suggested_filename
    download.save_as(path)
    ws = load_workbook(io.BytesIO(path.read_bytes())).active
    body = list(ws.iter_rows(min_row=4, values_only=True))
    tasks = page.locator("#ledger tbody tr[data-obligation] td:nth-child(4)").all_inner_texts()
    assert len(body) == len(shown) and [str(r[3]) for r in body] == [t.strip() for t in tasks]


def test_leader_view(browser: Any, desk: tuple[LiveServer, dict], engine: Engine, tmp_path: Path) -> None:  # noqa: F811
    server, _world = desk
    page = _login(browser, server.url, "leader1")
    page.goto(f"{server.url}/tong-quan")
    assert page.locator("h1").inner_text() == "Tổng quan thực hiện nhiệm vụ"
    assert page.locator("svg.trend").is_visible() and page.locator("#units tbody tr").count() > 1
    with session_scope(engine) as s:
        overdue = sum(1 for o in s.exec(select(Obligation)).all() if entry(o, as_of=NOW.date()).category == "overdue")
    assert page.locator("#kpi-overdue b").inner_text() == str(overdue)
    keep(page, tmp_path, "screenshot-leader-view.png")
    page.locator("#kpi-overdue").click()  # drill down to the ledger
    page.wait_for_load_state()
    assert "/so-theo-doi?category=overdue" in page.url and len(_ids(page)) == overdue


def test_extension_approved_from_the_queue(browser: Any, desk: tuple[LiveServer, dict], engine: Engine) -> None:  # noqa: F811
    server, _world = desk
    with session_scope(engine) as s:
        ld = s.exec(select(Officer).where(Officer.code == "ld-focal")).one().unit_id
        ob = s.exec(select(Obligation).where(Obligation.closed == False, Obligation.unit_id == ld)).first()
        assert ob is not None
        req = ExtensionRequest(obligation_id=ob.id, requested_due=ob.due_date + dt.timedelta(days=20),
                               reason="Chờ số liệu của các xã")
        s.add(req)
        s.flush()
        req_id, ob_id, original = req.id, ob.id, ob.due_date
    page = _login(browser, server.url, "focal1")
    page.goto(f"{server.url}/cho-xu-ly")
    item = page.locator(f"#ext-{req_id}")
    assert "Chờ số liệu của các xã" in item.inner_text()
    new_due = original + dt.timedelta(days=10)
    item.locator("input[name=new_due]").fill(new_due.isoformat())
    item.get_by_role("button", name="Đồng ý").click()
    page.wait_for_load_state()
    assert "Đã đồng ý gia hạn" in page.locator("p.ok").inner_text()
    assert page.locator(f"#ext-{req_id}").count() == 0
    with session_scope(engine) as s:
        ob = s.get(Obligation, ob_id)
        assert ob is not None and ob.extended_due == new_due and ob.due_date == original
        assert s.get(ExtensionRequest, req_id).state == "approved"  # type: ignore[union-attr]


def test_substitute_named_and_cancelled(browser: Any, desk: tuple[LiveServer, dict], engine: Engine) -> None:  # noqa: F811
    """A focal officer names the unit head as ld-focal's substitute for a week from /nguoi-thay, then cancels it."""
    from dondoc.models import Substitute

    server, _world = desk
    page = _login(browser, server.url, "focal1")
    page.get_by_role("link", name="Người làm thay").click()
    page.wait_for_load_state()
    form = page.locator("#add")
    form.get_by_label("Cán bộ vắng mặt").select_option("ld-focal")
    form.get_by_label("Người làm thay").select_option("ld-head")
    form.get_by_label("Từ ngày").fill("2025-11-24")
    form.get_by_label("Đến ngày (hết ngày này)").fill("2025-11-28")
    form.get_by_label("Lý do").fill("nghỉ phép")
    form.get_by_role("button", name="Ghi lịch vắng").click()
    page.wait_for_load_state()
    assert "Đã ghi lịch vắng số" in page.locator("#msg").inner_text()
    with session_scope(engine) as s:
        row = s.exec(select(Substitute)).one()
        ident = row.id
    table = page.locator(f"#sub-{ident}").inner_text()
    assert "Lò Thị Hoa" in table and "24/11/2025" in table and "28/11/2025" in table
    page.locator(f"#sub-{ident}").get_by_role("button", name="Hủy").click()
    page.wait_for_load_state()
    assert f"Đã hủy lịch vắng số {ident}" in page.locator("#msg").inner_text()
    assert page.locator(f"#sub-{ident}").count() == 0
