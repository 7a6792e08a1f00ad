"""Where the signing key is: a PKCS#12 file, a PKCS#11 token (USB token, HSM, SIM-PKI middleware that
offers a PKCS#11 module), or a remote signing service that signs a digest and sends it back later.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dondoc.errors import InputError
from dondoc.signing.errors import SigningConfigError, SigningError


def from_pkcs12(path: Path, passphrase: bytes | None) -> Any:
    """A pyHanko signer from a .p12/.pfx file (key, certificate and its chain)."""
    from pyhanko.sign import signers

    if not path.is_file():
        raise InputError("không có tệp chứng thư số (.p12)", path=str(path))
    try:
        signer = signers.SimpleSigner.load_pkcs12(str(path), passphrase=passphrase)
    except (ValueError, TypeError) as exc:
        raise SigningError(f"{path}: không mở được tệp .p12 (sai mật khẩu hoặc tệp hỏng): {exc}") from exc
    if signer is None:
        raise SigningError(f"{path}: không mở được tệp .p12 (sai mật khẩu hoặc tệp hỏng)")
    return signer


@contextlib.contextmanager
def from_pkcs11(lib: Path, *, token_label: str | None, pin: str | None, key_label: str | None = None,
                cert_label: str | None = None, slot: int | None = None) -> Iterator[Any]:
    """A pyHanko signer on a PKCS#11 token, open for the duration of the `with` block."""
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11

    if not lib.is_file():
        raise SigningConfigError(f"không có thư viện PKCS#11 {lib} (của USB token/HSM; SoftHSM: "
                                 "/usr/lib/softhsm/libsofthsm2.so)")
    try:
        session = pkcs11.open_pkcs11_session(str(lib), slot_no=slot,
                                             token_criteria=TokenCriteria(label=token_label) if token_label else None,
                                             user_pin=pin)
    except Exception as exc:  # python-pkcs11 raises its own hierarchy (PinIncorrect, NoSuchToken ...)
        raise SigningError(f"không mở được token PKCS#11 {token_label or ''} qua {lib}: "
                           f"{exc.__class__.__name__} {exc}".strip()) from exc
    try:
        label = cert_label or key_label
        yield pkcs11.PKCS11Signer(session, cert_label=label, key_label=key_label or label)
    finally:
        session.close()
