"""Personal links: an unguessable token per officer that opens their status page without a password.

The token is HMAC-SHA256(master key, officer id, serial): 256 bits no one can guess without the key,
re-derivable so that every reminder can carry the link, while the database stores only its SHA-256
(a stolen database gives no working link). Revoking marks the row revoked; the next link for the
officer uses a new serial, so the old token stays dead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Iterable

import pendulum
from sqlmodel import Session, col, func, select

from dondoc.config import Settings
from dondoc.models import AccessToken
from dondoc.secrets import master_key


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _derive(settings: Settings, officer_id: int, serial: int) -> str:
    mac = hmac.new(master_key(settings), f"dondoc-link:{officer_id}:{serial}".encode(), hashlib.sha256)
    return mac.hexdigest()[:43]  # 172 bits of the MAC, URL-safe


def _live(row: AccessToken, now: dt.datetime) -> bool:
    return row.revoked_at is None and row.expires_at > now


def issue_token(session: Session, *, officer_id: int, settings: Settings, now: dt.datetime) -> str:
    """The officer's current token; a new one when none is live. The caller commits."""
    rows = session.exec(select(AccessToken).where(AccessToken.officer_id == officer_id)
                        .order_by(AccessToken.id)).all()  # type: ignore[arg-type]
    for serial, row in enumerate(rows):
        if _live(row, now):
            token = _derive(settings, officer_id, serial)
            if hmac.compare_digest(token_hash(token), row.token_hash):
                return token
    serial = len(rows)
    token = _derive(settings, officer_id, serial)
    session.add(AccessToken(officer_id=officer_id, token_hash=token_hash(token), created_at=now,
                            expires_at=pendulum.instance(now).add(days=settings.link_days)))
    session.flush()
    return token


def link_for(session: Session, *, officer_id: int, settings: Settings, now: dt.datetime) -> str:
    return f"{settings.base_url.rstrip('/')}/t/{issue_token(session, officer_id=officer_id, settings=settings, now=now)}"


def links_for(session: Session, *, officer_ids: Iterable[int], settings: Settings,
              now: dt.datetime) -> dict[int, str]:
    """`link_for` for many officers at once (a day's digests): one query for the tokens, one bulk
    insert for the officers who have no live token yet. Same tokens as `link_for` would give."""
    ids = sorted(set(officer_ids))
    rows: dict[int, list[AccessToken]] = {i: [] for i in ids}
    for start in range(0, len(ids), 2000):
        chunk = ids[start:start + 2000]
        for row in session.exec(select(AccessToken).where(col(AccessToken.officer_id).in_(chunk))
                                .order_by(col(AccessToken.id))).all():
            rows[row.officer_id].append(row)
    base = settings.base_url.rstrip("/")
    out: dict[int, str] = {}
    fresh: list[AccessToken] = []
    expires = pendulum.instance(now).add(days=settings.link_days)
    for officer_id in ids:
        token = None
        for serial, row in enumerate(rows[officer_id]):
            if _live(row, now):
                candidate = _derive(settings, officer_id, serial)
                if hmac.compare_digest(token_hash(candidate), row.token_hash):
                    token = candidate
                    break
        if token is None:
            token = _derive(settings, officer_id, len(rows[officer_id]))
            fresh.append(AccessToken(officer_id=officer_id, token_hash=token_hash(token), created_at=now,
                                     expires_at=expires))
        out[officer_id] = f"{base}/t/{token}"
    if fresh:
        session.add_all(fresh)
        session.flush()
    return out


def verify(session: Session, *, token: str, now: dt.datetime) -> AccessToken | None:
    """The live token row for `token`, else None (unknown, expired or revoked: the caller says 404)."""
    if not token or len(token) > 128:
        return None
    row = session.exec(select(AccessToken).where(AccessToken.token_hash == token_hash(token))).first()
    if row is None or not _live(row, now):
        return None
    return row


def revoke(session: Session, *, officer_id: int, now: dt.datetime) -> int:
    rows = session.exec(select(AccessToken).where(AccessToken.officer_id == officer_id,
                                                  AccessToken.revoked_at.is_(None))).all()  # type: ignore[union-attr]
    for row in rows:
        row.revoked_at = now
        session.add(row)
    return len(rows)


def count_live(session: Session, *, now: dt.datetime) -> int:
    return session.exec(select(func.count()).select_from(AccessToken).where(
        AccessToken.revoked_at.is_(None), AccessToken.expires_at > now)).one()  # type: ignore[union-attr]
