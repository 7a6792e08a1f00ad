"""The leader's weekly digest: the leader's view (/tong-quan) in a message, once a week to each leader.

Only when Settings.leader_digest is on (DONDOC_LEADER_DIGEST=1). Who: the officers named in Settings.digest_officers (codes), else the active heads of the units that
issued an active plan. When: the first delivering sweep at or after Settings.digest_weekday /
digest_hour (Vietnam time) in each ISO week — a holiday Monday or a server down that morning moves it
to the next run of the same week, never into the next week. Exactly once per week and leader: the
Message key `leader-digest:<ISO year>-W<week>:<officer>` is unique, so a second run, a retry or a
second worker adds nothing. The outbox (delivery/outbox.py) sends it like any other message.

What: the totals in the timeliness categories, completion and update rates, the units with overdue
tasks (most first), the tasks still overdue after more than N reminders for the briefing, and the
link to /tong-quan."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.models import Message, Officer, Plan
from dondoc.reporting import timeliness as tl
from dondoc.reporting.overview import Overview, overview

log = logging.getLogger(__name__)
KIND = "leader_digest"
TOP_UNITS = 10
TOP_BRIEFING = 15


def week_key(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def due_now(now: dt.datetime, settings: Settings) -> bool:
    """At or after this week's digest moment (weekday and hour, Vietnam time)."""
    import pendulum

    local = pendulum.instance(now).in_timezone(TZ)
    return (local.weekday(), local.hour) >= (settings.digest_weekday, settings.digest_hour)


def leaders(session: Session, settings: Settings) -> list[Officer]:
    codes = [c.strip() for c in settings.digest_officers.split(",") if c.strip()]
    if codes:
        found = list(session.exec(select(Officer).where(col(Officer.code).in_(codes), Officer.active == True)
                                  .order_by(col(Officer.id))).all())
        missing = sorted(set(codes) - {o.code for o in found})
        if missing:  # logged, not raised: one stale code must not stop the sweep's other work
            log.warning("DONDOC_DIGEST_OFFICERS: không có cán bộ đang hoạt động mã %s trong danh bạ", ", ".join(missing))
        return found
    issuers = select(Plan.issuer_unit_id).where(Plan.state == "active", col(Plan.issuer_unit_id).is_not(None))
    return list(session.exec(select(Officer).where(col(Officer.unit_id).in_(issuers), Officer.role == "head",
                                                   Officer.active == True).order_by(col(Officer.id))).all())


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%".replace(".", ",")


def digest_text(ov: Overview, *, name: str, link: str) -> tuple[str, str]:
    """(subject, text) of one leader's digest."""
    t = ov.totals
    c = t.counts
    subject = (f"Tổng quan tuần {week_key(ov.as_of)[-2:]}: {c[tl.OVERDUE]} nhiệm vụ quá hạn, "
               f"{len(ov.briefing)} nhiệm vụ đưa vào giao ban")
    lines = [f"Kính gửi đồng chí {name},", "",
             f"Tình hình thực hiện các kế hoạch đến ngày {ov.as_of:%d/%m/%Y}:",
             f"- Tổng số nhiệm vụ: {t.total}; hoàn thành đúng hạn: {c[tl.ON_TIME]}; hoàn thành quá hạn: "
             f"{c[tl.DONE_LATE]}; đang thực hiện trong hạn: {c[tl.IN_PROGRESS]}; chưa đến hạn, chưa triển khai: "
             f"{c[tl.NOT_DUE]}; quá hạn: {c[tl.OVERDUE]}; không có thời hạn: {c[tl.NO_DEADLINE]}.",
             f"- Tỷ lệ hoàn thành (trong số nhiệm vụ đã đến hạn): {_pct(t.completion_rate)}; "
             f"tỷ lệ cập nhật tình hình: {_pct(t.update_rate)}.", ""]
    late = sorted((u for u in ov.units if u.counts[tl.OVERDUE]), key=lambda u: (-u.counts[tl.OVERDUE], u.name))
    if late:
        lines.append("Đơn vị có nhiệm vụ quá hạn:")
        for i, u in enumerate(late[:TOP_UNITS], start=1):
            lines.append(f"  {i}. {u.name}: {u.counts[tl.OVERDUE]} nhiệm vụ quá hạn "
                         f"(tỷ lệ hoàn thành {_pct(u.completion_rate)})")
        if len(late) > TOP_UNITS:
            lines.append(f"  … và {len(late) - TOP_UNITS} đơn vị khác.")
    else:
        lines.append("Không có đơn vị nào có nhiệm vụ quá hạn.")
    lines.append("")
    if ov.briefing:
        lines.append(f"Nhiệm vụ vẫn quá hạn sau hơn {ov.threshold} lần nhắc (đề nghị đưa vào giao ban):")
        for b in ov.briefing[:TOP_BRIEFING]:
            lines.append(f"  - {b['plan']} {b['ref']}: {b['task'][:120]} — {b['unit']}; quá hạn {b['days_late']} "
                         f"ngày, đã nhắc {b['reminders']} lần")
        if len(ov.briefing) > TOP_BRIEFING:
            lines.append(f"  … và {len(ov.briefing) - TOP_BRIEFING} nhiệm vụ khác.")
    else:
        lines.append(f"Không có nhiệm vụ nào quá hạn sau hơn {ov.threshold} lần nhắc.")
    lines += ["", f"Xem chi tiết và xếp hạng các đơn vị: {link}"]
    return subject, "\n".join(lines)


def compose_leader_digests(session: Session, *, now: dt.datetime, settings: Settings) -> list[Message]:
    """This week's digest for each leader who has none yet (nothing before the configured moment)."""
    from dondoc.clock import local_date

    if not settings.leader_digest or not due_now(now, settings):
        return []
    day = local_date(now)
    week = week_key(day)
    people = leaders(session, settings)
    if not people:
        return []
    keys = {o.id: f"{KIND}:{week}:{o.id}" for o in people}
    have = set(session.exec(select(Message.key).where(col(Message.key).in_(list(keys.values())))).all())
    wanted = [o for o in people if keys[o.id] not in have]
    if not wanted:
        return []
    ov = overview(session, as_of=day, threshold=settings.briefing_reminders)
    link = f"{settings.base_url.rstrip('/')}/tong-quan"
    out = []
    for o in wanted:
        subject, text = digest_text(ov, name=o.name, link=link)
        msg = Message(key=keys[o.id], officer_id=o.id, day=day, kind=KIND, subject=subject, body_text=text,  # type: ignore[arg-type]
                      created_at=now)
        try:
            with session.begin_nested():  # a concurrent sweep may have inserted the same key: keep theirs
                session.add(msg)
        except IntegrityError:
            continue
        out.append(msg)
    return out
