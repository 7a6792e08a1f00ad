"""Decisions a tracking officer takes from the console's queue (/cho-xu-ly): extension requests, reports
entered on a unit's behalf awaiting confirmation, and — when a plan's policy says `acceptance: true` —
a unit's "hoàn thành" awaiting acceptance. Each decision is audited (actor `staff:<id>`) and tells the
unit through the usual delivery: one Message per responsible officer, keyed by the decision (a retry
adds nothing).

Confirmations and acceptances are recorded as audit events (`status.confirmed`, `status.accepted`), so
the queue is "what has no such event yet"; no column of the shared tables changes meaning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, or_, select

from dondoc.clock import local_date
from dondoc.collect import extensions
from dondoc.collect.validation import StatusInputError
from dondoc.errors import InputError, NotFound
from dondoc.models import AuditEvent, ExtensionRequest, Message, Obligation, Plan, StatusUpdate, Unit
from dondoc.reporting.ledger_query import Scope

ON_BEHALF_VIA = "focal"


@dataclass
class Queue:
    extensions: list[tuple[ExtensionRequest, Obligation, Plan, Unit]]
    on_behalf: list[tuple[StatusUpdate, Obligation, Plan, Unit]]
    acceptance: list[tuple[StatusUpdate, Obligation, Plan, Unit]]

    @property
    def total(self) -> int:
        return len(self.extensions) + len(self.on_behalf) + len(self.acceptance)


def _visible(q: Any, scope: Scope) -> Any:
    q = q.where(Plan.state == "active")
    if not scope.all_plans:
        q = q.where(or_(col(Plan.focal_unit_id).is_(None), Plan.focal_unit_id == scope.unit_id,
                        Plan.owner_unit_id == scope.unit_id))
    return q


def _done(session: Session, action: str) -> Any:
    return select(AuditEvent.entity_id).where(AuditEvent.action == action, AuditEvent.entity == "statusupdate")


def queue(session: Session, *, scope: Scope = Scope(), limit: int = 200) -> Queue:
    """What awaits a decision, oldest first (three queries)."""
    joined = (Obligation, Plan, Unit)

    def base(first: Any, on: Any) -> Any:
        return _visible(select(first, *joined).join(Obligation, on).join(Plan, col(Plan.id) == col(Obligation.plan_id))
                        .join(Unit, col(Unit.id) == col(Obligation.unit_id)), scope)

    ext = base(ExtensionRequest, col(Obligation.id) == col(ExtensionRequest.obligation_id)).where(
        ExtensionRequest.state == "pending").order_by(col(ExtensionRequest.created_at)).limit(limit)
    su_on = col(Obligation.id) == col(StatusUpdate.obligation_id)
    behalf = base(StatusUpdate, su_on).where(StatusUpdate.via == ON_BEHALF_VIA,
                                             col(StatusUpdate.id).not_in(_done(session, "status.confirmed"))
                                             ).order_by(col(StatusUpdate.id)).limit(limit)
    accept = base(StatusUpdate, su_on).where(
        StatusUpdate.status == "done", Obligation.status == "done",
        col(StatusUpdate.id).not_in(_done(session, "status.accepted")),
        col(StatusUpdate.id).not_in(_done(session, "status.returned"))).order_by(col(StatusUpdate.id)).limit(limit * 5)
    wanted = [row for row in session.exec(accept).all() if (row[2].policy or {}).get("acceptance")]
    return Queue(extensions=list(session.exec(ext).all()), on_behalf=list(session.exec(behalf).all()),
                 acceptance=wanted[:limit])


def _audit(session: Session, *, actor: str, action: str, entity: str, entity_id: int | None, now: dt.datetime,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None, note: str | None = None) -> None:
    session.add(AuditEvent(at=now, actor=actor, via="web", action=action, entity=entity, entity_id=entity_id,
                           before=before or {}, after=after or {}, note=note))


def notify_unit(session: Session, *, ob: Obligation, key: str, subject: str, text: str, now: dt.datetime) -> int:
    """One message per officer who answers for the obligation (its named officer, else the unit's focal
    point...), keyed so a repeated call adds nothing. Sent by the next delivery run."""
    from dondoc.directory.focal import load_people

    day = local_date(now)
    sent = 0
    for officer_id in load_people(session).responsible(ob):
        k = f"{key}:{officer_id}"
        if session.exec(select(Message.id).where(Message.key == k)).first() is not None:
            continue
        session.add(Message(key=k, officer_id=officer_id, day=day, kind="decision", subject=subject, body_text=text,
                            created_at=now))
        sent += 1
    session.flush()
    return sent


def _task(session: Session, ob: Obligation) -> str:
    from dondoc.models import Assignment, ReportObligation
    from dondoc.models.work import task_text

    a = session.get(Assignment, ob.assignment_id) if ob.assignment_id else None
    r = session.get(ReportObligation, ob.report_id) if ob.report_id else None
    ref = (a.ref if a else r.ref if r else "") or ""
    return f"{ref} {' '.join(task_text(ob, a, r).split())[:200]}".strip()


def decide_extension(session: Session, *, request_id: int, approve: bool, new_due: dt.date | None, reason: str,
                     actor: str, now: dt.datetime, scope: Scope = Scope()) -> ExtensionRequest:
    """Approve (with the requested date, or `new_due`) or refuse (a reason is required) a request of a
    plan within `scope` (collect.extensions.decide), then tell the unit."""
    def check(plan: Plan | None) -> None:
        if plan is None or not _in_scope(plan, scope):
            raise NotFound("Không tìm thấy đề nghị gia hạn.")

    req, ob = extensions.decide(session, request_id=request_id, approve=approve, check=check, actor=actor, via="web",
                                now=now, new_due=new_due, reason=reason, reason_required=True,
                                missing="Không tìm thấy đề nghị gia hạn.")
    reason = req.decision_note
    task = _task(session, ob)
    if approve:
        subject, text = "Đồng ý gia hạn", f"Nhiệm vụ {task}: đồng ý gia hạn đến ngày {ob.extended_due:%d/%m/%Y}." + (
            f" Ghi chú: {reason}" if reason else "")
    else:
        subject, text = "Không đồng ý gia hạn", (f"Nhiệm vụ {task}: không đồng ý gia hạn; thời hạn giữ nguyên "
                                                 f"{ob.effective_due:%d/%m/%Y}. Lý do: {reason}")
    notify_unit(session, ob=ob, key=f"decision:extension:{req.id}", subject=subject, text=text, now=now)
    session.flush()
    return req


def _in_scope(plan: Plan, scope: Scope) -> bool:
    return plan.state == "active" and (scope.all_plans or plan.focal_unit_id in (None, scope.unit_id)
                                       or plan.owner_unit_id == scope.unit_id)


def _update_and_ob(session: Session, update_id: int, scope: Scope) -> tuple[StatusUpdate, Obligation]:
    su = session.get(StatusUpdate, update_id)
    ob = session.get(Obligation, su.obligation_id) if su else None
    plan = session.get(Plan, ob.plan_id) if ob else None
    if su is None or ob is None or plan is None or not _in_scope(plan, scope):
        raise NotFound("Không tìm thấy báo cáo.")
    return su, ob


def confirm_on_behalf(session: Session, *, update_id: int, actor: str, now: dt.datetime, scope: Scope = Scope()) -> None:
    su, ob = _update_and_ob(session, update_id, scope)
    if su.via != ON_BEHALF_VIA:
        raise InputError("Báo cáo này do đơn vị tự gửi, không cần xác nhận.")
    if session.exec(_done(session, "status.confirmed").where(AuditEvent.entity_id == su.id)).first() is not None:
        raise StatusInputError("Báo cáo này đã được xác nhận.")
    _audit(session, actor=actor, action="status.confirmed", entity="statusupdate", entity_id=su.id, now=now,
           after={"obligation_id": ob.id})
    notify_unit(session, ob=ob, key=f"decision:confirmed:{su.id}", subject="Đã xác nhận báo cáo nhập thay",
                text=f"Nhiệm vụ {_task(session, ob)}: báo cáo do chuyên viên nhập thay ngày "
                     f"{local_date(su.submitted_at):%d/%m/%Y} đã được xác nhận.", now=now)


def accept_done(session: Session, *, update_id: int, accept: bool, comment: str, actor: str, now: dt.datetime,
                scope: Scope = Scope()) -> None:
    """Accept a unit's "hoàn thành", or send it back with a comment: the obligation reopens (in progress,
    not closed, no completion date) and the unit is told why."""
    su, ob = _update_and_ob(session, update_id, scope)
    comment = " ".join((comment or "").split())[:1000]
    if not accept and not comment:
        raise InputError("Trả lại: hãy ghi nhận xét để đơn vị biết cần làm gì thêm.")
    task = _task(session, ob)
    if accept:
        _audit(session, actor=actor, action="status.accepted", entity="statusupdate", entity_id=su.id, now=now,
               note=comment or None)
        notify_unit(session, ob=ob, key=f"decision:accepted:{su.id}", subject="Kết quả đã được chấp nhận",
                    text=f"Nhiệm vụ {task}: kết quả hoàn thành đã được chấp nhận.", now=now)
        return
    before = {"status": ob.status, "closed": ob.closed}
    ob.status, ob.closed, ob.completed_at = "in_progress", False, None
    ob.progress = min(ob.progress, 90)
    session.add(ob)
    _audit(session, actor=actor, action="status.returned", entity="statusupdate", entity_id=su.id, now=now,
           before=before, after={"status": ob.status, "closed": False}, note=comment)
    notify_unit(session, ob=ob, key=f"decision:returned:{su.id}", subject="Kết quả được trả lại",
                text=f"Nhiệm vụ {task}: kết quả báo cáo hoàn thành chưa được chấp nhận, nhiệm vụ được mở lại. "
                     f"Nhận xét: {comment}", now=now)
    session.flush()
