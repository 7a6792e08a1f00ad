"""The staff APIs (/api/plans..., /api/ledger) resolve their bearer token in one place
(web/console/auth.staff_from_token): the same answers for a missing, wrong or officer's token, and the
role check of each route on top."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc import clock
from dondoc.collect.links import issue_token as officer_token
from dondoc.config import Settings
from dondoc.models import Officer
from tests.integration.console.conftest import Staff, bearer

ROUTES = [("GET", "/api/ledger"), ("GET", "/api/plans/{plan}"), ("PATCH", "/api/plans/{plan}/items/1")]


def _call(c: TestClient, method: str, path: str, plan: int, headers: dict[str, str]) -> tuple[int, str, str | None]:
    r = c.request(method, path.format(plan=plan), headers=headers, **({"json": {}} if method == "PATCH" else {}))
    return r.status_code, r.json().get("detail", ""), r.headers.get("www-authenticate")


def test_bad_tokens_get_the_same_401_everywhere(app_client: TestClient, staff: Staff, world_plan: int,
                                                engine: Engine, settings: Settings) -> None:
    with Session(engine) as s:
        officer = s.exec(select(Officer)).first()
        link = officer_token(s, officer_id=officer.id, settings=settings, now=clock.now())  # type: ignore[union-attr,arg-type]
        s.commit()
    for headers in ({}, bearer("sai-ma"), {"Authorization": staff.tokens["admin"]}, bearer(link)):
        answers = {_call(app_client, m, p, world_plan, headers) for m, p in ROUTES}
        assert len(answers) == 1, (headers, answers)
        status, detail, challenge = answers.pop()
        if headers.get("Authorization") == staff.tokens["admin"]:  # a bare token (no scheme) is accepted
            assert status != 401
            continue
        assert (status, challenge) == (401, "Bearer") and "mã truy cập cá nhân" in detail, headers


@pytest.mark.parametrize("role", ["admin", "focal", "leader", "clerk"])
def test_role_checked_per_route(app_client: TestClient, staff: Staff, world_plan: int, role: str) -> None:
    headers = bearer(staff.tokens[role])
    assert _call(app_client, "GET", "/api/ledger", world_plan, headers)[0] == 200
    assert _call(app_client, "GET", "/api/plans/{plan}", world_plan, headers)[0] == 200
    status, detail, _ = _call(app_client, "PATCH", "/api/plans/{plan}/items/1", world_plan, headers)
    if role in ("leader", "clerk"):
        assert (status, detail) == (403, "tài khoản không có quyền dùng chức năng này")
    else:
        assert status != 403


def test_one_place_resolves_staff_tokens() -> None:
    from pathlib import Path

    import dondoc.web

    web = Path(dondoc.web.__file__).parent
    callers = sorted(str(p.relative_to(web)) for p in web.rglob("*.py") if "user_for_token(" in p.read_text())
    # limits.py only asks whether a POST's token exists before reading its body (no 401/403 there).
    assert callers == ["console/auth.py", "limits.py"]
