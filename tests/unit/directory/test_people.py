"""The one focal/head rule and the one task text (pure)."""

from __future__ import annotations

from types import SimpleNamespace as NS

from dondoc.directory.people import People, first_by_role
from dondoc.models.work import task_text


def _o(id_: int, unit: int, role: str) -> NS:
    return NS(id=id_, unit_id=unit, role=role)


def test_focal_first_then_head() -> None:
    staff = [_o(1, 7, "head"), _o(2, 7, "staff"), _o(3, 7, "focal"), _o(4, 7, "focal")]
    assert [o.id for o in first_by_role(staff)] == [3, 4]
    assert [o.id for o in first_by_role(staff[:2])] == [1]
    assert first_by_role([_o(2, 7, "staff")]) == []
    assert [o.id for o in first_by_role(staff, exclude=3)] == [4]


def test_people_responsible_for_an_obligation() -> None:
    people = People([_o(5, 1, "staff"), _o(2, 1, "head"), _o(9, 2, "deputy")])
    assert people.responsible(NS(officer_id=42, unit_id=1)) == [42]
    assert people.responsible(NS(officer_id=None, unit_id=1)) == [2]
    assert people.responsible(NS(officer_id=None, unit_id=2)) == [9]
    assert people.role(3, "focal", "head") == [] and people.role(None, "head") == []


def test_task_text_assignment_then_report_then_role() -> None:
    ob = NS(role="lead")
    assert task_text(ob, NS(text="Rà soát hồ sơ"), NS(text="Báo cáo quý")) == "Rà soát hồ sơ"
    assert task_text(NS(role="report"), None, NS(text="Báo cáo quý")) == "Báo cáo quý"
    assert task_text(NS(role="compile")) == "Tổng hợp báo cáo kết quả thực hiện kế hoạch"
    assert task_text(NS(role="report"), NS(text=""), None) == "Báo cáo kết quả thực hiện kế hoạch"
    assert task_text(ob) == ""
