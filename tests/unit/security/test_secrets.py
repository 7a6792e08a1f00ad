"""Secrets: apprise URLs with passwords are sealed at rest, never logged, never in Delivery rows; the
secret key comes only from the environment or the key file in the data folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from dondoc.config import Settings
from dondoc.secrets import master_key


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
    assert names and not [n for n in names if "secret" in n or ("key" in n.lower() and "api" not in n.lower())]
