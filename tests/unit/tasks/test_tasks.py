"""Unit tests of the tasks (task.fn(): no Prefect run) against the real services and database."""

from __future__ import annotations

import pytest

from dondoc.tasks._context import instant, iso


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        ("2025-11-03T08:00:00+07:00", "2025-11-03T08:00:00+07:00"),
        ("2025-11-03T01:00:00+00:00", "2025-11-03T08:00:00+07:00"),
        ("2025-11-03", "2025-11-03T08:00:00+07:00"),  # a date alone: 08:00 in Vietnam
        ("2025-11-03T09:30", "2025-11-03T09:30:00+07:00"),  # naive: read as Vietnam time
    ],
)
def test_instants_travel_as_iso_strings(at: str, expected: str) -> None:
    assert iso(instant(at)) == expected
