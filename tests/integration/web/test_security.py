"""Security cases: unknown/expired/revoked tokens, other units' obligations, CSRF, escaping, headers,
rate limiting, lying attachments."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc import clock
from dondoc.collect import links
from dondoc.config import Settings
from dondoc.models import Attachment, StatusUpdate
from dondoc.web import create_app
from tests.integration.web.world import NOW, World, at

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert m
    return m.group(1)


def not_found_body(client: TestClient) -> str:
    return client.get("/t/" + "0" * 43).text


@pytest.mark.parametrize("token", ["0" * 43, "short", "x" * 200, "abc%2Fdef", "' OR 1=1 --"])
def test_wrong_token_is_plain_404(client: TestClient, world: World, token: str) -> None:
    r = client.get(f"/t/{token}")
    assert r.status_code == 404
    assert r.text == not_found_body(client)  # the same page whatever was wrong
    assert client.get(f"/t/{token}/o/{world['rep1']}").status_code == 404


def test_expired_and_revoked_tokens(client: TestClient, world: World, engine: Engine, settings: Settings,
                                    frozen_clock: clock.FixedClock) -> None:
    a1 = f"/t/{world.tokens['a1']}"
    assert client.get(a1).status_code == 200
    with Session(engine) as s:
        links.revoke(s, officer_id=world["a1"], now=NOW)
        s.commit()
    r = client.get(a1)
    assert r.status_code == 404 and r.text == not_found_body(client)
    # Expiry: a2's link lives settings.link_days days.
    at(frozen_clock, 2025, 11, 5)
    assert client.get(f"/t/{world.tokens['a2']}").status_code == 200
    frozen_clock.set(frozen_clock.now().add(days=settings.link_days + 1))
    assert client.get(f"/t/{world.tokens['a2']}").status_code == 404


@pytest.mark.parametrize("path", ["/t/{tok}/o/{other}", "/t/{tok}/o/{spec}", "/t/{tok}/o/999999", "/t/{tok}/o/abc",
                                  "/t/{tok}/o/{other}/sent/1"])
def test_other_units_obligation_is_404(client: TestClient, world: World, path: str) -> None:
    url = path.format(tok=world.tokens["a1"], other=world["rep2"], spec=world["spec1"])
    r = client.get(url)
    assert r.status_code == 404 and r.text == not_found_body(client)


def test_cannot_post_to_other_units_obligation(client: TestClient, world: World, engine: Engine) -> None:
    token = csrf(client.get(f"/t/{world.tokens['a1']}/o/{world['rep1']}").text)
    r = client.post(f"/t/{world.tokens['a1']}/o/{world['rep2']}", data={"csrf": token, "status": "done"})
    assert r.status_code == 404
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == []


@pytest.mark.parametrize("value", [None, "", "0" * 64, "forged"])
def test_csrf_required(client: TestClient, world: World, engine: Engine, value: str | None) -> None:
    data = {"status": "done"}
    if value is not None:
        data["csrf"] = value
    r = client.post(f"/t/{world.tokens['a1']}/o/{world['rep1']}", data=data)
    assert r.status_code == 403
    r = client.post(f"/t/{world.tokens['focal']}/focal/{world['plan']}/remind/{world['xa1']}", data=data)
    assert r.status_code == 403
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == []


def test_csrf_of_another_link_refused(client: TestClient, world: World) -> None:
    other = csrf(client.get(f"/t/{world.tokens['a2']}/o/{world['rep2']}").text)
    r = client.post(f"/t/{world.tokens['a1']}/o/{world['rep1']}", data={"csrf": other, "status": "done"})
    assert r.status_code == 403


def test_script_is_escaped_everywhere(client: TestClient, world: World) -> None:
    base = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    token = csrf(client.get(base).text)
    r = client.post(base, data={"csrf": token, "status": "in_progress", "result": XSS, "difficulties": XSS,
                                "proposals": XSS})
    assert r.status_code == 200
    ext = client.post(f"/t/{world.tokens['a1']}/o/{world['task1']}/extension",
                      data={"csrf": token, "requested_due": "2025-11-20", "reason": XSS})
    assert ext.status_code == 200
    bad = client.post(base, data={"csrf": token, "status": "done", "progress": "5", "result": XSS})
    assert bad.status_code == 422
    pages = [r.text, ext.text, bad.text, client.get(base).text, client.get(f"/t/{world.tokens['a1']}").text,
             client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}").text]
    for html in pages:
        assert "<script>" not in html and "<img src=x" not in html
    assert any("&lt;script&gt;" in html for html in pages[3:])
    assert "&lt;script&gt;" in pages[-1]


def test_security_headers_everywhere(client: TestClient, world: World) -> None:
    for path in ["/", f"/t/{world.tokens['a1']}", "/t/nope", "/api/obligations", "/static/style.css"]:
        h = client.get(path).headers
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"
        assert h["x-frame-options"] == "DENY"
        csp = h["content-security-policy"]
        assert "script-src" not in csp and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert client.get(f"/t/{world.tokens['a1']}").headers["cache-control"] == "no-store"


def test_no_inline_script_in_pages(client: TestClient, world: World) -> None:
    for path in [f"/t/{world.tokens['a1']}", f"/t/{world.tokens['a1']}/o/{world['rep1']}",
                 f"/t/{world.tokens['focal']}/focal/{world['plan']}", f"/t/{world.tokens['focal']}/dashboard/{world['plan']}"]:
        html = client.get(path).text
        assert "<script" not in html and " style=" not in html and "onclick" not in html


def test_rate_limit_failed_tokens(engine: Engine, settings: Settings, world: World) -> None:
    app = create_app(settings, engine)
    app.state.web.limiter.max_failures = 5
    with TestClient(app) as c:
        for _ in range(5):
            assert c.get("/t/" + "1" * 43).status_code == 404
        assert c.get("/t/" + "1" * 43).status_code == 429
        assert c.get(f"/t/{world.tokens['a1']}").status_code == 200  # a good token is never locked out
        assert c.get("/api/obligations", headers={"Authorization": "Bearer x"}).status_code == 429
        app.state.web.limiter.window = 0.0
        assert c.get("/t/" + "1" * 43).status_code == 404


@pytest.mark.parametrize("name,data", [
    ("bao-cao.pdf", b"MZ\x90\x00 this is a windows program"),
    ("anh.png", b"%PDF-1.4\n"),
    ("bang.xlsx", b"PK\x03\x04not really a zip"),
    ("run.sh", b"#!/bin/sh\necho hi\n"),
])
def test_lying_attachment_refused(client: TestClient, world: World, engine: Engine, name: str, data: bytes) -> None:
    base = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    token = csrf(client.get(base).text)
    r = client.post(base, data={"csrf": token, "status": "in_progress", "result": "kèm tệp"},
                    files=[("files", (name, data, "application/pdf"))])
    assert r.status_code == 422 and "Tệp" in r.text and "kèm tệp" in r.text
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == [] and s.exec(select(Attachment)).all() == []


def test_oversized_attachment_refused(engine: Engine, settings: Settings, world: World) -> None:
    small = settings.model_copy(update={"max_upload_mb": 1})
    with TestClient(create_app(small, engine)) as c:
        base = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
        token = csrf(c.get(base).text)
        r = c.post(base, data={"csrf": token, "status": "in_progress"},
                   files=[("files", ("big.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10), "application/pdf"))])
        assert r.status_code == 422 and "quá lớn" in r.text


def test_token_not_leaked_to_static_or_referrer(client: TestClient, world: World) -> None:
    html = client.get(f"/t/{world.tokens['a1']}").text
    # every external resource is same-origin and the page asks browsers not to send a Referer
    assert '<meta name="referrer" content="no-referrer">' in html
    assert "http://" not in html.split("<body>")[0] and "https://" not in html.split("<body>")[0]


def test_last_used_is_recorded(client: TestClient, world: World, engine: Engine) -> None:
    from dondoc.models import AccessToken
    client.get(f"/t/{world.tokens['a1']}")
    with Session(engine) as s:
        row = links.verify(s, token=world.tokens["a1"], now=NOW + dt.timedelta(minutes=1))
        assert row is not None and row.last_used_at is not None
        assert s.exec(select(AccessToken).where(AccessToken.last_used_at.is_not(None))).all()  # type: ignore[union-attr]
