"""How a heading reads once its line break is lost: an item's title running into what follows it.

Text copied from a law-library page keeps no paragraph breaks, so a numbered item's title runs straight into its
first line. `plans.reflow` cuts a numbered heading from the bullet, the duty or the section title it ran into; the
shapes here are the ones where the title's end cannot be seen from its words alone:
- '1. Quản lý thị trường Sở Công Thương chủ trì ...': a short title, then a sentence whose subject is a body (that one
  is `plans.titles.title_then_body`);
- '1. Phát triển hạ tầng các khu công nghiệp - Ban Quản lý Khu kinh tế đầu tư ...': a title, then its first bullet,
  which opens with a body's name (`dash_body`) — a name is capitalised word after word, so the dash rule that wants a
  capitalised word and then a lower-case one ('- Tổ chức tuyên truyền') does not see it;
- '1. Tăng cường ... chính sách xã hội 1.1 Nâng cao nhận thức ...': the first sub-item numbered without its last dot
  ('1.1', as Word's multilevel lists print it) after its parent's title (`dotless_subitems`); its number must be the
  next in order under the item it follows, which numbers inside a sentence ('đạt 1.2 triệu') are not.
"""

from __future__ import annotations

import itertools
import re

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.bodies import HEAD, is_body_name, leading_body
from dondoc.plans.titles import dash_in_name
from dondoc.plans.verbs import find_verb

_LOW = "a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
_MARKED = re.compile(r"^(?:[IVX]{1,4}\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\))\s")

# a dash between two words of a title ('Lào Cai - Hải Phòng', 'Kinh tế - Hạ tầng'), or the title's first bullet
_DASH = re.compile(r"(?<=[\wÀ-ỹ)”\"])\s+[-–+]\s+(?=[" + _UP + r"])")


def dash_body(par: str, head_end: int) -> int | None:
    """Where the first bullet starts in '1. <title> - <Body> <verb> ...' (looked for before `head_end`: the title's
    end, at its first stop), or None: the dash opens a body's sentence (its name, then a lower-case verb), and the
    title before it is no body's name (then the dash would join two names: 'Công an tỉnh - Thường trực Ban Chỉ
    đạo')."""
    mark = _MARKED.match(par)
    if mark is None or (par[:1] in "IVX" and re.match(r"[IVX]{1,4}\.", par)):
        return None
    if HEAD.match(par[mark.end():]):
        return None
    for d in _DASH.finditer(par, mark.end(), head_end):
        rest = par[d.end():]
        if not HEAD.match(rest) or dash_in_name(par, d.start(), d.end()):
            continue
        lb = leading_body(rest)
        if lb is not None and lb[1][:1].islower() and not lb[2]:
            return d.start()
        named = _NAMED_COLON.match(rest)  # '2. Công tác kiểm tra - Sở Y tế: + Chủ trì ...': a bullet naming its body
        if named and is_body_name(named.group(1)) and find_verb(named.group(1)) is None:
            return d.start()
    return None


_NAMED_COLON = re.compile(r"([^.;:()]{2,120}):(?:\s|$)")


# a sub-item numbered without its last dot, run into the text before it: '... chính sách xã hội 1.1 Nâng cao ...'
_DOTLESS = re.compile(
    r"(?<=[^\d\s/.,])(?<!số)(?<!khoản)(?<!Khoản)(?<!Điều)(?<!điều)(?<!điểm)(?<!mục)(?<!Mục)(?<!tại)(?<!lục)(?<!đoạn)"
    rf"\s+(?=(\d{{1,2}})\.(\d{{1,2}})\s+[{_UP}][{_LOW}])")
_ITEM_NUM = re.compile(r"(\d{1,2})\.(?:(\d{1,2})\.?)?\s")


def dotless_subitems(pars: list[str]) -> list[str]:
    """The paragraphs with a sub-item numbered 'n.m' (no last dot) cut from the text it runs on from, where n is the
    item it falls under and m the next sub-item's number (1 after the item's own heading)."""
    out: list[str] = []
    item = sub = 0
    for par in pars:
        if par[:1] in "IVX" and re.match(r"[IVX]{1,4}\.\s", par):
            item = sub = 0
        m = _ITEM_NUM.match(par)
        if m:
            item, sub = int(m.group(1)), int(m.group(2) or 0)
        while item and "." in par[4:]:
            cut = next((x for x in _DOTLESS.finditer(par, 3) if int(x.group(1)) == item and int(x.group(2)) == sub + 1), None)
            if cut is None:
                break
            out.append(par[: cut.start()])
            par, sub = par[cut.end():], sub + 1
        out.append(par)
    return out


# the titles of a commune's civil servants ('Công chức Văn phòng - Thống kê', 'Tư pháp - Hộ tịch', 'Tài chính - Kế
# toán', 'Địa chính - Xây dựng') and an inspection unit's ('Vụ Thanh tra - Kiểm tra'): a dash between their two halves
# is no bullet, though the second half opens like one
_FIRST_HALF = re.compile(r"(?:Văn phòng|Tư pháp|Tài chính|Địa chính|Thanh tra)\s*$")
_SECOND_HALF = re.compile(r"(?:Thống kê|Hộ tịch|Kế toán|Xây dựng|Nông nghiệp|Kiểm tra)(?![\wÀ-ỹ])")


def double_title(par: str, before: int, after: int) -> bool:
    """Whether the dash between par[:before] and par[after:] joins the two halves of an officer's title."""
    return bool(_SECOND_HALF.match(par, after)) and bool(_FIRST_HALF.search(par, max(0, before - 12), before))


# ---- whether a text's line breaks are its own (plans.reflow.lost_breaks) ------------------------------------------
def wrapped(text: str) -> bool:
    """Most lines end inside a sentence, the next one going on in lower case: text wrapped by a page or a copy, not laid
    out in paragraphs of their own (which end with their sentence)."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    if len(lines) < 6:
        return False
    runs = sum(1 for x, y in itertools.pairwise(lines) if x[-1] not in ".;:!?" and y[:1].islower())
    return runs >= 0.5 * (len(lines) - 1)


def own_paragraphs(text: str) -> bool:
    """Two or more long lines (300+ characters), every one ending a sentence or a table's row: a text laid out in long
    paragraphs, not a run with its breaks lost (whose rare breaks fall anywhere, or none at all)."""
    lines = text.split("\n")
    if len(text) >= 20000:
        lines = lines[:-1]  # (cut where the scan stopped)
    long = [x.strip() for x in lines if len(x) >= 300]
    # (a markdown table's row is a line of its own too: '| 1 | Tổ chức ... | Sở Y tế | ... |')
    return len(long) >= 2 and all(x.rstrip("*_ ").endswith((".", ";", ":", "!", "?", "./.")) or x[:1] == x[-1:] == "|"
                                  for x in long)
