"""Splitting a province's sweep across workers: plans in batches of similar weight."""

from __future__ import annotations

import heapq

from prefect import task

from dondoc.tasks import _context as ctx


def balanced_batches(weights: dict[int, int], n: int) -> list[list[int]]:
    """Plans in at most `n` batches of near-equal total weight (greedy, heaviest first); no empty batch."""
    n = max(1, min(n, len(weights)))
    heap: list[tuple[int, int]] = [(0, i) for i in range(n)]
    batches: list[list[int]] = [[] for _ in range(n)]
    for plan_id, weight in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
        total, i = heapq.heappop(heap)
        batches[i].append(plan_id)
        heapq.heappush(heap, (total + max(weight, 1), i))
    return [sorted(b) for b in batches if b]


@task(name="plan-batches", retries=2, retry_delay_seconds=[5, 30])
def plan_batches(n: int) -> list[list[int]]:
    """Every plan, weighted by its open obligations, in `n` batches."""
    from sqlalchemy import func
    from sqlmodel import col, select

    from dondoc.db import session_scope
    from dondoc.models import Obligation, Plan

    with session_scope(ctx.engine()) as session:
        weights = {int(pid): 0 for pid in session.exec(select(Plan.id)).all()}
        rows = session.exec(select(Obligation.plan_id, func.count()).where(col(Obligation.closed).is_(False))
                            .group_by(Obligation.plan_id)).all()
    weights.update({int(pid): int(n_open) for pid, n_open in rows})
    return balanced_batches(weights, n)
