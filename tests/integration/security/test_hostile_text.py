"""Issue 18 #1: one bad character must not stop a report or a province's reminders.

U+FFFE, U+FFFF, lone surrogates, C0/C1 controls are made valid where text enters (submissions, plans,
directories), renderers clean again what is already stored, and the sweep compiles each plan on its
own: a failure is audited, told to the focal officers, retried, and every other plan still goes out."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import pendulum
import pytest
from docx import Document
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc import clock
from dondoc.config import Settings
from dondoc.models import AuditEvent, CompiledReport, Message, Obligation, StatusUpdate, Unit
from dondoc.textsafe import clean, is_safe, xml_safe
from tests.integration.web.world import World

DAY = pendulum.datetime(2025, 11, 6, 8, 0, tz=clock.TZ)  # Thursday: reminders (offset 2) and compile day
BAD = "a\ufffeb\uffffc\x01d\x85e\u202ef\U0010fffeg"


def _auth(world: World, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.tokens[who]}"}


def _add_compile_obligations(engine: Engine, world: World) -> None:
    """Both plans of the world get a consolidated report due on 07/11 (compiled on 06/11)."""
    with Session(engine) as s:
        for plan_id, unit in ((world["plan"], world["ldtbxh"]), (world["plan"] + 1, world["noivu"])):
            s.add(Obligation(key=f"k:compile:{plan_id}", plan_id=plan_id, unit_id=unit, role="compile",
                             period="2025", period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31),
                             cutoff=dt.date(2025, 11, 7), due_date=dt.date(2025, 11, 7), created_at=DAY))
        s.commit()


def _open_report(settings: Settings, row: CompiledReport) -> tuple[str, list[Any]]:
    docx = Document(str(settings.home / row.docx_path)) if row.docx_path else None  # type: ignore[operator]
    text = "\n".join(p.text for p in docx.paragraphs) if docx else ""
    wb = load_workbook(settings.home / row.xlsx_path)  # type: ignore[operator]
    cells = [c.value for ws in wb.worksheets for r in ws.iter_rows() for c in r]
    return text, cells


def test_sanitiser_keeps_text_and_drops_only_what_xml_refuses() -> None:
    assert xml_safe(BAD) == "abcde\u202efg"
    assert xml_safe("a\ud800b\udfffc") == "abc"
    assert xml_safe("Nhiệm vụ\ttab\nline") == "Nhiệm vụ\ttab\nline"
    assert clean("e\u0301\r\nx") == "é\nx" and is_safe(clean(BAD))


def test_bad_characters_in_a_submission_are_stored_clean(client: TestClient, world: World, engine: Engine) -> None:
    r = client.post(f"/api/obligations/{world['rep1']}/status", headers=_auth(world, "a1"),
                    json={"status": "in_progress", "result": "a\ufffeb", "difficulties": BAD, "proposals": "x\x0cy"})
    assert r.status_code == 200, r.text
    with Session(engine) as s:
        u = s.exec(select(StatusUpdate)).one()
        assert (u.result, u.difficulties, u.proposals) == ("ab", "abcde\u202efg", "xy")


@pytest.mark.parametrize("text", ["a\ud800b", "\udfff", "x\ud83dy"])
def test_lone_surrogate_is_not_a_500(client: TestClient, world: World, text: str) -> None:
    # a JSON body with an escaped lone surrogate (as an attacker's client would send it)
    body = '{{"status": "in_progress", "result": "{}"}}'.format(text.encode("unicode_escape", "surrogatepass").decode())
    r = client.post(f"/api/obligations/{world['rep1']}/status", content=body,
                    headers=_auth(world, "a1") | {"Content-Type": "application/json"})
    assert r.status_code in (200, 422), r.text


def test_form_submission_with_bad_characters(client: TestClient, world: World, engine: Engine) -> None:
    import re

    base = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(base).text).group(1)  # type: ignore[union-attr]
    r = client.post(base, data={"csrf": csrf, "status": "in_progress", "progress": "10", "result": BAD},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    with Session(engine) as s:
        assert is_safe(s.exec(select(StatusUpdate)).one().result)


def test_report_compiles_even_from_bad_text_already_stored(engine: Engine, settings: Settings, world: World,
                                                          client: TestClient) -> None:
    """Rows written before the boundary cleaned text (or by hand) still render: the renderers clean too."""
    from dondoc.reporting.compile import compile_report

    client.post(f"/api/obligations/{world['rep1']}/status", headers=_auth(world, "a1"),
                json={"status": "in_progress", "result": "placeholder"})
    with Session(engine) as s:
        s.execute(update(StatusUpdate).values(result=BAD, difficulties="\ufffe\uffff", proposals="\x0b"))
        s.execute(update(Unit).where(Unit.id == world["xa1"]).values(name="UBND xã \ufffeAn Bình\x1f"))
        s.commit()
    row = compile_report(engine=engine, settings=settings, plan_id=world["plan"], period="2025", now=DAY, send=False)
    text, cells = _open_report(settings, row)
    assert "UBND xã An Bình" in text or any("UBND xã An Bình" in str(c) for c in cells)
    assert any(str(c).startswith("abcd") and is_safe(str(c)) for c in cells)


def test_sweep_goes_on_when_one_plan_fails(engine: Engine, settings: Settings, world: World,
                                           frozen_clock: clock.FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    from dondoc.app.daily import run_daily
    from dondoc.notifications.fake import FakeNotifier
    from dondoc.reporting import compile as compile_module

    _add_compile_obligations(engine, world)
    frozen_clock.set(DAY)
    real = compile_module.compile_report
    broken = world["plan"]

    def flaky(**kw: Any) -> Any:
        if kw["plan_id"] == broken:
            raise ValueError("PCDATA invalid Char value 65534")  # what lxml said on the old code
        return real(**kw)

    monkeypatch.setattr(compile_module, "compile_report", flaky)
    result = run_daily(engine=engine, settings=settings, now=DAY, notifier=FakeNotifier())
    assert result.failed == [(broken, "2025")]
    assert result.compiled == [(broken + 1, "2025")]
    assert result.delivery is not None  # the day's messages were composed and handed to delivery
    with Session(engine) as s:
        digests = s.exec(select(Message).where(Message.kind == "digest")).all()
        assert digests, "no reminder went out"
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "report_failed")).one()
        assert event.entity_id == broken and "65534" in (event.note or "")
        told = s.exec(select(Message).where(Message.key.like(f"report-failed:{broken}:%"))).all()  # type: ignore[attr-defined]
        assert told and all(m.officer_id == world["focal"] for m in told)
    # the next run retries the failed plan (and tells the focal officer only once a day)
    monkeypatch.setattr(compile_module, "compile_report", real)
    again = run_daily(engine=engine, settings=settings, now=DAY.add(hours=2), notifier=FakeNotifier())
    assert again.compiled == [(broken, "2025")] and again.failed == []


def test_sweep_with_bad_text_compiles_every_plan(engine: Engine, settings: Settings, world: World,
                                                  frozen_clock: clock.FixedClock, client: TestClient) -> None:
    """The reproduction of the finding: U+FFFE in a result, then the daily run (exit 1 on the old code)."""
    from dondoc.app.daily import run_daily
    from dondoc.notifications.fake import FakeNotifier

    _add_compile_obligations(engine, world)
    frozen_clock.set(DAY)
    assert client.post(f"/api/obligations/{world['rep1']}/status", headers=_auth(world, "a1"),
                       json={"status": "in_progress", "result": "a\ufffeb"}).status_code == 200
    result = run_daily(engine=engine, settings=settings, now=DAY, notifier=FakeNotifier())
    assert sorted(result.compiled) == [(world["plan"], "2025"), (world["plan"] + 1, "2025")] and not result.failed
    with Session(engine) as s:
        for row in s.exec(select(CompiledReport)).all():
            _open_report(settings, row)


def test_plan_text_cleaned_where_it_enters() -> None:
    from dondoc.textsafe import clean_tree

    parsed = {"title": "Kế hoạch\ufffe", "assignments": [{"text": "Nhiệm vụ\x01", "lead": ["UBND\ud800 xã"]}]}
    assert clean_tree(parsed) == {"title": "Kế hoạch", "assignments": [{"text": "Nhiệm vụ", "lead": ["UBND xã"]}]}


def test_directory_text_cleaned_where_it_enters(tmp_path: Path) -> None:
    from dondoc.directory.files import read_directory

    path = tmp_path / "d.csv"
    path.write_text("record,code,name,unit\nunit,XA,UBND xã\ufffe An\x85 Bình,\nofficer,CB1,Lê\uffff Văn,XA\n",
                    encoding="utf-8")
    data = read_directory(path)
    names = [r.values["name"] for sheet in ("units", "officers") for r in data.rows[sheet]]
    assert names == ["UBND xã An Bình", "Lê Văn"]


def test_docx_core_title_and_xlsx_caption_survive_bad_plan_title(tmp_path: Path) -> None:
    from dondoc.reporting.docx_base import new_document, save, set_properties

    doc = new_document()
    set_properties(doc, title="Kế hoạch \ufffe\x02", day=dt.date(2025, 11, 6))
    data = save(doc, tmp_path / "x.docx")
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
