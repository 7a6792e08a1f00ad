"""Province scale: the daily sweep spread over several workers of a process work pool.

`daily_province` (deployment 'daily-province') splits the plans into weight-balanced batches and starts
one `daily-followup` run per batch (decide + compile that batch's reports, no delivery), waits for them,
then starts `deliver-pending` runs that send side by side. Every run is idempotent: Notices and Messages
have unique keys, messages are claimed with a lease, and child runs carry an idempotency key, so a
crashed parent that is run again creates no duplicate children and sends nothing twice.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger

from dondoc.tasks import _context as ctx
from dondoc.tasks.followup import compose_messages, deliver_messages, may_deliver, working_day
from dondoc.tasks.province import plan_batches

BATCH_DEPLOYMENT = "daily-followup/daily-batch"
DELIVERY_DEPLOYMENT = "deliver-pending/deliver"


@flow(name="deliver-pending")
def deliver_pending(at: str | None = None, compose: bool = True) -> dict[str, Any]:
    """Compose today's digests and send what is pending; also resumes what a crashed run left."""
    from prefect.runtime import flow_run

    at_iso = ctx.iso(ctx.instant(at))
    if not working_day(at_iso) or not may_deliver(at_iso):
        return {"at": at_iso, "delivery": None}
    composed = compose_messages(at_iso) if compose else None
    import socket

    from dondoc.config import get_settings

    # which worker sent it (Message.claimed_by): the worker's name, else the host, plus the run
    worker = f"{get_settings().worker_name or socket.gethostname()}:{flow_run.get_id() or 'local'}"
    return {"at": at_iso, "composed": composed, "delivery": deliver_messages(at_iso, worker)}


@flow(name="daily-province")
def daily_province(at: str | None = None, batches: int = 2, senders: int = 2, timeout: float = 3600) -> dict[str, Any]:
    from prefect.deployments import run_deployment
    from prefect.runtime import flow_run

    log = get_run_logger()
    at_iso = ctx.iso(ctx.instant(at))
    summary: dict[str, Any] = {"at": at_iso}
    if not working_day(at_iso):
        log.info("%s: not a working day", at_iso)
        return summary
    parent = flow_run.get_id() or "local"
    groups = plan_batches(batches)
    children = _start_and_wait(run_deployment, BATCH_DEPLOYMENT, [
        ({"at": at_iso, "plan_ids": g, "deliver": False}, f"{parent}:batch:{i}") for i, g in enumerate(groups)],
        timeout)
    summary["batches"] = [{"plans": len(g), "state": s} for g, s in zip(groups, children, strict=False)]
    if may_deliver(at_iso):
        summary["composed"] = compose_messages(at_iso)
        summary["senders"] = _start_and_wait(run_deployment, DELIVERY_DEPLOYMENT, [
            ({"at": at_iso, "compose": False}, f"{parent}:send:{i}") for i in range(max(1, senders))], timeout)
    failed = [s for s in summary["batches"] if s["state"] != "COMPLETED"]
    if failed:
        raise RuntimeError(f"{len(failed)} batch run(s) did not complete: {failed}")
    return summary


def _start_and_wait(run_deployment: Any, name: str, specs: list[tuple[dict[str, Any], str]],
                    timeout: float) -> list[str]:
    """Start every child run at once (timeout=0), then wait for all; returns their final state types."""
    import time

    from prefect.client.orchestration import get_client

    runs = [run_deployment(name, parameters=params, timeout=0, idempotency_key=key) for params, key in specs]
    deadline = time.monotonic() + timeout
    states: dict[Any, str] = {}
    with get_client(sync_client=True) as client:
        while len(states) < len(runs) and time.monotonic() < deadline:
            for r in runs:
                if r.id in states:
                    continue
                state = client.read_flow_run(r.id).state
                if state is not None and state.is_final():
                    states[r.id] = str(state.type.value)
            if len(states) < len(runs):
                time.sleep(1.0)
    return [states.get(r.id, "TIMEOUT") for r in runs]
