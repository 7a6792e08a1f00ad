"""Single sign-on against a real local OpenID provider: `oidc-provider-mock` (authlib's authorization server
in Flask) served over HTTP by werkzeug in a thread, with a registered confidential client and nonces required.

The console discovers the endpoints, sends the person to the provider with a PKCE challenge (S256), a state
and a nonce; the provider signs in the chosen subject and redirects back with a code; the console exchanges
it (client authentication, code verifier), checks the ID token against the provider's JWKS and maps the role
from the configured claim. The provider here does not enforce PKCE itself, so a recorder in front of it
checks that the verifier sent with the code hashes to the challenge sent with the authorization request."""

from __future__ import annotations

import base64
import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.models import AuditEvent, StaffUser
from dondoc.web import create_app
from dondoc.web.console.session import COOKIE

pytestmark = pytest.mark.slow

BASE = "http://127.0.0.1:8000"
CALLBACK = f"{BASE}/console/oidc/callback"
USERS = {
    # a focal officer of the province's SSO: the role comes from a group of the realm
    "lan": {"preferred_username": "lan.nguyen", "name": "Nguyễn Thị Lan", "email": "lan@tinh.gov.vn",
            "realm_access": {"roles": ["offline_access", "dondoc-theo-doi"]}},
    # a leader whose groups map to two roles: the stronger wins
    "hung": {"preferred_username": "hung", "name": "Trần Văn Hùng",
             "realm_access": {"roles": ["dondoc-van-thu", "dondoc-lanh-dao"]}},
    # a member of the province's SSO with no dondoc role
    "khach": {"preferred_username": "khach", "name": "Người Ngoài", "realm_access": {"roles": ["mail-user"]}},
}


@dataclass
class Provider:
    url: str
    client_id: str
    client_secret: str
    seen: list[tuple[str, str, dict[str, list[str]]]] = field(default_factory=list)  # method, path, params


class Recorder:
    """WSGI middleware: the query and form of every request the provider receives."""

    def __init__(self, app: Any, seen: list[tuple[str, str, dict[str, list[str]]]]) -> None:
        self.app, self.seen = app, seen

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        import io

        params = parse_qs(environ.get("QUERY_STRING", ""))
        if environ.get("REQUEST_METHOD") == "POST":
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            environ["wsgi.input"] = io.BytesIO(body)
            params.update(parse_qs(body.decode()))
        self.seen.append((environ["REQUEST_METHOD"], environ["PATH_INFO"], params))
        return self.app(environ, start_response)


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    import oidc_provider_mock
    import werkzeug.serving

    seen: list[tuple[str, str, dict[str, list[str]]]] = []
    flask_app = oidc_provider_mock.app(require_client_registration=True, require_nonce=True,
                                       user_claims=[oidc_provider_mock.User(sub=k, claims=v) for k, v in USERS.items()])
    flask_app.wsgi_app = Recorder(flask_app.wsgi_app, seen)  # type: ignore[method-assign]
    server = werkzeug.serving.make_server("localhost", 0, flask_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    url = f"http://localhost:{server.server_port}"
    try:
        r = httpx.post(f"{url}/oauth2/clients", json={"redirect_uris": [CALLBACK],
                                                       "token_endpoint_auth_method": "client_secret_basic"})
        assert r.status_code == 201, r.text
        yield Provider(url=url, client_id=r.json()["client_id"], client_secret=r.json()["client_secret"], seen=seen)
    finally:
        server.shutdown()
        thread.join(5)


@pytest.fixture
def sso(engine: Engine, settings: Settings, provider: Provider) -> Iterator[TestClient]:
    configured = settings.model_copy(update={
        "base_url": BASE, "oidc_issuer": provider.url, "oidc_client_id": provider.client_id,
        "oidc_client_secret": provider.client_secret, "oidc_role_claim": "realm_access.roles",
        "oidc_role_map": "dondoc-theo-doi=focal,dondoc-lanh-dao=leader,dondoc-van-thu=clerk"})
    with TestClient(create_app(configured, engine), base_url=BASE) as c:
        yield c


def sign_in(client: TestClient, provider: Provider, sub: str) -> httpx.Response:
    """The whole round trip: console -> provider (the person picks `sub`) -> console callback."""
    client.cookies.clear()
    page = client.get("/console/login")
    assert "/console/login/oidc" in page.text  # the SSO button is offered
    start = client.get("/console/login/oidc", follow_redirects=False)
    assert start.status_code == 303
    to_provider = start.headers["location"]
    assert to_provider.startswith(f"{provider.url}/oauth2/authorize?")  # from the discovery document
    form = httpx.get(to_provider)  # the provider's sign-in page
    assert form.status_code == 200, form.text
    back = httpx.post(to_provider, data={"sub": sub})
    assert back.status_code == 302, back.text
    location = back.headers["location"]
    assert location.startswith(CALLBACK + "?")
    parts = urlsplit(location)
    return client.get(f"{parts.path}?{parts.query}", follow_redirects=False)


def test_sso_login_maps_role_with_pkce(sso: TestClient, provider: Provider, engine: Engine) -> None:
    provider.seen.clear()
    r = sign_in(sso, provider, "lan")
    assert r.status_code == 303 and r.headers["location"] == "/console", r.text
    assert COOKIE in r.cookies
    home = sso.get("/console")
    assert home.status_code == 200 and "Nguyễn Thị Lan" in home.text and "Chuyên viên theo dõi" in home.text
    assert sso.get("/console/plans/upload").status_code == 200  # a focal officer may upload

    # PKCE: S256 challenge with the authorization request, its verifier with the code exchange.
    auth = next(p for m, path, p in provider.seen if path == "/oauth2/authorize" and m == "GET")
    token = next(p for m, path, p in provider.seen if path == "/oauth2/token")
    assert auth["code_challenge_method"] == ["S256"] and auth["response_type"] == ["code"]
    assert auth["nonce"] and auth["state"] and "openid" in auth["scope"][0].split()
    verifier = token["code_verifier"][0]
    digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    assert digest == auth["code_challenge"][0] and 43 <= len(verifier) <= 128
    assert token["grant_type"] == ["authorization_code"] and token["redirect_uri"] == [CALLBACK]

    with Session(engine) as s:
        user = s.exec(select(StaffUser).where(StaffUser.oidc_subject == f"{provider.url}|lan")).one()
        assert (user.name, user.role, user.full_name, user.password_hash) == ("lan.nguyen", "focal", "Nguyễn Thị Lan", None)
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "login", AuditEvent.entity_id == user.id)).all()

    # Signing in again finds the same account (no second one), the role refreshed from the claims.
    assert sign_in(sso, provider, "lan").status_code == 303
    r = sign_in(sso, provider, "hung")
    assert r.status_code == 303
    assert "Lãnh đạo" in sso.get("/console").text  # leader outranks clerk
    assert sso.get("/console/plans/upload").status_code == 403
    with Session(engine) as s:
        assert len(s.exec(select(StaffUser).where(StaffUser.oidc_subject == f"{provider.url}|lan")).all()) == 1


def test_sso_user_without_role_is_refused(sso: TestClient, provider: Provider, engine: Engine) -> None:
    r = sign_in(sso, provider, "khach")
    assert r.status_code == 401 and "chưa được cấp vai trò" in r.text
    assert COOKIE not in r.cookies
    assert sso.get("/console", follow_redirects=False).status_code == 303  # still anonymous
    with Session(engine) as s:
        assert s.exec(select(StaffUser)).all() == []  # no account made for them
        failed = s.exec(select(AuditEvent).where(AuditEvent.action == "login.failed")).all()
        assert any("no role" in (e.note or "") for e in failed)


def test_sso_callback_refuses_forged_state_and_codes(sso: TestClient, provider: Provider) -> None:
    sso.cookies.clear()
    start = sso.get("/console/login/oidc", follow_redirects=False)
    back = httpx.post(start.headers["location"], data={"sub": "lan"})
    query = parse_qs(urlsplit(back.headers["location"]).query)
    code, state = query["code"][0], query["state"][0]
    assert sso.get(f"/console/oidc/callback?code={code}&state=forged", follow_redirects=False).status_code == 401
    assert sso.get(f"/console/oidc/callback?code=made-up&state={state}", follow_redirects=False).status_code == 401
    # the provider's denial comes back as an error, not a session
    sso.cookies.clear()
    start = sso.get("/console/login/oidc", follow_redirects=False)
    denied = httpx.post(start.headers["location"], data={"action": "deny"})
    parts = urlsplit(denied.headers["location"])
    r = sso.get(f"{parts.path}?{parts.query}", follow_redirects=False)
    assert r.status_code == 401 and COOKIE not in r.cookies


def test_sso_lands_on_the_page_asked_for(sso: TestClient, provider: Provider) -> None:
    """The page asked for before signing in is where the person lands; never another site."""
    sso.cookies.clear()
    login = sso.get("/console/plans/upload", follow_redirects=True)
    assert "/console/login/oidc?next=/console/plans/upload" in login.text.replace("%2F", "/")
    for asked, lands in (("/console/plans/upload", "/console/plans/upload"), ("https://evil.example/", "/console")):
        start = sso.get(f"/console/login/oidc?next={asked}", follow_redirects=False)
        back = httpx.post(start.headers["location"], data={"sub": "lan"})
        parts = urlsplit(back.headers["location"])
        done = sso.get(f"{parts.path}?{parts.query}", follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == lands, done.text


def test_sso_provider_down_or_odd_state(engine: Engine, settings: Settings, provider: Provider) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    down = settings.model_copy(update={"base_url": BASE, "oidc_issuer": dead, "oidc_client_id": "dondoc"})
    with TestClient(create_app(down, engine), base_url=BASE) as client:
        r = client.get("/console/login/oidc", follow_redirects=False)
        assert r.status_code == 503 and "không trả lời" in r.text and 'name="password"' in r.text
    up = settings.model_copy(update={"base_url": BASE, "oidc_issuer": provider.url, "oidc_client_id": provider.client_id,
                                     "oidc_client_secret": provider.client_secret})
    with TestClient(create_app(up, engine), base_url=BASE) as client:
        client.get("/console/login/oidc", follow_redirects=False)
        r = client.get("/console/oidc/callback?code=x&state=%C3%A9t%C3%A1t", follow_redirects=False)
        assert r.status_code == 401  # a state that is no ASCII is refused like any other wrong state
