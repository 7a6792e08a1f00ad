"""The deployments `dondoc serve` registers, with schedules in Asia/Ho_Chi_Minh."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from dondoc.clock import TZ

DAILY_CRON = "0 8 * * *"  # every day at 08:00: the sweep itself skips non-working days
COMPILE_CRON = "30 7 * * *"  # the compile check, before the 08:00 delivery picks up its messages
RESUME_CRON = "0 10-17 * * 1-5"  # hourly through office hours: resumes deliveries a crashed run left


@dataclass(frozen=True)
class Spec:
    name: str
    flow: str  # attribute of dondoc.flows
    cron: str | None
    description: str
    parameters: dict[str, Any] | None = None


SPECS = (
    Spec("daily", "daily_followup", DAILY_CRON, "Đôn đốc hằng ngày: nhắc hạn, báo cáo quá hạn, gửi tin."),
    Spec("compile-check", "compile_due", COMPILE_CRON, "Tổng hợp các báo cáo đến hạn."),
    Spec("deliver", "deliver_pending", RESUME_CRON, "Gửi các tin còn chờ (kể cả của lượt chạy bị gián đoạn)."),
    Spec("compile-report", "compile_report", None, "Tổng hợp báo cáo của một kế hoạch (chạy theo yêu cầu)."),
    Spec("import-plan", "import_plan", None, "Nhập một kế hoạch (chạy theo yêu cầu)."),
)


# With a work pool, the province mode: a parent run fans the sweep out to the workers.
POOL_SPECS = (
    Spec("daily-province", "daily_province", DAILY_CRON, "Đôn đốc hằng ngày cấp tỉnh: chia theo lô kế hoạch."),
    Spec("daily-batch", "daily_followup", None, "Một lô kế hoạch của lượt đôn đốc hằng ngày."),
)


def deployments(*, for_pool: bool = False, tags: list[str] | None = None) -> list[Any]:
    """RunnerDeployments for `prefect.serve` or, `for_pool`, for `prefect.deploy` to a process work pool
    (entrypoints as module paths, so a worker imports them from the installed package)."""
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from dondoc import flows

    specs = SPECS
    if for_pool:  # the daily sweep fans out; the plain 'daily' deployment stays for one-worker sites
        specs = (*POOL_SPECS, *(replace(s, cron=None) if s.name == "daily" else s for s in SPECS))
    out = []
    for spec in specs:
        fl = getattr(flows, spec.flow)
        kwargs: dict[str, Any] = {
            "description": spec.description,
            "tags": ["dondoc", *(tags or [])],
            "parameters": spec.parameters or {},
        }
        if spec.cron:
            kwargs["schedules"] = [Cron(spec.cron, timezone=TZ)]
        if for_pool:
            kwargs["entrypoint_type"] = EntrypointType.MODULE_PATH
        out.append(fl.to_deployment(spec.name, **kwargs))
    return out
