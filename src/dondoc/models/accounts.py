"""Staff accounts (the console's users), their personal access tokens and failed-login throttling.

Unit officers never get an account: they keep their personal links (models.directory.AccessToken).
What staff do is audited in records.AuditEvent (actor `staff:<id>`)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Optional

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from dondoc.models._base import created_field


class StaffRole(StrEnum):
    admin = "admin"  # accounts, directory, settings
    focal = "focal"  # chuyên viên theo dõi: imports, reviews and follows plans
    leader = "leader"  # lãnh đạo: sees everything, decides extensions
    clerk = "clerk"  # văn thư: uploads plans


STAFF_ROLE_LABELS = {
    "admin": "Quản trị",
    "focal": "Chuyên viên theo dõi",
    "leader": "Lãnh đạo",
    "clerk": "Văn thư",
}


class StaffUser(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, description="Login name (local) or the OIDC subject's username")
    full_name: str = ""
    role: str = Field(default="clerk", description="admin, focal, leader, clerk")
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    password_hash: str | None = Field(default=None, description="argon2id; None for single-sign-on accounts")
    oidc_subject: str | None = Field(default=None, index=True, description="issuer|sub of an OIDC account")
    disabled: bool = False
    created_at: dt.datetime = created_field()
    last_login_at: Optional[dt.datetime] = None


class PersonalAccessToken(SQLModel, table=True):
    """A staff member's API token: only its SHA-256 is stored; revocable."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="staffuser.id", index=True)
    token_hash: str = Field(index=True, unique=True)
    created_at: dt.datetime = created_field()
    revoked_at: Optional[dt.datetime] = None
    last_used_at: Optional[dt.datetime] = None


class LoginAttempt(SQLModel, table=True):
    """A failed login: counted per account and per address over a window (shared by every worker)."""

    __table_args__ = (Index("ix_loginattempt_name_at", "name", "at"), Index("ix_loginattempt_address_at", "address", "at"))

    id: int | None = Field(default=None, primary_key=True)
    name: str
    address: str
    at: dt.datetime = created_field()
