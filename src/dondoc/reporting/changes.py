"""What changed between two snapshots of the same plan and period (the console shows it after a refresh)."""

from __future__ import annotations

from typing import Any

WATCHED = ("status", "progress", "category", "extended_due", "updates")


def snapshot_changes(old: dict[str, Any] | None, new: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per obligation added, removed or changed in a watched field (pure)."""
    before = {o["id"]: o for o in (old or {}).get("obligations", [])}
    after = {o["id"]: o for o in new.get("obligations", [])}
    out: list[dict[str, Any]] = []
    for oid, o in after.items():
        prev = before.get(oid)
        if prev is None:
            if old is not None:
                out.append({"id": oid, "unit": o["unit"], "ref": o["ref"], "change": "mới", "fields": {}})
            continue
        diff = {k: (prev.get(k), o.get(k)) for k in WATCHED if prev.get(k) != o.get(k)}
        if diff:
            out.append({"id": oid, "unit": o["unit"], "ref": o["ref"], "change": "thay đổi", "fields": diff})
    for oid, o in before.items():
        if oid not in after:
            out.append({"id": oid, "unit": o["unit"], "ref": o["ref"], "change": "bỏ", "fields": {}})
    return sorted(out, key=lambda c: (c["unit"], c["ref"], c["id"]))
