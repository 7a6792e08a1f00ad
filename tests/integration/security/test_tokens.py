"""Personal links: entropy, hash-only storage, expiry, revocation (CLI), constant-time checks,
the failed-attempt rate limit, and one indistinguishable 404 for every kind of bad token."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from dondoc import clock
from dondoc.collect import links
from dondoc.config import Settings
from dondoc.models import AccessToken
from dondoc.web import create_app
from tests.integration.hardening.conftest import cli
from tests.integration.web.world import World

ROOT = Path(__file__).resolve().parents[3]


def test_token_entropy_and_alphabet(world: World) -> None:
    tokens = list(world.tokens.values())
    assert len(set(tokens)) == len(tokens)
    for t in tokens:
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", t), t
        assert len(t) * 6 >= 256  # secrets.token_urlsafe(32): 256 random bits


def test_tokens_depend_on_the_secret_key(engine: Engine, settings: Settings, world: World) -> None:
    """A link made under one key does not open under another (rotation, a replaced leaked key)."""
    other = settings.model_copy(update={"secret_key": "another-key-" + "Zq8rT2vX9mK4pL7wB3nC"})
    with Session(engine) as s:
        assert links.verify(s, token=world.tokens["a1"], now=clock.now(), settings=settings) is not None
        assert links.verify(s, token=world.tokens["a1"], now=clock.now(), settings=other) is None


def _text_values(engine: Engine) -> list[tuple[str, str, str]]:
    """Every non-null value of every column of every table, as text (JSON columns included)."""
    out = []
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            for row in conn.execute(sa_select(table)):
                for c, v in zip(table.columns, row, strict=True):
                    if v is not None:
                        out.append((table.name, c.name, str(v)))
    return out


def test_only_the_hash_is_stored(engine: Engine, settings: Settings, world: World, client: TestClient) -> None:
    # use the links (last_used_at, audit) and submit once so token ids reach other tables too
    client.get(f"/t/{world.tokens['a1']}")
    values = _text_values(engine)
    assert any(t == "accesstoken" for t, _, _ in values)
    for name, token in world.tokens.items():
        leaks = [(t, c) for t, c, v in values if token in v]
        assert leaks == [], f"plaintext token of {name} stored in {leaks}"
    with Session(engine) as s:
        hashes = {r.token_hash for r in s.exec(select(AccessToken)).all()}
    assert {links.token_hash(t) for t in world.tokens.values()} <= hashes


def test_expired_token_is_404(client: TestClient, world: World, settings: Settings,
                              frozen_clock: clock.FixedClock) -> None:
    url = f"/t/{world.tokens['a2']}"
    assert client.get(url).status_code == 200
    frozen_clock.set(frozen_clock.now().add(days=settings.link_days + 1))
    r = client.get(url)
    assert r.status_code == 404 and r.text == client.get("/no/such/page").text


def test_revoke_through_the_cli(engine: Engine, settings: Settings, world: World, client: TestClient) -> None:
    url = f"/t/{world.tokens['a1']}"
    assert client.get(url).status_code == 200
    r = cli("links", "revoke", "a1", cwd=ROOT)  # in-process; tests/e2e/cli runs the command groups as processes
    assert r.code == 0, r.err
    assert client.get(url).status_code == 404
    assert client.get("/api/obligations", headers={"Authorization": f"Bearer {world.tokens['a1']}"}).status_code == 404
    assert client.get(f"/t/{world.tokens['b1']}").status_code == 200  # only that officer's link
    with Session(engine) as s:  # a new link for the officer is a different token
        fresh = links.issue_token(s, officer_id=world["a1"], settings=settings, now=clock.now())
        s.commit()
    assert fresh != world.tokens["a1"]
    assert client.get(f"/t/{fresh}").status_code == 200 and client.get(url).status_code == 404


BAD = ["0" * 43, "f" * 43, "short", "x" * 129, "a" * 200, "%00", "..%2F..%2Fetc%2Fpasswd", "' OR '1'='1",
       "%3Cscript%3E", "ＡＢＣ"]


@pytest.mark.parametrize("token", BAD)
def test_bad_token_same_404_as_unknown_path(client: TestClient, world: World, token: str) -> None:
    reference = client.get("/no/such/page")
    assert reference.status_code == 404
    for path in (f"/t/{token}", f"/t/{token}/o/{world['rep1']}", f"/t/{token}/focal/{world['plan']}",
                 f"/t/{token}/dashboard/{world['plan']}", f"/t/{token}/focal/{world['plan']}/reports/1.docx"):
        r = client.get(path)
        assert (r.status_code, r.text) == (404, reference.text), path
    if not token.isascii():
        return  # not a valid HTTP header value; the pages above are the case
    api = client.get("/api/obligations", headers={"Authorization": f"Bearer {token}"})
    assert (api.status_code, api.json()) == (404, client.get("/api/nothing").json())


def test_revoked_and_expired_look_like_unknown(engine: Engine, settings: Settings, client: TestClient,
                                               world: World) -> None:
    reference = client.get("/no/such/page").text
    with Session(engine) as s:
        links.revoke(s, officer_id=world["a1"], now=clock.now())
        s.commit()
    assert client.get(f"/t/{world.tokens['a1']}").text == reference
    assert client.get(f"/t/{world.tokens['a1']}/o/{world['rep1']}").text == reference


def test_rate_limit_then_429_for_every_route(engine: Engine, settings: Settings, world: World) -> None:
    """Over the limit every route answers a bad token with 429, and still serves a valid one (issue 18 #7)."""
    app = create_app(settings, engine)
    limiter = app.state.web.limiter
    assert limiter.max_failures <= 50  # a default exists and is small
    limiter.max_failures = 3
    bad = "Z" * 43
    with TestClient(app) as c:
        for i in range(3):
            assert c.get(f"/t/{i:043d}").status_code == 404
        for method, path in [("GET", f"/t/{bad}"), ("GET", f"/t/{bad}/focal/{world['plan']}"),
                             ("POST", f"/t/{bad}/o/{world['rep1']}"),
                             ("GET", "/api/obligations"), ("POST", f"/api/obligations/{world['rep1']}/status")]:
            r = c.request(method, path, headers={"Authorization": f"Bearer {bad}"},
                          **({"json": {"status": "done"}} if path.startswith("/api") and method == "POST" else {}))
            assert r.status_code == 429, (method, path, r.status_code)
            if path.startswith("/api"):
                assert r.headers.get("retry-after")
        assert c.get(f"/t/{world.tokens['a1']}").status_code == 200
        assert c.get("/api/obligations", headers={"Authorization": f"Bearer {world.tokens['a1']}"}).status_code == 200


def test_rate_limit_is_per_address(engine: Engine, settings: Settings, world: World) -> None:
    app = create_app(settings, engine)
    app.state.web.limiter.max_failures = 2
    with TestClient(app, client=("198.51.100.7", 5000)) as bad, TestClient(app, client=("198.51.100.8", 5000)) as good:
        for i in range(2):
            bad.get(f"/t/{i}" + "9" * 42)
        assert bad.get("/t/" + "8" * 43).status_code == 429
        assert good.get("/t/" + "7" * 43).status_code == 404
        assert bad.get(f"/t/{world.tokens['a1']}").status_code == 200  # a valid link is never locked out


def test_bearer_without_scheme_counts_as_failure(engine: Engine, settings: Settings, world: World) -> None:
    app = create_app(settings, engine)
    app.state.web.limiter.max_failures = 2
    with TestClient(app) as c:
        assert c.get("/api/obligations").status_code == 404
        assert c.get("/api/obligations", headers={"Authorization": f"Basic {world.tokens['a1']}"}).status_code == 404
        assert c.get("/api/obligations", headers={"Authorization": "Bearer nope"}).status_code == 429
        assert c.get("/api/obligations", headers={"Authorization": f"Bearer {world.tokens['a1']}"}).status_code == 200


def test_rate_limit_is_shared_by_workers_and_per_ipv6_64(engine: Engine, settings: Settings, world: World) -> None:
    """Issue 18 #7: two web workers (two apps on one database) share the count, so N workers are not
    N times looser; an IPv6 client cannot rotate out of its /64; another /64 is untouched."""
    first, second = create_app(settings, engine), create_app(settings, engine)
    for app in (first, second):
        app.state.web.limiter.max_failures = 4
    with TestClient(first, client=("2001:db8:1:2::10", 5000)) as a, \
            TestClient(second, client=("2001:db8:1:2::ffff:1", 5000)) as b, \
            TestClient(second, client=("2001:db8:1:3::10", 5000)) as other:
        # Two failures on each worker from two addresses of one /64 (tokens of different prefixes,
        # so only the network bucket reaches the limit).
        for i, c in enumerate((a, b, a, b)):
            assert c.get(f"/t/{i}{i}{i}{i}{i}{i}" + "Q" * 37).status_code == 404
        assert a.get("/t/" + "R" * 43).status_code == 429
        assert b.get("/t/" + "S" * 43).status_code == 429
        assert other.get("/t/" + "T" * 43).status_code == 404
        assert b.get(f"/t/{world.tokens['a1']}").status_code == 200  # a valid link still opens
