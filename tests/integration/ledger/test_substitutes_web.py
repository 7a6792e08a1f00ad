"""Substitutes from the browser: the console's /nguoi-thay page (list, add, cancel; admin any officer, focal
staff the officers of the units of the plans they follow, leaders read) and the officer's own form
"Vắng mặt — cử người thay" on the personal link. Both call directory.substitutes.name_substitute, the CLI's
rule: each refusal is the same Vietnamese message, shown on the form again with the values kept."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import select

from dondoc import clock
from dondoc.accounts.users import add_user
from dondoc.collect import links
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.models import AuditEvent, Officer, Substitute, Unit
from tests.integration.ledger.conftest import login


@pytest.fixture
def people(engine: Engine, settings: Settings, world: dict[str, Any]) -> dict[str, Any]:
    """A third officer in the focal unit (a colleague), one in Phòng Y tế, a personal link of ld-focal and
    a focal staff account of a unit that follows no plan."""
    with session_scope(engine) as s:
        ld = s.exec(select(Unit).where(Unit.code == "ldtbxh")).one()
        yte = s.exec(select(Unit).where(Unit.code == "yte")).one()
        nowhere = Unit(code="vp-khac", name="Văn phòng khác", kind="office")
        s.add_all([Officer(code="ld-staff", unit_id=ld.id, name="Vi Văn Dũng", role="staff"),  # type: ignore[arg-type]
                   Officer(code="yte-staff", unit_id=yte.id, name="Lương Thị Mai", role="staff"), nowhere])  # type: ignore[arg-type]
        s.flush()
        scoped = add_user(s, name="focal-vp", role="focal", password="mat-khau-rat-dai-2025", now=clock.now(),
                          unit="vp-khac")
        url = links.link_for(s, officer_id=world["focal_officer"], settings=settings, now=clock.now())
        return {"token": url.rsplit("/t/", 1)[1], "scoped_focal": scoped.id}


def _csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def _rows(engine: Engine) -> list[Substitute]:
    with session_scope(engine) as s:
        return list(s.exec(select(Substitute).order_by(Substitute.id)).all())


ADD = {"officer": "ld-focal", "substitute": "ld-staff", "start": "2025-11-24", "end": "2025-11-28", "note": "nghỉ phép"}


def test_console_add_list_cancel(client: TestClient, settings: Settings, world: dict, people: dict,
                                 engine: Engine) -> None:
    csrf = login(client, settings, world["users"]["focal"])
    r = client.get("/nguoi-thay")
    assert r.status_code == 200 and "Ghi lịch vắng" in r.text and "Không có lịch vắng nào" in r.text
    r = client.post("/nguoi-thay", data={"csrf": csrf, **ADD})
    assert r.status_code == 303 and r.headers["location"].startswith("/nguoi-thay?msg=added-")
    (row,) = _rows(engine)
    assert (row.start.isoformat(), row.end.isoformat(), row.note) == ("2025-11-24", "2025-11-28", "nghỉ phép")
    assert row.created_by == f"staff:{world['users']['focal']}"
    page = client.get(r.headers["location"]).text
    assert f"Đã ghi lịch vắng số {row.id}" in page and "Vi Văn Dũng" in page and "24/11/2025" in page
    # dd/mm/yyyy typed by hand is read too; no substitute named = the unit head
    r = client.post("/nguoi-thay", data={"csrf": csrf, **ADD, "officer": "ld-staff", "substitute": "",
                                         "start": "01/12/2025", "end": "05/12/2025"})
    assert r.status_code == 303
    assert _rows(engine)[-1].substitute_id is None
    assert "Trưởng đơn vị (mặc định)" in client.get("/nguoi-thay").text
    r = client.post(f"/nguoi-thay/{row.id}/huy", data={"csrf": csrf})
    assert r.status_code == 303 and "cancelled" in r.headers["location"]
    assert _rows(engine)[0].cancelled_at is not None
    assert client.post(f"/nguoi-thay/{row.id}/huy", data={"csrf": csrf}).status_code == 404  # already cancelled
    with session_scope(engine) as s:
        actions = [a.action for a in s.exec(select(AuditEvent).where(AuditEvent.entity == "substitute")).all()]
    assert actions == ["substitute.named", "substitute.named", "substitute.cancelled"]


@pytest.mark.parametrize(("change", "words"), [
    ({"substitute": "ld-focal"}, "người làm thay phải là một cán bộ khác"),
    ({"start": "2025-11-28", "end": "2025-11-24"}, "trước ngày bắt đầu"),
    ({"start": "2025-11-10", "end": "2025-11-19"}, "đã qua"),  # today is 20/11/2025 in Vietnam
    ({"start": "2025-11-31"}, "Từ ngày: cần một ngày"),
    ({"end": ""}, "Đến ngày: cần một ngày"),
    ({"officer": ""}, "Hãy chọn cán bộ vắng mặt"),
    ({"officer": "khong-co"}, "không thuộc các đơn vị bạn theo dõi"),
])
def test_console_refusals(client: TestClient, settings: Settings, world: dict, people: dict, engine: Engine,
                          change: dict[str, str], words: str) -> None:
    csrf = login(client, settings, world["users"]["admin"])
    r = client.post("/nguoi-thay", data={"csrf": csrf, **ADD, **change})
    assert r.status_code == 400 and words in r.text, r.text[-2000:]
    assert 'value="nghỉ phép"' in r.text  # the form again, values kept
    assert _rows(engine) == []


def test_console_overlap_is_refused_with_the_clash(client: TestClient, settings: Settings, world: dict,
                                                   people: dict, engine: Engine) -> None:
    csrf = login(client, settings, world["users"]["admin"])
    assert client.post("/nguoi-thay", data={"csrf": csrf, **ADD}).status_code == 303
    r = client.post("/nguoi-thay", data={"csrf": csrf, **ADD, "start": "2025-11-27", "end": "2025-12-02"})
    assert r.status_code == 400
    assert "đã có lịch vắng từ 24/11/2025 đến 28/11/2025" in r.text and "trang Người làm thay" in r.text
    assert "dondoc substitute" not in r.text  # the CLI's hint is for the CLI
    assert len(_rows(engine)) == 1


def test_console_roles_scope_and_csrf(client: TestClient, settings: Settings, world: dict, people: dict,
                                      engine: Engine) -> None:
    csrf = login(client, settings, world["users"]["leader"])
    page = client.get("/nguoi-thay")
    assert page.status_code == 200 and "Ghi lịch vắng</h2>" not in page.text  # leaders read
    assert client.post("/nguoi-thay", data={"csrf": csrf, **ADD}).status_code == 403
    csrf = login(client, settings, world["users"]["clerk"])
    assert client.get("/nguoi-thay").status_code == 403
    csrf = login(client, settings, world["users"]["admin"])
    assert client.post("/nguoi-thay", data={"csrf": "forged", **ADD}).status_code == 403
    assert client.post("/nguoi-thay", data={"csrf": csrf, **ADD}).status_code == 303
    ident = _rows(engine)[0].id
    # focal staff of a unit that follows no plan: nobody in reach, neither to add nor to cancel
    csrf = login(client, settings, people["scoped_focal"])
    page = client.get("/nguoi-thay")
    assert page.status_code == 200 and "ld-focal" not in page.text
    r = client.post("/nguoi-thay", data={"csrf": csrf, **ADD})
    assert r.status_code == 400 and "không thuộc các đơn vị bạn theo dõi" in r.text
    assert client.post(f"/nguoi-thay/{ident}/huy", data={"csrf": csrf}).status_code == 403
    assert client.post(f"/nguoi-thay/{ident}/huy", data={"csrf": "forged"}).status_code == 403
    assert len(_rows(engine)) == 1 and _rows(engine)[0].cancelled_at is None


OWN = {"substitute": "ld-staff", "start": "2025-11-24", "end": "2025-11-26", "note": "đi công tác"}


def test_officer_names_a_colleague(client: TestClient, people: dict, world: dict, engine: Engine) -> None:
    t = people["token"]
    home = client.get(f"/t/{t}")
    assert "Vắng mặt — cử người thay" in home.text and "Vi Văn Dũng" in home.text
    assert "Lương Thị Mai" not in home.text  # another unit's officer is not offered
    r = client.post(f"/t/{t}/vang-mat", data={"csrf": _csrf_of(home.text), **OWN}, follow_redirects=False)
    assert r.status_code == 303 and "vang=" in r.headers["location"]
    (row,) = _rows(engine)
    assert (row.officer_id, row.created_by) == (world["focal_officer"], f"officer:{world['focal_officer']}")
    page = client.get(r.headers["location"]).text
    assert f"Đã ghi lịch vắng số {row.id}" in page and "Vắng từ 24/11/2025 đến 26/11/2025: Vi Văn Dũng làm thay" in page


@pytest.mark.parametrize(("change", "words"), [
    ({"substitute": "yte-staff"}, "đồng nghiệp đang công tác trong đơn vị"),  # not of the unit
    ({"substitute": "ld-focal"}, "đồng nghiệp đang công tác trong đơn vị"),  # oneself
    ({"substitute": ""}, "đồng nghiệp đang công tác trong đơn vị"),
    ({"start": "2025-11-26", "end": "2025-11-24"}, "trước ngày bắt đầu"),
    ({"start": "2025-11-01", "end": "2025-11-02"}, "đã qua"),
    ({"end": "ngày mai"}, "Đến ngày: cần một ngày"),
])
def test_officer_refusals(client: TestClient, people: dict, engine: Engine, change: dict[str, str],
                          words: str) -> None:
    t = people["token"]
    csrf = _csrf_of(client.get(f"/t/{t}").text)
    r = client.post(f"/t/{t}/vang-mat", data={"csrf": csrf, **OWN, **change}, follow_redirects=False)
    assert r.status_code == 422 and words in r.text and 'value="đi công tác"' in r.text
    assert _rows(engine) == []


def test_officer_overlap_and_csrf(client: TestClient, people: dict, engine: Engine) -> None:
    t = people["token"]
    csrf = _csrf_of(client.get(f"/t/{t}").text)
    assert client.post(f"/t/{t}/vang-mat", data={"csrf": csrf, **OWN}, follow_redirects=False).status_code == 303
    r = client.post(f"/t/{t}/vang-mat", data={"csrf": csrf, **OWN, "start": "2025-11-25", "end": "2025-11-30"},
                    follow_redirects=False)
    assert r.status_code == 422 and "đã có lịch vắng từ 24/11/2025 đến 26/11/2025" in r.text
    assert client.post(f"/t/{t}/vang-mat", data={"csrf": "forged", **OWN, "start": "2025-12-01", "end": "2025-12-02"},
                       follow_redirects=False).status_code in (403, 404)
    assert client.post("/t/not-a-token/vang-mat", data={"csrf": csrf, **OWN}).status_code == 404
    assert len(_rows(engine)) == 1
