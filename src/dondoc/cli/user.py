"""`dondoc user add|list|disable|enable|reset|token|revoke`: staff accounts of the console.

Passwords are read from a hidden prompt or, when stdin is not a terminal, from its first line; never from
an option (it would stay in the shell history and the process list)."""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer

user_app = typer.Typer(help="Tài khoản cán bộ dùng bảng điều khiển (console) và API.", no_args_is_help=True)


def _password(confirm: bool = True) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Mật khẩu", hide_input=True, confirmation_prompt=confirm))


def _session():  # type: ignore[no-untyped-def]
    from dondoc.cli._common import ready_engine
    from dondoc.db import session_scope

    return session_scope(ready_engine())


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="Tên đăng nhập"),
    role: str = typer.Option(..., "--role", help="admin, focal, leader or clerk"),
    unit: Optional[str] = typer.Option(None, "--unit", help="Mã đơn vị (code) trong danh bạ"),
    full_name: str = typer.Option("", "--full-name", help="Họ và tên"),
) -> None:
    """Create a local account; the password is asked for (or read from stdin)."""
    from dondoc import clock
    from dondoc.accounts.users import add_user

    password = _password()
    with _session() as s:
        user = add_user(s, name=name, role=role, unit=unit, password=password, full_name=full_name, now=clock.now())
        typer.echo(f"Đã tạo tài khoản {user.name} ({user.role}).")


@user_app.command("list")
def user_list(as_json: bool = typer.Option(False, "--json")) -> None:
    """Accounts with role, unit and state."""
    from dondoc.accounts.users import list_users

    with _session() as s:
        rows = [{"name": u.name, "role": u.role, "unit_id": u.unit_id, "disabled": u.disabled,
                 "sso": bool(u.oidc_subject), "last_login_at": u.last_login_at.isoformat() if u.last_login_at else None}
                for u in list_users(s)]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    for r in rows:
        sso = "\tSSO" if r["sso"] else ""
        typer.echo(f"{r['name']}\t{r['role']}\t{'khóa' if r['disabled'] else 'hoạt động'}{sso}")


@user_app.command("disable")
def user_disable(name: str) -> None:
    """Lock an account (its API tokens are revoked)."""
    from dondoc import clock
    from dondoc.accounts.users import set_disabled

    with _session() as s:
        set_disabled(s, name=name, disabled=True, now=clock.now())
    typer.echo(f"Đã khóa tài khoản {name}.")


@user_app.command("enable")
def user_enable(name: str) -> None:
    from dondoc import clock
    from dondoc.accounts.users import set_disabled

    with _session() as s:
        set_disabled(s, name=name, disabled=False, now=clock.now())
    typer.echo(f"Đã mở khóa tài khoản {name}.")


@user_app.command("reset")
def user_reset(name: str) -> None:
    """Set a new password (asked for, or read from stdin)."""
    from dondoc import clock
    from dondoc.accounts.users import reset_password

    password = _password()
    with _session() as s:
        reset_password(s, name=name, password=password, now=clock.now())
    typer.echo(f"Đã đặt lại mật khẩu cho {name}.")


@user_app.command("token")
def user_token(name: str) -> None:
    """Print a new API token for the account (and nothing else)."""
    from dondoc import clock
    from dondoc.accounts.users import issue_token

    with _session() as s:
        token = issue_token(s, name=name, now=clock.now())
    typer.echo(token)


@user_app.command("revoke")
def user_revoke(name: str) -> None:
    """Revoke every API token of the account."""
    from dondoc import clock
    from dondoc.accounts.users import revoke_tokens

    with _session() as s:
        n = revoke_tokens(s, name=name, now=clock.now())
    typer.echo(f"Đã thu hồi {n} mã truy cập của {name}.")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
