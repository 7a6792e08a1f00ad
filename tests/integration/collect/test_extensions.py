"""Extension decisions: one core sequence (collect.extensions.decide) behind both doors, the focal
officer's link (collect.submit) and the staff console's queue (collect.decisions)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.collect import decisions, extensions
from dondoc.collect import submit as st
from dondoc.collect.validation import StatusInputError
from dondoc.config import Settings
from dondoc.errors import Forbidden, InputError, NotFound
from dondoc.models import AuditEvent, ExtensionRequest, Message, Obligation, Plan
from dondoc.reporting.ledger_query import Scope
from tests.integration.web.world import NOW, World, build_world

ASKED = dt.date(2025, 11, 20)


@pytest.fixture
def w(engine: Engine, settings: Settings) -> World:
    return build_world(engine, settings)


def request(engine: Engine, w: World, due: dt.date = ASKED) -> int:
    with Session(engine) as s:
        req = st.request_extension(s, officer_id=w["a1"], obligation_id=w["task1"], requested_due=due,
                                   reason="Chờ số liệu của thôn", via="web", now=NOW)
        s.commit()
        return req.id  # type: ignore[return-value]


def audit(engine: Engine, action: str) -> AuditEvent:
    with Session(engine) as s:
        return s.exec(select(AuditEvent).where(AuditEvent.action == action)).one()


def test_focal_link_and_console_queue_leave_the_same_record(engine: Engine, w: World) -> None:
    first = request(engine, w)
    with Session(engine) as s:
        st.decide_extension(s, officer_id=w["focal"], request_id=first, approve=True, via="web", now=NOW)
        s.commit()
    by_focal = audit(engine, "extension.approved")
    with Session(engine) as s:
        s.exec(select(AuditEvent).where(AuditEvent.action == "extension.approved")).one()
        s.delete(s.exec(select(AuditEvent).where(AuditEvent.action == "extension.approved")).one())
        ob = s.get(Obligation, w["task1"])
        ob.extended_due = None  # type: ignore[union-attr]
        s.add(ob)
        s.commit()
    second = request(engine, w)
    with Session(engine) as s:
        decisions.decide_extension(s, request_id=second, approve=True, new_due=None, reason="", actor="staff:1",
                                   now=NOW)
        s.commit()
    by_staff = audit(engine, "extension.approved")
    assert (by_focal.before, by_focal.after) == (by_staff.before, by_staff.after) == (
        {"state": "pending", "extended_due": None}, {"state": "approved", "extended_due": ASKED.isoformat()})
    assert (by_focal.actor, by_staff.actor) == (f"officer:{w['focal']}", "staff:1")
    with Session(engine) as s:
        reqs = {r.id: r for r in s.exec(select(ExtensionRequest)).all()}
        assert reqs[first].decided_by == w["focal"] and reqs[second].decided_by is None
        assert reqs[first].decided_at is not None and reqs[second].decided_at is not None
        # The console's door tells the unit; the focal officer's does not (their page shows it).
        assert s.exec(select(Message).where(Message.key.startswith(f"decision:extension:{second}:"))).all()
        assert not s.exec(select(Message).where(Message.key.startswith(f"decision:extension:{first}:"))).all()


def test_each_door_keeps_its_permission(engine: Engine, w: World) -> None:
    rid = request(engine, w)
    with Session(engine) as s, pytest.raises(Forbidden):
        st.decide_extension(s, officer_id=w["a1"], request_id=rid, approve=True, via="web", now=NOW)
    with Session(engine) as s:
        other_unit = s.exec(select(Plan).where(Plan.id != w["plan"])).first().focal_unit_id  # type: ignore[union-attr]
    with Session(engine) as s, pytest.raises(NotFound, match="đề nghị gia hạn"):
        decisions.decide_extension(s, request_id=rid, approve=True, new_due=None, reason="", actor="staff:1", now=NOW,
                                   scope=Scope(unit_id=other_unit, all_plans=False))
    with Session(engine) as s, pytest.raises(NotFound):
        st.decide_extension(s, officer_id=w["focal"], request_id=10**6, approve=True, via="web", now=NOW)
    with Session(engine) as s:
        assert s.get(ExtensionRequest, rid).state == "pending"  # type: ignore[union-attr]
        assert s.get(Obligation, w["task1"]).extended_due is None  # type: ignore[union-attr]


def test_core_checks_permission_before_changing_anything(engine: Engine, w: World) -> None:
    rid = request(engine, w)
    seen: list[int | None] = []

    def refuse(plan: Plan | None) -> None:
        seen.append(plan.id if plan else None)
        raise Forbidden("no")

    with Session(engine) as s, pytest.raises(Forbidden):
        extensions.decide(s, request_id=rid, approve=True, check=refuse, actor="x", via="web", now=NOW)
    assert seen == [w["plan"]]
    with Session(engine) as s:
        assert s.get(ExtensionRequest, rid).state == "pending"  # type: ignore[union-attr]
        assert not s.exec(select(AuditEvent).where(AuditEvent.entity == "extensionrequest",
                                                   AuditEvent.action != "extension.request")).all()


def test_core_rules(engine: Engine, w: World) -> None:
    rid = request(engine, w)

    def anyone(plan: Plan | None) -> None:
        return None

    with Session(engine) as s, pytest.raises(InputError, match="ghi lý do"):
        extensions.decide(s, request_id=rid, approve=False, check=anyone, actor="x", via="web", now=NOW,
                          reason="   ", reason_required=True)
    with Session(engine) as s, pytest.raises(InputError, match="phải sau hạn ban đầu"):
        extensions.decide(s, request_id=rid, approve=True, check=anyone, actor="x", via="web", now=NOW,
                          new_due=dt.date(2025, 11, 3))
    with Session(engine) as s:
        req, ob = extensions.decide(s, request_id=rid, approve=False, check=anyone, actor="x", via="api", now=NOW,
                                    reason="  chưa đủ   căn cứ ", token_id=None)
        assert (req.state, req.decision_note, ob.extended_due) == ("refused", "chưa đủ căn cứ", None)
        s.commit()
    ev = audit(engine, "extension.refused")
    assert (ev.via, ev.note, ev.after) == ("api", "chưa đủ căn cứ", {"state": "refused", "extended_due": None})
    with Session(engine) as s, pytest.raises(StatusInputError, match="đã được xử lý"):
        extensions.decide(s, request_id=rid, approve=True, check=anyone, actor="x", via="web", now=NOW)


def test_console_refusal_needs_a_reason_and_tells_the_unit(engine: Engine, w: World) -> None:
    rid = request(engine, w)
    with Session(engine) as s, pytest.raises(InputError, match="ghi lý do"):
        decisions.decide_extension(s, request_id=rid, approve=False, new_due=None, reason=" ", actor="staff:1", now=NOW)
    with Session(engine) as s:
        decisions.decide_extension(s, request_id=rid, approve=False, new_due=None, reason="Hạn cấp trên đã cố định",
                                   actor="staff:1", now=NOW)
        s.commit()
    with Session(engine) as s:
        texts = [m.body_text for m in s.exec(select(Message).where(Message.key.startswith(f"decision:extension:{rid}:")))]
    assert texts and all("không đồng ý gia hạn" in t and "Lý do: Hạn cấp trên đã cố định" in t for t in texts)
