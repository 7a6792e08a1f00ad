"""Console sessions: a signed cookie (HttpOnly, SameSite=Lax, Secure behind TLS) holding the account id,
a CSRF nonce and the time of the last request; idle sessions end after Settings.session_idle_minutes.

The cookie is re-signed on each page (sliding idle timeout). A disabled account is refused on its next
request. CSRF: every form carries HMAC(key, nonce) (web.security.csrf_token) and every POST checks it."""

from __future__ import annotations

import contextlib
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from dondoc import clock
from dondoc.models import StaffUser, Unit
from dondoc.web.security import csrf_ok, csrf_token

COOKIE = "dondoc_staff"
PRE_COOKIE = "dondoc_pre"  # the login form's CSRF nonce and the OIDC state, before there is a session
REFRESH_AFTER = 60  # seconds: the cookie is re-signed at most once a minute


class LoginRequired(Exception):
    """Anonymous (or expired) on a console page: redirect to the login page."""

    def __init__(self, next_url: str = "/console") -> None:
        self.next_url = next_url


@dataclass
class Staff:
    user: StaffUser
    unit: Unit | None
    nonce: str
    csrf: str
    refresh: str | None = None  # a re-signed cookie value to send back

    @property
    def role(self) -> str:
        return self.user.role

    def can(self, *roles: str) -> bool:
        return self.user.role in roles


def _serializer(key: bytes) -> Any:
    from itsdangerous import URLSafeSerializer

    return URLSafeSerializer(key, salt="dondoc-console-session")


def sign(key: bytes, data: dict[str, Any]) -> str:
    return str(_serializer(key).dumps(data))


def unsign(key: bytes, value: str | None) -> dict[str, Any] | None:
    from itsdangerous import BadSignature

    if not value or len(value) > 4096:
        return None
    try:
        data = _serializer(key).loads(value)
    except BadSignature:
        return None
    return data if isinstance(data, dict) else None


def secure(request: Request, base_url: str) -> bool:
    return request.url.scheme == "https" or base_url.startswith("https://")


def set_cookie(response: Response, request: Request, base_url: str, name: str, value: str, max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="lax", path="/",
                        secure=secure(request, base_url))


def new_session(web: Any, request: Request, response: Response, user: StaffUser) -> None:
    data = {"u": user.id, "n": secrets.token_urlsafe(18), "t": int(clock.now().timestamp())}
    set_cookie(response, request, web.settings.base_url, COOKIE, sign(web.key, data),
               web.settings.session_idle_minutes * 60)
    response.delete_cookie(PRE_COOKIE, path="/")


def current_staff(web: Any, session: Session, request: Request) -> Staff | None:
    data = unsign(web.key, request.cookies.get(COOKIE))
    if data is None or not isinstance(data.get("u"), int) or not isinstance(data.get("n"), str):
        return None
    now = int(clock.now().timestamp())
    last = int(data.get("t") or 0)
    if now - last > web.settings.session_idle_minutes * 60 or last > now + 300:
        return None
    user = session.get(StaffUser, data["u"])
    if user is None or user.disabled:
        return None
    unit = session.get(Unit, user.unit_id) if user.unit_id else None
    # Detached, loaded: the page's read session is rolled back (which would expire them) long before use.
    session.expunge(user)
    if unit is not None:
        session.expunge(unit)
    refresh = sign(web.key, {**data, "t": now}) if now - last >= REFRESH_AFTER else None
    return Staff(user=user, unit=unit, nonce=data["n"], csrf=csrf_token(web.key, data["n"]), refresh=refresh)


def require(web: Any, session: Session, request: Request, *roles: str) -> Staff:
    staff = current_staff(web, session, request)
    if staff is None:  # back to this page after logging in, filters included (a shared ledger link)
        raise LoginRequired(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    if roles and staff.role not in roles:
        raise HTTPException(403, "Tài khoản của bạn không có quyền dùng chức năng này.")
    return staff


def check_csrf(web: Any, staff: Staff, value: Any) -> None:
    from dondoc.web.errors import BadCsrf

    if not csrf_ok(web.key, staff.nonce, value if isinstance(value, str) else None):
        raise BadCsrf()


def finish(web: Any, request: Request, staff: Staff | None, response: Response) -> Response:
    """Attach the re-signed session cookie (sliding idle timeout) to a console response."""
    if staff is not None and staff.refresh:
        set_cookie(response, request, web.settings.base_url, COOKIE, staff.refresh,
                   web.settings.session_idle_minutes * 60)
    response.headers["cache-control"] = "no-store"
    return response


def page(web: Any, request: Request, staff: Staff | None, name: str, status_code: int = 200,
         **ctx: Any) -> Response:
    html = web.env.get_template(name).render(staff=staff, csrf=staff.csrf if staff else "", **ctx)
    return finish(web, request, staff, HTMLResponse(html, status_code=status_code))


def redirect(web: Any, request: Request, staff: Staff | None, url: str) -> Response:
    return finish(web, request, staff, RedirectResponse(url, status_code=303))


def monotonic() -> float:
    return time.perf_counter()


@contextlib.contextmanager
def read(web: Any) -> Iterator[Session]:
    """web.read(), with the rows loaded left usable after it (detached, not expired by its rollback)."""
    with web.read() as s:
        try:
            yield s
        finally:
            s.expunge_all()
