"""`dondoc notify test OFFICER` and `dondoc notify send` through the Typer app, with real peers."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from dondoc.cli import app
from dondoc.errors import NotFound
from dondoc.models import Contact, Delivery, Message, Officer, Unit
from dondoc.secrets import seal


@pytest.fixture
def lan(session, settings, smtp_peer, closed_port, http_peer) -> Officer:
    unit = Unit(code="vhxh", name="Công chức Văn hóa – Xã hội")
    session.add(unit)
    session.flush()
    o = Officer(code="lan", unit_id=unit.id, name="Phạm Thị Lan")
    session.add(o)
    session.flush()
    urls = [f"zalooa://tok-445566@1122334455?endpoint={http_peer.base}", smtp_peer.url("lan@example.vn"),
            f"json://127.0.0.1:{closed_port}/hook"]
    for i, url in enumerate(urls, start=1):
        session.add(Contact(officer_id=o.id, channel=["zalo", "email", "webhook"][i - 1], priority=i,
                            url=seal(url, settings)))
    session.commit()
    return o


def test_notify_test_reports_each_channel(session, lan, smtp_peer, http_peer) -> None:
    result = CliRunner().invoke(app, ["notify", "test", "lan", "--json"])
    assert result.exit_code == 1, result.output  # one channel is down
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["channel"], r["status"]) for r in rows] == [("zalo", "sent"), ("email", "sent"), ("webhook", "transient")]
    assert "tok-445566" not in result.output
    assert smtp_peer.mails[0].subject == "Tin nhắn thử từ hệ thống dondoc"
    assert "qua kênh email" in smtp_peer.mails[0].text
    assert "qua kênh zalo" in http_peer.requests[0].json["message"]["text"]
    msg = session.exec(select(Message)).one()
    assert (msg.kind, msg.status, msg.channel) == ("test", "sent", "zalo")
    assert len(session.exec(select(Delivery)).all()) == 3
    session.commit()


def test_notify_test_table_and_lookup_by_id(session, lan) -> None:
    result = CliRunner().invoke(app, ["notify", "test", str(lan.id)])
    assert "Tin nhắn thử — Phạm Thị Lan (lan)" in result.output
    assert "thành công" in result.output and "lỗi tạm thời" in result.output


def test_notify_test_unknown_officer(session, settings) -> None:
    result = CliRunner().invoke(app, ["notify", "test", "nobody"])
    assert isinstance(result.exception, NotFound)
    assert "no officer with code or id 'nobody'" in str(result.exception)


def test_notify_send_with_nothing_due(session, settings) -> None:
    result = CliRunner().invoke(app, ["notify", "send", "--at", "2025-11-05T08:00", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["composed"] == 0
