"""Status collection: who may update what, validation, late marking, extensions, attachments, audit.

Authorisation rules (one place, used by the web pages, the API and the CLI):
- An active officer may read and update the obligations of their own unit. When an obligation names
  one officer (a task given to "Công chức X"), only that officer and the unit's head, deputy or focal
  officer may update it; other staff of the unit do not see it.
- The plan's focal point — an active officer with role `focal` or `head` in the plan's focal unit
  (`Plan.focal_unit_id`, else `Plan.owner_unit_id`) — sees every obligation of the plan, decides
  extension requests and reminds units. They do not submit status as a unit, but may enter a unit's
  status on its behalf (nhập thay, `submit_on_behalf`) with the source noted; so may the issuer.
- The issuer — an active officer with role `head`, `deputy` or `focal` in `Plan.issuer_unit_id` — sees
  the plan's dashboard (read-only).
Anything else raises `Forbidden`, which the web layer turns into the same 404 as an unknown id.

Late marking: an update sent after the obligation's cut-off date (Asia/Ho_Chi_Minh) is accepted and
marked `late` (gửi muộn); an approved extension moves that date to `extended_due`. On-time statistics
never use the extension: they compare `completed_at` with `due_date` (services/timeliness.py).

Figures: `payload.figures` maps a target's `ref` or `key` to a number; they are stored keyed by
`Target.key` (unique within a plan; several targets can share one section ref)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, select

from dondoc.clock import local_date as local_day
from dondoc.collect import extensions
from dondoc.collect.access import (
    get_officer,
    is_focal,
    obligation_for_entry,
    obligation_for_update,
    plan_targets,
    stand_in,
)
from dondoc.collect.validation import StatusInputError, StatusPayload, _clean_text, clean_source, validate
from dondoc.errors import Forbidden
from dondoc.models import (
    CLOSED,
    AuditEvent,
    ExtensionRequest,
    Obligation,
    Officer,
    Plan,
    StatusUpdate,
)


def late_after(obligation: Obligation) -> dt.date:
    """The last day an update counts as sent in time: the cut-off, or the approved extension if later."""
    if obligation.extended_due and obligation.extended_due > obligation.cutoff:
        return obligation.extended_due
    return obligation.cutoff


def _snapshot(o: Obligation) -> dict[str, Any]:
    return {
        "status": o.status,
        "progress": o.progress,
        "closed": o.closed,
        "completed_at": o.completed_at.isoformat() if o.completed_at else None,
        "last_update_at": o.last_update_at.isoformat() if o.last_update_at else None,
        "extended_due": o.extended_due.isoformat() if o.extended_due else None,
    }


def actor(officer_id: int | None) -> str:
    return f"officer:{officer_id}" if officer_id is not None else "cli"


def submit_status(
    session: Session,
    *,
    officer_id: int,
    obligation_id: int,
    payload: StatusPayload | dict[str, Any],
    via: str,
    now: dt.datetime,
    token_id: int | None = None,
) -> StatusUpdate:
    """Record one status update for an obligation the officer may update; the caller commits.

    The obligation row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already
    serialises writers) so concurrent submissions never lose the before/after of the audit trail."""
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    officer = get_officer(session, officer_id)
    day = local_day(now)
    obligation = obligation_for_update(session, officer=officer, obligation_id=obligation_id, lock=True, day=day)
    absent = stand_in(session, officer=officer, obligation=obligation, day=day)
    if absent is not None:
        # A substitute: the update is the absent officer's, entered by the substitute, shown "A thay B".
        from dondoc.directory.substitutes import on_behalf_label

        return _record(session, obligation=obligation, payload=payload, author_id=absent.id,
                       entered_by_id=officer.id, actor_id=officer.id, update_via=SUBSTITUTE_VIA,  # type: ignore[arg-type]
                       audit_via=via, now=now, token_id=token_id, source=on_behalf_label(officer.name, absent.name))
    return _record(session, obligation=obligation, payload=payload, author_id=officer.id, entered_by_id=None,  # type: ignore[arg-type]
                   actor_id=officer.id, update_via=via, audit_via=via, now=now, token_id=token_id)  # type: ignore[arg-type]


SUBSTITUTE_VIA = "substitute"  # StatusUpdate.via of a substitute's entry (reporting/ledger_query.py reads it)


ON_BEHALF_VIA = "focal"


def submit_on_behalf(
    session: Session,
    *,
    officer_id: int,
    obligation_id: int,
    payload: StatusPayload | dict[str, Any],
    source: str,
    via: str,
    now: dt.datetime,
    plan_id: int | None = None,
    token_id: int | None = None,
) -> StatusUpdate:
    """Nhập thay: the plan's focal point (or issuer) records a status a unit sent by phone, Zalo or on
    paper. The update is the unit's in every respect (late marking, on-time statistics, reminders stop
    the same way: they follow the obligation); `officer_id` stays the obligation's named officer,
    `entered_by_id` is the focal officer, `via` is "focal". The audit trail names the focal officer as
    actor, with the channel used (`via`: web, api, cli) and the source (also kept on the update) in a `status.on_behalf` event."""
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    officer = get_officer(session, officer_id)
    obligation = obligation_for_entry(session, officer=officer, obligation_id=obligation_id, plan_id=plan_id,
                                      lock=True)
    note = clean_source(source)
    update = _record(session, obligation=obligation, payload=payload, author_id=obligation.officer_id,
                     entered_by_id=officer.id, actor_id=officer.id, update_via=ON_BEHALF_VIA, audit_via=via,  # type: ignore[arg-type]
                     now=now, token_id=token_id, source=note)
    session.add(AuditEvent(at=now, actor=actor(officer.id), via=via, token_id=token_id, action="status.on_behalf",
                           entity="statusupdate", entity_id=update.id, before={},
                           after={"obligation_id": obligation.id, "unit_id": obligation.unit_id, "source": note},
                           note=note))
    session.flush()
    return update


def _record(
    session: Session,
    *,
    obligation: Obligation,
    payload: StatusPayload | dict[str, Any],
    author_id: int | None,
    entered_by_id: int | None,
    actor_id: int,
    update_via: str,
    audit_via: str,
    now: dt.datetime,
    token_id: int | None,
    source: str | None = None,
) -> StatusUpdate:
    """Validate and store one update of a locked obligation, move the obligation, audit it."""
    clean = validate(payload, targets=plan_targets(session, obligation.plan_id))
    before = _snapshot(obligation)
    late = local_day(now) > late_after(obligation)
    update = StatusUpdate(
        obligation_id=obligation.id,  # type: ignore[arg-type]
        officer_id=author_id,
        entered_by_id=entered_by_id,
        source=source,
        status=clean.status,
        progress=clean.progress,
        result=clean.result,
        figures=clean.figures,
        difficulties=clean.difficulties,
        proposals=clean.proposals,
        late=late,
        via=update_via,
        submitted_at=now,
    )
    session.add(update)
    obligation.status = clean.status
    obligation.progress = clean.progress
    obligation.closed = clean.status in CLOSED
    obligation.last_update_at = now
    obligation.stale = False
    if clean.status == "done":
        if obligation.completed_at is None:
            obligation.completed_at = now
    else:
        obligation.completed_at = None
    session.add(obligation)
    session.flush()
    kind = " substitute" if update_via == SUBSTITUTE_VIA else " on_behalf" if entered_by_id else ""
    note = f"statusupdate:{update.id}" + (" late" if late else "") + kind
    session.add(AuditEvent(
        at=now, actor=actor(actor_id), via=audit_via, token_id=token_id, action="status.submit",
        entity="obligation", entity_id=obligation.id, before=before, after=_snapshot(obligation), note=note,
    ))
    session.flush()
    return update


def request_extension(
    session: Session,
    *,
    officer_id: int,
    obligation_id: int,
    requested_due: dt.date,
    reason: str,
    via: str,
    now: dt.datetime,
    token_id: int | None = None,
) -> ExtensionRequest:
    officer = get_officer(session, officer_id)
    obligation = obligation_for_update(session, officer=officer, obligation_id=obligation_id, lock=True,
                                       day=local_day(now))
    reason = _clean_text(reason, "Lý do")
    if not reason:
        raise StatusInputError("Hãy nêu lý do xin gia hạn.")
    if requested_due <= obligation.effective_due:
        raise StatusInputError(f"Ngày xin gia hạn phải sau hạn hiện tại ({obligation.effective_due:%d/%m/%Y}).")
    if requested_due > obligation.effective_due + dt.timedelta(days=366):
        raise StatusInputError("Ngày xin gia hạn quá xa (tối đa một năm).")
    pending = session.exec(select(ExtensionRequest).where(
        ExtensionRequest.obligation_id == obligation.id, ExtensionRequest.state == "pending")).first()
    if pending is not None:
        raise StatusInputError("Đã có một đề nghị gia hạn đang chờ cơ quan đầu mối xem xét.")
    req = ExtensionRequest(obligation_id=obligation.id, officer_id=officer.id,  # type: ignore[arg-type]
                           requested_due=requested_due, reason=reason, created_at=now)
    session.add(req)
    session.flush()
    session.add(AuditEvent(at=now, actor=actor(officer.id), via=via, token_id=token_id, action="extension.request",
                           entity="extensionrequest", entity_id=req.id, before={},
                           after={"obligation_id": obligation.id, "requested_due": requested_due.isoformat(),
                                  "state": "pending"}, note=reason[:500]))
    session.flush()
    return req


def decide_extension(
    session: Session,
    *,
    officer_id: int,
    request_id: int,
    approve: bool,
    via: str,
    now: dt.datetime,
    token_id: int | None = None,
) -> ExtensionRequest:
    """The plan's focal point approves (sets Obligation.extended_due) or refuses a pending request."""
    officer = get_officer(session, officer_id)

    def check(plan: Plan | None) -> None:
        if plan is None or not is_focal(officer, plan):
            raise Forbidden("Không tìm thấy.")

    req, _ = extensions.decide(session, request_id=request_id, approve=approve, check=check, actor=actor(officer.id),
                               via=via, now=now, decided_by=officer.id, token_id=token_id)
    return req


def remind_now(
    session: Session,
    *,
    officer_id: int,
    plan_id: int,
    unit_id: int,
    now: dt.datetime,
    via: str,
    period: str | None = None,
    token_id: int | None = None,
) -> int:
    """'Nhắc ngay': the focal point asks for a reminder to a unit today. Creates Notice(kind reminder,
    level 0, day today) for each open obligation of the unit in the plan (optionally one period) and each
    addressee (the obligation's officer, else the unit's active officers); the delivery layer sends them.
    Returns the number of new notices (0 when they already exist today)."""
    from dondoc.models import Notice

    officer = get_officer(session, officer_id)
    plan = session.get(Plan, plan_id)
    if plan is None or not is_focal(officer, plan):
        raise Forbidden("Không tìm thấy.")
    stmt = select(Obligation).where(Obligation.plan_id == plan_id, Obligation.unit_id == unit_id,
                                    Obligation.closed == False)
    if period:
        stmt = stmt.where(Obligation.period == period)
    obligations = list(session.exec(stmt).all())
    if not obligations:
        return 0
    staff = list(session.exec(select(Officer).where(Officer.unit_id == unit_id, Officer.active == True)).all())
    day = local_day(now)
    existing = {(n.obligation_id, n.officer_id) for n in session.exec(select(Notice).where(
        Notice.obligation_id.in_([o.id for o in obligations]),  # type: ignore[union-attr]
        Notice.kind == "reminder", Notice.level == 0, Notice.day == day)).all()}
    created = 0
    for o in obligations:
        to = [o.officer_id] if o.officer_id else [s.id for s in staff]
        for oid in to:
            if oid is None or (o.id, oid) in existing:
                continue
            session.add(Notice(obligation_id=o.id, officer_id=oid, kind="reminder", level=0,  # type: ignore[arg-type]
                               day=day, created_at=now))
            existing.add((o.id, oid))
            created += 1
    session.add(AuditEvent(at=now, actor=actor(officer.id), via=via, token_id=token_id, action="remind.now",
                           entity="unit", entity_id=unit_id, before={},
                           after={"plan_id": plan_id, "period": period, "notices": created}))
    session.flush()
    return created
