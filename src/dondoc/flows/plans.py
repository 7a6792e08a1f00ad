"""Plan import as a flow (for an upload handled by a worker)."""

from __future__ import annotations

from typing import Any

from prefect import flow

from dondoc.tasks import _context as ctx
from dondoc.tasks.plans import import_plan_file


@flow(name="import-plan")
def import_plan(path: str, year: int | None = None, owner: str | None = None,
                activate: bool = False) -> dict[str, Any]:
    """A draft unless `activate` (then units are told of their tasks at once)."""
    return import_plan_file(path, ctx.iso(ctx.instant(None)), year, owner, activate)
