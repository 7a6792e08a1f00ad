"""Files attached to a status report: type sniffed from the bytes, name made safe, size checked, stored under the data folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import os
import secrets
import unicodedata
import zipfile
from pathlib import Path

import pendulum
from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, select

from dondoc.clock import TZ
from dondoc.collect.validation import StatusInputError
from dondoc.config import Settings
from dondoc.errors import NotFound
from dondoc.models import (
    Attachment,
)

ALLOWED = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpg": "image/jpeg",
}


EXT_ALIASES = {"jpeg": "jpg"}


def sniff(data: bytes) -> str | None:
    """The file type from its content (magic bytes; for Office files the zip's main part), else None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, ValueError):
            return None
        if "[Content_Types].xml" not in names:
            return None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return None


def safe_filename(name: str) -> str:
    """A display name with no directory part, no control characters, bounded length."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").split("/")[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip().lstrip(".")
    if len(name) > 120:
        stem, _, ext = name.rpartition(".")
        name = (stem[: 110] + "." + ext) if stem else name[:120]
    return name or "tep"


def check_attachment(*, settings: Settings, filename: str, data: bytes) -> tuple[str, str]:
    """(display name, extension) of an acceptable upload; StatusInputError otherwise. The extension must
    be one of ALLOWED and the content must really be that type (a renamed .exe is refused)."""
    shown = safe_filename(filename)
    limit = settings.max_upload_mb * 1024 * 1024
    if len(data) > limit:
        raise StatusInputError(f"Tệp {shown!r} quá lớn: tối đa {settings.max_upload_mb} MB.")
    if not data:
        raise StatusInputError(f"Tệp {shown!r} rỗng.")
    ext = shown.rsplit(".", 1)[-1].lower() if "." in shown else ""
    ext = EXT_ALIASES.get(ext, ext)
    if ext not in ALLOWED:
        raise StatusInputError(f"Tệp {shown!r}: chỉ nhận PDF, Word (.docx), Excel (.xlsx), ảnh PNG hoặc JPG.")
    if sniff(data) != ext:
        raise StatusInputError(f"Tệp {shown!r}: nội dung không phải tệp .{ext} như tên tệp ghi.")
    return shown, ext


def store_attachment(
    session: Session,
    *,
    settings: Settings,
    status_update_id: int,
    filename: str,
    data: bytes,
    now: dt.datetime,
) -> Attachment:
    """Check and store one uploaded file under <home>/attachments/YYYY/MM/<random>.<ext>."""
    shown, ext = check_attachment(settings=settings, filename=filename, data=data)
    local = pendulum.instance(now).in_timezone(TZ)
    rel = Path(f"{local.year:04d}") / f"{local.month:02d}" / f"{secrets.token_hex(16)}.{ext}"
    root = attachments_root(settings)
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Written under a temporary name, renamed when the row commits (deleted if it rolls back): a crash
    # in between leaves a .partial file that sweep_orphans settles a day later, never a file with no row.
    partial = target.with_name(f".{target.name}{PARTIAL}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    session.info.setdefault(_PENDING, []).append((partial, target))
    att = Attachment(status_update_id=status_update_id, filename=shown, content_type=ALLOWED[ext], size=len(data),
                     sha256=hashlib.sha256(data).hexdigest(), stored_as=rel.as_posix(), created_at=now)
    session.add(att)
    session.flush()
    return att


def attachments_root(settings: Settings) -> Path:
    return settings.path("attachments")


def attachment_path(settings: Settings, att: Attachment) -> Path:
    """Resolve a stored attachment, refusing anything that would leave the attachments folder."""
    root = attachments_root(settings).resolve()
    path = (root / att.stored_as).resolve()
    if not path.is_relative_to(root):
        raise NotFound("Không tìm thấy.")
    return path


PARTIAL = ".partial"
_PENDING = "dondoc.attachments.partial"
ORPHAN_AGE = dt.timedelta(days=1)
log = logging.getLogger(__name__)


@event.listens_for(OrmSession, "after_commit")
def _publish(session: OrmSession) -> None:
    for partial, target in session.info.pop(_PENDING, []):
        try:
            os.replace(partial, target)
        except OSError:
            log.exception("attachment %s committed but not renamed; sweep_orphans will", target.name)


@event.listens_for(OrmSession, "after_rollback")
def _discard(session: OrmSession) -> None:
    for partial, _target in session.info.pop(_PENDING, []):
        partial.unlink(missing_ok=True)


def sweep_orphans(session: Session, *, settings: Settings, now: dt.datetime) -> tuple[int, int]:
    """Settle what a crash left in the attachments folder, for files older than a day: a .partial file
    whose row committed is put in place, any other .partial file or a file no row names is deleted.
    Returns (files put in place, files deleted)."""
    root = attachments_root(settings)
    known = set(session.exec(select(Attachment.stored_as)).all())
    cutoff = (now - ORPHAN_AGE).timestamp()
    placed = deleted = 0
    for path in root.rglob("*"):
        if not path.is_file() or path.stat().st_mtime > cutoff:
            continue
        if path.name.startswith(".") and path.name.endswith(PARTIAL):
            final = path.with_name(path.name[1:-len(PARTIAL)])
            if final.relative_to(root).as_posix() in known and not final.exists():
                os.replace(path, final)
                placed += 1
                continue
            path.unlink()
            deleted += 1
        elif path.relative_to(root).as_posix() not in known:
            path.unlink()
            deleted += 1
    return placed, deleted
