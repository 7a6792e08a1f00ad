"""The ledger as an Excel workbook: exactly the filtered rows, in the ledger page's column order, ready
to print (A4 landscape, fit to width, the header row repeated on every page)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from dondoc.reporting.ledger_query import LedgerRow

# (header, width) in the order of the ledger page's columns.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 5), ("Kế hoạch", 18), ("Số hiệu", 8), ("Nhiệm vụ", 48), ("Đơn vị chủ trì", 22), ("Đơn vị phối hợp", 20),
    ("Cán bộ phụ trách", 16), ("Thời hạn", 11), ("Hạn ban đầu", 11), ("Tình trạng", 14), ("Tiến độ", 7),
    ("Đánh giá", 16), ("Cập nhật lần cuối", 11), ("Kết quả", 30), ("Nhắc / đôn đốc", 8),
)


def _d(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return f"{value:%d/%m/%Y}"


def cells(n: int, r: LedgerRow) -> list[object]:
    """One row's cells, in COLUMNS order (the page's template uses the same order)."""
    e = r.entry
    plan = f"{r.plan_number or '(không ghi số)'}" + (f" ngày {r.plan_issued_on:%d/%m/%Y}" if r.plan_issued_on else "")
    due = e.due_text if e.undated else _d(e.effective_due)
    original = "" if e.undated else (_d(r.original_due) + (" (đã gia hạn)" if r.extended_due else ""))
    return [n, plan, r.ref, r.task, r.unit_name, ", ".join(r.support), r.officer or "", due, original,
            e.status_label, f"{e.progress}%", e.category_label,
            _d(r.last_update) + (f" ({r.last_note})" if r.last_note else ""), r.result,
            f"{r.reminders} / {r.escalations}"]


def ledger_workbook(rows: Sequence[LedgerRow], *, title: str, as_of: dt.date) -> bytes:
    """Written with XlsxWriter in constant-memory mode: each row goes to the file as it is written and
    every cell shares one of three formats (openpyxl needed seconds to style 10,000 rows)."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"constant_memory": True, "in_memory": True, "strings_to_numbers": False,
                                   "strings_to_formulas": False, "strings_to_urls": False})
    ws = wb.add_worksheet("So theo doi")
    big = wb.add_format({"bold": True, "font_size": 13})
    head = wb.add_format({"bold": True, "border": 1, "text_wrap": True, "valign": "vcenter", "align": "center"})
    body = wb.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    for i, (_, width) in enumerate(COLUMNS):
        ws.set_column(i, i, width)
    ws.freeze_panes(3, 0)
    ws.repeat_rows(2)  # the header row (row 3) on every printed page
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.4, right=0.4)
    ws.write_string(0, 0, title, big)
    ws.write_string(1, 0, f"Số liệu đến ngày {as_of:%d/%m/%Y} — {len(rows)} nhiệm vụ")
    ws.write_row(2, 0, [h for h, _ in COLUMNS], head)
    for n, r in enumerate(rows, start=1):
        ws.write_row(2 + n, 0, cells(n, r), body)
    wb.close()
    return buf.getvalue()
