"""Where a numbered item's short title ends when its line break was lost and it runs into its first sentence.

Laid out in lines, an item reads '1. Hợp tác' / 'Sở Khoa học và Công nghệ tham mưu ký kết ...': a short title (a noun
phrase: the field of the work), then a sentence whose subject is the body the work falls to. Joined, the title runs
into the body's name ('1. Hợp tác Sở Khoa học và Công nghệ tham mưu ký kết ...'). The sentence starts at the first
capitalised body name after the title that is followed by a task verb: a role ('chủ trì', 'có trách nhiệm') or any
other task verb ('tham mưu', 'lập hồ sơ', 'tổng hợp'), or a time opening the sentence before its subject ('1. Sơ kết
Quý III/2025, các sở, ngành tổ chức ...'). Not where the body is the title's own object or owner: after a
word that governs a name ('với', 'của', 'cho' ...), after a title ending in a task verb ('1. Hướng dẫn Ủy ban nhân
dân các xã triển khai ...': the body is what it guides), after a lead-in ('Giao', 'Đề nghị', 'Yêu cầu'); nor when the
title is an officer's name or holds a lower-case verb (a sentence already), unless the title is a noun made of
the verb ('2. Chế độ báo cáo Các sở ... báo cáo ...', '1. Công tác tuyên truyền Sở X chủ trì ...'). A title opening like a body's name ('1. Tổ
công tác Sở Nội vụ chủ trì ...') is that name's start, unless the task repeats it ('... thành lập Tổ công tác gồm
...'): then it is the task's topic.

A heading naming a body with a double name ('Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện') joined to its
first duty looks like a heading and its first bullet: '... nghề nghiệp - Giáo dục ...'. A bullet opens with its duty's
verb ('1. Sở Tài chính - Bố trí kinh phí ...'); when the words after the dash do not, and run, with no punctuation and
no lower-case verb, into a capitalised task verb ('... huyện Tổ chức các lớp ...'), they are the rest of the name and the
duty starts at that verb."""

from __future__ import annotations

import re

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.bodies import HEAD, is_body_name, is_body_start, leading_body
from dondoc.plans.name_ends import name_stop
from dondoc.plans.rank import central
from dondoc.plans.verbs import _VERB_RE, VERBS, find_verb

_LOW = "a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
_MARKED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.)\s+")
_TITLE_THEN_BODY = re.compile(rf"^(\d{{1,2}}(?:\.\d{{1,2}})*\.\s+[{_UP}][^.;:()]{{2,80}}?[{_LOW}])\s+(?=[{_UP}])")
_GOVERNS = re.compile(r"(?:với|của|cho|và|tại|giữa|đến|từ|theo|về|thuộc|trên|trong|để|do|là|quy định)$")
_PERSON = re.compile(r"(?:Bộ trưởng|Thủ trưởng|Giám đốc|Chủ tịch|Phó Chủ tịch|Trưởng|Phó Trưởng|Công chức|Cán bộ|Lãnh đạo|"
                     r"Người đứng đầu|Hiệu trưởng|Chánh|Tổng|Thường trực|Các|Cấp)\b")
_TIME_OPENS = re.compile(r"(?:(?:Quý|Quí)\s+[IVX]+\s*(?:/|năm)\s*\d{4}|(?:Tháng|Năm)\s+[\d/]+|Từ\s+(?:năm|tháng)\s+[\d/]+),\s+")
# (or the role given to it: 'Sở X được Ủy ban nhân dân tỉnh giao làm cơ quan thường trực, ...')
_TAKES_ROLE = re.compile(r"^(?:chủ trì|có trách nhiệm|chịu trách nhiệm|là cơ quan|được (?:[^,.;:]{2,40} )?giao (?:là|làm|chủ trì)\b)")


# a noun made of a verb: 'Chế độ báo cáo', 'Công tác tuyên truyền', 'Việc kiểm tra' (a field of work, no verb taking an object)
# (a short title: a sentence about that work — 'Công tác bảo vệ bí mật nhà nước cần phải có ...' — is no title)
_NOUN_OF_VERB = re.compile(r"(?:Chế độ|Công tác|Việc|Hoạt động)(?:,?\s+(?!(?:cần|phải|được|là|có|sẽ|đã)\b)[\wÀ-ỹ]+){1,5}$")


# verbs whose object is a body ('Công tác hướng dẫn Ủy ban nhân dân các xã ...', 'Việc hỗ trợ các hợp tác xã ...'): a
# noun title ending in one still governs the name after it
_TAKES_BODY = re.compile(r"(?:hướng dẫn|chỉ đạo|đôn đốc|hỗ trợ|tập huấn|phối hợp|phối hợp với|giúp|giúp đỡ)$")


def _ends_with_verb(title: str) -> bool:
    """'Hướng dẫn', 'Tăng cường kiểm tra': the title ends in a task verb, whose object the name after it is."""
    if _NOUN_OF_VERB.match(title) and not _TAKES_BODY.search(title):
        return False
    low = title.lower()
    # (a verb made a noun by 'việc' takes no body after it unless it is one that does: '... giám sát việc thực hiện')
    return any(m.end() == len(low) and not (low[: m.start()].endswith("việc ") and not _TAKES_BODY.search(low))
               for m in _VERB_RE.finditer(low))


# a title naming the proposals a body makes ('Kiến nghị', 'Kiến nghị, đề xuất'): a proposal goes up to the centre
# ('Kiến nghị Bộ X xem xét ...' is one), so a body of the plan's own level after it is its sentence's subject
_PROPOSALS_TITLE = re.compile(r"(?:Kiến nghị|Đề xuất)(?:\s*(?:,|và)\s*(?:kiến nghị|đề xuất))?")
# a title that is a lead-in word: '2. Yêu cầu Các sở ... triển khai' is one sentence, not a title and a body's duty
_LEAD_IN_TITLE = re.compile(r"(?:Giao|Đề nghị|Yêu cầu|Khuyến khích)$")


_ORGANISATION = re.compile(r"tổ chức (?:bộ máy|cán bộ)(?![\wÀ-ỹ])")


def _verb_after_opening(title: str, coordinated: bool = False) -> bool:
    """Whether a lower-case task verb follows the title's opening words: a title names its work by a verb and its object
    ('Xây dựng cầu ...', 'Nâng cấp tuyến đường ...'); the second syllable of that opening verb ('cấp' of 'Nâng cấp',
    'Cung cấp') makes no sentence of it; with `coordinated`, nor do the verbs coordinated with it ('Tuyên truyền, nâng
    cao nhận thức về ...', 'Kiểm tra, giám sát việc ...')."""
    low = title[:1].lower() + title[1:]
    v = find_verb(low)
    if v is not None and v.start() == 0:
        end = v.end()
        v = find_verb(low, end)
        while coordinated and v is not None and (_COORDINATED.fullmatch(low, end, v.start()) or low.endswith("việc ", 0, v.start())):
            end = v.end()  # (a verb made a noun by 'việc' is the title's object: '... giám sát việc thực hiện')
            v = find_verb(low, end)
    while v is not None and _ORGANISATION.match(low, v.start()):
        v = find_verb(low, v.end())  # ('Cải cách tổ chức bộ máy': the organisation, a noun)
    return v is not None


def _body_then_role(before: str) -> bool:
    """The words before a name are a body's name run into its role or state in capitals ('Phòng Y tế Là thành viên',
    'Trạm Y tế xã Vẫn là'): the name after is the role's object, no sentence's subject."""
    stop = name_stop(before, len(before)) if is_body_start(before) else None
    return stop is not None and stop.start() > 0 and not before[stop.end() :].lstrip()[:1].isupper()


_COORDINATED = re.compile(r"\s*(?:,|và|,\s*và)\s*")


def title_then_body(par: str) -> int | None:
    """Where the body's sentence starts after an item's title ('1. Tiêm chủng Sở Y tế chủ trì ...', '1. Hợp tác Sở X
    tham mưu ký kết ...'), or None."""
    m = _TITLE_THEN_BODY.match(par)
    if not m or _GOVERNS.search(m.group(1)):
        return None
    mark_end = _MARKED.match(par).end()  # type: ignore[union-attr]
    title = m.group(1)[mark_end:]
    if _PROPOSALS_TITLE.fullmatch(title) and not central(par[m.end() :]):
        lb = leading_body(par[m.end() :])  # '1. Kiến nghị Sở X tổng hợp ...': the title, then the body making them
        v = find_verb(lb[1][:40]) if lb is not None else None
        return m.end() if v is not None and v.start() == 0 and not lb[2] else None  # type: ignore[index]
    if _LEAD_IN_TITLE.match(title) or _PERSON.match(title):
        return None  # ('1. Bộ trưởng Bộ Công an có trách nhiệm ...', '2. Công chức VHXH chủ trì ...': the body is the title's own)
    # (a title opening with coordinated verbs, 'Tuyên truyền, nâng cao nhận thức về ...', is a title when a body's
    # sentence follows its last word at once: '... chuyển đổi số Sở Tài chính tham mưu ...'); a title holding a verb
    # after its opening words may be a sentence already: only a body taking a role right after it ends it ('4. Kiện
    # toàn tổ chức bộ máy quản lý đất đai Sở Nội vụ chủ trì ...')
    sentence = _verb_after_opening(title) and not (_NOUN_OF_VERB.match(title) and not _TAKES_BODY.search(title))
    only_next = sentence and not _verb_after_opening(title, coordinated=True)
    roles_only = sentence and not only_next
    # a title opening like a body's name ('1. Tổ công tác Sở Nội vụ ...') is the name's start, unless the task after
    # the next name repeats it: then it is the task's topic ('... Sở Nội vụ chủ trì thành lập Tổ công tác gồm ...')
    topic = title.lower() if is_body_start(title) else None
    any_verb = not _ends_with_verb(title)
    # (no title ends inside the head words of a name opening the item: 'Lực lượng' of '1. Lực lượng Công an chủ trì')
    at = _MARKED.match(par).end()  # type: ignore[union-attr]
    opening = HEAD.match(par[at:])
    for k in range(max(m.end(), at + opening.end() if opening else 0), min(len(par), m.end() + 1 if sentence else m.end() + 80)):  # the title may hold capitalised words ('Luật Đường bộ')
        if k == m.end() or (par[k - 1] == " " and par[k].isupper()):
            if re.match(r"(?:Giao|Đề nghị|Yêu cầu)\s", par[k:]):
                return None  # a lead-in after the title: _DUTY_VERB's split ('... Giao Phòng Nội vụ chủ trì')
            if _GOVERNS.search(par[:k].rstrip()):
                continue  # the object of a word before it ('... Luật quy định Ủy ban nhân dân cấp xã có trách nhiệm')
            when = _TIME_OPENS.match(par, k)  # ('1. Sơ kết Quý III/2025, các sở, ngành tổ chức ...': the time opens the sentence)
            lb = leading_body(par[k:]) if HEAD.match(par[k:]) else leading_body(par[when.end():]) if when else None
            if lb is None or _GOVERNS.search(lb[0]) or (topic is not None and topic not in lb[1].lower()):
                continue  # ('Tỉnh ủy về phát triển ...': a name does not end in a preposition)
            if _body_then_role(par[len(m.group(1)) - len(title) : k]):  # (the words from the title's start)
                return None  # ('2. Phòng Văn hóa và Thông tin Là thành viên Ban Chỉ đạo, ...': the heading's body, its role)
            if _TAKES_ROLE.match(lb[1]) and not (roles_only and (k > m.end() or _ends_with_verb(par[mark_end:k].rstrip()))):
                return k  # (a title holding verbs: right after it, not after a verb whose object the body is)
            if roles_only:
                continue
            between = par[m.end() : k]  # (the title's own capitalised words: 'Luật Đường bộ'; not a sentence's)
            if ((any_verb or when) and (v := find_verb(lb[1][:40])) is not None and v.start() == 0
                    and not re.search(r"\d", between) and not find_verb(between.lower())):
                return k
    return None


_CAP_VERB = re.compile(r"(?:" + "|".join(re.escape(v[:1].upper() + v[1:]) for v in sorted(VERBS, key=len, reverse=True))
                       + r")(?![\wÀ-ỹ])")
_CAP_VERB_IN = re.compile(r"(?<=[\wÀ-ỹ])\s+(?=" + _CAP_VERB.pattern + ")")


def duty_after_dash(par: str, at: int) -> int | None:
    """Where the duty starts when the dash before `at` is inside a double name rather than a bullet's mark, or None."""
    rest = par[at:]
    words = rest.lstrip("-–+ ")
    start = at + len(rest) - len(words)
    if _CAP_VERB.match(words):
        return None  # '- Bố trí kinh phí ...': a bullet
    stop = re.search(r"[.;:,()]", words[:120])
    region = words[: stop.start() if stop else 120]
    v = _CAP_VERB_IN.search(region)
    if v is None or find_verb(region[: v.start()]) is not None:
        return None
    return start + v.end()


_DASH = re.compile(r"(?<=[\wÀ-ỹ)])\s+[-–+]\s+(?=[A-ZĐÀ-Ỹ])")


def body_bullet(par: str, end: int) -> int | None:
    """'1. Tập trung phát triển các khu công nghiệp đã thành lập - Ban Quản lý Khu kinh tế ... đầu tư ...': a heading run
    into its first bullet, the bullet opening with the body it falls to (a name, capitalised words: the bullet rule for
    a verb in lower case does not see it). Where the bullet's dash is, or None. Not inside a name: the heading before
    the dash is no body's name ('1. Ban Dân vận - Mặt trận huyện phối hợp ...')."""
    mark = _MARKED.match(par)
    if mark is None:
        return None
    for d in _DASH.finditer(par, mark.end(), end):
        before = par[mark.end() : d.start()]
        if is_body_start(before) or not find_verb(before) or dash_in_name(par, d.start(), d.end()):
            continue  # (a heading naming a body, or a title with no verb: the dash may be the name's own)
        lb = leading_body(par[d.end() :]) if HEAD.match(par[d.end() :]) else None
        if lb is not None and (v := find_verb(lb[1][:40])) is not None and v.start() == 0:
            return d.start()
    return None


# the words a bullet or a sentence may open with that are no half of a name: a time, a frequency, a link
_NOT_HALF = re.compile(r"(?:Hằng|Hàng|Định kỳ|Trong|Trước|Sau|Từ|Đến|Năm|Quý|Tháng|Ngày|Giai đoạn|Đầu|Cuối|Theo|Trên|"
                       r"Đối với|Về|Riêng|Ngoài|Bên cạnh|Đồng thời|Khi|Nếu|Việc|Công tác|Hoạt động|Chế độ|Nội dung|"
                       r"Kết quả|Kinh phí|Thời gian|Thời hạn|Sản phẩm)(?![\wÀ-ỹ])")
# a body's classifier opening the words after the dash: another body, named by the bullet ('1. Sở Y tế - Bệnh viện tỉnh
# tổ chức ...'); a field ('Viễn thông', 'Viên chức') is no classifier
_OTHER_BODY = re.compile(r"(?:Sở|Bộ|Ban|Phòng|Cục|Chi cục|Tổng cục|Vụ|Viện|Ủy ban|Uỷ ban|UBND|Hội đồng|HĐND|Trung tâm|"
                         r"Bệnh viện|Trường|Công an|Đài|Báo|Văn phòng|Các|Hội|Đoàn|Tổ|Đội|Trạm|Công ty|Tổng công ty|"
                         r"Tập đoàn|Ngân hàng|Kho bạc|Thanh tra|Chi nhánh|Bảo hiểm|Mặt trận|Liên đoàn)(?![\wÀ-ỹ])")
_WORD = re.compile(r"[^\s,;:.()]+")
_TIME_CELL = re.compile(r"(?:Quý|Năm|Tháng|Trước ngày|Hằng năm|Thường xuyên)(?![\wÀ-ỹ])")
_LEVEL = frozenset(("tỉnh", "huyện", "xã", "phường", "quận", "thị", "trấn", "thành", "phố", "thị xã", "Trung", "ương"))


def dash_in_name(par: str, dash: int, after: int) -> bool:
    """Whether the dash between par[:dash] and par[after:] joins the two halves of a body's name ('Ban Kinh tế - Ngân
    sách HĐND huyện chủ trì ...', 'Phòng Công chức - Viên chức tổng hợp ...', '1. Tổng công ty Bưu chính - Viễn thông
    tỉnh' over its duties), not a bullet run into the text before it. The words before the dash, back to where a body's
    name opens, hold no verb and no stop; the words after it are a capitalised field (no verb, no time or link word,
    no other body's name), a place's level at most, and then the sentence's lower-case verb, a stop or the heading's
    end, or the next bullet."""
    back = par[max(0, dash - 60): dash]
    cut = max(back.rfind(c) for c in ",;:.()")
    back = back[cut + 1:] if cut >= 0 else back
    words = list(_WORD.finditer(back))[-6:]
    base = dash - len(back)
    opens = next((base + w.start() for w in words if par[base + w.start()].isupper() and HEAD.match(par[base + w.start():])), None)
    if opens is None or find_verb(par[opens:dash]) is not None:
        return False
    rest = par[after: after + 120]
    if not rest[:1].isupper() or _CAP_VERB.match(rest) or _NOT_HALF.match(rest):
        return False
    if _OTHER_BODY.match(rest):
        return False  # (another body: a bullet naming who does it)
    low_run = 0
    for i, tok in enumerate(re.finditer(r"\S+", rest)):
        t = tok.group(0)
        if t in ("-", "–"):  # the next bullet, opening with its verb (a heading over its duties)
            return i > 0 and _CAP_VERB.match(rest, tok.end() + 1) is not None
        if i and t[:1].islower() and (v := find_verb(rest[tok.start(): tok.start() + 40])) is not None and v.start() == 0:
            return True  # the sentence's verb
        if i and (_OTHER_BODY.match(rest, tok.start()) or _TIME_CELL.match(rest, tok.start())):
            return True  # another name or a time: a table's next cell, pasted ('Vụ Công chức - Viên chức Các cơ quan ...')
        core = t.rstrip(",;:.")
        if i >= 6 or "(" in core or ")" in core:
            return False
        if core[:1].isupper() or core in _LEVEL:
            low_run = 0
        else:
            low_run += 1
            if low_run > 2:
                return False
        if core != t:  # a stop after the name: the heading's end (':'), a list's next name (',', ';')
            return t[-1] == ":" or (t[-1] in ",;" and is_body_start(rest[tok.end():].lstrip()))
    return len(par) - after <= 120  # the paragraph's end


# (an enterprise's kind is no name yet: 'Công ty Cổ phần' / 'Cấp nước Hà Nam')
_ORG_HEAD_END = re.compile(r"(?:Sở|Bộ|Ban|Cục|cục|Phòng|Tổ|Hội|Hội đồng|Trung tâm|Quỹ|Vụ|Viện|Ủy ban|Uỷ ban|Văn phòng|Đài|Báo|"
                           r"Công ty|Tổng công ty|Tập đoàn|Cổ phần|TNHH|Hợp tác xã)$")
_BARE_HEAD = re.compile(r"^\S+\s+(?:ban|hội|tổ)$")


def named_then_duty(par: str, end: int) -> int | None:
    """'11. Ủy ban nhân dân các xã, thị trấn Bố trí ngân sách ...': a heading naming a body, its line break lost before
    its duty, which opens with a capitalised task verb. Where the duty starts (looked for before `end`, the heading's
    first stop), or None. The last capitalised verb whose words before it are a body's name with no lower-case verb
    ('Ban Chỉ đạo Phát triển du lịch Tham mưu ...': 'Phát triển' is a word of the name), followed by a lower-case word
    or by the body its duty concerns."""
    mark = _MARKED.match(par)
    return body_then_duty(par, mark.end(), end) if mark is not None else None


def body_then_duty(par: str, start: int, end: int) -> int | None:
    """named_then_duty for the name at `start` (a heading's, after its number; a table row's lead cell)."""
    if not HEAD.match(par[start:]):
        return None
    for v in reversed(list(_CAP_VERB_IN.finditer(par, start, end))):
        name = par[start: v.start()]
        after = par[v.end():]
        duty = _CAP_VERB.match(after)
        if duty is None:
            continue
        tail = after[duty.end():].lstrip(" ,")
        if not (tail[:1].islower() or HEAD.match(tail)):
            continue
        if (_ORG_HEAD_END.search(name) or _BARE_HEAD.search(name) or find_verb(name) is not None
                or not is_body_name(name)):
            continue  # ('2. Tiểu ban Thông tin, tuyên truyền chủ trì ...': a head word alone names no body)
        return v.end()
    return None
