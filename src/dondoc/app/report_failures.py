"""One plan's report failing must not stop the day: compile each plan on its own, record a failure,
tell the operator (log) and the plan's focal officers (a message, once a day), and let the next run
retry (a failed compile leaves no CompiledReport row, so `reports_due` offers it again)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import select

from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.models import AuditEvent, Message, Plan

log = logging.getLogger(__name__)

ACTION = "report_failed"


def compile_isolated(*, engine: Engine, settings: Settings, plan_id: int, period: str | None,
                     now: dt.datetime, send: bool = True) -> Any | None:
    """`compile_report` for one plan; on any failure the failure is recorded and None returned."""
    from dondoc.reporting.compile import compile_report

    try:
        return compile_report(engine=engine, settings=settings, plan_id=plan_id, period=period, now=now, send=send)
    except Exception as exc:
        log.exception("compiling the report of plan %s (%s) failed; the other plans go on, the next run retries",
                      plan_id, period)
        try:
            record_failure(engine=engine, plan_id=plan_id, period=period, error=exc, now=now)
        except Exception:
            log.exception("could not record the failed report of plan %s", plan_id)
        return None


def record_failure(*, engine: Engine, plan_id: int, period: str | None, error: BaseException,
                   now: dt.datetime) -> None:
    """An audit row for the operator and one message a day to the plan's focal officers."""
    from dondoc.followup.sweep import local_day
    from dondoc.reporting.compile import focal_officers

    summary = f"{type(error).__name__}: {error}"[:500]
    day = local_day(now)
    with session_scope(engine) as session:
        session.add(AuditEvent(at=now, actor="system", via="flow", action=ACTION, entity="plan", entity_id=plan_id,
                               after={"period": period}, note=summary))
        plan = session.get(Plan, plan_id)
        officers = focal_officers(session, plan) if plan is not None else []
        keys = {o.id: f"report-failed:{plan_id}:{period}:{day.isoformat()}:{o.id}" for o in officers}
        existing = set(session.exec(select(Message.key).where(Message.key.in_(list(keys.values())))).all()) \
            if keys else set()  # type: ignore[attr-defined]
        what = f"Kế hoạch số {plan.number}" if plan is not None and plan.number else f"kế hoạch #{plan_id}"
        body = (f"Hệ thống chưa lập được báo cáo tổng hợp {what} (kỳ {period or 'hiện tại'}) do lỗi kỹ thuật. "
                "Các nhắc việc khác vẫn được gửi; hệ thống sẽ thử lập lại ở lần chạy sau. "
                "Nếu lỗi kéo dài, hãy báo quản trị hệ thống (lệnh `dondoc report` cho biết chi tiết).")
        for officer in officers:
            if keys[officer.id] in existing:
                continue
            session.add(Message(key=keys[officer.id], officer_id=officer.id, day=day, kind="report",  # type: ignore[arg-type]
                                subject=f"Chưa lập được báo cáo tổng hợp {what}", body_text=body, created_at=now))
