"""Targets set in a table of indicators: 'STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2026', one
indicator a row, its aim in the one column headed as a plan ('Kế hoạch', 'Mục tiêu', 'Chỉ tiêu',
'Phấn đấu', 'Dự kiến'). A column of what was achieved ('Thực hiện', 'Ước thực hiện', 'Kết quả') is
no aim, and a table with an aim column per year (a roadmap) or without a unit column is left alone."""

from __future__ import annotations

import re
from typing import Any

from dondoc.plans.blocks import Table, cell_text
from dondoc.plans.numbers import make_target, parse_number
from dondoc.plans.target_forms import NUM

_LABEL = re.compile(r"^(?:tên\s+)?(?:chỉ tiêu|nội dung|danh mục|tiêu chí)", re.I)
_UNIT = re.compile(r"^(?:đơn vị tính|đơn vị|đvt)\.?$", re.I)
_AIM = re.compile(r"^(?:kế hoạch|mục tiêu|chỉ tiêu|phấn đấu|dự kiến)\b", re.I)
# ('ước' as a word: not the letters of 'trước mắt', 'nước')
_DONE = re.compile(r"thực hiện|kết quả|(?<![\wÀ-ỹ])ước(?![\wÀ-ỹ])|đạt được|so sánh|tỷ lệ", re.I)
_VALUE = re.compile(rf"^(?P<comp>≥|>=|>|≤|<=|<|trên|dưới|tối thiểu|ít nhất|tối đa|không quá)?\s*(?P<num>{NUM})\s*(?P<pct>%)?$", re.I)
_GE = ("≥", ">=", ">", "trên", "tối thiểu", "ít nhất")
_LE = ("≤", "<=", "<", "dưới", "tối đa", "không quá")


def _columns(row: list[str]) -> tuple[int, int, int] | None:
    """(label, unit, aim) columns of a header row, or None."""
    cells = [cell_text(c).strip(" :*").lower() for c in row]
    label = next((i for i, c in enumerate(cells) if _LABEL.match(c)), None)
    unit = next((i for i, c in enumerate(cells) if _UNIT.match(c)), None)
    aims = [i for i, c in enumerate(cells) if i not in (label, unit) and _AIM.match(c) and not _DONE.search(c)]
    if label is None or unit is None or len(aims) != 1:
        return None
    return label, unit, aims[0]


def indicator_targets(table: Table, ref: str, by: str | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if not table.rows:
        return out
    found = next(((hi, cols) for hi, row in enumerate(table.rows[:3]) if (cols := _columns(row))), None)
    if found is None:
        return out
    hi, (label, unit, aim) = found
    year = re.search(r"\b((?:19|20)\d{2})\b", cell_text(table.rows[hi][aim]))
    for row in table.rows[hi + 1 :]:
        if max(label, unit, aim) >= len(row):
            continue
        name, u, v = cell_text(row[label]), cell_text(row[unit]), cell_text(row[aim]).strip()
        m = _VALUE.match(v)
        if not name or not m:
            continue
        comp = (m.group("comp") or "").lower()
        comparator = ">=" if comp in _GE else "<=" if comp in _LE else None
        out.append(make_target(ref, name, parse_number(m.group("num")), "%" if m.group("pct") else (u or None), comparator,
                               None, year.group(1) if year else by))
    return out
