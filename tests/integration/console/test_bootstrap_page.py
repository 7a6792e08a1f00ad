"""The directory bootstrap of a province in the console (admin only): a province picked from the package's 34,
a preview computed by the real bootstrap and rolled back (nothing written), the bootstrap itself (the core of
`dondoc directory bootstrap --province`) in one transaction, idempotent, audited as the staff user."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from dondoc.directory.bootstrap import divisions, find_province, province_choices, province_code, wanted_units
from dondoc.models import Alias, Assignment, AuditEvent, Plan, Unit
from dondoc.web import create_app
from tests.integration.console.province_world import build, count, csrf_of, sign_in

PROVINCE = "Lai Châu"


@pytest.fixture
def world(engine, settings, frozen_clock):
    return build(engine, settings)


def _state(engine) -> dict[str, object]:
    """Everything a bootstrap writes, to show that a preview wrote none of it."""
    with Session(engine) as s:
        return {"units": sorted((u.code, u.name, u.kind, u.official_code, u.parent_id)
                                for u in s.exec(select(Unit)).all()),
                "aliases": count(s, Alias),
                "plans": sorted((p.id, p.updated_at, sorted(p.unresolved)) for p in s.exec(select(Plan)).all()),
                "assignments": count(s, Assignment),
                "audit": count(s, AuditEvent, col(AuditEvent.action).not_like("login%"))}


def _created(html: str, before: str) -> int:
    found = re.search(before + r"\s*<strong>(\d+)</strong>", html)
    assert found, html[:2000]
    return int(found.group(1))


def test_the_select_offers_the_34_provinces(engine, settings, world):
    choices = province_choices()
    assert len(choices) == 34 and {"value": "Nghệ An", "label": "Nghệ An (mã 40)"} in choices
    with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as client:
        sign_in(client, "admin")
        form = client.get("/console/directory/bootstrap")
        assert form.status_code == 200
        options = re.findall(r'<option value="([^"]+)"', form.text)
        assert options == [c["value"] for c in choices]
        assert 'href="/console/directory/bootstrap"' in client.get("/console/directory").text


def test_preview_then_bootstrap_then_again(engine, settings, world):
    province = find_province(PROVINCE)
    wanted = wanted_units(province)
    before = _state(engine)
    with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as client:
        sign_in(client, "admin")
        csrf = csrf_of(client.get("/console/directory/bootstrap").text)

        shown = client.post("/console/directory/bootstrap/preview", data={"province": "lai chau", "csrf": csrf})
        assert shown.status_code == 200, shown.text[:500]
        assert "Chưa có gì được ghi" in shown.text and "Xem trước: danh bạ Lai Châu (mã 12)" in shown.text
        assert _created(shown.text, "Nếu khởi tạo:") == len(wanted)
        assert "X" + divisions(province)[0].official_code in shown.text  # the units to be created are listed
        assert _state(engine) == before  # nothing written

        done = client.post("/console/directory/bootstrap", data={"province": "Lai Châu", "csrf": csrf})
        assert done.status_code == 200, done.text[:500]
        assert "Đã khởi tạo danh bạ Lai Châu" in done.text
        assert _created(done.text, "Thêm mới:") == len(wanted)  # the preview's figure is the bootstrap's

        again = client.post("/console/directory/bootstrap", data={"province": "Lai Châu", "csrf": csrf})
        assert again.status_code == 200 and _created(again.text, "Thêm mới:") == 0
        assert "không có gì thay đổi" in again.text
        shown = client.post("/console/directory/bootstrap/preview", data={"province": "Lai Châu", "csrf": csrf})
        assert _created(shown.text, "Nếu khởi tạo:") == 0

    with Session(engine) as s:
        root = s.exec(select(Unit).where(Unit.code == province_code(province))).one()
        assert (root.kind, root.official_code) == ("province", "12")
        local = s.exec(select(Unit).where(col(Unit.kind).in_(["commune", "ward", "special_zone"]),
                                          Unit.parent_id == root.id)).all()
        assert sorted((u.code, u.official_code, u.kind) for u in local) == sorted(
            (f"X{d.official_code}", d.official_code, d.kind) for d in divisions(province))
        assert count(s, Unit) == len(before["units"]) + len(wanted)  # type: ignore[arg-type]
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "directory.bootstrap")
                        .order_by(col(AuditEvent.id))).all()
        assert [(e.actor, e.via, e.entity_id) for e in events] == [(f"staff:{world['staff:admin']}", "web", root.id)] * 2
        assert [e.after["created"] for e in events] == [len(wanted), 0]


def test_bootstrap_page_errors_and_roles(engine, settings, world):
    before = _state(engine)
    with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as client:
        sign_in(client, "admin")
        csrf = csrf_of(client.get("/console/directory/bootstrap").text)
        for path in ("/console/directory/bootstrap/preview", "/console/directory/bootstrap"):
            unknown = client.post(path, data={"province": "Hà Tây", "csrf": csrf})
            assert unknown.status_code == 400
            assert "không có tỉnh, thành phố &#39;Hà Tây&#39; trong danh mục sau sắp xếp 2025" in unknown.text
            empty = client.post(path, data={"province": " ", "csrf": csrf})
            assert empty.status_code == 400 and "Chọn một tỉnh, thành phố" in empty.text
        assert client.post("/console/directory/bootstrap", data={"province": PROVINCE}).status_code == 403
        for role in ("focal", "leader", "clerk"):
            sign_in(client, role)
            assert client.get("/console/directory/bootstrap").status_code == 403
            page = client.get("/console")
            for path in ("/console/directory/bootstrap/preview", "/console/directory/bootstrap"):
                refused = client.post(path, data={"province": PROVINCE, "csrf": csrf_of(page.text)})
                assert refused.status_code == 403
            assert 'href="/console/directory/bootstrap"' not in client.get("/console/directory").text
    assert _state(engine) == before  # nothing was written
