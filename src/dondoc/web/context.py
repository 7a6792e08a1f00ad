"""What every request handler shares: settings, engines, templates, key, limiter (`Web`, one per app),
and the officer behind a personal link (`Viewer`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc import clock
from dondoc.collect import links
from dondoc.collect.submit import local_day
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.models import AccessToken, Officer, Unit
from dondoc.secrets import key_id, master_key
from dondoc.web.errors import BadCsrf, NotFoundPage, TooManyAttempts
from dondoc.web.ratelimit import DbFailureLimiter
from dondoc.web.render import make_env
from dondoc.web.security import csrf_ok, csrf_token

log = logging.getLogger(__name__)
TOUCH_EVERY = dt.timedelta(hours=1)
# Request handlers run in a thread pool. The work is CPU-bound Python (ORM, templates): a few threads
# serve a burst faster and more fairly (first come, first served) than anyio's default forty, which
# would all fight for the GIL and stretch every request.
THREADS = 8


@dataclass
class Viewer:
    token: str
    token_row: AccessToken
    officer: Officer
    unit: Unit
    csrf: str

    @property
    def base(self) -> str:
        return f"/t/{self.token}"


class Web:
    """What the route modules share: settings, engines, templates, key, limiter.

    On SQLite every transaction of the shared engine is BEGIN IMMEDIATE (db.py), which would make each
    page view take the database's write lock, and concurrent requests then wait in SQLite's busy handler
    (sleeps of up to 100 ms). Pages therefore read through a second engine whose reads take no lock (WAL
    readers never block), and writes from this process queue on a lock instead of the busy handler."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self.env = make_env()
        self.key = master_key(settings)  # refuses to start without a strong key
        self.key_id = key_id(self.key)
        if engine.url.get_backend_name() == "sqlite":
            self.read_engine = _sqlite_reader(engine)
            self._write_lock: Any = threading.Lock()
        else:
            self.read_engine = engine
            self._write_lock = contextlib.nullcontext()
        self.limiter = DbFailureLimiter(self)  # shared by every worker; never limits a valid link
        self._cache: dict[Any, tuple[float, Any]] = {}

    def cached(self, key: Any, ttl: float, compute: Callable[[], Any]) -> Any:
        """A per-process value kept `ttl` seconds (lists every page repeats: the ledger's plans and units
        for its filter dropdowns). Read-only values only: threads share them."""
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit is not None and now - hit[0] < ttl:
            return hit[1]
        value = compute()
        self._cache[key] = (now, value)
        return value

    def now(self) -> dt.datetime:
        return clock.now()

    def today(self) -> dt.date:
        return local_day(self.now())

    def render(self, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(**ctx)
        return HTMLResponse(html, status_code=status_code)

    def client_ip(self, request: Request) -> str:
        return request.client.host if request.client else "?"

    def viewer(self, session: Session, request: Request, token: str) -> Viewer:
        """The officer behind a personal token, or NotFoundPage (rate-limited per client address)."""
        ip = self.client_ip(request)
        now = self.now()
        found = None
        if token and len(token) <= 128:
            # One query for token, officer and unit (links.verify's rule: known, not revoked, not expired).
            found = session.exec(select(AccessToken, Officer, Unit).join(Officer, Officer.id == AccessToken.officer_id)
                                 .join(Unit, Unit.id == Officer.unit_id)
                                 .where(AccessToken.token_hash == links.token_hash(token))).first()
        if found is None or found[0].revoked_at is not None or _aware(found[0].expires_at) <= now or \
                not found[1].active or found[0].key_id != self.key_id:
            if self.limiter.blocked(ip, token):  # only bad tokens are limited: a valid link always opens
                raise TooManyAttempts()
            self.limiter.fail(ip, token, session=session)
            raise NotFoundPage()
        row, officer, unit = found
        if row.last_used_at is None or now - _aware(row.last_used_at) > TOUCH_EVERY:
            if session.info.get("readonly"):
                self._touch(row.id, now)  # type: ignore[arg-type]
            else:
                row.last_used_at = now
                session.add(row)
        return Viewer(token=token, token_row=row, officer=officer, unit=unit,
                      csrf=csrf_token(self.key, row.token_hash))

    def check_csrf(self, viewer: Viewer, value: Any) -> None:
        if not csrf_ok(self.key, viewer.token_row.token_hash, value if isinstance(value, str) else None):
            raise BadCsrf()

    def _touch(self, token_id: int, now: dt.datetime) -> None:
        """Record when a link was last used (at most hourly, so page views stay reads)."""
        with self.write() as s:
            s.execute(update(AccessToken).where(AccessToken.id == token_id).values(last_used_at=now))  # type: ignore[arg-type]

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for a page view: no write lock taken on SQLite."""
        with Session(self.read_engine, expire_on_commit=False) as s:
            s.info["readonly"] = True
            try:
                yield s
            finally:
                # Pages render after the session ends: detach what it loaded before the rollback would
                # expire it (the console's pages pass rows to templates).
                s.expunge_all()
                s.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (commit on success), queued behind this process's other writers."""
        with self._write_lock, session_scope(self.engine) as s:
            yield s



def _sqlite_reader(engine: Engine) -> Engine:
    from sqlalchemy import create_engine, event

    reader = create_engine(engine.url, connect_args={"check_same_thread": False, "timeout": 30},
                           pool_size=THREADS, max_overflow=THREADS)

    @event.listens_for(reader, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA query_only=1")
        cur.close()

    return reader


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
