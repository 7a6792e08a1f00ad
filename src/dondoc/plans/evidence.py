"""What a reviewer needs to trust the parse: where each item was read (`span`), how sure the
parser is (`confidence`), what was guessed (`warnings`), and the plan's focal point (`focal`).

The focal point is the body a plan charges with following it up: *theo dõi, đôn đốc, kiểm tra,
hướng dẫn, tổng hợp báo cáo*, often named *cơ quan đầu mối* or *cơ quan thường trực*, or the body
the units report *qua* ('báo cáo UBND tỉnh (qua Sở Nội vụ)'). It is not the issuer, which signs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Any

from dondoc.plans.blocks import UPPER, Block, Paragraph, Table
from dondoc.plans.bodies import leading_body
from dondoc.plans.doubt import LOW_CONFIDENCE, PRODUCT_KEY, READ_KEY, confidence, facts, reasons
from dondoc.plans.fastre import ci_branches, lead
from dondoc.plans.gazetteer import is_generic
from dondoc.plans.report_doubt import HOW_KEY, report_confidence, report_facts, report_reasons
from dondoc.plans.report_parts import role_free
from dondoc.plans.verbs import find_verb

# (case-insensitive, written with fastre.ci_branches so that the engine jumps to the words' first letters)
_FOLLOW_UP = [
    (re.compile(ci_branches([r"\bđầu mối\b", r"\bthường trực\b(?= (?:tham mưu|giúp))", "cơ quan thường trực"])), 3.0),
    (re.compile(ci_branches([r"\btheo dõi\b"])), 1.0),
    (re.compile(ci_branches([r"\bđôn đốc\b"])), 1.5),
    (re.compile(ci_branches([r"\bkiểm tra\b"])), 0.5),
    (re.compile(ci_branches([r"\btổng hợp\b"])), 1.0),
    (re.compile(ci_branches([r"\bbáo cáo\b"])), 0.5),
    (re.compile(ci_branches([r"\bhướng dẫn\b"])), 0.3),
    (re.compile(ci_branches(lead(("việc", "tình hình", "kết quả"), r"\s+(?:triển khai\s+)?thực hiện\s+(?:Kế hoạch|kế hoạch)"))), 1.5),
]
_VIA_NAME = re.compile(r"^\(?\s*qua\s+", re.I)


def _key(text: str) -> str:
    return " ".join(text.lstrip("-–+•·* \t\n")[:96].split())[:48]


class Locator:
    """Line of the source where a piece of text was read (first paragraph holding its start)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.paras: list[tuple[str, int]] = []
        self.starts: dict[str, int] = {}
        for b in blocks:
            if isinstance(b, Paragraph):
                self.paras.append((b.text, b.line))
            elif isinstance(b, Table):
                for k, row in enumerate(b.rows):
                    for c in row:  # a row is found by any of its cells (the task, the lead ...)
                        if len(c) > 8:
                            self.paras.append((" ".join(c.split()), b.line + k if b.line else 0))
        for t, ln in self.paras:
            self.starts.setdefault(_key(t)[:24], ln)
        # the paragraphs joined by newlines (a key holds none), each one's end: the first paragraph holding a
        # key is the one where it first occurs in the joined text (one str.find instead of one `in` each)
        self._joined = "\n".join(t for t, _ in self.paras)
        self._ends = list(accumulate(len(t) + 1 for t, _ in self.paras))

    def _holding(self, key: str) -> int:
        """The index of the first paragraph holding `key`, -1 if none does."""
        k = self._joined.find(key)
        return -1 if k < 0 else bisect_right(self._ends, k)

    def line(self, text: str) -> int | None:
        key = _key(text)
        if len(key) < 6:
            return None
        hit = self.starts.get(key[:24])
        if hit:
            return hit  # the usual case: the item is a paragraph (or row) of its own
        i = self._holding(key)
        if i < 0:
            i = self._holding(key[:24])
        return (self.paras[i][1] or None) if i >= 0 else None


def grade(plan: dict[str, Any], blocks: list[Block], *, reflowed: bool = False) -> None:
    """Add `span` and `confidence` to assignments, reports and targets; warn about weak ones (an item
    below LOW_CONFIDENCE gets a line of its own unless one names it already; rows of a rebuilt table are
    named by their table's warning). `reflowed`: the text lost its line breaks and was cut back into
    sections by rule."""
    loc = Locator(blocks)
    warnings: list[str] = plan.setdefault("warnings", [])
    for a in plan["assignments"]:
        f = facts(a, reflowed=reflowed)
        a.pop(READ_KEY, None)
        a.pop(PRODUCT_KEY, None)
        ln = loc.line(a["text"])
        a["span"] = {"line": ln} if ln else None
        a["confidence"] = confidence(f) if a["lead"] else 0.3
        where = _where(ln, a["ref"])
        named = False  # a warning names this item (bullets share a ref: the item, not the ref)
        for n in a["lead"]:
            if is_generic(n):
                warnings.append(f"{where}: '{n}' là tên chung, không chỉ một cơ quan cụ thể — cần xác nhận")
                named = True
            elif len(n) > 90:
                warnings.append(f"{where}: tên cơ quan chủ trì quá dài, có thể lẫn nội dung nhiệm vụ — cần xác nhận")
                named = True
        if a["lead"] and a["confidence"] < LOW_CONFIDENCE and f.read != "rebuilt" and not named:
            why = "; ".join(reasons(f)) or "cách đọc không chắc chắn"
            warnings.append(f"{where}: độ tin cậy thấp ({round(a['confidence'] * 100)}%): {why} — cần xem lại")
    for r in plan["reports"]:
        ln = loc.line(r["text"])
        r["span"] = {"line": ln} if ln else None
        rf = report_facts(r)
        r.pop(HOW_KEY, None)
        r["confidence"] = report_confidence(rf) if r["timing"].get("due") else 0.6 * report_confidence(rf)
        if not r["from"]:
            warnings.append(f"{_where(ln, r['ref'])}: báo cáo không rõ đơn vị gửi — cần xác nhận")
        elif r["confidence"] < LOW_CONFIDENCE:
            why = "; ".join(report_reasons(rf))
            warnings.append(f"{_where(ln, r['ref'])}: báo cáo có độ tin cậy thấp ({round(r['confidence'] * 100)}%): {why} — cần xem lại")
    for r in plan.get("undated_reports") or []:
        r.pop(HOW_KEY, None)
    for t in plan["targets"]:
        ln = loc.line(t["text"])
        t["span"] = {"line": ln} if ln else None
        t["confidence"] = 0.8 if t.get("unit") else 0.6


def _where(line: int | None, ref: str) -> str:
    """'dòng 12 (mục II.3)', or 'mục II.3' when the line is not found."""
    return f"dòng {line} (mục {ref})" if line else f"mục {ref}"


def _score(text: str) -> float:
    return sum(w for rx, w in _FOLLOW_UP if rx.search(text))


_NAMED_FOCAL = re.compile(ci_branches([r"\bl(?:à|àm)\s+(?:cơ quan\s+|đơn vị\s+)?(?:đầu mối|thường trực)\b"]))  # (re.I)
_PLAN_WIDE = re.compile(r"theo dõi|đôn đốc|tổng hợp|giám sát tổng thể|(?:thực hiện|triển khai)\s+(?:Kế hoạch|Đề án|Chương trình)", re.I)
_SENTENCE = re.compile(rf"\.\s+(?=[{UPPER}])")
_NUMBERING = re.compile(r"^(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s*|^[-–+•*]\s*")


def _declared_focal(blocks: list[Block]) -> tuple[str, str] | None:
    """'Giao Sở Nội vụ là cơ quan đầu mối, ...', 'Công an tỉnh - cơ quan thường trực ... là đầu mối'."""
    for b in blocks:
        if not isinstance(b, Paragraph) or not _NAMED_FOCAL.search(b.text):
            continue
        text = _NUMBERING.sub("", b.text)
        m = _NAMED_FOCAL.search(text)
        starts = [s.end() for s in _SENTENCE.finditer(text, 0, m.start())] if m else []
        if starts:  # '... về Kế hoạch. Công chức X là đầu mối ...': the sentence that names it
            text = text[starts[-1] :]
            m = _NAMED_FOCAL.search(text)
        end = text.find(". ", m.end()) if m else -1
        if not _PLAN_WIDE.search(text[: end if end > 0 else len(text)]):
            continue  # 'là đầu mối ... các nhiệm vụ về tái cơ cấu ngành công nghiệp': one topic's lead
        lb = leading_body(text)
        if lb and not is_generic(lb[0]) and not re.search(r"\bcác\b", lb[0].lower()):
            return lb[0], b.text[:200]
    return None


def find_focal(plan: dict[str, Any], blocks: list[Block] | None = None) -> dict[str, Any] | None:
    """The body charged with following the plan up and compiling its reports: the one the plan
    declares its focal/standing body, else the best follow-up duties."""
    declared = _declared_focal(blocks) if blocks else None
    if declared:
        return {"name": declared[0], "evidence": declared[1], "ref": None}
    issuer = (plan.get("issuer") or "").lower()
    best: tuple[float, str, str, str | None] | None = None
    last = _last_sections(plan)
    for a in plan["assignments"]:
        if len(a["lead"]) != 1:
            continue
        name = a["lead"][0]
        if is_generic(name) or re.search(r"\bcác\b", name.lower()) or (issuer and name.lower() == issuer):
            continue
        s = _score(a["text"])
        if a["ref"].split(".")[0] in last:
            s += 0.5  # 'Tổ chức thực hiện' is where the follow-up is assigned
        if s >= 2.5 and (best is None or s > best[0]):
            best = (s, name, a["text"][:200], a["ref"])
    for r in plan["reports"] + plan.get("undated_reports", []):
        via = r.get("via")
        if via and not r.get("compiles"):  # (the compiled report's 'qua X' is the upper level's desk, not this plan's)
            name = _VIA_NAME.sub("", via).strip(" )")
            v = find_verb(name, 2)
            name = name[: v.start()].strip(" ,;") if v else name  # '(qua Sở Du lịch tổng hợp)': the body, not its duty
            if name and not is_generic(name) and (best is None or best[0] < 3.5):
                best = (3.5, name, r["text"][:200], r["ref"])
        if r.get("compiles") and len(r.get("from") or []) == 1 and (best is None or best[0] < 3.0):
            name = r["from"][0]
            if not is_generic(name) and not name.lower().startswith("các "):
                best = (3.0, name, r["text"][:200], r["ref"])
    if best is None and blocks:
        # 'báo cáo kết quả thực hiện về Sở Xây dựng để tổng hợp': the body the reports go to for compiling (in a
        # paragraph, or a task table's row)
        texts = [b.text for b in blocks if isinstance(b, Paragraph)] + [r["text"] for r in plan["reports"]]
        for text in texts:
            m = _SENT_TO_COMPILE.search(text)
            if m:
                name = re.split(r"\s+(?:trước|chậm nhất|trong|vào|theo|định kỳ|hằng|hàng)\b", m.group(1))[0]
                lb = leading_body(name + " tổng hợp")
                if lb and not is_generic(lb[0]) and not lb[0].lower().startswith("các "):
                    return {"name": lb[0], "evidence": text[max(0, m.start() - 80) : m.end() + 40], "ref": None}
    if best is None:
        return None
    return {"name": role_free(best[1]), "evidence": best[2], "ref": best[3]}


_SENT_TO_COMPILE = re.compile(
    r"(?:[Bb]áo cáo|[Gg]ửi)\b[^.;]{0,80}?\b(?:gửi\s+)?về\s+((?:Sở|Phòng|Ban|Văn phòng|Cục|Vụ|Trung tâm|Ủy ban|UBND|Công an|Bộ)\b[^,.;()]{2,80}?)"
    r"(?:,\s*|\s+)(?:để\s+)?tổng hợp\b"
)


def _last_sections(plan: dict[str, Any]) -> set[str]:
    """The last top-level section holding assignments (usually 'Tổ chức thực hiện')."""
    tops = sorted({a["ref"].split(".")[0] for a in plan["assignments"] if a["ref"] and not a["ref"].startswith("PL")})
    return set(tops[-1:]) if tops else set()
