"""The schema as migrated matches the models, and aware datetimes survive the database."""

from __future__ import annotations

import datetime as dt

import pendulum
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel, select

from dondoc.clock import TZ
from dondoc.models import AuditEvent


def test_aware_vietnam_datetime_roundtrips_unchanged(session) -> None:
    at = pendulum.datetime(2025, 11, 10, 16, 45, 30, 123456, tz=TZ)
    session.add(AuditEvent(at=at, actor="cli", action="test", entity="none"))
    session.commit()
    session.expunge_all()
    got = session.exec(select(AuditEvent)).one().at
    assert got.tzinfo is not None
    assert got == at
    assert pendulum.instance(got).in_timezone(TZ).isoformat() == "2025-11-10T16:45:30.123456+07:00"


def test_naive_datetime_is_refused(session) -> None:
    import pytest

    session.add(AuditEvent(at=dt.datetime(2025, 1, 1, 8, 0), actor="cli", action="test", entity="none"))
    with pytest.raises(Exception, match="timezone"):
        session.commit()
    session.rollback()


def test_migrations_match_models(engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []
