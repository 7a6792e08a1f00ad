"""Secrets: apprise URLs with passwords are sealed at rest, never logged, never in Delivery rows; the
secret key comes only from the environment or the key file in the data folder."""

from __future__ import annotations

import logging
import os
import socket
import stat
from pathlib import Path

import pytest
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from dondoc import clock
from dondoc.config import Settings
from dondoc.directory.apply import import_directory
from dondoc.models import Contact, Delivery, Message
from dondoc.secrets import master_key, unseal

PASSWORD = "Pa55-w0rd-XYZZY"
BOT = "123456:AAHbotTOKENsecretQQ"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket goes: connection refused


def _directory(tmp_path: Path, port: int) -> Path:
    p = tmp_path / "dir.yaml"
    p.write_text(
        "units:\n- {code: U1, name: UBND xã Thử, kind: commune}\n"
        "officers:\n- {code: O1, unit: U1, name: Lê Văn Thử, role: staff}\n"
        "contacts:\n"
        f"- {{officer: O1, channel: email, url: 'mailtos://canbo:{PASSWORD}@127.0.0.1:{port}/?to=canbo@example.org&from=dondoc@example.org', priority: 1}}\n"
        f"- {{officer: O1, channel: webhook, url: 'json://127.0.0.1:{port}/hook?token={BOT}', priority: 2}}\n"
        "aliases: []\n", encoding="utf-8")
    return p


def _all_values(engine: Engine) -> list[tuple[str, str, str]]:
    out = []
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            for row in conn.execute(sa_select(table)):
                out += [(table.name, c.name, str(v)) for c, v in zip(table.columns, row, strict=True) if v is not None]
    return out


def test_contact_urls_sealed_at_rest(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    import_directory(engine=engine, settings=settings, path=_directory(tmp_path, 9), now=clock.now())
    with engine.connect() as conn:
        raw = [r[0] for r in conn.execute(sa_select(Contact.__table__.c.url))]  # type: ignore[attr-defined]
    assert len(raw) == 2 and all(v.startswith("enc:") for v in raw)
    leaks = [(t, c) for t, c, v in _all_values(engine) if PASSWORD in v or BOT in v]
    assert leaks == []
    assert {PASSWORD in unseal(v, settings) or BOT in unseal(v, settings) for v in raw} == {True}
    other = settings.model_copy(update={"secret_key": "a-different-key"})
    from dondoc.errors import ConfigError
    with pytest.raises(ConfigError):
        unseal(raw[0], other)


def test_failed_delivery_never_reveals_the_password(engine: Engine, settings: Settings, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    from dondoc.delivery.contact_test import send_test
    from dondoc.notifications.apprise_adapter import AppriseNotifier

    import_directory(engine=engine, settings=settings, path=_directory(tmp_path, _closed_port()), now=clock.now())
    caplog.set_level(logging.DEBUG - 1)  # everything, apprise's trace included
    _, checks = send_test(engine=engine, settings=settings, notifier=AppriseNotifier(), officer_ref="O1", now=clock.now())
    assert [c.status for c in checks] != ["sent", "sent"]  # nothing listens there
    assert all(c.status != "sent" for c in checks)
    logged = "\n".join(r.getMessage() + " " + str(r.args) for r in caplog.records) + caplog.text
    assert "127.0.0.1" in logged or checks  # something was logged or recorded about the failure
    assert PASSWORD not in logged and BOT not in logged
    for c in checks:
        assert PASSWORD not in f"{c.target} {c.error}" and BOT not in f"{c.target} {c.error}"
    with Session(engine) as s:
        rows = s.exec(select(Delivery)).all()
        assert len(rows) == 2 and all(r.error for r in rows)
        for r in rows:
            assert PASSWORD not in (r.target + (r.error or "")) and BOT not in (r.target + (r.error or ""))
        for m in s.exec(select(Message)).all():
            assert PASSWORD not in m.body_text + m.body_html + m.subject
    assert [(t, c) for t, c, v in _all_values(engine) if PASSWORD in v or BOT in v] == []


def test_secret_key_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DONDOC_SECRET_KEY", "from-the-environment-" + "k3Y9xQ2mZ7wR4tP8")
    monkeypatch.setenv("DONDOC_HOME", str(tmp_path / "h"))
    s = Settings()
    assert master_key(s) == b"from-the-environment-k3Y9xQ2mZ7wR4tP8"
    assert not (tmp_path / "h" / "secret.key").exists()


def test_secret_key_file_is_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`dondoc init` (ensure_key) creates the key file, 0600, outside the data folder; it is then stable."""
    from dondoc.secrets import ensure_key

    monkeypatch.delenv("DONDOC_SECRET_KEY", raising=False)
    monkeypatch.setenv("DONDOC_HOME", str(tmp_path / "h"))
    monkeypatch.setenv("DONDOC_KEY_FILE", str(tmp_path / "etc" / "secret.key"))
    s = Settings(_env_file=None)  # type: ignore[call-arg]
    ensure_key(s)
    key = master_key(s)
    path = tmp_path / "etc" / "secret.key"
    assert len(key) >= 32 and path.read_bytes().strip() == key
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert not (tmp_path / "h" / "secret.key").exists()
    assert master_key(s) == key  # stable


def test_secret_key_not_a_command_line_option() -> None:
    """The key is never typed on a command line (shell history, ps): no CLI option takes it."""
    import typer.main

    from dondoc.cli import app
    cmd = typer.main.get_command(app)
    names: list[str] = []

    def walk(c: object) -> None:
        for p in getattr(c, "params", []):
            names.extend(p.opts)
        for sub in getattr(c, "commands", {}).values():
            walk(sub)
    walk(cmd)
    assert names and not [n for n in names if "secret" in n or "key" in n.lower() and "api" not in n.lower()]
