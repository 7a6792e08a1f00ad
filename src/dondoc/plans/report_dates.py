"""The dates of reporting obligations: the day and month a report is due ('trước ngày 10/12 hằng năm', 'chậm nhất
ngày 25 tháng 11', 'trước ngày 15 của tháng cuối quý'), whether it recurs, the time a label line after it gives, and
each further date of one clause as a report of its own ('6 tháng (trước ngày 15/6) và năm (trước ngày 15/12)', the
receiver's compiling report after '(để) tổng hợp, báo cáo X')."""

from __future__ import annotations

import itertools
import re
from typing import Any

from dondoc.plans.labelled import TIME_LABEL
from dondoc.plans.report_doubt import HOW_KEY
from dondoc.plans.report_parts import issuing_date, receivers, role_free
from dondoc.plans.timing import parse_timing
from dondoc.plans.timing_text import uncut
from dondoc.plans.tree import Ctx
from dondoc.plans.verbs import find_verb

# (a day of 1-31 and a month of 1-12: '2024, 18/20 sở' is no date)
REPORT_DATE = re.compile(
    r"(?:(?:trước|chậm nhất(?:\s+(?:là|đến|vào))?|hạn chót(?:\s+là)?|trong|vào)\s+(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?,?\s+(?=ngày))?"
    r"|(?:định kỳ|hằng năm|hàng năm)\s*\(\s*|(?<=[\d)])(?:\s+và|\s*,)\s+)(?:ngày\s+)?(0?[1-9]|[12]\d|3[01])\s*(?:/|-|\.|\s+tháng\s+)\s*(0?[1-9]|1[0-2])(?!\d)(?:\s*(?:/|năm)\s*((?:19|20)\d{2}))?"
    r"|ngày\s+(0?[1-9]|[12]\d|3[01])\s+tháng\s+(0?[1-9]|1[0-2])\s+(?:hằng|hàng)\s+năm",
    re.I,
)

QUARTER_DAY = re.compile(r"(?:trước|chậm nhất|vào)\s+ngày\s+\d{1,2}\s+(?:của\s+)?tháng\s+cuối\s+(?:quý|quí)", re.I)

# 'Thời hạn gửi báo cáo: trước ngày 10/12 hằng năm': the deadline of the report stated just before
DEADLINE_LABEL = re.compile(r"^(?:Thời hạn|Thời gian|Hạn|Hạn chót)(?:\s+(?:gửi|nộp))?\s+báo cáo\s*:\s*(.*)$", re.I)


# '... gửi Ủy ban nhân dân xã. Hoàn thành trước ngày 30/6/2025.'
_DONE_BY = re.compile(r"^(?:Hoàn thành|Hoàn tất|Xong)\s+((?:trước|chậm nhất|trong)\b.*)$", re.I)


def label_time(text: str | None) -> str | None:
    """The time a label line gives ('Thời gian hoàn thành: ...', 'Thời hạn gửi báo cáo: ...', 'Hoàn thành trước
    ngày ...'), else None."""
    m = TIME_LABEL.match(text or "") or DEADLINE_LABEL.match(text or "") or _DONE_BY.match(text or "")
    return as_deadline(m.group(1)) if m else None


# a date standing alone where a deadline is asked for ('Hạn gửi báo cáo: ngày 10/12 hằng năm', a time cell '15/6 hằng
# năm'): the day it is due by
_BARE_DATE = re.compile(r"^\s*(?:vào\s+)?(?:ngày\s+)?(?=\d{1,2}\s*(?:/|-|\.|\s+tháng\s+)\s*\d{1,2}(?!\d))", re.I)


def as_deadline(time: str) -> str:
    return _BARE_DATE.sub("trước ngày ", time, count=1)


# recurrence said anywhere in the clause; a period named just before a date's bracket ('năm (trước ngày 20/12)',
# 'Báo cáo 6 tháng: trước ngày 10/6')
RECURS = re.compile(r"định kỳ|(?:hằng|hàng|mỗi)\s+(?:năm|quý|quí)|thường niên", re.I)
# 'trước ngày 15/01 năm sau', 'trước ngày 05/12 của năm báo cáo': every year
_NEXT_YEAR = re.compile(r"\s*(?:của\s+)?(?:năm\s+(?:sau|kế tiếp|tiếp theo)|(?:năm|kỳ)\s+báo cáo)\b", re.I)
# a period named in a bracket after the date: 'trước ngày 15/12 (báo cáo năm)'
_PERIOD_AFTER = re.compile(r"\s*\(\s*(?:báo cáo\s+)?(?:(?:\d+|sáu)\s+tháng|năm|quý)(?![\wÀ-ỹ])", re.I)
_PERIOD_BEFORE = re.compile(r"(?:\b(?:\d+|sáu|một)\s+tháng|\bnăm|\bquý)\s*[:(]?\s*$", re.I)


def dated_timing(clause: str, m: re.Match[str], ctx: Ctx) -> dict[str, Any]:
    lo = max(0, m.start() - 30)
    # the context a date is read in stops at the bracket or clause before it: '(trước ngày 20 hằng tháng), 6 tháng
    # (trước ngày 20/6)' is no monthly date
    cut = max(clause.rfind(")", lo, m.start()), clause.rfind(";", lo, m.start()))
    lo = cut + 1 if cut >= 0 else lo
    t = parse_timing(clause[lo : uncut(clause, m.end() + 25)], plan_year=ctx.plan_year, issued_on=ctx.issued_on, strict=False)
    d, mo, y = int(m.group(1) or m.group(4)), int(m.group(2) or m.group(5)), m.group(3)
    recurs = bool(RECURS.search(clause) or _PERIOD_BEFORE.search(clause[lo : m.start()]) or _NEXT_YEAR.match(clause, m.end())
                  or _PERIOD_AFTER.match(clause, m.end()))
    # 'trước ngày 10/6 và 10/12 hằng năm' reads as one yearly rule of two dates: each report keeps its own
    pair = bool(t.get("rrule") and re.search(r"BYMONTH=\d+,", t["rrule"]))
    due = t.get("due") or ""
    other = not due or (int(due[5:7]), int(due[8:10])) != (mo, d)  # the window read no date, or another one, as due
    if y and (other or (t["kind"] == "recurring" and not RECURS.search(clause))):
        t = parse_timing(f"trước ngày {d}/{mo}/{y}", plan_year=ctx.plan_year, issued_on=ctx.issued_on)  # a one-off report
    elif not y and (pair or other or (recurs and t["kind"] == "once")):
        every = " hằng năm" if recurs or pair else ""
        t = parse_timing(f"trước ngày {d}/{mo}{every}", plan_year=ctx.plan_year, issued_on=ctx.issued_on)
    t["text"] = m.group(0).strip()
    return t


def collective(names: list[str]) -> bool:
    """'Các sở, ban, ngành', 'Ủy ban nhân dân các xã, phường': many bodies, each reporting its own part."""
    return bool(names) and all(n.lower().startswith("các ") or " các " in n.lower() for n in names)


# an event organised just before a date: the date is the event's ('..., tổ chức Hội nghị tổng kết vào ngày 20/12/2025')
_EVENT = re.compile(r"\b(?:tổ chức|khai mạc|diễn ra)\s+(?:[^,;.]{0,40}?\s)?(?:hội nghị|hội thảo|hội thi|lễ|tọa đàm|diễn đàn|"
                    r"buổi|cuộc|chương trình)\b(?![^,;.]*báo cáo)[^,;.]{0,60}$", re.I)


def _event_date(clause: str, at: int) -> bool:
    window = clause[max(0, at - 100) : at]
    return ("tổ chức" in window or "khai mạc" in window or "diễn ra" in window) and bool(_EVENT.search(window))


def date_of(clause: str) -> re.Match[str] | None:
    """The clause's report date: its first day-and-month that is neither a plan's issuing date nor an event's."""
    return next((m for m in REPORT_DATE.finditer(clause)
                 if not issuing_date(clause, m.start(), m.end()) and not _event_date(clause, m.start())), None)


# between two dates of one clause, only the periods they close: '(báo cáo 6 tháng) và', '; 1 năm', ', năm (' (two
# dated deadlines with no period named stay one report, the first)
# (the milestone a period closes may be named: 'sơ kết 6 tháng trước ... và (báo cáo) tổng kết năm trước ...'; or stand
# alone: 'sơ kết giữa kỳ trước ngày 30/6/2027 và tổng kết trước ngày 30/11/2030', '... và báo cáo cuối kỳ trước ...')
_PERIOD_GAP = re.compile(r"^[\s)]*(?:\([^()]{0,30}\)\s*)?[,;]?\s*(?:và|hoặc)?\s*(?:(?:báo cáo\s+)?(?:kết quả\s+)?"
                         r"(?:(?:(?:sơ|tổng)\s+kết(?:\s+(?:giữa|cuối)\s+kỳ)?|(?:giữa|cuối)\s+kỳ)\s*)?"
                         r"(?:(?:\d+|sáu|một)\s+tháng|(?:\d+\s+|cả\s+)?năm|quý\s+[IV]+)?)?\s*[:(]?\s*$", re.I)
_PERIOD_WORD = re.compile(r"tháng|năm|quý|kết|kỳ")


_EVERY_YEAR = re.compile(r"\s*(?:hằng|hàng|mỗi)\s+năm\b", re.I)


def _via_body(via: str) -> str:
    """'qua Sở Du lịch tổng hợp' -> 'Sở Du lịch'."""
    name = role_free(re.sub(r"^[Qq]ua\s+", "", via))
    v = find_verb(name, 2)
    return name[: v.start()].strip(" ,;") if v else name


def more_dates(rep: dict[str, Any], clause: str, ctx: Ctx, q: re.Match[str] | None = None) -> list[dict[str, Any]]:
    """Each further date of a clause is a report of its own: 'định kỳ 6 tháng (trước ngày 15/6) và năm (trước
    ngày 15/12)'; after '(để) tổng hợp, báo cáo X' it is the receiver's consolidated report to X
    ('... về Sở Nội vụ trước ngày 10/12 để tổng hợp, báo cáo UBND tỉnh trước ngày 20/12')."""
    ms: list[re.Match[str]] = [m for m in REPORT_DATE.finditer(clause) if not issuing_date(clause, m.start(), m.end())]
    if q:  # the report is dated by 'trước ngày 20 của tháng cuối quý': each date is another one ('... và năm (trước ngày 15/12)')
        ms.insert(0, q)
    if len(ms) < 2:
        return []
    # dates with their year ('trước ngày 25/11/2025') count only as the compiling report after '(để) tổng hợp,
    # báo cáo X', or as the next period's report ('trước ngày 25/6/2025 (báo cáo 6 tháng) và trước ngày 25/11/2025')
    yeared = any(m.group(3) for m in ms[1 if q else 0 :])
    out: list[dict[str, Any]] = []
    seen = set() if q else {(ms[0].group(1) or ms[0].group(4), ms[0].group(2) or ms[0].group(5))}
    sender, to = rep["from"], rep["to"]
    for prev, m in itertools.pairwise(ms):
        key = (m.group(1) or m.group(4), m.group(2) or m.group(5))
        if key in seen:
            continue
        seen.add(key)
        between = clause[prev.end() : m.start()]
        compiling = bool(re.search(r"tổng hợp", between, re.I) and re.search(r"báo cáo\s+\S", between, re.I) and to)
        yearly = not m.group(3) and bool(_EVERY_YEAR.match(clause, m.end()))  # '... và trước ngày 20/12 hằng năm'
        if yeared and not compiling and not yearly and not (_PERIOD_GAP.match(between) and _PERIOD_WORD.search(between)):
            continue
        extra = {**rep, "from": sender, "to": to, "timing": dated_timing(clause, m, ctx), HOW_KEY: dict(rep[HOW_KEY])}
        if extra[HOW_KEY]["date"] == "quarter":
            extra[HOW_KEY]["date"] = "clause"  # (a date written out after the quarterly one)
        if compiling:
            onward = receivers(between, between.lower().rfind("báo cáo"))
            if onward:
                extra.update(text=between.strip(" ,;.") + " " + m.group(0), compiles=True, via=None)
                # '... về UBND xã (qua công chức Văn hóa - Xã hội) ... để tổng hợp, báo cáo X': the body it passes
                # through compiles
                sender, to = ([_via_body(rep["via"])] if rep.get("via") else to), onward
                extra["from"], extra["to"] = sender, to
                extra[HOW_KEY]["sender"] = "carried"  # (the body the reports went to compiles them: read from the chain)
        out.append(extra)
    return out
