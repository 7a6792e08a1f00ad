"""Issue 17 items 1 and 10: undated tasks under an explicit policy, read the same way everywhere."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from dondoc.calendar.policy import Policy
from dondoc.errors import InputError
from dondoc.followup.rules import Step, _recipients
from dondoc.intake.obligations import stored_kind
from dondoc.models import Obligation
from dondoc.reporting import ledger
from dondoc.reporting import timeliness as tl

TODAY = dt.date(2026, 12, 7)


def _ob(kind: str, due: dt.date = dt.date(2025, 12, 11), status: str = "not_started") -> Obligation:
    return Obligation(id=1, key="k", plan_id=1, unit_id=1, role="lead", kind=kind, period="2025",
                      period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31), cutoff=due,
                      due_date=due, status=status)


def test_policy_default_is_track_and_bad_values_are_refused() -> None:
    assert Policy().undated == "track"
    assert "không tính quá hạn" in Policy().undated_label
    assert Policy().merged({"undated": "default_date"}).undated == "default_date"
    with pytest.raises(InputError):
        Policy(undated="report_deadline")


def test_undated_tasks_keep_no_deadline_under_track_and_get_one_only_when_asked() -> None:
    assert stored_kind({"kind": "unspecified"}, Policy()) == "unspecified"
    assert stored_kind({}, Policy()) == "unspecified"
    assert stored_kind({"kind": "unspecified"}, Policy(undated="default_date")) == "once"
    assert stored_kind({"kind": "continuous"}, Policy(undated="default_date")) == "continuous"
    assert stored_kind({"kind": "once", "due": "2025-12-11"}, Policy()) == "once"


def test_ledger_never_shows_the_status_date_of_undated_work_as_a_deadline() -> None:
    e = ledger.entry(_ob("unspecified"), as_of=TODAY)
    assert e.undated and e.due is None and e.days_left is None
    assert e.category == tl.NO_DEADLINE and e.update_by == dt.date(2025, 12, 11)
    assert "quá hạn" not in e.due_text.lower() and "không thời hạn" in e.due_text
    dated = ledger.entry(_ob("once"), as_of=TODAY)
    assert dated.due == dt.date(2025, 12, 11) and dated.category == tl.OVERDUE and dated.days_left == -361


def test_undated_work_is_reminded_but_never_escalated() -> None:
    people = SimpleNamespace(responsible=lambda ob: [7], role=lambda unit, *roles: [9])
    plan = SimpleNamespace(focal_unit_id=2, issuer_unit_id=3)
    step = Step(day=TODAY, kind="escalation", level=1, due=dt.date(2025, 12, 11))
    for kind in ("unspecified", "continuous"):
        ob = SimpleNamespace(kind=kind, mode="assign", role="lead", unit_id=1, officer_id=None)
        assert _recipients(ob, step, plan, people, Policy()) == []
        reminder = Step(day=TODAY, kind="reminder", level=0, due=TODAY)
        assert _recipients(ob, reminder, plan, people, Policy()) == [("reminder", 0, 7)]
    ob = SimpleNamespace(kind="once", mode="assign", role="lead", unit_id=1, officer_id=None)
    assert _recipients(ob, step, plan, people, Policy())  # dated work still escalates


def test_error_list_shows_exactly_what_it_counts() -> None:
    """Issue 17 item 6: '(and 14 more: …)' used to show five."""
    from dondoc.directory.data import more_text

    few = more_text([f"lỗi {i}" for i in range(3)])
    assert few.startswith(" (và 3 lỗi khác: ") and all(f"lỗi {i}" in few for i in range(3))
    many = more_text([f"lỗi {i}" for i in range(14)])
    assert "và 14 lỗi khác" in many
    assert sum(f"lỗi {i};" in many or many.endswith(f"lỗi {i})") for i in range(14)) == 5
    assert "và 9 lỗi nữa" in many
