"""`dondoc report` (the consolidated report) and `dondoc letter` (the formal reminder letter)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Annotated

import typer

from dondoc.errors import InputError


def _now(at: str | None) -> dt.datetime:
    from dondoc import clock

    if not at:
        return clock.now()
    try:
        return clock.parse_instant(at)
    except ValueError as exc:
        raise InputError(f"--at {at!r}: cần ngày hoặc ngày giờ dạng 2025-11-14 hoặc 2025-11-14T08:00") from exc


def report(
    plan_id: Annotated[int, typer.Argument(help="Số hiệu kế hoạch trong dondoc (xem `dondoc plan list`).")],
    period: Annotated[str | None, typer.Option("--period", help=(
        "Kỳ báo cáo: 2025, 2025-Q3, 2025-H1, 2025-06 (mặc định: kỳ tổng hợp sắp tới của kế hoạch)."))] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Chép văn bản Word (.docx) ra tệp này.")] = None,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Chép phụ lục Excel (.xlsx) ra tệp này.")] = None,
    md: Annotated[bool, typer.Option("--md", help="In báo cáo dạng Markdown ra màn hình.")] = False,
    send: Annotated[bool, typer.Option("--send", help="Gửi báo cáo cho cán bộ đầu mối (qua hàng đợi tin nhắn).")] = False,
    at: Annotated[str | None, typer.Option("--at", help="Lập báo cáo như vào thời điểm này (mô phỏng).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Chuyển văn bản và phụ lục sang PDF (để ký số).")] = False,
    edxml: Annotated[Path | None, typer.Option("--edxml", help="Đóng gói tin edXML (QCVN 102:2016) gồm văn bản và "
                                               "phụ lục PDF đã ký số, ghi ra tệp này.")] = None,
    to: Annotated[list[str] | None, typer.Option("--to", help="Mã đơn vị nhận gói tin edXML (nhắc lại được).")] = None,
    number: Annotated[str | None, typer.Option("--number", help="Số, ký hiệu văn bản cho gói tin: 125/BC-UBND.")] = None,
) -> None:
    """Lập báo cáo tổng hợp kết quả thực hiện kế hoạch (Word + Excel) — compile the consolidated report."""
    from rich.console import Console

    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.reporting.compile import compile_report

    settings = get_settings()
    engine = ready_engine(settings)
    from dondoc.cli._progress import progress_bar

    with progress_bar(f"Đang soạn báo cáo tổng hợp kế hoạch {plan_id}", total=None, enabled=not md):
        row = compile_report(engine=engine, settings=settings, plan_id=plan_id, period=period, now=_now(at), send=send)
    console = Console(stderr=md)
    docx_path, xlsx_path = Path(row.docx_path or ""), Path(row.xlsx_path or "")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docx_path, out)
        docx_path = out
    if xlsx:
        xlsx.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(row.xlsx_path or "", xlsx)
        xlsx_path = xlsx
    if md:
        from dondoc.reporting.markdown import render_report_markdown

        typer.echo(render_report_markdown(row.snapshot))
    per = row.snapshot["period"]
    state = "đã chốt số liệu" if per["final"] else "bản tạm, chưa đến ngày chốt số liệu"
    console.print(f"Báo cáo {per['label']} ({state}, số liệu đến {per['as_of']}):\n  Word:  {docx_path}\n  Excel: {xlsx_path}")
    if send:
        console.print("Đã đưa vào hàng đợi gửi cho cán bộ đầu mối.")
    if pdf or edxml:
        from dondoc.cli.sign import after_report

        for line in after_report(row, docx_path=docx_path, xlsx_path=xlsx_path, pdf=pdf, edxml=edxml, to=to or [],
                                 number=number, at=at):
            console.print(line)


def letter(
    plan_id: Annotated[int, typer.Argument(help="Số hiệu kế hoạch trong dondoc.")],
    overdue: Annotated[bool, typer.Option("--overdue", help="Đôn đốc các đơn vị có nhiệm vụ quá hạn.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Tệp Word (.docx) để ghi văn bản.")] = None,
    reply_days: Annotated[int, typer.Option("--reply-days", help="Số ngày làm việc để các đơn vị báo cáo lại.")] = 5,
    at: Annotated[str | None, typer.Option("--at", help="Lập văn bản như vào thời điểm này.")] = None,
) -> None:
    """Soạn văn bản đôn đốc các đơn vị quá hạn — draft the formal reminder letter (Word)."""
    from rich.console import Console

    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.reporting.docx_letter import render_letter_docx
    from dondoc.reporting.letter import build_letter

    if not overdue:
        raise InputError("hãy chọn đối tượng đôn đốc: --overdue (các đơn vị có nhiệm vụ quá hạn)")
    settings = get_settings()
    engine = ready_engine(settings)
    now = _now(at)
    with session_scope(engine) as session:
        data = build_letter(session, plan_id=plan_id, now=now, reply_days=reply_days)
    path = out or settings.path("reports") / f"don-doc-ke-hoach-{plan_id}-{data['date']}.docx"
    render_letter_docx(data, path)
    n = sum(len(u["items"]) for u in data["units"])
    Console().print(f"Văn bản đôn đốc {len(data['units'])} đơn vị, {n} nhiệm vụ quá hạn: {path}")


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("letter")(letter)
