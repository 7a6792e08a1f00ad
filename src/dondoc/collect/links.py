"""Personal links: an unguessable token per officer that opens their status page without a password.

The token is random (secrets.token_urlsafe, 256 bits), derived from nothing an attacker could know.
The database stores its SHA-256 (the lookup) and the token sealed under the secret key (so every
reminder can carry the link), with the key's fingerprint: a stolen database without the key gives no
working link, and a link made under another key (after `dondoc key rotate`, or a leaked key replaced)
is dead. Revoking marks the row revoked; the next link for the officer is a new random token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Iterable

import pendulum
from cryptography.fernet import InvalidToken
from sqlmodel import Session, col, func, select, update

from dondoc.config import Settings
from dondoc.models import AccessToken
from dondoc.secrets import fernet_for, key_id, master_key

_PURPOSE = b"dondoc-links:"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 43 characters of [A-Za-z0-9_-]


class _Keys:
    """The current key's fingerprint and sealer (read once per call, not per officer)."""

    def __init__(self, settings: Settings) -> None:
        key = master_key(settings)
        self.id = key_id(key)
        self.fernet = fernet_for(key, _PURPOSE)

    def open(self, row: AccessToken) -> str | None:
        """The token of a row made under this key whose seal opens to a token of that hash, else None."""
        if row.key_id != self.id or not row.sealed:
            return None
        try:
            token = self.fernet.decrypt(row.sealed.encode()).decode()
        except InvalidToken:
            return None
        return token if _matches(token, row) else None

    def make(self, officer_id: int, now: dt.datetime, expires: dt.datetime) -> tuple[str, AccessToken]:
        token = new_token()
        return token, AccessToken(officer_id=officer_id, token_hash=token_hash(token), created_at=now,
                                  expires_at=expires, sealed=self.fernet.encrypt(token.encode()).decode(),
                                  key_id=self.id)


def _matches(token: str, row: AccessToken) -> bool:
    """Does `token` belong to `row` (constant-time comparison of the hashes)?"""
    return hmac.compare_digest(token_hash(token), row.token_hash)


def _live(row: AccessToken, now: dt.datetime) -> bool:
    return row.revoked_at is None and _aware(row.expires_at) > now


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def issue_token(session: Session, *, officer_id: int, settings: Settings, now: dt.datetime) -> str:
    """The officer's current token; a new random one when none is live. The caller commits."""
    return _issue(session, officer_ids=[officer_id], settings=settings, now=now)[officer_id]


def _issue(session: Session, *, officer_ids: list[int], settings: Settings, now: dt.datetime) -> dict[int, str]:
    keys = _Keys(settings)
    rows: dict[int, list[AccessToken]] = {i: [] for i in officer_ids}
    for start in range(0, len(officer_ids), 2000):
        chunk = officer_ids[start:start + 2000]
        for row in session.exec(select(AccessToken).where(col(AccessToken.officer_id).in_(chunk),
                                                          col(AccessToken.revoked_at).is_(None))
                                .order_by(col(AccessToken.id))).all():
            rows[row.officer_id].append(row)
    out: dict[int, str] = {}
    fresh: list[AccessToken] = []
    stale: list[int] = []
    expires = pendulum.instance(now).add(days=settings.link_days)
    for officer_id in officer_ids:
        token = None
        for row in rows[officer_id]:
            if _live(row, now) and (token := keys.open(row)) is not None:
                break
            if row.key_id != keys.id:
                stale.append(row.id)  # type: ignore[arg-type]  # made under another key: revoke it
        if token is None:
            token, row = keys.make(officer_id, now, expires)
            fresh.append(row)
        out[officer_id] = token
    if stale:
        session.execute(update(AccessToken).where(col(AccessToken.id).in_(stale)).values(revoked_at=now))
    if fresh:
        session.add_all(fresh)
        session.flush()
    return out


def link_for(session: Session, *, officer_id: int, settings: Settings, now: dt.datetime) -> str:
    return f"{settings.base_url.rstrip('/')}/t/{issue_token(session, officer_id=officer_id, settings=settings, now=now)}"


def links_for(session: Session, *, officer_ids: Iterable[int], settings: Settings,
              now: dt.datetime) -> dict[int, str]:
    """`link_for` for many officers at once (a day's digests): one query for the tokens, one bulk
    insert for the officers who have no live token yet. Same tokens as `link_for` would give."""
    ids = sorted(set(officer_ids))
    base = settings.base_url.rstrip("/")
    tokens = _issue(session, officer_ids=ids, settings=settings, now=now)
    return {i: f"{base}/t/{tokens[i]}" for i in ids}


def verify(session: Session, *, token: str, now: dt.datetime, settings: Settings | None = None) -> AccessToken | None:
    """The live token row for `token`, else None (unknown, expired, revoked, or made under another key:
    the caller says 404). Without `settings` the key check is skipped (tools that only read the row)."""
    if not token or len(token) > 128:
        return None
    row = session.exec(select(AccessToken).where(AccessToken.token_hash == token_hash(token))).first()
    if row is None or not _live(row, now):
        return None
    if settings is not None and row.key_id != key_id(master_key(settings)):
        return None
    return row


def revoke(session: Session, *, officer_id: int, now: dt.datetime) -> int:
    rows = session.exec(select(AccessToken).where(AccessToken.officer_id == officer_id,
                                                  AccessToken.revoked_at.is_(None))).all()  # type: ignore[union-attr]
    for row in rows:
        row.revoked_at = now
        session.add(row)
    return len(rows)


def revoke_all(session: Session, *, now: dt.datetime, officer_ids: Iterable[int] | None = None) -> int:
    """Revoke every live link (or those of `officer_ids`): `dondoc links --rotate`, `dondoc key rotate`."""
    stmt = update(AccessToken).where(col(AccessToken.revoked_at).is_(None)).values(revoked_at=now)
    if officer_ids is not None:
        stmt = stmt.where(col(AccessToken.officer_id).in_(list(officer_ids)))
    return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


def count_live(session: Session, *, now: dt.datetime) -> int:
    return session.exec(select(func.count()).select_from(AccessToken).where(
        AccessToken.revoked_at.is_(None), AccessToken.expires_at > now)).one()  # type: ignore[union-attr]


# Stored messages never hold a live link: their bodies carry this placeholder where the recipient's
# token goes, and the sender puts the token in at send time (delivery/outbox.py). '~' is outside the
# tokens' alphabet, and survives HTML escaping and URL-safe rendering unchanged.
PLACEHOLDER = "~lien-ket~"


def stored_link(session: Session, *, officer_id: int, settings: Settings, now: dt.datetime) -> str:
    """What a message body stores for the officer's personal link (a live token is made sure to exist)."""
    issue_token(session, officer_id=officer_id, settings=settings, now=now)
    return f"{settings.base_url.rstrip('/')}/t/{PLACEHOLDER}"


def stored_links(session: Session, *, officer_ids: Iterable[int], settings: Settings,
                 now: dt.datetime) -> dict[int, str]:
    ids = sorted(set(officer_ids))
    _issue(session, officer_ids=ids, settings=settings, now=now)
    base = settings.base_url.rstrip("/")
    return dict.fromkeys(ids, f"{base}/t/{PLACEHOLDER}")


def fill(text: str, token: str) -> str:
    """A stored body with the recipient's token in place of the placeholder."""
    return text.replace(f"/t/{PLACEHOLDER}", f"/t/{token}")
