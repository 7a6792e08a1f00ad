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
