"""Substitutes (người làm thay): while officer B is away (a Substitute row covering the day), what would go
to B goes to A, the named substitute — or, when nobody is named, to the head of B's unit.

- `acting_map` reads the rows in force on a day; `redirect` is the pure rule applied to recipient ids. The
  daily sweep (followup/sweep.decide) sends each reminder and escalation through it, so B gets none and A
  gets one per obligation and step (the Notice key includes the recipient).
- `absent_for` lists the officers A acts for on a day: collect/access.py lets A's personal link see and
  update their obligations, and collect/submit.py records what A submits for B as "A thay B".
- `name_substitute` / `cancel_substitute` / `substitutes` are the directory's operations (CLI
  `dondoc substitute`), audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlmodel import Session, col, select

from dondoc.clock import local_date
from dondoc.errors import InputError, NotFound
from dondoc.models import AuditEvent, Officer, Substitute


def _in_force(day: dt.date) -> tuple[Any, ...]:
    return (col(Substitute.start) <= day, col(Substitute.end) >= day, col(Substitute.cancelled_at).is_(None))


def acting_map(session: Session, *, day: dt.date) -> dict[int, int]:
    """absent officer id -> the officer acting for them on `day` (named substitute, else unit head)."""
    rows = session.exec(select(Substitute).where(*_in_force(day)).order_by(col(Substitute.id))).all()
    if not rows:
        return {}
    absent = {r.officer_id for r in rows}
    officers = {o.id: o for o in session.exec(select(Officer).where(col(Officer.id).in_(absent))).all()}
    heads = {o.unit_id: o.id for o in session.exec(select(Officer).where(
        col(Officer.unit_id).in_({o.unit_id for o in officers.values()}), Officer.role == "head",
        Officer.active == True).order_by(col(Officer.id).desc())).all()}
    out: dict[int, int] = {}
    for r in rows:
        officer = officers.get(r.officer_id)
        acting = r.substitute_id or (heads.get(officer.unit_id) if officer else None)
        if acting is not None and acting != r.officer_id:
            out[r.officer_id] = acting
    return out


def redirect(recipients: Iterable[int], acting: Mapping[int, int]) -> list[int]:
    """Each absent recipient replaced by whoever acts for them (one hop; order kept; no duplicates)."""
    out: list[int] = []
    for officer_id in recipients:
        target = acting.get(officer_id, officer_id)
        if target not in out:
            out.append(target)
    return out


def absent_for(session: Session, *, officer_id: int, day: dt.date) -> list[Officer]:
    """The active officers `officer_id` acts for on `day` (none for most officers: one indexed query)."""
    ids = [b for b, a in acting_map(session, day=day).items() if a == officer_id]
    if not ids:
        return []
    return list(session.exec(select(Officer).where(col(Officer.id).in_(ids), Officer.active == True)
                             .order_by(col(Officer.id))).all())


def on_behalf_label(author: str, absent: str) -> str:
    """How a substitute's submission is recorded and shown: "A thay B"."""
    return f"{author} thay {absent}"


def _officer(session: Session, code: str) -> Officer:
    found = session.exec(select(Officer).where(Officer.code == code)).first()
    if found is None:
        raise NotFound(f"không có cán bộ mã '{code}' trong danh bạ (xem `dondoc directory show`)")
    return found


def name_substitute(session: Session, *, officer: str, substitute: str | None, start: dt.date, end: dt.date,
                    note: str = "", by: str = "cli", now: dt.datetime) -> Substitute:
    """Officer `officer` (a code) is away from `start` to `end` (Vietnam days, inclusive); `substitute` (a
    code) acts for them, or the head of their unit when None. The one rule behind the CLI, the console page
    and the officer's own form (`by`: "cli", "staff:ID" or "officer:ID", recorded and audited). Refused: an
    end before the start, an end already past (Vietnam day of `now`), oneself as substitute, an inactive
    substitute, or a period overlapping another absence of the same officer."""
    if end < start:
        raise InputError(f"ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}")
    today = local_date(now)
    if end < today:
        raise InputError(f"ngày kết thúc {end:%d/%m/%Y} đã qua (hôm nay là {today:%d/%m/%Y}): lịch vắng phải "
                         "còn hiệu lực từ hôm nay trở đi")
    away = _officer(session, officer)
    sub = _officer(session, substitute) if substitute else None
    if sub is not None and sub.id == away.id:
        raise InputError("người làm thay phải là một cán bộ khác")
    if sub is not None and not sub.active:
        raise InputError(f"cán bộ {sub.code} ({sub.name}) không còn hoạt động: chọn người khác")
    clash = session.exec(select(Substitute).where(
        Substitute.officer_id == away.id, col(Substitute.cancelled_at).is_(None),
        col(Substitute.start) <= end, col(Substitute.end) >= start)).first()
    if clash is not None:
        how = f"`dondoc substitute cancel {clash.id}`" if by == "cli" else "trên trang Người làm thay"
        raise InputError(f"{away.name} đã có lịch vắng từ {clash.start:%d/%m/%Y} đến {clash.end:%d/%m/%Y} "
                         f"(số {clash.id}), trùng với khoảng thời gian này; hủy lịch đó trước ({how}) "
                         "hoặc chọn ngày khác")
    assert away.id is not None
    row = Substitute(officer_id=away.id, substitute_id=sub.id if sub else None, start=start, end=end,
                     note=note, created_by=by, created_at=now)
    session.add(row)
    session.flush()
    session.add(AuditEvent(at=now, actor=by, via="cli" if by == "cli" else "web", action="substitute.named",
                           entity="substitute", entity_id=row.id, before={},
                           after={"officer_id": away.id, "substitute_id": row.substitute_id,
                                  "start": start.isoformat(), "end": end.isoformat()}, note=note))
    return row


def cancel_substitute(session: Session, *, substitute_id: int, by: str = "cli", now: dt.datetime) -> Substitute:
    row = session.get(Substitute, substitute_id)
    if row is None or row.cancelled_at is not None:
        raise NotFound(f"không có lịch vắng số {substitute_id} đang hiệu lực")
    row.cancelled_at = now
    session.add(row)
    session.add(AuditEvent(at=now, actor=by, via="cli" if by == "cli" else "web", action="substitute.cancelled",
                           entity="substitute", entity_id=row.id, before={}, after={}, note=""))
    return row


def substitutes(session: Session, *, since: dt.date, officer_ids: Iterable[int] | None = None
                ) -> list[tuple[Substitute, Officer, Officer | None]]:
    """Absences not cancelled that end on or after `since` (of `officer_ids` only, when given), with the
    absent officer and who acts (None: the unit head by default)."""
    q = select(Substitute).where(col(Substitute.end) >= since, col(Substitute.cancelled_at).is_(None))
    if officer_ids is not None:
        q = q.where(col(Substitute.officer_id).in_(list(officer_ids)))
    rows = session.exec(q.order_by(col(Substitute.start), col(Substitute.id))).all()
    ids = {r.officer_id for r in rows} | {r.substitute_id for r in rows if r.substitute_id}
    officers = {o.id: o for o in session.exec(select(Officer).where(col(Officer.id).in_(ids))).all()}
    return [(r, officers[r.officer_id], officers.get(r.substitute_id) if r.substitute_id else None) for r in rows]
