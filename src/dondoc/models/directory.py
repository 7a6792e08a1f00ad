"""The directory: units (a tree of any depth), their officers, contacts and aliases."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from dondoc.models._base import created_field


class Unit(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, description="Stable key used in the directory file")
    name: str
    kind: str = Field(default="unit", description="province, district, commune, department, organisation, office ...")
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    external: bool = Field(default=False, description="Outside the issuer's authority: requested, never escalated")
    official_code: str | None = Field(default=None, index=True,
                                      description="Code of the national list of administrative divisions (commune/"
                                                  "ward/province code) or the agency code, where one exists")
    valid_from: Optional[dt.date] = Field(default=None, description="First day the unit exists (merged-into units)")
    valid_to: Optional[dt.date] = Field(default=None, description="Last day the unit exists (dissolved, merged away)")
    created_at: dt.datetime = created_field()


class UnitLink(SQLModel, table=True):
    """A predecessor -> successor link: a merge (several into one), a split or a rename, effective on a day."""

    __table_args__ = (UniqueConstraint("predecessor_id", "successor_id"),)

    id: int | None = Field(default=None, primary_key=True)
    predecessor_id: int = Field(foreign_key="unit.id", index=True)
    successor_id: int = Field(foreign_key="unit.id", index=True)
    effective_on: dt.date = Field(description="First day the successor stands for the predecessor")
    kind: str = Field(default="merge", description="merge, rename, split")
    created_at: dt.datetime = created_field()


class Alias(SQLModel, table=True):
    """A name under which a unit (or an officer's position) appears in plans.

    A collective alias ('UBND các xã, thị trấn') has no unit: it names unit kinds, expanded at
    resolution time relative to the plan's issuer (see dondoc.directory.resolve).
    """

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True, unique=True, description="Normalised form used for matching")
    name: str
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    kinds: str | None = Field(default=None, description="Collective: comma-separated unit kinds it expands to")
    within: str | None = Field(default=None, description="Collective: kind of the issuer's unit (or its superior) "
                               "whose child units are expanded; empty = the issuer's unit itself")
    role: str | None = Field(default=None, description="Collective: officer role targeted in each unit (head ...)")


class Officer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    name: str
    role: str = Field(default="staff", description="head, deputy, focal, staff")
    position: str | None = Field(default=None, description="Chức danh, e.g. 'Công chức Lao động - TB&XH'")
    active: bool = True
    created_at: dt.datetime = created_field()


class Contact(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("officer_id", "priority"),)

    id: int | None = Field(default=None, primary_key=True)
    officer_id: int = Field(foreign_key="officer.id", index=True)
    channel: str = Field(description="email, telegram, zalo, webhook, outbox ...")
    url: str = Field(description="apprise URL; encrypted at rest when it carries a secret")
    priority: int = Field(default=1, description="1 is tried first")


class AccessToken(SQLModel, table=True):
    """A personal link: only the SHA-256 of the token is stored."""

    id: int | None = Field(default=None, primary_key=True)
    officer_id: int = Field(foreign_key="officer.id", index=True)
    token_hash: str = Field(index=True, unique=True)
    # The random token sealed under the secret key (so reminders can carry the link) and the key's
    # fingerprint: a link made under another key (a rotated or a leaked one) is dead.
    sealed: str | None = Field(default=None, sa_type=Text)
    key_id: str | None = Field(default=None, max_length=16)
    created_at: dt.datetime = created_field()
    expires_at: dt.datetime
    revoked_at: Optional[dt.datetime] = None
    last_used_at: Optional[dt.datetime] = None
