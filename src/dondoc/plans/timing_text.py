"""Timing stated inside a task sentence: the deadline or frequency words found in free text, read with
`timing.parse_timing` (an inline 'thời gian: ...' label first, then a dated deadline before a bare
frequency word)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from dondoc.plans.fastre import by_first_char, lead
from dondoc.plans.timing import _D, _ONGOING, CONTINUOUS, YEAR, _not_docref, parse_timing
from dondoc.plans.timing_forms import BARE_MONTH, CRITERION, PER_COUNT, SESSION, _with_start

_ONE_DATE = (
    rf"(?:\d{{1,2}}\s*[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*{YEAR})?|\d{{1,2}}\s+(?:của\s+)?tháng\s+(?:\d{{1,2}}|cuối\s+quý)"
    rf"(?:\s+năm\s+{YEAR})?)"
)
# 'trước ngày 10 tháng 6 và ngày 10 tháng 12 hằng năm', 'trước ngày 10/6 và 10/12 hằng năm': the dates of
# one yearly duty, with the frequency word after the last one
_TT_DATE = rf"(?:ngày\s+)?{_ONE_DATE}(?:\s*(?:và|,)\s*(?:ngày\s+)?{_ONE_DATE})*(?:\s+(?:hằng|hàng)\s+(?:năm|tháng|quý))?"
# Matched on lower-cased text. The branches are written each opening with a literal word (`lead` spreads a group of
# words over the rest of its branch) and grouped by their first character (`by_first_char`): the regex engine then
# jumps between the characters that can open a match and tries there only the branches opening with that character,
# where a plain alternation of the same branches was tried in full at every character. The matches are the same.
_WHEN = ("trước", "chậm nhất", "đến", "trong", "vào")
_SLASH_DATE = rf"\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*{YEAR})?"
_Q = r"(?:iv|i{1,3}|[1-4])"
_COUNT = r"(?:hai|ba|bốn|\d{1,2})"  # 'trong hai năm 2026-2027', 'trong 05 năm 2026 - 2030'
_CAN_CHI = r"(?:giáp|ất|bính|đinh|mậu|kỷ|canh|tân|nhâm|quý)\s+(?:tý|sửu|dần|mão|mẹo|thìn|tỵ|tị|ngọ|mùi|thân|dậu|tuất|hợi)"
_TEXT_TIMING_BRANCHES = [
    *lead(("định kỳ", "hằng năm", "hàng năm", "hằng quý", "hàng quý"), rf"[, ]*(?:trước|chậm nhất|đến|trong|vào)\s+{_TT_DATE}"),
    # 'báo cáo định kỳ (ngày 25/12 năm 2026, năm 2027)'
    *lead(("định kỳ", "hằng năm", "hàng năm"), r"\s*\(\s*(?:trước\s+)?ngày\s+\d{1,2}\s*/\s*\d{1,2}[^)]{0,30}\)"),
    # 'hằng tháng (trước ngày 25)'
    *lead(("hằng", "hàng"), r"\s+tháng\s*[(,]?\s*(?:trước|chậm nhất|vào)\s+ngày\s+\d{1,2}\b(?!\s*[/.-]\s*\d)"),
    *lead(_WHEN, rf"\s+(?:là\s+)?{_TT_DATE}"),
    # (months sharing the year after the last: 'trong tháng 10 - tháng 12/2025', 'từ tháng 3 đến tháng 6/2026')
    # (and quarters listed or ranged: 'trong quý III-IV/2026', 'trong quý III và quý IV năm 2026'; 'vào cuối tháng 10/2026')
    *lead((*_WHEN, "hết", "từ"), rf"\s+(?:hết\s+|cuối\s+|các\s+)?(?:tháng\s*\d{{1,2}}(?:\s*(?:,|và|[-–—]|đến|tới)\s*(?:tháng\s*)?\d{{1,2}})*"
          rf"|quý\s*{_Q}(?:\s*(?:,|và|[-–—]|đến|tới)\s*(?:quý\s*)?{_Q})*)\s*(?:/|năm)\s*{YEAR}"),
    # a window of days with a dash: 'từ 01/9 - 30/9/2026', 'từ ngày 5 - 7/8/2026' (with a slash or 'ngày': 'từ 1.5 - 2.5 triệu
    # đồng' is money); of years: 'từ năm 2026 đến năm 2030', 'từ nay đến hết năm 2026'
    *lead(("từ",), rf"\s+(?:ngày\s+(?:{_ONE_DATE}|\d{{1,2}})|{_SLASH_DATE})\s*(?:{_D}|đến|tới)\s*(?:hết\s+)?(?:ngày\s+{_ONE_DATE}|{_SLASH_DATE})"),
    *lead(("từ",), rf"\s+(?:năm\s+{YEAR}|nay)\s*(?:{_D}|đến|tới)\s*(?:hết\s+|cuối\s+)?(?:năm\s+)?{YEAR}"),
    # at once when the plan is issued: 'ngay sau khi Kế hoạch được ban hành' (not when another's act comes)
    *lead(("ngay sau khi",), r"\s+(?:kế hoạch(?:\s+này)?\s+(?:được\s+)?(?:ký\s+)?ban\s+hành|(?:ký\s+)?ban\s+hành\s+kế\s+hoạch)"),
    # a year carried on: 'năm 2026 và các năm tiếp theo' (with no word before it)
    rf"năm\s+{YEAR}\s*(?:,|;|và)\s*(?:(?:tiếp tục|duy trì|thực hiện|triển khai|trong)\s+){{0,3}}(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau)",
    # ('Định kỳ hằng năm, ... vào tháng 12'; not before its dated deadline: 'định kỳ hằng năm, trước ngày 15/12' as above)
    *lead(("định kỳ",), r"\s+(?:hằng|hàng)\s+(?:năm|quý|quí|tháng|tuần|ngày)(?![,( ]*(?:trước|chậm nhất|đến|trong|vào|ngày)\s)"),
    *lead(("định kỳ", "hằng", "hàng"), r"\s+(?:năm|quý|quí|tháng|tuần|ngày)"),
    "thường xuyên",
    "định kỳ",
    *lead(("trước", "chậm nhất", "vào"), r"\s+ngày\s+\d{1,2}\s+(?:của\s+)?tháng\s+(?:liền kề|kế tiếp|tiếp theo|sau)"),
    *lead(("trước", "chậm nhất", "vào"), r"\s+ngày\s+\d{1,2}\s+(?:hằng|hàng|mỗi)\s+tháng"),
    # 'trong năm 2025', 'trong giai đoạn 2021-2025' (the task's own time; a title's 'giai đoạn' has no 'trong'), 'trong
    # năm 2024 và năm 2025', 'trong năm 2025 và các năm tiếp theo' (started then carried on)
    *lead(("hoàn thành", "hoàn tất", "xong", "ngay", "trước", "chậm nhất", "trong", "vào"),
          rf"\s+(?:(?:là|trong|vào|trước)\s+)?(?:cuối\s+|các\s+|cả\s+|{_COUNT}\s+)?(?:năm|giai đoạn)\s+{YEAR}"
          rf"(?:\s*(?:{_D}|và|,)\s*(?:năm\s+)?{YEAR}|\s*(?:,|và)\s*(?:các|những)\s+năm\s+(?:tiếp theo|sau))?"),
    # 'hoàn thành trong 6 tháng đầu năm (2024)', 'trong quý I hằng năm', 'trong tháng 6 hằng năm'
    *lead(("trong", "trước", "hết", "vào"), rf"\s+(?:(?:6|sáu)\s*tháng\s+(?:đầu|cuối)\s+năm(?:\s+{YEAR})?"
          r"|(?:quý|quí|tháng)\s*(?:iv|i{1,3}|\d{1,2})\s+(?:hằng|hàng|mỗi)\s+năm)"),
    # 'báo cáo ... tháng 6 và tháng 12 hằng năm': those months of every year
    r"tháng\s*\d{1,2}(?:\s*(?:,|và)\s*(?:tháng\s*)?\d{1,2})+\s+(?:hằng|hàng|mỗi)\s+năm",
    # 'trong quý IV' with no year: that quarter of the plan's year; 'trong năm học 2025-2026'
    *lead(("trong", "trước", "hết", "vào"),
          r"\s+(?:quý|quí)\s*(?:iv|i{1,3}|[1-4])\b(?!\s*(?:/|năm|hằng|hàng|mỗi|,\s*(?:iv|i{1,3}|[1-4])\b|\d))"),
    *lead(("trong", "hết", "cuối", "đầu", "từ"), rf"\s+năm học\s+{YEAR}\s*{_D}\s*{YEAR}"),
    # ('(?:(?:trước|vào|đến|trong|chậm nhất)\s+(?:dịp\s+)?)?cuối\s+năm...': each opening, then none)
    *lead(("trước", "vào", "đến", "trong", "chậm nhất"), r"\s+(?:dịp\s+)?cuối\s+năm\b(?!\s*(?:(?:19|20)\d{2}|học))"),
    r"cuối\s+năm\b(?!\s*(?:(?:19|20)\d{2}|học))",
    # 'thành lập khu bảo vệ ... đến năm 2030.' (see _TITLED); 'đến hết năm 2026' anywhere (a title does not say 'hết')
    rf"đến\s+(?:hết\s+năm\s+{YEAR}|năm\s+{YEAR}(?=\s*(?:[.;]|$)))",
    r"lần\s*/\s*(?:ngày|tuần|tháng|quý|năm)\b",
    r"24\s*/\s*(?:24|7)\b",
    *lead(("hằng", "hàng", "mỗi"), r"\s+(?:học kỳ|năm học)\b"),
    # festivals ('trước Tết Nguyên đán', 'dịp Tết Nguyên đán Bính Ngọ 2026') and holidays named with their day ('nhân dịp
    # Quốc khánh 2/9', 'dịp kỷ niệm Ngày Thầy thuốc Việt Nam 27/2')
    *lead(("nhân dịp", "dịp", "trước"), r"\s+(?:dịp\s+)?(?:tết\s+nguyên\s+đán|tết\s+trung\s+thu|trung\s+thu|tết\s+cổ\s+truyền"
          r"|tết\s+dương\s+lịch|(?:nghỉ\s+)?hè)"
          rf"(?:\s+{_CAN_CHI})?(?:(?:\s+[\wÀ-ỹ]+){{0,2}}?\s+(?:năm\s+)?{YEAR})?"),
    # a festival named with its year, no 'dịp' before it: 'Tổ chức Tết Trung thu cho thiếu nhi năm 2025'
    *lead(("tết nguyên đán", "tết trung thu", "trung thu"), rf"(?:\s+[\wÀ-ỹ]+){{0,4}}?\s+(?:năm\s+)?{YEAR}"),
    *lead(("nhân dịp", "dịp"), r"\s+[^,.;()\d]{0,60}?\d{1,2}\s*/\s*\d{1,2}\b(?!\s*/\s*\d)"),
    r"mỗi\s+(?:năm|quý|quí|tháng|tuần)\b(?!\s+học)",  # 'mỗi năm một lần'
    rf"từ\s+(?:năm\s+)?{YEAR}\s+trở\s+đi",  # 'từ năm 2025 trở đi': from then on
]
_TEXT_TIMING = re.compile(by_first_char(_TEXT_TIMING_BRANCHES))
# opening with a number (no literal word to skip ahead to): tried only when their key word is in the text
_KEYED = [
    ("lần", re.compile(r"(?:\d{1,2}|hai|ba)\s*(?:năm|tháng)\s*(?:(?:một|1|01)\s*lần|/\s*lần)\b", re.I)),  # 'hai năm một lần'
    ("trở đi", re.compile(r"từ\s+(?:năm|quý|quí|tháng)\b[^,;.]{0,20}?\btrở\s+đi\b", re.I)),  # 'từ năm 2026 trở đi': carried on
    ("đợt", re.compile(r"(?:\d{1,2}|một|hai|ba|bốn)\s+đợt\s+(?:trong|mỗi)\s+năm\b(?!\s*\d)(?:\s*\(\s*tháng[^()]{1,30}\))?", re.I)),
    # a named period with its months in brackets: 'trong thời gian nghỉ hè (tháng 6 - 8/2026)'
    ("(", re.compile(rf"\(\s*(?:từ\s+)?tháng\s*\d{{1,2}}\s*(?:{_D}|đến|tới)\s*(?:tháng\s*)?\d{{1,2}}\s*(?:/|năm)\s*{YEAR}\s*\)", re.I)),
    ("kể từ", re.compile(r"\d{1,3}\s*(?:ngày|tháng)\s+(?:làm việc\s+)?kể\s+từ\s+ngày\s+(?:ký|ban hành|kế hoạch|quyết định)", re.I)),
    ("họp", re.compile(rf"(?:tại|vào)\s+{SESSION.pattern[2:]}", re.I)),  # 'trình Quốc hội ... tại Kỳ họp thứ 10' (see _SUBMITTED)
    # '04 hội nghị/tháng' (keyed on the unit after the slash: a date's slash is no key)
    *((f"/{unit}", re.compile(rf"{PER_COUNT}{unit}\b", re.I)) for unit in ("tuần", "tháng", "quý", "quí", "năm")),
]
# a session is the task's time when the task puts something before it: 'trình Quốc hội xem xét, thông qua tại Kỳ họp thứ
# 10' (not 'Nghị quyết được Quốc hội thông qua tại Kỳ họp thứ 8', an act passed)
_SUBMITTED = re.compile(r"\btrình\b[^.;]*$")


@functools.cache
def text_timing_i() -> re.Pattern[str]:
    """_TEXT_TIMING under re.IGNORECASE, for the rare text whose lower-casing changes its length (compiled
    when first needed: the pattern is long)."""
    return re.compile(_TEXT_TIMING.pattern, re.IGNORECASE)
# the time opening the sentence before its subject: 'Quý I/2027, các cơ quan ... đánh giá ...', 'Năm 2025, Sở X ...'
# (matched at the start only, apart from _TEXT_TIMING: that one is scanned at every position)
# and a bullet opening with its time and a colon: 'Tháng 10-12/2025: tổ chức ...', 'Năm 2026: ...', 'Quý IV/2025: ...'
_OPENING_TIME = re.compile(
    rf"(?:[-–+•*]\s*)?(?:(?:quý|quí)\s*(?:iv|i{{1,3}}|[1-4])\s*(?:/|năm)\s*|tháng\s*\d{{1,2}}(?:\s*{_D}\s*(?:tháng\s*)?\d{{1,2}})?"
    rf"\s*(?:/|năm)\s*|năm\s+){YEAR}(?=\s*[,:])",
    re.I)


# a timing label inside a task sentence, after ';', ',' or '(': its value runs to ';', ')' or the end
_INLINE_LABEL = re.compile(
    r"(?:^|[;,(.]\s*)(?:thời gian|thời hạn)(?:\s+(?:thực hiện|hoàn thành|triển khai|báo cáo))?\s*:\s*"
    r"((?:[^;()]|\([^()]{0,30}\)){2,80}?)\s*(?:[;)]|\.?\s*$)", re.I  # ('Năm 2026 (sơ kết), năm 2030 (tổng kết)')
)


# 'bố trí kinh phí hằng năm', 'dự toán ngân sách hằng năm': how money is found, not when work is due
_BUDGET = re.compile(r"(?:kinh phí|dự toán|ngân sách|nguồn vốn|chi thường xuyên|vốn)\s*(?:[\wÀ-ỹ]+\s+){0,3}"
                     r"(?:hỗ trợ\s+)?(?:có mục tiêu\s+)?$"  # 'ngân sách trung ương hỗ trợ có mục tiêu hằng năm'

                     r"|dự toán\s+(?:[\wÀ-ỹ]+\s+){0,6}giao\s+$")  # 'dự toán được cấp có thẩm quyền giao hằng năm'
_DATED = re.compile(rf"{YEAR}")  # a dated deadline after the money words is one: 'bố trí kinh phí trong Quý I/2025'


_YEARLY = re.compile(r"(?:hằng|hàng|mỗi)\s+năm\b")
# 'Đối với các nhiệm vụ thường xuyên, ... bố trí kinh phí trong dự toán': routine tasks, as the funding clauses of
# plans name them (their money comes from the recurrent budget), not how often the task is done
_ROUTINE = re.compile(r"nhiệm vụ(?:\s+chi)?\s*$")
_MONEY = re.compile(r"kinh phí|dự toán|ngân sách")


# 'xử lý vi phạm tại các điểm thường xuyên xảy ra ngộ độc', 'vùng thường xuyên bị ngập': how often something happens
# to a place or a group the task names, not how often the task is done
_OF_EVENTS = re.compile(r"\s+(?:xảy ra|diễn ra|bị)\b")


_SENTENCE_END = re.compile(r"\.\s+")
# 'thường xuyên' naming no frequency of the task: 'nguồn chi thường xuyên', 'kinh phí thường xuyên' (the recurrent
# budget); 'giáo dục thường xuyên' (continuing education); 'là nhiệm vụ thường xuyên, cấp bách' (what a matter is); 'phải
# thực hiện quyết liệt, đồng bộ, thường xuyên, liên tục' (a list of the qualities a principle asks for)
_MANNER = r"(?:quyết liệt|đồng bộ|kiên trì|chủ động|sâu rộng|toàn diện|hiệu quả|nghiêm túc|chặt chẽ|kịp thời|liên tục|tích cực)"
_NOT_HOW_OFTEN = re.compile(
    rf"(?:\bchi|kinh phí|vốn|giáo dục|\blà\s+(?:một\s+)?(?:nhiệm vụ|công việc|hoạt động)|{_MANNER}\s*,\s*{_MANNER}\s*,)\s*$")
# 'kế hoạch đầu tư công trung hạn, hằng năm', 'kế hoạch phát triển kinh tế - xã hội 5 năm và hằng năm': kinds of plans
_PLAN_KINDS = re.compile(r"(?:trung hạn|dài hạn|ngắn hạn|\b\d+\s*năm|năm năm)\s*(?:,|và)\s*$")
# 'đánh giá, xếp loại cuối năm', 'tổng kết cuối năm': the year-end review, held every year
_YEAR_END_REVIEW = re.compile(r"(?:đánh giá|xếp loại|tổng kết|bình xét|khen thưởng)(?:\s+[\wÀ-ỹ]+){0,2}\s*$")
# 'xác định đây là nhiệm vụ quan trọng, thường xuyên, lâu dài', 'là nhiệm vụ trọng tâm, thường xuyên': what kind of
# duty it is, said of the duty; the task's own time, when the sentence states one ('đánh giá ... hằng năm'), wins
_NATURE = re.compile(r"nhiệm vụ(?:\s+[\wÀ-ỹ]+){0,3}(?:\s*,\s*[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+)?){0,3}\s*,?\s*$")


# 'thường xuyên kiểm tra ..., nhất là trong dịp Tết Nguyên đán': a time given as an example of when a duty is done most,
# not its deadline (another time of the sentence is the task's)
# (bare 'đặc biệt' after a comma: after a noun it is the adjective, 'trẻ em có hoàn cảnh đặc biệt nhân dịp Tết ...')
_EXAMPLE = re.compile(r"(?:nhất là|đặc biệt là|kể cả|[,;(]\s*đặc biệt)\s+(?:(?:vào|trong|các|những)\s+){0,2}$")


def _of_nature(low: str, m: re.Match[str]) -> bool:
    return m.group(0) == "thường xuyên" and bool(_NATURE.search(low, max(0, m.start() - 50), m.start()))


def _routine_tasks(low: str, m: re.Match[str]) -> bool:
    return m.group(0) == "thường xuyên" and bool(_ROUTINE.search(low[max(0, m.start() - 20) : m.start()])) and bool(
        _MONEY.search(re.split(r"[.;]\s", low[m.start() :])[0]))


# 'Chương trình mục tiêu quốc gia ... đến năm 2030', '... tầm nhìn đến năm 2045': the year ends a title
_TITLED = re.compile(r"chương trình|kế hoạch|chiến lược|đề án|quy hoạch|nghị quyết|quyết định|kết luận|chỉ thị|tầm nhìn|giai đoạn|dự án")


def uncut(text: str, end: int) -> int:
    """`end` moved past the date it would cut in two: '(trước ngày 15/6) và năm (trước ngày 1|5/12)'."""
    while 0 < end < len(text) and (text[end].isdigit() or text[end] == "/") and text[end - 1].isdigit():
        end += 1
    return end


def timing_in_text(text: str, *, plan_year: int | None, issued_on: dt.date | None) -> dict[str, Any]:
    """The timing stated inside a task sentence, or kind 'unspecified' when there is none."""
    low = text.lower()
    if "thời gian" in low or "thời hạn" in low:
        m = _INLINE_LABEL.search(text)
        if m:  # '...; thời gian: Quý II/2025', '(thời gian: trước 30/6/2025)': the label says it
            res = parse_timing(m.group(1), plan_year=plan_year, issued_on=issued_on)
            if res["kind"] == "once" and _ONGOING.search(text, m.start(1), uncut(text, m.end() + 60)):
                res.update(kind="continuous", due=None)  # '...: Năm 2026; các năm tiếp theo thực hiện thường xuyên'
            if res["kind"] != "unspecified":
                return res
    res = _in_text(text, low, plan_year=plan_year, issued_on=issued_on)
    if text.rstrip(" .;,").endswith(")") and (b := _closing_bracket(text, plan_year=plan_year, issued_on=issued_on)):
        # (the sentence read with the bracket when that gives its day too: 'định kỳ hằng năm (trước ngày 30/11)'; its own dated
        # deadline over a bare frequency in the bracket: '... trước ngày 15/12/2026 (hằng năm)')
        same_day = res.get("due") and res["due"] == b.get("due") and res["kind"] == "recurring"
        return res if same_day or (b["kind"] == res["kind"] and res.get("due") and not b.get("due")) else b
    return res


# a bracket closing the task sentence that holds its time and nothing else: '... (Quý IV hằng năm).', '(Năm 2026 và những
# năm tiếp theo)', '(Thường xuyên; định kỳ báo cáo trước ngày 10/12)': read as a label; not a remark that names years
# ('(năm 2024 đã đạt 45%)', '(trong đó năm 2026: 10 xã)'), an act ('(theo Quyết định số ...)') or a period before the plan
_CLOSING_BRACKET = re.compile(r"\(([^()]{3,80})\)[\s.;,]*$")
_TIME_OPENS = re.compile(
    r"\s*(?:(?:thời gian|thời hạn)(?:\s+[\wÀ-ỹ]+)?\s*:\s*)?(?:quý|quí|tháng|năm\s+\d|ngày|trước|chậm nhất|giai đoạn|đến|hoàn thành|cuối|"
    r"đầu|giữa|hằng|hàng|định kỳ|mỗi|thường xuyên|liên tục|dịp|nhân dịp|ngay|đợt|sáu tháng|(?:19|20)\d\d"
    r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d|(?:6|06)\s+tháng|từ\s+(?:ngày|tháng|quý|quí|năm|nay|\d)"
    r"|trong\s+(?:năm|quý|quí|tháng|giai đoạn|thời hạn|dịp|sáu|\d))", re.I)
_NOT_TIME = re.compile(r"%|\b(?:đạt|số|đã|có|gồm|nếu|tăng|giảm)\b|trong đó|(?<!tiếp )\btheo\b", re.I)


def _closing_bracket(text: str, *, plan_year: int | None, issued_on: dt.date | None) -> dict[str, Any] | None:
    m = _CLOSING_BRACKET.search(text)
    if m is None or not _TIME_OPENS.match(m.group(1)) or _NOT_TIME.search(m.group(1)):
        return None
    res = parse_timing(m.group(1), plan_year=plan_year, issued_on=issued_on)
    due = res.get("due")
    if res["kind"] == "unspecified" or (due and plan_year and int(due[:4]) < plan_year and not (issued_on and due >= issued_on.isoformat())):
        return None  # ('(giai đoạn 2021-2025)' in a plan of 2026: a period named, not a deadline)
    return res


def _in_text(text: str, low: str, *, plan_year: int | None, issued_on: dt.date | None) -> dict[str, Any]:
    matches = list(_TEXT_TIMING.finditer(low) if len(low) == len(text) else text_timing_i().finditer(text))
    keyed = [m for key, rx in _KEYED if key in low for m in rx.finditer(text)]
    if keyed:  # counted from the issue, 'hai năm một lần'
        matches = sorted(matches + keyed, key=lambda m: m.start())
    found = [
        m for m in matches
        if _not_docref(text, m.start())
        and (_DATED.search(m.group(0)) or not _BUDGET.search(low[max(0, m.start() - 40) : m.start()]))
        and not (m.group(0).startswith("đến") and _TITLED.search(re.split(r"[.;]", low[: m.start()])[-1]))
        and not (plan_year and "giai đoạn" in m.group(0) and int(m.group(0)[-4:]) < plan_year)  # 'trong giai đoạn 1974 - 1975': history
        and not (plan_year and m.group(0).startswith("vào năm") and int(m.group(0)[-4:]) < plan_year)  # 'ban hành vào năm 2019'
        and not _routine_tasks(low, m)
        and not (m.group(0) == "thường xuyên" and _OF_EVENTS.match(low, m.end()))
        and not (m.group(0) == "thường xuyên" and _NOT_HOW_OFTEN.search(low, max(0, m.start() - 60), m.start()))
        and not (m.group(0).endswith("năm") and _PLAN_KINDS.search(low, max(0, m.start() - 20), m.start()))
        and not CRITERION.search(low, max(0, m.start() - 150), m.start())
        and not (SESSION.search(m.group(0)) and not _SUBMITTED.search(low, max(0, m.start() - 150), m.start()))
    ]
    opening = _OPENING_TIME.match(text) if text[:1] in "QqTtNn-–+•*" else None
    if opening is not None:
        found.insert(0, opening)
    if not found:
        return _closing_time(text, plan_year=plan_year, issued_on=issued_on)
    if len(found) > 1 and any(_of_nature(low, m) for m in found):
        found = [m for m in found if not _of_nature(low, m)] or found
    if len(found) > 1 and ("nhất là" in low or "đặc biệt" in low or "kể cả" in low):
        found = [m for m in found if not _EXAMPLE.search(low, max(0, m.start() - 25), m.start())] or found
    # prefer a dated deadline over a bare frequency word
    dated = [m for m in found if re.search(r"\d|tết|trung thu", m.group(0))]  # (a festival fixes its day too)
    if len(dated) > 1 and dated[0].start() < 3 and text[dated[0].end() : dated[0].end() + 1] in (",", ":"):
        dated = dated[1:]  # 'Năm 2026, Sở X hoàn thành trước ngày 30/6/2026': the deadline over the opening time
    best = dated[0] if dated else found[0]
    phrase = text[best.start() : best.end()]
    # widen to a nearby frequency word: "định kỳ trước ngày 10/12 hằng năm"
    # (within its sentence: '(hoàn thành trước ngày 15/3/2026). Định kỳ 6 tháng ...' is another duty's frequency)
    start, end = max(0, best.start() - 25), uncut(text, best.end() + 20)
    start = max([start, *(x.end() for x in _SENTENCE_END.finditer(text, start, best.start()) if text[x.end()].isupper())])
    end = next((x.start() + 1 for x in _SENTENCE_END.finditer(text, best.end(), end) if text[x.end() : x.end() + 1].isupper()), end)
    window = text[start:end]
    if best.start() < 3 and text[best.end() : best.end() + 1] in (",", ":"):  # the time opening the sentence: 'Quý I/2027, ...'
        phrase = phrase.lstrip(" -–+•*")
        window = "trong " + phrase
    elif phrase.startswith("("):  # '(tháng 6 - 8/2026)': the months of the period named before the bracket
        window = "trong " + phrase.strip("() ")
    res = parse_timing(window if dated else phrase, plan_year=plan_year, issued_on=issued_on, strict=False)
    res = _soonest(text, best, dated, res, plan_year=plan_year, issued_on=issued_on)
    if best.group(0) == "cuối năm" and res["kind"] == "once" and _YEAR_END_REVIEW.search(low, max(0, best.start() - 40), best.start()):
        res.update(kind="recurring", period="year")  # 'đánh giá, xếp loại cuối năm': every year's review
    if dated and res["kind"] == "once" and _YEARLY.search(re.split(r"[.;]\s", low[: best.start()])[-1]) and not re.search(YEAR, phrase):
        # 'định kỳ hằng năm báo cáo ..., gửi về Bộ X trước ngày 25 tháng 12': the frequency word opens the sentence,
        # the day and month with no year close it: that day of every year
        res = parse_timing(phrase + " hằng năm", plan_year=plan_year, issued_on=issued_on, strict=False)
    res["text"] = phrase.strip()
    if res["kind"] == "recurring" and res.get("period") == "year" and not res.get("due") and not dated:
        res = _yearly_month(text, best, res, plan_year=plan_year, issued_on=issued_on)
    if res["kind"] in ("once", "unspecified") and (go := _ONGOING.search(text, best.start(), uncut(text, best.end() + 60))) and go.start() < best.end():
        # 'trong Quý IV năm 2024 và (tiếp tục thực hiện trong) các năm tiếp theo': started then carried on, as a label says it
        return {**res, "kind": "continuous", "due": None, "text": text[best.start() : go.end()].strip()}
    if res["kind"] == "once" and "từ" in low[max(0, best.start() - 40) : best.start()]:
        _with_start(res, text[max(0, best.start() - 40) : best.end()], plan_year)
    if res["kind"] == "unspecified" and CONTINUOUS.search(phrase):
        res["kind"] = "continuous"
    return res


def _yearly_month(text: str, best: re.Match[str], res: dict[str, Any], *, plan_year: int | None,
                  issued_on: dt.date | None) -> dict[str, Any]:
    """A yearly task's sentence naming one month of the year bare: 'Hằng năm, ... hưởng ứng “Tháng hành động vì trẻ em
    - Tháng 6”': due at that month's first end after the issue."""
    start = max([0, *(x.end() for x in _SENTENCE_END.finditer(text, 0, best.start()) if text[x.end()].isupper())])
    stop = next((x.start() for x in _SENTENCE_END.finditer(text, best.end()) if text[x.end() : x.end() + 1].isupper()), len(text))
    months = {int(m.group(1)) for m in BARE_MONTH.finditer(text, start, stop)}
    if len(months) != 1 or not 1 <= (month := months.pop()) <= 12:
        return res
    due = parse_timing(f"tháng {month} hằng năm", plan_year=plan_year, issued_on=issued_on)["due"]
    return {**res, "due": due} if due else res


def _soonest(text: str, best: re.Match[str], dated: list[re.Match[str]], res: dict[str, Any], *, plan_year: int | None,
             issued_on: dt.date | None) -> dict[str, Any]:
    """The first due date of a sentence's several deadlines of one kind: '... 6 tháng trước ngày 05/6 và báo cáo năm
    trước ngày 05/12 hằng năm' (issued in November: December first); 'tổ chức ... từ ngày 01/6 đến ngày 30/6/2026; xây
    dựng kế hoạch, trình ... trước ngày 15/5/2026' (the preparation first)."""
    if not res.get("due") or res["kind"] not in ("once", "recurring"):
        return res
    for m in dated:
        if m.start() <= best.start() or any(text[x.end() : x.end() + 1].isupper() for x in _SENTENCE_END.finditer(text, best.end(), m.start())):
            continue
        window = text[max(best.end(), m.start() - 25) : uncut(text, m.end() + 20)]
        other = parse_timing(window, plan_year=plan_year, issued_on=issued_on, strict=False)
        if other["kind"] == res["kind"] and other.get("due") and other["due"] < res["due"]:
            res = {**other, "text": text[m.start() : m.end()].strip()}
        elif res["kind"] == "once" and other["kind"] == "recurring" and other.get("due") and other["due"] <= res["due"]:
            # 'báo cáo ... trước ngày 20/6/2026 và trước ngày 20/12 hằng năm': a yearly duty, first due at the soonest
            res = {**other, "text": text[best.start() : best.end()].strip()}
    return res


# 'trình Chính phủ năm 2024.', 'hoàn thành việc sửa đổi Thông tư Quý III/2024.': national texts put the time of a
# submission or a completion at the end of its clause with no preposition
_YEAR_CLOSES = re.compile(rf"({YEAR})\s*(?:[.;]|$)")
_CLOSING_UNIT = re.compile(r"(?:^|\s)((?:quý|quí)\s*(?:iv|i{1,3}|[1-4])\s*(?:/|năm)\s*|tháng\s*\d{1,2}\s*(?:/|năm)\s*|năm\s+)$", re.I)
_COMPLETES = re.compile(r"\b(?:trình\s+(?:Chính phủ|Thủ tướng|Quốc hội|Ủy ban|Uỷ ban|UBND|Bộ|Hội đồng|cấp)|hoàn thành|hoàn tất|ban hành|xong)\b", re.I)
# a law or decree named with its year ('Luật Giáo dục năm 2019'; a month or a quarter after one is a deadline)
_ACT = re.compile(r"\b(?:luật|bộ luật|nghị định|thông tư|pháp lệnh)\b[^,;]*$", re.I)


def _closing_time(text: str, *, plan_year: int | None, issued_on: dt.date | None) -> dict[str, Any]:
    if "20" not in text and "19" not in text:
        return {"text": None, "kind": "unspecified", "due": None, "rrule": None}
    for ym in _YEAR_CLOSES.finditer(text):  # a year closing a clause, then the unit before it
        um = _CLOSING_UNIT.search(text, max(0, ym.start() - 20), ym.start())
        if um is None or text[ym.start() - 1 : ym.start()].isdigit():
            continue
        phrase = text[um.start(1) : ym.end(1)]
        clause = re.split(r"[,;:]", text[: um.start(1)])[-1]
        low = clause.lower()
        if (_COMPLETES.search(clause) and not _TITLED.search(low[-40:]) and not (phrase[:1] in "nN" and _ACT.search(low[-40:]))
                and not (plan_year and int(ym.group(1)) < plan_year) and not CRITERION.search(text[: um.start(1)].lower())):
            res = parse_timing(phrase, plan_year=plan_year, issued_on=issued_on)
            res["text"] = phrase
            return res
        break
    return {"text": None, "kind": "unspecified", "due": None, "rrule": None}
