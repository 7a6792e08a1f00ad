"""How a plan flattened by a law-library page (line breaks lost, or wrapped with its paragraph breaks lost) still shows
its structure: made-up flattened texts in the genre, each with counter-examples that must not change."""

from __future__ import annotations

from dondoc.plans import parse_text
from dondoc.plans.reflow import restore_breaks

_HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH AN BÌNH ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
    "--------------- Số: 45/KH-UBND An Bình, ngày 10 tháng 3 năm 2025 KẾ HOẠCH Phòng, chống dịch bệnh trong trường "
    "học năm 2025 Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau: I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích Bảo vệ sức khỏe "
    "học sinh. II. NHIỆM VỤ "
)


def _lines(text: str) -> list[str]:
    return [x for x in restore_breaks(text).split("\n") if x]


def _pairs(text: str) -> set[tuple[str, str]]:
    plan = parse_text(text, source="flat.txt")
    return {(a["ref"], lead) for a in plan["assignments"] for lead in a["lead"]}


# ---- a horizontal rule ('---', '* * *' kept as dashes) is a break: the annex after it is no part of the last item ----
_ANNEX_AFTER_RULE = _HEAD + (
    "1. Sở Y tế chủ trì hướng dẫn các trường học phòng, chống dịch bệnh; thực hiện thường xuyên. "
    "2. Sở Giáo dục và Đào tạo chỉ đạo các trường học tổ chức vệ sinh lớp học; thực hiện hằng tháng. --- "
    "PHỤ LỤC DANH MỤC NHIỆM VỤ (Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân tỉnh) "
    "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | |---|---|---|---|---| "
    "| **I** | **PHÒNG BỆNH** | | | | "
    "| 1 | Tập huấn phòng bệnh cho giáo viên | Sở Y tế | Sở Giáo dục và Đào tạo | Quý II/2025 | "
    "| 2 | Kiểm tra vệ sinh trường học | Sở Giáo dục và Đào tạo | Sở Y tế | Quý III/2025 |"
)


def test_a_rule_before_an_annex_parts_it_from_the_last_item() -> None:
    assert any(x.startswith("PHỤ LỤC") for x in _lines(_ANNEX_AFTER_RULE))
    refs = {ref for ref, _ in _pairs(_ANNEX_AFTER_RULE)}
    assert {"PL.I.1", "PL.I.2"} <= {r.upper() for r in refs}
    assert not any(r.startswith("II.2.") for r in refs)


def test_dashes_inside_a_sentence_are_no_rule() -> None:
    # a dash between two names, a period 'giai đoạn 2025 - 2030': no break
    text = _HEAD + (
        "1. Sở Lao động - Thương binh và Xã hội chủ trì thực hiện trong giai đoạn 2025 - 2030 các nhiệm vụ "
        "bảo vệ trẻ em. 2. Sở Y tế chủ trì kiểm tra."
    )
    assert (
        "1. Sở Lao động - Thương binh và Xã hội chủ trì thực hiện trong giai đoạn 2025 - 2030 các nhiệm vụ bảo vệ trẻ em."
        in _lines(text)
    )


# ---- a numbered heading run into its first bullet that opens with a lead-in: '1. <title> - Giao <Body> ...' ----
_LEAD_IN_BULLETS = _HEAD + (
    "1. Phòng ngừa dịch bệnh trong trường học - Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Y tế tổ chức tập "
    "huấn cho giáo viên; thực hiện hằng năm. - Sở Y tế hướng dẫn các trường học phòng dịch; thực hiện thường xuyên. "
    "2. Đẩy mạnh truyền thông - Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền về phòng "
    "dịch; thực hiện thường xuyên. - Giao Sở Văn hóa và Thể thao lồng ghép tuyên truyền vào các hoạt động văn hóa. "
    "III. TỔ CHỨC THỰC HIỆN Các sở, ngành triển khai thực hiện Kế hoạch này."
)


def test_a_heading_run_into_a_bullet_that_opens_with_a_lead_in() -> None:
    lines = _lines(_LEAD_IN_BULLETS)
    assert "1. Phòng ngừa dịch bệnh trong trường học" in lines
    assert any(x.startswith("- Giao Sở Giáo dục và Đào tạo chủ trì") for x in lines)
    assert "2. Đẩy mạnh truyền thông" in lines
    assert any(x.startswith("- Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp") for x in lines)
    pairs = _pairs(_LEAD_IN_BULLETS)
    assert ("II.1", "Sở Giáo dục và Đào tạo") in pairs
    assert ("II.2", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh") in pairs


def test_a_lead_in_after_a_title_with_no_dash_is_unchanged() -> None:
    # (no dash: the title runs into 'Giao <Body>', split before 'Giao' as before)
    text = _HEAD + (
        "1. Tăng cường công tác chỉ đạo Giao Sở Y tế chủ trì kiện toàn Ban Chỉ đạo; hoàn thành trong Quý "
        "II/2025. 2. Sở Tài chính bố trí kinh phí."
    )
    lines = _lines(text)
    assert "1. Tăng cường công tác chỉ đạo" in lines
    assert any(x.startswith("Giao Sở Y tế chủ trì") for x in lines)


# ---- a requirement in the 'Mục đích, yêu cầu' section: '<who> phải <do> ...' says what everyone must do, no task ----
_REQUIREMENTS = (
    "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nNâng cao nhận thức của Nhân dân về phòng, chống dịch bệnh.\n\n2. Yêu cầu\n\n"
    "- Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện phải chịu trách nhiệm trước Chủ tịch Ủy ban "
    "nhân dân tỉnh nếu để dịch bệnh lây lan trong phạm vi quản lý.\n\n"
    "- Cán bộ, công chức, viên chức phải gương mẫu chấp hành quy định phòng dịch tại nơi làm việc.\n\n"
    "- Sở Y tế chủ trì theo dõi, tổng hợp tình hình thực hiện Kế hoạch.\n\n"
    "II. NHIỆM VỤ\n\n1. Sở Y tế phải tổ chức tiêm chủng cho trẻ em; thực hiện hằng năm.\n\n"
    "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n"
)


def test_a_requirement_said_with_phai_in_the_purpose_section_is_no_task() -> None:
    pairs = _pairs(_REQUIREMENTS)
    assert not any(ref == "I.2" and lead != "Sở Y tế" for ref, lead in pairs)
    assert ("I.2", "Sở Y tế") in pairs  # a named body's part in the section is still a task
    assert ("II.1", "Sở Y tế") in pairs  # 'phải' in a task section: a task
    assert ("II.2", "Sở Tài chính") in pairs


# ---- a noun title ending in a verb ('Chế độ báo cáo', 'Công tác tuyên truyền') run into its body's sentence ----
def test_a_noun_title_ending_in_a_verb_is_cut_from_the_body_after_it() -> None:
    text = _HEAD + (
        "1. Sở Y tế chủ trì kiểm tra. III. TỔ CHỨC THỰC HIỆN 1. Công tác tuyên truyền Sở Văn hóa và Thể thao chủ trì "
        "tuyên truyền về phòng dịch; thực hiện thường xuyên. 2. Chế độ báo cáo Các sở, ban, ngành, Ủy ban nhân dân các "
        "huyện báo cáo kết quả thực hiện gửi Sở Y tế trước ngày 10/12 hằng năm."
    )
    lines = _lines(text)
    assert "1. Công tác tuyên truyền" in lines
    assert "2. Chế độ báo cáo" in lines
    assert any(x.startswith("Các sở, ban, ngành, Ủy ban nhân dân các huyện báo cáo") for x in lines)


def test_a_verb_title_keeps_the_body_it_governs() -> None:
    # '1. Hướng dẫn Ủy ban nhân dân các huyện triển khai ...': the body is what the verb guides, one sentence
    text = (
        _HEAD
        + "1. Hướng dẫn Ủy ban nhân dân các huyện triển khai phòng dịch trong trường học. 2. Sở Y tế chủ trì kiểm tra."
    )
    assert "1. Hướng dẫn Ủy ban nhân dân các huyện triển khai phòng dịch trong trường học." in _lines(text)


def test_a_sentence_about_a_field_of_work_is_no_title() -> None:
    # 'Công tác ... cần phải ...' is a sentence: the capitalised name after it is not a body's duty
    text = _HEAD + (
        "1. Công tác phòng dịch trong trường học cần phải kịp thời Sở Y tế hướng dẫn các trường học phòng dịch. "
        "2. Sở Y tế chủ trì kiểm tra."
    )
    assert not any(x.startswith("Sở Y tế hướng dẫn") for x in _lines(text))
