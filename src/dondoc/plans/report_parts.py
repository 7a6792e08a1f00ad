"""The parts of a reporting clause: whom it goes to (`receivers`), the focal body it passes through (`via`),
and the checks that tell a reporting obligation from a report that is the content of a task."""

from __future__ import annotations

import re

from dondoc.plans.bodies import is_body_start, split_bodies
from dondoc.plans.gazetteer import kind_of

# where a receiver can be named: right after the report verb ('báo cáo Ủy ban nhân dân tỉnh', 'báo cáo Thủ tướng
# Chính phủ'), after 'gửi' ('gửi Sở Y tế'), or after a preposition once the object is said ('gửi kết quả rà soát
# về Bộ Tư pháp', 'báo cáo tình hình thực hiện cho Ủy ban nhân dân xã')
_ANCHOR = re.compile(r"(?<![\wÀ-ỹ])(?:báo cáo|gửi(?:\s+(?:về|cho|đến|tới|lên))?|về|cho|đến|tới|lên)\s+", re.I)
# receivers that do not open like a body's name (bodies.HEAD): the Prime Minister, the leaders of a ministry or a
# department ('Bộ trưởng', 'Tổng Giám đốc', 'Giám đốc Sở'), the statistics office after 2025 ('Thống kê tỉnh')
_OTHER_RECEIVER = re.compile(r"(?:Thủ tướng|Phó Thủ tướng|Lãnh đạo|Chính phủ|Quốc hội|Thống kê|Tổng Bí thư|Ban Bí thư|"
                             r"Bộ Chính trị|Chủ tịch|Phó Chủ tịch|Ban Thường vụ|Ban Chấp hành|Thường vụ|Bộ trưởng|Thứ trưởng|"
                             r"Tổng Giám đốc|Phó Tổng Giám đốc|Giám đốc|Phó Giám đốc|Tổng cục trưởng|Cục trưởng|Vụ trưởng|"
                             r"Chánh Văn phòng|Trưởng [Bb]an)\b")
# where the receiver's name ends: a bracket, the end of the clause, the date, the purpose, the channel, the topic
_RECV_END = re.compile(
    r"\s*[(;.:]|\s+(?:trước|chậm nhất|hạn chót|định kỳ|để|qua|thông qua|theo|trong|vào|kết quả|tình hình|hằng|hàng|mỗi|"
    r"bằng|đồng thời|xem xét|thẩm định|thẩm tra|chỉ đạo|phê duyệt|cho ý kiến|tổng hợp|đề xuất|kiến nghị|tham mưu|trên|tại|khi|nếu|cụ thể|"
    r"kèm|ngay|chậm|sau|đúng|đầy đủ|kịp thời|các(?=\s+(?!tỉnh|thành phố|xã|phường|huyện|quận|thị|sở|bộ|ban|ngành|cơ quan|đơn vị|địa phương))|"
    r"(?:\d+|sáu)\s+tháng|năm\b|quý\b|số liệu|những|các nội dung|nội dung|đánh giá|việc|"
    r"về\s+(?:tình hình|kết quả|việc|tiến độ|công tác|những|các|nội dung|thực hiện))(?![\wÀ-ỹ])",
)
# a comma before a lower-case word ends the list of receivers, unless the word goes on a name ('các tỉnh, thành phố')
_COMMA = re.compile(r"\s*(?:,|\s+và)\s*(?!(?:thành phố|thị xã|phường|đặc khu|xã|thị trấn|huyện|ban|ngành|đoàn thể)\b)(?=\w)")
# a bracket after the receiver that names the body it stands for: 'Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)'
_GLOSS = re.compile(r"\s*(\((?!\s*qua\b)[^()]{2,60}\))")
# '... để tổng hợp, báo cáo Chính phủ': the receiver's own report upward, not where this one goes
_ONWARD = re.compile(r"để\s+(?:tổng hợp,?\s+)?$")
# 'Chế độ báo cáo: ...', 'chế độ thông tin, báo cáo': the regime's name, no report verb
_REGIME = re.compile(r"(?:chế độ\s+(?:thông tin,?\s+)?|hệ thống\s+(?:thông tin\s+)?)$")


def receiver_start(text: str) -> bool:
    """`text` opens the name of a body a report can go to."""
    return (is_body_start(text) and text[:1].isupper()) or bool(_OTHER_RECEIVER.match(text))


def report_verb_at(low: str) -> int:
    """Where the clause's own report verb is: its first 'báo cáo' that is not the receiver's onward report
    ('... để tổng hợp, báo cáo X'), else its 'gửi'; -1 when it has neither."""
    for m in re.finditer("báo cáo", low):
        before = low[max(0, m.start() - 20) : m.start()]
        if not _ONWARD.search(before) and not _REGIME.search(before) and not low.startswith("báo cáo viên", m.start()):
            return m.start()
    return low.find("gửi")


def receivers(clause: str, pos: int) -> list[str]:
    """The bodies a report stated from `pos` on goes to: 'báo cáo Ủy ban nhân dân tỉnh, Bộ Tư pháp trước ...' ->
    both; 'gửi kết quả rà soát về Bộ Tư pháp' -> Bộ Tư pháp; none when the clause names none."""
    if pos < 0:
        return []
    for a in _ANCHOR.finditer(clause, pos):
        rest = clause[a.end() :]
        if not receiver_start(rest):
            continue
        end = _RECV_END.search(rest)
        cand = rest[: end.start() if end else len(rest)]
        cut = next((c.start() for c in _COMMA.finditer(cand) if cand[c.end()].islower()), None)
        cand = (cand if cut is None else cand[:cut]).strip(" ,")
        if cut is None and end and rest[end.start() :].lstrip().startswith("("):
            gloss = _GLOSS.match(rest, end.start())
            if gloss and is_body_start(gloss.group(1)[1:]):
                cand += " " + gloss.group(1)
        names = [p for n in (split_bodies(cand) if cand and len(cand) < 200 else []) for p in _unglued(n)]
        return [n for n in names if receiver_start(n) or is_body_start(n)]
    return []


_AND = re.compile(r"\s+và\s+")


def _unglued(name: str) -> list[str]:
    """'Chính phủ, Thủ tướng Chính phủ', 'Bộ Khoa học và Công nghệ, Ủy nhân dân tỉnh' (a typo): capitalised names a
    comma joins that split_bodies keeps together when one does not open like a body; a known name ('Sở Văn hóa,
    Thể thao và Du lịch') stays whole."""
    if " và " in name:
        # 'Bộ trưởng và Thứ trưởng phụ trách', 'Chủ tịch và các Phó Chủ tịch': two receivers that split_bodies, which
        # splits bodies, keeps as one
        halves = _AND.split(name, maxsplit=1)
        if all(_OTHER_RECEIVER.match(h) for h in halves):
            return [p for h in halves for p in _unglued(h)]
    if ", " not in name or kind_of(name):
        return [name]
    parts = name.split(", ")
    return parts if all(p[:1].isupper() for p in parts) else [name]


# '(qua Sở Nông nghiệp và Môi trường)', 'qua công chức Lao động - Thương binh và Xã hội': the focal body a report
# passes through (not 'thông qua Hệ thống thông tin báo cáo', 'qua thư điện tử': channels)
_VIA = re.compile(r"(?<![\wÀ-ỹ])(?<!thông )(?:[Qq]ua)\s+")
_VIA_END = re.compile(r"\s*[);]|\.(?:\s|$)|,\s*(?:địa chỉ|email|e-mail|điện thoại|số điện thoại|fax|thư điện tử)\b"
                      r"|\s+(?:trước|chậm nhất|hạn chót|để|định kỳ|hằng|hàng|vào|theo|đồng thời|kết quả|tình hình)\b", re.I)


def via_of(clause: str) -> str | None:
    """'qua X' where X is a body, as written, up to the bracket's end, the date or the purpose."""
    for m in _VIA.finditer(clause):
        rest = clause[m.end() :]
        if not is_body_start(rest):
            continue
        end = _VIA_END.search(rest)
        return (clause[m.start() : m.end()] + rest[: end.start() if end else len(rest)]).strip(" ,")
    return None


# 'Bộ Y tế (Cơ quan thường trực Ban Chỉ đạo)': the bracket gives the body's role, not another name
# ('Sở Y tế - Cơ quan thường trực Ban Chỉ đạo': after a dash too)
_ROLE_NOTE = re.compile(r"\s*\(\s*(?:là\s+)?(?:cơ quan|đơn vị|thường trực|đầu mối|cơ quan thường trực)\b[^()]*\)\s*$"
                        r"|\s+[-–]\s+(?:cơ quan|đơn vị)\s+(?:thường trực|đầu mối)\b.*$", re.I)


def role_free(name: str) -> str:
    """The name without a closing bracket that states its role."""
    return _ROLE_NOTE.sub("", name) or name


# 'xây dựng báo cáo đánh giá tác động ...', 'lập báo cáo chuyên đề về ..., gửi Bộ X trước ...': the report is what the
# task makes, the task's content, no obligation to report on the plan, even sent to a body by a date (a status report
# 'lập báo cáo kết quả ...', 'xây dựng báo cáo đánh giá tình hình thực hiện ...' stays one)
_MADE_REPORT = re.compile(r"\b(?:xây dựng|lập|hoàn thiện|biên soạn|soạn thảo|nghiên cứu|chuẩn bị)\s+(?:các\s+)?"
                          r"báo cáo\s+(?!kết quả|tình hình|sơ kết|tổng kết|định kỳ|tiến độ|\d|sáu|năm|quý|tháng|hằng|hàng|"
                          r"(?:đánh giá\s+)?(?:kết quả|tình hình|việc|tiến độ)|thực hiện|về\s+(?:kết quả|tình hình|việc))", re.I)


def made_report(low: str) -> bool:
    return bool(_MADE_REPORT.search(low))


# 'ban hành trước ngày 15/4/2025 và gửi về Sở Nội vụ': the date is when a plan is issued, not when a report is due
_ISSUING_BEFORE = re.compile(r"\b(?:ban hành|phê duyệt|trình)\b[^,;]{0,30}$", re.I)


def issuing_date(clause: str, at: int, end: int) -> bool:
    """The date at clause[at:end] is when a plan is issued: 'ban hành trước ngày ...', or a leading date whose
    sentence issues ('Chậm nhất ngày 30/4/2025, các sở ban hành kế hoạch ... và gửi về Sở Nội vụ')."""
    before = clause[max(0, at - 40) : at]
    if _ISSUING_BEFORE.search(before) and "báo cáo" not in before.lower():
        return True
    if clause[:at].strip(" -–+*•"):
        return False
    after = clause[end:]
    k = re.search(r"gửi|báo cáo", after)
    return bool(re.search(r"\b(?:ban hành|phê duyệt)\b", after[: k.start() if k else len(after)]))


# 'Xây dựng kế hoạch triển khai tại địa phương, hoàn thành trước ngày 15/9/2025, gửi về Sở Y tế để theo dõi': the
# plan a body builds and sends up is no report (a report, results, a list sent up are: 'gửi kết quả ... về Sở')
# (a budget estimate too: 'lập dự toán kinh phí ..., gửi Sở Tài chính trước ngày 20/7 hằng năm để thẩm định')
_PLAN_MADE = re.compile(r"\b(?:xây dựng|ban hành|lập|hoàn thiện|điều chỉnh)\s+(?:các\s+|và\s+ban hành\s+)?"
                        r"(?:kế hoạch|chương trình|phương án|dự toán)\b(?![^.;]*\b(?:kết quả|danh sách|số liệu|hồ sơ)\b)", re.I)
_SENT_UP = re.compile(r"\bgửi\s+(?:về|cho|lên|đến|tới)?\s*[A-ZĐÀ-Ỹ]")


def plan_sent_up(clause: str, lead_in: str) -> bool:
    """The clause sends up the plan its sentence has a body build (`lead_in`: the clauses of the sentence before)."""
    low = clause.lower()
    if "báo cáo" in low or "gửi" not in low or not _SENT_UP.search(clause):
        return False
    return bool(_PLAN_MADE.search(lead_in + " " + clause[: low.find("gửi")]))
