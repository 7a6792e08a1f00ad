"""Refs and entry counts in numbering and layout schemes the parser misread (benchmarks/probe_refs.py found them):
sections numbered 'Mục 1.' / 'Mục I.', 'I/' and '1/'; '**1.**' bold numbers in a text file; an activity's labels run
into its title line ('Hoạt động 1. ... . Đơn vị chủ trì: X'); an annex caption 'Phụ lục 1' straight under the signature;
body headings without numbers ('Sở X:' / 'Sở X có trách nhiệm:' and their bullets); paragraphs under a heading each
naming their own body; a body heading's intro line ('Là cơ quan thường trực, có trách nhiệm:') over its bullets.

Made up in the genre (a province's digital transformation plan), not copied from any plan; the expected (ref, lead)
pairs and entry counts follow ../shared/seeds/gold/README.md and were written before the parser was run."""

from __future__ import annotations

from collections import Counter

import pytest

from dondoc.plans import parse_text

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\nSố: 88/KH-UBND\nNinh Thuận, ngày 05 tháng 02 năm 2025\nKẾ HOẠCH\n"
        "Chuyển đổi số tỉnh Ninh Thuận năm 2025\n"
        "Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương trình "
        "Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030; Nghị quyết số 57-NQ/TW của Bộ Chính trị;\n"
        "Căn cứ Kế hoạch số 12/KH-BCĐ ngày 10 tháng 01 năm 2025 của Ban Chỉ đạo tỉnh về chuyển đổi số, Ủy ban nhân "
        "dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2025 trên địa bàn tỉnh với các nội dung sau:\n")
AIMS = ("I. MỤC ĐÍCH, YÊU CẦU\nĐẩy mạnh chuyển đổi số trong các cơ quan nhà nước, phát triển kinh tế số, xã hội số; "
        "nâng cao chất lượng phục vụ người dân, doanh nghiệp; bảo đảm an toàn thông tin mạng trong quá trình chuyển đổi.\n")
FOOT = ("Nơi nhận:\n- Bộ Khoa học và Công nghệ (b/c);\n- TT Tỉnh ủy (b/c);\n- Các sở, ngành;\n- Lưu: VT.\n"
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Quốc Nam\n")


def _entries(body: str, *, foot: bool = True, source: str = "x.txt") -> Counter[tuple[str, tuple[str, ...]]]:
    plan = parse_text(HEAD + body + (FOOT if foot and FOOT not in body else ""), source=source)
    return Counter((a["ref"], tuple(a["lead"])) for a in plan["assignments"])


def test_muc_numbered_items() -> None:
    got = _entries(AIMS + "II. NHIỆM VỤ\nMục 1. Chính quyền số\n"
                   "Sở Khoa học và Công nghệ chủ trì nâng cấp nền tảng tích hợp, chia sẻ dữ liệu của tỉnh.\n"
                   "Mục 2. Kinh tế số\nSở Công Thương chủ trì hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số.\n")
    assert got == Counter({("II.1", ("Sở Khoa học và Công nghệ",)): 1, ("II.2", ("Sở Công Thương",)): 1})


def test_muc_roman_sections() -> None:
    got = _entries("Mục I. MỤC ĐÍCH\nĐẩy mạnh chuyển đổi số trong các cơ quan nhà nước, phát triển kinh tế số, xã hội "
                   "số; nâng cao chất lượng phục vụ người dân, doanh nghiệp trên địa bàn tỉnh.\nMục II. NHIỆM VỤ\n"
                   "1. Sở Khoa học và Công nghệ chủ trì nâng cấp nền tảng tích hợp, chia sẻ dữ liệu của tỉnh.\n"
                   "2. Sở Nội vụ triển khai số hóa hồ sơ cán bộ, công chức.\n")
    assert got == Counter({("II.1", ("Sở Khoa học và Công nghệ",)): 1, ("II.2", ("Sở Nội vụ",)): 1})


def test_slash_numbering() -> None:
    got = _entries("I/ MỤC ĐÍCH\nĐẩy mạnh chuyển đổi số trong các cơ quan nhà nước, phát triển kinh tế số, xã hội số; "
                   "nâng cao chất lượng phục vụ người dân, doanh nghiệp trên địa bàn tỉnh.\nII/ TỔ CHỨC THỰC HIỆN\n"
                   "1/ Sở Khoa học và Công nghệ chủ trì nâng cấp nền tảng tích hợp, chia sẻ dữ liệu của tỉnh.\n"
                   "2/ Sở Nội vụ triển khai số hóa hồ sơ cán bộ, công chức.\n")
    assert got == Counter({("II.1", ("Sở Khoa học và Công nghệ",)): 1, ("II.2", ("Sở Nội vụ",)): 1})


def test_bold_numbers_in_a_text_file() -> None:
    got = _entries(AIMS + "II. TỔ CHỨC THỰC HIỆN\n**1.** Sở Khoa học và Công nghệ chủ trì nâng cấp nền tảng tích hợp, "
                   "chia sẻ dữ liệu.\n**2.** Sở Nội vụ triển khai số hóa hồ sơ cán bộ, công chức.\n")
    assert got == Counter({("II.1", ("Sở Khoa học và Công nghệ",)): 1, ("II.2", ("Sở Nội vụ",)): 1})


@pytest.mark.parametrize("word", ["Hoạt động", "Nhiệm vụ"])
def test_activity_labels_on_its_title_line(word: str) -> None:
    got = _entries(AIMS + f"II. NHIỆM VỤ\n1. Phát triển hạ tầng số\n{word} 1. Phủ sóng di động 4G, 5G tại các thôn "
                   "vùng sâu. Đơn vị chủ trì: Sở Khoa học và Công nghệ; thời gian: Quý III/2025.\n"
                   f"{word} 2. Cấp chữ ký số cho người dân. Cơ quan chủ trì: Công an tỉnh; thời gian: Năm 2025.\n")
    assert got == Counter({("II.1.1", ("Sở Khoa học và Công nghệ",)): 1, ("II.1.2", ("Công an tỉnh",)): 1})


def test_numbered_item_labels_on_its_line() -> None:
    got = _entries(AIMS + "II. NHIỆM VỤ\n1. Phủ sóng di động 4G, 5G tại các thôn vùng sâu. Cơ quan chủ trì: Sở Khoa "
                   "học và Công nghệ. Thời gian: Quý III/2025.\n")
    assert got == Counter({("II.1", ("Sở Khoa học và Công nghệ",)): 1})


def test_annex_caption_under_the_signature() -> None:
    table = ("| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n")
    got = _entries(AIMS + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ theo dõi, đôn đốc thực hiện Kế hoạch.\n"
                   + FOOT + "Phụ lục 1\nDANH MỤC NHIỆM VỤ HẠ TẦNG SỐ\n" + table
                   + "| 1 | Phủ sóng 5G | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông | Năm 2025 |\n"
                   + "Phụ lục 2\nDANH MỤC NHIỆM VỤ DỮ LIỆU\n" + table
                   + "| 1 | Số hóa hồ sơ cán bộ | Sở Nội vụ | | Quý IV/2025 |\n")
    assert got == Counter({("II.1", ("Sở Khoa học và Công nghệ",)): 1, ("PL1.1", ("Sở Khoa học và Công nghệ",)): 1,
                           ("PL2.1", ("Sở Nội vụ",)): 1})


@pytest.mark.parametrize("source", ["x.txt", "x.md"])
def test_unnumbered_body_headings_under_a_section(source: str) -> None:
    body = (AIMS + "II. TỔ CHỨC THỰC HIỆN\nSở Khoa học và Công nghệ:\n- Nâng cấp nền tảng tích hợp, chia sẻ dữ liệu.\n"
            "- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\nSở Nội vụ:\n- Triển khai số hóa hồ sơ cán bộ, công chức.\n")
    got = _entries(body.replace("\n", "\n\n") if source.endswith(".md") else body, source=source)
    assert got == Counter({("II", ("Sở Khoa học và Công nghệ",)): 2, ("II", ("Sở Nội vụ",)): 1})


def test_unnumbered_body_headings_under_a_collective_heading() -> None:
    got = _entries(AIMS + "II. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành\nSở Khoa học và Công nghệ:\n"
                   "- Nâng cấp nền tảng tích hợp, chia sẻ dữ liệu.\n- Hướng dẫn bảo đảm an toàn thông tin mạng.\n"
                   "Sở Nội vụ:\n- Triển khai số hóa hồ sơ cán bộ, công chức.\n2. Ủy ban nhân dân các xã, phường\n"
                   "- Triển khai nền tảng số cấp xã.\n")
    assert got == Counter({("II.1", ("Sở Khoa học và Công nghệ",)): 2, ("II.1", ("Sở Nội vụ",)): 1,
                           ("II.2", ("Ủy ban nhân dân các xã, phường",)): 1})


def test_unnumbered_intro_with_duty_words() -> None:
    got = _entries(AIMS + "II. TỔ CHỨC THỰC HIỆN\nSở Nội vụ có trách nhiệm:\n- Triển khai số hóa hồ sơ cán bộ, công chức.\n"
                   "- Hướng dẫn đánh giá mức độ chuyển đổi số của cơ quan nhà nước.\n")
    assert got == Counter({("II", ("Sở Nội vụ",)): 2})


def test_paragraphs_each_naming_their_body_keep_the_item_ref() -> None:
    got = _entries(AIMS + "II. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của các sở, ngành\n"
                   "Sở Khoa học và Công nghệ nâng cấp nền tảng tích hợp, chia sẻ dữ liệu.\n"
                   "Sở Nội vụ triển khai số hóa hồ sơ cán bộ, công chức.\nCông an tỉnh cấp tài khoản định danh điện tử cho người dân.\n")
    assert got == Counter({("II.1", ("Sở Khoa học và Công nghệ",)): 1, ("II.1", ("Sở Nội vụ",)): 1,
                           ("II.1", ("Công an tỉnh",)): 1})


def test_closing_paragraph_after_a_heading_bodys_duties_still_closes() -> None:
    # (the rule the case above must not break: a body heading's duties, then the section's closing words)
    got = _entries(AIMS + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ\n- Nâng cấp nền tảng tích hợp dữ liệu.\n"
                   "2. Sở Nội vụ\n- Triển khai số hóa hồ sơ cán bộ, công chức.\n"
                   "Các sở, ngành, địa phương căn cứ nhiệm vụ được giao xây dựng kế hoạch của đơn vị mình.\n")
    assert got[("II.1", ("Sở Khoa học và Công nghệ",))] == 1
    assert got[("II.2", ("Sở Nội vụ",))] == 1
    assert sum(got.values()) == 3


@pytest.mark.parametrize("intro", ["Là cơ quan thường trực, có trách nhiệm:", "Có trách nhiệm thực hiện các nhiệm vụ sau:",
                                   "Thực hiện các nhiệm vụ cụ thể sau:"])
def test_a_body_headings_intro_line_is_no_task(intro: str) -> None:
    got = _entries(AIMS + f"II. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ\n{intro}\n"
                   "- Nâng cấp nền tảng tích hợp, chia sẻ dữ liệu.\n- Tổng hợp, báo cáo kết quả thực hiện.\n")
    assert got == Counter({("II.1", ("Sở Khoa học và Công nghệ",)): 2})


def test_the_issuers_asking_line_is_no_entry() -> None:
    # (paragraphs apart by blank lines: 'Ủy ban nhân dân tỉnh yêu cầu:' stands alone over the bodies it asks)
    got = _entries("Thực hiện Kế hoạch số 12/KH-BCĐ của Ban Chỉ đạo tỉnh về chuyển đổi số năm 2025.\n\n"
                   "Ủy ban nhân dân tỉnh yêu cầu:\n\n- Sở Khoa học và Công nghệ nâng cấp nền tảng tích hợp, chia sẻ dữ "
                   "liệu.\n\n- Sở Nội vụ triển khai số hóa hồ sơ cán bộ, công chức.\n\n")
    assert got == Counter({("", ("Sở Khoa học và Công nghệ",)): 1, ("", ("Sở Nội vụ",)): 1})


def test_a_body_heading_under_a_full_wrapped_line_starts_a_paragraph() -> None:
    # (a PDF's lines, 70-80 characters: the bullet before the heading fills its line and ends a sentence)
    got = _entries(AIMS + "II. TỔ CHỨC THỰC HIỆN\nSở Khoa học và Công nghệ:\n"
                   "- Nâng cấp nền tảng tích hợp, chia sẻ dữ liệu của tỉnh, kết nối với nền tảng\n"
                   "quốc gia, bảo đảm an toàn thông tin mạng theo cấp độ đã được phê duyệt.\n"
                   "- Hướng dẫn các cơ quan, đơn vị rà soát, đánh giá mức độ an toàn của các hệ thống thông\n"
                   "tin, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n"
                   "Sở Nội vụ:\n- Triển khai số hóa hồ sơ cán bộ, công chức của các cơ quan hành chính\n"
                   "nhà nước trên địa bàn tỉnh, hoàn thành trong năm 2025.\n")
    assert got == Counter({("II", ("Sở Khoa học và Công nghệ",)): 2, ("II", ("Sở Nội vụ",)): 1})


def test_blocks_a_short_colon_line_after_a_full_line_is_a_paragraph_of_its_own() -> None:
    from dondoc.plans.blocks import build_blocks

    text = ("Ủy ban nhân dân tỉnh giao các cơ quan, đơn vị thực hiện các nhiệm vụ trọng tâm sau đây\n"
            "trong năm 2025, bảo đảm đúng tiến độ và chất lượng theo yêu cầu của Trung ương.\n"
            "Sở Nội vụ có trách nhiệm:\n"
            "- Triển khai số hóa hồ sơ cán bộ, công chức của các cơ quan hành chính nhà nước\n"
            "trên địa bàn tỉnh; hoàn thành việc cập nhật dữ liệu vào hệ thống quốc gia.\n")
    texts = [b.text for b in build_blocks(text)]
    assert "Sở Nội vụ có trách nhiệm:" in texts
