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
are instead, with the personal link the message holds."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, bindparam, insert, not_, update
from sqlalchemy import text as sql_text
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from dondoc.clock import local_date as local_day
from dondoc.collect.links import stored_links as links_for  # placeholders; tokens filled in at send time
from dondoc.config import Settings
from dondoc.models import (
    STATUS_LABELS,
    Assignment,
    Message,
    Notice,
    Obligation,
    Officer,
    Plan,
    ReportObligation,
    Unit,
)
from dondoc.models.work import task_text
from dondoc.notifications.render import (
    DigestView,
    ItemView,
    PlanView,
    render_digest,
)
from dondoc.vietnamese import fold

log = logging.getLogger(__name__)
_MESSAGE = Message.__table__  # type: ignore[attr-defined]


DIGEST = "digest"


COMPOSE_LOCK = 0x646F6E646F63  # pg advisory lock key of compose_messages ('dondoc')


TASK_CHARS = 300  # a task's text is cut to this length in messages


_NOTICE = Notice.__table__  # type: ignore[attr-defined]


_LINK_NOTICE = update(_NOTICE).where(_NOTICE.c.id == bindparam("n_id")).values(message_id=bindparam("n_mid"))




def _chunks(items: Sequence[Any], size: int = 2000) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _clip(text: str, limit: int = TASK_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


@dataclass
class MessageContext:
    """Rows the message views need, loaded in a handful of IN queries (`load_context`): the obligations'
    plans, units and tasks, and the recipients."""

    obligations: dict[int, Obligation]
    units: dict[int, Unit]
    plans: dict[int, Plan]
    officers: dict[int, Officer]
    assignments: dict[int, Assignment]
    reports: dict[int, ReportObligation]
    history: dict[int, tuple[int, dt.date | None, list[str]]] = field(default_factory=dict)
    # obligation -> (reminder days, since, who): the reminder history of escalated obligations (digests)

    def task(self, ob: Any) -> str:
        """The obligation's task text (models.work.task_text)."""
        return task_text(ob, self.assignments.get(ob.assignment_id or -1), self.reports.get(ob.report_id or -1))

    def ref(self, ob: Any) -> str:
        """The section number of the obligation's assignment or report ('2.1', 'IV.3')."""
        row: Any = self.assignments.get(ob.assignment_id or -1) or self.reports.get(ob.report_id or -1)
        return (row.ref or "") if row is not None else ""


def _in(session: Session, model: Any, ids: Iterable[int]) -> dict[int, Any]:
    ids = sorted(set(ids))
    out: dict[int, Any] = {}
    for chunk in _chunks(ids):
        for row in session.exec(select(model).where(col(model.id).in_(chunk))).all():
            out[row.id] = row
    return out


def load_context(session: Session, *, obligations: Iterable[Any], officer_ids: Iterable[int]) -> MessageContext:
    """The context of messages about `obligations` to `officer_ids`. The obligations may be stored rows
    or not yet stored (an activation preview: objects with plan_id, unit_id, assignment_id, report_id,
    role); only stored ones (with an id) are kept in `obligations`."""
    obs = list(obligations)
    officers = _in(session, Officer, officer_ids)
    return MessageContext(
        obligations={o.id: o for o in obs if o.id is not None},
        units=_in(session, Unit, [o.unit_id for o in obs] + [o.unit_id for o in officers.values()]),
        plans=_in(session, Plan, (o.plan_id for o in obs)),
        officers=officers,
        assignments=_in(session, Assignment, (o.assignment_id for o in obs if o.assignment_id)),
        reports=_in(session, ReportObligation, (o.report_id for o in obs if o.report_id)),
    )


def _load_ctx(session: Session, notices: Sequence[Notice], *, day: dt.date,
              extra_officers: Iterable[int] = ()) -> MessageContext:
    """A digest's context: `load_context` for the notices' obligations and officers, plus the reminder
    history of the escalated obligations."""
    obligations = _in(session, Obligation, (n.obligation_id for n in notices))
    ctx = load_context(session, obligations=obligations.values(),
                       officer_ids=[n.officer_id for n in notices] + list(extra_officers))
    officers = ctx.officers
    # Reminder history of the escalated obligations: who heard how many times and since when.
    escalated = sorted({n.obligation_id for n in notices if n.kind == "escalation"})
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
            ctx.history[ob_id] = (len(days[ob_id]), min(days[ob_id]) if days[ob_id] else None, list(who[ob_id]))
    return ctx


def _section(notice: Notice, ob: Obligation, recipient: Officer, days: int) -> str:
    if notice.kind == "stale":
        return "stale"
    if notice.kind == "escalation":
        own = ob.officer_id == recipient.id or (
            ob.officer_id is None and ob.unit_id == recipient.unit_id and recipient.role not in ("head", "deputy"))
        return "overdue" if own else "escalations"
    return "reminders" if days >= 0 else "overdue"


def _plan_views(notices: Sequence[Notice], recipient: Officer, ctx: MessageContext, *, day: dt.date) -> list[PlanView]:
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
            task=_clip(ctx.task(ob)),
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
        for section in ("reminders", "overdue", "stale"):
            getattr(view, section).sort(key=lambda i: (i.due, i.unit, i.task))
        view.escalations.sort(key=lambda i: (fold(i.unit), i.due, i.task))  # grouped by unit in the message
    return [by_plan[k] for k in sorted(by_plan)]


def compose_messages(session: Session, *, day: dt.date, now: dt.datetime, settings: Settings) -> list[Message]:
    """Gather every Notice not yet in a message into one digest per officer for `day`.

    Returns the messages created or extended; the caller commits. Escalation notices of requested
    obligations (mode 'request') are never turned into messages: requested bodies are not escalated.
    """
    # Long on purpose: one transaction that loads, groups by officer and plan, and writes the digests.
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
        new_rows.append({"key": key, "officer_id": officer.id, "day": day, "kind": DIGEST, "subject": subject, "body_text": text,
                             "body_html": html, "status": "pending", "attempts": 0, "late": False, "created_at": now})
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
