"""A plan pasted as one run of text in which no numbering can be found: read sentence by sentence.

Text copied from a web page loses its line breaks; `plans.reflow` puts them back before the numbered
headings, items and bullets it finds. A plan that numbers nothing (or whose numbering is written in a way
no rule knows) is then still a few paragraphs of thousands of characters, and its parse would be refused
('không tìm thấy các mục đánh số'). A plan must never be refused because its line breaks were lost: such a
paragraph is cut into its sentences (a sentence ends at '.', ';', '!' or '?' before a capital letter), each
one a paragraph of a single unnumbered section after the plan's title, and the warnings say so.
"""

from __future__ import annotations

import re

from dondoc.plans.blocks import Block, Paragraph

RUNON = ("Văn bản mất ngắt dòng và không tìm thấy các mục đánh số (I., II., 1., 2. ...): đã đọc từng câu như "
         "một đoạn của một mục chung — cần người xem lại các nhiệm vụ")
_LONG = 800  # a paragraph this long (with no numbering anywhere) is no paragraph of a plan laid out in lines
_UP = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
_SENTENCE_END = re.compile(rf"(?<=[^\s.][.;!?])\s+(?=[-–+•]?\s*[{_UP}])")
_TITLE = re.compile(r"(?<![\wÀ-ỹ])KẾ\s*HOẠCH(?![\wÀ-ỹ])")
_NAMES_A_PLAN = re.compile(r"(?<![\wÀ-ỹ])kế\s+hoạch(?![\wÀ-ỹ])", re.I)


def sentence_blocks(blocks: list[Block], start: int | None) -> tuple[list[Block], int] | None:
    """The blocks with every run-on paragraph of the body cut into sentences, and where the body starts:
    at `start` when the plan's title was found on a line of its own, else after the sentence holding its
    'KẾ HOẠCH' title (else at the first sentence). None when no paragraph of the body is a run-on, or the
    text does not name itself a plan."""
    first = start or 0
    title_run = first > 0 and isinstance(blocks[first - 1], Paragraph) and len(blocks[first - 1].text) >= _LONG
    if title_run:
        first -= 1  # the title's second line run together with the body: the body starts after its first sentence
    paragraphs = [b for b in blocks[first:] if isinstance(b, Paragraph)]
    if not any(len(b.text) >= _LONG for b in paragraphs):
        return None
    if start is None and not any(_NAMES_A_PLAN.search(b.text[:3000]) for b in paragraphs[:20]):
        return None
    out: list[Block] = list(blocks[:first])
    for b in blocks[first:]:
        if not isinstance(b, Paragraph) or len(b.text) < _LONG:
            out.append(b)
            continue
        for s in _SENTENCE_END.split(b.text):
            if s.strip():
                out.append(Paragraph(s.strip(), False, b.line))
                if (start is None and _TITLE.search(s)) or title_run:
                    start, title_run = len(out), False
    if start is None or start >= len(out):
        start = 0
    return out, start
