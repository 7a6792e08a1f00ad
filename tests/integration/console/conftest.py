"""A staff console world: the example directory, staff accounts of each role, an app client."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from dondoc import clock
from dondoc.accounts.users import add_user, issue_token
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.directory.apply import import_directory
from dondoc.web import create_app

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("/work/shared")
SEED_004 = EXAMPLES / "plans" / "004_3b3dcdee6daa1c7d.txt"
PASSWORD = "mat-khau-rat-dai-2025"
ROLES = ("admin", "focal", "leader", "clerk")


@dataclass
class Staff:
    tokens: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def directory(engine: Engine, settings: Settings, frozen_clock: clock.FixedClock) -> None:
    import_directory(engine=engine, settings=settings, path=EXAMPLES / "directory.xlsx", now=clock.now())


@pytest.fixture
def staff(engine: Engine, directory: None) -> Staff:
    out = Staff()
    with session_scope(engine) as s:
        for role in ROLES:
            add_user(s, name=f"{role}1", role=role, password=PASSWORD, now=clock.now())
            out.tokens[role] = issue_token(s, name=f"{role}1", now=clock.now())
    return out


def outbox_settings(settings: Settings) -> Settings:
    """Messages written to files (DONDOC_OUTBOX) instead of the example directory's real addresses."""
    return settings.model_copy(update={"outbox": settings.home / "outbox"})


@pytest.fixture
def app_client(engine: Engine, settings: Settings, staff: Staff) -> Iterator[TestClient]:
    with TestClient(create_app(outbox_settings(settings), engine), base_url="http://127.0.0.1:8000") as c:
        yield c


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def world_plan(engine: Engine, settings: Settings, directory: None) -> int:
    """Seed 004 imported as a draft."""
    from dondoc.intake.importer import import_plan

    return import_plan(engine=engine, settings=settings, path=SEED_004, year=2025, now=clock.now()).plan_id
