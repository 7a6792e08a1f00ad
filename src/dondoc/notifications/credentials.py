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
once and sends once more. Logs, errors and Delivery rows only ever show the URL without the token."""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pendulum
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.errors import DondocError, InputError, NotFound
from dondoc.models import ChannelCredential
from dondoc.notifications.port import scheme_of
from dondoc.secrets import seal, unseal

log = logging.getLogger(__name__)


ZALO_OA = "zalo_oa"


ZALO_OAUTH_DEFAULT = "https://oauth.zaloapp.com"


OA_SCHEMES = ("zalooa", "zns")


class CredentialError(DondocError):
    """A channel credential that cannot give a token: missing, or its refresh failed."""

    exit_code = 5

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


def oauth_base(settings: Settings) -> str:
    return (settings.zalo_oauth_base or ZALO_OAUTH_DEFAULT).rstrip("/")


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


DEFAULT_LIFETIME = dt.timedelta(hours=25)  # assumed for a hand-entered access token without --expires-in


def oa_name(url: str) -> str | None:
    """NAME of a contact URL `zalooa://USER?oa=NAME` / `zns://PHONE?oa=NAME&...`, else None."""
    if scheme_of(url) not in OA_SCHEMES or "oa=" not in url:
        return None
    for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if k == "oa" and v.strip():
            return v.strip()
    return None
