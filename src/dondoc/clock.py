"""The one clock. Library code never reads the wall clock directly: it takes `now` or a Clock.

Inside, instants are aware pendulum DateTimes; at the edges they are shown in Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

import pendulum

TZ = "Asia/Ho_Chi_Minh"
VN = pendulum.timezone(TZ)


class Clock(Protocol):
    def now(self) -> pendulum.DateTime: ...


class SystemClock:
    def now(self) -> pendulum.DateTime:
        return pendulum.now("UTC")


class FixedClock:
    """A clock for tests and simulations: it only moves when told to."""

    def __init__(self, at: pendulum.DateTime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at

    def now(self) -> pendulum.DateTime:
        return self._at

    def set(self, at: pendulum.DateTime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at


_clock: Clock = SystemClock()


def now() -> pendulum.DateTime:
    return _clock.now()


def local_now() -> pendulum.DateTime:
    return _clock.now().in_timezone(TZ)


def today() -> pendulum.Date:
    return local_now().date()


def local_date(instant: dt.datetime) -> dt.date:
    """The calendar day in Vietnam of an aware instant (a plain `datetime.date`)."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime: pass an aware instant")
    d = instant.astimezone(VN)  # pendulum's zone is a tzinfo: no DateTime built (the ledger calls this per row)
    return dt.date(d.year, d.month, d.day)


def use(clock: Clock) -> None:
    """Swap the process clock (tests, `dondoc run daily --at`)."""
    global _clock
    _clock = clock


def parse_instant(value: str, *, default_hour: int = 8) -> pendulum.DateTime:
    """Parse an ISO date or datetime given on a command line; naive values are read as Vietnam time.

    A bare date means that day at `default_hour` (the morning sweep), not midnight."""
    import re

    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = pendulum.parse(value)
        return pendulum.datetime(d.year, d.month, d.day, default_hour, 0, tz=TZ)
    from dondoc.errors import InputError

    try:
        dt = pendulum.parse(value, tz=TZ)
    except (ValueError, TypeError) as exc:
        raise InputError(f"expected an ISO date or datetime such as 2025-11-10 or 2025-11-10T08:00, got {value!r}") \
            from exc
    if not isinstance(dt, pendulum.DateTime):
        raise InputError(f"expected an ISO date or datetime such as 2025-11-10T08:00, got {value!r}")
    return dt
