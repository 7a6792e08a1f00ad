"""`dondoc calendar add-off|add-work|remove|import|list|check`: the editable working calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from dondoc.errors import InputError

cal_app = typer.Typer(help="Lịch làm việc — working days, public holidays, extra days off and make-up days.",
                      no_args_is_help=True)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"not a date (expected YYYY-MM-DD): {value!r}") from exc


def _set(day: str, kind: str, note: str) -> None:
    from rich.console import Console

    from dondoc.calendar.workdays import set_day
    from dondoc.cli._common import ready_engine
    from dondoc.db import session_scope

    d = _date(day)
    with session_scope(ready_engine()) as session:
        set_day(session, day=d, kind=kind, note=note)
    label = "ngày nghỉ" if kind == "off" else "ngày làm việc (làm bù)"
    Console().print(f"{d.isoformat()}: {label}" + (f" — {note}" if note else ""))


@cal_app.command("add-off")
def add_off(day: str = typer.Argument(..., help="YYYY-MM-DD"), note: str = typer.Option("", "--note")) -> None:
    """Mark DAY as an extra day off."""
    _set(day, "off", note)


@cal_app.command("add-work")
def add_work(day: str = typer.Argument(..., help="YYYY-MM-DD"), note: str = typer.Option("", "--note")) -> None:
    """Mark DAY as a make-up working day (làm bù), e.g. a Saturday."""
    _set(day, "work", note)


@cal_app.command("remove")
def remove(day: str = typer.Argument(..., help="YYYY-MM-DD")) -> None:
    """Forget a user exception for DAY (public holidays stay)."""
    from rich.console import Console

    from dondoc.calendar.workdays import remove_day
    from dondoc.cli._common import ready_engine
    from dondoc.db import session_scope

    d = _date(day)
    with session_scope(ready_engine()) as session:
        found = remove_day(session, day=d)
    Console().print(f"{d.isoformat()}: " + ("removed" if found else "no exception recorded"))


@cal_app.command("import")
def import_file(
    path: Annotated[Path, typer.Argument(help="YAML ({off: [...], work: [...]}) or CSV (date,kind,note)")],
) -> None:
    """Load extra days off and make-up days from a file."""
    from rich.console import Console

    from dondoc.calendar.workdays import import_days
    from dondoc.cli._common import ready_engine
    from dondoc.db import session_scope

    with session_scope(ready_engine()) as session:
        n = import_days(session, path=path)
    Console().print(f"{n} day(s) recorded")


@cal_app.command("list")
def list_days(year: int | None = typer.Option(None, "--year", help="Default: the current year")) -> None:
    """Public holidays, swapped days and user exceptions of a year."""
    from rich.console import Console
    from rich.table import Table

    from dondoc import clock
    from dondoc.calendar.workdays import WorkCalendar
    from dondoc.cli._common import ready_engine
    from dondoc.db import session_scope
    from dondoc.vietnamese import short_date, weekday

    y = year or clock.today().year
    with session_scope(ready_engine()) as session:
        cal = WorkCalendar.from_session(session)
    labels = {"holiday": "nghỉ lễ", "làm bù": "làm bù", "off (user)": "nghỉ (thêm)", "work (user)": "làm việc (thêm)"}
    table = Table(title=f"Lịch {y}")
    for col in ("Ngày", "Thứ", "Loại", "Ghi chú"):
        table.add_column(col)
    for info in cal.days_off(y):
        table.add_row(short_date(info.day), weekday(info.day), labels.get(info.reason, info.reason), info.name)
    Console().print(table)


@cal_app.command("check")
def check(day: str = typer.Argument(..., help="YYYY-MM-DD"),
          shift: str = typer.Option("previous", "--shift", help="previous or next")) -> None:
    """Is DAY a working day, and which working day does a deadline on DAY move to?"""
    from rich.console import Console

    from dondoc.calendar.workdays import WorkCalendar
    from dondoc.cli._common import ready_engine
    from dondoc.db import session_scope
    from dondoc.vietnamese import short_date, weekday

    d = _date(day)
    with session_scope(ready_engine()) as session:
        cal = WorkCalendar.from_session(session)
    info = cal.info(d)
    moved = cal.adjust(d, shift)  # type: ignore[arg-type]
    state = "ngày làm việc" if info.working else "ngày nghỉ"
    extra = f" ({info.name})" if info.name else ""
    Console().print(f"{weekday(d)} {short_date(d)}: {state}{extra}; hạn rơi vào ngày này → {weekday(moved)} {short_date(moved)}")


def register(app: typer.Typer) -> None:
    app.add_typer(cal_app, name="calendar")
