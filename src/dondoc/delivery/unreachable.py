"""When every contact of an officer has failed: tell the plan's focal point that the officer is unreachable."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from dondoc.collect.links import stored_link as link_for  # placeholder; token filled in at send time
from dondoc.config import Settings
from dondoc.delivery.compose import _load_ctx, _plan_views, local_day, log
from dondoc.delivery.jobs import _Attempt, _Job
from dondoc.directory.focal import focal_point as focal_officers
from dondoc.models import (
    Message,
    Notice,
    Officer,
    Unit,
)
from dondoc.notifications.render import (
    AttemptView,
    UnreachableView,
    render_unreachable,
)

UNREACHABLE = "unreachable"




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
