"""`dondoc run daily [--at]` and `dondoc simulate --from --to`."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any, Optional

import typer

run_app = typer.Typer(help="Chạy một lượt — run one sweep now (or as if at another moment).", no_args_is_help=True)


@run_app.command("daily")
def run_daily_cmd(
    at: Optional[str] = typer.Option(None, "--at", help="Run as if it were this moment (ISO date or datetime, "
                                                           "Vietnam time when no offset)"),
    no_deliver: bool = typer.Option(False, "--no-deliver", help="Decide only; send nothing"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Chạy một lượt đôn đốc hằng ngày: nhắc hạn, đôn đốc, cảnh báo lâu chưa cập nhật, báo cáo đến hạn, gửi tin.
    One daily follow-up sweep: reminders, escalations, stale flags, due reports, delivery."""
    from rich.console import Console

    from dondoc import clock
    from dondoc.app.daily import run_daily
    from dondoc.cli._common import ready_engine
    from dondoc.cli._progress import progress_bar
    from dondoc.config import get_settings

    settings = get_settings()
    now = clock.parse_instant(at) if at else clock.now()
    # The sweep and its deliveries can take minutes on a province's directory: show that it is working.
    with progress_bar("Đang chạy lượt đôn đốc" + ("" if no_deliver else " và gửi tin"), total=None,
                      enabled=not as_json):
        result = run_daily(engine=ready_engine(settings), settings=settings, now=now, deliver=not no_deliver)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    c = Console(highlight=False)
    for line in daily_lines(result, send_hour=settings.send_hour):
        c.print(line, soft_wrap=True)


DECISION_LABELS = {"reminder": "nhắc hạn", "escalation": "đôn đốc", "stale": "lâu chưa cập nhật"}
DELIVERY_LABELS = {"claimed": "nhận gửi", "sent": "đã gửi", "failed": "lỗi, sẽ gửi lại", "dead": "không gửi được",
                   "retried": "gửi lại", "skipped": "bỏ qua", "unreachable": "không liên lạc được"}


def daily_lines(result: Any, *, send_hour: int) -> list[str]:
    """What a clerk reads after `dondoc run daily`, in Vietnamese (the --json output keeps the codes)."""
    day = f"{result.day:%d/%m/%Y}" if hasattr(result.day, "strftime") else str(result.day)
    if not result.working_day:
        return [f"{day}: không phải ngày làm việc, không có việc gì."]
    decided = ", ".join(f"{DECISION_LABELS.get(k, k)} {n}" for k, n in dict(result.decided).items())
    lines = [f"{day}: {'quyết định gửi ' + decided if decided else 'không có nhắc hạn hay đôn đốc nào'}; "
             f"đánh dấu lâu chưa cập nhật {result.stale}; báo cáo tổng hợp đã soạn {len(result.compiled)}"]
    if result.deferred_delivery:
        lines.append(f"Việc gửi tin được hoãn đến {send_hour:02d}:00 (ngoài giờ gửi).")
    elif result.delivery is not None:
        stats = getattr(result.delivery, "as_dict", lambda: result.delivery)()
        if isinstance(stats, dict):
            parts = ", ".join(f"{DELIVERY_LABELS.get(k, k)} {v}" for k, v in stats.items() if not isinstance(v, (dict, list)))
        else:
            parts = str(stats)
        lines.append(f"Gửi tin: {parts or 'không có tin nào'}")
    return lines


def _date(value: str, name: str) -> dt.date:
    from dondoc.errors import InputError

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name} expects a date as YYYY-MM-DD, got {value!r}") from None


def simulate_cmd(
    start: str = typer.Option(..., "--from", help="First day (YYYY-MM-DD)"),
    end: str = typer.Option(..., "--to", help="Last day (YYYY-MM-DD)"),
    on_time: Optional[float] = typer.Option(None, "--on-time", min=0.0, max=1.0,
                                            help="Fraction of obligations reported on time (the rest: half late, "
                                                 "half never); without it nobody reports"),
    late_share: float = typer.Option(0.5, "--late-share", min=0.0, max=1.0),
    seed: int = typer.Option(2025, "--seed"),
    plan: Optional[list[int]] = typer.Option(None, "--plan", help="Only these plan ids"),
    deliver: bool = typer.Option(False, "--deliver", help="Gửi thật qua liên lạc của cán bộ (cần --commit) — "
                                                           "really send through the officers' contacts"),
    commit: bool = typer.Option(False, "--commit", help="Ghi kết quả mô phỏng vào cơ sở dữ liệu thật (mặc định: "
                                                         "chạy trên bản sao, không ghi gì) — write into the live database"),
    as_json: bool = typer.Option(False, "--json", help="Mỗi sự kiện một dòng JSON — one JSON object per event and line"),
) -> None:
    """Mô phỏng từng ngày giữa hai mốc trên đồng hồ giả (cùng mã với lượt chạy hằng ngày), trên một bản sao
    cơ sở dữ liệu trừ khi có --commit. Replay every day between two dates on a fake clock, on a copy of the
    database unless --commit."""
    from rich.console import Console

    from dondoc.app.simulation import Behaviour, simulate
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.errors import InputError

    first, last = _date(start, "--from"), _date(end, "--to")
    if last < first:
        raise InputError("--to (ngày cuối) đứng trước --from (ngày đầu)")
    if deliver and not commit:
        raise InputError("--deliver gửi tin thật nên phải ghi lại việc đã gửi: thêm --commit (mô phỏng ghi vào "
                         "cơ sở dữ liệu thật), hoặc bỏ --deliver")
    settings = get_settings()
    behaviour = Behaviour(on_time=on_time, late_share=late_share, seed=seed) if on_time is not None else None
    console = Console(stderr=as_json)
    engine = ready_engine(settings)
    with contextlib.ExitStack() as stack:
        if commit:
            where = "mô phỏng GHI VÀO cơ sở dữ liệu thật (--commit)"
        else:
            from dondoc.app.sandbox import sandbox

            box = stack.enter_context(sandbox(engine=engine, settings=settings))
            engine, settings, where = box.engine, box.settings, box.description
        console.print(where)
        _run_simulation(simulate(engine=engine, settings=settings, start=first, end=last, behaviour=behaviour,
                                 deliver=deliver, plan_ids=plan), console=console, as_json=as_json,
                        days=(last - first).days + 1)


def _run_simulation(events: Any, *, console: Any, as_json: bool, days: int) -> None:
    from dondoc.cli._progress import progress_bar

    counts: dict[str, int] = {}
    with progress_bar("Mô phỏng", total=days, enabled=not as_json) as advance:
        seen = ""
        for ev in events:
            if ev.at[:10] != seen:
                seen = ev.at[:10]
                advance(seen)
            _print_event(ev, counts, console=console, as_json=as_json)
    if not as_json:
        console.print("[bold]Tổng cộng[/bold]: " + (", ".join(f"{EVENT_LABELS.get(k, k)} {n}" for k, n in counts.items())
                                                 or "không có sự kiện nào"))


EVENT_LABELS = {"reminder": "nhắc hạn", "escalation": "đôn đốc", "stale": "lâu chưa cập nhật",
                "status": "báo cáo của đơn vị", "report_compiled": "báo cáo tổng hợp đã soạn",
                "report_sent": "báo cáo tổng hợp đã gửi"}


def _print_event(ev: Any, counts: dict[str, int], *, console: Any, as_json: bool) -> None:
    counts[ev.kind] = counts.get(ev.kind, 0) + 1
    if as_json:
        typer.echo(json.dumps(ev.as_dict(), ensure_ascii=False))
    else:
        console.print(f"{ev.at[:16]}  {EVENT_LABELS.get(ev.kind, ev.kind):<15} L{ev.level} KH {ev.plan} · "
                      f"{ev.unit or ''} → {ev.recipient or ''} (hạn {ev.due or '—'}){' [gửi muộn]' if ev.late else ''}",
                      highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(run_app, name="run")
    app.command("simulate")(simulate_cmd)
