"""Plan import: parse, resolve, store and date a plan in one transaction.

Re-importing the same file (same SHA-256) is a no-op. Importing a corrected version of a plan
already stored (matched by its number and year, else by title and year, or by the `plan_id` of a
corrected export) updates it in place: assignments, reports and targets are matched by their keys
(ref + item + leads), so every status already collected stays attached to its obligation."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import select

from dondoc.config import Settings
from dondoc.db import optimize, session_scope
from dondoc.errors import InputError, PlanReadError
from dondoc.intake.keys import body_key
from dondoc.intake.store import ImportResult, _counts, store_plan
from dondoc.models import (
    Plan,
)

log = logging.getLogger(__name__)




def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_plan_file(path: Path, *, year: int | None, settings: Settings) -> dict[str, Any]:
    """The plan dict of a plan document, or of a corrected export (.yaml / .xlsx written by `plan export`)."""
    from dondoc.intake import export as plan_export

    from dondoc.intake.sandbox import check_archive, parse_plan

    if path.suffix.lower() == ".xlsx":
        check_archive(path)  # before openpyxl opens it (is_export does)
    if plan_export.is_export(path):
        return plan_export.load(path)
    return parse_plan(path, year=year, max_mb=settings.max_plan_mb)  # pre-checked, in a capped worker


def import_plan(
    *,
    engine: Engine,
    settings: Settings,
    path: str | Path,
    now: dt.datetime,
    year: int | None = None,
    owner: str | None = None,
) -> ImportResult:
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", path=str(path))
    digest = file_hash(path)
    parsed = read_plan_file(path, year=year, settings=settings)
    if not parsed.get("assignments") and not parsed.get("reports"):
        # Nothing to follow up: storing an empty plan would only hide the problem from the user.
        raise PlanReadError("không tìm thấy nhiệm vụ hay báo cáo nào giao cho cơ quan, đơn vị (no assignments): "
                            "không có gì để theo dõi; kiểm tra lại văn bản hoặc nhập bản đã sửa (.yaml/.xlsx)",
                            path=str(path))
    with session_scope(engine) as session:
        same = session.exec(select(Plan).where(Plan.source_hash == digest)).first()
        if same is not None and (year is None or same.year == year):
            return _counts(session, same, status="unchanged")
        result = store_plan(session, parsed=parsed, source_name=path.name, source_hash=digest, settings=settings,
                            now=now, owner=owner)
    optimize(engine)
    return result






__all__ = ["ImportResult", "Reresolved", "import_plan", "reresolve_plans", "store_plan", "file_hash", "body_key"]
