"""Sentences that state, not assign: what was done or what is ('Năm 2025, Công an xã đã ...', 'Hạ tầng của các xã còn
thiếu', 'Nguyên nhân là ...'), what another document says ('Theo Quyết định số ..., X là ...', 'Chỉ thị số ... yêu cầu
...'), who issued a document that has its number already ('... ban hành Kế hoạch số 05/KH-UBND ...').

A task in a plan is written in the imperative frame: its verb first (the heading's body does it) or a body's name and
then its verb. A statement puts a subject (a body, a thing, a nominalised act: 'Việc ...', 'Công tác ...') before an
aspect or state word ('đã', 'đang', 'chưa', 'còn', 'vẫn', 'từng', 'bị', 'là') that comes before any task verb."""

from __future__ import annotations

import re

from dondoc.plans.verbs import find_verb, task_verb

_MARKS = re.compile(r"^[-–+•·*\s]+")
# (a cited document: its kind, then its number)
_DOC = r"(?:Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kết luận|Kế hoạch|Thông tư|Công văn|Văn bản|Thông báo|Luật|Hướng dẫn|Tờ trình)"
_NUMBERED = rf"{_DOC}\s+(?:số\s*)?\d"
# 'Theo Quyết định số 18/QĐ-UBND ..., X ...', 'Tại Công văn số 45/UBND-KT, ...': what another document says
_QUOTED = re.compile(rf"^(?:Theo|Tại)\s+(?:(?:quy định\s+)?(?:của|tại)\s+)?(?:(?:khoản|điểm|Điều)\s+\S+\s+)*"
                     rf"(?:các\s+)?(?:{_NUMBERED}|(?:Bộ\s+)?[Ll]uật\s+[A-ZĐÀ-Ỹ]|Hiến pháp)")
# 'Chỉ thị số 02/CT-UBND ... yêu cầu ...': the document itself is the subject
_DOC_SUBJECT = re.compile(rf"^{_NUMBERED}")
# '(X) ban hành Quyết định số 120/QĐ-UBND ...': a document with its number is issued already
_IN_DOC = re.compile(rf"\s{_NUMBERED}")
_ISSUED = re.compile(rf"^(?:đã\s+)?ban hành\s+(?:các\s+)?{_NUMBERED}", re.I)
_ASPECT = re.compile(r"(?<![\wÀ-ỹ])(?:đã|đang|chưa|còn(?!\s+lại)|vẫn|là|được)(?![\wÀ-ỹ])")
# what a statement's subject opens with: a body ('Một số UBND các xã', '100% các trường'), or a thing or an act as a noun
# ('Hạ tầng số của ...', 'Việc huấn luyện ...', 'Nguyên nhân ...'); an item opening otherwise opens with its verb, whether
# the verb is a known one or not ('Chú trọng phát hiện các đối tượng ... đã hết hạn ...')
# an opening phrase of time or of the account before the subject: 'Năm 2025, ...', 'Tuy nhiên, ...', 'Kết quả, ...'
_LEAD_TIME = re.compile(r"^(?:năm|trong|ngày|tháng|quý|đến|từ|tuy nhiên|bên cạnh đó|kết quả|nhìn chung|thời gian qua|hiện nay|đến nay|"
                        r"qua|sau|trước|giai đoạn)\b[^,]{0,80},", re.I)
_QUANTITY = re.compile(r"^(?:(?:một số|nhiều|hầu hết|phần lớn|toàn bộ|tất cả|\d+(?:[,.]\d+)?\s*%)\s+)+", re.I)
_THING = re.compile(r"^(?:việc|sự|công tác|hoạt động|nguyên nhân|hạ tầng|trang thiết bị|cơ sở vật chất|đội ngũ|tỷ lệ|số lượng|"
                    r"kết quả|tình hình|tình trạng|hệ thống|nguồn lực|nhận thức|chất lượng|tiến độ|khó khăn|hạn chế|"
                    r"kinh phí|năng lực|lực lượng|phong trào|dữ liệu|thủ tục|hồ sơ)(?![\wÀ-ỹ])", re.I)
# ('X được giao chủ trì ...', 'X được UBND xã giao ...': a passive handover is the body's task)
_GIVEN = re.compile(r"được\s+(?:[^,;.]{0,40}?\s)?(?:giao|phân công|cử|ủy quyền|uỷ quyền|chỉ định)(?![\wÀ-ỹ])")
# an opening phrase before the clause: its aspect words are no subject's ('Trên cơ sở kết quả đã đạt được, tiếp tục ...')
_ADVERBIAL = re.compile(r"^(?:Qua|Trên cơ sở|Căn cứ|Để|Sau khi|Từ|Dựa (?:trên|vào)|Với|Trong|Nhằm|Thực hiện|Triển khai|Bên cạnh|"
                        r"Ngoài|Tuy nhiên|Nhìn chung|Nhờ|Theo|Đến nay|Hiện nay|Thời gian qua)\b[^,;.]{0,150}?,\s+")
# a subordinate clause, not the subject, holds the aspect word: '... khi đã có lệnh sơ tán'
_SUBORDINATE = re.compile(r"(?<![\wÀ-ỹ])(?:khi|nếu|để|mà|nơi|sau khi|trước khi|trong khi|do|vì)(?![\wÀ-ỹ])")
# an imperative opening with no task verb: 'Không để xảy ra ...', 'Tránh ...', 'Tuyệt đối ...'
_IMPERATIVE = re.compile(r"^(?:Không|Tránh|Tuyệt đối|Kiên quyết|Nghiêm cấm|Nghiêm túc|Cần|Phải)\b")
_BRACKET = re.compile(r"\s*\([^()]*\)")
_MODAL = re.compile(r"(?<![\wÀ-ỹ])(?:phải|cần)(?![\wÀ-ỹ])")
# a role the plan gives a body is its duty: 'X là cơ quan thường trực', 'là lực lượng nòng cốt', 'vẫn là đầu mối', 'đồng
# thời là thành viên', 'là cấp trực tiếp triển khai', 'là người đứng đầu'
ROLE_IS = re.compile(r"(?:(?:vẫn|đồng thời|cũng|còn|tiếp tục)\s+)?là\s+(?:cơ quan|đơn vị|đầu mối|lực lượng|cấp|thành viên|"
                     r"người đứng đầu|người chịu trách nhiệm|bộ phận|thường trực)(?![\wÀ-ỹ])")
# the words after a stating clause that go on to the body's duty: 'Sở Y tế đang triển khai ..., tiếp tục chủ trì mở rộng',
# 'Sở Tài chính chưa hoàn thành ..., khẩn trương hoàn thành trước ...', 'X vẫn tiếp tục ...', 'X còn có trách nhiệm ...'
_FORWARD = re.compile(r"(?:tiếp tục|khẩn trương|có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|phải|cần)(?![\wÀ-ỹ])")
# where the next clause starts, and a time that may open it ('... tại 5 bệnh viện. Năm 2026, tiếp tục ...')
_NEXT = re.compile(r"[,;.]\s+(?:(?:và|đồng thời|nay|thời gian tới|trong thời gian tới|(?:trong\s+|từ\s+)?năm\s+\d{4})\s*,?\s+)?",
                   re.I)
_STATE_WORD = re.compile(r"\s(?:(?:hiện|hiện nay|nay)\s+)?(đang|vẫn|còn|chưa|đã|đồng thời|cũng|là)\s")


def goes_on(after: str, word: str, *, thing: bool = False, collective: bool = False) -> bool:
    """After a subject and its aspect word `word` ('đang', 'vẫn', 'đã', ...), `after` (the text past the word) goes on
    to a duty: a role ('vẫn là đầu mối'), 'vẫn tiếp tục', 'còn có trách nhiệm'; a next clause in the imperative frame
    (a forward word — 'tiếp tục', 'khẩn trương', 'có trách nhiệm' —; after a present state a task verb too: 'Sở Y tế
    đang triển khai ..., tiếp tục ...', 'X là thành viên ..., phối hợp ...'); a collective qualified by what it did or
    did not do, then its duty ('Các xã chưa thành lập Tổ ... thì khẩn trương thành lập')."""
    a = after.lstrip()
    if word in ("vẫn", "còn", "đồng thời", "cũng", "là") and (_FORWARD.match(a) or ROLE_IS.match(word + " " + a)):
        return True
    if collective and word != "là" and _FORWARD.search(a):
        return True
    for m in _NEXT.finditer(after):
        nxt = after[m.end() :]
        if m.group(0)[0] == "." and not m.group(0)[1:].lstrip()[:1].isupper():
            continue  # ('1.200 hồ sơ'): no sentence's end
        nxt = nxt[:1].lower() + nxt[1:]
        if _FORWARD.match(nxt) or ROLE_IS.match(nxt):
            return True
        if (not thing or word == "là") and word not in ("đã", "từng") and (v := find_verb(nxt[:40])) is not None and v.start() == 0:
            return True
    return False


def state_then_duty(name: str, rest: str) -> int | None:
    """Where a name read up to a verb ends when a state or a role stands between ('Công an tỉnh | là lực lượng nòng cốt
    trong ..., chủ trì ...', 'Sở Y tế | đang triển khai ..., tiếp tục chủ trì ...'): the index in `name`, or None."""
    if " " not in name:
        return None
    text = name + " " + rest.lstrip(" ") if rest[:1] == " " else name + rest
    for m in _STATE_WORD.finditer(text, 0, len(name) + 12):
        if m.start() >= len(name):
            break
        word = m.group(1)
        if (word == "là" and ROLE_IS.match(text, m.start(1))) or (word != "là" and goes_on(text[m.end() :], word)):
            return m.start()
        if word in ("đang", "vẫn", "còn", "chưa", "đã"):
            return None  # (the first state word decides)
    return None


_ISSUER_ASKS = re.compile(
    # (the issuer is one People's Committee: 'Ủy ban nhân dân các tỉnh ... chỉ đạo ...' is a collective's own duty)
    r"^(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)(?!\s+các\b)[^,;:]{0,40}?\s(yêu cầu|giao|đề nghị|chỉ đạo)"
    # the Government, the Prime Minister, a minister, a steering committee's head hand work down the same way:
    # 'Thủ tướng Chính phủ giao Bộ X chủ trì ...', 'Trưởng Ban Chỉ đạo giao Phó Trưởng ban ...' (the one given
    # the work leads; 'Bộ trưởng Bộ Y tế chỉ đạo các đơn vị ...' is the minister's own duty)
    # a Party committee hands work to the government, the Front or its own organs: 'Đảng ủy xã giao Ủy ban nhân dân xã ...'
    r"|(?:Thủ tướng Chính phủ|Chính phủ|Bộ trưởng|Trưởng [Bb]an|Ban Chỉ đạo|Bộ(?= [A-ZĐÀ-Ỹ])|Đảng [uủ]ỷ|Đảng ủy|Tỉnh [uủ]ỷ|Tỉnh ủy"
    r"|Thành [uủ]ỷ|Thành ủy|Ban Thường vụ|Ban Chấp hành|Chi bộ)[^,;:]{0,40}?\s(yêu cầu|giao|đề nghị)(?=\s+(?:[A-ZĐÀ-Ỹ]|các\s)))"
    r"\s+(.*)$")  # ('Bộ Ngoại giao chủ trì': the name's own 'giao')
# ('UBND xã đã giao ...', 'Thủ tướng Chính phủ từng giao ...': a handover told, no work given by this plan)
_TOLD = re.compile(r"(?<![\wÀ-ỹ])(?:đã|từng|vừa|đã từng)\s+$")


def issuer_asks(t: str) -> re.Match[str] | None:
    """The issuer (or a body above it) handing the work on: 'UBND xã giao Công an xã ...' (groups: the verb, the verb,
    the rest); not a handover told in the past ('Năm 2025, UBND xã đã giao ...')."""
    m = _ISSUER_ASKS.match(t)
    if m is None:
        return None
    verb = m.start(1) if m.group(1) else m.start(2)
    if _TOLD.search(t, max(0, verb - 10), verb) or _IN_DOC.search(t, 0, verb):
        return None  # ('UBND tỉnh ban hành Kế hoạch số 12/KH-UBND giao ...': that document's handover, told)
    return m


def given(rest: str) -> bool:
    """'được giao ...', 'được UBND tỉnh giao ...': the work is given to the body named before it."""
    return _GIVEN.match(rest) is not None


def is_body_start(segment: str) -> bool:
    from dondoc.plans.bodies import is_body_start as opens_name  # (bodies reads this module: imported when used)

    return opens_name(segment)


def issued(rest: str) -> bool:
    """What follows a body's name says it issued a document that has its number already."""
    return rest[:20].lstrip().startswith(("ban hành", "đã ban hành", "Ban hành")) and bool(_ISSUED.match(rest))


def _quoted_then_duty(s: str, start: int) -> bool:
    """After 'Theo <a document>' the clause is in the imperative frame ('Theo Nghị định số 117/2020/NĐ-CP, kiểm tra, xử
    lý ...': in accordance with it, a duty), not a subject's ('Theo Luật Phòng, chống thiên tai, UBND cấp xã có trách
    nhiệm ...': what that document says). The clause is the first after a comma that opens with a verb or a subject (a
    document's name may hold a comma: 'Luật Phòng, chống ...')."""
    comma = s.find(", ", start)
    while comma != -1 and comma < start + 200:
        tail = s[comma + 2 :]
        low = tail[:1].lower() + tail[1:]
        if ((v := find_verb(low[:40])) is not None and v.start() == 0) or _IMPERATIVE.match(tail):
            return True
        if _THING.match(low) or _QUANTITY.match(low) or _LEAD_TIME.match(low) or is_body_start(tail[:1].upper() + tail[1:]):
            return False
        if re.search(_NUMBERED, s[:comma]) and tail[:1].islower():
            return True  # ('Theo ... Nghị định số 42/2022/NĐ-CP, công khai ...': a numbered document ends at its number; the
            # verb after it one the parser does not list)
        comma = s.find(", ", comma + 2)
    return False


def states_fact(text: str) -> bool:
    """The item states what was done, what is, or what another document says: no task of any body."""
    s = _MARKS.sub("", text).strip()
    if not s or _IMPERATIVE.match(s):
        return False
    if (quoted := _QUOTED.match(s)) is not None:
        return not _quoted_then_duty(s, quoted.end())
    if _DOC_SUBJECT.match(s):
        return True
    whole = _BRACKET.sub(" ", s)
    clause = first = re.split(r"[.;:](?:\s|$)", whole, maxsplit=1)[0]  # ('X (sau đây gọi là Y) căn cứ ...': no state)
    while (opening := _ADVERBIAL.match(clause)) is not None and opening.end() < len(clause):
        clause = clause[opening.end() :]  # 'Qua 5 năm triển khai, ...', 'Trên cơ sở kết quả đã đạt được, ...': the clause after it
    low = clause[:1].lower() + clause[1:]
    verb = task_verb(low)
    if verb is not None and verb.group(0) == "ban hành" and _ISSUED.match(low[verb.start() :]):
        return True  # '(UBND xã) ban hành Kế hoạch số 05/KH-UBND ...': issued already
    lead = _LEAD_TIME.match(low)
    head = low[lead.end() :].lstrip() if lead else low
    # a thing or a counted noun as subject: a verb inside it qualifies it ('Kinh phí bố trí cho ... còn thấp', 'Tỷ lệ hồ
    # sơ trực tuyến toàn trình ... vẫn còn thấp'); its 'được' is a passive duty ('Dữ liệu được cập nhật thường xuyên')
    thing = _THING.match(head) is not None or _QUANTITY.match(head) is not None
    # (nor a collective's: 'Các hoạt động truyền thông được tổ chức kịp thời' asks it of them; a named body's is done to it)
    passive_duty = thing or head.startswith(("các ", "những "))
    aspect = next((a for a in _ASPECT.finditer(low, lead.end() if lead else 0) if not (passive_duty and a.group(0) == "được")),
                  None)
    if aspect is None or aspect.start() == 0 or _GIVEN.match(low, aspect.start()):
        return False
    if not thing and ROLE_IS.match(low, aspect.start()):
        return False  # 'Công an tỉnh là lực lượng nòng cốt ...', 'X vẫn là đầu mối ...': the role the plan gives it
    tail = whole[len(first) :]  # (the item's text past its first clause)
    if goes_on(low[aspect.end() :] + tail, aspect.group(0), thing=thing, collective=head.startswith(("các ", "những "))):
        return False  # 'Sở Y tế đang triển khai ..., tiếp tục chủ trì mở rộng ...': a state, then the duty
    if verb is not None and verb.start() <= aspect.start() and not thing:
        return False  # 'Tiếp tục triển khai các nhiệm vụ đã được giao': the verb first
    sub = _SUBORDINATE.search(low, 0, aspect.start())
    if (sub and not (thing and sub.group(0) == "do")) or _MODAL.search(low, aspect.end()):
        return False  # ('Các phương án đang xây dựng phải hoàn thành ...': what the subject must do; 'Hệ thống do X lắp đặt')
    return thing or is_body_start(head[:1].upper() + head[1:])
