"""Bodies whose part is given in brackets: the lead marked '(chủ trì)' among names in a cell or a label, and a task
whose body is named in parentheses at its end ('... (Sở Y tế chủ trì tham mưu).')."""

from __future__ import annotations

import re

from dondoc.plans.bodies import _PART, is_body_start, leading_body, split_bodies

_MARKED = re.compile(r"\s*\((?:cơ quan\s+|đơn vị\s+)?chủ trì\)\s*$", re.I)


def marked_lead(text: str) -> tuple[list[str], list[str]] | None:
    """'Sở Tài chính (chủ trì), Sở Nội vụ' in one cell or label: the body marked '(chủ trì)' leads and the
    others named with it support it; None when no body is so marked."""
    if "chủ trì)" not in text.lower():
        return None
    names = split_bodies(text)
    marked = [n for n in names if _MARKED.search(n)]
    if not marked:
        return None
    return [_MARKED.sub("", n) for n in marked], [n for n in names if not _MARKED.search(n)]


_BRACKET_LEAD = re.compile(r"^(?:(?:Cơ quan|Đơn vị)\s+)?(?:[Cc]hủ trì|thực hiện)(?:\s+thực hiện)?\s*:\s*([^;:]{3,150})(?:;|$)")
_TRAILING = re.compile(r"\(([^()]{3,200})\)[\s.;,…]*$")
# bodies named as the object of a preposition right before the bracket ('của cơ quan cấp trên', 'theo hướng dẫn của các bộ,
# ngành Trung ương', 'cho các đơn vị'): the bracket glosses them; they are whom the task follows or serves, not who does it
_GLOSSED = re.compile(r"(?<![\wÀ-ỹ])(?:của|từ|theo|cho|với)\s+(?:các\s+)?(?:cơ quan|bộ|ngành|cấp|đơn vị|địa phương|[Tt]rung ương)"
                      r"(?:[\s,]+[\wÀ-ỹ]+){0,5}\s*$")


def trailing_body(text: str) -> tuple[str, str, bool] | None:
    """A task whose body is named in parentheses at its end: '... tổ công tác (Sở Y tế chủ trì tham mưu).',
    '... đến từng cán bộ (Các sở, ban, ngành, UBND cấp huyện).' -> (name, task, False): a body followed
    by its part, or nothing but names of bodies."""
    if not text.rstrip(" .;,…").endswith(")"):
        return None
    m = _TRAILING.search(text, max(0, len(text) - 230))
    if m is None or m.start() < 20:
        return None
    inner, task = m.group(1).strip(), text[: m.start()].strip()
    if inner.startswith(("giao ", "Giao ")):
        inner = inner[5:].lstrip()  # '... (giao Cục Y tế dự phòng chủ trì)'
    if (lab := _BRACKET_LEAD.match(inner)) is not None:  # '(Đơn vị thực hiện: Sở Y tế; thời gian: Quý IV/2025)'
        names = lab.group(1).strip(" .,")
        return (names, task, False) if names and all(is_body_start(n) for n in split_bodies(names)) else None
    if not inner[:1].isupper() or ":" in inner:
        return None  # '(các phường: An Phú, ...)' lists places, '(Văn bản số ...: ...)' cites
    lb = leading_body(inner)
    if lb is not None:  # its part in the task ('là cơ quan thường trực của ...' says what it is)
        return (lb[0], task, False) if _PART.match(lb[1]) else None
    if _GLOSSED.search(task, max(0, len(task) - 80)):
        return None  # '... hướng dẫn của cơ quan cấp trên (Bộ Y tế, Bộ Nội vụ)': the bracket says which bodies the phrase means
    names = split_bodies(inner)
    if len(inner) < 120 and names and all(is_body_start(n) and not re.search(r"\d", n) for n in names):
        return inner, task, False
    return None
