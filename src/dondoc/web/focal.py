"""What the focal point's routes share: access to a plan's focal page, the notice after nhập thay, the
hand-off to delivery after 'Nhắc ngay', the zip of every submission, and the compiled report files
(Word and Excel, written by reporting/), which chat channels cannot carry. Routes: routes/focal.py,
routes/files.py."""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import quote

from sqlmodel import Session, col, select

from dondoc import vietnamese as vn
from dondoc.collect.attachments import attachment_path
from dondoc.collect.submit import is_focal, plan_targets
from dondoc.config import Settings
from dondoc.models import (
    STATUS_LABELS,
    Attachment,
    CompiledReport,
    Obligation,
    Plan,
    StatusUpdate,
    Unit,
)
from dondoc.notifications.port import ascii_filename
from dondoc.web import queries
from dondoc.web.context import Viewer, Web
from dondoc.web.errors import NotFoundPage
from dondoc.web.render import ROLE_LABELS, local_time

log = logging.getLogger(__name__)


def focal_plan(s: Session, v: Viewer, plan_id: int) -> Plan:
    """The plan of a focal page: 404 unless the viewer is one of its focal officers."""
    plan = s.get(Plan, plan_id)
    if plan is None or not is_focal(v.officer, plan):
        raise NotFoundPage()
    return plan


# The compiled report's two files: URL suffix -> (content type, what the list calls it).
REPORT_FILES = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
}


def report_file(settings: Settings, stored: str | None) -> Path | None:
    """A compiled report file's path from its DB row, under the data folder (DONDOC_HOME): a relative
    path is taken from the folder, an absolute one must lie inside it. None when there is no path or it
    leads outside the folder (after resolving '..' and symbolic links)."""
    if not stored:
        return None
    home = settings.home.resolve()
    path = (home / stored).resolve()  # an absolute `stored` replaces `home` here
    if not path.is_relative_to(home):
        log.warning("compiled report path %r is outside the data folder: refused", stored)
        return None
    return path


def report_download_name(plan: Plan, row: CompiledReport, fmt: str, *, final: bool) -> str:
    """'Báo cáo tổng hợp năm 2025 - Kế hoạch 68-KH-UBND (dự thảo).docx'."""
    from dondoc.reporting.compile import parse_period
    from dondoc.reporting.period import ReportInputError

    try:
        label = parse_period(row.period).label
    except ReportInputError:
        label = row.period
    ident = (plan.number or str(plan.id)).replace("/", "-").replace("\\", "-")
    draft = "" if final else " (dự thảo)"
    return f"Báo cáo tổng hợp {label} - Kế hoạch {ident}{draft}.{fmt}"


def content_disposition(name: str) -> str:
    """attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name> (RFC 6266)."""

    stem, dot, ext = name.rpartition(".")
    fallback = re.sub(r"-{2,}", "-", ascii_filename(stem if dot else name)).strip("-") or "bao-cao"
    if dot:
        fallback += "." + ascii_filename(ext)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def entered_notice(s: Session, plan_id: int, update_id: int) -> str | None:
    """The confirmation after 'Nhập thay': which unit, when, late or not (None for an unrelated id)."""
    found = s.exec(select(StatusUpdate, Obligation, Unit)
                   .join(Obligation, col(Obligation.id) == StatusUpdate.obligation_id)
                   .join(Unit, col(Unit.id) == Obligation.unit_id)
                   .where(StatusUpdate.id == update_id, Obligation.plan_id == plan_id)).first()
    if found is None or found[0].entered_by_id is None:
        return None
    u, _o, unit = found
    late = " (gửi muộn: sau ngày chốt số liệu)" if u.late else ""
    return f"Đã nhập thay báo cáo của {unit.name} lúc {local_time(u.submitted_at)}{late}."


def hand_to_delivery(web: Web, now: object) -> None:
    """Best effort after 'Nhắc ngay': compose and send today's notices now (app.send_now). When it fails,
    the notices stay and go out on the next scheduled run."""
    from dondoc.app.send_now import send_now

    try:
        send_now(engine=web.engine, settings=web.settings, now=now)  # type: ignore[arg-type]
    except Exception:
        log.exception("immediate delivery after 'Nhắc ngay' failed; the next run will send it")


def build_export(s: Session, web: Web, plan: Plan) -> str:
    """A zip with tong-hop.csv (every submission, UTF-8 with BOM for Excel) and the attachments."""
    subs = queries.submissions_with_entry(s, plan_id=plan.id)  # type: ignore[arg-type]
    targets = {t.key: t for t in plan_targets(s, plan.id)}  # type: ignore[arg-type]
    atts: dict[int, list[Attachment]] = {}
    if subs:
        for a in s.exec(select(Attachment).where(Attachment.status_update_id.in_([u.id for u, _, _, _ in subs]))):  # type: ignore[union-attr]
            atts.setdefault(a.status_update_id, []).append(a)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Mã cập nhật", "Đơn vị", "Mục", "Nhiệm vụ", "Vai trò", "Kỳ", "Hạn", "Tình trạng", "Tiến độ (%)",
                "Kết quả", "Số liệu chỉ tiêu", "Khó khăn, vướng mắc", "Kiến nghị", "Gửi lúc", "Gửi muộn",
                "Người gửi", "Qua", "Nhập thay", "Tệp đính kèm"])
    fd, path = tempfile.mkstemp(suffix=".zip")
    os.close(fd)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for u, row, who, entry in subs:
            names = []
            for a in atts.get(u.id, []):  # type: ignore[arg-type]
                src = attachment_path(web.settings, a)
                arc = f"tep-dinh-kem/{u.id}-{a.id}-{a.filename}"
                if src.is_file():
                    zf.write(src, arc)
                    names.append(arc)
            figs = "; ".join(f"{targets[k].ref} {targets[k].text[:40]}: {vn.number(v)}" if k in targets else f"{k}: {v}"
                             for k, v in u.figures.items())
            o = row.obligation
            w.writerow([_no_formula(v) for v in [u.id, row.unit_name, row.ref, row.task, ROLE_LABELS.get(o.role, o.role), o.period,
                        vn.short_date(o.due_date), STATUS_LABELS.get(u.status, u.status), u.progress, u.result, figs,
                        u.difficulties, u.proposals, local_time(u.submitted_at), "có" if u.late else "", who, u.via,
                        entry, "\n".join(names)]])
        zf.writestr("tong-hop.csv", "\ufeff" + buf.getvalue())
    return path


def _no_formula(value: object) -> object:
    """A CSV cell a spreadsheet would evaluate (=, +, -, @, tab, CR first) gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


__all__ = ["build_export", "content_disposition", "focal_plan", "report_file"]
