"""Authorisation matrix: every route of the app (enumerated from app.routes, so a new route without an
entry fails) x every role, with the expected status. A role's own personal link is its credential.

Roles (tests/integration/web/world.py): officer = a1 (staff, UBND xã An Bình, the unit of obligation rep1);
head = h1 (head of that unit); other = a2 (staff of another commune); focal = the plan's focal
officer (Phòng LĐ-TB&XH); issuer = chutich (head of the issuing UBND huyện); anonymous = a made-up token.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.routing import Mount, Route

from dondoc import clock
from dondoc.collect.attachments import store_attachment
from dondoc.collect.submit import request_extension, submit_status
from dondoc.config import Settings
from dondoc.models import CompiledReport, ExtensionRequest, Obligation, StatusUpdate
from dondoc.web import create_app
from tests.integration.web.world import World

ROLES = ["anonymous", "officer", "head", "other", "focal", "issuer"]
ROLE_OFFICER = {"officer": "a1", "head": "h1", "other": "a2", "focal": "focal", "issuer": "chutich"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PUBLIC = {"/", "/healthz", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


@dataclasses.dataclass
class Ctx:
    world: World
    ids: dict[str, int]
    client: TestClient

    def token(self, role: str) -> str:
        return "0123456789abcdef" * 2 + "0123456789a" if role == "anonymous" else self.world.tokens[ROLE_OFFICER[role]]

    def csrf(self, role: str) -> str:
        """The CSRF value the role's own pages carry (a made-up one for anonymous)."""
        if role == "anonymous":
            return "0" * 64
        from dondoc.collect.links import token_hash
        from dondoc.web.security import csrf_token
        return csrf_token(self.client.app.state.web.key, token_hash(self.token(role)))  # type: ignore[attr-defined]


def _seed(engine: Engine, settings: Settings, world: World) -> dict[str, int]:
    """One submission with an attachment on rep1 (by a1) and a pending extension request on task1."""
    now = clock.now()
    with Session(engine, expire_on_commit=False) as s:
        u = submit_status(s, officer_id=world["a1"], obligation_id=world["rep1"],
                          payload={"status": "in_progress", "progress": "40", "result": "đang làm"}, via="web", now=now)
        att = store_attachment(s, settings=settings, status_update_id=u.id, filename="bao-cao.pdf", data=PDF, now=now)  # type: ignore[arg-type]
        ext = request_extension(s, officer_id=world["a1"], obligation_id=world["task1"],
                                requested_due=dt.date(2025, 11, 28), reason="chờ số liệu", via="web", now=now)
        # A compiled report of the plan with its two files (written directly: compiling is slow and
        # beside the point here), stored with a path relative to the data folder.
        reports = settings.path("reports")
        reports.mkdir(parents=True, exist_ok=True)
        for fmt in ("docx", "xlsx"):
            (reports / f"bao-cao-ke-hoach-{world['plan']}-2025.{fmt}").write_bytes(b"PK\x03\x04 " + fmt.encode())
        rep = CompiledReport(plan_id=world["plan"], period="2025", cutoff=dt.date(2025, 12, 15), snapshot={},
                             docx_path=f"reports/bao-cao-ke-hoach-{world['plan']}-2025.docx",
                             xlsx_path=f"reports/bao-cao-ke-hoach-{world['plan']}-2025.xlsx", compiled_at=now)
        s.add(rep)
        s.commit()
        return {**world.ids, "uid": u.id, "aid": att.id, "rid": ext.id, "report": rep.id}  # type: ignore[dict-item]


Check = Callable[[Ctx, str], Any]
# path -> method -> (request builder, {role: expected status})
OWN_UNIT = {"anonymous": 404, "officer": 303, "head": 303, "other": 404, "focal": 404, "issuer": 404}
READ_OWN = {"anonymous": 404, "officer": 200, "head": 200, "other": 404, "focal": 404, "issuer": 404}
FOCAL_ONLY = {"anonymous": 404, "officer": 404, "head": 404, "other": 404, "focal": 200, "issuer": 404}
# nhập thay: the plan's focal point and its issuer, nobody else (not a unit, not for its own unit either)
PLAN_LEADS = {**FOCAL_ONLY, "issuer": 200}
EVERYONE = dict.fromkeys(ROLES, 200)
SIGNED_IN = {**EVERYONE, "anonymous": 404}


def _get(path: str) -> Check:
    def run(c: Ctx, role: str) -> Any:
        return c.client.get(path.format(t=c.token(role), **c.ids))
    return run


def _form(path: str, data: dict[str, str]) -> Check:
    def run(c: Ctx, role: str) -> Any:
        return c.client.post(path.format(t=c.token(role), **c.ids), data={"csrf": c.csrf(role), **data},
                             follow_redirects=False)
    return run


def _api(method: str, path: str, body: dict[str, Any] | None = None) -> Check:
    def run(c: Ctx, role: str) -> Any:
        return c.client.request(method, path.format(**c.ids), json=body,
                                headers={"Authorization": f"Bearer {c.token(role)}"})
    return run


MATRIX: dict[tuple[str, str], tuple[Check, dict[str, int]]] = {
    ("GET", "/"): (_get("/"), EVERYONE),
    ("GET", "/healthz"): (_get("/healthz"), EVERYONE),
    ("GET", "/openapi.json"): (_get("/openapi.json"), EVERYONE),
    ("GET", "/docs"): (_get("/docs"), EVERYONE),
    ("GET", "/docs/oauth2-redirect"): (_get("/docs/oauth2-redirect"), EVERYONE),
    ("GET", "/redoc"): (_get("/redoc"), EVERYONE),
    ("GET", "/t/{token}"): (_get("/t/{t}"), SIGNED_IN),
    ("GET", "/t/{token}/o/{oid}"): (_get("/t/{t}/o/{rep1}"), READ_OWN),
    ("POST", "/t/{token}/o/{oid}"): (_form("/t/{t}/o/{rep1}", {"status": "in_progress", "progress": "50"}), OWN_UNIT),
    ("GET", "/t/{token}/o/{oid}/sent/{uid}"): (_get("/t/{t}/o/{rep1}/sent/{uid}"), READ_OWN),
    ("POST", "/t/{token}/o/{oid}/extension"): (
        _form("/t/{t}/o/{rep1}/extension", {"requested_due": "2025-11-25", "reason": "lý do"}), OWN_UNIT),
    # an officer's own absence ("Vắng mặt — cử người thay"): any valid link, for oneself, naming a colleague of
    # the unit only (here someone who is not: refused with the form again)
    ("POST", "/t/{token}/vang-mat"): (
        _form("/t/{t}/vang-mat", {"substitute": "nobody", "start": "2025-12-01", "end": "2025-12-02"}),
        {**dict.fromkeys(ROLES, 422), "anonymous": 404}),
    # the plan's focal point and issuer may download what units sent
    ("GET", "/t/{token}/files/{aid}"): (_get("/t/{t}/files/{aid}"), {**READ_OWN, "focal": 200, "issuer": 200}),
    ("GET", "/t/{token}/focal/{plan_id}"): (_get("/t/{t}/focal/{plan}"), FOCAL_ONLY),
    ("POST", "/t/{token}/focal/{plan_id}/remind/{unit_id}"): (
        _form("/t/{t}/focal/{plan}/remind/{xa1}", {}), {**FOCAL_ONLY, "focal": 303}),
    ("POST", "/t/{token}/focal/{plan_id}/remind-all"): (
        _form("/t/{t}/focal/{plan}/remind-all", {}), {**FOCAL_ONLY, "focal": 303}),
    ("POST", "/t/{token}/focal/extensions/{rid}"): (
        _form("/t/{t}/focal/extensions/{rid}", {"decision": "approve"}), {**FOCAL_ONLY, "focal": 303}),
    ("GET", "/t/{token}/focal/{plan_id}/export.zip"): (_get("/t/{t}/focal/{plan}/export.zip"), FOCAL_ONLY),
    ("GET", "/t/{token}/focal/{plan_id}/o/{oid}"): (_get("/t/{t}/focal/{plan}/o/{rep1}"), PLAN_LEADS),
    # the compiled report's files (Word and Excel): the plan's focal point and issuer
    ("GET", "/t/{token}/focal/{plan_id}/reports/{report_id}.{fmt}"): (
        _get("/t/{t}/focal/{plan}/reports/{report}.docx"), PLAN_LEADS),
    ("POST", "/t/{token}/focal/{plan_id}/o/{oid}"): (
        _form("/t/{t}/focal/{plan}/o/{rep1}", {"status": "done", "source": "Công văn số 12/BC-UBND ngày 03/11"}),
        {**PLAN_LEADS, "focal": 303, "issuer": 303}),
    ("GET", "/t/{token}/dashboard/{plan_id}"): (_get("/t/{t}/dashboard/{plan}"), {**FOCAL_ONLY, "issuer": 200}),
    ("GET", "/api/obligations"): (_api("GET", "/api/obligations"), SIGNED_IN),
    ("POST", "/api/obligations/{oid}/status"): (
        _api("POST", "/api/obligations/{rep1}/status", {"status": "in_progress", "progress": 60}),
        {**OWN_UNIT, "officer": 200, "head": 200}),
    ("GET", "/api/plans/{plan_id}/obligations"): (_api("GET", "/api/plans/{plan}/obligations"), PLAN_LEADS),
    ("POST", "/api/obligations/{oid}/status/on-behalf"): (
        _api("POST", "/api/obligations/{rep1}/status/on-behalf", {"status": "done", "source": "điện thoại"}),
        PLAN_LEADS),
}


def app_routes(tmp: Any) -> set[tuple[str, str]]:
    app = create_app(Settings(home=tmp, secret_key="test-secret-key-not-for-production", database_url=f"sqlite:///{tmp}/x.db"))
    out = set()
    for r in app.routes:
        if isinstance(r, Mount):
            continue
        assert isinstance(r, (APIRoute, Route)), r
        for m in (r.methods or set()) - {"HEAD"}:
            out.add((m, r.path))
    return out


def test_every_route_has_a_matrix_row(tmp_path: Any) -> None:
    from tests.integration.security.test_console_matrix import is_console_route  # the console's own matrix covers those
    from tests.integration.security.test_desk_matrix import is_desk_route  # and the desk's
    from tests.signing.test_console import SIGNING_ROUTES  # and ký số's

    routes = {r for r in app_routes(tmp_path) if not is_console_route(*r) and not is_desk_route(*r)} - set(SIGNING_ROUTES)
    assert routes - set(MATRIX) == set(), "new route(s) without an authorisation matrix entry"
    assert set(MATRIX) - routes == set(), "matrix entries for routes that no longer exist"


@pytest.fixture
def ctx(engine: Engine, settings: Settings, world: World, client: TestClient) -> Ctx:
    return Ctx(world=world, ids=_seed(engine, settings, world), client=client)


def _check_cell(ctx: Ctx, engine: Engine, route: tuple[str, str], role: str) -> None:
    run, expected = MATRIX[route]
    with Session(engine) as s:
        before = (len(s.exec(select(StatusUpdate)).all()), [e.state for e in s.exec(select(ExtensionRequest)).all()])
    r = run(ctx, role)
    assert r.status_code == expected[role], (route, role, r.status_code, r.text[:300])
    if r.status_code == 404:  # refused: nothing changed, and nothing says why
        with Session(engine) as s:
            after = (len(s.exec(select(StatusUpdate)).all()), [e.state for e in s.exec(select(ExtensionRequest)).all()])
        assert after == before
        if not route[1].startswith("/api/"):
            assert r.text == ctx.client.get("/no/such/page").text


READS = sorted((k for k in MATRIX if k[0] == "GET"), key=lambda k: k[1])
WRITES = sorted((k for k in MATRIX if k[0] != "GET"), key=lambda k: k[1])


@pytest.mark.parametrize("route", READS, ids=lambda k: f"{k[0]} {k[1]}")
def test_matrix_read(ctx: Ctx, engine: Engine, route: tuple[str, str]) -> None:
    """Reads change nothing, so one world serves every role of the row."""
    for role in ROLES:
        _check_cell(ctx, engine, route, role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", WRITES, ids=lambda k: f"{k[0]} {k[1]}")
def test_matrix_write(ctx: Ctx, engine: Engine, route: tuple[str, str], role: str) -> None:
    """Each state-changing cell on a fresh world."""
    _check_cell(ctx, engine, route, role)


def test_other_methods_are_405(ctx: Ctx) -> None:
    for _method, template in sorted(MATRIX):
        _405(ctx, template)


def _405(ctx: Ctx, template: str) -> None:
    path = template.replace("{token}", ctx.token("officer")).replace("{oid}", str(ctx.ids["rep1"])) \
        .replace("{uid}", str(ctx.ids["uid"])).replace("{aid}", str(ctx.ids["aid"])) \
        .replace("{plan_id}", str(ctx.ids["plan"])).replace("{unit_id}", str(ctx.ids["xa1"])).replace("{rid}", str(ctx.ids["rid"])) \
        .replace("{report_id}", str(ctx.ids["report"])).replace("{fmt}", "xlsx")
    allowed = {m for m, p in MATRIX if p == template}
    for other in {"GET", "POST", "PUT", "DELETE", "PATCH"} - allowed:
        r = ctx.client.request(other, path)
        assert r.status_code == 405, (other, path, r.status_code)


def test_api_lists_only_own_units_obligations(ctx: Ctx) -> None:
    for role in ("officer", "head", "other", "focal", "issuer"):
        officer = ROLE_OFFICER[role]
        r = ctx.client.get("/api/obligations?include_closed=true", headers={"Authorization": f"Bearer {ctx.token(role)}"})
        got = {o["id"] for o in r.json()}
        with Session(ctx.client.app.state.web.engine) as s:  # type: ignore[attr-defined]
            from dondoc.models import Officer
            me = s.get(Officer, ctx.ids[officer])
            units = {o.unit_id for o in s.exec(select(Obligation).where(Obligation.id.in_(got))).all()}  # type: ignore[union-attr]
        assert units <= {me.unit_id}, (role, units)  # type: ignore[union-attr]


@pytest.mark.parametrize("oid_key", ["rep2", "task2", "rep3", "other", "spec1"])
def test_officer_cannot_touch_another_units_obligation_by_id(ctx: Ctx, engine: Engine, oid_key: str) -> None:
    """a1 (staff of xa1) against obligations of other units, and spec1 (xa1's, assigned to b1 personally)."""
    oid = ctx.ids[oid_key]
    t = ctx.token("officer")
    assert ctx.client.get(f"/t/{t}/o/{oid}").status_code == 404
    assert ctx.client.post(f"/t/{t}/o/{oid}", data={"csrf": ctx.csrf("officer"), "status": "done",
                                                   "progress": "100"}).status_code == 404
    assert ctx.client.post(f"/t/{t}/o/{oid}/extension", data={"csrf": ctx.csrf("officer"),
                                                             "requested_due": "2025-12-30"}).status_code == 404
    assert ctx.client.post(f"/api/obligations/{oid}/status", json={"status": "done", "progress": 100},
                           headers={"Authorization": f"Bearer {t}"}).status_code == 404
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate).where(StatusUpdate.obligation_id == oid)).all() == []
        assert s.exec(select(ExtensionRequest).where(ExtensionRequest.obligation_id == oid)).all() == []


def test_focal_of_another_plan_cannot_approve(ctx: Ctx, engine: Engine) -> None:
    """a3 is staff of Phòng Nội vụ, the focal unit of the other plan: not this plan's extensions."""
    t = ctx.world.tokens["a3"]
    from dondoc.collect.links import token_hash
    from dondoc.web.security import csrf_token
    token = csrf_token(ctx.client.app.state.web.key, token_hash(t))  # type: ignore[attr-defined]
    r = ctx.client.post(f"/t/{t}/focal/extensions/{ctx.ids['rid']}", data={"csrf": token, "decision": "approve"})
    assert r.status_code == 404
    with Session(engine) as s:
        assert s.get(ExtensionRequest, ctx.ids["rid"]).state == "pending"  # type: ignore[union-attr]
        assert s.get(Obligation, ctx.ids["task1"]).extended_due is None  # type: ignore[union-attr]


def test_anonymous_public_pages_show_no_data(ctx: Ctx) -> None:
    for path in PUBLIC - {"/docs/oauth2-redirect"}:
        body = ctx.client.get(path).text
        assert "Lê Văn An" not in body and "An Bình" not in body and ctx.token("officer") not in body
