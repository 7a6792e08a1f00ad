"""Reporting obligations: who reports to whom (through whom), by when, and who compiles."""

from __future__ import annotations

import itertools
import re
from typing import Any

from dondoc.plans.bodies import is_body_start, split_bodies
from dondoc.plans.extract import Ctx, Node
from dondoc.plans.labelled import TIME_LABEL
from dondoc.plans.subjects import _CONDITIONAL, _sentence_body
from dondoc.plans.timing import parse_timing
from dondoc.plans.timing_text import timing_in_text, uncut

_REPORT_DATE = re.compile(
    r"(?:(?:trước|chậm nhất|hạn chót|trong|vào)\s+|(?:định kỳ|hằng năm|hàng năm)\s*\(\s*|(?<=\d)\s+và\s+)(?:ngày\s+)?(\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)\s*(\d{1,2})(?:\s*(?:/|năm)\s*((?:19|20)\d{2}))?"
    r"|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+(?:hằng|hàng)\s+năm",
    re.I,
)
_TO = re.compile(r"(?:gửi(?:\s+về)?|về|cho|lên)\s+(.+?)(?=\s*\(|\s+(?:để|trước|chậm nhất|qua|trong|theo|định kỳ)\b|[;.,]|$)", re.I)
_VIA = re.compile(r"\(?\s*(qua\s+[^);]+)\)?", re.I)


# 'gửi kết quả rà soát về Bộ Công an trước ngày 15/12', 'lập danh sách ... gửi Ủy ban nhân dân xã': a
# product sent to a body by a date is a report too
_SUBMIT = re.compile(r"\bgửi\s+(?:về\s+|cho\s+|lên\s+)?(?:kết quả|báo cáo|danh sách|đề xuất|hồ sơ|số liệu|văn bản|dự thảo|[A-ZĐÀ-Ỹ])|"
                     r"\b(?:kết quả|danh sách|đề xuất|hồ sơ|số liệu|văn bản)\b[^.;]{0,80}?\bgửi\b")
_QUARTER_DAY = re.compile(r"(?:trước|chậm nhất|vào)\s+ngày\s+\d{1,2}\s+(?:của\s+)?tháng\s+cuối\s+(?:quý|quí)", re.I)
_CLAUSE = re.compile(r"(?<=[;])\s+|(?<=\.)\s+(?=[A-ZĐ])")


def _is_report(low: str, clause: str, nxt: str | None) -> bool:
    if "báo cáo" in low or ("tổng hợp" in low and "gửi" in low):
        return True
    if "gửi" not in low or not _SUBMIT.search(clause):
        return False
    dated_next = bool(nxt and TIME_LABEL.match(nxt) and _REPORT_DATE.search(nxt))
    return bool(_REPORT_DATE.search(clause) or _QUARTER_DAY.search(clause)) or dated_next


# '... để tổng hợp, báo cáo Chính phủ': the receiver's own report upward, not where this one goes
_ONWARD = re.compile(r"để\s+(?:tổng hợp,?\s+)?$")
# a bracket after the receiver that names the body it stands for: 'Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)'
_GLOSS = re.compile(r"\s*(\((?!\s*qua\b)[^()]{2,60}\))")


def _receivers(clause: str, low: str) -> list[str]:
    pos = next((m.start() for m in re.finditer("báo cáo", low) if not _ONWARD.search(low[max(0, m.start() - 20) : m.start()])), -1)
    if pos < 0:
        pos = low.find("gửi") if "gửi" in low else low.find("báo cáo")
    tm = _TO.search(clause[pos:]) or re.search(
        r"báo cáo\s+((?:UBND|Ủy ban|Uỷ ban|Sở|Bộ|Phòng|Ban|Thường trực|Thủ tướng|Chính phủ|Trưởng [Bb]an|Chủ tịch|Hội đồng|"
        r"Quốc hội|Văn phòng|Cơ quan|Cục|Tổng cục|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy)[^;.,(]*)", clause[pos:])
    if not tm:
        return []
    cand = re.sub(r"\s*(?:kết quả|tình hình).*$", "", tm.group(1)).strip()
    cand = re.split(r"\s+(?:trước|chậm nhất|định kỳ|để|qua|theo)\b", cand)[0].strip()
    if cand and tm.group(1).endswith(cand):
        gloss = _GLOSS.match(clause, pos + tm.end())
        if gloss and is_body_start(gloss.group(1)[1:]):
            cand += " " + gloss.group(1)
    return split_bodies(cand) if cand and len(cand) < 200 else []


def _dated_timing(clause: str, m: re.Match[str], ctx: Ctx) -> dict[str, Any]:
    ctx_text = clause[max(0, m.start() - 30) : uncut(clause, m.end() + 25)]
    t = parse_timing(ctx_text, plan_year=ctx.plan_year, issued_on=ctx.issued_on, strict=False)
    yearly = re.search(r"định kỳ|hằng năm|hàng năm", clause, re.I) and t["kind"] == "once"
    # 'trước ngày 10/6 và 10/12 hằng năm' reads as one yearly rule of two dates: each report keeps its own
    pair = bool(t.get("rrule") and re.search(r"BYMONTH=\d+,", t["rrule"]))
    if (yearly or pair) and not m.group(3):
        d, mo = int(m.group(1) or m.group(4)), int(m.group(2) or m.group(5))
        t = parse_timing(f"trước ngày {d}/{mo} hằng năm", plan_year=ctx.plan_year, issued_on=ctx.issued_on)
    t["text"] = m.group(0).strip()
    return t


# 'Trước ngày 15/12 hằng năm tổng hợp, báo cáo Bộ X ...': the date first, the compiling right after it
_COMPILES_AFTER = re.compile(r"[\s,]*(?:(?:hằng|hàng)\s+(?:năm|quý|tháng)[\s,]*)?tổng hợp\b")


def _report(node: Node, clause: str, nxt: str | None, owners: list[dict[str, Any]], ctx: Ctx) -> tuple[dict[str, Any], bool] | None:
    """The report a clause states, and whether it is dated; None when it states none."""
    low = clause.lower()
    if not _is_report(low, clause, nxt):
        return None
    m = _REPORT_DATE.search(clause)
    q = _QUARTER_DAY.search(clause)
    if _CONDITIONAL.search(clause) and not (m or q):
        return None
    sb = _sentence_body(clause)
    sender = split_bodies(sb[0]) if sb else (owners[-1]["lead"] if owners else [])
    vm = _VIA.search(clause)
    at = m.start() if m else (q.start() if q else len(low))
    before = low[:at]
    rep: dict[str, Any] = {
        "ref": node.ref,
        "text": clause.strip(" -;."),
        "from": sender,
        "to": _receivers(clause, low),
        "via": vm.group(1).strip() if vm else None,
        "compiles": (bool(re.search(r"(?<!để )tổng hợp", before)) and not re.search(r"để\s+tổng hợp", before[-60:]))
        or bool(m and _COMPILES_AFTER.match(low, m.end())),
    }
    if q:  # 'trước ngày 15 của tháng cuối quý': every quarter
        rep["timing"] = parse_timing(q.group(0), plan_year=ctx.plan_year, issued_on=ctx.issued_on)
        rep["timing"]["text"] = q.group(0)
        return rep, True
    if m:
        rep["timing"] = _dated_timing(clause, m, ctx)
        return rep, True
    tl = TIME_LABEL.match(nxt or "")
    if tl and _REPORT_DATE.search(nxt or ""):
        # '... gửi Ủy ban nhân dân cấp xã. Thời gian hoàn thành: trước ngày 15/9/2019.'
        rep["timing"] = parse_timing(tl.group(1), plan_year=ctx.plan_year, issued_on=ctx.issued_on)
        dm = _REPORT_DATE.search(tl.group(1)) if rep["timing"].get("due") is None else None
        if dm:  # 'Thường xuyên; định kỳ báo cáo trước ngày 10/12': the work is continuous, the report is dated
            rep["timing"] = parse_timing(tl.group(1)[dm.start() :], plan_year=ctx.plan_year, issued_on=ctx.issued_on)
        return rep, rep["timing"].get("due") is not None
    rep["timing"] = timing_in_text(clause, plan_year=ctx.plan_year, issued_on=ctx.issued_on)
    return rep, False


def _more_dates(rep: dict[str, Any], clause: str, ctx: Ctx) -> list[dict[str, Any]]:
    """Each further date of a clause is a report of its own: 'định kỳ 6 tháng (trước ngày 15/6) và năm (trước
    ngày 15/12)'; after '(để) tổng hợp, báo cáo X' it is the receiver's consolidated report to X
    ('... về Sở Nội vụ trước ngày 10/12 để tổng hợp, báo cáo UBND tỉnh trước ngày 20/12')."""
    ms = list(_REPORT_DATE.finditer(clause))
    if len(ms) < 2:
        return []
    # dates with their year ('trước ngày 25/11/2025') count only as the compiling report after '(để) tổng hợp, báo cáo X'
    yeared = any(m.group(3) for m in ms)
    out: list[dict[str, Any]] = []
    seen = {(m.group(1) or m.group(4), m.group(2) or m.group(5)) for m in ms[:1]}
    sender, to = rep["from"], rep["to"]
    for prev, m in itertools.pairwise(ms):
        key = (m.group(1) or m.group(4), m.group(2) or m.group(5))
        if key in seen:
            continue
        seen.add(key)
        between = clause[prev.end() : m.start()]
        compiling = bool(re.search(r"tổng hợp", between, re.I) and re.search(r"báo cáo\s+\S", between, re.I) and to)
        if yeared and not compiling:
            continue
        extra = {**rep, "from": sender, "to": to, "timing": _dated_timing(clause, m, ctx)}
        if compiling:
            receivers = _receivers(between, between.lower())
            if receivers:
                extra.update(text=between.strip(" ,;.") + " " + m.group(0), compiles=True, via=None)
                sender, to = to, receivers
                extra["from"], extra["to"] = sender, to
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
        for ti, text in enumerate(texts):
            low_text = text.lower()
            if "báo cáo" not in low_text and "tổng hợp" not in low_text and "gửi" not in low_text:
                continue
            clauses = _CLAUSE.split(text)
            follow = texts[ti + 1] if ti + 1 < len(texts) else None
            for ci, clause in enumerate(clauses):
                nxt = clauses[ci + 1] if ci + 1 < len(clauses) else follow
                if nxt is not None:
                    nxt = re.sub(r"^[-–+•·*\s]+", "", nxt)
                got = _report(node, clause, nxt, by_ref.get(node.ref) or [], ctx)
                if got is None:
                    continue
                rep, is_dated = got
                if is_dated:
                    dated.append(rep)
                    dated.extend(_more_dates(rep, clause, ctx))
                elif re.search(r"báo cáo\s+(?:UBND|Ủy ban|Uỷ ban|Sở|Bộ|Phòng|Thường trực|về)", clause) or rep["to"]:
                    undated.append(rep)
    return dated, undated
