"""`dondoc report` and `dondoc letter`, in process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.reporting.sample import seed_sample

runner = CliRunner()


@pytest.fixture
def seeded(settings: Any, session: Session) -> dict[str, Any]:
    return seed_sample(session)


def test_report_writes_docx_xlsx_and_markdown(seeded: dict[str, Any], tmp_path: Path) -> None:
    out, xlsx = tmp_path / "bc.docx", tmp_path / "bc.xlsx"
    r = runner.invoke(app, ["report", str(seeded["plan_id"]), "--period", "2025", "--out", str(out), "--xlsx",
                            str(xlsx), "--md", "--at", "2025-11-13T09:00"])
    assert r.exit_code == 0, r.output
    assert "- Giải quyết việc làm mới cho 85 lao động: 73/85 = 85,9 %" in r.stdout
    d = docx.Document(str(out))
    assert "BÁO CÁO" in [p.text for p in d.paragraphs]
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "I. Kết quả nhiệm vụ"


@pytest.mark.parametrize(("args", "message"), [
    (["report", "999", "--period", "2025"], "không có kế hoạch"),
    (["report", "1", "--period", "2025-Q7"], "kỳ báo cáo"),
    (["letter", "1"], "--overdue"),
])
def test_user_errors_are_one_line(seeded: dict[str, Any], args: list[str], message: str) -> None:
    r = runner.invoke(app, args)
    assert r.exit_code != 0
    assert message in str(r.exception)


def test_letter(seeded: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "dondoc.docx"
    r = runner.invoke(app, ["letter", str(seeded["plan_id"]), "--overdue", "--out", str(out), "--at", "2025-11-13"])
    assert r.exit_code == 0, r.output
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "1. UBND thị trấn Hồi Xuân:" in text and "2. UBND xã Nam Xuân:" in text
    assert any("quá hạn 3 ngày; chưa báo cáo" in t for t in text)
    assert text[-1].endswith("./.") or any(t.endswith("./.") for t in text)
    header = docx.Document(str(out)).tables[0].rows[0].cells[0].text
    assert "/UBND-LĐTBXH" in header and "V/v đôn đốc thực hiện Kế hoạch số 68/KH-UBND" in header
