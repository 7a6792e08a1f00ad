"""The staff console in headless Chromium (the system's /usr/bin/chromium, driven by Playwright), at 1366x768
as on an office laptop: a focal officer logs in with a local account, uploads seed 004 as a Word document,
fixes a lead, deletes a row, adds a row, chooses the focal unit, previews and activates; the assignment
notices are in the outbox, one per officer. Then a row is edited after activation: no obligation is
duplicated and the status an officer had reported stays. Everything is done with the keyboard where a
person would (Enter submits a field's form). Screenshots of the review screen and the directory pages are
kept under docs/ with DONDOC_SCREENSHOTS=1 (looked at, shown in the README)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from dondoc import clock
from dondoc.accounts.users import add_user
from dondoc.collect.submit import submit_status
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.models import Assignment, Message, Notice, Obligation, Plan, StaffUser, Unit
from dondoc.web import create_app
from tests.e2e.web.test_browser import browser, keep  # noqa: F401  (the Chromium fixture)
from tests.integration.console.conftest import PASSWORD, SEED_004, directory, outbox_settings  # noqa: F401
from tests.integration.plans.renditions import build_docx
from tests.integration.web.server import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LAPTOP = {"width": 1366, "height": 768}
ITEMS = "article.item:not(.new)"


@pytest.fixture
def console(engine: Engine, settings: Settings, directory: None) -> Iterator[tuple[LiveServer, Settings]]:  # noqa: F811
    with session_scope(engine) as s:
        add_user(s, name="chuyenvien", role="focal", password=PASSWORD, full_name="Lê Thị Theo Dõi", now=clock.now())
    live = outbox_settings(settings)
    with LiveServer(create_app(live, engine)) as server:
        yield server, live


def _count(s: Session, model: object, *where: object) -> int:
    return int(s.exec(select(func.count()).select_from(model).where(*where)).one())  # type: ignore[call-overload]


def _item(page: object, ref: str, text_start: str) -> object:
    """The review card of an item, found by its ref and the start of its text (refs repeat)."""
    cards = page.locator(ITEMS, has=page.locator("header strong", has_text=re.compile(f"^{re.escape(ref)}$")))  # type: ignore[attr-defined]
    return cards.filter(has=page.locator("textarea[name=text]", has_text=text_start)).first  # type: ignore[attr-defined]


def test_review_flow_in_browser(browser: object, console: tuple[LiveServer, Settings], engine: Engine,  # noqa: F811
                                tmp_path: Path) -> None:
    server, live = console
    base = server.url
    plan_docx = build_docx(SEED_004, tmp_path / "ke-hoach-004.docx")
    ctx = browser.new_context(viewport=LAPTOP, locale="vi-VN")  # type: ignore[attr-defined]
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # Log in: the login form, a local account (keyboard: type, Enter).
    page.goto(f"{base}/console/plans/upload")
    assert "/console/login" in page.url
    page.get_by_label("Tên đăng nhập").fill("chuyenvien")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_label("Mật khẩu").press("Enter")
    page.wait_for_url("**/console/plans/upload")  # back where the login began

    # Upload the Word document: a draft, nobody told anything yet.
    page.get_by_label(re.compile("Tệp kế hoạch")).set_input_files(str(plan_docx))
    page.get_by_role("button", name="Tải lên").click()
    assert "Đã nhập thành dự thảo" in page.locator("p.ok").inner_text()
    page.locator("#to-review").click()
    page.wait_for_url(re.compile(r"/console/plans/\d+$"))
    plan_id = int(page.url.rsplit("/", 1)[1])
    with Session(engine) as s:
        plan = s.get(Plan, plan_id)
        assert plan is not None and plan.state == "draft" and plan.source_name.endswith(".docx")
        assert _count(s, Obligation, Obligation.plan_id == plan_id) == 0
        n_items = _count(s, Assignment, Assignment.plan_id == plan_id)

    # The review screen: source text with the items' spans highlighted, items needing a person first.
    assert page.locator(".source mark").count() >= n_items - 2
    assert page.locator(ITEMS).count() == n_items
    flagged = page.locator(ITEMS).evaluate_all("els => els.map(e => e.classList.contains('flagged'))")
    assert flagged == sorted(flagged, reverse=True) and flagged[0]
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]  # nothing sideways
    keep(page, tmp_path, "screenshot-console-review.png", full=False)

    # Fix a lead: III.6.1 names "the headmasters of the schools"; the plan means the lower secondary school.
    card = _item(page, "III.6.1", "Lĩnh vực giáo dục")
    card_id = card.get_attribute("id")  # type: ignore[attr-defined]
    lead = card.get_by_label("Chủ trì")  # type: ignore[attr-defined]
    lead.fill("Trường THCS Phường 2")
    lead.press("Enter")
    page.wait_for_url(f"**/console/plans/{plan_id}#{card_id}")
    assert page.locator(f"#{card_id}").get_by_label("Chủ trì").input_value() == "Trường THCS Phường 2"
    fixed_id = int(str(card_id).removeprefix("item-"))

    # Delete a row: I.1 is a purpose of the plan, not a task anyone reports on.
    doomed = _item(page, "I.1", "Các tổ chức")
    doomed.locator("summary", has_text="Xóa nội dung").click()  # type: ignore[attr-defined]  (two steps: no slip)
    doomed.get_by_role("button", name="Xác nhận xóa I.1").click()  # type: ignore[attr-defined]
    page.wait_for_url(f"**/console/plans/{plan_id}")
    assert page.locator(ITEMS).count() == n_items - 1

    # Add a row the parser did not see.
    new = page.locator("#new")
    new.get_by_label("Mục").fill("III.8")
    new.get_by_label("Nội dung").fill("Tổ chức hội nghị sơ kết việc thực hiện chính sách xã hội trên địa bàn phường.")
    new.get_by_label("Chủ trì").fill("Công chức Lao động - Thương binh và Xã hội")
    new.get_by_label("Thời hạn", exact=False).first.select_option("once")
    new.get_by_label("Hạn hoàn thành").fill("2025-12-15")
    new.get_by_role("button", name="Thêm").click()
    page.wait_for_url(f"**/console/plans/{plan_id}")
    assert page.locator(ITEMS).count() == n_items
    assert _item(page, "III.8", "Tổ chức hội nghị sơ kết").count() == 1  # type: ignore[attr-defined]

    # Choose the focal unit: the ward's labour officer's unit, named with its parent (several units share the name).
    with Session(engine) as s:
        ubnd = s.exec(select(Unit).where(Unit.name == "UBND Phường 2")).one()
    focal = page.locator("#focal_unit_id")
    assert focal.locator("option", has_text="UBND Phường 2").count() >= 1
    focal.select_option(str(ubnd.id))
    page.locator("#focal").get_by_role("button", name="Lưu cơ quan đầu mối").click()
    page.wait_for_url(f"**/console/plans/{plan_id}#focal")
    assert page.locator("#focal_unit_id").input_value() == str(ubnd.id)

    # Preview: per unit, per officer, the first messages; nothing written yet.
    page.get_by_role("link", name="Xem trước khi ban hành").click()
    page.wait_for_url(f"**/console/plans/{plan_id}/preview")
    summary = page.locator("main p").first.inner_text()
    expected_officers = int(re.search(r"(\d+) cán bộ nhận thông báo", summary).group(1))  # type: ignore[union-attr]
    assert expected_officers > 0 and page.locator("details.message").count() == expected_officers
    keep(page, tmp_path, "screenshot-console-preview.png", full=False)
    with Session(engine) as s:
        assert _count(s, Obligation, Obligation.plan_id == plan_id) == 0 and _count(s, Message) == 0

    # Activate (keyboard: focus the button, Enter).
    page.locator("#activate").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/console/plans/{plan_id}?msg=activated")
    assert "Đã ban hành theo dõi" in page.locator("p.ok").inner_text()

    outbox = Path(str(live.outbox))
    with Session(engine) as s:
        assert s.get(Plan, plan_id).state == "active"  # type: ignore[union-attr]
        msgs = s.exec(select(Message).where(Message.kind == "assignment")).all()
        per_officer = Counter(m.officer_id for m in msgs)
        assert len(per_officer) == expected_officers and set(per_officer.values()) == {1}  # one notice each
        assert all(m.sent_at is not None for m in msgs)  # delivered at once, not at the next sweep
        obligations = {o.id: o for o in s.exec(select(Obligation).where(Obligation.plan_id == plan_id)).all()}
        fixed_obs = [o for o in obligations.values() if o.assignment_id == fixed_id and o.role == "lead"]
        school = s.exec(select(Unit).where(Unit.name == "Trường THCS Phường 2")).one()
        assert [o.unit_id for o in fixed_obs] == [school.id]  # the corrected lead is who got the task
        notices = s.exec(select(Notice).where(Notice.kind == "assignment")).all()
        assert {n.obligation_id for n in notices} == {o.id for o in obligations.values()}
    files = [p for p in outbox.rglob("*") if p.is_file() and p.suffix in (".txt", ".eml", ".json", ".md")]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    assignment_files = [t for t in texts if "giao" in t.lower() and "/t/" in t]
    assert len(assignment_files) == expected_officers, [p.name for p in files]

    # An officer reports on the corrected task; then the focal officer corrects its text in the console.
    reported = fixed_obs[0]
    with session_scope(engine) as s:
        from dondoc.directory.focal import load_people

        officer_id = load_people(s).responsible(reported)[0]
        submit_status(s, officer_id=officer_id, obligation_id=reported.id,  # type: ignore[arg-type]
                      payload={"status": "in_progress", "progress": "30", "result": "Đã rà soát học sinh"},
                      via="web", now=clock.now())
    page.goto(f"{base}/console/plans/{plan_id}#item-{fixed_id}")
    card = page.locator(f"#item-{fixed_id}")
    assert "Đang thực hiện: 1" in card.locator("header").inner_text()  # collected statuses shown on the card
    card.locator("textarea[name=text]").fill("Lĩnh vực giáo dục và đào tạo: rà soát, hỗ trợ học sinh thuộc hộ nghèo.")
    card.get_by_role("button", name="Lưu").click()
    page.wait_for_url(f"**/console/plans/{plan_id}#item-{fixed_id}")
    with Session(engine) as s:
        after = {o.id: o for o in s.exec(select(Obligation).where(Obligation.plan_id == plan_id)).all()}
        assert set(after) == set(obligations)  # nothing duplicated, nothing new
        assert after[reported.id].status == "in_progress" and after[reported.id].progress == 30
        assert _count(s, Message, Message.kind == "assignment") == len(per_officer)  # nobody told twice
        row = s.get(Assignment, fixed_id)
        assert row is not None and row.text.startswith("Lĩnh vực giáo dục và đào tạo: rà soát")
        keys = Counter((o.assignment_id, o.report_id, o.unit_id, o.officer_id, o.role, o.period) for o in after.values())
        assert set(keys.values()) == {1}
        user = s.exec(select(StaffUser).where(StaffUser.name == "chuyenvien")).one()
        from dondoc.models import AuditEvent

        actions = Counter(e.action for e in s.exec(select(AuditEvent).where(AuditEvent.actor == f"staff:{user.id}")))
        assert actions["item.update"] == 2 and actions["item.delete"] == 1 and actions["item.add"] == 1
        assert actions["plan.focal"] == 1 and actions["plan.activate"] == 1
    assert not errors, errors
    ctx.close()


def test_directory_pages_in_browser(browser: object, console: tuple[LiveServer, Settings], engine: Engine,  # noqa: F811
                                    tmp_path: Path) -> None:
    server, _live = console
    ctx = browser.new_context(viewport=LAPTOP, locale="vi-VN")  # type: ignore[attr-defined]
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{server.url}/console/directory")
    page.get_by_label("Tên đăng nhập").fill("chuyenvien")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_label("Mật khẩu").press("Enter")
    page.wait_for_url("**/console/directory")
    with Session(engine) as s:
        n_units = _count(s, Unit)
    assert page.locator("ul.tree li").count() == n_units
    # Search with the keyboard: the search box has the focus; accents optional.
    page.keyboard.type("truong thcs")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/console/directory\?q="))
    hits = page.locator("section.card", has_text="Kết quả tìm")
    assert hits.get_by_role("link", name="Trường THCS Phường 2").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]
    keep(page, tmp_path, "screenshot-console-directory.png", full=False)
    hits.get_by_role("link", name="Trường THCS Phường 2").click()
    page.wait_for_url(re.compile(r"/console/directory/units/\d+$"))
    assert page.locator("h1").inner_text() == "Trường THCS Phường 2"
    contacts = page.locator("table.grid tbody code")
    assert contacts.count() >= 1 and all("•••" in t for t in contacts.all_inner_texts())  # sealed, shown masked
    keep(page, tmp_path, "screenshot-console-unit.png", full=False)
    with Session(engine) as s:
        assert _count(s, Unit, col(Unit.name) == "Trường THCS Phường 2") == 1
    assert not errors, errors
    ctx.close()
