"""Limits enforced before anything is buffered, and a last line of defence for errors (pure ASGI).

- A request that sends a body (POST...) to /t/{token}/... or /api/... has its token checked first:
  an unknown token never gets its body read (a 300 MB upload with a bad token costs nothing). Pages
  get the app's uniform 404 (the body is replaced by an empty one); the API a JSON 404.
- The body is capped while it is received, chunked or not: multipart (the status form's files) at
  MAX_FILES x max_upload_mb + 1 MB, anything else (JSON, url-encoded forms) at MAX_BODY. Over the cap
  the request ends with 413, whatever Content-Length said.
- An id in the path beyond what the database holds (int32 on PostgreSQL) is a 404, not a 500.
- Any unhandled error becomes a short Vietnamese 500 page (security headers added by SecurityHeaders,
  which wraps this middleware); the traceback goes to the log only.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

import anyio.to_thread
from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, JSONResponse
from sqlmodel import select
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from dondoc.web.app import Web

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # JSON and url-encoded forms: 3 texts of 20,000 characters fit many times over
MAX_FILES = 10  # files on the status form (web/officer.py)
MAX_ID = 2**31 - 1  # PostgreSQL `integer`; SQLite holds more but no id gets there
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

ERROR_500 = ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lỗi hệ thống</title>"
             "<meta name=\"referrer\" content=\"no-referrer\"></head><body><h1>Lỗi hệ thống</h1>"
             "<p>Hệ thống gặp lỗi khi xử lý yêu cầu. Hãy thử lại sau ít phút; nếu lỗi còn, báo quản trị hệ thống."
             "</p></body></html>")


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        mb = max(1, limit // (1024 * 1024))
        super().__init__(413, f"Dữ liệu gửi lên quá lớn (tối đa {mb} MB).")


def body_limit(settings: Any, content_type: str) -> int:
    if content_type.startswith("multipart/"):
        return (settings.max_upload_mb * MAX_FILES + 1) * 1024 * 1024
    return MAX_BODY


def file_limit(settings: Any) -> int:
    """Bytes kept of one uploaded file: one more than allowed, so the form can say which file is too big."""
    return settings.max_upload_mb * 1024 * 1024 + 1


def _token_of(scope: Scope) -> tuple[str | None, bool]:
    """(token presented, is an API call) for a request that needs a token; (None, False) otherwise."""
    path: str = scope.get("path", "")
    if path.startswith("/t/"):
        return path.split("/")[2], False
    if path.startswith("/api/"):
        for k, v in scope.get("headers", []):
            if k == b"authorization":
                scheme, _, token = v.decode("latin-1").partition(" ")
                return (token.strip() if scheme.lower() == "bearer" else ""), True
        return "", True
    return None, False


def _staff_token_live(web: Web, token: str) -> bool:
    """A staff member's personal access token (the staff API: plans, items, activation)."""
    from dondoc.accounts.users import user_for_token

    with web.read() as s:
        return user_for_token(s, token=token) is not None


def token_live(web: Web, token: str) -> bool:
    """The check `Web.viewer` makes (known, live, this key's, active officer), without touching the row."""
    from dondoc.collect.links import token_hash
    from dondoc.models import AccessToken, Officer

    if not token or len(token) > 128:
        return False
    now = web.now()
    with web.read() as s:
        found = s.exec(select(AccessToken.expires_at, AccessToken.revoked_at, AccessToken.key_id, Officer.active)
                       .join(Officer, Officer.id == AccessToken.officer_id)
                       .where(AccessToken.token_hash == token_hash(token))).first()
    if found is None:
        return _staff_token_live(web, token)
    expires_at, revoked_at, key, active = found
    expires = expires_at if expires_at.tzinfo else expires_at.replace(tzinfo=dt.UTC)
    return bool(active) and revoked_at is None and expires > now and key == web.key_id


class Limits:
    def __init__(self, app: ASGIApp, web: Web) -> None:
        self.app = app
        self.web = web

    def _not_found(self, api: bool) -> Any:
        if api:
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        return self.web.render("error.html", 404, title="Không tìm thấy", message="Không tìm thấy trang này.",
                               officer=None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self._handle(scope, receive, send_tracked)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), _safe_path(scope))
            if not started:
                api = scope.get("path", "").startswith("/api/")
                response = JSONResponse({"detail": "Lỗi hệ thống, hãy thử lại sau."}, status_code=500) if api \
                    else HTMLResponse(ERROR_500, status_code=500)
                await response(scope, receive, send)

    async def _handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        token, api = _token_of(scope)
        parts = path.split("/")
        if path.startswith("/t/"):
            parts = parts[3:]  # the token is not an id (a bad one goes to the viewer, which counts it)
        if any(p.isdigit() and p.isascii() and int(p) > MAX_ID for p in parts):
            await self._not_found(api or path.startswith("/api/"))(scope, receive, send)
            return
        if scope.get("method") not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        # Only POST routes take a body; other methods get their 405 from the router without it being read.
        if token is not None and scope.get("method") == "POST" and _has_route(scope) and not await anyio.to_thread.run_sync(token_live, self.web, token):
            # Never read the body of a request whose token is bad (the page path counts the failure).
            if api:
                ip = (scope.get("client") or ("?",))[0]
                if await anyio.to_thread.run_sync(self.web.limiter.blocked, ip, token):
                    await JSONResponse({"detail": "Too Many Requests"}, status_code=429,
                                       headers={"Retry-After": "600"})(scope, receive, send)
                    return
                await anyio.to_thread.run_sync(self.web.limiter.fail, ip, token)
                await self._not_found(True)(scope, receive, send)
                return

            async def empty() -> Message:
                return {"type": "http.request", "body": b"", "more_body": False}

            await self.app(scope, empty, send)
            return
        limit = body_limit(self.web.settings, headers.get(b"content-type", b"").decode("latin-1").lower())
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await self._too_large(scope, receive, send, api, limit)
            return
        received = 0

        async def capped() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, capped, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, api: bool, limit: int) -> None:
        exc = BodyTooLarge(limit)
        if api:
            response: Any = JSONResponse({"detail": exc.detail}, status_code=413)
        else:
            response = self.web.render("error.html", 413, title="Tệp quá lớn", message=exc.detail, officer=None)
        response.headers["connection"] = "close"
        await response(scope, receive, send)


def _has_route(scope: Scope) -> bool:
    """Does a route take this method on this path? (Otherwise the router answers 404/405 unread.)"""
    app = scope.get("app")
    for route in getattr(getattr(app, "router", None), "routes", []):
        match, _ = route.matches(scope)
        if match == Match.FULL:
            return True
    return False


def _safe_path(scope: Scope) -> str:
    """The path without the personal token (logs never hold a live link)."""
    parts = scope.get("path", "").split("/")
    if len(parts) > 2 and parts[1] == "t":
        parts[2] = "…"
    return "/".join(parts)


def install(app: FastAPI, web: Web) -> None:
    """Wire the limits (called by create_app before SecurityHeaders, so that every response it makes,
    500s included, gets the security headers)."""
    app.add_middleware(Limits, web=web)
