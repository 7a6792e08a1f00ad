"""The Vietnamese working calendar: holidays from the `holidays` package, làm bù, user exceptions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dondoc.calendar.workdays import WorkCalendar, import_days, remove_day, set_day
from dondoc.errors import InputError

D = dt.date.fromisoformat


def test_from_session(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    set_day(session, day=D("2025-12-31"), kind="off", note="Nghỉ")
    set_day(session, day=D("2025-02-08"), kind="work")
    session.commit()
    cal = WorkCalendar.from_session(session)
    assert not cal.is_working_day(D("2025-12-31")) and cal.is_working_day(D("2025-02-08"))
    set_day(session, day=D("2025-12-31"), kind="work")  # changing a day updates the row
    assert remove_day(session, day=D("2025-02-08")) and not remove_day(session, day=D("2025-02-09"))
    session.commit()
    cal = WorkCalendar.from_session(session)
    assert cal.is_working_day(D("2025-12-31")) and not cal.is_working_day(D("2025-02-08"))
    path = tmp_path / "d.csv"
    path.write_text("date,kind,note\n2025-12-30,off,x\n", encoding="utf-8")
    assert import_days(session, path=path) == 1
    session.commit()
    assert not WorkCalendar.from_session(session).is_working_day(D("2025-12-30"))


def test_calendar_commands(sqlite_settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from dondoc.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["calendar", "add-off", "2025-12-31", "--note", "Nghỉ cuối năm"]).exit_code == 0
    assert runner.invoke(app, ["calendar", "add-work", "2025-02-08"]).exit_code == 0
    listed = runner.invoke(app, ["calendar", "list", "--year", "2025"])
    assert listed.exit_code == 0
    out = " ".join(listed.output.split())
    assert "31/12/2025" in out and "Nghỉ cuối năm" in out and "08/02/2025" in out and "Quốc khánh" in out
    checked = runner.invoke(app, ["calendar", "check", "2025-11-15"])
    assert "thứ Sáu 14/11/2025" in " ".join(checked.output.split())
    path = tmp_path / "days.yaml"
    path.write_text("work: [2025-02-15]\n", encoding="utf-8")
    assert runner.invoke(app, ["calendar", "import", str(path)]).exit_code == 0
    assert runner.invoke(app, ["calendar", "remove", "2025-02-08"]).exit_code == 0
    listed = " ".join(runner.invoke(app, ["calendar", "list", "--year", "2025"]).output.split())
    assert "15/02/2025" in listed and "08/02/2025" not in listed
    bad = runner.invoke(app, ["calendar", "add-off", "31/12/2025"])
    assert bad.exit_code != 0 and isinstance(bad.exception, InputError)
