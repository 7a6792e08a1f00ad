"""The ledger page's CPU in its handler, one request at a time: the app called through httpx's ASGI
transport in this thread, with FastAPI's threadpool bypassed so that process_time sees the handler
(session, queries, rows, template) and nothing of the client's threads. Best of `repeat` per filter."""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any


def handler_cpu(app: Any, cookies: dict[str, str], filters: list[str], repeat: int = 3) -> tuple[dict[str, float], float]:
    """{filter: CPU ms} and the SQL statements per page."""
    import fastapi.routing
    import httpx
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    async def direct(func: Any, *args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    statements = [0]

    def count(*_a: Any) -> None:
        statements[0] += 1

    async def measure() -> dict[str, float]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000", cookies=cookies) as c:
            for f in filters:  # warm: templates compiled, caches filled
                assert (await c.get(f"/so-theo-doi?{f}")).status_code == 200
            event.listen(Engine, "before_cursor_execute", count)
            try:
                out = {}
                for f in filters:
                    best = float("inf")
                    for _ in range(repeat):
                        c0 = time.process_time()
                        await c.get(f"/so-theo-doi?{f}")
                        best = min(best, time.process_time() - c0)
                    out[f] = best * 1000
                return out
            finally:
                event.remove(Engine, "before_cursor_execute", count)

    saved = fastapi.routing.run_in_threadpool
    fastapi.routing.run_in_threadpool = direct  # type: ignore[assignment]
    try:
        per = asyncio.run(measure())
    finally:
        fastapi.routing.run_in_threadpool = saved  # type: ignore[assignment]
    return per, statements[0] / (len(filters) * repeat)


def summary(per: dict[str, float], statements: float) -> str:
    values = list(per.values())
    return (f"mean {statistics.mean(values):.1f} ms, median {statistics.median(values):.1f} ms, "
            f"max {max(values):.1f} ms ({max(per, key=per.__getitem__) or 'no filter'}); "
            f"{statements:.1f} SQL statements per page")
