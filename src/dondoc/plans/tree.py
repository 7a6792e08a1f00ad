"""The numbering tree: Roman sections, numbered and lettered items, with the paragraphs and
tables that hang on each; per-task label items folded into their task; headings wrapped over two
lines joined; the issuer's closing words given to the whole section."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dondoc.plans.blocks import _JOINING_WORDS, ROMAN, UPPER, Block, Paragraph, Table
from dondoc.plans.labelblocks import fold_label_children, is_label_title
from dondoc.plans.runon import UNITS_REFER_BACK

_ROMAN_L = re.compile(rf"^({ROMAN})[.)]\s*(.*)$")
_CAP_L = re.compile(r"^([A-Z])[.)]\s+(.*)$")
_NUM_L = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?(?:\s+|$)(.*)$|^(\d{1,2})[.)](?:\s+|$)(.*)$")
# 'a) Tuyên truyền', also written 'a. Tuyên truyền' (then a capital follows, unlike 'v.v.')
_LET_L = re.compile(rf"^([a-zđ])(?:\)\s*|\.\s+(?=[*_]{{0,2}}[{UPPER}]))(.*)$")
_PAREN_L = re.compile(r"^\((\d{1,2})\)\s+(\S.*)$")
_ANNEX = re.compile(r"^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu)\b\s*(?:số\s*)?([IVX]+|\d+)?\b", re.I)
# also under a bullet of any style; not a reporting regime's label line ('- Nơi nhận báo cáo: Sở Nội vụ')
_FOOTER = re.compile(r"^(?:[-–+•]\s*)?Nơi nhận\b(?!\s+(?:báo cáo|hồ sơ|kết quả|số liệu)\b)", re.I)

@dataclass
class Node:
    ref: str
    kind: str  # cap | roman | num | letter
    title: str
    content: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    top_title: str = ""
    part_title: str = ""  # the title of the part above the Roman sections ('A. KẾT QUẢ ...', 'PHẦN I' / 'ĐÁNH GIÁ ...')


@dataclass
class Ctx:
    plan_year: int | None
    issued_on: dt.date | None
    warnings: list[str] = field(default_factory=list)
    issuer: str | None = None  # (the header's issuer: a later sentence giving it or a body above it work is no duty)


# 'Hoạt động 2', 'Nhiệm vụ 3: Tập huấn ...': an item of a list of activities, numbered in words
_ACT_L = re.compile(r"^(?:Hoạt động|HOẠT ĐỘNG|Nhiệm vụ|NHIỆM VỤ)\s+(\d{1,2})(?:\s*[.:)–-]\s*|\s*$)(.*)$")


# a part above the Roman sections, numbered in words: 'PHẦN I', 'PHẦN THỨ HAI: KẾ HOẠCH NĂM 2025', 'Phần II. ...'
PART_L = re.compile(r"^(?:PHẦN|Phần)\s+(?:[IVX]{1,4}|\d{1,2}|THỨ\s+[A-ZĐÀ-Ỹ]+|thứ\s+[a-zđà-ỹ]+)\b\s*[.:–-]?\s*(.*)$")


# 'Điều 2.' of a resolution or decision that carries the duties itself (no Roman sections)
ARTICLE_L = re.compile(r"^Điều\s+(\d{1,2})\s*[.:]\s*(.*)$")


# 'Mục 2. Kinh tế số', 'Mục II. NHIỆM VỤ': a section or an item numbered in words, read as its number alone
_MUC = re.compile(r"^(?:Mục|MỤC)\s+((?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*))\s*[.:)]\s+")


def unworded(text: str) -> str:
    """The label as a number: 'Mục 2. Kinh tế số' -> '2. Kinh tế số'; other text as it is."""
    m = _MUC.match(text) if text[:3] in ("Mục", "MỤC") else None
    return f"{m.group(1)}. {text[m.end():]}" if m else text


def _label(text: str, allow_cap: bool) -> tuple[str, str, str] | None:
    text = unworded(text)
    m = ARTICLE_L.match(text)
    if m:
        return "roman", f"Điều {m.group(1)}", m.group(2)
    m = _ACT_L.match(text)
    if m:
        return "act", m.group(1), m.group(2)
    m = _ROMAN_L.match(text)
    if m and m.group(1):
        return "roman", m.group(1), m.group(2)
    if allow_cap:
        m = _CAP_L.match(text)
        if m:
            rest = m.group(2)
            letters = [c for c in rest if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
                return "cap", m.group(1), rest
    m = _NUM_L.match(text)
    if m:
        if m.group(1):
            return "num", m.group(1), m.group(2)
        return "num", m.group(3), m.group(4)
    m = _LET_L.match(text)
    if m:
        return "letter", m.group(1), m.group(2)
    return None


# 'Ủy ban nhân dân tỉnh giao Giám đốc các sở, ... triển khai thực hiện ./.': after the last item of a
# section, the issuer's closing charge to everyone named
_TOPIC_ONLY = re.compile(r"^[^.;:,]{1,60}$")
# the closing's condition: a difficulty met or a change of the plan ('nếu có khó khăn, vướng mắc', 'nếu có phát sinh', 'nếu
# cần sửa đổi, bổ sung'), not an event of an item's own work ('nếu phát hiện ổ dịch, Trung tâm ... báo cáo ngay ...')
_TROUBLE = (r"nếu\b[^.]{0,40}?(?:khó\s+khăn|vướng\s+mắc|phát\s+sinh|bất\s+cập|chưa\s+phù\s+hợp|sửa\s+đổi|bổ\s+sung|"
            r"điều\s+chỉnh|vấn\s+đề)")
_CLOSING = re.compile(
    r"^(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)(?: (?:tỉnh|thành phố|xã|phường|huyện|thị xã))?[^,;:]{0,30}?\s(?:giao|yêu cầu|đề nghị)\s"
    r"|Trên đây là\b"
    # 'Yêu cầu các sở, ngành ... căn cứ ...', 'Trong quá trình thực hiện, nếu có khó khăn ...': said to
    # everyone at the end of the section, not a duty of the last body named above
    r"|(?:Yêu cầu|Đề nghị) các\b|Trong quá trình (?:tổ chức |triển khai )?(?:thực hiện|triển khai)\b[^.]{0,80}?,?\s*" + _TROUBLE + ")"
)

# a closing sentence at the end of the last item's paragraph (the lines of a text file joined: '... bảo vệ trẻ em.
# Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành ... phản ánh về Sở Y tế ...'): it is cut off
# and given to the section like a paragraph of its own
_CLOSING_TAIL = re.compile(r"(?<=\.)\s+(?=Trong quá trình (?:tổ chức |triển khai )?(?:thực hiện|triển khai)\b[^.]{0,80}?,?\s*" + _TROUBLE + ")")


# ('... Ủy ban nhân dân các xã tổ chức triển khai. Trong quá trình ..., nếu có khó khăn, đề nghị các đơn vị phản ánh
# ...': the bare 'các đơn vị' stands for the bodies the paragraph has just named; it stays with them)
_UNITS_REFER_BACK = UNITS_REFER_BACK


def _closing_tail(text: str) -> int:
    """Where a closing sentence ('Trong quá trình thực hiện, nếu ...') starts inside a paragraph that is not itself
    closing words, or 0."""
    if ". Trong quá trình" not in text or _CLOSING.match(text):
        return 0
    m = _CLOSING_TAIL.search(text)
    return m.end() if m and not _UNITS_REFER_BACK.search(text, m.end()) else 0


def _join_split_headings(blocks: list[Block]) -> list[Block]:
    """A numbered heading wrapped after its first words ('**1. Sở Nông nghiệp và**' /
    '**Môi trường**'; '**2. Ủy ban Mặt trận Tổ quốc**' / '**Việt Nam tỉnh:**'): one heading."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (isinstance(b, Paragraph) and isinstance(prev, Paragraph) and len(b.text) < 80 and len(prev.text) < 120
                and _label(b.text, False) is None and _label(prev.text, False) is not None
                and not prev.text.rstrip().endswith((".", ":", ";")) and b.text[:1] not in "-–+•*"
                and ((b.heading and prev.heading) or prev.text.split()[-1].lower() in _JOINING_WORDS)
                and (b.text[:1].isupper() or b.text.split()[0] in _JOINING_WORDS)  # '**1. Sở Văn hóa, Thể thao**' / '**và Du lịch**'
                and not b.text.rstrip().endswith(".")):
            out[-1] = Paragraph(prev.text + " " + b.text, prev.heading, prev.line)
            continue
        out.append(b)
    return out


class _ParenSeq:
    """'(1) Tổ chức ...', '(2) Thành lập ...' under a numbered item: its sub-items, numbered in order.
    A list that restarts at (1) inside one ('(5) Xây dựng các bộ tiêu chí: (1) ...; (2) ...') is that
    item's own enumeration and is followed before the outer one."""

    def __init__(self) -> None:
        self.outer, self.inner = 1, 0

    def item(self, n: int) -> bool:
        if self.inner and n == self.inner:
            self.inner += 1
            return False
        if n == self.outer:
            self.outer, self.inner = n + 1, 0
            return True
        if n == 1:
            self.inner = 2
        return False


def build_tree(blocks: list[Block], prefix: str = "") -> list[Node]:
    """Numbered nodes in document order; unnumbered paragraphs attach to the last node."""
    blocks = _join_split_headings(blocks)
    nodes: list[Node] = []
    cap: str | None = None
    roman: str | None = None
    nums: list[str] = []
    letter: str | None = None
    cur: Node | None = None
    stack: dict[str, Node] = {}
    # capital-letter sections only count when the document also has Roman ones below them
    allow_cap = sum(1 for b in blocks if isinstance(b, Paragraph) and _CAP_L.match(b.text) and (b.heading or b.text.isupper())) >= 2
    top_title = ""
    act_level: str | None = None
    num_nodes: dict[str, Node] = {}
    paren = _ParenSeq()
    part, part_pending = "", False
    fields: Node | None = None  # the task block whose fields are numbered again from one, and the last field's number
    field_no = 0
    for b in blocks:
        if isinstance(b, Paragraph) and b.text[:4] in ("PHẦN", "Phần") and (pm := PART_L.match(b.text)):
            part, part_pending = pm.group(1), not pm.group(1)  # (its title on the next line when not on this one)
            continue
        if part_pending and isinstance(b, Paragraph) and b.text.isupper() and len(b.text) < 200:
            part, part_pending = b.text, False
            continue
        part_pending = False
        if isinstance(b, Table):
            if cur is None:
                cur = Node(prefix or "", "root", "")
                nodes.append(cur)
            cur.tables.append(b)
            continue
        lab = _label(b.text, allow_cap)
        pm = _PAREN_L.match(b.text) if lab is None and cur is not None and cur.kind != "root" else None
        if pm and paren.item(int(pm.group(1))):
            owner = stack.get("letter") or stack.get("num")  # (not a section's: a table's column numbers)
            if owner is not None:
                node = Node(f"{owner.ref}.{pm.group(1)}", "letter", pm.group(2), parent=owner, top_title=top_title)
                owner.children.append(node)
                nodes.append(node)
                cur = node
                continue
        if lab is None:
            if cur is None:
                cur = Node(prefix or "", "root", "")
                nodes.append(cur)
            top = stack.get("roman")
            if top is not None and cur is not top and cur.kind in ("num", "letter") and (k := _closing_tail(b.text)):
                cur.content.append(Paragraph(b.text[:k].rstrip(), b.heading, b.line))
                b = Paragraph(b.text[k:], b.heading, b.line)
            if (top is not None and cur is not top and cur.kind in ("num", "letter") and _CLOSING.match(b.text)
                    and (cur.content or cur.children or not _TOPIC_ONLY.match(cur.title))):
                # the issuer's closing words speak for the whole section (not the first words under a
                # topic heading: '1. Chuyển đổi số' / 'Đề nghị các doanh nghiệp viễn thông ...')
                top.content.append(b)
            else:
                cur.content.append(b)
            continue
        kind, num, rest = lab
        paren = _ParenSeq()
        host = stack.get("num")
        if kind == "num" and "." not in num and host is not None and is_label_title(rest):
            if (num == "1" and cur is host and not host.children and not is_label_title(host.title)) or (
                    fields is host and num == str(field_no + 1)):
                # '1. Tập huấn' / '1) Nội dung: ...' / '2) Cơ quan chủ trì: ...': a task block's fields numbered again
                # from one, parts of the block (labelblocks.fold_label_children folds them in), not items of the section
                node = Node(f"{host.ref}.{num}", "letter", rest, parent=host, top_title=top_title, part_title=part)
                host.children.append(node)
                nodes.append(node)
                fields, field_no, cur = host, int(num), node
                continue
        if kind != "letter" or not is_label_title(rest):
            fields = None  # ('a) Cơ quan chủ trì: ...' under '2) Cơ quan chủ trì, phối hợp:' keeps the fields going)
        if kind == "act":
            # under a numbered item, or an item itself: as the first activity of the section was
            act_level = act_level or ("letter" if stack.get("num") is not None else "num")
            kind = act_level
        elif kind in ("cap", "roman") or (kind == "num" and act_level == "num"):
            act_level = None
        if kind == "cap":
            cap, roman, nums, letter = num, None, [], None
            part = rest
        elif kind == "roman":
            roman, nums, letter = num, [], None
            top_title = rest
        elif kind == "num":
            nums, letter = num.split("."), None
        else:
            letter = num
        parts = [p for p in ([prefix] if prefix else []) + [cap or "", roman or ""] + nums + ([letter] if letter else []) if p]
        ref = ".".join(parts)
        parent = None
        if kind == "letter":
            parent = stack.get("num") or stack.get("roman")
        elif kind == "num":
            # '1.2. Cơ quan chủ trì: ...' under '1. Xây dựng ...': a part of the item its number spells
            parent = num_nodes.get(num.rsplit(".", 1)[0]) if "." in num else None
            parent = parent or stack.get("roman")
        closing = _closing_tail(rest) if kind in ("num", "letter") and stack.get("roman") is not None else 0
        if closing:  # ('2. Sở Tài chính bố trí .... Trong quá trình thực hiện, nếu có khó khăn ...': the section's)
            stack["roman"].content.append(Paragraph(rest[closing:], False, b.line))
            rest = rest[:closing].rstrip()
        node = Node(ref, kind, rest, parent=parent, top_title=top_title, part_title=part)
        if parent:
            parent.children.append(node)
        stack[kind] = node
        if kind in ("cap", "roman"):
            stack.pop("num", None)
            stack.pop("letter", None)
        if kind == "num":
            stack.pop("letter", None)
            num_nodes[num] = node
        elif kind in ("cap", "roman"):
            num_nodes = {}
        nodes.append(node)
        cur = node
    from dondoc.plans.subheads import body_subheadings  # (it reads bodies, which read this module's neighbours)

    return body_subheadings(fold_label_children(nodes, lambda text: Paragraph(text)))
