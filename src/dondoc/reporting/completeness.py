"""Completeness at a glance for a plan with a hundred reporting units (a province's 130 communes): who has
reported in a period, who has not, sorted by urgency; one-click reminders to all who have not, rate-limited
per channel; aggregates by kind of unit for the consolidated report.

Two aggregate queries whatever the number of units (no per-unit query)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from dondoc.models import Contact, Notice, Obligation, Officer, Plan, StatusUpdate, Unit

ACCOUNTABLE = ("lead", "report")

# Reminders one click may queue per channel (addressees), counting those already queued today for the plan:
# chat channels throttle bulk senders (a Zalo OA's quota), mail servers less so. The rest wait for the next day.
RATE_LIMITS = {"zalo": 60, "zalooa": 60, "telegram": 100, "email": 300, "mailto": 300, "*": 150}

KIND_LABELS = {"province": "UBND tỉnh", "office": "Văn phòng", "department": "Sở, ngành", "agency": "Cơ quan",
               "public_service": "Đơn vị sự nghiệp", "front": "MTTQ, đoàn thể", "commune": "Xã", "ward": "Phường",
               "special_zone": "Đặc khu", "district": "Huyện", "unit": "Đơn vị khác"}


@dataclass
class UnitLine:
    unit_id: int
    code: str
    name: str
    kind: str
    total: int
    closed: int
    reported: bool
    last_at: dt.datetime | None
    next_due: dt.date | None  # earliest open deadline
    overdue_days: int  # 0 when nothing is overdue

    @property
    def urgency(self) -> tuple[Any, ...]:
        """Not reported and most overdue first, then nearest deadline, then name."""
        return (self.reported, self.closed == self.total, -self.overdue_days, self.next_due or dt.date.max, self.name)


@dataclass
class Completeness:
    period: str | None
    units: list[UnitLine] = field(default_factory=list)

    @property
    def reported(self) -> int:
        return sum(1 for u in self.units if u.reported)

    @property
    def missing(self) -> list[UnitLine]:
        return [u for u in self.units if not u.reported]

    @property
    def overdue(self) -> int:
        return sum(1 for u in self.units if u.overdue_days > 0)

    @property
    def rate(self) -> float:
        return round(100.0 * self.reported / len(self.units), 1) if self.units else 0.0

    def by_kind(self) -> list[dict[str, Any]]:
        groups: dict[str, list[UnitLine]] = defaultdict(list)
        for u in self.units:
            groups[u.kind].append(u)
        return [{"kind": k, "label": KIND_LABELS.get(k, k), "units": len(v), "reported": sum(u.reported for u in v),
                 "overdue": sum(u.overdue_days > 0 for u in v)} for k, v in sorted(groups.items())]


def completeness(session: Session, *, plan_id: int, period: str | None, today: dt.date) -> Completeness:
    """Per accountable unit of the plan (in `period`, else all periods): reported or not, urgency."""
    due = func.coalesce(Obligation.extended_due, Obligation.due_date)
    where = [Obligation.plan_id == plan_id, col(Obligation.role).in_(ACCOUNTABLE)]
    if period:
        where.append(Obligation.period == period)
    rows = session.exec(
        select(Obligation.unit_id, Unit.code, Unit.name, Unit.kind, func.count(),
               func.sum(case((col(Obligation.closed), 1), else_=0)),
               func.min(case((col(Obligation.closed), None), else_=due)))
        .join(Unit, Unit.id == Obligation.unit_id).where(*where)
        .group_by(Obligation.unit_id, Unit.code, Unit.name, Unit.kind)).all()
    last = dict(session.exec(
        select(Obligation.unit_id, func.max(StatusUpdate.submitted_at))
        .join(StatusUpdate, StatusUpdate.obligation_id == Obligation.id).where(*where)
        .group_by(Obligation.unit_id)).all())
    out = Completeness(period=period)
    for unit_id, code, name, kind, total, closed, next_due in rows:
        if isinstance(next_due, str):  # SQLite returns MIN() of dates as text
            next_due = dt.date.fromisoformat(next_due)
        overdue = (today - next_due).days if next_due and next_due < today else 0
        out.units.append(UnitLine(unit_id=unit_id, code=code, name=name, kind=kind, total=int(total),
                                  closed=int(closed or 0), reported=unit_id in last or int(closed or 0) == int(total),
                                  last_at=last.get(unit_id), next_due=next_due, overdue_days=overdue))
    out.units.sort(key=lambda u: u.urgency)
    return out


@dataclass
class RemindAll:
    units: int = 0  # units reminded
    notices: int = 0  # notices created (one per obligation and addressee)
    deferred: Counter = field(default_factory=Counter)  # channel -> units left for the next click (rate limit)
    no_contact: int = 0


def remind_missing(session: Session, *, plan_id: int, period: str | None, day: dt.date, now: dt.datetime,
                   limits: dict[str, int] | None = None) -> RemindAll:
    """'Nhắc tất cả đơn vị chưa báo cáo': a reminder Notice today for every open obligation of every unit that
    has not reported, to the unit's active officers, most urgent units first, within each channel's limit.
    The caller checks that the viewer is the plan's focal point; the delivery layer sends the digests."""
    limits = {**RATE_LIMITS, **(limits or {})}
    state = completeness(session, plan_id=plan_id, period=period, today=day)
    missing = [u for u in state.missing if u.closed < u.total]
    result = RemindAll()
    if not missing:
        return result
    unit_ids = [u.unit_id for u in missing]
    where = [Obligation.plan_id == plan_id, col(Obligation.unit_id).in_(unit_ids), Obligation.closed == False,
             col(Obligation.role).in_(ACCOUNTABLE)]
    if period:
        where.append(Obligation.period == period)
    obligations = session.exec(select(Obligation.id, Obligation.unit_id, Obligation.officer_id).where(*where)).all()
    staff: dict[int, list[int]] = defaultdict(list)
    for oid, uid in session.exec(select(Officer.id, Officer.unit_id).where(col(Officer.unit_id).in_(unit_ids),
                                                                         Officer.active == True)).all():
        staff[uid].append(oid)
    officer_ids = {o for ids in staff.values() for o in ids} | {o for _, _, o in obligations if o}
    channel = dict(session.exec(
        select(Contact.officer_id, Contact.channel).where(col(Contact.officer_id).in_(officer_ids))
        .order_by(Contact.officer_id, Contact.priority.desc())).all()) if officer_ids else {}  # type: ignore[union-attr]
    today = session.exec(select(Notice.obligation_id, Notice.officer_id).join(
        Obligation, Obligation.id == Notice.obligation_id).where(
        Obligation.plan_id == plan_id, Notice.kind == "reminder", Notice.level == 0, Notice.day == day)).all()
    existing = set(today)
    used: Counter = Counter(_limit_key(channel.get(o, ""), limits) for o in {o for _, o in today})
    by_unit: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    for oid, uid, officer in obligations:
        by_unit[uid].append((oid, officer))
    fresh: list[Notice] = []
    for u in missing:
        addressees = {officer for _, officer in by_unit[u.unit_id] if officer} or set(staff.get(u.unit_id, []))
        if not addressees:
            result.no_contact += 1
            continue
        made = [Notice(obligation_id=oid, officer_id=o, kind="reminder", level=0, day=day, created_at=now)
                for oid, officer in by_unit[u.unit_id] for o in ([officer] if officer else addressees)
                if (oid, o) not in existing]
        if not made:
            continue  # already reminded today
        keys = {_limit_key(channel.get(o, ""), limits) for o in addressees}
        if any(used[k] + 1 > limits[k] for k in keys):
            result.deferred[min(keys)] += 1
            continue
        fresh.extend(made)
        result.units += 1
        for o in addressees:
            used[_limit_key(channel.get(o, ""), limits)] += 1
    session.add_all(fresh)
    session.flush()
    result.notices = len(fresh)
    return result


def _limit_key(channel: str, limits: dict[str, int]) -> str:
    return channel if channel in limits else "*"


def plan_exists(session: Session, plan_id: int) -> bool:
    return session.get(Plan, plan_id) is not None


# ---- the consolidated report: figures by kind of unit, non-reporting units listed compactly

COMPACT_FROM = 20  # from this many non-reporting units on, the report groups them by kind, short names


def kind_aggregate(per_unit: dict[int, Any], reported: set[int], units: dict[int, Any],
                   unit_name: Any) -> list[dict[str, Any]]:
    """Timeliness tallies summed per kind of unit (xã, phường, sở ...), with the kind's non-reporting units."""
    from dondoc.reporting import timeliness as tl

    groups: dict[str, Any] = {}
    for uid, tally in per_unit.items():
        kind = units[uid].kind if uid in units else "unit"
        g = groups.setdefault(kind, {"kind": kind, "label": KIND_LABELS.get(kind, kind), "units": 0, "reported": 0,
                                     "not_reported": [], "_t": tl.Tally()})
        g["units"] += 1
        if uid in reported:
            g["reported"] += 1
        else:
            g["not_reported"].append(unit_name(uid))
        for category, n in tally.counts.items():
            g["_t"].counts[category] += n
        g["_t"].updated += tally.updated
    out = []
    for g in sorted(groups.values(), key=lambda g: (-g["units"], g["label"])):
        t = g.pop("_t")
        out.append({**g, **t.as_dict()})
    return out


_PREFIXES = ("Ủy ban nhân dân ", "UBND ")


def short_unit_name(name: str, kind_label: str) -> str:
    """'Ủy ban nhân dân xã Anh Sơn' listed under 'Xã' -> 'Anh Sơn'."""
    for p in _PREFIXES:
        if name.startswith(p):
            rest = name[len(p):]
            word = kind_label.lower()
            return rest[len(word) + 1:] if rest.lower().startswith(word + " ") else rest
    return name


def compact_not_reported(by_kind: list[dict[str, Any]]) -> str:
    """'xã (96): Anh Sơn, Bích Hào ...; phường (8): Vinh Hưng ...' — one line per kind, short names."""
    parts = []
    for g in by_kind:
        if g["not_reported"]:
            names = ", ".join(short_unit_name(n, g["label"]) for n in g["not_reported"])
            parts.append(f"{g['label']} ({len(g['not_reported'])}): {names}")
    return "; ".join(parts)
