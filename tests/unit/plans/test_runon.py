"""Plans pasted as one run of text: where their structure shows without line breaks, and the plan that
numbers nothing (read sentence by sentence, never refused). Synthetic snippets."""

from __future__ import annotations

import pytest

from dondoc.errors import PlanReadError
from dondoc.plans import parse_text
from dondoc.plans.reflow import lost_breaks, restore_breaks, strip_wrapper
from dondoc.plans.runon import RUNON

_HEAD = ("UBND HUYỆN SÔNG XANH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 9/KH-UBND "
         "Sông Xanh, ngày 5 tháng 2 năm 2025 KẾ HOẠCH THỬ NGHIỆM ĐỌC VĂN BẢN DÁN Để triển khai, Ủy ban nhân dân huyện "
         "ban hành kế hoạch như sau: ")


def _lines(text: str) -> list[str]:
    return [x.strip() for x in restore_breaks(text).split("\n") if x.strip()]


def _pairs(plan: dict) -> set[tuple[str, str]]:
    return {(a["ref"], lead) for a in plan["assignments"] for lead in a["lead"]}


def test_a_run_without_roman_sections_is_still_reflowed_on_its_items() -> None:
    text = (_HEAD + "1. Phòng Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ, hoàn thành trong Quý II/2025. "
            "2. Phòng Giáo dục và Đào tạo chủ trì tổ chức tuyên truyền trong trường học. ") * 4
    assert lost_breaks(text)  # no 'I.' anywhere: a run of 1., 2. is enough when there is hardly a line break
    lines = _lines(text)
    assert any(x.startswith("2. Phòng Giáo dục và Đào tạo chủ trì") for x in lines)


def test_a_resolutions_articles_end_its_header_and_open_lines() -> None:
    text = ("NGHỊ QUYẾT Ban hành Kế hoạch thử nghiệm HỘI ĐỒNG NHÂN DÂN HUYỆN SÔNG XANH Căn cứ Luật Tổ chức chính "
            "quyền địa phương; QUYẾT NGHỊ: Điều 1. Ban hành kèm theo Nghị quyết này Kế hoạch thử nghiệm. Điều 2. "
            "1. Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết này. 2. Thường trực Hội đồng nhân dân huyện giám "
            "sát việc thực hiện. ") + "Nghị quyết có hiệu lực từ ngày ký. " * 40
    assert lost_breaks(text)
    lines = _lines(text)
    assert "Điều 1. Ban hành kèm theo Nghị quyết này Kế hoạch thử nghiệm." in lines
    assert "Điều 2." in lines
    assert any(x.startswith("1. Ủy ban nhân dân huyện tổ chức") for x in lines)


def test_a_page_wrapper_before_a_resolution_without_motto_is_cut_at_its_title() -> None:
    page = ("Thư viện pháp luật Đăng nhập Số hiệu: 5/NQ-HĐND Loại văn bản: Nghị quyết Người ký: Trần Văn C "
            "Ngày ban hành: 01/01/2025 Đang tải văn bản... " + "Văn bản liên quan " * 10)
    body = "NGHỊ QUYẾT Ban hành Kế hoạch thử nghiệm QUYẾT NGHỊ: Điều 1. Ban hành Kế hoạch. KẾ HOẠCH THỬ NGHIỆM I. NHIỆM VỤ"
    text, note = strip_wrapper(page + body)
    assert note and text.startswith("NGHỊ QUYẾT Ban hành")  # not at the plan's own title further on


def test_a_plan_that_numbers_nothing_is_read_sentence_by_sentence_not_refused() -> None:
    tasks = ("Công chức Văn hóa - Xã hội chủ trì xây dựng chương trình ngày hội, hoàn thành trước ngày 15/4/2025. "
             "Trường Tiểu học Sông Xanh phối hợp tổ chức cho học sinh tham gia các hoạt động đọc sách và giới thiệu "
             "sách mới cho phụ huynh. Đoàn Thanh niên xã chủ trì tổ chức cuộc thi kể chuyện theo sách trong tháng 4 "
             "năm 2025. ")
    text = ("ỦY BAN NHÂN DÂN XÃ SÔNG XANH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 12/KH-UBND "
            "Sông Xanh, ngày 3 tháng 3 năm 2025 KẾ HOẠCH Tổ chức Ngày hội đọc sách năm 2025 Thực hiện chỉ đạo của "
            "cấp trên, Ủy ban nhân dân xã ban hành kế hoạch như sau. " + tasks * 4 + "Nơi nhận: - Như trên; - Lưu: VT.")
    plan = parse_text(text, source="runon.txt")
    assert any("không tìm thấy các mục đánh số" in w.lower() for w in plan["warnings"])
    assert ("", "Công chức Văn hóa - Xã hội") in _pairs(plan)
    assert ("", "Trường Tiểu học Sông Xanh") in _pairs(plan)
    assert plan["number"] == "12/KH-UBND"
    # a lower-case title ends before the preamble
    assert "Tổ chức Ngày hội đọc sách năm 2025" in _lines(text)
    # a run-on paragraph left after the reflow (no sentence opens with a body) is read sentence by sentence
    long = text.replace("Công chức Văn hóa - Xã hội chủ trì", "Xây dựng").replace("Trường Tiểu học Sông Xanh phối hợp tổ chức",
                                                                                  "Tổ chức").replace("Đoàn Thanh niên xã chủ trì tổ chức", "Phát động")
    plan = parse_text(long + " Văn phòng Ủy ban nhân dân xã chủ trì tổng hợp kết quả.", source="runon.txt")
    assert RUNON in plan["warnings"]
    with pytest.raises(PlanReadError, match="không phải kế hoạch"):  # a note is still no plan
        parse_text("Ghi chú: họp lúc 8 giờ sáng thứ Hai. " * 40, source="note.txt")


def test_role_words_opening_a_sentence_start_a_duty() -> None:
    lines = _lines(_HEAD + "I. MỤC ĐÍCH Bảo đảm thống nhất. II. TỔ CHỨC THỰC HIỆN 1. Phòng Tài chính - Kế hoạch "
                   "Chủ trì thẩm định dự toán các hoạt động. Phối hợp với các phòng, ban rà soát nguồn kinh phí. "
                   "Tham mưu bố trí vốn hằng năm. 2. Phòng Nội vụ theo dõi thi đua.")
    assert "Phối hợp với các phòng, ban rà soát nguồn kinh phí. Tham mưu bố trí vốn hằng năm." in lines


def test_a_sentence_opening_with_a_named_body_after_a_heading_sentence() -> None:
    lines = _lines(_HEAD + "I. MỤC TIÊU Bảo đảm thống nhất. II. NHIỆM VỤ 1. Hoàn thành di dời chợ cũ đến vị trí mới. "
                   "UBND xã Bình Minh chủ trì, phối hợp với Phòng Kinh tế thực hiện giải phóng mặt bằng. 2. Nâng cấp "
                   "đường trục xã, theo khoản 4 Điều 7 Luật Mẫu ”4. Hội đồng nhân dân cấp huyện quyết định mức hỗ trợ "
                   "cho từng dự án.")
    assert "1. Hoàn thành di dời chợ cũ đến vị trí mới." in lines
    assert any(x.startswith("UBND xã Bình Minh chủ trì") for x in lines)
    # the dot of a quoted law's own numbering ends no sentence
    assert not any(x.startswith("Hội đồng nhân dân cấp huyện") for x in lines)


def test_a_sections_closing_words_after_its_last_item_start_a_paragraph() -> None:
    lines = _lines(_HEAD + "I. MỤC ĐÍCH Bảo đảm thống nhất. II. TỔ CHỨC THỰC HIỆN 1. Phòng Văn hóa tổ chức hội thi. "
                   "Trong quá trình tổ chức, các xã cử đội tham gia hội thi. 2. Phòng Y tế kiểm tra an toàn thực phẩm. Trong quá trình "
                   "thực hiện, nếu có vướng mắc, các phòng, ban báo cáo Ủy ban nhân dân huyện. Ủy ban nhân dân huyện "
                   "yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./. Nơi nhận: - Như trên; - Lưu: VT.")
    # (not the last item: the same words stay in it)
    assert "1. Phòng Văn hóa tổ chức hội thi. Trong quá trình tổ chức, các xã cử đội tham gia hội thi." in lines
    assert "2. Phòng Y tế kiểm tra an toàn thực phẩm." in lines
    assert any(x.startswith("Trong quá trình thực hiện") for x in lines)
    assert "Ủy ban nhân dân huyện yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./." in lines


def test_a_numbered_heading_naming_bodies_ends_at_its_full_stop() -> None:
    lines = _lines(_HEAD + "I. MỤC ĐÍCH Bảo đảm thống nhất. II. TỔ CHỨC THỰC HIỆN 1. Các hội, đoàn thể và doanh "
                   "nghiệp. Khuyến khích tham gia các hoạt động hỗ trợ người cao tuổi. 2. Tổ chức tổng kết cuối năm. "
                   "Báo cáo kết quả.")
    assert "1. Các hội, đoàn thể và doanh nghiệp." in lines
    assert "2. Tổ chức tổng kết cuối năm. Báo cáo kết quả." in lines  # a task, not bodies: stays whole


def test_a_pipe_table_pasted_as_one_run_keeps_its_rows() -> None:
    # rows meet at '| |' like an empty cell: they are told apart by the header's count of cells
    table = ("| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | | --- | --- | --- | --- | --- | "
             "| 1 | Rà soát bến bãi ven sông | Phòng Kinh tế | | Quý II/2025 | "
             "| 2 | Kiểm tra phương tiện thủy | Công an huyện | Phòng Kinh tế, UBND các xã | Năm 2025 | ")
    text = (_HEAD + "I. MỤC ĐÍCH Bảo đảm an toàn giao thông đường thủy. II. NHIỆM VỤ 1. Các phòng, ban thực hiện "
            "nhiệm vụ tại Phụ lục kèm theo. III. TỔ CHỨC THỰC HIỆN Phòng Kinh tế theo dõi, tổng hợp. "
            "PHỤ LỤC NHIỆM VỤ " + table + "Ghi chú: lập theo mẫu.")
    lines = _lines(text)
    assert "| 1 | Rà soát bến bãi ven sông | Phòng Kinh tế | | Quý II/2025 |" in lines
    assert "| 2 | Kiểm tra phương tiện thủy | Công an huyện | Phòng Kinh tế, UBND các xã | Năm 2025 |" in lines
    assert any(x.startswith("Ghi chú") for x in lines)  # the words after the last row are text again
    pairs = _pairs(parse_text(text, source="pasted.txt"))
    assert {("PL.1", "Phòng Kinh tế"), ("PL.2", "Công an huyện")} <= pairs


def test_a_pasted_row_of_another_width_ends_the_table() -> None:
    from dondoc.plans.runon import pipe_tables

    flat = "| TT | Việc | Chủ trì | | --- | --- | --- | | 1 | Họp dân | Xã A | | 2 | Dọn kênh | Xã B | Xã C | sau đó"
    _, tables = pipe_tables(flat)
    assert tables == ["| TT | Việc | Chủ trì |\n| --- | --- | --- |\n| 1 | Họp dân | Xã A |"]


def test_rows_of_a_pasted_table_under_its_bare_header_are_read_from_their_run_together_cells() -> None:
    # only the header kept its pipes; each row's cells ran together after its number ('1', 'a)'), and a
    # number may stand inside the paragraph after the row above's time ('Thường xuyên 2 Kiểm tra ...')
    table = ("| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | | --- | --- | --- | --- | Thời gian thực hiện "
             "1 Phòng chống dịch bệnh gia súc a) Tiêm phòng cho đàn gia súc theo hướng dẫn của Sở Nông nghiệp. "
             "Phòng Kinh tế Trạm Thú y; UBND các xã Quý II, III/2025 b) Tuyên truyền cho người chăn nuôi. Phòng Văn hóa "
             "và Thông tin, Đài Truyền thanh huyện Phòng Kinh tế Thường xuyên 2 Kiểm tra việc vận chuyển gia súc ra "
             "vào huyện. Công an huyện Phòng Kinh tế; các xã 2025-2026 ")
    text = (_HEAD + "I. MỤC ĐÍCH Phòng dịch. II. NHIỆM VỤ 1. Các cơ quan thực hiện nhiệm vụ tại Phụ lục. "
            "III. TỔ CHỨC THỰC HIỆN Phòng Kinh tế theo dõi. PHỤ LỤC NHIỆM VỤ " + table)
    plan = parse_text(text, source="pasted.txt")
    got = {(a["ref"], tuple(a["lead"])) for a in plan["assignments"] if a["ref"].startswith("PL")}
    assert got == {
        ("PL.1.a", ("Phòng Kinh tế",)),  # 'của Sở Nông nghiệp' is the task's object, not a cell
        ("PL.1.b", ("Phòng Văn hóa và Thông tin", "Đài Truyền thanh huyện")),  # ', Đài': the same cell
        ("PL.2", ("Công an huyện",)),
    }


def test_run_cells_part_a_row_at_its_names_and_time() -> None:
    from dondoc.plans.linetable import run_cells

    assert run_cells("Lập danh sách hộ nghèo. Phòng Lao động Ban Chỉ huy quân sự; các xã Tháng 6/2025") == [
        "Lập danh sách hộ nghèo.", "Phòng Lao động", "Ban Chỉ huy quân sự; các xã", "Tháng 6/2025"]
    assert run_cells("Họp bàn kế hoạch năm")[1:] == ["", "", ""]  # no name: a group row's title
