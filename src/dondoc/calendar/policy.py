"""Follow-up policy: when to remind, when and whom to escalate, when messages go out.

Defaults come from Settings (DONDOC_* environment); a plan may override any field through the JSON
stored in Plan.policy: `Policy.from_settings(settings).merged(plan.policy)`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pendulum

from dondoc.calendar.workdays import WorkCalendar, as_date
from dondoc.clock import TZ
from dondoc.errors import InputError

log = logging.getLogger(__name__)

FREQUENCIES = ("month", "quarter", "half", "year")
# Tasks whose plan gives no deadline ("unspecified" timing). 'track': followed by status updates only
# (reminded to update at the units' reporting dates, never escalated as overdue, flagged stale after
# stale_months without an update); 'default_date': given the units' reporting date of each period as an
# explicit deadline (then reminded, escalated and counted like dated work). Continuous work ("thường
# xuyên") is always tracked.
UNDATED = ("track", "default_date")
UNDATED_LABELS = {
    "track": "theo dõi bằng cập nhật tình hình, không tính quá hạn; cảnh báo khi {months} tháng không cập nhật",
    "default_date": "lấy ngày báo cáo định kỳ của mỗi kỳ làm thời hạn (nhắc hạn, đôn đốc, tính quá hạn)",
}
SHIFTS = ("previous", "next")
# Who an escalation rung goes to. 'officer' is the obligation's own officer (or the unit's
# contact), 'unit_head' the head of the unit, 'focal' the focal point's officer, 'issuer' the
# issuer's chair or the deputy in charge.
RECIPIENTS = ("officer", "unit_head", "focal", "issuer")
DEFAULT_LADDER: tuple[tuple[str, ...], ...] = (("officer", "unit_head"), ("focal",), ("issuer",))


@dataclass(frozen=True)
class Rung:
    level: int  # 1-based
    offset: int  # working days after the due date
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class Policy:
    reminder_offsets: tuple[int, ...] = (5, 2, 0)
    escalation_offsets: tuple[int, ...] = (1, 3, 5)
    escalation_recipients: tuple[tuple[str, ...], ...] = DEFAULT_LADDER
    send_hour: int = 8
    shift: str = "previous"
    support_offset: int = 3
    stale_months: int = 3
    # Status period of continuous tasks; None: the plan's report frequency, else 'year'.
    status_frequency: str | None = None
    # Nghị định 09/2019/NĐ-CP: data cut-off on the 14th of the period's last month ...
    cutoff_day: int = 14
    # ... and a deadline per level of the reporting chain, in working days after the cut-off
    # (level 0: units -> focal point; 1: focal point -> issuer; 2: issuer -> upper level).
    level_gaps: tuple[int, ...] = (1, 3, 5)
    # Last year of the plan's horizon for recurring and continuous work; None: the plan's year.
    horizon_end_year: int | None = None
    # Requested bodies (Đề nghị) are reminded but never escalated.
    escalate_requests: bool = False
    # The compiled report also goes to the upper-level recipients marked (b/c) in Nơi nhận.
    report_to_upper: bool = False
    # Signature block of the report when the plan's own cannot be read: e.g. ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"].
    signature: tuple[str, ...] | None = None
    # What tasks without a deadline get (UNDATED): never the report's deadline silently.
    undated: str = "track"
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        _check(self)

    # ---- construction -------------------------------------------------------------------------
    @classmethod
    def from_settings(cls, settings: Any) -> Policy:
        escalation = tuple(settings.offsets("escalation"))
        return cls(
            reminder_offsets=tuple(settings.offsets("reminder")),
            escalation_offsets=escalation,
            escalation_recipients=fit_ladder(DEFAULT_LADDER, len(escalation)),
            send_hour=int(settings.send_hour),
            support_offset=int(settings.support_offset),
            stale_months=int(settings.stale_months),
        )

    def merged(self, overrides: Mapping[str, Any] | None) -> Policy:
        """This policy with a plan's overrides applied (unknown keys are kept in `extra`, not used)."""
        if not overrides:
            return self
        known = {f.name for f in dataclasses.fields(self)} - {"extra"}
        changes: dict[str, Any] = {}
        extra = dict(self.extra)
        for key, value in overrides.items():
            if key not in known:
                log.warning("policy: ignoring unknown key %r", key)
                extra[key] = value
                continue
            changes[key] = _coerce(key, value)
        if "escalation_offsets" in changes and "escalation_recipients" not in changes:
            changes["escalation_recipients"] = fit_ladder(self.escalation_recipients,
                                                          len(changes["escalation_offsets"]))
        return dataclasses.replace(self, extra=extra, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able values (what Plan.policy stores)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.name == "extra":
                continue
            value = getattr(self, f.name)
            if f.name == "escalation_recipients":
                value = [list(r) for r in value]
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    def diff(self, base: Policy) -> dict[str, Any]:
        """The overrides that turn `base` into this policy (what a plan needs to store)."""
        mine, theirs = self.to_dict(), base.to_dict()
        return {k: v for k, v in mine.items() if theirs.get(k) != v}

    # ---- decisions the sweep uses -------------------------------------------------------------
    @property
    def ladder(self) -> tuple[Rung, ...]:
        return tuple(
            Rung(level=i + 1, offset=off, recipients=self.escalation_recipients[i])
            for i, off in enumerate(self.escalation_offsets)
        )

    def shift_due(self, d: dt.date, calendar: WorkCalendar) -> dt.date:
        """A plan date moved onto a working day in this policy's direction."""
        return calendar.adjust(d, self.shift)  # type: ignore[arg-type]

    def reminder_days(self, due: dt.date, calendar: WorkCalendar) -> list[dt.date]:
        """Working days on which a reminder goes out: `offset` working days before the due date."""
        anchor = calendar.adjust(due, "previous")
        return sorted({calendar.add_working_days(anchor, -off) for off in self.reminder_offsets})

    def escalation_days(self, due: dt.date, calendar: WorkCalendar, *, mode: str = "assign") -> list[tuple[int, dt.date]]:
        """(level, day) of each escalation rung; empty for requested bodies (mode 'request')."""
        if mode == "request" and not self.escalate_requests:
            return []
        anchor = calendar.adjust(due, "previous")
        return [(r.level, calendar.add_working_days(anchor, r.offset)) for r in self.ladder]

    def support_due(self, lead_due: dt.date, calendar: WorkCalendar) -> dt.date:
        """Coordinating bodies' input is due `support_offset` working days before the lead's deadline."""
        return calendar.add_working_days(calendar.adjust(lead_due, "previous"), -self.support_offset)

    def send_at(self, day: dt.date) -> pendulum.DateTime:
        """The moment messages for `day` go out: send_hour:00 in Vietnam."""
        d = as_date(day)
        return pendulum.datetime(d.year, d.month, d.day, self.send_hour, 0, tz=TZ)

    def quiet(self, now: dt.datetime) -> bool:
        """Quiet hours, the one rule: before send_hour (local time) no message goes out."""
        return pendulum.instance(now).in_timezone(TZ).hour < self.send_hour

    def after_quiet(self, at: dt.datetime) -> dt.datetime:
        """`at`, or send_hour:00 of the same local day when `at` falls in the quiet hours (a retry's next try)."""
        if not self.quiet(at):
            return at
        local = pendulum.instance(at).in_timezone(TZ)
        return local.replace(hour=self.send_hour, minute=0, second=0, microsecond=0)

    def may_send(self, now: dt.datetime, calendar: WorkCalendar) -> bool:
        """Messages go out on working days, outside the quiet hours."""
        local = pendulum.instance(now).in_timezone(TZ)
        return calendar.is_working_day(local.date()) and not self.quiet(now)

    @property
    def undated_label(self) -> str:
        """The undated-task policy in words (plan show, the review screen)."""
        return UNDATED_LABELS[self.undated].format(months=self.stale_months)

    def stale_before(self, today: dt.date) -> dt.date:
        """A continuous obligation last updated before this date is stale."""
        return pendulum.date(today.year, today.month, today.day).subtract(months=self.stale_months)


def fit_ladder(ladder: tuple[tuple[str, ...], ...], n: int) -> tuple[tuple[str, ...], ...]:
    """The first `n` rungs' recipients; extra rungs go to the top of the ladder."""
    return tuple(ladder[min(i, len(ladder) - 1)] for i in range(n))


def _coerce(key: str, value: Any) -> Any:
    try:
        if key in ("reminder_offsets", "escalation_offsets", "level_gaps"):
            if isinstance(value, str):
                value = [v for v in value.split(",") if v.strip()]
            return tuple(int(v) for v in value)
        if key == "escalation_recipients":
            return tuple(tuple([r] if isinstance(r, str) else r) for r in value)
        if key in ("send_hour", "support_offset", "stale_months", "cutoff_day"):
            return int(value)
        if key == "horizon_end_year":
            return None if value is None else int(value)
        if key in ("escalate_requests", "report_to_upper"):
            return bool(value)
        if key == "signature":
            return None if value is None else tuple(str(v) for v in value)
        return value
    except (TypeError, ValueError) as exc:
        raise InputError(f"policy: bad value for {key}: {value!r}") from exc


def _check(p: Policy) -> None:
    def bad(msg: str) -> None:
        raise InputError(f"policy: {msg}")

    if any(o < 0 for o in p.reminder_offsets):
        bad(f"reminder_offsets are working days before the due date (>= 0): {list(p.reminder_offsets)}")
    if any(o <= 0 for o in p.escalation_offsets):
        bad(f"escalation_offsets are working days after the due date (> 0): {list(p.escalation_offsets)}")
    if list(p.escalation_offsets) != sorted(set(p.escalation_offsets)):
        bad(f"escalation_offsets must increase: {list(p.escalation_offsets)}")
    if len(p.escalation_recipients) != len(p.escalation_offsets):
        bad("escalation_recipients needs one entry per escalation offset")
    for rung in p.escalation_recipients:
        unknown = [r for r in rung if r not in RECIPIENTS]
        if unknown or not rung:
            bad(f"escalation recipients are {', '.join(RECIPIENTS)}; got {list(rung)}")
    if not 0 <= p.send_hour <= 23:
        bad(f"send_hour is a local hour 0-23, got {p.send_hour}")
    if p.shift not in SHIFTS:
        bad(f"shift is 'previous' or 'next', got {p.shift!r}")
    if p.support_offset < 0 or p.stale_months < 1:
        bad("support_offset must be >= 0 and stale_months >= 1")
    if p.status_frequency is not None and p.status_frequency not in FREQUENCIES:
        bad(f"status_frequency is one of {', '.join(FREQUENCIES)}, got {p.status_frequency!r}")
    if p.undated not in UNDATED:
        bad(f"undated is one of {', '.join(UNDATED)}, got {p.undated!r}")
    if not 1 <= p.cutoff_day <= 28:
        bad(f"cutoff_day must be 1-28, got {p.cutoff_day}")
    if not p.level_gaps or p.level_gaps[0] < 1 or list(p.level_gaps) != sorted(p.level_gaps):
        bad(f"level_gaps: at least one working day after the cut-off, non-decreasing: {list(p.level_gaps)}")
