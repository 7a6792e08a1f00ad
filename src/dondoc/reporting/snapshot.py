"""The snapshot of a plan's period: everything the consolidated report shows, read from the database in a few queries."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pendulum
from sqlalchemy import and_, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from dondoc.clock import local_date
from dondoc.errors import NotFound
from dondoc.models import (
    STATUS_LABELS,
    Assignment,
    Obligation,
    Plan,
    ReportObligation,
    StatusUpdate,
    Target,
    Unit,
)
from dondoc.models.work import task_text
from dondoc.reporting import admin, ledger
from dondoc.reporting import timeliness as tl
from dondoc.reporting.completeness import kind_aggregate
from dondoc.reporting.figures import (
    _clean,
    _fold,
    _is_additive,
    _iso,
    _merge_entries,
    _norm_text,
    assess,
    ref_sort_key,
)
from dondoc.reporting.merged import as_of_period
from dondoc.reporting.period import _end_of_day, _local_day, default_period, parse_period, period_cutoff
from dondoc.vietnamese import fold

SNAPSHOT_VERSION = 1


ACCOUNTABLE_ROLES = ("lead", "report")  # roles counted in the timeliness statistics


TASK_ROLES = ("lead", "support", "report")


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
    raw_issuer = plan.issuer or (issuer_unit.name if issuer_unit else None)
    split_upper, issuer = admin.split_body(admin.clean_issuer(raw_issuer))
    upper_level = split_upper
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
        "symbol": admin.document_symbol(plan.number, issuer, raw_issuer),
        "place": admin.document_place(issuer, plan.place),
        "issued_on": _iso(plan.issued_on),
        "year": plan.year,
        "signer": plan.signer,
        "signature": _signature(plan),
        "focal_unit": focal.name if focal else None,
        "focal_symbol": admin.drafting_symbol(focal.name if focal else None),
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
    obligations: list[Any] = as_of_period(list(session.execute(sa_select(ob_table).where(in_period)).all()), per.end)
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
            found = (f"A{a.id}", a.ref, _clean(task_text(o, a)), section)
        elif (r := reports.get(o.report_id or -1)) is not None:
            found = (f"R{r.id}", r.ref, _clean(task_text(o, None, r)), "Báo cáo định kỳ")
        else:
            return f"O{o.id}", "", task_text(o), None
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
        read = ledger.entry(o, as_of=as_of, status=status, use_done_on=True,
                            done_on=local_date(done_at) if done_at else None)
        category = read.category
        key, ref, text, _ = source_of(o)
        obligation_rows.append({
            "id": o.id, "deadline": _iso(read.due), "undated": read.undated,
            "unit": unit_name(o.unit_id), "ref": ref, "task": text, "role": o.role, "mode": o.mode,
            "period": o.period, "due": _iso(o.due_date), "extended_due": _iso(o.extended_due),
            "status": status, "progress": st.progress if st else 0, "category": category,
            "updates": st.count if st else 0, "completed_on": _iso(local_date(done_at)) if done_at else None,
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
        "by_kind": kind_aggregate(per_unit, reported_units, units, unit_name),
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
