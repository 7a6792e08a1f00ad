"""Staff users: create, list, disable, reset; password login with throttling; personal access tokens.

Every change and every login (success or failure) is an AuditEvent (actor `staff:<id>` or `cli`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from dondoc.errors import Forbidden, InputError, NotFound
from dondoc.models import AuditEvent, LoginAttempt, PersonalAccessToken, StaffUser, Unit
from dondoc.models.accounts import StaffRole

ROLES = tuple(r.value for r in StaffRole)
MIN_PASSWORD = 10
THROTTLE_WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5  # then the account is refused for the rest of the window
MAX_FAILURES_PER_ADDRESS = 20
TOKEN_PREFIX = "ddp_"  # tells a staff token from an officer's personal-link token at a glance


class LoginRefused(Forbidden):
    """Wrong name or password, a disabled account, or too many failures (one message for all)."""

    http_status = 401


class Throttled(Forbidden):
    http_status = 429


def _hasher():  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id with the library's current defaults


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự")
    return str(_hasher().hash(password))


def verify_password(stored: str | None, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    if not stored:
        _hasher().hash("timing-equaliser")  # same cost whether or not the account exists
        return False
    try:
        return bool(_hasher().verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


def audit(session: Session, *, actor: str, action: str, now: dt.datetime, entity: str = "staffuser",
          entity_id: int | None = None, via: str = "web", before: dict | None = None, after: dict | None = None,
          note: str | None = None) -> None:
    session.add(AuditEvent(at=now, actor=actor, via=via, action=action, entity=entity, entity_id=entity_id,
                           before=before or {}, after=after or {}, note=note))


def find_user(session: Session, name: str) -> StaffUser:
    user = session.exec(select(StaffUser).where(StaffUser.name == name)).first()
    if user is None:
        raise NotFound(f"không có tài khoản {name!r} (xem: dondoc user list)")
    return user


def _unit_id(session: Session, code: str | None) -> int | None:
    if not code:
        return None
    unit = session.exec(select(Unit).where(Unit.code == code)).first()
    if unit is None:
        raise NotFound(f"không có đơn vị mã {code!r} trong danh bạ (xem: dondoc directory)")
    return unit.id


def add_user(session: Session, *, name: str, role: str, password: str | None, now: dt.datetime,
             unit: str | None = None, full_name: str = "", actor: str = "cli", via: str = "cli",
             oidc_subject: str | None = None) -> StaffUser:
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise InputError("tên đăng nhập không được rỗng, không chứa khoảng trắng, tối đa 64 ký tự")
    if role not in ROLES:
        raise InputError(f"vai trò {role!r} không hợp lệ; chọn một trong: {', '.join(ROLES)}")
    if session.exec(select(StaffUser).where(StaffUser.name == name)).first() is not None:
        raise InputError(f"tài khoản {name!r} đã có")
    user = StaffUser(name=name, role=role, unit_id=_unit_id(session, unit), full_name=full_name,
                     password_hash=hash_password(password) if password is not None else None,
                     oidc_subject=oidc_subject, created_at=now)
    session.add(user)
    session.flush()
    audit(session, actor=actor, via=via, action="user.add", entity_id=user.id, now=now,
          after={"name": name, "role": role, "unit": unit})
    return user


def set_disabled(session: Session, *, name: str, disabled: bool, now: dt.datetime, actor: str = "cli",
                 via: str = "cli") -> StaffUser:
    user = find_user(session, name)
    before = user.disabled
    user.disabled = disabled
    session.add(user)
    if disabled:  # a disabled account's API tokens stop working at once
        for t in session.exec(select(PersonalAccessToken).where(PersonalAccessToken.user_id == user.id,
                                                                col(PersonalAccessToken.revoked_at).is_(None))).all():
            t.revoked_at = now
            session.add(t)
    audit(session, actor=actor, via=via, action="user.disable" if disabled else "user.enable", entity_id=user.id,
          now=now, before={"disabled": before}, after={"disabled": disabled})
    return user


def reset_password(session: Session, *, name: str, password: str, now: dt.datetime, actor: str = "cli",
                   via: str = "cli") -> StaffUser:
    user = find_user(session, name)
    user.password_hash = hash_password(password)
    session.add(user)
    session.exec(delete(LoginAttempt).where(col(LoginAttempt.name) == name))  # type: ignore[call-overload]
    audit(session, actor=actor, via=via, action="user.reset", entity_id=user.id, now=now)
    return user


def _failures(session: Session, column: object, value: str, since: dt.datetime) -> int:
    return int(session.exec(select(func.count()).select_from(LoginAttempt).where(
        column == value, col(LoginAttempt.at) >= since)).one())  # type: ignore[operator]


def authenticate(session: Session, *, name: str, password: str, address: str, now: dt.datetime) -> StaffUser:
    """The account for a name and password, or LoginRefused / Throttled. Failures are recorded (and
    audited) in the caller's transaction, which must commit even when this raises."""
    since = now - THROTTLE_WINDOW
    name = name.strip()[:64]
    if _failures(session, col(LoginAttempt.address), address, since) >= MAX_FAILURES_PER_ADDRESS or \
            _failures(session, col(LoginAttempt.name), name, since) >= MAX_FAILURES_PER_ACCOUNT:
        audit(session, actor=f"anon:{address}", action="login.throttled", now=now, note=name)
        raise Throttled("quá nhiều lần đăng nhập sai; hãy thử lại sau 15 phút")
    user = session.exec(select(StaffUser).where(StaffUser.name == name)).first()
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or user.disabled:
        session.add(LoginAttempt(name=name, address=address, at=now))
        audit(session, actor=f"anon:{address}", action="login.failed", now=now, note=name,
              entity_id=user.id if user else None)
        raise LoginRefused("sai tên đăng nhập hoặc mật khẩu")
    session.exec(delete(LoginAttempt).where(col(LoginAttempt.name) == name))  # type: ignore[call-overload]
    user.last_login_at = now
    session.add(user)
    audit(session, actor=f"staff:{user.id}", action="login", entity_id=user.id, now=now, after={"method": "password"})
    return user


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, *, name: str, now: dt.datetime, actor: str = "cli", via: str = "cli") -> str:
    """A new personal access token for the API; only its hash is stored, the token is shown once."""
    user = find_user(session, name)
    if user.disabled:
        raise InputError(f"tài khoản {name!r} đang bị khóa")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = PersonalAccessToken(user_id=user.id, token_hash=token_hash(token), created_at=now)  # type: ignore[arg-type]
    session.add(row)
    session.flush()
    audit(session, actor=actor, via=via, action="token.issue", entity="personalaccesstoken", entity_id=row.id, now=now,
          after={"user": name})
    return token


def revoke_tokens(session: Session, *, name: str, now: dt.datetime, actor: str = "cli", via: str = "cli") -> int:
    user = find_user(session, name)
    rows = session.exec(select(PersonalAccessToken).where(PersonalAccessToken.user_id == user.id,
                                                          col(PersonalAccessToken.revoked_at).is_(None))).all()
    for r in rows:
        r.revoked_at = now
        session.add(r)
    audit(session, actor=actor, via=via, action="token.revoke", entity_id=user.id, now=now, after={"n": len(rows)})
    return len(rows)


@dataclass
class TokenUser:
    user: StaffUser
    token: PersonalAccessToken


def user_for_token(session: Session, *, token: str) -> TokenUser | None:
    """The live staff account behind an API token, else None."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 128:
        return None
    found = session.exec(select(PersonalAccessToken, StaffUser).join(
        StaffUser, col(StaffUser.id) == col(PersonalAccessToken.user_id)).where(
        PersonalAccessToken.token_hash == token_hash(token))).first()
    if found is None or found[0].revoked_at is not None or found[1].disabled:
        return None
    return TokenUser(user=found[1], token=found[0])


def list_users(session: Session) -> list[StaffUser]:
    return list(session.exec(select(StaffUser).order_by(col(StaffUser.name))).all())
