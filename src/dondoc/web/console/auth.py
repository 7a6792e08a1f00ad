"""Console login (local accounts with a password, OpenID Connect, logout) and the staff APIs' bearer token."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from dondoc import clock
from dondoc.accounts.users import LoginRefused, Throttled, authenticate, user_for_token
from dondoc.models import StaffUser
from dondoc.web.console.session import (
    PRE_COOKIE,
    current_staff,
    new_session,
    page,
    read,
    redirect,
    set_cookie,
    sign,
    unsign,
)
from dondoc.web.security import csrf_ok, csrf_token

STAFF_PAGES = ("/console", "/so-theo-doi", "/tong-quan", "/cho-xu-ly", "/bao-cao")


def staff_from_token(web: Any, authorization: str | None, *roles: str) -> StaffUser:
    """The staff account behind `Authorization: Bearer <personal access token>` (`dondoc user token NAME`),
    detached from the session: 401 without a valid staff token (an officer's personal-link token is not
    one), 403 when the account's role is not among `roles`. The one resolution of the staff APIs
    (web/console/api.py, web/console/ledger.py)."""
    token = (authorization or "").removeprefix("Bearer ").strip()
    with read(web) as s:
        found = user_for_token(s, token=token) if token else None
        if found is None:
            raise HTTPException(401, "cần mã truy cập cá nhân của cán bộ (Authorization: Bearer ...)",
                                headers={"WWW-Authenticate": "Bearer"})
        user = found.user
        s.expunge(user)
    if user.role not in roles:
        raise HTTPException(403, "tài khoản không có quyền dùng chức năng này")
    return user


def _safe_next(value: str | None) -> str:
    """Only a staff page of this site (never another site: no open redirect); a shared ledger link opened
    before logging in comes back to the ledger with its filters."""
    if (value and value.startswith(STAFF_PAGES) and not value.startswith("//") and "\\" not in value
            and "://" not in value):
        return value
    return "/console"


def make_router(web: Any) -> APIRouter:
    # Long on purpose: the list of this area's routes, each a small handler sharing the router's dependencies.
    router = APIRouter(prefix="/console", include_in_schema=False)

    def address(request: Request) -> str:
        return str(web.client_ip(request))

    def login_page(request: Request, error: str = "", status_code: int = 200, next_url: str = "/console") -> Response:
        nonce = secrets.token_urlsafe(18)
        resp = page(web, request, None, "console/login.html", status_code, title="Đăng nhập", error=error,
                    login_csrf=csrf_token(web.key, "login:" + nonce), next_url=_safe_next(next_url),
                    oidc=bool(web.settings.oidc_issuer))
        set_cookie(resp, request, web.settings.base_url, PRE_COOKIE, sign(web.key, {"n": nonce}), 1800)
        return resp

    @router.get("/login")
    def login_form(request: Request, next: str = "/console") -> Response:
        return login_page(request, next_url=next)

    @router.post("/login")
    def login(request: Request, name: str = Form(""), password: str = Form(""), csrf: str = Form(""),
              next: str = Form("/console")) -> Response:
        pre = unsign(web.key, request.cookies.get(PRE_COOKIE)) or {}
        if not csrf_ok(web.key, "login:" + str(pre.get("n") or ""), csrf) or not pre.get("n"):
            return login_page(request, "Biểu mẫu đăng nhập đã hết hiệu lực, hãy nhập lại.", 403, next)
        try:
            with web.write() as s:
                try:
                    user = authenticate(s, name=name, password=password, address=address(request), now=clock.now())
                except (LoginRefused, Throttled) as exc:
                    s.commit()  # the failure is recorded (throttling, audit) even though login fails
                    raise exc
                s.expunge(user)
        except Throttled as exc:
            return login_page(request, str(exc), 429, next)
        except LoginRefused as exc:
            return login_page(request, str(exc), 401, next)
        resp = RedirectResponse(_safe_next(next), status_code=303)
        new_session(web, request, resp, user)
        return resp

    @router.post("/logout")
    def logout(request: Request, csrf: str = Form("")) -> Response:
        with read(web) as s:
            staff = current_staff(web, s, request)
        if staff is not None and csrf_ok(web.key, staff.nonce, csrf):
            with web.write() as s:
                from dondoc.accounts.users import audit

                audit(s, actor=f"staff:{staff.user.id}", action="logout", entity_id=staff.user.id, now=clock.now())
        resp = RedirectResponse("/console/login", status_code=303)
        resp.delete_cookie("dondoc_staff", path="/")
        return resp

    @router.get("/login/oidc")
    def oidc_start(request: Request, next: str = "/console") -> Response:
        from dondoc.accounts import oidc

        cfg = oidc.OidcConfig.from_settings(web.settings)
        if cfg is None:
            raise HTTPException(404)
        try:
            url, pending = oidc.start(cfg, redirect_uri=_callback(web))
        except LoginRefused as exc:  # the provider is down: say so, offer the local login
            return login_page(request, str(exc), exc.http_status, next)
        resp = RedirectResponse(url, status_code=303)
        set_cookie(resp, request, web.settings.base_url, PRE_COOKIE,
                   sign(web.key, {"s": pending.state, "o": pending.nonce, "v": pending.verifier,
                                  "x": _safe_next(next)}), 600)
        return resp

    @router.get("/oidc/callback")
    def oidc_callback(request: Request, code: str = "", state: str = "", error: str = "") -> Response:
        from dondoc.accounts import oidc

        cfg = oidc.OidcConfig.from_settings(web.settings)
        if cfg is None:
            raise HTTPException(404)
        pre = unsign(web.key, request.cookies.get(PRE_COOKIE)) or {}
        expected = str(pre.get("s") or "")
        if error or not code or not expected or not secrets.compare_digest(expected.encode(), state.encode()):
            return login_page(request, "Đăng nhập một lần không thành công, hãy thử lại.", 401)
        try:
            claims = oidc.finish(cfg, code=code, redirect_uri=_callback(web),
                                 pending=oidc.Pending(state=expected, nonce=str(pre.get("o")),
                                                      verifier=str(pre.get("v"))))
            with web.write() as s:
                try:
                    user = oidc.login_with_claims(s, cfg=cfg, claims=claims, now=clock.now(),
                                                  address=address(request))
                except LoginRefused:
                    s.commit()
                    raise
                s.expunge(user)
        except LoginRefused as exc:
            resp = login_page(request, str(exc), exc.http_status)
            return resp
        resp = redirect(web, request, None, _safe_next(str(pre.get("x") or "/console")))
        new_session(web, request, resp, user)
        return resp

    return router


def _callback(web: Any) -> str:
    return f"{web.settings.base_url.rstrip('/')}/console/oidc/callback"
