"""The words of the report, shared by the Word, Excel and Markdown renderers.

Every function reads a snapshot (see services/reporting.build_snapshot) and returns strings; fixed
phrases are the administrative formulas of a Vietnamese report, the rest comes from the snapshot.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dondoc.reporting import timeliness as tl
from dondoc.reporting.admin import lower_first
from dondoc.reporting.completeness import COMPACT_FROM, compact_not_reported
from dondoc.vietnamese import long_date, number, percent, short_date

EMPTY = "Chưa có đơn vị báo cáo nội dung này."
PARTS = {
    "I": "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
    "II": "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
    "III": "TIẾN ĐỘ THỰC HIỆN VÀ BÁO CÁO CỦA CÁC ĐƠN VỊ",
    "IV": "KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN",
    "V": "NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
    "VI": "KIẾN NGHỊ, ĐỀ XUẤT",
}
ROLE_LABELS = {"lead": "chủ trì", "support": "phối hợp", "report": "báo cáo"}
TARGET_HEADERS = ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt", "Đánh giá"]
TIMELINESS_HEADERS = ["STT", "Đơn vị", "Tổng số", tl.LABELS[tl.ON_TIME], tl.LABELS[tl.DONE_LATE],
                      tl.LABELS[tl.IN_PROGRESS], tl.LABELS[tl.NOT_DUE], tl.LABELS[tl.OVERDUE], tl.LABELS[tl.NO_DEADLINE], "Tỷ lệ cập nhật"]


def d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def pct(value: float | None) -> str:
    return "—" if value is None else percent(value)


def num(value: float | None) -> str:
    return "—" if value is None else number(value)


def plan_reference(p: dict[str, Any], *, with_issuer: bool = True) -> str:
    """'Kế hoạch số 63/KH-UBND ngày 29/11/2024 của UBND phường 2 về ...' with what the plan states."""
    out = "Kế hoạch"
    if p.get("number"):
        out += f" số {p['number']}"
    if p.get("issued_on"):
        out += f" ngày {short_date(d(p['issued_on']))}"  # type: ignore[arg-type]
    if with_issuer and p.get("issuer"):
        out += f" của {p['issuer']}"
    if p.get("title"):
        out += f" về {lower_first(p['title']).rstrip('.')}"
    return out


def subject_line(s: dict[str, Any]) -> str:
    """Trích yếu: 'Kết quả thực hiện Kế hoạch số ... về ...' plus the period unless the title has it."""
    text = f"Kết quả thực hiện {plan_reference(s['plan'])}"
    label = s["period"]["label"]
    if label.lower() not in text.lower():
        text += f" {label}"
    return text


def date_line(place: str | None, day: dt.date) -> str:
    return f"{place or '..........'}, {long_date(day)}"


def intro(s: dict[str, Any]) -> str:
    p = s["plan"]
    per = s["period"]
    who = p.get("issuer_full") or p.get("issuer") or "Ủy ban nhân dân"
    as_of = d(per["as_of"])
    return (f"Thực hiện {plan_reference(p)}, {who} báo cáo kết quả thực hiện {per['label']}"
            f" (số liệu tính đến ngày {short_date(as_of)}) như sau:")  # type: ignore[arg-type]


def closing(s: dict[str, Any]) -> str:
    p = s["plan"]
    who = p.get("issuer_full") or p.get("issuer") or "Ủy ban nhân dân"
    ref = "Kế hoạch" + (f" số {p['number']}" if p.get("number") else "")
    return f"Trên đây là báo cáo kết quả thực hiện {ref} {s['period']['label']} của {who}./."


def task_line(t: dict[str, Any]) -> str:
    """The task as the plan writes it, with where it is and who answers for it."""
    facts = []
    if t.get("ref"):
        facts.append(f"mục {t['ref']}")
    if t.get("lead_units"):
        facts.append(("đề nghị: " if t.get("mode") == "request" else "chủ trì: ") + ", ".join(t["lead_units"]))
    if t.get("support_units"):
        facts.append("phối hợp: " + ", ".join(t["support_units"]))
    if t.get("timing"):
        facts.append(f"thời gian: {t['timing']}")
    text = t.get("text") or "(không có nội dung)"
    return f"{text.rstrip('.')} ({'; '.join(facts)})." if facts else text


def result_line(r: dict[str, Any]) -> str:
    """'Phòng A, Phòng B (chủ trì): Đang thực hiện, 60 %. <their words>'."""
    role = "phối hợp" if r["role"] == "support" else "chủ trì"
    state = r["status_label"]
    if r["status"] == "in_progress" and r.get("progress"):
        state += f", đạt {r['progress']} %"
    text = r.get("result") or ""
    line = f"{', '.join(r['units'])} ({role}): {state}."
    if text:
        line += f" {text}"
        if not text.endswith((".", "!", "?", ";", ":")):
            line += "."
    return line


def tally_line(t: dict[str, Any]) -> str | None:
    """'2/3 đơn vị chủ trì đã báo cáo (Hoàn thành: 1; Đang thực hiện: 1).' for tasks led by several units."""
    tally = t.get("tally") or {}
    if tally.get("units", 0) < 2:
        return None
    from dondoc.models import STATUS_LABELS

    parts = "; ".join(f"{STATUS_LABELS.get(k, k)}: {n}" for k, n in tally["by_status"].items())
    who = "đơn vị được đề nghị" if t.get("mode") == "request" else "đơn vị chủ trì"
    return f"{tally['reported']}/{tally['units']} {who} đã báo cáo" + (f" ({parts})." if parts else ".")


def target_cells(i: int, t: dict[str, Any]) -> list[str]:
    unit = f" {t['unit']}" if t.get("unit") and t["unit"] != "%" else (" %" if t.get("unit") == "%" else "")
    cmp_ = {">=": "≥ ", "<=": "≤ "}.get(t.get("comparator") or "", "")
    plan_value = f"{cmp_}{number(t['value'])}{unit}"
    if t.get("achieved") is None:
        return [str(i), t["text"], plan_value, "Chưa có số liệu", "—", "—"]
    return [str(i), t["text"], plan_value, f"{number(t['achieved'])}{unit}", pct(t.get("ratio")),
            (t.get("assessment") or "").capitalize()]


def target_sentence(t: dict[str, Any]) -> str:
    """'73/85 = 85,9 %' style summary of one target."""
    if t.get("achieved") is None:
        return "chưa có số liệu"
    if t.get("ratio") is None:
        return f"{number(t['achieved'])}/{number(t['value'])}"
    return f"{number(t['achieved'])}/{number(t['value'])} = {pct(t['ratio'])}"


def timeliness_sentences(s: dict[str, Any]) -> list[str]:
    t = s["timeliness"]
    total = t["total"]
    if total == 0:
        return ["Trong kỳ không có nhiệm vụ nào được giao cho các đơn vị."]
    c, r = t["counts"], t["rates"]
    parts = [f"{tl.LABELS[k].lower()}: {c[k]} ({pct(r[k])})" for k in tl.CATEGORIES]
    return [
        f"Tổng số lượt nhiệm vụ, báo cáo được giao cho các đơn vị trong kỳ: {total}; trong đó " + "; ".join(parts) + ".",
        f"Tỷ lệ cập nhật tình hình thực hiện: {t['updated']}/{total} ({pct(t['update_rate'])}).",
    ]


def timeliness_cells(i: int, u: dict[str, Any]) -> list[str]:
    c = u["counts"]
    return [str(i), u["unit"], str(u["total"]), *(str(c[k]) for k in tl.CATEGORIES), pct(u["update_rate"])]


def not_reported_sentence(s: dict[str, Any]) -> str:
    names = s["timeliness"]["not_reported"]
    if not s["timeliness"]["units"]:
        return "Không có đơn vị nào phải báo cáo trong kỳ."
    if not names:
        return "Tất cả các đơn vị đã gửi báo cáo."
    if len(names) >= COMPACT_FROM and s["timeliness"].get("by_kind"):  # 100+ communes: by kind, short names
        return f"Các đơn vị chưa báo cáo ({len(names)}) — {compact_not_reported(s['timeliness']['by_kind'])}."
    return f"Các đơn vị chưa báo cáo ({len(names)}): {', '.join(names)}."


KIND_HEADERS = ["Loại đơn vị", "Số đơn vị", "Đã báo cáo", "Chưa báo cáo", "Số nhiệm vụ", tl.LABELS[tl.ON_TIME],
                tl.LABELS[tl.DONE_LATE], tl.LABELS[tl.IN_PROGRESS], tl.LABELS[tl.OVERDUE]]


def kind_cells(g: dict[str, Any]) -> list[str]:
    c = g["counts"]
    return [g["label"], str(g["units"]), str(g["reported"]), str(len(g["not_reported"])), str(g["total"]),
            str(c[tl.ON_TIME]), str(c[tl.DONE_LATE]), str(c[tl.IN_PROGRESS]), str(c[tl.OVERDUE])]


def grouped_line(g: dict[str, Any]) -> str:
    text = g["text"].rstrip(".;")
    who = ", ".join(g["units"])
    refs = f"; mục {', '.join(g['refs'])}" if g.get("refs") else ""
    return f"{text} ({who}{refs})."


def next_line(t: dict[str, Any]) -> str:
    due = d(t.get("due"))
    bits = []
    if t.get("ref"):
        bits.append(f"mục {t['ref']}")
    if t.get("units"):
        bits.append(", ".join(t["units"]))
    if due and t.get("kind") not in tl.NO_DEADLINE_KINDS:
        bits.append(f"hạn {short_date(due)}")
    elif t.get("kind") == "continuous":
        bits.append("thường xuyên")
    text = (t.get("text") or "").rstrip(".")
    return f"{text} ({'; '.join(bits)})." if bits else f"{text}."


def summary_lines(s: dict[str, Any]) -> list[str]:
    """A few lines for the message that carries the report."""
    t = s["timeliness"]
    c = t["counts"]
    lines = [
        (f"- Nhiệm vụ: {t['total']} lượt; hoàn thành đúng hạn {c[tl.ON_TIME]}, hoàn thành quá hạn {c[tl.DONE_LATE]}, "
         f"đang thực hiện trong hạn {c[tl.IN_PROGRESS]}, chưa triển khai (còn trong hạn) {c[tl.NOT_DUE]}, quá hạn chưa hoàn thành {c[tl.OVERDUE]}, "
         f"không có thời hạn {c[tl.NO_DEADLINE]}."),
        f"- Tỷ lệ cập nhật: {pct(t['update_rate'])}.",
        f"- {not_reported_sentence(s)}",
    ]
    if not s["period"]["final"]:
        lines.append("- Lưu ý: chưa đến ngày chốt số liệu, báo cáo này là bản tạm.")
    return lines
