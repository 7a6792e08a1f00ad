"""Stable keys that match a corrected plan to the stored one (ref + item + leads, never row ids)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from dondoc.vietnamese import fold


def body_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(name)).split())


def _short(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def assignment_key(item: dict[str, Any]) -> str:
    leads = "+".join(sorted(body_key(x) for x in item.get("lead") or []))
    ref = str(item.get("ref") or "").strip().rstrip(".")
    return f"{ref}|{item.get('item') or ''}|{_short(leads)}"


def report_key(item: dict[str, Any], n: int) -> str:
    ref = str(item.get("ref") or "").strip().rstrip(".")
    return f"{ref}|{'compile' if item.get('compiles') else 'send'}|{n}"


def target_keys(targets: Iterable[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """`II.2#3`: the third target under ref II.2 — what officers' figures are keyed by."""
    per_ref: dict[str, int] = {}
    for item in targets:
        if item.get("value") is None:
            continue
        ref = str(item.get("ref") or "").strip().rstrip(".")
        per_ref[ref] = per_ref.get(ref, 0) + 1
        yield f"{ref}#{per_ref[ref]}", item
