"""`dondoc zalo set|show|refresh`: the OAuth tokens of Zalo Official Accounts, stored sealed in the database.

Contacts then name the OA instead of carrying a token: `zalooa://ZALO_USER_ID?oa=NAME`. No secret is ever an
option value (shell history, `ps`): `set` asks for them with hidden prompts on a terminal, or reads
`secret_key=...`, `refresh_token=...`, `access_token=...` lines from stdin, or the environment variables
DONDOC_ZALO_SECRET_KEY / DONDOC_ZALO_REFRESH_TOKEN / DONDOC_ZALO_ACCESS_TOKEN. Nothing secret is printed.
"""

from __future__ import annotations

import json
import os
import sys

import typer

zalo_app = typer.Typer(help="OA Zalo — tokens of Zalo Official Accounts (stored encrypted, refreshed automatically).",
                       no_args_is_help=True)

FIELDS = ("secret_key", "refresh_token", "access_token")
ENV = {f: f"DONDOC_ZALO_{f.upper()}" for f in FIELDS}
_PROMPTS = {"secret_key": "Secret key của ứng dụng Zalo", "refresh_token": "Refresh token của OA",
            "access_token": "Access token của OA (không bắt buộc)"}


def _interactive() -> bool:
    return sys.stdin.isatty()


def _read_secrets(*, known: bool) -> dict[str, str]:
    """The secrets given for this `set`: environment first, then a terminal's hidden prompts (Enter keeps the
    stored value) or KEY=VALUE lines on stdin."""
    from dondoc.errors import InputError

    out = {f: os.environ[ENV[f]].strip() for f in FIELDS if os.environ.get(ENV[f], "").strip()}
    if _interactive():
        for f in FIELDS:
            if f in out:
                continue
            keep = known or f == "access_token"
            value = typer.prompt(_PROMPTS[f] + (" (Enter: giữ nguyên / bỏ qua)" if keep else ""), default="" if keep
                                 else None, hide_input=True, show_default=False)
            if value.strip():
                out[f] = value.strip()
        return out
    for n, line in enumerate(sys.stdin.read().splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition("=")
        key = key.strip().lower().replace("-", "_")
        if not sep or key not in FIELDS:
            raise InputError(f"stdin dòng {n}: cần dạng KHÓA=GIÁ_TRỊ với KHÓA là {', '.join(FIELDS)} "
                             f"(đọc được {key or line.strip()[:20]!r}...)")
        if value.strip():
            out[key] = value.strip()
    return out


@zalo_app.command("set")
def set_cmd(
    name: str = typer.Argument(..., help="The OA's name, as contacts refer to it (zalooa://USER_ID?oa=NAME)"),
    app_id: str | None = typer.Option(None, "--app-id", help="Zalo app id (not secret)"),
    expires_in: int | None = typer.Option(None, "--expires-in", min=1,
                                          help="Seconds a newly given access token has left (default: 25 h)"),
) -> None:
    """Store (or update) an OA: its app id here, its secret key and tokens from hidden prompts, stdin lines
    `secret_key=...` / `refresh_token=...` / `access_token=...`, or DONDOC_ZALO_* variables. Values not
    given are kept, so re-issuing the refresh token is `dondoc zalo set NAME` and pasting it."""
    import pendulum
    from sqlmodel import select

    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.models import ChannelCredential
    from dondoc.notifications.credentials import set_zalo_oa

    settings = get_settings()
    engine = ready_engine(settings)
    with session_scope(engine) as session:
        known = session.exec(select(ChannelCredential.id).where(ChannelCredential.name == name.strip())).first()
    secrets = _read_secrets(known=known is not None)
    now = clock.now()
    with session_scope(engine) as session:
        row = set_zalo_oa(session, settings=settings, name=name, now=now, app_id=app_id, expires_in=expires_in,
                          **secrets)
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
    from dondoc.notifications.credentials import list_zalo_oa, oa_references

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
                   f"`dondoc zalo set {name} --app-id ...`", err=True)
    if not views:
        typer.echo("Chưa có OA Zalo nào: thêm bằng `dondoc zalo set TÊN --app-id ...` (secret key và refresh "
                   "token nhập khi được hỏi)")
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
    from dondoc.notifications.zalo_oauth import access_token

    settings = get_settings()
    token = access_token(engine=ready_engine(settings), settings=settings, name=name, now=clock.now(), force=True)
    when = token.expires_at.in_timezone(clock.TZ).format("HH:mm DD/MM/YYYY") if token.expires_at else "?"
    typer.echo(f"Đã làm mới token của OA {name!r}: access token mới hết hạn lúc {when}; refresh token mới đã lưu.")


def register(app: typer.Typer) -> None:
    app.add_typer(zalo_app, name="zalo")
