"""Jinja2 environment (autoescape everywhere) and the Vietnamese display helpers the templates use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2

from dondoc import vietnamese as vn
from dondoc.models import STATUS_LABELS

HERE = Path(__file__).parent
ROLE_LABELS = {"lead": "Chủ trì", "support": "Phối hợp", "report": "Báo cáo", "compile": "Tổng hợp"}


def deadline(d: dt.date | None) -> str:
    """'thứ Tư, ngày 05 tháng 11 năm 2025'."""
    if d is None:
        return "chưa xác định"
    return f"{vn.weekday(d)}, {vn.long_date(d)}"


def days_left(d: dt.date, today: dt.date) -> dict[str, Any]:
    """Words and a CSS class for the time to a deadline (the colour is never the only signal)."""
    n = (d - today).days
    if n < 0:
        return {"cls": "overdue", "words": f"Quá hạn {-n} ngày", "n": n}
    if n == 0:
        return {"cls": "today", "words": "Hôm nay là hạn cuối", "n": n}
    if n <= 5:
        return {"cls": "soon", "words": f"Còn {n} ngày", "n": n}
    return {"cls": "ok", "words": f"Còn {n} ngày", "n": n}


def local_time(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    import pendulum

    t = pendulum.instance(value).in_timezone("Asia/Ho_Chi_Minh")
    return f"{t.hour:02d}:{t.minute:02d} {vn.short_date(t.date())}"


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package; no stat() per render
        cache_size=-1,
    )
    env.filters.update(
        deadline=deadline,
        short_date=lambda d: vn.short_date(d) if d else "",
        local_time=local_time,
        number=lambda v, decimals=1: vn.number(v, decimals) if v is not None else "",
        percent=lambda v: vn.percent(v) if v is not None else "",
        status_label=lambda s: STATUS_LABELS.get(s, s),
        role_label=lambda r: ROLE_LABELS.get(r, r),
    )
    from dondoc.reporting.ledger import entry

    # `ledger(o, today)`: the one reading of an obligation every page shows (reporting/ledger.py).
    env.globals.update(STATUS_LABELS=STATUS_LABELS, days_left=days_left,
                       ledger=lambda o, today: entry(o, as_of=today))
    return env
