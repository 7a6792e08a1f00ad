"""Findings of the review of the role headings, the decision articles and the confidence facts, on made-up
fragments: a decision's closing article in its other wordings hands out no task; the articles' items have a
line; a bare head noun is no body; bare 'a) Chủ trì' / 'b) Phối hợp' sub-headings; partners cut at the
words that end a name and reset after the bullets of their intro line; 'Phối hợp với X' under a body's
heading leaves X out of support; the warnings a clerk reads."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text

HEAD = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 12/KH-UBND\nX, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nChuyển đổi số năm 2025\n\n"
PURPOSE = "I. MỤC ĐÍCH, YÊU CẦU\n\nNâng cao hiệu quả.\n\n"

DECISION = (
    "ỦY BAN NHÂN DÂN TỈNH X\n\nSố: 561/QĐ-UBND\n\nX, ngày 03 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\n\n"
    "Về việc ban hành Kế hoạch chuyển đổi số năm 2025\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2025.\n\n{art2}\n\n"
    "Điều 3. {art3}/.\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n\nỦY BAN NHÂN DÂN TỈNH X\n\n"
    "KẾ HOẠCH\n\nChuyển đổi số năm 2025\n\n(Kèm theo Quyết định số 561/QĐ-UBND ngày 03/3/2025)\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n\nNâng cao hiệu quả quản lý.\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ\n\nRà soát vị trí việc làm.\n"
)
OFFICIALS = ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Khoa học và Công nghệ, Thủ trưởng các sở, ban, "
             "ngành; Chủ tịch Ủy ban nhân dân các xã, phường")


def _plan(body: str) -> dict[str, Any]:
    return parse_text(HEAD + PURPOSE + body, source="probe.md", year=2025)


def _rows(plan: dict[str, Any]) -> list[tuple[str, list[str], list[str]]]:
    return [(a["ref"], a["lead"], a["support"]) for a in plan["assignments"]]


@pytest.mark.parametrize("closing", [
    OFFICIALS + " chịu trách nhiệm thi hành Quyết định này.",
    OFFICIALS + " có trách nhiệm thi hành Quyết định này.",
    OFFICIALS + " chịu trách nhiệm tổ chức thực hiện Quyết định này.",
    OFFICIALS + " tổ chức thực hiện Quyết định này.",
    OFFICIALS + " căn cứ Quyết định thi hành.",
    "Sở Khoa học và Công nghệ, Văn phòng Ủy ban nhân dân tỉnh và các cơ quan, đơn vị liên quan căn cứ Quyết định thi hành.",
])
def test_a_decisions_closing_article_is_no_task_whatever_its_verb(closing: str) -> None:
    plan = parse_text(DECISION.format(art2="Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", art3=closing),
                      source="probe.md", year=2025)
    assert [a["ref"] for a in plan["assignments"]] == ["II.1"]


def test_the_articles_items_have_a_line() -> None:
    art2 = ("Điều 2. Tổ chức thực hiện\n\n1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành tổ "
            "chức triển khai Kế hoạch.\n\n2. Sở Tài chính bố trí kinh phí thực hiện.")
    text = DECISION.format(art2=art2, art3=OFFICIALS + " chịu trách nhiệm thi hành Quyết định này.")
    plan = parse_text(text, source="probe.md", year=2025)
    by = {a["ref"]: a for a in plan["assignments"]}
    assert set(by) == {"Điều 2.1", "Điều 2.2", "II.1"}
    lines = text.splitlines()
    for a in plan["assignments"]:
        assert a["span"] is not None
        assert lines[a["span"]["line"] - 1].lstrip("12. ").startswith(a["text"][:20])


def test_a_task_handed_out_over_a_decision_is_kept() -> None:
    art2 = ("Điều 2. Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành theo dõi, đôn đốc việc triển khai thực "
            "hiện Quyết định này.")
    plan = parse_text(DECISION.format(art2=art2, art3=OFFICIALS + " chịu trách nhiệm thi hành Quyết định này."),
                      source="probe.md", year=2025)
    assert [(a["ref"], a["lead"]) for a in plan["assignments"]] == [("Điều 2", ["Sở Nội vụ"]), ("II.1", ["Sở Nội vụ"])]


def test_a_bare_head_noun_with_a_role_word_is_no_body() -> None:
    plan = _plan(
        "II. TỔ CHỨC BỘ MÁY\n\n1. Ban chỉ đạo\n\n- Thành lập Ban chỉ đạo do Chủ tịch Ủy ban nhân dân tỉnh làm Trưởng ban.\n\n"
        "- Giúp việc cho Ban chỉ đạo có Tổ giúp việc gồm các công chức của các sở.\n\n"
        "2. Trung tâm chỉ đạo\n\n- Đặt tại trụ sở Công an tỉnh, hoạt động 24/7.\n\n"
        "3. Hội đồng thực hiện\n\n- Họp định kỳ mỗi quý.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế chủ trì\n\n- Tổ chức tập huấn.\n"
    )
    leads = [n for a in plan["assignments"] for n in a["lead"]]
    assert not {"Ban", "Trung tâm", "Hội đồng"} & set(leads)
    assert ("III.1", ["Sở Y tế"], []) in _rows(plan)


def test_bare_role_sub_headings_split_their_bullets() -> None:
    plan = _plan(
        "II. NHIỆM VỤ\n\n1. Sở Y tế\n\na) Chủ trì\n\n- Xây dựng kế hoạch tiêm chủng.\n\n- Tổ chức giám sát dịch bệnh.\n\n"
        "b) Phối hợp\n\n- Cử cán bộ tham gia đoàn kiểm tra liên ngành.\n\nc) Phối hợp với Sở Tài chính:\n\n"
        "- Lập dự toán kinh phí.\n\n2. Sở Tài chính\n\na) Chủ trì:\n\n- Thẩm định dự toán.\n"
    )
    assert [(a["ref"], a["text"]) for a in plan["assignments"]] == [
        ("II.1.a", "Xây dựng kế hoạch tiêm chủng."), ("II.1.a", "Tổ chức giám sát dịch bệnh."),
        ("II.1.b", "Cử cán bộ tham gia đoàn kiểm tra liên ngành."), ("II.1.c", "Lập dự toán kinh phí."),
        ("II.2.a", "Thẩm định dự toán.")]
    # the older rule keeps priority: each bullet done with the body it opens with
    plan = _plan("II. NHIỆM VỤ\n\n1. Sở Y tế\n\na) Tổ chức tập huấn.\n\nb) Chủ trì, phối hợp\n\n"
                 "- Sở Tài chính tham mưu bố trí kinh phí.\n\n- Sở Nội vụ bố trí biên chế.\n")
    assert [(a["ref"], a["support"]) for a in plan["assignments"][1:]] == [("II.1.b", ["Sở Tài chính"]), ("II.1.b", ["Sở Nội vụ"])]


def test_partners_stop_at_the_field_of_the_joint_work() -> None:
    from dondoc.plans.placing import role_partners

    assert role_partners("Chủ trì, phối hợp với Sở Y tế trong công tác phòng, chống dịch") == ["Sở Y tế"]
    assert role_partners("Chủ trì, phối hợp với Sở Tài chính về kinh phí:") == ["Sở Tài chính"]
    assert role_partners("chủ trì, phối hợp với các sở, ngành thực hiện") == ["các sở, ngành"]


def test_an_intro_lines_partners_end_with_its_bullets() -> None:
    plan = _plan(
        "II. NHIỆM VỤ\n\n1. Sở Công Thương\n\nChủ trì, phối hợp với Sở Tài chính, Sở Xây dựng:\n\n"
        "- Hướng dẫn doanh nghiệp tham gia sàn thương mại điện tử.\n\n- Tổ chức hội chợ giới thiệu sản phẩm.\n\n"
        "Thực hiện chế độ báo cáo định kỳ theo quy định.\n"
    )
    assert [a["support"] for a in plan["assignments"]] == [["Sở Tài chính", "Sở Xây dựng"]] * 2 + [[]]


@pytest.mark.parametrize("role", ["Phối hợp với Sở Y tế:", "a) Phối hợp với Sở Y tế"])
def test_phoi_hop_voi_x_under_a_body_leaves_x_out_of_support(role: str) -> None:
    plan = _plan(f"II. NHIỆM VỤ\n\n1. Sở Công Thương\n\n{role}\n\n- Tham gia đoàn kiểm tra liên ngành.\n\n"
                 "- Cung cấp danh sách cơ sở kinh doanh thực phẩm.\n")
    assert [(a["lead"], a["support"]) for a in plan["assignments"]] == [(["Sở Công Thương"], [])] * 2


def test_plus_bullets_and_a_role_title_without_colon() -> None:
    plan = _plan(
        "II. NHIỆM VỤ\n\n1. Sở Khoa học và Công nghệ\n\na) Chủ trì, phối hợp với các sở, ngành\n\n"
        "+ Xây dựng nền tảng dữ liệu dùng chung của tỉnh.\n\n+ Tổ chức tập huấn kỹ năng số cho cán bộ, công chức.\n\n"
        "2. Sở Tài chính chủ trì, phối hợp với các sở, ngành thực hiện\n\n- Tham mưu bố trí kinh phí.\n\n- Hướng dẫn quyết toán.\n"
    )
    assert [(a["ref"], a["text"][:12], a["lead"], a["support"]) for a in plan["assignments"]] == [
        ("II.1.a", "Xây dựng nền", ["Sở Khoa học và Công nghệ"], ["các sở, ngành"]),
        ("II.1.a", "Tổ chức tập ", ["Sở Khoa học và Công nghệ"], ["các sở, ngành"]),
        ("II.2", "Tham mưu bố ", ["Sở Tài chính"], ["các sở, ngành"]),
        ("II.2", "Hướng dẫn qu", ["Sở Tài chính"], ["các sở, ngành"]),
    ]


def test_each_bullet_gets_its_own_low_confidence_warning() -> None:
    plan = _plan(
        "II. NHIỆM VỤ\n\n1. Sở Lao động - Thương binh và Xã hội\n\n- Các cơ quan liên quan tổ chức rà soát lao động nữ.\n\n"
        "- Tổ chức tập huấn cho cán bộ.\n\n- Khuyến khích các doanh nghiệp xây dựng nhà trẻ cho con công nhân.\n"
    )
    low = [w for w in plan["warnings"] if "độ tin cậy thấp" in w]
    assert len(low) == 1 and low[0].startswith("dòng 19 (mục II.1): độ tin cậy thấp (")
    assert "%)" in low[0] and "có thể chỉ là lời khuyến khích" in low[0]
    assert any("'Các cơ quan liên quan' là tên chung" in w for w in plan["warnings"])


@pytest.mark.parametrize("name", ["Sở Văn hóa, Thể thao và Du lịch", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
                                  "UBND tỉnh", "Tỉnh đoàn"])
def test_known_names_raise_no_doubt(name: str) -> None:
    from dondoc.plans.doubt import READ_KEY, facts

    f = facts({READ_KEY: "sentence", "text": f"{name} tổ chức hội nghị.", "lead": [name]})
    assert f.known and not (f.collective or f.short_name or f.unknown)


def test_doubt_facts_on_names() -> None:
    from dondoc.plans.doubt import READ_KEY, facts, is_known

    def of(text: str, lead: list[str], read: str = "sentence") -> Any:
        return facts({READ_KEY: read, "text": text, "lead": lead})

    assert not of("Sở Y tế và Sở Tài chính kiểm tra.", ["Sở Y tế", "Sở Tài chính"]).split_and
    assert of("Báo và Đài tỉnh tuyên truyền.", ["Báo", "Đài tỉnh"]).split_and
    assert not of("Khuyến khích phát triển kinh tế tuần hoàn.", ["Sở Công Thương"], read="heading").encouraged
    assert not is_known("UBND tỉnh chỉ đạo các sở thực hiện")
    assert is_known("UBND các xã, phường") and is_known("Ủy ban nhân dân tỉnh")


def test_a_short_unknown_lead_warns_whatever_the_reader() -> None:
    from dondoc.plans.doubt import LOW_CONFIDENCE, Facts, confidence

    for read in ("label", "heading", "sentence", "role", "article", "table"):
        assert confidence(Facts(read=read, unknown=True, short_name=True)) < LOW_CONFIDENCE  # type: ignore[arg-type]


def test_the_review_screen_and_the_warnings_share_the_threshold() -> None:
    from dondoc.plans.doubt import LOW_CONFIDENCE
    from dondoc.web.console import review_data

    assert review_data.LOW_CONFIDENCE is LOW_CONFIDENCE


def test_role_and_article_items_are_graded_as_new_readers() -> None:
    plan = _plan("II. NHIỆM VỤ\n\n1. Sở Tài chính chủ trì, phối hợp với các sở, ngành\n\n- Tham mưu bố trí kinh phí.\n\n"
                 "- Hướng dẫn quyết toán.\n\n2. Sở Y tế\n\nTổ chức tập huấn.\n")
    by = {a["text"]: a["confidence"] for a in plan["assignments"]}
    assert by["Tham mưu bố trí kinh phí."] <= 0.9 < by["Tổ chức tập huấn."]


@pytest.mark.parametrize("heading", ["Báo X, Trang thông tin điện tử tỉnh", "Trang thông tin điện tử huyện"])
def test_an_information_page_is_a_name(heading: str) -> None:
    plan = _plan(f"II. TỔ CHỨC THỰC HIỆN\n\n1. {heading}\n\nĐăng tải kịp thời các văn bản chỉ đạo.\n")
    a = plan["assignments"][0]
    assert a["lead"][-1].startswith("Trang thông tin điện tử") and a["text"].startswith("Đăng tải")
