"""Property-based tests (hypothesis): the parser never crashes and always emits schema-valid plans;
calendar arithmetic keeps its invariants; obligation generation is idempotent."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from dondoc.clock import TZ

# ------------------------------------------------------------------------------------------ parser

# Plan-shaped fragments, so generated text reaches deep into the parser rather than being refused at once.


# ---------------------------------------------------------------------------------------- calendar


# ------------------------------------------------------------------------------------- obligations

SEEDS = sorted((Path(__file__).resolve().parents[3] / "examples" / "plans").glob("*.txt"))
NOW = pendulum.datetime(2025, 3, 1, 9, 0, tz=TZ)


@pytest.fixture
def directory(engine, settings):
    from dondoc.directory.apply import import_directory

    import_directory(engine=engine, settings=settings,
                     path=Path(__file__).resolve().parents[3] / "examples" / "directory.xlsx", now=NOW)
    return engine


@pytest.mark.slow
def test_obligation_generation_is_idempotent(directory, settings) -> None:
    from sqlmodel import Session, select

    from dondoc.intake.importer import import_plan
    from dondoc.intake.obligations import sync_plan
    from dondoc.models import Obligation, Plan
    from tests.integration.hardening.conftest import row_counts

    for path in SEEDS:
        import_plan(engine=directory, settings=settings, activate=True, path=path, now=NOW)
    before = row_counts(directory)
    with Session(directory, expire_on_commit=False) as s:
        keys = {o.key: (o.due_date, o.period, o.unit_id) for o in s.exec(select(Obligation)).all()}
        assert keys
        for plan in s.exec(select(Plan)).all():
            for later in (NOW, NOW.add(months=5)):  # a later run with the same data changes nothing either
                counts = sync_plan(s, plan=plan, settings=settings, now=later)
                assert counts == {"obligations_created": 0, "obligations_updated": 0, "obligations_retired": 0,
                                  "obligations_deleted": 0}, (plan.source_name, counts)
        s.commit()
        assert {o.key: (o.due_date, o.period, o.unit_id) for o in s.exec(select(Obligation)).all()} == keys
    for path in SEEDS:  # re-importing the same files is a no-op
        assert import_plan(engine=directory, settings=settings, path=path, now=NOW).status == "unchanged"
    assert row_counts(directory) == before
