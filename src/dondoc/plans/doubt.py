"""How sure the parser is of an assignment, from how it was read (never from which document it came from).

Each assignment is made by one reader of the parser and carries, until `evidence.grade` drops it, the name
of that reader under READ_KEY. `facts` turns it and the item into a few yes/no facts; `confidence` starts
from the reader's base and adds the weights of the facts that hold (tables below), clipped to [0.05, 1].
The weights were set on the labelled sets (seeds, more, tune, excerpts-tune) with benchmarks/confidence.py:
the figures in the comments are wrong items / items of that kind there, against 55 / 1011 overall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Literal

from dondoc.plans.gazetteer import entries, kind_of, places

# how the item was read:
#   label     a labelled line ('Cơ quan chủ trì: Sở Y tế')        heading   under a heading naming the body ('2. Sở Y tế:')
#   sentence  the subject of the item's own sentence              owner     'NHIỆM VỤ CỦA BỘ X' above items naming no one
#   table     a task table's lead column                          cell      'X chủ trì ...' in another cell of a task table
#   rebuilt   a task table put back together from text whose grid was lost (plans.gridless)
Read = Literal["label", "heading", "sentence", "owner", "table", "cell", "rebuilt"]
READ_KEY = "_read"

BASE: dict[str, float] = {
    "label": 0.95,  # the plan says which body leads in so many words (0/58 wrong)
    "heading": 0.95,  # the section is the body's own list of duties (4/532)
    "owner": 0.9,  # the section's title names its owner (0/8, few)
    "sentence": 0.85,  # the subject of a sentence: where it ends is a guess (9/189)
    "table": 0.85,  # a lead column, but cells merge and split (7/83)
    "cell": 0.85,  # 'X chủ trì' inside another column (0/9, few)
    "rebuilt": 0.45,  # cells put back from a lost grid: columns may have run into each other (35/132)
}
WEIGHTS: dict[str, float] = {
    "known": +0.05,  # every lead is a gazetteer name, or one followed by its place (15/607)
    "unknown": -0.15,  # a lead not even shaped like a body's name ('UBND địa lịch', 'Hiệp hội đào thông'; 30/259)
    "short_name": -0.15,  # a lead of one or two words is mostly a piece of a name ('Báo', 'Sở Văn', 'Đơn vị'; 15/43)
    "collective": -0.05,  # several bodies under one name ('các sở, ngành', 'UBND các xã'): 22/334
    "split_and": -0.1,  # two leads cut apart at 'và' may be one body ('Báo và Đài Phát thanh ...'; 3/32)
    "reflowed": -0.05,  # the text lost its line breaks and the sections were cut back apart by rule (1/29)
    "note": -0.3,  # the item's text is a note in brackets ('(Lưu ý: ...)', '(... có Phụ lục kèm theo)'): 2/3
    "encouraged": -0.2,  # 'Khuyến khích ...' invites, it does not assign (2/3)
    "conditional": -0.15,  # 'nếu có khó khăn, vướng mắc ...': what to do if something comes up (1/5)
}
# Measured and left out: a generic name ('các cơ quan liên quan': 3/127 wrong), a name over 90 characters
# (0/8), no timing (15/677) — the gold takes them as written, so they do not make an item more likely wrong;
# such items keep their own warnings.
# Rows of a rebuilt table stay at or below 0.5 whatever their facts: the review screen flags them all.
REBUILT_CAP = 0.5


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


_PLACE_WORD = re.compile(r"^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|đặc khu|cấp|các cấp)\b")
_CONDITIONAL = re.compile(r"nếu có\s+(?:phát sinh\s+)?(?:khó khăn|vướng mắc|phát sinh)", re.I)


def _key(name: str) -> str:
    key = " ".join(name.lower().replace("uỷ", "ủy").replace("hoá", "hóa").replace("–", "-").strip(" .;,").split())
    return re.sub(r"^các\s+", "", key)


def is_known(name: str) -> bool:
    """The name itself (or an alias) is in the gazetteer, or a known name followed by a place
    ('Sở Y tế tỉnh Lào Cai'), or a commune/ward/province level name; not a known head followed by
    anything ('Sở Văn hóa và Thể phường liên quan')."""
    key = _key(name)
    if key in entries():
        return True
    words = key.split()
    for n in range(len(words) - 1, 0, -1):
        if " ".join(words[:n]) in entries():
            rest = " ".join(words[n:])
            return bool(_PLACE_WORD.match(rest)) or rest in places()
    return kind_of(name) == "local"


def facts(a: dict[str, Any], *, reflowed: bool = False) -> Facts:
    leads: list[str] = a["lead"]
    text: str = a["text"]
    low = text.lower()
    return Facts(
        read=a.get(READ_KEY, "heading"),
        known=bool(leads) and all(is_known(n) for n in leads),
        unknown=any(kind_of(n) is None for n in leads),
        short_name=any(len(n.split()) <= 2 for n in leads),
        collective=any(n.lower().startswith("các ") or "," in n or " các " in n.lower() for n in leads),
        split_and=any(f"{x} và {y}".lower() in low for x, y in pairwise(leads)),
        reflowed=reflowed,
        note=text.startswith("("),
        encouraged=low.startswith("khuyến khích"),
        conditional=bool(_CONDITIONAL.search(text)),
    )


def confidence(f: Facts) -> float:
    c = BASE[f.read] + sum(w for name, w in WEIGHTS.items() if getattr(f, name))
    if f.read == "rebuilt":
        c = min(c, REBUILT_CAP)
    return round(max(0.05, min(1.0, c)), 2)


# what a reviewer is told, for the facts that lower confidence
_WHY: dict[str, str] = {
    "unknown": "tên cơ quan chủ trì không giống tên một cơ quan",
    "short_name": "tên cơ quan chủ trì chỉ có một, hai chữ (có thể bị cắt)",
    "split_and": "đã tách hai cơ quan tại chữ 'và' (có thể là một cơ quan)",
    "note": "đoạn ghi chú trong ngoặc, có thể không phải nhiệm vụ",
    "encouraged": "lời khuyến khích, không phải giao nhiệm vụ",
    "conditional": "việc chỉ làm khi có phát sinh (nếu có khó khăn, vướng mắc)",
    "reflowed": "văn bản mất ngắt dòng, ranh giới mục do máy đoán",
    "collective": "tên chung của nhiều cơ quan",
}


def reasons(f: Facts) -> list[str]:
    return [why for name, why in _WHY.items() if getattr(f, name)]
