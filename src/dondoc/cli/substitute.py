"""`dondoc substitute add|list|cancel`: an officer's absence and who acts for them (người làm thay)."""

from __future__ import annotations

import datetime as dt

import typer

substitute_app = typer.Typer(help="Người làm thay khi cán bộ vắng: nhắc việc, đôn đốc và liên kết chuyển sang người thay.",
                             no_args_is_help=True)


def _date(value: str, name: str) -> dt.date:
    from dondoc.errors import InputError

    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{name}: cần ngày dạng YYYY-MM-DD, nhận được '{value}'") from None


@substitute_app.command("add")
def add(officer: str = typer.Argument(..., help="Mã cán bộ vắng."),
        start: str = typer.Option(..., "--from", help="Ngày bắt đầu vắng (YYYY-MM-DD)."),
        end: str = typer.Option(..., "--to", help="Ngày cuối cùng vắng (YYYY-MM-DD)."),
        by: str = typer.Option("", "--by", help="Mã cán bộ làm thay; bỏ trống: trưởng đơn vị."),
        note: str = typer.Option("", "--note", help="Ghi chú (nghỉ phép, đi công tác ...).")) -> None:
    """Ghi lịch vắng của một cán bộ và người làm thay trong thời gian đó."""
    from dondoc import clock
    from dondoc.bootstrap import ready_engine
    from dondoc.db import session_scope
    from dondoc.directory.substitutes import name_substitute

    with session_scope(ready_engine()) as s:
        row = name_substitute(s, officer=officer, substitute=by or None, start=_date(start, "--from"),
                              end=_date(end, "--to"), note=note, now=clock.now())
        ident = row.id
    who = f"cán bộ {by}" if by else "trưởng đơn vị"
    typer.echo(f"Đã ghi lịch vắng số {ident}: {officer} vắng {start} – {end}, {who} làm thay.")


@substitute_app.command("list")
def list_(all_: bool = typer.Option(False, "--all", help="Cả lịch đã qua.")) -> None:
    """Các lịch vắng đang và sắp có hiệu lực."""
    from dondoc import clock
    from dondoc.bootstrap import ready_engine
    from dondoc.db import session_scope
    from dondoc.directory.substitutes import substitutes

    since = dt.date.min if all_ else clock.today()
    with session_scope(ready_engine()) as s:
        rows = substitutes(s, since=since)
        lines = [f"{r.id}\t{away.code} ({away.name})\t{r.start:%d/%m/%Y} – {r.end:%d/%m/%Y}\t"
                 f"{f'{sub.code} ({sub.name})' if sub else 'trưởng đơn vị'}\t{r.note}" for r, away, sub in rows]
    typer.echo("\n".join(lines) if lines else "Không có lịch vắng nào.")


@substitute_app.command("cancel")
def cancel(ident: int = typer.Argument(..., help="Số của lịch vắng (xem `dondoc substitute list`).")) -> None:
    """Hủy một lịch vắng (nhắc việc lại gửi cho chính cán bộ đó)."""
    from dondoc import clock
    from dondoc.bootstrap import ready_engine
    from dondoc.db import session_scope
    from dondoc.directory.substitutes import cancel_substitute

    with session_scope(ready_engine()) as s:
        cancel_substitute(s, substitute_id=ident, now=clock.now())
    typer.echo(f"Đã hủy lịch vắng số {ident}.")


def register(app: typer.Typer) -> None:
    app.add_typer(substitute_app, name="substitute")
