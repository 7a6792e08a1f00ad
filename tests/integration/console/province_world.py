"""A small 2025 province for console tests: a province, its Sở Nội vụ, communes A and B, ward D, one focal
officer each (with a contact), a plan addressed to 'UBND các xã, phường', staff accounts and a signed-in client."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlmodel import Session

from dondoc import clock
from dondoc.accounts.users import add_user
from dondoc.db import session_scope
from dondoc.intake.store import store_plan
from tests.integration.directory.test_merge import PLAN, _directory

PASSWORD = "mat-khau-rat-dai-2025"


def build(engine: object, settings: object) -> dict[str, int]:
    """The directory, the plan stored as a draft, one staff account per role; returns unit ids and 'plan'."""
    with session_scope(engine) as s:  # type: ignore[arg-type]
        ids = _directory(s)
        ids["plan"] = store_plan(s, parsed=PLAN, source_name="kh-thu.txt", source_hash="h", settings=settings,  # type: ignore[arg-type]
                                 now=clock.now()).plan_id
        for role in ("admin", "focal", "leader", "clerk"):
            ids[f"staff:{role}"] = add_user(s, name=f"{role}1", role=role, password=PASSWORD, now=clock.now()).id  # type: ignore[assignment]
    return ids


def sign_in(client: TestClient, role: str) -> None:
    client.cookies.clear()
    login = client.get("/console/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)  # type: ignore[union-attr]
    r = client.post("/console/login", data={"name": f"{role}1", "password": PASSWORD, "csrf": csrf},
                    follow_redirects=False)
    assert r.status_code == 303, r.text[:300]


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def count(session: Session, model: object, *where: object) -> int:
    from sqlmodel import func, select

    return int(session.exec(select(func.count()).select_from(model).where(*where)).one())  # type: ignore[call-overload]
