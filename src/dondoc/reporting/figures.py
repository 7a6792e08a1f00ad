"""Pure helpers of the consolidated report: ordering refs, cleaning text, adding and assessing figures against targets."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from typing import Any

from dondoc.clock import TZ
from dondoc.models import (
    STATUS_LABELS,
)
from dondoc.vietnamese import fold

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _roman_value(token: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not token or any(c not in values for c in token):
        return None
    total = 0
    for i, c in enumerate(token):
        v = values[c]
        total += -v if i + 1 < len(token) and values[token[i + 1]] > v else v
    return total


def ref_sort_key(ref: str) -> tuple[Any, ...]:
    """Natural order of refs: 'II.2' < 'II.10' < 'III.1' < 'PL.1'."""
    out: list[tuple[int, Any]] = []
    for token in (ref or "").split("."):
        if token.startswith("PL"):
            out.append((3, token))
        elif token.isdigit():
            out.append((1, int(token)))
        elif (r := _roman_value(token)) is not None:
            out.append((1, r))
        else:
            out.append((2, token))
    return tuple(out)


def _norm_text(text: str) -> str:
    """Key under which two submissions' words count as the same (case and spacing aside)."""
    return " ".join(text.casefold().split()).rstrip(".;")


_VN = zoneinfo.ZoneInfo(TZ)


def _iso(d: dt.date | dt.datetime | None) -> str | None:
    if d is None:
        return None
    if isinstance(d, dt.datetime):
        return d.astimezone(_VN).isoformat()
    return d.isoformat()


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    return fold(text)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _is_additive(unit: str | None) -> bool:
    """Counts add up across units (lao động, hộ, người); rates and averages (%, tuổi, năm, x/người) do not."""
    if not unit:
        return True
    u = fold(unit).strip()
    return not ("%" in u or "/" in u or u in ("tuoi", "nam", "lan"))


def assess(value: float, achieved: float, comparator: str | None) -> tuple[float | None, str]:
    """(% achieved = achieved/plan, assessment đạt / chưa đạt / vượt); '<=' targets are better when lower."""
    ratio = None if value == 0 else 100.0 * achieved / value
    eps = 1e-9
    if comparator == "<=":
        if achieved < value - eps:
            return ratio, "vượt"
        return ratio, "đạt" if abs(achieved - value) <= eps else "chưa đạt"
    if achieved > value + eps:
        return ratio, "vượt"
    return ratio, "đạt" if abs(achieved - value) <= eps else "chưa đạt"


def _merge_entries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Units that reported the same status and the same words become one line naming them all."""
    merged: dict[tuple[str, str, int, str], dict[str, Any]] = {}
    order = {"lead": 0, "report": 0, "support": 1}
    for e in sorted(entries, key=lambda e: (order.get(e["role"], 2), _fold(e["unit"]))):
        role = "support" if e["role"] == "support" else "lead"
        k = (role, e["status"], e["progress"], _norm_text(e["result"]))
        m = merged.get(k)
        if m is None:
            merged[k] = {"units": [e["unit"]], "role": role, "status": e["status"],
                         "status_label": STATUS_LABELS.get(e["status"], e["status"]),
                         "progress": e["progress"], "result": e["result"]}
        elif e["unit"] not in m["units"]:
            m["units"].append(e["unit"])
    return list(merged.values())
