"""Counter-examples to the rules for plans pasted as one run of text (plans.reflow, plans.runon): ordinary plan
prose on which a rule written for lost line breaks must not cut a paragraph or assign a body. Made-up texts; the
expected pairs (ref, lead) were written before the rules were run on them, counted as the shared scorer counts them
(a second assignment of the same body in the same item is an extra pair)."""

from __future__ import annotations

from collections import Counter

from dondoc.plans import parse_text
from dondoc.plans.reflow import lost_breaks, restore_breaks

_HEAD = ("UBND HUYỆN SÔNG XANH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 9/KH-UBND "
         "Sông Xanh, ngày 5 tháng 2 năm 2025 KẾ HOẠCH BẢO ĐẢM AN TOÀN THỰC PHẨM NĂM 2025 Để triển khai, Ủy ban nhân "
         "dân huyện ban hành kế hoạch như sau: I. MỤC ĐÍCH, YÊU CẦU Bảo đảm thống nhất, đồng bộ trong triển khai các "
         "nhiệm vụ của kế hoạch. ")
_TAIL = " Nơi nhận: - UBND tỉnh (b/c); - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn B"


def _pairs(text: str) -> Counter[tuple[str, str]]:
    plan = parse_text(text, source="counter.txt")
    return Counter((a["ref"], lead) for a in plan["assignments"] for lead in a["lead"])


def _lines(text: str) -> list[str]:
    return [x.strip() for x in restore_breaks(text).split("\n") if x.strip()]


# ---- a sentence opening with a body inside an item that already has its lead -----------------------------------

def test_a_second_sentence_of_the_items_own_body_is_no_second_duty() -> None:
    text = _HEAD + ("II. NHIỆM VỤ 1. Phòng Y tế là cơ quan thường trực của Ban Chỉ đạo huyện về an toàn thực phẩm. "
                    "Phòng Y tế chủ trì kiểm tra các bếp ăn tập thể trong Quý II/2025. 2. Phòng Nội vụ theo dõi công tác "
                    "thi đua, khen thưởng." + _TAIL)
    assert _pairs(text) == Counter({("II.1", "Phòng Y tế"): 1, ("II.2", "Phòng Nội vụ"): 1})


def test_the_issuers_promise_or_a_higher_bodys_guidance_is_no_duty() -> None:
    text = _HEAD + ("II. NHIỆM VỤ 1. Phòng Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ. Ủy ban nhân dân huyện "
                    "sẽ xem xét khen thưởng các tập thể có thành tích. 2. Phòng Kinh tế và Hạ tầng kiểm tra các cơ sở "
                    "giết mổ. Bộ Nông nghiệp và Môi trường hướng dẫn chi tiết nội dung này. 3. Phòng Nội vụ theo dõi "
                    "công tác thi đua, khen thưởng." + _TAIL)
    assert _pairs(text) == Counter({("II.1", "Phòng Y tế"): 1, ("II.2", "Phòng Kinh tế và Hạ tầng"): 1,
                                    ("II.3", "Phòng Nội vụ"): 1})


def test_last_years_results_and_a_quoted_directive_in_the_purpose_assign_nothing() -> None:
    text = _HEAD.replace("I. MỤC ĐÍCH, YÊU CẦU Bảo đảm", "I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích Năm 2024, Phòng Y tế đã "
                         "kiểm tra 120 cơ sở. Ủy ban nhân dân huyện đã ban hành nhiều văn bản chỉ đạo. Thủ tướng Chính "
                         "phủ yêu cầu các địa phương siết chặt kiểm tra. 2. Yêu cầu Bảo đảm") + (
        "II. NHIỆM VỤ 1. Phòng Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ. 2. Phòng Nội vụ theo dõi công tác "
        "thi đua, khen thưởng." + _TAIL)
    assert _pairs(text) == Counter({("II.1", "Phòng Y tế"): 1, ("II.2", "Phòng Nội vụ"): 1})


def test_a_body_sentence_after_a_task_heading_still_starts_its_duty() -> None:
    # (the rule's gain, kept: the item's first sentence names no body)
    text = _HEAD + ("II. NHIỆM VỤ 1. Hoàn thành di dời chợ cũ đến vị trí mới trong năm 2025. Ủy ban nhân dân xã Bình "
                    "Minh chủ trì, phối hợp với Phòng Kinh tế và Hạ tầng giải phóng mặt bằng. 2. Phòng Nội vụ theo dõi "
                    "công tác thi đua, khen thưởng." + _TAIL)
    assert _pairs(text) == Counter({("II.1", "Ủy ban nhân dân xã Bình Minh"): 1, ("II.2", "Phòng Nội vụ"): 1})


# ---- role words that open no role -----------------------------------------------------------------------------

def test_coordination_between_bodies_is_no_role_sentence() -> None:
    text = _HEAD + ("II. NHIỆM VỤ 1. Tăng cường kiểm tra liên ngành về an toàn thực phẩm. Phối hợp chặt chẽ giữa "
                    "Phòng Y tế và Công an huyện trong việc xử lý vi phạm. 2. Phòng Nội vụ theo dõi công tác thi đua, "
                    "khen thưởng." + _TAIL)
    assert not any(x.startswith("Phối hợp chặt chẽ giữa") for x in _lines(text))
    assert _pairs(text) == Counter({("II.2", "Phòng Nội vụ"): 1})


def test_role_words_inside_a_sentence_stay_in_it() -> None:
    text = _HEAD + ("II. NHIỆM VỤ 1. Việc mua sắm vật tư xét nghiệm do Phòng Tài chính - Kế hoạch chủ trì, phối hợp "
                    "với Phòng Y tế thực hiện. 2. Phòng Nội vụ theo dõi công tác thi đua, khen thưởng." + _TAIL)
    lines = _lines(text)
    assert any(x.startswith("1. Việc mua sắm vật tư xét nghiệm do Phòng Tài chính - Kế hoạch chủ trì, phối hợp với")
               for x in lines)


# ---- a section's closing words in the last item of a section that is not the plan's last ------------------------

def test_closing_words_in_the_last_item_of_a_task_section_stay_in_it() -> None:
    text = _HEAD + ("II. NHIỆM VỤ 1. Phòng Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ. 2. Phòng Nội vụ theo "
                    "dõi công tác thi đua, khen thưởng. Hằng năm, Ủy ban nhân dân huyện tổ chức tổng kết, khen thưởng "
                    "các tập thể. III. TỔ CHỨC THỰC HIỆN Giao Phòng Y tế theo dõi, đôn đốc việc thực hiện kế hoạch."
                    + _TAIL)
    assert _pairs(text) == Counter({("II.1", "Phòng Y tế"): 1, ("II.2", "Phòng Nội vụ"): 1, ("III", "Phòng Y tế"): 1})


def test_closing_words_before_the_signature_still_part() -> None:
    # (the rule's gain, kept)
    text = _HEAD + ("II. TỔ CHỨC THỰC HIỆN 1. Phòng Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ. 2. Phòng "
                    "Nội vụ theo dõi công tác thi đua, khen thưởng. Ủy ban nhân dân huyện yêu cầu các cơ quan, đơn vị "
                    "nghiêm túc thực hiện./." + _TAIL)
    assert "Ủy ban nhân dân huyện yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./." in _lines(text)


# ---- text that is not flattened ----------------------------------------------------------------------------------

_LONG_PARS = """ỦY BAN NHÂN DÂN XÃ SÔNG XANH
KẾ HOẠCH Bảo đảm an toàn thực phẩm năm 2025
Để bảo đảm an toàn thực phẩm trên địa bàn, Ủy ban nhân dân xã ban hành kế hoạch với các nội dung sau đây. """ + (
    "Kế hoạch nhằm nâng cao nhận thức của người sản xuất, kinh doanh và người tiêu dùng về an toàn thực phẩm, "
    "ngăn chặn kịp thời các vụ ngộ độc thực phẩm đông người, bảo vệ sức khỏe nhân dân trên địa bàn xã. ") * 11 + """
- Công chức Văn hóa - Xã hội chủ trì tổ chức tuyên truyền về an toàn thực phẩm trên hệ thống loa truyền thanh \
của xã, tại các buổi họp thôn và tại chợ; phát tờ rơi hướng dẫn cho các hộ kinh doanh thức ăn đường phố; \
tổng hợp kết quả tuyên truyền, báo cáo Ủy ban nhân dân xã trước ngày 15 của tháng cuối mỗi quý.
Trạm Y tế xã chủ trì kiểm tra điều kiện an toàn thực phẩm tại các bếp ăn tập thể của trường học, nhà trẻ \
và các cơ sở kinh doanh dịch vụ ăn uống; lấy mẫu xét nghiệm nhanh tại chợ; phối hợp với Công an xã xử lý \
các trường hợp vi phạm; báo cáo kết quả kiểm tra về Ủy ban nhân dân xã trong tháng 11 năm 2025.
- Công an xã phối hợp với Trạm Y tế xã kiểm tra, xử lý các hành vi vi phạm về an toàn thực phẩm, nhất là \
vận chuyển, buôn bán thực phẩm không rõ nguồn gốc, thực phẩm giả, kém chất lượng qua địa bàn xã; kịp thời \
báo cáo Ủy ban nhân dân xã các vụ việc phức tạp phát sinh trong quá trình thực hiện kế hoạch này.
Nơi nhận:
- Lưu: VT.
"""


def test_a_plan_with_long_paragraphs_and_its_line_breaks_is_not_flattened() -> None:
    assert len(_LONG_PARS) > 1500 and _LONG_PARS.count("\n") * 400 < len(_LONG_PARS)
    assert not lost_breaks(_LONG_PARS)


def test_a_short_plan_laid_out_in_lines_is_not_flattened() -> None:
    text = ("ỦY BAN NHÂN DÂN XÃ SÔNG XANH\nKẾ HOẠCH\nTổng vệ sinh môi trường\nI. MỤC ĐÍCH\nBảo đảm cảnh quan sạch đẹp.\n"
            "II. NHIỆM VỤ\n1. Các thôn tổ chức tổng vệ sinh. 2. Đoàn Thanh niên xã ra quân vào Chủ nhật.\n"
            "III. TỔ CHỨC THỰC HIỆN\nCông chức Văn hóa - Xã hội theo dõi, báo cáo.\n")
    assert not lost_breaks(text)


# ---- the sentence-by-sentence reading of a plan that numbers nothing ---------------------------------------------

def test_a_plan_read_sentence_by_sentence_takes_no_task_from_its_preamble_or_signature() -> None:
    tasks = ("Công chức Văn hóa - Xã hội chủ trì xây dựng chương trình ngày hội, hoàn thành trước ngày 15/4/2025. "
             "Trường Tiểu học Sông Xanh phối hợp tổ chức cho học sinh tham gia các hoạt động đọc sách và giới thiệu "
             "sách mới cho phụ huynh trong tháng 4 năm 2025. ")
    text = ("ỦY BAN NHÂN DÂN XÃ SÔNG XANH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 12/KH-UBND "
            "Sông Xanh, ngày 3 tháng 3 năm 2025 KẾ HOẠCH Tổ chức Ngày hội đọc sách năm 2025 Thực hiện Kế hoạch số "
            "5/KH-UBND ngày 2/1/2025 của Ủy ban nhân dân huyện về phát triển văn hóa đọc. Năm 2024, Ủy ban nhân dân "
            "xã đã tổ chức thành công Ngày hội đọc sách lần thứ nhất với hơn 500 người tham gia. Ủy ban nhân dân xã "
            "ban hành kế hoạch như sau. " + tasks * 4 + "Nơi nhận: - Ủy ban nhân dân huyện (b/c); - Các ban, ngành, "
            "đoàn thể xã (t/h); - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn B")
    leads = {lead for _, lead in _pairs(text)}
    assert leads == {"Công chức Văn hóa - Xã hội", "Trường Tiểu học Sông Xanh"}


# ---- a numbered heading ending with a full stop that names no bodies ----------------------------------------------

def test_a_heading_naming_a_meeting_or_a_case_is_no_list_of_bodies() -> None:
    text = _HEAD + ("II. NHIỆM VỤ 1. Hội nghị sơ kết giữa kỳ. Tổ chức vào tháng 6 năm 2025 tại hội trường Ủy ban nhân "
                    "dân huyện. 2. Trường hợp phát sinh ngộ độc thực phẩm. Triển khai ngay các biện pháp cấp cứu, điều "
                    "tra nguyên nhân. 3. Phòng Nội vụ theo dõi công tác thi đua, khen thưởng." + _TAIL)
    lines = _lines(text)
    assert "1. Hội nghị sơ kết giữa kỳ. Tổ chức vào tháng 6 năm 2025 tại hội trường Ủy ban nhân dân huyện." in lines
    assert any(x.startswith("2. Trường hợp phát sinh ngộ độc thực phẩm. Triển khai") for x in lines)


def test_a_run_on_plan_read_sentence_by_sentence_starts_after_its_preambles_formula() -> None:
    tasks = ("Xây dựng chương trình ngày hội, hoàn thành trước ngày 15/4/2025. Tổ chức cho học sinh tham gia các hoạt "
             "động đọc sách và giới thiệu sách mới cho phụ huynh. Phát động cuộc thi kể chuyện theo sách trong tháng 4 "
             "năm 2025. ")
    text = ("ỦY BAN NHÂN DÂN XÃ SÔNG XANH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 12/KH-UBND "
            "Sông Xanh, ngày 3 tháng 3 năm 2025 KẾ HOẠCH Tổ chức Ngày hội đọc sách năm 2025 Thực hiện Kế hoạch số "
            "5/KH-UBND ngày 2/1/2025 của Ủy ban nhân dân huyện về phát triển văn hóa đọc. Ủy ban nhân dân xã ban hành "
            "kế hoạch như sau: " + tasks * 4 + "Văn phòng Ủy ban nhân dân xã chủ trì tổng hợp kết quả. Nơi nhận: - Ủy "
            "ban nhân dân huyện (b/c); - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn B")
    assert {lead for _, lead in _pairs(text)} == {"Văn phòng Ủy ban nhân dân xã"}  # not the issuer of the preamble
