"""The daily sweep as one use case: decide notices, flag stale tasks, compile the reports that are due, then compose and deliver the digests."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from dondoc.calendar.policy import Policy
from dondoc.calendar.workdays import WorkCalendar
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.followup.rules import Decision
from dondoc.followup.sweep import decide, flag_stale, local_day, reports_due


@dataclass
class SweepResult:
    day: dt.date
    working_day: bool
    decided: Counter[str] = field(default_factory=Counter)
    decisions: list[Decision] = field(default_factory=list)
    stale: int = 0
    compiled: list[tuple[int, str]] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    delivery: Any = None
    deferred_delivery: bool = False
    leader_digests: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "working_day": self.working_day,
            "decided": dict(self.decided),
            "stale": self.stale,
            "compiled": [{"plan": p, "period": per} for p, per in self.compiled],
            "failed": [{"plan": p, "period": per} for p, per in self.failed],
            "delivery": getattr(self.delivery, "as_dict", lambda: self.delivery)() if self.delivery else None,
            "deferred_delivery": self.deferred_delivery,
            "leader_digests": self.leader_digests,
        }


def run_daily(
    *,
    engine: Engine,
    settings: Settings,
    now: dt.datetime,
    notifier: Any = None,
    deliver: bool = True,
    plan_ids: Iterable[int] | None = None,
    compile_reports: bool = True,
) -> SweepResult:
    """One sweep as of `now`: decide, flag stale tasks, compile due reports, deliver (from 08:00 local)."""
    day = local_day(now)
    with session_scope(engine) as session:
        calendar = WorkCalendar.from_session(session)
    result = SweepResult(day=day, working_day=calendar.is_working_day(day))
    if not result.working_day:
        return result
    plan_ids = list(plan_ids) if plan_ids is not None else None
    with session_scope(engine) as session:
        result.decisions = decide(session, day=day, now=now, settings=settings, calendar=calendar, plan_ids=plan_ids)
        stale = flag_stale(session, day=day, now=now, settings=settings, plan_ids=plan_ids)
        result.decisions += stale
        result.stale = len({d.obligation_id for d in stale})
    result.decided.update(d.kind for d in result.decisions)
    _settle_attachments(engine, settings, now)
    if compile_reports:
        with session_scope(engine) as session:
            due = reports_due(session, day=day, settings=settings, calendar=calendar, plan_ids=plan_ids)
        if due:
            from dondoc.app.report_failures import compile_isolated

            for plan_id, period in due:  # each plan on its own: one failure must not stop the reminders
                if compile_isolated(engine=engine, settings=settings, plan_id=plan_id, period=period, now=now):
                    result.compiled.append((plan_id, period))
                else:
                    result.failed.append((plan_id, period))
    if deliver:
        if Policy.from_settings(settings).quiet(now):
            result.deferred_delivery = True  # the run at send_hour sends
            return result
        from dondoc.delivery.compose import compose_messages
        from dondoc.delivery.leader_digest import compose_leader_digests
        from dondoc.delivery.outbox import deliver_pending

        with session_scope(engine) as session:
            compose_messages(session, day=day, now=now, settings=settings)
        if plan_ids is None:  # the weekly digest covers every plan: not from a sweep of a few
            with session_scope(engine) as session:
                result.leader_digests = len(compose_leader_digests(session, now=now, settings=settings))
        if notifier is None:
            from dondoc.bootstrap import notifier as get_notifier

            notifier = get_notifier(settings)
        result.delivery = deliver_pending(engine=engine, settings=settings, notifier=notifier, now=now)
    return result


def _settle_attachments(engine: Engine, settings: Settings, now: dt.datetime) -> None:
    """Files a crashed upload left (older than a day): never let housekeeping stop the sweep."""
    import logging

    from sqlalchemy.exc import OperationalError

    from dondoc.collect.attachments import sweep_orphans

    try:
        with session_scope(engine) as session:
            sweep_orphans(session, settings=settings, now=now)
    except OperationalError as exc:  # the database went away: one line, the run's next step stops cleanly on it
        logging.getLogger(__name__).warning("sweeping orphan attachments failed: %s", str(exc).splitlines()[0])
    except Exception:
        logging.getLogger(__name__).exception("sweeping orphan attachments failed")
