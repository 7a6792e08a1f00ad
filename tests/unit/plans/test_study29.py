"""The rules read off plans 29 and 47 (retired from the blind set), each on a short made-up text: a collective
designated by what it does names the bullets under its heading, 'thứ cấp' is a level, 'Khuyến khích' firms or
people on its own gives no task, a yearly word earlier in the sentence makes a day-month deadline recurring,
'nhiệm vụ thường xuyên' in a funding clause is no timing, 'tổng hợp' right after a leading date compiles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dondoc.plans import parse_text
from dondoc.plans.bodies import is_body_name
from dondoc.plans.placing import designated_collective
from dondoc.plans.timing_text import timing_in_text
from dondoc.plans.verbs import find_verb

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 12/KH-UBND\nBình An, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\nPhát triển cảng cá\n"


def _plan(body: str) -> dict[str, Any]:
    return parse_text(HEAD + body, source="t.md", year=2025)


def _leads(plan: dict[str, Any]) -> list[tuple[str, list[str], str]]:
    return [(a["ref"], a["lead"], a["mode"]) for a in plan["assignments"]]


def test_a_collective_designated_by_what_it_does_names_the_bullets_under_it() -> None:
    plan = _plan("III. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường\n- Hướng dẫn các địa phương thực hiện.\n"
                 "2. Các nhà đầu tư xây dựng và khai thác cảng cá trên địa bàn\n- Phối hợp với Sở Nông nghiệp và Môi trường"
                 " xây dựng phương án.\n- Bố trí mặt bằng cho tàu cá neo đậu.\n- Tuân thủ quy định về môi trường.\n")
    name = "Các nhà đầu tư xây dựng và khai thác cảng cá trên địa bàn"
    assert _leads(plan) == [("III.1", ["Sở Nông nghiệp và Môi trường"], "assign")] + [("III.2", [name], "assign")] * 3
    assert plan["assignments"][1]["support"] == ["Sở Nông nghiệp và Môi trường"]


def test_a_heading_giving_the_collective_a_part_designates_no_one() -> None:
    bullets = ["- Rà soát quy hoạch.", "- Báo cáo kết quả."]
    assert designated_collective("Các địa phương ven biển triển khai thực hiện", bullets) is None
    assert designated_collective("Các sở, ngành chủ trì, phối hợp", bullets) is None
    assert designated_collective("Các hợp tác xã nuôi trồng thủy sản.", bullets) is None  # a sentence, not a heading
    # the bullets name their own bodies: the heading is a topic
    assert designated_collective("Các doanh nghiệp chế biến hải sản", ["- Sở Công Thương kiểm tra.", "- Sở Y tế giám sát."]) is None
    name = "Các doanh nghiệp kinh doanh, cung cấp dịch vụ hậu cần nghề cá"
    assert designated_collective(name, bullets) == (name, False)


def test_a_level_is_no_verb() -> None:
    assert is_body_name("Các doanh nghiệp thứ cấp trong cụm công nghiệp")
    assert find_verb("các lớp đào tạo sơ cấp nghề") is None
    m = find_verb("Sở Công Thương cấp giấy phép")
    assert m is not None and m.group(0) == "cấp"  # the verb 'to grant' still is one


def test_encouraging_firms_or_people_on_its_own_gives_no_task() -> None:
    plan = _plan("II. GIẢI PHÁP\n1. Huy động nguồn lực\n- Khuyến khích tổ chức, cá nhân đầu tư xây dựng bến cá.\n"
                 "- Khuyến khích các doanh nghiệp tham gia bao tiêu sản phẩm.\n"
                 "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Bố trí kinh phí thực hiện.\n")
    assert _leads(plan) == [("III.1", ["Sở Tài chính"], "assign")]


def test_encouraging_the_heading_own_firms_is_a_request_to_them() -> None:
    plan = _plan("III. TỔ CHỨC THỰC HIỆN\n1. Các doanh nghiệp thủy sản đang hoạt động tại cảng\n"
                 "- Chấp hành quy định về an toàn thực phẩm.\n- Khuyến khích các doanh nghiệp đầu tư, đổi mới thiết bị.\n")
    name = "Các doanh nghiệp thủy sản đang hoạt động tại cảng"
    assert _leads(plan) == [("III.1", [name], "assign"), ("III.1", [name], "request")]


def test_a_yearly_word_earlier_in_the_sentence_makes_a_day_month_deadline_recurring() -> None:
    t = timing_in_text("Định kỳ hằng năm tổng hợp kết quả, gửi về Sở Tài chính trước ngày 20 tháng 11 để tổng hợp.",
                       plan_year=2025, issued_on=dt.date(2025, 3, 10))
    assert (t["kind"], t["due"]) == ("recurring", "2025-11-20")
    # with no yearly word, or in another sentence, the date is one deadline
    t = timing_in_text("Hằng năm tổ chức kiểm tra. Gửi báo cáo về Sở Tài chính trước ngày 20 tháng 11.",
                       plan_year=2025, issued_on=dt.date(2025, 3, 10))
    assert t["kind"] == "once"


def test_routine_tasks_in_a_funding_clause_are_no_timing() -> None:
    t = timing_in_text("Đối với các nhiệm vụ thường xuyên, các sở bố trí kinh phí trong dự toán được giao để thực hiện.",
                       plan_year=2025, issued_on=dt.date(2025, 3, 10))
    assert t["kind"] == "unspecified"
    t = timing_in_text("Sở Y tế thường xuyên kiểm tra các cơ sở.", plan_year=2025, issued_on=dt.date(2025, 3, 10))
    assert t["kind"] == "continuous"


def test_compiling_right_after_a_leading_date_is_a_compiling_report() -> None:
    plan = _plan("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Trước ngày 20/11 hằng năm tổng hợp, báo cáo Ủy ban nhân dân tỉnh"
                 " kết quả thực hiện.\n2. Sở Xây dựng\n- Gửi báo cáo về Sở Tài chính trước ngày 10/11 hằng năm để tổng hợp.\n")
    assert [(r["ref"], r["compiles"]) for r in plan["reports"]] == [("III.1", True), ("III.2", False)]
