"""The sections of the consolidated report, built from plain rows (no database): the snapshot's pure half.

`reporting.snapshot.build_snapshot` loads the rows of a plan's period in a few queries and hands them to
these builders as a `Rows`; each builder returns the plain data of one part of the report:
I results by task, II targets, III timeliness, IV/VI difficulties and proposals, V next period, the annex.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dondoc.clock import local_date
from dondoc.models.vocabulary import STATUS_LABELS
from dondoc.models.work import task_text
from dondoc.reporting import ledger
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
from dondoc.vietnamese import fold

ACCOUNTABLE_ROLES = ("lead", "report")  # roles counted in the timeliness statistics
TASK_ROLES = ("lead", "support", "report")


@dataclass
class Latest:
    """A unit's last word on one obligation as of the cut-off (status, figures, free text)."""

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


@dataclass
class Rows:
    """What the loader read: plain rows of the period (obligations, status updates in order) and the plan's
    assignments, reports, targets and units by id."""

    obligations: list[Any]
    updates: list[Any]
    next_obligations: list[Any]
    assignments: dict[int, Any]
    reports: dict[int, Any]
    targets: list[Any]
    units: dict[int, Any]
    latest: dict[int, Latest] = field(default_factory=dict)
    _sources: dict[tuple[int | None, int | None], tuple[str, str, str, str | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.latest = latest_words(self.updates)
        self.ob_by_id = {o.id: o for o in self.obligations}

    def unit_name(self, uid: int) -> str:
        u = self.units.get(uid)
        return u.name if u else f"Đơn vị #{uid}"

    def source_of(self, o: Any) -> tuple[str, str, str, str | None]:
        """(group key, ref, text, section) of an obligation's task."""
        k = (o.assignment_id, o.report_id)
        found = self._sources.get(k)
        if found is not None:
            return found
        if o.assignment_id and o.assignment_id in self.assignments:
            a = self.assignments[o.assignment_id]
            top = a.ref.split(".")[0] if a.ref else ""
            section = _clean(a.section) or (f"Các nhiệm vụ tại mục {top} của Kế hoạch" if top else None)
            found = (f"A{a.id}", a.ref, _clean(task_text(o, a)), section)
        elif (r := self.reports.get(o.report_id or -1)) is not None:
            found = (f"R{r.id}", r.ref, _clean(task_text(o, None, r)), "Báo cáo định kỳ")
        else:
            return f"O{o.id}", "", task_text(o), None
        self._sources[k] = found
        return found


def latest_words(updates: list[Any]) -> dict[int, Latest]:
    """Fold the status updates (in submission order) into each obligation's latest word."""
    latest: dict[int, Latest] = {}
    for u in updates:
        st = latest.setdefault(u.obligation_id, Latest())
        st.count += 1
        if u.status == "done" and st.status != "done":
            st.done_since = u.submitted_at
        elif u.status != "done":
            st.done_since = None
        st.status, st.progress, st.submitted_at, st.late = u.status, u.progress, u.submitted_at, u.late
        st.result, st.difficulties, st.proposals = _clean(u.result), _clean(u.difficulties), _clean(u.proposals)
        st.figures = dict(u.figures or {})
    return latest


def _new_task(rows: Rows, o: Any, key: str, ref: str, text: str, section: str | None) -> dict[str, Any]:
    a = rows.assignments.get(o.assignment_id or -1)
    r = rows.reports.get(o.report_id or -1)
    timing = (a.timing if a else r.timing if r else None) or {}
    return {
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


def task_sections(rows: Rows) -> list[dict[str, Any]]:
    """I. Results by task, grouped by the plan's sections: who leads, who reported what."""
    tasks: dict[str, dict[str, Any]] = {}
    # by due date, then unit: obligation ids follow insertion order, which may differ between two imports
    for o in sorted(rows.obligations, key=lambda o: (o.due_date, o.unit_id, o.id)):
        key, ref, text, section = rows.source_of(o)
        task = tasks.get(key) or tasks.setdefault(key, _new_task(rows, o, key, ref, text, section))
        if o.unit_id not in task["_units"][o.role]:
            task["_units"][o.role].append(o.unit_id)
        st = rows.latest.get(o.id)
        if st is not None:
            task["entries"].append({"unit": rows.unit_name(o.unit_id), "role": o.role, "status": st.status,
                                    "progress": st.progress, "result": st.result, "at": _iso(st.submitted_at)})
    sections: list[dict[str, Any]] = []
    for t in sorted(tasks.values(), key=lambda t: (t["is_report"], ref_sort_key(t["ref"]), t["item"] or 0, t["key"])):
        t["lead_units"] = [rows.unit_name(u) for u in t["_units"]["lead"] + t["_units"]["report"]]
        t["support_units"] = [rows.unit_name(u) for u in t["_units"]["support"]]
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
    return sections


def _figures_by_target(rows: Rows) -> dict[str, dict[int, tuple[dt.datetime, float]]]:
    """Latest figure per (target, unit): a unit may repeat its figure on several of its obligations."""
    by_key: dict[str, Any] = {}
    for t in rows.targets:
        by_key.setdefault(t.key, t)
    by_ref: dict[str, list[Any]] = {}
    for t in rows.targets:
        by_ref.setdefault(t.ref, []).append(t)
    per_target: dict[str, dict[int, tuple[dt.datetime, float]]] = {}
    for u in rows.updates:
        o = rows.ob_by_id.get(u.obligation_id)
        if o is None or not u.figures:
            continue
        for name, value in u.figures.items():
            target = by_key.get(name)
            if target is None and len(by_ref.get(name, [])) == 1:
                target = by_ref[name][0]
            if target is None or not isinstance(value, (int, float)) or isinstance(value, bool):
                continue
            per_target.setdefault(target.key, {})[o.unit_id] = (u.submitted_at, float(value))
    return per_target


def target_rows(rows: Rows, *, focal_id: int | None) -> list[dict[str, Any]]:
    """II. Each target with what the units reported: summed where the unit of measure adds up, else the
    focal unit's figure, else the latest one."""
    per_target = _figures_by_target(rows)
    out: list[dict[str, Any]] = []
    for t in rows.targets:
        reported = per_target.get(t.key, {})
        achieved: float | None = None
        how = None
        if reported:
            if _is_additive(t.unit):
                achieved = sum(v for _, v in reported.values())
                how = "sum" if len(reported) > 1 else "single"
            elif focal_id in reported:
                achieved, how = reported[focal_id][1], "focal"
            else:
                achieved = max(reported.values(), key=lambda p: p[0])[1]
                how = "latest" if len(reported) > 1 else "single"
        ratio, assessment = assess(t.value, achieved, t.comparator) if achieved is not None else (None, None)
        out.append({
            "key": t.key, "ref": t.ref, "text": _clean(t.text), "value": t.value, "unit": t.unit,
            "comparator": t.comparator, "baseline": t.baseline, "by": t.by,
            "achieved": achieved, "ratio": ratio, "assessment": assessment, "merge": how,
            "sources": [{"unit": rows.unit_name(uid), "value": v, "at": _iso(at)}
                        for uid, (at, v) in sorted(reported.items(), key=lambda p: fold(rows.unit_name(p[0])))],
        })
    return out


def timeliness(rows: Rows, *, as_of: dt.date, as_of_instant: dt.datetime) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """III. The four timeliness categories per unit and overall (lead and report obligations: coordinating
    input is not chased), and one row per obligation for the annex."""
    per_unit: dict[int, tl.Tally] = {}
    overall = tl.Tally()
    reported_units: set[int] = set()
    obligation_rows: list[dict[str, Any]] = []
    for o in sorted(rows.obligations, key=lambda o: (_fold(rows.unit_name(o.unit_id)), o.due_date, o.id)):
        st = rows.latest.get(o.id)
        if st is not None:
            reported_units.add(o.unit_id)
        status = st.status if st else ("done" if o.status == "done" and o.completed_at and o.completed_at <= as_of_instant
                                       else "not_started")
        done_at = st.done_since if st else (o.completed_at if status == "done" else None)
        read = ledger.entry(o, as_of=as_of, status=status, use_done_on=True,
                            done_on=local_date(done_at) if done_at else None)
        _, ref, text, _ = rows.source_of(o)
        obligation_rows.append({
            "id": o.id, "deadline": _iso(read.due), "undated": read.undated,
            "unit": rows.unit_name(o.unit_id), "ref": ref, "task": text, "role": o.role, "mode": o.mode,
            "period": o.period, "due": _iso(o.due_date), "extended_due": _iso(o.extended_due),
            "status": status, "progress": st.progress if st else 0, "category": read.category,
            "updates": st.count if st else 0, "completed_on": _iso(local_date(done_at)) if done_at else None,
        })
        if o.role in ACCOUNTABLE_ROLES:
            per_unit.setdefault(o.unit_id, tl.Tally()).add(read.category, updated=st is not None)
            overall.add(read.category, updated=st is not None)
    accountable = sorted(per_unit, key=lambda uid: _fold(rows.unit_name(uid)))
    summary = {
        **overall.as_dict(),
        "units": [{"unit": rows.unit_name(uid),
                   "external": bool(rows.units[uid].external) if uid in rows.units else False,
                   **per_unit[uid].as_dict()} for uid in accountable],
        "not_reported": [rows.unit_name(uid) for uid in accountable if uid not in reported_units],
        "by_kind": kind_aggregate(per_unit, reported_units, rows.units, rows.unit_name),
    }
    return summary, obligation_rows


def grouped_words(rows: Rows, attr: str) -> list[dict[str, Any]]:
    """IV / VI. Difficulties or proposals: the latest word of each obligation, grouped by text."""
    groups: dict[str, dict[str, Any]] = {}
    for o in rows.obligations:
        st = rows.latest.get(o.id)
        text = getattr(st, attr) if st else ""
        if not text:
            continue
        g = groups.setdefault(_norm_text(text), {"text": text, "units": [], "refs": [], "_first": st.submitted_at})
        name = rows.unit_name(o.unit_id)
        if name not in g["units"]:
            g["units"].append(name)
        ref = rows.source_of(o)[1]
        if ref and ref not in g["refs"]:
            g["refs"].append(ref)
    out = sorted(groups.values(), key=lambda g: (-len(g["units"]), g["_first"], g["text"]))
    for g in out:
        del g["_first"]
        g["units"].sort(key=_fold)
        g["refs"].sort(key=ref_sort_key)
    return out


def next_tasks(rows: Rows) -> list[dict[str, Any]]:
    """V. What falls due in the next period, by task."""
    tasks: dict[str, dict[str, Any]] = {}
    for o in sorted(rows.next_obligations, key=lambda o: (o.due_date, o.unit_id, o.id)):
        key, ref, text, _ = rows.source_of(o)
        nt = tasks.setdefault(key, {"ref": ref, "text": text, "units": [], "due": _iso(o.due_date),
                                    "kind": o.kind, "is_report": o.role == "report"})
        name = rows.unit_name(o.unit_id)
        if name not in nt["units"]:
            nt["units"].append(name)
    return sorted(tasks.values(), key=lambda t: (t["is_report"], ref_sort_key(t["ref"]), t["due"] or ""))


def submissions(rows: Rows) -> list[dict[str, Any]]:
    """The annex: every submission up to the cut-off."""
    out = []
    for u in rows.updates:
        o = rows.ob_by_id[u.obligation_id]
        _, ref, text, _ = rows.source_of(o)
        out.append({
            "unit": rows.unit_name(o.unit_id), "ref": ref, "task": text, "role": o.role, "status": u.status,
            "progress": u.progress, "result": _clean(u.result), "figures": dict(u.figures or {}),
            "difficulties": _clean(u.difficulties), "proposals": _clean(u.proposals),
            "at": _iso(u.submitted_at), "late": bool(u.late), "via": u.via,
        })
    return out

