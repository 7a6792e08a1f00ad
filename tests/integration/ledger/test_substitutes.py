"""Substitutes: the named one, else the unit head, in force only within the dates."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from dondoc.directory.substitutes import acting_map, redirect
from dondoc.models import Officer, Substitute, Unit


def test_named_substitute_then_unit_head(session: Session) -> None:
    unit = Unit(code="u", name="Phòng A", kind="department")
    session.add(unit)
    session.flush()
    head = Officer(code="h", unit_id=unit.id, name="Trưởng phòng", role="head")
    b = Officer(code="b", unit_id=unit.id, name="B", role="focal")
    a = Officer(code="a", unit_id=unit.id, name="A", role="staff")
    c = Officer(code="c", unit_id=unit.id, name="C", role="staff")
    session.add_all([head, b, a, c])
    session.flush()
    session.add(Substitute(officer_id=b.id, substitute_id=a.id, start=dt.date(2025, 11, 1), end=dt.date(2025, 11, 10)))
    session.add(Substitute(officer_id=c.id, start=dt.date(2025, 11, 5), end=dt.date(2025, 11, 6)))
    session.flush()
    m = acting_map(session, day=dt.date(2025, 11, 5))
    assert m == {b.id: a.id, c.id: head.id}
    assert redirect([b.id, c.id, head.id], m) == [a.id, head.id]
    assert acting_map(session, day=dt.date(2025, 11, 11)) == {}
