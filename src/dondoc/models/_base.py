"""Shared column helpers: aware timestamps and mutable JSON columns."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlmodel import Field

from dondoc import clock


def utcnow() -> dt.datetime:
    return clock.now()


def created_field() -> Any:
    return Field(default_factory=utcnow, nullable=False)


def json_dict(**kw: Any) -> Any:
    # MutableDict makes in-place edits (obj.data["x"] = 1) mark the row dirty.
    return Field(default_factory=dict, sa_column=Column(MutableDict.as_mutable(JSON), nullable=False, **kw))


def json_list(**kw: Any) -> Any:
    return Field(default_factory=list, sa_column=Column(MutableList.as_mutable(JSON), nullable=False, **kw))
