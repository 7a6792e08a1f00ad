"""iCalendar (RFC 5545) feeds of deadlines: per officer, unit or plan, behind a revocable token.

`/ical/{token}.ics` serves the feed. The token is an HMAC of the server's key and the feed's row id, so
`dondoc ical link CODE` can print the same URL again; only its SHA-256 is stored; revoking sets
`revoked_at` and the next link is a new row (a new URL). Each open obligation is one all-day event on its
deadline (the extended one when an extension was approved); undated work appears on the day its next
status update is asked for. An officer's feed carries the personal link in each event; unit and plan
feeds do not (they may be shared more widely than one person's link should be)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from sqlmodel import Session, col, select

from dondoc.config import Settings
from dondoc.errors import InputError, NotFound
from dondoc.models import Assignment, CalendarFeed, Obligation, Officer, Plan, ReportObligation, Unit
from dondoc.models.work import task_text
from dondoc.reporting.ledger import entry
from dondoc.secrets import master_key

SCOPES = ("officer", "unit", "plan")


def _derive(settings: Settings, feed_id: int) -> str:
    return hmac.new(master_key(settings), f"dondoc-ical:{feed_id}".encode(), hashlib.sha256).hexdigest()[:43]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_url(settings: Settings, token: str) -> str:
    return f"{settings.base_url.rstrip('/')}/ical/{token}.ics"


def feed_token(session: Session, *, scope: str, target_id: int, settings: Settings, now: dt.datetime,
               actor: str = "cli") -> str:
    """The live feed's token for (scope, target), creating the feed when there is none. Caller commits."""
    if scope not in SCOPES:
        raise InputError(f"loại lịch '{scope}': một trong {', '.join(SCOPES)}")
    row = session.exec(select(CalendarFeed).where(CalendarFeed.scope == scope, CalendarFeed.target_id == target_id,
                                                  col(CalendarFeed.revoked_at).is_(None))
                       .order_by(col(CalendarFeed.id).desc())).first()
    if row is None:
        row = CalendarFeed(token_hash="", scope=scope, target_id=target_id, created_by=actor, created_at=now)
        session.add(row)
        session.flush()
        assert row.id is not None
        row.token_hash = _hash(_derive(settings, row.id))
        session.add(row)
        session.flush()
    assert row.id is not None
    return _derive(settings, row.id)


def revoke_feeds(session: Session, *, scope: str, target_id: int, now: dt.datetime) -> int:
    rows = session.exec(select(CalendarFeed).where(CalendarFeed.scope == scope, CalendarFeed.target_id == target_id,
                                                   col(CalendarFeed.revoked_at).is_(None))).all()
    for r in rows:
        r.revoked_at = now
        session.add(r)
    session.flush()
    return len(rows)


def find_feed(session: Session, token: str) -> CalendarFeed:
    """The live feed of a token; NotFound for an unknown or revoked one (the same answer for both)."""
    if not token or len(token) > 128:
        raise NotFound("Không tìm thấy lịch.")
    row = session.exec(select(CalendarFeed).where(CalendarFeed.token_hash == _hash(token))).first()
    if row is None or row.revoked_at is not None:
        raise NotFound("Không tìm thấy lịch.")
    return row


def officer_obligations(session: Session, officer: Officer) -> list[Obligation]:
    """The open obligations of active plans the officer answers for: named on it, or the unit's responsible
    officer (directory/people.py) when nobody is named."""
    from dondoc.directory.focal import load_people

    obs = session.exec(select(Obligation).join(Plan, col(Plan.id) == col(Obligation.plan_id))
                       .where(Plan.state == "active", Obligation.closed == False,
                              Obligation.unit_id == officer.unit_id)).all()
    people = load_people(session)
    return [o for o in obs if officer.id in people.responsible(o)]


@dataclass
class _Scoped:
    name: str
    obligations: list[Obligation]
    officer_id: int | None


def _scoped(session: Session, feed: CalendarFeed) -> _Scoped:
    base = select(Obligation).join(Plan, col(Plan.id) == col(Obligation.plan_id)).where(
        Plan.state == "active", Obligation.closed == False)
    if feed.scope == "officer":
        officer = session.get(Officer, feed.target_id)
        if officer is None:
            raise NotFound("Không tìm thấy lịch.")
        return _Scoped(f"Thời hạn nhiệm vụ — {officer.name}", officer_obligations(session, officer), officer.id)
    if feed.scope == "unit":
        unit = session.get(Unit, feed.target_id)
        if unit is None:
            raise NotFound("Không tìm thấy lịch.")
        return _Scoped(f"Thời hạn nhiệm vụ — {unit.name}",
                       list(session.exec(base.where(Obligation.unit_id == unit.id)).all()), None)
    plan = session.get(Plan, feed.target_id)
    if plan is None:
        raise NotFound("Không tìm thấy lịch.")
    return _Scoped(f"Kế hoạch {plan.number or ''} — {plan.title[:80]}",
                   list(session.exec(base.where(Obligation.plan_id == plan.id)).all()), None)


def render_feed(session: Session, *, feed: CalendarFeed, settings: Settings, now: dt.datetime) -> bytes:
    """The feed as iCalendar bytes (may issue the officer's personal link: the caller commits)."""
    from icalendar import Calendar, Event

    from dondoc.clock import local_date

    scoped = _scoped(session, feed)
    obs = sorted(scoped.obligations, key=lambda o: (o.effective_due, o.id or 0))
    plans = {p.id: p for p in session.exec(select(Plan).where(col(Plan.id).in_({o.plan_id for o in obs}))).all()}
    assignments = {a.id: a for a in session.exec(select(Assignment).where(
        col(Assignment.id).in_({o.assignment_id for o in obs if o.assignment_id}))).all()}
    reports = {r.id: r for r in session.exec(select(ReportObligation).where(
        col(ReportObligation.id).in_({o.report_id for o in obs if o.report_id}))).all()}
    units = {u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_({o.unit_id for o in obs}))).all()}
    link = ""
    if scoped.officer_id is not None:
        from dondoc.collect.links import link_for

        link = link_for(session, officer_id=scoped.officer_id, settings=settings, now=now)
    today = local_date(now)
    cal = Calendar()
    cal.add("prodid", "-//dondoc//so theo doi//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", scoped.name)
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    host = settings.base_url.split("://")[-1].split("/")[0] or "dondoc"
    for o in obs:
        e = entry(o, as_of=today)
        plan = plans.get(o.plan_id)
        a, r = assignments.get(o.assignment_id or 0), reports.get(o.report_id or 0)
        ref = (a.ref if a else r.ref if r else "") or ""
        text = " ".join(task_text(o, a, r).split())
        day = e.update_by if e.undated else (e.effective_due or o.due_date)
        ev = Event()
        ev.add("uid", f"obligation-{o.id}@{host}")
        ev.add("dtstamp", now)
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        prefix = "Cập nhật tình hình" if e.undated else "Hạn"
        ev.add("summary", f"{prefix}: {ref + ' ' if ref else ''}{text[:120]}")
        lines = [text, f"Kế hoạch: {plan.number or ''} {plan.title}" if plan else "",
                 f"Đơn vị: {units[o.unit_id].name}" if o.unit_id in units else "",
                 f"Tình trạng: {e.status_label}", f"Cập nhật tại: {link}" if link else ""]
        ev.add("description", "\n".join(x for x in lines if x))
        if link:
            ev.add("url", link)
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return bytes(cal.to_ical())
