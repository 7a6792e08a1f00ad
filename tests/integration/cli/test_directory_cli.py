"""`dondoc directory import|export|check` through the Typer app (and once as a real subprocess)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.errors import DirectoryError, InputError, NotFound

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE_XLSX = ROOT / "examples" / "directory.xlsx"
GOLD = ROOT.parent / "shared" / "seeds" / "gold"
SEEDS = ROOT.parent / "shared" / "seeds"

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=True)


@pytest.fixture
def imported(settings):
    result = run("directory", "import", str(EXAMPLE_XLSX.with_suffix(".yaml")))
    assert result.exit_code == 0, result.output
    return settings


def test_import_twice_reports_no_change(settings) -> None:
    first = run("directory", "import", str(EXAMPLE_XLSX))
    assert first.exit_code == 0 and "đã cập nhật danh bạ" in first.output
    assert "thêm 109" in first.output
    again = run("directory", "import", str(EXAMPLE_XLSX), "--json")
    data = json.loads(again.output)
    assert data["changed"] is False and data["units"]["unchanged"] == 109 and data["units"]["created"] == 0


def test_import_of_a_bad_file_raises_the_directory_error(settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("units:\n- code: A\n  name: A\n  parent: B\n", encoding="utf-8")
    result = run("directory", "import", str(bad))
    assert isinstance(result.exception, DirectoryError)
    assert "dòng 2, cột parent: không có đơn vị cấp trên mã 'B'" in str(result.exception)
    # nothing stored
    assert yaml.safe_load(run("directory", "export").output)["units"] == []


def test_export_yaml_to_stdout_and_files(imported, tmp_path: Path) -> None:
    out = run("directory", "export")
    assert out.exit_code == 0
    doc = yaml.safe_load(out.output)
    assert len(doc["units"]) == 109 and doc["contacts"][0]["url"].startswith("mailto://")
    for fmt in ("xlsx", "csv", "yaml"):
        target = tmp_path / f"dir.{fmt}"
        result = run("directory", "export", str(target))
        assert result.exit_code == 0 and target.exists() and "109 đơn vị" in result.output
    csv_out = run("directory", "export", "--format", "csv")
    assert csv_out.output.splitlines()[0].startswith("record,code,name")
    assert isinstance(run("directory", "export", "--format", "xlsx").exception, InputError)
    forced = tmp_path / "named.txt"
    assert run("directory", "export", str(forced), "--format", "yaml").exit_code == 0
    assert yaml.safe_load(forced.read_text(encoding="utf-8"))["units"][0]["code"] == "TH"


@pytest.mark.parametrize("seed", ["003", "004"])
def test_check_gold_plan_whose_issuer_can_be_read(imported, seed: str) -> None:
    gold = next(GOLD.glob(f"{seed}_*.gold.json"))
    result = run("directory", "check", str(gold))
    assert result.exit_code == 0, result.output
    assert ", 0 không khớp" in result.output


def test_check_lists_unresolved_names_with_candidates_and_exits_1(imported) -> None:
    gold = next(GOLD.glob("002_*.gold.json"))  # the gold has no header: the issuer is unknown
    result = run("directory", "check", str(gold))
    assert result.exit_code == 1
    assert "không khớp: 'Phòng Nội vụ'" in result.output
    assert "gần nhất: Phòng Nội vụ (UBND huyện Quan Hoá) (100)" in result.output
    assert "--scope" in result.output


@pytest.mark.parametrize("scope", ["QH", "UBND huyện Quan Hoá"])
def test_check_with_scope_resolves_everything(imported, scope: str) -> None:
    gold = next(GOLD.glob("002_*.gold.json"))
    result = run("directory", "check", str(gold), "--scope", scope, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["scope"] == "QH" and data["unresolved"] == 0 and data["names"] > 30
    nv = next(r for r in data["results"] if r["name"] == "Phòng Nội vụ")
    assert nv["targets"] == [{"unit": "QH-NV", "officer": None}] and nv["method"] == "exact"


def test_check_unknown_scope(imported) -> None:
    gold = next(GOLD.glob("002_*.gold.json"))
    assert isinstance(run("directory", "check", str(gold), "--scope", "Huyện Không Có").exception, NotFound)


def test_check_typo_is_reported_until_an_alias_is_added(imported, tmp_path: Path) -> None:
    plan = {"issuer": "UBND huyện Bình Lục",
            "assignments": [{"lead": ["Phòng Bảo trợ xã hội"], "support": ["Phòng Y tế"]}], "reports": []}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    first = run("directory", "check", str(path))
    assert first.exit_code == 1 and "không khớp: 'Phòng Bảo trợ xã hội'" in first.output
    assert "1/2 tên đã khớp" in first.output
    # The person adds the alias to the directory file and imports it again.
    exported = tmp_path / "dir.yaml"
    run("directory", "export", str(exported))
    doc = yaml.safe_load(exported.read_text(encoding="utf-8"))
    doc["aliases"].append({"alias": "Phòng Bảo trợ xã hội", "unit": "BL-LDTBXH"})
    exported.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run("directory", "import", str(exported)).exit_code == 0
    assert run("directory", "check", str(path)).exit_code == 0


def test_check_of_a_non_plan_json(imported, tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("[1, 2]", encoding="utf-8")
    assert "assignments" in str(run("directory", "check", str(path)).exception)
