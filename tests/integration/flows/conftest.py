"""Fixtures for the Prefect layer: a small world in dondoc's database and one shared Prefect test harness."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import Session

from dondoc.models import Contact, Obligation, Officer, Plan, Unit
from dondoc.notifications import FakeNotifier

D = dt.date


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect API for every flow test of the session (it takes seconds to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def notifier(monkeypatch: pytest.MonkeyPatch) -> FakeNotifier:
    """The tasks build their notifier with get_notifier(settings): hand them a recording fake."""
    fake = FakeNotifier()
    monkeypatch.setattr("dondoc.notifications.get_notifier", lambda settings: fake)
    return fake


@pytest.fixture
def world(session: Session, settings: Any) -> dict[str, Any]:
    return build_world(session)


def build_world(session: Session, *, url: str = "mailto://{code}@example.test") -> dict[str, Any]:
    """An issuer with a chair, a focal officer, one unit with two officers; every officer reachable
    (`url` formatted with the officer's code); one report due Monday 10/11/2025."""
    issuer = Unit(code="ubnd", name="UBND phường 2", kind="commune")
    session.add(issuer)
    session.flush()
    focal = Unit(code="ldtbxh", name="Công chức LĐ-TB&XH", kind="office", parent_id=issuer.id)
    unit = Unit(code="vhxh", name="Công chức VHXH", kind="office", parent_id=issuer.id)
    session.add_all([focal, unit])
    session.flush()
    people = {
        "chair": Officer(code="chair", unit_id=issuer.id, name="Lê Thanh Bình", role="head"),
        "focal": Officer(code="focal", unit_id=focal.id, name="Nguyễn Thị Hoa", role="focal"),
        "unit_head": Officer(code="uhead", unit_id=unit.id, name="Trần Văn Nam", role="head"),
        "unit_focal": Officer(code="ufocal", unit_id=unit.id, name="Phạm Thị Lan", role="focal"),
    }
    session.add_all(people.values())
    session.flush()
    session.add_all(Contact(officer_id=o.id, channel="email", url=url.format(code=o.code))
                    for o in people.values())
    plan = Plan(source_name="p.txt", source_hash="x", title="Kế hoạch thử", year=2025,
                issuer_unit_id=issuer.id, focal_unit_id=focal.id)
    session.add(plan)
    session.flush()
    ob = Obligation(key="k1", plan_id=plan.id, unit_id=unit.id, role="report", mode="assign", kind="recurring",
                    period="2025", period_start=D(2025, 1, 1), period_end=D(2025, 12, 31), cutoff=D(2025, 11, 7),
                    due_date=D(2025, 11, 10))
    session.add(ob)
    session.commit()
    return {"plan": plan, "unit": unit, "people": people, "obligation": ob}
