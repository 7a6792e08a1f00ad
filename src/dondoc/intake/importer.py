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
from dondoc.errors import DondocError, InputError, PlanReadError
from dondoc.intake.lifecycle import activate_plan
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
    return read_plan_and_text(path, year=year, settings=settings)[0]


def read_plan_and_text(path: Path, *, year: int | None, settings: Settings) -> tuple[dict[str, Any], str | None]:
    """The plan dict and the document's text (one block per line; None for a corrected export)."""
    from dondoc.intake import export as plan_export
    from dondoc.intake.sandbox import Sandbox, check_archive, precheck

    if path.suffix.lower() == ".xlsx":
        check_archive(path)  # before openpyxl opens it (is_export does)
    if plan_export.is_export(path):
        return plan_export.load(path), None
    if path.is_file() and path.stat().st_size > settings.max_plan_mb * 1024 * 1024:
        size = path.stat().st_size
        raise PlanReadError(f"tệp quá lớn ({size / 1048576:.1f} MB), giới hạn là {settings.max_plan_mb:g} MB "
                            "(DONDOC_MAX_PLAN_MB)", path=str(path))
    if path.is_file():
        precheck(path)
    # pre-checked, then parsed in a worker process with a memory cap and a time limit (intake/sandbox.py)
    return Sandbox().run(path, _parse_with_text, path, year=year, max_mb=settings.max_plan_mb)


def _parse_with_text(path: Path, *, year: int | None, max_mb: float) -> tuple[dict[str, Any], str]:
    """In the sandbox's worker: the plan dict and the document's text (one block per line)."""
    from dondoc.plans import parse_blocks
    from dondoc.plans.readers import read_blocks

    try:
        blocks, _ = read_blocks(path, max_mb=max_mb)
        if not blocks:
            raise PlanReadError("không có nội dung kế hoạch (no text)", path=str(path))
        return parse_blocks(blocks, source=path.name, year=year), blocks_text(blocks)
    except DondocError:
        raise  # the readers' own messages say what is wrong with the file, in Vietnamese
    except Exception as exc:
        # A parser failure is a bug to fix, but the clerk gets one line in Vietnamese; the trace is logged.
        log.exception("parser failed on %s", path)
        raise PlanReadError(f"không phân tích được văn bản kế hoạch (lỗi {type(exc).__name__} của chương trình "
                            "đọc kế hoạch, đã ghi vào nhật ký); thử lưu lại văn bản dạng .docx hoặc .txt, hoặc "
                            "nhập bản đã sửa (.yaml/.xlsx) xuất bằng `dondoc plan export`", path=str(path)) from None


def blocks_text(blocks: list[Any]) -> str:
    lines = []
    for b in blocks:
        text = getattr(b, "text", None)
        if text is None:  # a table: one line per row, cells separated by ' | '
            lines.extend(" | ".join(" ".join(c.split()) for c in row) for row in b.rows)
        else:
            lines.append(text)
    return "\n".join(lines)


def import_plan(
    *,
    engine: Engine,
    settings: Settings,
    path: str | Path,
    now: dt.datetime,
    year: int | None = None,
    owner: str | None = None,
    activate: bool = False,
    actor: str = "cli",
) -> ImportResult:
    """Import a plan as a draft (nothing scheduled); `activate=True` activates a new draft in the same
    transaction (scripted imports, the demo). A corrected version of an active plan updates it in place."""
    path = Path(path)
    if not path.is_file():
        raise InputError("không có tệp này", path=str(path))
    digest = file_hash(path)
    parsed, source_text = read_plan_and_text(path, year=year, settings=settings)
    if not parsed.get("assignments") and not parsed.get("reports"):
        # Nothing to follow up: storing an empty plan would only hide the problem from the user.
        raise PlanReadError("không tìm thấy nhiệm vụ hay báo cáo nào giao cho cơ quan, đơn vị (no assignments): "
                            "không có gì để theo dõi; kiểm tra lại văn bản hoặc nhập bản đã sửa (.yaml/.xlsx)",
                            path=str(path))
    with session_scope(engine) as session:
        same = session.exec(select(Plan).where(Plan.source_hash == digest)).first()
        if same is not None and (year is None or same.year == year):
            if activate and same.state == "draft":
                activate_plan(session, plan_id=same.id, settings=settings, now=now, actor=actor)  # type: ignore[arg-type]
            result = _counts(session, same, status="unchanged")
            result.state = same.state
            return result
        result = store_plan(session, parsed=parsed, source_name=path.name, source_hash=digest, settings=settings,
                            now=now, owner=owner, actor=actor, source_text=source_text)
        if activate and result.state == "draft":
            activate_plan(session, plan_id=result.plan_id, settings=settings, now=now, actor=actor)
            plan = session.get(Plan, result.plan_id)
            assert plan is not None
            fresh = _counts(session, plan, status=result.status)
            fresh.unresolved, fresh.warnings, fresh.state = result.unresolved, result.warnings, plan.state
            result = fresh
    optimize(engine)
    return result
