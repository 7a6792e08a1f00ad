"""Who may open the tracking desk's routes (issue 16; substitutes: /nguoi-thay): anonymous -> login (pages) or 401 (API); each staff
role -> allowed or 403. Every route of the desk is listed here (a new one fails the completeness test)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from dondoc.config import Settings
from tests.integration.ledger.conftest import ROLES, _client, desk_clock, login, make_world

# This package's conftest has its own `client` and `world` (the officers' web world): the desk's go by other names.
_ = desk_clock


@pytest.fixture
def desk_world(engine: Engine, desk_clock: Any) -> dict[str, Any]:
    return make_world(engine)


@pytest.fixture
def desk_client(engine: Engine, settings: Settings, desk_world: dict[str, Any]) -> Iterator[TestClient]:
    yield from _client(engine, settings)

# path -> roles allowed (GET)
PAGES = {
    "/so-theo-doi": ROLES,
    "/so-theo-doi.xlsx": ROLES,
    "/tong-quan": ("admin", "focal", "leader"),
    "/cho-xu-ly": ("admin", "focal", "leader"),
    "/bao-cao": ("admin", "focal", "leader"),
    "/nguoi-thay": ("admin", "focal", "leader"),
}
POSTS = {"/cho-xu-ly/gia-han/1": ("admin", "focal", "leader"), "/cho-xu-ly/nhap-thay/1": ("admin", "focal", "leader"),
         "/cho-xu-ly/nghiem-thu/1": ("admin", "focal", "leader"), "/bao-cao": ("admin", "focal"),
         "/nguoi-thay": ("admin", "focal"), "/nguoi-thay/1/huy": ("admin", "focal")}
DESK = {"/so-theo-doi", "/so-theo-doi.xlsx", "/tong-quan", "/cho-xu-ly", "/cho-xu-ly/gia-han/{request_id}",
        "/cho-xu-ly/nhap-thay/{update_id}", "/cho-xu-ly/nghiem-thu/{update_id}", "/bao-cao", "/bao-cao/{report_id}.{ext}",
        "/api/ledger", "/ical/{token}.ics", "/nguoi-thay", "/nguoi-thay/{substitute_id}/huy"}


def is_desk_route(method: str, path: str) -> bool:
    """A route of the tracking desk (ledger, leader's view, queue, reports, calendar feeds): staff only,
    checked by this matrix."""
    return path in DESK


def test_every_desk_route_is_in_the_matrix(desk_client: TestClient) -> None:
    paths = {r.path for r in desk_client.app.routes}  # type: ignore[attr-defined]
    assert paths >= DESK


@pytest.mark.parametrize("path", sorted(PAGES))
def test_pages_by_role(desk_client: TestClient, settings: Settings, desk_world: dict, path: str) -> None:
    r = desk_client.get(path)
    assert r.status_code == 303 and "/console/login" in r.headers["location"]
    for role in ROLES:
        login(desk_client, settings, desk_world["users"][role])
        got = desk_client.get(path).status_code
        assert got == (200 if role in PAGES[path] else 403), (role, path, got)


@pytest.mark.parametrize("path", sorted(POSTS))
def test_posts_by_role_and_csrf(desk_client: TestClient, settings: Settings, desk_world: dict, path: str) -> None:
    assert desk_client.post(path, data={"plan_id": "1"}).status_code in (303, 404)  # anonymous: login or nothing
    for role in ROLES:
        csrf = login(desk_client, settings, desk_world["users"][role])
        if role not in POSTS[path]:
            assert desk_client.post(path, data={"csrf": csrf, "plan_id": "1"}).status_code == 403, role
            continue
        assert desk_client.post(path, data={"csrf": "forged", "plan_id": "1"}).status_code == 403, role


def test_report_download_and_api_and_ical(desk_client: TestClient, settings: Settings, desk_world: dict) -> None:
    for role in ROLES:
        login(desk_client, settings, desk_world["users"][role])
        assert desk_client.get("/bao-cao/999.docx").status_code == (404 if role != "clerk" else 403)
    desk_client.cookies.clear()
    assert desk_client.get("/api/ledger").status_code == 401
    for role in ROLES:
        assert desk_client.get("/api/ledger", headers={"Authorization": f"Bearer {desk_world['tokens'][role]}"}).status_code == 200
    assert desk_client.get("/ical/not-a-token.ics").status_code == 404
