"""Deciding an extension request: one lock-load-check-apply-audit sequence, whoever decides.

Two doors lead here: the plan's focal officer on their personal link (`collect.submit.decide_extension`:
may decide when `is_focal`) and staff in the console's queue (`collect.decisions.decide_extension`: the
plan is within the staff member's scope, a refusal needs a reason, the unit is told). They differ in who
may decide and in what follows the decision; the sequence itself is here, once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlmodel import Session, select

from dondoc.collect.validation import StatusInputError
from dondoc.errors import InputError, NotFound
from dondoc.models import AuditEvent, ExtensionRequest, Obligation, Plan

# Raises (NotFound, Forbidden ...) when the caller may not decide for this plan (None: the plan is gone).
Check = Callable[[Plan | None], None]


def decide(
    session: Session,
    *,
    request_id: int,
    approve: bool,
    check: Check,
    actor: str,
    via: str,
    now: dt.datetime,
    new_due: dt.date | None = None,
    reason: str = "",
    reason_required: bool = False,
    decided_by: int | None = None,
    token_id: int | None = None,
    missing: str = "Không tìm thấy.",
) -> tuple[ExtensionRequest, Obligation]:
    """Approve (with the requested date, or `new_due`) or refuse a pending request; the caller commits.

    The obligation row is locked first (FOR UPDATE on PostgreSQL), so two deciders never both see the
    request pending. The original deadline stays in Obligation.due_date for the statistics; an approval
    sets extended_due. Audited as `extension.approved|refused` with the obligation's extension before and
    after, and the reason as the note."""
    req = session.get(ExtensionRequest, request_id)
    if req is None:
        raise NotFound(missing)
    ob = session.exec(select(Obligation).where(Obligation.id == req.obligation_id).with_for_update()).one()
    check(session.get(Plan, ob.plan_id))
    if req.state != "pending":
        raise StatusInputError("Đề nghị này đã được xử lý.")
    reason = " ".join((reason or "").split())[:1000]
    if not approve and reason_required and not reason:
        raise InputError("Từ chối gia hạn: hãy ghi lý do để đơn vị biết.")
    due = new_due or req.requested_due
    if approve and due <= ob.due_date:
        raise InputError(f"Hạn mới ({due:%d/%m/%Y}) phải sau hạn ban đầu ({ob.due_date:%d/%m/%Y}).")
    before = {"state": req.state, "extended_due": ob.extended_due.isoformat() if ob.extended_due else None}
    req.state = "approved" if approve else "refused"
    req.decided_at = now
    req.decision_note = reason
    if decided_by is not None:
        req.decided_by = decided_by
    if approve:
        ob.extended_due = due
        session.add(ob)
    session.add(req)
    session.add(AuditEvent(at=now, actor=actor, via=via, token_id=token_id, action=f"extension.{req.state}",
                           entity="extensionrequest", entity_id=req.id, before=before,
                           after={"state": req.state,
                                  "extended_due": ob.extended_due.isoformat() if ob.extended_due else None},
                           note=reason or None))
    session.flush()
    return req, ob
