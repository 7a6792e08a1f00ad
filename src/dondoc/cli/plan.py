"""`dondoc plan import|list|show|export|delete`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

plan_app = typer.Typer(help="Kế hoạch — import, list, show and export plans.", no_args_is_help=True)


@plan_app.command("import")
def plan_import(
    files: list[Path] = typer.Argument(..., help="Plan document(s) (.txt .md .docx .pdf) or corrected exports (.yaml .xlsx)"),
    year: Optional[int] = typer.Option(None, "--year", help="The plan's first year when the document does not say"),
    owner: Optional[str] = typer.Option(None, "--owner", help="Unit (code or name) that takes tasks naming no body"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per plan"),
    activate: bool = typer.Option(False, "--activate",
                                  help="Activate at once (scripted imports): units are told of their tasks and "
                                       "reminders start. Without it the plan is a draft to review first."),
) -> None:
    """Parse, resolve and store plan(s) as drafts (nothing is sent before `plan activate`). Each file is one
    transaction; re-importing is a no-op; a corrected export updates its plan in place."""
    from rich.console import Console

    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.intake.importer import import_plan

    settings = get_settings()
    engine = ready_engine(settings)
    console = Console()
    from dondoc.cli._progress import progress_bar

    for n, path in enumerate(files, 1):
        # Several files: say which one of how many is being read.
        label = f"Đang nhập {path.name}" + (f" ({n}/{len(files)})" if len(files) > 1 else "")
        with progress_bar(label, total=None, enabled=not as_json):
            result = import_plan(engine=engine, settings=settings, path=path, year=year, owner=owner, now=clock.now(),
                                 activate=activate)
        if as_json:
            typer.echo(json.dumps(result.as_dict(), ensure_ascii=False))
            continue
        verb = {"created": "đã nhập", "updated": "đã cập nhật", "unchanged": "không đổi (cùng tệp)"}[result.status]
        console.print(f"[bold]{result.plan_id}[/bold]\t{path.name}: {verb}; {result.assignments} nhiệm vụ, "
                      f"{result.reports} báo cáo, {result.targets} chỉ tiêu, {result.obligations} nghĩa vụ có hạn"
                      + (f", [yellow]{len(result.unresolved)} tên chưa xác định[/yellow]" if result.unresolved else "")
                      + (f", {result.needs_review} nhiệm vụ cần xem lại" if result.needs_review else ""))
        if result.unresolved:
            console.print("  [yellow]Chưa gắn được với đơn vị nào trong danh bạ:[/yellow]")
            for name in result.unresolved:
                console.print(f"    - {name}", soft_wrap=True)
            console.print(f"  Xem gợi ý và thêm tên gọi khác (alias): dondoc directory check {path}", soft_wrap=True)
        for warning in result.warnings:
            console.print(f"  [yellow]cảnh báo:[/yellow] {warning}", soft_wrap=True)
        if result.state == "draft":
            console.print(f"  Dự thảo: chưa giao việc, chưa nhắc. Xem lại rồi kích hoạt: dondoc plan activate "
                          f"{result.plan_id}", soft_wrap=True)


@plan_app.command("activate")
def plan_activate(
    plan_id: int = typer.Argument(..., help="Id of a draft plan (`dondoc plan list`)"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Ban hành theo dõi: create the draft's obligations and send each unit its assignment notice."""
    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.intake.lifecycle import activate_plan

    settings = get_settings()
    with session_scope(ready_engine(settings)) as session:
        done = activate_plan(session, plan_id=plan_id, settings=settings, now=clock.now())
    if as_json:
        typer.echo(json.dumps(done.as_dict(), ensure_ascii=False))
        return
    typer.echo(f"Kế hoạch {plan_id}: đang theo dõi; {done.obligations} nghĩa vụ có hạn; thông báo giao việc cho "
               f"{done.officers} cán bộ (gửi trong lượt gửi tiếp theo: dondoc notify send).")


@plan_app.command("close")
def plan_close(plan_id: int = typer.Argument(..., help="Id of an active plan")) -> None:
    """Kết thúc theo dõi: open obligations are closed; nothing more is sent for the plan."""
    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.intake.lifecycle import close_plan

    settings = get_settings()
    with session_scope(ready_engine(settings)) as session:
        close_plan(session, plan_id=plan_id, now=clock.now())
    typer.echo(f"Kế hoạch {plan_id}: đã kết thúc theo dõi.")


@plan_app.command("resolve")
def plan_resolve(
    plan_ids: Optional[list[int]] = typer.Argument(None, help="Plan id(s); all plans when none is given"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per plan"),
) -> None:
    """Resolve stored plans again against the directory (done by itself after `directory import`)."""
    from rich.console import Console

    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.cli._progress import progress_bar
    from dondoc.cli.directory import print_reresolved
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.intake.reresolve import reresolve_plans

    settings = get_settings()
    which = "các kế hoạch " + ", ".join(map(str, plan_ids)) if plan_ids else "mọi kế hoạch đã lưu"
    with progress_bar(f"Đang xác định lại đơn vị của {which} theo danh bạ", total=None, enabled=not as_json), \
            session_scope(ready_engine(settings)) as session:
        done = reresolve_plans(session, settings=settings, now=clock.now(), plan_ids=plan_ids or None)
    if as_json:
        for item in done:
            typer.echo(json.dumps(item.as_dict(), ensure_ascii=False))
        return
    print_reresolved(Console(), done)


@plan_app.command("list")
def plan_list(as_json: bool = typer.Option(False, "--json")) -> None:
    """Plans with their counts."""
    from rich.console import Console
    from rich.table import Table

    from dondoc.cli._common import ready_engine
    from dondoc.intake.lifecycle import STATE_LABELS
    from dondoc.intake.query import plan_summaries

    rows = plan_summaries(ready_engine())
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table("ID", "Trạng thái", "Số", "Tên kế hoạch", "Năm", "Nhiệm vụ", "Nghĩa vụ", "Chưa xác định", "Cần xem lại")
    for r in rows:
        table.add_row(str(r["id"]), STATE_LABELS.get(r["state"], r["state"]), r["number"] or "(không ghi số)", r["title"][:70], str(r["year"]), str(r["assignments"]),
                      str(r["obligations"]), str(r["unresolved"]), str(r["needs_review"]))
    Console().print(table)


@plan_app.command("show")
def plan_show(plan_id: int, as_json: bool = typer.Option(False, "--json")) -> None:
    """One plan: header, assignments with resolved units, reports, targets, obligations by status."""
    from rich.console import Console
    from rich.table import Table

    from dondoc.cli._common import ready_engine
    from dondoc.intake.query import plan_detail
    from dondoc.models.vocabulary import STATUS_LABELS

    d = plan_detail(ready_engine(), plan_id)
    if as_json:
        typer.echo(json.dumps(d, ensure_ascii=False, indent=1, default=str))
        return
    c = Console()
    p = d["plan"]
    c.print(f"[bold]{p['number'] or '(chưa có số)'}[/bold] — {p['title']}\n{p['issuer'] or ''} · năm {p['year']} · "
            f"đầu mối: {d['focal_unit'] or '—'}")
    t = Table("Mục", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Đơn vị", title="Nhiệm vụ")
    for a in d["assignments"]:
        t.add_row(a["ref"], a["text"][:60], "; ".join(a["lead"]) or "[yellow](chưa rõ)[/yellow]",
                  "; ".join(a["support"])[:40], (a["timing"] or {}).get("text") or "—",
                  ", ".join(a["units"]) + (" [yellow]⚑[/yellow]" if a["needs_review"] else ""))
    c.print(t)
    for r in d["reports"]:
        c.print(f"Báo cáo {r['ref']}: {'tổng hợp ' if r['compiles'] else ''}{'; '.join(r['from'])} → "
                f"{'; '.join(r['to'])} ({(r['timing'] or {}).get('text') or '—'})")
    c.print("Nghĩa vụ theo trạng thái: " + (", ".join(f"{STATUS_LABELS.get(k, k)} {n}"
                                                     for k, n in d["obligations_by_status"].items()) or "chưa có"))
    u = d["undated"]
    c.print(f"Nhiệm vụ không có thời hạn ({u['undated_tasks']} không ghi thời gian, {u['continuous_tasks']} thường "
            f"xuyên): [bold]{u['policy']}[/bold] — {u['label']}. Đổi: dondoc plan policy {p['id']} --undated "
            f"track|default_date", soft_wrap=True)


@plan_app.command("policy")
def plan_policy_cmd(
    plan_id: int,
    undated: Optional[str] = typer.Option(None, "--undated", help="Nhiệm vụ không có thời hạn: track (theo dõi bằng "
                                          "cập nhật tình hình, không tính quá hạn) hoặc default_date (lấy ngày báo "
                                          "cáo định kỳ làm thời hạn)"),
) -> None:
    """Xem hoặc đổi chính sách theo dõi của một kế hoạch (nhiệm vụ không có thời hạn); các nghĩa vụ được tính lại,
    tình trạng đã báo cáo được giữ nguyên."""
    from dondoc import clock
    from dondoc.calendar.policy import UNDATED
    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.errors import InputError, NotFound
    from dondoc.intake.obligations import plan_policy, sync_plan
    from dondoc.models import Plan

    settings = get_settings()
    with session_scope(ready_engine(settings)) as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"không có kế hoạch số {plan_id} (xem `dondoc plan list`)")
        if undated is not None:
            if undated not in UNDATED:
                raise InputError(f"--undated nhận một trong: {', '.join(UNDATED)}; nhận được {undated!r}")
            plan.policy = {**(plan.policy or {}), "undated": undated}
            s.add(plan)
            s.flush()
            changed = sync_plan(s, plan=plan, settings=settings, now=clock.now())
            typer.echo(f"Đã đổi; nghĩa vụ: thêm {changed['obligations_created']}, cập nhật "
                       f"{changed['obligations_updated']}, bỏ {changed['obligations_retired'] + changed['obligations_deleted']}")
        policy = plan_policy(plan, settings)
        typer.echo(f"Nhiệm vụ không có thời hạn: {policy.undated} — {policy.undated_label}")


@plan_app.command("export")
def plan_export_cmd(
    plan_id: int,
    fmt: str = typer.Option("yaml", "--format", help="yaml or xlsx"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (default: plan-ID.FORMAT)"),
) -> None:
    """Write the plan as a file a person can correct and re-import with `dondoc plan import`."""
    from dondoc.cli._common import ready_engine
    from dondoc.db import session_scope
    from dondoc.errors import InputError
    from dondoc.intake import export as plan_export

    if fmt not in ("yaml", "xlsx"):
        raise InputError(f"--format must be yaml or xlsx, not {fmt!r}")
    out = out or Path(f"plan-{plan_id}.{fmt}")
    with session_scope(ready_engine()) as session:
        data = plan_export.plan_dict(session, plan_id)
    (plan_export.write_yaml if fmt == "yaml" else plan_export.write_xlsx)(data, out)
    typer.echo(str(out))


@plan_app.command("delete")
def plan_delete(plan_id: int, yes: bool = typer.Option(False, "--yes", help="Do not ask")) -> None:
    """Remove a plan with its obligations, statuses and messages."""
    from dondoc.cli._common import ready_engine
    from dondoc.db import session_scope
    from dondoc.errors import NotFound
    from dondoc.intake.obligations import delete_plan
    from dondoc.models import Plan

    with session_scope(ready_engine()) as session:
        if session.get(Plan, plan_id) is None:
            raise NotFound(f"no plan with id {plan_id}")
        if not yes and not typer.confirm(f"Delete plan {plan_id} and everything under it?"):
            raise typer.Exit(1)
        delete_plan(session, plan_id=plan_id)
    typer.echo(f"deleted plan {plan_id}")


def register(app: typer.Typer) -> None:
    app.add_typer(plan_app, name="plan")
