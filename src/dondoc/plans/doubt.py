"""How sure the parser is of an assignment, from how it was read (never from which document it came from).

Each assignment is made by one reader of the parser and carries, until `evidence.grade` drops it, the name
of that reader under READ_KEY. `facts` turns it and the item into a few yes/no facts; `confidence` starts
from the reader's base and adds the weights of the facts that hold (tables below), clipped to [0.05, 1].
Items below LOW_CONFIDENCE are the ones a person is asked to look at.
The weights were set on the labelled sets (seeds, more, tune, excerpts-tune) with benchmarks/confidence.py:
the figures in the comments are wrong items / items of that kind there, against 55 / 1011 overall.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Literal

from dondoc.plans.gazetteer import entries, kind_of, local_level, name_key, places

# how the item was read:
#   label     a labelled line ('Cơ quan chủ trì: Sở Y tế')        heading   under a heading naming the body ('2. Sở Y tế:')
#   sentence  the subject of the item's own sentence              owner     'NHIỆM VỤ CỦA BỘ X' above items naming no one
#   table     a task table's lead column                          cell      'X chủ trì ...' in another cell of a task table
#   rebuilt   a task table put back together from text whose grid was lost (plans.gridless)
#   role      under a role heading or intro line ('Sở X chủ trì, phối hợp với Y', 'a) Chủ trì', 'Phối hợp với X:')
#   article   a decision's own article before the plan it issues ('Điều 2. Giao Sở X chủ trì ...')
Read = Literal["label", "heading", "sentence", "owner", "table", "cell", "rebuilt", "role", "article"]
READ_KEY = "_read"
# the text of a task row's product cell ('Sản phẩm', 'Kết quả'), read for targets; popped with READ_KEY
PRODUCT_KEY = "_product"

# An item below this confidence gets a warning line (plans.evidence) and is flagged on the review screen
# (web.console.review_data): one threshold for both.
LOW_CONFIDENCE = 0.6

BASE: dict[str, float] = {
    "label": 0.95,  # the plan says which body leads in so many words (0/58 wrong)
    "heading": 0.95,  # the section is the body's own list of duties (4/532)
    "owner": 0.9,  # the section's title names its owner (0/8, few)
    "sentence": 0.85,  # the subject of a sentence: where it ends is a guess (9/189)
    "table": 0.85,  # a lead column, but cells merge and split (7/83)
    "cell": 0.85,  # 'X chủ trì' inside another column (0/9, few)
    # cells put back from a lost grid: columns may have run into each other (35/132); below LOW_CONFIDENCE
    # whatever its facts (+0.05 at most), so the review screen flags every such row
    "rebuilt": 0.45,
    "role": 0.85,  # the newest rules, least tested: no higher than a sentence's subject
    "article": 0.85,  # (the same)
}
WEIGHTS: dict[str, float] = {
    "known": +0.05,  # every lead is a gazetteer name, or one followed by its place (15/607)
    "unknown": -0.15,  # a lead not even shaped like a body's name ('UBND địa lịch', 'Hiệp hội đào thông'; 30/259)
    # a lead of one or two words, not a known name, is mostly a piece of one ('Sở Văn', 'Đơn vị'; 15/43): with
    # `unknown` ('UBND', 'TTXTĐT') it is enough for a warning whatever the reader (confidence below)
    "short_name": -0.15,
    "collective": -0.05,  # several bodies under one name, not a known one ('các sở, ngành'): 22/334
    "split_and": -0.1,  # two leads cut apart at 'và', not both known names, may be one body ('Báo và Đài ...'; 3/32)
    "reflowed": -0.05,  # the text lost its line breaks and the sections were cut back apart by rule (1/29)
}
# The facts that rest on a handful of items are pooled into one: hedged text (5/11 wrong): a note in brackets
# ('(Lưu ý: ...)'), 'Khuyến khích ...' read as a sentence (invites, does not assign), 'nếu có khó khăn ...'.
HEDGED = -0.25
# Measured and left out: a generic name ('các cơ quan liên quan': 3/127 wrong), a name over 90 characters
# (0/8), no timing (15/677) — the gold takes them as written, so they do not make an item more likely wrong;
# such items keep their own warnings.


@dataclass(frozen=True)
class Facts:
    read: Read
    known: bool = False
    unknown: bool = False
    short_name: bool = False
    collective: bool = False
    split_and: bool = False
    reflowed: bool = False
    note: bool = False
    encouraged: bool = False
    conditional: bool = False

    @property
    def hedged(self) -> bool:
        return self.note or self.encouraged or self.conditional


_PLACE_WORD = re.compile(r"^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|đặc khu|cấp|các cấp)\b")
_LEVEL_WORDS = re.compile(r"^(?:(?:các|cấp|tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu|và)[\s,]*)*$")
_CONDITIONAL = re.compile(r"nếu có\s+(?:phát sinh\s+)?(?:khó khăn|vướng mắc|phát sinh)", re.I)


def _key(name: str) -> str:
    return re.sub(r"^các\s+", "", name_key(name.strip(" .;,")))


@functools.lru_cache(maxsize=8192)  # the same names come back item after item
def is_known(name: str) -> bool:
    """The name itself (or an alias) is in the gazetteer, or a known name followed by a place
    ('Sở Y tế tỉnh Lào Cai'), or a commune/ward/province level name followed by nothing, a known place or
    level words only ('UBND các xã, phường'); not a known head followed by anything ('Sở Văn hóa và Thể
    phường liên quan', 'UBND tỉnh chỉ đạo các sở')."""
    key = _key(name)
    if key in entries():
        return True
    words = key.split()
    for n in range(len(words) - 1, 0, -1):
        if " ".join(words[:n]) in entries():
            rest = " ".join(words[n:])
            return bool(_PLACE_WORD.match(rest)) or rest in places()
    if kind_of(name) != "local":
        return False
    m = local_level(key)
    tail = m.group(1).strip(" ,.") if m else ""
    return not tail or tail in places() or bool(_LEVEL_WORDS.match(tail))


def facts(a: dict[str, Any], *, reflowed: bool = False) -> Facts:
    leads: list[str] = a["lead"]
    text: str = a["text"]
    low = text.lower()
    read = a.get(READ_KEY, "heading")
    known = [is_known(n) for n in leads]
    return Facts(
        read=read,
        known=bool(leads) and all(known),
        unknown=any(kind_of(n) is None for n in leads),
        short_name=any(len(n.split()) <= 2 and not k for n, k in zip(leads, known, strict=True)),
        collective=any((n.lower().startswith("các ") or "," in n or " các " in n.lower()) and not k
                       for n, k in zip(leads, known, strict=True)),
        split_and=any(f"{x} và {y}".lower() in low and not (kx and ky)
                      for (x, kx), (y, ky) in pairwise(zip(leads, known, strict=True))),
        reflowed=reflowed,
        note=text.startswith("("),
        encouraged=read == "sentence" and low.startswith("khuyến khích"),
        conditional="nếu có" in low and bool(_CONDITIONAL.search(text)),
    )


def confidence(f: Facts) -> float:
    c = BASE[f.read] + sum(w for name, w in WEIGHTS.items() if getattr(f, name)) + (HEDGED if f.hedged else 0.0)
    if f.unknown and f.short_name:
        c = min(c, LOW_CONFIDENCE - 0.05)
    return round(max(0.05, min(1.0, c)), 2)


# what a reviewer is told, for the facts that lower confidence
_WHY: dict[str, str] = {
    "unknown": "tên cơ quan chủ trì không giống tên một cơ quan",
    "short_name": "tên cơ quan chủ trì chỉ có một, hai từ (có thể bị cắt)",
    "split_and": "đã tách hai cơ quan tại chữ 'và' (có thể là một cơ quan)",
    "note": "đoạn ghi chú trong ngoặc, có thể không phải nhiệm vụ",
    "encouraged": "có thể chỉ là lời khuyến khích, không phải giao nhiệm vụ",
    "conditional": "việc chỉ làm khi có phát sinh (nếu có khó khăn, vướng mắc)",
    "reflowed": "văn bản mất ngắt dòng, ranh giới mục do máy đoán",
    "collective": "tên chung của nhiều cơ quan",
}


def reasons(f: Facts) -> list[str]:
    return [why for name, why in _WHY.items() if getattr(f, name)]
