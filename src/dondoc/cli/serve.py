"""`dondoc serve [--pool NAME]`: register the Prefect deployments (schedules in Asia/Ho_Chi_Minh) and run them.

Against PREFECT_API_URL when it is set; otherwise against a local Prefect server that this command
starts (PREFECT_HOME and its SQLite database in dondoc's data folder) and stops on exit.
"""

from __future__ import annotations

import os

import typer


def serve(
    pool: str | None = typer.Option(None, "--pool", help="Deploy to this process work pool (created if missing) "
                                    "for `prefect worker start --pool NAME` instead of running flows here."),
    port: int | None = typer.Option(None, "--port", help="Port of the local Prefect server (default: DONDOC_PREFECT_PORT)."),
    limit: int | None = typer.Option(None, "--limit", help="Most flow runs at once in this process."),
    check: bool = typer.Option(False, "--check", help="Register the deployments, print their next runs, and exit."),
    wait: float = typer.Option(0.0, "--wait", help="With --check: seconds to wait for the server's scheduler."),
) -> None:
    """Chạy lịch đôn đốc tự động — run the daily follow-up and report compilation on schedule (Prefect)."""
    from rich.console import Console

    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.flows.server import LocalPrefectServer

    console = Console()
    settings = get_settings()
    ready_engine(settings)  # dondoc's own database, created or upgraded before any flow runs
    server: LocalPrefectServer | None = None
    api_url = os.environ.get("PREFECT_API_URL")
    if not api_url:
        server = LocalPrefectServer(home=settings.home / "prefect", port=port or settings.prefect_port)
        console.print(f"starting a local Prefect server ({server.home}) ...")
        server.start()
        api_url = server.api_url
        verb = "reusing" if server.reused else f"ready in {server.ready_seconds:.1f} s:"
        console.print(f"Prefect server {verb} {api_url.removesuffix('/api')}")
    try:
        _run(api_url, pool=pool, limit=limit, check=check, wait=wait, console=console, keep_server=server is not None)
    finally:
        if server is not None:
            server.stop()


def _run(api_url: str, *, pool: str | None, limit: int | None, check: bool, wait: float, console: object,
         keep_server: bool) -> None:
    import time

    from dondoc.flows.server import prefect_api

    with prefect_api(api_url):
        if pool:
            from dondoc.flows.pool import deploy_to_pool

            ids = deploy_to_pool(pool)
            console.print(f"{len(ids)} deployments in work pool {pool!r}; start workers with:\n"  # type: ignore[attr-defined]
                          f"  PREFECT_API_URL={api_url} prefect worker start --pool {pool}")
            if check:
                _print_next_runs(console, wait)
            elif keep_server:
                console.print("serving the Prefect API for the workers; Ctrl-C stops it")  # type: ignore[attr-defined]
                while True:
                    time.sleep(3600)
            return
        if check:
            from dondoc.flows.deployments import deployments

            for d in deployments():
                d.apply()
            _print_next_runs(console, wait)
            return
        from prefect import serve as prefect_serve

        from dondoc.flows.deployments import deployments

        prefect_serve(*deployments(), limit=limit, print_starting_message=True)


def next_runs(*, wait: float = 0.0) -> list[tuple[str, list[str], list[str], bool]]:
    """(deployment, crons, next start times in Vietnam, scheduled by the server?) for each deployment.

    The server's scheduler creates runs on its own loop (60 s by default); until it has, the times
    are computed from the schedules and the flag is False.
    """
    import asyncio
    import time

    import pendulum

    from dondoc.clock import TZ

    async def fetch() -> list[tuple[str, list[str], list[str], bool]]:
        from prefect.client.orchestration import get_client
        from prefect.client.schemas.sorting import DeploymentSort
        from prefect.server.schemas.schedules import CronSchedule

        out = []
        async with get_client() as client:
            for d in await client.read_deployments(limit=50, sort=DeploymentSort.NAME_ASC):
                crons = [str(getattr(s.schedule, "cron", s.schedule)) for s in d.schedules]
                runs = await client.get_scheduled_flow_runs_for_deployments([d.id], limit=3) if crons else []
                times = sorted(r.next_scheduled_start_time or r.expected_start_time for r in runs)
                from_server = bool(times)
                if crons and not times:
                    sched = CronSchedule(cron=d.schedules[0].schedule.cron, timezone=TZ)
                    times = list(await sched.get_dates(3))
                out.append((d.name, crons, [pendulum.instance(t).in_timezone(TZ).isoformat() for t in times[:3]],
                            from_server))
        return out

    deadline = time.monotonic() + wait
    while True:
        result = asyncio.run(fetch())
        if all(srv or not crons for _, crons, _, srv in result) or time.monotonic() >= deadline:
            return result
        time.sleep(1.0)


def _print_next_runs(console: object, wait: float = 0.0) -> None:
    for name, crons, times, from_server in next_runs(wait=wait):
        how = "scheduled" if from_server else "computed"
        when = " | ".join(times) if times else "-"
        console.print(f"{name}: {', '.join(crons) or 'on demand'} -> {when}"  # type: ignore[attr-defined]
                      + (f" ({how})" if crons else ""))


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
