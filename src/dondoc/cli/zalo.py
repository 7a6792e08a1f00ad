"""`dondoc zalo set|show|refresh`: the OAuth tokens of Zalo Official Accounts, stored sealed in the database.

Contacts then name the OA instead of carrying a token: `zalooa://ZALO_USER_ID?oa=NAME`. Secrets are read
from stdin (value '-') or from environment variables rather than the command line, and never printed.
"""

from __future__ import annotations

import json
import sys

import typer

zalo_app = typer.Typer(help="OA Zalo — tokens of Zalo Official Accounts (stored encrypted, refreshed automatically).",
                       no_args_is_help=True)

_SECRET_HELP = "'-' reads it from stdin (one line); or set {env}. Avoid the command line: shells keep a history."


def _secret(ctx: typer.Context, param: str, value: str | None, label: str) -> str | None:
    if value is None:
        return None
    if value.strip() == "-":
        line = sys.stdin.readline()
        if not line.strip():
            from dondoc.errors import InputError

            raise InputError(f"{label}: không đọc được giá trị từ stdin (dòng trống)")
        return line.strip()
    source = ctx.get_parameter_source(param)
    if getattr(source, "name", "") == "COMMANDLINE":
        typer.echo(f"lưu ý: {label} ghi trên dòng lệnh sẽ nằm lại trong lịch sử shell; lần sau dùng '-' (stdin) "
                   "hoặc biến môi trường", err=True)
    return value


@zalo_app.command("set")
def set_cmd(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The OA's name, as contacts refer to it (zalooa://USER_ID?oa=NAME)"),
    app_id: str | None = typer.Option(None, "--app-id", help="Zalo app id (not secret)"),
    secret_key: str | None = typer.Option(None, "--secret-key", envvar="DONDOC_ZALO_SECRET_KEY",
                                             help="The app's secret key. " + _SECRET_HELP.format(
                                                 env="DONDOC_ZALO_SECRET_KEY")),
    refresh_token: str | None = typer.Option(None, "--refresh-token", envvar="DONDOC_ZALO_REFRESH_TOKEN",
                                                help="The OA refresh token. " + _SECRET_HELP.format(
                                                    env="DONDOC_ZALO_REFRESH_TOKEN")),
    access_token: str | None = typer.Option(None, "--access-token", envvar="DONDOC_ZALO_ACCESS_TOKEN",
                                               help="An OA access token issued with it (optional). "
                                               + _SECRET_HELP.format(env="DONDOC_ZALO_ACCESS_TOKEN")),
    expires_in: int | None = typer.Option(None, "--expires-in", min=1,
                                             help="Seconds the access token has left (default: 25 h)"),
) -> None:
    """Store (or update) an OA's app id, secret key and tokens. Values not given are kept, so re-issuing only
    the refresh token is `dondoc zalo set NAME --refresh-token -`."""
    import pendulum

    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.services.credentials import set_zalo_oa

    secret_key = _secret(ctx, "secret_key", secret_key, "secret key")
    refresh_token = _secret(ctx, "refresh_token", refresh_token, "refresh token")
    access_token = _secret(ctx, "access_token", access_token, "access token")
    settings = get_settings()
    now = clock.now()
    with session_scope(ready_engine(settings)) as session:
        row = set_zalo_oa(session, settings=settings, name=name, now=now, app_id=app_id, secret_key=secret_key,
                          refresh_token=refresh_token, access_token=access_token, expires_in=expires_in)
        expires = row.expires_at
    when = pendulum.instance(expires).in_timezone(clock.TZ).format("HH:mm DD/MM/YYYY") if expires else None
    typer.echo(f"Đã lưu OA {name!r}" + (f"; access token hết hạn lúc {when}" if when else
                                         "; access token sẽ được lấy ở lần gửi đầu tiên") +
               f". Liên hệ Zalo của cán bộ ghi: zalooa://ZALO_USER_ID?oa={name}")


@zalo_app.command("show")
def show_cmd(as_json: bool = typer.Option(False, "--json", help="One JSON object per OA")) -> None:
    """List the stored OAs: app id, masked tokens, expiry, and a refresh failure if there was one."""
    from rich.console import Console
    from rich.table import Table

    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.services.credentials import list_zalo_oa, oa_references

    settings = get_settings()
    with session_scope(ready_engine(settings)) as session:
        views = list_zalo_oa(session, settings=settings)
        refs = oa_references(session, settings=settings)
    unknown = {name: n for name, n in sorted(refs.items()) if name not in {v.name for v in views}}

    def local(at: object) -> str:
        return at.in_timezone(clock.TZ).format("HH:mm DD/MM/YYYY") if at is not None else ""  # type: ignore[attr-defined]

    if as_json:
        for v in views:
            typer.echo(json.dumps({"name": v.name, "app_id": v.app_id, "access_token": v.access_token,
                                   "refresh_token": v.refresh_token,
                                   "expires_at": v.expires_at.isoformat() if v.expires_at else None,
                                   "refresh_error": v.refresh_error, "contacts": refs.get(v.name, 0)},
                                  ensure_ascii=False))
        for name, n in unknown.items():
            typer.echo(json.dumps({"name": name, "missing": True, "contacts": n}, ensure_ascii=False))
        return
    for name, n in unknown.items():
        typer.echo(f"cảnh báo: {n} liên hệ ghi zalooa://...?oa={name} nhưng chưa có OA {name!r}: thêm bằng "
                   f"`dondoc zalo set {name} --app-id ... --secret-key - --refresh-token -`", err=True)
    if not views:
        typer.echo("Chưa có OA Zalo nào: thêm bằng `dondoc zalo set TÊN --app-id ... --secret-key - "
                   "--refresh-token -`")
        return
    table = Table(title="OA Zalo")
    for col in ("tên", "app id", "access token", "hết hạn", "refresh token", "liên hệ", "tình trạng"):
        table.add_column(col, overflow="fold")
    now = clock.now()
    for v in views:
        if v.refresh_error:
            state = f"[red]làm mới bị từ chối: {v.refresh_error}[/red] — cấp lại bằng `dondoc zalo set {v.name} ...`"
        elif v.expires_at is None or v.expires_at <= now:
            state = "[yellow]access token hết hạn: làm mới ở lần gửi tới[/yellow]"
        else:
            state = "[green]sẵn sàng[/green]"
        table.add_row(v.name, v.app_id, v.access_token, local(v.expires_at), v.refresh_token,
                      str(refs.get(v.name, 0)), state)
    Console().print(table)


@zalo_app.command("refresh")
def refresh_cmd(name: str = typer.Argument(..., help="The OA's name")) -> None:
    """Refresh the OA's access token now (spends the refresh token and stores the new pair): checks that
    the stored credential works."""
    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.services.credentials import access_token

    settings = get_settings()
    token = access_token(engine=ready_engine(settings), settings=settings, name=name, now=clock.now(), force=True)
    when = token.expires_at.in_timezone(clock.TZ).format("HH:mm DD/MM/YYYY") if token.expires_at else "?"
    typer.echo(f"Đã làm mới token của OA {name!r}: access token mới hết hạn lúc {when}; refresh token mới đã lưu.")


def register(app: typer.Typer) -> None:
    app.add_typer(zalo_app, name="zalo")
