"""The formal reminder letter (văn bản đôn đốc, a công văn) to units with overdue work, as Word.

Same administrative format as the report; a công văn carries its subject ('V/v ...') under the
number at top left and addresses its recipients with 'Kính gửi:'.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from dondoc.reporting import admin
from dondoc.reporting import docx_base as b
from dondoc.reporting import text as tx
from dondoc.vietnamese import short_date


def _d(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def letter_subject(data: dict[str, Any]) -> str:
    p = data["plan"]
    return "V/v đôn đốc thực hiện Kế hoạch" + (f" số {p['number']}" if p.get("number") else "")


def item_line(item: dict[str, Any]) -> str:
    due = _d(item["due"])
    ext = _d(item.get("extended_due"))
    what = item["text"].rstrip(".") or "(không có nội dung)"
    if item["role"] == "report":
        what = f"Báo cáo định kỳ: {what[:1].lower() + what[1:]}"
    bits = [f"mục {item['ref']}"] if item.get("ref") else []
    bits.append(f"hạn {short_date(due)}" if due else "")
    if ext:
        bits.append(f"đã gia hạn đến {short_date(ext)}")
    bits.append(f"quá hạn {item['days_late']} ngày")
    bits.append("đã báo cáo tiến độ nhưng chưa hoàn thành" if item.get("reported") else "chưa báo cáo")
    return f"{what} ({'; '.join(x for x in bits if x)})."


def render_letter_docx(data: dict[str, Any], path: Path, *, template: Path | None = None) -> bytes:
    p = data["plan"]
    day = dt.date.fromisoformat(data["date"])
    reply_by = dt.date.fromisoformat(data["reply_by"])
    sym = p.get("focal_symbol")
    doc = b.new_document(template)
    b.header_block(doc, upper_line=p.get("upper_line"), issuer_lines=p["issuer_lines"],
                   number_line=admin.letter_number(p["symbol"], sym),
                   date_line=tx.date_line(p.get("place"), day), left_extra=[letter_subject(data)])
    units = data["units"]
    names = [u["unit"] for u in units]
    first = b.para(doc, align=b.CENTER, indent=False, before=18)
    if len(names) == 1:
        b.run(first, f"Kính gửi: {names[0]}.")
    else:
        b.run(first, "Kính gửi:")
        for i, name in enumerate(names):
            end = "." if i == len(names) - 1 else ";"
            q = b.para(doc, f"- {name}{end}", align=b.LEFT, indent=False, before=0)
            q.paragraph_format.left_indent = b.Mm(45)
    who = p.get("issuer_full") or p.get("issuer") or "Ủy ban nhân dân"
    b.para(doc, f"Thực hiện {tx.plan_reference(p)}; {who} đã giao nhiệm vụ và thời hạn báo cáo cho các cơ quan, "
                f"đơn vị. Tính đến ngày {short_date(day)}, các đơn vị sau chưa hoàn thành nhiệm vụ, báo cáo "
                f"đúng thời hạn theo Kế hoạch:", before=12)
    if not units:
        b.para(doc, "Không có đơn vị nào quá hạn.")
    for n, u in enumerate(units, 1):
        b.para(doc, f"{n}. {u['unit']}:", bold=True, keep_next=True)
        for item in u["items"]:
            b.para(doc, f"- {item_line(item)}")
    via = f" (qua {p['focal_unit']})" if p.get("focal_unit") else ""
    b.para(doc, f"Để bảo đảm tiến độ thực hiện Kế hoạch, {who} đề nghị Thủ trưởng các cơ quan, đơn vị khẩn trương "
                f"triển khai thực hiện các nhiệm vụ nêu trên; báo cáo kết quả về {who}{via} trước ngày "
                f"{short_date(reply_by)} để tổng hợp, báo cáo theo quy định./.")
    b.signature_block(doc, recipients=["Như trên"], archive=admin.archive(sym),
                      signature=p.get("signature") or [], signer=p.get("signer"))
    b.page_numbers(doc)
    b.set_properties(doc, title=letter_subject(data), day=day)
    return b.save(doc, path)
