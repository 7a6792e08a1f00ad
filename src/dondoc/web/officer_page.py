"""The officer's own page behind the personal link (/t/{token}): open obligations by plan, the plans they
follow, and the absence form "Vắng mặt — cử người thay" (routes/officer.py shows it, routes/absence.py
shows it again with the refusal)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi.responses import HTMLResponse
from sqlmodel import Session, col, select

from dondoc.directory.substitutes import substitutes
from dondoc.models import Officer
from dondoc.web import queries
from dondoc.web.context import Viewer, Web


def colleagues(s: Session, v: Viewer) -> list[Officer]:
    """The active officers of the viewer's unit other than the viewer: whom they may name."""
    return list(s.exec(select(Officer).where(Officer.unit_id == v.officer.unit_id, Officer.active == True,
                                             Officer.id != v.officer.id).order_by(col(Officer.name))).all())


def absence_context(s: Session, v: Viewer, today: Any) -> dict[str, Any]:
    """What the officer page's absence form shows: the colleagues and the officer's own absences to come."""
    assert v.officer.id is not None
    mine = [(r, sub) for r, _away, sub in substitutes(s, since=today, officer_ids=[v.officer.id])]
    return {"colleagues": colleagues(s, v), "absences": mine}


def home_page(web: Web, s: Session, v: Viewer, today: dt.date, status_code: int = 200,
              **absence: Any) -> HTMLResponse:
    """The officer's page: their open obligations, the plans they follow, the absence form."""
    groups, later, closed = queries.officer_page(s, officer=v.officer, today=today)
    focal, issuer = queries.plans_led_by(s, v.officer)
    ctx = {"absence_saved": 0, "absence_error": "", "absence_values": {}, **absence, **absence_context(s, v, today)}
    return web.render("officer.html", status_code, title="Việc cần báo cáo", v=v, officer=v.officer, unit=v.unit,
                      groups=groups, later=later, closed=closed, today=today, focal_plans=focal,
                      issuer_plans=issuer, **ctx)
