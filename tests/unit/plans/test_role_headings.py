"""How a plan states a body's role apart from its tasks, on made-up fragments: a sub-heading or an
intro line that only says 'Chủ trì, phối hợp với X' / 'Phối hợp với X' above the tasks, a heading
'Sở X chủ trì, phối hợp Y' / 'Chủ tịch UBND cấp xã chỉ đạo' above them, the decision's own article
'Điều 2. Giao Sở X chủ trì ...' before the plan it issues, and the portal 'Cổng thông tin điện tử tỉnh'
named in a heading. Expectations follow the gold conventions (shared/seeds/gold/README.md): one entry
per bullet carrying its own task, the heading's body as lead, partners as support."""

from __future__ import annotations

from typing import Any

from dondoc.plans import parse_text

HEAD = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 34/KH-UBND\nX, ngày 12 tháng 2 năm 2026\nKẾ HOẠCH\nChuyển đổi số năm 2026\n"


def _plan(body: str, head: str = HEAD) -> dict[str, Any]:
    return parse_text(head + body, source="probe.md", year=2026)


def _pairs(plan: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(a["ref"], a["lead"]) for a in plan["assignments"]]


def test_role_sub_headings_give_each_bullet_to_the_heading_body() -> None:
    plan = _plan(
        "I. MỤC ĐÍCH\nNâng cao hiệu quả.\n\nII. TỔ CHỨC THỰC HIỆN\n\n**1. Sở Khoa học và Công nghệ**\n\n"
        "*a) Chủ trì, phối hợp với các sở, ngành, Ủy ban nhân dân các xã, phường*\n\n"
        "- Xây dựng nền tảng dữ liệu dùng chung của tỉnh.\n\n"
        "- Tổ chức tập huấn kỹ năng số cho cán bộ, công chức.\n\n"
        "*b) Phối hợp với Sở Tài chính*\n\n"
        "- Đề xuất bố trí kinh phí duy trì hệ thống.\n\n"
        "**2. Sở Nội vụ**\n\nRà soát vị trí việc làm về công nghệ thông tin.\n"
    )
    assert _pairs(plan) == [
        ("II.1.a", ["Sở Khoa học và Công nghệ"]),
        ("II.1.a", ["Sở Khoa học và Công nghệ"]),
        ("II.1.b", ["Sở Khoa học và Công nghệ"]),
        ("II.2", ["Sở Nội vụ"]),
    ]
    first, _, third, _ = plan["assignments"]
    assert first["text"].startswith("Xây dựng nền tảng") and first["support"] == ["các sở, ngành", "Ủy ban nhân dân các xã, phường"]
    assert third["support"] == []  # 'Phối hợp với X': X leads that joint work, no support (gold 24 V.1.b)


def test_a_task_sub_heading_stays_one_task() -> None:
    # 'a) Chủ trì, phối hợp với X <task>' holds a task itself: not a role line
    plan = _plan(
        "I. NHIỆM VỤ\n\n1. Sở Y tế\n\na) Chủ trì, phối hợp với các sở, ngành xây dựng kế hoạch tiêm chủng; "
        "kiểm tra việc thực hiện.\n\nb) Tổ chức tập huấn cho cán bộ y tế cơ sở.\n"
    )
    assert _pairs(plan) == [("I.1.a", ["Sở Y tế"]), ("I.1.b", ["Sở Y tế"])]


def test_a_role_intro_line_is_no_task_and_lends_its_partners_to_the_bullets() -> None:
    plan = _plan(
        "I. TỔ CHỨC THỰC HIỆN\n\n**3. Sở Công Thương**\n\n"
        "Chủ trì, phối hợp với các sở, ngành và các cơ quan, đơn vị có liên quan:\n\n"
        "- Hướng dẫn doanh nghiệp tham gia sàn thương mại điện tử.\n\n"
        "- Tổ chức hội chợ giới thiệu sản phẩm của tỉnh.\n"
    )
    assert _pairs(plan) == [("I.3", ["Sở Công Thương"]), ("I.3", ["Sở Công Thương"])]
    assert all(a["support"] == ["các sở, ngành", "các cơ quan, đơn vị có liên quan"] for a in plan["assignments"])


def test_a_heading_naming_a_body_and_its_role_owns_the_bullets_below() -> None:
    plan = _plan(
        "I. NHIỆM VỤ\n\n1. Bảo đảm nguồn lực\n\n1.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành\n\n"
        "- Tham mưu bố trí kinh phí thực hiện kế hoạch.\n\n- Hướng dẫn thanh quyết toán kinh phí.\n\n"
        "1.2. Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo\n\n- Rà soát, lập danh sách hộ gia đình.\n\n"
        "- Tuyên truyền tại các thôn, tổ dân phố.\n\n- Báo cáo kết quả hằng quý.\n\n"
        "1.3. Công an tỉnh chủ trì, phối hợp với Sở Y tế kiểm tra các cơ sở kinh doanh.\n"
    )
    assert _pairs(plan) == [
        ("I.1.1", ["Sở Tài chính"]), ("I.1.1", ["Sở Tài chính"]),
        ("I.1.2", ["Chủ tịch Ủy ban nhân dân cấp xã"]), ("I.1.2", ["Chủ tịch Ủy ban nhân dân cấp xã"]),
        ("I.1.2", ["Chủ tịch Ủy ban nhân dân cấp xã"]),
        ("I.1.3", ["Công an tỉnh"]),  # a heading holding its task stays one task
    ]
    assert plan["assignments"][0]["support"] == ["các sở, ban, ngành"]


DECISION = (
    "ỦY BAN NHÂN DÂN TỈNH X\n\nSố: 561/QĐ-UBND\n\nX, ngày 03 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\n\n"
    "Về việc ban hành Kế hoạch chuyển đổi số năm 2026\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.\n\n"
    "Điều 2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, ngành; Ủy ban nhân dân "
    "các xã, phường tổ chức triển khai thực hiện Kế hoạch này.\n\n"
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Chánh Văn phòng UBND tỉnh; Giám đốc các sở; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm "
    "thi hành quyết định này./.\n\n"
    "KẾ HOẠCH\n\nChuyển đổi số năm 2026\n\n"
)


BODY = (
    "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nNâng cao hiệu quả quản lý.\n\n2. Yêu cầu\n\nBảo đảm đúng tiến độ.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ\n\nRà soát vị trí việc làm.\n\n2. Sở Tài chính\n\n"
    "Bố trí kinh phí thực hiện.\n\n3. Ủy ban nhân dân các xã, phường\n\nTổ chức triển khai tại địa phương.\n"
)
BODY_PAIRS = [("II.1", ["Sở Nội vụ"]), ("II.2", ["Sở Tài chính"]), ("II.3", ["Ủy ban nhân dân các xã, phường"])]


def test_a_decision_article_handing_out_the_plan_is_a_task() -> None:
    plan = _plan(BODY, head=DECISION)
    assert _pairs(plan) == [("Điều 2", ["Sở Khoa học và Công nghệ"]), *BODY_PAIRS]


def test_decision_articles_without_a_task_give_none() -> None:
    head = DECISION.replace(
        "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, ngành; Ủy ban nhân dân "
        "các xã, phường tổ chức triển khai thực hiện Kế hoạch này.", "Quyết định này có hiệu lực kể từ ngày ký.")
    plan = _plan(BODY, head=head)
    assert _pairs(plan) == BODY_PAIRS


def test_the_provincial_portal_is_a_body_name() -> None:
    plan = _plan(
        "I. TỔ CHỨC THỰC HIỆN\n\n**5. Báo và Phát thanh, Truyền hình tỉnh, Cổng thông tin điện tử tỉnh**\n\n"
        "Mở chuyên mục tuyên truyền về chuyển đổi số; đăng tải kịp thời các văn bản chỉ đạo.\n"
    )
    assert _pairs(plan) == [("I.5", ["Báo và Phát thanh, Truyền hình tỉnh", "Cổng thông tin điện tử tỉnh"])]


def test_a_school_calendar_period_is_recurring() -> None:
    # 'mỗi học kỳ', 'hằng năm học': recurring with the school's calendar, no date to compute
    plan = _plan(
        "I. NHIỆM VỤ\n\n1. Sở Giáo dục và Đào tạo\n\n- Tổ chức ngoại khóa về an toàn giao thông, bảo đảm mỗi học kỳ "
        "ít nhất 1 buổi tại mỗi trường.\n\n- Tổng kết công tác hằng năm học.\n\n- Rà soát cơ sở vật chất trường học.\n"
    )
    assert [(a["timing"]["kind"], a["timing"]["due"]) for a in plan["assignments"]] == [
        ("recurring", None), ("recurring", None), ("unspecified", None)]
