"""The Excel annex: one sheet per part, every submission with unit, time and late flag; no formula injection."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dondoc.reporting.xlsx_report import render_report_xlsx


@pytest.fixture(scope="module")
def workbook(snapshot: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("xlsx") / "annex.xlsx"
    render_report_xlsx(snapshot, path)
    return openpyxl.load_workbook(path)


def test_one_sheet_per_part(workbook: Any) -> None:
    assert workbook.sheetnames == ["I. Kết quả nhiệm vụ", "II. Chỉ tiêu", "III. Tiến độ theo đơn vị",
                                   "III. Chi tiết nhiệm vụ", "IV. Khó khăn, vướng mắc", "V. Nhiệm vụ kỳ tới",
                                   "VI. Kiến nghị, đề xuất"]


@pytest.mark.parametrize("sheet", ["I. Kết quả nhiệm vụ", "II. Chỉ tiêu", "III. Tiến độ theo đơn vị",
                                   "IV. Khó khăn, vướng mắc", "VI. Kiến nghị, đề xuất"])
def test_frozen_headers_and_filters(workbook: Any, sheet: str) -> None:
    ws = workbook[sheet]
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref.startswith("A2:")
    assert ws["A2"].value == "STT" and ws["A2"].font.b


def test_every_submission_with_unit_time_and_late_flag(workbook: Any, snapshot: dict[str, Any]) -> None:
    ws = workbook["I. Kết quả nhiệm vụ"]
    header = [c.value for c in ws[2]]
    assert header[1] == "Đơn vị" and header[-2:] == ["Thời gian gửi", "Gửi muộn"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    assert len(rows) == len(snapshot["submissions"]) == 15  # 16 seeded, one after the cut-off
    nam = next(r for r in rows if r[1] == "UBND xã Nam Xuân" and r[2] == "III.2")
    assert nam[11] == "11/11/2025 16:00" and nam[12] == "Gửi muộn"
    assert not any("chốt số liệu" in str(r[7]) for r in rows)


def test_targets_sheet(workbook: Any) -> None:
    ws = workbook["II. Chỉ tiêu"]
    first = [c.value for c in ws[3]]
    assert first[1:4] == ["II.2#1", "Giải quyết việc làm mới cho 85 lao động", 85]
    assert first[6:10] == [73, 85.9, "chưa đạt", "UBND xã Nam Xuân: 33; UBND xã Phú Nghiêm: 40"]


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1+2", "-3+cmd", "@SUM(A1)", "\t=1"])
def test_formula_injection_is_neutralised(snapshot: dict[str, Any], tmp_path: Path, text: str) -> None:
    s = copy.deepcopy(snapshot)
    s["submissions"][0]["result"] = text
    render_report_xlsx(s, tmp_path / "x.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "x.xlsx")["I. Kết quả nhiệm vụ"]["H3"]
    assert cell.data_type == "s"
    assert cell.value == text
    assert cell.quotePrefix


def test_byte_identical(snapshot: dict[str, Any], tmp_path: Path) -> None:
    assert render_report_xlsx(snapshot, tmp_path / "a.xlsx") == render_report_xlsx(snapshot, tmp_path / "b.xlsx")
