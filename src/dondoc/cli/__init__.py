"""The `dondoc` command.

Each area registers its commands from its own module (`register(app)`). The command line loads a module only
when one of its commands runs: `dondoc --help` reads the names and one-line help from COMMANDS below and
imports nothing heavy (no Prefect, SQLAlchemy, FastAPI, python-docx ...), so it answers at once.
`tests/unit/cli/test_registry.py` checks that COMMANDS lists exactly what the modules register.

`dondoc.cli.app` (the whole Typer app, every module registered) is built on first access, for tests and
tools that want one object (typer.testing.CliRunner).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from typing import Any

from dondoc.errors import DondocError

HELP = "dondoc: theo dõi, đôn đốc thực hiện kế hoạch — follow-up engine for Vietnamese implementation plans."

# command name -> (module under dondoc.cli that registers it, one-line help shown by `dondoc --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("parse", "Đọc một kế hoạch và in các nhiệm vụ, báo cáo, chỉ tiêu trích xuất được."),
    "init": ("db", "Tạo thư mục dữ liệu và cơ sở dữ liệu (chạy lại không sao)."),
    "db": ("db", "Cơ sở dữ liệu — database schema (Alembic migrations)."),
    "directory": ("directory", "Danh bạ đơn vị, cán bộ, liên hệ, tên gọi — the directory."),
    "plan": ("plan", "Kế hoạch — import, list, show and export plans."),
    "user": ("user", "Tài khoản cán bộ dùng bảng điều khiển (console) và API."),
    "links": ("web", "Liên kết cá nhân — personal links officers open to report status."),
    "run": ("schedule", "Chạy một lượt — run one sweep now (or as if at another moment)."),
    "simulate": ("schedule", "Mô phỏng các ngày giữa hai mốc trên đồng hồ giả (cùng mã với lịch chạy thật)."),
    "notify": ("notify", "Gửi thông báo — messages to officers (test a contact, send what is due)."),
    "status": ("status", "Báo cáo tình hình — submit status with a personal token."),
    "report": ("report", "Lập báo cáo tổng hợp kết quả thực hiện kế hoạch (Word + Excel)."),
    "letter": ("report", "Soạn văn bản đôn đốc các đơn vị quá hạn (Word)."),
    "sign": ("sign", "Ký số văn bản PDF theo Nghị định 30/2020 (PAdES)."),
    "verify": ("sign", "Kiểm tra chữ ký số trên văn bản PDF."),
    "edxml-import": ("sign", "Nhận gói tin edXML (QCVN 102:2016) và nhập kế hoạch từ văn bản đính kèm."),
    "web": ("web", "Chạy trang web cho cán bộ, đầu mối, bảng theo dõi và API."),
    "serve": ("serve", "Chạy lịch đôn đốc tự động (Prefect): nhắc hạn hằng ngày, lập báo cáo."),
    "demo": ("demo", "Chạy thử toàn bộ quy trình trên năm kế hoạch mẫu: nhập, mô phỏng một năm, tin nhắn, báo cáo."),
    "calendar": ("calendar", "Lịch làm việc — ngày nghỉ lễ, ngày nghỉ bù, ngày làm bù."),
    "ledger": ("ledger", "Sổ theo dõi nhiệm vụ của mọi kế hoạch: lọc, in, xuất Excel."),
    "substitute": ("substitute", "Người làm thay khi cán bộ vắng (nghỉ phép, công tác): nhắc việc, liên kết, báo cáo."),
    "ical": ("ical", "Lịch iCalendar các thời hạn của cán bộ, đơn vị, kế hoạch (liên kết thu hồi được)."),
    "zalo": ("zalo", "OA Zalo — mã truy cập của Official Account (lưu mã hóa, tự làm mới)."),
    "key": ("keys", "Khóa bí mật: đổi khóa, mã hóa lại liên hệ và thu hồi liên kết cũ."),
    "members": ("members", "Thành viên của tên gọi tập thể (UBND các xã, phường …): xem, loại trừ, đưa lại."),
}

COMMAND_MODULES = list(dict.fromkeys(module for module, _ in COMMANDS.values()))


def _load(module: str) -> Any:
    """The click command of one module's registrations: a group, or the single command it registers."""
    import typer

    sub = typer.Typer(pretty_exceptions_enable=False, add_completion=False)
    importlib.import_module(f"dondoc.cli.{module}").register(sub)
    return typer.main.get_command(sub)


def _make_group() -> Any:
    from typer.core import TyperGroup

    class LazyGroup(TyperGroup):
        """Lists commands from COMMANDS; imports a command's module only when the command is invoked."""

        def list_commands(self, ctx: Any) -> list[str]:
            return list(COMMANDS)

        def get_command(self, ctx: Any, cmd_name: str) -> Any:
            entry = COMMANDS.get(cmd_name)
            if entry is None:
                return None
            command = _load(entry[0])
            if isinstance(command, TyperGroup) and command.name != cmd_name:
                return command.get_command(ctx, cmd_name)
            return command

        def format_commands(self, ctx: Any, formatter: Any) -> None:
            with formatter.section("Lệnh (commands)"):
                formatter.write_dl([(name, help_) for name, (_, help_) in COMMANDS.items()])

    return LazyGroup(name="dondoc", help=HELP, no_args_is_help=True, rich_markup_mode=None)


def build_app() -> Any:
    """The whole Typer app with every module registered (imports everything; for tests and tools)."""
    import typer

    app = typer.Typer(name="dondoc", help=HELP, no_args_is_help=True, pretty_exceptions_enable=False,
                      add_completion=False)
    for module in COMMAND_MODULES:
        importlib.import_module(f"dondoc.cli.{module}").register(app)
    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        app = build_app()
        globals()["app"] = app
        return app
    raise AttributeError(name)


def main() -> None:
    os.umask(0o077)  # every file and folder dondoc creates is private to its user
    logging.basicConfig(level=os.environ.get("DONDOC_LOG_LEVEL", "WARNING"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        _make_group().main(prog_name="dondoc")
    except DondocError as exc:
        print(f"dondoc: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("dondoc: đã dừng (interrupted)", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        reason = _database_unavailable(exc)
        if reason is None:
            raise
        print(f"dondoc: error: cơ sở dữ liệu không truy cập được (database unavailable: {reason}); "
              "phần chưa ghi đã được hủy, hãy chạy lại khi cơ sở dữ liệu hoạt động trở lại", file=sys.stderr)
        sys.exit(6)


def _database_unavailable(exc: BaseException) -> str | None:
    """The first line of the driver's message when `exc` is a lost/refused database connection."""
    try:
        from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
    except ImportError:  # pragma: no cover
        return None
    if isinstance(exc, (OperationalError, InterfaceError)) or (isinstance(exc, DBAPIError)
                                                                and exc.connection_invalidated):
        lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return lines[0] if lines else exc.__class__.__name__
    return None
