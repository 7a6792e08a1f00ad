"""`dondoc status submit`: report an obligation's status from a script, with the officer's token."""

from __future__ import annotations

import json

import typer

status_app = typer.Typer(help="Báo cáo tình hình — submit status with a personal token.", no_args_is_help=True)


def _figures(items: list[str]) -> dict[str, str]:
    from dondoc.errors import InputError

    out: dict[str, str] = {}
    for item in items:
        ref, sep, number = item.partition("=")
        if not sep or not ref.strip() or not number.strip():
            raise InputError(f"--figure {item!r}: expected REF=NUMBER, e.g. --figure II.1=73")
        out[ref.strip()] = number.strip()
    return out


@status_app.command("submit")
def submit(
    token: str = typer.Option(..., "--token", help="The officer's personal token (the last part of their link).",
                              envvar="DONDOC_TOKEN"),
    obligation: int = typer.Option(..., "--obligation", help="Obligation id (see GET /api/obligations)."),
    status: str = typer.Option(..., "--status", help="not_started | in_progress | done | impossible, or the Vietnamese label."),
    progress: int | None = typer.Option(None, "--progress", min=0, max=100, help="Progress in percent."),
    result: str = typer.Option("", "--result", help="Kết quả thực hiện."),
    figure: list[str] = typer.Option([], "--figure", help="REF=NUMBER for a target of the plan; repeatable."),
    difficulties: str = typer.Option("", "--difficulties", help="Khó khăn, vướng mắc."),
    proposals: str = typer.Option("", "--proposals", help="Kiến nghị, đề xuất."),
    server: str | None = typer.Option(None, "--server", help="URL of `dondoc web` (default: DONDOC_BASE_URL)."),
    local: bool = typer.Option(False, "--local", help="Write to the configured database directly instead of the server."),
) -> None:
    """Submit a status update. By default it goes to the server's JSON API; --local writes to the database
    on this machine (the token is checked the same way)."""
    from dondoc.config import get_settings
    from dondoc.errors import DondocError, NotFound

    settings = get_settings()
    payload = {"status": status, "progress": progress, "result": result, "figures": _figures(figure),
               "difficulties": difficulties, "proposals": proposals}
    if local:
        from dondoc import clock
        from dondoc.cli._common import ready_engine
        from dondoc.db import session_scope
        from dondoc.services import links
        from dondoc.services.status import submit_status

        engine = ready_engine(settings)
        now = clock.now()
        with session_scope(engine) as s:
            row = links.verify(s, token=token, now=now)
            if row is None:
                raise NotFound("the token is unknown, expired or revoked")
            update = submit_status(s, officer_id=row.officer_id, obligation_id=obligation, payload=payload, via="cli",
                                   now=now, token_id=row.id)
            out = {"id": update.id, "obligation_id": obligation, "status": update.status, "progress": update.progress,
                   "late": update.late, "figures": dict(update.figures)}
    else:
        import httpx

        url = f"{(server or settings.base_url).rstrip('/')}/api/obligations/{obligation}/status"
        try:
            r = httpx.post(url, json=payload, timeout=30,
                           headers={"Authorization": f"Bearer {token}", "X-Dondoc-Client": "cli"})
        except httpx.HTTPError as exc:
            raise DondocError(f"cannot reach {url}: {exc}") from exc
        if r.status_code == 404:
            raise NotFound(f"obligation {obligation} not found for this token (unknown, expired or revoked token, "
                           "or another unit's obligation)")
        if r.status_code != 200:
            try:
                detail = r.json().get("detail")
            except ValueError:
                detail = r.text[:200]
            raise DondocError(f"the server refused the update ({r.status_code}): {detail}")
        out = r.json()
    late = " (gửi muộn)" if out.get("late") else ""
    typer.echo(json.dumps(out, ensure_ascii=False, default=str))
    typer.echo(f"đã ghi nhận báo cáo #{out['id']}{late}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(status_app, name="status")
