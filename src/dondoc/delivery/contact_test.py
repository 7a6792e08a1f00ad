"""`dondoc notify test OFFICER`: send a test message to each of an officer's contacts and say which work."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import pendulum
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.errors import DondocError
from dondoc.models import (
    Contact,
    Delivery,
    Message,
    Officer,
    Unit,
)
from dondoc.notifications.port import (
    Notifier,
    SendResult,
    channel_of,
)
from dondoc.notifications.zalo_oauth import with_credentials
from dondoc.secrets import unseal


@dataclass
class ContactCheck:
    priority: int
    channel: str
    target: str
    status: str  # sent, transient, failed
    error: str | None


def find_officer(session: Session, ref: str) -> Officer:
    """An officer by code, else by numeric id."""
    from dondoc.errors import NotFound

    officer = session.exec(select(Officer).where(Officer.code == ref)).first()
    if officer is None and ref.strip().isdigit():
        officer = session.get(Officer, int(ref))
    if officer is None:
        raise NotFound(f"no officer with code or id {ref!r}; `dondoc directory` lists the officers")
    return officer


def send_test(*, engine: Engine, settings: Settings, notifier: Notifier, officer_ref: str,
              now: dt.datetime) -> tuple[Officer, list[ContactCheck]]:
    """Send a test message through every contact of one officer (all of them, not just the first that
    works) and record it as a Message of kind 'test' with one Delivery row per contact."""
    from dondoc.notifications.render import render_test

    notifier = with_credentials(notifier, engine=engine, settings=settings)
    with session_scope(engine) as s:
        officer = find_officer(s, officer_ref)
        unit = s.get(Unit, officer.unit_id)
        contacts = list(s.exec(select(Contact).where(Contact.officer_id == officer.id)
                               .order_by(col(Contact.priority))).all())
    local = pendulum.instance(now).in_timezone(TZ)
    checks: list[ContactCheck] = []
    rows: list[dict[str, Any]] = []
    key = f"{officer.id}:{local.date().isoformat()}:test:{uuid.uuid4().hex[:8]}"
    subject = text = html = ""
    for i, c in enumerate(contacts, start=1):
        try:
            url = unseal(c.url, settings)
        except DondocError as exc:
            res = SendResult(ok=False, error=str(exc), target="(sealed)")
            channel = c.channel or "unknown"
        else:
            channel = c.channel or channel_of(url)
            subject, text, html = render_test(officer=officer.name, unit=unit.name if unit else "", channel=channel,
                                              at=local)
            try:
                res = notifier.send(url, subject=subject, text=text, html=html, key=key)
            except Exception as exc:  # report it like any other failed channel
                res = SendResult(ok=False, error=f"notifier error: {type(exc).__name__}: {exc}",
                                 target=notifier.mask(url))
        checks.append(ContactCheck(c.priority, channel, res.target, res.status, res.error))
        rows.append({"contact_id": c.id, "channel": channel, "target": res.target, "attempt": i, "status": res.status,
                         "error": res.error, "at": now})
    if contacts:
        ok = [ch for ch in checks if ch.status == "sent"]
        with session_scope(engine) as s:
            msg = Message(key=key, officer_id=officer.id, day=local.date(), kind="test",  # type: ignore[arg-type]
                          subject=subject or "Tin nhắn thử", body_text=text, body_html=html,
                          status="sent" if ok else "dead", attempts=1, sent_at=now if ok else None,
                          channel=ok[0].channel if ok else None, created_at=now)
            s.add(msg)
            s.flush()
            s.execute(insert(Delivery), [dict(r, message_id=msg.id) for r in rows])
    return officer, checks
