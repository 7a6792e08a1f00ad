"""`dondoc web` (serve the web app), `dondoc links` (personal links) and `dondoc links revoke`."""

from __future__ import annotations

import json

import typer

links_app = typer.Typer(help="Liên kết cá nhân — personal links officers open to report status.",
                        invoke_without_command=True)


def web(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, help="Worker processes (uvicorn)."),
) -> None:
    """Serve the officers' pages, the focal point's page, the dashboard and the JSON API."""
    import uvicorn

    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings

    ready_engine(get_settings())  # create or upgrade the schema once, before the workers start
    typer.echo(f"dondoc web: http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
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
    from rich.console import Console
    from rich.table import Table
    from sqlmodel import select

    from dondoc import clock
    from dondoc.cli._common import ready_engine
    from dondoc.collect.access import focal_unit_id
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
        found = s.exec(stmt.order_by(Unit.name, Officer.name)).all()
        if rotate:
            from dondoc.collect.links import revoke_all
            from dondoc.models import AuditEvent

            n = revoke_all(s, now=now, officer_ids=[o.id for o, _ in found] if plan is not None else None)
            s.add(AuditEvent(at=now, actor="cli", via="cli", action="links.rotate", entity="plan" if plan else "all",
                             entity_id=plan, before={}, after={"revoked": n}))
        for officer, unit in found:
            out.append({"officer": officer.name, "code": officer.code, "unit": unit.name,
                        "url": link_for(s, officer_id=officer.id, settings=settings, now=now)})  # type: ignore[arg-type]
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    table = Table("Cán bộ", "Đơn vị", "Liên kết")
    for row in out:
        table.add_row(f"{row['officer']} ({row['code']})", row["unit"], row["url"])
    Console().print(table)


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
