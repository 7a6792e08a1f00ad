"""A text that stops mid-sentence: the first few thousand characters of a plan pasted from a web page.

Its last item is cut off. It counts only where its body and its task are both visible (the excerpts' gold
convention): a lead whose name runs into the end of the text is half a name ('Cơ quan chủ trì: Sở Văn hóa,
Thể thao và Du l', 'Sở Kho'), and an item that shows its body but nothing of its work beyond role words
('b) Chủ trì, phối', 'Sở Giáo dục và Đào tạo chủ tr') gives no task yet, nor does a bullet under its body's heading
that shows only its first words ('- Tăng cường công t'); one that names its partners ('UBND cấp xã chủ trì, phối
hợp với các Sở, ban') is kept: its body and its role are read.
"""

from __future__ import annotations

import re
from typing import Any

# the end of a text that was not cut: a sentence's stop, a closing bracket or quote, the end mark './.'
_ENDED = re.compile(r"[.;:!?)\]”\"…»]\s*$")
# the words of a body's role ('chủ trì, phối hợp với', 'có trách nhiệm', 'tham mưu'): an item whose visible text past its
# body's name is only these, or the first letters of them, stops before its task
_ROLE_WORDS = ("chủ", "trì", "phối", "hợp", "với", "tham", "mưu", "có", "trách", "nhiệm", "chịu", "thực", "hiện", "là",
               "cơ", "quan", "đơn", "vị")
_MARK = re.compile(r"^(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.?|[-–+•])\s*")


def _norm(s: str) -> str:
    return " ".join(s.split())


def _stops_before_task(text: str, leads: list[str]) -> bool:
    rest = _MARK.sub("", _norm(text))
    for name in leads:
        rest = rest.replace(_norm(name), " ")
    words = [w.strip(",;:").lower() for w in rest.split()]
    return all(any(r.startswith(w) for r in _ROLE_WORDS) for w in words if w)


def _barely_begun(text: str, leads: list[str]) -> bool:
    """An item of a body named above it (a heading's), cut after its first few words: '- Tăng cường công t' shows a verb
    and half its object, not the task. Three whole words or fewer (the last one may be cut in half) before the end."""
    rest = _MARK.sub("", _norm(text))
    if any(_norm(name) in rest for name in leads):
        return False  # its body is named in it ('UBND cấp xã chủ trì, phối hợp với các Sở, ban'): read as it is
    return len(rest.split()) <= 4


def _known(name: str) -> bool:
    """A name the gazetteer knows whole ('Sở Y tế'): a text ending on it was not cut in it (a plan pasted without its
    signature, its last line a label 'Cơ quan chủ trì: Sở Y tế')."""
    from dondoc.plans.gazetteer import entries, name_key

    return name_key(name) in entries()


def drop_cut_tail(assignments: list[dict[str, Any]], last_text: str | None) -> list[dict[str, Any]]:
    """Leads cut in half and items cut before their task, where the text stops mid-sentence (last_text: the
    text of the body's last paragraph when nothing — no signature, no annex — follows it; None otherwise)."""
    if not last_text or _ENDED.search(last_text):
        return assignments
    end = _norm(last_text)
    out = []
    for a in assignments:
        leads = [x for x in a["lead"] if not end.endswith(_norm(x)) or _known(x)]
        if a["lead"] and not leads:
            continue  # its only body's name is cut
        text = _norm(a["text"])
        k = min(24, len(text), len(end))
        if k and text[-k:] == end[-k:] and (_stops_before_task(text, a["lead"]) or _barely_begun(text, a["lead"])):
            continue  # the item runs into the cut before saying what to do
        out.append({**a, "lead": leads} if leads != a["lead"] else a)
    return out
