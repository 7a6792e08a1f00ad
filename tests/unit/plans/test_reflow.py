"""Text that lost its layout: a web page's wrapper before the plan, and pasted text whose line
breaks are gone (headings run into the paragraph before them). Synthetic snippets."""

from __future__ import annotations

from dondoc.plans import parse_text
from dondoc.plans.reflow import lost_breaks, restore_breaks, strip_wrapper

FLAT = (
    "ỦY BAN NHÂN DÂN TỈNH AN BÌNH ------- CỘNG HÒA XÃ HỘI\n  CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
    "--------------- Số: 12/KH-UBND An Bình, ngày 3\n tháng 4 năm 2024 KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT"
    " MẪU Thực hiện Quyết định số 1/QĐ-TTg ngày 1/3/2024, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau: "
    "I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích a) Phổ biến Luật đến cán bộ,\nnhân dân. II. NHIỆM VỤ 1. Tuyên truyền"
    " - Cơ quan chủ trì: Sở Tư pháp - Cơ quan phối hợp: Sở Y tế. - Thời gian thực hiện: Quý II/2024. 2. Rà"
    " soát văn bản a) Sở Nội vụ chủ trì rà soát các quy định về tổ chức bộ máy, hoàn thành trước ngày 30/6/2024."
)


def test_lost_breaks_are_detected_and_restored() -> None:
    assert lost_breaks(FLAT)
    lines = [x for x in restore_breaks(FLAT).split("\n") if x]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in lines
    assert "1. Mục đích" in lines
    assert "- Cơ quan phối hợp: Sở Y tế." in lines
    assert any(x.startswith("An Bình, ngày 3 tháng 4 năm 2024") for x in lines)
    assert "KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT MẪU" in lines


def test_a_normal_plan_is_left_alone() -> None:
    text = "I. MỤC ĐÍCH\n1. Mục đích\nNâng cao nhận thức.\nII. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra.\n"
    assert not lost_breaks(text)


def test_flat_plan_is_parsed_not_refused() -> None:
    plan = parse_text(FLAT, source="flat.txt")
    assert plan["number"] == "12/KH-UBND"
    pairs = {(a["ref"], lead) for a in plan["assignments"] for lead in a["lead"]}
    assert ("II.1", "Sở Tư pháp") in pairs
    assert ("II.2.a", "Sở Nội vụ") in pairs
    assert any("ngắt dòng" in w for w in plan["warnings"])


WRAPPED = (
    "Đăng nhập | Đăng ký\nTrang chủ > Văn bản\nĐang tải văn bản...\n"
    "| Số hiệu: | 12/KH-UBND | Loại văn bản: | Kế hoạch |\n| Nơi ban hành: | Tỉnh An Bình | Người ký: | Nguyễn Văn A |\n"
    "| Ngày ban hành: | 03/04/2024 | Tình trạng: | Đã biết |\n" + "Văn bản liên quan\n" * 20 +
    "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-UBND\nAn Bình, ngày 03 tháng 4 năm 2024\nKẾ HOẠCH\nPhổ biến luật mẫu\n"
    "I. NHIỆM VỤ\n1. Sở Tư pháp chủ trì phổ biến Luật, hoàn thành trong Quý II/2024.\n"
)


def test_web_page_wrapper_is_skipped_and_said() -> None:
    text, note = strip_wrapper(WRAPPED)
    assert text.startswith("ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nCỘNG HÒA")
    assert note and "trang web" in note
    plan = parse_text(WRAPPED, source="web.txt")
    assert plan["number"] == "12/KH-UBND"
    assert plan["issued_on"] == "2024-04-03"
    assert any("trang web" in w for w in plan["warnings"])
    assert {("I.1", "Sở Tư pháp")} <= {(a["ref"], lead) for a in plan["assignments"] for lead in a["lead"]}


def test_dash_numbering_is_read_as_dot_numbering() -> None:
    text = ("UBND TỈNH AN BÌNH\nSố: 5/KH-UBND\nAn Bình, ngày 10 tháng 1 năm 2026\nKẾ HOẠCH\nThử nghiệm\n"
            "I- MỤC ĐÍCH\nNâng cao nhận thức.\nII- NHIỆM VỤ\n1- Sở Y tế chủ trì kiểm tra, hoàn thành trong năm 2026.\n")
    plan = parse_text(text, source="dash.txt")
    assert [(a["ref"], a["lead"], a["timing"]["due"]) for a in plan["assignments"]] == [("II.1", ["Sở Y tế"], "2026-12-31")]
    assert any("'I-'" in w for w in plan["warnings"])


def test_a_plan_without_numbering_is_read_with_a_warning_not_refused() -> None:
    text = ("UBND TỈNH AN BÌNH\nSố: 5/KH-UBND\nAn Bình, ngày 10 tháng 1 năm 2026\nKẾ HOẠCH\nThử nghiệm\n\n"
            "Nâng cao nhận thức.\n\nSở Y tế chủ trì kiểm tra.\n")
    plan = parse_text(text, source="flat.txt")
    assert plan["number"] == "5/KH-UBND"
    assert any("mục đánh số" in w for w in plan["warnings"])


_PAGE = (
    "Thư Viện Pháp Luật Đăng nhập Đăng ký Đang tải văn bản... Số hiệu: 12/KH-UBND Loại văn bản: Kế hoạch "
    "Nơi ban hành: Ủy ban nhân dân tỉnh An Bình Người ký: Trần Văn B Ngày ban hành: 01/01/2020 Tình trạng: Đã biết "
)


def test_markdown_marks_do_not_hide_lost_breaks() -> None:
    """'**I. MỤC ĐÍCH**', '## II.', a table's pipes run into the text: marks that carried the layout
    stand between the numeral and the space before it once the line breaks are gone."""
    marked = FLAT.replace("I. MỤC ĐÍCH, YÊU CẦU", "**I. MỤC ĐÍCH, YÊU CẦU**").replace("II. NHIỆM VỤ", "## **II. NHIỆM VỤ**")
    marked = marked.replace("KẾ HOẠCH TRIỂN KHAI", "| | | KẾ HOẠCH TRIỂN KHAI")
    assert lost_breaks(marked)
    lines = [x.strip() for x in restore_breaks(marked).split("\n") if x.strip()]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in lines and any(x.startswith("II. NHIỆM VỤ") for x in lines)


def test_a_page_wrapper_on_the_same_line_as_the_plan_is_cut_at_the_issuer() -> None:
    """Line breaks lost: the page's metadata and the plan's issuer share a line; the issuer is the run
    of capitals before the motto, and the page's own 'Ngày ban hành' must not date the plan."""
    flat = " ".join((_PAGE + FLAT).split())
    text, note = strip_wrapper(flat)
    assert note and text.startswith("ỦY BAN NHÂN DÂN TỈNH AN BÌNH")
    plan = parse_text(flat, source="web.txt")
    assert plan["issued_on"] == "2024-04-03" and plan["number"] == "12/KH-UBND"


def test_a_page_wrapper_before_a_plan_without_motto_is_cut_at_the_title() -> None:
    body = FLAT[FLAT.index("KẾ HOẠCH") :]
    text, note = strip_wrapper(" ".join((_PAGE + body).split()))
    assert note and text.startswith("KẾ HOẠCH TRIỂN KHAI")


def _lines(text: str) -> list[str]:
    return [x.strip() for x in restore_breaks(text).split("\n") if x.strip()]


_HEAD = ("UBND TỈNH AN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 7/KH-UBND "
         "An Bình, ngày 2 tháng 3 năm 2025 KẾ HOẠCH Thử nghiệm đọc văn bản mất ngắt dòng Để triển khai, Ủy ban ban hành kế hoạch như sau: ")


def test_a_body_headed_duty_is_split_from_its_first_bullet_but_not_a_double_name() -> None:
    lines = _lines(_HEAD + "I. MỤC ĐÍCH Bảo đảm thống nhất. II. TỔ CHỨC THỰC HIỆN 1. Sở Tài chính - Bố trí kinh phí hằng năm."
                   " 2. Phòng Tài chính - Kế hoạch chủ trì thẩm định dự toán. 3. Sở Khoa học và Công nghệ Chủ trì, "
                   "phối hợp triển khai đề án. 4. Ban Tham mưu tổng hợp kết quả.")
    assert "1. Sở Tài chính" in lines and "- Bố trí kinh phí hằng năm." in lines
    assert "2. Phòng Tài chính - Kế hoạch chủ trì thẩm định dự toán." in lines
    assert "3. Sở Khoa học và Công nghệ" in lines and "Chủ trì, phối hợp triển khai đề án." in lines
    assert "4. Ban Tham mưu tổng hợp kết quả." in lines


def test_an_all_capitals_title_is_split_from_the_sentence_run_into_it() -> None:
    lines = _lines(_HEAD + "I. MỤC ĐÍCH Bảo đảm thống nhất. II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU Phấn đấu hoàn thành chỉ tiêu.")
    assert "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU" in lines and "Phấn đấu hoàn thành chỉ tiêu." in lines


def test_a_dash_bullet_after_an_unpunctuated_sentence() -> None:
    lines = _lines(_HEAD + "I. NHIỆM VỤ 1. Tuyên truyền - Tổ chức hội nghị tại xã - Thực hiện việc rà soát hồ sơ"
                   " - Phối hợp với Phòng Văn hóa - Thông tin xây dựng tin bài.")
    assert "- Tổ chức hội nghị tại xã" in lines and "- Thực hiện việc rà soát hồ sơ" in lines
    assert "- Phối hợp với Phòng Văn hóa - Thông tin xây dựng tin bài." in lines


def test_labels_start_a_line_but_not_after_their_own_dash() -> None:
    lines = _lines(_HEAD + "I. NHIỆM VỤ 1. Rà soát văn bản Cơ quan chủ trì: Sở Tư pháp Thời gian hoàn thành: Quý II/2025."
                   " 2. Kiểm tra - Cơ quan phối hợp: Sở Nội vụ.")
    assert "Cơ quan chủ trì: Sở Tư pháp" in lines and "Thời gian hoàn thành: Quý II/2025." in lines
    assert "- Cơ quan phối hợp: Sở Nội vụ." in lines


def test_signature_block_end_mark_and_annex_open_lines() -> None:
    lines = _lines(_HEAD + "I. NHIỆM VỤ 1. Sở Y tế chủ trì kiểm tra, báo cáo kết quả./. Nơi nhận: - Như trên; - Lưu: VT."
                   " TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn B PHỤ LỤC DANH MỤC NHIỆM VỤ")
    assert "1. Sở Y tế chủ trì kiểm tra, báo cáo kết quả./." in lines
    assert any(x.startswith("Nơi nhận:") for x in lines)
    assert "TM. ỦY BAN NHÂN DÂN" in lines and any(x.startswith("KT. CHỦ TỊCH") for x in lines)
    assert "PHỤ LỤC DANH MỤC NHIỆM VỤ" in lines


def test_numbers_inside_sentences_are_not_items() -> None:
    body = ("I. NHIỆM VỤ 1. Sở Tư pháp thực hiện Nghị định số 15/2020/NĐ-CP theo khoản 2 Điều 5, điểm a khoản 1; mức chi "
            "1.000.000 đồng từ ngày 1.1.2025, báo cáo trước ngày 17 tháng 12. Thời gian báo cáo tính theo năm, đạt 95%."
            " Hoàn thành trong Quý IV. Tổ chức sơ kết vào cuối năm.")
    lines = _lines(_HEAD + body)
    assert [x for x in lines if x.startswith("1. Sở Tư pháp")] == [body[len("I. NHIỆM VỤ "):]]


def test_sub_items_without_last_dot_and_italic_marks() -> None:
    lines = _lines(_HEAD + "I. NHIỆM VỤ 1. Nâng cao nhận thức. 1.1 Tuyên truyền sâu rộng đến nhân dân. "
                   "2. Rà soát *ngày 17 tháng 12.* *- Thu thập số liệu.*")
    assert "1.1 Tuyên truyền sâu rộng đến nhân dân." in lines
    assert "2. Rà soát ngày 17 tháng 12." in lines and "- Thu thập số liệu." in lines


def test_the_next_section_and_item_in_sequence_start_a_line() -> None:
    """'IV.' with a title in lower case after a figure, '6.' after a stray page number: the numbering's order
    says they open a section and an item; 'Quý IV.' and a number out of order stay in the sentence."""
    lines = _lines(_HEAD + "I. MỤC TIÊU Bảo đảm. II. NỘI DUNG Tuyên truyền. III. KINH PHÍ Tổng kinh phí 319.753.785 đồng "
                   "IV. Tổ chức thực hiện. 1. Sở Du lịch chủ trì. 2. Sở Công Thương phối hợp quảng bá. Trang 7 7 "
                   "3. Sở Xây dựng thẩm định dự án đến Quý IV. Tổ chức nghiệm thu theo 9. Quy chế.")
    assert "IV. Tổ chức thực hiện." in lines
    assert "2. Sở Công Thương phối hợp quảng bá. Trang 7 7" in lines
    assert "3. Sở Xây dựng thẩm định dự án đến Quý IV. Tổ chức nghiệm thu theo 9. Quy chế." in lines


def test_giao_before_a_body_after_a_heading_but_not_in_a_name() -> None:
    lines = _lines(_HEAD + "I. NHIỆM VỤ 1. Đổi mới dịch vụ xã hội Giao Phòng Nội vụ chủ trì thực hiện. "
                   "2. Sở Giao thông vận tải chủ trì bảo trì đường bộ.")
    assert "1. Đổi mới dịch vụ xã hội" in lines and "Giao Phòng Nội vụ chủ trì thực hiện." in lines
    assert "2. Sở Giao thông vận tải chủ trì bảo trì đường bộ." in lines


def test_a_label_stays_with_the_letter_that_introduces_it() -> None:
    flat = FLAT.replace(
        "2. Rà soát văn bản a) Sở Nội vụ",
        "2. Rà soát văn bản a) Cơ quan chủ trì: Sở Nội vụ. b) Cơ quan phối hợp: Sở Xây dựng. c) Thời gian"
        " thực hiện: Quý III năm 2024. 3. Kiểm tra a) Sở Nội vụ",
    )
    lines = [x for x in restore_breaks(flat).split("\n") if x]
    assert "a) Cơ quan chủ trì: Sở Nội vụ." in lines
    assert "c) Thời gian thực hiện: Quý III năm 2024." in lines
    assert "a)" not in lines


def test_numbering_inside_a_quoted_law_passage_is_not_the_plans() -> None:
    flat = FLAT.replace(
        "2. Rà soát văn bản a) Sở Nội vụ",
        "2. Ban hành văn bản a) Nhiệm vụ tại khoản 3 Điều 9 Luật Mẫu “3. Ủy ban nhân dân cấp tỉnh quy định"
        " các nội dung sau: c) Mức thu phí trông giữ xe;” - Cơ quan chủ trì: Sở Tài chính. b) Sở Nội vụ",
    )
    lines = [x for x in restore_breaks(flat).split("\n") if x]
    assert any(x.startswith("a) Nhiệm vụ tại khoản 3") and x.endswith("trông giữ xe;”") for x in lines)
    assert not any(x.startswith("c) Mức thu") for x in lines)
    assert "- Cơ quan chủ trì: Sở Tài chính." in lines


def test_performing_body_and_form_labels_open_lines_even_cut_off_at_the_end() -> None:
    flat = FLAT.replace(
        "2. Rà soát văn bản a) Sở Nội vụ chủ trì rà soát các quy định về tổ chức bộ máy, hoàn thành trước ngày 30/6/2024.",
        "2. Phát thanh cơ sở Hình thức thực hiện: Xây dựng bản tin. Cơ quan thực hiện: Đài Truyền thanh huyện."
        " Đơn vị phối hợp: Sở Nội vụ. Thời gian thực hiện: Năm 2024. 3. In tài liệu Cơ quan thực hiện: Sở Nội vụ."
        " Cơ quan phối hợp",
    )
    lines = [x for x in restore_breaks(flat).split("\n") if x]
    assert "Hình thức thực hiện: Xây dựng bản tin." in lines
    assert "Cơ quan thực hiện: Đài Truyền thanh huyện." in lines
    assert "Cơ quan thực hiện: Sở Nội vụ." in lines
    assert lines[-1] == "Cơ quan phối hợp"
    leads = {a["ref"]: a["lead"] for a in parse_text(flat, source="x.txt")["assignments"]}
    assert leads.get("II.3") == ["Sở Nội vụ"]


PAREN_PLAN = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH

KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH MẪU

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

(1) Nâng cao ý thức của người dân về vệ sinh đô thị.

II. NHIỆM VỤ VÀ THỜI GIAN THỰC HIỆN

1. Công tác triển khai

(1) Tổ chức hội nghị triển khai chương trình đến các phường, xã và các tổ dân phố trên địa bàn (Văn phòng UBND tỉnh phối hợp với Sở Xây dựng thực hiện).

Thời gian hoàn thành: Tháng 5/2031.

(2) Ban hành bộ tiêu chí khu dân cư sạch đẹp: (1) Tuyến phố xanh; (2) Chợ sạch; (3) Trường học sạch (Sở Xây dựng chủ trì tham mưu).

Thời gian hoàn thành: Tháng 6/2031.

(3) Bổ sung chỉ tiêu vệ sinh đô thị vào kế hoạch năm (Các sở, ngành, UBND cấp huyện).

Thời gian hoàn thành: Tháng 7/2031.
"""


def test_parenthesised_sub_items_with_their_body_at_the_end() -> None:
    got = {(a["ref"], tuple(a["lead"]), (a["timing"] or {}).get("due"))
           for a in parse_text(PAREN_PLAN, source="x.txt", year=2031)["assignments"]}
    assert ("II.1.1", ("Văn phòng UBND tỉnh",), "2031-05-31") in got
    assert ("II.1.2", ("Sở Xây dựng",), "2031-06-30") in got
    assert any(r == "II.1.3" and d == "2031-07-31" for r, _, d in got)
    assert all(r.startswith("II.1.") and r.count(".") == 2 for r, _, _ in got)  # not I.1.1, nor the criteria (1)-(3)


def test_parenthesised_sub_items_pasted_flat() -> None:
    flat = " ".join(PAREN_PLAN.split())
    assert lost_breaks(flat)
    refs = {a["ref"] for a in parse_text(flat, source="x.txt", year=2031)["assignments"]}
    assert {"II.1.1", "II.1.2", "II.1.3"} <= refs
