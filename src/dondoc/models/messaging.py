"""Follow-up decisions and their delivery.

A Notice is a decision (remind this obligation, at this level, on this day, to this officer); its
unique key makes a rerun of the same day a no-op. Notices for one officer and day are gathered into
one Message (the digest), also unique by key. A Delivery row records every attempt to send it.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from dondoc.models._base import created_field, json_list


class Notice(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("obligation_id", "kind", "level", "day", "officer_id"),)

    id: int | None = Field(default=None, primary_key=True)
    obligation_id: int = Field(foreign_key="obligation.id", index=True)
    officer_id: int = Field(foreign_key="officer.id", index=True)
    kind: str = Field(description="reminder, escalation, stale")
    level: int = Field(default=0, description="0 for reminders; the escalation rung 1, 2, 3")
    day: dt.date
    message_id: int | None = Field(default=None, foreign_key="message.id", index=True)
    created_at: dt.datetime = created_field()


class Message(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("key"), Index("ix_message_pending", "status", "next_attempt_at"))

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(description="officer:day:kind — one digest per officer and day")
    officer_id: int = Field(foreign_key="officer.id", index=True)
    day: dt.date
    kind: str = Field(description="digest, escalation, unreachable, report, test")
    subject: str
    body_text: str = Field(sa_type=Text)
    body_html: str = Field(default="", sa_type=Text)
    # Files sent with the message (paths under DONDOC_HOME), e.g. a report; the server default serves bulk
    # inserts, which skip Python-side defaults.
    attachments: list[str] = json_list(server_default=text("'[]'"))
    status: str = Field(default="pending", description="pending, sending, sent, failed (will retry), dead")
    attempts: int = 0
    next_attempt_at: Optional[dt.datetime] = None
    claimed_by: str | None = None
    claimed_at: Optional[dt.datetime] = None
    sent_at: Optional[dt.datetime] = None
    channel: str | None = Field(default=None, description="Channel that delivered it")
    late: bool = Field(default=False, description="Sent on a later day than decided (a channel was down)")
    created_at: dt.datetime = created_field()


class Delivery(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    message_id: int = Field(foreign_key="message.id", index=True)
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    channel: str
    target: str = Field(description="The URL with secrets masked")
    attempt: int = 1
    status: str = Field(description="sent, transient, failed")
    error: str | None = Field(default=None, sa_type=Text)
    at: dt.datetime = created_field()


class ChannelCredential(SQLModel, table=True):
    """A channel-level secret that changes over time, e.g. a Zalo Official Account's OAuth tokens.

    `data` is a Fernet-sealed JSON object (dondoc.secrets); refreshing it happens under a row lock so that
    two workers never spend the same single-use refresh token.
    """

    __table_args__ = (UniqueConstraint("name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(description="What contact URLs refer to, e.g. the OA name in zalooa://...?oa=NAME")
    kind: str = Field(description="zalo_oa")
    data: str = Field(sa_type=Text, description="Sealed JSON: app id, secret key, access and refresh tokens")
    expires_at: Optional[dt.datetime] = Field(default=None, description="When the access token expires")
    updated_at: dt.datetime = created_field()
