"""`dondoc web` (serve the web app), `dondoc links` (personal links) and `dondoc links revoke`."""

from __future__ import annotations

import json

import typer

links_app = typer.Typer(help="Liên kết cá nhân — personal links officers open to report status.",
                        invoke_without_command=True)


def web(
    host: str = typer.Option("127.0.0.1", help="Địa chỉ lắng nghe — address to listen on."),
    port: int = typer.Option(8000, help="Cổng — port to listen on."),
    workers: int = typer.Option(1, min=1, help="Số tiến trình phục vụ — worker processes (uvicorn)."),
) -> None:
    """Chạy trang web: trang của cán bộ, trang đầu mối, bảng tổng quan và API JSON.
    Serve the officers' pages, the focal point's page, the dashboard and the JSON API."""
    import uvicorn

    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings

    ready_engine(get_settings())  # create or upgrade the schema once, before the workers start
    typer.echo(f"dondoc web: http://{host}:{port}/  (tài liệu API: http://{host}:{port}/docs); mở liên kết cá nhân "
               "từ `dondoc links` (dòng có dấu ★ là của cán bộ đầu mối: trang theo dõi và bảng tổng quan)")
    uvicorn.run("dondoc.web.app:create_app_from_env", factory=True, host=host, port=port, workers=workers,
                proxy_headers=True, log_level="warning", access_log=False)


@links_app.callback()
def links(
    ctx: typer.Context,
    plan: int | None = typer.Option(None, "--plan", help="Only officers of units with obligations in this plan."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON: [{officer, unit, url}]."),
    rotate: bool = typer.Option(False, "--rotate", help="Revoke the listed officers' links first: every "
                                "one gets a new link (after a leak)."),
) -> None:
    """List each active officer's personal link (creating one where none is live)."""
    if ctx.invoked_subcommand is not None:
        return
    from sqlmodel import select

    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.collect.access import FOCAL_ROLES, focal_unit_id
    from dondoc.collect.links import link_for
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.errors import NotFound
    from dondoc.models import Obligation, Officer, Plan, Unit

    settings = get_settings()
    engine = ready_engine(settings)
    now = clock.now()
    out = []
    with session_scope(engine) as s:
        stmt = select(Officer, Unit).join(Unit, Unit.id == Officer.unit_id).where(Officer.active == True)
        if plan is not None:
            p = s.get(Plan, plan)
            if p is None:
                raise NotFound(f"no plan with id {plan} (see `dondoc plan list`)")
            unit_ids = set(s.exec(select(Obligation.unit_id).where(Obligation.plan_id == plan).distinct()).all())
            unit_ids |= {u for u in (focal_unit_id(p), p.issuer_unit_id) if u is not None}
            stmt = stmt.where(Officer.unit_id.in_(unit_ids))  # type: ignore[attr-defined]
        plans = [s.get(Plan, plan)] if plan is not None else list(s.exec(select(Plan)).all())
        focal_plans: dict[int, list[int]] = {}
        for p in plans:
            if p is not None and focal_unit_id(p) is not None:
                focal_plans.setdefault(focal_unit_id(p), []).append(p.id)  # type: ignore[arg-type]
        found = s.exec(stmt.order_by(Unit.name, Officer.name)).all()
        if rotate:
            from dondoc.collect.links import revoke_all
            from dondoc.models import AuditEvent

            n = revoke_all(s, now=now, officer_ids=[o.id for o, _ in found] if plan is not None else None)
            s.add(AuditEvent(at=now, actor="cli", via="cli", action="links.rotate", entity="plan" if plan else "all",
                             entity_id=plan, before={}, after={"revoked": n}))
        for officer, unit in found:
            focal_of = focal_plans.get(unit.id, []) if officer.role in FOCAL_ROLES else []  # type: ignore[arg-type]
            out.append({"officer": officer.name, "code": officer.code, "unit": unit.name,
                        "url": link_for(s, officer_id=officer.id, settings=settings, now=now),  # type: ignore[arg-type]
                        "focal_of": focal_of})
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    print_links(out)


def print_links(out: list[dict]) -> None:
    """Full URLs, never cut: one line per officer when piped; on a terminal, each officer on one line and the
    URL alone on the next (a table column would truncate it). ★ marks the focal officer's link (dashboard)."""
    for row in sorted(out, key=lambda r: (not r["focal_of"], r["unit"], r["officer"])):
        star = "★ " if row["focal_of"] else "  "
        note = (" — đầu mối kế hoạch " + ", ".join(str(p) for p in row["focal_of"]) + ": trang theo dõi và bảng tổng quan"
                if row["focal_of"] else "")
        typer.echo(f"{star}{row['officer']} ({row['code']}), {row['unit']}{note}\n    {row['url']}")


@links_app.command("revoke")
def revoke(officer: str = typer.Argument(..., help="Officer code (or numeric id).")) -> None:
    """Revoke an officer's personal links; the next reminder carries a new one."""
    from sqlmodel import select

    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.collect import links as links_service
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.errors import NotFound
    from dondoc.models import AuditEvent, Officer

    engine = ready_engine(get_settings())
    now = clock.now()
    with session_scope(engine) as s:
        row = s.exec(select(Officer).where(Officer.code == officer)).first()
        if row is None and officer.isdigit():
            row = s.get(Officer, int(officer))
        if row is None:
            raise NotFound(f"no officer with code or id {officer!r} (see `dondoc links`)")
        n = links_service.revoke(s, officer_id=row.id, now=now)  # type: ignore[arg-type]
        s.add(AuditEvent(at=now, actor="cli", via="cli", action="links.revoke", entity="officer", entity_id=row.id,
                         before={}, after={"revoked": n}))
    typer.echo(f"revoked {n} link(s) of {row.name} ({row.code})")


def register(app: typer.Typer) -> None:
    app.command("web")(web)
    app.add_typer(links_app, name="links")
