"""Notices -> one digest Message per officer and day -> delivered through a Notifier, exactly once.

Compose. Every Notice not yet in a message (message_id NULL, whatever its day: a crash between the
sweep's decision and composing leaves them for the next run) goes into its officer's digest for the
day, grouped by plan: reminders (days left), overdue items, escalations (which units are late, who
was reminded how many times and since when, read from the Notice history) and stale flags. The digest
is one Message under the unique key `officer:day:digest`; composing again the same day creates
nothing, and Notices decided later that day are folded into the digest while it is still untouched,
else into `officer:day:digest:2`.

Deliver. Messages are claimed by a conditional UPDATE (SQLite: the transaction already holds the
write lock, BEGIN IMMEDIATE; PostgreSQL: the candidate rows are read FOR UPDATE SKIP LOCKED, so two
workers never claim the same row) that stamps a lease (claimed_by, claimed_at). A live sweep renews
its leases (a heartbeat every third of LEASE), so messages queued behind a slow channel stay its own;
a worker that dies after claiming leaves its messages in `sending`, and once the lease has run out
another sweep claims them again, so nothing is lost. Sends run concurrently: a bounded thread pool (Settings.send_concurrency)
drives the blocking channel libraries, and a semaphore per channel family keeps one slow channel
from taking every worker. Each attempt writes a Delivery row; results are committed by a single
writer as soon as they arrive (group commit, no waiting for a batch to fill).

Exactly once, and the one place where it is at-least-once. A message is marked sent in the first
commit after the channel accepted it. If the process dies in that gap (the channel has the message,
the database does not know), the lease expires and the message is sent again: that window, at the
SMTP/HTTP boundary, cannot be closed without the receiver's help, only kept small (one commit,
milliseconds under load). The delivery key travels with the message (X-Dondoc-Key header for email
and webhooks, tracking_id for ZNS, the file name in the outbox) so a receiver can drop the duplicate;
the outbox is idempotent by construction (same key, same file).

Failures. A transient failure (SMTP 4xx, HTTP 5xx/408/429, timeouts, a peer that is down) is retried
on the same contact with backoff inside the sweep, then the next contact by Contact.priority is
tried (a fallback, recorded on the Delivery row that succeeded). When every contact has failed, the
message is retried by later sweeps (status failed, next_attempt_at with backoff, moved out of the
quiet hours before send_hour) if any failure was transient, up to MAX_ROUNDS sweeps; when all
failures are permanent, or the rounds are used up, it is marked dead and a 'không liên lạc được'
(unreachable) message goes to the plan's focal point (the focal unit's officers with role focal,
else its head), never silently lost. A message sent on a later day than its own day is marked late.

Files. A message may carry files (Message.attachments: paths relative to DONDOC_HOME, e.g. the
compiled report's .docx and .xlsx). They are checked when the message is sent: a path that leaves the
data folder, or a file that is gone, fails the message before any contact is tried (one Delivery row
saying which file; a missing file is tried again by later sweeps, as a transient failure, since
compiling the report again writes it back; a path outside the folder is dead at once; nobody is told
the officer is unreachable, since the contacts are not at fault). Channels
that carry files (email, outbox: port.FILE_FAMILIES) get them, up to MAX_ATTACHMENT_BYTES in all;
other channels, or files above that size, get a note at the top of the text saying where the files
are instead, with the personal link the message holds.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import mimetypes
import re
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from html import escape
from pathlib import Path
from typing import Any

import pendulum
from sqlalchemy import and_, bindparam, func, insert, not_, or_, update
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Engine
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.errors import DondocError
from dondoc.models import (
    STATUS_LABELS,
    Assignment,
    Contact,
    Delivery,
    Message,
    Notice,
    Obligation,
    Officer,
    Plan,
    ReportObligation,
    Unit,
)
from dondoc.notifications.port import (
    DEFAULT_CHANNEL_LIMITS,
    DEFAULT_LIMIT,
    FILE_FAMILIES,
    Attachment,
    Notifier,
    SendResult,
    ascii_filename,
    channel_of,
)
from dondoc.notifications.render import (
    AttemptView,
    DigestView,
    ItemView,
    PlanView,
    UnreachableView,
    files_attached_note,
    files_linked_note,
    render_digest,
    render_unreachable,
)
from dondoc.secrets import unseal
from dondoc.notifications.credentials import with_credentials
from dondoc.collect.links import link_for, links_for

log = logging.getLogger(__name__)

DIGEST = "digest"
UNREACHABLE = "unreachable"
CLAIMABLE = ("pending", "failed")

COMPOSE_LOCK = 0x646F6E646F63  # pg advisory lock key of compose_messages ('dondoc')
LEASE = dt.timedelta(minutes=10)  # a claim older than this belongs to a crashed worker
RETRY_DELAYS: tuple[float, ...] = (0.5, 2.0)  # seconds between in-sweep retries on one contact
SWEEP_BACKOFF: tuple[dt.timedelta, ...] = (dt.timedelta(minutes=15), dt.timedelta(hours=1), dt.timedelta(hours=4))
MAX_ROUNDS = 4  # sweeps that try a message before it is given up
CLAIM_BATCH = 256  # messages in flight per worker
TASK_CHARS = 300  # a task's text is cut to this length in messages
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # files of one message above this, in all, are not attached but pointed to


_DELIVERY = Delivery.__table__  # type: ignore[attr-defined]
_MESSAGE = Message.__table__  # type: ignore[attr-defined]
_NOTICE = Notice.__table__  # type: ignore[attr-defined]
_LINK_NOTICE = update(_NOTICE).where(_NOTICE.c.id == bindparam("n_id")).values(message_id=bindparam("n_mid"))


def local_day(at: dt.datetime) -> dt.date:
    d = pendulum.instance(at).in_timezone(TZ)
    return dt.date(d.year, d.month, d.day)


def _chunks(items: Sequence[Any], size: int = 2000) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _clip(text: str, limit: int = TASK_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# ============================================================================ compose


@dataclass
class _Ctx:
    """Rows the views need, loaded in a handful of IN queries."""

    obligations: dict[int, Obligation]
    units: dict[int, Unit]
    plans: dict[int, Plan]
    officers: dict[int, Officer]
    tasks: dict[int, str]  # obligation id -> task text
    history: dict[int, tuple[int, dt.date | None, list[str]]]  # obligation -> (reminder days, since, who)


def _in(session: Session, model: Any, ids: Iterable[int]) -> dict[int, Any]:
    ids = sorted(set(ids))
    out: dict[int, Any] = {}
    for chunk in _chunks(ids):
        for row in session.exec(select(model).where(col(model.id).in_(chunk))).all():
            out[row.id] = row
    return out


def _load_ctx(session: Session, notices: Sequence[Notice], *, day: dt.date, extra_officers: Iterable[int] = ()) -> _Ctx:
    obligations = _in(session, Obligation, (n.obligation_id for n in notices))
    officers = _in(session, Officer, [n.officer_id for n in notices] + list(extra_officers))
    plans = _in(session, Plan, (o.plan_id for o in obligations.values()))
    units = _in(session, Unit, [o.unit_id for o in obligations.values()] + [o.unit_id for o in officers.values()])
    assignments = _in(session, Assignment, (o.assignment_id for o in obligations.values() if o.assignment_id))
    reports = _in(session, ReportObligation, (o.report_id for o in obligations.values() if o.report_id))
    tasks: dict[int, str] = {}
    for ob in obligations.values():
        if ob.assignment_id and ob.assignment_id in assignments:
            tasks[ob.id] = assignments[ob.assignment_id].text  # type: ignore[index]
        elif ob.report_id and ob.report_id in reports:
            tasks[ob.id] = reports[ob.report_id].text  # type: ignore[index]
        else:
            tasks[ob.id] = ("Tổng hợp báo cáo kết quả thực hiện kế hoạch" if ob.role == "compile"  # type: ignore[index]
                            else "Báo cáo kết quả thực hiện kế hoạch")
    # Reminder history of the escalated obligations: who heard how many times and since when.
    escalated = sorted({n.obligation_id for n in notices if n.kind == "escalation"})
    history: dict[int, tuple[int, dt.date | None, list[str]]] = {}
    if escalated:
        rows: list[tuple[int, int, dt.date]] = []
        for chunk in _chunks(escalated):
            rows += session.exec(select(Notice.obligation_id, Notice.officer_id, Notice.day).where(
                col(Notice.obligation_id).in_(chunk), Notice.kind == "reminder", col(Notice.day) <= day)).all()
        who_ids = {r[1] for r in rows} - set(officers)
        officers.update(_in(session, Officer, who_ids))
        days: dict[int, set[dt.date]] = defaultdict(set)
        who: dict[int, dict[str, None]] = defaultdict(dict)
        for ob_id, officer_id, d in rows:
            days[ob_id].add(d)
            if officer_id in officers:
                who[ob_id][officers[officer_id].name] = None
        for ob_id in escalated:
            history[ob_id] = (len(days[ob_id]), min(days[ob_id]) if days[ob_id] else None, list(who[ob_id]))
    return _Ctx(obligations, units, plans, officers, tasks, history)


def _section(notice: Notice, ob: Obligation, recipient: Officer, days: int) -> str:
    if notice.kind == "stale":
        return "stale"
    if notice.kind == "escalation":
        own = ob.officer_id == recipient.id or (
            ob.officer_id is None and ob.unit_id == recipient.unit_id and recipient.role not in ("head", "deputy"))
        return "overdue" if own else "escalations"
    return "reminders" if days >= 0 else "overdue"


def _plan_views(notices: Sequence[Notice], recipient: Officer, ctx: _Ctx, *, day: dt.date) -> list[PlanView]:
    by_plan: dict[int, PlanView] = {}
    seen: dict[tuple[str, int], ItemView] = {}
    for n in sorted(notices, key=lambda n: (n.obligation_id, -n.level)):
        ob = ctx.obligations.get(n.obligation_id)
        if ob is None or ob.id is None or ob.closed:
            continue  # done (or given up) since the decision: nobody needs to hear of it now
        plan = ctx.plans[ob.plan_id]
        unit = ctx.units.get(ob.unit_id)
        due = ob.effective_due
        days = (due - day).days
        section = _section(n, ob, recipient, days)
        if (section, ob.id) in seen:
            continue  # the same obligation twice in a section (catch-up days, two rungs): once is enough
        reminded, since, who = ctx.history.get(ob.id, (0, None, []))
        last = local_day(ob.last_update_at) if ob.last_update_at else None
        item = ItemView(
            task=_clip(ctx.tasks.get(ob.id, "")),
            unit=unit.name if unit else "",
            role=ob.role,
            period=ob.period,
            due=due,
            days=days,
            status=STATUS_LABELS.get(ob.status, ob.status),
            courteous=ob.mode == "request" or bool(unit and unit.external),
            level=n.level if n.kind == "escalation" else 0,
            reminded=reminded,
            reminded_since=since,
            reminded_who=who,
            last_update=last,
            own_unit=ob.unit_id == recipient.unit_id,
        )
        seen[(section, ob.id)] = item
        view = by_plan.setdefault(plan.id, PlanView(title=plan.title, number=plan.number))  # type: ignore[arg-type]
        getattr(view, section).append(item)
    for view in by_plan.values():
        for section in ("reminders", "overdue", "escalations", "stale"):
            getattr(view, section).sort(key=lambda i: (i.due, i.unit, i.task))
    return [by_plan[k] for k in sorted(by_plan)]


def compose_messages(session: Session, *, day: dt.date, now: dt.datetime, settings: Settings) -> list[Message]:
    """Gather every Notice not yet in a message into one digest per officer for `day`.

    Returns the messages created or extended; the caller commits. Escalation notices of requested
    obligations (mode 'request') are never turned into messages: requested bodies are not escalated.
    """
    if session.get_bind().dialect.name == "postgresql":
        # Two sweeps composing at once would both mint the same links and digests and one would die on
        # the unique keys: serialise composition (SQLite already does, with BEGIN IMMEDIATE). The lock
        # is held to commit; the second composer then finds the notices taken and does nothing.
        session.execute(sql_text("SELECT pg_advisory_xact_lock(:key)"), {"key": COMPOSE_LOCK})
    q = (select(Notice).join(Obligation, col(Notice.obligation_id) == col(Obligation.id))
         .where(col(Notice.message_id).is_(None), col(Notice.day) <= day,
                not_(and_(Notice.kind == "escalation", Obligation.mode == "request")))
         .order_by(col(Notice.officer_id), col(Notice.id)))
    fresh = list(session.exec(q).all())
    if not fresh:
        return []
    officer_ids = sorted({n.officer_id for n in fresh})
    pg = session.get_bind().dialect.name == "postgresql"

    # Digests this officer already has for the day; one still untouched can take the new notices.
    existing: dict[int, list[Message]] = defaultdict(list)
    for chunk in _chunks(officer_ids):
        eq = select(Message).where(col(Message.officer_id).in_(chunk), Message.day == day, Message.kind == DIGEST)
        if pg:
            eq = eq.with_for_update()  # a claim (SKIP LOCKED) cannot take it while it is being extended
        for m in session.exec(eq).all():
            existing[m.officer_id].append(m)
    mergeable = {oid: m for oid, ms in existing.items() for m in ms
                 if m.status == "pending" and m.attempts == 0 and m.claimed_by is None}
    earlier: list[Notice] = []
    if mergeable:
        for chunk in _chunks([m.id for m in mergeable.values()]):
            earlier += session.exec(select(Notice).where(col(Notice.message_id).in_(chunk))).all()

    notices_by_officer: dict[int, list[Notice]] = defaultdict(list)
    for n in [*earlier, *fresh]:
        notices_by_officer[n.officer_id].append(n)
    ctx = _load_ctx(session, [*earlier, *fresh], day=day)

    # Personal links for every recipient in one go (the same tokens link_for gives).
    ready: list[tuple[Officer, list[PlanView]]] = []
    for officer_id in officer_ids:
        officer = ctx.officers.get(officer_id)
        if officer is None:
            continue
        views = _plan_views(notices_by_officer[officer_id], officer, ctx, day=day)
        if views:
            ready.append((officer, views))
    links = links_for(session, officer_ids=[o.id for o, _v in ready], settings=settings, now=now)  # type: ignore[misc]

    new_rows: list[dict[str, Any]] = []
    message_of: dict[int, int] = {}  # officer -> message id
    touched: list[int] = []
    for officer, views in ready:
        unit = ctx.units.get(officer.unit_id)
        view = DigestView(officer=officer.name, unit=unit.name if unit else "", position=officer.position, day=day,
                          link=links[officer.id], plans=views)
        subject, text, html = render_digest(view)
        msg = mergeable.get(officer.id)  # type: ignore[arg-type]
        if msg is not None:
            msg.subject, msg.body_text, msg.body_html = subject, text, html
            session.add(msg)
            message_of[officer.id] = msg.id  # type: ignore[index,assignment]
            touched.append(msg.id)  # type: ignore[arg-type]
            continue
        n_before = len(existing[officer.id])  # type: ignore[index]
        key = f"{officer.id}:{day.isoformat()}:{DIGEST}" + (f":{n_before + 1}" if n_before else "")
        new_rows.append(dict(key=key, officer_id=officer.id, day=day, kind=DIGEST, subject=subject, body_text=text,
                             body_html=html, status="pending", attempts=0, late=False, created_at=now))
    session.flush()
    conn = session.connection()
    for chunk in _chunks(new_rows, 500):
        # A Core executemany with RETURNING: thousands of digests without building ORM objects one by one.
        for mid, officer_id in conn.execute(insert(_MESSAGE).returning(_MESSAGE.c.id, _MESSAGE.c.officer_id),
                                            list(chunk)):
            message_of[officer_id] = mid
            touched.append(mid)
    links_rows = [{"n_id": n.id, "n_mid": message_of[n.officer_id]} for n in fresh if n.officer_id in message_of]
    for chunk in _chunks(links_rows, 1000):
        conn.execute(_LINK_NOTICE, list(chunk))
    for n in fresh:
        if n.officer_id in message_of:
            set_committed_value(n, "message_id", message_of[n.officer_id])
    out: list[Message] = []
    for chunk in _chunks(sorted(touched)):
        out += session.exec(select(Message).where(col(Message.id).in_(chunk)).order_by(col(Message.id))).all()
    return out


# ============================================================================ deliver


@dataclass
class DeliveryStats:
    claimed: int = 0
    sent: int = 0
    retry: int = 0  # failed this sweep, a later sweep tries again
    dead: int = 0
    attempts: int = 0
    fallbacks: int = 0
    late: int = 0
    unreachable: int = 0  # 'không liên lạc được' messages created for focal points
    lost_lease: int = 0  # results for messages another worker had re-claimed meanwhile
    seconds: float = 0.0
    by_channel: Counter[str] = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.sent / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "claimed": self.claimed, "sent": self.sent, "retry": self.retry, "dead": self.dead,
            "attempts": self.attempts, "fallbacks": self.fallbacks, "late": self.late,
            "unreachable": self.unreachable, "lost_lease": self.lost_lease,
            "seconds": round(self.seconds, 3), "by_channel": dict(self.by_channel),
        }


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


_LINK = re.compile(r"https?://\S+/t/[A-Za-z0-9_-]+")
_PAGE_LINK = re.compile(r"https?://\S+/t/\S+")  # a personal link with its page (e.g. .../t/TOKEN/focal/3)
_MARK_SENT = (
    update(_MESSAGE)
    .where(_MESSAGE.c.id == bindparam("m_id"), _MESSAGE.c.status != "sent")
    .values(status="sent", sent_at=bindparam("m_sent_at", type_=_MESSAGE.c.sent_at.type),
            channel=bindparam("m_channel"), late=bindparam("m_late"), claimed_by=None, next_attempt_at=None)
)


class _Sweep:
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

        self.send_hour = Policy.from_settings(settings).send_hour

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
            prior: dict[int, int] = {}
            for chunk in _chunks([m.id for m in rows]):
                prior.update(s.exec(select(Delivery.message_id, func.count()).where(
                    col(Delivery.message_id).in_(chunk)).group_by(col(Delivery.message_id))).all())
        jobs = []
        for m in rows:
            link = _LINK.search(m.body_text)
            jobs.append(_Job(
                id=m.id, key=m.key, officer_id=m.officer_id, day=m.day, kind=m.kind, subject=m.subject,  # type: ignore[arg-type]
                text=m.body_text, html=m.body_html, rounds=m.attempts, claimed_at=at,
                prior_attempts=prior.get(m.id, 0),  # type: ignore[arg-type]
                contacts=[self._contact(c) for c in contacts[m.officer_id]],
                data={"name": names.get(m.officer_id, ""), "subject": m.subject[:100],
                      "day": m.day.strftime("%d/%m/%Y"), "link": link.group(0) if link else ""},
                attachments=[str(a) for a in (m.attachments or [])],
            ))
        self.stats.claimed += len(jobs)
        return jobs

    def _contact(self, c: Contact) -> _Contact:
        try:
            url = unseal(c.url, self.settings)
        except DondocError as exc:
            return _Contact(c.id, c.channel or "unknown", "unknown", "", error=str(exc))
        family = channel_of(url)
        return _Contact(c.id, c.channel or family, family, url)

    # ---- files ----------------------------------------------------------------------------------
    def _files(self, job: _Job) -> tuple[list[Attachment], str | None, bool]:
        """The message's files, checked: (attachments, None, False), or ([], why the message cannot go,
        whether a later sweep may succeed: a missing file can be written again, a bad path cannot)."""
        home = self.settings.home.resolve()
        out: list[Attachment] = []
        for rel in job.attachments:
            path = (home / rel).resolve()
            if Path(rel).is_absolute() or not path.is_relative_to(home):
                return [], f"attachment {rel!r} is outside the data folder (DONDOC_HOME): not sent", False
            try:
                size = path.stat().st_size
                if not path.is_file():
                    raise FileNotFoundError(rel)
            except OSError:
                return [], (f"attachment {rel} is missing from the data folder; a later sweep tries again: "
                            "compile the report again (dondoc report PLAN --period PERIOD) to write it"), True
            mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            out.append(Attachment(str(path), ascii_filename(path.name), mimetype, size))
        return out, None, False

    def _with_files(self, contact: _Contact, job: _Job, files: list[Attachment]) -> tuple[str, str, list[Attachment]]:
        """Text, HTML and files for one contact: the files where the channel carries them and they
        fit the size limit, else a note at the top saying where they are."""
        if not files:
            return job.text, job.html, []
        names = [f.name for f in files]
        total = sum(f.size for f in files)
        if contact.family in FILE_FAMILIES and total <= self.max_attachment_bytes:
            note = files_attached_note(names)
            html = job.html and f"{job.html}\n<p>{escape(note)}</p>"
            return f"{job.text}\n\n{note}", html, files
        too_big = self.max_attachment_bytes / (1024 * 1024) if contact.family in FILE_FAMILIES else None
        found = _PAGE_LINK.search(job.text)
        link = found.group(0).rstrip(".,;)") if found else job.data.get("link", "")
        note = files_linked_note(names, channel=contact.family, link=link, too_big_mb=too_big)
        html = job.html and "<p>" + escape(note).replace("\n", "<br>") + f"</p>\n{job.html}"
        return f"{note}\n\n{job.text}", html, []

    # ---- send ---------------------------------------------------------------------------------
    def _send(self, contact: _Contact, job: _Job, files: Sequence[Attachment] = ()) -> SendResult:
        if contact.error:
            return SendResult(ok=False, transient=False, error=contact.error, target="(sealed)")
        try:
            text, html, attach = self._with_files(contact, job, list(files))
            extra: dict[str, Any] = {"attachments": attach} if attach else {}
            return self.notifier.send(contact.url, subject=job.subject, text=text, html=html, key=job.key,
                                      data=job.data, **extra)
        except Exception as exc:  # a notifier bug must not stop the sweep or lose the message
            log.exception("notifier raised for message %s", job.key)
            return SendResult(ok=False, transient=False, error=f"notifier error: {type(exc).__name__}: {exc}",
                              target="(unknown)")

    async def deliver(self, job: _Job, sems: dict[str, asyncio.Semaphore]) -> _Outcome:
        loop = asyncio.get_running_loop()
        attempts: list[_Attempt] = []
        n = job.prior_attempts
        transient = False
        files: list[Attachment] = []
        if job.attachments:
            files, problem, again = await loop.run_in_executor(self.send_pool, self._files, job)
            if problem is not None:  # the message's fault, not a contact's: one row, no contact tried
                first = job.contacts[0] if job.contacts else None
                attempts.append(_Attempt(first.id if first else None, first.channel if first else "none",
                                         "(not sent)", "transient" if again else "failed", problem, n + 1,
                                         self.at()))
                return _Outcome(job, attempts, None, None, again, files_error=True)
        for contact in job.contacts:
            sem = sems.setdefault(contact.family, asyncio.Semaphore(self.limits.get(contact.family, DEFAULT_LIMIT)))
            for k in range(len(self.retry_delays) + 1):
                async with sem:
                    res = await loop.run_in_executor(self.send_pool, partial(self._send, contact, job, files))
                n += 1
                attempts.append(_Attempt(contact.id, contact.channel, res.target, res.status, res.error, n, self.at()))
                if res.ok:
                    return _Outcome(job, attempts, contact, attempts[-1].at, transient)
                if not res.transient:
                    break
                if k < len(self.retry_delays):
                    await asyncio.sleep(self.retry_delays[k])
            else:
                transient = True  # retries used up on a transient failure
        return _Outcome(job, attempts, None, None, transient)

    # ---- record -------------------------------------------------------------------------------
    def write(self, outcomes: list[_Outcome]) -> None:
        """Record one batch of results in one transaction; the counters move only once it commits."""
        delta = DeliveryStats()
        with session_scope(self.engine) as s:
            conn = s.connection()
            rows: list[dict[str, Any]] = []
            for o in outcomes:
                rows += [dict(message_id=o.job.id, contact_id=a.contact_id, channel=a.channel, target=a.target,
                              attempt=a.attempt, status=a.status, error=a.error, at=a.at) for a in o.attempts]
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
        local = pendulum.instance(at).in_timezone(TZ)
        if local.hour < self.send_hour:
            return local.replace(hour=self.send_hour, minute=0, second=0, microsecond=0)
        return at

    # ---- the loop -----------------------------------------------------------------------------
    async def run(self) -> DeliveryStats:
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


def _run_coroutine(factory: Any) -> Any:
    """asyncio.run, also from a thread that already runs an event loop (then in a helper thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = asyncio.run(factory())
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    t = threading.Thread(target=target, name="dondoc-deliver")
    t.start()
    t.join()
    if "error" in box:
        raise box["error"]
    return box["result"]


# ============================================================================ unreachable


def focal_officers(session: Session, *, unit_ids: Sequence[int | None], exclude: int | None = None) -> list[Officer]:
    """The focal point of the first unit that has one: its active officers with role 'focal', else its head."""
    for unit_id in unit_ids:
        if unit_id is None:
            continue
        people = session.exec(select(Officer).where(Officer.unit_id == unit_id, Officer.active == True)  # noqa: E712
                              .order_by(col(Officer.id))).all()
        for role in ("focal", "head"):
            found = [o for o in people if o.role == role and o.id != exclude]
            if found:
                return found
    return []


def _notify_unreachable(s: Session, *, job: _Job, attempts: list[_Attempt], settings: Settings,
                        now: dt.datetime) -> int:
    """A 'không liên lạc được' message to the focal point of each plan the dead message was about."""
    officer = s.get(Officer, job.officer_id)
    if officer is None:
        return 0
    notices = list(s.exec(select(Notice).where(Notice.message_id == job.id)).all())
    ctx = _load_ctx(s, notices, day=job.day, extra_officers=[job.officer_id])
    plans = _plan_views(notices, officer, ctx, day=job.day)
    plan_rows = sorted({ctx.obligations[n.obligation_id].plan_id for n in notices if n.obligation_id in ctx.obligations})
    recipients: dict[int, Officer] = {}
    for plan_id in plan_rows:
        plan = ctx.plans[plan_id]
        for o in focal_officers(s, unit_ids=[plan.focal_unit_id, plan.owner_unit_id, plan.issuer_unit_id],
                                exclude=officer.id):
            recipients[o.id] = o  # type: ignore[index]
    if not recipients:  # a message about no plan: the officer's own unit, then its parent
        unit = s.get(Unit, officer.unit_id)
        for o in focal_officers(s, unit_ids=[officer.unit_id, unit.parent_id if unit else None], exclude=officer.id):
            recipients[o.id] = o  # type: ignore[index]
    if not recipients:
        log.error("message %s is undeliverable and nobody is set up to hear of it (no focal point)", job.key)
        return 0
    last: dict[tuple[int | None, str], _Attempt] = {}
    for a in attempts:
        last[(a.contact_id, a.target)] = a
    attempt_views = [AttemptView(a.channel, a.target, a.status, a.error) for a in last.values()]
    unit = s.get(Unit, officer.unit_id)
    day = local_day(now)
    created = 0
    for rid, recipient in recipients.items():
        key = f"{rid}:{day.isoformat()}:{UNREACHABLE}:{job.id}"
        if s.exec(select(Message.id).where(Message.key == key)).first() is not None:
            continue
        view = UnreachableView(recipient=recipient.name, officer=officer.name, unit=unit.name if unit else "",
                               day=job.day, position=officer.position, attempts=attempt_views, plans=plans,
                               link=link_for(s, officer_id=rid, settings=settings, now=now))
        subject, text, html = render_unreachable(view)
        s.add(Message(key=key, officer_id=rid, day=day, kind=UNREACHABLE, subject=subject, body_text=text,
                      body_html=html, status="pending", created_at=now))
        created += 1
    s.flush()
    return created


# ============================================================================ test message


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
        rows.append(dict(contact_id=c.id, channel=channel, target=res.target, attempt=i, status=res.status,
                         error=res.error, at=now))
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
