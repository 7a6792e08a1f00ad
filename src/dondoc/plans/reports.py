"""Reporting obligations: who reports to whom (through whom), by when, and who compiles."""

from __future__ import annotations

import itertools
import re
from typing import Any

from dondoc.plans.blocks import UPPER
from dondoc.plans.bodies import split_bodies
from dondoc.plans.doubt import READ_KEY
from dondoc.plans.extract import Ctx, Node
from dondoc.plans.report_dates import (
    QUARTER_DAY,
    RECURS,
    REPORT_DATE,
    collective,
    date_of,
    dated_timing,
    label_time,
    more_dates,
)
from dondoc.plans.report_doubt import HOW_KEY, context_of
from dondoc.plans.report_layouts import label_reports, table_regime_reports
from dondoc.plans.report_parts import (
    made_report,
    plan_sent_up,
    receivers,
    report_verb_at,
    role_free,
    via_of,
)
from dondoc.plans.subjects import _CONDITIONAL, _sentence_body
from dondoc.plans.timing import parse_timing
from dondoc.plans.timing_text import timing_in_text

# 'gửi kết quả rà soát về Bộ Công an trước ngày 15/12', 'lập danh sách ... gửi Ủy ban nhân dân xã': a
# product sent to a body by a date is a report too
_SUBMIT = re.compile(r"\bgửi\s+(?:về\s+|cho\s+|lên\s+)?(?:kết quả|báo cáo|danh sách|đề xuất|hồ sơ|số liệu|văn bản|dự thảo|[A-ZĐÀ-Ỹ])|"
                     r"\b(?:kết quả|danh sách|đề xuất|hồ sơ|số liệu|văn bản)\b[^.;]{0,80}?\bgửi\b")
# a draft sent out to be appraised or commented on ('gửi Sở Tư pháp thẩm định', 'gửi dự thảo ... để lấy ý kiến'): a step
# of drafting a text, not a report to the body above
# (a dossier sent to be appraised is a report: 'gửi hồ sơ đề nghị công nhận ... để thẩm định')
_FOR_REVIEW = re.compile(r"\bgửi\b[^.;]{0,120}?(?:góp ý|lấy ý kiến|cho ý kiến)|\bgửi\s+(?:\S+\s+){0,2}?dự thảo\b"
                         r"|dự thảo\b[^.;]{0,120}?\bgửi\b[^.;]{0,60}?(?:thẩm định|thẩm tra)")
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


_DONE = re.compile(r"\bđã\s+(?:gửi|báo cáo|nộp|tổng hợp)\b")


def _is_report(low: str, clause: str, nxt: str | None) -> bool:
    if "báo cáo viên" in low:  # 'tập huấn cho báo cáo viên': a person, not a report
        low = low.replace("báo cáo viên", "")
    if _DONE.search(low):
        return False  # 'Tính đến ngày 30/11/2024, 18/20 sở đã gửi báo cáo ...': what was done, no obligation
    if "báo cáo" in low or ("tổng hợp" in low and "gửi" in low):
        return True
    if "gửi" not in low or not _SUBMIT.search(clause) or _FOR_REVIEW.search(low):
        return False
    dated_next = bool(REPORT_DATE.search(label_time(nxt) or ""))
    return bool(REPORT_DATE.search(clause) or QUARTER_DAY.search(clause)) or dated_next


def _receivers(clause: str, low: str) -> list[str]:
    return receivers(clause, report_verb_at(low))


# 'Trước ngày 15/12 hằng năm tổng hợp, báo cáo Bộ X ...': the date first, the compiling right after it
_COMPILES_AFTER = re.compile(r"[\s,]*(?:(?:hằng|hàng)\s+(?:năm|quý|tháng)[\s,]*)?tổng hợp\b")
# 'Chế độ báo cáo: ...', '2. Chế độ thông tin, báo cáo': a label, not the sender's sentence
_REGIME_LABEL = re.compile(r"^(?:[-–+•*]\s*)?(?:\d{1,2}[.)]\s*)?Chế độ (?:thông tin,?\s*)?báo cáo\s*:?\s*", re.I)


def _context(node: Node) -> str:
    """The kind of section the item stands in, from its headings up to the Roman section's (plans.report_doubt)."""
    if node.ref.startswith("Điều"):
        return "organising"  # a decision's article: who follows the plan up and reports
    titles: list[str] = []
    n: Node | None = node
    while n is not None:
        titles.append(n.title[:100])
        n = n.parent
    return context_of([*titles, node.top_title[:100]])


def _owner_of(clause: str, owners: list[dict[str, Any]], prev: dict[str, Any] | None, before: list[str]) -> list[str]:
    """The sender of a clause naming none: the lead of the item's task whose text holds it ('Sở X là cơ quan đầu mối,
    ...; tổng hợp, báo cáo ...' in a paragraph whose other sentences name other bodies), else the sender of the report
    before it in the item, else the lead of the task holding a clause before it in the paragraph ('... yêu cầu các
    sở, ngành xây dựng Kế hoạch ... . Báo cáo tình hình thực hiện gửi Sở X ...'), else the item's last lead."""
    for i, c in enumerate([clause, *reversed(before)]):
        if i == 1 and prev:
            return list(prev["from"])
        key = " ".join(c.lstrip("-–+•·* ").split())[:40]
        own = next((a for a in reversed(owners) if a["lead"] and key in " ".join(a["text"].split())), None) if len(key) > 12 else None
        if own is not None:
            return list(own["lead"])
    return list(prev["from"]) if prev else (list(owners[-1]["lead"]) if owners else [])


def _report(node: Node, clause: str, nxt: str | None, owners: list[dict[str, Any]], ctx: Ctx,
            prev: dict[str, Any] | None, before_clauses: list[str]) -> tuple[dict[str, Any], bool] | None:
    """The report a clause states, and whether it is dated; None when it states none. `prev`: the report stated
    before it in the same item, whose sender and receiver an elliptical clause keeps ('...; báo cáo năm gửi trước
    ngày 15/11/2025', '- Báo cáo 6 tháng: trước ngày 10/6'); `before_clauses`: the clauses of its paragraph before it."""
    low = clause.lower()
    if not _is_report(low, clause, nxt):
        return None
    m = date_of(clause)
    q = QUARTER_DAY.search(clause)
    if _CONDITIONAL.search(clause) and not (m or q):
        return None
    sb = _sentence_body(_REGIME_LABEL.sub("", clause))
    sender = [role_free(n) for n in split_bodies(sb[0])] if sb else _owner_of(clause, owners, prev, before_clauses)
    context = _context(node)
    at = m.start() if m else (q.start() if q else len(low))
    before = low[:at]
    rep: dict[str, Any] = {
        "ref": node.ref,
        "text": clause.strip(" -;."),
        "from": sender,
        "to": _receivers(clause, low),
        "via": via_of(clause),
        "compiles": not collective(sender) and (
            (bool(re.search(r"(?<!để )tổng hợp", before)) and not re.search(r"để\s+tổng hợp", before[-60:]))
            or bool(m and _COMPILES_AFTER.match(low, m.end()))),
        HOW_KEY: {"sender": "named" if sb else "carried", "receiver": "named", "date": "clause", "context": context},
    }
    if not rep["to"] and prev and prev["to"] and (m or q or label_time(nxt)) and (not sb or sender == prev["from"]) \
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
        rep["timing"] = dated_timing(clause, m, ctx)
        return rep, rep["timing"].get("due") is not None
    tl = label_time(nxt)
    if tl and REPORT_DATE.search(tl):
        # '... gửi Ủy ban nhân dân cấp xã. Thời gian hoàn thành: trước ngày 15/9/2019.'
        rep[HOW_KEY]["date"] = "label"
        recurs = " hằng năm" if RECURS.search(clause) and not RECURS.search(tl) else ""
        rep["timing"] = parse_timing(tl + recurs, plan_year=ctx.plan_year, issued_on=ctx.issued_on)
        dm = REPORT_DATE.search(tl) if rep["timing"].get("due") is None else None
        if dm:  # 'Thường xuyên; định kỳ báo cáo trước ngày 10/12': the work is continuous, the report is dated
            rep["timing"] = parse_timing(tl[dm.start() :] + recurs, plan_year=ctx.plan_year, issued_on=ctx.issued_on)
        ms = list(itertools.islice(REPORT_DATE.finditer(tl + recurs), 2))
        if len(ms) > 1:  # '- Thời gian báo cáo: 6 tháng (trước ngày 20/6), năm (trước ngày 20/11)': each date its report
            rep["timing"] = dated_timing(tl + recurs, ms[0], ctx)
        return rep, rep["timing"].get("due") is not None
    rep["timing"] = timing_in_text(clause, plan_year=ctx.plan_year, issued_on=ctx.issued_on)
    return rep, False


def extract_reports(nodes: list[Node], assignments: list[dict[str, Any]], ctx: Ctx) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Dated reports, and undated ones that name a receiver (kept apart for review)."""
    dated: list[dict[str, Any]] = []
    undated: list[dict[str, Any]] = []
    by_ref: dict[str, list[dict[str, Any]]] = {}
    for a in assignments:
        by_ref.setdefault(a["ref"], []).append(a)
    for node in nodes:
        texts = ([node.title] if node.title else []) + [p.text for p in node.content]
        laid_out = [r for table in node.tables for r in table_regime_reports(node, table, ctx)]
        fields = label_reports(node, texts, by_ref.get(node.ref) or [], ctx) if len(texts) > 2 else []
        for r in laid_out + fields:
            r[HOW_KEY]["context"] = _context(node)
        dated.extend(laid_out + fields)
        if fields:  # ('- Đơn vị báo cáo: ...', '- Nơi nhận báo cáo: ...', '- Thời hạn gửi báo cáo: ...')
            continue
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
                if is_dated and not date_of(clause) and not QUARTER_DAY.search(clause):
                    used.add((ti, ci + 1) if ci + 1 < len(clauses) else (ti + 1, 0))
                prev = rep
                if is_dated:
                    dated.append(rep)
                    # (the further dates of the clause, or of the time label after it that dated it)
                    src = clause if (date_of(clause) or QUARTER_DAY.search(clause)) else (label_time(nxt) or "")
                    dated.extend(more_dates(rep, src, ctx, QUARTER_DAY.search(src)))
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
        q = QUARTER_DAY.search(tt)
        if not t.get("due") or not (_DAY_MONTH.search(tt) or q):
            continue
        to = _receivers(a["text"], low)
        if made_report(low) or (not to and not _STATUS_REPORT.match(low)):
            continue
        rep = {"ref": a["ref"], "text": a["text"], "from": list(a["lead"]), "to": to, "via": via_of(a["text"]),
               "compiles": "tổng hợp" in low and not collective(a["lead"]), "timing": dict(t),
               HOW_KEY: {"sender": "named", "receiver": "named", "date": "clause", "context": "other"}}  # (a task table's row)
        m = date_of(tt)
        if q:
            rep["timing"] = {**parse_timing(q.group(0), plan_year=ctx.plan_year, issued_on=ctx.issued_on), "text": q.group(0)}
        elif m and REPORT_DATE.search(tt, m.end()):
            rep["timing"] = dated_timing(tt, m, ctx)
        out.append(rep)
        out.extend(more_dates(rep, tt, ctx, q))
    return out
