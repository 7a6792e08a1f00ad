"""Plan import as a task."""

from __future__ import annotations

from typing import Any

from prefect import task

from dondoc.tasks import _context as ctx


@task(name="import-plan")  # not retried: a bad file fails the same way twice
def import_plan_file(path: str, at: str, year: int | None = None, owner: str | None = None,
                     activate: bool = False) -> dict[str, Any]:
    from dondoc.intake.importer import import_plan

    result = import_plan(engine=ctx.engine(), settings=ctx.settings(), path=path, year=year, owner=owner,
                         now=ctx.instant(at), activate=activate)
    return result.as_dict()
