"""Issue 17 item 11: a partial directory file never ends in a raw IntegrityError; what it does with the units
it leaves out is said (kept; --prune removes the unreferenced ones)."""

from __future__ import annotations

from pathlib import Path

import pendulum
from sqlmodel import Session, select
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.clock import TZ
from dondoc.db import make_engine
from dondoc.models import Alias, Contact, Delivery, Message, Officer, Unit

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "examples" / "plans" / "004_3b3dcdee6daa1c7d.txt"
runner = CliRunner()


def _ok(*args: str) -> str:
    r = runner.invoke(app, list(args), catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.output


def _world(settings) -> None:
    _ok("directory", "import", str(ROOT / "examples" / "directory.yaml"))
    _ok("plan", "import", str(SEED), "--activate")
    engine = make_engine(settings.db_url)
    with Session(engine) as s:  # a message went out through every contact: delivery history refers to them
        for c in s.exec(select(Contact)).all():
            m = Message(key=f"m{c.id}", officer_id=c.officer_id, kind="reminder", day=pendulum.date(2025, 11, 3),
                        subject="s", body_text="b", status="sent")
            s.add(m)
            s.flush()
            s.add(Delivery(message_id=m.id, contact_id=c.id, channel=c.channel, target="x", status="sent",
                           at=pendulum.datetime(2025, 11, 3, 8, tz=TZ)))
        s.commit()
    engine.dispose()


def test_partial_file_keeps_what_it_leaves_out(settings, tmp_path) -> None:
    _world(settings)
    engine = make_engine(settings.db_url)
    with Session(engine) as s:
        before = (len(s.exec(select(Unit)).all()), len(s.exec(select(Contact)).all()), len(s.exec(select(Alias)).all()),
                  sum(o.active for o in s.exec(select(Officer)).all()))
    one = tmp_path / "one.yaml"
    one.write_text("units:\n  - code: SDL\n    name: Sở Du lịch\n", encoding="utf-8")
    out = runner.invoke(app, ["directory", "import", str(one)])
    assert out.exit_code == 0, out.output + repr(out.exception)
    assert "giữ nguyên" in out.output and "--prune" in out.output
    with Session(engine) as s:
        after = (len(s.exec(select(Unit)).all()), len(s.exec(select(Contact)).all()), len(s.exec(select(Alias)).all()),
                 sum(o.active for o in s.exec(select(Officer)).all()))
    assert after == (before[0] + 1, before[1], before[2], before[3])
    # --prune removes only the units nothing refers to (here: the one just added, once left out again).
    other = tmp_path / "other.yaml"
    other.write_text("units:\n  - code: SYT\n    name: Sở Y tế mới\n", encoding="utf-8")
    pruned = runner.invoke(app, ["directory", "import", str(other), "--prune"])
    assert pruned.exit_code == 0, pruned.output + repr(pruned.exception)
    with Session(engine) as s:
        codes = {u.code for u in s.exec(select(Unit)).all()}
    assert "SDL" not in codes and "SYT" in codes and len(codes) == before[0] + 1
    assert "được giữ vì" in pruned.output
    engine.dispose()


def test_dropping_a_used_contact_keeps_it_and_says_so(settings, tmp_path) -> None:
    _world(settings)
    import yaml

    data = yaml.safe_load((ROOT / "examples" / "directory.yaml").read_text(encoding="utf-8"))
    data["contacts"] = data["contacts"][1:]  # the file drops one contact messages were sent through
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = runner.invoke(app, ["directory", "import", str(path)])
    assert out.exit_code == 0, out.output + repr(out.exception)
    assert "đã được dùng để gửi tin" in out.output
