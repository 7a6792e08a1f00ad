"""Plan import: every seed body resolves, re-import is a no-op, corrections keep statuses, failures store nothing."""

from __future__ import annotations

import pendulum
import pytest
from sqlmodel import Session, func, select

from dondoc.clock import TZ
from dondoc.db import session_scope
from dondoc.directory.apply import import_directory
from dondoc.errors import DondocError
from dondoc.intake import export as plan_export
from dondoc.intake.importer import import_plan
from dondoc.models import Assignment, AuditEvent, Obligation, Plan, StatusUpdate
from tests.conftest import EXAMPLES

SEEDS = sorted((EXAMPLES / "plans").glob("*.txt"))
NOW = pendulum.datetime(2025, 1, 2, 9, tz=TZ)


@pytest.fixture
def directory(engine, settings):
    import_directory(engine=engine, settings=settings, path=EXAMPLES / "directory.xlsx", now=NOW)


def _counts(engine) -> dict[str, int]:
    with Session(engine) as s:
        return {m.__name__: int(s.exec(select(func.count()).select_from(m)).one())
                for m in (Plan, Assignment, Obligation, StatusUpdate)}


@pytest.mark.slow
def test_all_seeds_resolve_and_reimport_changes_nothing(engine, settings, directory) -> None:
    results = [import_plan(engine=engine, settings=settings, activate=True, path=p, now=NOW) for p in SEEDS]
    assert [r.status for r in results] == ["created"] * len(SEEDS)
    assert {p.name: r.unresolved for p, r in zip(SEEDS, results, strict=False)} == {p.name: [] for p in SEEDS}
    assert all(r.obligations > 0 for r in results)
    before = _counts(engine)
    again = [import_plan(engine=engine, settings=settings, activate=True, path=p, now=NOW) for p in SEEDS]
    assert [r.status for r in again] == ["unchanged"] * len(SEEDS)
    assert _counts(engine) == before


def test_seed_004_chain_dates(engine, settings, directory) -> None:
    """Units report before 10/11 each year; the focal officer compiles before 15/11 (a Saturday in 2025)."""
    r = import_plan(engine=engine, settings=settings, activate=True, path=EXAMPLES / "plans" / "004_3b3dcdee6daa1c7d.txt", now=NOW,
                    year=2025)
    with Session(engine) as s:
        obs = s.exec(select(Obligation).where(Obligation.plan_id == r.plan_id)).all()
        plan = s.get(Plan, r.plan_id)
    reports = [o for o in obs if o.role == "report" and o.period == "2025"]
    compile_ = [o for o in obs if o.role == "compile" and o.period == "2025"]
    assert reports and {o.due_date.isoformat() for o in reports} == {"2025-11-10"}
    assert plan.focal_unit_id not in {o.unit_id for o in reports}
    assert [o.due_date.isoformat() for o in compile_] == ["2025-11-14"]
    assert compile_[0].unit_id == plan.focal_unit_id


def test_corrected_version_updates_in_place_and_keeps_statuses(engine, settings, directory, tmp_path) -> None:
    from dondoc.collect.submit import submit_status

    src = EXAMPLES / "plans" / "004_3b3dcdee6daa1c7d.txt"
    first = import_plan(engine=engine, settings=settings, activate=True, path=src, now=NOW, year=2025)
    with session_scope(engine) as s:
        ob = s.exec(select(Obligation).where(Obligation.plan_id == first.plan_id, Obligation.role == "report")
                    .order_by(Obligation.id)).first()
        key = ob.key

        from dondoc.directory.focal import load_people

        officer = load_people(s).responsible(ob)[0]
        submit_status(s, officer_id=officer, obligation_id=ob.id, via="cli", now=NOW,
                      payload={"status": "in_progress", "progress": 40, "result": "Đang triển khai"})
    corrected = tmp_path / "004_corrected.txt"
    corrected.write_text(src.read_text(encoding="utf-8").replace("trước ngày 10/11 hàng năm",
                                                                 "trước ngày 12/11 hàng năm"), encoding="utf-8")
    second = import_plan(engine=engine, settings=settings, activate=True, path=corrected, now=NOW, year=2025)
    assert second.plan_id == first.plan_id and second.status == "updated"
    with Session(engine) as s:
        again = s.exec(select(Obligation).where(Obligation.key == key)).one()
        assert again.due_date.isoformat() == "2025-11-12"
        assert again.status == "in_progress"
        assert s.exec(select(func.count()).select_from(StatusUpdate)
                      .where(StatusUpdate.obligation_id == again.id)).one() == 1
        assert s.exec(select(func.count()).select_from(Plan)).one() == 1


def test_failure_half_way_stores_nothing(engine, settings, directory, monkeypatch) -> None:
    from dondoc.intake import obligations

    def boom(*a, **k):
        raise DondocError("injected failure after the plan rows were written")

    monkeypatch.setattr(obligations, "sync_plan", boom)
    before = _counts(engine)
    with pytest.raises(DondocError, match="injected"):
        import_plan(engine=engine, settings=settings, activate=True, path=SEEDS[2], now=NOW)
    assert _counts(engine) == before
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(AuditEvent)).one() == 0


def test_unreadable_file_stores_nothing(engine, settings, directory, tmp_path) -> None:
    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"\x00\x01not a zip at all" * 50)
    before = _counts(engine)
    with pytest.raises(DondocError) as err:
        import_plan(engine=engine, settings=settings, activate=True, path=bad, now=NOW)
    assert "plan.docx" in str(err.value)
    assert _counts(engine) == before


@pytest.mark.parametrize("fmt", ["yaml", "xlsx"])
def test_export_correct_and_reimport(engine, settings, directory, tmp_path, fmt) -> None:
    r = import_plan(engine=engine, settings=settings, activate=True, path=SEEDS[2], now=NOW)
    with Session(engine) as s:
        data = plan_export.plan_dict(s, r.plan_id)
    data["assignments"][0]["timing"] = {"text": "Quý III/2025", "kind": "once", "due": "2025-09-30", "rrule": None}
    data["title"] = data["title"] + " (đã hiệu đính)"
    out = tmp_path / f"plan.{fmt}"
    (plan_export.write_yaml if fmt == "yaml" else plan_export.write_xlsx)(data, out)
    again = import_plan(engine=engine, settings=settings, activate=True, path=out, now=NOW)
    assert again.plan_id == r.plan_id and again.status == "updated"
    assert again.assignments == r.assignments
    with Session(engine) as s:
        plan = s.get(Plan, r.plan_id)
        assert plan.title.endswith("(đã hiệu đính)")
        first = s.exec(select(Assignment).where(Assignment.plan_id == r.plan_id).order_by(Assignment.id)).first()
        assert first.timing["due"] == "2025-09-30"
