"""Nhập thay (a status entered by the focal point on a unit's behalf) and which targets concern which unit.

World (tests/integration/web/world.py): plan 68/KH-UBND, focal point Phòng LĐ-TB&XH (officer `focal`), issuer UBND
huyện (head `chutich`); rep1/rep2/rep3 are the reports of xa1/xa2/noivu (cut-off 7/11, due 10/11);
task1/task2 the overdue task III.1 of xa1/xa2; spec1 the task III.2 named for officer b1 of xa1.
Targets: II.1 and II.2 (objectives: no unit leads them) and III.1 (the communes' task).
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.calendar.workdays import WorkCalendar
from dondoc.clock import TZ, local_date
from dondoc.collect import submit as st
from dondoc.collect import validation
from dondoc.config import Settings
from dondoc.errors import Forbidden, NotFound
from dondoc.followup.sweep import decide
from dondoc.intake.query import refs_related, target_scope
from dondoc.models import AuditEvent, Notice, Obligation, Officer, StatusUpdate, Target
from dondoc.reporting import timeliness as tl
from tests.integration.web.world import NOW, World, build_world

SOURCE = "Công văn số 12/BC-UBND ngày 03/11"


@pytest.fixture
def w(engine: Engine, settings: Settings) -> World:
    return build_world(engine, settings)


def enter(engine: Engine, w: World, who: str, what: str, payload: dict, *, source: str = SOURCE,
          now: dt.datetime = NOW, plan: str | None = None) -> StatusUpdate:
    with Session(engine, expire_on_commit=False) as s:
        u = st.submit_on_behalf(s, officer_id=w[who], obligation_id=w[what], payload=payload, source=source,
                                via="web", now=now, plan_id=w[plan] if plan else None)
        s.commit()
        return u


# ------------------------------------------------------------------------------- targets per unit


def test_target_scope_links_targets_to_the_units_leading_their_task(engine: Engine, w: World) -> None:
    with Session(engine) as s:
        scope = target_scope(s, w["plan"])
        def keys(ts):
            return [t.key for t in ts]
        assert keys(scope.for_unit(w["xa1"])) == ["t-raosoat"]
        assert keys(scope.for_unit(w["xa2"])) == ["t-raosoat"]
        assert keys(scope.for_unit(w["noivu"])) == []  # reports on the plan, leads no task
        assert keys(scope.general) == ["t-vieclam", "t-ngheo"]
        # the focal point (and issuer) see the unit's targets and the plan's general ones, in plan order
        assert keys(scope.for_unit(w["xa2"], with_general=True)) == ["t-vieclam", "t-ngheo", "t-raosoat"]


def test_target_by_naming_a_unit_concerns_it_and_a_year_names_nobody(engine: Engine, w: World) -> None:
    with Session(engine) as s:
        t2 = s.get(Target, w["t2"])
        t1 = s.get(Target, w["t1"])
        assert t1 and t2
        t2.by = "Phòng Nội vụ"  # written as the plan would: the body that delivers the target
        t1.by = "2025"
        s.add_all([t1, t2])
        s.commit()
        scope = target_scope(s, w["plan"])
        assert [t.key for t in scope.for_unit(w["noivu"])] == ["t-ngheo"]
        assert [t.key for t in scope.general] == ["t-vieclam"]


def test_target_scope_of_a_plan_without_targets(engine: Engine, w: World) -> None:
    with Session(engine) as s:
        other = s.exec(select(Obligation).where(Obligation.id == w["other"])).one().plan_id
        scope = target_scope(s, other)
        assert scope.targets == [] and scope.for_unit(w["noivu"], with_general=True) == []


# ------------------------------------------------------------------------------- nhập thay

def test_on_behalf_is_the_units_update_entered_by_the_focal_point(engine: Engine, w: World) -> None:
    u = enter(engine, w, "focal", "rep2", {"status": "in_progress", "progress": "40", "result": "Đã rà soát 50 hộ",
                                           "figures": {"III.1": "72,5"}})
    assert (u.entered_by_id, u.via, u.officer_id, u.late) == (w["focal"], "focal", None, False)
    assert u.figures == {"t-raosoat": 72.5}
    with Session(engine) as s:
        o = s.get(Obligation, w["rep2"])
        assert o and (o.status, o.progress, o.last_update_at is not None) == ("in_progress", 40, True)
        submit = s.exec(select(AuditEvent).where(AuditEvent.action == "status.submit")).one()
        assert (submit.actor, submit.via, submit.entity_id) == (f"officer:{w['focal']}", "web", w["rep2"])
        assert "on_behalf" in (submit.note or "")
        source = s.exec(select(AuditEvent).where(AuditEvent.action == "status.on_behalf")).one()
        assert (source.actor, source.entity, source.entity_id, source.note) == (
            f"officer:{w['focal']}", "statusupdate", u.id, SOURCE)
        assert source.after["unit_id"] == w["xa2"]
        assert s.get(StatusUpdate, u.id).source == SOURCE  # type: ignore[union-attr]


def test_on_behalf_keeps_the_named_officer(engine: Engine, w: World) -> None:
    u = enter(engine, w, "focal", "spec1", {"status": "in_progress"}, source="điện thoại")
    assert (u.officer_id, u.entered_by_id) == (w["b1"], w["focal"])


@pytest.mark.parametrize("who,what,plan,allowed", [
    ("focal", "rep1", "plan", True),       # the plan's focal point, any unit
    ("focal", "task2", None, True),
    ("chutich", "rep3", "plan", True),     # the issuer's head
    ("a1", "rep2", None, False),           # a unit officer for another unit
    ("a1", "rep1", None, False),           # ... nor for their own unit: they submit as themselves
    ("h1", "rep1", None, False),           # the unit's head neither
    ("ld_staff", "rep1", None, False),     # staff of the focal unit are not the focal point
    ("focal", "other", None, False),       # the focal point of another plan only
    ("a3", "other", None, False),          # staff of that other plan's focal unit
])
def test_on_behalf_authorisation(engine: Engine, w: World, who: str, what: str, plan: str | None,
                                 allowed: bool) -> None:
    payload = {"status": "in_progress", "progress": 10}
    if allowed:
        assert enter(engine, w, who, what, payload, plan=plan).entered_by_id == w[who]
        return
    with pytest.raises(Forbidden), Session(engine) as s:
        st.submit_on_behalf(s, officer_id=w[who], obligation_id=w[what], payload=payload, source=SOURCE,
                            via="web", now=NOW, plan_id=w[plan] if plan else None)
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == []


def test_on_behalf_refused_through_another_plans_page_and_for_an_inactive_officer(engine: Engine, w: World) -> None:
    with Session(engine) as s:
        other_plan = s.get(Obligation, w["other"]).plan_id  # type: ignore[union-attr]
        with pytest.raises(Forbidden):  # rep1 is not an obligation of the plan the page is for
            st.submit_on_behalf(s, officer_id=w["focal"], obligation_id=w["rep1"], payload={"status": "done"},
                                source=SOURCE, via="web", now=NOW, plan_id=other_plan)
        focal = s.get(Officer, w["focal"])
        assert focal
        focal.active = False
        s.add(focal)
        s.commit()
        with pytest.raises(NotFound):
            st.submit_on_behalf(s, officer_id=w["focal"], obligation_id=w["rep1"], payload={"status": "done"},
                                source=SOURCE, via="web", now=NOW)


def test_focal_of_another_plan_cannot_enter(engine: Engine, w: World) -> None:
    with Session(engine) as s:
        nv_focal = Officer(code="nv-focal", unit_id=w["noivu"], name="Đầu mối Nội vụ", role="focal")
        s.add(nv_focal)
        s.commit()
        with pytest.raises(Forbidden):
            st.submit_on_behalf(s, officer_id=nv_focal.id, obligation_id=w["rep1"], payload={"status": "done"},  # type: ignore[arg-type]
                                source=SOURCE, via="web", now=NOW)
        # ... while it may for its own plan
        u = st.submit_on_behalf(s, officer_id=nv_focal.id, obligation_id=w["other"], payload={"status": "done"},  # type: ignore[arg-type]
                                source="Zalo", via="web", now=NOW)
        assert u.entered_by_id == nv_focal.id


@pytest.mark.parametrize("source,message", [
    ("", "Hãy ghi nguồn"),
    ("   \n ", "Hãy ghi nguồn"),
    ("x" * 501, "quá dài"),
    ("a\x00b", "không hợp lệ"),
])
def test_on_behalf_needs_a_source(engine: Engine, w: World, source: str, message: str) -> None:
    with pytest.raises(validation.StatusInputError, match=message), Session(engine) as s:
        st.submit_on_behalf(s, officer_id=w["focal"], obligation_id=w["rep1"], payload={"status": "done"},
                            source=source, via="web", now=NOW)


def test_on_behalf_validates_like_a_unit_submission(engine: Engine, w: World) -> None:
    with pytest.raises(validation.StatusInputError, match="lý do"), Session(engine) as s:
        st.submit_on_behalf(s, officer_id=w["focal"], obligation_id=w["rep1"], payload={"status": "impossible"},
                            source=SOURCE, via="web", now=NOW)
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == [] and s.exec(select(AuditEvent)).all() == []


def test_on_behalf_source_is_one_line(engine: Engine, w: World) -> None:
    u = enter(engine, w, "focal", "rep1", {"status": "done"}, source="  điện thoại\n  chị Lan  ")
    with Session(engine) as s:
        assert s.get(StatusUpdate, u.id).source == "điện thoại chị Lan"  # type: ignore[union-attr]


def test_on_behalf_timeliness_is_the_units(engine: Engine, w: World) -> None:
    """Entered after the cut-off: late, exactly as if the unit had sent it then; on-time statistics
    compare the completion day with the original deadline, like the unit's own update."""
    after_cutoff = pendulum.datetime(2025, 11, 8, 9, tz=TZ)  # cut-off 7/11, due 10/11
    mine = enter(engine, w, "focal", "rep2", {"status": "done"}, now=after_cutoff)
    with Session(engine, expire_on_commit=False) as s:
        own = st.submit_status(s, officer_id=w["a1"], obligation_id=w["rep1"], payload={"status": "done"},
                               via="web", now=after_cutoff)
        s.commit()
    assert mine.late is True and own.late is True
    with Session(engine) as s:
        for oid in (w["rep1"], w["rep2"]):
            o = s.get(Obligation, oid)
            assert o and o.completed_at is not None
            assert tl.classify(kind=o.kind, status=o.status, due_date=o.due_date,
                               completed_on=local_date(o.completed_at), as_of=dt.date(2025, 12, 31)) == tl.ON_TIME
    late_done = pendulum.datetime(2025, 11, 12, 9, tz=TZ)  # after the deadline too
    enter(engine, w, "focal", "task2", {"status": "done"}, now=late_done)
    with Session(engine) as s:
        o = s.get(Obligation, w["task2"])
        assert o and o.completed_at is not None
        assert tl.classify(kind=o.kind, status=o.status, due_date=o.due_date,
                           completed_on=local_date(o.completed_at), as_of=dt.date(2025, 12, 31)) == tl.DONE_LATE


def _sweep(engine: Engine, settings: Settings, day: dt.date) -> list[tuple[int, str]]:
    with Session(engine) as s:
        cal = WorkCalendar.from_session(s)
        now = pendulum.datetime(day.year, day.month, day.day, 8, tz=TZ)
        out = decide(s, day=day, now=now, settings=settings, calendar=cal)
        s.commit()
        return sorted((d.obligation_id, d.kind) for d in out)


def test_focal_entered_submission_stops_the_units_reminders(engine: Engine, settings: Settings, w: World) -> None:
    """rep1 (xa1) and rep2 (xa2) are both due Mon 10/11: reminded 2 working days before (Thu 6/11).
    The focal point enters xa2's report (done, from a paper report) on 5/11: the next sweep reminds
    xa1 only; on the deadline and after it xa2 gets neither reminder nor escalation."""
    enter(engine, w, "focal", "rep2", {"status": "done", "result": "Theo báo cáo giấy"})
    for day in (dt.date(2025, 11, 6), dt.date(2025, 11, 10), dt.date(2025, 11, 11), dt.date(2025, 11, 13)):
        decided = _sweep(engine, settings, day)
        assert w["rep1"] in {oid for oid, _ in decided}, day
        assert w["rep2"] not in {oid for oid, _ in decided}, day
    with Session(engine) as s:
        assert s.exec(select(Notice).where(Notice.obligation_id == w["rep2"])).all() == []


def test_in_progress_entry_leaves_reminders_like_a_units_own(engine: Engine, settings: Settings, w: World) -> None:
    """The sweep follows the obligation, not who typed the update: an unfinished report entered by the
    focal point keeps the unit reminded exactly as the unit's own unfinished report does."""
    enter(engine, w, "focal", "rep2", {"status": "in_progress", "progress": 50})
    with Session(engine) as s:
        st.submit_status(s, officer_id=w["a1"], obligation_id=w["rep1"], payload={"status": "in_progress"},
                         via="web", now=NOW)
        s.commit()
    decided = _sweep(engine, settings, dt.date(2025, 11, 6))
    assert (w["rep1"], "reminder") in decided and (w["rep2"], "reminder") in decided


def test_target_scope_agrees_with_refs_related(engine: Engine, w: World) -> None:
    """The indexed lookup in target_scope gives what refs_related says, pair by pair."""
    from dondoc.models import Assignment, AssignmentUnit

    refs = ["II", "III.1.a", "IV.2", "IV.10", "V"]
    units = [w["noivu"], w["ldtbxh"], w["xa2"], w["ubnd"], w["noivu"]]
    target_refs = ["II.3", "III.1", "III.1.a.2", "IV", "IV.1", "IV.10.b", "V", "VI.1", "III"]
    with Session(engine) as s:
        for i, (ref, unit) in enumerate(zip(refs, units, strict=True)):
            a = Assignment(plan_id=w["plan"], key=f"x{i}", ref=ref, text="Nhiệm vụ thử")
            s.add(a)
            s.flush()
            s.add(AssignmentUnit(assignment_id=a.id, unit_id=unit, role="support", written_as="x"))  # type: ignore[arg-type]
        for i, ref in enumerate(target_refs):
            s.add(Target(plan_id=w["plan"], key=f"tx{i}", ref=ref, text="Chỉ tiêu thử", value=1))
        s.commit()
        scope = target_scope(s, w["plan"])
        pairs = [("III.1", w["xa1"]), ("III.1", w["xa2"]), ("III.2", w["xa1"]), *zip(refs, units, strict=True)]
        for t in scope.targets:
            expected = {u for ref, u in pairs if refs_related(t.ref, ref)}
            got = {u for u, ts in scope.by_unit.items() if t in ts}
            assert got == expected, t.ref
            assert (t in scope.general) is (not expected)
