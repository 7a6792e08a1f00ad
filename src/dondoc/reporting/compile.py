"""The consolidated report: a snapshot of a plan's period (chốt số liệu) and its compilation.

`build_snapshot` reads everything the report says from the database into plain JSON-able data;
the renderers in `dondoc.reporting` (docx_*, xlsx_report, markdown) turn that data into Word, Excel and Markdown and never query.
`compile_report` stores the snapshot (one CompiledReport per plan and period), writes the files
and queues the report for the plan's focal point. A snapshot taken at or after the period's data
cut-off is final: compiling again reuses it, so the document comes out byte-identical.

Nothing is invented: every sentence of the report is a submission's text or a fact of the plan;
the figures are sums or the latest values of what units reported."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from pathlib import Path
from typing import Any

from sqlalchemy import or_
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.directory.focal import plan_focal_point as focal_officers
from dondoc.directory.people import first_by_role
from dondoc.errors import NotFound
from dondoc.models import (
    CompiledReport,
    Message,
    Officer,
    Plan,
)
from dondoc.reporting import admin
from dondoc.reporting.period import _local_day, default_period, parse_period
from dondoc.reporting.snapshot import SNAPSHOT_VERSION, build_snapshot
from dondoc.vietnamese import short_date

log = logging.getLogger(__name__)


def report_basename(plan_id: int, period: str) -> str:
    return f"bao-cao-ke-hoach-{plan_id}-{period}"


def render_files(snapshot: dict[str, Any], *, directory: Path, template: Path | None = None) -> tuple[Path, Path]:
    """Write the .docx and .xlsx of a snapshot into `directory`; returns their paths."""
    from dondoc.reporting.docx_report import render_report_docx
    from dondoc.reporting.xlsx_report import render_report_xlsx

    directory.mkdir(parents=True, exist_ok=True)
    base = report_basename(snapshot["plan"]["id"], snapshot["period"]["code"])
    docx_path = directory / f"{base}.docx"
    xlsx_path = directory / f"{base}.xlsx"
    render_report_docx(snapshot, docx_path, template=template)
    render_report_xlsx(snapshot, xlsx_path)
    return docx_path, xlsx_path




def _message_text(snapshot: dict[str, Any], *, link: str = "", upper: bool = False) -> tuple[str, str]:
    """Subject and text of the report message. The files go along as attachments (Message.attachments);
    the delivery service adds the line that names them, or says where they are on channels that
    cannot carry files. `link` is the recipient's personal page (the focal page for focal officers)."""
    from dondoc.reporting.text import subject_line, summary_lines

    p = snapshot["plan"]
    kind = "Báo cáo" if upper else "Dự thảo báo cáo"
    subject = f"[dondoc] {kind} {snapshot['period']['label']}: {subject_line(snapshot)}"
    if len(subject) > 200:
        subject = subject[:197] + "..."
    plan_name = f"Kế hoạch số {p['number']}" if p.get("number") else "Kế hoạch"
    as_of = short_date(dt.date.fromisoformat(snapshot["period"]["as_of"]))
    lines = [
        (f"{kind} tổng hợp kết quả thực hiện {plan_name} ({snapshot['period']['label']}) của "
         f"{p.get('issuer') or 'cơ quan ban hành'}, số liệu tính đến ngày {as_of}."),
        *summary_lines(snapshot),
        "",
    ]
    if not upper:
        lines.append("Đề nghị kiểm tra văn bản báo cáo (Word) và phụ lục (Excel), trình ký và gửi theo quy định.")
    if link:
        lines.append(f"Trang theo dõi kế hoạch: {link}")
    return subject, "\n".join(lines)


def compile_report(*, engine: Engine, settings: Settings, plan_id: int, period: str | None = None,
                   now: dt.datetime, send: bool = True, template: Path | None = None) -> CompiledReport:
    """Snapshot (or reuse the final snapshot of) a plan's period, write the files under
    `settings.home/reports/`, store a CompiledReport and, when `send`, queue one Message per focal
    officer (key `report:<plan>:<period>:<officer>`, sent by delivery.deliver_pending)."""
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    for attempt in range(2):
        try:
            with session_scope(engine) as session:
                return _compile_once(session, settings=settings, plan_id=plan_id, period=period, now=now,
                                     send=send, template=template)
        except IntegrityError:
            # Two compilations of the same period raced on the unique (plan, period): the other one
            # stored its snapshot first; run again to reuse it.
            if attempt:
                raise
    raise AssertionError("unreachable")


def _compile_once(session: Session, *, settings: Settings, plan_id: int, period: str | None, now: dt.datetime,
                  send: bool, template: Path | None) -> CompiledReport:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"không có kế hoạch số {plan_id} trong cơ sở dữ liệu (xem `dondoc plan list`)")
    code = parse_period(period or default_period(session, plan=plan, now=now)).code
    row = session.exec(select(CompiledReport).where(CompiledReport.plan_id == plan_id,
                                                    CompiledReport.period == code)).first()
    if row is not None and row.snapshot.get("period", {}).get("final") and row.snapshot.get("version") == SNAPSHOT_VERSION:
        snapshot = dict(row.snapshot)
        reused = True
    else:
        reused = False
        snapshot = build_snapshot(session, plan_id=plan_id, period=code, now=now)
        if row is None:
            row = CompiledReport(plan_id=plan_id, period=code, cutoff=dt.date.fromisoformat(snapshot["period"]["cutoff"]),
                                 snapshot=snapshot, compiled_at=now)
        else:
            row.snapshot = snapshot
            row.cutoff = dt.date.fromisoformat(snapshot["period"]["cutoff"])
            row.compiled_at = now
    template = template or _user_template(settings)
    if reused and row.docx_path and row.xlsx_path and row.sha256 and Path(row.xlsx_path).is_file() \
            and Path(row.docx_path).is_file() and hashlib.sha256(Path(row.docx_path).read_bytes()).hexdigest() == row.sha256:
        docx_path, xlsx_path = Path(row.docx_path), Path(row.xlsx_path)  # the stored files are this snapshot's
    else:
        docx_path, xlsx_path = render_files(snapshot, directory=settings.path("reports"), template=template)
    row.docx_path, row.xlsx_path = str(docx_path), str(xlsx_path)
    row.sha256 = hashlib.sha256(docx_path.read_bytes()).hexdigest()
    session.add(row)
    session.flush()
    if send:
        addressed = _queue_messages(session, settings=settings, plan=plan, snapshot=snapshot, docx_path=docx_path,
                                    xlsx_path=xlsx_path, now=now)
        if addressed and snapshot["period"]["final"]:
            row.sent_at = row.sent_at or now  # queued; Message.sent_at tells when each was delivered
        session.add(row)
    session.flush()
    return row


def _user_template(settings: Settings) -> Path | None:
    """A restyled template the user dropped in the data folder (templates/bao-cao.docx), if any."""
    path = settings.home / "templates" / "bao-cao.docx"
    return path if path.is_file() else None


def upper_officers(session: Session, plan: Plan) -> list[Officer]:
    """Officers of the plan's upper-level recipients (b/c), when the plan's policy asks for it
    (`report_to_upper: true`): each (b/c) name that resolves exactly to a unit of the directory gives
    that unit's focal officers, else its head. Names that only resolve fuzzily are not sent to."""
    if not (plan.policy or {}).get("report_to_upper"):
        return []
    from dondoc.directory.resolve import Resolver

    resolver = Resolver.from_session(session)
    unit_ids: list[int] = []
    named: list[int] = []
    for r in plan.recipients or []:
        if not (isinstance(r, dict) and r.get("purpose") == "report" and r.get("name")):
            continue
        res = resolver.resolve(admin.clean_recipient(str(r["name"])))
        if res.method not in ("exact", "normalised"):
            log.warning("plan %s: recipient %r not sent the report (%s)", plan.id, r["name"], res.method)
            continue
        for target in res.targets:
            unit_id, officer_id = target[0], target[1]
            if officer_id:
                named.append(officer_id)
            elif unit_id not in unit_ids:
                unit_ids.append(unit_id)
    if not unit_ids and not named:
        return []
    rows = session.exec(select(Officer).where(Officer.active == True,
                                              or_(col(Officer.unit_id).in_(unit_ids), col(Officer.id).in_(named)))
                        .order_by(Officer.id)).all()  # type: ignore[arg-type]
    out = [o for o in rows if o.id in named]
    for uid in unit_ids:
        staff = [o for o in rows if o.unit_id == uid]
        out += first_by_role(staff)
    return out


def home_relative(path: Path, settings: Settings) -> str:
    """A file's path relative to the data folder, as Message.attachments holds it. A file outside the
    folder keeps its absolute path, which the delivery service refuses to send (and says so)."""
    try:
        return path.resolve().relative_to(settings.home.resolve()).as_posix()
    except ValueError:
        return str(path)


def _queue_messages(session: Session, *, settings: Settings, plan: Plan, snapshot: dict[str, Any], docx_path: Path,
                    xlsx_path: Path, now: dt.datetime) -> int:
    """Queue the report for its recipients (idempotent by key), the .docx and .xlsx attached; returns how
    many officers it is addressed to."""
    from dondoc.collect.links import stored_link as link_for  # a placeholder; the token is put in at send time

    officers = focal_officers(session, plan)
    if not officers:
        log.warning("plan %s has no focal officer: the compiled report is stored but not sent", plan.id)
    per = snapshot["period"]
    focal_ids = {o.id for o in officers}
    if per["final"]:
        officers += [o for o in upper_officers(session, plan) if o.id not in focal_ids]
    suffix = "" if per["final"] else f":draft-{per['as_of']}"
    keys = {o.id: f"report:{plan.id}:{per['code']}:{o.id}{suffix}" for o in officers}
    existing = set(session.exec(select(Message.key).where(col(Message.key).in_(list(keys.values())))).all())
    files = [home_relative(docx_path, settings), home_relative(xlsx_path, settings)]
    for officer in officers:
        key = keys[officer.id]
        if key in existing:
            continue
        upper = officer.id not in focal_ids
        # The focal officer's link opens the plan's focal page; an upper-level officer's, their own page.
        link = link_for(session, officer_id=officer.id, settings=settings, now=now)  # type: ignore[arg-type]
        subject, body = _message_text(snapshot, link=link if upper else f"{link}/focal/{plan.id}", upper=upper)
        msg = Message(key=key, officer_id=officer.id, day=_local_day(now), kind="report",  # type: ignore[arg-type]
                      subject=subject, body_text=body, attachments=files, created_at=now)
        session.add(msg)
    return len(officers)
