"""`dondoc ledger` (JSON keys, filters), `dondoc ledger export` (= the JSON rows; opens in LibreOffice),
`dondoc ical link`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dondoc.cli import build_app


def _run(*args: str) -> str:
    r = CliRunner().invoke(build_app(), list(args))
    assert r.exit_code == 0, (r.output, r.exception)
    return r.output


def test_ledger_json_and_export(settings: Any, world: dict, tmp_path: Path) -> None:
    rows = json.loads(_run("ledger", "--json"))
    assert rows and {"obligation", "plan", "ref", "unit", "due", "original_due", "status", "category"} <= set(rows[0])
    overdue = json.loads(_run("ledger", "--overdue", "--json"))
    assert overdue and len(overdue) < len(rows) and all(r["category"] in ("overdue", "in_progress") for r in overdue)
    unit = overdue[0]["unit"]
    both = json.loads(_run("ledger", "--overdue", "--unit", unit, "--json"))
    assert [r["obligation"] for r in both] == [r["obligation"] for r in overdue if r["unit"] == unit]
    out = tmp_path / "so.xlsx"
    _run("ledger", "export", "-o", str(out), "--overdue")
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    body = list(ws.iter_rows(min_row=4, values_only=True))
    assert [r[3] for r in body] == [r["task"] for r in overdue]
    assert ws.print_title_rows == "$3:$3" and ws.page_setup.orientation == "landscape"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is needed for the render check")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "so.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def test_ical_link(settings: Any, world: dict) -> None:
    url = _run("ical", "link", "ld-focal").strip()
    assert url.startswith(settings.base_url.rstrip("/") + "/ical/") and url.endswith(".ics")
    assert _run("ical", "link", "ld-focal").strip() == url  # the same live feed
    _run("ical", "revoke", "ld-focal")
    assert _run("ical", "link", "ld-focal").strip() != url


def test_substitute_commands(settings: Any, world: dict) -> None:
    from dondoc.db import make_engine, session_scope
    from dondoc.models import Officer, Substitute

    engine = make_engine(settings.database_url)
    with session_scope(engine) as s:
        officers = s.exec(__import__("sqlmodel").select(Officer).order_by(Officer.id)).all()
        away, sub = officers[0].code, officers[1].code
    assert "Đã ghi lịch vắng" in _run("substitute", "add", away, "--from", "2025-11-20", "--to", "2025-11-28",
                                      "--by", sub, "--note", "nghỉ phép")
    listed = _run("substitute", "list", "--all")
    assert away in listed and sub in listed and "nghỉ phép" in listed
    r = CliRunner().invoke(build_app(), ["substitute", "add", away, "--from", "2025-11-25", "--to", "2025-11-30"])
    assert r.exit_code != 0 and "đã có lịch vắng" in str(r.exception or r.output)
    with session_scope(engine) as s:
        ident = s.exec(__import__("sqlmodel").select(Substitute.id)).one()
    assert "Đã hủy" in _run("substitute", "cancel", str(ident))
    assert "Không có lịch vắng" in _run("substitute", "list", "--all")
    engine.dispose()
