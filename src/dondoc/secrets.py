"""Secrets at rest: contact URLs (which may carry SMTP passwords or bot tokens) are stored encrypted.

The key comes from DONDOC_SECRET_KEY, else from a key file: DONDOC_KEY_FILE, else `secret.key` in the
user's configuration folder (outside the data folder, so a backup of the data holds no key), else a
legacy `secret.key` in the data folder. `dondoc init` creates the key file (mode 600); nothing starts
without a key, and a short or known-placeholder key is refused (a guessable key would let anyone
forge personal links). Values are Fernet tokens prefixed with `enc:`; `unseal` passes plain values
through so a hand-edited row still works. `dondoc key rotate` re-seals every value under a new key.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets as _random
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from dondoc.config import Settings, default_key_file
from dondoc.errors import ConfigError

PREFIX = "enc:"
MIN_KEY_LENGTH = 32
# Keys seen in examples and documentation; refused whatever their length.
PLACEHOLDERS = ("change-me", "changeme", "change_me", "replace-me", "replaceme", "your-secret", "yoursecret",
                "example", "placeholder", "xxxxxxxx", "secret-key-here", "insert-", "todo")


def check_key(key: bytes, *, source: str) -> bytes:
    """`key` if it is long and random-looking enough; ConfigError saying what to do otherwise."""
    text = key.decode("utf-8", "replace").strip()
    folded = text.lower()
    why = None
    if not text:
        why = "is empty"
    elif any(p in folded for p in PLACEHOLDERS):
        why = "is a placeholder from an example"
    elif len(text) < MIN_KEY_LENGTH:
        why = f"is too short ({len(text)} characters, at least {MIN_KEY_LENGTH})"
    elif len(set(text)) < 12:
        why = "is not random (too few distinct characters)"
    if why:
        raise ConfigError(f"the secret key ({source}) {why}: anyone could forge personal links with it. "
                          "Remove it and run `dondoc init` to create a random key file, or set DONDOC_KEY_FILE "
                          "to a file holding `python -c \"import secrets; print(secrets.token_urlsafe(32))\"`")
    return text.encode()


def key_path(settings: Settings) -> Path:
    """Where the key file is read from: DONDOC_KEY_FILE, else a legacy one in the data folder, else the
    configuration folder's."""
    if settings.key_file:
        return Path(settings.key_file)
    legacy = Path(settings.home) / "secret.key"
    if legacy.exists():
        return legacy
    return default_key_file()


def master_key(settings: Settings) -> bytes:
    """Raw key material (seals contact secrets and personal links, signs CSRF tokens)."""
    if settings.secret_key:
        return check_key(settings.secret_key.encode(), source="DONDOC_SECRET_KEY")
    path = key_path(settings)
    if not path.exists():
        raise ConfigError(f"no secret key: {path} does not exist and DONDOC_SECRET_KEY is not set. Run `dondoc init` "
                          "to create one (or set DONDOC_KEY_FILE)")
    return check_key(path.read_bytes(), source=str(path))


def new_key() -> bytes:
    return _random.token_urlsafe(32).encode()


def write_key_file(path: Path, key: bytes) -> None:
    """Write a key file readable by its owner only (0600, folder 0700), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key + b"\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def ensure_key(settings: Settings, *, path: Path | None = None) -> Path | None:
    """Create a random key file when no key is configured (`dondoc init`, the demo); returns the file used,
    or None when the key comes from DONDOC_SECRET_KEY. An existing key is checked, never replaced."""
    if settings.secret_key:
        master_key(settings)
        return None
    target = path or key_path(settings)
    if not target.exists():
        write_key_file(target, new_key())
    check_key(target.read_bytes(), source=str(target))
    return target


def key_id(key: bytes) -> str:
    """A short public fingerprint of a key: links and sealed values remember which key made them."""
    return hashlib.sha256(b"dondoc-key-id:" + key).hexdigest()[:16]


def fernet_for(key: bytes, purpose: bytes = b"dondoc-contacts:") -> Fernet:
    digest = hashlib.sha256(purpose + key).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _fernet(settings: Settings) -> Fernet:
    return fernet_for(master_key(settings))


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
                          "sealed with (after changing the key, use `dondoc key rotate`)") from exc


def reseal(value: str, *, old: bytes, new: bytes) -> str:
    """A sealed value re-encrypted under `new` (plain values are sealed). Raises ConfigError when `old`
    does not open it."""
    if value.startswith(PREFIX):
        try:
            value = fernet_for(old).decrypt(value[len(PREFIX):].encode()).decode()
        except InvalidToken as exc:
            raise ConfigError("a stored secret cannot be decrypted with the current key; nothing was changed") from exc
    return PREFIX + fernet_for(new).encrypt(value.encode()).decode()
