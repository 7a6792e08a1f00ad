"""Issue 18 #2: no key may be guessable. A missing, short or placeholder key is refused; links are random
(not derived from ids), die with the key that made them, and rotate; contact secrets are re-sealed
when the key rotates."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from dondoc import clock
from dondoc.collect import links
from dondoc.config import Settings
from dondoc.errors import ConfigError
from dondoc.models import AccessToken, AuditEvent, Contact
from dondoc.secrets import check_key, master_key, seal, unseal
from dondoc.web import create_app
from tests.integration.web.world import World

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("key", ["change-me", "changeme", "CHANGE-ME-please-0123456789abcdefghijkl", "short",
                                 "a" * 64, "0123456789" * 2, "your-secret-key-here-0123456789abcdefgh", ""])
def test_weak_or_placeholder_key_refused(tmp_path: Path, key: str) -> None:
    s = Settings(home=tmp_path, secret_key=key or None, key_file=tmp_path / "none.key")
    with pytest.raises(ConfigError, match=r"dondoc init|key"):
        master_key(s)


def test_server_refuses_to_start_with_the_example_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        create_app(Settings(home=tmp_path, secret_key="change-me", database_url=f"sqlite:///{tmp_path}/x.db"))


def test_test_fixture_key_and_random_keys_accepted() -> None:
    assert check_key(b"test-secret-key-not-for-production", source="t")
    import secrets

    assert check_key(secrets.token_urlsafe(32).encode(), source="t")


def test_example_env_file_has_no_usable_key() -> None:
    text = (ROOT / "deploy" / "dondoc.env.example").read_text()
    assert not re.search(r"^\s*DONDOC_SECRET_KEY\s*=", text, re.M)  # no key to copy, not even a placeholder
    assert re.search(r"^DONDOC_KEY_FILE=/etc/", text, re.M)  # the key lives outside the data folder


def test_init_creates_a_private_key_outside_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dondoc.cli import app
    from dondoc.config import reset_settings

    monkeypatch.delenv("DONDOC_SECRET_KEY", raising=False)
    monkeypatch.setenv("DONDOC_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DONDOC_KEY_FILE", raising=False)
    monkeypatch.delenv("DONDOC_DATABASE_URL", raising=False)
    reset_settings()
    try:
        with pytest.raises(ConfigError, match="dondoc init"):
            master_key(Settings(_env_file=None))  # type: ignore[call-arg]
        r = CliRunner().invoke(app, ["init"])
        assert r.exit_code == 0, r.output
        key_file = tmp_path / "config" / "dondoc" / "secret.key"
        assert key_file.exists() and not (tmp_path / "data" / "secret.key").exists()
        assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
        assert len(master_key(Settings(_env_file=None))) >= 43  # type: ignore[call-arg]
    finally:
        reset_settings()


def test_tokens_are_not_derived_from_ids(world: World, settings: Settings) -> None:
    """The old scheme: HMAC(key, 'dondoc-link:<officer id>:<serial>'). Knowing the key and the ids gives
    no link now."""
    key = master_key(settings)
    for name, token in world.tokens.items():
        for serial in range(3):
            forged = hmac.new(key, f"dondoc-link:{world[name]}:{serial}".encode(), hashlib.sha256).hexdigest()[:43]
            assert forged != token


def test_legacy_derived_links_no_longer_open(engine: Engine, settings: Settings, world: World,
                                             client: TestClient) -> None:
    """A row made by the old code (no key fingerprint) is dead, even if its token is known."""
    forged = hmac.new(master_key(settings), f"dondoc-link:{world['focal']}:0".encode(), hashlib.sha256).hexdigest()[:43]
    with Session(engine) as s:
        s.add(AccessToken(officer_id=world["focal"], token_hash=links.token_hash(forged),
                          expires_at=clock.now().add(days=30)))
        s.commit()
    assert client.get(f"/t/{forged}").status_code == 404


def test_links_rotate_revokes_and_reissues(engine: Engine, settings: Settings, world: World,
                                           client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from dondoc.cli import app
    from dondoc.config import reset_settings

    monkeypatch.setenv("DONDOC_HOME", str(settings.home))
    monkeypatch.setenv("DONDOC_DATABASE_URL", settings.db_url)
    reset_settings()
    try:
        old = world.tokens["a1"]
        assert client.get(f"/t/{old}").status_code == 200
        r = CliRunner().invoke(app, ["links", "--rotate", "--json"])
        assert r.exit_code == 0, r.output
    finally:
        reset_settings()
    assert client.get(f"/t/{old}").status_code == 404
    import json

    urls = [row["url"] for row in json.loads(r.output)]
    fresh = next(u for u in urls if old not in u).split("/t/")[1]
    assert client.get(f"/t/{fresh}").status_code == 200
    with Session(engine) as s:
        live = s.exec(select(AccessToken).where(AccessToken.officer_id == world["a1"],
                                                AccessToken.revoked_at.is_(None))).all()  # type: ignore[union-attr]
        assert len(live) == 1  # one live link per officer, not a second one
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "links.rotate")).one()


def test_key_rotate_reseals_secrets_and_revokes_links(engine: Engine, settings: Settings, world: World,
                                                      tmp_path: Path) -> None:
    from dondoc.app.rekey import rotate_key

    secret_url = "mailtos://user:Pa55word@smtp.example.gov.vn"
    with Session(engine) as s:
        s.add(Contact(officer_id=world["a1"], channel="email", url=seal(secret_url, settings), priority=1))
        s.commit()
    new_file = tmp_path / "etc" / "secret.key"
    r = rotate_key(engine=engine, settings=settings, now=clock.now(), to=new_file)
    assert r.contacts == 1 and r.links_revoked >= len(world.tokens)
    rotated = settings.model_copy(update={"secret_key": None, "key_file": new_file})
    assert master_key(rotated) != master_key(settings)
    with engine.connect() as conn:
        raw = conn.execute(sa_select(Contact.__table__.c.url)).scalar_one()  # type: ignore[attr-defined]
    assert unseal(raw, rotated) == secret_url
    with pytest.raises(ConfigError):
        unseal(raw, settings)
    with Session(engine) as s:
        for token in world.tokens.values():
            assert links.verify(s, token=token, now=clock.now(), settings=rotated) is None
        fresh = links.issue_token(s, officer_id=world["a1"], settings=rotated, now=clock.now())
        s.commit()
        assert links.verify(s, token=fresh, now=clock.now(), settings=rotated) is not None
    assert stat.S_IMODE(os.stat(new_file).st_mode) == 0o600
