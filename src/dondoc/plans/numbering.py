"""How a plan numbers its parts, read where the plain reader cannot: items numbered with a dash ('I- MỤC ĐÍCH', '1- Sở
Y tế ...') rewritten with a dot, as the other readers expect; and, in text whose line breaks were lost, the next Roman
section numeral run into a paragraph."""

from __future__ import annotations

import re

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.fastre import count_at_line_starts

__all__ = ["dash_numbering", "inline_dash_numbering", "next_sections"]

_DASH_ROMAN = re.compile(r"^[\s*#]*[IVX]{1,4}\s*[-–]\s+\S", re.M)
_DOT_ROMAN = re.compile(r"^[\s*#]*[IVX]{1,4}\.\s+\S", re.M)
_DASH_MARK = re.compile(r"^([\s*#]*)((?:X{0,3})(?:IX|IV|V?I{0,3})|\d{1,2}(?:\.\d{1,2})*)\s*[-–]\s+(?=\S)", re.M)


def dash_numbering(text: str) -> str | None:
    """'I- MỤC ĐÍCH', '1- Sở Y tế ...': a plan numbering its items with a dash, rewritten with a
    dot; None when the plan does not number that way."""
    if count_at_line_starts(_DASH_ROMAN, text[:60000]) < 2 or _DOT_ROMAN.search(text[:60000]):
        return None
    return _DASH_MARK.sub(lambda m: m.group(1) + m.group(2) + ". " if m.group(2) else m.group(0), text)


# the same numbering inside a run whose line breaks are lost: 'I- MỤC ĐÍCH ... II- NỘI DUNG 1- Tổ chức ...'
_INLINE_DASH_ROMAN = re.compile(rf"(?:^|(?<=\s))([IVX]{{1,4}})\s*[-–]\s+(?=[{_UP}]{{2,}}[\s,])")
_INLINE_DASH_MARK = re.compile(rf"(?:^|(?<=\s))((?:X{{0,3}})(?:IX|IV|V?I{{0,3}})|\d{{1,2}}(?:\.\d{{1,2}})*)[-–]\s+(?=[{_UP}])")


def inline_dash_numbering(text: str) -> str | None:
    """dash_numbering for a run whose line breaks are lost: two or more Roman sections 'I-', 'II-' in order before
    capitals, and no 'I.' section, rewritten with dots ('1- Sở Y tế' -> '1. Sở Y tế'); None otherwise."""
    head = text[:60000]
    if not _SECOND_DASH.search(head):
        return None  # (no second section so numbered: the pattern below is not worth a scan)
    found = [m.group(1) for m in _INLINE_DASH_ROMAN.finditer(head)]
    if len(found) < 2 or found[:2] != ["I", "II"] or _INLINE_DOT_ROMAN.search(head):
        return None
    return _INLINE_DASH_MARK.sub(lambda m: m.group(1) + ". " if m.group(1) else m.group(0), text)


_SECOND_DASH = re.compile(rf"II\s?[-–]\s+[{_UP}]{{2}}")  # (a literal first: the engine skips to each 'II')
_INLINE_DOT_ROMAN = re.compile(rf"(?:^|(?<=\s))I\.\s+[{_UP}]{{2,}}")
_ROMAN_SEQ = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
_INLINE_SECTION = re.compile(rf"(?<![\wÀ-ỹ])(?<!Quý )(?<!quý )(?<!khóa )(?<!khoá )(?<!Khóa )([IVX]{{1,4}})\.\s+(?=[{_UP}])")


def next_sections(body: str) -> str:
    """Sections are numbered I, II, III ... in order: the next numeral run into a paragraph
    ('... 319.753.785 đồng IV. Tổ chức thực hiện.') starts a section, whatever its title's case."""
    out, last, expect = [], 0, 0
    for m in _INLINE_SECTION.finditer(body):
        numeral = m.group(1)
        if numeral not in _ROMAN_SEQ:
            continue
        k = _ROMAN_SEQ.index(numeral)
        if m.start() == 0 or body[m.start() - 1] == "\n":  # a section already on its own line
            expect = max(expect, k + 1)
        elif k == expect:
            out += [body[last: m.start()].rstrip(), "\n\n"]
            last, expect = m.start(), k + 1
    return "".join(out) + body[last:] if out else body
