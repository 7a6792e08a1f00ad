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

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.blocks import Block, Paragraph

RUNON = ("Văn bản mất ngắt dòng và không tìm thấy các mục đánh số (I., II., 1., 2. ...): đã đọc từng câu như "
         "một đoạn của một mục chung — cần người xem lại các nhiệm vụ")
_LONG = 800  # a paragraph this long (with no numbering anywhere) is no paragraph of a plan laid out in lines
# (nor is one this long when the text has no kind line of its own: a short plan or letter pasted as one run, which is
# read when one of its sentences hands a task to a body, plans.unnumbered)
SHORT_RUN = 200
_SENTENCE_END = re.compile(rf"(?<=[^\s.][.;!?])\s+(?=[-–+•]?\s*[{_UP}])")
_TITLE = re.compile(r"K(?<![\wÀ-ỹ]K)Ế\s*HOẠCH(?![\wÀ-ỹ])")  # ((?<![\wÀ-ỹ])KẾ...: the look-behind after the K, to jump to it)
_NAMES_A_PLAN = re.compile(r"(?<![\wÀ-ỹ])kế\s+hoạch(?![\wÀ-ỹ])", re.I)


def sentence_blocks(blocks: list[Block], start: int | None, *, long: int = _LONG,
                    named: bool = True) -> tuple[list[Block], int] | None:
    """The blocks with every run-on paragraph of the body cut into sentences, and where the body starts:
    at `start` when the plan's title was found on a line of its own, else after the sentence holding its
    'KẾ HOẠCH' title (else at the first sentence). None when no paragraph of the body is a run-on (`long` characters
    or more), or the text does not name itself a plan (when `named`)."""
    first = start or 0
    before = blocks[first - 1] if first > 0 else None
    title_run = isinstance(before, Paragraph) and len(before.text) >= long
    if title_run:
        first -= 1  # the title's second line run together with the body: the body starts after its first sentence
    paragraphs = [b for b in blocks[first:] if isinstance(b, Paragraph)]
    if not any(len(b.text) >= long for b in paragraphs):
        return None
    if named and start is None and not any(_NAMES_A_PLAN.search(b.text[:3000]) for b in paragraphs[:20]):
        return None
    out: list[Block] = list(blocks[:first])
    for b in blocks[first:]:
        if not isinstance(b, Paragraph) or len(b.text) < long:
            out.append(b)
            continue
        for s in _SENTENCE_END.split(b.text):
            formula = _FORMULA.search(s, 0, 600) or _ASKS.match(s, 0, 120)
            parts = [(s[:formula.end()], True), (s[formula.end():], False)] if formula else [(s, False)]
            for part, ends_preamble in parts:
                if not part.strip():
                    continue
                out.append(Paragraph(part.strip(), False, b.line))
                if (start is None and _TITLE.search(part)) or title_run:
                    start, title_run = len(out), False
                elif ends_preamble and start is not None and len(out) - start < 8:
                    start = len(out)  # the preamble ends with its formula ('... ban hành kế hoạch như sau:')
    if start is None or start >= len(out):
        start = 0
    return out, start


# ---- where duties part inside a reflowed paragraph ------------------------------------------------------------
# A plan laid out in lines gives each duty its own line: the role words opening a sentence ('Chủ trì, phối hợp
# với ...', 'Phối hợp với ...'), a sentence that opens with the body it falls to ('UBND phường X chủ trì ...'),
# and a section's closing words after its last item ('Trên đây là Kế hoạch ...', 'Trong quá trình thực hiện, nếu
# có vướng mắc ...', 'Ủy ban nhân dân tỉnh yêu cầu các ...', 'Đề nghị các ...', 'Các sở, ngành ... triển khai',
# the report asked for: 'Báo cáo kết quả ... trước ngày ...').
# With the line breaks lost they follow the end of the sentence before them.
_AFTER_STOP = re.compile(rf"(?<=[^\s.][.!?])\s+(?=[{_UP}])")
# ('Phối hợp chặt chẽ giữa A và B ...' is the noun, coordination between bodies, not a role of the item's body)
_ROLE = re.compile(r"(?:Chủ trì|Phối hợp(?!(?: [\wÀ-ỹ]+){0,3} giữa ))[\s,]")
# the preamble's closing formula ('Ủy ban nhân dân xã ban hành kế hoạch như sau.'): the issuer, not a duty
_FORMULA = re.compile(r"(?:như sau|sau đây|nội dung (?:chủ yếu |cụ thể )?sau)\s*[:.]")
_STOP = re.compile(r"[.;:!?](?:\s|$)")
# the issuer asking for the duties below ('Ủy ban nhân dân tỉnh yêu cầu:', 'Giao nhiệm vụ:'): no body's name
_ASKS = re.compile(r"[^.;:!?]{0,80}?(?<![\wÀ-ỹ])(?:yêu cầu|đề nghị|giao nhiệm vụ|Giao nhiệm vụ)(?: cụ thể)?\s*:")
_CLOSING = re.compile(
    r"(?:Trên đây là|Trong quá trình|Quá trình (?:tổ chức |triển khai )?thực hiện|"
    r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)(?: (?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn))?"
    rf"(?: [{_UP}][\wÀ-ỹ]*){{0,3}},? (?:yêu cầu|đề nghị|giao)\s|"
    rf"(?:Yêu cầu|Đề nghị|Giao) (?:các|Thủ trưởng|Giám đốc|Chủ tịch|[{_UP}])|"
    r"(?:Hằng|Hàng) năm, (?:các|[A-ZĐÀ-Ỹ])|"
    # the report asked for after the request ('Báo cáo kết quả thực hiện gửi Sở X trước ngày ...')
    r"Báo cáo (?:tình hình|kết quả|định kỳ|sơ kết|tổng kết)\s|"
    r"(?:Thủ trưởng|Giám đốc|Chủ tịch|Người đứng đầu) (?:các|Ủy ban|UBND)|"
    r"Các (?:sở|Sở|ban|bộ|ngành|cơ quan|đơn vị|địa phương|phòng|tổ chức)[\s,;])"
)


# '... tổ chức triển khai. Trong quá trình ..., nếu có khó khăn, đề nghị các đơn vị phản ánh ...': the bare 'các đơn vị'
# stands for the bodies the sentence before has just named; it stays with them (plans.tree reads it so too)
UNITS_REFER_BACK = re.compile(r"nếu\s[^.]{0,80}?\s(?:đề nghị\s+|yêu cầu\s+)?các đơn vị\s+(?!và\b|liên quan|có liên quan)")


# a sentence opening with its time ('Năm 2026, ', 'Quý IV/2025, ', 'Tháng 6/2025, '), then its body
_WHEN_OPENS = re.compile(r"(?:Năm \d{4}|Quý [IVX]{1,3}(?:/| năm )\d{4}|Tháng \d{1,2}(?:/| năm )\d{4}|Trong (?:năm|quý|tháng) [^,]{1,15}),\s+")
_ALSO_ASKS = re.compile(rf"(?:Đồng thời|Ngoài ra|Bên cạnh đó),\s+(?:giao|đề nghị|yêu cầu)\s+(?:cho\s+)?[{_UP}]")
_BRACKETS = re.compile(r"\([^()]*\)")
_TAKES_ROLE = re.compile(r"(?:chủ trì|là cơ quan|có trách nhiệm|chịu trách nhiệm)\b")


def _refers_back(sentence: str) -> bool:
    """Whether the sentence opening `sentence` (up to its full stop) speaks of 'các đơn vị' just named before it."""
    stop = sentence.find(". ", 0, 240)
    return bool(UNITS_REFER_BACK.search(sentence, 0, stop if stop > 0 else 240))


_MARK = re.compile(r"(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*)\.\s*|[a-zđ][.)]\s*")
# a body's name as a sentence's subject: capitalised, no figures, not run into the next cell of a table
_NAMED = re.compile(rf"[{_UP}][^\d.:;]{{1,100}}$")


# 'Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức có trách nhiệm ...': the heads of every kind of body, a principle
# the paragraph states, not a duty of its own (the heads of named bodies are: 'Thủ trưởng các sở, ban, ngành')
_HEADS_OF_ALL = re.compile(r"(?:Người đứng đầu|Thủ trưởng|Lãnh đạo)\s+(?!(?:các\s+)?(?:sở|bộ|ban|UBND|Ủy ban|Uỷ ban|Sở|Bộ|Ban)\b)")
_NUMERAL_BEFORE = re.compile(r"(?:^|[^\w/.,])\d{1,2}(?:\.\d{1,2})*\.$")


def _cut(par: str, at: list[int]) -> list[str]:
    out, last = [], 0
    for k in at:
        out.append(par[last:k].strip())
        last = k
    out.append(par[last:].strip())
    return [p for p in out if p]


_BASED_ON = re.compile(r"Căn cứ [^.;:,]{3,80}, ")


def _other_bodies(sentence: str, par: str) -> bool:
    """'Căn cứ nội dung Kế hoạch và tình hình thực tế, các sở, ngành ... xây dựng ...': a sentence whose subject,
    after the clause it is based on, is a body (not the one the paragraph opens with) and its task — in a plan
    laid out in lines, a paragraph of its own."""
    from dondoc.plans.bodies import leading_body

    m = _BASED_ON.match(sentence)
    lb = leading_body(sentence[m.end():]) if m else None
    if lb is None or not lb[1][:1].islower():
        return False
    own = leading_body(par)
    return own is None or own[0] != lb[0]


def _formula(sentence: str) -> bool:
    stop = _STOP.search(sentence)
    return bool(stop and _FORMULA.search(sentence, max(0, stop.start() - 30), stop.end()))


# what follows the plan's last paragraph: the signature block, an annex; or the next section after the section
# that organises the work ('IV. TỔ CHỨC THỰC HIỆN' before 'V. KINH PHÍ')
_PLAN_END = re.compile(r"(?:Nơi nhận|(?:TM|KT|TL|TUQ)\.\s|PHỤ\s+LỤC)")
_ROMAN_HEAD = re.compile(r"[IVX]{1,4}\.\s")
_ORGANISES = re.compile(r"TỔ\s+CHỨC\s+(?:THỰC\s+HIỆN|TRIỂN\s+KHAI)", re.I)


def _closing_ends(pars: list[str]) -> list[bool]:
    """Whether each paragraph is the last of the plan's closing part, where a section's closing words
    ('Trong quá trình thực hiện ...', 'Hằng năm, các ...', 'Các sở, ngành ...') stand: before the signature,
    an annex or the end, or before the next section when it closes the section that organises the work. The
    same words in the last item of a task section ('Hằng năm, Ủy ban nhân dân huyện tổ chức tổng kết ...') are
    part of that item."""
    ends, section = [], ""
    for k, par in enumerate(pars):
        if _ROMAN_HEAD.match(par):
            section = par[:80]
        nxt = pars[k + 1] if k + 1 < len(pars) else None
        ends.append(nxt is None or bool(_PLAN_END.match(nxt))
                    or bool(_ROMAN_HEAD.match(nxt) and _ORGANISES.search(section)))
    return ends


# a label line of a task: who leads, who helps, when ('- Chủ trì: Sở Y tế.', 'Thời gian hoàn thành: Quý II/2026.')
_LABEL_LINE = re.compile(r"(?:[-–+•]\s*|[a-zđ]\)\s*)?(?:Cơ quan|Đơn vị|Chủ trì|Phối hợp|Thời gian|Thời hạn|Tiến độ)[^:.;]{0,40}:\s")


def split_duties(pars: list[str], *, section_end: list[bool]) -> list[str]:
    """The paragraphs of a reflowed body with duties parted at the ends of sentences (see above);
    `section_end[i]` tells whether paragraph i is the last of the plan's closing section, before the
    signature, an annex or the end (where a section's closing words stand)."""
    from dondoc.plans.bodies import HEAD, leading_body
    from dondoc.plans.rank import central
    from dondoc.plans.verbs import find_verb

    def opens_with_body(s: str) -> bool:
        return bool(HEAD.match(s)) or leading_body(s) is not None

    def lead_of(s: str) -> str | None:
        lb = leading_body(s) if HEAD.match(s) else None
        return lb[0].lower() if lb is not None else None

    def another_body(lb: tuple[str, str, bool], opened: str) -> bool:
        """A sentence giving a task to another named body of the plan's own level than the one the paragraph opened
        with ('Sở Y tế chủ trì ... . Sở Tài chính bố trí ...'): a duty of its own (the centre's doings are prose)."""
        v = find_verb(lb[1][:40])
        if v is None or v.start() != 0 or central(lb[0]):
            return False
        lead = lead_of(opened)
        return lead is not None and lb[0].lower() != lead and not lead.startswith(lb[0].lower())

    out: list[str] = []
    for par, last in zip(pars, section_end, strict=True):
        at: list[int] = []
        mark = _MARK.match(par)  # (the dot of the paragraph's own number ends no sentence)
        # whether the duty being read already opens with its body ('1. Sở Y tế chủ trì ...'): a later sentence
        # opening with a body is then part of its prose ('Sở Y tế là cơ quan thường trực ...', 'Bộ Y tế hướng
        # dẫn ...'), not a duty of its own; after a task or a target that names no body it is the duty's body
        opened = par[mark.end() if mark else 0:][:240]  # (the text the duty being read opens with)
        led = opens_with_body(opened)
        # a dash bullet keeps its mark once its lines are joined: a duty of its own would have had a dash of its
        # own, so a later sentence opening with role words ('- Nâng cao ... Phối hợp với ...') or with a body's name
        # ('- Phát triển hạ tầng số .... Các doanh nghiệp viễn thông phối hợp ...') is the bullet's
        bullet = par[:1] in "-–+•"
        if _LABEL_LINE.match(par):  # a label's value ('- Thời gian: Quý II/2026.') holds no duty: a body's sentence after
            bullet = led = False   # it is one of its own
        for m in _AFTER_STOP.finditer(par, mark.end() if mark else 0):
            if _NUMERAL_BEFORE.search(par, max(0, m.start() - 8), m.start()):
                continue  # '... khoản 4 Điều 57 Luật X ”4. Hội đồng nhân dân ...': a numbering's dot ends no sentence
            rest = par[m.end(): m.end() + 240]
            if ((_ROLE.match(rest) and not bullet) or rest.startswith("Trên đây là")
                    or (last and _CLOSING.match(rest) and not _refers_back(rest))):
                at.append(m.end())
                led, opened = opens_with_body(rest), rest
            elif (not bullet and HEAD.match(rest) and (lb := leading_body(rest)) is not None and _NAMED.match(lb[0])
                  and lb[1][:1].islower() and not _formula(rest) and not _HEADS_OF_ALL.match(lb[0])
                  and (not led or another_body(lb, opened))
                  and (lb[0] not in _BRACKETS.sub("", par[: m.start()]) or _TAKES_ROLE.match(lb[1]))):
                # a sentence that opens with a named body and its task (the body the paragraph's task already named
                # goes on with it, unless it takes a role again; one named in brackets, '(qua Phòng X)', did no task)
                at.append(m.end())
                led, opened = True, rest
            elif not bullet and _ALSO_ASKS.match(rest):
                at.append(m.end())  # 'Đồng thời, giao Công an tỉnh chủ trì ...': the issuer hands out another duty
                led, opened = True, rest
            elif (mark is None and not bullet and (when := _WHEN_OPENS.match(rest)) is not None
                  and HEAD.match(rest[when.end():]) and (lb := leading_body(rest[when.end():])) is not None
                  and _NAMED.match(lb[0]) and lb[1][:1].islower()):
                at.append(m.end())  # 'Năm 2026, Sở Y tế chủ trì tổng kết ...': a dated duty of its own (unnumbered prose)
                led, opened = True, rest
            elif rest.startswith("Căn cứ ") and _other_bodies(rest, par[mark.end() if mark else 0:][:240]):
                at.append(m.end())  # 'Căn cứ ..., các sở, ngành ... xây dựng ...': other bodies' duty
                led, opened = True, rest
        out.extend(_cut(par, at) if at else [par])
    return out


# a markdown table whose line breaks were lost: '| TT | Nhiệm vụ | Cơ quan chủ trì | | --- | --- | --- | | 1. | ...'
_PIPE_HEAD = re.compile(r"\|\s*\**\s*(?:STT|TT|Số TT|Số thứ tự)\s*\**\s*\|", re.I)
_SEP_CELL = re.compile(r"\s*:?-{3,}:?\s*")
_NUMBER_CELL = re.compile(r"\s*\**\s*(?:STT|TT|Số TT|Số thứ tự)\s*\**\s*", re.I)
TABLE_MARK = "\ue001"


def pipe_tables(flat: str) -> tuple[str, list[str]]:
    """The rows of each pipe table in `flat` (a text whose line breaks were lost) put back on lines of their own.

    A markdown table's rows each open and close with '|' and hold as many cells as its header, which
    the separator row ('| --- | --- |') counts; joined with spaces, two rows meet at '| |', the same
    as an empty cell, so the rows are told apart by counting cells: after each row's cells the next
    token must be the blank between two rows. The table ends where that fails (words after the last
    row, a row of another width). Each table is replaced by a mark (TABLE_MARK, its index, TABLE_MARK)
    holding no space, so that no break rule cuts it; returns the text and the tables' lines."""
    if "|" not in flat:
        return flat, []
    tables: list[str] = []
    out: list[str] = []
    pos = 0
    for m in _PIPE_HEAD.finditer(flat):
        if m.start() < pos:
            continue
        tokens = flat[m.start() + 1 :].split("|")
        # the header's cells run up to the separator's
        n = next((k for k, t in enumerate(tokens) if _SEP_CELL.fullmatch(t)), -1)
        if n < 3 or n > 20 or tokens[n - 1].strip():
            continue  # the token before the separator is the blank between the header and the separator
        ncols = n - 1
        if not all(_SEP_CELL.fullmatch(t) for t in tokens[n : n + ncols]):
            continue
        rows = ["|" + "|".join(tokens[:ncols]) + "|", "|" + "|".join(tokens[n : n + ncols]) + "|"]
        k = n + ncols  # the token after the separator's last cell
        used = k
        while k + ncols + 1 < len(tokens) and not tokens[k].strip() and any(t.strip() for t in tokens[k + 1 : k + 1 + ncols]):
            after = tokens[k + 1 + ncols]
            if after.strip() and k + 2 + ncols < len(tokens) and len(after) <= 80 and not _NUMBER_CELL.fullmatch(tokens[k + 2 + ncols]):
                break  # a short cell, not the text after the table: a row of another width (not the title of the next
                # table, whose number column follows it: '... | PHỤ LỤC II KẾT QUẢ NĂM 2025 | STT | ...')
            rows.append("|" + "|".join(tokens[k + 1 : k + 1 + ncols]) + "|")
            k += ncols + 1
            used = k
        # the table's text ends with the '|' closing its last row
        end = m.start() + 1 + sum(len(t) + 1 for t in tokens[:used])
        out.append(flat[pos : m.start()])
        out.append(f" {TABLE_MARK}{len(tables)}{TABLE_MARK} ")
        tables.append("\n".join(" ".join(r.split()) for r in rows))
        pos = end
    out.append(flat[pos:])
    return "".join(out), tables
