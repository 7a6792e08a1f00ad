"""`dondoc status submit`: report an obligation's status from a script, with the officer's token.

With `--on-behalf-of UNIT --source "..."` the token is the plan's focal officer's (or the issuer's), who
enters the status a unit reported by phone, Zalo or on paper (nhập thay)."""

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
    on_behalf_of: str | None = typer.Option(
        None, "--on-behalf-of", metavar="UNIT",
        help="Nhập thay: enter the status of this unit (its directory code) with the focal officer's token."),
    source: str = typer.Option("", "--source", help="With --on-behalf-of (required): where the unit's report came "
                               "from, e.g. 'Công văn số 12/BC-UBND ngày 03/11' or 'điện thoại'."),
) -> None:
    """Submit a status update. By default it goes to the server's JSON API; --local writes to the database
    on this machine (the token is checked the same way). With --on-behalf-of and --source the plan's focal
    officer (their --token) enters a unit's status on its behalf."""
    # Long on purpose: a command's options and their checks, then one call.
    from dondoc.config import get_settings
    from dondoc.errors import DondocError, InputError, NotFound

    if on_behalf_of is not None and not on_behalf_of.strip():
        raise InputError("--on-behalf-of: hãy ghi mã đơn vị trong danh bạ (xem `dondoc directory`).")
    if on_behalf_of is None and source.strip():
        raise InputError("--source chỉ dùng cùng --on-behalf-of MÃ_ĐƠN_VỊ (báo cáo nhập thay cho một đơn vị).")
    if on_behalf_of is not None and not source.strip():
        raise InputError("--on-behalf-of cần --source: nguồn báo cáo của đơn vị, ví dụ "
                         "--source 'Công văn số 12/BC-UBND ngày 03/11' hoặc --source 'điện thoại'.")
    settings = get_settings()
    payload = {"status": status, "progress": progress, "result": result, "figures": _figures(figure),
               "difficulties": difficulties, "proposals": proposals}
    if local:
        from dondoc import clock
        from dondoc.cli._common import ready_engine
        from dondoc.collect import links
        from dondoc.collect.access import get_officer, obligation_for_entry
        from dondoc.collect.submit import submit_on_behalf, submit_status
        from dondoc.db import session_scope
        from dondoc.errors import Forbidden
        from dondoc.models import Unit

        engine = ready_engine(settings)
        now = clock.now()
        with session_scope(engine) as s:
            row = links.verify(s, token=token, now=now, settings=settings)
            if row is None:
                raise NotFound("the token is unknown, expired or revoked")
            try:
                if on_behalf_of is None:
                    update = submit_status(s, officer_id=row.officer_id, obligation_id=obligation, payload=payload,
                                           via="cli", now=now, token_id=row.id)
                else:
                    o = obligation_for_entry(s, officer=get_officer(s, row.officer_id), obligation_id=obligation)
                    unit = s.get(Unit, o.unit_id)
                    if unit is None or unit.code != on_behalf_of.strip():
                        raise InputError(f"nhiệm vụ {obligation} là của {unit.name if unit else '?'} "
                                         f"({unit.code if unit else '?'}), không phải của {on_behalf_of!r}")
                    update = submit_on_behalf(s, officer_id=row.officer_id, obligation_id=obligation, payload=payload,
                                              source=source, via="cli", now=now, token_id=row.id)
            except Forbidden:
                raise NotFound(_not_found(obligation, on_behalf_of)) from None
            out = {"id": update.id, "obligation_id": obligation, "status": update.status, "progress": update.progress,
                   "late": update.late, "figures": dict(update.figures), "entered_by_id": update.entered_by_id,
                   "via": update.via}
    else:
        import httpx

        base = f"{(server or settings.base_url).rstrip('/')}/api/obligations/{obligation}/status"
        url = base if on_behalf_of is None else f"{base}/on-behalf"
        if on_behalf_of is not None:
            payload = {**payload, "source": source, "unit": on_behalf_of.strip()}
        try:
            r = httpx.post(url, json=payload, timeout=30,
                           headers={"Authorization": f"Bearer {token}", "X-Dondoc-Client": "cli"})
        except httpx.HTTPError as exc:
            raise DondocError(f"cannot reach {url}: {exc}") from exc
        if r.status_code == 404:
            raise NotFound(_not_found(obligation, on_behalf_of))
        if r.status_code != 200:
            try:
                detail = r.json().get("detail")
            except ValueError:
                detail = r.text[:200]
            raise DondocError(f"the server refused the update ({r.status_code}): {detail}")
        out = r.json()
    late = " (gửi muộn)" if out.get("late") else ""
    entered = f" — nhập thay cho {on_behalf_of.strip()} (nguồn: {' '.join(source.split())})" if on_behalf_of else ""
    typer.echo(json.dumps(out, ensure_ascii=False, default=str))
    typer.echo(f"đã ghi nhận báo cáo #{out['id']}{late}{entered}", err=True)


def _not_found(obligation: int, on_behalf_of: str | None) -> str:
    if on_behalf_of is None:
        return (f"obligation {obligation} not found for this token (unknown, expired or revoked token, "
                "or another unit's obligation)")
    return (f"không tìm thấy nhiệm vụ {obligation} với mã này (mã không đúng, hết hạn hoặc đã thu hồi, hoặc người "
            "giữ mã không phải đầu mối hay cơ quan ban hành của kế hoạch)")


def register(app: typer.Typer) -> None:
    app.add_typer(status_app, name="status")
