"""Channel credentials that refresh themselves: the OAuth tokens of a Zalo Official Account (OA).

Zalo OA OAuth v4. An access token lives ~25 hours; the refresh token lives ~3 months and is single-use:
each refresh (POST {DONDOC_ZALO_OAUTH_BASE}/v4/oa/access_token, header `secret_key`, form `app_id`,
`grant_type=refresh_token`, `refresh_token`) answers a new access token *and* a new refresh token
(`expires_in` in seconds, as a string), or `error` / `error_name` / `error_description`.

Storage. One ChannelCredential row per OA (kind `zalo_oa`); `data` is sealed JSON (dondoc.secrets) with
app_id, secret_key, access_token, refresh_token, and `refresh_error` once a refresh was refused (the
refresh token is then dead: nothing calls Zalo with it again until an operator stores a new one with
`dondoc zalo set`). `expires_at` is when the access token expires.

Refreshing, exactly once. `access_token()` reads the row under a lock (SELECT ... FOR UPDATE on
PostgreSQL; on SQLite every transaction is BEGIN IMMEDIATE, see dondoc.db) and refreshes only when the
stored token expires within REFRESH_MARGIN or is the very token Zalo just refused; the new pair is
committed before the access token is handed out. A second worker waiting on the lock then finds the new
token and uses it: the same refresh token is never spent twice. The one gap that cannot be closed: a
process killed after Zalo answered the refresh and before the commit loses the new refresh token (Zalo
has already invalidated the old one); the next refresh then fails and says how to recover.

Sending. `CredentialNotifier` wraps the real Notifier: a contact URL `zalooa://USER?oa=NAME` (or
`zns://PHONE?oa=NAME&template=...`) gets the OA's fresh access token put in (`zalooa://TOKEN@USER`)
just for the send; when Zalo answers that the token is invalid or expired (TOKEN_ERRORS) it refreshes
once and sends once more. Logs, errors and Delivery rows only ever show the URL without the token.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import httpx
import pendulum
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc import clock
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.errors import DondocError, InputError, NotFound
from dondoc.models import ChannelCredential
from dondoc.notifications.port import Notifier, SendResult, scheme_of
from dondoc.secrets import seal, unseal

log = logging.getLogger(__name__)

ZALO_OA = "zalo_oa"
ZALO_OAUTH_DEFAULT = "https://oauth.zaloapp.com"
OAUTH_PATH = "/v4/oa/access_token"
REFRESH_MARGIN = dt.timedelta(hours=1)  # refresh when the access token expires within this
DEFAULT_LIFETIME = dt.timedelta(hours=25)  # assumed for a hand-entered access token without --expires-in
HTTP_TIMEOUT = 15.0  # seconds; below the SQLite busy timeout (30 s) that other writers wait on the lock
OA_SCHEMES = ("zalooa", "zns")

# Zalo error codes meaning "this access token is not (or no longer) valid". Assumed from Zalo's published
# error tables, not verified against the live API: -216 (OA API: access token invalid), -220 (OA API:
# access token expired or revoked), -124 (ZNS / social API: access token invalid or expired). Any of
# them makes the sender refresh once and retry once; other codes are ordinary failures.
TOKEN_ERRORS = frozenset({-216, -220, -124})
_ZALO_ERROR = re.compile(r"zalo_error=(-?\d+)")


class CredentialError(DondocError):
    """A channel credential that cannot give a token: missing, or its refresh failed."""

    exit_code = 5

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


def oauth_base() -> str:
    """Zalo's OAuth server (DONDOC_ZALO_OAUTH_BASE; tests and staging point it at a local server)."""
    return (os.environ.get("DONDOC_ZALO_OAUTH_BASE") or ZALO_OAUTH_DEFAULT).rstrip("/")


def _aware(value: dt.datetime | None) -> pendulum.DateTime | None:
    if value is None:
        return None
    if value.tzinfo is None:  # defensive: the column type is aware, a hand-edited row may not be
        value = value.replace(tzinfo=dt.UTC)
    return pendulum.instance(value)


def mask_secret(value: str | None) -> str:
    """'****' plus the last 4 characters (enough to tell two tokens apart, useless to an attacker)."""
    if not value:
        return "(không có)"
    return "****" + value[-4:] if len(value) > 12 else "****"


def _fix_hint(name: str) -> str:
    return (f"cấp lại refresh token cho OA {name!r} (Zalo for Developers → API Explorer → OA access token) "
            f"rồi chạy `dondoc zalo set {name}` và dán token mới khi được hỏi (hoặc dòng refresh_token=... "
            "qua stdin)")


# ============================================================================ storage


@dataclass
class OAView:
    """What `dondoc zalo show` prints: no secret in full."""

    name: str
    app_id: str
    access_token: str  # masked
    refresh_token: str  # masked
    expires_at: pendulum.DateTime | None
    updated_at: pendulum.DateTime | None
    refresh_error: str | None


def _load(session: Session, name: str, *, lock: bool) -> ChannelCredential:
    q = select(ChannelCredential).where(ChannelCredential.name == name)
    if lock and session.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    row = session.exec(q).first()
    if row is None:
        raise NotFound(f"chưa có OA Zalo tên {name!r}: thêm bằng `dondoc zalo set {name} --app-id ...` "
                       "(secret key và refresh token nhập khi được hỏi)")
    if row.kind != ZALO_OA:
        raise InputError(f"thông tin xác thực {name!r} thuộc loại {row.kind!r}, không phải OA Zalo ({ZALO_OA})")
    return row


def _data(row: ChannelCredential, settings: Settings) -> dict[str, Any]:
    raw = unseal(row.data, settings)
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise CredentialError(f"dữ liệu của OA {row.name!r} bị hỏng (không phải JSON): {_fix_hint(row.name)}") from exc
    return data if isinstance(data, dict) else {}


def set_zalo_oa(session: Session, *, settings: Settings, name: str, now: dt.datetime, app_id: str | None = None,
                secret_key: str | None = None, refresh_token: str | None = None, access_token: str | None = None,
                expires_in: int | None = None) -> ChannelCredential:
    """Create or update an OA credential. Values not given keep their stored value (re-issuing only the
    refresh token is the common case); a new refresh token clears a recorded refresh failure. The caller
    commits."""
    name = name.strip()
    if not name or "&" in name or "?" in name or "#" in name:
        raise InputError(f"tên OA {name!r} không dùng được: cần một tên không rỗng, không chứa & ? #")
    row = session.exec(select(ChannelCredential).where(ChannelCredential.name == name)).first()
    if row is not None and row.kind != ZALO_OA:
        raise InputError(f"tên {name!r} đã dùng cho loại {row.kind!r}")
    data: dict[str, Any] = _data(row, settings) if row is not None else {}
    for key, value in (("app_id", app_id), ("secret_key", secret_key), ("refresh_token", refresh_token),
                       ("access_token", access_token)):
        if value is not None and value.strip():
            data[key] = value.strip()
    missing = [k for k in ("app_id", "secret_key", "refresh_token") if not data.get(k)]
    if missing:
        what = ", ".join(missing)
        raise InputError(f"OA {name!r}: thiếu {what} (app_id: --app-id; secret_key, refresh_token: nhập khi được "
                         "hỏi, dòng KHÓA=GIÁ_TRỊ qua stdin, hoặc biến DONDOC_ZALO_SECRET_KEY / "
                         "DONDOC_ZALO_REFRESH_TOKEN)")
    if refresh_token:
        data.pop("refresh_error", None)
    at = pendulum.instance(now)
    if access_token:
        expires_at: dt.datetime | None = at + (dt.timedelta(seconds=expires_in) if expires_in else DEFAULT_LIFETIME)
    elif row is not None and data.get("access_token"):
        expires_at = row.expires_at
    else:
        expires_at = None  # no access token yet: the first send refreshes
    sealed = seal(json.dumps(data, ensure_ascii=False), settings)
    if row is None:
        row = ChannelCredential(name=name, kind=ZALO_OA, data=sealed, expires_at=expires_at, updated_at=at)
    else:
        row.data, row.expires_at, row.updated_at = sealed, expires_at, at
    session.add(row)
    session.flush()
    return row


def oa_references(session: Session, *, settings: Settings) -> dict[str, int]:
    """How many contacts name each OA (`?oa=NAME`), so `dondoc zalo show` can point out names no credential
    answers to. Contact URLs are sealed: each is opened in memory, nothing is written or printed."""
    from dondoc.models import Contact

    counts: dict[str, int] = {}
    for (url,) in session.execute(select(Contact.url)).all():
        try:
            name = oa_name(unseal(url, settings))
        except DondocError:
            continue
        if name:
            counts[name] = counts.get(name, 0) + 1
    return counts


def list_zalo_oa(session: Session, *, settings: Settings) -> list[OAView]:
    out = []
    for row in session.exec(select(ChannelCredential).where(ChannelCredential.kind == ZALO_OA)
                            .order_by(ChannelCredential.name)).all():
        try:
            data = _data(row, settings)
        except DondocError as exc:
            data = {"refresh_error": str(exc)}
        out.append(OAView(name=row.name, app_id=str(data.get("app_id", "")),
                          access_token=mask_secret(data.get("access_token")),
                          refresh_token=mask_secret(data.get("refresh_token")),
                          expires_at=_aware(row.expires_at), updated_at=_aware(row.updated_at),
                          refresh_error=data.get("refresh_error")))
    return out


# ============================================================================ refresh


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
    base = (base or oauth_base()).rstrip("/")
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


# ============================================================================ the notifier


def oa_name(url: str) -> str | None:
    """NAME of a contact URL `zalooa://USER?oa=NAME` / `zns://PHONE?oa=NAME&...`, else None."""
    if scheme_of(url) not in OA_SCHEMES or "oa=" not in url:
        return None
    for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if k == "oa" and v.strip():
            return v.strip()
    return None


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
