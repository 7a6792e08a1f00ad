"""Bodies (cơ quan, đơn vị, cán bộ) named in a plan: where a name starts, where it ends, and how a
list of several bodies splits into one name each.

Names are kept as written; no directory knowledge lives here (aliases and renames are data that
the resolver reads, not code).
"""

from __future__ import annotations

import re

from dondoc.plans.abbr import HeadPattern, abbreviation_heads
from dondoc.plans.factor import expand_factored
from dondoc.plans.name_ends import name_stop, people_field_across
from dondoc.plans.statements import given, issued, state_then_duty
from dondoc.plans.verbs import NOMINAL, VERBS, _factored, field_ends_name, find_verb

# Words that open the name of a body or an officer. Lower-case forms are matched only where a
# name can start (after a list separator), capitalised forms anywhere a name is expected.
HEADS = [
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Ủy ban Mặt trận", "Uỷ ban Mặt trận", "Ủy ban MTTQ",
    "Uỷ ban MTTQ", "UBMTTQ", "UBMT", "Ủy ban", "Uỷ ban", "Mặt trận", "MTTQ", "Hội đồng nhân dân", "HĐND",
    "Hội đồng", "Thường trực", "Văn phòng", "Sở", "Bộ", "Ban", "Phòng", "Cục", "Chi cục", "Tổng cục",
    "Công an", "Bộ Chỉ huy", "BCH", "Ban Chỉ huy", "Quân sự", "Trung tâm", "Đài", "Trạm", "Trường",
    "Bệnh viện", "Viện", "Báo", "Kho bạc", "Thanh tra", "Tòa án", "Toà án", "Viện kiểm sát",
    "Bảo hiểm xã hội", "BHXH", "Ngân hàng", "Chi nhánh", "Liên đoàn", "Liên hiệp", "Hiệp hội", "Hội",
    "Đoàn", "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn", "Tỉnh Đoàn", "Thành Đoàn", "Huyện Đoàn", "Công chức", "Cán bộ", "Chủ tịch", "Phó Chủ tịch",
    "Giám đốc", "Thủ trưởng", "Trưởng", "Hiệu trưởng", "Thôn trưởng", "Trưởng thôn", "Tổ trưởng",
    "Bí thư", "Điện lực", "Tổng Công ty", "Tổng công ty", "Công ty", "Doanh nghiệp", "Các doanh nghiệp",
    "Quỹ", "Cảng vụ", "Cơ quan", "Đơn vị", "Các cơ quan", "Các đơn vị", "Các sở", "Các Sở", "Các ban",
    "Các ngành", "Các phòng", "Các tổ chức", "Các hội", "Các đoàn thể", "Các địa phương", "Địa phương",
    "Các cơ sở", "Các trường", "Các Trung tâm", "Các trung tâm", "Cấp ủy", "Cấp uỷ", "Chính quyền",
    "Đảng ủy", "Đảng uỷ", "Huyện ủy", "Tỉnh ủy", "Thành ủy", "Thị ủy", "Các xã", "Các huyện", "Các quận", "Các thôn", "Các khu phố",
    "Nhà cung cấp", "Các nhà", "Nhà đầu tư", "Hợp tác xã", "Các tổ", "Tổ công tác", "Tổ trưởng",
    "Ban quản lý", "Ban Quản lý", "Các Ban", "Các Bộ", "Các Cục", "Các Tổng cục", "Các Chi cục", "Các Vụ", "Các Viện",
    "Các Bệnh viện", "Các Hội", "Các Phòng", "Các Trường", "Bộ phận", "Người đứng đầu",
    "Thủ trưởng các", "VHXH", "LĐTBXH", "LĐ-TB&XH", "Liên minh", "Cổng Thông tin", "Cổng thông tin",
    "Cổng TTĐT", "Hệ thống truyền thanh", "Chuyên viên", "Viên chức", "Trang thông tin điện tử", "Trang Thông tin điện tử",
]
def _known_across(text: str, at: int) -> bool:
    from dondoc.plans.gazetteer import known_across

    return known_across(text, at)


def _gazetteer_heads() -> list[str]:
    """Head words listed in the gazetteer's data (kind 'head'): data a user can extend."""
    from dondoc.plans.gazetteer import heads

    return heads()


_ABBR_ALONE, _ABBR_RE = abbreviation_heads(_factored)  # 'LĐLĐ', 'Sở XD', 'UBMTTQVN'; 'CA tỉnh', 'NH CSXH' (plans.abbr)
_HEAD_RE = _factored(sorted(set(HEADS) | set(_gazetteer_heads()) | set(_ABBR_ALONE))) + _ABBR_RE
# A centre or a management board named by its initials ('TTBT Di tích Cố đô Huế', 'TTXTĐT, TM&HTDN', 'TTYT
# huyện', 'BQL dự án'): 'TT' (Trung tâm) or 'BQL' (Ban quản lý) and the initials of what it does. Initials
# opening with 'TT' that name no body: thủ tục hành chính, thông tin điện tử, Thủ tướng Chính phủ, trật tự
# an toàn giao thông / xã hội, thông tin và truyền thông.
_NOT_INITIALS = ("TTHC", "TTĐT", "TTCP", "TTATGT", "TTATXH", "TTXH", "TTTT", "TTGT")
_HEAD_RE += r"|(?!(?:" + "|".join(_NOT_INITIALS) + r")(?![A-ZĐ]))(?:TT[A-ZĐ]{2,7}|BQL[A-ZĐ]{0,6})(?![a-zà-ỹ])"
# ... or with a space after 'TT' ('TT CNTT', 'TT KSBT tỉnh'): the initials are plain capitals (a column title in
# capitals, 'TT NỘI DUNG', carries a marked letter or goes on in capitals)
_HEAD_RE += r"|(?:TT|BQL) (?!(?:" + "|".join(_NOT_INITIALS) + r")(?![A-ZĐ]))[A-ZĐ]{2,7}(?![\wÀ-ỹ-]|\s+[A-ZĐÀ-Ỹ]{2})"
# words that open like a body's name but name none (a report, a council meeting, a bill of rules ...)
_NOT_BODY_WORDS = (
    "Báo cáo", "Báo chí", "Hội nghị", "Hội thảo", "Hội thi", "Hội nhập", "Trường hợp", "Ban hành", "Bộ máy",
    "Bộ tiêu chí", "Bộ chỉ số", "Bộ công cụ", "Bộ dữ liệu", "Bộ luật", "Bộ quy tắc", "Bộ quy chuẩn", "Bộ tiêu chuẩn",
    "Bộ câu hỏi", "Bộ tài liệu", "Bộ hồ sơ", "Bộ sách", "Bộ đề", "Bộ mẫu", "Bộ thủ tục", "Bộ nhận diện", "Phòng,", "Phòng chống", "Phòng ngừa", "Phòng, chống",
    "Đoàn kết", "Thanh tra, kiểm tra", "Chính quyền số", "Đơn vị tính", "Cơ quan chủ trì", "Cơ quan phối hợp",
    "Đơn vị chủ trì", "Đơn vị phối hợp", "Cơ quan thực hiện", "Đơn vị thực hiện", "Cơ quan, cán bộ",
    "Cơ quan, đơn vị chủ trì", "Quỹ đất", "Doanh nghiệp số", "Đài truyền hình số", "Trạm quan trắc",
    "Trung tâm dữ liệu", "Văn phòng số", "Ngân hàng dữ liệu", "Trường học số", "Các ngành, lĩnh vực",
    "Các cơ sở dữ liệu", "Cơ sở dữ liệu", "Vụ việc", "Vụ án", "Vụ mùa", "Thư viện số", "Bảo tàng số", "Viện dẫn",
)
_NOT_BODY = "(?:" + _factored(list(_NOT_BODY_WORDS)) + ")"  # (literal words: factored like the heads)

# After a list separator these lower-case words start another body ("..., cấp ủy, Ban cán sự").
_LOWER_STARTS = (
    "các ", "cấp ủy", "cấp uỷ", "cán bộ", "công chức", "chủ tịch", "trưởng ", "thành viên", "ban cán sự",
    "hiệu trưởng", "thường trực", "hội đồng", "hội liên hiệp", "đoàn thanh niên", "ủy ban", "uỷ ban", "người đứng đầu", "thủ trưởng",
    "địa phương", "nhà đầu tư", "nhà cung cấp", "doanh nghiệp", "tổ chức",
    "hội quần chúng", "hội đặc thù",  # the standard categories of mass associations
    "hệ thống truyền thanh", "cổng thông tin", "cơ quan ngành dọc", "cơ quan chuyên môn",
)
_NOT_SPLIT_AFTER = re.compile(r"(?:HĐND|Hội đồng nhân dân)\s*$")
# (a plan's own short names, '(sau đây viết tắt là CDC)', go in '{extra}' while it is parsed: plans.abbr)
HEAD = HeadPattern(re.compile(rf"^(?!{_NOT_BODY})(?:{_HEAD_RE})(?=[\s,;:.)(-]|$)"),
                   "^(?!" + _NOT_BODY + ")(?:" + _HEAD_RE + "|{extra})(?=[\\s,;:.)(-]|$)")

_SEP = re.compile(r"\s*(?:;|,|\bvà\b|\bcùng\b|/)\s*")


def is_body_start(segment: str) -> bool:
    """The segment opens the name of a body (a capitalised head word, or "các ...", "cán bộ ...")."""
    return _is_body_start(segment)


def _is_body_start(segment: str) -> bool:
    s = segment[:60].strip()
    if not s:
        return False
    if s[0].isupper() and HEAD.match(s):
        return True
    low = s.lower()
    return low.startswith(_LOWER_STARTS)


# where a separator can start: brackets (tracked for depth), ',', ';', '/', or 'và'/'cùng' after a space
# (each branch opening with a character, the look-behinds after it; the same matches as '[()\[\],;/]|(?:(?<= )|^)(?:và|cùng)\b')
_SEP_AT = re.compile(r"\(|\)|\[|\]|,|;|/|và(?:(?<= và)|(?<=^và))\b|cùng(?:(?<= cùng)|(?<=^cùng))\b")
_NOT_NAME = re.compile(r"[\W\d]+")


# kinds of bodies before a colon that introduces their names ('Các Hội: Hội Nông dân, ...', 'Các cơ quan, đơn vị: Sở Y tế, ...')
_INTRO = re.compile(r"^[Cc]ác\s+[^:;()\d]{1,40}?:\s*")
_ELIDED_HEAD = re.compile(r"^[Cc]ác\s+(?:(?:Trung tâm|Chi cục|Tổng cục|Bệnh viện)|[\wÀ-ỹ]+)(?:\s*,\s*[\wÀ-ỹ]+)?\s*:")
# ('Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ': the heads of a collective are one collective too)
_PLURAL_ONE = re.compile(r"^\s*(?:(?:Thủ trưởng|Người đứng đầu|Lãnh đạo)\s+)?(?:Các|các)\s+(?:(?:Tổng|Chi) cục|[\wÀ-ỹ]+)(?:\s*,\s*(?:(?:Tổng|Chi) cục|[\wÀ-ỹ]+))*\s*$")
_NON_STATE = ("doanh nghiệp", "nhà đầu tư", "nhà cung cấp", "cá nhân", "người", "hộ ")
_PLURAL_KINDS = re.compile(r"^\s*(?:Các|các)\s+[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,2}(?:\s*,\s*[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,2})*\s*$")
_BARE_HEAD = re.compile(r"^[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?: cục)?(?=\s*(?:,|\bvà\b|\bthuộc\b|\btrực thuộc\b|\bcó liên quan\b|\bliên quan\b|$))")

_STAFF = re.compile(r"^\s*(?:[Cc]án bộ|[Cc]ông chức|[Vv]iên chức|[Nn]gười lao động|[Đđ]ảng viên|[Đđ]oàn viên|[Hh]ội viên)(?:\s*(?:,|và)\s*(?:cán bộ|công chức|viên chức|người lao động|đảng viên|đoàn viên|hội viên))*(?![\wÀ-ỹ])\s*(?:$|(?=[,;]|và\b))")


def split_bodies(phrase: str) -> list[str]:
    """'Phòng Y tế, Trung tâm y tế huyện' -> two names; 'Các phòng, ban, ngành huyện' stays one.

    A separator (',', ';', 'và') starts a new name only when what follows opens a name (a
    capitalised head word such as Sở, Phòng, UBND, or 'các ...', 'cán bộ ...'); ';' always does.
    Separators inside parentheses never split: "Công chức VP-TK (Thường trực HĐTĐKT)".
    """
    text = " ".join(phrase.split()).strip(" .;:,")
    if not text:
        return []
    if _OFFICER_IN_CHARGE.match(text) and ";" not in text:
        return [text]  # 'Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng': the fields of one officer
    if _HEADS_OF_KINDS.match(text):
        return [text]  # 'Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức': the heads of every organ of those kinds
    if (factored := expand_factored(text)) is not None:
        return factored  # 'Các bộ: Y tế, Công Thương': one name per body, each with its head word (factor.py)
    if (intro := _INTRO.match(text)) is not None and HEAD.match(text[intro.end() :]):
        named = split_bodies(text[intro.end() :])  # 'Các đơn vị: Sở Y tế, Công an tỉnh': the kinds introduce the names
        if all(HEAD.match(n) for n in named) and (len(named) > 1 or "," not in named[0]):
            # (not 'Các bộ, ngành: Công an, Quốc phòng, Y tế': names the kinds elide, no name parted)
            return named
    out: list[str] = []
    # 'Các Vụ: Pháp chế, Tổ chức cán bộ, Kế hoạch - Tài chính': the names a plural head elides are bare, a
    # capitalised item there is one of them unless it opens with a head word of its own
    elided = _ELIDED_HEAD.match(text) if ":" in text and _collective_at(text, 0) else None
    depth = 0
    seg = 0  # where the current name starts
    pos = 0  # separators before this were consumed
    for c in _SEP_AT.finditer(text):
        i = c.start()
        if i < pos:
            continue
        ch = text[i]
        if ch in "([":
            depth += 1
            continue
        if ch in ")]":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        m = _SEP.match(text, i)
        if m is None:
            continue
        sep = m.group(0).strip()
        rest = text[m.end() : m.end() + 80]
        if sep == "/" and not _is_body_start(rest):
            continue
        if sep != ";" and _collective_at(text, seg) and _PLURAL_ONE.match(text[seg:i]) and _BARE_HEAD.match(rest):
            pos = m.end()  # 'Các Cục, Vụ thuộc Bộ', 'các Bộ, Sở, ngành' (first or later in a list): one collective of kinds
            continue
        if (sep == "," and _collective_at(text, seg) and rest[:1].islower() and not rest.startswith(("các ", *_NON_STATE))
                and not text[seg + 4 :].startswith(_NON_STATE) and _PLURAL_KINDS.match(text[seg:i])):
            pos = m.end()  # 'Các cấp ủy, tổ chức đảng, cơ quan, đơn vị': lower-case kinds of organs go on the collective
            continue  # ('các tổ chức, doanh nghiệp': the firms are named apart, gold 49)
        if sep in (",", "và") and _STAFF.match(text[seg:i]) and _STAFF.match(rest):
            pos = m.end()  # 'cán bộ, công chức, viên chức và người lao động': kinds of staff, one group ('công chức Văn phòng': a post)
            continue
        if elided is not None and seg == 0 and i > elided.end() and sep != ";" and rest[:1].isupper() and not HEAD.match(rest):
            pos = m.end()
            continue
        opens = sep != ";" and _is_body_start(rest) and not (sep == "và" and people_field_across(text[seg:i], rest))
        if opens and (_BARE_ORG.match(text[seg:i].strip()) or _known_across(text[seg:], i - seg)
                      or ((h := HEAD.match(text[seg:])) is not None and h.end() > i - seg)):
            pos = m.end()  # 'Báo và Đài Phát thanh, Truyền hình X', 'Sở, Ban, ngành tỉnh': a head word alone names no body;
            continue  # 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', 'Các Cụm, Khối thi đua': a known name or head across the separator
        if sep == ";" or (opens and not (sep == "và" and _NOT_SPLIT_AFTER.search(text[max(seg, i - 40) : i]))):
            cur = text[seg:i].strip()
            if cur:
                out.append(cur.strip(" ,;"))
            seg = m.end()
        pos = m.end()
    last = text[seg:]
    if last.strip(" ,;"):
        out.append(last.strip(" ,;."))
    out = [_TRAILING_AND.sub("", s) if s.endswith(("và", "cùng")) else s for s in map(str.strip, out)]
    return _fold_generic([x for x in out if x and not _NOT_NAME.fullmatch(x)], text)


def _collective_at(text: str, seg: int) -> bool:
    """The name starting at `seg` is a collective: 'các ...', 'Thủ trưởng các ...'."""
    return text[seg : seg + 4] in ("Các ", "các ") or bool(_COLLECTIVE.match(text, seg))


_TRAILING_AND = re.compile(r"\s+(?:và|cùng)$")


# a lower-case generic noun after a list of names is the end of a collective, not a body:
# 'Các sở, ban, ngành, địa phương', 'các cơ quan, tổ chức có liên quan'
_GENERIC_TAIL = re.compile(r"^địa phương(?:\s+(?:có liên quan|liên quan|trên địa bàn[\wÀ-ỹ ]*))?$")


_COLLECTIVE = re.compile(r"^(?:(?:Thủ trưởng|Người đứng đầu|Lãnh đạo)\s+)?các\s", re.I)  # 'Thủ trưởng các sở, ngành, địa phương'


def _fold_generic(names: list[str], text: str) -> list[str]:
    """Put a generic tail back onto the collective before it, as written."""
    out: list[str] = []
    for n in names:
        if out and _GENERIC_TAIL.match(n) and _COLLECTIVE.match(out[-1]):
            joined = next((out[-1] + sep + n for sep in (", ", " và ") if out[-1] + sep + n in text), None)
            if joined:
                out[-1] = joined
                continue
        out.append(n)
    return out


_LEAD_IN = re.compile(
    r"^(?:Giao(?: cho)?|Đề nghị|Khuyến khích|Yêu cầu)\s+", re.IGNORECASE
)
REQUEST = re.compile(r"^(?:Đề nghị|Khuyến khích|Kính đề nghị)\b", re.IGNORECASE)
_GENERIC = re.compile(r"^(?:các cấp(?!\s+ủy|\s+uỷ)|các ngành,\s*các cấp|mọi|toàn|người dân|nhân dân|doanh nghiệp và người dân)\b", re.IGNORECASE)
# (after the name: what is said of it, not its duty: what was done, is being done or is promised; a passive 'cần được
# hỗ trợ': those the work is for, not who does it)
_BAD_AFTER_NAME = re.compile(r"^(?:đã|đang|được|sẽ|(?:cần|phải)\s+được|là(?! cơ quan| đơn vị| đầu mối)|có(?! trách nhiệm)|không|cũng|vẫn|chưa|bị|nhằm|của|trong(?! phạm vi)|tại|theo quy định)\b")


# an organ's head noun alone names none ('Ban chỉ đạo', 'Trung tâm chỉ huy'), nor does 'Thường trực' (the standing body
# of a council or a board is always named with it: 'Thường trực Hội đồng nhân dân tỉnh', 'Thường trực Ban Chỉ đạo')
_HANDED = re.compile(r"\s((?:đã\s+)?được)$")
_STATE_IN = re.compile(r"\s(?:còn|chưa|vẫn|đã|đang|gặp|là)\s")
_STOP_IN_NAME = re.compile(r"[\wÀ-ỹ]{3}\.\s+[A-ZĐÀ-Ỹ]")  # (not an abbreviation's: 'TP. Huế', 'Tp. Vinh')
_ASPECT_INSIDE = re.compile(r"\s(?:đã|đang|sẽ)\s")
_ENDS_GOVERNING = re.compile(r"\s(?:về|của|cho|tại|từ|với|đối với)$")
_BARE_ORG = re.compile(r"^(?:Ban|Trung tâm|Hội đồng|Ủy ban|Uỷ ban|Tổ|Đội|Văn phòng|Phòng|Cục|Chi cục|Vụ|Viện|Sở|Bộ|Đoàn|Thường trực|Ngân hàng|Báo|Đài)$")


def leading_body(text: str, *, max_len: int = 220) -> tuple[str, str, bool] | None:
    """A sentence that opens with a body: 'Sở Y tế chủ trì kiểm tra ...' -> (name, rest, request).

    Accepts a lead-in ('Giao', 'Đề nghị', 'Khuyến khích'); returns None when the sentence does
    not start with a body name followed by a task verb.
    """
    s = text.strip()
    request = bool(REQUEST.match(s))
    m = _LEAD_IN.match(s)
    if m:
        s = s[m.end() :]
    if not s or _GENERIC.match(s):
        return None
    # (only the opening lower-cased: every word of _LOWER_STARTS is shorter than 24 characters)
    if not HEAD.match(s) and not (s[:1].islower() and s[:24].lower().startswith(_LOWER_STARTS)):
        return None
    colon = s.find(":")
    v = find_verb(s, 2)
    cap = _CAP_VERB.search(s, 2)
    if cap is not None and (v is None or cap.start() < v.start()) and not _BARE_ORG.match(s[: cap.start()].strip()):
        v = cap  # 'Sở Tài chính Chủ trì, phối hợp ...': a heading run into its first duty ('Phòng Tham mưu' is a name)
    stop = name_stop(s, v.start() if v is not None else min(len(s), max_len + 20))
    if stop is not None and (colon == -1 or stop.start() < colon):
        v = stop  # 'Sở Tài chính, trên cơ sở ...', 'UBND các xã Chủ động ...': the name ends before (name_ends)
    if v is not None and max_len < v.start() <= 3 * max_len and _long_list(s[: v.start()]):
        max_len = v.start()  # a long list of named bodies before the verb ('Đề nghị A, B, ... (12 names) tăng cường')
    duty = _DUTY.search(s, 0, max_len + 20)
    if v is not None and duty is not None and duty.start() > v.start() and _QUALIFIED.search(s[: v.start()]):
        # 'Các cơ quan được phân công chủ trì thực hiện nhiệm vụ ... có trách nhiệm lập kế hoạch':
        # the subject is qualified by what it was given; 'có trách nhiệm' ends it
        name, rest = s[: duty.start()], s[duty.start() :]
    elif colon != -1 and colon < max_len and (v is None or colon < v.start()) and not _elided_list(s, colon, v):
        name, rest = s[:colon], s[colon + 1 :]
    elif v is not None and v.start() <= max_len:
        name, rest = s[: v.start()], s[v.start() :]
    else:
        return None
    name = name.strip(" ,;-–")
    # (the text after the name as written: the comma before the next clause kept)
    stated = None if name[:6].lower().startswith(("các ", "những ")) else state_then_duty(name, s[len(name) :])
    if stated is not None:  # 'Công an tỉnh | là lực lượng nòng cốt ..., chủ trì ...', 'Sở Y tế | đang ..., tiếp tục ...'
        name, rest = name[:stated], name[stated:] + " " + rest
    if (len(name) > 150 and not HEAD.match(name)) or re.search(r",\s*(?:đặc biệt|nhất là|trong đó)\b|\btheo mô hình\b", name):
        return None
    # ('Các xã ven đô còn | duy trì ...', '... vẫn | thực hiện', '... chưa | triển khai': a state described, not a duty;
    # '... đã/đang/được/sẽ': what was done, is being done, or is promised)
    handed = _HANDED.search(name)
    if handed and given(name[handed.start(1) :] + " " + rest):
        name, rest = name[: handed.start()], name[handed.start(1) :] + " " + rest  # 'Sở Tài chính được | phân công chủ trì ...'
    if re.search(r"\b(?:đã|đang|được|còn|vẫn|chưa|sẽ|chịu sự|chịu)\s*$", name) or _ENDS_GOVERNING.search(name):
        return None  # ('Cổng thông tin quốc gia về | quản lý dữ liệu ...': a name never ends on the word governing its object)
    if (NOMINAL.search(name + " ", max(0, len(name) - 12)) and _STATE_IN.search(name)) or _STOP_IN_NAME.search(name):
        return None  # ('Các hộ còn gặp khó khăn trong việc | thực hiện ...': a state, then a noun's verb; '... Sở Y. Đẩy mạnh')
    passive = " được " in name and not name[:8].lower().startswith(("các ", "những ", "cơ quan", "đơn vị", "tổ chức"))
    if passive:  # 'Sở X được UBND tỉnh giao | làm ...': the name ends before 'được'; a task when the work is given to it
        k = name.index(" được ")
        if not given(name[k + 1 :] + " " + rest):
            return None  # ('Trạm Y tế xã được sáp nhập ...': what is done to it)
        name, rest = name[:k], name[k + 1 :] + " " + rest
    if " đ" in name or " sẽ " in name:
        if _ASPECT_INSIDE.search(name) and not name[:6].lower().startswith(("các ", "những ")):
            return None  # ('Công an tỉnh đã phát hiện, | xử lý ...': the verb list began before the verb found; a
            # collective may be qualified by what it did: 'Các xã đã đạt chuẩn nông thôn mới tiếp tục ...')
    if (_BAD_AFTER_NAME.match(rest.strip()) and not (passive or handed) and stated is None) or issued(rest.strip()):
        return None  # ('UBND xã ban hành Kế hoạch số 05/KH-UBND ...': a document with its number, issued already)
    if len(name) < 3 or len(name) > max_len or _BARE_ORG.match(name):
        return None  # ('Ban chỉ đạo', 'Trung tâm chỉ huy': an organ's head noun alone names none)
    parts = split_bodies(name)
    if len(parts) > 1 and any(not _is_body_start(p) and not p.lower().startswith(("cơ quan", "đơn vị")) for p in parts[1:]):
        return None  # 'Các tổ chức ... thuộc X; cai nghiện ma túy; điều trị ...': a list of fields, not of bodies
    return name, rest.strip(" :,"), request


# 'Các Sở: Tài chính, Xây dựng, Công Thương chủ trì ...', 'Ủy ban nhân dân các xã: A, B, C tổ chức ...', 'Các bộ, ngành: A, B':
# a plural head word before the colon, the names it heads after it; the whole list is the subject
_PLURAL_HEAD = re.compile(r"(?:^|\s)các\s+(?:(?:trung tâm|chi cục|tổng cục|bệnh viện|cơ quan|đơn vị)|[\wÀ-ỹ]+)"
                          r"(?:\s*,\s*(?:cơ quan|đơn vị|[\wÀ-ỹ]+)){0,2}(?:\s+(?:tỉnh|huyện|thành phố|cấp tỉnh|cấp xã))?\s*$", re.I)
_OPENS_WITH_VERB = re.compile(r"\s*(?:" + "|".join(re.escape(v) for v in sorted(VERBS, key=len, reverse=True)) + r")(?![\wÀ-ỹ])",
                              re.I)
_CAP_ITEMS = re.compile(r"^\s*[A-ZĐÀ-Ỹ][^,;:()]{0,60}(?:\s*(?:,|\bvà\b)\s*[A-ZĐÀ-Ỹ][^,;:()]{0,60})*\s*$")


def _elided_list(s: str, colon: int, v: re.Match[str] | None) -> bool:
    """The names after the colon, not a duty opening with its verb in capitals ('các cấp: Tăng cường ...'); with no verb
    after them, a list of names alone ('Các Sở: Y tế, Công Thương' as a label's value)."""
    items = s[colon + 1 : v.start() if v is not None else len(s)].rstrip(" .;")
    return bool(_PLURAL_HEAD.search(s[:colon])) and bool(_CAP_ITEMS.match(items)) and not _OPENS_WITH_VERB.match(items)


# ('(?<=[\w)])\s+(?=...)' written space first, so that the engine jumps from space to space)
_CAP_VERB = re.compile(r"\s(?<=[\w)]\s)\s*(?=(?:Chủ trì|Phối hợp với|Tham mưu|Tăng cường|Triển khai|Thực hiện)\b)")
_DUTY = re.compile(r"\s(?:có trách nhiệm|chịu trách nhiệm)\b")
_QUALIFIED = re.compile(r"\b(?:được|đã được)(?:\s+(?:phân công|giao))?\s*$")


def _long_list(region: str) -> bool:
    """Four or more names, nearly all opening with a body's head word."""
    parts = split_bodies(region.strip(" ,;"))
    return len(parts) >= 4 and sum(1 for p in parts if _is_body_start(p)) >= 0.8 * len(parts)


def is_body_name(text: str) -> bool:
    """A heading that is nothing but a body name: '1. Sở Y tế', 'Đề nghị Ủy ban MTTQ huyện ...'."""
    s = text.strip(" :.")
    m = _LEAD_IN.match(s)
    if m:
        s = s[m.end() :]
    # after 'Đề nghị' / 'Giao' a list may open in lower case: 'Đề nghị các tổ chức, doanh nghiệp, Hiệp hội ...'
    lower_ok = m is not None and s.startswith(_LOWER_STARTS)
    if not s or len(s) > 200 or not (HEAD.match(s) or lower_ok) or _GENERIC.match(s):
        return False
    v = find_verb(s, 2)
    if v is not None and not text.rstrip().endswith((".", ";")) and field_ends_name(s, v):
        return True  # '1. Cục An toàn thông tin': the field its name ends with, no duty after it (a sentence's stop)
    if v is not None and _IN_CHARGE_OF.search(s[: v.start()]):
        return True  # 'Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội': an officer named by the field in their charge
    return v is None


_KIND = r"[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,2}"
_HEADS_OF_KINDS = re.compile(rf"^(?:Người đứng đầu|Thủ trưởng|Lãnh đạo)\s+(?:các\s+)?{_KIND}(?:\s*,\s*{_KIND})+$")


def generic_kinds(name: str) -> bool:
    """'Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức': the heads of every organ of those kinds, named with bare
    nouns as a law or a principle names them (no 'các': not the bodies a plan addresses)."""
    return bool(_HEADS_OF_KINDS.match(name)) and not re.search(r"\bcác\b", name)


_OFFICER_IN_CHARGE = re.compile(r"^(?:Cán bộ|Công chức|Chuyên viên|Viên chức)\s+phụ trách\s+(?:lĩnh vực|công tác|mảng)\b")
_IN_CHARGE_OF = re.compile(r"^(?:Cán bộ|Công chức|Chuyên viên|Viên chức|Đồng chí|Phó\s+\w+|Trưởng\s+\w+)[^,;:]{0,30}\sphụ trách\s+(?:lĩnh vực|công tác|mảng|địa bàn)?\s*\S*\s*$")


_PART = re.compile(r"(?:chủ trì|phối hợp|thực hiện|tham mưu|triển khai|thẩm định|hướng dẫn|theo dõi)\b")
