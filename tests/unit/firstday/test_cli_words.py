"""Issue 17 items 7, 8, 12: what a clerk reads on the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import typer
from typer.testing import CliRunner

from dondoc.cli.demo import demo_hint
from dondoc.cli.schedule import daily_lines
from dondoc.cli.web import print_links


def test_run_daily_prints_vietnamese_not_python_dicts() -> None:
    result = SimpleNamespace(day=dt.date(2025, 11, 3), working_day=True, decided={"reminder": 56, "escalation": 3},
                             stale=0, compiled=[], deferred_delivery=False,
                             delivery=SimpleNamespace(as_dict=lambda: {"claimed": 13, "sent": 12, "failed": 1}))
    text = "\n".join(daily_lines(result, send_hour=8))
    assert "nhắc hạn 56" in text and "đôn đốc 3" in text and "đã gửi 12" in text
    assert "{" not in text and "decided" not in text and "reminder" not in text and "claimed" not in text
    idle = SimpleNamespace(day=dt.date(2025, 11, 8), working_day=False)
    assert daily_lines(idle, send_hour=8) == ["08/11/2025: không phải ngày làm việc, không có việc gì."]


def test_demo_hint_names_the_command_that_works() -> None:
    hint = demo_hint(Path("/x/dondoc-demo"), ".venv/bin/dondoc")
    assert "DONDOC_HOME=/x/dondoc-demo .venv/bin/dondoc web" in hint
    assert "DONDOC_HOME=/x/dondoc-demo .venv/bin/dondoc links" in hint and "★" in hint


def test_links_print_full_urls_and_mark_the_focal_officer() -> None:
    url = "http://127.0.0.1:8000/t/" + "A" * 43
    rows = [{"officer": "Lê Văn A", "code": "A1", "unit": "UBND xã", "url": url + "1", "focal_of": []},
            {"officer": "Trần Thị B", "code": "B1", "unit": "Văn phòng", "url": url + "2", "focal_of": [1]}]
    app = typer.Typer()
    app.command()(lambda: print_links(rows))
    out = CliRunner().invoke(app, [], terminal_width=80).output
    assert url + "1" in out and url + "2" in out  # never cut at 80 columns
    lines = out.splitlines()
    assert lines[0].startswith("★ Trần Thị B") and "đầu mối kế hoạch 1" in lines[0]
    assert lines[1].strip() == url + "2"


def test_progress_bar_only_on_a_terminal(monkeypatch, capsys) -> None:
    from dondoc.cli._progress import progress_bar

    monkeypatch.setenv("DONDOC_PROGRESS", "0")  # piped
    with progress_bar("Mô phỏng", total=3) as advance:
        advance("2025-11-03")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    monkeypatch.setenv("DONDOC_PROGRESS", "1")  # a terminal
    with progress_bar("Mô phỏng", total=3) as advance:
        advance("2025-11-03")
    assert "Mô phỏng" in capsys.readouterr().err
    with progress_bar("Mô phỏng", total=3, enabled=False) as advance:  # --json
        advance("x")
    assert capsys.readouterr().err == ""
