"""Deploy dondoc's flows to a process work pool (workers run them: `prefect worker start --pool NAME`)."""

from __future__ import annotations

from typing import Any


async def ensure_process_pool(name: str, *, concurrency_limit: int | None = None) -> Any:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectNotFound
    from prefect.workers.process import ProcessWorker

    async with get_client() as client:
        try:
            return await client.read_work_pool(name)
        except ObjectNotFound:
            return await client.create_work_pool(
                WorkPoolCreate(name=name, type="process", concurrency_limit=concurrency_limit,
                               base_job_template=ProcessWorker.get_default_base_job_template(),
                               description="dondoc: đôn đốc thực hiện kế hoạch"))


def deploy_to_pool(name: str, *, concurrency_limit: int | None = None) -> list[Any]:
    """Create the pool when missing and register every deployment in it. Returns deployment ids."""
    import asyncio

    from prefect.deployments.runner import deploy

    from dondoc.flows.deployments import deployments

    async def prepare() -> None:
        await ensure_process_pool(name, concurrency_limit=concurrency_limit)
        await ensure_crash_automation()

    asyncio.run(prepare())
    return list(deploy(*deployments(for_pool=True), work_pool_name=name, build=False, push=False,
                       print_next_steps_message=False, ignore_warnings=True))


CRASH_AUTOMATION = "dondoc: crash flow runs without heartbeats"


async def ensure_crash_automation(*, within_seconds: int = 75) -> Any:
    """Mark a flow run CRASHED when its heartbeats stop (the process died: kill -9, OOM, power loss).

    Without it such a run stays RUNNING forever. Workers must send heartbeats:
    PREFECT_FLOWS_HEARTBEAT_FREQUENCY=30 (deploy/dondoc.env) against a 75 s window.
    """
    from datetime import timedelta

    from prefect.automations import Automation
    from prefect.client.schemas.objects import StateType
    from prefect.events.actions import ChangeFlowRunState
    from prefect.events.schemas.automations import EventTrigger, Posture
    from prefect.events.schemas.events import ResourceSpecification

    try:
        return await Automation.aread(name=CRASH_AUTOMATION)
    except ValueError:
        pass
    automation = Automation(
        name=CRASH_AUTOMATION,
        description="A flow run whose process stopped sending heartbeats is marked crashed; the next "
                    "scheduled run resumes its work from dondoc's database.",
        trigger=EventTrigger(
            after={"prefect.flow-run.heartbeat"},
            expect={"prefect.flow-run.heartbeat", "prefect.flow-run.Completed", "prefect.flow-run.Failed",
                    "prefect.flow-run.Cancelled", "prefect.flow-run.Crashed"},
            match=ResourceSpecification({"prefect.resource.id": ["prefect.flow-run.*"]}),
            for_each={"prefect.resource.id"},
            posture=Posture.Proactive,
            threshold=1,
            within=timedelta(seconds=within_seconds),
        ),
        actions=[ChangeFlowRunState(state=StateType.CRASHED,
                                    message="Flow run marked as crashed: no heartbeat (process died).")],
    )
    return await automation.acreate()
