"""Issue 18 #5, #6, #9, #10: no live link in stored messages; figures finite, plausible, plain digits;
no orphan upload after a crash; private files; `report --md` inert; audit `via` from the server."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc import clock
from dondoc.collect import links
from dondoc.collect.validation import StatusInputError, parse_number, validate
from dondoc.config import Settings
from dondoc.models import Contact, Message, Notice, Target
from dondoc.secrets import seal
from tests.integration.web.world import World

T = [Target(plan_id=1, key="t-ho", ref="II.1", text="Hộ thoát nghèo", value=120, unit="hộ")]


# ------------------------------------------------------------------------------------------ #5 links

def test_stored_messages_hold_no_live_link_and_sends_carry_one(engine: Engine, settings: Settings,
                                                                world: World) -> None:
    from dondoc.delivery.compose import compose_messages
    from dondoc.delivery.outbox import deliver_pending
    from dondoc.notifications.fake import FakeNotifier

    day = dt.date(2025, 11, 5)
    with Session(engine) as s:
        s.add(Contact(officer_id=world["a1"], channel="webhook", url=seal("json://hooks.example/a1", settings),
                      priority=1))
        s.add(Notice(obligation_id=world["rep1"], officer_id=world["a1"], kind="reminder", level=0, day=day,
                     created_at=clock.now()))
        s.commit()
        compose_messages(s, day=day, now=clock.now(), settings=settings)
        s.commit()
    notifier = FakeNotifier()
    deliver_pending(engine=engine, settings=settings, notifier=notifier, now=clock.now())
    with Session(engine) as s:
        bodies = [m.body_text + m.body_html + m.subject for m in s.exec(select(Message)).all()]
    assert bodies and all(links.PLACEHOLDER in b for b in bodies)
    for token in world.tokens.values():
        assert not any(token in b for b in bodies)
    live = {t for b in bodies for t in re.findall(r"/t/([A-Za-z0-9_-]{20,})", b)}
    assert live == set()
    sent = [x for x in notifier.sent if "a1" in x.url]
    assert sent and world.tokens["a1"] in sent[0].text and links.PLACEHOLDER not in sent[0].text
    assert world.tokens["a1"] in sent[0].html


def test_assignment_notices_hold_no_live_link(engine: Engine, settings: Settings, world: World) -> None:
    # The giao việc notice of an activation (intake/lifecycle.notify_assigned) is stored like a digest:
    # a placeholder, the token put in at send time.
    from dondoc.delivery.outbox import deliver_pending
    from dondoc.intake.lifecycle import ASSIGNMENT, notify_assigned
    from dondoc.models import Plan
    from dondoc.notifications.fake import FakeNotifier

    with Session(engine) as s:
        assert notify_assigned(s, plan=s.get(Plan, world["plan"]), settings=settings, now=clock.now()) > 0
        s.commit()
        stored = s.exec(select(Message).where(Message.kind == ASSIGNMENT)).all()
        bodies = [m.body_text + m.body_html for m in stored]
        head = [m.body_text for m in stored if m.officer_id == world["h1"]]  # xa1's head answers for its tasks
        s.add(Contact(officer_id=world["h1"], channel="webhook", url=seal("json://hooks.example/h1", settings),
                      priority=1))
        s.commit()
    assert bodies and all(links.PLACEHOLDER in b for b in bodies)
    assert not any(re.search(r"/t/[A-Za-z0-9_-]{16,}", b) for b in bodies)
    assert head and "III.1" in head[0]  # the task's section number, from the shared message context
    notifier = FakeNotifier()
    deliver_pending(engine=engine, settings=settings, notifier=notifier, now=clock.now())
    sent = [x for x in notifier.sent if "h1" in x.url]
    assert sent and world.tokens["h1"] in sent[0].text


def test_outbox_files_hold_no_live_link(engine: Engine, settings: Settings, world: World, tmp_path: Path) -> None:
    # The demo's set-up (every message redirected to a folder, DONDOC_OUTBOX): the officer's contact
    # still receives the live link, but the file at rest holds only its first characters, which match
    # the line `dondoc links` prints for that officer.
    from dondoc.delivery.compose import compose_messages
    from dondoc.delivery.outbox import deliver_pending
    from dondoc.notifications import get_notifier
    from dondoc.notifications.render import SHOWN_PREFIX

    day = dt.date(2025, 11, 5)
    with Session(engine) as s:
        s.add(Contact(officer_id=world["a1"], channel="email",
                      url=seal("mailto://127.0.0.1:9?from=a@example.vn&to=b@example.vn", settings), priority=1))
        s.add(Notice(obligation_id=world["rep1"], officer_id=world["a1"], kind="reminder", level=0, day=day,
                     created_at=clock.now()))
        s.commit()
        compose_messages(s, day=day, now=clock.now(), settings=settings)
        s.commit()
    folder = tmp_path / "outbox"
    dry = settings.model_copy(update={"outbox": folder})
    stats = deliver_pending(engine=engine, settings=dry, notifier=get_notifier(dry), now=clock.now())
    assert stats.sent == 1
    files = [p for p in folder.iterdir() if p.suffix in (".txt", ".html")]
    assert sorted(p.suffix for p in files) == [".html", ".txt"]
    with Session(engine) as s:
        live = links.link_for(s, officer_id=world["a1"], settings=settings, now=clock.now())
        s.commit()
    token = live.rsplit("/", 1)[1]
    assert token == world.tokens["a1"]
    for p in files:
        content = p.read_text(encoding="utf-8")
        assert not any(t in content for t in world.tokens.values()), p.name
        assert not re.search(r"/t/[A-Za-z0-9_-]{16,}", content), p.name
        assert f"/t/{token[:SHOWN_PREFIX]}…" in content and "dondoc links" in content


# ------------------------------------------------------------------------------------------ #6 figures

@pytest.mark.parametrize("raw", ["1_000", "١٠٠", "１００", "1e3", "1e308", "inf", "nan", "0x10", True, False,
                                 float("inf"), float("nan"), None, [1], {"v": 1}])
def test_figure_refused(raw: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        parse_number(raw)


@pytest.mark.parametrize("raw,value", [("73", 73.0), ("78,2", 78.2), ("60.000", 60000.0), ("1.234,5", 1234.5),
                                       ("12.5", 12.5), (" 85 % ", 85.0), (42, 42.0), (3.5, 3.5)])
def test_figure_accepted(raw: object, value: float) -> None:
    assert parse_number(raw) == value


@pytest.mark.parametrize("raw", [1e308, 1e13, "120001"])
def test_implausible_figure_refused(raw: object) -> None:
    with pytest.raises(StatusInputError, match="bất thường"):
        validate({"status": "in_progress", "figures": {"II.1": raw}}, targets=T)


def test_plausible_figure_kept() -> None:
    assert validate({"status": "in_progress", "figures": {"II.1": "1.200"}}, targets=T).figures == {"t-ho": 1200.0}


@pytest.mark.parametrize("progress", [True, "1_0", "٥٠"])
def test_progress_must_be_plain_digits(progress: object) -> None:
    with pytest.raises(StatusInputError):
        validate({"status": "in_progress", "progress": progress}, targets=T)


@pytest.mark.parametrize("body", [{"status": "in_progress", "progress": True},
                                  {"status": "in_progress", "figures": {"III.1": True}},
                                  {"status": "in_progress", "figures": {"III.1": 1e308}},
                                  {"status": "in_progress", "figures": {"III.1": "1_000"}}])
def test_api_refuses_booleans_and_absurd_figures(client: TestClient, world: World, body: dict) -> None:
    r = client.post(f"/api/obligations/{world['rep1']}/status", json=body,
                    headers={"Authorization": f"Bearer {world.tokens['a1']}"})
    assert r.status_code == 422, r.text


def test_two_huge_figures_cannot_sum_to_infinity(client: TestClient, world: World, engine: Engine,
                                                 settings: Settings) -> None:
    """The finding: 1e308 from two units summed to inf; the xlsx held <v>inf</v>. Now the second is refused
    and the annex opens."""
    for who, ob in (("a1", "rep1"), ("a2", "rep2")):
        r = client.post(f"/api/obligations/{world[ob]}/status", json={"status": "in_progress",
                                                                      "figures": {"III.1": 1e308}},
                        headers={"Authorization": f"Bearer {world.tokens[who]}"})
        assert r.status_code == 422


# ------------------------------------------------------------------------------------------ #9 orphans

def test_rolled_back_upload_leaves_no_file(engine: Engine, settings: Settings, world: World) -> None:
    from dondoc.collect.attachments import attachments_root, store_attachment
    from dondoc.collect.submit import submit_status

    with Session(engine) as s:
        u = submit_status(s, officer_id=world["a1"], obligation_id=world["rep1"], payload={"status": "in_progress"},
                          via="web", now=clock.now())
        store_attachment(s, settings=settings, status_update_id=u.id, filename="a.pdf",  # type: ignore[arg-type]
                         data=b"%PDF-1.4\n1 0 obj<<>>endobj\n", now=clock.now())
        s.rollback()
    assert [p for p in attachments_root(settings).rglob("*") if p.is_file()] == []


def test_committed_upload_is_in_place(engine: Engine, settings: Settings, world: World) -> None:
    from dondoc.collect.attachments import attachment_path, store_attachment
    from dondoc.collect.submit import submit_status

    with Session(engine) as s:
        u = submit_status(s, officer_id=world["a1"], obligation_id=world["rep1"], payload={"status": "in_progress"},
                          via="web", now=clock.now())
        att = store_attachment(s, settings=settings, status_update_id=u.id, filename="a.pdf",  # type: ignore[arg-type]
                               data=b"%PDF-1.4\n", now=clock.now())
        s.commit()
        path = attachment_path(settings, att)
    assert path.read_bytes() == b"%PDF-1.4\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_kill_during_upload_leaves_nothing_after_the_sweep(engine: Engine, settings: Settings, world: World,
                                                           tmp_path: Path) -> None:
    """A worker killed (-9) while an upload is written: the file is a .partial with no row; the next daily
    run removes it once it is a day old. A file whose row committed but was not renamed is put in place."""
    import subprocess
    import sys

    from dondoc.collect.attachments import attachments_root, sweep_orphans

    code = f"""
import os, signal
from sqlmodel import Session
from dondoc.config import Settings
from dondoc.db import make_engine
from dondoc.collect.attachments import store_attachment
from dondoc.collect.submit import submit_status
from dondoc import clock
settings = Settings(home={str(settings.home)!r}, database_url={settings.db_url!r}, secret_key={settings.secret_key!r})
engine = make_engine(settings.db_url)
with Session(engine) as s:
    u = submit_status(s, officer_id={world['a1']}, obligation_id={world['rep1']}, payload={{"status": "in_progress"}},
                      via="web", now=clock.now())
    store_attachment(s, settings=settings, status_update_id=u.id, filename="a.pdf", data=b"%PDF-1.4\\n" * 1000,
                     now=clock.now())
    os.kill(os.getpid(), signal.SIGKILL)  # before the commit
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False,
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")})
    assert r.returncode == -9, r.stderr
    left = [p for p in attachments_root(settings).rglob("*") if p.is_file()]
    assert left and all(p.name.endswith(".partial") for p in left)  # never a final name without a row
    with Session(engine) as s:
        real_now = dt.datetime.now(dt.UTC)  # file times are real, not the frozen test clock's
        assert sweep_orphans(s, settings=settings, now=real_now) == (0, 0)  # younger than a day: kept
        assert sweep_orphans(s, settings=settings, now=real_now + dt.timedelta(days=2)) == (0, len(left))
    assert [p for p in attachments_root(settings).rglob("*") if p.is_file()] == []


# ------------------------------------------------------------------------------------------ #10 files

def test_directory_export_is_private(engine: Engine, settings: Settings, world: World, tmp_path: Path) -> None:
    from dondoc.directory.export import export_directory

    for name in ("dir.xlsx", "dir.csv", "dir.yaml"):
        out = export_directory(engine=engine, settings=settings, path=tmp_path / name)
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600, name


def test_report_files_are_private(engine: Engine, settings: Settings, world: World) -> None:
    from dondoc.reporting.compile import compile_report

    row = compile_report(engine=engine, settings=settings, plan_id=world["plan"], period="2025", now=clock.now(),
                         send=False)
    for rel in (row.docx_path, row.xlsx_path):
        assert stat.S_IMODE(os.stat(settings.home / rel).st_mode) == 0o600  # type: ignore[operator]


def test_markdown_report_renders_unit_text_inert() -> None:
    from dondoc.reporting.markdown import _inert

    out = _inert('UBND <img src=x onerror=alert(1)> [bấm](javascript:alert(1)) & "x"')
    assert "<img" not in out and "&lt;img" in out and "\\[bấm\\]" in out and "&amp;" in out
