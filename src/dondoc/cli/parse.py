"""`dondoc parse FILE [--json] [--year YYYY]`: read a plan and show what was extracted.

Kept light at import (the command must start fast): the parser and rich load inside the command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer


def _timing_label(t: dict[str, Any]) -> str:
    label = t.get("text") or ""
    if t.get("due"):
        label = f"{label} → {t['due']}" if label else t["due"]
    return label or "—"


def _print_summary(plan: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    head = plan.get("title") or plan.get("source")
    console.print(f"[bold]{head}[/bold]")
    facts = [f"Số: {plan.get('number') or '—'}", f"Ban hành: {plan.get('issuer') or '—'}",
             f"Ngày: {plan.get('issued_on') or '—'}", f"Năm: {plan.get('year') or '—'}"]
    console.print(" · ".join(facts))
    table = Table(title=f"Nhiệm vụ ({len(plan['assignments'])})", show_lines=False)
    for col in ("Mục", "Chủ trì", "Phối hợp", "Thời hạn"):
        table.add_column(col, overflow="fold")
    for a in plan["assignments"]:
        ref = a["ref"] + (f" #{a['item']}" if a.get("item") else "")
        lead = "; ".join(a["lead"]) + (" (đề nghị)" if a["mode"] == "request" else "")
        table.add_row(ref, lead, "; ".join(a["support"])[:120], _timing_label(a["timing"]))
    console.print(table)
    if plan["reports"]:
        rt = Table(title=f"Báo cáo ({len(plan['reports'])})")
        for col in ("Mục", "Từ", "Gửi", "Tổng hợp", "Hạn"):
            rt.add_column(col, overflow="fold")
        for r in plan["reports"]:
            rt.add_row(r["ref"], "; ".join(r["from"]), "; ".join(r["to"]), "có" if r.get("compiles") else "",
                       _timing_label(r["timing"]))
        console.print(rt)
    if plan["targets"]:
        tt = Table(title=f"Chỉ tiêu ({len(plan['targets'])})")
        for col in ("Mục", "Giá trị", "Đơn vị", "So sánh", "Mốc"):
            tt.add_column(col)
        for t in plan["targets"]:
            tt.add_row(t["ref"], str(t["value"]), t.get("unit") or "", t.get("comparator") or "", t.get("by") or "")
        console.print(tt)
    for w in plan.get("warnings", []):
        console.print(f"[yellow]Cảnh báo:[/yellow] {w}")


def parse_command(
    file: Annotated[Path, typer.Argument(help="Kế hoạch: .txt, .md, .docx hoặc .pdf")],
    as_json: Annotated[bool, typer.Option("--json", help="In một tài liệu JSON theo plan.schema.json")] = False,
    year: Annotated[int | None, typer.Option("--year", help="Năm của kế hoạch (khi văn bản không ghi rõ)")] = None,
    convert_vni: Annotated[
        bool, typer.Option("--convert-vni", help="Chuyển văn bản bảng mã cũ VNI Windows sang Unicode thay vì từ chối")
    ] = False,
) -> None:
    """Đọc một kế hoạch và in các nhiệm vụ, báo cáo, chỉ tiêu trích xuất được."""
    import json

    from dondoc.intake.sandbox import parse_plan as parse_path  # pre-checked, parsed in a capped worker

    plan = parse_path(file, year=year, convert_vni=convert_vni)
    if as_json:
        typer.echo(json.dumps(plan, ensure_ascii=False, indent=1))
    else:
        _print_summary(plan)


def register(app: typer.Typer) -> None:
    app.command("parse")(parse_command)
