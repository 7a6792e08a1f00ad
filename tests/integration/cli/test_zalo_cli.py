"""`dondoc zalo set|show|refresh` through the Typer app, against a local Zalo OAuth server."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.errors import InputError, NotFound
from dondoc.models import ChannelCredential, Contact, Delivery, Officer, Unit
from dondoc.notifications.credentials import CredentialError
from dondoc.secrets import seal
from tests.integration.notifications.zalo_peer import APP_ID, SECRET, ZaloPeer, zalo_peer_fixture  # noqa: F401


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), input=input, env=env)


def lines(**secrets: str) -> str:
    return "".join(f"{k}={v}\n" for k, v in secrets.items())


def test_set_reads_secrets_from_stdin_and_show_masks_them(session, settings, zalo_peer: ZaloPeer) -> None:
    r = run("zalo", "set", "UBND-P2", "--app-id", APP_ID,
            input=f"# from Zalo for Developers\n{lines(secret_key=SECRET, refresh_token='RT-initial-0001')}")
    assert r.exit_code == 0, r.output
    assert "Đã lưu OA 'UBND-P2'" in r.output and "zalooa://ZALO_USER_ID?oa=UBND-P2" in r.output
    row = session.exec(select(ChannelCredential)).one()
    session.commit()  # end the read (SQLite: its transaction holds the write lock)
    assert row.kind == "zalo_oa" and SECRET not in row.data and row.expires_at is None
    shown = run("zalo", "show", "--json")
    assert shown.exit_code == 0, shown.output
    (view,) = [json.loads(line) for line in shown.output.splitlines()]
    assert view == {"name": "UBND-P2", "app_id": APP_ID, "access_token": "(không có)", "refresh_token": "****0001",
                    "expires_at": None, "refresh_error": None, "contacts": 0}
    table = run("zalo", "show")
    assert "UBND-P2" in table.output and "hết hạn" in table.output
    for out in (r.output, shown.output, table.output):
        assert SECRET not in out and "RT-initial-0001" not in out


def test_secrets_from_the_environment(session, settings, zalo_peer) -> None:
    r = run("zalo", "set", "P2", "--app-id", APP_ID, input="",
            env={"DONDOC_ZALO_SECRET_KEY": SECRET, "DONDOC_ZALO_REFRESH_TOKEN": "RT-initial-0001"})
    assert r.exit_code == 0, r.output
    assert run("zalo", "refresh", "P2").exit_code == 0
    assert zalo_peer.refresh_calls[0]["headers"]["secret_key"] == SECRET


def test_on_a_terminal_secrets_are_asked_hidden_and_enter_keeps_them(session, settings, zalo_peer,
                                                                     monkeypatch) -> None:
    import dondoc.cli.zalo as zalo_cli

    monkeypatch.setattr(zalo_cli, "_interactive", lambda: True)
    r = run("zalo", "set", "P2", "--app-id", APP_ID, input=f"{SECRET}\nRT-initial-0001\n\n")
    assert r.exit_code == 0, r.output
    assert SECRET not in r.output and "RT-initial-0001" not in r.output  # hidden input is not echoed
    # Re-issuing the refresh token: Enter keeps the secret key, the new token is pasted.
    r = run("zalo", "set", "P2", input="\nRT-reissued-4242\n\n")
    assert r.exit_code == 0, r.output
    zalo_peer.refresh_token = "RT-reissued-4242"
    assert run("zalo", "refresh", "P2").exit_code == 0
    assert zalo_peer.refresh_calls[0]["headers"]["secret_key"] == SECRET


def test_no_option_takes_a_secret_value() -> None:
    import typer.main

    cmd = typer.main.get_command(app).commands["zalo"].commands["set"]  # type: ignore[attr-defined]
    assert sorted(o for p in cmd.params for o in p.opts) == ["--app-id", "--expires-in", "name"]


def test_refresh_spends_the_token_and_stores_the_new_pair(session, settings, zalo_peer) -> None:
    assert run("zalo", "set", "P2", "--app-id", APP_ID,
               input=lines(secret_key=SECRET, refresh_token="RT-initial-0001")).exit_code == 0
    r = run("zalo", "refresh", "P2")
    assert r.exit_code == 0, r.output
    assert "Đã làm mới token của OA 'P2'" in r.output
    assert len(zalo_peer.refresh_calls) == 1
    view = json.loads(run("zalo", "show", "--json").output)
    assert (view["access_token"], view["refresh_token"]) == ("****cdef", "****wxyz")
    assert "AT-fresh" not in r.output


def test_a_refused_refresh_tells_the_operator_what_to_do(session, settings, zalo_peer) -> None:
    assert run("zalo", "set", "P2", "--app-id", APP_ID,
               input=lines(secret_key=SECRET, refresh_token="RT-revoked-999")).exit_code == 0
    r = run("zalo", "refresh", "P2")
    assert isinstance(r.exception, CredentialError)
    assert "`dondoc zalo set P2`" in str(r.exception) and "-14014" in str(r.exception)
    (view,) = [json.loads(line) for line in run("zalo", "show", "--json").output.splitlines()]
    assert "-14014" in view["refresh_error"]
    assert "làm mới bị từ chối" in run("zalo", "show", env={"COLUMNS": "300"}).output


@pytest.mark.parametrize(
    ("args", "stdin", "error", "match"),
    [(["zalo", "refresh", "NOPE"], None, NotFound, "dondoc zalo set NOPE"),
     (["zalo", "set", "P2", "--app-id", "1"], "", InputError, "thiếu secret_key, refresh_token"),
     (["zalo", "set", "P2", "--app-id", "1"], "zalo-secret-without-a-key\n", InputError,
      "stdin dòng 1: cần dạng KHÓA=GIÁ_TRỊ"),
     (["zalo", "set", "a&b", "--app-id", "1"], "secret_key=x\nrefresh_token=y\n", InputError, "không dùng được")],
)
def test_bad_input_is_one_clear_error_and_nothing_is_stored(session, settings, args, stdin, error, match) -> None:
    r = run(*args, input=stdin)
    assert isinstance(r.exception, error), r.output
    assert match in str(r.exception)
    assert session.exec(select(ChannelCredential)).all() == []


def test_notify_test_reaches_an_oa_contact_and_show_counts_contacts_per_oa(session, settings, zalo_peer) -> None:
    """`dondoc notify test` goes through the same token resolution as the daily delivery."""
    assert run("zalo", "set", "UBND-P2", "--app-id", APP_ID,
               input=lines(secret_key=SECRET, refresh_token="RT-initial-0001")).exit_code == 0
    unit = Unit(code="vhxh", name="Công chức Văn hóa – Xã hội")
    session.add(unit)
    session.flush()
    lan = Officer(code="lan", unit_id=unit.id, name="Phạm Thị Lan")
    session.add(lan)
    session.flush()
    for i, url in enumerate([zalo_peer.contact("1122334455"), zalo_peer.contact("5566", oa="UBND-P9")], start=1):
        session.add(Contact(officer_id=lan.id, channel="zalo", priority=i, url=seal(url, settings)))
    session.commit()
    r = run("notify", "test", "lan", "--json")
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert [row["status"] for row in rows] == ["sent", "failed"], r.output
    assert "dondoc zalo set UBND-P9" in rows[1]["error"]
    (msg,) = zalo_peer.messages
    assert msg["token"] == "AT-fresh-0001-abcdef" and "Phạm Thị Lan" in msg["message"]["text"]
    assert len(zalo_peer.refresh_calls) == 1
    targets = [d.target for d in session.exec(select(Delivery)).all()]
    session.commit()
    assert targets and not any("AT-fresh" in t or "RT-" in t for t in targets)
    shown = run("zalo", "show", "--json")
    views = {v["name"]: v for v in map(json.loads, shown.output.splitlines()) if v.get("name")}
    assert views["UBND-P2"]["contacts"] == 1
    assert views["UBND-P9"] == {"name": "UBND-P9", "missing": True, "contacts": 1}
    assert "chưa có OA 'UBND-P9'" in run("zalo", "show").output
