"""What a task needs from the process: settings, the engine, instants from ISO strings."""

from __future__ import annotations

import datetime as dt

import pendulum
from sqlalchemy.engine import Engine

from dondoc import bootstrap, clock
from dondoc.config import Settings, get_settings


def settings() -> Settings:
    return get_settings()


def engine() -> Engine:
    return bootstrap.ready_engine(get_settings())


def instant(at: str | None) -> pendulum.DateTime:
    """Tasks receive instants as ISO strings (plain data in Prefect's parameters and results).

    A date alone means send_hour (08:00) that day in Vietnam; a naive time is Vietnam time."""
    if not at:
        return clock.now()
    text = at.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        d = pendulum.parse(text, exact=True)
        return pendulum.datetime(d.year, d.month, d.day, get_settings().send_hour, tz=clock.TZ)
    return clock.parse_instant(text)


def iso(at: dt.datetime) -> str:
    return pendulum.instance(at).in_timezone(clock.TZ).isoformat()


def plain(value: object) -> dict[str, object]:
    """A service result as plain data for Prefect's result store."""
    import dataclasses

    as_dict = getattr(value, "as_dict", None)
    if callable(as_dict):
        return dict(as_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return {"value": repr(value)}
