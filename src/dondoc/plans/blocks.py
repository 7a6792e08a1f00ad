"""From raw text lines to blocks: paragraphs (wrapped lines joined) and tables.

Three table forms are recognised: markdown pipe tables (`| a | b |`), the flattened form that
HTML-to-markdown converters produce (each cell on its own lines between lines holding a single
`|`, rows separated by an empty cell), and tables read from .docx files (built directly).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dondoc.plans.bodies import HEAD, leading_body
from dondoc.plans.emphasis import _balanced_emphasis, _open_bold, _open_italic
from dondoc.plans.gazetteer import continues_name
from dondoc.plans.linetable import CANONICAL, is_bare_header, plain_header, read_rows, run_rows
from dondoc.plans.text import ANNEX_CAPTION, SIGN_OFF, clean, strip_markup, unescape_marks


@dataclass
class Paragraph:
    text: str  # markup removed, whitespace collapsed
    heading: bool = False  # markdown heading, or a paragraph that is bold/italic as a whole
    line: int = 0  # 1-based line of the source where it starts (0 when unknown)


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)  # cells keep their inner newlines
    line: int = 0
    rebuilt: bool = False  # put back together from text whose grid was lost (plans.gridless)


Block = Paragraph | Table

_LEAD_MARKUP_CHARS = " \t\n\r\f\v\u00a0*#_>"
ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
UPPER = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"  # Vietnamese capitals
_MARKER = re.compile(
    rf"^(?:{ROMAN}|[A-Z])[.)][*_]{{0,2}}\s"  # I.  II.  A.  (the number alone in bold: '**1.** Sở Y tế ...')
    r"|^\d{1,2}(?:\.\d{1,2})+\.?[*_]{0,2}(?:\s|$)"  # 2.1  2.1.  1.2.3
    r"|^\d{1,2}[.)][*_]{0,2}(?:\s|$)"  # 1.  2)
    r"|^[a-zđ][)]\s"  # a)  đ)
    rf"|^[a-zđ]\.\s+[*_]{{0,2}}[{UPPER}]"  # a. Tuyên truyền  (a capital after, unlike 'v.v.')
    r"|^\(\d{1,2}\)\s"  # (1)  (2)
    r"|^[-–+•·∙▪●○◦]\s*\S"  # bullets
    r"|^\*\s"  # markdown bullet
    r"|^(?:Hoạt động|HOẠT ĐỘNG|Nhiệm vụ|NHIỆM VỤ)\s+\d{1,2}(?:\s*[.:)–-]|\s*$)"  # Hoạt động 2: ...
    r"|^Điều\s+\d{1,2}\s*[.:]"  # Điều 3. (an article of a resolution or decision)
    r"|^(?:Mục|MỤC)\s+(?:[IVX]{1,4}|\d{1,2})\s*[.:]\s"  # Mục 2. / Mục II. (a section numbered in words)
)
_NUMBERED = re.compile(rf"^(?:{ROMAN}|[A-Z])[.)][*_]{{0,2}}\s|^\d{{1,2}}(?:\.\d{{1,2}})*[.)]?[*_]{{0,2}}(?:\s|$)|^[a-zđ][)]\s|^[a-zđ]\.\s+[*_]{{0,2}}[{UPPER}]|^(?:Hoạt động|HOẠT ĐỘNG|Nhiệm vụ|NHIỆM VỤ)\s+\d{{1,2}}\s*[.:)–-]"
                       r"|^(?:Mục|MỤC)\s+(?:[IVX]{1,4}|\d{1,2})\s*[.:]\s")  # ('Hoạt động 2:', 'Mục 2.' in words)
_TERMINAL = re.compile(r"(?:[.:;!?…]|\./\.)[\"”’)\]]?$")
_TASK_START = re.compile(
    r"^(?:Chủ trì|Phối hợp|Tham mưu|Là cơ quan|Căn cứ|Thực hiện|Triển khai|Tổ chức|Xây dựng|"
    r"Hướng dẫn|Chỉ đạo|Theo dõi|Đôn đốc|Kiểm tra|Tăng cường|Đẩy mạnh|Tiếp tục|Cơ quan|Đơn vị|Thời gian|"
    r"Bố trí|Bảo đảm|Đảm bảo|Giúp|Rà soát|Tổng hợp|Nghiên cứu|Chủ động|Khẩn trương|Tập trung|Chịu trách nhiệm|Có trách nhiệm)\b"
)
_LABEL_LINE = re.compile(r"^(?:Thời gian|Thời hạn|Cơ quan|Đơn vị)[^:.;]{0,30}:")


# a list marker written with markdown escapes by a Word-to-markdown converter ('2\. Sở Y tế', '\- Tổ chức ...')
_ESCAPE = re.compile(r"\\(?=[-+.)])")


def _unescaped(line: str) -> str:
    """The line with the escapes of its opening marker removed ('2\\.' -> '2.', '\\-' -> '-')."""
    return _ESCAPE.sub("", line[:8]) + line[8:] if "\\" in line[:8] else line


def _marker_text(line: str) -> str:
    return _unescaped(line.lstrip(_LEAD_MARKUP_CHARS))  # what _LEAD_MARKUP removes, without a regex call


def is_marker_line(line: str) -> bool:
    s = _unescaped(line.lstrip())
    if s.startswith("* ") or s.startswith("- ") or s.startswith("+ "):
        return True
    return bool(_MARKER.match(_marker_text(s)))


def _first_char(s: str) -> str:
    s = _marker_text(s)
    s = s.lstrip("\"“‘'([")
    return s[:1]


_LONE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?$")


class _Cur:
    """The paragraph being built, with what the break decision needs kept up to date line by
    line (re-joining and re-stripping the whole paragraph at every line was quadratic)."""

    __slots__ = ("_counted", "_letters", "_raw", "_uppers", "lines")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._counted = 0
        self._letters = 0
        self._uppers = 0
        self._raw: str | None = None

    def append(self, line: str) -> None:
        self.lines.append(line)
        self._raw = None

    def case_counts(self) -> tuple[int, int]:
        """(letters, upper-case letters) of the paragraph, counted once per line when asked."""
        for line in self.lines[self._counted :]:
            self._letters += sum(map(str.isalpha, line))
            self._uppers += sum(map(str.isupper, line))
        self._counted = len(self.lines)
        return self._letters, self._uppers

    @property
    def raw(self) -> str:
        if self._raw is None:
            self._raw = " ".join(self.lines)  # lines are stored stripped
        return self._raw

    def plain_tail(self) -> str:
        """strip_markup of the paragraph, exact at its end (only the last lines are stripped)."""
        for k in (1, 3):
            tail = strip_markup(" ".join(self.lines[-k:]))
            if tail and (k >= len(self.lines) or len(tail) > 2):
                return tail
        return strip_markup(self.raw)


_HEADER_LINE = re.compile(
    r"(?:Số\s*:\s*[\w./-]*/[\w.-]+\s*\**$"
    r"|[A-ZĐÀ-Ỹ][\wÀ-ỹ .'-]{1,40}?,\s*ngày\b[^.;]{0,30}?năm\s+(?:19|20)\d{2}\W*$"
    r"|KẾ\s*HOẠCH\W*$"
    r"|C[ỘO]NG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM\W*$"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc\W*$)"
)
def _is_header_line(line: str) -> bool:
    if "Số" not in line and "ngày" not in line and "HOẠCH" not in line and "NGHĨA" not in line and "Độc" not in line:
        return False
    return bool(_HEADER_LINE.match(_marker_text(line)))


_CONT_DASH = re.compile(r"^[-–]\s+[a-zđăâêôơưàáảãạ]")


# words a heading never ends with: a line ending with one goes on in the next line
_JOINING_WORDS = frozenset(
    ["với", "và", "của", "cho", "các", "những", "tại", "theo", "về", "để", "trong", "từ", "đến", "là", "được", "bằng", "hoặc", "cùng", "như", "gồm"]
)
_NOUN_END = re.compile(r"(?:mặt|đồng|công|cân)\s+bằng$", re.I)  # ('Chuẩn bị mặt bằng': a noun, not 'bằng' = by)
_WRAPPED_NUMBER = re.compile(r"^\d{1,2}\.\s+\S")
# a heading line ending with the words that ask bodies to act ('Đề nghị', 'Giao cho'): the bodies follow
# ('Yêu cầu' is left out: '2. Yêu cầu' is the usual heading of a plan's requirements)
_ASKING_ENDS = frozenset(["nghị", "Giao", "giao", "cho", "khích"])
_OPENS_CLAUSE = re.compile(r"[\s*#_>]*\d{1,2}(?:\.\d{1,2})*[.)]?[*_\s]+(?:Trong quá trình|Quá trình (?:tổ chức |triển khai )?thực hiện|"
                           r"Trên cơ sở|Sau khi|Nếu|Trường hợp)\b")
_LEVELS = (" tỉnh", " huyện", " xã", " phường", " thành phố", " quận", " thị xã", " thị trấn")
_PLACE_LINE = re.compile(rf"^[{UPPER}][\wÀ-ỹ]*(?:\s+[{UPPER}][\wÀ-ỹ]*){{0,3}}\s*[:.;]?$")
_TASK_LINE = re.compile(r"\bchủ trì,|\bphối hợp với\b")  # (a heading names a body, a task's sentence goes on)
_ASKS_END = re.compile(r"(?:yêu cầu|đề nghị|giao|như sau|sau đây|cụ thể|gồm)\s*:\s*$", re.I)
_ENDS_ASKING = re.compile(r"(?:^|\s)(?:Giao(?: cho)?|Đề nghị|Kính đề nghị|Khuyến khích)$", re.IGNORECASE)


def _should_break(cur: _Cur, nxt: str, blank_between: bool, prev_full: bool = False, blank_separated: bool = False) -> bool:
    # Long on purpose: the cases where a paragraph ends, in the order they are decided.
    raw_next = _unescaped(nxt.strip())
    lines = cur.lines
    if raw_next.startswith("#") or lines[0].lstrip().startswith("#"):
        return True
    # where paragraphs are separated by blank lines, '1. Cấp ngay ...' straight after a line that
    # stops mid-sentence ('... ưu tiên các địa bàn cấp độ') is the wrapped end of that sentence
    if blank_separated and not blank_between and raw_next[:1].isdigit() and _WRAPPED_NUMBER.match(raw_next):
        tail = cur.plain_tail()
        last = tail.split()[-1] if tail.split() else ""
        if len(cur.raw) > 60 and last[:1].islower() and last[-1:].isalpha() and not cur.raw.rstrip().endswith("*"):
            return False
    # header lines stand alone: 'Số: 12/KH-UBND', 'Quan Hoá, ngày ... năm 2024', 'KẾ HOẠCH'
    if len(lines) <= 3 and (_is_header_line(lines[-1]) or _is_header_line(raw_next)):
        return True
    # a line bold (or italic) as a whole after a blank line is a heading of its own ('**PHỤ LỤC**'
    # under the signature block of a PDF)
    if blank_between and raw_next[:1] == "*" and _balanced_emphasis(raw_next):
        return True
    plain_cur = cur.plain_tail()
    first = _first_char(raw_next)
    nxt_plain = _marker_text(raw_next)
    # a dash that continues a wrapped "chính trị - xã hội" is not a bullet
    end = plain_cur[-6:]  # _TERMINAL is anchored at the end: searching the whole line was wasted work
    if _CONT_DASH.match(raw_next) and not _TERMINAL.search(end):
        return False
    # a dash at the start of a hard-wrapped line inside an unfinished sentence joins two names
    # ("... của Công an thành phố / - Thường trực tham mưu ..."): not a bullet
    if (prev_full and raw_next[:2] in ("- ", "– ") and not _TERMINAL.search(end) and not end.endswith(",")
            and not (len(lines) == 1 and is_marker_line(lines[0]))):  # a numbered heading's bullets stay bullets
        return False
    # ('Phụ lục 1' on a line of its own: a caption, unless it ends a hard-wrapped line of a sentence '... tại' / 'Phụ lục 1')
    if is_marker_line(raw_next) or SIGN_OFF.match(raw_next) or ((blank_between or not prev_full) and ANNEX_CAPTION.match(raw_next)):
        return True
    if blank_between and len(lines) == 1 and ANNEX_CAPTION.match(lines[0].strip()):
        return True  # 'Phụ lục 02' / '' / 'KẾ HOẠCH THỰC HIỆN ...': the annex's caption, its title below
    raw = cur.raw
    if _balanced_emphasis(raw):
        return True
    if len(lines) < 6 and (_open_bold(raw) or (raw[:1] == "*" and _open_italic(raw))):
        return False
    if not plain_cur:
        return True
    if len(lines) == 1 and _LONE_NUMBER.match(plain_cur) and first.isupper():
        return False  # '*2.3.' / 'Công an tỉnh*': a heading's number wrapped away from its words
    if _TERMINAL.search(end):
        if (prev_full and first.isupper() and not _NUMBERED.match(nxt_plain) and not _LABEL_LINE.match(nxt_plain)
                and not (len(nxt_plain) < 120 and nxt_plain.rstrip().endswith(":") and not _ASKS_END.search(nxt_plain))):
            # a hard-wrapped line that happens to end a sentence (not before 'Thời gian hoàn thành: ...', nor before a
            # short line introducing what follows: 'Sở Nội vụ:', 'Đối với Phòng Giáo dục và Đào tạo:')
            return False
        return not (first.islower() or (first.isdigit() and not blank_between))
    if plain_cur.endswith(",") or plain_cur[-1] in "-–(/&":
        return False
    if first.islower() or first.isdigit():
        return False
    # upper-case start after an unterminated line: a heading followed by its text, or a proper
    # noun wrapped in the middle ("huyện Hoằng / Hoá")
    if len(raw) < 40 and strip_markup(raw) == "KẾ HOẠCH":
        return True
    letters, uppers = cur.case_counts()
    if letters > 3 and uppers > 0.9 * letters:
        nxt_letters = [c for c in nxt_plain[:40] if c.isalpha()]
        if nxt_letters and sum(c.islower() for c in nxt_letters) > 0.3 * len(nxt_letters):
            return True  # an all-capitals heading followed by ordinary text
    if (blank_between and 1 < len(lines) <= 3 and _TASK_START.match(nxt_plain) and _NUMBERED.match(_marker_text(lines[0].lstrip()))
            and plain_cur.rsplit(None, 1)[-1].lower() not in _JOINING_WORDS):
        return True  # '9. Báo và' / 'phát thanh, truyền hình tỉnh' / '' / 'Xây dựng các phóng sự ...': a wrapped heading, its text below
    if len(lines) == 1 and (_NUMBERED.match(_marker_text(lines[0].lstrip())) or lines[0].lstrip().startswith("**")):
        if _OPENS_CLAUSE.match(lines[0], 0, 60):
            return False  # '3. Trong quá trình thực hiện' / 'Kế hoạch này, nếu ...': a sentence wrapped (no heading opens so)
        if plain_cur.endswith(_LEVELS) and _PLACE_LINE.match(nxt_plain):
            return False  # '9. Đề nghị Hiệp hội ... tỉnh' / 'Ninh Bình': the place's name wrapped
        if _TASK_START.match(nxt_plain):
            return True
        last = plain_cur.split()[-1] if plain_cur.split() else ""
        if last.lower() in _JOINING_WORDS and not _NOUN_END.search(plain_cur):
            return False  # '**15.** Báo ... chủ động phối hợp với' / 'Sở Khoa học ...': one sentence
        if continues_name(plain_cur, nxt_plain):
            return False  # '3. Đề nghị Ủy ban Mặt trận' / 'Tổ quốc Việt Nam tỉnh ...': one name
        if last in _ASKING_ENDS and _ENDS_ASKING.search(plain_cur):
            return False  # '8. Đề nghị' / 'Liên minh Hợp tác xã tỉnh, ...': the bodies asked are the heading's
        if prev_full and _TASK_LINE.search(plain_cur):
            return False  # 'a) Giao Phòng X chủ trì, ... tổ chức' / 'Diễn đàn trẻ em ...': a task's sentence hard-wrapped
        if not HEAD.match(last) and leading_body(nxt_plain[:200]):
            return True  # '1. Xây dựng Nghị định ... Luật' / 'Bộ Tư pháp chủ trì ...': the task's own sentence
        if last.endswith(")") and plain_cur.count("(") == plain_cur.count(")"):
            return True  # '1. Tổng hợp số liệu (Quý III/2025)': a heading closed by its bracketed note
        return not last[:1].isupper()
    return False


from dondoc.plans import gridless, layoutgrid, raggedpipe  # noqa: E402 (they read bodies / ROMAN, neighbours of this module)
from dondoc.plans.rowtext import _RULE_LINE, _RULE_TEXT, _drop_page_marks, _flattened_rows, _pipe_row  # noqa: E402 (rowtext uses ROMAN above)


def build_blocks(text: str, *, reflowed: bool = False) -> list[Block]:
    # Long on purpose: one pass over the lines; the cases are the layout's rules and their order matters.
    # (`reflowed`: the text's breaks were put back one paragraph a line (plans.reflow): no line is a hard-wrapped one)
    if "\\" in text:
        text = unescape_marks(text)
    lines = _drop_page_marks(text.split("\n"))
    lengths = sorted(len(x.rstrip()) for x in lines if x.strip() and x.strip() != "|" and x != "\x00")
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    blanks = sum(1 for x in lines if not x.strip() and x != "\x00")
    blank_meaningless = blanks >= 0.6 * max(1, len(lengths)) and not reflowed
    blank_separated = reflowed or (not blank_meaningless and blanks >= 0.15 * max(1, len(lengths)))
    blocks: list[Block] = []
    cur = _Cur()
    cur_start = 0
    blank = False
    prev_len = 0

    def flush() -> None:
        nonlocal cur
        if cur.lines:
            raw = cur.raw
            heading = raw.lstrip().startswith("#") or _balanced_emphasis(raw)
            txt = strip_markup(raw)
            if txt and not _RULE_TEXT.fullmatch(txt):
                blocks.append(Paragraph(txt, heading, cur_start))
        cur = _Cur()

    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line == "\x00":
            i += 1  # a page marker (see _drop_page_marks)
            continue
        s = line.strip()
        if s == "|":
            flush()
            start = i
            tokens: list[str] = []
            cell: list[str] = []
            i += 1
            while i < n:
                s2 = lines[i].strip()
                if s2 == "|":
                    tokens.append("\n".join(cell))
                    cell = []
                    if i + 1 >= n or not lines[i + 1].strip():
                        i += 1
                        break
                else:
                    cell.append(s2)
                i += 1
            if cell:
                tokens.append("\n".join(cell))
            rows = _flattened_rows(tokens)
            if rows:
                blocks.append(Table(rows, start + 1))
            blank = True
            continue
        row = _pipe_row(line)
        if row is not None:
            flush()
            start = i
            lost = gridless.read(lines, i) if row and row[0].strip(" *").upper() in ("STT", "TT", "SỐ TT", "SỐ THỨ TỰ", "") else None
            if lost is None and row:
                lost = raggedpipe.read(lines, i)  # rows broken over several pipe lines
            if lost is not None:  # a PDF table whose grid was lost: rows put back together
                blocks.append(Table(lost[0], start + 1, rebuilt=True))
                i, blank = lost[1], True
                continue
            rows = []
            while i < n:
                r = _pipe_row(lines[i])
                if r is None:
                    break
                if r:
                    rows.append(r)
                i += 1
            if is_bare_header(rows) and i < n and lines[i].strip():
                got, after = read_rows(lines, i, rows[0])  # the body's cells one per line below it
                if len(got) > 1:
                    rows, i = got, after
            elif is_bare_header(rows) and (run := run_rows(lines, i, rows[0])) is not None:
                rows, i = run  # rows whose cells ran together, a paragraph each (a table pasted as one run)
            if rows:
                blocks.append(Table(rows, start + 1))
            blank = True
            continue
        if not s:
            blank = True
            i += 1
            continue
        if s[:3].upper() in ("STT", "TT", "TT ", "SỐ ") or s[:2].upper() == "TT":
            # a table printed by `pdftotext -layout` (words at their columns' x), else cells run together
            lost = layoutgrid.read(lines, i) or gridless.read(lines, i)
            if lost is not None:  # a task table flattened to lines whose cells ran together
                flush()
                blocks.append(Table(lost[0], i + 1, rebuilt=True))
                i, blank = lost[1], True
                continue
        after_header = plain_header(lines, i) if len(s) <= 12 else None
        if after_header is not None:
            # a task table flattened to plain lines, its header too: rows one cell (or a wrapped
            # cell) per line, each starting at its STT line
            got, after = read_rows(lines, after_header, CANONICAL)
            if len(got) > 1:
                flush()
                blocks.append(Table(got, i + 1))
                i, blank = after, True
                continue
        if blank and len(s) <= 3 and s.isdigit() and cur.lines:
            i += 1  # a page number left between two pages ('... Công an thành phố Huế' / '' / '11' / '- Chỉ đạo')
            continue
        if s[0] in "-_=*" and _RULE_LINE.fullmatch(s):  # horizontal rules under header lines
            flush()
            i += 1
            continue
        # hard-wrapped text (a PDF's lines) is 40-140 characters wide; longer lines are paragraphs
        prev_full = not reflowed and bool(cur.lines) and 40 <= width <= 140 and prev_len >= 0.85 * width and (not blank or blank_meaningless)
        if cur.lines and _should_break(cur, s, blank, prev_full, blank_separated):  # s is stripped
            flush()
        if not cur.lines:
            cur_start = i + 1
        cur.append(s)
        prev_len = len(line.rstrip())
        blank = False
        i += 1
    flush()
    return blocks


def cell_text(cell: str) -> str:
    return clean(strip_markup(cell.replace("\n", " ")))
