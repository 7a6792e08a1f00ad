"""`dondoc key rotate`: a new secret key, every sealed secret re-sealed, every personal link revoked."""

from __future__ import annotations

from pathlib import Path

import typer

key_app = typer.Typer(help="Khóa bí mật — the secret key that seals contact secrets and personal links.",
                      no_args_is_help=True)


@key_app.command("rotate")
def rotate(to: Path | None = typer.Option(None, "--to", help="Write the new key to this file (default: the "
                                          "current key file; the old one is kept as .old).")) -> None:
    """Tạo khóa mới, mã hóa lại mọi bí mật đã lưu và thu hồi mọi liên kết cá nhân."""
    from dondoc import clock
    from dondoc.app.rekey import rotate_key
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings

    settings = get_settings()
    r = rotate_key(engine=ready_engine(settings), settings=settings, now=clock.now(), to=to)
    typer.echo(f"Đã đổi khóa: {r.key_file} (khóa cũ: {r.old_key_file or 'không có tệp'}); mã hóa lại "
               f"{r.contacts} địa chỉ liên lạc, {r.credentials} thông tin kênh; thu hồi {r.links_revoked} liên kết "
               "(nhắc việc sau mang liên kết mới).")


def register(app: typer.Typer) -> None:
    app.add_typer(key_app, name="key")
