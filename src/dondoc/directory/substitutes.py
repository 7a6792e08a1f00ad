"""Substitutes (người làm thay): while officer B is away (a Substitute row covering the day), what would go
to B goes to A, the named substitute — or, when nobody is named, to the head of B's unit.

`acting_map` reads the rows in force on a day; `redirect` is the pure rule applied to a list of recipient
ids. Wiring into followup (People.responsible), delivery and collect/submit ("A thay B") is NOT done yet
(issue 16 item 7, see the branch note)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sqlmodel import Session, col, select

from dondoc.models import Officer, Substitute


def acting_map(session: Session, *, day: dt.date) -> dict[int, int]:
    """absent officer id -> the officer acting for them on `day` (named substitute, else unit head)."""
    rows = session.exec(select(Substitute).where(col(Substitute.start) <= day, col(Substitute.end) >= day,
                                                 col(Substitute.cancelled_at).is_(None))).all()
    if not rows:
        return {}
    absent = {r.officer_id for r in rows}
    officers = {o.id: o for o in session.exec(select(Officer).where(col(Officer.id).in_(absent))).all()}
    heads = {o.unit_id: o.id for o in session.exec(select(Officer).where(
        col(Officer.unit_id).in_({o.unit_id for o in officers.values()}), Officer.role == "head",
        Officer.active == True).order_by(col(Officer.id).desc())).all()}
    out: dict[int, int] = {}
    for r in rows:
        officer = officers.get(r.officer_id)
        acting = r.substitute_id or (heads.get(officer.unit_id) if officer else None)
        if acting is not None and acting != r.officer_id:
            out[r.officer_id] = acting
    return out


def redirect(recipients: Iterable[int], acting: Mapping[int, int]) -> list[int]:
    """Each absent recipient replaced by whoever acts for them (one hop; order kept; no duplicates)."""
    out: list[int] = []
    for officer_id in recipients:
        target = acting.get(officer_id, officer_id)
        if target not in out:
            out.append(target)
    return out


def on_behalf_label(author: str, absent: str) -> str:
    """How a substitute's submission is recorded and shown: "A thay B"."""
    return f"{author} thay {absent}"
