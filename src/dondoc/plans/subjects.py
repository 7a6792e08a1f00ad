"""Who a task sentence gives work to: the subject at its start, after the issuer's 'giao' / 'yêu cầu' /
'đề nghị', after a condition, after the task ('..., do Sở X chủ trì'), or in the later sentences of a
paragraph that hand work out."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dondoc.plans.bodies import _PART, HEAD, generic_kinds, is_body_name, is_body_start, leading_body
from dondoc.plans.bracketed import trailing_body
from dondoc.plans.gazetteer import is_generic
from dondoc.plans.labelled import LEAD_LABEL, TIME_LABEL
from dondoc.plans.rank import own_or_higher
from dondoc.plans.statements import issuer_asks
from dondoc.plans.verbs import find_verb

_MARKS = re.compile(r"^[-–+•·*\s]+")  # a bullet's marks (compiled once: stripped from every item)
_LEAD_IN = re.compile(
    r"^(?:Căn cứ|Trên cơ sở|Để|Định kỳ|Hằng năm|Hàng năm|Hằng quý|Hàng quý|Ngoài ra|Đồng thời|Theo đó|Bên cạnh đó|Sau khi|Đối với|Riêng"
    # the time first, the subject after the comma: 'Trong năm 2024, Bộ Công an ...', 'Trước ngày 30/6/2024, các bộ ...'
    r"|Trong (?:năm|quý|quí|tháng|giai đoạn|thời hạn|dịp|(?:6|sáu) tháng)|Trước (?:ngày|năm|quý|quí|tháng|Tết|dịp)|Chậm nhất|Đến (?:năm|hết|ngày)"
    # a time or period alone: 'Năm 2025, Sở Nội vụ ...', 'Quý I/2027, các cơ quan ...', 'Từ năm 2026, ...'
    r"|(?:Năm|Quý|Quí|Tháng|Ngày)\s+(?:\d+|[IVX]+)|(?:Từ|Sau)\s+(?:năm|ngày|tháng|quý|quí)\s+\d+|Giai đoạn\s+\d+|Từ nay|(?:Nhân|Vào) dịp|Ngay sau khi"
    r"|(?:Đầu|Cuối|Giữa)\s+(?:năm|quý|quí|tháng)|(?:Hằng|Hàng)\s+(?:tháng|tuần)|(?:Sáu|6)\s+tháng"
    # the act the duty carries out, then its subject: 'Thực hiện Nghị quyết số 57-NQ/TW ..., Sở X chủ trì ...'
    r"|(?:(?:Tiếp tục\s+)?(?:Triển khai\s+)?[Tt]hực hiện|Triển khai)\s+(?:Nghị quyết|Quyết định|Chỉ thị|Kết luận|Kế hoạch"
    r"|Luật|Nghị định|Thông tư|Công văn|Văn bản|Chương trình|Đề án|Chiến lược)\s+(?:(?:số\s+)?[\wÀ-ỹ/-]*\d|(?-i:[A-ZĐÀ-Ỹ])[\wÀ-ỹ]*))"
    r"\b", re.I)
_GIVEN_BY_ACT = re.compile(r"\s(?:đã\s+)?được\s+(?:giao|phân công)$")
_GIVEN_NOW = re.compile(r"(?:đã\s+)?được\s+(?:giao|phân công)\b")
_ASK_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=(?:Đề nghị|Giao|Yêu cầu|Khuyến khích)\s)")
_ASK_WORD = re.compile(r"Đề nghị|Giao|Yêu cầu|Khuyến khích")  # (what _ASK_SENTENCE needs: a cheap test first)
_CLOSING_ASK = re.compile(
    r",\s*(?=(?:yêu cầu|đề nghị|giao)\s+(?:các\s|Ủy ban|UBND|Sở\s|Thủ trưởng|[A-ZĐ]))"
    # '... tầm nhìn đến năm 2045” Ủy ban nhân dân thành phố yêu cầu các sở, ...': the issuer asks after the title
    r"|(?<=[”\"),.])\s+(?=(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)(?: (?:tỉnh|thành phố|huyện|xã|phường))?\s+(?:yêu cầu|đề nghị|giao)\s)"
)
_ASK_CLAUSE = re.compile(r"(?<=;)\s+(?=(?:đề nghị|Đề nghị|yêu cầu|giao)\s)")
_COND_ASK = re.compile(r"(?<=[,;])\s*(?:đề nghị|yêu cầu|giao)\s+(?=[A-ZĐÀ-Ỹ]|các\s)", re.I)
_CONDITIONAL = re.compile(r"nếu có\s+(?:khó khăn|vướng mắc|phát sinh)|Trong quá trình", re.I)


_GOVERNS = re.compile(r"\b(?:phối hợp với|phối hợp|cùng với|(?<![Đđ]ối )với|chỉ đạo|hướng dẫn|đôn đốc)\s")


def _in_enumeration(before: str) -> bool:
    """The comma continues a list of names governed by '(phối hợp) với': what follows it is
    another item of that list ('phối hợp với các sở, ban, ngành, Ủy ban nhân dân xã, phường bố trí
    ...'), not the subject of a new clause. (After 'của X,' a capitalised name is a new subject:
    'Trên cơ sở đề xuất của Sở Y tế, Hội đồng thi đua xét ...'.)"""
    clause = re.split(r"[;.]\s", before)[-1]
    last = None
    for last in _GOVERNS.finditer(clause):  # noqa: B007 (the loop keeps the last match)
        pass
    if last is None or not is_body_start(clause[last.end() :]) or find_verb(clause, last.end()) is not None:
        return False
    tail = re.split(r",\s*|\s+và\s+", clause[last.end() :])[-1].strip()
    return is_body_start(tail) or (len(tail.split()) <= 2 and tail.islower())


_LED_AFTER = re.compile(r"[,;]\s+do\s+(?=[A-ZĐÀ-Ỹ]|các\s)")
_FUNDED_BY = re.compile(r"\sdo\s+(?=[A-ZĐÀ-Ỹ]|các\s)")
_TOPIC = re.compile(r"^[^:;.]{3,90}:\s+(?=\S)")


# 'a) Đối với các sở, ngành: chủ động ...', '2. Đối với UBND cấp xã:': a heading naming the bodies whose duties follow;
# 'Đối với doanh nghiệp: hướng dẫn ...', 'Đối với cán bộ, công chức: ...' name those the work is for, not an agency
_FOR_BODY = re.compile(r"^Đối với\s+([^:;.]{3,90}?)\s*:\s*")
_NOT_AGENCY = re.compile(r"doanh nghiệp|hợp tác xã|người|cán bộ|công chức|viên chức|học sinh|trẻ em|hộ\b|cá nhân|(?<!ban )nhân dân|"
                         r"đối tượng|cơ sở|nhà đầu tư|thành viên|hội viên|đoàn viên|tổ chức|nhiệm vụ|dự án|lĩnh vực|vụ việc", re.I)


def for_body(t: str) -> tuple[str, str] | None:
    """The agency an 'Đối với X:' heading names and the text after its colon, or None."""
    m = _FOR_BODY.match(t) if t.startswith("Đối với") else None
    if not m or _NOT_AGENCY.search(m.group(1)):
        return None
    name = m.group(1)
    return (name, t[m.end():]) if is_body_name(name[:1].upper() + name[1:]) else None


def _asked_body(m: re.Match[str]) -> tuple[str, str, bool] | None:
    """The body an issuer's 'giao / yêu cầu / đề nghị Y ...' hands the work to ('đề nghị' makes it a request)."""
    lb = leading_body(m.group(3))
    return (lb[0], lb[1], (m.group(1) or m.group(2)) == "đề nghị" or lb[2]) if lb else None


def _sentence_body(text: str, issuer: str | None = None) -> tuple[str, str, bool] | None:
    """The body a task sentence gives work to, with the task and whether it is a request. With the plan's `issuer`
    known, a People's Committee that 'chỉ đạo Y ...' hands the work to Y only when it is the issuer (or above it):
    another one directing is its own duty ('Ủy ban nhân dân huyện chỉ đạo các phòng ...' in the Front's plan)."""
    t = _MARKS.sub("", text).strip()
    if _CONDITIONAL.match(t) and not _COND_ASK.search(t):
        # 'Trong quá trình ..., nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo ...':
        # the body named after the condition is the one to report; with none, it names no one
        return _reporting_subject(t)
    if _CONDITIONAL.match(t):
        # '..., nếu có khó khăn, vướng mắc, đề nghị các bộ, ngành kịp thời phản ánh về Bộ X': a duty of those named
        m = _COND_ASK.search(t)
        lb = leading_body(t[m.start() :]) if m else None
        if lb and (lb[0][:1].isupper() or lb[0].startswith("các ")):
            return lb
        return None
    m = issuer_asks(t)
    if m and not (issuer and m.group(1) == "chỉ đạo" and not own_or_higher(t[: m.start(1)].strip(), issuer)):
        return _asked_body(m)
    fb = for_body(t)
    if fb and fb[1][:1].islower():
        return fb[0], fb[1], False
    lb = leading_body(t)
    if lb:
        return lb
    topic = _TOPIC.match(t)
    if topic and t[topic.end() : topic.end() + 1].isupper() and not LEAD_LABEL.match(t) and not TIME_LABEL.match(t):
        # 'Thực hiện mở tài khoản và phát hành thẻ: Ủy ban nhân dân xã, phường phối hợp ...'
        return _sentence_body(t[topic.end() :])
    led = _LED_AFTER.search(t, 20) if " do " in t else None
    if led is None and " do " in t and t.startswith(("Kinh phí", "Nguồn kinh phí", "Kết quả", "Số liệu")):
        # 'Kinh phí thực hiện Kế hoạch do Sở Tài chính tham mưu bố trí ...', 'Kết quả Tháng hành động ... do Sở Y tế
        # tổng hợp, báo cáo ...': no comma before 'do'
        led = _FUNDED_BY.search(t)
    if led:  # 'Xây dựng cơ sở dữ liệu ..., do Bộ Công an chủ trì thực hiện': the lead after the task
        lb = leading_body(t[led.end() :])
        if lb and (_PART.match(lb[1]) or lb[1].startswith("tổng hợp")):
            return lb[0], t[: led.start()], lb[2]
    if _LEAD_IN.match(t):
        # (within the first sentence: a later one's subject is its own duty, _later_subjects)
        first = next(_sentence_ends(t, 700), 700) if ". " in t else 700
        for sep in re.finditer(r"[,;]\s+", t[:first]):
            cand = t[sep.end() :]
            if sep.group(0)[0] == "," and _in_enumeration(t[: sep.start()]):
                continue
            if _CONDITIONAL.match(cand):
                return None
            lb = leading_body(cand)
            if lb and (_GIVEN_BY_ACT.search(lb[0]) or _GIVEN_NOW.match(lb[1])):
                return None  # 'Thực hiện Quyết định số 88/QĐ-TTg, Sở X được giao chủ trì ...': a duty the act gave, quoted
            # after a comma, only a capitalised name or 'các ...' is a subject: in "Căn cứ ...,
            # tổ chức triển khai" or "Trên cơ sở đề xuất của các sở, ngành, địa phương, chủ trì ..."
            # the lower-case words are a verb or the end of an enumeration
            if lb and not re.match(r"^(?:các|Các)\s+(?:cấp|ngành)\b", lb[0]) and (
                lb[0][:1].isupper() or (lb[0].startswith("các ") and HEAD.match("C" + lb[0][1:]))
            ):
                return lb  # ('các văn bản chỉ đạo ...' is no body)
            m = issuer_asks(cand)
            if m and (asked := _asked_body(m)) is not None:
                return asked
        if t.startswith("Đối với") and ":" not in t[:250]:  # (with a colon the name ends there: for_body's)
            return _for_body_comma(t)
    return None


# the subject after 'Đối với X,' that stands for X's own people: 'thủ trưởng cơ quan, đơn vị bám sát ...'
_ITS_HEADS = re.compile(r"^(?:thủ trưởng|người đứng đầu|lãnh đạo|chủ tịch)\b")


def _for_body_comma(t: str) -> tuple[str, str, bool] | None:
    """'Đối với các cơ quan Trung ương đóng trên địa bàn tỉnh, thủ trưởng cơ quan, đơn vị bám sát ...' / 'Đối với Ủy ban
    nhân dân các xã, phường, chủ động ...': the agency the heading-like opening names does the duty after its comma,
    in person (its heads) or with no subject at all (an agency, not those the work is for: for_body's rule)."""
    for sep in re.finditer(r",\s+", t[:160]):
        fb = for_body(t[: sep.start()] + ": x")
        if fb is None:
            continue
        rest = t[sep.end() :]
        v = find_verb(rest[:120])
        if v is None:
            continue
        if v.start() == 0 or _ITS_HEADS.match(rest):
            return fb[0], rest, False
    return None


_NEU = re.compile(r"\bnếu\b", re.I)
_REPORTS = re.compile(r"^(?:kịp thời|báo cáo|phản ánh|(?:chủ động\s+)?gửi\s+(?:ý kiến|báo cáo|văn bản|đề xuất))\b")  # reporting difficulties; proposing amendments ("chủ động đề xuất") is not counted as a task
# the words after which a body is the object of a verb or a preposition, not a clause's subject
_OBJECT_OF = re.compile(r"(?<![\wÀ-ỹ])(?:mưu|trình|gửi|về|cho|với|của|đến|tới|qua|lên)\s+$", re.I)
_WORD_START = re.compile(r"(?<=[\s,])(?=\S)")


def _reporting_subject(t: str) -> tuple[str, str, bool] | None:
    """The subject of the main clause after a condition ('nếu thấy cần sửa đổi, bổ sung các sở,
    ngành, địa phương chủ động đề xuất ...'): a body whose verb is to report or propose."""
    neu = _NEU.search(t)
    if neu is None:
        return None
    for m in _WORD_START.finditer(t, neu.end(), min(len(t), neu.end() + 300)):
        if _OBJECT_OF.search(t, max(0, m.start() - 12), m.start()):
            continue  # '... để tổng hợp tham mưu UBND tỉnh báo cáo Bộ X': the body a verb acts on, not the subject
        lb = leading_body(t[m.start() :])
        if (lb and _REPORTS.match(lb[1]) and not is_generic(lb[0].split(",")[0])) or (lb and _REPORTS.match(lb[1]) and lb[0].startswith("các ")):
            return lb
    return None


# a decision's enforcement clause, whatever its verb: '... chịu trách nhiệm / có trách nhiệm thi hành Quyết định
# này', '... tổ chức thực hiện Nghị quyết này', '... căn cứ Quyết định thi hành'
# 'này', not 'Giao X chủ trì ... theo dõi việc triển khai thực hiện Nghị quyết này' (a task)
_ENFORCEMENT = re.compile(
    r"(?<!việc )(?<!khai )(?:thi hành|thực hiện)\s+(?:Quyết định|Nghị quyết|Chỉ thị)\s+này\s*(?:[./]|$)"
    r"|căn cứ\s+(?:Quyết định|Nghị quyết|Chỉ thị)(?:\s+này)?\s+(?:để\s+)?thi hành\s*(?:[./]|$)", re.I)


# 'Quyết định này có hiệu lực kể từ ngày ký ...': a decision's effect clause, no task
_EFFECT = re.compile(r"^(?:Quyết định|Nghị quyết|Chỉ thị) này có hiệu lực\b[^.]*\.\s+")


def sentences(text: str) -> list[str]:
    """'Xây dựng nền tảng .... Tổ chức tập huấn ....': the sentences of a paragraph, split where one ends
    with '.'/';' and the next opens with a capital."""
    parts = re.split(r"(?<=[.;])\s+", text)
    out: list[str] = []
    for x in parts:
        if out and not x[:1].isupper():
            out[-1] += " " + x
        else:
            out.append(x)
    return out


# a bracket that defines a short name ('(sau đây gọi tắt là Sở)', '(sau đây gọi chung là BHXH tỉnh)') or lists the
# abbreviations used below ('(các đơn vị viết tắt: Ban KH-TC - Ban Kế hoạch và Tài chính; ...)'): no body's task
_LEGEND = re.compile(r"\s*\((?=[^()]{0,300}?(?:sau đây (?:gọi|viết)|viết tắt|gọi tắt|gọi chung là))[^()]{0,300}\)")


def _handed_out(t: str, *, later: bool = True, issuer: str | None = None) -> list[tuple[str, tuple[str, str, bool]]]:
    """The (text, subject) pairs of a paragraph: its own subject, or else each later sentence or
    clause that hands work out ('Trên đây là ... Yêu cầu các sở ... thực hiện; đề nghị Ủy ban MTTQ ...');
    with `later`, also each later sentence with a subject of its own (_later_subjects) other than the `issuer` or a body
    above it."""
    if "tắt" in t or "sau đây" in t or "gọi chung" in t:
        t = _LEGEND.sub("", t)  # 'Ban Quản lý Thu (sau đây gọi là Ban Thu) chủ trì ...': the short name is no body
    # (a substring test first: this runs on every paragraph, and the pattern has no literal start)
    if ("này" in t or "thi hành" in t or "NÀY" in t or "THI HÀNH" in t) and _ENFORCEMENT.search(t) and not t.startswith("Giao "):
        return []  # a decision's enforcement clause, not a task
    effect = _EFFECT.match(t)
    if effect and t[effect.end() :][:1].isupper():
        # 'Quyết định này có hiệu lực kể từ ngày ký. Sở X hướng dẫn ...': the sentences after it
        return [(x, sb) for x in sentences(t[effect.end() :]) if (sb := _sentence_body(x))]
    sb = _sentence_body(t, issuer) or trailing_body(t)
    if sb is not None:
        more = _later_subjects(t, [sb[0]], issuer) if later else []
        if more:  # the first subject's part ends where the next subject's sentence starts
            return [(t[: t.index(more[0][0])].rstrip(), sb), *more]
        return [(t, sb)]
    out = []
    closing = _CLOSING_ASK.search(t) if t.startswith("Trên đây") else None
    if closing:  # 'Trên đây là Kế hoạch ..., yêu cầu các sở, ...; Ủy ban nhân dân các xã ... nghiêm túc triển khai'
        part = t[closing.start() :].lstrip(", ")
        sb = _sentence_body(part[:1].upper() + part[1:])
        if sb is not None:
            return [(part, sb)]
    for part in _ASK_SENTENCE.split(t)[1:] if _ASK_WORD.search(t) else []:
        clauses = _ASK_CLAUSE.split(part)
        sb = _sentence_body(clauses[0])
        if sb is None:
            continue
        # a handover goes on in the clauses after it ('...; đề nghị Ủy ban MTTQ ... phối hợp')
        out.append((clauses[0], sb))
        for clause in clauses[1:]:
            sb = _sentence_body(clause)
            if sb is not None:
                out.append((clause, sb))
    if not out and " chủ trì" in t and (after := _body_after_task(t)) is not None:
        return [(t, after)]
    if not out and " chủ trì" in t and (first := _NEXT_CLAUSE.split(t, 1))[1:] and _PRESIDED.search(first[0]):
        # 'Tổ chức Hội nghị ... do Phó Thủ tướng chủ trì; Bộ Công an chuẩn bị nội dung ...': the officer presiding
        # over a meeting is no lead; the body named in the next clause or sentence prepares it
        for part in _NEXT_CLAUSE.split(t)[1:]:
            lb = leading_body(part)
            if lb and lb[0][:1].isupper() and not lb[2] and not is_generic(lb[0]):
                out.append((part, lb))
    return out or (_later_subjects(t, [], issuer) if later else [])


_NEXT_CLAUSE = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])")
_PRESIDED = re.compile(r"\bdo\s+(?:đồng chí\s+)?(?:Thủ tướng|Phó Thủ tướng|Bộ trưởng|Thứ trưởng|Lãnh đạo|Chủ tịch|Phó Chủ tịch|"
                       r"Trưởng [Bb]an|Phó Trưởng [Bb]an|Giám đốc|Bí thư)[^;.]{0,80}?\schủ trì\b")


# '- Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã. Sở Nội vụ chủ trì thực hiện.': the task first, then the body that
# leads it, in a sentence of its own that opens with its name and 'chủ trì' ('Người đứng đầu ... có trách nhiệm ...'
# after a task is a principle about everyone's heads, not the lead of that task)
_TAKES_IT_ON = re.compile(r"^(?:chủ trì|là cơ quan chủ trì)\b")


def _body_after_task(t: str) -> tuple[str, str, bool] | None:
    for part in _NEXT_CLAUSE.split(t)[1:]:
        if part.startswith(("Trên đây", "Trong quá trình")):
            return None
        lb = leading_body(part) if HEAD.match(part) else None
        if lb and lb[0][:1].isupper() and not lb[2] and not is_generic(lb[0]) and _TAKES_IT_ON.match(lb[1]):
            return lb[0], t, False
    return None



_OPENS_SUBJECT = re.compile(r"(?:[Đđ]ề nghị|Giao|Yêu cầu|Khuyến khích|Đối với|Trong quá trình|Thủ tướng|Các|các)\s")
_REQUEST_CLAUSE = re.compile(r";\s+(?=[Đđ]ề nghị\s)")
_NAMED_CLAUSE = re.compile(r";\s+(?=[A-ZĐÀ-Ỹ])")
# the lead's part of a split role closing just before a clause: 'Sở A chủ trì; | Sở B phối hợp ...' (only the
# lead's part; support.split_role reads the whole role and its partners)
_LEAD_PART_BEFORE = re.compile(r"chủ trì\s*;\s*$")
_LIST_ITEM = re.compile(r"[,;:]\s*")
_OFFICER = re.compile(r"(?:Bộ trưởng|Thứ trưởng|Trưởng|Phó|Chủ tịch|Giám đốc|Thủ trưởng|Người đứng đầu|Lãnh đạo|Tổng Giám đốc|Tổng Thư ký)\s")
# a sentence's end: a full stop, then a capital (not an item's numeral: '... khoản 4 Điều 57 Luật Đường bộ “4. Hội đồng ...')
_STOP_CAP = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])")  # (a literal first: the engine skips to each full stop)
_NUMERAL = re.compile(r"(?:^|[\s“”\"(])\d{1,2}$")


def _sentence_ends(t: str, end: int | None = None) -> Iterator[int]:
    """Where each sentence after the first starts: after a full stop closing a word, a bracket or a quote, before a
    capital — not after an item's numeral ('... Luật Đường bộ “4. Hội đồng ...')."""
    for m in _STOP_CAP.finditer(t, 0, len(t) if end is None else end):
        k = m.start()
        prev = t[k - 1 : k]
        if (prev.isalnum() or prev in ")”\"") and not _NUMERAL.search(t, max(0, k - 3), k):
            yield m.end()


def _later_subjects(t: str, taken: list[str], issuer: str | None = None) -> list[tuple[str, tuple[str, str, bool]]]:
    """The sentences after a paragraph's first that open with a subject of their own, other than the bodies
    already `taken`: 'Năm 2024, Sở X đã ... . Năm 2025, Sở X chủ trì ...' (the background, then the task), 'Luật
    quy định ... . Sở Tư pháp chủ trì ...', '... Trong quá trình thực hiện, nếu có khó khăn, các cơ quan ... báo
    cáo ...'. One subject, one duty: each such sentence runs to the next one."""
    if ". " not in t and "; " not in t:
        return []
    # (and a clause asking a body outside the issuer's authority: '... triển khai thực hiện; đề nghị Ủy ban MTTQ tỉnh ...')
    asks = [m.end() for m in _REQUEST_CLAUSE.finditer(t)] if "ề nghị" in t else []
    # (and a clause opening with another body's name: '... trình Chính phủ trong Quý IV/2024; Bộ Tư pháp theo chức
    # năng, nhiệm vụ được giao, có trách nhiệm thẩm định ...', '...; Đài A, Đài B duy trì chuyên mục ...')
    # (not in a list of names: 'Trung tâm Truyền thông; Ban Thu', a table's cells run together; 'Yêu cầu các sở, ban,
    # ngành; UBND các xã; ...', 'phối hợp với các Sở, ban, ngành; Ủy ban nhân dân các xã, phường; ...')
    # (after a first subject's clause only: '...; Thủ trưởng các cơ quan định kỳ rà soát' after a purpose is none; and a
    # body, not an officer's role: '...; Bộ trưởng Bộ Y tế chủ trì các phiên họp khi Trưởng ban vắng mặt')
    named = [m.end() for m in _NAMED_CLAUSE.finditer(t)
             if HEAD.match(t[m.end() : m.end() + 60]) and not _OFFICER.match(t, m.end())
             and not _names_before(t[max(0, m.start() - 200) : m.start()])] if taken and "; " in t else []
    # (only where a subject can open the sentence: spare the subject reader)
    starts = sorted({*(k for k in _sentence_ends(t) if _may_open(t[k : k + 60])), *asks, *named})
    if not starts:
        return []
    found: list[tuple[int, tuple[str, str, bool]]] = []
    seen = {_key(x) for x in taken}
    for k in starts:
        stop = t.find(". ", k)
        one = t[k : stop + 1] if stop >= 0 else t[k:]
        if one.rstrip().endswith(":"):
            continue  # '... Đồng thời, yêu cầu các sở ... như sau:': it introduces the items below, no duty itself
        sb = _sentence_body(one)
        if sb is not None and k in named and _LEAD_PART_BEFORE.search(t, max(0, k - 20), k) and sb[1].startswith("phối hợp"):
            continue  # 'Sở A chủ trì; Sở B phối hợp rà soát ...': one task, the second body its support
        if sb is not None and k in named and (re.search(r"\d", sb[0]) or " do " in sb[0]):
            continue  # 'Ban Thu Quý II/2023 Chương trình ...': a table's cells run together, no name; 'Hội đồng thi tuyển
            # do Chủ tịch ... quyết định thành lập': a passive clause, what another body does
        if sb is not None and not sb[2] and (own_or_higher(sb[0], issuer) or generic_kinds(sb[0])):
            # what the issuer itself, or a body above it, does ('Hằng năm, Ủy ban nhân dân huyện tổng kết ...'), or a
            # principle stated of every organ ('Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức có trách nhiệm ...')
            continue
        if sb is not None and taken and _key(sb[0]) == "đơn vị" and _CONDITIONAL.match(one):
            continue  # '... . Trong quá trình ..., nếu có khó khăn, đề nghị các đơn vị phản ánh ...': those named above
        if sb is not None and _key(sb[0]) not in seen:
            seen.add(_key(sb[0]))
            found.append((k, sb))
    out = []
    for i, (k, sb) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(t)
        out.append((t[k:end].rstrip(), sb))
    return out


_NAMES_OPEN = re.compile(r"^(?:.*\s)?(?:[Yy]êu cầu|[Gg]iao|[Đđ]ề nghị|với)\s+")


def _names_before(before: str) -> bool:
    """The text before a ';' ends with a list of names, not a clause with its verb."""
    last = _LIST_ITEM.split(before)[-1]
    if HEAD.match(last) and find_verb(last) is None:
        return True  # ('... Ủy ban nhân dân các xã; ...'; not a clause of its own: 'Sở X chủ trì tổ chức Hội thi; ...')
    seg = _NAMES_OPEN.sub("", re.split(r"[;:]", before)[-1].strip())
    return is_body_start(seg) and find_verb(seg) is None


def _may_open(head: str) -> bool:
    return bool(HEAD.match(head) or _OPENS_SUBJECT.match(head) or _LEAD_IN.match(head))


def _key(name: str) -> str:
    return re.sub(r"^(?:các|những)\s+", "", " ".join(name.lower().split()))
