"""Issue 8: the dashboard of the demo data in headless Chromium — grid, counts and every chart present.
Screenshot kept as docs/screenshot-dashboard-demo.png (with DONDOC_SCREENSHOTS=1)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest
from sqlmodel import Session, func, select

from dondoc import clock
from dondoc.collect.access import FOCAL_ROLES, focal_unit_id
from dondoc.collect.links import link_for
from dondoc.config import Settings, reset_settings
from dondoc.db import dispose_engines, get_engine
from dondoc.models import Obligation, Officer, Plan
from dondoc.web import create_app
from tests.e2e.web.test_browser import ARGS, CHROMIUM, keep
from tests.integration.web.server import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Settings, object]]:
    from dondoc.app.demo import prepare_dir, run_demo

    folder = tmp_path / "demo"
    monkeypatch.setenv("DONDOC_HOME", str(folder))
    monkeypatch.delenv("DONDOC_DATABASE_URL", raising=False)
    reset_settings()
    prepare_dir(folder)
    settings = Settings(home=folder, outbox=folder / "outbox")  # as `dondoc demo` does: messages to files
    summary = run_demo(settings=settings)
    yield settings, summary
    clock.use(clock.SystemClock())
    reset_settings()
    dispose_engines()


def test_demo_dashboard(demo: tuple[Settings, object], tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    settings, summary = demo
    end = summary.end  # type: ignore[attr-defined]
    clock.use(clock.FixedClock(pendulum.datetime(end.year, end.month, end.day, 9, tz=clock.TZ)))
    engine = get_engine(settings)
    with Session(engine) as s:
        # The plan with most obligations, and an officer who is its focal point.
        plan_id = s.exec(select(Obligation.plan_id).group_by(Obligation.plan_id)
                         .order_by(func.count().desc())).first()
        plan = s.get(Plan, plan_id)
        assert plan is not None
        officer = s.exec(select(Officer).where(Officer.unit_id == focal_unit_id(plan), Officer.active == True,
                                               Officer.role.in_(FOCAL_ROLES))).first()  # type: ignore[attr-defined]
        assert officer is not None, "the demo plan has no focal officer"
        url = link_for(s, officer_id=officer.id, settings=settings, now=clock.now())  # type: ignore[arg-type]
        s.commit()
    path = url.split("/t/", 1)[1]
    with LiveServer(create_app(settings, engine)) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page.goto(f"{server.url}/t/{path}/dashboard/{plan_id}")
        assert page.locator("h1").inner_text() == "Bảng tổng quan thực hiện kế hoạch"
        rows = page.locator("table.grid tbody tr").count()
        cells = page.locator("table.grid td.cell:not(.none)").count()
        assert rows > 0 and cells >= rows
        # The counts in the summary add up to the number of coloured cells' obligations or more.
        total = int(page.locator("#tong-hop h2").inner_text().split(":")[1].split()[0])
        assert total >= cells
        for selector in ("#tong-hop svg.chart", "#don-vi table.rates", "#chi-tieu", "#sap-den-han", "#nhat-ky"):
            assert page.locator(selector).count() >= 1
        assert page.locator("#nhat-ky tbody tr").count() > 0  # the simulated year sent reminders
        path_png = keep(page, tmp_path, "screenshot-dashboard-demo.png")
        assert path_png.exists()
        browser.close()
    assert os.path.exists(settings.home / "dondoc.db")
