"""What the review screen shows: the source text with each item's span, the items with what needs a
person first (low confidence, unresolved or ambiguous bodies with candidates, guessed timings, a default
deadline, collectives expanded), and the plan's focal unit. Read-only; built in a few queries."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from dondoc.models import Assignment, Obligation, Plan, Unit
from dondoc.plans.doubt import LOW_CONFIDENCE  # the parser's warning threshold: one constant
from dondoc.vietnamese import fold


@dataclass
class BodyView:
    name: str
    role: str
    units: list[str]
    method: str
    candidates: list[tuple[str, float, int | None]] = field(default_factory=list)  # label, score, unit id


@dataclass
class ItemView:
    id: int
    ref: str
    text: str
    section: str | None
    lead: list[str]
    support: list[str]
    mode: str
    timing: dict[str, Any]
    due: dt.date | None
    bodies: list[BodyView]
    flags: list[str]
    confidence: float | None
    span: tuple[int, int] | None  # character offsets in the source text
    obligations: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    level: int = 0  # how urgently a person must look: 3 unknown body / low confidence, 2 guess, 1 notice, 0 none

    @property
    def priority(self) -> int:
        return -self.level


@dataclass
class ReviewData:
    plan: Plan
    items: list[ItemView]
    source: list[tuple[str, int | None]]  # pieces of source text, with the item id each highlights
    units: list[Unit]
    choices: list[tuple[int, str]]  # (unit id, label): names several units share carry their parent's
    focal: Unit | None
    owner: Unit | None
    warnings: list[str]
    parsed_focal: dict[str, Any] | None


def _parsed_index(plan: Plan) -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for a in (plan.parsed or {}).get("assignments") or []:
        out.setdefault((str(a.get("ref") or ""), _text_key(str(a.get("text") or ""))), a)
    return out


def _span(source: str, folded: str, text: str, parsed: dict[str, Any] | None, cursor: int) -> tuple[int, int] | None:
    """The item's place in the source: the parser's character offsets when they hold its text, else a search
    for the start of the text (folded: accents and case do not matter), from where the previous item was found
    (several items may start alike). The parser's `line` counts lines of the file as read, not of the stored
    text (one block per line), so it is no guide here."""
    words = " ".join(text.split())
    span = (parsed or {}).get("span") or {}
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(source) \
            and _letters(source[start:start + 160])[:20] == _letters(words[:160])[:20]:
        return start, end  # (letters and digits only: a block's text joins its title to content bullets below it)
    start_folded = fold(words[:72])
    title = start_folded.split(": ", 1)[0] if ": " in start_folded[:30] else ""
    for probe in (start_folded[:60], start_folded[:30], title):  # (a block's title, its content bullets below)
        if len(probe) < 8:
            return None
        at = folded.find(probe, cursor)
        if at < 0:
            at = folded.find(probe)
        if at >= 0:
            stop = min(len(source), at + len(words))
            line_end = source.find("\n", stop - 1)
            return at, (line_end if line_end >= 0 else len(source))
    return None


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


def _text_key(text: str) -> str:
    """An item's text as a key to find the parser's record of it: its start, spaces and case evened (the row's
    text and the parser's come from the same reading; fold() would cost more than the rest of the screen)."""
    return unicodedata.normalize("NFC", " ".join(text[:160].split())[:80]).lower()


@functools.lru_cache(maxsize=8)
def _folded(source: str) -> str:
    """fold() of the source with the same length, so that offsets found in it hold in the source (cached: a
    plan's text never changes, and folding 100 pages costs more than the rest of the screen)."""
    out = fold(source)
    return out if len(out) == len(source) else "".join((fold(c) or " ")[:1] for c in source)


def _pieces(source: str, spans: list[tuple[int, int, int]]) -> list[tuple[str, int | None]]:
    out: list[tuple[str, int | None]] = []
    pos = 0
    for start, end, item_id in sorted(spans):
        if start < pos:
            continue  # overlapping spans: the first one wins
        if start > pos:
            out.append((source[pos:start], None))
        out.append((source[start:end], item_id))
        pos = end
    if pos < len(source):
        out.append((source[pos:], None))
    return out


def build(session: Session, plan: Plan) -> ReviewData:
    from dondoc.directory.resolve import Resolver

    assert plan.id is not None
    rows = _rows(session, plan.id)
    ids = [r.id for r in rows]
    units = list(session.exec(select(Unit).order_by(col(Unit.name))).all())
    unit_by_id = {u.id: u for u in units}
    obligations: dict[int, dict[str, int]] = {}
    if plan.state != "draft" and ids:
        for aid, status in session.exec(select(Obligation.assignment_id, Obligation.status).where(
                Obligation.plan_id == plan.id)).all():
            if aid is not None:
                obligations.setdefault(aid, {}).setdefault(status, 0)
                obligations[aid][status] += 1
    resolver = Resolver.from_session(session).for_plan(plan.parsed or {}, owner=plan.owner_unit_id)
    by_name = {fold(u.name): u.id for u in units}
    parsed = _parsed_index(plan)
    source = plan.source_text or ""
    folded = _folded(source)
    cursor = 0
    views: list[ItemView] = []
    spans: list[tuple[int, int, int]] = []
    for r in rows:
        p = parsed.get((r.ref, _text_key(r.text)))
        bodies, flags = _bodies(r, resolver, by_name, unit_by_id)
        timing = dict(r.timing or {})
        if timing.get("guessed"):
            flags.append("Thời hạn do máy đoán")
        if timing.get("kind") in (None, "unspecified"):
            flags.append("Không ghi thời hạn: áp hạn mặc định")
        conf = (p or {}).get("confidence")
        if isinstance(conf, (int, float)) and conf < LOW_CONFIDENCE:
            flags.insert(0, f"Độ tin cậy thấp ({conf:.0%})")
        if r.needs_review and not flags:
            flags.append("Cần xem lại")
        level = _level(bodies, r, conf, flags)
        span = _span(source, folded, r.text, p, cursor) if source else None
        if span:
            spans.append((span[0], span[1], r.id or 0))
            cursor = span[0] + 1
        due = timing.get("due")
        views.append(ItemView(id=r.id or 0, ref=r.ref, text=r.text, section=r.section, lead=list(r.lead),
                              support=list(r.support), mode=r.mode, timing=timing,
                              due=dt.date.fromisoformat(due) if isinstance(due, str) and due else None,
                              bodies=bodies, flags=flags, confidence=conf if isinstance(conf, (int, float)) else None,
                              span=span, obligations=sum(obligations.get(r.id or 0, {}).values()),
                              statuses=obligations.get(r.id or 0, {}), level=level))
    views.sort(key=_doubt_order)
    return ReviewData(plan=plan, items=views, source=_pieces(source, spans), units=units, choices=unit_choices(units),
                      focal=unit_by_id.get(plan.focal_unit_id), owner=unit_by_id.get(plan.owner_unit_id),
                      warnings=list((plan.parsed or {}).get("warnings") or []),
                      parsed_focal=(plan.parsed or {}).get("focal"))


def _doubt_order(v: ItemView) -> tuple[int, float, int]:
    """The most doubtful first (an unknown body before a guessed one before a mere notice); among the items a
    person must check (level 2 and up) the least sure first, then document order; the rest in document order."""
    sure = (v.confidence if v.confidence is not None else 1.0) if v.level >= 2 else 0.0
    return (-v.level, sure, v.id)


def _rows(session: Session, plan_id: int) -> list[Any]:
    """The plan's current items (as intake.review.items), read as columns: building hundreds of rows with
    their JSON fields was a third of the screen's time."""
    from sqlalchemy import select as columns

    a = Assignment
    return list(session.execute(columns(col(a.id), col(a.ref), col(a.text), col(a.section), col(a.lead),
                                        col(a.support), col(a.mode), col(a.timing), col(a.needs_review))
                                .where(col(a.plan_id) == plan_id, col(a.removed_at).is_(None))
                                .order_by(col(a.id))).all())


def _level(bodies: list[BodyView], row: Any, conf: Any, flags: list[str]) -> int:
    if (isinstance(conf, (int, float)) and conf < LOW_CONFIDENCE) or any(not b.units for b in bodies):
        return 3
    if not row.lead or row.needs_review or any(b.method == "fuzzy" for b in bodies):
        return 2
    return 1 if flags else 0


def unit_choices(units: list[Unit]) -> list[tuple[int, str]]:
    """Options of a unit picker: a name several units share is followed by its parent's name (a directory of
    a province has a 'Phòng Nội vụ' in every district), sorted by the label."""
    by_id = {u.id: u for u in units}
    keys = {u.id: fold(u.name) for u in units}
    seen: dict[str, int] = {}
    for key in keys.values():
        seen[key] = seen.get(key, 0) + 1
    out: list[tuple[int, str]] = []
    for u in units:
        label = u.name
        if seen[keys[u.id]] > 1:
            parent = by_id.get(u.parent_id)
            label = f"{u.name} — {parent.name}" if parent is not None else f"{u.name} ({u.code})"
        out.append((u.id or 0, label))
    return sorted(out, key=lambda c: (keys.get(c[0], ""), c[1]))


def _bodies(row: Any, resolver: Any, by_name: dict[str, int | None], unit_by_id: dict[int | None, Unit]) -> tuple[list[BodyView], list[str]]:
    flags: list[str] = []
    out: list[BodyView] = []
    if not row.lead:
        flags.append("Không có cơ quan chủ trì: giao mặc định cho cơ quan đầu mối")
    for role, names in (("lead", row.lead), ("support", row.support)):
        for name in names:
            res = resolver.resolve(name)
            units = [unit_by_id[u].name for u, _ in res.targets if u in unit_by_id]
            shown = not res.targets or res.method == "fuzzy"  # the screen offers candidates for these only
            cands = [(label, score, by_name.get(fold(label))) for label, score in (res.candidates or [])[:5]] if shown else []
            out.append(BodyView(name=name, role=role, units=units, method=res.method, candidates=cands))
            if not res.targets:
                flags.append(f"Chưa xác định: {name}")
            elif res.method == "fuzzy":
                flags.append(f"Khớp gần đúng: {name} → {', '.join(units)}")
            elif res.method == "collective":
                flags.append(f"Tên chung mở rộng thành {len(units)} đơn vị: {name}")
    return out, flags
