"""The consolidated report (báo cáo) as a Word document, from a snapshot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from dondoc.reporting import admin
from dondoc.reporting import docx_base as b
from dondoc.reporting import text as tx

SIGN_SPACE = 4


def archive_line(plan: dict[str, Any]) -> str:
    return admin.archive(plan.get("focal_symbol"))


def render_report_docx(s: dict[str, Any], path: Path, *, template: Path | None = None) -> bytes:
    """Write the report of snapshot `s` to `path`; returns the bytes written."""
    p = s["plan"]
    day = dt.date.fromisoformat(s["report_date"])
    doc = b.new_document(template)
    b.header_block(doc, upper_line=p.get("upper_line"), issuer_lines=p["issuer_lines"],
                   number_line=f"Số:        /BC-{p['symbol']}", date_line=tx.date_line(p.get("place"), day))
    b.para(doc, "BÁO CÁO", align=b.CENTER, bold=True, size=14, before=18, indent=False)
    b.para(doc, tx.subject_line(s), align=b.CENTER, bold=True, size=14, before=0, indent=False)
    b.rule(doc, width_mm=40, box_mm=b.TEXT_WIDTH_MM, before=2)
    b.para(doc, tx.intro(s), before=12)

    _part_tasks(doc, s)
    _part_targets(doc, s)
    _part_timeliness(doc, s)
    _part_grouped(doc, "IV", s["difficulties"])
    _part_next(doc, s)
    _part_grouped(doc, "VI", s["proposals"])
    b.para(doc, tx.closing(s), before=6)

    b.signature_block(doc, recipients=s.get("recipients") or [], archive=archive_line(p),
                      signature=p.get("signature") or [], signer=p.get("signer"))
    b.page_numbers(doc)
    b.set_properties(doc, title=f"Báo cáo {tx.subject_line(s)}", day=day)
    return b.save(doc, path)


def _heading(doc: Any, part: str) -> None:
    b.para(doc, f"{part}. {tx.PARTS[part]}", bold=True, before=10, keep_next=True)


def _empty(doc: Any) -> None:
    b.para(doc, tx.EMPTY)


def _part_tasks(doc: Any, s: dict[str, Any]) -> None:
    _heading(doc, "I")
    if not s["sections"]:
        _empty(doc)
        return
    for n, section in enumerate(s["sections"], 1):
        b.para(doc, f"{n}. {section['heading'] or 'Các nhiệm vụ khác'}", bold=True, keep_next=True)
        for task in section["tasks"]:
            p = b.para(doc, keep_next=True)
            b.run(p, "Nhiệm vụ: ", bold=True, italic=True)
            b.run(p, tx.task_line(task), italic=True)
            if (line := tx.tally_line(task)) is not None:
                b.para(doc, f"- Tổng hợp: {line}")
            if not task["results"]:
                b.para(doc, f"- {tx.EMPTY}")
            b.bulk_paras(doc, [f"- {tx.result_line(r)}" for r in task["results"]])


def _part_targets(doc: Any, s: dict[str, Any]) -> None:
    _heading(doc, "II")
    rows = s["targets"]
    if not rows:
        b.para(doc, "Kế hoạch không đề ra chỉ tiêu định lượng.")
        return
    reported = [t for t in rows if t.get("achieved") is not None]
    counts = {k: sum(1 for t in reported if t["assessment"] == k) for k in ("vượt", "đạt", "chưa đạt")}
    b.para(doc, f"Kế hoạch đề ra {len(rows)} chỉ tiêu; có số liệu báo cáo {len(reported)} chỉ tiêu, trong đó "
                f"vượt {counts['vượt']}, đạt {counts['đạt']}, chưa đạt {counts['chưa đạt']}; "
                f"chưa có số liệu {len(rows) - len(reported)} chỉ tiêu (chi tiết tại bảng sau).", keep_next=True)
    b.grid_table(doc, tx.TARGET_HEADERS, [tx.target_cells(i, t) for i, t in enumerate(rows, 1)],
                 [13, 70, 23, 23, 19, 17], left_cols=(1,))


def _part_timeliness(doc: Any, s: dict[str, Any]) -> None:
    _heading(doc, "III")
    for line in tx.timeliness_sentences(s):
        b.para(doc, line)
    b.para(doc, tx.not_reported_sentence(s), keep_next=bool(s["timeliness"]["units"]))
    units = s["timeliness"]["units"]
    kinds = s["timeliness"].get("by_kind") or []
    if len(units) >= tx.COMPACT_FROM:  # a hundred communes: the figures by kind of unit first
        b.para(doc, "Tổng hợp theo loại đơn vị:", keep_next=True)
        b.grid_table(doc, tx.KIND_HEADERS, [tx.kind_cells(g) for g in kinds], [30, 15, 15, 15, 15, 16, 16, 16, 16],
                     left_cols=(0,))
    if units:
        b.grid_table(doc, tx.TIMELINESS_HEADERS, [tx.timeliness_cells(i, u) for i, u in enumerate(units, 1)],
                     [11, 36, 13, 15, 15, 15, 15, 15, 15, 15], left_cols=(1,))


def _part_grouped(doc: Any, part: str, groups: list[dict[str, Any]]) -> None:
    _heading(doc, part)
    if not groups:
        _empty(doc)
    b.bulk_paras(doc, [f"- {tx.grouped_line(g)}" for g in groups])


def _part_next(doc: Any, s: dict[str, Any]) -> None:
    _heading(doc, "V")
    tasks = s["next"]["tasks"]
    if not tasks:
        b.para(doc, f"Kế hoạch không có nhiệm vụ có thời hạn trong {s['next']['label']}.")
        return
    b.para(doc, f"Các nhiệm vụ theo Kế hoạch trong {s['next']['label']}:", keep_next=True)
    b.bulk_paras(doc, [f"- {tx.next_line(t)}" for t in tasks])
