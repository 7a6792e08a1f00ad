from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

from dondoc.plans.bodies import leading_body


def _shared() -> Path:
    """../shared next to the checkout (DONDOC_SHARED overrides it; a worktree deeper in the tree
    finds it by walking up)."""
    if os.environ.get("DONDOC_SHARED"):
        return Path(os.environ["DONDOC_SHARED"])
    for parent in Path(__file__).resolve().parents[2:]:
        if (parent.parent / "shared" / "plan.schema.json").exists():
            return parent.parent / "shared"
    return Path(__file__).resolve().parents[2].parent / "shared"


SHARED = _shared()
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
PLANS = sorted((SHARED / "plans").glob("*.md"))
SCHEMA = json.loads((SHARED / "plan.schema.json").read_text())


@functools.cache
def parsed(name: str) -> dict:
    from dondoc.plans import parse_path

    path = next(p for p in SEEDS + PLANS if p.stem == name)
    return parse_path(path, max_mb=20)


def pairs(plan: dict) -> set[tuple[str, str]]:
    return {(a["ref"], lead) for a in plan["assignments"] for lead in a["lead"]}


@pytest.fixture
def seed():
    return parsed


def lead_name(sentence: str) -> str | None:
    """The name `leading_body` reads at the start of a sentence, None when it reads none."""
    lb = leading_body(sentence)
    return lb[0] if lb is not None else None
