"""Issue 18 #1, as a property: whatever Unicode a submission, a directory or a plan carries (U+FFFE,
U+FFFF, lone surrogates, C0/C1 controls, bidi marks...), the report compiles, opens in python-docx and
openpyxl (and LibreOffice, in one example), and the daily sweep completes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import delete, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from dondoc import clock
from dondoc.collect.submit import submit_status
from dondoc.config import Settings
from dondoc.directory.files import _cell
from dondoc.models import Assignment, CompiledReport, Officer, Plan, Target, Unit
from dondoc.reporting.compile import compile_report
from dondoc.textsafe import clean, clean_tree
from tests.integration.security.test_hostile_text import DAY, _add_compile_obligations
from tests.integration.web.world import World

NASTY = st.sampled_from(["\ufffe", "\uffff", "\ud800", "\udfff", "\x00", "\x01", "\x0b", "\x1f", "\x7f", "\x85",
                         "\x9f", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\U0010ffff", "\U0001fffe",
                         "&", "<", "]]>", "=cmd|' /C calc'!A0", "\r\n", "\t"])
TEXT = st.lists(st.one_of(NASTY, st.text(max_size=8)), min_size=1, max_size=8).map("".join)


def _raw(text: str) -> str:
    """What a database accepts at all (no NUL, no surrogate): a row written around the boundary."""
    return "".join(c for c in text if c != "\x00" and not 0xD800 <= ord(c) <= 0xDFFF)


def _apply(engine: Engine, world: World, texts: list[str]) -> None:
    sub, unit, officer, title, task, target, raw_unit = texts
    sub = sub.replace("\x00", "")  # a NUL in a submission is refused with a message (test_nul_refused)
    with Session(engine) as s:
        # a submission, through the service (validation cleans)
        submit_status(s, officer_id=world["a1"], obligation_id=world["rep1"], via="api", now=DAY,
                      payload={"status": "in_progress", "progress": 40, "result": sub, "difficulties": sub[::-1],
                               "proposals": sub * 2, "figures": {"III.1": "50"}})
        # a directory, through the readers' cell cleaner
        s.execute(update(Unit).where(Unit.id == world["xa1"]).values(name=_cell(unit) or "x"))
        s.execute(update(Officer).where(Officer.id == world["a1"]).values(name=_cell(officer) or "y"))
        # a plan, through what store_plan applies
        parsed = clean_tree({"title": title, "task": task, "target": target})
        s.execute(update(Plan).where(Plan.id == world["plan"]).values(title=parsed["title"] or "z"))
        s.execute(update(Assignment).where(Assignment.plan_id == world["plan"]).values(text=parsed["task"]))
        s.execute(update(Target).where(Target.id == world["t3"]).values(text=parsed["target"]))
        # and one row written around the boundary: renderers must survive it too
        s.execute(update(Target).where(Target.id == world["t1"]).values(unit=_raw(raw_unit)))
        s.execute(update(Unit).where(Unit.id == world["xa2"]).values(name=_raw(raw_unit) or "w"))
        s.execute(delete(CompiledReport))
        s.commit()


def _opens(settings: Settings, row: CompiledReport) -> None:
    doc = Document(str(settings.home / row.docx_path))  # type: ignore[operator]
    assert doc.paragraphs
    wb = load_workbook(settings.home / row.xlsx_path)  # type: ignore[operator]
    assert sum(ws.max_row for ws in wb.worksheets) > 2


def test_any_text_compiles_and_opens(engine: Engine, settings: Settings, world: World,
                                     frozen_clock: clock.FixedClock) -> None:
    frozen_clock.set(DAY)

    @hsettings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(TEXT, min_size=7, max_size=7))
    def check(texts: list[str]) -> None:
        _apply(engine, world, texts)
        row = compile_report(engine=engine, settings=settings, plan_id=world["plan"], period="2025", now=DAY,
                             send=False)
        _opens(settings, row)

    check()


def test_sweep_completes_with_hostile_text_everywhere(engine: Engine, settings: Settings, world: World,
                                                      frozen_clock: clock.FixedClock) -> None:
    from dondoc.app.daily import run_daily
    from dondoc.notifications.fake import FakeNotifier

    _add_compile_obligations(engine, world)
    frozen_clock.set(DAY)
    _apply(engine, world, ["a\ufffeb\ud800", "UBND\x85 xã\uffff", "Lê\x01 Văn", "Kế hoạch\ufffe",
                           "Nhiệm vụ\x0b", "Chỉ tiêu\u202e", "hộ\ufffe"])
    result = run_daily(engine=engine, settings=settings, now=DAY, notifier=FakeNotifier())
    assert not result.failed and len(result.compiled) == 2 and result.delivery is not None


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_report(engine: Engine, settings: Settings, world: World,
                                      frozen_clock: clock.FixedClock, tmp_path: Path) -> None:
    frozen_clock.set(DAY)
    _apply(engine, world, ["a\ufffeb\uffffc\x01\x85\u202e", "UBND xã\ufffe", "Lê\x9f", "Kế hoạch\U0010ffff",
                           "x\x0cy", "]]>&<", "\ufffe"])
    row = compile_report(engine=engine, settings=settings, plan_id=world["plan"], period="2025", now=DAY, send=False)
    out = tmp_path / "out"
    for name in (row.docx_path, row.xlsx_path):
        src = settings.home / name  # type: ignore[operator]
        target = "txt:Text" if src.suffix == ".docx" else "csv"
        r = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                            target, "--outdir", str(out), str(src)], capture_output=True, text=True, timeout=180,
                           check=False)
        converted = out / (src.stem + (".txt" if src.suffix == ".docx" else ".csv"))
        assert converted.exists() and converted.stat().st_size > 100, (r.stdout, r.stderr)
    assert "BÁO CÁO" in (out / (Path(row.docx_path).stem + ".txt")).read_text(errors="replace")  # type: ignore[arg-type]


def test_clean_is_idempotent_and_safe() -> None:
    @hsettings(max_examples=300, deadline=None)
    @given(TEXT)
    def check(text: str) -> None:
        once = clean(text)
        assert clean(once) == once
        once.encode("utf-8")  # no lone surrogate left
        import lxml.etree as et

        et.fromstring(f"<a>{once.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</a>")

    check()


def test_nul_in_a_submission_is_refused_not_stored() -> None:
    from dondoc.collect.validation import StatusInputError, validate

    with pytest.raises(StatusInputError, match="không hợp lệ"):
        validate({"status": "in_progress", "result": "a\x00b"}, targets=[])
