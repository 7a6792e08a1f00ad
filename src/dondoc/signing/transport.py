"""Sending and receiving edXML packages: a port and its local folder adapter.

A real adapter talks to the province's document integration platform (trục liên thông văn bản,
LGSP/NDXP). It needs what dondoc does not have: the platform's endpoint, the agency's registered
system id and secret (or client certificate), the official organ ids (mã định danh) of sender and
receivers, and the status messages (đã nhận, đã xem, đã phân công ...) the platform sends back,
which such an adapter maps to `Receipt`. Until then `FolderTransport` writes to an outbox folder
that a clerk or a file-sync job carries to the platform's client, and reads an inbox folder.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from dondoc.signing import edxml


@dataclass(frozen=True)
class Receipt:
    document_id: str
    organ_id: str
    where: str  # a path for the folder adapter, a message id for a platform
    sha256: str


class Transport(Protocol):
    def send(self, data: bytes) -> list[Receipt]: ...

    def receive(self) -> list[Path]: ...


def _safe(part: str) -> str:
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in part) or "_"


class FolderTransport:
    """outbox/<to organ id>/<document id>.edxml for each receiver; inbox/*.edxml to receive."""

    def __init__(self, root: Path) -> None:
        self.outbox = root / "outbox"
        self.inbox = root / "inbox"

    def send(self, data: bytes) -> list[Receipt]:
        pkg = edxml.read_package(data)  # validates: never put a malformed package on the way
        digest = hashlib.sha256(data).hexdigest()
        receipts = []
        for organ in pkg.header.recipients:
            folder = self.outbox / _safe(organ.organ_id)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{_safe(pkg.header.document_id)}.edxml"
            tmp = path.with_name(f".{path.name}.part")
            tmp.write_bytes(data)
            tmp.replace(path)  # idempotent: a resend overwrites the same file
            receipts.append(Receipt(pkg.header.document_id, organ.organ_id, str(path), digest))
        return receipts

    def receive(self) -> list[Path]:
        return sorted(self.inbox.glob("*.edxml")) if self.inbox.is_dir() else []
