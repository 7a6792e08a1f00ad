"""Targets of a plan: the numeric goals its text and its tables set."""

from __future__ import annotations

import re
from typing import Any

from dondoc.plans.doubt import PRODUCT_KEY
from dondoc.plans.fastre import ci_branches
from dondoc.plans.indicators import indicator_targets
from dondoc.plans.numbers import find_targets
from dondoc.plans.tree import Ctx, Node

# (case-insensitive, written with fastre.ci_branches so that the engine jumps to the words' first letters)
_TARGET_SECTION = re.compile(ci_branches(["mục tiêu", "chỉ tiêu"]))
# the year a heading sets its aims for: 'đến năm 2030', 'năm 2026', 'giai đoạn 2026 - 2030' (its last year)
_HEADING_BY = re.compile(ci_branches([r"đến\s+", r"năm\s+", r"cuối năm\s+", r"giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*"]) + r"((?:19|20)\d{2})")


def extract_targets(nodes: list[Node], ctx: Ctx, annex: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """The targets of the body's sections; with `annex` (its prefix and heading), of an annex's text
    outside its tables ('PHỤ LỤC. CÁC CHỈ TIÊU CHỦ YẾU' over a list of aims)."""
    out: list[dict[str, Any]] = []
    for node in nodes:
        if annex is None and (not node.ref or node.ref.startswith("PL")):
            continue
        section = " ".join(filter(None, [node.top_title, node.title, node.parent.title if node.parent else "", annex[1] if annex else ""]))
        in_targets = bool(_TARGET_SECTION.search(section))
        ref = node.ref or (annex[0] if annex else "")
        ym = _HEADING_BY.search(" ".join(filter(None, [node.title, node.parent.title if node.parent else "", annex[1] if annex else ""])))
        by = ym.group(1) if ym else (str(ctx.plan_year) if ctx.plan_year and in_targets else None)
        texts = ([node.title] if node.title and node.kind not in ("roman", "cap") else []) + [p.text for p in node.content]
        for t in texts:
            out.extend(find_targets(t, ref=ref, by=by, in_targets_section=in_targets))
        for table in node.tables:
            out.extend(indicator_targets(table, ref, by))
    return out


def annex_targets(nodes: list[Node], ctx: Ctx, prefix: str, heading: str, body: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An annex's own targets (its text and tables of indicators), less those restating the body's."""
    return [t for t in extract_targets(nodes, ctx, (prefix, heading)) if not _restated(t, body)]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _restated(t: dict[str, Any], body: list[dict[str, Any]]) -> bool:
    """An annex row repeating a target of the body ('100% văn bản ... được ký số' in both): the same
    value and nearly the same words (four fifths of the shorter text's)."""
    mine = _words(t["text"])
    for b in body:
        if b["value"] == t["value"] and b["unit"] == t["unit"]:
            theirs = _words(b["text"])
            if len(mine & theirs) >= 0.8 * min(len(mine), len(theirs)):
                return True
    return False


def table_targets(assignments: list[dict[str, Any]], prefix: str, body: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Numeric commitments written into an annex table's task cells ('... bảo đảm tỷ lệ hoạt động
    trực tuyến chiếm tối thiểu 50% ...'): only with a commitment cue, as in the body's own text."""
    out: list[dict[str, Any]] = []
    for a in assignments:
        ref = a["ref"]
        if ref == prefix or ref.startswith(prefix + "."):
            out.extend(find_targets(a["text"], ref=ref, by=None, in_targets_section=False))
            if a.get(PRODUCT_KEY):  # the row's product cell: '100% cán bộ ... chấp hành kỷ luật'
                out.extend(find_targets(a[PRODUCT_KEY], ref=ref, by=None, in_targets_section=False))
    return [t for t in out if not _restated(t, body or [])]
