"""Reporting obligations: who reports to whom (through whom), by when, and who compiles."""

from __future__ import annotations

import itertools
import re
from typing import Any

from dondoc.plans.blocks import UPPER
from dondoc.plans.bodies import split_bodies
from dondoc.plans.doubt import READ_KEY
from dondoc.plans.extract import Ctx, Node
from dondoc.plans.labelled import TIME_LABEL
from dondoc.plans.report_doubt import HOW_KEY, context_of
from dondoc.plans.report_parts import (
    issuing_date,
    made_report,
    plan_sent_up,
    receivers,
    report_verb_at,
    role_free,
    via_of,
)
from dondoc.plans.subjects import _CONDITIONAL, _sentence_body
from dondoc.plans.timing import parse_timing
from dondoc.plans.timing_text import timing_in_text, uncut
from dondoc.plans.verbs import find_verb

_REPORT_DATE = re.compile(
    r"(?:(?:trước|chậm nhất(?:\s+(?:là|đến|vào))?|hạn chót(?:\s+là)?|trong|vào)\s+(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?,?\s+(?=ngày))?"
    r"|(?:định kỳ|hằng năm|hàng năm)\s*\(\s*|(?<=[\d)])(?:\s+và|\s*,)\s+)(?:ngày\s+)?(\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)\s*(\d{1,2})(?:\s*(?:/|năm)\s*((?:19|20)\d{2}))?"
    r"|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+(?:hằng|hàng)\s+năm",
    re.I,
)


# 'gửi kết quả rà soát về Bộ Công an trước ngày 15/12', 'lập danh sách ... gửi Ủy ban nhân dân xã': a
# product sent to a body by a date is a report too
_SUBMIT = re.compile(r"\bgửi\s+(?:về\s+|cho\s+|lên\s+)?(?:kết quả|báo cáo|danh sách|đề xuất|hồ sơ|số liệu|văn bản|dự thảo|[A-ZĐÀ-Ỹ])|"
                     r"\b(?:kết quả|danh sách|đề xuất|hồ sơ|số liệu|văn bản)\b[^.;]{0,80}?\bgửi\b")
# a draft sent out to be appraised or commented on ('gửi Sở Tư pháp thẩm định', 'gửi dự thảo ... để lấy ý kiến'): a step
# of drafting a text, not a report to the body above
# (a dossier sent to be appraised is a report: 'gửi hồ sơ đề nghị công nhận ... để thẩm định')
_FOR_REVIEW = re.compile(r"\bgửi\b[^.;]{0,120}?(?:góp ý|lấy ý kiến|cho ý kiến)|\bgửi\s+(?:\S+\s+){0,2}?dự thảo\b"
                         r"|dự thảo\b[^.;]{0,120}?\bgửi\b[^.;]{0,60}?(?:thẩm định|thẩm tra)")
_QUARTER_DAY = re.compile(r"(?:trước|chậm nhất|vào)\s+ngày\s+\d{1,2}\s+(?:của\s+)?tháng\s+cuối\s+(?:quý|quí)", re.I)
# clauses: after a semicolon, or a full stop before a capital ('... hằng năm. Ủy ban nhân dân các xã ...')
_CLAUSE = re.compile(rf"(?<=[;])\s+|(?<=\.)\s+(?=[{UPPER}])")
_SENTENCE_END = re.compile(rf"\.\s+(?=[{UPPER}])")


def _clauses(text: str) -> list[str]:
    """The clauses of a paragraph; a semicolon inside brackets splits none ('(6 tháng trước ngày 15/6; 1 năm trước ngày
    15/12) ... gửi về Ủy ban nhân dân tỉnh': the receiver is the whole sentence's)."""
    parts = _CLAUSE.split(text)
    if len(parts) < 2 or "(" not in text:
        return parts
    out = [parts[0]]
    for p in parts[1:]:
        if out[-1].count("(") > out[-1].count(")"):
            out[-1] += " " + p
        else:
            out.append(p)
    return out


def _is_report(low: str, clause: str, nxt: str | None) -> bool:
    if "báo cáo viên" in low:  # 'tập huấn cho báo cáo viên': a person, not a report
        low = low.replace("báo cáo viên", "")
    if "báo cáo" in low or ("tổng hợp" in low and "gửi" in low):
        return True
    if "gửi" not in low or not _SUBMIT.search(clause) or _FOR_REVIEW.search(low):
        return False
    dated_next = bool(_label_time(nxt) and _REPORT_DATE.search(nxt or ""))
    return bool(_REPORT_DATE.search(clause) or _QUARTER_DAY.search(clause)) or dated_next


# 'Thời hạn gửi báo cáo: trước ngày 10/12 hằng năm': the deadline of the report stated just before
_DEADLINE_LABEL = re.compile(r"^(?:Thời hạn|Thời gian|Hạn|Hạn chót)(?:\s+(?:gửi|nộp))?\s+báo cáo\s*:\s*(.*)$", re.I)


# '... gửi Ủy ban nhân dân xã. Hoàn thành trước ngày 30/6/2025.'
_DONE_BY = re.compile(r"^(?:Hoàn thành|Hoàn tất|Xong)\s+((?:trước|chậm nhất|trong)\b.*)$", re.I)


def _label_time(text: str | None) -> str | None:
    """The time a label line gives ('Thời gian hoàn thành: ...', 'Thời hạn gửi báo cáo: ...', 'Hoàn thành trước
    ngày ...'), else None."""
    m = TIME_LABEL.match(text or "") or _DEADLINE_LABEL.match(text or "") or _DONE_BY.match(text or "")
    return m.group(1) if m else None


def _receivers(clause: str, low: str) -> list[str]:
    return receivers(clause, report_verb_at(low))


# recurrence said anywhere in the clause; a period named just before a date's bracket ('năm (trước ngày 20/12)',
# 'Báo cáo 6 tháng: trước ngày 10/6')
_RECURS = re.compile(r"định kỳ|(?:hằng|hàng|mỗi)\s+(?:năm|quý|quí)|thường niên", re.I)
_NEXT_YEAR = re.compile(r"\s*(?:của\s+)?năm\s+(?:sau|kế tiếp|tiếp theo)\b", re.I)  # 'trước ngày 15/01 năm sau'
_PERIOD_BEFORE = re.compile(r"(?:\b(?:\d+|sáu|một)\s+tháng|\bnăm|\bquý)\s*[:(]?\s*$", re.I)


def _dated_timing(clause: str, m: re.Match[str], ctx: Ctx) -> dict[str, Any]:
    lo = max(0, m.start() - 30)
    # the context a date is read in stops at the bracket or clause before it: '(trước ngày 20 hằng tháng), 6 tháng
    # (trước ngày 20/6)' is no monthly date
    cut = max(clause.rfind(")", lo, m.start()), clause.rfind(";", lo, m.start()))
    lo = cut + 1 if cut >= 0 else lo
    t = parse_timing(clause[lo : uncut(clause, m.end() + 25)], plan_year=ctx.plan_year, issued_on=ctx.issued_on, strict=False)
    d, mo, y = int(m.group(1) or m.group(4)), int(m.group(2) or m.group(5)), m.group(3)
    recurs = bool(_RECURS.search(clause) or _PERIOD_BEFORE.search(clause[lo : m.start()]) or _NEXT_YEAR.match(clause, m.end()))
    # 'trước ngày 10/6 và 10/12 hằng năm' reads as one yearly rule of two dates: each report keeps its own
    pair = bool(t.get("rrule") and re.search(r"BYMONTH=\d+,", t["rrule"]))
    due = t.get("due") or ""
    other = not due or (int(due[5:7]), int(due[8:10])) != (mo, d)  # the window read no date, or another one, as due
    if y and (other or (t["kind"] == "recurring" and not _RECURS.search(clause))):
        t = parse_timing(f"trước ngày {d}/{mo}/{y}", plan_year=ctx.plan_year, issued_on=ctx.issued_on)  # a one-off report
    elif not y and (pair or other or (recurs and t["kind"] == "once")):
        every = " hằng năm" if recurs or pair else ""
        t = parse_timing(f"trước ngày {d}/{mo}{every}", plan_year=ctx.plan_year, issued_on=ctx.issued_on)
    t["text"] = m.group(0).strip()
    return t


# 'Trước ngày 15/12 hằng năm tổng hợp, báo cáo Bộ X ...': the date first, the compiling right after it
_COMPILES_AFTER = re.compile(r"[\s,]*(?:(?:hằng|hàng)\s+(?:năm|quý|tháng)[\s,]*)?tổng hợp\b")
# 'Chế độ báo cáo: ...', '2. Chế độ thông tin, báo cáo': a label, not the sender's sentence
_REGIME_LABEL = re.compile(r"^(?:[-–+•*]\s*)?(?:\d{1,2}[.)]\s*)?Chế độ (?:thông tin,?\s*)?báo cáo\s*:?\s*", re.I)


def _collective(names: list[str]) -> bool:
    """'Các sở, ban, ngành', 'Ủy ban nhân dân các xã, phường': many bodies, each reporting its own part."""
    return bool(names) and all(n.lower().startswith("các ") or " các " in n.lower() for n in names)


def _date_of(clause: str) -> re.Match[str] | None:
    """The clause's report date: its first day-and-month that is not a plan's issuing date."""
    return next((m for m in _REPORT_DATE.finditer(clause) if not issuing_date(clause, m.start(), m.end())), None)


def _context(node: Node) -> str:
    """The kind of section the item stands in, from its headings up to the Roman section's (plans.report_doubt)."""
    if node.ref.startswith("Điều"):
        return "organising"  # a decision's article: who follows the plan up and reports
    titles, n = [], node
    while n is not None:
        titles.append(n.title)
        n = n.parent
    return context_of([*titles, node.top_title])


def _owner_of(clause: str, owners: list[dict[str, Any]], prev: dict[str, Any] | None, before: list[str]) -> list[str]:
    """The sender of a clause naming none: the lead of the item's task whose text holds it ('Sở X là cơ quan đầu mối,
    ...; tổng hợp, báo cáo ...' in a paragraph whose other sentences name other bodies), else the sender of the report
    before it in the item, else the lead of the task holding a clause before it in the paragraph ('... yêu cầu các
    sở, ngành xây dựng Kế hoạch ... . Báo cáo tình hình thực hiện gửi Sở X ...'), else the item's last lead."""
    for i, c in enumerate([clause, *reversed(before)]):
        if i == 1 and prev:
            return prev["from"]
        key = " ".join(c.lstrip("-–+•·* ").split())[:40]
        own = next((a for a in reversed(owners) if a["lead"] and key in " ".join(a["text"].split())), None) if len(key) > 12 else None
        if own is not None:
            return list(own["lead"])
    return prev["from"] if prev else (owners[-1]["lead"] if owners else [])


def _report(node: Node, clause: str, nxt: str | None, owners: list[dict[str, Any]], ctx: Ctx,
            prev: dict[str, Any] | None, before_clauses: list[str]) -> tuple[dict[str, Any], bool] | None:
    """The report a clause states, and whether it is dated; None when it states none. `prev`: the report stated
    before it in the same item, whose sender and receiver an elliptical clause keeps ('...; báo cáo năm gửi trước
    ngày 15/11/2025', '- Báo cáo 6 tháng: trước ngày 10/6'); `before_clauses`: the clauses of its paragraph before it."""
    low = clause.lower()
    if not _is_report(low, clause, nxt):
        return None
    m = _date_of(clause)
    q = _QUARTER_DAY.search(clause)
    if _CONDITIONAL.search(clause) and not (m or q):
        return None
    sb = _sentence_body(_REGIME_LABEL.sub("", clause))
    sender = [role_free(n) for n in split_bodies(sb[0])] if sb else _owner_of(clause, owners, prev, before_clauses)
    at = m.start() if m else (q.start() if q else len(low))
    before = low[:at]
    rep: dict[str, Any] = {
        "ref": node.ref,
        "text": clause.strip(" -;."),
        "from": sender,
        "to": _receivers(clause, low),
        "via": via_of(clause),
        "compiles": not _collective(sender) and (
            (bool(re.search(r"(?<!để )tổng hợp", before)) and not re.search(r"để\s+tổng hợp", before[-60:]))
            or bool(m and _COMPILES_AFTER.match(low, m.end()))),
        HOW_KEY: {"sender": "named" if sb else "carried", "receiver": "named", "date": "clause", "context": _context(node)},
    }
    if not rep["to"] and prev and prev["to"] and (m or q or _label_time(nxt)) and (not sb or sender == prev["from"]) \
            and prev["to"] != sender:  # (a dated clause only: an undated one adds nothing to follow up)
        rep["to"], rep["via"] = prev["to"], rep["via"] or prev["via"]
        rep[HOW_KEY]["receiver"] = "carried"
    if made_report(low):
        return None  # 'xây dựng báo cáo đánh giá tác động ..., hoàn thành trước ngày 30/9/2025': the task's product
    if q:  # 'trước ngày 15 của tháng cuối quý': every quarter
        rep["timing"] = parse_timing(q.group(0), plan_year=ctx.plan_year, issued_on=ctx.issued_on)
        rep["timing"]["text"] = q.group(0)
        rep[HOW_KEY]["date"] = "quarter"  # (the month worked out from the issue date)
        return rep, True
    if m:
        rep["timing"] = _dated_timing(clause, m, ctx)
        return rep, True
    tl = _label_time(nxt)
    if tl and _REPORT_DATE.search(nxt or ""):
        # '... gửi Ủy ban nhân dân cấp xã. Thời gian hoàn thành: trước ngày 15/9/2019.'
        rep[HOW_KEY]["date"] = "label"
        recurs = " hằng năm" if _RECURS.search(clause) and not _RECURS.search(tl) else ""
        rep["timing"] = parse_timing(tl + recurs, plan_year=ctx.plan_year, issued_on=ctx.issued_on)
        dm = _REPORT_DATE.search(tl) if rep["timing"].get("due") is None else None
        if dm:  # 'Thường xuyên; định kỳ báo cáo trước ngày 10/12': the work is continuous, the report is dated
            rep["timing"] = parse_timing(tl[dm.start() :] + recurs, plan_year=ctx.plan_year, issued_on=ctx.issued_on)
        ms = list(itertools.islice(_REPORT_DATE.finditer(tl + recurs), 2))
        if len(ms) > 1:  # '- Thời gian báo cáo: 6 tháng (trước ngày 20/6), năm (trước ngày 20/11)': each date its report
            rep["timing"] = _dated_timing(tl + recurs, ms[0], ctx)
        return rep, rep["timing"].get("due") is not None
    rep["timing"] = timing_in_text(clause, plan_year=ctx.plan_year, issued_on=ctx.issued_on)
    return rep, False


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


def _more_dates(rep: dict[str, Any], clause: str, ctx: Ctx, q: re.Match[str] | None = None) -> list[dict[str, Any]]:
    """Each further date of a clause is a report of its own: 'định kỳ 6 tháng (trước ngày 15/6) và năm (trước
    ngày 15/12)'; after '(để) tổng hợp, báo cáo X' it is the receiver's consolidated report to X
    ('... về Sở Nội vụ trước ngày 10/12 để tổng hợp, báo cáo UBND tỉnh trước ngày 20/12')."""
    ms: list[re.Match[str]] = [m for m in _REPORT_DATE.finditer(clause) if not issuing_date(clause, m.start(), m.end())]
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
        extra = {**rep, "from": sender, "to": to, "timing": _dated_timing(clause, m, ctx), HOW_KEY: dict(rep[HOW_KEY])}
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


def extract_reports(nodes: list[Node], assignments: list[dict[str, Any]], ctx: Ctx) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Dated reports, and undated ones that name a receiver (kept apart for review)."""
    dated: list[dict[str, Any]] = []
    undated: list[dict[str, Any]] = []
    by_ref: dict[str, list[dict[str, Any]]] = {}
    for a in assignments:
        by_ref.setdefault(a["ref"], []).append(a)
    for node in nodes:
        texts = ([node.title] if node.title else []) + [p.text for p in node.content]
        prev: dict[str, Any] | None = None  # the last report of this item
        used: set[tuple[int, int]] = set()  # deadline clauses read as the date of the report before them
        for ti, text in enumerate(texts):
            low_text = text.lower()
            if "báo cáo" not in low_text and "tổng hợp" not in low_text and "gửi" not in low_text:
                continue
            clauses = _clauses(text)
            follow = texts[ti + 1] if ti + 1 < len(texts) else None
            for ci, clause in enumerate(clauses):
                if (ti, ci) in used:
                    continue
                nxt = clauses[ci + 1] if ci + 1 < len(clauses) else follow
                if nxt is not None:
                    nxt = re.sub(r"^[-–+•·*\s]+", "", nxt)
                if plan_sent_up(clause, _SENTENCE_END.split(" ".join(clauses[:ci]))[-1] if ci else ""):
                    continue
                got = _report(node, clause, nxt, by_ref.get(node.ref) or [], ctx, prev, clauses[:ci])
                if got is None:
                    continue
                rep, is_dated = got
                if is_dated and not _date_of(clause) and not _QUARTER_DAY.search(clause):
                    used.add((ti, ci + 1) if ci + 1 < len(clauses) else (ti + 1, 0))
                prev = rep
                if is_dated:
                    dated.append(rep)
                    # (the further dates of the clause, or of the time label after it that dated it)
                    src = clause if (_date_of(clause) or _QUARTER_DAY.search(clause)) else (_label_time(nxt) or "")
                    dated.extend(_more_dates(rep, src, ctx, _QUARTER_DAY.search(src)))
                elif re.search(r"báo cáo\s+(?:UBND|Ủy ban|Uỷ ban|Sở|Bộ|Phòng|Thường trực|về)", clause) or rep["to"]:
                    undated.append(rep)
    return dated, undated


_DAY_MONTH = re.compile(r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}(?!\d)|\b\d{1,2}\s+tháng\s+\d{1,2}\b")  # (not 'tháng 12/2025')
_STATUS_REPORT = re.compile(r"^(?:tổng hợp,?\s*)?báo cáo\s+(?:kết quả|tình hình|sơ kết|tổng kết|định kỳ|tiến độ)")


def table_reports(assignments: list[dict[str, Any]], ctx: Ctx) -> list[dict[str, Any]]:
    """Reports that are rows of a task table: '| Tổng hợp, báo cáo Bộ trưởng kết quả thực hiện | Cục X | Trước ngày
    15/12/2025 |' (a day and a month in the time cell, or 'trước ngày 15 của tháng cuối quý'; one report per date of
    the cell: 'Định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12)'; a product such as 'Xây dựng báo cáo
    đánh giá ...' is none)."""
    out: list[dict[str, Any]] = []
    for a in assignments:
        if a.get(READ_KEY) not in ("table", "rebuilt") or "báo cáo" not in a["text"].lower():
            continue
        t, low = a["timing"], a["text"].lower()
        tt = t.get("text") or ""
        q = _QUARTER_DAY.search(tt)
        if not t.get("due") or not (_DAY_MONTH.search(tt) or q):
            continue
        to = _receivers(a["text"], low)
        if made_report(low) or (not to and not _STATUS_REPORT.match(low)):
            continue
        rep = {"ref": a["ref"], "text": a["text"], "from": list(a["lead"]), "to": to, "via": via_of(a["text"]),
               "compiles": "tổng hợp" in low and not _collective(a["lead"]), "timing": dict(t),
               HOW_KEY: {"sender": "named", "receiver": "named", "date": "clause", "context": "other"}}  # (a task table's row)
        m = _date_of(tt)
        if q:
            rep["timing"] = {**parse_timing(q.group(0), plan_year=ctx.plan_year, issued_on=ctx.issued_on), "text": q.group(0)}
        elif m and _REPORT_DATE.search(tt, m.end()):
            rep["timing"] = _dated_timing(tt, m, ctx)
        out.append(rep)
        out.extend(_more_dates(rep, tt, ctx, q))
    return out
