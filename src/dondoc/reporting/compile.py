"""The consolidated report: a snapshot of a plan's period (chốt số liệu) and its compilation.

`build_snapshot` reads everything the report says from the database into plain JSON-able data;
the renderers in `dondoc.reports` turn that data into Word, Excel and Markdown and never query.
`compile_report` stores the snapshot (one CompiledReport per plan and period), writes the files
and queues the report for the plan's focal point. A snapshot taken at or after the period's data
cut-off is final: compiling again reuses it, so the document comes out byte-identical.

Nothing is invented: every sentence of the report is a submission's text or a fact of the plan;
the figures are sums or the latest values of what units reported.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pendulum
from sqlalchemy import and_, or_
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.errors import InputError, NotFound
from dondoc.models import (
    STATUS_LABELS,
    Assignment,
    CompiledReport,
    Message,
    Obligation,
    Officer,
    Plan,
    ReportObligation,
    StatusUpdate,
    Target,
    Unit,
)
from dondoc.reporting import admin
from dondoc.reporting import timeliness as tl
from dondoc.vietnamese import fold, short_date

log = logging.getLogger(__name__)

SNAPSHOT_VERSION = 1
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
ACCOUNTABLE_ROLES = ("lead", "report")  # roles counted in the timeliness statistics
TASK_ROLES = ("lead", "support", "report")


class ReportInputError(InputError):
    """A report request that cannot be served (bad period, unknown plan)."""


# ---------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    code: str
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        y = self.code[:4]
        rest = self.code[5:]
        if not rest:
            return f"năm {y}"
        if rest.startswith("Q"):
            return f"quý {ROMAN[int(rest[1:])]} năm {y}"
        if rest == "H1":
            return f"6 tháng đầu năm {y}"
        if rest == "H2":
            return f"6 tháng cuối năm {y}"
        return f"tháng {int(rest)} năm {y}"

    def next(self) -> Period:
        y = int(self.code[:4])
        rest = self.code[5:]
        if not rest:
            return parse_period(str(y + 1))
        if rest.startswith("Q"):
            q = int(rest[1:])
            return parse_period(f"{y}-Q{q + 1}" if q < 4 else f"{y + 1}-Q1")
        if rest in ("H1", "H2"):
            return parse_period(f"{y}-H2" if rest == "H1" else f"{y + 1}-H1")
        m = int(rest)
        return parse_period(f"{y}-{m + 1:02d}" if m < 12 else f"{y + 1}-01")


def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))


_PERIOD_RE = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{1,2}))?$")


def parse_period(code: str) -> Period:
    """'2025', '2025-Q3', '2025-H1', '2025-06' -> Period (first and last day)."""
    m = _PERIOD_RE.match(code.strip().upper())
    if not m:
        raise ReportInputError(f"kỳ báo cáo {code!r} không hợp lệ: dùng dạng 2025, 2025-Q3, 2025-H1 hoặc 2025-06")
    y, rest = int(m.group(1)), m.group(2)
    if rest is None:
        return Period(f"{y}", dt.date(y, 1, 1), dt.date(y, 12, 31))
    if rest.startswith("Q"):
        q = int(rest[1])
        return Period(f"{y}-Q{q}", dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
    if rest.startswith("H"):
        h = int(rest[1])
        return Period(f"{y}-H{h}", dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h))
    month = int(rest)
    if not 1 <= month <= 12:
        raise ReportInputError(f"kỳ báo cáo {code!r}: tháng phải từ 01 đến 12")
    return Period(f"{y}-{month:02d}", dt.date(y, month, 1), _month_end(y, month))


def _local_day(now: dt.datetime) -> dt.date:
    return tl.local_date(now)


def _end_of_day(d: dt.date) -> dt.datetime:
    return pendulum.datetime(d.year, d.month, d.day, 23, 59, 59, 999999, tz=TZ)


def _compile_obligations(session: Session, plan_id: int) -> list[Obligation]:
    return list(session.exec(select(Obligation).where(Obligation.plan_id == plan_id, Obligation.role == "compile")
                             .order_by(Obligation.due_date, Obligation.id)).all())  # type: ignore[arg-type]


def default_period(session: Session, *, plan: Plan, now: dt.datetime) -> str:
    """The period of the focal point's next compilation (or the last one); else the current year."""
    today = _local_day(now)
    compiles = _compile_obligations(session, plan.id)  # type: ignore[arg-type]
    upcoming = [o for o in compiles if o.due_date >= today]
    if upcoming:
        return upcoming[0].period
    if compiles:
        return compiles[-1].period
    return str(today.year)


def period_cutoff(session: Session, *, plan: Plan, period: Period) -> tuple[dt.date, dt.date | None]:
    """(data cut-off, compile due date) of a period: the compile obligation's cut-off, never later than
    its due date; without one, the latest cut-off of the units' obligations in the period; else its end."""
    compiles = [o for o in _compile_obligations(session, plan.id) if o.period == period.code]  # type: ignore[arg-type]
    if compiles:
        c = compiles[0]
        return min(c.cutoff, c.due_date), c.due_date
    cutoffs = session.exec(select(Obligation.cutoff).where(
        Obligation.plan_id == plan.id, Obligation.period == period.code)).all()
    return (max(cutoffs) if cutoffs else period.end), None


# ---------------------------------------------------------------- helpers


def _roman_value(token: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not token or any(c not in values for c in token):
        return None
    total = 0
    for i, c in enumerate(token):
        v = values[c]
        total += -v if i + 1 < len(token) and values[token[i + 1]] > v else v
    return total


def ref_sort_key(ref: str) -> tuple[Any, ...]:
    """Natural order of refs: 'II.2' < 'II.10' < 'III.1' < 'PL.1'."""
    out: list[tuple[int, Any]] = []
    for token in (ref or "").split("."):
        if token.startswith("PL"):
            out.append((3, token))
        elif token.isdigit():
            out.append((1, int(token)))
        elif (r := _roman_value(token)) is not None:
            out.append((1, r))
        else:
            out.append((2, token))
    return tuple(out)


def _norm_text(text: str) -> str:
    """Key under which two submissions' words count as the same (case and spacing aside)."""
    return " ".join(text.casefold().split()).rstrip(".;")


_VN = zoneinfo.ZoneInfo(TZ)


def _iso(d: dt.date | dt.datetime | None) -> str | None:
    if d is None:
        return None
    if isinstance(d, dt.datetime):
        return d.astimezone(_VN).isoformat()
    return d.isoformat()


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    return fold(text)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _is_additive(unit: str | None) -> bool:
    """Counts add up across units (lao động, hộ, người); rates and averages (%, tuổi, năm, x/người) do not."""
    if not unit:
        return True
    u = fold(unit).strip()
    return not ("%" in u or "/" in u or u in ("tuoi", "nam", "lan"))


def assess(value: float, achieved: float, comparator: str | None) -> tuple[float | None, str]:
    """(% achieved = achieved/plan, assessment đạt / chưa đạt / vượt); '<=' targets are better when lower."""
    ratio = None if value == 0 else 100.0 * achieved / value
    eps = 1e-9
    if comparator == "<=":
        if achieved < value - eps:
            return ratio, "vượt"
        return ratio, "đạt" if abs(achieved - value) <= eps else "chưa đạt"
    if achieved > value + eps:
        return ratio, "vượt"
    return ratio, "đạt" if abs(achieved - value) <= eps else "chưa đạt"


# ---------------------------------------------------------------- the snapshot


def _signature(plan: Plan) -> list[str]:
    parsed = plan.parsed or {}
    sig = parsed.get("signature") or (plan.policy or {}).get("signature")
    if isinstance(sig, dict):
        sig = sig.get("lines")
    if isinstance(sig, list) and sig and all(isinstance(x, str) for x in sig):
        return [s.strip().upper() for s in sig if s.strip()]
    if admin.is_people_committee(plan.issuer) or not plan.issuer:
        return ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    return ["THỦ TRƯỞNG CƠ QUAN"]


def plan_header(session: Session, plan: Plan) -> dict[str, Any]:
    """The plan facts every administrative document of dondoc needs (header, subject, signature)."""
    units = {u.id: u for u in session.exec(select(Unit).where(
        col(Unit.id).in_([x for x in (plan.issuer_unit_id, plan.focal_unit_id, plan.owner_unit_id) if x]))).all()}
    issuer_unit = units.get(plan.issuer_unit_id) if plan.issuer_unit_id else None
    issuer = plan.issuer or (issuer_unit.name if issuer_unit else None)
    upper_level = None
    if issuer_unit and issuer_unit.parent_id:
        parent = session.get(Unit, issuer_unit.parent_id)
        upper_level = parent.name if parent else None
    upper_line, issuer_bold = admin.issuer_lines(issuer, upper_level)
    focal = units.get(plan.focal_unit_id or plan.owner_unit_id or -1)
    title = _clean(plan.title)
    if title == plan.source_name or re.search(r"\.(txt|docx?|pdf|md|ya?ml|xlsx)$", title, re.IGNORECASE):
        title = ""  # the parser found no title and fell back to the file name: say nothing rather than that
    return {
        "id": plan.id,
        "number": plan.number,
        "title": title,
        "issuer": issuer,
        "issuer_full": admin.expand(issuer) if issuer else None,
        "upper_line": upper_line,
        "issuer_lines": issuer_bold,
        "symbol": admin.symbol_from_number(plan.number, issuer),
        "place": plan.place or admin.place_from_issuer(issuer),
        "issued_on": _iso(plan.issued_on),
        "year": plan.year,
        "signer": plan.signer,
        "signature": _signature(plan),
        "focal_unit": focal.name if focal else None,
        "focal_symbol": admin.initials(focal.name) if focal else None,
    }


def _report_recipients(session: Session, plan: Plan) -> list[str]:
    """Addressees of the consolidated report: the plan's (b/c) recipients, else the receivers of its
    compile obligation, without duplicates; the archive line is added by the renderer."""
    names: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        clean = admin.clean_recipient(name)
        key = admin.recipient_key(clean)
        if clean and key not in seen:
            seen.add(key)
            names.append(clean)

    for r in plan.recipients or []:
        if isinstance(r, dict) and r.get("purpose") == "report" and r.get("name"):
            add(str(r["name"]))
    if names:
        return names
    # No (b/c) recipient in the plan: the receivers its compile obligation names ('X, Y; Z').
    compiles = session.exec(select(ReportObligation).where(
        ReportObligation.plan_id == plan.id, ReportObligation.compiles == True)
        .order_by(ReportObligation.id)).all()  # type: ignore[arg-type]
    for ro in compiles:
        for name in ro.receivers or []:
            for part in re.split(r"[,;]", str(name)):
                if part.strip():
                    add(part)
    return names


@dataclass
class _Latest:
    status: str = "not_started"
    progress: int = 0
    result: str = ""
    difficulties: str = ""
    proposals: str = ""
    figures: dict[str, Any] | None = None
    submitted_at: dt.datetime | None = None
    done_since: dt.datetime | None = None
    late: bool = False
    count: int = 0


def build_snapshot(session: Session, *, plan_id: int, period: str | None, now: dt.datetime) -> dict[str, Any]:
    """Everything the report for `period` says, as plain data, as of the period's data cut-off.

    Only status updates submitted up to the end of the cut-off day (or up to `now`, when compiling
    earlier) count; the snapshot is `final` from the cut-off day on (then it is never rebuilt)."""
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"không có kế hoạch số {plan_id} trong cơ sở dữ liệu (xem `dondoc plan list`)")
    per = parse_period(period or default_period(session, plan=plan, now=now))
    cutoff, compile_due = period_cutoff(session, plan=plan, period=per)
    cutoff_end = _end_of_day(cutoff)
    # Compiling on the cut-off day itself (the scheduler compiles one working day before the focal
    # point's deadline, which can be that day) closes the data as of that moment.
    final = _local_day(now) >= cutoff
    as_of_instant = min(cutoff_end, pendulum.instance(now))
    as_of = _local_day(as_of_instant)
    report_date = _local_day(now)

    in_period = and_(Obligation.plan_id == plan_id, col(Obligation.role).in_(TASK_ROLES),
                     Obligation.period_start <= per.end, Obligation.period_end >= per.start)
    # Plain rows (not ORM objects): a large plan has thousands of each, and identity-mapped
    # instances cost several times more to load.
    ob_table, su_table = Obligation.__table__, StatusUpdate.__table__  # type: ignore[attr-defined]
    obligations: list[Any] = list(session.execute(sa_select(ob_table).where(in_period)).all())
    updates: list[Any] = list(session.execute(
        sa_select(su_table).join(ob_table, ob_table.c.id == su_table.c.obligation_id)
        .where(in_period, su_table.c.submitted_at <= as_of_instant)
        .order_by(su_table.c.submitted_at, su_table.c.id)).all())
    nxt = per.next()
    next_obligations = list(session.exec(select(Obligation).where(
        Obligation.plan_id == plan_id, col(Obligation.role).in_(ACCOUNTABLE_ROLES),
        Obligation.period_start <= nxt.end, Obligation.period_end >= nxt.start,
        or_(Obligation.period_start > per.end, Obligation.due_date > per.end))).all())

    assignments = {a.id: a for a in session.exec(select(Assignment).where(Assignment.plan_id == plan_id)).all()}
    reports = {r.id: r for r in session.exec(select(ReportObligation).where(ReportObligation.plan_id == plan_id)).all()}
    targets = sorted(session.exec(select(Target).where(Target.plan_id == plan_id)).all(),
                     key=lambda t: (ref_sort_key(t.ref), t.key))
    unit_ids = {o.unit_id for o in obligations} | {o.unit_id for o in next_obligations}
    units = {u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_(unit_ids))).all()} if unit_ids else {}

    def unit_name(uid: int) -> str:
        u = units.get(uid)
        return u.name if u else f"Đơn vị #{uid}"

    ob_by_id = {o.id: o for o in obligations}
    latest: dict[int, _Latest] = {}
    for u in updates:
        st = latest.setdefault(u.obligation_id, _Latest())
        st.count += 1
        if u.status == "done" and st.status != "done":
            st.done_since = u.submitted_at
        elif u.status != "done":
            st.done_since = None
        st.status, st.progress, st.submitted_at, st.late = u.status, u.progress, u.submitted_at, u.late
        st.result, st.difficulties, st.proposals = _clean(u.result), _clean(u.difficulties), _clean(u.proposals)
        st.figures = dict(u.figures or {})

    # ---- I. results by task
    sources: dict[tuple[int | None, int | None], tuple[str, str, str, str | None]] = {}

    def source_of(o: Any) -> tuple[str, str, str, str | None]:
        """(group key, ref, text, section) of an obligation's task."""
        k = (o.assignment_id, o.report_id)
        found = sources.get(k)
        if found is not None:
            return found
        if o.assignment_id and o.assignment_id in assignments:
            a = assignments[o.assignment_id]
            top = a.ref.split(".")[0] if a.ref else ""
            section = _clean(a.section) or (f"Các nhiệm vụ tại mục {top} của Kế hoạch" if top else None)
            found = (f"A{a.id}", a.ref, _clean(a.text), section)
        elif (r := reports.get(o.report_id or -1)) is not None:
            found = (f"R{r.id}", r.ref, _clean(r.text), "Báo cáo định kỳ")
        else:
            return f"O{o.id}", "", "", None
        sources[k] = found
        return found

    tasks: dict[str, dict[str, Any]] = {}
    for o in sorted(obligations, key=lambda o: (o.due_date, o.id)):
        key, ref, text, section = source_of(o)
        task = tasks.get(key)
        if task is None:
            a = assignments.get(o.assignment_id or -1)
            r = reports.get(o.report_id or -1)
            timing = (a.timing if a else r.timing if r else None) or {}
            task = tasks[key] = {
                "key": key, "ref": ref, "text": text, "section": section,
                "item": a.item if a else None,
                "mode": a.mode if a else o.mode,
                "timing": _clean(timing.get("text")),
                "lead": [str(x) for x in (a.lead if a else [])],
                "support": [str(x) for x in (a.support if a else [])],
                "is_report": o.report_id is not None and o.assignment_id is None,
                "entries": [],
                "_units": {"lead": [], "support": [], "report": []},
            }
        if o.unit_id not in task["_units"][o.role]:
            task["_units"][o.role].append(o.unit_id)
        st = latest.get(o.id)  # type: ignore[arg-type]
        if st is not None:
            task["entries"].append({"unit": unit_name(o.unit_id), "role": o.role, "status": st.status,
                                    "progress": st.progress, "result": st.result, "at": _iso(st.submitted_at)})
    task_list = sorted(tasks.values(), key=lambda t: (t["is_report"], ref_sort_key(t["ref"]), t["item"] or 0, t["key"]))
    sections: list[dict[str, Any]] = []
    for t in task_list:
        t["lead_units"] = [unit_name(u) for u in t["_units"]["lead"] + t["_units"]["report"]]
        t["support_units"] = [unit_name(u) for u in t["_units"]["support"]]
        del t["_units"]
        entries = t.pop("entries")
        lead_entries = [e for e in entries if e["role"] != "support"]
        by_status: dict[str, int] = {}
        for e in lead_entries:
            by_status[e["status"]] = by_status.get(e["status"], 0) + 1
        t["tally"] = {"units": len(t["lead_units"]), "reported": len(lead_entries),
                      "by_status": {k: by_status[k] for k in STATUS_LABELS if k in by_status}}
        t["results"] = _merge_entries(entries)
        if not sections or sections[-1]["heading"] != t["section"]:
            sections.append({"heading": t["section"], "tasks": []})
        sections[-1]["tasks"].append(t)

    # ---- II. targets
    target_rows: list[dict[str, Any]] = []
    by_ref: dict[str, list[Target]] = {}
    for t in targets:
        by_ref.setdefault(t.ref, []).append(t)
    # Latest figure per (target, unit): a unit may repeat its figure on several of its obligations.
    per_target: dict[str, dict[int, tuple[dt.datetime, float]]] = {}
    for u in updates:
        o = ob_by_id.get(u.obligation_id)
        if o is None or not u.figures:
            continue
        for name, value in u.figures.items():
            target = next((t for t in targets if t.key == name), None)
            if target is None and len(by_ref.get(name, [])) == 1:
                target = by_ref[name][0]
            if target is None or not isinstance(value, (int, float)):
                continue
            per_target.setdefault(target.key, {})[o.unit_id] = (u.submitted_at, float(value))
    focal_id = plan.focal_unit_id or plan.owner_unit_id
    for t in targets:
        sources = per_target.get(t.key, {})
        achieved: float | None = None
        how = None
        if sources:
            if _is_additive(t.unit):
                achieved = sum(v for _, v in sources.values())
                how = "sum" if len(sources) > 1 else "single"
            elif focal_id in sources:
                achieved, how = sources[focal_id][1], "focal"
            else:
                achieved = max(sources.values(), key=lambda p: p[0])[1]
                how = "latest" if len(sources) > 1 else "single"
        ratio, assessment = assess(t.value, achieved, t.comparator) if achieved is not None else (None, None)
        target_rows.append({
            "key": t.key, "ref": t.ref, "text": _clean(t.text), "value": t.value, "unit": t.unit,
            "comparator": t.comparator, "baseline": t.baseline, "by": t.by,
            "achieved": achieved, "ratio": ratio, "assessment": assessment, "merge": how,
            "sources": [{"unit": unit_name(uid), "value": v, "at": _iso(at)}
                        for uid, (at, v) in sorted(sources.items(), key=lambda p: fold(unit_name(p[0])))],
        })

    # ---- III. timeliness (lead and report obligations; coordinating input is not chased)
    per_unit: dict[int, tl.Tally] = {}
    overall = tl.Tally()
    reported_units: set[int] = set()
    obligation_rows: list[dict[str, Any]] = []
    for o in sorted(obligations, key=lambda o: (_fold(unit_name(o.unit_id)), o.due_date, o.id)):
        st = latest.get(o.id)  # type: ignore[arg-type]
        if st is not None:
            reported_units.add(o.unit_id)
        status = st.status if st else ("done" if o.status == "done" and o.completed_at and o.completed_at <= as_of_instant
                                       else "not_started")
        done_at = st.done_since if st else (o.completed_at if status == "done" else None)
        category = tl.classify(kind=o.kind, status=status, due_date=o.due_date,
                               completed_on=tl.local_date(done_at) if done_at else None, as_of=as_of)
        key, ref, text, _ = source_of(o)
        obligation_rows.append({
            "unit": unit_name(o.unit_id), "ref": ref, "task": text, "role": o.role, "mode": o.mode,
            "period": o.period, "due": _iso(o.due_date), "extended_due": _iso(o.extended_due),
            "status": status, "progress": st.progress if st else 0, "category": category,
            "updates": st.count if st else 0, "completed_on": _iso(tl.local_date(done_at)) if done_at else None,
        })
        if o.role not in ACCOUNTABLE_ROLES:
            continue
        per_unit.setdefault(o.unit_id, tl.Tally()).add(category, updated=st is not None)
        overall.add(category, updated=st is not None)
    accountable_units = sorted(per_unit, key=lambda uid: _fold(unit_name(uid)))
    not_reported = [unit_name(uid) for uid in accountable_units if uid not in reported_units]
    timeliness = {
        **overall.as_dict(),
        "units": [{"unit": unit_name(uid), "external": bool(units[uid].external) if uid in units else False,
                   **per_unit[uid].as_dict()} for uid in accountable_units],
        "not_reported": not_reported,
    }

    # ---- IV / VI. difficulties and proposals (latest word of each obligation, grouped by text)
    def grouped(attr: str) -> list[dict[str, Any]]:
        groups: dict[str, dict[str, Any]] = {}
        for o in obligations:
            st = latest.get(o.id)  # type: ignore[arg-type]
            text = getattr(st, attr) if st else ""
            if not text:
                continue
            g = groups.setdefault(_norm_text(text), {"text": text, "units": [], "refs": [], "_first": st.submitted_at})
            name = unit_name(o.unit_id)
            if name not in g["units"]:
                g["units"].append(name)
            ref = source_of(o)[1]
            if ref and ref not in g["refs"]:
                g["refs"].append(ref)
        out = sorted(groups.values(), key=lambda g: (-len(g["units"]), g["_first"], g["text"]))
        for g in out:
            del g["_first"]
            g["units"].sort(key=_fold)
            g["refs"].sort(key=ref_sort_key)
        return out

    # ---- V. next period
    next_tasks: dict[str, dict[str, Any]] = {}
    for o in sorted(next_obligations, key=lambda o: (o.due_date, o.id)):
        key, ref, text, _ = source_of(o)
        nt = next_tasks.setdefault(key, {"ref": ref, "text": text, "units": [], "due": _iso(o.due_date),
                                         "kind": o.kind, "is_report": o.role == "report"})
        name = unit_name(o.unit_id)
        if name not in nt["units"]:
            nt["units"].append(name)
    next_list = sorted(next_tasks.values(), key=lambda t: (t["is_report"], ref_sort_key(t["ref"]), t["due"] or ""))

    # ---- the annex: every submission
    submissions = []
    for u in updates:
        o = ob_by_id[u.obligation_id]
        _, ref, text, _ = source_of(o)
        submissions.append({
            "unit": unit_name(o.unit_id), "ref": ref, "task": text, "role": o.role, "status": u.status,
            "progress": u.progress, "result": _clean(u.result), "figures": dict(u.figures or {}),
            "difficulties": _clean(u.difficulties), "proposals": _clean(u.proposals),
            "at": _iso(u.submitted_at), "late": bool(u.late), "via": u.via,
        })

    return {
        "version": SNAPSHOT_VERSION,
        "plan": plan_header(session, plan),
        "period": {"code": per.code, "label": per.label, "start": _iso(per.start), "end": _iso(per.end),
                   "cutoff": _iso(cutoff), "compile_due": _iso(compile_due), "as_of": _iso(as_of),
                   "as_of_instant": _iso(as_of_instant), "final": final},
        "report_date": _iso(report_date),
        "recipients": _report_recipients(session, plan),
        "sections": sections,
        "targets": target_rows,
        "timeliness": timeliness,
        "difficulties": grouped("difficulties"),
        "proposals": grouped("proposals"),
        "next": {"code": nxt.code, "label": nxt.label, "tasks": next_list},
        "obligations": obligation_rows,
        "submissions": submissions,
    }


def _merge_entries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Units that reported the same status and the same words become one line naming them all."""
    merged: dict[tuple[str, str, int, str], dict[str, Any]] = {}
    order = {"lead": 0, "report": 0, "support": 1}
    for e in sorted(entries, key=lambda e: (order.get(e["role"], 2), _fold(e["unit"]))):
        role = "support" if e["role"] == "support" else "lead"
        k = (role, e["status"], e["progress"], _norm_text(e["result"]))
        m = merged.get(k)
        if m is None:
            merged[k] = {"units": [e["unit"]], "role": role, "status": e["status"],
                         "status_label": STATUS_LABELS.get(e["status"], e["status"]),
                         "progress": e["progress"], "result": e["result"]}
        elif e["unit"] not in m["units"]:
            m["units"].append(e["unit"])
    return list(merged.values())


# ---------------------------------------------------------------- compile and send


def report_basename(plan_id: int, period: str) -> str:
    return f"bao-cao-ke-hoach-{plan_id}-{period}"


def render_files(snapshot: dict[str, Any], *, directory: Path, template: Path | None = None) -> tuple[Path, Path]:
    """Write the .docx and .xlsx of a snapshot into `directory`; returns their paths."""
    from dondoc.reporting.docx_report import render_report_docx
    from dondoc.reporting.xlsx_report import render_report_xlsx

    directory.mkdir(parents=True, exist_ok=True)
    base = report_basename(snapshot["plan"]["id"], snapshot["period"]["code"])
    docx_path = directory / f"{base}.docx"
    xlsx_path = directory / f"{base}.xlsx"
    render_report_docx(snapshot, docx_path, template=template)
    render_report_xlsx(snapshot, xlsx_path)
    return docx_path, xlsx_path


def focal_officers(session: Session, plan: Plan) -> list[Officer]:
    """Who receives the compiled report: focal officers of the plan's focal unit, else its head."""
    unit_id = plan.focal_unit_id or plan.owner_unit_id
    if not unit_id:
        return []
    officers = session.exec(select(Officer).where(Officer.unit_id == unit_id, Officer.active == True)
                            .order_by(Officer.id)).all()  # type: ignore[arg-type]
    focal = [o for o in officers if o.role == "focal"]
    return focal or [o for o in officers if o.role == "head"]


def _message_text(snapshot: dict[str, Any], *, link: str = "", upper: bool = False) -> tuple[str, str]:
    """Subject and text of the report message. The files go along as attachments (Message.attachments);
    the delivery service adds the line that names them, or says where they are on channels that
    cannot carry files. `link` is the recipient's personal page (the focal page for focal officers)."""
    from dondoc.reporting.text import subject_line, summary_lines

    p = snapshot["plan"]
    kind = "Báo cáo" if upper else "Dự thảo báo cáo"
    subject = f"[dondoc] {kind} {snapshot['period']['label']}: {subject_line(snapshot)}"
    if len(subject) > 200:
        subject = subject[:197] + "..."
    plan_name = f"Kế hoạch số {p['number']}" if p.get("number") else "Kế hoạch"
    as_of = short_date(dt.date.fromisoformat(snapshot["period"]["as_of"]))
    lines = [
        (f"{kind} tổng hợp kết quả thực hiện {plan_name} ({snapshot['period']['label']}) của "
         f"{p.get('issuer') or 'cơ quan ban hành'}, số liệu tính đến ngày {as_of}."),
        *summary_lines(snapshot),
        "",
    ]
    if not upper:
        lines.append("Đề nghị kiểm tra văn bản báo cáo (Word) và phụ lục (Excel), trình ký và gửi theo quy định.")
    if link:
        lines.append(f"Trang theo dõi kế hoạch: {link}")
    return subject, "\n".join(lines)


def compile_report(*, engine: Engine, settings: Settings, plan_id: int, period: str | None = None,
                   now: dt.datetime, send: bool = True, template: Path | None = None) -> CompiledReport:
    """Snapshot (or reuse the final snapshot of) a plan's period, write the files under
    `settings.home/reports/`, store a CompiledReport and, when `send`, queue one Message per focal
    officer (key `report:<plan>:<period>:<officer>`, sent by delivery.deliver_pending)."""
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    for attempt in range(2):
        try:
            with session_scope(engine) as session:
                return _compile_once(session, settings=settings, plan_id=plan_id, period=period, now=now,
                                     send=send, template=template)
        except IntegrityError:
            # Two compilations of the same period raced on the unique (plan, period): the other one
            # stored its snapshot first; run again to reuse it.
            if attempt:
                raise
    raise AssertionError("unreachable")


def _compile_once(session: Session, *, settings: Settings, plan_id: int, period: str | None, now: dt.datetime,
                  send: bool, template: Path | None) -> CompiledReport:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"không có kế hoạch số {plan_id} trong cơ sở dữ liệu (xem `dondoc plan list`)")
    code = parse_period(period or default_period(session, plan=plan, now=now)).code
    row = session.exec(select(CompiledReport).where(CompiledReport.plan_id == plan_id,
                                                    CompiledReport.period == code)).first()
    if row is not None and row.snapshot.get("period", {}).get("final") and row.snapshot.get("version") == SNAPSHOT_VERSION:
        snapshot = dict(row.snapshot)
        reused = True
    else:
        reused = False
        snapshot = build_snapshot(session, plan_id=plan_id, period=code, now=now)
        if row is None:
            row = CompiledReport(plan_id=plan_id, period=code, cutoff=dt.date.fromisoformat(snapshot["period"]["cutoff"]),
                                 snapshot=snapshot, compiled_at=now)
        else:
            row.snapshot = snapshot
            row.cutoff = dt.date.fromisoformat(snapshot["period"]["cutoff"])
            row.compiled_at = now
    template = template or _user_template(settings)
    if reused and row.docx_path and row.xlsx_path and row.sha256 and Path(row.xlsx_path).is_file() \
            and Path(row.docx_path).is_file() and hashlib.sha256(Path(row.docx_path).read_bytes()).hexdigest() == row.sha256:
        docx_path, xlsx_path = Path(row.docx_path), Path(row.xlsx_path)  # the stored files are this snapshot's
    else:
        docx_path, xlsx_path = render_files(snapshot, directory=settings.path("reports"), template=template)
    row.docx_path, row.xlsx_path = str(docx_path), str(xlsx_path)
    row.sha256 = hashlib.sha256(docx_path.read_bytes()).hexdigest()
    session.add(row)
    session.flush()
    if send:
        addressed = _queue_messages(session, settings=settings, plan=plan, snapshot=snapshot, docx_path=docx_path,
                                    xlsx_path=xlsx_path, now=now)
        if addressed and snapshot["period"]["final"]:
            row.sent_at = row.sent_at or now  # queued; Message.sent_at tells when each was delivered
        session.add(row)
    session.flush()
    return row


def _user_template(settings: Settings) -> Path | None:
    """A restyled template the user dropped in the data folder (templates/bao-cao.docx), if any."""
    path = settings.home / "templates" / "bao-cao.docx"
    return path if path.is_file() else None


def upper_officers(session: Session, plan: Plan) -> list[Officer]:
    """Officers of the plan's upper-level recipients (b/c), when the plan's policy asks for it
    (`report_to_upper: true`): each (b/c) name that resolves exactly to a unit of the directory gives
    that unit's focal officers, else its head. Names that only resolve fuzzily are not sent to."""
    if not (plan.policy or {}).get("report_to_upper"):
        return []
    from dondoc.directory.resolve import Resolver

    resolver = Resolver.from_session(session)
    unit_ids: list[int] = []
    named: list[int] = []
    for r in plan.recipients or []:
        if not (isinstance(r, dict) and r.get("purpose") == "report" and r.get("name")):
            continue
        res = resolver.resolve(admin.clean_recipient(str(r["name"])))
        if res.method not in ("exact", "normalised"):
            log.warning("plan %s: recipient %r not sent the report (%s)", plan.id, r["name"], res.method)
            continue
        for target in res.targets:
            unit_id, officer_id = target[0], target[1]
            if officer_id:
                named.append(officer_id)
            elif unit_id not in unit_ids:
                unit_ids.append(unit_id)
    if not unit_ids and not named:
        return []
    rows = session.exec(select(Officer).where(Officer.active == True,
                                              or_(col(Officer.unit_id).in_(unit_ids), col(Officer.id).in_(named)))
                        .order_by(Officer.id)).all()  # type: ignore[arg-type]
    out = [o for o in rows if o.id in named]
    for uid in unit_ids:
        staff = [o for o in rows if o.unit_id == uid]
        out += [o for o in staff if o.role == "focal"] or [o for o in staff if o.role == "head"]
    return out


def home_relative(path: Path, settings: Settings) -> str:
    """A file's path relative to the data folder, as Message.attachments holds it. A file outside the
    folder keeps its absolute path, which the delivery service refuses to send (and says so)."""
    try:
        return path.resolve().relative_to(settings.home.resolve()).as_posix()
    except ValueError:
        return str(path)


def _queue_messages(session: Session, *, settings: Settings, plan: Plan, snapshot: dict[str, Any], docx_path: Path,
                    xlsx_path: Path, now: dt.datetime) -> int:
    """Queue the report for its recipients (idempotent by key), the .docx and .xlsx attached; returns how
    many officers it is addressed to."""
    from dondoc.collect.links import link_for

    officers = focal_officers(session, plan)
    if not officers:
        log.warning("plan %s has no focal officer: the compiled report is stored but not sent", plan.id)
    per = snapshot["period"]
    focal_ids = {o.id for o in officers}
    if per["final"]:
        officers += [o for o in upper_officers(session, plan) if o.id not in focal_ids]
    suffix = "" if per["final"] else f":draft-{per['as_of']}"
    keys = {o.id: f"report:{plan.id}:{per['code']}:{o.id}{suffix}" for o in officers}
    existing = set(session.exec(select(Message.key).where(col(Message.key).in_(list(keys.values())))).all())
    files = [home_relative(docx_path, settings), home_relative(xlsx_path, settings)]
    for officer in officers:
        key = keys[officer.id]
        if key in existing:
            continue
        upper = officer.id not in focal_ids
        # The focal officer's link opens the plan's focal page; an upper-level officer's, their own page.
        link = link_for(session, officer_id=officer.id, settings=settings, now=now)  # type: ignore[arg-type]
        subject, body = _message_text(snapshot, link=link if upper else f"{link}/focal/{plan.id}", upper=upper)
        msg = Message(key=key, officer_id=officer.id, day=_local_day(now), kind="report",  # type: ignore[arg-type]
                      subject=subject, body_text=body, attachments=files, created_at=now)
        session.add(msg)
    return len(officers)


# ---------------------------------------------------------------- reminder letter (văn bản đôn đốc)


def build_letter(session: Session, *, plan_id: int, now: dt.datetime, reply_days: int = 5,
                 unit_ids: Sequence[int] | None = None) -> dict[str, Any]:
    """What the formal reminder letter says: the assigned (not requested) units that owe overdue work
    as of today — lead tasks and periodic reports past their due date (with an approved extension,
    past the extended date) — and what each owes."""
    from dondoc.calendar.workdays import WorkCalendar

    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"không có kế hoạch số {plan_id} trong cơ sở dữ liệu (xem `dondoc plan list`)")
    today = _local_day(now)
    q = select(Obligation).where(
        Obligation.plan_id == plan_id, col(Obligation.role).in_(ACCOUNTABLE_ROLES), Obligation.mode == "assign",
        Obligation.closed == False, Obligation.due_date < today)
    if unit_ids:
        q = q.where(col(Obligation.unit_id).in_(list(unit_ids)))
    overdue = [o for o in session.exec(q).all() if o.effective_due < today and o.kind not in tl.NO_DEADLINE_KINDS]
    assignments = {a.id: a for a in session.exec(select(Assignment).where(Assignment.plan_id == plan_id)).all()}
    reports = {r.id: r for r in session.exec(select(ReportObligation).where(ReportObligation.plan_id == plan_id)).all()}
    uids = {o.unit_id for o in overdue}
    units = {u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_(uids))).all()} if uids else {}
    by_unit: dict[int, list[dict[str, Any]]] = {}
    for o in sorted(overdue, key=lambda o: (o.due_date, o.id)):
        if o.assignment_id in assignments:
            a = assignments[o.assignment_id]
            ref, text = a.ref, _clean(a.text)
        elif o.report_id in reports:
            r = reports[o.report_id]
            ref, text = r.ref, _clean(r.text)
        else:
            ref, text = "", ""
        by_unit.setdefault(o.unit_id, []).append({
            "ref": ref, "text": text, "role": o.role, "period": o.period, "due": _iso(o.due_date),
            "extended_due": _iso(o.extended_due), "days_late": (today - o.effective_due).days,
            "status": o.status, "reported": o.last_update_at is not None,
        })
    calendar = WorkCalendar.from_session(session)
    reply_by = calendar.add_working_days(today, reply_days)
    return {
        "plan": plan_header(session, plan),
        "date": _iso(today),
        "reply_by": _iso(reply_by),
        "units": [{"unit": units[uid].name if uid in units else f"Đơn vị #{uid}", "items": items}
                  for uid, items in sorted(by_unit.items(), key=lambda p: fold(units[p[0]].name if p[0] in units else ""))],
    }
