"""The daily follow-up and the report flows."""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, unmapped

from dondoc.tasks import _context as ctx
from dondoc.tasks.followup import (
    compile_plan_report,
    compose_leader_digests,
    compose_messages,
    decide_notices,
    deliver_messages,
    find_due_reports,
    may_deliver,
)


@flow(name="daily-followup", log_prints=False)
def daily_followup(at: str | None = None, plan_ids: list[int] | None = None, compile_reports: bool = True,
                   deliver: bool = True) -> dict[str, Any]:
    """One sweep as of `at` (ISO; default now): reminders, escalations, stale flags, due reports, delivery.

    Non-working days end after the first step (the service decides nothing on them).
    """
    at_iso = ctx.iso(ctx.instant(at))
    summary: dict[str, Any] = {"at": at_iso}
    summary["decided"] = decide_notices(at_iso, plan_ids)
    if not summary["decided"]["working_day"]:
        get_run_logger().info("%s is not a working day: nothing to do", summary["decided"]["day"])
        return summary
    if compile_reports:
        due = find_due_reports(at_iso, plan_ids)
        # Plans compile in parallel; a handful per day, so one task each is cheap.
        futures = compile_plan_report.map([p for p, _ in due], [per for _, per in due], unmapped(at_iso))
        summary["compiled"] = [f.result() for f in futures]
    if deliver and may_deliver(at_iso):
        summary["composed"] = compose_messages(at_iso)
        if plan_ids is None and ctx.settings().leader_digest:  # the leaders' weekly digest, when turned on
            summary["leader_digests"] = compose_leader_digests(at_iso)
        summary["delivery"] = deliver_messages(at_iso)
    else:
        summary["delivery"] = None  # quiet hours: the run at send_hour sends
    return summary


@flow(name="compile-due")
def compile_due(at: str | None = None, send: bool = True) -> list[dict[str, Any]]:
    """The compile check: build every consolidated report whose compile day has come."""
    at_iso = ctx.iso(ctx.instant(at))
    due = find_due_reports(at_iso)
    futures = compile_plan_report.map([p for p, _ in due], [per for _, per in due], unmapped(at_iso),
                                      unmapped(send))
    return [f.result() for f in futures]


@flow(name="compile-report")
def compile_report(plan_id: int, period: str | None = None, at: str | None = None, send: bool = True) -> dict[str, Any]:
    """One plan's consolidated report for `period` (default: the plan's current period)."""
    return compile_plan_report(plan_id, period, ctx.iso(ctx.instant(at)), send)
