"""Steps of the daily sweep. One task per step, never one per obligation or message: the state lives in
dondoc's database, where every decision has a unique key.

Retries: deciding, checking and composing are idempotent (unique Notice / Message keys, insert-or-skip),
so a retry after a dropped connection is harmless. Compiling only queues messages under a unique key, so
it may be retried too. Delivering is NOT retried by Prefect: `deliver_pending` claims each message in the
database and retries failed channels itself; a crashed delivery is resumed by the next run.
"""

from __future__ import annotations

from typing import Any

from prefect import task

from dondoc.tasks import _context as ctx

DB_RETRIES = 2
DB_RETRY_DELAYS = [5, 30]


@task(name="decide-notices", retries=DB_RETRIES, retry_delay_seconds=DB_RETRY_DELAYS)
def decide_notices(at: str, plan_ids: list[int] | None = None) -> dict[str, Any]:
    """Record today's reminders, escalations and stale flags (no sending)."""
    from dondoc.app.daily import run_daily

    result = run_daily(engine=ctx.engine(), settings=ctx.settings(), now=ctx.instant(at), deliver=False,
                       compile_reports=False, plan_ids=plan_ids)
    out = result.as_dict()
    out["notices"] = len(result.decisions)
    return out


@task(name="find-due-reports", retries=DB_RETRIES, retry_delay_seconds=DB_RETRY_DELAYS)
def find_due_reports(at: str, plan_ids: list[int] | None = None) -> list[tuple[int, str]]:
    """(plan id, period) of consolidated reports whose compile day has come and that are not compiled."""
    from dondoc.calendar.workdays import WorkCalendar
    from dondoc.clock import local_date
    from dondoc.db import session_scope
    from dondoc.followup.sweep import reports_due

    engine, settings, now = ctx.engine(), ctx.settings(), ctx.instant(at)
    with session_scope(engine) as session:
        calendar = WorkCalendar.from_session(session)
        day = local_date(now)
        if not calendar.is_working_day(day):
            return []
        return [(int(p), str(per)) for p, per in
                reports_due(session, day=day, settings=settings, calendar=calendar, plan_ids=plan_ids)]


@task(name="compile-report", retries=1, retry_delay_seconds=30,
      task_run_name="compile-report-{plan_id}-{period}")
def compile_plan_report(plan_id: int, period: str | None, at: str, send: bool = True) -> dict[str, Any]:
    """Build one plan's consolidated report; with `send`, queue it for the focal officers."""
    from dondoc.app.report_failures import compile_isolated

    # Isolated: a failure is recorded and reported (audit + message to the focal officers), the flow's
    # other plans and the day's delivery go on, and the next run retries (no CompiledReport row).
    row = compile_isolated(engine=ctx.engine(), settings=ctx.settings(), plan_id=plan_id, period=period,
                           now=ctx.instant(at), send=send)
    if row is None:
        return {"plan": plan_id, "period": period, "failed": True}
    return {"plan": plan_id, "period": row.period, "docx": row.docx_path, "xlsx": row.xlsx_path,
            "sha256": row.sha256, "sent": row.sent_at is not None}


@task(name="compose-messages", retries=DB_RETRIES, retry_delay_seconds=DB_RETRY_DELAYS)
def compose_messages(at: str) -> int:
    """Fold today's notices into one digest message per officer (unique key officer:day:kind)."""
    from dondoc.clock import local_date
    from dondoc.db import session_scope
    from dondoc.delivery.compose import compose_messages as compose

    now = ctx.instant(at)
    with session_scope(ctx.engine()) as session:
        return len(compose(session, day=local_date(now), now=now, settings=ctx.settings()))


@task(name="compose-leader-digests", retries=DB_RETRIES, retry_delay_seconds=DB_RETRY_DELAYS)  # type: ignore[arg-type]
def compose_leader_digests(at: str) -> int:
    """This week's leader digest for each leader who has none yet (unique key per ISO week and leader)."""
    from dondoc.db import session_scope
    from dondoc.delivery.leader_digest import compose_leader_digests as compose

    with session_scope(ctx.engine()) as session:
        return len(compose(session, now=ctx.instant(at), settings=ctx.settings()))


@task(name="deliver-messages", retries=0)
def deliver_messages(at: str, worker: str = "prefect") -> dict[str, Any]:
    """Send what is pending. Not retried here: exactly-once lives in the database."""
    from dondoc.bootstrap import notifier as get_notifier
    from dondoc.delivery.outbox import deliver_pending

    settings = ctx.settings()
    stats = deliver_pending(engine=ctx.engine(), settings=settings, notifier=get_notifier(settings),
                            now=ctx.instant(at), worker=worker, channel_limits=settings.channel_limit_map())
    return ctx.plain(stats)


@task(name="working-day", retries=DB_RETRIES, retry_delay_seconds=DB_RETRY_DELAYS)
def working_day(at: str) -> bool:
    """Is the local date of `at` a working day (holidays and the user's calendar included)?"""
    from dondoc.calendar.workdays import WorkCalendar
    from dondoc.clock import local_date
    from dondoc.db import session_scope

    with session_scope(ctx.engine()) as session:
        return WorkCalendar.from_session(session).is_working_day(local_date(ctx.instant(at)))


def may_deliver(at: str) -> bool:
    """Outside the quiet hours (Policy.quiet, the one rule)."""
    from dondoc.calendar.policy import Policy

    return not Policy.from_settings(ctx.settings()).quiet(ctx.instant(at))
