"""Status collection: who may update what, validation, late marking, extensions, attachments, audit.

Authorisation rules (one place, used by the web pages, the API and the CLI):
- An active officer may read and update the obligations of their own unit. When an obligation names
  one officer (a task given to "Công chức X"), only that officer and the unit's head, deputy or focal
  officer may update it; other staff of the unit do not see it.
- The plan's focal point — an active officer with role `focal` or `head` in the plan's focal unit
  (`Plan.focal_unit_id`, else `Plan.owner_unit_id`) — sees every obligation of the plan, decides
  extension requests and reminds units. They do not submit status as a unit, but may enter a unit's
  status on its behalf (nhập thay, `submit_on_behalf`) with the source noted; so may the issuer.
- The issuer — an active officer with role `head`, `deputy` or `focal` in `Plan.issuer_unit_id` — sees
  the plan's dashboard (read-only).
Anything else raises `Forbidden`, which the web layer turns into the same 404 as an unknown id.

Late marking: an update sent after the obligation's cut-off date (Asia/Ho_Chi_Minh) is accepted and
marked `late` (gửi muộn); an approved extension moves that date to `extended_due`. On-time statistics
never use the extension: they compare `completed_at` with `due_date` (services/timeliness.py).

Figures: `payload.figures` maps a target's `ref` or `key` to a number; they are stored keyed by
`Target.key` (unique within a plan; several targets can share one section ref).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import re
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pendulum
from sqlalchemy import or_
from sqlmodel import Session, select

from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.errors import Forbidden, InputError, NotFound
from dondoc.models import (
    CLOSED,
    STATUS_LABELS,
    Attachment,
    AuditEvent,
    ExtensionRequest,
    Obligation,
    Officer,
    Plan,
    StatusUpdate,
    Target,
)

MAX_TEXT = 20_000
UNIT_MANAGERS = ("head", "deputy", "focal")
FOCAL_ROLES = ("focal", "head")
ISSUER_ROLES = ("head", "deputy", "focal")
LABEL_TO_STATUS = {v.casefold(): k for k, v in STATUS_LABELS.items()}


class StatusInputError(InputError):
    """A status submission that does not pass validation (message in Vietnamese, shown on the form)."""

    http_status = 422


# ---------------------------------------------------------------- payload


@dataclass
class StatusPayload:
    status: str
    progress: int | None = None
    result: str = ""
    figures: dict[str, float] = field(default_factory=dict)
    difficulties: str = ""
    proposals: str = ""

    @classmethod
    def from_any(cls, value: StatusPayload | dict[str, Any]) -> StatusPayload:
        if isinstance(value, StatusPayload):
            return value
        known = {k: value[k] for k in ("status", "progress", "result", "figures", "difficulties", "proposals")
                 if k in value and value[k] is not None}
        if "status" not in known:
            raise StatusInputError("Thiếu tình trạng thực hiện (status).")
        return cls(**known)


def parse_status(value: str) -> str:
    """A status code from its code or its Vietnamese label (any case)."""
    v = unicodedata.normalize("NFC", str(value)).strip()
    if v in STATUS_LABELS:
        return v
    if v.casefold() in LABEL_TO_STATUS:
        return LABEL_TO_STATUS[v.casefold()]
    choices = ", ".join(f"{k} ({lbl})" for k, lbl in STATUS_LABELS.items())
    raise StatusInputError(f"Tình trạng không hợp lệ: {value!r}. Chọn một trong: {choices}.")


def _clean_text(value: Any, what: str) -> str:
    text = unicodedata.normalize("NFC", str(value or "")).replace("\r\n", "\n").strip()
    if "\x00" in text:
        raise StatusInputError(f"{what}: có ký tự không hợp lệ.")
    if len(text) > MAX_TEXT:
        raise StatusInputError(f"{what}: quá dài (tối đa {MAX_TEXT} ký tự).")
    return text


def parse_number(value: Any) -> float:
    """A figure from a number or Vietnamese text ('73', '78,2', '60.000', '1.234,5')."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        s = str(value).strip().replace(" ", "").replace("%", "")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", s):  # 60.000 / 1.234,5
            s = s.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?\d+,\d+", s):  # 78,2
            s = s.replace(",", ".")
        number = float(s)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


@dataclass
class CleanStatus:
    status: str
    progress: int
    result: str
    figures: dict[str, float]
    difficulties: str
    proposals: str


def validate(payload: StatusPayload | dict[str, Any], *, targets: list[Target]) -> CleanStatus:
    """Check and normalise a submission. Rules:
    status is one of the four codes (or its label); progress is an integer 0..100; `not_started` means
    0 %; `done` means 100 % (set when omitted); `impossible` needs the reason in difficulties; figures
    name targets of the plan (by ref or key) and are finite numbers >= 0."""
    p = StatusPayload.from_any(payload)
    status = parse_status(p.status)
    progress: int | None
    if p.progress is None or p.progress == "":
        progress = None
    else:
        try:
            f = float(str(p.progress).replace(",", ".").replace("%", "").strip())
        except ValueError:
            raise StatusInputError(f"Tiến độ phải là số từ 0 đến 100, không phải {p.progress!r}.") from None
        if not math.isfinite(f) or f < 0 or f > 100:
            raise StatusInputError(f"Tiến độ phải từ 0 đến 100 %, không phải {p.progress}.")
        progress = round(f)
    if status == "not_started":
        if progress:
            raise StatusInputError("Tình trạng 'Chưa triển khai' thì tiến độ phải là 0 %.")
        progress = 0
    elif status == "done":
        if progress is not None and progress != 100:
            raise StatusInputError("Tình trạng 'Hoàn thành' thì tiến độ là 100 %.")
        progress = 100
    elif progress is None:
        progress = 0
    result = _clean_text(p.result, "Kết quả")
    difficulties = _clean_text(p.difficulties, "Khó khăn, vướng mắc")
    proposals = _clean_text(p.proposals, "Kiến nghị")
    if status == "impossible" and not difficulties:
        raise StatusInputError("Tình trạng 'Không thực hiện được': hãy nêu lý do ở mục Khó khăn, vướng mắc.")
    by_key = {t.key: t for t in targets}
    by_ref: dict[str, list[Target]] = {}
    for t in targets:
        by_ref.setdefault(t.ref, []).append(t)
    figures: dict[str, float] = {}
    for name, raw in (p.figures or {}).items():
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        name = str(name).strip()
        target = by_key.get(name)
        if target is None:
            found = by_ref.get(name, [])
            if len(found) > 1:
                raise StatusInputError(f"Chỉ tiêu {name!r} không rõ: mục này có {len(found)} chỉ tiêu, hãy dùng mã "
                                       f"({', '.join(t.key for t in found)}).")
            target = found[0] if found else None
        if target is None:
            raise StatusInputError(f"Kế hoạch không có chỉ tiêu {name!r}.")
        try:
            number = parse_number(raw)
        except (ValueError, TypeError):
            raise StatusInputError(f"Số liệu của chỉ tiêu {target.ref} phải là một số, không phải {raw!r}.") from None
        if number < 0:
            raise StatusInputError(f"Số liệu của chỉ tiêu {target.ref} không được âm.")
        figures[target.key] = number
    return CleanStatus(status, progress, result, figures, difficulties, proposals)


# ---------------------------------------------------------------- authorisation


def focal_unit_id(plan: Plan) -> int | None:
    return plan.focal_unit_id or plan.owner_unit_id


def is_focal(officer: Officer, plan: Plan) -> bool:
    return officer.active and officer.role in FOCAL_ROLES and officer.unit_id == focal_unit_id(plan)


def is_issuer(officer: Officer, plan: Plan) -> bool:
    return (officer.active and officer.role in ISSUER_ROLES and plan.issuer_unit_id is not None
            and officer.unit_id == plan.issuer_unit_id)


def can_update(officer: Officer, obligation: Obligation) -> bool:
    if not officer.active or officer.unit_id != obligation.unit_id:
        return False
    if obligation.officer_id is None or obligation.officer_id == officer.id:
        return True
    return officer.role in UNIT_MANAGERS


def visible_clause(officer: Officer) -> Any:
    """SQL condition selecting the obligations `officer` may update (mirrors can_update)."""
    cond = Obligation.unit_id == officer.unit_id
    if officer.role in UNIT_MANAGERS:
        return cond
    return cond & or_(Obligation.officer_id.is_(None), Obligation.officer_id == officer.id)  # type: ignore[union-attr]


def get_officer(session: Session, officer_id: int) -> Officer:
    officer = session.get(Officer, officer_id)
    if officer is None or not officer.active:
        raise NotFound("Không tìm thấy.")
    return officer


def obligation_for_update(session: Session, *, officer: Officer, obligation_id: int, lock: bool = False) -> Obligation:
    stmt = select(Obligation).where(Obligation.id == obligation_id)
    if lock:
        stmt = stmt.with_for_update()
    obligation = session.exec(stmt).first()
    if obligation is None or not can_update(officer, obligation):
        raise Forbidden("Không tìm thấy.")
    return obligation


def plan_targets(session: Session, plan_id: int) -> list[Target]:
    return list(session.exec(select(Target).where(Target.plan_id == plan_id).order_by(Target.id)).all())  # type: ignore[arg-type]


# ---------------------------------------------------------------- submission


def local_day(now: dt.datetime) -> dt.date:
    d = pendulum.instance(now).in_timezone(TZ).date()
    return dt.date(d.year, d.month, d.day)


def late_after(obligation: Obligation) -> dt.date:
    """The last day an update counts as sent in time: the cut-off, or the approved extension if later."""
    if obligation.extended_due and obligation.extended_due > obligation.cutoff:
        return obligation.extended_due
    return obligation.cutoff


def _snapshot(o: Obligation) -> dict[str, Any]:
    return {
        "status": o.status,
        "progress": o.progress,
        "closed": o.closed,
        "completed_at": o.completed_at.isoformat() if o.completed_at else None,
        "last_update_at": o.last_update_at.isoformat() if o.last_update_at else None,
        "extended_due": o.extended_due.isoformat() if o.extended_due else None,
    }


def actor(officer_id: int | None) -> str:
    return f"officer:{officer_id}" if officer_id is not None else "cli"


def submit_status(
    session: Session,
    *,
    officer_id: int,
    obligation_id: int,
    payload: StatusPayload | dict[str, Any],
    via: str,
    now: dt.datetime,
    token_id: int | None = None,
) -> StatusUpdate:
    """Record one status update for an obligation the officer may update; the caller commits.

    The obligation row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already
    serialises writers) so concurrent submissions never lose the before/after of the audit trail."""
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    officer = get_officer(session, officer_id)
    obligation = obligation_for_update(session, officer=officer, obligation_id=obligation_id, lock=True)
    return _record(session, obligation=obligation, payload=payload, author_id=officer.id, entered_by_id=None,  # type: ignore[arg-type]
                   actor_id=officer.id, update_via=via, audit_via=via, now=now, token_id=token_id)  # type: ignore[arg-type]


MAX_SOURCE = 500
ON_BEHALF_VIA = "focal"


def can_enter_for(officer: Officer, plan: Plan) -> bool:
    """Nhập thay: the plan's focal point or issuer may enter a unit's status on its behalf."""
    return is_focal(officer, plan) or is_issuer(officer, plan)


def obligation_for_entry(session: Session, *, officer: Officer, obligation_id: int, plan_id: int | None = None,
                         lock: bool = False) -> Obligation:
    """An obligation the officer may enter status for on a unit's behalf (of `plan_id` when given);
    Forbidden (shown as 'not found') otherwise."""
    stmt = select(Obligation).where(Obligation.id == obligation_id)
    if lock:
        stmt = stmt.with_for_update()
    obligation = session.exec(stmt).first()
    plan = session.get(Plan, obligation.plan_id) if obligation is not None else None
    if (obligation is None or plan is None or (plan_id is not None and obligation.plan_id != plan_id)
            or not can_enter_for(officer, plan)):
        raise Forbidden("Không tìm thấy.")
    return obligation


def clean_source(value: Any) -> str:
    """The required note of where an entered report came from ('Công văn số 12/BC-UBND', 'điện thoại')."""
    source = " ".join(_clean_text(value, "Nguồn báo cáo").split())
    if not source:
        raise StatusInputError("Hãy ghi nguồn của báo cáo nhập thay (ví dụ: \"Công văn số 12/BC-UBND ngày 03/11\", "
                               "\"điện thoại\", \"Zalo\").")
    if len(source) > MAX_SOURCE:
        raise StatusInputError(f"Nguồn báo cáo: quá dài (tối đa {MAX_SOURCE} ký tự).")
    return source


def submit_on_behalf(
    session: Session,
    *,
    officer_id: int,
    obligation_id: int,
    payload: StatusPayload | dict[str, Any],
    source: str,
    via: str,
    now: dt.datetime,
    plan_id: int | None = None,
    token_id: int | None = None,
) -> StatusUpdate:
    """Nhập thay: the plan's focal point (or issuer) records a status a unit sent by phone, Zalo or on
    paper. The update is the unit's in every respect (late marking, on-time statistics, reminders stop
    the same way: they follow the obligation); `officer_id` stays the obligation's named officer,
    `entered_by_id` is the focal officer, `via` is "focal". The audit trail names the focal officer as
    actor, with the channel used (`via`: web, api, cli) and the source (also kept on the update) in a `status.on_behalf` event."""
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    officer = get_officer(session, officer_id)
    obligation = obligation_for_entry(session, officer=officer, obligation_id=obligation_id, plan_id=plan_id,
                                      lock=True)
    note = clean_source(source)
    update = _record(session, obligation=obligation, payload=payload, author_id=obligation.officer_id,
                     entered_by_id=officer.id, actor_id=officer.id, update_via=ON_BEHALF_VIA, audit_via=via,  # type: ignore[arg-type]
                     now=now, token_id=token_id, source=note)
    session.add(AuditEvent(at=now, actor=actor(officer.id), via=via, token_id=token_id, action="status.on_behalf",
                           entity="statusupdate", entity_id=update.id, before={},
                           after={"obligation_id": obligation.id, "unit_id": obligation.unit_id, "source": note},
                           note=note))
    session.flush()
    return update


def _record(
    session: Session,
    *,
    obligation: Obligation,
    payload: StatusPayload | dict[str, Any],
    author_id: int | None,
    entered_by_id: int | None,
    actor_id: int,
    update_via: str,
    audit_via: str,
    now: dt.datetime,
    token_id: int | None,
    source: str | None = None,
) -> StatusUpdate:
    """Validate and store one update of a locked obligation, move the obligation, audit it."""
    clean = validate(payload, targets=plan_targets(session, obligation.plan_id))
    before = _snapshot(obligation)
    late = local_day(now) > late_after(obligation)
    update = StatusUpdate(
        obligation_id=obligation.id,  # type: ignore[arg-type]
        officer_id=author_id,
        entered_by_id=entered_by_id,
        source=source,
        status=clean.status,
        progress=clean.progress,
        result=clean.result,
        figures=clean.figures,
        difficulties=clean.difficulties,
        proposals=clean.proposals,
        late=late,
        via=update_via,
        submitted_at=now,
    )
    session.add(update)
    obligation.status = clean.status
    obligation.progress = clean.progress
    obligation.closed = clean.status in CLOSED
    obligation.last_update_at = now
    obligation.stale = False
    if clean.status == "done":
        if obligation.completed_at is None:
            obligation.completed_at = now
    else:
        obligation.completed_at = None
    session.add(obligation)
    session.flush()
    note = f"statusupdate:{update.id}" + (" late" if late else "") + (" on_behalf" if entered_by_id else "")
    session.add(AuditEvent(
        at=now, actor=actor(actor_id), via=audit_via, token_id=token_id, action="status.submit",
        entity="obligation", entity_id=obligation.id, before=before, after=_snapshot(obligation), note=note,
    ))
    session.flush()
    return update


# ---------------------------------------------------------------- extensions


def request_extension(
    session: Session,
    *,
    officer_id: int,
    obligation_id: int,
    requested_due: dt.date,
    reason: str,
    via: str,
    now: dt.datetime,
    token_id: int | None = None,
) -> ExtensionRequest:
    officer = get_officer(session, officer_id)
    obligation = obligation_for_update(session, officer=officer, obligation_id=obligation_id, lock=True)
    reason = _clean_text(reason, "Lý do")
    if not reason:
        raise StatusInputError("Hãy nêu lý do xin gia hạn.")
    if requested_due <= obligation.effective_due:
        raise StatusInputError(f"Ngày xin gia hạn phải sau hạn hiện tại ({obligation.effective_due:%d/%m/%Y}).")
    if requested_due > obligation.effective_due + dt.timedelta(days=366):
        raise StatusInputError("Ngày xin gia hạn quá xa (tối đa một năm).")
    pending = session.exec(select(ExtensionRequest).where(
        ExtensionRequest.obligation_id == obligation.id, ExtensionRequest.state == "pending")).first()
    if pending is not None:
        raise StatusInputError("Đã có một đề nghị gia hạn đang chờ cơ quan đầu mối xem xét.")
    req = ExtensionRequest(obligation_id=obligation.id, officer_id=officer.id,  # type: ignore[arg-type]
                           requested_due=requested_due, reason=reason, created_at=now)
    session.add(req)
    session.flush()
    session.add(AuditEvent(at=now, actor=actor(officer.id), via=via, token_id=token_id, action="extension.request",
                           entity="extensionrequest", entity_id=req.id, before={},
                           after={"obligation_id": obligation.id, "requested_due": requested_due.isoformat(),
                                  "state": "pending"}, note=reason[:500]))
    session.flush()
    return req


def decide_extension(
    session: Session,
    *,
    officer_id: int,
    request_id: int,
    approve: bool,
    via: str,
    now: dt.datetime,
    token_id: int | None = None,
) -> ExtensionRequest:
    """The plan's focal point approves (sets Obligation.extended_due) or refuses a pending request."""
    officer = get_officer(session, officer_id)
    req = session.get(ExtensionRequest, request_id)
    if req is None:
        raise NotFound("Không tìm thấy.")
    obligation = session.exec(select(Obligation).where(Obligation.id == req.obligation_id).with_for_update()).one()
    plan = session.get(Plan, obligation.plan_id)
    if plan is None or not is_focal(officer, plan):
        raise Forbidden("Không tìm thấy.")
    if req.state != "pending":
        raise StatusInputError("Đề nghị này đã được xử lý.")
    before = {"state": req.state, "extended_due": obligation.extended_due.isoformat() if obligation.extended_due else None}
    req.state = "approved" if approve else "refused"
    req.decided_by = officer.id
    req.decided_at = now
    if approve:
        obligation.extended_due = req.requested_due
        session.add(obligation)
    session.add(req)
    session.add(AuditEvent(at=now, actor=actor(officer.id), via=via, token_id=token_id,
                           action=f"extension.{req.state}", entity="extensionrequest", entity_id=req.id,
                           before=before, after={"state": req.state, "extended_due": obligation.extended_due.isoformat()
                                                 if obligation.extended_due else None}))
    session.flush()
    return req


# ---------------------------------------------------------------- attachments

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
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "xb") as fh:
        fh.write(data)
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


# ---------------------------------------------------------------- reminders on demand


def remind_now(
    session: Session,
    *,
    officer_id: int,
    plan_id: int,
    unit_id: int,
    now: dt.datetime,
    via: str,
    period: str | None = None,
    token_id: int | None = None,
) -> int:
    """'Nhắc ngay': the focal point asks for a reminder to a unit today. Creates Notice(kind reminder,
    level 0, day today) for each open obligation of the unit in the plan (optionally one period) and each
    addressee (the obligation's officer, else the unit's active officers); the delivery layer sends them.
    Returns the number of new notices (0 when they already exist today)."""
    from dondoc.models import Notice

    officer = get_officer(session, officer_id)
    plan = session.get(Plan, plan_id)
    if plan is None or not is_focal(officer, plan):
        raise Forbidden("Không tìm thấy.")
    stmt = select(Obligation).where(Obligation.plan_id == plan_id, Obligation.unit_id == unit_id,
                                    Obligation.closed == False)
    if period:
        stmt = stmt.where(Obligation.period == period)
    obligations = list(session.exec(stmt).all())
    if not obligations:
        return 0
    staff = list(session.exec(select(Officer).where(Officer.unit_id == unit_id, Officer.active == True)).all())
    day = local_day(now)
    existing = {(n.obligation_id, n.officer_id) for n in session.exec(select(Notice).where(
        Notice.obligation_id.in_([o.id for o in obligations]),  # type: ignore[union-attr]
        Notice.kind == "reminder", Notice.level == 0, Notice.day == day)).all()}
    created = 0
    for o in obligations:
        to = [o.officer_id] if o.officer_id else [s.id for s in staff]
        for oid in to:
            if oid is None or (o.id, oid) in existing:
                continue
            session.add(Notice(obligation_id=o.id, officer_id=oid, kind="reminder", level=0,  # type: ignore[arg-type]
                               day=day, created_at=now))
            existing.add((o.id, oid))
            created += 1
    session.add(AuditEvent(at=now, actor=actor(officer.id), via=via, token_id=token_id, action="remind.now",
                           entity="unit", entity_id=unit_id, before={},
                           after={"plan_id": plan_id, "period": period, "notices": created}))
    session.flush()
    return created
