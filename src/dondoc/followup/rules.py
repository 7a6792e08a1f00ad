"""The rules of the daily sweep (no database): which reminder or escalation steps fall on a day under a plan's policy, and who receives each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dondoc.calendar.policy import Policy
from dondoc.calendar.workdays import WorkCalendar
from dondoc.directory.people import FOCAL_FIRST, People
from dondoc.models import Plan
from dondoc.models.vocabulary import Mode, NoticeKind, ObligationRole, OfficerRole
from dondoc.reporting.timeliness import NO_DEADLINE_KINDS

CATCHUP_WORKING_DAYS = 3  # a sweep also covers steps of up to 3 missed working days (server down)


ESCALATED_ROLES = (ObligationRole.LEAD, ObligationRole.REPORT, ObligationRole.COMPILE)


@dataclass
class Step:
    day: dt.date  # the scheduled day of this step (the Notice's day)
    kind: NoticeKind  # reminder, escalation
    level: int
    due: dt.date


@dataclass
class Decision:
    obligation_id: int
    officer_id: int
    kind: str
    level: int
    day: dt.date


def _scheduled_days(day: dt.date, calendar: WorkCalendar) -> list[dt.date]:
    """Today and the previous working days a missed sweep may have skipped (oldest first)."""
    days = [day]
    d = day
    for _ in range(CATCHUP_WORKING_DAYS):
        d = calendar.add_working_days(d, -1)
        days.append(d)
    return sorted(days)


def steps_for(day: dt.date, policy: Policy, calendar: WorkCalendar) -> list[Step]:
    steps: list[Step] = []
    for s in _scheduled_days(day, calendar):
        for k in policy.reminder_offsets:
            steps.append(Step(s, NoticeKind.REMINDER, 0, calendar.add_working_days(s, k) if k else s))
        for level, k in enumerate(policy.escalation_offsets, start=1):
            steps.append(Step(s, NoticeKind.ESCALATION, level, calendar.add_working_days(s, -k)))
    return steps


def _recipients(ob: Any, step: Step, plan: Plan, people: People,
                policy: Policy) -> list[tuple[str, int, int]]:
    """(kind, level, officer) for one step of one obligation, following the plan's ladder."""
    if step.kind == NoticeKind.REMINDER:
        return [(NoticeKind.REMINDER, 0, o) for o in people.responsible(ob)]
    if getattr(ob, "kind", None) in NO_DEADLINE_KINDS:
        # Undated work (continuous, or no deadline under `undated: track`): its date is a status update,
        # not a deadline; it is reminded, then flagged stale after N months without an update — never
        # escalated as overdue.
        return []
    if (ob.mode == Mode.REQUEST and not policy.escalate_requests) or ob.role not in ESCALATED_ROLES:
        # Requested and coordinating bodies are reminded politely once after the date, never escalated.
        if step.level == 1:
            return [(NoticeKind.REMINDER, 1, o) for o in people.responsible(ob)]
        return []
    rung = policy.ladder[step.level - 1]
    officers: list[int] = []
    for who in rung.recipients:
        if who == "officer":
            officers += people.responsible(ob)
        elif who == "unit_head":
            officers += people.role(ob.unit_id, OfficerRole.HEAD)
        elif who == "focal":
            officers += people.role(plan.focal_unit_id, *FOCAL_FIRST)
        elif who == "issuer":
            officers += people.role(plan.issuer_unit_id, OfficerRole.HEAD, OfficerRole.DEPUTY)
    return [(NoticeKind.ESCALATION, step.level, o) for o in dict.fromkeys(officers)]
