"""The reporting section read twice: a task that restates a report obligation of the same unit and period
is asked once, as the report (issue 17)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dondoc.intake.obligations import Wanted


def reporting_duplicates(assignments: Sequence[Any], reports: Sequence[Any]) -> dict[int, int]:
    """{assignment id: report id} for assignments that carry the plan's reporting duty: the parser reads a
    sentence such as 'định kỳ trước ngày 10/12 hằng năm, báo cáo ... gửi Phòng X' both as a task of its
    section (led by the senders) and as a report obligation. Same section, the report's words inside the
    task's, and the task's date taken from that sentence (same timing) — then it is one duty, not two."""
    out: dict[int, int] = {}
    said: dict[int, str] = {}  # folding is the costly part: each text once, and only where refs and timings agree
    for a in assignments:
        same = [r for r in reports if a.id is not None and r.id is not None and not r.compiles and a.ref == r.ref
                and _same_timing(a.timing, r.timing)]
        if not same:
            continue
        words = _letters(a.text)
        for r in same:
            if r.id not in said:
                said[r.id] = _letters(r.text)
            if len(said[r.id]) >= 20 and said[r.id] in words:
                out[a.id] = r.id
                break
    return out


def _same_timing(a: dict[str, Any] | None, r: dict[str, Any] | None) -> bool:
    a, r = a or {}, r or {}
    return bool(a.get("kind")) and all(a.get(k) == r.get(k) for k in ("kind", "due", "rrule"))


def drop_reporting_duplicates(wanted: list[Wanted], assignments: Sequence[Any],
                              reports: Sequence[Any]) -> list[Wanted]:
    """Without the task obligations that repeat a report obligation of the same unit and period (the
    reporting section read twice, see `reporting_duplicates`): a unit is asked once, as 'báo cáo'."""
    dup = reporting_duplicates(assignments, reports)
    if not dup:
        return wanted
    reported = {(w.report_id, w.unit_id, w.occ.period) for w in wanted if w.report_id is not None}
    return [w for w in wanted if not (w.assignment_id in dup
                                      and (dup[w.assignment_id], w.unit_id, w.occ.period) in reported)]


def _letters(text: str | None) -> str:
    from dondoc.vietnamese import fold

    return "".join(ch for ch in fold(text or "") if ch.isalnum())
