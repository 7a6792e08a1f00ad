"""Zalo OA access tokens: refreshed through Zalo's OAuth v4 endpoint under a row lock, and a Notifier wrapper that puts the current token into zalooa:// URLs and refreshes once when a send is refused for the token."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import httpx
import pendulum
from sqlalchemy.engine import Engine

from dondoc import clock
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.errors import DondocError
from dondoc.notifications.credentials import (
    DEFAULT_LIFETIME,
    CredentialError,
    _aware,
    _data,
    _fix_hint,
    _load,
    log,
    oa_name,
    oauth_base,
)
from dondoc.notifications.port import Notifier, SendResult
from dondoc.secrets import seal

OAUTH_PATH = "/v4/oa/access_token"


REFRESH_MARGIN = dt.timedelta(hours=1)  # refresh when the access token expires within this




HTTP_TIMEOUT = 15.0  # seconds; below the SQLite busy timeout (30 s) that other writers wait on the lock


# Zalo error codes meaning "this access token is not (or no longer) valid". Assumed from Zalo's published
# error tables, not verified against the live API: -216 (OA API: access token invalid), -220 (OA API:
# access token expired or revoked), -124 (ZNS / social API: access token invalid or expired). Any of
# them makes the sender refresh once and retry once; other codes are ordinary failures.
TOKEN_ERRORS = frozenset({-216, -220, -124})


_ZALO_ERROR = re.compile(r"zalo_error=(-?\d+)")


@dataclass(frozen=True)
class Token:
    value: str
    expires_at: pendulum.DateTime | None
    refreshed: bool = False  # this call refreshed it (a Zalo OAuth request was made)


def _call_oauth(*, base: str, app_id: str, secret_key: str, refresh_token: str, name: str) -> dict[str, Any]:
    """One refresh request. Raises CredentialError (transient for network trouble and HTTP 5xx/429)."""
    url = f"{base}{OAUTH_PATH}"
    try:
        r = httpx.post(url, headers={"secret_key": secret_key},
                       data={"app_id": app_id, "grant_type": "refresh_token", "refresh_token": refresh_token},
                       timeout=HTTP_TIMEOUT)
    except httpx.HTTPError as exc:
        raise CredentialError(f"không kết nối được máy chủ OAuth của Zalo để làm mới token của OA {name!r} "
                              f"({type(exc).__name__}); sẽ thử lại sau", transient=True) from exc
    if r.status_code >= 500 or r.status_code in (408, 429):
        raise CredentialError(f"máy chủ OAuth của Zalo trả lời HTTP {r.status_code} khi làm mới token của OA "
                              f"{name!r}; sẽ thử lại sau", transient=True)
    try:
        reply = r.json()
    except ValueError:
        reply = None
    if not isinstance(reply, dict):
        raise CredentialError(f"máy chủ OAuth của Zalo trả lời HTTP {r.status_code} không phải JSON khi làm mới "
                              f"token của OA {name!r}; sẽ thử lại sau", transient=True)
    return reply


def _refused(reply: Mapping[str, Any], secrets: list[str]) -> str:
    parts = [str(reply.get(k)) for k in ("error", "error_name", "error_description", "error_reason")
             if reply.get(k) not in (None, "")]
    text = " ".join(parts)[:300] or "không có access_token trong câu trả lời"
    for secret in secrets:
        text = text.replace(secret, "****")
    return text


def access_token(*, engine: Engine, settings: Settings, name: str, now: dt.datetime | None = None,
                 stale: str | None = None, force: bool = False, margin: dt.timedelta = REFRESH_MARGIN,
                 base: str | None = None) -> Token:
    """A usable access token of OA `name`, refreshing it (once, under the row lock) when it expires
    within `margin`, when it equals `stale` (Zalo just refused it), or when `force` is set.

    Raises CredentialError: `transient` for a network failure or a Zalo server error (the refresh
    token is still good); permanent when Zalo refused the refresh (the operator must act)."""
    now = pendulum.instance(now) if now is not None else clock.now()
    base = (base or oauth_base(settings)).rstrip("/")
    failure: CredentialError | None = None
    token: Token | None = None
    with session_scope(engine) as s:
        row = _load(s, name, lock=True)
        data = _data(row, settings)
        current = data.get("access_token") or ""
        expires = _aware(row.expires_at)
        usable = bool(current) and (expires is None or expires - now > margin) and current != stale
        if usable and not force:
            return Token(current, expires)
        if data.get("refresh_error") and not force:
            if current and current != stale and expires is not None and expires > now:
                return Token(current, expires)  # still valid: use it while it lasts
            raise CredentialError(f"token của OA {name!r} hết hạn và refresh token đã bị Zalo từ chối "
                                  f"({data['refresh_error']}): {_fix_hint(name)}")
        # A transient failure raises out of here: nothing recorded, the rollback releases the lock.
        reply = _call_oauth(base=base, app_id=str(data.get("app_id", "")), secret_key=str(data.get("secret_key", "")),
                            refresh_token=str(data.get("refresh_token", "")), name=name)
        new_access, new_refresh = reply.get("access_token"), reply.get("refresh_token")
        if reply.get("error") not in (None, 0, "0") or not new_access:
            reason = _refused(reply, [str(data.get(k, "")) for k in ("secret_key", "refresh_token")
                                      if data.get(k)])
            data["refresh_error"] = f"{reason} (lúc {now.in_timezone(clock.TZ).format('HH:mm DD/MM/YYYY')})"
            row.data, row.updated_at = seal(json.dumps(data, ensure_ascii=False), settings), now
            s.add(row)
            failure = CredentialError(f"Zalo từ chối làm mới token của OA {name!r}: {reason}. Refresh token đã "
                                      f"hết hạn hoặc bị thu hồi: {_fix_hint(name)}")
            log.error("refresh of Zalo OA %r refused: %s", name, reason)
        else:
            try:
                lifetime = dt.timedelta(seconds=int(str(reply.get("expires_in") or 0)))
            except ValueError:
                lifetime = dt.timedelta(0)
            data["access_token"] = str(new_access)
            if new_refresh:
                data["refresh_token"] = str(new_refresh)
            data.pop("refresh_error", None)
            expires_at = now + (lifetime if lifetime.total_seconds() > 0 else DEFAULT_LIFETIME)
            row.data, row.expires_at, row.updated_at = (seal(json.dumps(data, ensure_ascii=False), settings),
                                                        expires_at, now)
            s.add(row)
            log.info("Zalo OA %r: access token refreshed, valid until %s", name, expires_at.isoformat())
            token = Token(str(new_access), expires_at, refreshed=True)
    # Committed (the new refresh token, or the refusal) before anything uses the result.
    if failure is not None or token is None:
        raise failure or CredentialError(f"OA {name!r}: no token")
    return token




def with_token(url: str, token: str) -> str:
    """`scheme://TARGET?oa=NAME&x=y` -> `scheme://TOKEN@TARGET?x=y` (the form the channel plugins send with)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "oa"]
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, f"{quote(token, safe='')}@{netloc}", parts.path, urlencode(query),
                       parts.fragment))


def token_rejected(result: SendResult) -> bool:
    """Zalo answered that the access token is invalid or expired (see TOKEN_ERRORS)."""
    m = _ZALO_ERROR.search(result.error or "")
    return m is not None and int(m.group(1)) in TOKEN_ERRORS


class CredentialNotifier:
    """A Notifier that fills in stored OA tokens, then sends through `inner`.

    Tokens are cached per process (one database read per OA while the token is fresh, not one per
    message); a per-OA lock makes the threads of one sweep wait for a single refresh."""

    def __init__(self, inner: Notifier, *, engine: Engine, settings: Settings, margin: dt.timedelta = REFRESH_MARGIN,
                 base: str | None = None) -> None:
        self.inner = inner
        self.engine = engine
        self.settings = settings
        self.margin = margin
        self.base = base
        self._tokens: dict[str, Token] = {}
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def mask(self, url: str) -> str:
        return self.inner.mask(url)

    def _token(self, name: str, *, stale: str | None = None) -> Token:
        with self._guard:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            cached = self._tokens.get(name)
            now = clock.now()
            if (cached is not None and cached.value != stale and cached.expires_at is not None
                    and cached.expires_at - now > self.margin):
                return cached
            token = access_token(engine=self.engine, settings=self.settings, name=name, now=now, stale=stale,
                                 margin=self.margin, base=self.base)
            self._tokens[name] = token
            return token

    def send(self, url: str, *, subject: str, text: str, html: str = "", key: str = "",
             data: Mapping[str, str] | None = None, **kw: Any) -> SendResult:
        name = oa_name(url)
        if name is None:
            return self.inner.send(url, subject=subject, text=text, html=html, key=key, data=data, **kw)
        target = self.inner.mask(url)  # no token in it: safe for the Delivery row
        try:
            token = self._token(name)
        except DondocError as exc:
            return SendResult(ok=False, transient=getattr(exc, "transient", False), error=str(exc), target=target)
        res = self.inner.send(with_token(url, token.value), subject=subject, text=text, html=html, key=key, data=data,
                              **kw)
        if not res.ok and token_rejected(res):
            log.warning("Zalo refused the access token of OA %r; refreshing once and sending again", name)
            try:
                token = self._token(name, stale=token.value)
            except DondocError as exc:
                return SendResult(ok=False, transient=getattr(exc, "transient", False), target=target,
                                  error=f"{res.error} | {exc}")
            res = self.inner.send(with_token(url, token.value), subject=subject, text=text, html=html, key=key,
                                  data=data, **kw)
        return replace(res, target=target)


def with_credentials(notifier: Notifier, *, engine: Engine, settings: Settings) -> Notifier:
    """`notifier` able to send to `?oa=NAME` contacts. Not wrapped twice; not wrapped when every message
    goes to an outbox folder instead (settings.outbox: a demo or dry run never spends a refresh token)."""
    if isinstance(notifier, CredentialNotifier) or settings.outbox:
        return notifier
    return CredentialNotifier(notifier, engine=engine, settings=settings)
