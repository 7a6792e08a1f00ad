"""Failed personal-link attempts, counted in the database (table `ratecounter`) so every web worker
shares one count, per client network (the IPv4 address, the IPv6 /64 a client can rotate within)
and per token prefix. Only bad tokens are ever limited: a valid link always opens, so twenty broken
links on one office's NAT (or a page of <img src=".../t/x">) cannot lock its officers out."""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import random
from typing import TYPE_CHECKING

from sqlalchemy import case, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from dondoc.models import RateCounter

if TYPE_CHECKING:
    from dondoc.web.app import Web

log = logging.getLogger(__name__)
PREFIX = 6


def network(ip: str) -> str:
    """'net:198.51.100.7' or 'net:2001:db8:1:2::/64' (an IPv6 client owns its whole /64)."""
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return f"net:{ip[:45]}"
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            return f"net:{addr.ipv4_mapped}"
        return f"net:{ipaddress.ip_network(f'{addr}/64', strict=False)}"
    return f"net:{addr}"


def buckets(ip: str, token: str | None) -> list[str]:
    out = [network(ip)]
    if token:  # only the tokens' own alphabet goes into the key (a NUL would break PostgreSQL)
        out.append("tok:" + "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "?" for c in token[:PREFIX]))
    return out


class DbFailureLimiter:
    """Same interface as the in-memory FailureLimiter (max_failures, window, blocked, fail)."""

    def __init__(self, web: Web, max_failures: int = 20, window_seconds: float = 600.0) -> None:
        self.web = web
        self.max_failures = max_failures
        self.window = window_seconds

    def _cutoff(self, now: dt.datetime) -> dt.datetime:
        return now - dt.timedelta(seconds=self.window)

    def blocked(self, ip: str, token: str | None = None) -> bool:
        now = self.web.now()
        try:
            with self.web.read() as s:
                counts = s.execute(select(RateCounter.count).where(
                    RateCounter.bucket.in_(buckets(ip, token)),  # type: ignore[attr-defined]
                    RateCounter.window_start > self._cutoff(now))).scalars().all()
        except Exception:
            log.exception("could not read failed link attempts")
            return False
        return any(c >= self.max_failures for c in counts)

    def fail(self, ip: str, token: str | None = None, *, session: Session | None = None) -> None:
        """Count a failed attempt. Called from inside a write transaction (`session`, which holds this
        process's write lock), the count is committed in it: the caller is about to answer 404 and has
        written nothing yet."""
        try:
            if session is not None and not session.info.get("readonly"):
                session.rollback()
                self._count(session, ip, token)
                session.commit()
                return
            with self.web.write() as s:
                self._count(s, ip, token)
        except Exception:
            log.exception("could not record a failed link attempt")

    def _count(self, s: Session, ip: str, token: str | None) -> None:
        now = self.web.now()
        cutoff = self._cutoff(now)
        dialect = s.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        for bucket in buckets(ip, token):
            stmt = insert(RateCounter).values(bucket=bucket, window_start=now, count=1)
            expired = RateCounter.window_start <= cutoff  # type: ignore[operator]
            stmt = stmt.on_conflict_do_update(index_elements=["bucket"], set_={
                "count": case((expired, 1), else_=RateCounter.count + 1),
                "window_start": case((expired, stmt.excluded.window_start), else_=RateCounter.window_start)})
            s.execute(stmt)
        if random.random() < 0.01:  # now and then, forget old windows
            s.execute(delete(RateCounter).where(RateCounter.window_start <= cutoff))  # type: ignore[arg-type]
