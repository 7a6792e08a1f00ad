"""Deliver: claim composed messages with a lease and send them through the Notifier, exactly once (see compose.py's docstring for the whole contract)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import time
import uuid
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pendulum
from sqlalchemy import and_, bindparam, func, insert, or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from dondoc.collect import links as links_service
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.delivery.compose import _MESSAGE, _chunks, local_day
from dondoc.delivery.jobs import DeliveryStats, _Job, _Outcome, _run_coroutine
from dondoc.delivery.sending import _Sending
from dondoc.delivery.unreachable import UNREACHABLE, _notify_unreachable
from dondoc.models import (
    Contact,
    Delivery,
    Message,
    Officer,
)
from dondoc.notifications.port import (
    DEFAULT_CHANNEL_LIMITS,
    Notifier,
)
from dondoc.notifications.zalo_oauth import with_credentials

log = logging.getLogger("dondoc.delivery.compose")

CLAIMABLE = ("pending", "failed")


LEASE = dt.timedelta(minutes=10)  # a claim older than this belongs to a crashed worker


RETRY_DELAYS: tuple[float, ...] = (0.5, 2.0)  # seconds between in-sweep retries on one contact


SWEEP_BACKOFF: tuple[dt.timedelta, ...] = (dt.timedelta(minutes=15), dt.timedelta(hours=1), dt.timedelta(hours=4))


MAX_ROUNDS = 4  # sweeps that try a message before it is given up


CLAIM_BATCH = 256  # messages in flight per worker


MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # files of one message above this, in all, are not attached but pointed to


_DELIVERY = Delivery.__table__  # type: ignore[attr-defined]






_LINK = re.compile(r"https?://\S+/t/[A-Za-z0-9_-]+")




_MARK_SENT = (
    update(_MESSAGE)
    .where(_MESSAGE.c.id == bindparam("m_id"), _MESSAGE.c.status != "sent")
    .values(status="sent", sent_at=bindparam("m_sent_at", type_=_MESSAGE.c.sent_at.type),
            channel=bindparam("m_channel"), late=bindparam("m_late"), claimed_by=None, next_attempt_at=None)
)


class _Sweep(_Sending):
    def __init__(self, *, engine: Engine, settings: Settings, notifier: Notifier, now: dt.datetime, worker: str,
                 lease: dt.timedelta, batch: int, retry_delays: Sequence[float],
                 sweep_backoff: Sequence[dt.timedelta], max_rounds: int, channel_limits: dict[str, int] | None,
                 limit: int | None, max_attachment_bytes: int = MAX_ATTACHMENT_BYTES) -> None:
        self.engine = engine
        self.settings = settings
        self.notifier = notifier
        self.start = pendulum.instance(now)
        self.t0 = time.monotonic()
        self.token = f"{worker}:{uuid.uuid4().hex[:12]}"
        self.lease = lease
        self.batch = max(1, batch)
        self.retry_delays = tuple(retry_delays)
        self.sweep_backoff = tuple(sweep_backoff) or (dt.timedelta(minutes=15),)
        self.max_rounds = max(1, max_rounds)
        self.limits = {**DEFAULT_CHANNEL_LIMITS, **settings.channel_limit_map(), **(channel_limits or {})}
        self.limit = limit
        self.max_attachment_bytes = max_attachment_bytes
        self.pg = engine.dialect.name == "postgresql"
        self.stats = DeliveryStats()
        self.send_pool = ThreadPoolExecutor(max_workers=max(1, settings.send_concurrency),
                                            thread_name_prefix="dondoc-send")
        # All database work on one thread: claims and result writes never contend with each other.
        self.db_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dondoc-db")
        self.pending: list[_Outcome] = []
        self.new_messages = False
        from dondoc.calendar.policy import Policy

        self.policy = Policy.from_settings(settings)

    # ---- time: the sweep's `now` plus the monotonic time elapsed since it began ----------------
    def at(self) -> pendulum.DateTime:
        return self.start + dt.timedelta(seconds=time.monotonic() - self.t0)

    # ---- claim --------------------------------------------------------------------------------
    def _claimable(self, at: dt.datetime) -> Any:
        return or_(
            and_(col(Message.status).in_(CLAIMABLE),
                 or_(col(Message.next_attempt_at).is_(None), col(Message.next_attempt_at) <= at)),
            and_(Message.status == "sending", col(Message.claimed_at) < at - self.lease),
        )

    def claim(self, n: int) -> list[_Job]:
        at = self.at()
        with session_scope(self.engine) as s:
            q = select(Message.id).where(self._claimable(at)).order_by(col(Message.id)).limit(n)
            if self.pg:
                q = q.with_for_update(skip_locked=True)
            ids = list(s.exec(q).all())
            if not ids:
                return []
            s.execute(update(Message).where(col(Message.id).in_(ids), self._claimable(at))
                      .values(status="sending", claimed_by=self.token, claimed_at=at, attempts=Message.attempts + 1)
                      .execution_options(synchronize_session=False))
            rows = s.exec(select(Message).where(col(Message.id).in_(ids), Message.claimed_by == self.token,
                                                Message.claimed_at == at)).all()
            if not rows:
                return []
            officer_ids = sorted({m.officer_id for m in rows})
            contacts: dict[int, list[Contact]] = defaultdict(list)
            names: dict[int, str] = {}
            for chunk in _chunks(officer_ids):
                for c in s.exec(select(Contact).where(col(Contact.officer_id).in_(chunk))
                                .order_by(col(Contact.officer_id), col(Contact.priority))).all():
                    contacts[c.officer_id].append(c)
                names.update(s.exec(select(Officer.id, Officer.name).where(col(Officer.id).in_(chunk))).all())
            # Bodies store a placeholder for the recipient's link; the live token goes in only now.
            tokens = links_service._issue(s, officer_ids=officer_ids, settings=self.settings, now=at) \
                if any(links_service.PLACEHOLDER in m.body_text + m.body_html for m in rows) else {}
            prior: dict[int, int] = {}
            for chunk in _chunks([m.id for m in rows]):
                prior.update(s.exec(select(Delivery.message_id, func.count()).where(
                    col(Delivery.message_id).in_(chunk)).group_by(col(Delivery.message_id))).all())
        jobs = []
        for m in rows:
            token = tokens.get(m.officer_id)
            text = links_service.fill(m.body_text, token) if token else m.body_text
            html = links_service.fill(m.body_html, token) if token else m.body_html
            link = _LINK.search(text)
            jobs.append(_Job(
                id=m.id, key=m.key, officer_id=m.officer_id, day=m.day, kind=m.kind, subject=m.subject,  # type: ignore[arg-type]
                text=text, html=html, rounds=m.attempts, claimed_at=at,
                prior_attempts=prior.get(m.id, 0),  # type: ignore[arg-type]
                contacts=[self._contact(c) for c in contacts[m.officer_id]],
                data={"name": names.get(m.officer_id, ""), "subject": m.subject[:100],
                      "day": m.day.strftime("%d/%m/%Y"), "link": link.group(0) if link else ""},
                attachments=[str(a) for a in (m.attachments or [])],
            ))
        self.stats.claimed += len(jobs)
        return jobs

    def write(self, outcomes: list[_Outcome]) -> None:
        """Record one batch of results in one transaction; the counters move only once it commits."""
        delta = DeliveryStats()
        with session_scope(self.engine) as s:
            conn = s.connection()
            rows: list[dict[str, Any]] = []
            for o in outcomes:
                rows += [{"message_id": o.job.id, "contact_id": a.contact_id, "channel": a.channel, "target": a.target,
                              "attempt": a.attempt, "status": a.status, "error": a.error, "at": a.at} for a in o.attempts]
                if o.sent_via is not None and o.attempts[0].contact_id != o.sent_via.id:
                    failed = dict.fromkeys(a.channel for a in o.attempts[:-1])
                    rows[-1]["error"] = f"fallback after {', '.join(failed)} failed"
            for chunk in _chunks(rows, 1000):
                conn.execute(insert(_DELIVERY), list(chunk))
            delta.attempts += len(rows)
            sent = [o for o in outcomes if o.sent_via is not None and o.sent_at is not None]
            if sent:
                params = []
                for o in sent:
                    late = local_day(o.sent_at) > o.job.day  # type: ignore[arg-type]
                    params.append({"m_id": o.job.id, "m_sent_at": o.sent_at, "m_channel": o.sent_via.channel,  # type: ignore[union-attr]
                                   "m_late": late})
                    delta.sent += 1
                    delta.late += int(late)
                    delta.fallbacks += int(o.attempts[0].contact_id != o.sent_via.id)  # type: ignore[union-attr]
                    delta.by_channel[o.sent_via.channel] += 1  # type: ignore[union-attr]
                # One prepared statement for the whole batch (executemany): the common path stays cheap.
                r = conn.execute(_MARK_SENT, params)
                if r.rowcount >= 0 and r.rowcount < len(params):
                    log.warning("%d message(s) had already been marked sent by another worker (lease expired "
                                "mid-send: delivered twice)", len(params) - r.rowcount)
            for o in outcomes:
                if o.sent_via is None:
                    self._record_failure(s, o, delta)
        st = self.stats
        for name in ("attempts", "sent", "late", "fallbacks", "retry", "dead", "lost_lease", "unreachable"):
            setattr(st, name, getattr(st, name) + getattr(delta, name))
        st.by_channel.update(delta.by_channel)
        self.new_messages = self.new_messages or delta.unreachable > 0

    def renew(self) -> int:
        """Heartbeat: push the lease of this sweep's unfinished claims forward, so messages waiting
        behind a slow channel are not taken for a crashed worker's and sent twice."""
        with session_scope(self.engine) as s:
            r = s.execute(update(Message).where(Message.claimed_by == self.token, Message.status == "sending")
                          .values(claimed_at=self.at()).execution_options(synchronize_session=False))
            return int(r.rowcount or 0)  # type: ignore[attr-defined]

    def _write_retrying(self, outcomes: list[_Outcome], tries: int = 3) -> None:
        """A locked or briefly unreachable database must not turn delivered messages into re-sends:
        try the commit again before giving up (then the lease brings the messages back)."""
        from sqlalchemy.exc import OperationalError

        for i in range(tries):
            try:
                self.write(outcomes)
                return
            except OperationalError:
                if i == tries - 1:
                    raise
                log.warning("recording %d delivery results failed; retrying", len(outcomes), exc_info=True)
                time.sleep(1.0 + i)

    def _record_failure(self, s: Session, o: _Outcome, stats: DeliveryStats) -> None:
        job = o.job
        at = self.at()
        mine = and_(Message.id == job.id, Message.claimed_by == self.token, Message.status == "sending")
        if o.transient and job.rounds < self.max_rounds:
            backoff = self.sweep_backoff[min(job.rounds, len(self.sweep_backoff)) - 1]
            r = s.execute(update(Message).where(mine).values(
                status="failed", claimed_by=None, next_attempt_at=self._out_of_quiet_hours(at + backoff))
                .execution_options(synchronize_session=False))
            if r.rowcount:  # type: ignore[attr-defined]
                stats.retry += 1
            else:
                stats.lost_lease += 1
            return
        r = s.execute(update(Message).where(mine).values(status="dead", claimed_by=None, next_attempt_at=None)
                      .execution_options(synchronize_session=False))
        if not r.rowcount:  # type: ignore[attr-defined]
            stats.lost_lease += 1
            return
        stats.dead += 1
        if o.files_error:
            log.error("message %s not sent: %s", job.key, o.attempts[-1].error if o.attempts else "bad attachment")
            return
        if job.kind in (UNREACHABLE, "test"):
            log.error("message %s (%s) could not be delivered through any channel", job.key, job.kind)
            return
        stats.unreachable += _notify_unreachable(s, job=job, attempts=o.attempts, settings=self.settings, now=at)

    def _out_of_quiet_hours(self, at: dt.datetime) -> dt.datetime:
        return self.policy.after_quiet(at)

    # ---- the loop -----------------------------------------------------------------------------
    async def run(self) -> DeliveryStats:
        # Long on purpose: the send loop's claim, send and write phases share the loop's state.
        loop = asyncio.get_running_loop()
        sems: dict[str, asyncio.Semaphore] = {}
        inflight: set[asyncio.Task[_Outcome]] = set()
        wake = asyncio.Event()
        done_claiming = False
        writer_idle = asyncio.Event()
        writer_idle.set()
        stop = False

        async def writer() -> None:
            while True:
                await wake.wait()
                wake.clear()
                if self.pending:
                    batch, self.pending = self.pending, []
                    writer_idle.clear()
                    try:
                        await loop.run_in_executor(self.db_pool, self._write_retrying, batch)
                    finally:
                        writer_idle.set()
                    continue
                if stop:
                    return

        progress = asyncio.Event()

        def finished(task: asyncio.Task[_Outcome]) -> None:
            inflight.discard(task)
            if not task.cancelled() and task.exception() is None:
                self.pending.append(task.result())
            elif not task.cancelled():
                log.error("delivery task failed: %r", task.exception())
            wake.set()
            progress.set()

        async def heartbeat() -> None:
            period = max(1.0, self.lease.total_seconds() / 3)
            while True:
                await asyncio.sleep(period)
                await loop.run_in_executor(self.db_pool, self.renew)

        writer_task = asyncio.create_task(writer())
        heartbeat_task = asyncio.create_task(heartbeat())
        claimed_total = 0
        try:
            while True:
                room = self.batch - len(inflight)
                if self.limit is not None:
                    room = min(room, self.limit - claimed_total)
                if not done_claiming and room > 0 and (len(inflight) <= self.batch // 2):
                    jobs = await loop.run_in_executor(self.db_pool, self.claim, room)
                    claimed_total += len(jobs)
                    for job in jobs:
                        task = asyncio.create_task(self.deliver(job, sems))
                        inflight.add(task)
                        task.add_done_callback(finished)
                    if len(jobs) < room:
                        done_claiming = True
                if writer_task.done():
                    writer_task.result()  # the writer gave up: raise its error (leases recover the rest)
                if inflight:
                    await progress.wait()
                    progress.clear()
                    continue
                # Nothing in flight: let the writer catch up; it may have created unreachable notes.
                while (self.pending or not writer_idle.is_set()) and not writer_task.done():
                    wake.set()
                    await asyncio.sleep(0.005)
                if writer_task.done():
                    writer_task.result()
                if self.new_messages and (self.limit is None or claimed_total < self.limit):
                    self.new_messages = False
                    done_claiming = False
                    continue
                break
        finally:
            heartbeat_task.cancel()
            stop = True
            wake.set()
            await writer_task
        return self.stats

    def close(self) -> None:
        self.send_pool.shutdown(wait=True)
        self.db_pool.shutdown(wait=True)


def deliver_pending(
    *,
    engine: Engine,
    settings: Settings,
    notifier: Notifier,
    now: dt.datetime,
    worker: str = "local",
    lease: dt.timedelta = LEASE,
    batch: int = CLAIM_BATCH,
    retry_delays: Sequence[float] = RETRY_DELAYS,
    sweep_backoff: Sequence[dt.timedelta] = SWEEP_BACKOFF,
    max_rounds: int = MAX_ROUNDS,
    channel_limits: dict[str, int] | None = None,
    limit: int | None = None,
    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES,
) -> DeliveryStats:
    """Send every claimable message (pending, failed and due again, or abandoned by a crashed worker).
    A message's files go along up to `max_attachment_bytes` in all (see the module doc)."""
    notifier = with_credentials(notifier, engine=engine, settings=settings)  # zalooa://USER?oa=NAME contacts
    sweep = _Sweep(engine=engine, settings=settings, notifier=notifier, now=now, worker=worker, lease=lease,
                   batch=batch, retry_delays=retry_delays, sweep_backoff=sweep_backoff, max_rounds=max_rounds,
                   channel_limits=channel_limits, limit=limit, max_attachment_bytes=max_attachment_bytes)
    try:
        stats = _run_coroutine(sweep.run)
    finally:
        sweep.close()
    stats.seconds = time.monotonic() - sweep.t0
    return stats


