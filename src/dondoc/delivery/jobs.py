"""The work items of a delivery sweep: a claimed message, its contacts, each attempt and the outcome."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class _Contact:
    id: int | None
    channel: str
    family: str
    url: str
    error: str | None = None  # the stored URL cannot be used (e.g. sealed with another key)


@dataclass
class _Job:
    id: int
    key: str
    officer_id: int
    day: dt.date
    kind: str
    subject: str
    text: str
    html: str
    rounds: int  # sweeps that claimed it, this one included
    claimed_at: dt.datetime
    prior_attempts: int
    contacts: list[_Contact]
    data: dict[str, str]
    attachments: list[str] = field(default_factory=list)  # paths relative to the data folder


@dataclass
class _Attempt:
    contact_id: int | None
    channel: str
    target: str
    status: str
    error: str | None
    attempt: int
    at: dt.datetime


@dataclass
class _Outcome:
    job: _Job
    attempts: list[_Attempt]
    sent_via: _Contact | None
    sent_at: dt.datetime | None
    transient: bool  # some failure was transient: worth another sweep
    files_error: bool = False  # an attached file is missing or not allowed: the message, not a contact, failed
