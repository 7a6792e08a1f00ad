"""Authorisation matrix of the staff console and the staff API: every /console route and every staff
/api/plans route (enumerated from the app, so a new route without a row fails) x anonymous, each staff
role, a unit officer's personal link and another plan's focal officer's link.

Staff sign in through the login form (a real session cookie); officers present their personal-link
token both as a bearer and as a cookie value: neither opens anything here."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from dondoc import clock
from dondoc.accounts.users import add_user, issue_token
from dondoc.config import Settings
from dondoc.models import Assignment, Plan
from dondoc.web import create_app
from dondoc.web.console.session import COOKIE, unsign
from dondoc.web.security import csrf_token
from tests.integration.web.world import World

PASSWORD = "mat-khau-rat-dai-2025"
STAFF = ("admin", "focal", "leader", "clerk")
ROLES = ("anonymous", *STAFF, "officer", "other_focal")
LINK_OF = {"officer": "a1", "other_focal": "a3"}


def is_console_route(method: str, path: str) -> bool:
    return path.startswith("/console") or (path.startswith("/api/plans") and not path.endswith("/obligations"))


@dataclasses.dataclass
class Ctx:
    client: TestClient
    ids: dict[str, int]
    cookies: dict[str, str]
    tokens: dict[str, str]
    world: World

    def as_role(self, role: str) -> tuple[dict[str, str], dict[str, str], str]:
        """(cookies, headers, csrf) a request of this role carries."""
        if role in STAFF:
            data = unsign(self.client.app.state.web.key, self.cookies[role]) or {}  # type: ignore[attr-defined]
            return ({COOKIE: self.cookies[role]}, {"Authorization": f"Bearer {self.tokens[role]}"},
                    csrf_token(self.client.app.state.web.key, data["n"]))  # type: ignore[attr-defined]
        if role == "anonymous":
            return {}, {}, "0" * 64
        link = self.world.tokens[LINK_OF[role]]
        return {COOKIE: link}, {"Authorization": f"Bearer {link}"}, "0" * 64


Check = Callable[[Ctx, str], Any]


def page(path: str) -> Check:
    def run(c: Ctx, role: str) -> Any:
        cookies, _h, _c = c.as_role(role)
        c.client.cookies.clear()
        return c.client.get(path.format(**c.ids), cookies=cookies, follow_redirects=False)
    return run


def form(path: str, data: dict[str, str] | None = None, files: dict[str, Any] | None = None) -> Check:
    def run(c: Ctx, role: str) -> Any:
        cookies, _h, csrf = c.as_role(role)
        c.client.cookies.clear()
        values = {k: v.format(**c.ids) for k, v in (data or {}).items()}
        return c.client.post(path.format(**c.ids), data={"csrf": csrf, **values}, files=files,
                             cookies=cookies, follow_redirects=False)
    return run


def api(method: str, path: str, body: Any = None, files: dict[str, Any] | None = None) -> Check:
    def run(c: Ctx, role: str) -> Any:
        _c, headers, _x = c.as_role(role)
        c.client.cookies.clear()
        return c.client.request(method, path.format(**c.ids), json=body, files=files, headers=headers)
    return run


ANON = {"anonymous": 303, "officer": 303, "other_focal": 303}  # pages: to the login form
NO_API = {"anonymous": 401, "officer": 401, "other_focal": 401}
READ_ALL = {**ANON, **dict.fromkeys(STAFF, 200)}
UPLOAD_FORM = {**READ_ALL, "leader": 403}
EDIT = {**ANON, "admin": 303, "focal": 303, "leader": 403, "clerk": 403}
DIRECTORY = {**READ_ALL, "clerk": 403}
LINKS = {**ANON, "admin": 303, "focal": 303, "leader": 403, "clerk": 403}
ADMIN_ONLY = {**ANON, "admin": 200, "focal": 403, "leader": 403, "clerk": 403}
API_READ = {**NO_API, **dict.fromkeys(STAFF, 200)}
API_EDIT = {**NO_API, "admin": 200, "focal": 200, "leader": 403, "clerk": 403}
PLAN_TXT = ("ke-hoach.txt", "KẾ HOẠCH\nThực hiện chuyển đổi số năm 2025\n\nII. NHIỆM VỤ\n1. Phòng Lao động - Thương binh "
            "và Xã hội chủ trì rà soát hộ nghèo, hoàn thành trước ngày 30/11/2025.\n".encode(), "text/plain")
ITEM = {"ref": "II.9", "text": "Nội dung bổ sung", "lead": "Phòng Nội vụ"}

MATRIX: dict[tuple[str, str], tuple[Check, dict[str, int]]] = {
    ("GET", "/console/login"): (page("/console/login"), dict.fromkeys(ROLES, 200)),
    ("POST", "/console/login"): (form("/console/login", {"name": "x", "password": "y"}), dict.fromkeys(ROLES, 403)),
    ("POST", "/console/logout"): (form("/console/logout"), dict.fromkeys(ROLES, 303)),
    ("GET", "/console/login/oidc"): (page("/console/login/oidc"), dict.fromkeys(ROLES, 404)),  # not configured
    ("GET", "/console/oidc/callback"): (page("/console/oidc/callback?code=x&state=y"), dict.fromkeys(ROLES, 404)),
    ("GET", "/console"): (page("/console"), READ_ALL),
    ("GET", "/console/api-docs"): (page("/console/api-docs"), READ_ALL),
    ("GET", "/console/plans/upload"): (page("/console/plans/upload"), UPLOAD_FORM),
    ("POST", "/console/plans"): (form("/console/plans", files={"file": PLAN_TXT}), {**ANON, **dict.fromkeys(STAFF, 200), "leader": 403}),
    ("GET", "/console/plans/{plan_id}"): (page("/console/plans/{draft}"), READ_ALL),
    ("POST", "/console/plans/{plan_id}/items/{item_id}"): (
        form("/console/plans/{draft}/items/{item}", {**ITEM, "timing_kind": "unspecified"}), EDIT),
    ("POST", "/console/plans/{plan_id}/items/{item_id}/delete"): (form("/console/plans/{draft}/items/{item}/delete"), EDIT),
    ("POST", "/console/plans/{plan_id}/items/{item_id}/split"): (
        form("/console/plans/{draft}/items/{item}/split", {"parts": "một\nhai"}), EDIT),
    ("POST", "/console/plans/{plan_id}/merge"): (form("/console/plans/{draft}/merge", {"item": "{item}"}), {**EDIT, "admin": 400, "focal": 400}),
    ("POST", "/console/plans/{plan_id}/items"): (form("/console/plans/{draft}/items", ITEM), EDIT),
    ("POST", "/console/plans/{plan_id}/focal"): (form("/console/plans/{draft}/focal", {"focal_unit_id": "{noivu}"}), EDIT),
    ("POST", "/console/plans/{plan_id}/alias"): (form("/console/plans/{draft}/alias", {"name": "Phòng NV", "unit_id": "{noivu}"}), EDIT),
    ("GET", "/console/plans/{plan_id}/preview"): (page("/console/plans/{draft}/preview"), READ_ALL),
    ("POST", "/console/plans/{plan_id}/activate"): (form("/console/plans/{draft}/activate"), EDIT),
    ("GET", "/console/directory"): (page("/console/directory?q=xã"), DIRECTORY),
    ("GET", "/console/directory/units/{unit_id}"): (page("/console/directory/units/{xa1}"), DIRECTORY),
    ("GET", "/console/directory/export.xlsx"): (page("/console/directory/export.xlsx"), DIRECTORY),
    ("POST", "/console/directory/import"): (
        form("/console/directory/import", files={"file": ("d.csv", b"x", "text/csv")}),
        {**ANON, "admin": 400, "focal": 403, "leader": 403, "clerk": 403}),
    ("POST", "/console/directory/officers/{officer_id}/test"): (form("/console/directory/officers/{a1}/test"), LINKS),
    ("POST", "/console/directory/officers/{officer_id}/link"): (form("/console/directory/officers/{a1}/link"), {**LINKS, "admin": 200, "focal": 200}),
    # merges of units: admin only (the preview and the merge of an unknown unit: the form again, 400)
    ("GET", "/console/directory/merge"): (page("/console/directory/merge"), ADMIN_ONLY),
    ("POST", "/console/directory/merge/preview"): (
        form("/console/directory/merge/preview", {"old": "ZZ", "into": "XX", "on": "2025-08-01"}),
        {**ADMIN_ONLY, "admin": 400}),
    ("POST", "/console/directory/merge"): (
        form("/console/directory/merge", {"old": "ZZ", "into": "XX", "on": "2025-08-01"}), {**ADMIN_ONLY, "admin": 400}),
    # the directory bootstrap of a province: admin only (an unknown province: the form again, 400)
    ("GET", "/console/directory/bootstrap"): (page("/console/directory/bootstrap"), ADMIN_ONLY),
    ("POST", "/console/directory/bootstrap/preview"): (
        form("/console/directory/bootstrap/preview", {"province": "Hà Tây"}), {**ADMIN_ONLY, "admin": 400}),
    ("POST", "/console/directory/bootstrap"): (
        form("/console/directory/bootstrap", {"province": "Hà Tây"}), {**ADMIN_ONLY, "admin": 400}),
    # a collective's members on the review screen ('không áp dụng'): the plan's editors
    ("POST", "/console/plans/{plan_id}/items/{item_id}/members"): (
        form("/console/plans/{draft}/items/{item}/members", {"listed": "{noivu}"}), EDIT),
    ("POST", "/api/plans"): (api("POST", "/api/plans", files={"file": PLAN_TXT}), {**NO_API, **dict.fromkeys(STAFF, 201), "leader": 403}),
    ("GET", "/api/plans/{plan_id}"): (api("GET", "/api/plans/{draft}"), API_READ),
    ("PATCH", "/api/plans/{plan_id}/items/{item_id}"): (api("PATCH", "/api/plans/{draft}/items/{item}", {"text": "sửa"}), API_EDIT),
    ("DELETE", "/api/plans/{plan_id}/items/{item_id}"): (api("DELETE", "/api/plans/{draft}/items/{item}"), API_EDIT),
    ("POST", "/api/plans/{plan_id}/items"): (api("POST", "/api/plans/{draft}/items", {"ref": "II.9", "text": "mới"}), {**API_EDIT, "admin": 201, "focal": 201}),
    ("PUT", "/api/plans/{plan_id}/focal"): (api("PUT", "/api/plans/{draft}/focal", {"focal_unit_id": None}), API_EDIT),
    ("GET", "/api/plans/{plan_id}/preview"): (api("GET", "/api/plans/{draft}/preview"), API_READ),
    ("POST", "/api/plans/{plan_id}/activate"): (api("POST", "/api/plans/{draft}/activate"), API_EDIT),
}


def test_every_console_route_has_a_row(tmp_path: Any) -> None:
    app = create_app(Settings(home=tmp_path, secret_key="matrix-test-key-Zq8Lm3Rv7Tx2Wn5Pk9Hd4Fs6", database_url=f"sqlite:///{tmp_path}/x.db"))
    routes = {(m, r.path) for r in app.routes if isinstance(r, APIRoute) for m in r.methods - {"HEAD"}
              if is_console_route(m, r.path)}
    assert routes == set(MATRIX)


@pytest.fixture
def ctx(engine: Engine, settings: Settings, world: World, client: TestClient) -> Ctx:
    now = clock.now()
    ids = dict(world.ids)
    with Session(engine, expire_on_commit=False) as s:
        draft = Plan(source_name="d.txt", source_hash="d" * 64, title="Kế hoạch dự thảo", year=2025, state="draft",
                     focal_unit_id=world["ldtbxh"], owner_unit_id=world["ldtbxh"], created_at=now, updated_at=now)
        s.add(draft)
        s.flush()
        item = Assignment(plan_id=draft.id, key="II.1", ref="II.1", text="Rà soát hộ nghèo",  # type: ignore[arg-type]
                          lead=["Phòng Lao động - Thương binh và Xã hội"], timing={"kind": "unspecified"})
        s.add(item)
        s.flush()
        ids.update(draft=draft.id, item=item.id)  # type: ignore[arg-type]
        tokens = {}
        for role in STAFF:
            add_user(s, name=f"{role}1", role=role, password=PASSWORD, now=now)
            tokens[role] = issue_token(s, name=f"{role}1", now=now)
        s.commit()
    cookies = {}
    for role in STAFF:
        client.cookies.clear()
        login = client.get("/console/login")
        csrf = login.text.split('name="csrf" value="')[1].split('"')[0]
        r = client.post("/console/login", data={"name": f"{role}1", "password": PASSWORD, "csrf": csrf},
                        follow_redirects=False)
        assert r.status_code == 303, r.text
        cookies[role] = r.cookies[COOKIE]
    client.cookies.clear()
    return Ctx(client=client, ids=ids, cookies=cookies, tokens=tokens, world=world)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", sorted(MATRIX), ids=lambda k: f"{k[0]} {k[1]}")
def test_console_matrix(ctx: Ctx, route: tuple[str, str], role: str) -> None:
    run, expected = MATRIX[route]
    want = expected[role]
    if role == "anonymous" and route[0] == "POST" and route[1].startswith("/api/"):
        want = 404  # no token at all: web/limits.py refuses before reading the body (uniform 404)
    r = run(ctx, role)
    assert r.status_code == want, (route, role, r.status_code, r.text[:300])
    if expected[role] == 303 and role in ANON:
        assert r.headers["location"].startswith("/console/login")
