"""A desk world: the sample district plan (reporting/sample.py), staff of each role, an app client and a
way to be logged in as one of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pendulum
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from dondoc import clock
from dondoc.accounts.users import add_user, issue_token
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.web import create_app

ROLES = ("admin", "focal", "leader", "clerk")
NOW = pendulum.datetime(2025, 11, 20, 9, 0, tz=clock.TZ)


@pytest.fixture
def desk_clock() -> Iterator[clock.FixedClock]:
    fixed = clock.FixedClock(NOW)
    clock.use(fixed)
    yield fixed
    clock.use(clock.SystemClock())


@pytest.fixture
def world(engine: Engine, settings: Settings, desk_clock: clock.FixedClock) -> dict[str, Any]:
    return make_world(engine)


def make_world(engine: Engine) -> dict[str, Any]:
    from dondoc.reporting.sample import seed_sample

    out: dict[str, Any] = {"users": {}, "tokens": {}}
    with session_scope(engine) as s:
        out.update(seed_sample(s))
    with session_scope(engine) as s:
        for role in ROLES:
            user = add_user(s, name=f"{role}1", role=role, password="mat-khau-rat-dai-2025", now=clock.now())
            out["users"][role] = user.id
            out["tokens"][role] = issue_token(s, name=f"{role}1", now=clock.now())
    return out


@pytest.fixture
def client(engine: Engine, settings: Settings, world: dict[str, Any]) -> Iterator[TestClient]:
    yield from _client(engine, settings)


def _client(engine: Engine, settings: Settings) -> Iterator[TestClient]:
    s = settings.model_copy(update={"outbox": settings.home / "outbox"})
    with TestClient(create_app(s, engine), base_url="http://127.0.0.1:8000", follow_redirects=False) as c:
        yield c


def login(client: TestClient, settings: Settings, user_id: int) -> str:
    """Set a console session cookie for `user_id`; returns the CSRF value forms carry."""
    from dondoc.secrets import master_key
    from dondoc.web.console.session import COOKIE, sign
    from dondoc.web.security import csrf_token

    key = master_key(settings)
    client.cookies.set(COOKIE, sign(key, {"u": user_id, "n": "nonce-test", "t": int(clock.now().timestamp())}))
    return csrf_token(key, "nonce-test")
