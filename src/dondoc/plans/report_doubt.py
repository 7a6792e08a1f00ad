"""How sure the parser is of a reporting obligation, from how it was read (never from which document it came from).

`plans.reports` records, under HOW_KEY, where each part of a report was read: its sender (the sentence's own subject,
or taken from the item, its heading or the report before it), its receiver (named in the clause or carried over from
the report before it), its date (in the clause, on a time label line or a table's time cell, or a month worked out
from 'tháng cuối quý'), and the section it stands in. `report_facts` turns that and the item into yes/no facts;
`report_confidence` is BASE[context] times one factor per doubt, clipped to [0.05, 1], as `plans.doubt` does for
assignments. Which doubts count is decided by how the genre goes wrong, not by fitting the labelled plans:
- a section for reporting ('Chế độ báo cáo', 'Chế độ thông tin, báo cáo') holds reporting obligations; the section
  on organising the work ('Tổ chức thực hiện', a decision's articles) holds most of the rest; a dated sentence in the
  tasks ('Nhiệm vụ, giải pháp'), a funding section or a task table is more often a task's deadline than a report;
- a report that names no sender needs a person; one whose sender or receiver was carried over from elsewhere may
  belong to another body;
- a date not written in the sentence (a label line or a cell after it, a quarter's month worked out) may be the
  task's, not the report's;
- something sent that is not called a report nor a compilation ('gửi danh sách ...', 'gửi hồ sơ ...', 'gửi kết quả rà
  soát ...'): annotators count some as reports and not others;
- a one-off dated deadline outside the sections on reporting and organising: most often the deadline of a task;
- a sender of one or two words that is no known name, where its end was guessed (a sentence's subject): a piece of a
  name cut at a dash or a comma ('Vụ Công chức - | Viên chức'), as plans.doubt's short_name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

HOW_KEY = "_how"

Context = Literal["regime", "organising", "other"]
BASE: dict[str, float] = {"regime": 0.95, "organising": 0.9, "other": 0.8}
FACTORS: dict[str, float] = {
    "no_sender": 0.55,  # nobody named to send it
    "sender_carried": 0.9,  # the sender taken from the item, its heading or the report before it
    "no_receiver": 0.8,  # sent to nobody named
    "receiver_carried": 0.9,  # the receiver carried over from the report before it
    "date_elsewhere": 0.9,  # the date read on a label line or a time cell after the sentence, or worked out
    "not_a_report": 0.7,  # what is sent is neither a report nor a compilation: a list, a dossier, a review's results
    "one_off_task": 0.85,  # a one-off dated deadline outside the sections on reporting and organising
    "to_itself": 0.5,  # the sender is its own receiver
    "short_sender": 0.7,  # a sender of one or two words, not a known name, cut from a sentence: a piece ('Viên chức')
}

# a heading that says the section is about reporting ('V. CHẾ ĐỘ BÁO CÁO', '3. Chế độ thông tin, báo cáo',
# 'Kiểm tra, giám sát và báo cáo'); or the section on organising the work
_REGIME_TITLE = re.compile(r"^(?:chế độ\s+(?:thông tin,?\s*)?báo cáo|thông tin,?\s*báo cáo|báo cáo\b|"
                           r"(?:kiểm tra|theo dõi|giám sát|sơ kết|tổng kết|đánh giá)\b[^.:;]{0,40}\bbáo cáo\b)")
_MARK = re.compile(r"^(?:[-–+*#\s]+|(?:[ivxlc]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s*)+")  # a title's numbering
_ORGANISING_TITLE = re.compile(r"tổ chức thực hiện|phân công|trách nhiệm|điều khoản thi hành")
# what a report is called, or a compilation; the results of the plan's implementation sent up
_REPORTED = re.compile(r"báo cáo(?! viên)|tổng hợp|(?:kết quả|tình hình)\s+(?:triển khai\s+)?thực hiện")


def context_of(titles: list[str]) -> Context:
    """The kind of section a report stands in, from the headings above it (nearest first)."""
    lows = [" ".join(t.lower().split()) for t in titles if t]
    if any(len(t) < 90 and _REGIME_TITLE.match(_MARK.sub("", t)) for t in lows):
        return "regime"
    if any(_ORGANISING_TITLE.search(t[:80]) for t in lows):
        return "organising"
    return "other"


@dataclass(frozen=True)
class ReportFacts:
    context: Context = "other"
    sender: Literal["named", "carried", "none"] = "named"
    receiver: Literal["named", "carried", "none"] = "named"
    date_elsewhere: bool = False
    not_a_report: bool = False
    one_off: bool = False
    to_itself: bool = False
    short_sender: bool = False


def report_facts(r: dict[str, Any]) -> ReportFacts:
    how = r.get(HOW_KEY) or {}
    low = (r.get("text") or "").lower()
    senders = {" ".join(x.lower().split()) for x in r.get("from") or []}
    return ReportFacts(
        context=how.get("context", "other"),
        sender="none" if not r.get("from") else how.get("sender", "named"),
        receiver="none" if not r.get("to") else how.get("receiver", "named"),
        date_elsewhere=how.get("date", "clause") != "clause",
        not_a_report=not _REPORTED.search(low),
        one_off=(r.get("timing") or {}).get("kind") == "once",
        to_itself=bool(senders) and any(" ".join(x.lower().split()) in senders for x in r.get("to") or []),
        short_sender=how.get("sender", "named") == "named" and any(_short(n) for n in r.get("from") or []),
    )


def _short(name: str) -> bool:
    from dondoc.plans.doubt import is_known, whole_head

    return len(name.split()) <= 2 and not is_known(name) and not whole_head(name)


def report_factors(f: ReportFacts) -> list[str]:
    out = []
    if f.sender == "none":
        out.append("no_sender")
    elif f.sender == "carried":
        out.append("sender_carried")
    if f.receiver == "none":
        out.append("no_receiver")
    elif f.receiver == "carried":
        out.append("receiver_carried")
    if f.date_elsewhere:
        out.append("date_elsewhere")
    if f.not_a_report:
        out.append("not_a_report")
    if f.one_off and f.context == "other":
        out.append("one_off_task")
    if f.to_itself:
        out.append("to_itself")
    if f.short_sender:
        out.append("short_sender")
    return out


def report_confidence(f: ReportFacts) -> float:
    c = BASE[f.context]
    for k in report_factors(f):
        c *= FACTORS[k]
    return round(min(1.0, max(0.05, c)), 2)


_REASONS = {
    "no_sender": "không rõ đơn vị gửi",
    "sender_carried": "đơn vị gửi lấy từ mục/câu khác",
    "no_receiver": "không rõ nơi nhận",
    "receiver_carried": "nơi nhận lấy từ câu trước",
    "date_elsewhere": "thời hạn không nằm trong câu báo cáo",
    "not_a_report": "nội dung gửi không phải là báo cáo (danh sách, hồ sơ ...)",
    "one_off_task": "hạn một lần ngoài phần chế độ báo cáo/tổ chức thực hiện: có thể là hạn của nhiệm vụ",
    "to_itself": "đơn vị gửi trùng nơi nhận",
    "short_sender": "tên đơn vị gửi chỉ có một, hai từ (có thể bị cắt)",
}


def report_reasons(f: ReportFacts) -> list[str]:
    return [_REASONS[k] for k in report_factors(f) if k != "no_sender"]  # (no sender: a warning of its own)
