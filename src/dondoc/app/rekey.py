"""Key rotation: every sealed secret (contact URLs, channel credentials) re-sealed under a new key in one
transaction, every personal link revoked (the next reminder carries a new one), the new key file put in
place only after the database committed."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import select

from dondoc.collect.links import revoke_all
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.errors import ConfigError
from dondoc.models import AuditEvent, ChannelCredential, Contact
from dondoc.secrets import check_key, key_id, key_path, master_key, new_key, reseal, write_key_file


@dataclass
class Rotated:
    key_file: Path
    contacts: int
    credentials: int
    links_revoked: int
    old_key_file: Path | None


def rotate_key(*, engine: Engine, settings: Settings, now: dt.datetime, to: Path | None = None,
               key: bytes | None = None) -> Rotated:
    """Re-seal every secret under a new random key written to `to` (default: the current key file, the old
    one kept next to it as .old). With DONDOC_SECRET_KEY set, `to` is required: put its content in the
    environment afterwards (and remove DONDOC_SECRET_KEY to use the file)."""
    old = master_key(settings)
    new = check_key(key or new_key(), source="new key")
    if settings.secret_key and to is None:
        raise ConfigError("the key comes from DONDOC_SECRET_KEY: give --to FILE for the new key, then point "
                          "DONDOC_KEY_FILE at it and remove DONDOC_SECRET_KEY")
    target = Path(to) if to else key_path(settings)
    staged = target.with_name(target.name + ".new")
    write_key_file(staged, new)  # on disk before the database changes: a crash loses no key
    with session_scope(engine) as s:
        contacts = s.exec(select(Contact)).all()
        for c in contacts:
            c.url = reseal(c.url, old=old, new=new)
            s.add(c)
        creds = s.exec(select(ChannelCredential)).all()
        for cr in creds:
            cr.data = reseal(cr.data, old=old, new=new)
            s.add(cr)
        revoked = revoke_all(s, now=now)
        s.add(AuditEvent(at=now, actor="cli", via="cli", action="key.rotate", entity="key", before={"key": key_id(old)},
                         after={"key": key_id(new), "contacts": len(contacts), "credentials": len(creds),
                                "links_revoked": revoked}))
    previous = None
    if target.exists():
        previous = target.with_name(target.name + ".old")
        os.replace(target, previous)
    os.replace(staged, target)
    return Rotated(target, len(contacts), len(creds), revoked, previous)
