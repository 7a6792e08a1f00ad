import pendulum
import pytest

from dondoc.clock import TZ, parse_instant


@pytest.mark.parametrize("text, expected", [
    ("2025-11-03", "2025-11-03T08:00:00+07:00"),
    ("2025-11-03T17:30", "2025-11-03T17:30:00+07:00"),
    ("2025-11-03T01:00:00+00:00", "2025-11-03T08:00:00+07:00"),
])
def test_parse_instant(text: str, expected: str) -> None:
    assert parse_instant(text).in_timezone(TZ).isoformat() == expected


def test_parse_instant_rejects_garbage() -> None:
    with pytest.raises(Exception):
        parse_instant("hôm qua")


def test_parsed_instant_is_aware() -> None:
    assert parse_instant("2025-01-01").tzinfo is not None
    assert parse_instant("2025-01-01") == pendulum.datetime(2025, 1, 1, 1, 0, tz="UTC")
