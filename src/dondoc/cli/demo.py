"""`dondoc demo [--dir DIR]`."""

from __future__ import annotations

import os
import time
from pathlib import Path

import typer


def demo(
    folder: Path = typer.Option(Path("dondoc-demo"), "--dir", help="Throwaway data folder (recreated each run)"),
    on_time: float = typer.Option(0.6, "--on-time", min=0.0, max=1.0, help="Share of obligations reported on time"),
    province: bool = typer.Option(False, "--province", help="The province example: 130 communes of Nghệ An (2025)"),
) -> None:
    """Run the whole chain on the five seed plans: import, a simulated year, messages, reports."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from dondoc.app.demo import prepare_dir, run_demo
    from dondoc.config import Settings, reset_settings
    from dondoc.db import dispose_engines

    folder = folder.resolve()
    prepare_dir(folder)
    # The demo always runs on the embedded default in its own folder, whatever the environment says.
    os.environ["DONDOC_HOME"] = str(folder)
    os.environ.pop("DONDOC_DATABASE_URL", None)
    os.environ["DONDOC_OUTBOX"] = str(folder / "outbox")
    os.environ.setdefault("DONDOC_BASE_URL", "http://127.0.0.1:8000")
    reset_settings()
    dispose_engines()
    settings = Settings(home=folder, outbox=folder / "outbox")
    console = Console()
    started = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False) as bar:
        tasks: dict[str, int] = {}

        def progress(label: str, done: int, total: int) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=total)
            bar.update(tasks[label], completed=done, total=total)

        summary = run_demo(settings=settings, on_time=on_time, progress=progress, province=province)
    elapsed = time.perf_counter() - started

    table = Table(title=f"dondoc demo — {summary.start} → {summary.end} ({elapsed:.0f} s)")
    table.add_column("Kế hoạch")
    table.add_column("Nhiệm vụ", justify="right")
    table.add_column("Nghĩa vụ", justify="right")
    table.add_column("Chưa xác định", justify="right")
    for p in summary.plans:
        table.add_row(f"{p['id']}. {p['file']}", str(p["assignments"]), str(p["obligations"]), str(p["unresolved"]))
    console.print(table)
    ev = summary.events
    console.print(
        f"Nhắc hạn (reminders): [bold]{ev['reminder']}[/bold] · Đôn đốc quá hạn (escalations): "
        f"[bold]{ev['escalation']}[/bold] · Báo cáo của đơn vị (status updates): {ev['status']} · "
        f"Cảnh báo lâu chưa cập nhật (stale): {ev['stale']}\n"
        f"Tin nhắn đã gửi (digests sent): {summary.messages} → {summary.folder / 'outbox'} ({summary.outbox_files} files)\n"
        f"Báo cáo tổng hợp (reports): {len(summary.reports)}")
    for path in summary.reports:
        console.print(f"  {path}")
    console.print(f"\nMở bảng điều khiển (open the dashboard):\n  [bold]DONDOC_HOME={summary.folder} dondoc web[/bold]\n"
                  f"  then the focal officer's link from: DONDOC_HOME={summary.folder} dondoc links")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
