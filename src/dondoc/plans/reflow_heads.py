"""Where a numbered heading ends once its line break is lost, and where a dash bullet run into the sentence before it
starts (the paragraph-level rules of plans.reflow): an all-capitals section title followed by a sentence or a bullet,
a heading followed by its first bullet ('1. Sở Tài chính - Lập ...'), a body's name followed by its duty in capitals
('5. Sở Khoa học và Công nghệ Chủ trì ...'), a short title followed by a body's sentence (plans.titles), a title with a
colon over the bodies' sentences, a collective title over the bodies' headings; a dash inside a double name
('Phòng Tài chính - Kế hoạch', 'Ban Kinh tế - Ngân sách HĐND huyện') is no bullet."""

from __future__ import annotations

import re

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.bodies import HEAD, is_body_name, is_body_start, leading_body
from dondoc.plans.pasted import dash_body, double_title
from dondoc.plans.titles import (
    _CAP_VERB,
    _ORG_HEAD_END,
    body_bullet,
    dash_in_name,
    duty_after_dash,
    named_then_duty,
    title_then_body,
)
from dondoc.plans.verbs import VERBS, find_verb

_LOW = "a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"


# the second half of a department's double name ('Phòng Tài chính - Kế hoạch', 'Sở Văn hóa - Thể thao và Du lịch'):
# a dash before these is not a bullet
_PAIRED = re.compile(
    r"(?:Kế hoạch|Thông tin|Hạ tầng|Thương binh|Thể thao|Đào tạo|Xã hội|Du lịch|Tài chính|Truyền hình|Công nghệ|"
    r"Môi trường|Kỹ thuật|Tự do|Hạnh phúc|Quốc phòng|An ninh|Hành chính|Dịch vụ|Văn hóa|Văn hoá|Gia đình|Biên chế|"
    r"Nhà nước|Thủy sản|Thuỷ sản|Lâm nghiệp|Nông nghiệp|Kinh tế|Chính trị|Pháp luật|Tài nguyên|Khen thưởng)(?![\wÀ-ỹ])"
)
_MARKED = re.compile(r"^(?:[IVX]{1,4}\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ][).]|\d{1,2}\)|(?:Nhiệm vụ|Hoạt động) \d{1,2}\s*[:.)])\s")
# a duty that starts with a verb in capitals right after the name of the body it falls to
# ('1. Sở Khoa học và Công nghệ Chủ trì, phối hợp ...')
_DUTY_VERB = re.compile(
    r"\s(?=(?:Chủ trì|Phối hợp|Là (?:cơ quan|đơn vị|đầu mối|lực lượng|cấp|thành viên)|Có trách nhiệm|Chịu trách nhiệm|Thực hiện|Tham mưu|Hướng dẫn|Triển khai|"
    rf"Tiếp tục|Theo dõi|Căn cứ|Xây dựng|Rà soát|Làm việc với|Nêu cao|Chủ động|Tích cực|Tăng cường|Đẩy mạnh|Tập trung|"
    rf"Khẩn trương|Tổ chức(?=\s+(?:triển khai|thực hiện|hội nghị|hội thi|hội thảo)))"
    rf"[\s,]|(?:Giao|Đề nghị|Yêu cầu)\s+[{_UP}])"
)
_COLLECTIVE_NAMES = re.compile(rf"^\d{{1,2}}(?:\.\d{{1,2}})*\.\s+(?:Các|Đối với các)\s[^.;:]{{2,80}}?\s(?=[{_UP}][^.;:]{{2,80}}:(?:\s*$|\s+[-–+•]\s))")
_COLLECTIVE_ITEM = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.\s+(?:Các|Đối với các)\s[^.;:]{2,100}?\s(?=[-–+]\s)")
_BULLET_IN = re.compile(rf"(?<=[\wÀ-ỹ)”\"])\s+(?=[-–+]\s+[{_UP}][{_LOW}]*,?\s+[{_LOW}])")
# (the title may end in its year or period: 'II. NHIỆM VỤ NĂM 2026', 'III. GIẢI PHÁP GIAI ĐOẠN 2026 - 2030'; a part above
# the sections is lettered: 'B. TỔ CHỨC THỰC HIỆN'; the first bullet may follow: 'II. TỔ CHỨC THỰC HIỆN - Sở Y tế ...')
# (a task table pasted as one run of words may follow it: its number column 'STT' / 'TT' is no word of the title)
_CAPS_TITLE_END = re.compile(
    rf"^((?:[IVX]{{1,4}}|[A-D])\.\s+(?:(?!S?TT\s)[{_UP}\d,;/&-]+\s+)*(?:(?!S?TT(?![\wÀ-ỹ]))[{_UP}]{{2,}}"
    rf"|(?<=[{_UP}] )(?:19|20)\d{{2}}(?:\s*[-–]\s*(?:19|20)\d{{2}})?)[,.:]?)"
    rf"\s+(?=[{_UP}][{_LOW}]|\d{{1,2}}\.\s+[{_UP}]|S?TT\s+[{_UP}][{_LOW}]|[-–+•]\s+[{_UP}])"
)


_NAMES_END = re.compile(rf"^((?:\d{{1,2}}\.)+\s+[^.:;]{{3,200}}\.)\s+(?=[{_UP}])")


# a duty's first word, capitalised: a task verb, or the issuer's request ('Khuyến khích', 'Đề nghị')
_OPENS_DUTY = re.compile(r"(?:Khuyến khích|Đề nghị|Yêu cầu|Giao|" + "|".join(v[:1].upper() + v[1:] for v in VERBS) + r")(?![\wÀ-ỹ])")


# a heading's first bullet opening with a lead-in and the body it falls to ('- Giao Sở X ...', '- Đề nghị Ủy ban ...'):
# no half of a double name opens so
_LEAD_IN_BULLET = re.compile(rf"\s+(?=[-–+]\s+(?:Giao|Đề nghị|Yêu cầu)\s+[{_UP}])")


# '2. Sở Xây dựng: Hướng dẫn ...': a body's heading and its duty (when the duty holds no later role sentence)
_NAME_COLON = re.compile(rf"^((?:\d{{1,2}}(?:\.\d{{1,2}})*\.|[a-zđ]\))\s+)([^.;:()]{{3,120}}?):\s+(?=[{_UP}])")
_ROLE_AFTER_STOP = re.compile(r"[.;]\s+(?:Chủ trì|Phối hợp)[\s,]")
_TITLE_COLON = re.compile(rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})*\.|[a-zđ]\))\s+[{_UP}][^.;:]{{3,120}}:\s+(?=[{_UP}])")


def _head_end(par: str) -> int:
    """Where a numbered heading's own words can end: its first 160 characters, before any stop."""
    mark = _MARKED.match(par)
    at = max(4, mark.end()) if mark else 4  # (after the number's own stop: 'Nhiệm vụ 4: ', '1.4. ')
    stop = re.search(r"[.;:!?]\s", par[at:160])
    return stop.start() + at if stop else min(len(par), 160)


def _split_heading(par: str) -> str:
    """A numbered heading run into its first line: an all-capitals section title followed by a
    sentence, a heading followed by its first bullet ('1. Sở Tài chính - Lập ...'), or a body's name
    followed by its duty in capitals ('5. Sở Khoa học và Công nghệ Chủ trì ...'). Looked for in the
    heading's first 160 characters, before any full stop, semicolon or colon."""
    m = _CAPS_TITLE_END.match(par)
    if m:  # (the item after the title is a heading too: 'IV. TỔ CHỨC THỰC HIỆN 2. Các đơn vị thuộc Bộ - Vụ X: ...')
        rest = par[m.end():]
        return m.group(1) + "\n\n" + (_split_heading(rest) if _MARKED.match(rest) else rest)
    c = _TITLE_COLON.match(par)
    mk = _MARKED.match(par)
    if c and mk and not HEAD.match(par[mk.end():]) and (lb := leading_body(par[c.end():])) is not None \
            and (v := find_verb(lb[1][:40])) is not None and v.start() == 0:
        # '1. Trách nhiệm của các đơn vị: Sở Y tế chủ trì ... . Sở Tài chính ...': a title over the bodies' sentences
        return par[: c.end()].rstrip() + "\n\n" + par[c.end():]
    lead_in = _LEAD_IN_BULLET.search(par, 4, _head_end(par))
    if lead_in:  # '1. <title> - Giao Sở X chủ trì ...': its first bullet, opening with a lead-in
        return par[: lead_in.start()] + "\n\n" + par[lead_in.end():]
    k = title_then_body(par)
    if k is not None:
        # (a dash before it opening a list of bodies: '2. Truyền thông - Báo X, Đài Y mở ...' — the first bullet)
        d = dash_body(par, k)
        return par[:k].rstrip() + "\n\n" + par[k:] if d is None else par[:d] + "\n\n" + par[d:].lstrip()
    m = _NAMES_END.match(par)
    if (m and HEAD.match(par[_MARKED.match(par).end():]) and not find_verb(m.group(1))  # type: ignore[union-attr]
            and _OPENS_DUTY.match(par, m.end())):
        # '16. Các tổ chức chính trị - xã hội, doanh nghiệp và cộng đồng. Khuyến khích ...': a heading that
        # names the bodies and ends with a full stop, then their duties
        return m.group(1) + "\n\n" + par[m.end():]
    head = par[: _head_end(par)]
    for b in _BULLET_IN.finditer(head):
        if not _PAIRED.match(par, b.end() + 2) and par.count("(", 0, b.start()) <= par.count(")", 0, b.start()) \
                and not double_title(par, b.start(), b.end() + 2):  # (not in brackets, not a double title)
            k = duty_after_dash(par, b.end())
            if k is not None:  # '1. Trung tâm GDNN - Giáo dục thường xuyên huyện Tổ chức ...': the dash is the name's
                return par[:k].rstrip() + "\n\n" + par[k:]
            if dash_in_name(par, b.start(), b.end() + 2):
                continue  # ('1. Ban Kinh tế - Ngân sách HĐND huyện chủ trì ...')
            return par[: b.start()] + "\n\n" + par[b.end():]
    if (d := dash_body(par, len(head))) is not None:  # '1. <title> - Ban Quản lý Khu kinh tế đầu tư ...'
        return par[:d] + "\n\n" + par[d:].lstrip()
    k = body_bullet(par, len(head)) if " - " in head or " – " in head or " + " in head else None
    if k is not None:
        return par[:k] + "\n\n" + par[k:].lstrip()
    if (c := _COLLECTIVE_NAMES.match(par)) and HEAD.match(par[c.end():]) and not find_verb(c.group(0)):
        # '1. Các sở, ngành Sở Nội vụ: - ...': a title naming the bodies, then the first one's heading over its bullets
        return par[: c.end()].rstrip() + "\n\n" + par[c.end():]
    if (c := _COLLECTIVE_ITEM.match(par)) and is_body_start(par[c.end() + 2:]) and re.match(r"[^.;]{3,100}:\s", par[c.end() + 2:]):
        return par[: c.end()].rstrip() + "\n\n" + par[c.end():]  # '2. Các đơn vị thuộc Bộ - Vụ X: chủ trì ...': its first unit
    if ((c := _NAME_COLON.match(par)) and _CAP_VERB.match(par, c.end()) and is_body_name(c.group(2))
            and not find_verb(c.group(2)) and not _ROLE_AFTER_STOP.search(par, c.end())):  # (one duty: its roles in it)
        return par[: c.end(2) + 1] + "\n\n" + par[c.end():]  # '2. Sở Xây dựng: Hướng dẫn ...': the body's heading, its duty
    for v in _DUTY_VERB.finditer(head, (mk.end() + 1) if (mk := _MARKED.match(par)) else 4):  # (after '1.4. ' too)
        if not _ORG_HEAD_END.search(par[: v.start()]):
            return par[: v.start()] + "\n\n" + par[v.end():]
    # '11. Ủy ban nhân dân các xã, thị trấn Bố trí ngân sách ...' (the names may be listed with ';': 'Sở A; Báo B Chỉ đạo ...')
    stop = re.search(r"[.:!?]\s", par[4:200])
    if (k := named_then_duty(par, stop.start() + 4 if stop else min(len(par), 200))) is not None:
        return par[:k].rstrip() + "\n\n" + par[k:]
    return par


def _split_bullets(par: str) -> str:
    """A dash bullet run into the sentence before it, with no stop between ('... tại xã - Thực hiện việc ...')."""
    out, last = [], 0
    for b in _BULLET_IN.finditer(par):
        if _MARKED.match(par) and "\n" not in par[: b.start()] and duty_after_dash(par, b.end()) is not None:
            continue  # (the heading's double name, its duty split off by _split_heading)
        if not _PAIRED.match(par, b.end() + 2) and par.count("(", 0, b.start()) <= par.count(")", 0, b.start()) \
                and not double_title(par, b.start(), b.end() + 2) and not dash_in_name(par, b.start(), b.end() + 2):
            out += [par[last: b.start()], "\n\n"]
            last = b.end()
    return "".join(out) + par[last:] if out else par
