from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
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
