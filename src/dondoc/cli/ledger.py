"""`dondoc ledger`: the tracking ledger (sổ theo dõi nhiệm vụ) from the command line.

`dondoc ledger [filters] [--json]` prints the rows; `dondoc ledger export -o FILE.xlsx [filters]` writes the
same rows as the console's Excel export. The filters are those of the /so-theo-doi page and GET /api/ledger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

ledger_app = typer.Typer(help="Sổ theo dõi nhiệm vụ của mọi kế hoạch đang thực hiện.", invoke_without_command=True)


def _filters(plan: int | None, unit: str | None, overdue: bool, due_within: int | None, status: str | None,
             category: str | None, role: str | None, search: str | None, sort: str) -> Any:
    from dondoc.reporting.ledger_query import LedgerFilter

    return LedgerFilter.from_params({"plan": plan, "unit": unit, "overdue": "1" if overdue else None,
                                     "due_within": due_within, "status": status, "category": category,
                                     "role": role, "q": search, "sort": sort})


def _rows(flt: Any) -> tuple[list[Any], Any]:
    from dondoc.bootstrap import ready_engine
    from dondoc.db import session_scope
    from dondoc.reporting.ledger_query import ledger_all, today

    as_of = today()
    with session_scope(ready_engine()) as s:
        return ledger_all(s, flt, as_of=as_of), as_of


PLAN = typer.Option(None, "--plan", help="Mã số (ID) kế hoạch.")
UNIT = typer.Option(None, "--unit", help="Mã đơn vị chủ trì.")
OVERDUE = typer.Option(False, "--overdue", help="Chỉ nhiệm vụ quá hạn chưa hoàn thành.")
DUE_WITHIN = typer.Option(None, "--due-within", min=0, help="Chỉ nhiệm vụ đến hạn trong N ngày tới.")
STATUS = typer.Option(None, "--status", help="not_started | in_progress | done | impossible.")
CATEGORY = typer.Option(None, "--category", help="on_time | done_late | in_progress | overdue | no_deadline.")
ROLE = typer.Option(None, "--role", help="lead | support | report | compile.")
SEARCH = typer.Option(None, "--search", help="Tìm trong nội dung nhiệm vụ (không phân biệt dấu).")
SORT = typer.Option("due", "--sort", help="due | plan | unit | status | updated | ref | category.")


@ledger_app.callback()
def ledger(ctx: typer.Context, plan: int | None = PLAN, unit: str | None = UNIT, overdue: bool = OVERDUE,
           due_within: int | None = DUE_WITHIN, status: str | None = STATUS, category: str | None = CATEGORY,
           role: str | None = ROLE, search: str | None = SEARCH, sort: str = SORT,
           as_json: bool = typer.Option(False, "--json", help="Một mảng JSON, mỗi dòng một đối tượng.")) -> None:
    """In sổ theo dõi (mọi kế hoạch đang thực hiện), lọc như trang /so-theo-doi."""
    flt = _filters(plan, unit, overdue, due_within, status, category, role, search, sort)
    if ctx.invoked_subcommand is not None:
        ctx.obj = flt
        return
    rows, as_of = _rows(flt)
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("ID", "Kế hoạch", "Số hiệu", "Đơn vị", "Thời hạn", "Tình trạng", "Đánh giá", "Nhiệm vụ",
                  title=f"Sổ theo dõi — đến ngày {as_of:%d/%m/%Y}: {len(rows)} nhiệm vụ")
    for r in rows:
        e = r.entry
        due = "không thời hạn" if e.undated else f"{e.effective_due:%d/%m/%Y}"
        table.add_row(str(r.obligation), r.plan_number or f"#{r.plan_id}", r.ref, r.unit_name, due, e.status_label,
                      e.category_label, r.task[:60])
    Console().print(table)


@ledger_app.command("export")
def export(ctx: typer.Context, output: Path = typer.Option(..., "-o", "--output", help="Tệp Excel (.xlsx) để ghi."),
           plan: int | None = PLAN, unit: str | None = UNIT, overdue: bool = OVERDUE,
           due_within: int | None = DUE_WITHIN, status: str | None = STATUS, category: str | None = CATEGORY,
           role: str | None = ROLE, search: str | None = SEARCH, sort: str = SORT) -> None:
    """Xuất sổ theo dõi (các dòng đã lọc) ra Excel, khổ A4 ngang."""
    from dataclasses import fields

    from dondoc.reporting.ledger_query import LedgerFilter
    from dondoc.reporting.ledger_xlsx import ledger_workbook

    mine = _filters(plan, unit, overdue, due_within, status, category, role, search, sort)
    outer = ctx.obj or LedgerFilter()
    # Filters given before or after `export` both count (after wins).
    merged = LedgerFilter(**{f.name: getattr(mine, f.name) if getattr(mine, f.name) != f.default
                             else getattr(outer, f.name) for f in fields(LedgerFilter)})
    rows, as_of = _rows(merged)
    output.write_bytes(ledger_workbook(rows, title="SỔ THEO DÕI THỰC HIỆN NHIỆM VỤ", as_of=as_of))
    typer.echo(f"Đã ghi {len(rows)} nhiệm vụ vào {output}")


def register(app: typer.Typer) -> None:
    app.add_typer(ledger_app, name="ledger")
