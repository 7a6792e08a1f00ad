"""The flows under a real (temporary) Prefect API: one run per sweep, one task run per step."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dondoc.notifications import FakeNotifier

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]


def _task_runs(flow_run_id: Any, *, expect: int = 0, timeout: float = 30.0) -> list[str]:
    """Names of the flow run's task runs. Prefect records task runs from events, a moment after they ran
    (seconds on a loaded machine): wait up to `timeout` for at least `expect` of them."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        names = _read_task_runs(flow_run_id)
        if len(names) >= expect or time.monotonic() > deadline:
            return names
        time.sleep(0.5)


def _read_task_runs(flow_run_id: Any) -> list[str]:
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    async def fetch() -> list[str]:
        async with get_client() as client:
            runs = await client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
            return sorted(r.name.rsplit("-", 1)[0] for r in runs)  # 'decide-notices-4d2' -> 'decide-notices'

    return asyncio.run(fetch())


def test_daily_followup_runs_each_step_once(world: dict[str, Any], notifier: FakeNotifier) -> None:
    from dondoc.flows import daily_followup

    state = daily_followup("2025-11-03T08:00:00+07:00", return_state=True)
    summary = state.result()
    assert summary["decided"]["decided"] == {"reminder": 1}
    assert summary["compiled"] == [] and summary["composed"] == 1 and summary["delivery"]["sent"] == 1
    assert [s.url for s in notifier.sent] == ["mailto://ufocal@example.test"]
    steps = _task_runs(state.state_details.flow_run_id, expect=4)
    # one task run per step, whatever the number of obligations
    assert steps == ["compose-messages", "decide-notices", "deliver-messages", "find-due-reports"]
    # the same day again: nothing new is decided or sent
    again = daily_followup("2025-11-03T08:00:00+07:00")
    assert again["decided"]["notices"] == 0 and again["delivery"]["sent"] == 0
    assert len(notifier.sent) == 1


def test_daily_followup_quiet_hours_and_weekends(world: dict[str, Any], notifier: FakeNotifier) -> None:
    from dondoc.flows import daily_followup

    early = daily_followup("2025-11-03T06:30:00+07:00")
    assert early["decided"]["notices"] == 1 and early["delivery"] is None and notifier.sent == []
    later = daily_followup("2025-11-03T08:00:00+07:00")  # the 08:00 run sends what 06:30 decided
    assert later["decided"]["notices"] == 0 and later["delivery"]["sent"] == 1
    weekend = daily_followup("2025-11-08T08:00:00+07:00")
    assert weekend["decided"]["working_day"] is False and "delivery" not in weekend


def test_compile_due_maps_across_plans(monkeypatch: pytest.MonkeyPatch, sqlite_settings: Any) -> None:
    from dondoc.flows import compile_due, compile_report

    calls: list[tuple[int, str | None, bool]] = []

    class Row:
        def __init__(self, plan_id: int, period: str | None) -> None:
            self.period = period or "2025"
            self.docx_path = f"/r/{plan_id}.docx"
            self.xlsx_path = None
            self.sha256 = "0" * 64
            self.sent_at = dt.datetime(2025, 11, 13, 1, tzinfo=dt.UTC)

    def fake_compile(*, engine: Any, settings: Any, plan_id: int, period: str | None, now: Any, send: bool) -> Row:
        assert now.tzinfo is not None
        calls.append((plan_id, period, send))
        return Row(plan_id, period)

    monkeypatch.setattr("dondoc.reporting.compile.compile_report", fake_compile)
    monkeypatch.setattr("dondoc.followup.sweep.reports_due", lambda session, **kw: [(1, "2025"), (2, "2025-Q4")])
    out = compile_due("2025-11-13T07:30:00+07:00")
    assert sorted(r["plan"] for r in out) == [1, 2] and sorted(calls) == [(1, "2025", True), (2, "2025-Q4", True)]
    one = compile_report(7, None, "2025-11-13T07:30:00+07:00", send=False)
    assert one["period"] == "2025" and calls[-1] == (7, None, False)


def test_daily_followup_sends_the_leader_digest_when_turned_on(world: dict[str, Any], notifier: FakeNotifier,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from dondoc.config import reset_settings
    from dondoc.flows import daily_followup

    monkeypatch.setenv("DONDOC_LEADER_DIGEST", "1")
    reset_settings()
    summary = daily_followup("2025-11-03T08:00:00+07:00")  # a Monday after 07:00
    assert summary["leader_digests"] >= 1
    digests = [s for s in notifier.sent if s.subject.startswith("Tổng quan tuần")]
    assert len(digests) == summary["leader_digests"] and "/tong-quan" in digests[0].text
    again = daily_followup("2025-11-04T08:00:00+07:00")  # the same ISO week: nothing more
    assert again["leader_digests"] == 0
    assert len([s for s in notifier.sent if s.subject.startswith("Tổng quan tuần")]) == len(digests)
