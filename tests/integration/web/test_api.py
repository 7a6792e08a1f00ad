"""The JSON API: bearer token, listing, submission, errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.models import AuditEvent, Obligation, StatusUpdate
from tests.integration.web.world import World


def auth(world: World, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.tokens[who]}"}


def test_list_obligations(client: TestClient, world: World) -> None:
    r = client.get("/api/obligations", headers=auth(world, "a1"))
    assert r.status_code == 200
    items = {o["id"]: o for o in r.json()}
    assert set(items) == {world["rep1"], world["task1"], world["future"]}
    rep = items[world["rep1"]]
    assert rep["due_date"] == "2025-11-10" and rep["days_left"] == 5 and rep["status"] == "not_started"
    # the target that concerns xa1 (III.1, its task) and the plan's general ones (II.1, II.2), flagged; plan order
    assert [(t["ref"], t["general"]) for t in rep["targets"]] == [("II.1", True), ("II.2", True), ("III.1", False)]
    assert "Báo cáo kết quả" in rep["task"]


def test_post_status(client: TestClient, world: World, engine: Engine) -> None:
    body = {"status": "in_progress", "progress": 70, "result": "Đạt 73 lao động",
            "figures": {"II.1": 73}, "difficulties": "", "proposals": "Tăng kinh phí"}
    r = client.post(f"/api/obligations/{world['rep1']}/status", json=body, headers=auth(world, "a1"))
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["status"] == "in_progress" and out["progress"] == 70 and out["figures"] == {"t-vieclam": 73.0}
    assert out["late"] is False
    with Session(engine) as s:
        assert s.get(Obligation, world["rep1"]).progress == 70  # type: ignore[union-attr]
        u = s.exec(select(StatusUpdate)).one()
        assert u.via == "api"
        ev = s.exec(select(AuditEvent)).one()
        assert ev.via == "api" and ev.token_id is not None


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer " + "0" * 43}, {"Authorization": "Basic abc"},
                                     {"Authorization": "Bearer"}])
def test_bad_bearer_is_404(client: TestClient, world: World, headers: dict[str, str]) -> None:
    assert client.get("/api/obligations", headers=headers).status_code == 404
    r = client.post(f"/api/obligations/{world['rep1']}/status", json={"status": "done"}, headers=headers)
    assert r.status_code == 404 and r.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("target", ["rep2", "spec1", "other"])
def test_other_units_obligation_via_api_is_404(client: TestClient, world: World, engine: Engine, target: str) -> None:
    r = client.post(f"/api/obligations/{world[target]}/status", json={"status": "done"}, headers=auth(world, "a1"))
    assert r.status_code == 404 and r.json() == {"detail": "Not Found"}
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == []


@pytest.mark.parametrize("body,fragment", [
    ({"status": "xong"}, "Tình trạng không hợp lệ"),
    ({"status": "done", "progress": 150}, "less than or equal"),
    ({"status": "in_progress", "figures": {"II.7": 1}}, "không có chỉ tiêu"),
    ({}, "status"),
])
def test_invalid_body_is_422(client: TestClient, world: World, body: dict, fragment: str) -> None:
    r = client.post(f"/api/obligations/{world['rep1']}/status", json=body, headers=auth(world, "a1"))
    assert r.status_code == 422 and fragment in r.text


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/obligations" in spec["paths"] and "/api/obligations/{oid}/status" in spec["paths"]
    assert not any(p.startswith("/t/") for p in spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_cli_client_header_does_not_set_via(client: TestClient, world: World, engine: Engine) -> None:
    """The audit's `via` comes from what the server knows: a caller claiming to be the CLI is still the API."""
    h = auth(world, "a1") | {"X-Dondoc-Client": "cli"}
    assert client.post(f"/api/obligations/{world['rep1']}/status", json={"status": "done"}, headers=h).status_code == 200
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).one().via == "api"
