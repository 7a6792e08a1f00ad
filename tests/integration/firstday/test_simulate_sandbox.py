"""Issue 17 item 2: `dondoc simulate` leaves the live database untouched unless --commit."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.db import dispose_engines, make_engine
from dondoc.models import Message, Notice, StatusUpdate

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "examples" / "plans" / "004_3b3dcdee6daa1c7d.txt"
runner = CliRunner()


def _run(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def _sha(path: Path) -> str:
    dispose_engines()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(url: str) -> tuple[int, int, int]:
    engine = make_engine(url)
    with Session(engine) as s:
        out = (s.exec(select(func.count()).select_from(Notice)).one(), s.exec(select(func.count()).select_from(Message)).one(),
               s.exec(select(func.count()).select_from(StatusUpdate)).one())
    engine.dispose()
    return out


def _prepare() -> None:
    _run("directory", "import", str(ROOT / "examples" / "directory.yaml"))
    _run("plan", "import", str(SEED), "--activate")


def test_simulate_on_sqlite_leaves_the_file_byte_for_byte_unchanged(sqlite_settings) -> None:
    _prepare()
    db = Path(sqlite_settings.home) / "dondoc.db"
    counts = _counts(sqlite_settings.db_url)  # the activation's assignment notices (giao việc), nothing else
    before = _sha(db)
    out = _run("simulate", "--from", "2025-10-01", "--to", "2025-12-31", "--on-time", "0.6").output
    assert "bản sao" in out  # says where it ran
    assert "reminder" not in out.split("Tổng cộng")[-1]  # the summary is Vietnamese
    assert _sha(db) == before
    assert not (Path(sqlite_settings.home) / "reports").exists() or not any((Path(sqlite_settings.home) / "reports").iterdir())
    assert _counts(sqlite_settings.db_url) == counts and counts[2] == 0


def test_simulate_with_commit_writes(settings) -> None:
    _prepare()
    out = _run("simulate", "--from", "2025-10-01", "--to", "2025-12-31", "--on-time", "0.6", "--commit").output
    assert "--commit" in out
    notices, messages, updates = _counts(settings.db_url)
    assert notices > 0 and messages > 0 and updates > 0


def test_simulate_without_commit_writes_nothing_on_either_database(settings) -> None:
    _prepare()
    before = _counts(settings.db_url)
    out = _run("simulate", "--from", "2025-10-01", "--to", "2025-12-31", "--on-time", "0.6").output
    assert "không bị thay đổi" in out
    assert _counts(settings.db_url) == before and before[2] == 0  # no status update was written


def test_deliver_needs_commit(sqlite_settings) -> None:
    _prepare()
    result = runner.invoke(app, ["simulate", "--from", "2025-10-01", "--to", "2025-10-02", "--deliver"])
    assert result.exit_code != 0
    assert "--commit" in str(result.exception) + result.output
