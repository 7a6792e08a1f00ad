"""Secrets at rest: contact URLs (which may carry SMTP passwords or bot tokens) are stored encrypted.

The key comes from DONDOC_SECRET_KEY, else from a key file created once in the data folder
(`secret.key`, mode 600). Values are Fernet tokens prefixed with `enc:`; `unseal` passes plain
values through so a hand-edited row still works.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from dondoc.config import Settings
from dondoc.errors import ConfigError

PREFIX = "enc:"


def master_key(settings: Settings) -> bytes:
    """Raw key material (also used to derive personal-link tokens)."""
    if settings.secret_key:
        return settings.secret_key.encode()
    path = Path(settings.home) / "secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(base64.urlsafe_b64encode(os.urandom(32)))
    return path.read_bytes().strip()


def _fernet(settings: Settings) -> Fernet:
    digest = hashlib.sha256(b"dondoc-contacts:" + master_key(settings)).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(value: str, settings: Settings) -> str:
    if value.startswith(PREFIX):
        return value
    return PREFIX + _fernet(settings).encrypt(value.encode()).decode()


def unseal(value: str, settings: Settings) -> str:
    if not value.startswith(PREFIX):
        return value
    try:
        return _fernet(settings).decrypt(value[len(PREFIX):].encode()).decode()
    except InvalidToken as exc:
        raise ConfigError("a stored contact URL cannot be decrypted: DONDOC_SECRET_KEY differs from the key it was "
                          "sealed with") from exc
