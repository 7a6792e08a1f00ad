"""Where the body of a document that numbers nothing starts, and whether it hands out any work at all.

Many real plans number nothing: a Kế hoạch, a Chương trình or a joint plan whose duties are one paragraph (or one
bullet) per body after the preamble ('Ủy ban nhân dân tỉnh yêu cầu:' / 'Sở Y tế chủ trì ...' / 'Sở Tài chính bố trí
...' / 'Đề nghị Ủy ban MTTQ ...'), a Công văn giving tasks to the bodies it is sent to ('Kính gửi: ...'), a Quyết định
whose tasks follow its formula ('Giao nhiệm vụ cụ thể như sau:'), a task table with no heading above it. Such a text
is read as one section (ref '', each duty numbered by its place: `item`), never refused; its body starts after the
header: the kind line and its title ('KẾ HOẠCH' / 'Phòng, chống ...'), the recipients ('Kính gửi: ...' and the lines
listing them), or the preamble's closing formula ('... như sau:') — whichever comes last before the first duty. A text
that hands no task to any body and holds no task table (a note, a list, a greeting to a body) is no plan: refused.

Laid out in lines of about the same width, a text's paragraphs are read like a PDF's wrapped lines and joined; the
title may then run into the preamble and the first duties ('Phòng, chống dịch ... năm 2025 Thực hiện Công văn ... Sở Y
tế chủ trì ...'): the title is cut from that paragraph where its preamble or its first duty starts, not skipped with
it."""

from __future__ import annotations

import re

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.blocks import Block, Paragraph, Table

# the kind of document on a line of its own, its title below it
KIND = re.compile(r"^(?:KẾ\s*HOẠCH|CHƯƠNG\s+TRÌNH|PHƯƠNG\s+ÁN)(?![\wÀ-ỹ])")
# the preamble's closing formula ('... ban hành Kế hoạch như sau:', 'Giao nhiệm vụ cụ thể như sau:', 'QUYẾT ĐỊNH:')
_FORMULA = re.compile(r"(?:như sau|sau đây|nội dung (?:chủ yếu |cụ thể )?sau|QUYẾT ĐỊNH|QUYẾT NGHỊ)\s*[:.]?\s*$")
# the issuer asking for the duties below ('Để ..., Ủy ban nhân dân tỉnh yêu cầu:', 'Giao nhiệm vụ cụ thể:'): the
# preamble's end, no duty of its own
# ('Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:', 'Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:': a Thông báo kết
# luận's or a Công văn's formula, the same)
_ASKS_END = re.compile(r"(?<![\wÀ-ỹ])(?:yêu cầu|đề nghị|[Gg]iao nhiệm vụ|kết luận|chỉ đạo|có ý kiến)(?: cụ thể)?"
                       r"(?: (?:chỉ đạo )?như sau)?\s*:\s*$")
_TO = re.compile(r"(?:^|\s)Kính gửi\s*:")
# a recipient's line under 'Kính gửi:' ('- Các sở, ban, ngành tỉnh;'), short and ending its item
_RECIPIENT = re.compile(r"^(?:[-–+•]\s*[^.:]{2,120}|[^.:]{2,80})[;.,]?$")
# where a title run into what follows it ends: its preamble's opening words, capitalised
_PREAMBLE = re.compile(r"(?<=[\wÀ-ỹ)]) (?=(?:Thực hiện|Căn cứ|Nhằm|Để|Triển khai|Theo|Trên cơ sở)\s)")
_CAP_AFTER_SPACE = re.compile(rf"(?<=\s)[{_UP}]")


# a letter's courtesy or consent read into a body's name ('Sở Y tế trân trọng kính mời ...', 'Ủy ban nhân dân tỉnh đồng ý
# chủ trương tổ chức ...'): an invitation or a reply, no task handed out
_COURTESY = re.compile(r"\b(?:trân trọng|kính mời|xin mời|kính trình|đồng ý|nhất trí|chấp thuận|nhận được)\b")


def _hands_out(text: str) -> bool:
    from dondoc.plans.bodies import leading_body
    from dondoc.plans.subjects import _handed_out

    lb = leading_body(text.lstrip("-–+• "))
    if lb is not None:  # (a submission up: 'Sở Y tế kính trình Ủy ban nhân dân tỉnh ...', the name read up to 'trình')
        return not _COURTESY.search(f"{lb[0]} {lb[1][:12]}")
    return any(not _COURTESY.search(f"{sb[0]} {sb[1][:12]}") for _, sb in _handed_out(text))


def _task_table(b: Block) -> bool:
    from dondoc.plans.tables import _table_columns

    return isinstance(b, Table) and _table_columns(b.rows) is not None


def _first_duty(blocks: list[Block], begin: int = 0) -> int | None:
    for i in range(begin, len(blocks)):
        b = blocks[i]
        if _task_table(b) or (isinstance(b, Paragraph) and not _ASKS_END.search(b.text) and _hands_out(b.text)):
            return i
    return None


def _text(b: Block) -> str:
    return b.text if isinstance(b, Paragraph) else ""


def _title_cut(text: str) -> int | None:
    """Where a title run into its preamble or its first duty ends."""
    from dondoc.plans.bodies import leading_body

    pre = _PREAMBLE.search(text, 0, 400)
    if pre is not None:
        return pre.end()
    for m in _CAP_AFTER_SPACE.finditer(text, 4, 300):
        if leading_body(text[m.start() :]) is not None:
            return m.start()
    return None


def after_title(blocks: list[Block]) -> tuple[list[Block], int] | None:
    """The blocks and where the body starts after the kind line ('KẾ HOẠCH', 'CHƯƠNG TRÌNH', 'PHƯƠNG ÁN') and its title
    (the title cut from what it ran into when that holds a duty); None when no such line opens a block."""
    for i, b in enumerate(blocks[:40]):
        if not (isinstance(b, Paragraph) and KIND.match(b.text) and i + 2 < len(blocks)):
            continue
        title = blocks[i + 1]
        if not (isinstance(title, Paragraph) and len(title.text) > 150 and _hands_out(title.text)):
            return blocks, i + 2
        cut = _title_cut(title.text)
        if cut is None:
            return blocks, i + 1
        parts = [
            Paragraph(title.text[:cut].strip(), title.heading, title.line),
            Paragraph(title.text[cut:].strip(), False, title.line),
        ]
        return [*blocks[: i + 1], *parts, *blocks[i + 2 :]], i + 2
    return None


def body_start(blocks: list[Block], begin: int = 0) -> int | None:
    """Where the body of a text numbering nothing starts (at or after `begin`): after the last end of its header (the
    kind line and its title, the recipients, the preamble's formula) before its first duty; at its first duty when no
    header is seen. None when the text hands no task to any body."""
    first = _first_duty(blocks, begin)
    if first is None:
        return None
    ends = [begin]
    for i in range(begin, first):
        b = blocks[i]
        if not isinstance(b, Paragraph):
            continue
        t = b.text
        if KIND.match(t) and i + 2 <= first:
            ends.append(i + 2)
        if _FORMULA.search(t) or _ASKS_END.search(t):
            ends.append(i + 1)
        if _TO.search(t):
            k = i + 1
            while k < first and _RECIPIENT.match(_text(blocks[k])):
                k += 1
            ends.append(k)
    return max(ends)


# a sentence's or a clause's end before the next one's first word ('...; Sở Tài chính bố trí ...', '...; đề nghị ...')
_CLAUSE_END = re.compile(rf"(?<=[^\s.][.!?;])\s+(?=[{_UP}]|đề nghị\s)")


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def duties_apart(blocks: list[Block], start: int) -> list[Block]:
    """The body's paragraphs cut where a later sentence opens with another named body and its task: one duty a
    paragraph. (A plan that numbers nothing gives each body a paragraph of its own; laid out in lines of about the
    same width, they are read like a PDF's wrapped lines and joined, '... 30/6/2025. Sở Tài chính bố trí ...'.) A later
    sentence of the same body ('Sở Y tế chủ trì .... Sở Y tế là cơ quan thường trực ...') stays in its paragraph."""
    from dondoc.plans.bodies import HEAD, leading_body
    from dondoc.plans.runon import _HEADS_OF_ALL, _NAMED, _NUMERAL_BEFORE, _cut, _formula

    out = list(blocks[:start])
    for b in blocks[start:]:
        if not isinstance(b, Paragraph) or (". " not in b.text and "; " not in b.text):
            out.append(b)
            continue
        t = b.text
        own = leading_body(t.lstrip("-–+• "))
        current = _key(own[0]) if own else None
        at: list[int] = []
        for m in _CLAUSE_END.finditer(t):
            if _NUMERAL_BEFORE.search(t, max(0, m.start() - 8), m.start()):
                continue  # ('... khoản 4 Điều 57 Luật X ”4. Hội đồng ...': a numbering's dot ends no sentence)
            rest = t[m.end() : m.end() + 240]
            if not (HEAD.match(rest) or rest.startswith(("Đề nghị ", "đề nghị ", "Giao ", "Yêu cầu "))):
                continue
            lb = leading_body(rest)
            if (
                lb is None
                or not _NAMED.match(lb[0])
                or not lb[1][:1].islower()
                or _formula(rest)
                or _HEADS_OF_ALL.match(lb[0])
                or _key(lb[0]) == current
            ):
                continue
            at.append(m.end())
            current = _key(lb[0])
        out.extend(Paragraph(x, False, b.line) for x in _cut(t, at)) if at else out.append(b)
    return out
