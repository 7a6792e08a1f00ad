"""`dondoc directory import|export|check`: the directory of units, officers, contacts and aliases."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

directory_app = typer.Typer(help="Danh bạ đơn vị, cán bộ, liên hệ, tên gọi — the directory.", no_args_is_help=True)


@directory_app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., help="Directory file: .xlsx, .csv or .yaml"),
    as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON — print the counts as JSON."),
    prune: bool = typer.Option(False, "--prune", help="Bỏ các đơn vị không có trong tệp mà không còn gì tham chiếu "
                                                      "đến (mặc định: giữ nguyên) — remove units the file leaves out "
                                                      "when nothing refers to them"),
) -> None:
    """Nhập (hoặc cập nhật) danh bạ từ tệp, trong một giao dịch. Tệp có thể chỉ chứa một phần: đơn vị vắng mặt được
    giữ nguyên (--prune bỏ những đơn vị không còn được tham chiếu), trang không có dòng nào thì phần đó giữ nguyên.
    Import (or update in place) the directory from FILE in one transaction."""
    from rich.console import Console

    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.directory.apply import import_directory

    settings = get_settings()
    from dondoc.cli._progress import progress_bar

    with progress_bar(f"Đang nhập danh bạ {file.name} (và xác định lại các kế hoạch đã lưu)", total=None,
                      enabled=not as_json):
        result = import_directory(engine=ready_engine(settings), settings=settings, path=file, now=clock.now(),
                                  prune=prune)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    console = Console()
    console.print(f"[bold]{file}[/bold]: " + ("đã cập nhật danh bạ" if result.changed else "không có thay đổi"))
    labels = {"units": "đơn vị", "officers": "cán bộ", "contacts": "liên hệ", "aliases": "tên gọi"}
    for key, label in labels.items():
        c = getattr(result, key)
        console.print(f"  {label:8} thêm {c.created}, sửa {c.updated}, giữ nguyên {c.unchanged}, bỏ {c.removed}")
    for warning in result.warnings:
        console.print(f"  [yellow]lưu ý[/yellow]: {warning}", soft_wrap=True)
    print_reresolved(console, result.plans)


def print_reresolved(console: Any, plans: list[Any]) -> None:
    """One line per plan resolved again: names still unresolved and obligations before -> after."""
    if plans:
        console.print(f"Đã đối chiếu lại {len(plans)} kế hoạch với danh bạ:")
    for p in plans:
        names = len(p.unresolved_after)
        console.print(f"  kế hoạch {p.plan_id} ({p.source_name}): tên chưa xác định {len(p.unresolved_before)} → "
                      f"{names}, nghĩa vụ có hạn {p.obligations_before} → {p.obligations_after}", soft_wrap=True)
        for name in p.unresolved_after:
            console.print(f"    - {name}", soft_wrap=True)


@directory_app.command("export")
def export_cmd(
    file: Path | None = typer.Argument(None, help="Output file (default: YAML on standard output)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="xlsx, yaml or csv (default: from FILE's suffix)."),
) -> None:
    """Write the directory as .xlsx, .yaml or .csv (the format `directory import` reads)."""
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.directory.export import dump_directory, to_csv, to_yaml, write_directory
    from dondoc.errors import InputError

    settings = get_settings()
    engine = ready_engine(settings)
    with session_scope(engine) as session:
        data = dump_directory(session, settings=settings)
    if file is None:
        kind = (fmt or "yaml").lower()
        if kind == "xlsx":
            raise InputError("an .xlsx export needs an output FILE")
        if kind not in ("yaml", "yml", "csv"):
            raise InputError(f"unsupported format {kind!r}: use xlsx, yaml or csv")
        sys.stdout.write(to_csv(data) if kind == "csv" else to_yaml(data))
        return
    path = write_directory(data, file, fmt=fmt)
    typer.echo(f"{path}: {len(data.rows['units'])} đơn vị, {len(data.rows['officers'])} cán bộ, "
               f"{len(data.rows['contacts'])} liên hệ, {len(data.rows['aliases'])} tên gọi")


def load_plan(path: Path) -> dict[str, Any]:
    """A plan dict: `dondoc parse --json` output (or a gold annotation) as .json, else a plan document."""
    from dondoc.errors import PlanReadError

    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PlanReadError(f"not a JSON plan ({exc})", path=str(path)) from exc
        if not isinstance(data, dict) or "assignments" not in data:
            raise PlanReadError("a JSON plan needs an 'assignments' list", path=str(path))
        return data
    from dondoc.plans import parse_path

    return parse_path(path)


@directory_app.command("scaffold")
def scaffold_cmd(
    planfiles: list[Path] = typer.Argument(..., help="Plan documents (or their `dondoc parse --json` output)."),
    out: Path = typer.Option(..., "--out", "-o", help="The draft directory to write: .xlsx, .yaml or .csv."),
    as_json: bool = typer.Option(False, "--json", help="Print the proposed rows as JSON."),
) -> None:
    """Write the directory plus a draft unit or alias for every body the plans name that it does not know.

    Review the draft (names, kinds, parents), add officers and contacts, then `dondoc directory import` it.
    """
    from rich.console import Console
    from rich.table import Table

    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.directory.export import write_directory
    from dondoc.directory.scaffold import scaffold
    from dondoc.errors import InputError

    for path in planfiles:
        if not path.is_file():
            raise InputError("không có tệp này", path=str(path))
    plans = [(path.name, load_plan(path)) for path in planfiles]
    settings = get_settings()
    with session_scope(ready_engine(settings)) as session:
        draft = scaffold(session, settings=settings, plans=plans)
    written = write_directory(draft.data, out)
    if as_json:
        typer.echo(json.dumps({"file": str(written), "resolved": draft.resolved, "added": draft.added,
                               "vague": draft.vague}, ensure_ascii=False, indent=1))
        return
    console = Console(highlight=False, soft_wrap=True)
    if draft.added:
        table = Table("Loại", "Mã / tên gọi", "Tên", "Kiểu đơn vị", "Cấp trên", "Từ kế hoạch")
        for row in draft.added:
            if row["sheet"] == "units":
                table.add_row("đơn vị", row["code"], row["name"], row["kind"], row.get("parent") or "—", row["from"])
            else:
                target = row.get("unit") or f"nhóm: {row.get('kinds')}"
                table.add_row("tên gọi", row["alias"], target, "", "", row["from"])
        console.print(table)
    if draft.vague:
        console.print("Tên quá chung, không đề xuất đơn vị (nếu cần, thêm tên gọi trỏ tới đơn vị phù hợp):")
        for row in draft.vague:
            console.print(f"  - {row['name']}  ({row['from']})")
    units = sum(1 for r in draft.added if r["sheet"] == "units")
    console.print(f"{written}: {units} đơn vị và {len(draft.added) - units} tên gọi mới đề xuất; "
                  f"{draft.resolved} tên đã có trong danh bạ.")
    if draft.added:
        console.print("Kiểm tra tên, loại đơn vị và cấp trên; thêm cán bộ (Officers) và liên hệ (Contacts) cho "
                      f"các đơn vị mới, rồi chạy: dondoc directory import {written}")


@directory_app.command("check")
def check_cmd(
    planfile: Path = typer.Argument(..., help="A plan document (or its `dondoc parse --json` output)."),
    scope: str | None = typer.Option(None, "--scope", help="Issuing unit (code or name) when the plan does not say."),
    as_json: bool = typer.Option(False, "--json", help="Print every name's resolution as JSON."),
) -> None:
    """List the plan's body names that do not resolve to the directory, with the closest candidates.

    Exit status 1 when any name is unresolved, 0 when all resolve.
    """
    # Long on purpose: a command's options and their checks, then one call.
    from rich.console import Console
    from sqlmodel import select

    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.directory.names import plan_names
    from dondoc.directory.resolve import Resolver
    from dondoc.errors import InputError, NotFound
    from dondoc.models import Unit

    if not planfile.is_file():
        raise InputError("không có tệp này", path=str(planfile))
    plan = load_plan(planfile)
    settings = get_settings()
    with session_scope(ready_engine(settings)) as session:
        resolver = Resolver.from_session(session)
        owner = None
        if scope:
            unit = session.exec(select(Unit).where(Unit.code == scope)).first()
            if unit is not None:
                owner = unit.id
            else:
                res = resolver.resolve(scope)
                if len({t[0] for t in res.targets}) != 1:
                    raise NotFound(f"--scope {scope!r} is neither a unit code nor a single unit's name")
                owner = res.targets[0][0]
        resolver = resolver.for_plan(plan, owner=owner)
        units = {u.id: u for u in session.exec(select(Unit)).all()}
    names = plan_names(plan)
    results = [resolver.resolve(n) for n in names]
    unresolved = [r for r in results if not r.targets]
    scope_unit = units.get(resolver.scope) if resolver.scope else None
    if as_json:
        typer.echo(json.dumps({
            "plan": str(planfile), "scope": scope_unit.code if scope_unit else None,
            "names": len(results), "unresolved": len(unresolved),
            "results": [{"name": r.name, "method": r.method, "score": r.score, "note": r.note,
                         "targets": [{"unit": units[u].code, "officer": o} for u, o in r.targets],
                         "candidates": [{"name": c, "score": s} for c, s in r.candidates]} for r in results],
        }, ensure_ascii=False, indent=1))
    else:
        console = Console(highlight=False, soft_wrap=True)
        where = f"{scope_unit.name} ({scope_unit.code})" if scope_unit else "không xác định (dùng --scope)"
        console.print(f"[bold]{planfile.name}[/bold] — cơ quan ban hành: {where}")
        for r in unresolved:
            near = ", ".join(f"{c} ({s:.0f})" for c, s in r.candidates) or "không có"
            why = f" [{_note(r.note)}]" if r.note else ""
            console.print(f"  [red]không khớp[/red]: {r.name!r}{why}\n      gần nhất: {near}")
        console.print(f"{len(results) - len(unresolved)}/{len(results)} tên đã khớp, {len(unresolved)} không khớp")
    if unresolved:
        raise typer.Exit(1)


def _note(note: str) -> str:
    if note.startswith("ambiguous"):
        return "trùng tên ở nhiều đơn vị: cần biết cơ quan ban hành (--scope) hoặc thêm tên gọi"
    if "needs the plan's issuing unit" in note:
        return "tên tập thể: cần biết cơ quan ban hành (--scope)"
    if ": no unit of kind " in note:
        kinds, _, under = note.split(": no unit of kind ", 1)[1].partition(" under ")
        return f"tên tập thể: {under} không có đơn vị con loại {kinds}"
    if ": no superior of kind " in note:
        return f"tên tập thể: cơ quan ban hành không có cấp trên loại {note.rsplit(' ', 1)[-1]}"
    return note


@directory_app.command("bootstrap")
def bootstrap_cmd(
    province: str = typer.Option(..., "--province", "-p", help="Tỉnh, thành phố sau sắp xếp 2025, ví dụ \"Nghệ An\"."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
) -> None:
    """Create (or complete) a province's directory: People's Committee, departments, every commune and ward."""
    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.directory.bootstrap import run_bootstrap

    settings = get_settings()
    result = run_bootstrap(engine=ready_engine(settings), settings=settings, province=province, now=clock.now())
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    labels = {"province": "UBND tỉnh/thành phố", "office": "văn phòng", "department": "sở, ngành",
              "agency": "cơ quan khác", "public_service": "đơn vị sự nghiệp", "front": "MTTQ",
              "commune": "xã", "ward": "phường", "special_zone": "đặc khu"}
    counts = ", ".join(f"{labels.get(k, k)} {n}" for k, n in result.counts.items())
    console.print(f"[bold]{result.province}[/bold]: thêm {result.created}, sửa {result.updated}, giữ nguyên "
                  f"{result.unchanged} đơn vị; thêm {result.aliases_created} tên gọi tập thể ({counts})")
    print_reresolved(console, result.plans)


@directory_app.command("merge")
def merge_cmd(
    old: list[str] = typer.Argument(..., help="Mã (hoặc mã hành chính) các đơn vị cũ."),
    into: str = typer.Option(..., "--into", help="Mã đơn vị mới (hoặc đơn vị nhận sáp nhập)."),
    on: str = typer.Option(..., "--on", help="Ngày sáp nhập có hiệu lực: YYYY-MM-DD hoặc DD/MM/YYYY."),
    name: str | None = typer.Option(None, "--name", help="Tên đơn vị mới, khi danh bạ chưa có."),
    officers: str = typer.Option("transfer", "--officers",
                                 help="transfer (giữ đường dẫn cá nhân), reissue (cấp lại), retire (thôi)."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Merge units: open obligations move to the new unit, history stays, every stored plan resolved again."""
    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.directory.check import parse_day
    from dondoc.directory.merge import run_merge
    from dondoc.errors import InputError

    day = parse_day(on)
    if day is None:
        raise InputError(f"--on {on!r}: expected a date such as 2025-07-01 or 01/07/2025")
    settings = get_settings()
    result = run_merge(engine=ready_engine(settings), settings=settings, old=old, into=into, on=day,
                       now=clock.now(), officers=officers, name=name)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    mode = {"transfer": "chuyển sang, giữ đường dẫn", "reissue": "chuyển sang, cấp lại đường dẫn",
            "retire": "thôi, thu hồi đường dẫn"}[officers]
    console.print(f"Sáp nhập {', '.join(result.old)} vào {result.into} từ ngày {day:%d/%m/%Y}"
                  + (" (đơn vị mới)" if result.created_unit else "") + ":")
    console.print(f"  nhiệm vụ đang mở chuyển sang đơn vị mới: {result.moved}; trùng nhau, đóng để rà soát: "
                  f"{result.closed_duplicates}; lịch sử giữ ở đơn vị cũ: {result.kept}")
    console.print(f"  cán bộ: {sum(result.officers.values())} ({mode})")
    print_reresolved(console, result.plans)


def register(app: typer.Typer) -> None:
    app.add_typer(directory_app, name="directory")
