"""Rules for the other ways administrations write the same plan (benchmarks/perturb.py), each on a small
made-up plan written for the rule."""

from __future__ import annotations

import pytest

from dondoc.plans import parse_text
from tests.unit.plans.conftest import pairs

HEAD = "KẾ HOẠCH\n\nTriển khai nhiệm vụ năm 2025\n\n"


def _pairs(body: str) -> set[tuple[str, str]]:
    return pairs(parse_text(HEAD + body, source="t.md"))


def test_lettered_items_written_with_a_dot() -> None:
    body = ("I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ\n\na. Chủ trì rà soát thủ tục hành chính.\n\n"
            "b. Tham mưu sơ kết việc thực hiện.\n\n2. Sở Tài chính\n\na. Bố trí kinh phí thực hiện.\n")
    assert _pairs(body) == {("I.1.a", "Sở Nội vụ"), ("I.1.b", "Sở Nội vụ"), ("I.2.a", "Sở Tài chính")}


def test_a_line_opening_with_v_v_is_no_lettered_item() -> None:
    body = ("I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ chủ trì tuyên truyền qua báo chí, mạng xã hội\n"
            "v.v. và báo cáo kết quả.\n")
    assert _pairs(body) == {("I.1", "Sở Nội vụ")}


def test_a_plain_heading_asking_bodies_wraps_before_their_names() -> None:
    # a hard-wrapped plan (a Word file pasted as text, its bold lost): the heading's names run over two lines
    body = ("V. TỔ CHỨC THỰC HIỆN\n\n1. Sở Công Thương\n\n- Tổ chức tập huấn cho doanh nghiệp.\n\n"
            "2. Đề nghị\nLiên minh Hợp tác xã tỉnh, Đoàn TNCS Hồ Chí Minh tỉnh, Hội nông dân tỉnh, Hiệp\n"
            "hội doanh nghiệp tỉnh\n\n- Đẩy mạnh tập huấn, học tập mô\nhình sản xuất.\n\n- Phối hợp tổ chức hội chợ.\n")
    assert _pairs(body) == {("V.1", "Sở Công Thương"), ("V.2", "Liên minh Hợp tác xã tỉnh"), ("V.2", "Đoàn TNCS Hồ Chí Minh tỉnh"),
                            ("V.2", "Hội nông dân tỉnh"), ("V.2", "Hiệp hội doanh nghiệp tỉnh")}


def test_recipients_under_any_bullet_style_are_no_duties() -> None:
    body = ("I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ chủ trì, theo dõi việc thực hiện Kế hoạch./.\n\n"
            "• Nơi nhận:\n\n• Thường trực Huyện ủy (để báo cáo);\n• Chủ tịch UBND huyện (để báo cáo);\n• Lưu: VT.\n")
    assert _pairs(body) == {("I.1", "Sở Nội vụ")}


def test_a_plus_bullet_after_a_finished_paragraph_is_an_item_of_its_own() -> None:
    body = ("I. NHIỆM VỤ\n\n1. Phòng Văn hóa - Thông tin:\n\nChủ trì xây dựng môi trường văn hóa lành mạnh ở cơ sở.\n\n"
            "+ Thực hiện chính sách về quyền tiếp cận thông tin của công dân.\n")
    plan = parse_text(HEAD + body, source="t.md")
    assert [a["ref"] for a in plan["assignments"]] == ["I.1", "I.1"]


def test_plus_outer_level_with_dash_sub_bullets() -> None:
    body = ("I. NHIỆM VỤ\n\n2. Công an tỉnh\n\n+ Chủ trì, phối hợp với các sở, ngành tham mưu Ủy ban nhân dân tỉnh:\n\n"
            "- Tổ chức thực hiện các dự án phòng, chống ma túy.\n\n- Ban hành Đề án xã, phường không ma túy.\n\n"
            "+ Nghiên cứu tham mưu Hội đồng nhân dân tỉnh ban hành Nghị quyết về mức chi.\n\n"
            "+ Tăng cường công tác quản lý cư trú.\n")
    plan = parse_text(HEAD + body, source="t.md")
    assert [a["text"][:10] for a in plan["assignments"]] == ["Chủ trì, p", "Nghiên cứu", "Tăng cường"]


def test_per_lead_dates_when_the_lead_is_abbreviated_and_its_date_line_is_not() -> None:
    body = ("II. NHIỆM VỤ\n\n4. Rà soát văn bản quy phạm pháp luật\n\n- Nội dung: rà soát các văn bản có liên quan.\n\n"
            "- Cơ quan thực hiện: Bộ Công an; UBND các tỉnh, thành phố.\n\n- Thời gian thực hiện:\n\n"
            "+ Ủy ban nhân dân các tỉnh, thành phố gửi kết quả về Bộ Công an trước ngày 15 tháng 12 năm 2025.\n\n"
            "+ Bộ Công an tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.\n")
    plan = parse_text(HEAD + body, source="t.md")
    due = {lead: a["timing"]["due"][:10] for a in plan["assignments"] for lead in a["lead"]}
    assert due == {"Bộ Công an": "2025-12-31", "UBND các tỉnh, thành phố": "2025-12-15"}


def test_a_plain_numbered_heading_wrapped_over_two_lines_then_its_task() -> None:
    body = ("V. TỔ CHỨC THỰC HIỆN\n\n8. Sở Công Thương\n\nTổ chức các hội chợ nông sản trong tỉnh.\n\n9. Báo và\n"
            "phát thanh, truyền hình tỉnh, Cổng thông tin điện tử tỉnh\n\nXây dựng các phóng sự, tin bài để quảng bá\n"
            "các sản phẩm nông sản của tỉnh.\n")
    assert _pairs(body) == {("V.8", "Sở Công Thương"), ("V.9", "Báo và phát thanh, truyền hình tỉnh"),
                            ("V.9", "Cổng thông tin điện tử tỉnh")}


@pytest.mark.parametrize("lead_label", ["Cơ quan chủ trì", "Đơn vị chủ trì", "Chủ trì"])
@pytest.mark.parametrize("time_label", ["Thời gian hoàn thành", "Thời hạn", "Thời gian thực hiện"])
def test_every_wording_of_the_lead_and_time_labels(lead_label: str, time_label: str) -> None:
    body = (f"II. NHIỆM VỤ\n\n1. Rà soát thủ tục hành chính\n\n- {lead_label}: Sở Nội vụ.\n\n"
            f"- Cơ quan phối hợp: Sở Tư pháp.\n\n- {time_label}: Quý II/2025.\n")
    plan = parse_text(HEAD + body, source="t.md")
    assert [(a["ref"], a["lead"], a["timing"]["due"][:10]) for a in plan["assignments"]] == [("II.1", ["Sở Nội vụ"], "2025-06-30")]
