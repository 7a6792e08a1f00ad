"""Targets of a plan: the numeric goals its text and its tables set."""

from __future__ import annotations

import re
from typing import Any

from dondoc.plans.numbers import find_targets
from dondoc.plans.tree import Ctx, Node

_TARGET_SECTION = re.compile(r"mục tiêu|chỉ tiêu", re.I)


def extract_targets(nodes: list[Node], ctx: Ctx) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        if not node.ref or node.ref.startswith("PL"):
            continue
        section = " ".join(filter(None, [node.top_title, node.title, node.parent.title if node.parent else ""]))
        in_targets = bool(_TARGET_SECTION.search(section))
        ym = re.search(r"(?:đến|năm|cuối năm)\s+((?:19|20)\d{2})", " ".join(filter(None, [node.title, node.parent.title if node.parent else ""])))
        by = ym.group(1) if ym else (str(ctx.plan_year) if ctx.plan_year and in_targets else None)
        texts = ([node.title] if node.title and node.kind not in ("roman", "cap") else []) + [p.text for p in node.content]
        for t in texts:
            out.extend(find_targets(t, ref=node.ref, by=by, in_targets_section=in_targets))
    return out


def table_targets(assignments: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    """Numeric commitments written into an annex table's task cells ('... bảo đảm tỷ lệ hoạt động
    trực tuyến chiếm tối thiểu 50% ...'): only with a commitment cue, as in the body's own text."""
    out: list[dict[str, Any]] = []
    for a in assignments:
        ref = a["ref"]
        if ref == prefix or ref.startswith(prefix + "."):
            out.extend(find_targets(a["text"], ref=ref, by=None, in_targets_section=False))
    return out
