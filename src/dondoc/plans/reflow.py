"""Text that lost its layout: web-page wrappers around a plan, and plans whose line breaks are gone.

Two hazards of text copied from a law-library web page:
- the page's own material before the plan (site notices, a metadata table — Số hiệu, Loại văn
  bản, Nơi ban hành, Người ký —, loading messages): the plan starts at its issuer line above
  the national motto (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM); what comes before it is dropped;
- text pasted with its line breaks lost or re-wrapped at random: every heading runs into the
  paragraph before it ('... như sau: I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích a) Tuyên truyền ...').
  Administrative numbering is regular enough to put the breaks back: a Roman numeral before an
  all-capitals title, '1.' / '1.1.' / 'a)' before a capitalised word, a dash after a sentence; the
  next numeral in order (II after I, 3. after 2.) wherever it stands; a numbered heading run into its
  first bullet, its body's duty ('1. Sở Tài chính - Bố trí ...', '5. Sở Khoa học và Công nghệ Chủ trì')
  or the sentence after an all-capitals title; labels ('Cơ quan chủ trì:', 'Thời gian hoàn thành:'),
  the signature block ('Nơi nhận:', 'TM.', 'KT.'), the end mark './.' and 'PHỤ LỤC'. Numbers inside
  sentences (after 'số', 'khoản', 'Điều', 'tháng', 'Quý' ...) and double names ('Phòng Tài chính -
  Kế hoạch'), a label after the letter that introduces it ('a) Cơ quan chủ trì:') and the numbering of a law
  quoted between curly quotes are not breaks. A task table pasted without its grid is taken out first
  (plans.flattable: its rows' numbers are no items); where duties part inside a paragraph (role words, a
  body's sentence, a section's closing words) and the plan that numbers nothing: plans.runon.

Both are reported in the plan's warnings, since a person should check what was guessed.
"""

from __future__ import annotations

import re

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.bodies import HEAD
from dondoc.plans.fastre import count_at_line_starts
from dondoc.plans.numbering import dash_numbering, next_sections
from dondoc.plans.pasted import dotless_subitems, own_paragraphs, wrapped
from dondoc.plans.pastedtables import flat_tables, line_tables, run_tables
from dondoc.plans.reflow_heads import _CAPS_TITLE_END, _MARKED, _split_bullets, _split_heading
from dondoc.plans.runon import TABLE_MARK, _closing_ends, pipe_tables, split_duties
from dondoc.plans.verbs import find_verb
from dondoc.plans.wrapper import _TITLE, strip_wrapper

__all__ = ["lost_breaks", "prepare", "restore_breaks", "strip_wrapper"]

_LINE_MARK = re.compile(r"^[\s*#>_]*(?:[IVX]{1,4}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|(?:Nhiệm vụ|Hoạt động)\s+\d{1,2}\s*[.:)]|(?:Mục|MỤC)\s+(?:[IVX]{1,4}|\d{1,2})\s*[.:)])\s", re.M)  # ('Nhiệm vụ 2.', 'Mục 2.': in words)
_INLINE_ROMAN = re.compile(r"(?<=\S)\s+(?=[IVX]{1,4}\.\s+[A-ZĐÀ-Ỹ]{2,}\s)|(?<=[.;:])\s+(?=[IVX]{1,4}\.\s+[A-ZĐ])")
# a part lettered in capitals or a section numbered '1.', '2.' with a title in capitals, inside a line
# ('... như sau: A. MỤC ĐÍCH, YÊU CẦU ...', '... 2. TỔ CHỨC THỰC HIỆN ...'): a plan numbering its top level so
_INLINE_PART = re.compile(r"(?<=\S)[ \t]+(?=(?:[A-D]|\d{1,2})\.\s+[A-ZĐÀ-Ỹ]{2,}\s+[A-ZĐÀ-Ỹ]{2,})")
_INLINE_ARTICLE = re.compile(r"(?<=[.;:])\s+(?=Điều\s+\d{1,3}\.\s)")
# a resolution's or decision's article run on after a sentence on the same line ('... QUYẾT NGHỊ: Điều 1. Ban hành')
_MIDLINE_ARTICLE = re.compile(r"(?<=[.;:])[ \t]+(?=Điều\s+\d{1,3}\.\s)")
_INLINE_ITEM = re.compile(r"(?<=[\w.;:])(?<!Nhiệm vụ)(?<!Hoạt động)(?<!Mục)(?<!MỤC)[ \t]+(?=(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\))\s+[A-ZĐ])")  # (not its number)
_LOW = "a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
_LABELS = ("Cơ quan chủ trì|Đơn vị chủ trì|Cơ quan phối hợp|Đơn vị phối hợp|Cơ quan thực hiện|Đơn vị thực hiện|"
           "Hình thức thực hiện|Thời gian thực hiện|Thời gian hoàn thành|Thời gian trình|Thời hạn trình|Thời gian ban hành|"
           "Thời hạn hoàn thành|Thời hạn|Chủ trì|Phối hợp|Nội dung|Sản phẩm|Kết quả|Kinh phí")
# (a number naming a level, a kind, a group or a rank: 'cấp độ 1', 'mức 2', 'loại 1', 'nhóm 3', 'hạng 1')
_NOT_BEFORE_NUM = r"(?<!số)(?<!khoản)(?<!Khoản)(?<!Điều)(?<!điều)(?<!điểm)(?<!mục)(?<!Mục)(?<!tại)(?<!ngày)(?<!năm)(?<!tháng)(?<!Quý)(?<!quý)(?<!lục)(?<!đoạn)(?<!lần)(?<!đợt)(?<!Phần)(?<!phần)(?<!Chương)(?<!khóa)(?<!khoá)(?<!độ)(?<!mức)(?<!loại)(?<!nhóm)(?<!Nhóm)(?<!hạng)(?<!bậc)(?<!Nhiệm vụ)(?<!Hoạt động)"
# a part above the Roman sections ('PHẦN I KẾT QUẢ ...', 'A. KẾT QUẢ THỰC HIỆN ...', 'B. NHIỆM VỤ NĂM 2025'), in the header too
_PART_BREAK = re.compile(rf"(?<=\S)\s+(?=(?:PHẦN\s+(?:[IVX]{{1,4}}|THỨ\s+[{_UP}]+):?|[A-D]\.)\s+[{_UP}]{{2,}}\s+[{_UP}]{{2,}})")
_BREAKS = [
    # Roman section: 'I. MỤC ĐÍCH' (an all-capitals title)
    re.compile(rf"(?<=\S)\s+(?=(?:[IVX]{{1,4}})\.\s+[{_UP}]{{2,}}[\s,])"),
    re.compile(rf"(?<=[.;:])\s+(?=(?:[IVX]{{1,4}})\.\s+[{_UP}])"),
    # numbered item '2. Yêu cầu', '1.1. Xác định', '2.\nYêu cầu'
    re.compile(rf"(?<=[^\d\s/.,]){_NOT_BEFORE_NUM}\s+(?=(?:1|\d{{1,2}}(?:\.\d{{1,2}})+)\.\s*[*_]{{0,2}}[{_UP}])"),
    re.compile(rf"(?<=[.;:!?…])\s+(?=\d{{1,2}}(?:\.\d{{1,2}})*\.\s*[*_]{{0,2}}[{_UP}])"),
    # '1.1 Nâng cao ...' (a sub-item numbered without its last dot) after the end of a sentence
    re.compile(rf"(?<=[.;:!?])\s+(?=\d{{1,2}}\.\d{{1,2}}\s+[*_]{{0,2}}[{_UP}][{_LOW}])"),
    # lettered item 'a) Tuyên truyền' (and 'a. Sở Y tế': _MARK_BREAKS)
    re.compile(rf"(?<=\S)\s+(?=[a-zđ]\)\s+[{_UP}a-zđ])"),
    # a heading naming a body with no number, after a sentence ('... . Đối với Phòng Giáo dục và Đào tạo: Chỉ đạo ...')
    re.compile(rf"(?<=[.;:])\s+(?=Đối với [^.;:]{{3,100}}:\s+[{_UP}])"),
    # '(1) Tổ chức ...' list items (and '1) Sở Y tế ...', 'Nhiệm vụ 2: ...': _MARK_BREAKS)
    re.compile(rf"(?<=\S)\s+(?=\(\d{{1,2}}\)\s+[{_UP}])"),
    # a resolution's or decision's article ('... QUYẾT NGHỊ: Điều 1. Ban hành ...')
    _INLINE_ARTICLE,
    # a dash or plus bullet after the end of a sentence (an ellipsis closing a list too: '... vật nuôi… - Thường
    # xuyên ...') or a heading's colon
    re.compile(rf"(?<=[.;:…])\s+(?=[-–+•]\s+[{_UP}])"),
    # a labelled line ('- Đơn vị phối hợp: ...', '- Thời gian thực hiện: ...') after a name
    re.compile(r"(?<=\S)\s+(?=[-–+]\s+(?:Cơ quan|Đơn vị|Thời gian|Thời hạn|Chủ trì|Phối hợp|Sản phẩm|Kinh phí)[^:.;]{0,40}:)"),
    # a label that opens a line of its own ('Cơ quan chủ trì: Sở Y tế', 'Thời gian hoàn thành: Quý II/2025')
    # (not after a bare letter or number that introduces it: 'a) Cơ quan chủ trì: ...' stays one line); also a
    # label cut off by the end of the text (an excerpt)
    re.compile(rf"(?<=[^\s+•–-])(?<!\s[a-zđ]\))(?<!\s[a-zđ]\.)(?<!\s\d\.)(?<!\(\d\))(?<!\d\))\s+(?=(?:{_LABELS})\s*(?::|$))"),
    # the footer and the signature block ('Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'), and the end
    # mark './.' closing a document's body
    re.compile(r"(?<=\S)\s+(?=Nơi nhận\s*:)"),
    re.compile(rf"(?<=\S)\s+(?=(?:TM|KT|TL|TUQ|Q)\.\s*[{_UP}]{{2,}}\s)"),
    re.compile(r"(?<=\./\.)\s+"),
    # a horizontal rule ('---', '___', '===') standing between two parts (before an annex): a break, dropped
    re.compile(r"\s+[-_=]{3,}(?=\s|$)"),
    _PART_BREAK,
    # an annex: 'PHỤ LỤC' in capitals, then a numeral, its capitalised title or its table
    re.compile(rf"(?<=\S)\s+(?=PHỤ\s+LỤC(?:\s+(?:[IVX]{{1,4}}|\d{{1,2}}))?\b(?:\s+[{_UP}(*|{TABLE_MARK}]|\s*$))"),

]
# items whose marks are rarer, found by the mark first and the words before it checked then (cheaper than look-behinds
# tried at every space): 'a. Sở Y tế ...' (not a law's point: 'điểm a. ...'); an item numbered in words ('Mục 1. Công
# tác ...', 'Nhiệm vụ 2: Giám sát ...', 'Hoạt động 1. Tập huấn ...'), not one referred to ('theo Mục 2. ...'); '1) Sở Y
# tế ...', an item numbered with a bracket (not after a number's words: 'khoản 2) ...')
_MARK_BREAK = re.compile(rf"\s+(?=([a-zđ]\.\s+[{_UP}])|((?:Mục|Nhiệm vụ|Hoạt động)\s+\d{{1,2}}\s*[.:)]\s+[{_UP}])|"
                         rf"(\d{{1,2}}\)\s+[{_UP}]))")
_MARK_BEFORE = (re.compile(r"(?:điểm|Điểm|khoản)$"), re.compile(r"(?<![\wÀ-ỹ])(?:tại|theo|của|và)$"),
                re.compile(r"(?:[\d/,(]|(?<![\wÀ-ỹ])(?:" + "|".join(re.findall(r"\(\?<!([^)]+)\)", _NOT_BEFORE_NUM)) + r"))$"))


def _mark_breaks(body: str) -> str:
    def cut(m: re.Match[str]) -> str:
        before = _MARK_BEFORE[next(i for i in range(3) if m.group(i + 1))]
        if m.start() == 0 or body[m.start() - 1].isspace() or before.search(body, max(0, m.start() - 12), m.start()):
            return m.group(0)
        return "\n\n"

    return _MARK_BREAK.sub(cut, body)


_HEADER_BREAKS = [
    _PART_BREAK,
    re.compile(r"\s*[-_=]{3,}\s*"),
    re.compile(r"(?<=\S)\s+(?=C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI|Độc lập\s*[-–]\s*Tự do|Số\s*:\s*[\d/ ])"),
    re.compile(r"(?<=\S)\s+(?=KẾ\s+HOẠCH\b)"),
]
_PLACE_DATE = re.compile(rf"(?<=[/\w-])\s+(?=[{_UP}][\wÀ-ỹ .'-]{{1,30}}?,\s*ngày\b)")


_ITEM_AT = re.compile(r"(\d{1,2})\.\s")
_INLINE_NEXT = re.compile(rf"(?<=\S){_NOT_BEFORE_NUM}\s+(\d{{1,2}})\.\s+(?=[{_UP}])")


def _next_items(body: str) -> str:
    """Items of a section are numbered 1., 2., 3. ... in order: the next number run into a paragraph
    after a figure or a stray page number ('... Trang 7 7 6. Sở Xây dựng') starts the next item."""
    pars, last = body.split("\n\n"), 0
    out: list[str] = []
    for par in pars:
        if par[:1] in "IVX" and re.match(r"[IVX]{1,4}\.\s", par):
            last = 0
        m = _ITEM_AT.match(par)
        if m:
            last = int(m.group(1))
        while last:
            nxt = next((x for x in _INLINE_NEXT.finditer(par) if int(x.group(1)) == last + 1), None)
            if nxt is None:
                break
            out.append(par[: nxt.start()])
            par, last = par[nxt.start(1):], last + 1
        out.append(par)
    return "\n\n".join(out)


def _split_title(head: str) -> str:
    """'KẾ HOẠCH TRIỂN KHAI ... ĐƯỜNG BỘ Thực hiện Quyết định ...': the all-capitals title ends
    at the first word with a lower-case letter."""
    k = head.find("KẾ HOẠCH")
    if k < 0:
        return head
    words = head[k:].split(" ")
    for i, w in enumerate(words[2:], 2):
        if w[:1].isupper() and any(c.islower() for c in w[1:]):
            rest = " ".join(words[i:])
            # a title in lower case ('KẾ HOẠCH Tổ chức ngày hội ... Thực hiện Quyết định số ...'): it ends
            # before the preamble's opening words, capitalised again
            pre = _PREAMBLE.search(rest, 0, 400)
            if pre:
                rest = rest[: pre.start()] + "\n\n" + rest[pre.end():]
            return head[:k] + " ".join(words[:i]) + "\n\n" + rest
    return head


_PREAMBLE = re.compile(r"(?<=[\wÀ-ỹ)]) (?=(?:Thực hiện|Căn cứ|Nhằm|Để)\s)")


# Markdown's marks ('**I. MỤC ĐÍCH**', '## II.', a table's '|' and '| --- |' rows): in text whose line
# breaks are lost they carry no structure any more and stand between a numeral and the space before it
# (written so that every branch opens with a character or a class, the look-behinds after it: the engine rules
# a branch out on its first character instead of running each look-behind at every position of the text; the
# same matches as '\*\*|__|(?<!\S)\*(?=\S)|(?<=\S)\*(?!\S)|(?<!\S)#{1,6}(?=\s)|\s*\|(?:\s*:?-{3,}:?\s*\|)*')
_MARKUP = re.compile(r"\*(?:\*|(?<!\S\*)(?=\S)|(?<=\S\*)(?!\S))|__|#(?<!\S#)#{0,5}(?=\s)"
                     r"|\|(?:\s*:?-{3,}:?\s*\|)*|\s\s*\|(?:\s*:?-{3,}:?\s*\|)*")


# a Word file converted to markdown escapes its marks ('1\.', '\-', '\+', '\_'; a cell's '<br>'): once the line
# breaks are lost they stand mid-line, where the reader's own unescaping (at a line's start) does not see them
_ESCAPED = re.compile(r"\\(?=[-+.)•_*#])|<br\s*/?>")


def _unmarked(text: str) -> str:
    if "\\" in text or "<br" in text:
        text = _ESCAPED.sub(lambda m: "" if m.group(0) == "\\" else " ", text)
    return _MARKUP.sub(" ", text)


# (or a pipe table with its separator row: a short plan that is a task table, pasted as one run)
_PIPE_TABLE_HEAD = re.compile(r"\|\s*(?:STT|TT|Số TT)\s*\|", re.I)


def lost_breaks(text: str) -> bool:
    """The text's headings run into the paragraphs before them: numbering found inside lines
    (Roman sections with all-capitals titles) but hardly ever at the start of a line."""
    head = text[:20000]  # the layout shows in the first pages; scanning a whole long plan is wasted time
    if "**" in head or "#" in head or "|" in head:
        head = _unmarked(head)
    at_start = count_at_line_starts(_LINE_MARK, head)  # (len(_LINE_MARK.findall(head)), jumping between newlines)
    if at_start >= 8:
        return False
    # (a decision's or resolution's articles are its sections: 'QUYẾT NGHỊ: Điều 1. ...' run on is a lost break too)
    inline = len(_INLINE_ROMAN.findall(head)) + (len(_MIDLINE_ARTICLE.findall(head)) if "Điều" in head else 0)
    if not inline:
        inline = len(_INLINE_PART.findall(head))
    items = len(_INLINE_ITEM.findall(head))
    if len(head) > 1500 and head.count("\n") * 400 < len(head):
        # hardly a line break at all (a page's text copied as one run): lost, Roman sections or not (a plan
        # numbered 1., 2. only; a resolution's 'Điều 2.'; a cut; a plan numbering nothing) — unless its few
        # breaks are its paragraphs' own: long paragraphs, each line of them ending a sentence
        return at_start < 3 and not own_paragraphs(text[:20000])
    if "\n" not in head.strip() and (inline + items >= 1 or ("| --- |" in text[:20000] and _PIPE_TABLE_HEAD.search(text, 0, 20000))):
        # one line holding numbered sections: a short text pasted as one run (a page's first lines, a cut)
        return True
    if at_start == 0 and inline >= 1 and inline + items >= 2:
        # a short paste wrapped at a page's width: its lines end anywhere, not one of them opens with a numbered heading
        return True
    if inline < 1 and items >= 3 and at_start < 3 and wrapped(head):
        # a plan numbered 1., 2., a), b) only, copied at a page's width: its items all inside its lines
        return True
    if inline < 1 or inline + items < 3:
        return False
    return at_start < max(3, inline)


# a passage quoted from a law between curly quotes ('... tại khoản 4 Điều 8 Luật X “4. Ủy ban nhân dân cấp tỉnh
# ...: b) Quy định ...”'): its own numbering is the law's, not the plan's; its spaces are kept from every break
_QUOTED = re.compile(r"“[^“”\n]{1,600}”")
_KEEP = "\ue000"


# a heading naming a body, unnumbered, over its duties in bullets, after the sentence before it ('... Kế hoạch. Sở Tài
# chính: - Bố trí ...')
# (not the dot of an item's own number: '1. Sở Nội vụ: - ...' is a numbered heading)
_BODY_HEADING = re.compile(rf"(?<=[.;])(?<!\s\d\.)(?<!\s\d\d\.)(?<!\.\d\.)(?<!\s[IVX]\.)(?<![IVX][IVX]\.)[ ]+"
                           rf"(?=([{_UP}][^.;:\n]{{2,80}}):[ ]*(?:\n\n)?[-–+•][ ])")
# an annex captioned 'Phụ lục' and its number, then its title in capitals ('Phụ lục 1 NHIỆM VỤ TUYÊN TRUYỀN'): the
# caption a line of its own, as a plan lays it out
_ANNEX_CAPTION = re.compile(rf"\s+(Phụ lục\s+(?:[IVX]{{1,4}}|\d{{1,2}}))\s+(?=[{_UP}]{{2,}}\s+[{_UP}]{{2,}})")
_PART = re.compile(rf"[A-D]\.\s+[{_UP}]{{2,}}\s")
# an item numbered in words ('Mục 1. Công tác tuyên truyền Sở X chủ trì ...'): its number and title read as a numbered
# item's
_WORDED = re.compile(r"(?:Mục|MỤC|Nhiệm vụ|Hoạt động) (?=\d{1,2}\.\s)")
# a heading naming a body with no number over its duties ('Đối với Phòng Giáo dục và Đào tạo:' / 'Chỉ đạo ...')
_FOR_BODY = re.compile(rf"^(Đối với (?:các )?[{_UP}][^.;:\n]{{2,100}}:)\s+(?=[{_UP}])", re.M)


def restore_breaks(text: str) -> str:
    """Put a line break (a blank line) before every numbered heading, item and bullet, and split
    the header's parts; the original line breaks are treated as spaces."""
    flat, tables = pipe_tables(" ".join(text.split()))
    flat = " ".join(_unmarked(flat).split())
    # the header ends at the first Roman section, or at a resolution's first article, or (a plan numbered
    # 1., 2. only) at its first item after a sentence's end
    first = re.search(r" I\.\s+[A-ZĐ]", flat)
    if not first:  # a text starting past its first section (an excerpt): the first Roman section in capitals
        first = re.search(rf" [IVX]{{1,4}}\.\s+[{_UP}]{{2,}}[\s,]", flat)
    if not first:  # parts lettered in capitals above unnumbered sections: 'A. MỤC ĐÍCH, YÊU CẦU ... B. TỔ CHỨC ...'
        first = re.search(rf"(?<=[.:;]) A\.\s+[{_UP}]{{2,}}[\s,](?=.{{20,}}? B\.\s+[{_UP}]{{2,}}[\s,])", flat)
    article = re.search(r"(?<=[.:;]) (?=Điều\s+1\.\s)", flat, 0)
    if article and (not first or article.start() < first.start()):
        first = article
    if not first:
        first = re.search(rf"(?<=[.:;]) (?=1\.\s+[{_UP}])", flat)
    if not first and (title := _TITLE.search(flat, 0, 3000)):
        # a plan numbering nothing: its header ends with the first sentence after its title
        first = re.compile(r"(?<=[.:]) ").search(flat, title.end())
    head_end = first.start() if first else -1
    head, body = (flat[:head_end], flat[head_end:].lstrip()) if head_end > 0 else ("", flat)
    for rx in _HEADER_BREAKS:
        head = rx.sub("\n\n", head)
    head = _PLACE_DATE.sub("\n\n", head, count=1)
    head = _split_title(head)
    body = _QUOTED.sub(lambda m: m.group(0).replace(" ", _KEEP), body)
    body = run_tables(body, tables)  # (a task table pasted as one run: out before its rows' numbers read as items)
    for rx in _BREAKS:
        body = rx.sub("\n\n", body)
    body = _mark_breaks(body)
    if "Phụ lục" in body:
        body = _ANNEX_CAPTION.sub("\n\n\\1\n\n", body)
    if ":" in body:
        body = _BODY_HEADING.sub(lambda m: "\n\n" if HEAD.match(m.group(1)) and find_verb(m.group(1)) is None else m.group(0), body)
    body = "\n\n".join(dotless_subitems(_next_items(next_sections(body)).split("\n\n")))
    body = "\n\n".join(_split_bullets(p[:w.end()] + _split_heading(p[w.end():])) if (w := _WORDED.match(p)) else
                       _split_bullets(_split_heading(p)) if _MARKED.match(p) else
                       _split_bullets(_CAPS_TITLE_END.sub(r"\1\n\n", p, count=1)) if _PART.match(p) else
                       _split_bullets(p) for p in body.split("\n\n"))
    body = _FOR_BODY.sub(r"\1\n\n", body)  # ('Đối với Phòng X:' / its duties: the heading on a line of its own)
    pars = [p for p in body.split("\n\n") if any(c.isalnum() for c in p)]  # ('* *' left of a page's rule)
    pars = flat_tables(pars, tables)
    body = "\n\n".join(split_duties(pars, section_end=_closing_ends(pars)))
    out = (head + "\n\n" + body.lstrip()).strip().replace(_KEEP, " ") + "\n"
    for k, rows in enumerate(tables):  # the tables kept whole, each on lines of its own
        out = out.replace(f"{TABLE_MARK}{k}{TABLE_MARK}", f"\n\n{rows}\n\n")
    return out


REFLOWED = "Văn bản mất ngắt dòng (dán từ trang web): đã tách lại các mục theo số thứ tự — kiểm tra lại các mục"


def prepare(text: str) -> tuple[str, list[str]]:
    """The text to parse and what was done to it (warnings)."""
    notes: list[str] = []
    text, note = strip_wrapper(text)
    if note:
        notes.append(note)
    dashed = dash_numbering(text)
    if dashed is not None:
        text = dashed
        notes.append("Các mục đánh số kiểu 'I-', 'I/', '1-', '1/': đã đọc như 'I.', '1.' — kiểm tra lại")
    if lost_breaks(text):
        text = restore_breaks(text)
        notes.append(REFLOWED)
    elif "TT" in text:
        text = line_tables(text)  # (a table that lost its grid, not its lines)
    return text, notes
