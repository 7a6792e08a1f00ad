"""Timing stated inside a task sentence: the deadline or frequency words found in free text, read with
`timing.parse_timing` (an inline 'thời gian: ...' label first, then a dated deadline before a bare
frequency word)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dondoc.plans.timing import _D, CONTINUOUS, YEAR, _not_docref, _with_start, parse_timing

_ONE_DATE = (
    rf"(?:\d{{1,2}}\s*[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*{YEAR})?|\d{{1,2}}\s+(?:của\s+)?tháng\s+(?:\d{{1,2}}|cuối\s+quý)"
    rf"(?:\s+năm\s+{YEAR})?)"
)
# 'trước ngày 10 tháng 6 và ngày 10 tháng 12 hằng năm', 'trước ngày 10/6 và 10/12 hằng năm': the dates of
# one yearly duty, with the frequency word after the last one
_TT_DATE = rf"(?:ngày\s+)?{_ONE_DATE}(?:\s*(?:và|,)\s*(?:ngày\s+)?{_ONE_DATE})*(?:\s+(?:hằng|hàng)\s+(?:năm|tháng|quý))?"
# Matched on lower-cased text, every branch opening with a literal word: the regex engine then
# skips ahead to candidate positions instead of trying each branch at every character.
_TEXT_TIMING = re.compile(
    rf"(?:định kỳ|hằng năm|hàng năm|hằng quý|hàng quý)[, ]*(?:trước|chậm nhất|đến|trong|vào)\s+{_TT_DATE}"
    r"|(?:định kỳ|hằng năm|hàng năm)\s*\(\s*(?:trước\s+)?ngày\s+\d{1,2}\s*/\s*\d{1,2}[^)]{0,30}\)"  # 'báo cáo định kỳ (ngày 25/12 năm 2026, năm 2027)'
    r"|(?:hằng|hàng)\s+tháng\s*\(?\s*(?:trước|chậm nhất|vào)\s+ngày\s+\d{1,2}\b(?!\s*[/.-]\s*\d)"  # 'hằng tháng (trước ngày 25)'
    rf"|(?:trước|chậm nhất|đến|trong|vào)\s+(?:là\s+)?{_TT_DATE}"
    rf"|(?:trước|chậm nhất|đến|trong|vào)\s+(?:tháng\s*\d{{1,2}}|quý\s*(?:iv|i{{1,3}}|[1-4]))\s*(?:/|năm)\s*{YEAR}"
    r"|(?:định kỳ|hằng|hàng)\s+(?:năm|quý|quí|tháng|tuần|ngày)"
    r"|thường xuyên|định kỳ"
    r"|(?:trước|chậm nhất|vào)\s+ngày\s+\d{1,2}\s+(?:của\s+)?tháng\s+(?:liền kề|kế tiếp|tiếp theo|sau)"
    r"|(?:trước|chậm nhất|vào)\s+ngày\s+\d{1,2}\s+(?:hằng|hàng|mỗi)\s+tháng"
    # 'trong năm 2025', 'trong giai đoạn 2021-2025' (the task's own time; a title's 'giai đoạn' has no 'trong'), 'trong
    # năm 2024 và năm 2025', 'trong năm 2025 và các năm tiếp theo' (started then carried on)
    rf"|(?:hoàn thành|hoàn tất|xong|ngay|trước|chậm nhất|trong)\s+(?:(?:là|trong|vào|trước)\s+)?(?:cuối\s+|các\s+)?(?:năm|giai đoạn)\s+{YEAR}"
    rf"(?:\s*(?:{_D}|và)\s*(?:năm\s+)?{YEAR}|\s*(?:,|và)\s*(?:các|những)\s+năm\s+(?:tiếp theo|sau))?"
    # 'hoàn thành trong 6 tháng đầu năm (2024)', 'trong quý I hằng năm', 'trong tháng 6 hằng năm'
    rf"|(?:trong|trước|hết|vào)\s+(?:(?:6|sáu)\s*tháng\s+(?:đầu|cuối)\s+năm(?:\s+{YEAR})?"
    r"|(?:quý|quí|tháng)\s*(?:iv|i{1,3}|\d{1,2})\s+(?:hằng|hàng|mỗi)\s+năm)"
    # 'báo cáo ... tháng 6 và tháng 12 hằng năm': those months of every year
    r"|tháng\s*\d{1,2}(?:\s*(?:,|và)\s*(?:tháng\s*)?\d{1,2})+\s+(?:hằng|hàng|mỗi)\s+năm"
    # 'trong quý IV' with no year: that quarter of the plan's year; 'trong năm học 2025-2026'
    r"|(?:trong|trước|hết|vào)\s+(?:quý|quí)\s*(?:iv|i{1,3}|[1-4])\b(?!\s*(?:/|năm|hằng|hàng|mỗi|,\s*(?:iv|i{1,3}|[1-4])\b|\d))"
    rf"|(?:trong|hết|cuối)\s+năm học\s+{YEAR}\s*{_D}\s*{YEAR}"
    r"|(?:(?:trước|vào|đến|trong|chậm nhất)\s+(?:dịp\s+)?)?cuối\s+năm\b(?!\s*(?:(?:19|20)\d{2}|học))"
    rf"|đến\s+(?:hết\s+)?năm\s+{YEAR}(?=\s*(?:[.;]|$))"  # 'thành lập khu bảo vệ ... đến năm 2030.': see _TITLED
    r"|lần\s*/\s*(?:ngày|tuần|tháng|quý|năm)\b|24\s*/\s*(?:24|7)\b|(?:hằng|hàng|mỗi)\s+(?:học kỳ|năm học)\b"
    r"|(?:nhân dịp|dịp)\s+(?:tết\s+nguyên\s+đán|tết\s+trung\s+thu|trung\s+thu|hè)(?:\s+(?:cổ truyền\s+)?năm\s+\d{4})?"
)
# the time opening the sentence before its subject: 'Quý I/2027, các cơ quan ... đánh giá ...', 'Năm 2025, Sở X ...'
# (matched at the start only, apart from _TEXT_TIMING: that one is scanned at every position)
_OPENING_TIME = re.compile(
    rf"(?:[-–+•*]\s*)?(?:(?:quý|quí)\s*(?:iv|i{{1,3}}|[1-4])\s*(?:/|năm)\s*|tháng\s*\d{{1,2}}\s*(?:/|năm)\s*|năm\s+){YEAR}(?=\s*,)",
    re.I)
_TEXT_TIMING_I = re.compile(_TEXT_TIMING.pattern, re.IGNORECASE)


# a timing label inside a task sentence, after ';', ',' or '(': its value runs to ';', ')' or the end
_INLINE_LABEL = re.compile(
    r"(?:^|[;,(.]\s*)(?:thời gian|thời hạn)(?:\s+(?:thực hiện|hoàn thành|triển khai|báo cáo))?\s*:\s*"
    r"([^;()]{2,80}?)\s*(?:[;)]|\.?\s*$)", re.I
)


# 'bố trí kinh phí hằng năm', 'dự toán ngân sách hằng năm': how money is found, not when work is due
_BUDGET = re.compile(r"(?:kinh phí|dự toán|ngân sách|nguồn vốn|chi thường xuyên|vốn)\s*(?:[\wÀ-ỹ]+\s+){0,3}$")


_YEARLY = re.compile(r"(?:hằng|hàng|mỗi)\s+năm\b")
# 'Đối với các nhiệm vụ thường xuyên, ... bố trí kinh phí trong dự toán': routine tasks, as the funding clauses of
# plans name them (their money comes from the recurrent budget), not how often the task is done
_ROUTINE = re.compile(r"nhiệm vụ(?:\s+chi)?\s*$")
_MONEY = re.compile(r"kinh phí|dự toán|ngân sách")


# 'xử lý vi phạm tại các điểm thường xuyên xảy ra ngộ độc', 'vùng thường xuyên bị ngập': how often something happens
# to a place or a group the task names, not how often the task is done
_OF_EVENTS = re.compile(r"\s+(?:xảy ra|diễn ra|bị)\b")


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
            if res["kind"] != "unspecified":
                return res
    matches = _TEXT_TIMING.finditer(low) if len(low) == len(text) else _TEXT_TIMING_I.finditer(text)
    found = [
        m for m in matches
        if _not_docref(text, m.start()) and not _BUDGET.search(low[max(0, m.start() - 40) : m.start()])
        and not (m.group(0).startswith("đến") and _TITLED.search(re.split(r"[.;]", low[: m.start()])[-1]))
        and not (plan_year and "giai đoạn" in m.group(0) and int(m.group(0)[-4:]) < plan_year)  # 'trong giai đoạn 1974 - 1975': history
        and not _routine_tasks(low, m)
        and not (m.group(0) == "thường xuyên" and _OF_EVENTS.match(low, m.end()))
    ]
    opening = _OPENING_TIME.match(text) if text[:1] in "QqTtNn-–+•*" else None
    if opening is not None:
        found.insert(0, opening)
    if not found:
        return _closing_time(text, plan_year=plan_year, issued_on=issued_on)
    # prefer a dated deadline over a bare frequency word
    dated = [m for m in found if re.search(r"\d", m.group(0))]
    if len(dated) > 1 and dated[0].start() < 3 and text[dated[0].end() : dated[0].end() + 1] == ",":
        dated = dated[1:]  # 'Năm 2026, Sở X hoàn thành trước ngày 30/6/2026': the deadline over the opening time
    best = dated[0] if dated else found[0]
    phrase = text[best.start() : best.end()]
    # widen to a nearby frequency word: "định kỳ trước ngày 10/12 hằng năm"
    start = max(0, best.start() - 25)
    window = text[start : uncut(text, best.end() + 20)]
    if best.start() < 3 and text[best.end() : best.end() + 1] == ",":  # the time opening the sentence: 'Quý I/2027, ...'
        phrase = phrase.lstrip(" -–+•*")
        window = "trong " + phrase
    res = parse_timing(window if dated else phrase, plan_year=plan_year, issued_on=issued_on, strict=False)
    if dated and res["kind"] == "once" and _YEARLY.search(re.split(r"[.;]\s", low[: best.start()])[-1]) and not re.search(YEAR, phrase):
        # 'định kỳ hằng năm báo cáo ..., gửi về Bộ X trước ngày 25 tháng 12': the frequency word opens the sentence,
        # the day and month with no year close it: that day of every year
        res = parse_timing(phrase + " hằng năm", plan_year=plan_year, issued_on=issued_on, strict=False)
    res["text"] = phrase.strip()
    if res["kind"] == "once" and "từ" in low[max(0, best.start() - 40) : best.start()]:
        _with_start(res, text[max(0, best.start() - 40) : best.end()], plan_year)
    if res["kind"] == "unspecified" and CONTINUOUS.search(phrase):
        res["kind"] = "continuous"
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
                and not (plan_year and int(ym.group(1)) < plan_year)):
            res = parse_timing(phrase, plan_year=plan_year, issued_on=issued_on)
            res["text"] = phrase
            return res
        break
    return {"text": None, "kind": "unspecified", "due": None, "rrule": None}
