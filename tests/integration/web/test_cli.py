"""`dondoc links`, `dondoc links revoke` and `dondoc status submit` (in process, against a live server)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.collect import links
from dondoc.models import AuditEvent, StatusUpdate
from tests.integration.web.server import LiveServer
from tests.integration.web.world import NOW, World

runner = CliRunner()


def test_links_json(world: World, engine: Engine) -> None:
    r = runner.invoke(app, ["links", "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    by_code = {row["code"]: row for row in rows}
    assert "gone" not in by_code  # inactive officers get no link
    assert by_code["a1"]["unit"] == "UBND xã An Bình" and by_code["a1"]["officer"] == "Lê Văn An"
    assert by_code["a1"]["url"].endswith("/t/" + world.tokens["a1"])  # the live token, not a new one
    with Session(engine) as s:
        token = by_code["a2"]["url"].rsplit("/", 1)[1]
        row = links.verify(s, token=token, now=NOW)
        assert row is not None and row.officer_id == world["a2"]


def test_links_plan_filter_and_table(world: World) -> None:
    r = runner.invoke(app, ["links", "--plan", str(world["plan"] + 1), "--json"])
    codes = {row["code"] for row in json.loads(r.output)}
    assert codes == {"a3", "chutich"}  # Phòng Nội vụ (obligation and focal) and the issuer's head
    r = runner.invoke(app, ["links", "--plan", "99999"])
    assert r.exit_code != 0
    table = runner.invoke(app, ["links"], terminal_width=300)
    assert table.exit_code == 0 and "Lê Văn An" in table.output


def test_links_revoke(world: World, engine: Engine) -> None:
    r = runner.invoke(app, ["links", "revoke", "a1"])
    assert r.exit_code == 0 and "revoked 1" in r.output
    with Session(engine) as s:
        assert links.verify(s, token=world.tokens["a1"], now=NOW) is None
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "links.revoke")).one()
    assert runner.invoke(app, ["links", "revoke", "nobody"]).exit_code != 0
    # A new link is issued on the next listing, different from the revoked one.
    rows = {row["code"]: row for row in json.loads(runner.invoke(app, ["links", "--json"]).output)}
    assert not rows["a1"]["url"].endswith(world.tokens["a1"])


def test_status_submit_local(world: World, engine: Engine) -> None:
    r = runner.invoke(app, ["status", "submit", "--local", "--token", world.tokens["a1"], "--obligation",
                            str(world["rep1"]), "--status", "Đang thực hiện", "--progress", "30", "--figure", "II.1=73",
                            "--result", "Đã rà soát"])
    assert r.exit_code == 0, r.output
    with Session(engine) as s:
        u = s.exec(select(StatusUpdate)).one()
        assert (u.status, u.progress, u.figures, u.via) == ("in_progress", 30, {"t-vieclam": 73.0}, "cli")
    bad = runner.invoke(app, ["status", "submit", "--local", "--token", world.tokens["a1"], "--obligation",
                              str(world["rep2"]), "--status", "done"])
    assert bad.exit_code != 0


@pytest.mark.slow
def test_status_submit_remote(world: World, engine: Engine, live_server: LiveServer) -> None:
    args = ["status", "submit", "--server", live_server.url, "--token", world.tokens["a2"], "--obligation",
            str(world["rep2"]), "--status", "done", "--result", "Xong", "--figure", "t-ngheo=2,9"]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    assert json.loads(r.output.splitlines()[0])["status"] == "done"
    with Session(engine) as s:
        u = s.exec(select(StatusUpdate)).one()
        assert u.via == "api" and u.figures == {"t-ngheo": 2.9}  # via: what the server knows, not a header
    other = runner.invoke(app, [*args[:-6], "--obligation", str(world["rep1"]), "--status", "done"])
    assert other.exit_code != 0 and "not found" in str(other.exception or other.output)
    bad_fig = runner.invoke(app, [*args, "--figure", "II.1"])
    assert bad_fig.exit_code != 0
