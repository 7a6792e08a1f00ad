"""How sure the parser is of an assignment, from how it was read (never from which document it came from).

Each assignment is made by one reader of the parser and carries, until `evidence.grade` drops it, the name
of that reader under READ_KEY. `facts` turns it and the item into a few yes/no facts; `confidence` is the
chance that the reader's reading holds (BASE) times one factor (FACTORS) for each doubt that applies to the
item (`factors`), clipped to [0.05, 1]: a transparent product of a handful of named, hand-set numbers.
Items below LOW_CONFIDENCE are the ones a person is asked to look at.

Which doubts count is decided by how the genre goes wrong, not by fitting the labelled plans:
- the reader: a labelled line or a body's heading says whose the task is; a sentence's subject, a lead column
  whose cells merge, a table put back from a lost grid are guesses, in that order;
- a name's shape matters only where its end was guessed (a sentence's subject, a cell): a heading or label line
  ends where the name ends, so an unfamiliar name there is no doubt (0 of 8 short names under a heading wrong);
- every lead beyond the first is one more place the cut may be wrong (a list split where the plan meant one body,
  'Cục Lâm nghiệp và Cục Kiểm lâm'), so the chance of an item drops with each;
- text that does not give work: a note in brackets, an invitation ('Khuyến khích ...'), a task only when
  something goes wrong ('nếu có khó khăn, vướng mắc ...'), on which the plans' own annotators disagree.
Measured on the labelled sets and left out (benchmarks/confidence.py, its per-set and cross-set lines): whether a
name is in the gazetteer (known) and whether it is a collective: neither makes an item more likely wrong once
the reader is known, and weighing them ranked right items with unfamiliar names below wrong ones on plans the
gazetteer had not seen; a name over 90 characters, a generic name, no timing: the gold takes them as written,
such items keep their own warnings.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Literal

from dondoc.plans.gazetteer import entries, heads, kind_of, local_level, name_key, places

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

# The chance that a reader's reading holds, before the item's own doubts.
BASE: dict[str, float] = {
    "label": 0.95,  # the plan says which body leads in so many words
    "heading": 0.95,  # the section is the body's own list of duties
    "owner": 0.9,  # the section's title names its owner
    "role": 0.9,  # under a role heading or intro line of a named body
    "table": 0.9,  # a lead column, but cells merge and split
    "cell": 0.85,  # 'X chủ trì' inside another column
    "sentence": 0.85,  # the subject of a sentence: where it ends, and whether the sentence gives work, is a guess
    "article": 0.85,  # (the same, in a decision's article)
    # cells put back from a lost grid: columns may have run into each other; below LOW_CONFIDENCE whatever its
    # facts, so the review screen flags every such row (its table's warning names them)
    "rebuilt": 0.45,
}
# Readers that guess where a name ends (a subject cut at its verb, a cell's text): there a name's shape is evidence.
GUESSED_END = frozenset({"sentence", "article", "table", "cell", "rebuilt"})
FACTORS: dict[str, float] = {
    "short_name": 0.6,  # a lead of one or two words, not a known name, where its end was guessed: a piece ('Sở Văn')
    "garbled": 0.85,  # a rebuilt row's lead not even shaped like a body's name ('UBND địa lịch'): columns ran together
    "extra_lead": 0.93,  # each lead beyond the first (up to three): one more cut that may be wrong
    "split_and": 0.9,  # two leads cut apart at 'và', not both known names: may be one body ('Báo và Đài ...')
    "note": 0.6,  # a note in brackets ('(Lưu ý: ...)'), not a task
    "encouraged": 0.6,  # 'Khuyến khích ...' read as a sentence: invites, may assign nothing
    "conditional": 0.8,  # 'nếu có khó khăn, vướng mắc ...': work only if a problem arises (annotators differ)
    "reflowed": 0.95,  # the text lost its line breaks and the sections were cut back apart by rule
}
MAX_EXTRA_LEADS = 3


@dataclass(frozen=True)
class Facts:
    read: Read
    leads: int = 1
    known: bool = False  # every lead is a gazetteer name (measured, not weighed)
    unknown: bool = False  # a lead not shaped like a body's name
    short_name: bool = False  # a lead of one or two words, not a known name
    collective: bool = False  # several bodies under one name, not a known one (measured, not weighed)
    split_and: bool = False
    reflowed: bool = False
    note: bool = False
    encouraged: bool = False
    conditional: bool = False


_PLACE_WORD = re.compile(r"^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|đặc khu|cấp|các cấp)\b")
_LEVEL_WORDS = re.compile(r"^(?:(?:các|cấp|tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu|và)[\s,]*)*$")
_NOTE = re.compile(r"^\((?!\s*(?:\d{1,2}|[a-zđ])\s*\))")  # '(Lưu ý: ...)', not a list marker '(6) ...', '(a) ...'
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


@functools.lru_cache(maxsize=1)
def _two_word_heads() -> frozenset[str]:
    return frozenset(name_key(h) for h in heads() if len(h.split()) == 2)


def whole_head(name: str) -> bool:
    """A two-word name that is a whole organ's head in the gazetteer ('Cục Thuế', 'Công đoàn'): no piece of a cut name."""
    return _key(name) in _two_word_heads()


def facts(a: dict[str, Any], *, reflowed: bool = False) -> Facts:
    leads: list[str] = a["lead"]
    text: str = a["text"]
    low = text.lower()
    read = a.get(READ_KEY, "heading")
    known = [is_known(n) for n in leads]
    return Facts(
        read=read,
        leads=len(leads),
        known=bool(leads) and all(known),
        unknown=any(kind_of(n) is None for n in leads),
        short_name=any(len(n.split()) <= 2 and not k and not whole_head(n) for n, k in zip(leads, known, strict=True)),
        collective=any((n.lower().startswith("các ") or "," in n or " các " in n.lower()) and not k
                       for n, k in zip(leads, known, strict=True)),
        split_and=any(f"{x} và {y}".lower() in low and not (kx and ky)
                      for (x, kx), (y, ky) in pairwise(zip(leads, known, strict=True))),
        reflowed=reflowed,
        note=bool(_NOTE.match(text)),
        encouraged=read == "sentence" and low.startswith("khuyến khích"),
        conditional="nếu có" in low and bool(_CONDITIONAL.search(text)),
    )


def factors(f: Facts) -> list[str]:
    """The doubts (FACTORS keys) that apply to an item, 'extra_lead' once per lead beyond the first."""
    out = []
    if f.short_name and f.read in GUESSED_END:
        out.append("short_name")
    if f.unknown and f.read == "rebuilt" and not f.short_name:
        out.append("garbled")
    out += ["extra_lead"] * min(max(f.leads - 1, 0), MAX_EXTRA_LEADS)
    out += [name for name in ("split_and", "note", "encouraged", "conditional", "reflowed") if getattr(f, name)]
    return out


def confidence(f: Facts) -> float:
    c = BASE[f.read]
    for name in factors(f):
        c *= FACTORS[name]
    if f.unknown and f.short_name:
        # 'UBND', 'TTXTĐT', 'Đơn vị' as a lead: no one can tell which body is meant, whatever the reader
        c = min(c, LOW_CONFIDENCE - 0.05)
    return round(max(0.05, min(1.0, c)), 2)


# what a reviewer is told, for the doubts that lower confidence
_WHY: dict[str, str] = {
    "short_name": "tên cơ quan chủ trì chỉ có một, hai từ (có thể bị cắt)",
    "garbled": "tên cơ quan chủ trì không giống tên một cơ quan (các cột có thể bị lẫn)",
    "extra_lead": "đã tách thành nhiều cơ quan chủ trì (có thể tách sai)",
    "split_and": "đã tách hai cơ quan tại chữ 'và' (có thể là một cơ quan)",
    "note": "đoạn ghi chú trong ngoặc, có thể không phải nhiệm vụ",
    "encouraged": "có thể chỉ là lời khuyến khích, không phải giao nhiệm vụ",
    "conditional": "việc chỉ làm khi có phát sinh (nếu có khó khăn, vướng mắc)",
    "reflowed": "văn bản mất ngắt dòng, ranh giới mục do máy đoán",
}
_READ_WHY: dict[str, str] = {
    "sentence": "cơ quan chủ trì đọc từ chủ ngữ của câu",
    "article": "cơ quan chủ trì đọc từ chủ ngữ của câu",
    "table": "cơ quan chủ trì đọc từ cột của bảng",
    "cell": "cơ quan chủ trì đọc từ một ô khác của bảng",
}


def reasons(f: Facts) -> list[str]:
    """Why an item is doubted, in Vietnamese: its doubts, else (when only its reader brings it low) how it was read;
    a short name no one can place is said once."""
    out = list(dict.fromkeys(_WHY[name] for name in factors(f)))
    if f.unknown and f.short_name and _WHY["short_name"] not in out:
        out.insert(0, _WHY["short_name"])
    return out or ([_READ_WHY[f.read]] if f.read in _READ_WHY else [])
