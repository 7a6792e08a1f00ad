"""Target forms the unit vocabulary of `numbers` does not cover, and numbers near a target that are
not aims.

Counts of any thing under a commitment ('Xây dựng mới 35 địa bàn', 'có ít nhất là 55 cử tri',
'đấu giá từ 05 mỏ ... trở lên', 'nâng tổng số lên 37 CCN'); a rank ('thuộc nhóm 15 tỉnh dẫn đầu');
and, on the other side, a budget ('Kinh phí: 500 triệu đồng', 'tổng vốn đầu tư 447 tỷ đồng'), a past
result ('đã giải quyết việc làm cho 25.000 lao động'), an enumeration mark ('(1) Cơ quan ...') and a
number inside a quoted title ('Đề án "... ít nhất 01 triệu căn hộ ..."')."""

from __future__ import annotations

import re

NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# NUM after its first digit ('\d' + NUM_REST matches what NUM matches, tried in the same order): a pattern can open
# with that digit and put its look-behind after it, so that the engine jumps from digit to digit
NUM_REST = r"\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?"

# a quantifier right before the number: the plan commits to at least that many of whatever follows
_QUANT = re.compile(r"(?:ít nhất|tối thiểu|không dưới|không ít hơn)(?:\s+là)?\s*$", re.I)
_FROM = re.compile(r"\btừ\s*$", re.I)
_CRITERION = re.compile(r"^\W*(?:đối với|trường hợp|nếu)\b")
_CONDITION = re.compile(r"(?:đối với|trường hợp|nếu)\b[^:;]*$", re.I)
_TARGETISH = re.compile(r"phấn đấu|phân đấu|phần đấu|mục tiêu|chỉ tiêu", re.I)
# a verb of building or bringing about something, right before the number it brings about
_VERB_COMMIT = re.compile(
    r"(?:(?:hình thành|xây dựng|thành lập|phát triển|hoàn thành|di dời|đấu giá|trồng|cứng hóa|cứng hoá|"
    r"tuyển sinh|thu hút|kêu gọi|sắp xếp|nâng cấp|cải tạo|công nhận|cấp)(?:\s+(?:mới|thêm|được|có|di dời|xây dựng))*"
    r"|nâng tổng số(?:\s+[^\s\d,;]+){0,4}?\s+lên|có thêm|tăng thêm)"
    r"(?:\s+(?:ít nhất|tối thiểu|từ|khoảng|trên|hơn))?(?:\s+là)?\s*$",
    re.I,
)
# 'Hoàn thành (di dời) 02 bến xe': a count to finish, in any clause
_DONE = re.compile(r"hoàn thành(?:\s+[a-zà-ỹđ]+){0,2}\s*$", re.I)
# '..., Xây dựng mới 10 cầu dân sinh': a clause opening on a verb phrase and then its number
_OPENING = re.compile(r"(?:[a-zà-ỹđ]+\s+){1,4}")
_NOT_OPENING = {"đối", "với", "của", "tại", "trong", "theo", "năm", "số", "giai", "đoạn", "gồm", "là", "các", "những", "thời", "gian", "hiện", "nay"}
_PHAN_DAU = re.compile(r"^(?:phấn đấu|phân đấu|phần đấu)(?:\s+(?:đến|trong|vào)(?:\s+hết)?\s+năm\s+\d{4})?\s*,?\s*", re.I)
_PER_PEOPLE = re.compile(rf"\s+[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+)?\s*/\s*(?:{NUM})\s*(?:dân|người|hộ)\b")
# what a count does not count: a span of time, an age, a class, a legal division
_NOT_A_THING = {
    "năm", "tháng", "ngày", "giờ", "phút", "tuần", "quý", "tuổi", "sao", "điều", "khoản", "mục", "số", "bước",
    "cấp", "loại", "hạng", "độ", "kỳ", "khóa", "khoá", "lần", "thứ", "phần", "trên", "dưới", "đến", "và", "hoặc",
}
# 'Lắp đặt mới trạm 5G: 35 trạm', 'Đóng mới 20 tàu cá', 'Xây dựng thêm 3 điểm': work a plan lists
# with the quantity it adds, a commitment with no cue word
NEW_WORK = re.compile(
    r"\b(?:lắp đặt|lắp|đầu tư|xây dựng|trồng|cấp|thành lập|phát triển|mở|đóng|bổ sung|tuyển dụng|tuyển)"
    r"\s+(?:mới|thêm)\b",
    re.I,
)
# the count right after such a verb, or after the colon closing its label ('Đầu tư mới xe ...: 08 xe')
_NEW_WORK_COUNT = re.compile(NEW_WORK.pattern + r"(?:[^:;()]{0,60}:)?\s*$", re.I)
# '... 12 trạm (Trong đó: huyện A: 05 trạm, huyện B: 07 trạm)': a breakdown of the count before it
_BREAKDOWN = re.compile(r"\(\s*trong đó\s*:[^()]*:\s*$", re.I)


def new_work(clause: str) -> bool:
    low = clause.lower()
    return ("mới" in low or "thêm" in low) and bool(NEW_WORK.search(clause))


_ROMAN = re.compile(r"^[IVXLC]+$")
_ACRONYM = re.compile(r"\s*([A-ZĐ]{2,6}|MWp?|kWp?|kWh|MWh|GWh?)\b")
_NOUN = re.compile(r"\s+([A-ZĐa-zà-ỹđ][a-zà-ỹđ]*(?:\s+[a-zà-ỹđ]+)?(?:/[\wà-ỹđ]+)*)")


def counts_anything(clause: str, start: int, end: int, in_targets_section: bool) -> bool:
    """The number at clause[start:end] counts whatever noun follows it: it sits after a quantifier
    ('ít nhất (là)', 'tối thiểu', 'từ ... trở lên'), before a per-population ratio ('30 thuê bao/100
    dân'), or — in a targets section or a 'phấn đấu' clause — right after a verb that brings the
    things about, or in a clause that opens on a verb phrase and then the number."""
    before = clause[:start]
    if _QUANT.search(before[-30:]):
        return True
    if _FROM.search(before[-8:]) and "trở lên" in clause[end : end + 90] and not _CONDITION.search(before):
        return True  # not 'Đối với thôn có từ 100 cử tri trở lên: ...', a class the rule applies to
    if _PER_PEOPLE.match(clause, end) or _DONE.search(before[-40:]):
        return True
    if ("mới" in before[-80:] or "thêm" in before[-80:]) and _NEW_WORK_COUNT.search(before[-90:]):
        return True
    if "(" in before and (b := _BREAKDOWN.search(before)):
        prev = list(re.finditer(NUM, before[: b.start()]))
        if prev and prev[-1].end() >= b.start() - 30 and counts_anything(clause, prev[-1].start(), prev[-1].end(), in_targets_section):
            return True
    if re.search(r"\svà\s*$", before):
        prev = list(re.finditer(NUM, before))
        if prev and counts_anything(clause, prev[-1].start(), prev[-1].end(), in_targets_section):
            return True  # 'Hoàn thành di dời 01 khu công nghiệp (A) và 02 cụm công nghiệp'
    if not (in_targets_section or _TARGETISH.search(clause)):
        return False
    if _VERB_COMMIT.search(before[-70:]):
        return True
    lead = _PHAN_DAU.sub("", before.lstrip(" -+•*\t").lower())
    m = _OPENING.fullmatch(lead)
    return bool(m) and not (set(lead.split()) & _NOT_OPENING)


def count_noun(clause: str, end: int, stop: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The thing a count counts: an acronym ('37 CCN', '150 MW') or one or two words after the number
    ('35 địa bàn', '55 cử tri', '02 vùng dự án'); not a span of time, an age or a legal division."""
    m = _ACRONYM.match(clause, end)
    if m and not _ROMAN.match(m.group(1)):
        return m.group(1)
    m = _NOUN.match(clause, end)
    if not m:
        return None
    first = m.group(1).split()[0].split("/")[0].lower()
    if first in _NOT_A_THING or first in stop:
        return None
    words = m.group(1).split()
    if len(words) == 2 and words[1].split("/")[0] in stop | _NOT_A_THING:
        return words[0]
    return m.group(1)


# a budget, not an aim: an amount of money after a word of funding ('Kinh phí', 'tổng vốn đầu tư',
# 'ngân sách tỉnh', 'bố trí'); 'thu ngân sách', 'thu hút vốn', 'huy động vốn' are aims
_MONEY = re.compile(r"\s*(?:(?:tỷ|triệu|nghìn|ngàn)\s*(?:đồng|USD|VNĐ|đ)\b|(?:đồng|VNĐ)\b)")
_BUDGET = re.compile(
    r"kinh phí|dự toán|tổng mức đầu tư|chi phí|bố trí|phân bổ|hỗ trợ|định mức|đơn giá|mức chi|"
    r"(?<!thu )(?<!hút )(?<!động )(?<!ngân )(?:vốn|ngân sách)\b",
    re.I,
)
# ... unless the amount is reached or raised ('Tổng vốn ... huy động đạt 2.000 tỷ đồng')
_RAISED = re.compile(r"đạt|huy động|thu hút|giải ngân|tăng", re.I)
_PAST = re.compile(
    r"\bđã\s+(?:đạt|giải quyết|thực hiện|hoàn thành|tạo|đào tạo|tổ chức|xây dựng|hỗ trợ|cấp|có|triển khai|thu hút|"
    r"giảm|tăng|lắp đặt|đầu tư|trồng|đóng|thành lập)\b(?P<rest>[^,;]{0,50})$",
    re.I,
)
_STILL_AIM = re.compile(r"phấn đấu|nâng|bảo đảm|đảm bảo|duy trì|mục tiêu|chỉ tiêu", re.I)


def not_an_aim(clause: str, start: int, end: int) -> bool:
    """The number at clause[start:end] is a budget, a past result, an enumeration mark or part of
    a quoted title."""
    if start and clause[start - 1] == "(" and clause[end : end + 1] == ")":
        return True  # '(1) Cơ quan ...; (2) Xã ...': an enumeration
    before = clause[:start]
    if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
        return True  # inside a quoted title
    m = _PAST.search(before)
    if m and not _STILL_AIM.search(m.group("rest")):
        return True  # 'đã giải quyết việc làm cho 25.000 lao động': what was done
    if not _MONEY.match(clause, end):
        return False
    budget = list(_BUDGET.finditer(before[-80:]))
    return bool(budget) and not _RAISED.search(before[-80:][budget[-1].end() :])


_RANK = re.compile(r"\b(?:nhóm|tốp|top)\s+(\d{1,3})\s+([^\d;.]{2,50}?)\s*(?:dẫn đầu|đứng đầu|cao nhất|tốt nhất)", re.I)


def rankings(clause: str) -> list[tuple[int, int, int, str]]:
    """'thuộc nhóm 15 tỉnh, thành phố dẫn đầu cả nước': a rank the plan commits to (at most 15th);
    (start, end, rank, what is ranked)."""
    low = clause.lower()
    if "nhóm" not in low and "top" not in low and "tốp" not in low:
        return []
    if _CRITERION.match(low) and not _TARGETISH.search(low):
        return []  # 'Đối với UBND cấp xã: Có kết quả ... nằm trong nhóm 10 địa phương dẫn đầu': an award's criterion
    return [(m.start(), m.end(), int(m.group(1)), m.group(2).strip(" ,") + " dẫn đầu") for m in _RANK.finditer(clause)]
