"""`dondoc ical link|revoke`: the URL of an officer's, a unit's or a plan's deadline calendar (iCalendar)."""

from __future__ import annotations

import typer

ical_app = typer.Typer(help="Lịch iCalendar các thời hạn (Outlook, Google Calendar, Thunderbird).",
                       no_args_is_help=True)


def _target(session: object, scope: str, ref: str) -> int:
    from sqlmodel import select

    from dondoc.errors import NotFound
    from dondoc.models import Officer, Plan, Unit

    if scope == "plan":
        plan = session.get(Plan, int(ref)) if ref.isdigit() else None  # type: ignore[attr-defined]
        if plan is None:
            raise NotFound(f"không có kế hoạch mã số {ref} (xem `dondoc plan list`)")
        return int(plan.id)
    model = Officer if scope == "officer" else Unit
    row = session.exec(select(model).where(model.code == ref)).first()  # type: ignore[attr-defined]
    if row is None:
        what = "cán bộ" if scope == "officer" else "đơn vị"
        raise NotFound(f"không có {what} mã {ref} trong danh bạ (xem `dondoc directory show`)")
    return int(row.id)


@ical_app.command("link")
def link(code: str = typer.Argument(..., help="Mã cán bộ (hoặc mã đơn vị / mã số kế hoạch với --unit / --plan)."),
         unit: bool = typer.Option(False, "--unit", help="CODE là mã đơn vị: lịch của cả đơn vị."),
         plan: bool = typer.Option(False, "--plan", help="CODE là mã số kế hoạch: lịch của kế hoạch.")) -> None:
    """In địa chỉ lịch (.ics) để thêm vào Outlook, Google Calendar, Thunderbird."""
    from dondoc import clock
    from dondoc.bootstrap import get_settings, ready_engine
    from dondoc.collect.ical import feed_token, feed_url
    from dondoc.db import session_scope

    scope = "unit" if unit else "plan" if plan else "officer"
    settings = get_settings()
    with session_scope(ready_engine(settings)) as s:
        token = feed_token(s, scope=scope, target_id=_target(s, scope, code), settings=settings, now=clock.now())
    typer.echo(feed_url(settings, token))


@ical_app.command("revoke")
def revoke(code: str = typer.Argument(..., help="Mã cán bộ (hoặc mã đơn vị / mã số kế hoạch)."),
           unit: bool = typer.Option(False, "--unit"), plan: bool = typer.Option(False, "--plan")) -> None:
    """Thu hồi địa chỉ lịch (địa chỉ cũ không mở được nữa; `link` cấp địa chỉ mới)."""
    from dondoc import clock
    from dondoc.bootstrap import ready_engine
    from dondoc.collect.ical import revoke_feeds
    from dondoc.db import session_scope

    scope = "unit" if unit else "plan" if plan else "officer"
    with session_scope(ready_engine()) as s:
        n = revoke_feeds(s, scope=scope, target_id=_target(s, scope, code), now=clock.now())
    typer.echo(f"Đã thu hồi {n} địa chỉ lịch.")


def register(app: typer.Typer) -> None:
    app.add_typer(ical_app, name="ical")
