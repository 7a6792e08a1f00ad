"""Name -> unit resolution on the example directory (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.db import make_engine, upgrade
from dondoc.directory.files import apply_directory, read_directory
from dondoc.directory.resolve import Resolver
from dondoc.models import Unit

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "directory.yaml"
GOLD = ROOT.parent / "shared" / "seeds" / "gold"
NOW = pendulum.datetime(2025, 11, 5, 8, tz="Asia/Ho_Chi_Minh")
# The issuing unit of each seed plan in the example directory.
SEED_SCOPE = {"000": "HHP", "001": "HPH", "002": "QH", "003": "BL", "004": "P2"}


@pytest.fixture(scope="module")
def example_data():
    return read_directory(EXAMPLE)


@pytest.fixture(scope="module")
def memory(tmp_path_factory: pytest.TempPathFactory, example_data) -> Iterator[Session]:
    """The example directory in a module-wide SQLite file (resolution itself needs no per-test database)."""
    home = tmp_path_factory.mktemp("resolve")
    engine = make_engine(f"sqlite:///{home / 'dir.db'}")
    upgrade(engine)
    with Session(engine, expire_on_commit=False) as session:
        apply_directory(session, data=example_data, settings=Settings(home=home, secret_key="k"), now=NOW)
        session.commit()
        yield session
    engine.dispose()


@pytest.fixture(scope="module")
def resolver(memory: Session) -> Resolver:
    return Resolver.from_session(memory)


@pytest.fixture(scope="module")
def codes(memory: Session) -> dict[str, int]:
    return {u.code: u.id for u in memory.exec(select(Unit)).all()}  # type: ignore[misc]


# -- normalisation (pure) -----------------------------------------------------------------------------


# -- the five seeds -----------------------------------------------------------------------------------


def test_every_gold_name_resolves_on_both_databases(session: Session, settings, example_data) -> None:
    """The example directory stored in SQLite / PostgreSQL resolves every lead and support of the five seeds."""
    apply_directory(session, data=example_data, settings=settings, now=NOW)
    session.commit()
    resolver = Resolver.from_session(session)
    codes = {u.code: u.id for u in session.exec(select(Unit)).all()}
    unresolved: dict[str, list[str]] = {}
    total = 0
    for seed, scope in SEED_SCOPE.items():
        gold = json.loads(next(GOLD.glob(f"{seed}_*.gold.json")).read_text(encoding="utf-8"))
        scoped = resolver.scoped(codes[scope])
        names = [n for a in gold["assignments"] for n in a["lead"] + a["support"]]
        total += len(names)
        unresolved[seed] = [n for n in names if not scoped.resolve(n).targets]
    assert total > 150
    assert unresolved == {seed: [] for seed in SEED_SCOPE}
