"""`dondoc demo [--dir DIR]`."""

from __future__ import annotations

import os
import time
from pathlib import Path

import typer


def demo(
    folder: Path = typer.Option(Path("dondoc-demo"), "--dir", help="Thư mục dữ liệu thử (tạo lại mỗi lần chạy) — "
                                                                  "throwaway data folder"),
    on_time: float = typer.Option(0.6, "--on-time", min=0.0, max=1.0, help="Tỷ lệ nghĩa vụ được báo cáo đúng hạn — "
                                                                          "share of obligations reported on time"),
    province: bool = typer.Option(False, "--province", help="Ví dụ cấp tỉnh: 130 xã, phường của Nghệ An (2025)"),
) -> None:
    """Chạy thử toàn bộ quy trình trên năm kế hoạch mẫu: nhập, mô phỏng một năm, tin nhắn, báo cáo.
    Run the whole chain on the five seed plans: import, a simulated year, messages, reports."""
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
        name = (f"Số {p['number']}: " if p.get("number") else "") + (p.get("title") or p["file"])
        table.add_row(f"{p['id']}. {name[:90]}", str(p["assignments"]), str(p["obligations"]), str(p["unresolved"]))
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
    console.print(demo_hint(summary.folder, dondoc_command()), soft_wrap=True, highlight=False)


def dondoc_command() -> str:
    """How to call dondoc again: `dondoc` when it is on PATH, else the path of this interpreter's script
    (e.g. .venv/bin/dondoc after `python3 -m venv .venv`, whose bin/ is not on PATH)."""
    import shutil
    import sys

    script = Path(sys.executable).parent / "dondoc"
    on_path = shutil.which("dondoc")
    if on_path and Path(on_path).resolve() == script.resolve():
        return "dondoc"
    if script.exists():
        try:
            return str(script.relative_to(Path.cwd()))
        except ValueError:
            return str(script)
    return "dondoc"


def demo_hint(folder: Path, command: str) -> str:
    return (f"\nMở bảng tổng quan:\n  [bold]DONDOC_HOME={folder} {command} web[/bold]\n"
            f"  rồi mở liên kết của cán bộ đầu mối (dòng có dấu ★) trong:\n"
            f"  [bold]DONDOC_HOME={folder} {command} links[/bold]\n"
            f"  (tệp trong outbox/ chỉ ghi 6 ký tự đầu của mỗi liên kết cá nhân: liên kết đầy đủ lấy từ lệnh trên)")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
