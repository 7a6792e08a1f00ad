"""How a plan numbers its parts, read where the plain reader cannot: items numbered with a dash or a slash ('I- MỤC
ĐÍCH', '1- Sở Y tế ...', 'II/ TỔ CHỨC THỰC HIỆN', '2/ Sở Tài chính ...') rewritten with a dot, as the other readers expect; and, in text whose line breaks were lost, the next Roman
section numeral run into a paragraph."""

from __future__ import annotations

import re

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.fastre import count_at_line_starts

__all__ = ["dash_numbering", "inline_dash_numbering", "next_sections"]

_DASH_ROMAN = re.compile(r"^[\s*#]*[IVX]{1,4}\s*[-–/]\s+\S", re.M)  # (a space after the slash: not 'V/v')
_DOT_ROMAN = re.compile(r"^[\s*#]*[IVX]{1,4}\.\s+\S", re.M)
_DASH_MARK = re.compile(r"^([\s*#]*)((?:X{0,3})(?:IX|IV|V?I{0,3})|\d{1,2}(?:\.\d{1,2})*)\s*[-–/]\s+(?=\S)", re.M)


def dash_numbering(text: str) -> str | None:
    """'I- MỤC ĐÍCH', '1- Sở Y tế ...', 'I/ MỤC ĐÍCH', '1/ Sở Y tế ...': a plan numbering its items with a dash or a
    slash, rewritten with a dot; None when the plan does not number that way. Its line breaks lost, the marks stand
    inside lines: two Roman sections so numbered, titled in capitals, and none with a dot, tell the plan numbers so."""
    if _DOT_ROMAN.search(text[:60000]):
        return None
    if count_at_line_starts(_DASH_ROMAN, text[:60000]) < 2:
        return inline_dash_numbering(text)
    return _DASH_MARK.sub(lambda m: m.group(1) + m.group(2) + ". " if m.group(2) else m.group(0), text)


def inline_dash_numbering(text: str) -> str | None:
    """dash_numbering for a run whose line breaks are lost: two or more Roman sections 'I-', 'II-' ('I/', 'II/') before
    titles in capitals, and no 'I.' section, rewritten with dots ('1- Sở Y tế' -> '1. Sở Y tế'); None otherwise."""
    if ("- " not in text and "/ " not in text) or len(_INLINE_DASH_ROMAN.findall(text, 0, 60000)) < 2 \
            or _INLINE_DOT_ROMAN.search(text, 0, 60000):
        return None
    return _INLINE_DASH_MARK.sub(lambda m: m.group(1) + ". ", text)


# (each opens with the numeral's letters, the look-behind after its first: see plans.fastre)
_INLINE_DASH_ROMAN = re.compile(rf"[IVX](?<![\wÀ-ỹ/.-][IVX])[IVX]{{0,3}}\s*[-–/]\s+[{_UP}]{{2,}}\s")
_INLINE_DOT_ROMAN = re.compile(rf"[IVX](?<![\wÀ-ỹ/.-][IVX])[IVX]{{0,3}}\.\s+[{_UP}]{{2,}}\s")
# (a section's numeral before its title in capitals; an item's number before a capital, not inside a date or a range)
_INLINE_DASH_MARK = re.compile(
    rf"(?<![\wÀ-ỹ/.,-])([IVX]{{1,4}}(?=\s*[-–/]\s+[{_UP}]{{2,}}\s)|\d{{1,2}}(?:\.\d{{1,2}})*(?=\s*[-–/]\s+[{_UP}]))\s*[-–/]\s+")


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
