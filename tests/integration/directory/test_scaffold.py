"""`dondoc directory scaffold`: a directory draft with a unit or alias for each body a plan names that the
directory does not know; importing the draft makes the plan's names resolve."""

from __future__ import annotations

import json

import pendulum
from sqlmodel import Session
from typer.testing import CliRunner

from dondoc.clock import TZ
from dondoc.db import session_scope
from dondoc.directory.apply import import_directory
from dondoc.directory.files import read_directory
from dondoc.directory.scaffold import scaffold
from dondoc.intake.lifecycle import activate_plan
from dondoc.intake.store import _counts, store_plan
from dondoc.models import Plan
from tests.conftest import EXAMPLES

NOW = pendulum.datetime(2025, 11, 3, 9, tz=TZ)


def _assignment(ref: str, lead: list[str], support: tuple[str, ...] = (), mode: str = "assign") -> dict:
    return {"ref": ref, "item": None, "section": None, "text": f"nhiệm vụ {ref}", "mode": mode, "lead": lead,
            "support": list(support), "timing": {"text": "trước ngày 30/12/2025", "kind": "once", "due": "2025-12-30",
                                           "rrule": None}}


# A plan as the parser gives it (the scaffold works on names, not on the text).
PLAN = {
    "schema_version": "1.0", "source": "kh12.txt", "title": "Phòng, chống dịch bệnh sau lũ năm 2025",
    "number": "12/KH-UBND", "issuer": "UBND tỉnh Đắk Lắk", "place": "Đắk Lắk", "issued_on": "2025-11-10",
    "year": 2025, "signer": None, "recipients": [], "targets": [], "warnings": [],
    "assignments": [
        _assignment("I.1", ["Sở Y tế"], ["Sở Tài chính", "các địa phương"]),
        _assignment("I.2", ["Trung tâm Kiểm soát bệnh tật tỉnh"]),
        _assignment("I.3", ["Sở Văn hóa, Thể thao và Du lịch"], ["lực lượng"]),
        _assignment("I.4", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội"], mode="request"),
        _assignment("I.5", ["Sở Y tế tỉnh"], ["UBND tỉnh"]),
    ],
    "reports": [],
}










def _plan(tmp_path):
    path = tmp_path / "kh12.json"  # `dondoc parse --json` output: what the CLI and the importer also read
    path.write_text(json.dumps(PLAN, ensure_ascii=False), encoding="utf-8")
    return path, PLAN


def test_scaffold_for_a_new_issuer_then_import_resolves(engine, settings, tmp_path) -> None:
    path, plan = _plan(tmp_path)
    with Session(engine) as session:
        draft = scaffold(session, settings=settings, plans=[(path.name, plan)])
    units = {r["name"]: r for r in draft.added if r["sheet"] == "units"}
    aliases = {r["alias"]: r for r in draft.added if r["sheet"] == "aliases"}
    assert units["UBND tỉnh Đắk Lắk"]["kind"] == "province" and units["UBND tỉnh Đắk Lắk"]["code"] == "DL"
    assert units["Sở Y tế"] == {"sheet": "units", "code": "DL-SYT", "name": "Sở Y tế", "kind": "department",
                                "parent": "DL", "external": "", "from": path.name}
    assert units["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]["external"] == "có"  # requested, not ordered
    assert "Sở Y tế tỉnh" not in units and aliases["Sở Y tế tỉnh"]["unit"] == "DL-SYT"  # one unit, one alias
    assert aliases["UBND tỉnh"]["unit"] == "DL"  # the issuer's short name
    assert aliases["các tổ chức chính trị - xã hội"]["kinds"] == "front, mass_org"
    assert aliases["các địa phương"]["kinds"] == "district, town, commune, ward, township"
    assert draft.vague == [{"name": "lực lượng", "from": path.name}]  # too general to be a unit
    # the file round-trips through the directory reader, and importing it resolves the plan
    out = tmp_path / "draft.xlsx"
    from dondoc.directory.export import write_directory

    write_directory(draft.data, out)
    assert len(read_directory(out).rows["units"]) == len(units)
    import_directory(engine=engine, settings=settings, path=out, now=NOW)
    with session_scope(engine) as session:
        result = store_plan(session, parsed=PLAN, source_name=path.name, source_hash="h", settings=settings, now=NOW)
        activate_plan(session, plan_id=result.plan_id, settings=settings, now=NOW)
        result.obligations = _counts(session, session.get(Plan, result.plan_id), status="created").obligations
    assert result.obligations > 0
    # left: 'lực lượng' (vague) and the collectives whose member units the directory does not hold yet
    assert set(result.unresolved) == {"lực lượng", "các địa phương"}


def test_scaffold_adds_nothing_when_every_name_resolves(engine, settings) -> None:
    from dondoc.plans import parse_path

    import_directory(engine=engine, settings=settings, path=EXAMPLES / "directory.xlsx", now=NOW)
    seed = EXAMPLES / "plans" / "004_3b3dcdee6daa1c7d.txt"
    with Session(engine) as session:
        draft = scaffold(session, settings=settings, plans=[(seed.name, parse_path(seed, year=2025))])
    assert draft.added == [] and draft.resolved > 10
    assert len(draft.data.rows["units"]) == 109  # the whole current directory is kept in the draft


def test_scaffold_cli(settings, tmp_path) -> None:
    from dondoc.cli import app

    path, _ = _plan(tmp_path)
    out = tmp_path / "draft.yaml"
    run = CliRunner().invoke(app, ["directory", "scaffold", str(path), "-o", str(out), "--json"])
    assert run.exit_code == 0, run.output
    body = json.loads(run.output)
    assert body["file"] == str(out) and out.is_file()
    assert any(r.get("code") == "DL-SYT" for r in body["added"])
    text = CliRunner().invoke(app, ["directory", "scaffold", str(path), "-o", str(tmp_path / "d.xlsx")])
    assert text.exit_code == 0 and "dondoc directory import" in " ".join(text.output.split())
    missing = CliRunner().invoke(app, ["directory", "scaffold", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert missing.exit_code != 0
