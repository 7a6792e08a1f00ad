"""`dondoc members show|exclude|include`: who a plan's collective names became, and 'không áp dụng'."""

from __future__ import annotations

import json

import typer

members_app = typer.Typer(help="Thành phần của tên tập thể trong kế hoạch — collective expansions.",
                          no_args_is_help=True)


@members_app.command("show")
def show_cmd(plan: int = typer.Argument(..., help="Plan id."),
             as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Each task's names as written and the units they expand to (and those excluded)."""
    from dondoc.cli._common import ready_engine
    from dondoc.db import session_scope
    from dondoc.intake.members import expansions

    with session_scope(ready_engine()) as session:
        rows = expansions(session, plan_id=plan)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for task in rows:
        for name in task["names"]:
            members = name["members"]
            shown = ", ".join(m["name"] for m in members[:5]) + (f" … (+{len(members) - 5})" if len(members) > 5 else "")
            typer.echo(f"mục {task['ref']}: {name['written_as']} ({name['role']}) → {len(members)} đơn vị: {shown}")
        for x in task["excluded"]:
            typer.echo(f"mục {task['ref']}: không áp dụng cho {x['name']} ({x['code']}): {x['reason']}")


def _set(plan: int, ref: str, unit: str, excluded: bool, reason: str) -> None:
    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.intake.members import set_excluded

    settings = get_settings()
    with session_scope(ready_engine(settings)) as session:
        n = set_excluded(session, plan_id=plan, ref=ref, unit=unit, excluded=excluded, settings=settings,
                         now=clock.now(), reason=reason)
    typer.echo(f"kế hoạch {plan}, mục {ref}: {'không áp dụng cho' if excluded else 'áp dụng lại cho'} {unit}; "
               f"{n} nghĩa vụ có hạn")


@members_app.command("exclude")
def exclude_cmd(plan: int = typer.Argument(...), ref: str = typer.Argument(..., help="Mục, e.g. II.1"),
                unit: str = typer.Argument(..., help="Unit code or official code."),
                reason: str = typer.Option("không áp dụng", "--reason")) -> None:
    """Leave one member out of one task ('không áp dụng')."""
    _set(plan, ref, unit, True, reason)


@members_app.command("include")
def include_cmd(plan: int = typer.Argument(...), ref: str = typer.Argument(...), unit: str = typer.Argument(...)) -> None:
    """Undo an exclusion."""
    _set(plan, ref, unit, False, "")


def register(app: typer.Typer) -> None:
    app.add_typer(members_app, name="members")
