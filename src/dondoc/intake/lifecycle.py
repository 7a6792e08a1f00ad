"""A plan's life: draft -> active -> closed, and the assignment notice (giao việc) units get.

An import makes a draft; a draft has no obligations, so nothing can be scheduled, reminded or
escalated for it. Activation creates the obligations and tells every responsible officer, once, what
their unit was given (plan, tasks, due dates, personal link). Later corrections (console, API, a
corrected export) update the obligations in place; the officers of obligations added by a correction
get their own notice, and nobody hears twice of the same obligation.

Exactly once: each obligation an officer was told of has a Notice(kind="assignment") pointing at the
Message that carried it; `notify_assigned` only considers obligations without one, and the Message has
a unique key (officer:day:assign:plan[:n]). Both rows are written in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from dondoc.config import Settings
from dondoc.delivery.compose import MessageContext, load_context
from dondoc.errors import InputError, NotFound
from dondoc.models import (
    NOT_APPLICABLE,
    AuditEvent,
    Message,
    Notice,
    Obligation,
    Officer,
    Plan,
)
from dondoc.models.work import GENERIC_TASK

ASSIGNMENT = "assignment"  # Notice.kind and Message.kind of the giao việc notice
STATES = ("draft", "active", "closed")
STATE_LABELS = {"draft": "Dự thảo (chưa theo dõi)", "active": "Đang theo dõi", "closed": "Đã kết thúc"}
PREVIEW_LINK = "(đường dẫn cá nhân của đồng chí)"


@dataclass
class Activation:
    plan_id: int
    obligations: int
    officers: int
    messages: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"plan": self.plan_id, "state": "active", "obligations": self.obligations,
                "officers_notified": self.officers}


def get_plan(session: Session, plan_id: int) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"no plan with id {plan_id} (see `dondoc plan list`)")
    return plan


def activate_plan(session: Session, *, plan_id: int, settings: Settings, now: dt.datetime,
                  actor: str = "cli", via: str = "cli") -> Activation:
    """Ban hành theo dõi: create the draft's obligations and queue the assignment notices."""
    from dondoc.intake.obligations import sync_plan

    plan = get_plan(session, plan_id)
    if plan.state != "draft":
        raise InputError(f"kế hoạch {plan_id} đang ở trạng thái '{STATE_LABELS.get(plan.state, plan.state)}', "
                         "chỉ kích hoạt được kế hoạch dự thảo")
    # Conditional on the state: two people pressing the button at once activate it once.
    moved = session.execute(update(Plan).where(col(Plan.id) == plan_id, col(Plan.state) == "draft")
                            .values(state="active", activated_at=now, activated_by=actor, updated_at=now))
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        raise InputError(f"kế hoạch {plan_id} vừa được kích hoạt bởi người khác")
    session.refresh(plan)
    counts = sync_plan(session, plan=plan, settings=settings, now=now)
    officers = notify_assigned(session, plan=plan, settings=settings, now=now)
    messages = list(session.exec(select(Message.id).where(Message.kind == ASSIGNMENT,
                                                          col(Message.key).contains(f":assign:{plan_id}"))).all())
    session.add(AuditEvent(at=now, actor=actor, via=via, action="plan.activate", entity="plan", entity_id=plan_id,
                           before={"state": "draft"}, after={"state": "active", **counts,
                                                              "officers_notified": officers}))
    session.flush()
    return Activation(plan_id=plan_id, obligations=counts["obligations_created"], officers=officers,
                      messages=[m for m in messages if m is not None])


def close_plan(session: Session, *, plan_id: int, now: dt.datetime, actor: str = "cli", via: str = "cli") -> None:
    """Kết thúc theo dõi: open obligations are closed as not applicable; nothing is sent any more."""
    plan = get_plan(session, plan_id)
    if plan.state != "active":
        raise InputError(f"kế hoạch {plan_id} không ở trạng thái đang theo dõi")
    before = plan.state
    plan.state, plan.updated_at = "closed", now
    session.add(plan)
    session.execute(update(Obligation).where(col(Obligation.plan_id) == plan_id, col(Obligation.closed) == False)
                    .values(closed=True, status=NOT_APPLICABLE))
    session.add(AuditEvent(at=now, actor=actor, via=via, action="plan.close", entity="plan", entity_id=plan_id,
                           before={"state": before}, after={"state": "closed"}))
    session.flush()


def _item(ob: Any, ctx: MessageContext, officer: Officer) -> Any:
    from dondoc.notifications.render import AssignedItem

    unit = ctx.units.get(ob.unit_id)
    recurring = ob.kind in ("recurring", "continuous")
    text = ctx.task(ob) or GENERIC_TASK["report"]
    return AssignedItem(ref=ctx.ref(ob), task=" ".join(text.split())[:300], role=ob.role, due=ob.due_date,
                        unit=unit.name if unit else "", own_unit=ob.unit_id == officer.unit_id,
                        period_label=f"kỳ {ob.period}" if recurring else "")


def group_by_officer(session: Session, obligations: list[Any]) -> dict[int, list[Any]]:
    """Who answers for each obligation (its named officer, else the unit's focal officer, else head...)."""
    from dondoc.directory.focal import load_people

    people = load_people(session)
    out: dict[int, list[Any]] = defaultdict(list)
    for ob in obligations:
        for officer_id in people.responsible(ob):
            out[officer_id].append(ob)
    return out


def notify_assigned(session: Session, *, plan: Plan, settings: Settings, now: dt.datetime) -> int:
    """Queue one assignment notice per officer for the plan's open obligations nobody was told of yet.

    Returns the number of officers notified. The messages go out with the next delivery run."""
    from dondoc.collect.links import stored_links
    from dondoc.followup.sweep import local_day
    from dondoc.notifications.render import AssignmentView, render_assignment

    assert plan.id is not None
    if plan.state != "active":
        return 0
    told = set(session.exec(select(Notice.obligation_id).join(Obligation, col(Obligation.id) == col(Notice.obligation_id))
                            .where(Obligation.plan_id == plan.id, Notice.kind == ASSIGNMENT)).all())
    fresh = [o for o in session.exec(select(Obligation).where(Obligation.plan_id == plan.id,
                                                              Obligation.closed == False)
                                     .order_by(col(Obligation.due_date), col(Obligation.key))).all()
             if o.id not in told]
    if not fresh:
        return 0
    added = bool(told)  # units were told of this plan before: this notice lists what was added
    per_officer = group_by_officer(session, fresh)
    ctx = load_context(session, obligations=fresh, officer_ids=per_officer)
    # Stored bodies hold a placeholder for the personal link; the sender puts the live token in.
    links = stored_links(session, officer_ids=list(ctx.officers), settings=settings, now=now)
    day = local_day(now)
    prefix = f"{{}}:{day.isoformat()}:assign:{plan.id}"
    taken = set(session.exec(select(Message.key).where(Message.kind == ASSIGNMENT, Message.day == day,
                                                       col(Message.officer_id).in_(list(ctx.officers)))).all())
    notices: list[dict[str, Any]] = []
    for officer_id, obs in sorted(per_officer.items()):
        officer = ctx.officers.get(officer_id)
        if officer is None:
            continue
        unit = ctx.units.get(officer.unit_id)
        view = AssignmentView(officer=officer.name, unit=unit.name if unit else "", plan_title=plan.title,
                              plan_number=plan.number, items=[_item(o, ctx, officer) for o in obs],
                              link=links[officer_id], added=added)
        subject, text, html = render_assignment(view)
        key, n = prefix.format(officer_id), 1
        while key in taken:
            n += 1
            key = f"{prefix.format(officer_id)}:{n}"
        msg = Message(key=key, officer_id=officer_id, day=day, kind=ASSIGNMENT, subject=subject, body_text=text,
                      body_html=html, created_at=now)
        session.add(msg)
        session.flush()
        notices.extend({"obligation_id": o.id, "officer_id": officer_id, "kind": ASSIGNMENT, "level": 0, "day": day,
                        "message_id": msg.id, "created_at": now} for o in obs)
    if notices:
        session.execute(insert(Notice), notices)  # one statement for all (hundreds on an activation)
    session.flush()
    return len(per_officer)


@dataclass
class PreviewOfficer:
    officer: str
    unit: str
    items: list[Any]
    subject: str
    text: str


@dataclass
class Preview:
    obligations: int
    units: list[dict[str, Any]]  # per unit: name, obligations (role, ref, task, due, period)
    officers: list[PreviewOfficer]
    unreached_units: list[str]  # units with obligations but no officer to tell

    def as_dict(self) -> dict[str, Any]:
        return {"obligations": self.obligations, "units": self.units,
                "officers": [{"officer": o.officer, "unit": o.unit, "subject": o.subject, "text": o.text,
                              "items": [{"ref": i.ref, "task": i.task, "role": i.role, "due": i.due.isoformat()}
                                        for i in o.items]} for o in self.officers],
                "unreached_units": self.unreached_units}


def preview_activation(session: Session, *, plan: Plan, settings: Settings) -> Preview:
    """What activating the plan would do (nothing written): obligations per unit, the first messages."""
    from types import SimpleNamespace

    from dondoc.intake.obligations import wanted_obligations
    from dondoc.notifications.render import AssignmentView, render_assignment

    wanted = wanted_obligations(session, plan=plan, settings=settings)
    obs = [SimpleNamespace(id=None, plan_id=plan.id, assignment_id=w.assignment_id, report_id=w.report_id,
                           unit_id=w.unit_id, officer_id=w.officer_id, role=w.role, kind=w.kind, period=w.occ.period,
                           due_date=w.due_date)
           for w in sorted(wanted, key=lambda w: (w.due_date, w.key))]
    per_officer = group_by_officer(session, obs)
    ctx = load_context(session, obligations=obs, officer_ids=per_officer)
    units = ctx.units
    by_unit: dict[int, list[Any]] = defaultdict(list)
    for o in obs:
        by_unit[o.unit_id].append(o)
    reached = {o.unit_id for obl in per_officer.values() for o in obl}
    unit_rows = []
    for unit_id, items in sorted(by_unit.items(), key=lambda kv: units[kv[0]].name if kv[0] in units else ""):
        unit = units.get(unit_id)
        rows = [{"role": o.role, "ref": ctx.ref(o), "task": " ".join(ctx.task(o).split())[:200],
                 "due": o.due_date.isoformat(), "period": o.period} for o in items]
        unit_rows.append({"unit_id": unit_id, "unit": unit.name if unit else str(unit_id), "obligations": rows})
    out: list[PreviewOfficer] = []
    for officer_id, items in sorted(per_officer.items()):
        officer = ctx.officers.get(officer_id)
        if officer is None:
            continue
        unit = units.get(officer.unit_id)
        view = AssignmentView(officer=officer.name, unit=unit.name if unit else "", plan_title=plan.title,
                              plan_number=plan.number, items=[_item(o, ctx, officer) for o in items],
                              link=PREVIEW_LINK)
        subject, text, _html = render_assignment(view)
        out.append(PreviewOfficer(officer=officer.name, unit=view.unit, items=view.items, subject=subject, text=text))
    unreached = sorted(units[u].name for u in set(by_unit) - reached if u in units)
    return Preview(obligations=len(obs), units=unit_rows, officers=out, unreached_units=unreached)
