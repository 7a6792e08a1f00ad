"""Reporting obligations laid out as fields, not sentences: a reporting section's label lines ('- Đơn vị báo cáo: Các
sở, ngành', '- Nơi nhận báo cáo: Sở Nội vụ', '- Thời hạn gửi báo cáo: trước ngày 10/12 hằng năm') and a table of
reports (| Loại báo cáo | Đơn vị báo cáo | Nơi nhận | Thời hạn gửi |), one report per date of its time."""

from __future__ import annotations

import re
from typing import Any

from dondoc.plans.blocks import Table
from dondoc.plans.bodies import split_bodies
from dondoc.plans.report_dates import (
    QUARTER_DAY,
    as_deadline,
    collective,
    date_of,
    dated_timing,
    label_time,
    more_dates,
)
from dondoc.plans.report_doubt import HOW_KEY
from dondoc.plans.report_parts import receivers, role_free, via_of
from dondoc.plans.timing import parse_timing
from dondoc.plans.tree import Ctx, Node

_BULLET = re.compile(r"^[-–+•·*\s]+")
_SENDER_LABEL = re.compile(r"^(?:Đơn vị|Cơ quan|Bộ phận)\s+(?:gửi\s+|lập\s+)?báo cáo\s*:\s*(.+)$", re.I)
_RECEIVER_LABEL = re.compile(r"^(?:Nơi nhận|Cơ quan nhận|Đơn vị nhận|Cơ quan tiếp nhận|Đơn vị tiếp nhận|Nơi gửi)"
                             r"(?:\s+báo cáo)?\s*:\s*(.+)$", re.I)


def _names(text: str) -> list[str]:
    return [role_free(n) for n in split_bodies(text.strip(" .;")) if n]


def _to(text: str) -> list[str]:
    """The receivers a field or cell names ('Sở Nội vụ (qua Phòng Cải cách hành chính)', 'Ủy ban nhân dân tỉnh, Bộ Y tế')."""
    return receivers("gửi " + text.strip(" .;"), 0) or _names(re.sub(r"\s*\([^()]*\)", "", text))


def _dated(base: dict[str, Any], time: str, ctx: Ctx) -> list[dict[str, Any]]:
    """The report(s) a time text dates: one per day and month ('6 tháng: trước ngày 15/6; năm: trước ngày 15/12'), the
    first quarter's end for 'trước ngày 15 của tháng cuối quý'; none without a day and a month."""
    q, m = QUARTER_DAY.search(time), date_of(time)
    if q:
        t = {**parse_timing(q.group(0), plan_year=ctx.plan_year, issued_on=ctx.issued_on), "text": q.group(0)}
    elif m:
        t = dated_timing(time, m, ctx)
    else:
        return []
    rep = {**base, "timing": t, HOW_KEY: {**base[HOW_KEY], "date": "quarter" if q else "clause"}}
    return [rep, *more_dates(rep, time, ctx, q)]


def label_reports(node: Node, texts: list[str], owners: list[dict[str, Any]], ctx: Ctx) -> list[dict[str, Any]]:
    """The report an item states in label lines: who sends it (else the item's lead), where it goes, and when; none
    unless it names the receiver and a day and month."""
    fields: dict[str, str] = {}
    line = ""
    if not any(":" in t for t in texts):
        return []
    for t in texts:
        s = _BULLET.sub("", t)
        if (m := _SENDER_LABEL.match(s)) and "from" not in fields:
            fields["from"] = m.group(1)
        elif (m := _RECEIVER_LABEL.match(s)) and "to" not in fields:
            fields["to"], line = m.group(1), s
        elif (tl := label_time(s)) and "time" not in fields:
            fields["time"] = tl
    if "to" not in fields or "time" not in fields:
        return []
    sender = _names(fields["from"]) if "from" in fields else list(owners[-1]["lead"]) if owners else []
    title = node.title.lower()
    base = {"ref": node.ref, "text": line.strip(" .;"), "from": sender, "to": _to(fields["to"]), "via": via_of(fields["to"]),
            "compiles": not collective(sender) and "tổng hợp" in title,
            HOW_KEY: {"sender": "named" if "from" in fields else "carried", "receiver": "named", "date": "clause"}}
    return _dated(base, fields["time"], ctx)


# a reporting table's columns, by their header cells
_RECEIVER_COL = re.compile(r"nơi nhận|cơ quan nhận|đơn vị nhận|tiếp nhận|gửi về|gửi đến|nơi gửi")
_TIME_COL = re.compile(r"thời hạn|thời gian|hạn gửi|hạn nộp|kỳ hạn|thời điểm")
_SENDER_COL = re.compile(r"(?:đơn vị|cơ quan|bộ phận)\s+(?:gửi|báo cáo|thực hiện|chủ trì|lập)|chủ trì")
_KIND_COL = re.compile(r"báo cáo|nội dung")


def _columns(header: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        h = " ".join(cell.lower().split())
        for key, rx in (("to", _RECEIVER_COL), ("time", _TIME_COL), ("from", _SENDER_COL), ("kind", _KIND_COL)):
            if key not in cols and rx.search(h):
                cols[key] = i
                break
    return cols if "to" in cols and "time" in cols else None


def table_regime_reports(node: Node, table: Table, ctx: Ctx) -> list[dict[str, Any]]:
    """The reports a table of reports lists, one row each (a cell left empty under a merged one keeps the row above's)."""
    if len(table.rows) < 2 or (cols := _columns(table.rows[0])) is None:
        return []
    out: list[dict[str, Any]] = []
    sender: list[str] = []
    to: list[str] = []
    cell_to = ""
    for row in table.rows[1:]:
        if len(row) <= max(cols.values()):
            continue
        cell = {k: " ".join(row[i].split()) for k, i in cols.items()}
        if cell.get("from"):
            sender = _names(cell["from"])
        if cell["to"]:
            cell_to, to = cell["to"], _to(cell["to"])
        if not to or not cell["time"]:
            continue
        kind = cell.get("kind", "")
        base = {"ref": node.ref, "text": " ".join(c for c in (kind, cell.get("from", ""), cell_to) if c), "from": sender,
                "to": to, "via": via_of(cell_to), "compiles": False,
                HOW_KEY: {"sender": "named" if sender else "carried", "receiver": "named", "date": "clause"}}
        out.extend(_dated(base, as_deadline(cell["time"]), ctx))
    receiving = {n.lower() for r in out for n in r["to"]}
    for r in out:  # the row of a body the others report to compiles ('| Báo cáo tổng hợp | Sở Nội vụ | UBND tỉnh |')
        r["compiles"] = bool(r["from"]) and not collective(r["from"]) and (
            "tổng hợp" in r["text"].lower() or any(n.lower() in receiving for n in r["from"]))
    return out


def distinct(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reports with one read twice kept once: a later one with the date and sender of an earlier one, and its
    receivers or none (a row that both a table of reports and the task table's reader read)."""
    seen: dict[tuple[Any, ...], list[tuple[str, ...]]] = {}
    out = []
    for r in reports:
        key = (r["timing"].get("due"), r["timing"].get("rrule"), tuple(r["from"]))
        to = tuple(r["to"])
        if key in seen and (not to or to in seen[key]):
            continue
        seen.setdefault(key, []).append(to)
        out.append(r)
    return out
