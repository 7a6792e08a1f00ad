"""Draft -> active: nothing scheduled for a draft; activation notices exactly once; corrections after
activation in place (console service and the Excel round trip): statuses kept, no duplicates."""

from __future__ import annotations

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc import clock
from dondoc.app.daily import run_daily
from dondoc.collect.submit import submit_status
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.errors import InputError
from dondoc.intake import export as plan_export
from dondoc.intake import review
from dondoc.intake.importer import import_plan
from dondoc.intake.lifecycle import activate_plan, notify_assigned
from dondoc.models import NOT_APPLICABLE, Assignment, Message, Notice, Obligation, Plan
from tests.integration.console.conftest import SEED_004


def count(s: Session, model: object, *where: object) -> int:
    return int(s.exec(select(func.count()).select_from(model).where(*where)).one())  # type: ignore[call-overload]


def test_draft_is_never_reminded(engine: Engine, settings: Settings, directory: None) -> None:
    r = import_plan(engine=engine, settings=settings, path=SEED_004, year=2025, now=clock.now())
    assert r.state == "draft" and r.obligations == 0
    import pendulum

    for day in ("2025-06-30", "2025-11-05", "2025-12-10", "2025-12-31"):
        run_daily(engine=engine, settings=settings, now=pendulum.parse(f"{day}T09:00:00+07:00"), deliver=False)
    with Session(engine) as s:
        assert count(s, Notice) == 0 and count(s, Message) == 0 and count(s, Obligation) == 0


def test_activation_then_corrections_in_place(engine: Engine, settings: Settings, directory: None, tmp_path) -> None:
    now = clock.now()
    pid = import_plan(engine=engine, settings=settings, path=SEED_004, year=2025, now=now).plan_id
    with session_scope(engine) as s:
        done = activate_plan(s, plan_id=pid, settings=settings, now=now, actor="staff:1")
        assert done.obligations > 0 and done.officers > 0
        with pytest.raises(InputError):
            activate_plan(s, plan_id=pid, settings=settings, now=now)
        assert notify_assigned(s, plan=s.get(Plan, pid), settings=settings, now=now) == 0  # exactly once
    with Session(engine) as s:
        messages = count(s, Message, Message.kind == "assignment")
        assert messages == done.officers
        ob = s.exec(select(Obligation).where(Obligation.plan_id == pid, Obligation.role == "lead")).first()
        assert ob is not None
        a_id, ob_id = ob.assignment_id, ob.id
        n_obs, n_rows = count(s, Obligation, Obligation.plan_id == pid), count(s, Assignment, Assignment.plan_id == pid)
    with session_scope(engine) as s:
        submit_status(s, officer_id=_officer_of(s, ob_id), obligation_id=ob_id,
                      payload={"status": "in_progress", "progress": "40", "result": "đang làm"}, via="web", now=now)

    # the Excel round trip: export, change a text, import -> same rows, same obligations, status kept
    with Session(engine) as s:
        data = plan_export.plan_dict(s, pid)
    data["assignments"][0]["text"] += " (đã sửa)"
    out = tmp_path / "plan.xlsx"
    plan_export.write_xlsx(data, out)
    again = import_plan(engine=engine, settings=settings, path=out, now=now)
    assert again.status == "updated" and again.state == "active"
    with Session(engine) as s:
        assert count(s, Assignment, Assignment.plan_id == pid) == n_rows
        assert count(s, Obligation, Obligation.plan_id == pid) == n_obs
        assert s.get(Obligation, ob_id).status == "in_progress"  # type: ignore[union-attr]

    # console corrections: edit keeps the status; delete closes as not applicable; add notifies only its unit
    with session_scope(engine) as s:
        review.update_item(s, plan_id=pid, item_id=a_id, changes={"text": "Nội dung sửa lại"}, settings=settings,  # type: ignore[arg-type]
                           now=now, actor="staff:1")
        assert s.get(Obligation, ob_id).status == "in_progress"  # type: ignore[union-attr]
        review.delete_item(s, plan_id=pid, item_id=a_id, settings=settings, now=now, actor="staff:1")  # type: ignore[arg-type]
        gone = s.get(Obligation, ob_id)
        assert gone is not None and gone.closed and gone.status == NOT_APPLICABLE
        before = count(s, Message, Message.kind == "assignment")
        row = review.add_item(s, plan_id=pid, values={"ref": "IX.1", "text": "Nhiệm vụ bổ sung",
                                                      "lead": ["Phòng Nội vụ"],
                                                      "timing": {"kind": "once", "due": "2025-12-20"}},
                              settings=settings, now=now, actor="staff:1")
        new_obs = s.exec(select(Obligation).where(Obligation.assignment_id == row.id)).all()
        assert new_obs
        new_msgs = count(s, Message, Message.kind == "assignment") - before
        told = {n.officer_id for n in s.exec(select(Notice).where(Notice.kind == "assignment",
                                                                 Notice.obligation_id.in_([o.id for o in new_obs]))).all()}  # type: ignore[union-attr]
        assert new_msgs == len(told) >= 1
        from dondoc.models import AuditEvent

        actions = {e.action for e in s.exec(select(AuditEvent).where(AuditEvent.actor == "staff:1")).all()}
        assert {"plan.activate", "item.update", "item.delete", "item.add"} <= actions
    with Session(engine) as s:  # the deleted row is never reminded: a sweep on its due date records nothing for it
        import pendulum

        run_daily(engine=engine, settings=settings, now=pendulum.parse("2025-12-01T09:00:00+07:00"), deliver=False)
        assert count(s, Notice, Notice.obligation_id == ob_id, Notice.kind != "assignment") == 0


def _officer_of(s: Session, ob_id: int) -> int:
    from dondoc.directory.focal import load_people

    ob = s.get(Obligation, ob_id)
    return load_people(s).responsible(ob)[0]


def test_preview_shows_what_activation_sends(engine: Engine, settings: Settings, directory: None) -> None:
    """The preview and the activation build their messages from one context (delivery.compose.load_context):
    each officer's previewed text is the text stored on activation, the link aside."""
    from dondoc.collect.links import PLACEHOLDER
    from dondoc.intake.lifecycle import ASSIGNMENT, PREVIEW_LINK, preview_activation
    from dondoc.models import Officer

    pid = import_plan(engine=engine, settings=settings, path=SEED_004, year=2025, now=clock.now()).plan_id
    with Session(engine) as s:
        preview = preview_activation(s, plan=s.get(Plan, pid), settings=settings)  # type: ignore[arg-type]
    assert preview.officers and preview.obligations > 0
    assert all(i.ref and i.task for o in preview.officers for i in o.items)
    assert all(row["task"] for u in preview.units for row in u["obligations"])
    with session_scope(engine) as s:
        activate_plan(s, plan_id=pid, settings=settings, now=clock.now())
    with Session(engine) as s:
        stored = {s.get(Officer, m.officer_id).name: m for m in  # type: ignore[union-attr]
                  s.exec(select(Message).where(Message.kind == ASSIGNMENT)).all()}
    assert sorted(stored) == sorted(o.officer for o in preview.officers)
    base = f"{settings.base_url.rstrip('/')}/t/{PLACEHOLDER}"
    for o in preview.officers:
        assert stored[o.officer].subject == o.subject
        assert stored[o.officer].body_text == o.text.replace(PREVIEW_LINK, base)
