"""`dondoc notify test OFFICER` and `dondoc notify send`: reach officers through their contacts."""

from __future__ import annotations

import json
from typing import Optional

import typer

notify_app = typer.Typer(help="Gửi thông báo — messages to officers (test a contact, send what is due).",
                         no_args_is_help=True)

_LABELS = {"sent": "[green]thành công[/green]", "transient": "[yellow]lỗi tạm thời[/yellow]",
           "failed": "[red]lỗi[/red]"}


@notify_app.command("test")
def test_cmd(
    officer: str = typer.Argument(..., help="Officer code (or numeric id)"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per contact"),
) -> None:
    """Send a test message through every contact of OFFICER and print the outcome per channel."""
    from rich.console import Console
    from rich.table import Table

    from dondoc import clock
    from dondoc.bootstrap import notifier as get_notifier
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.delivery.contact_test import send_test

    settings = get_settings()
    who, checks = send_test(engine=ready_engine(settings), settings=settings, notifier=get_notifier(settings),
                            officer_ref=officer, now=clock.now())
    if as_json:
        for ch in checks:
            typer.echo(json.dumps({"officer": who.code, "priority": ch.priority, "channel": ch.channel,
                                   "target": ch.target, "status": ch.status, "error": ch.error}, ensure_ascii=False))
    else:
        console = Console()
        if not checks:
            console.print(f"{who.name} ({who.code}): chưa có kênh liên lạc nào — no contacts on file.")
        else:
            table = Table(title=f"Tin nhắn thử — {who.name} ({who.code})")
            for col in ("#", "kênh", "địa chỉ", "kết quả", "chi tiết"):
                table.add_column(col, overflow="fold")
            for ch in checks:
                table.add_row(str(ch.priority), ch.channel, ch.target, _LABELS.get(ch.status, ch.status),
                              ch.error or "")
            console.print(table)
    if not checks or any(ch.status != "sent" for ch in checks):
        raise typer.Exit(1)


@notify_app.command("send")
def send_cmd(
    at: Optional[str] = typer.Option(None, "--at", help="As if at this moment (ISO; Vietnam time when no offset)"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Gather undelivered notices into digests for the day and send everything that is due."""
    from rich.console import Console

    from dondoc import clock
    from dondoc.bootstrap import notifier as get_notifier
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.delivery.compose import compose_messages, local_day
    from dondoc.delivery.outbox import deliver_pending

    settings = get_settings()
    now = clock.parse_instant(at) if at else clock.now()
    engine = ready_engine(settings)
    with session_scope(engine) as session:
        composed = len(compose_messages(session, day=local_day(now), now=now, settings=settings))
    stats = deliver_pending(engine=engine, settings=settings, notifier=get_notifier(settings), now=now)
    if as_json:
        typer.echo(json.dumps({"composed": composed, **stats.as_dict()}, ensure_ascii=False))
        return
    Console().print(f"composed {composed}; sent {stats.sent} of {stats.claimed} "
                    f"(retry later {stats.retry}, dead {stats.dead}, fallbacks {stats.fallbacks}, "
                    f"unreachable notes {stats.unreachable}) in {stats.seconds:.1f} s")


def register(app: typer.Typer) -> None:
    app.add_typer(notify_app, name="notify")
