"""From dondoc's data to an edXML package and back: the report's header, the organs from the
directory, and a received package turned into an imported plan.

Organ ids are the directory units' codes (`Unit.code`): give units their official ids (mã định danh,
QĐ 20/2020/QĐ-TTg, e.g. 000.00.00.H41) as codes for packages the platform will route.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.errors import InputError, NotFound
from dondoc.signing import edxml


def report_header(snapshot: dict[str, Any], *, sender: edxml.Organ, recipients: list[edxml.Organ], number: str | None,
                  document_id: str, pages: int | None = None, annex_name: str | None = None) -> edxml.Header:
    """The MessageHeader of a consolidated report (pure)."""
    p = snapshot["plan"]
    signature = list(p.get("signature") or [])
    code_number, _, notation = (number or "").partition("/")
    if not notation:
        code_number, notation = "", f"BC-{p['symbol']}"
    return edxml.Header(
        sender=sender, recipients=tuple(recipients), code_number=code_number.strip(), code_notation=notation.strip(),
        place=p.get("place") or "", promulgation_date=dt.date.fromisoformat(snapshot["report_date"]),
        type_name="Báo cáo", subject=f"Báo cáo kết quả thực hiện {p.get('title') or ''}".strip(),
        signer_name=p.get("signer") or "", signer_competence=" ".join(signature[1:2]) or None,
        signer_position=signature[-1] if len(signature) > 1 else None, document_id=document_id,
        steering_type=edxml.STEERING_ORDINARY, to_places=tuple(snapshot.get("recipients") or []), page_amount=pages,
        appendixes=(annex_name,) if annex_name else ())


def organs(session: Session, *, plan_id: int, to_codes: list[str]) -> tuple[edxml.Organ, list[edxml.Organ]]:
    """The plan's issuer unit as sender; the units with `to_codes` as receivers."""
    from dondoc.models.directory import Unit
    from dondoc.models.plan import Plan

    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"không có kế hoạch số {plan_id}")
    if plan.issuer_unit_id is None:
        raise InputError("kế hoạch chưa gắn với đơn vị ban hành trong danh bạ: không có mã định danh người gửi")
    issuer = session.get(Unit, plan.issuer_unit_id)
    assert issuer is not None
    if not to_codes:
        raise InputError("cần mã định danh cơ quan nhận (--to MÃ, mã đơn vị trong danh bạ)")
    units = {u.code: u for u in session.exec(select(Unit).where(Unit.code.in_(to_codes))).all()}  # type: ignore[attr-defined]
    missing = [c for c in to_codes if c not in units]
    if missing:
        raise NotFound(f"không có đơn vị mã {', '.join(missing)} trong danh bạ")
    return (edxml.Organ(issuer.code, issuer.name),
            [edxml.Organ(units[c].code, units[c].name) for c in to_codes])


@dataclass(frozen=True)
class Received:
    document_id: str
    saved: list[Path]
    plan_id: int | None
    status: str
    due_date: dt.date | None
    steering_type: int
    sender: str


def receive_package(*, engine: Engine, settings: Settings, data: bytes, now: dt.datetime) -> Received:
    """Save a received package's attachments under `inbox/<document id>/`, import the first as a plan
    (a plan imported this way goes through the usual review of what the reader was unsure of) and keep
    the package's header (sender, code, due date, steering type) with the plan."""
    from dondoc.intake.importer import import_plan
    from dondoc.models.plan import Plan

    pkg = edxml.read_package(data)
    h = pkg.header
    folder = settings.path("inbox", "".join(c if c.isalnum() or c in "._-" else "_" for c in h.document_id))
    saved = []
    for a in pkg.attachments:
        path = folder / Path(a.name).name
        path.write_bytes(a.data)
        saved.append(path)
    result = import_plan(engine=engine, settings=settings, path=saved[0], now=now)
    received = {"document_id": h.document_id, "from": h.sender.organ_id, "from_name": h.sender.name,
                "code": f"{h.code_number}/{h.code_notation}".lstrip("/"), "type": h.type_name,
                "promulgated": h.promulgation_date.isoformat(),
                "due_date": h.due_date.isoformat() if h.due_date else None, "steering_type": h.steering_type,
                "received_at": now.isoformat()}
    with session_scope(engine) as session:
        plan = session.get(Plan, result.plan_id)
        if plan is not None:
            plan.parsed = {**(plan.parsed or {}), "edxml": received}
            session.add(plan)
    return Received(h.document_id, saved, result.plan_id, result.status, h.due_date, h.steering_type, h.sender.organ_id)
