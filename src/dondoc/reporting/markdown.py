"""The report as Markdown (a preview in the terminal or a chat message), from a snapshot."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from dondoc.reporting import admin
from dondoc.reporting import text as tx
from dondoc.textsafe import xml_safe


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows]
    return out


def render_report_markdown(s: dict[str, Any]) -> str:
    p = s["plan"]
    day = dt.date.fromisoformat(s["report_date"])
    lines: list[str] = []
    if p.get("upper_line"):
        lines.append(p["upper_line"] + "  ")
    lines.append("**" + " ".join(p["issuer_lines"]) + "**  ")
    lines += [f"Số:      /BC-{p['symbol']}", "", f"*{tx.date_line(p.get('place'), day)}*", "", "# BÁO CÁO",
              f"**{tx.subject_line(s)}**", "", tx.intro(s), ""]

    lines.append(f"## I. {tx.PARTS['I']}")
    if not s["sections"]:
        lines.append(tx.EMPTY)
    for n, section in enumerate(s["sections"], 1):
        lines += ["", f"### {n}. {section['heading'] or 'Các nhiệm vụ khác'}"]
        for task in section["tasks"]:
            lines += ["", f"*Nhiệm vụ: {tx.task_line(task)}*", ""]
            if (line := tx.tally_line(task)) is not None:
                lines.append(f"- Tổng hợp: {line}")
            lines += [f"- {tx.result_line(r)}" for r in task["results"]] or [f"- {tx.EMPTY}"]

    lines += ["", f"## II. {tx.PARTS['II']}", ""]
    if s["targets"]:
        lines += _table(tx.TARGET_HEADERS, [tx.target_cells(i, t) for i, t in enumerate(s["targets"], 1)])
        lines += [""] + [f"- {t['text']}: {tx.target_sentence(t)}" for t in s["targets"]]
    else:
        lines.append("Kế hoạch không đề ra chỉ tiêu định lượng.")

    lines += ["", f"## III. {tx.PARTS['III']}", "", *tx.timeliness_sentences(s), "", tx.not_reported_sentence(s), ""]
    if s["timeliness"]["units"]:
        lines += _table(tx.TIMELINESS_HEADERS, [tx.timeliness_cells(i, u) for i, u in enumerate(s["timeliness"]["units"], 1)])

    for part, groups in (("IV", s["difficulties"]), ("V", None), ("VI", s["proposals"])):
        lines += ["", f"## {part}. {tx.PARTS[part]}", ""]
        if part == "V":
            tasks = s["next"]["tasks"]
            lines += [f"- {tx.next_line(t)}" for t in tasks] or [
                f"Kế hoạch không có nhiệm vụ có thời hạn trong {s['next']['label']}."]
            continue
        lines += [f"- {tx.grouped_line(g)}" for g in groups or []] or [tx.EMPTY]
    lines += ["", tx.closing(s), "", "***Nơi nhận:***"]
    lines += [f"- {r};" for r in s.get("recipients") or []]
    sym = p.get("focal_symbol")
    lines += [f"- {admin.archive(sym)}", ""]
    lines += [f"**{line}**  " for line in p.get("signature") or []]
    lines += ["", "", f"**{p.get('signer') or ''}**", ""]
    return _inert("\n".join(lines))


def _inert(markdown: str) -> str:
    """No raw HTML and no links from unit or plan text: <, >, & become entities and brackets are escaped
    (the report's own Markdown uses none of them)."""
    return xml_safe(html.escape(markdown, quote=False).replace("[", "\\[").replace("]", "\\]"))
