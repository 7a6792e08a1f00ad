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
            e.status_label, f"{e.progress}%", e.category_label, _d(r.last_update), r.result,
            f"{r.reminders} / {r.escalations}"]


def ledger_workbook(rows: Sequence[LedgerRow], *, title: str, as_of: dt.date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "So theo doi"
    ws.append([title])
    ws.append([f"Số liệu đến ngày {as_of:%d/%m/%Y} — {len(rows)} nhiệm vụ"])
    ws.append([h for h, _ in COLUMNS])
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws["A1"].font = Font(bold=True, size=13)
    for i, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        c = ws.cell(row=3, column=i)
        c.font, c.border = Font(bold=True), border
        c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    for n, r in enumerate(rows, start=1):
        ws.append(cells(n, r))
    for row in ws.iter_rows(min_row=4, max_row=3 + len(rows)):
        for c in row:
            c.alignment, c.border = wrap, border
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
