"""After the directory changes, stored plans are resolved again: names an added unit or alias now covers get
their obligations, statuses already collected stay, and the run is audited."""

from __future__ import annotations

import json

import pendulum
import pytest
import yaml
from sqlmodel import Session, select
from typer.testing import CliRunner

from dondoc.clock import TZ
from dondoc.db import session_scope
from dondoc.directory.apply import apply_directory, import_directory
from dondoc.directory.export import dump_directory
from dondoc.directory.files import read_directory
from dondoc.errors import NotFound
from dondoc.intake.lifecycle import activate_plan
from dondoc.intake.reresolve import reresolve_plans
from dondoc.intake.store import _counts, store_plan
from dondoc.models import AuditEvent, Obligation, Plan, StatusUpdate, Unit
from dondoc.plans import parse_path
from tests.conftest import EXAMPLES

SEED = EXAMPLES / "plans" / "004_3b3dcdee6daa1c7d.txt"
NOW = pendulum.datetime(2025, 1, 2, 9, tz=TZ)
NEW_BODY = "Trung tâm Văn hóa - Thể thao và Truyền thanh phường 2"


@pytest.fixture
def stored(engine, settings, tmp_path):
    """Seed 004 with one task given to a body the directory does not know yet; the directory as a yaml file."""
    import_directory(engine=engine, settings=settings, path=EXAMPLES / "directory.xlsx", now=NOW)
    parsed = parse_path(SEED, year=2025)
    task = next(a for a in parsed["assignments"] if a["timing"]["kind"] != "unspecified")
    task["lead"] = [NEW_BODY]
    with session_scope(engine) as session:
        result = store_plan(session, parsed=parsed, source_name=SEED.name, source_hash="h", settings=settings,
                            now=NOW)
        activate_plan(session, plan_id=result.plan_id, settings=settings, now=NOW)
        result.obligations = _counts(session, session.get(Plan, result.plan_id), status="created").obligations
    assert result.unresolved == [NEW_BODY]
    with session_scope(engine) as session:
        data = dump_directory(session, settings=settings)
    return {"plan_id": result.plan_id, "obligations": result.obligations, "directory": data,
            "yaml": tmp_path / "directory.yaml"}


def _add_unit(stored) -> None:
    rows = stored["directory"].plain()
    assert any(u["code"] == "P2" for u in rows["units"])
    rows["units"].append({"code": "P2-TTVH", "name": NEW_BODY, "kind": "agency", "parent": "P2"})
    rows["officers"].append({"code": "P2-TTVH-1", "unit": "P2-TTVH", "name": "Hà Văn Tú", "role": "head"})
    rows["contacts"].append({"officer": "P2-TTVH-1", "channel": "email", "url": "mailto://tu@example.org",
                             "priority": "1"})
    stored["yaml"].write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _status_on_some_obligation(engine, plan_id: int) -> int:
    with session_scope(engine) as session:
        ob = session.exec(select(Obligation).where(Obligation.plan_id == plan_id)).first()
        update = StatusUpdate(obligation_id=ob.id, status="in_progress", progress=40, result="đang làm",
                              submitted_at=NOW)
        session.add(update)
        session.flush()
        return int(update.id)


def test_directory_import_resolves_stored_plans_again(engine, settings, stored) -> None:
    update_id = _status_on_some_obligation(engine, stored["plan_id"])
    _add_unit(stored)
    result = import_directory(engine=engine, settings=settings, path=stored["yaml"], now=NOW.add(days=1))
    assert result.changed and result.units.created == 1
    [again] = result.plans
    assert again.plan_id == stored["plan_id"]
    assert again.unresolved_before == [NEW_BODY] and again.unresolved_after == []
    assert again.obligations_after > again.obligations_before == stored["obligations"]
    with Session(engine) as session:
        plan = session.get(Plan, stored["plan_id"])
        assert plan.unresolved == []
        unit = session.exec(select(Unit).where(Unit.code == "P2-TTVH")).one()
        assert session.exec(select(Obligation).where(Obligation.unit_id == unit.id)).first() is not None
        assert session.get(StatusUpdate, update_id) is not None  # collected status kept with its obligation
        actions = [e.action for e in session.exec(select(AuditEvent).where(AuditEvent.entity == "plan")).all()]
        assert actions.count("plan.reresolved") == 1
    # an unchanged directory changes nothing and resolves nothing again
    same = import_directory(engine=engine, settings=settings, path=stored["yaml"], now=NOW.add(days=2))
    assert not same.changed and same.plans == []


def test_reresolve_is_idempotent_and_names_missing_plans(engine, settings, stored) -> None:
    with session_scope(engine) as session:
        first = reresolve_plans(session, settings=settings, now=NOW)
    with session_scope(engine) as session:
        second = reresolve_plans(session, settings=settings, now=NOW, plan_ids=[stored["plan_id"]])
    assert [r.as_dict() for r in first] == [r.as_dict() for r in second]
    assert second[0].obligations_before == second[0].obligations_after == stored["obligations"]
    with session_scope(engine) as session, pytest.raises(NotFound, match="999"):
        reresolve_plans(session, settings=settings, now=NOW, plan_ids=[999])


def test_plan_resolve_cli(engine, settings, stored) -> None:
    from dondoc.cli import app

    _add_unit(stored)
    # the directory file is applied without resolving plans (as an older dondoc or a direct edit would leave it)
    with session_scope(engine) as session:
        apply_directory(session, data=read_directory(stored["yaml"]), settings=settings, now=NOW)
    out = CliRunner().invoke(app, ["plan", "resolve", "--json"])
    assert out.exit_code == 0, out.output
    [line] = [json.loads(x) for x in out.output.splitlines()]
    assert line["plan"] == stored["plan_id"] and line["unresolved_before"] == 1 and line["unresolved_after"] == 0
    text = CliRunner().invoke(app, ["plan", "resolve", str(stored["plan_id"])])
    assert text.exit_code == 0 and "tên chưa xác định 0 → 0" in " ".join(text.output.split())
    missing = CliRunner().invoke(app, ["plan", "resolve", "999"])  # main() prints DondocErrors as one line
    assert missing.exit_code != 0 and isinstance(missing.exception, NotFound) and "999" in str(missing.exception)

