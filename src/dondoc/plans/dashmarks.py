"""Items numbered with a dash ('I- MỤC ĐÍCH', '1- Sở Y tế ...') rewritten with a dot, as the other readers expect."""

from __future__ import annotations

import re

from dondoc.plans.fastre import count_at_line_starts

__all__ = ["dash_numbering"]

_DASH_ROMAN = re.compile(r"^[\s*#]*[IVX]{1,4}\s*[-–]\s+\S", re.M)
_DOT_ROMAN = re.compile(r"^[\s*#]*[IVX]{1,4}\.\s+\S", re.M)
_DASH_MARK = re.compile(r"^([\s*#]*)((?:X{0,3})(?:IX|IV|V?I{0,3})|\d{1,2}(?:\.\d{1,2})*)\s*[-–]\s+(?=\S)", re.M)


def dash_numbering(text: str) -> str | None:
    """'I- MỤC ĐÍCH', '1- Sở Y tế ...': a plan numbering its items with a dash, rewritten with a
    dot; None when the plan does not number that way."""
    if count_at_line_starts(_DASH_ROMAN, text[:60000]) < 2 or _DOT_ROMAN.search(text[:60000]):
        return None
    return _DASH_MARK.sub(lambda m: m.group(1) + m.group(2) + ". " if m.group(2) else m.group(0), text)
