"""Assignments in the composed plans' genre (cassign): who leads, who is only required or directed.

Made-up texts in the genre, each with a counter-example. The conventions are the gold README's
(shared/seeds/gold/README.md) and the gold notes: a requirement of the Mục đích, yêu cầu section ('X phải chịu trách
nhiệm ...', 'X phải gương mẫu ...') is no task; 'X chỉ đạo Y ...' is X's duty unless X is the issuer handing work down;
a heading's collective ('... và các tổ chức thành viên') gives way to the members its paragraph names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dondoc.plans import parse_text

PROVINCE = (
    "ỦY BAN NHÂN DÂN TỈNH SÔNG XANH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 88/KH-UBND\nSông Xanh, ngày 15 tháng 3 năm 2025\nKẾ HOẠCH\n"
    "Phòng, chống tác hại của rượu, bia trên địa bàn tỉnh năm 2025\n"
)
DISTRICT = (
    "ỦY BAN NHÂN DÂN HUYỆN ĐỒI CAO\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 41/KH-UBND\nĐồi Cao, ngày 20 tháng 4 năm 2021\nKẾ HOẠCH\n"
    "Giám sát thực hiện Chương trình xây dựng nông thôn mới năm 2021\n"
)
FRONT = (
    "ỦY BAN MTTQ VIỆT NAM HUYỆN ĐỒI CAO\nBAN THƯỜNG TRỰC\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 17/KH-MTTQ-BTT\nĐồi Cao, ngày 20 tháng 4 năm 2021\nKẾ HOẠCH\n"
    "Giám sát thực hiện Chương trình xây dựng nông thôn mới năm 2021\n"
)


def _parse(text: str, year: int = 2025) -> dict[str, Any]:
    return parse_text(text, source="probe.txt", year=year)


def _leads(text: str, year: int = 2025) -> list[tuple[str, list[str], str]]:
    return [(a["ref"], a["lead"], a["mode"]) for a in _parse(text, year)["assignments"]]


# --- a requirement of the Mục đích, yêu cầu section is no task ------------------------------------------------------

AIMS_ACCOUNTABLE = (
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức của Nhân dân về tác hại của rượu, bia.\n2. Yêu cầu\n"
    "- Việc triển khai phải đồng bộ, thống nhất từ tỉnh đến cơ sở.\n"
    "- Giám đốc các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện, thị xã phải chịu trách nhiệm trước Chủ tịch "
    "Ủy ban nhân dân tỉnh nếu để xảy ra tình trạng vi phạm kéo dài trên địa bàn, lĩnh vực mình quản lý.\n"
    "- Cán bộ, công chức, viên chức và người lao động phải gương mẫu chấp hành quy định không sử dụng rượu, bia "
    "trong giờ làm việc.\n"
    "II. NHIỆM VỤ\n1. Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra việc thực hiện quy định.\n"
)


def test_accountability_and_conduct_in_the_requirements_are_no_tasks() -> None:
    got = _leads(PROVINCE + AIMS_ACCOUNTABLE)
    assert [x for x in got if x[0].startswith("I") and not x[0].startswith("II")] == []
    assert ("II.1", ["Sở Y tế"], "assign") in got


def test_a_named_body_with_a_concrete_task_in_the_requirements_still_counts() -> None:
    # (gold 36's convention: 'Thủ trưởng các sở ... phổ biến, quán triệt ...' in Yêu cầu carries a task)
    text = AIMS_ACCOUNTABLE.replace(
        "- Cán bộ, công chức,",
        "- Thủ trưởng các sở, ban, ngành phổ biến, quán triệt nội dung Kế hoạch đến từng cán bộ, công chức.\n- Cán bộ, công chức,",
    )
    got = _leads(PROVINCE + text)
    assert ("I.2", ["Thủ trưởng các sở, ban, ngành"], "assign") in got
    assert len([x for x in got if x[0] == "I.2"]) == 1


def test_an_accountability_clause_outside_the_requirements_counts() -> None:
    # (gold 12's convention: 'Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm ... nếu để xảy ra ...' in the tasks)
    text = PROVINCE + (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức.\nII. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Y tế chủ trì kiểm tra việc thực hiện quy định.\n"
        "2. Chủ tịch Ủy ban nhân dân các huyện, thị xã phải chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh nếu để "
        "xảy ra vi phạm kéo dài trên địa bàn.\n"
    )
    assert ("II.2", ["Chủ tịch Ủy ban nhân dân các huyện, thị xã"], "assign") in _leads(text)


# --- 'X chỉ đạo Y ...': X's own duty, unless X is the issuer handing work down ---------------------------------------

SUPERVISION = (
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nPhát huy vai trò giám sát của Nhân dân.\nII. NỘI DUNG\n"
    "1. Phối hợp giám sát\n"
    "a) Ban Thường trực Ủy ban MTTQ Việt Nam huyện chủ trì, phối hợp với các tổ chức chính trị - xã hội huyện giám "
    "sát việc sử dụng vốn đóng góp của Nhân dân.\n"
    "b) Ủy ban nhân dân huyện chỉ đạo các phòng, ban chuyên môn, Ủy ban nhân dân các xã cung cấp đầy đủ thông tin, "
    "tài liệu phục vụ giám sát; tiếp thu, giải trình kiến nghị sau giám sát.\n"
)


def test_a_committee_directing_in_another_body_s_plan_leads() -> None:
    # (the Front's plan: the district committee's part is its own, as 'Bộ Chỉ huy Quân sự tỉnh chỉ đạo lực lượng ...')
    got = _leads(FRONT + SUPERVISION, 2021)
    assert ("II.1.b", ["Ủy ban nhân dân huyện"], "assign") in got
    assert ("II.1.a", ["Ban Thường trực Ủy ban MTTQ Việt Nam huyện"], "assign") in got


def test_the_issuer_directing_its_own_departments_hands_the_work_down() -> None:
    got = _leads(DISTRICT + SUPERVISION, 2021)
    assert ("II.1.b", ["các phòng, ban chuyên môn", "Ủy ban nhân dân các xã"], "assign") in got


# --- a heading's collective gives way to the members its paragraph names --------------------------------------------

FRONT_HEADING = (
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nBảo vệ trẻ em trước mọi hình thức bạo lực.\nII. TỔ CHỨC THỰC HIỆN\n"
    "1. Sở Y tế\nChủ trì tổ chức khám sàng lọc cho trẻ em; thời gian thực hiện trong Quý III/2025.\n"
    "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức thành viên\n"
)


def test_a_paragraph_naming_the_front_s_members_gives_them_their_part() -> None:
    text = (
        PROVINCE
        + FRONT_HEADING
        + (
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Tỉnh đoàn, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh phối "
            "hợp tuyên truyền, vận động hội viên, đoàn viên và Nhân dân tham gia bảo vệ trẻ em.\n"
        )
    )
    got = _leads(text)
    want = ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh"]
    assert ("II.2", want, "request") in got


def test_a_paragraph_naming_the_heading_s_body_alone_keeps_the_heading() -> None:
    text = (
        PROVINCE
        + FRONT_HEADING
        + (
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chỉ đạo các tổ chức thành viên tuyên truyền, vận động hội "
            "viên, đoàn viên tham gia bảo vệ trẻ em.\n"
        )
    )
    got = _leads(text)
    assert ("II.2", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "request") in got


# --- the closing paragraph: 'nếu có khó khăn, vướng mắc, các sở, ngành ... phản ánh về Sở X' -------------------------


def test_the_closing_paragraph_s_bodies_report_difficulties() -> None:
    text = (
        PROVINCE
        + FRONT_HEADING
        + (
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên truyền, vận động Nhân dân tham gia bảo vệ trẻ em.\n"
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành, địa phương phản ánh về Sở Y tế để tổng "
            "hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, giải quyết./.\n"
        )
    )
    assert ("II", ["các sở, ngành, địa phương"], "assign") in _leads(text)


def test_a_closing_paragraph_naming_no_body_gives_no_entry() -> None:
    text = (
        PROVINCE
        + FRONT_HEADING
        + (
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên truyền, vận động Nhân dân tham gia bảo vệ trẻ em.\n"
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh về Sở Y tế để tổng hợp, báo cáo Ủy "
            "ban nhân dân tỉnh xem xét, giải quyết./.\n"
        )
    )
    assert [x for x in _leads(text) if x[0] == "II"] == []


# the closing's variants (the convention of shared/seeds/gold/README.md: the bodies a plan's closing tells to report
# difficulties have a task, with the ref of the section; 'đề nghị' makes it a request)
LAST_SECTION = (
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nBảo vệ trẻ em trước mọi hình thức bạo lực.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Sở Y tế\n\nChủ trì tổ chức khám sàng lọc cho trẻ em; thời gian thực hiện trong Quý III/2025.\n\n"
    "2. Sở Tài chính\n\nBố trí kinh phí thực hiện Kế hoạch theo quy định.\n\n"
)


def _closing(closing: str, section: str = LAST_SECTION) -> list[tuple[str, list[str], str]]:
    return [x for x in _leads(PROVINCE + section + closing) if x[0] == "II"]


def test_the_closing_after_the_plan_s_summary_in_one_paragraph() -> None:
    closing = (
        "Trên đây là Kế hoạch phòng, chống bạo lực trẻ em năm 2025 của tỉnh. Trong quá trình tổ chức thực hiện nếu "
        "có khó khăn, vướng mắc, các cơ quan, đơn vị và địa phương phản ánh về Sở Y tế tổng hợp, báo cáo Ủy ban nhân "
        "dân tỉnh xem xét, chỉ đạo kịp thời./.\n"
    )
    assert _closing(closing) == [("II", ["các cơ quan, đơn vị và địa phương"], "assign")]


def test_the_closing_that_asks_with_de_nghi_is_a_request() -> None:
    closing = (
        "Trong quá trình thực hiện nếu có khó khăn, vướng mắc đề nghị các sở, ngành, địa phương phản ánh về Sở Y tế "
        "để phối hợp giải quyết./.\n"
    )
    assert _closing(closing) == [("II", ["các sở, ngành, địa phương"], "request")]


def test_the_closing_that_requires_with_yeu_cau() -> None:
    closing = (
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, yêu cầu các sở, ngành, địa phương kịp thời phản ánh "
        "về Sở Y tế để tổng hợp, báo cáo Ủy ban nhân dân tỉnh./.\n"
    )
    assert [(ref, lead) for ref, lead, _ in _closing(closing)] == [("II", ["các sở, ngành, địa phương"])]


def test_the_closing_wrapped_over_lines() -> None:
    closing = (
        "Trong quá trình thực hiện nếu\ncó khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương phản\nánh về Sở Y tế "
        "để tổng hợp, báo cáo Ủy ban nhân dân\ntỉnh xem xét, quyết định./.\n"
    )
    assert _closing(closing) == [("II", ["các cơ quan, đơn vị, địa phương"], "assign")]


def test_the_closing_after_the_last_item_s_topic_heading_is_the_section_s() -> None:
    section = LAST_SECTION + (
        "3. Chế độ báo cáo\n\nCác sở, ngành, địa phương báo cáo kết quả thực hiện về Sở Y tế trước ngày 15/12 hằng năm.\n\n"
    )
    closing = (
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành, địa phương phản ánh về Sở Y tế để tổng "
        "hợp, báo cáo Ủy ban nhân dân tỉnh./.\n"
    )
    assert _closing(closing, section) == [("II", ["các sở, ngành, địa phương"], "assign")]


def test_the_closing_at_the_end_of_the_last_item_s_paragraph() -> None:
    # (a text file's lines joined into the last item's paragraph: the closing sentence is still the section's)
    closing = "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Y tế để tổng hợp./.\n"
    got = _leads(PROVINCE + LAST_SECTION.rstrip("\n") + "\n" + closing)
    assert ("II", ["các cơ quan, đơn vị"], "assign") in got
    assert ("II.2", ["Sở Tài chính"], "assign") in got


def test_a_closing_naming_no_body_at_the_end_of_an_item_gives_no_entry() -> None:
    closing = "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh về Sở Y tế để tổng hợp./.\n"
    got = _leads(PROVINCE + LAST_SECTION.rstrip("\n") + "\n" + closing)
    assert [x for x in got if x[0] == "II"] == []
    assert ("II.2", ["Sở Tài chính"], "assign") in got


def test_a_closing_s_bare_cac_don_vi_stands_for_the_bodies_just_named() -> None:
    closing = (
        "Các sở, ngành; Ủy ban nhân dân các huyện tổ chức triển khai, thực hiện. Trong quá trình triển khai, thực hiện "
        "nếu có khó khăn, vướng mắc đề nghị các đơn vị phản ánh về Ủy ban nhân dân tỉnh để xem xét./.\n"
    )
    for section in (
        LAST_SECTION,
        LAST_SECTION.replace("2. Sở Tài chính\n\nBố trí", "2. Kinh phí\n\nSở Tài chính bố trí"),
    ):
        got = _leads(PROVINCE + section + closing)
        assert not [x for x in got if "các đơn vị" in x[1]]


def test_phan_anh_as_a_noun_names_no_one_reporting() -> None:
    closing = (
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phản ánh, kiến nghị của người dân được gửi về Sở "
        "Y tế để tổng hợp./.\n"
    )
    assert _closing(closing) == []
    section = LAST_SECTION + (
        "3. Sở Y tế\n\nTiếp nhận phản ánh, kiến nghị của các cơ quan, đơn vị và địa phương về khó khăn, vướng mắc "
        "trong quá trình thực hiện.\n"
    )
    assert [x for x in _leads(PROVINCE + section) if x[0].startswith("II.3")] == [("II.3", ["Sở Y tế"], "assign")]


# --- a Word table's lead cell naming two bodies on two lines ----------------------------------------------------------


def _annex_docx(path: Path, leads: list[list[str]], *, breaks: bool) -> Path:
    """A provincial plan whose annex is a Word table; each lead cell's lines are line breaks (w:br) of one paragraph,
    or paragraphs of their own."""
    import docx

    doc = docx.Document()
    for line in PROVINCE.splitlines():
        doc.add_paragraph(line)
    for line in [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "Hỗ trợ doanh nghiệp nhỏ và vừa.",
        "II. NHIỆM VỤ",
        "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.",
        "PHỤ LỤC",
        "DANH MỤC NHIỆM VỤ",
    ]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(leads) + 1, cols=5)
    for c, v in enumerate(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]):
        table.cell(0, c).text = v
    for r, lines in enumerate(leads, 1):
        table.cell(r, 0).text = str(r)
        table.cell(r, 1).text = f"Nhiệm vụ số {r} hỗ trợ doanh nghiệp"
        cell = table.cell(r, 2)
        if breaks:
            run = cell.paragraphs[0].add_run(lines[0])
            for more in lines[1:]:
                run.add_break()
                run = cell.paragraphs[0].add_run(more)
        else:
            cell.paragraphs[0].add_run(lines[0])
            for more in lines[1:]:
                cell.add_paragraph(more)
        table.cell(r, 3).text = "Sở Tài chính"
        table.cell(r, 4).text = "Năm 2025"
    doc.save(str(path))
    return path


CELLS = [
    ["Sở Nội vụ", "Sở Giáo dục và Đào tạo"],  # two bodies, one a line
    ["Công an tỉnh", "Sở Công Thương"],
    ["Sở Khoa học và", "Công nghệ"],  # one name wrapped
    ["Ủy ban nhân dân các", "xã, phường"],
    ["Sở Xây dựng"],
]
WANT = [
    ["Sở Nội vụ", "Sở Giáo dục và Đào tạo"],
    ["Công an tỉnh", "Sở Công Thương"],
    ["Sở Khoa học và Công nghệ"],
    ["Ủy ban nhân dân các xã, phường"],
    ["Sở Xây dựng"],
]


def test_a_line_break_in_a_word_cell_parts_two_bodies(tmp_path: Path) -> None:
    from dondoc.plans import parse_path

    got = parse_path(_annex_docx(tmp_path / "br.docx", CELLS, breaks=True))["assignments"]
    assert [a["lead"] for a in got] == WANT


def test_two_paragraphs_of_a_word_cell_part_two_bodies(tmp_path: Path) -> None:
    from dondoc.plans import parse_path

    got = parse_path(_annex_docx(tmp_path / "par.docx", CELLS, breaks=False))["assignments"]
    assert [a["lead"] for a in got] == WANT


def test_a_line_break_in_a_word_paragraph_is_a_space(tmp_path: Path) -> None:
    import docx

    from dondoc.plans.blocks import Paragraph
    from dondoc.plans.readers import read_docx

    doc = docx.Document()
    run = doc.add_paragraph().add_run("Sở Y tế chủ trì,")
    run.add_break()
    doc.paragraphs[0].add_run("phối hợp với Sở Tài chính.")
    doc.save(str(tmp_path / "p.docx"))
    assert [b.text for b in read_docx(tmp_path / "p.docx") if isinstance(b, Paragraph)] == [
        "Sở Y tế chủ trì, phối hợp với Sở Tài chính."
    ]


# --- 'Kết quả ... do X tổng hợp, báo cáo ...': the body after 'do' leads ---------------------------------------------

REPORTING = (
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nBảo vệ trẻ em.\nII. CHẾ ĐỘ BÁO CÁO\n"
    "Các phòng, đơn vị báo cáo kết quả thực hiện trước ngày 05/12 hằng năm, gửi về Ủy ban nhân dân tỉnh.\n\n"
)


def test_results_compiled_by_a_body_after_do_are_its_task() -> None:
    text = (
        PROVINCE
        + REPORTING
        + ("Kết quả Tháng hành động vì trẻ em năm 2025 do Sở Y tế tổng hợp, báo cáo Bộ Y tế trước ngày 10/7/2025.\n")
    )
    assert ("II", ["Sở Y tế"], "assign") in _leads(text)


def test_results_caused_by_a_body_are_no_task() -> None:
    text = PROVINCE + REPORTING + ("Kết quả năm 2024 còn thấp do Sở Y tế chưa bố trí đủ nhân lực cho công tác này.\n")
    assert [x for x in _leads(text) if x[1] == ["Sở Y tế"]] == []


# --- a bracketed pointer to the annex under a body's heading is no task ----------------------------------------------


def test_a_bracketed_pointer_to_the_annex_is_no_task() -> None:
    text = PROVINCE + (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nBảo vệ tài nguyên khoáng sản.\nII. TỔ CHỨC THỰC HIỆN\n"
        "1. Ủy ban nhân dân các huyện, thị xã\n"
        "- Tăng cường kiểm tra hoạt động khai thác khoáng sản trên địa bàn.\n"
        "- Kịp thời xử lý các trường hợp vi phạm.\n"
        "(Các nhiệm vụ cụ thể có Phụ lục kèm theo)\n"
        "2. Sở Công Thương\nChủ trì kiểm tra việc sử dụng vật liệu nổ công nghiệp.\n"
    )
    got = _leads(text)
    assert len([x for x in got if x[0] == "II.1"]) == 2
    assert ("II.2", ["Sở Công Thương"], "assign") in got


def test_a_bracketed_task_under_a_body_s_heading_still_counts() -> None:
    text = PROVINCE + (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nBảo vệ tài nguyên khoáng sản.\nII. TỔ CHỨC THỰC HIỆN\n"
        "1. Ủy ban nhân dân các huyện, thị xã\n"
        "- Tăng cường kiểm tra hoạt động khai thác khoáng sản trên địa bàn.\n"
        "- Kịp thời xử lý các trường hợp vi phạm (báo cáo kết quả về Sở Công Thương trước ngày 15/12/2025).\n"
    )
    assert len([x for x in _leads(text) if x[0] == "II.1"]) == 2
