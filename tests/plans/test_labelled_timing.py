"""Rules of Vietnamese administrative writing, on small synthetic snippets: labelled lines in any
order, labels standing alone over their '+' values, timing split by body, activity blocks, date
ranges, year deadlines, budget words that are no schedule, generic tails of collectives, the
Yêu cầu section, the focal point, confidence and spans."""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.plans import parse_text, split_bodies
from dondoc.plans.gazetteer import is_generic, kind_of
from dondoc.plans.timing import parse_timing, timing_in_text

HEAD = "UBND TỈNH AN BÌNH\nSố: 5/KH-UBND\nAn Bình, ngày 10 tháng 1 năm 2026\nKẾ HOẠCH\nThử nghiệm\n"


def _pairs(plan: dict) -> dict[tuple[str, str], dict]:
    return {(a["ref"], lead): a for a in plan["assignments"] for lead in a["lead"]}


def test_activity_block_keeps_its_content_and_time_before_the_lead() -> None:
    text = HEAD + (
        "I. CÁC HOẠT ĐỘNG\n1. Hoạt động 2\n- Nội dung: Tập huấn kỹ năng số cho cán bộ xã.\n"
        "- Thời gian: từ ngày 01/3 đến ngày 31/3/2026.\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n"
        "- Đơn vị phối hợp: Sở Nội vụ.\n"
    )
    a = _pairs(parse_text(text, source="x.txt"))[("I.1", "Sở Khoa học và Công nghệ")]
    assert "Tập huấn kỹ năng số" in a["text"]
    assert a["timing"]["due"] == "2026-03-31" and a["timing"]["start"] == "2026-03-01"
    assert a["support"] == ["Sở Nội vụ"]


def test_label_alone_with_plus_values_and_timing_split_by_body() -> None:
    text = HEAD + (
        "I. NHIỆM VỤ\n1. Rà soát văn bản\n- Cơ quan chủ trì:\n+ Sở Tư pháp.\n+ Sở Y tế.\n"
        "- Thời gian thực hiện:\n+ Sở Y tế gửi kết quả về Sở Tư pháp trước ngày 15 tháng 5 năm 2026.\n"
        "+ Sở Tư pháp tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 30 tháng 5 năm 2026.\n"
    )
    pairs = _pairs(parse_text(text, source="x.txt"))
    assert ("I.1", "Sở Tư pháp") in pairs and ("I.1", "Sở Y tế") in pairs
    assert pairs[("I.1", "Sở Y tế")]["timing"]["due"] == "2026-05-15"
    assert pairs[("I.1", "Sở Tư pháp")]["timing"]["due"] == "2026-05-30"


def test_lead_label_with_clauses_keeps_only_the_names() -> None:
    text = HEAD + (
        "I. NHIỆM VỤ\n1. Rà soát văn bản\n- Cơ quan thực hiện: Sở Xây dựng tiến hành rà soát các văn bản thuộc"
        " thẩm quyền; Sở Y tế rà soát văn bản do cơ quan mình tham mưu ban hành.\n"
        "- Thời hạn ban hành: trước ngày 01 tháng 7 năm 2026.\n"
    )
    pairs = _pairs(parse_text(text, source="x.txt"))
    assert set(pairs) == {("I.1", "Sở Xây dựng"), ("I.1", "Sở Y tế")}
    assert pairs[("I.1", "Sở Y tế")]["timing"]["due"] == "2026-07-01"


def test_inline_support_label_is_not_a_lead() -> None:
    text = HEAD + "I. NHIỆM VỤ\n1. Phát triển cụm công nghiệp\n- Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Văn phòng Sở.\n"
    a = parse_text(text, source="x.txt")["assignments"][0]
    assert a["lead"] == ["Phòng Quản lý Công nghiệp"] and a["support"] == ["Văn phòng Sở"]


def test_requirements_section_gives_no_assignments() -> None:
    text = HEAD + (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức.\n2. Yêu cầu\n"
        "Thủ trưởng các cơ quan, đơn vị phải quán triệt nội dung Kế hoạch.\n"
        "II. NHIỆM VỤ\n1. Sở Y tế chủ trì tổ chức kiểm tra, hoàn thành trong năm 2026.\n"
    )
    plan = parse_text(text, source="x.txt")
    assert [a["ref"] for a in plan["assignments"]] == ["II.1"]
    assert plan["assignments"][0]["timing"]["due"] == "2026-12-31"


def test_focal_point_is_the_follow_up_body_not_the_issuer() -> None:
    text = HEAD + (
        "I. NHIỆM VỤ\n1. Sở Y tế chủ trì tổ chức tiêm chủng.\nII. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nội vụ là cơ quan đầu mối, theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp, "
        "báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.\n"
    )
    plan = parse_text(text, source="x.txt")
    assert plan["focal"]["name"] == "Sở Nội vụ"
    assert "đôn đốc" in plan["focal"]["evidence"]
    for a in plan["assignments"]:
        assert 0 <= a["confidence"] <= 1 and a["span"]["line"] > 0


def test_generic_lead_has_low_confidence_and_a_warning() -> None:
    text = HEAD + "I. NHIỆM VỤ\n1. Các cơ quan, đơn vị có liên quan tổ chức tuyên truyền.\n2. Sở Y tế chủ trì kiểm tra.\n"
    plan = parse_text(text, source="x.txt")
    by = {a["ref"]: a for a in plan["assignments"]}
    assert by["I.1"]["confidence"] < by["I.2"]["confidence"]
    assert any("tên chung" in w for w in plan["warnings"])


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("hoàn thành trong năm 2026", "2026-12-31"),
        ("ngay trong năm 2025", "2025-12-31"),
        ("chậm nhất là ngày 15/01/2026", "2026-01-15"),
        ("trước cuối năm", "2026-12-31"),
        ("Từ ngày 01/3 đến ngày 31/3/2026", "2026-03-31"),
    ],
)
def test_deadlines_in_text(phrase: str, due: str) -> None:
    assert timing_in_text("Tổ chức tập huấn, " + phrase + ".", plan_year=2026, issued_on=dt.date(2025, 12, 1))["due"] == due


def test_budget_yearly_is_no_schedule_and_monthly_next_month() -> None:
    t = timing_in_text("Bố trí kinh phí hằng năm để thực hiện.", plan_year=2026, issued_on=None)
    assert t["kind"] == "unspecified"
    m = parse_timing("Trước ngày 05 của tháng liền kề", plan_year=2026, issued_on=dt.date(2026, 1, 1))
    assert m["kind"] == "recurring" and m["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=5"


def test_generic_tail_stays_with_its_collective() -> None:
    assert split_bodies("Các sở, ban, ngành, địa phương") == ["Các sở, ban, ngành, địa phương"]
    assert split_bodies("các cơ quan, đơn vị, địa phương có liên quan") == ["các cơ quan, đơn vị, địa phương có liên quan"]
    assert split_bodies("Sở Y tế, Sở Tài chính") == ["Sở Y tế", "Sở Tài chính"]


def test_gazetteer_kinds() -> None:
    assert kind_of("Sở Nông nghiệp và Môi trường") == "department"
    assert kind_of("Bộ Công an") == "ministry"
    assert kind_of("Hội Liên hiệp Phụ nữ tỉnh") == "front"
    assert kind_of("Bộ Chỉ huy Quân sự tỉnh") == "armed"
    assert kind_of("Viện kiểm sát nhân dân tỉnh") == "justice"
    assert kind_of("Ủy ban nhân dân các xã, phường") == "local"
    assert is_generic("các cơ quan, đơn vị có liên quan") and is_generic("địa phương")
    assert not is_generic("Sở Y tế")


def test_long_list_of_named_bodies_before_the_verb() -> None:
    text = HEAD + (
        "I. NHIỆM VỤ\n1. Đề nghị Văn phòng Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy, Văn phòng Đoàn đại biểu Quốc hội và"
        " Hội đồng nhân dân tỉnh, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân"
        " dân tỉnh, Kho bạc Nhà nước khu vực IX, Chi cục Hải quan khu vực IX tăng cường công tác bảo vệ bí mật nhà nước.\n"
    )
    a = parse_text(text, source="x.txt")["assignments"][0]
    assert a["mode"] == "request"
    assert "Tòa án nhân dân tỉnh" in a["lead"] and "Chi cục Hải quan khu vực IX" in a["lead"]


def test_subject_qualified_by_its_assignment_ends_at_co_trach_nhiem() -> None:
    text = HEAD + (
        "I. KINH PHÍ\n1. Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm"
        " lập dự toán kinh phí.\n2. Đối với các nhiệm vụ năm 2026, Sở Tài chính chủ động cân đối kinh phí.\n"
        "II. NHIỆM VỤ CỦA SỞ Y TẾ\n1. Tổ chức tiêm chủng mở rộng.\n"
    )
    pairs = _pairs(parse_text(text, source="x.txt"))
    assert ("I.1", "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này") in pairs
    assert ("I.2", "Sở Tài chính") in pairs
    assert ("II.1", "Sở Y tế") in pairs  # the section's heading names the body whose duties follow
