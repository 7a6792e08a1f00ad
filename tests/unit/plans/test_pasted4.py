"""Pasted plans (branch pasted4): plans copied from a law-library page, each paragraph wrapped at 78 columns and every
paragraph break lost (`paste`), or all their lines joined (`flat`). Made-up texts in the genre; each case failed before
the rule it tests, counter-examples keep what must stay."""

from __future__ import annotations

from typing import Any

from dondoc.plans import parse_text
from tests.unit.plans.madeup import paste

HEAD = (
    "ỦY BAN NHÂN DÂN HUYỆN SÔNG XANH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 57/KH-UBND\nSông Xanh, ngày 02 tháng 4 năm 2025\nKẾ HOẠCH\nThực hiện chính sách an sinh xã hội năm 2025\n"
    "Thực hiện Nghị quyết số 12/NQ-HĐND ngày 10/01/2025 của Hội đồng nhân dân huyện, Ủy ban nhân dân huyện ban hành "
    "Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm an sinh xã hội, không để ai bị bỏ lại phía sau.\n"
)


def _pairs(plan: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(a["ref"], a["lead"]) for a in plan["assignments"]]


def flat(text: str) -> str:
    return " ".join(text.split())


# --- the closing paragraph: its 'Trong quá trình ..., đề nghị các đơn vị phản ánh ...' speaks of those just named ----
CLOSING = HEAD + (
    "II. TỔ CHỨC THỰC HIỆN\n1. Phòng Lao động - Thương binh và Xã hội\n"
    "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dẫn, kiểm tra việc thực hiện Kế hoạch.\n"
    "2. Phòng Tài chính - Kế hoạch\nTham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
    "3. Ủy ban nhân dân các xã, thị trấn\nChủ động xây dựng kế hoạch của địa phương và tổ chức thực hiện.\n"
    "Các phòng, ban, ngành, đoàn thể huyện; Ủy ban nhân dân các xã, thị trấn tổ chức triển khai, thực hiện. Trong quá "
    "trình triển khai, thực hiện nếu có khó khăn, vướng mắc đề nghị các đơn vị phản ánh về Ủy ban nhân dân huyện (qua Phòng Lao "
    "động - Thương binh và Xã hội) để tổng hợp, chỉ đạo./.\n"
    "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn B\n"
)


def test_closing_refers_back_flattened() -> None:
    want = [
        ("II.1", ["Phòng Lao động - Thương binh và Xã hội"]),
        ("II.2", ["Phòng Tài chính - Kế hoạch"]),
        ("II.3", ["Ủy ban nhân dân các xã, thị trấn"]),
        ("II", ["Các phòng, ban, ngành, đoàn thể huyện", "Ủy ban nhân dân các xã, thị trấn"]),
    ]
    for text in (CLOSING, flat(CLOSING), paste(CLOSING)):
        assert _pairs(parse_text(text, source="x.txt")) == want


def test_closing_names_its_own_counter() -> None:
    # the closing sentence that names bodies of its own ('các cơ quan, đơn vị kịp thời báo cáo') is its own entry
    text = CLOSING.replace("đề nghị các đơn vị phản ánh về", "các xã, thị trấn kịp thời báo cáo về")
    pairs = _pairs(parse_text(flat(text), source="x.txt"))
    assert ("II", ["các xã, thị trấn"]) in pairs


def test_closing_after_heading_run_into_its_duty() -> None:
    # the last item's heading runs into its duty, which opens with any task verb: the closing words stay the section's
    for verb in ("Bố trí ngân sách địa phương", "Tích cực tuyên truyền kế hoạch", "Lồng ghép nội dung kế hoạch"):
        text = CLOSING.replace("Chủ động xây dựng kế hoạch của địa phương", verb)
        assert _pairs(parse_text(flat(text), source="x.txt"))[2:] == [
            ("II.3", ["Ủy ban nhân dân các xã, thị trấn"]),
            ("II", ["Các phòng, ban, ngành, đoàn thể huyện", "Ủy ban nhân dân các xã, thị trấn"]),
        ]


def test_heading_name_then_capitalised_verb() -> None:
    from dondoc.plans.titles import named_then_duty

    def cut(s: str) -> str | None:
        k = named_then_duty(s, len(s))
        return None if k is None else s[:k].rstrip()

    assert cut("3. Ủy ban nhân dân các xã, thị trấn Bố trí ngân sách.") == "3. Ủy ban nhân dân các xã, thị trấn"
    assert cut("2. Trung tâm Phát triển quỹ đất huyện Rà soát quỹ đất công.") == "2. Trung tâm Phát triển quỹ đất huyện"
    # a capitalised verb inside the name is the name's: the last one before the duty's lower-case words
    assert cut("4. Ban Chỉ đạo Phát triển du lịch Tham mưu Ủy ban nhân dân tỉnh ...") == "4. Ban Chỉ đạo Phát triển du lịch"
    # a title that names no body, or a body with a lower-case verb already (a sentence), is left
    assert cut("1. Công tác tuyên truyền Tổ chức các hoạt động hưởng ứng.") is None
    assert cut("5. Hội nghị Tổng kết năm 2025.") is None
    assert cut("6. Sở Y tế chủ trì Hướng dẫn chuyên môn.") is None


# --- a heading naming a body with its first duty after the colon, more duties in bullets below ----------------------
INLINE_DUTY = HEAD + (
    "II. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hệ thống an sinh xã hội\n"
    "1.1. Phòng Y tế:\n- Chủ trì, phối hợp với các cơ quan liên quan nâng cao chất lượng y tế cơ sở.\n"
    "- Tăng cường công tác khám sức khỏe định kỳ cho người cao tuổi.\n"
    "1.2. Phòng Văn hóa - Thông tin:\nChủ trì, phối hợp với Ủy ban nhân dân các xã xây dựng môi trường văn hóa "
    "lành mạnh. Nâng cao đời sống tinh thần của Nhân dân.\n"
    "- Thực hiện chính sách về quyền tiếp cận thông tin của công dân.\n"
    "- Hỗ trợ người dân tiếp cận dịch vụ công trực tuyến.\n"
    "1.3. Phòng Kinh tế - Hạ tầng: Chủ trì thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo.\n"
)


def test_body_heading_duty_then_bullets() -> None:
    want = [
        ("II.1.1", ["Phòng Y tế"]), ("II.1.1", ["Phòng Y tế"]),
        ("II.1.2", ["Phòng Văn hóa - Thông tin"]), ("II.1.2", ["Phòng Văn hóa - Thông tin"]),
        ("II.1.2", ["Phòng Văn hóa - Thông tin"]),
        ("II.1.3", ["Phòng Kinh tế - Hạ tầng"]),
    ]
    for text in (INLINE_DUTY, flat(INLINE_DUTY), paste(INLINE_DUTY)):
        assert _pairs(parse_text(text, source="x.txt")) == want
    # laid out in lines, the first duty on the heading's own line
    one_line = INLINE_DUTY.replace("Thông tin:\nChủ trì", "Thông tin: Chủ trì")
    assert _pairs(parse_text(one_line, source="x.txt")) == want


def test_closing_sentence_referring_back_not_cut() -> None:
    from dondoc.plans.runon import split_duties

    par = ("Các phòng, ban, ngành, đoàn thể huyện; Ủy ban nhân dân các xã, thị trấn tổ chức triển khai, thực hiện. "
           "Trong quá trình triển khai, thực hiện nếu có khó khăn, vướng mắc đề nghị các đơn vị phản ánh về Ủy ban "
           "nhân dân huyện để tổng hợp, xem xét, chỉ đạo./.")
    assert split_duties([par], section_end=[True]) == [par]
    # the closing sentence naming bodies of its own ('các cơ quan, đơn vị liên quan') is cut off as before
    other = par.replace("đề nghị các đơn vị phản ánh", "các cơ quan, đơn vị liên quan kịp thời phản ánh")
    assert len(split_duties([other], section_end=[True])) == 2


# --- a task table pasted with its cells joined by spaces -------------------------------------------------------------
SIGNED = "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn B\n"
BODY = HEAD + (
    "II. TỔ CHỨC THỰC HIỆN\n1. Phòng Lao động - Thương binh và Xã hội chủ trì theo dõi, đôn đốc việc thực hiện "
    "Kế hoạch.\n2. Các cơ quan, đơn vị được giao nhiệm vụ tại Phụ lục kèm theo tổ chức thực hiện./.\n" + SIGNED
)


def _table(rows: list[str], head: str = "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |") -> str:
    n = head.count("|") - 1
    return ("PHỤ LỤC\nDANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH\n(Kèm theo Kế hoạch số 57/KH-UBND ngày 02/4/2025 của Ủy ban "
            "nhân dân huyện)\n" + head + "\n" + "|" + " --- |" * n + "\n" + "\n".join(rows) + "\n")


def _annex(plan: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(a["ref"].lower(), a["lead"]) for a in plan["assignments"] if a["ref"].lower().startswith("pl")]


def _unpiped(text: str) -> str:
    """As a law-library page copies a table: each row's cells joined by spaces, the separator row gone."""
    out = []
    for ln in text.splitlines():
        if ln.startswith("|"):
            if set(ln) <= set("|-: "):
                continue
            ln = " ".join(c.strip() for c in ln.strip("|").split("|") if c.strip())
        out.append(ln)
    return "\n".join(out)


DOTTED_ROWS = BODY + _table([
    "| 1. | Rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo trên địa bàn huyện. | Phòng Lao động - Thương binh và Xã "
    "hội | Ủy ban nhân dân các xã, thị trấn | Quý IV/2025 |",
    "| 2. | Bố trí kinh phí thực hiện các chính sách an sinh xã hội. | Phòng Tài chính - Kế hoạch | Phòng Lao động - "
    "Thương binh và Xã hội | Hằng năm |",
    "| 3. | Tuyên truyền chính sách bảo hiểm y tế cho người dân. | Trung tâm Văn hóa, Thông tin và Thể thao huyện | "
    "Bảo hiểm xã hội huyện | Thường xuyên |",
    "| 4. | Tổ chức thăm hỏi, tặng quà các gia đình chính sách nhân dịp Tết Nguyên đán. | Ủy ban nhân dân các xã, thị "
    "trấn | Ủy ban Mặt trận Tổ quốc Việt Nam huyện | Tháng 01/2026 |",
])


def test_pasted_table_numbered_with_dots() -> None:
    # rows numbered '1.', '2.' (the item break must not cut the table into numbered paragraphs)
    want = [
        ("pl.1", ["Phòng Lao động - Thương binh và Xã hội"]),
        ("pl.2", ["Phòng Tài chính - Kế hoạch"]),
        ("pl.3", ["Trung tâm Văn hóa, Thông tin và Thể thao huyện"]),
        ("pl.4", ["Ủy ban nhân dân các xã, thị trấn"]),
    ]
    assert _annex(parse_text(DOTTED_ROWS, source="x.md")) == want
    for text in (flat(_unpiped(DOTTED_ROWS)), paste(_unpiped(DOTTED_ROWS))):
        assert _annex(parse_text(text, source="x.txt")) == want


GROUPED_ROWS = BODY + _table([
    "| I | CÔNG TÁC TUYÊN TRUYỀN | | | |",
    "| 1 | Tuyên truyền chính sách bảo hiểm xã hội tự nguyện trên Đài Truyền thanh huyện | Trung tâm Văn hóa, Thông "
    "tin và Thể thao huyện | Bảo hiểm xã hội huyện | Hằng quý |",
    "| 2 | Tổ chức hội nghị đối thoại chính sách với người lao động | Liên đoàn Lao động huyện | Phòng Lao động - "
    "Thương binh và Xã hội | Quý III/2025 |",
    "| II | Hỗ trợ người yếu thế | | | |",
    "| 1 | Hỗ trợ sửa chữa nhà ở cho hộ nghèo | Phòng Kinh tế - Hạ tầng | Ủy ban nhân dân các xã, thị trấn | "
    "Năm 2025 |",
    "| 2 | Rà soát đối tượng bảo trợ xã hội | Ủy ban nhân dân các xã, thị trấn | Phòng Lao động - Thương binh và "
    "Xã hội | Tháng 6/2025 |",
    "| 3 | Cấp thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo | Bảo hiểm xã hội huyện | Phòng Lao động - Thương binh "
    "và Xã hội | Quý I/2026 |",
], head="| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |")


def test_pasted_table_group_rows() -> None:
    # group rows (a Roman numeral and a title, in capitals or not), the rows under each numbered from 1 again
    want = [
        ("pl.i.1", ["Trung tâm Văn hóa, Thông tin và Thể thao huyện"]),
        ("pl.i.2", ["Liên đoàn Lao động huyện"]),
        ("pl.ii.1", ["Phòng Kinh tế - Hạ tầng"]),
        ("pl.ii.2", ["Ủy ban nhân dân các xã, thị trấn"]),
        ("pl.ii.3", ["Bảo hiểm xã hội huyện"]),
    ]
    assert _annex(parse_text(GROUPED_ROWS, source="x.md")) == want
    for text in (flat(_unpiped(GROUPED_ROWS)), paste(_unpiped(GROUPED_ROWS))):
        assert _annex(parse_text(text, source="x.txt")) == want


LETTERED_ROWS = BODY + _table([
    "| 1 | Tuyên truyền, phổ biến chính sách an sinh xã hội | | | |",
    "| a) | Tổ chức hội nghị phổ biến chính sách cho cán bộ cấp xã. | Phòng Lao động - Thương binh và Xã hội | Ủy ban "
    "nhân dân các xã, thị trấn | Quý III/2025 |",
    "| b) | Biên soạn tài liệu hỏi - đáp về chính sách. | Phòng Văn hóa - Thông tin | Phòng Lao động - Thương binh và "
    "Xã hội | Quý IV/2025 |",
    "| 2 | Kiểm tra, giám sát việc thực hiện chính sách | | | |",
    "| a) | Kiểm tra việc chi trả trợ cấp xã hội tại các xã. | Phòng Lao động - Thương binh và Xã hội | Phòng Tài "
    "chính - Kế hoạch | Tháng 10/2025 |",
], head="| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |")


def test_pasted_table_lettered_sub_rows() -> None:
    # a numbered row with no body heads rows lettered a), b): each is a task of the row's group
    want = [
        ("pl.1.a", ["Phòng Lao động - Thương binh và Xã hội"]),
        ("pl.1.b", ["Phòng Văn hóa - Thông tin"]),
        ("pl.2.a", ["Phòng Lao động - Thương binh và Xã hội"]),
    ]
    for text in (flat(_unpiped(LETTERED_ROWS)), paste(_unpiped(LETTERED_ROWS))):
        assert _annex(parse_text(text, source="x.txt")) == want


def test_pasted_table_cells() -> None:
    from dondoc.plans.flattable import split_table

    par = ("Tổng Giám đốc phân công như sau (TT CNTT - Trung tâm Công nghệ thông tin): STT Nội dung nhiệm vụ Đơn vị chủ trì "
           "Đơn vị phối hợp Thời hạn hoàn thành Sản phẩm 1 Xây dựng chương trình phối hợp với TW Hội Nông dân Việt Nam, "
           "TW Hội LHPN Việt Nam giai đoạn 2025 - 2027 Ban Thu Trung tâm Truyền thông; Ban Pháp chế Quý II/2025 Chương "
           "trình phối hợp 2 Sửa đổi quy định quản lý đại lý thu Ban Thu Ban Pháp chế 30/6/2025 Quyết định 3 Bồi dưỡng "
           "kỹ năng tư vấn Trường Đào tạo nghiệp vụ BHXH Ban Tổ chức cán bộ Quý III/2025 Các lớp bồi dưỡng 4 Nhắc hạn "
           "đóng BHXH tự nguyện qua tin nhắn Trung tâm Chăm sóc khách hàng TT CNTT Thường xuyên Báo cáo")
    found = split_table(par)
    assert found is not None
    before, rows, _ = found
    # ('TT CNTT': a name's abbreviation, not the table's number column)
    assert before.endswith("Trung tâm Công nghệ thông tin):")
    assert rows[2:] == [
        # the names after 'phối hợp với' stay in the task, all of the list; the product after the time has its cell
        "| 1 | Xây dựng chương trình phối hợp với TW Hội Nông dân Việt Nam, TW Hội LHPN Việt Nam giai đoạn 2025 - 2027 "
        "| Ban Thu | Trung tâm Truyền thông; Ban Pháp chế | Quý II/2025 | Chương trình phối hợp |",
        "| 2 | Sửa đổi quy định quản lý đại lý thu | Ban Thu | Ban Pháp chế | 30/6/2025 | Quyết định |",  # a bare date
        # an abbreviation ends the name before it; a name holds no 'qua'
        "| 3 | Bồi dưỡng kỹ năng tư vấn | Trường Đào tạo nghiệp vụ BHXH | Ban Tổ chức cán bộ | Quý III/2025 | Các lớp "
        "bồi dưỡng |",
        "| 4 | Nhắc hạn đóng BHXH tự nguyện qua tin nhắn | Trung tâm Chăm sóc khách hàng | TT CNTT | Thường xuyên | "
        "Báo cáo |",
    ]


IN_BODY = HEAD + (
    "II. NHIỆM VỤ CỤ THỂ\n"
    "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n| --- | --- | --- | --- | --- |\n"
    "| 1. | Rà soát, lập danh sách người cao tuổi chưa có lương hưu. | Ủy ban nhân dân các xã, thị trấn | Bảo hiểm xã "
    "hội huyện | Quý II/2025 |\n"
    "| 2. | Tổ chức tập huấn nghiệp vụ cho công chức văn hóa - xã hội cấp xã. | Phòng Lao động - Thương binh và Xã hội"
    " | Phòng Nội vụ | Quý III/2025 |\n"
    "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Lao động - Thương binh và Xã hội chủ trì theo dõi, tổng hợp kết quả thực hiện.\n"
    "2. Phòng Tài chính - Kế hoạch tham mưu bố trí kinh phí thực hiện Kế hoạch.\n" + SIGNED
)


def test_pasted_table_in_the_body() -> None:
    # the table ends where the next section starts; the section's items are no rows of it
    want = [
        ("II.1", ["Ủy ban nhân dân các xã, thị trấn"]),
        ("II.2", ["Phòng Lao động - Thương binh và Xã hội"]),
        ("III.1", ["Phòng Lao động - Thương binh và Xã hội"]),
        ("III.2", ["Phòng Tài chính - Kế hoạch"]),
    ]
    assert sorted(_pairs(parse_text(IN_BODY, source="x.md"))) == want
    for text in (flat(_unpiped(IN_BODY)), paste(_unpiped(IN_BODY))):
        plan = parse_text(text, source="x.txt")
        assert sorted(_pairs(plan)) == want
        assert sorted(a["timing"]["due"] for a in plan["assignments"] if a["ref"].startswith("II.")) == [
            "2025-06-30", "2025-09-30"]


def test_pasted_table_cells_more() -> None:
    from dondoc.plans.flattable import split_table

    par = ("TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành Sản phẩm 1 Hoàn thiện dự thảo Nghị quyết để "
           "trình Hội đồng nhân dân tỉnh. Sở Tư pháp Sở Nội vụ Quý II/2025 Nghị quyết 2 Tổ chức Tuần lễ hưởng ứng Ngày "
           "Pháp luật Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam Sở Tư pháp Từ ngày 01/11 đến ngày 09/11 hằng năm Báo "
           "cáo kết quả Ghi chú: theo Chỉ thị số 32-CT/TW của Thủ tướng Chính phủ về việc tăng cường công tác phổ biến.")
    found = split_table(par)
    assert found is not None
    assert found[1][2:] == [
        # a body after a verb taking it ('trình') is the task's; a time's own lower-case words stay in it
        "| 1 | Hoàn thiện dự thảo Nghị quyết để trình Hội đồng nhân dân tỉnh. | Sở Tư pháp | Sở Nội vụ | Quý II/2025 | "
        "Nghị quyết |",
        # a name ending in its level goes on ('Ủy ban Trung ương Mặt trận ...')
        "| 2 | Tổ chức Tuần lễ hưởng ứng Ngày Pháp luật | Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam | Sở Tư pháp | Từ "
        "ngày 01/11 đến ngày 09/11 hằng năm | Báo cáo kết quả Ghi chú: theo Chỉ thị số 32-CT/TW của Thủ tướng Chính phủ "
        "về việc tăng cường công tác phổ biến. |",
    ]


# --- a plan numbered 1., 2., a) only (no Roman sections), copied at a page's width ----------------------------------
NO_ROMAN = (
    "ỦY BAN NHÂN DÂN XÃ AN PHÚ\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 15/KH-UBND\n"
    "An Phú, ngày 10 tháng 3 năm 2025\n"
    "KẾ HOẠCH\n"
    "Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em năm 2025\n"
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 01/3/2025 của Ủy ban nhân dân huyện về tổ chức Tháng hành động vì trẻ em năm 2025, Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n"
    "1. Mục đích, yêu cầu\n"
    "- Nâng cao nhận thức của các cấp, các ngành và Nhân dân về công tác bảo vệ, chăm sóc trẻ em.\n"
    "- Các hoạt động tổ chức thiết thực, hiệu quả, tiết kiệm.\n"
    "2. Nội dung hoạt động\n"
    "a) Công tác tuyên truyền\n"
    "- Đài Truyền thanh xã xây dựng chuyên mục tuyên truyền về quyền trẻ em, phát sóng ít nhất 02 lần/tuần trong tháng 6/2025.\n"
    "- Trường Tiểu học An Phú tổ chức tuyên truyền về phòng, chống đuối nước cho học sinh trước ngày 25/5/2025.\n"
    "b) Tổ chức thăm hỏi, tặng quà\n"
    "- Ủy ban Mặt trận Tổ quốc Việt Nam xã vận động các nhà hảo tâm ủng hộ quỹ bảo trợ trẻ em.\n"
    "3. Tổ chức thực hiện\n"
    "- Công chức Văn hóa - Xã hội chủ trì, phối hợp với các ban, ngành tham mưu Ủy ban nhân dân xã tổ chức các hoạt động; tổng hợp, báo cáo kết quả về Ủy ban nhân dân huyện trước ngày 10/7/2025.\n"
    "- Đề nghị Đoàn Thanh niên xã tổ chức các hoạt động vui chơi cho trẻ em trong dịp hè.\n"
    "- Ban Chỉ huy Quân sự xã phối hợp tổ chức dạy bơi cho trẻ em.\n"
    "Trên đây là Kế hoạch tổ chức Tháng hành động vì trẻ em năm 2025 của Ủy ban nhân dân xã./.\n"
    "Nơi nhận:\n"
    "- UBND huyện;\n"
    "- Lưu: VT.\n"
    "TM. ỦY BAN NHÂN DÂN\n"
    "CHỦ TỊCH\n"
    "Nguyễn Văn C\n"
)


def test_pasted_plan_without_roman_sections() -> None:
    from dondoc.plans.reflow import lost_breaks

    want = [
        ("2.a", ["Đài Truyền thanh xã"]), ("2.a", ["Trường Tiểu học An Phú"]),
        ("2.b", ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"]), ("3", ["Công chức Văn hóa - Xã hội"]),
        ("3", ["Đoàn Thanh niên xã"]), ("3", ["Ban Chỉ huy Quân sự xã"]),
    ]
    assert lost_breaks(paste(NO_ROMAN))
    assert not lost_breaks(NO_ROMAN)  # (laid out in lines: each line ends its sentence)
    for text in (NO_ROMAN, paste(NO_ROMAN), flat(NO_ROMAN)):
        assert _pairs(parse_text(text, source="x.txt")) == want


def test_pasted_table_parts_and_group_numbers() -> None:
    from dondoc.plans.flattable import split_table

    # parts lettered A, B over Roman groups; rows numbered by their group ('1.1', '2.1'), a group's numeral written twice
    # with its rows numbered on; a header in capitals; a row's opening verb governs the body after it
    par = ("STT NHIỆM VỤ, GIẢI PHÁP ĐƠN VỊ CHỦ TRÌ ĐƠN VỊ PHỐI HỢP THỜI GIAN THỰC HIỆN A PHÁT TRIỂN NỀN TẢNG I Hoàn thiện "
           "thể chế 1.1 Rà soát các quy định về giao dịch điện tử Sở Tư pháp Các sở, ban, ngành 2026 - 2030 II Phát triển "
           "hạ tầng 2.1 Kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh Sở Khoa học và Công nghệ Sở Nội vụ Năm 2026 2.2 Triển "
           "khai Đề án của Thủ tướng Chính phủ về hạ tầng số Sở Xây dựng Hiệp hội Doanh nghiệp tỉnh Thường xuyên II Phát "
           "triển thương mại số 3.1 Hỗ trợ doanh nghiệp bán hàng trên sàn thương mại điện tử Sở Công Thương Hiệp hội "
           "Doanh nghiệp tỉnh Năm 2027 B PHÁT TRIỂN XÃ HỘI SỐ I Nhân lực số 1.1 Đào tạo kỹ năng số cho cán bộ, công "
           "chức Sở Nội vụ Trường Chính trị tỉnh Hằng năm")
    found = split_table(par)
    assert found is not None
    assert found[1][2:] == [
        "| A | PHÁT TRIỂN NỀN TẢNG | | | |",
        "| I | Hoàn thiện thể chế | | | |",
        "| 1.1 | Rà soát các quy định về giao dịch điện tử | Sở Tư pháp | Các sở, ban, ngành | 2026 - 2030 |",
        "| II | Phát triển hạ tầng | | | |",
        "| 2.1 | Kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh | Sở Khoa học và Công nghệ | Sở Nội vụ | Năm 2026 |",
        "| 2.2 | Triển khai Đề án của Thủ tướng Chính phủ về hạ tầng số | Sở Xây dựng | Hiệp hội Doanh nghiệp tỉnh | "
        "Thường xuyên |",
        "| II | Phát triển thương mại số | | | |",
        "| 3.1 | Hỗ trợ doanh nghiệp bán hàng trên sàn thương mại điện tử | Sở Công Thương | Hiệp hội Doanh nghiệp tỉnh | "
        "Năm 2027 |",
        "| B | PHÁT TRIỂN XÃ HỘI SỐ | | | |",
        "| I | Nhân lực số | | | |",
        "| 1.1 | Đào tạo kỹ năng số cho cán bộ, công chức | Sở Nội vụ | Trường Chính trị tỉnh | Hằng năm |",
    ]


def test_heading_listing_bodies_run_into_duty() -> None:
    # the bodies listed with ';' in the heading, its duty after them opening with a capitalised verb
    text = CLOSING.replace("2. Phòng Tài chính - Kế hoạch\nTham mưu bố trí", "2. Phòng Văn hóa - Thông tin; Đài Truyền "
                           "thanh huyện\nChỉ đạo các cơ sở truyền thanh tăng thời lượng tuyên truyền; tham mưu bố trí")
    for t in (flat(text), paste(text)):
        assert _pairs(parse_text(t, source="x.txt"))[1] == ("II.2", ["Phòng Văn hóa - Thông tin", "Đài Truyền thanh huyện"])


def test_later_sentence_of_the_same_body_stays() -> None:
    from dondoc.plans.runon import split_duties

    # a lettered item whose title ends with a colon, its body named after it: the body's later sentence is the same duty
    par = ("b) Thực hiện mở tài khoản: Ủy ban nhân dân các xã phối hợp với các ngân hàng thương mại mở tài khoản cho đối "
           "tượng. Ủy ban nhân dân các xã cung cấp danh sách, mời đối tượng đến điểm mở tài khoản.")
    assert split_duties([par], section_end=[False]) == [par]
    # another body's sentence is its own duty, as before
    other = par.replace("Ủy ban nhân dân các xã cung cấp", "Bưu điện tỉnh cung cấp")
    assert len(split_duties([other], section_end=[False])) == 2


REPORTING = HEAD + (
    "II. TỔ CHỨC THỰC HIỆN\n1. Phòng Y tế chủ trì triển khai Kế hoạch.\nIII. CHẾ ĐỘ BÁO CÁO\n"
    "Các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 25/11 hằng năm, gửi về Phòng Y tế để tổng hợp.\n"
    "Phòng Y tế tổng hợp, báo cáo Ủy ban nhân dân huyện trước ngày 05/12 hằng năm.\n"
    "Năm 2026, Phòng Y tế chủ trì tham mưu Ủy ban nhân dân huyện tổng kết việc thực hiện Kế hoạch.\n" + SIGNED
)


def test_dated_sentence_of_its_own() -> None:
    # an unnumbered paragraph opening with its time and a body ('Năm 2026, Phòng Y tế chủ trì ...') is a duty of its own
    want = _pairs(parse_text(REPORTING, source="x.txt"))
    assert want[-1] == ("III", ["Phòng Y tế"])
    for text in (flat(REPORTING), paste(REPORTING)):
        assert _pairs(parse_text(text, source="x.txt")) == want


# --- a heading run into a bullet naming its body ('2. Công tác kiểm tra - Sở Y tế: + Chủ trì ...'), items '1)', '2)' -----
BULLET_BODIES = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 45/KH-UBND\n"
    "An Giang, ngày 18 tháng 02 năm 2025\n"
    "KẾ HOẠCH\n"
    "Triển khai Tháng hành động vì an toàn thực phẩm năm 2025\n"
    "Thực hiện Kế hoạch số 10/KH-BCĐTWATTP ngày 20/01/2025 của Ban Chỉ đạo liên ngành Trung ương về an toàn thực phẩm, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "- Nâng cao nhận thức, trách nhiệm của người sản xuất, kinh doanh thực phẩm.\n"
    "- Phòng ngừa, hạn chế ngộ độc thực phẩm.\n"
    "II. NỘI DUNG\n"
    "1. Công tác tuyên truyền\n"
    "Thời gian thực hiện: Từ ngày 15/4 đến ngày 15/5/2025.\n"
    "Đơn vị chủ trì: Sở Y tế.\n"
    "Đơn vị phối hợp: Báo An Giang, Đài Phát thanh - Truyền hình An Giang.\n"
    "2. Công tác thanh tra, kiểm tra\n"
    "- Sở Y tế:\n"
    "+ Chủ trì thành lập đoàn kiểm tra liên ngành cấp tỉnh, hoàn thành trước ngày 10/4/2025.\n"
    "+ Phối hợp với Công an tỉnh xử lý các vi phạm về an toàn thực phẩm.\n"
    "- Sở Nông nghiệp và Môi trường: Kiểm tra các cơ sở sản xuất, kinh doanh nông sản, thủy sản.\n"
    "- Sở Công Thương: Chỉ đạo lực lượng quản lý thị trường kiểm tra các chợ, siêu thị.\n"
    "3. Công tác báo cáo\n"
    "1) Ủy ban nhân dân các huyện, thị xã, thành phố báo cáo kết quả về Sở Y tế trước ngày 25/5/2025.\n"
    "2) Sở Y tế tổng hợp, báo cáo Ủy ban nhân dân tỉnh, Bộ Y tế trước ngày 31/5/2025.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức thành viên tăng cường giám sát an toàn thực phẩm tại cộng đồng./.\n"
    "Nơi nhận:\n"
    "- Bộ Y tế;\n"
    "- Lưu: VT.\n"
    "TM. ỦY BAN NHÂN DÂN\n"
    "KT. CHỦ TỊCH\n"
    "PHÓ CHỦ TỊCH\n"
    "Ngô Văn M\n"
)


def test_bullet_naming_body_and_parenthesised_items() -> None:
    want = _pairs(parse_text(BULLET_BODIES, source="x.txt"))
    assert ("II.2", ["Sở Y tế"]) in want and ("II.1", ["Ủy ban nhân dân các huyện, thị xã, thành phố"]) in want
    for text in (flat(BULLET_BODIES), paste(BULLET_BODIES)):
        assert _pairs(parse_text(text, source="x.txt")) == want


def test_parenthesised_number_counter() -> None:
    from dondoc.plans.reflow import restore_breaks

    # a number closing a bracket or after 'khoản' is no item
    out = restore_breaks("I. NHIỆM VỤ 1. Rà soát theo Phụ lục 1) Các sở phối hợp. Sở Y tế thực hiện theo khoản 1) Điều 5.")
    assert "Phụ lục 1) Các sở" in out and "khoản 1) Điều 5" in out


# --- a task table whose lead's column comes first, pasted with its cells joined --------------------------------------
LEAD_FIRST = (
    "ỦY BAN NHÂN DÂN XÃ TÂN LẬP\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 22/KH-UBND\n"
    "Tân Lập, ngày 07 tháng 7 năm 2025\n"
    "KẾ HOẠCH\n"
    "Phòng, chống dịch bệnh động vật năm 2025\n"
    "Căn cứ Kế hoạch số 120/KH-UBND ngày 01/3/2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "Chủ động phòng, chống dịch bệnh động vật, không để dịch lớn xảy ra.\n"
    "II. NỘI DUNG THỰC HIỆN\n"
    "| TT | Đơn vị chủ trì | Nội dung công việc | Đơn vị phối hợp | Thời gian |\n"
    "| --- | --- | --- | --- | --- |\n"
    "| 1 | Trung tâm Dịch vụ nông nghiệp xã | Tổ chức tiêm phòng vắc xin cho đàn gia súc, gia cầm đợt 1 | Các thôn, ấp | Tháng 8/2025 |\n"
    "| 2 | Công an xã | Kiểm soát việc vận chuyển động vật qua địa bàn xã | Trung tâm Dịch vụ nông nghiệp xã | Thường xuyên |\n"
    "| 3 | Đài Truyền thanh xã | Tuyên truyền các biện pháp phòng, chống dịch bệnh | Các thôn, ấp | Hằng tháng |\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "1. Công chức Nông nghiệp - Môi trường là đầu mối theo dõi, tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân xã trước ngày 20/12/2025.\n"
    "2. Trưởng các thôn, ấp tổ chức tuyên truyền, vận động người chăn nuôi thực hiện tiêm phòng./.\n"
    "Nơi nhận:\n"
    "- UBND huyện;\n"
    "- Lưu: VT.\n"
    "TM. ỦY BAN NHÂN DÂN\n"
    "CHỦ TỊCH\n"
    "Lý Văn N\n"
)


def test_pasted_table_lead_first() -> None:
    want = [
        ("II.1", ["Trung tâm Dịch vụ nông nghiệp xã"]), ("II.2", ["Công an xã"]), ("II.3", ["Đài Truyền thanh xã"]),
        ("III.1", ["Công chức Nông nghiệp - Môi trường"]), ("III.2", ["Trưởng các thôn, ấp"]),
    ]
    assert sorted(_pairs(parse_text(LEAD_FIRST, source="x.md"))) == want
    for text in (flat(_unpiped(LEAD_FIRST)), paste(_unpiped(LEAD_FIRST))):
        assert sorted(_pairs(parse_text(text, source="x.txt"))) == want


# --- labels mid-line ('a) <task>. Cơ quan chủ trì: X. Cơ quan phối hợp: Y. Thời gian trình: Z.'), a title holding verbs ---
LABELS_MIDLINE = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG HÒA\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 190/KH-UBND\n"
    "Quảng Hòa, ngày 25 tháng 10 năm 2024\n"
    "KẾ HOẠCH\n"
    "Triển khai thi hành Luật Đất đai năm 2024 trên địa bàn tỉnh\n"
    "Thực hiện Quyết định số 222/QĐ-TTg ngày 05/3/2024 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thi hành Luật Đất đai như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Mục đích\n"
    "Xác định cụ thể nội dung công việc, thời hạn, tiến độ hoàn thành và trách nhiệm của các cơ quan, đơn vị.\n"
    "2. Yêu cầu\n"
    "Bảo đảm tính kịp thời, đồng bộ, thống nhất, hiệu quả.\n"
    "II. NỘI DUNG\n"
    "1. Tổ chức quán triệt, phổ biến Luật Đất đai\n"
    "Tổ chức hội nghị quán triệt, phổ biến Luật cho cán bộ chủ chốt của tỉnh.\n"
    "Chủ trì: Sở Tài nguyên và Môi trường; phối hợp: Sở Tư pháp, Sở Thông tin và Truyền thông; thời gian: Quý IV năm 2024.\n"
    "2. Tập huấn chuyên sâu\n"
    "Tổ chức tập huấn chuyên sâu về Luật cho công chức địa chính cấp xã.\n"
    "Thời gian hoàn thành: Quý I năm 2025.\n"
    "Đơn vị chủ trì: Sở Tài nguyên và Môi trường.\n"
    "Đơn vị phối hợp: Ủy ban nhân dân các huyện, thị xã, thành phố.\n"
    "3. Rà soát, ban hành văn bản quy định chi tiết\n"
    "a) Quy định hạn mức giao đất ở tại nông thôn, đô thị. Cơ quan chủ trì: Sở Tài nguyên và Môi trường. Cơ quan phối hợp: Sở Xây dựng. Thời gian trình: Tháng 11/2024.\n"
    "b) Quy định bảng giá đất áp dụng từ ngày 01/01/2026. Cơ quan chủ trì: Sở Tài chính. Thời gian trình: Tháng 12/2025.\n"
    "4. Kiện toàn tổ chức bộ máy quản lý đất đai\n"
    "Sở Nội vụ chủ trì, phối hợp với Sở Tài nguyên và Môi trường tham mưu kiện toàn Văn phòng Đăng ký đất đai; hoàn thành trong Quý I năm 2025.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "1. Sở Tài nguyên và Môi trường là cơ quan đầu mối, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.\n"
    "2. Các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố báo cáo kết quả thực hiện về Sở Tài nguyên và Môi trường trước ngày 05/12 hằng năm./.\n"
    "Nơi nhận:\n"
    "- Bộ Tài nguyên và Môi trường;\n"
    "- Lưu: VT.\n"
    "TM. ỦY BAN NHÂN DÂN\n"
    "CHỦ TỊCH\n"
    "Đặng Văn P\n"
)


def test_labels_mid_line() -> None:
    want = [
        ("II.1", ["Sở Tài nguyên và Môi trường"]), ("II.2", ["Sở Tài nguyên và Môi trường"]),
        ("II.3.a", ["Sở Tài nguyên và Môi trường"]), ("II.3.b", ["Sở Tài chính"]), ("II.4", ["Sở Nội vụ"]),
        ("III.1", ["Sở Tài nguyên và Môi trường"]),
        ("III.2", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    ]
    for text in (LABELS_MIDLINE, flat(LABELS_MIDLINE), paste(LABELS_MIDLINE)):
        plan = parse_text(text, source="x.txt")
        assert _pairs(plan) == want
        # ('Thời gian trình: Tháng 11/2024': the time label's own words)
        assert [a["timing"]["due"] for a in plan["assignments"][2:4]] == ["2024-11-30", "2025-12-31"]
        assert plan["assignments"][2]["support"] == ["Sở Xây dựng"]


# --- labels numbered '(1) Cơ quan chủ trì: ...'; a table that lost its grid (kept its lines, or pasted as one run) ------
LAW_PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH TÂY NAM\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 301/KH-UBND\n"
    "Tây Nam, ngày 04 tháng 11 năm 2024\n"
    "KẾ HOẠCH\n"
    "TRIỂN KHAI THI HÀNH LUẬT TRẬT TỰ, AN TOÀN GIAO THÔNG ĐƯỜNG BỘ\n"
    "Thực hiện Quyết định số 1043/QĐ-TTg ngày 25/9/2024 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch triển khai thi hành Luật trên địa bàn tỉnh như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Mục đích\n"
    "- Xác định cụ thể nội dung công việc, thời hạn, tiến độ hoàn thành và trách nhiệm của các cơ quan, đơn vị.\n"
    "2. Yêu cầu\n"
    "- Bảo đảm sự chỉ đạo thống nhất của UBND tỉnh.\n"
    "II. NỘI DUNG\n"
    "1. Tổ chức quán triệt Luật\n"
    "- Nội dung: Tổ chức hội nghị quán triệt nội dung Luật cho lãnh đạo các sở, ban, ngành, UBND các huyện.\n"
    "- Cơ quan thực hiện:\n"
    "+ Công an tỉnh chủ trì, phối hợp với Sở Giao thông vận tải tổ chức hội nghị quán triệt.\n"
    "+ Sở Tư pháp phối hợp với Công an tỉnh biên soạn tài liệu phổ biến Luật.\n"
    "+ UBND các huyện, thị xã, thành phố tổ chức quán triệt Luật cho cán bộ, công chức cấp huyện, cấp xã.\n"
    "+ Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tuyên truyền Luật đến đoàn viên, hội viên.\n"
    "- Thời gian thực hiện: Quý IV năm 2024 và năm 2025.\n"
    "2. Rà soát văn bản quy phạm pháp luật\n"
    "(1) Cơ quan chủ trì: Sở Tư pháp.\n"
    "(2) Cơ quan phối hợp: Công an tỉnh, Sở Giao thông vận tải.\n"
    "(3) Thời gian hoàn thành: Tháng 12 năm 2024.\n"
    "3. Xây dựng văn bản quy định chi tiết\n"
    "TT Nội dung giao quy định chi tiết Cơ quan chủ trì soạn thảo Cơ quan phối hợp Cơ quan trình Thời hạn trình\n"
    "1 Quy định phạm vi hoạt động của xe thô sơ Công an tỉnh Sở Giao thông vận tải, Sở Tư pháp UBND tỉnh Quý I năm 2025\n"
    "2 Quy định tổ chức giao thông tại khu đô thị Sở Giao thông vận tải Công an tỉnh UBND tỉnh Quý II năm 2025\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "1. Công an tỉnh là cơ quan thường trực, theo dõi, đôn đốc, báo cáo UBND tỉnh kết quả triển khai thi hành Luật trước ngày 15/12 hằng năm.\n"
    "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch./.\n"
)


def test_law_plan_labels_and_gridless_table() -> None:
    want = [
        ("II.1", ["Công an tỉnh", "Sở Tư pháp", "UBND các huyện, thị xã, thành phố", "Ủy ban MTTQ Việt Nam tỉnh",
                  "các tổ chức chính trị - xã hội"]),
        ("II.2", ["Sở Tư pháp"]), ("II.3.1", ["Công an tỉnh"]), ("II.3.2", ["Sở Giao thông vận tải"]),
        ("III.1", ["Công an tỉnh"]), ("III.2", ["Sở Tài chính"]),
    ]
    for text in (LAW_PLAN, flat(LAW_PLAN), paste(LAW_PLAN)):
        plan = parse_text(text, source="x.txt")
        assert sorted(_pairs(plan)) == want
        two = next(a for a in plan["assignments"] if a["ref"] == "II.2")
        assert two["support"] == ["Công an tỉnh", "Sở Giao thông vận tải"] and two["timing"]["due"] == "2024-12-31"


MONTH_GRID = BODY + (
    "\n**Phụ lục 02**\n\n**KẾ HOẠCH HOẠT ĐỘNG TRỌNG TÂM NĂM 2025**\n\n*(Kèm theo Kế hoạch số 57/KH-UBND ngày 02/4/2025)*\n\n"
    "| TT | Nội dung hoạt động | Đơn vị thực hiện | Tháng 1 | Tháng 2 | Tháng 3 | Tháng 4 | Tháng 5 | Tháng 6 |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
    "| I | Truyền thông | | | | | | | |\n"
    "| 1 | Đối thoại chính sách tại thôn, tổ dân phố | Bảo hiểm xã hội huyện | x | x | x | x | x | x |\n"
    "| 2 | Phát sóng chuyên mục an sinh xã hội | Trung tâm Văn hóa, Thông tin và Thể thao huyện | | | x | | | x |\n"
    "| II | Kiểm tra | | | | | | | |\n"
    "| 1 | Kiểm tra việc chi trả trợ cấp tại các xã | Phòng Lao động - Thương binh và Xã hội | | | | x | | |\n"
)


def test_pasted_month_grid_in_an_annex_captioned_in_lower_case() -> None:
    # a month grid's ticks lose their months once its empty cells are gone: the rows are read for tasks and bodies;
    # 'Phụ lục 02' in lower case, its title in capitals, is the annex's heading
    want = [
        ("pl2.i.1", ["Bảo hiểm xã hội huyện"]),
        ("pl2.i.2", ["Trung tâm Văn hóa, Thông tin và Thể thao huyện"]),
        ("pl2.ii.1", ["Phòng Lao động - Thương binh và Xã hội"]),
    ]
    assert _annex(parse_text(MONTH_GRID, source="x.md")) == want
    assert _annex(parse_text(paste(_unpiped(MONTH_GRID)), source="x.txt")) == want


def test_also_hands_out_another_duty() -> None:
    from dondoc.plans.runon import split_duties

    # 'Đồng thời, giao <Body> ...' after an item's duty: another duty handed out (in lines, a paragraph of its own)
    par = ("2. Giao Phòng Nội vụ chủ trì theo dõi, tổng hợp kết quả thực hiện Kế hoạch. Đồng thời, giao Phòng Nội vụ "
           "chủ trì rà soát, tham mưu điều chỉnh Kế hoạch khi cần thiết.")
    assert len(split_duties([par], section_end=[False])) == 2
    # 'Đồng thời, tổ chức ...' goes on with the duty
    same = par.replace("Đồng thời, giao Phòng Nội vụ chủ trì rà soát", "Đồng thời, tổ chức rà soát")
    assert split_duties([same], section_end=[False]) == [same]


def test_pasted_table_cells_names() -> None:
    from dondoc.plans.flattable import split_table

    par = ("TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành 1 Tổ chức Tháng hành động vì an toàn thực "
           "phẩm Bộ Y tế (Cơ quan thường trực Ban Chỉ đạo) Các bộ, ngành thành viên Hằng năm 2 Rà soát thông tin quảng "
           "cáo trên mạng Bộ Văn hóa, Thể thao và Du lịch; Bộ Công an Bộ Khoa học và Công nghệ Thường xuyên")
    found = split_table(par)
    assert found is not None
    assert found[1][2:] == [
        # a note in brackets names no cell of its own; 'Bộ Công an' is one name
        "| 1 | Tổ chức Tháng hành động vì an toàn thực phẩm | Bộ Y tế (Cơ quan thường trực Ban Chỉ đạo) | Các bộ, ngành "
        "thành viên | Hằng năm |",
        "| 2 | Rà soát thông tin quảng cáo trên mạng | Bộ Văn hóa, Thể thao và Du lịch; Bộ Công an | Bộ Khoa học và Công "
        "nghệ | Thường xuyên |",
    ]


def test_inspection_unit_double_name() -> None:
    from dondoc.plans.reflow import restore_breaks

    out = restore_breaks("I. NHIỆM VỤ 5.1. Vụ Thanh tra - Kiểm tra: chủ trì kiểm tra việc quản lý đại lý thu. 5.2. Ban Thu "
                         "- Kiểm tra định kỳ các đại lý thu.")
    assert "Vụ Thanh tra - Kiểm tra: chủ trì" in out  # (a double name, no bullet)
    assert "5.2. Ban Thu\n\n- Kiểm tra định kỳ" in out  # (a bullet after a name)


# --- a plan numbering with dashes ('I- MỤC ĐÍCH', '1- Tổ chức ...'), its breaks lost --------------------------------------
DASHED = (
    "ỦY BAN NHÂN DÂN TỈNH ĐÔNG THÀNH\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 188/KH-UBND\n"
    "Đông Thành, ngày 30 tháng 10 năm 2024\n"
    "KẾ HOẠCH\n"
    "TRIỂN KHAI THI HÀNH LUẬT ĐƯỜNG BỘ TRÊN ĐỊA BÀN TỈNH\n"
    "Thực hiện Quyết định số 1044/QĐ-TTg ngày 26/9/2024 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai thi hành Luật Đường bộ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:\n"
    "I- MỤC ĐÍCH, YÊU CẦU\n"
    "1- Mục đích\n"
    "a) Tuyên truyền, phổ biến, nâng cao nhận thức về Luật Đường bộ cho cán bộ và Nhân dân.\n"
    "b) Xác định cụ thể các nội dung công việc, thời hạn, tiến độ hoàn thành.\n"
    "2- Yêu cầu\n"
    "a) Bảo đảm sự chỉ đạo thống nhất của Ủy ban nhân dân tỉnh.\n"
    "b) Bảo đảm sự phối hợp chặt chẽ giữa các sở, ban, ngành và địa phương.\n"
    "II- NỘI DUNG\n"
    "1- Tổ chức tuyên truyền, phổ biến Luật Đường bộ\n"
    "a) Tổ chức hội nghị phổ biến Luật cho cán bộ, công chức, viên chức ngành giao thông vận tải.\n"
    "- Cơ quan chủ trì: Sở Giao thông vận tải.\n"
    "- Cơ quan phối hợp: Sở Tư pháp và các cơ quan, đơn vị có liên quan.\n"
    "- Thời gian thực hiện: Quý IV năm 2024.\n"
    "b) Tuyên truyền Luật trên các phương tiện thông tin đại chúng.\n"
    "- Cơ quan chủ trì: Báo Đông Thành, Đài Phát thanh và Truyền hình tỉnh.\n"
    "- Cơ quan phối hợp: Sở Giao thông vận tải.\n"
    "- Thời gian thực hiện: Thường xuyên.\n"
    "2- Tập huấn chuyên sâu cho lực lượng thực thi\n"
    "Cơ quan chủ trì: Sở Giao thông vận tải; Cơ quan phối hợp: Công an tỉnh, Thanh tra Sở Giao thông vận tải; Thời gian thực hiện: Quý I năm 2025.\n"
    "3- Rà soát hệ thống văn bản quy phạm pháp luật\n"
    "a) Cơ quan chủ trì: Sở Giao thông vận tải.\n"
    "b) Cơ quan phối hợp: Sở Tư pháp; các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố.\n"
    "c) Thời gian thực hiện: Quý IV năm 2024.\n"
    "4- Rà soát, phân loại hệ thống đường bộ\n"
    "Giao Sở Giao thông vận tải chủ trì, phối hợp với UBND các huyện, thị xã, thành phố rà soát, phân loại đường bộ trên địa bàn tỉnh theo quy định của Luật Đường bộ, hoàn thành trước ngày 30/6/2025.\n"
    "III- TỔ CHỨC THỰC HIỆN\n"
    "1- Sở Giao thông vận tải:\n"
    "- Là cơ quan đầu mối giúp Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
    "- Tổng hợp, báo cáo kết quả thực hiện về Bộ Giao thông vận tải trước ngày 15/12/2025.\n"
    "2- Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
    "3- Các sở, ban, ngành, UBND các huyện, thị xã, thành phố căn cứ nhiệm vụ được giao tổ chức thực hiện; báo cáo kết quả về Sở Giao thông vận tải trước ngày 30/11/2025./.\n"
)


def test_dash_numbered_plan_pasted() -> None:
    want = _pairs(parse_text(DASHED, source="x.txt"))
    assert want[0] == ("II.1.a", ["Sở Giao thông vận tải"]) and len(want) == 9
    for text in (flat(DASHED), paste(DASHED)):
        assert _pairs(parse_text(text, source="x.txt")) == want


def test_inline_dash_numbering_counter() -> None:
    from dondoc.plans.numbering import inline_dash_numbering

    # ranges and a lone 'I-' are no numbering; a plan numbered with dots is left as it is
    assert inline_dash_numbering("Giai đoạn I- II của Dự án, năm 2025 - 2030 Sở Y tế chủ trì.") is None
    assert inline_dash_numbering("I. MỤC ĐÍCH Bảo đảm an toàn. II- NỘI DUNG 1- Sở Y tế chủ trì.") is None


# --- items lettered 'a.', 'b.' in order; 'n)' items with their titles; '2. Sở Xây dựng: Hướng dẫn ...' ------------------
LETTER_DOT = (
    "ỦY BAN NHÂN DÂN TỈNH ĐÔNG THÀNH\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 188/KH-UBND\n"
    "Đông Thành, ngày 30 tháng 10 năm 2024\n"
    "KẾ HOẠCH\n"
    "TRIỂN KHAI THI HÀNH LUẬT ĐƯỜNG BỘ TRÊN ĐỊA BÀN TỈNH\n"
    "Thực hiện Quyết định số 1044/QĐ-TTg ngày 26/9/2024 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai thi hành Luật Đường bộ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Mục đích\n"
    "a. Tuyên truyền, phổ biến, nâng cao nhận thức về Luật Đường bộ cho cán bộ và Nhân dân.\n"
    "b. Xác định cụ thể các nội dung công việc, thời hạn, tiến độ hoàn thành.\n"
    "2. Yêu cầu\n"
    "a. Bảo đảm sự chỉ đạo thống nhất của Ủy ban nhân dân tỉnh.\n"
    "b. Bảo đảm sự phối hợp chặt chẽ giữa các sở, ban, ngành và địa phương.\n"
    "II. NỘI DUNG\n"
    "1. Tổ chức tuyên truyền, phổ biến Luật Đường bộ\n"
    "a. Tổ chức hội nghị phổ biến Luật cho cán bộ, công chức, viên chức ngành giao thông vận tải.\n"
    "- Cơ quan chủ trì: Sở Giao thông vận tải.\n"
    "- Cơ quan phối hợp: Sở Tư pháp và các cơ quan, đơn vị có liên quan.\n"
    "- Thời gian thực hiện: Quý IV năm 2024.\n"
    "b. Tuyên truyền Luật trên các phương tiện thông tin đại chúng.\n"
    "- Cơ quan chủ trì: Báo Đông Thành, Đài Phát thanh và Truyền hình tỉnh.\n"
    "- Cơ quan phối hợp: Sở Giao thông vận tải.\n"
    "- Thời gian thực hiện: Thường xuyên.\n"
    "2. Tập huấn chuyên sâu cho lực lượng thực thi\n"
    "Cơ quan chủ trì: Sở Giao thông vận tải; Cơ quan phối hợp: Công an tỉnh, Thanh tra Sở Giao thông vận tải; Thời gian thực hiện: Quý I năm 2025.\n"
    "3. Rà soát hệ thống văn bản quy phạm pháp luật\n"
    "a. Cơ quan chủ trì: Sở Giao thông vận tải.\n"
    "b. Cơ quan phối hợp: Sở Tư pháp; các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố.\n"
    "c. Thời gian thực hiện: Quý IV năm 2024.\n"
    "4. Rà soát, phân loại hệ thống đường bộ\n"
    "Giao Sở Giao thông vận tải chủ trì, phối hợp với UBND các huyện, thị xã, thành phố rà soát, phân loại đường bộ trên địa bàn tỉnh theo quy định của Luật Đường bộ, hoàn thành trước ngày 30/6/2025.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "1. Sở Giao thông vận tải:\n"
    "- Là cơ quan đầu mối giúp Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
    "- Tổng hợp, báo cáo kết quả thực hiện về Bộ Giao thông vận tải trước ngày 15/12/2025.\n"
    "2. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
    "3. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố căn cứ nhiệm vụ được giao tổ chức thực hiện; báo cáo kết quả về Sở Giao thông vận tải trước ngày 30/11/2025./.\n"
)


def test_letter_dot_items_pasted() -> None:
    want = _pairs(parse_text(LETTER_DOT, source="x.txt"))
    assert want[:2] == [("II.1.a", ["Sở Giao thông vận tải"]), ("II.1.b", ["Báo Đông Thành", "Đài Phát thanh và Truyền hình tỉnh"])]
    for text in (flat(LETTER_DOT), paste(LETTER_DOT)):
        assert _pairs(parse_text(text, source="x.txt")) == want


def test_letter_dot_counter() -> None:
    from dondoc.plans.reflow import _mark_breaks

    # a lone letter with a dot ('v.v.'), or a law's point ('điểm a.'), is no item (the merge into integ: the 'a.' items
    # are reflow._mark_breaks's, pasted4's letter_dot_items was the same rule twice)
    par = "Tổ chức tập huấn cho cán bộ cấp xã, v.v. Các sở phối hợp thực hiện theo điểm a. Khoản 2 Điều 5."
    assert _mark_breaks(par) == par


def test_body_colon_then_duty_pasted() -> None:
    text = NO_ROMAN.replace("b) Tổ chức thăm hỏi, tặng quà\n- Ủy ban Mặt trận Tổ quốc Việt Nam xã vận động",
                            "b) Ủy ban Mặt trận Tổ quốc Việt Nam xã:\nVận động")
    want = _pairs(parse_text(text, source="x.txt"))
    assert ("2.b", ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"]) in want
    for t in (flat(text), paste(text)):
        assert _pairs(parse_text(t, source="x.txt")) == want


# --- sub-items '1.1.', '1.2.' and blocks 'Nhiệm vụ 1:', their titles run into 'Giao <Body> ...' -------------------------
SUBITEMS = (
    "ỦY BAN NHÂN DÂN TỈNH ĐÔNG THÀNH\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 188/KH-UBND\n"
    "Đông Thành, ngày 30 tháng 10 năm 2024\n"
    "KẾ HOẠCH\n"
    "TRIỂN KHAI THI HÀNH LUẬT ĐƯỜNG BỘ TRÊN ĐỊA BÀN TỈNH\n"
    "Thực hiện Quyết định số 1044/QĐ-TTg ngày 26/9/2024 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai thi hành Luật Đường bộ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Mục đích\n"
    "a) Tuyên truyền, phổ biến, nâng cao nhận thức về Luật Đường bộ cho cán bộ và Nhân dân.\n"
    "b) Xác định cụ thể các nội dung công việc, thời hạn, tiến độ hoàn thành.\n"
    "2. Yêu cầu\n"
    "a) Bảo đảm sự chỉ đạo thống nhất của Ủy ban nhân dân tỉnh.\n"
    "b) Bảo đảm sự phối hợp chặt chẽ giữa các sở, ban, ngành và địa phương.\n"
    "II. NỘI DUNG\n"
    "1. Nhóm nhiệm vụ tuyên truyền\n"
    "1.1. Tổ chức tuyên truyền, phổ biến Luật Đường bộ\n"
    "a) Tổ chức hội nghị phổ biến Luật cho cán bộ, công chức, viên chức ngành giao thông vận tải.\n"
    "- Cơ quan chủ trì: Sở Giao thông vận tải.\n"
    "- Cơ quan phối hợp: Sở Tư pháp và các cơ quan, đơn vị có liên quan.\n"
    "- Thời gian thực hiện: Quý IV năm 2024.\n"
    "b) Tuyên truyền Luật trên các phương tiện thông tin đại chúng.\n"
    "- Cơ quan chủ trì: Báo Đông Thành, Đài Phát thanh và Truyền hình tỉnh.\n"
    "- Cơ quan phối hợp: Sở Giao thông vận tải.\n"
    "- Thời gian thực hiện: Thường xuyên.\n"
    "1.2. Tập huấn chuyên sâu cho lực lượng thực thi\n"
    "Cơ quan chủ trì: Sở Giao thông vận tải; Cơ quan phối hợp: Công an tỉnh, Thanh tra Sở Giao thông vận tải; Thời gian thực hiện: Quý I năm 2025.\n"
    "1.3. Rà soát hệ thống văn bản quy phạm pháp luật\n"
    "a) Cơ quan chủ trì: Sở Giao thông vận tải.\n"
    "b) Cơ quan phối hợp: Sở Tư pháp; các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố.\n"
    "c) Thời gian thực hiện: Quý IV năm 2024.\n"
    "1.4. Rà soát, phân loại hệ thống đường bộ\n"
    "Giao Sở Giao thông vận tải chủ trì, phối hợp với UBND các huyện, thị xã, thành phố rà soát, phân loại đường bộ trên địa bàn tỉnh theo quy định của Luật Đường bộ, hoàn thành trước ngày 30/6/2025.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "1. Sở Giao thông vận tải:\n"
    "- Là cơ quan đầu mối giúp Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
    "- Tổng hợp, báo cáo kết quả thực hiện về Bộ Giao thông vận tải trước ngày 15/12/2025.\n"
    "2. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
    "3. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố căn cứ nhiệm vụ được giao tổ chức thực hiện; báo cáo kết quả về Sở Giao thông vận tải trước ngày 30/11/2025./.\n"
)
TASK_BLOCKS = (
    "ỦY BAN NHÂN DÂN TỈNH ĐÔNG THÀNH\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 188/KH-UBND\n"
    "Đông Thành, ngày 30 tháng 10 năm 2024\n"
    "KẾ HOẠCH\n"
    "TRIỂN KHAI THI HÀNH LUẬT ĐƯỜNG BỘ TRÊN ĐỊA BÀN TỈNH\n"
    "Thực hiện Quyết định số 1044/QĐ-TTg ngày 26/9/2024 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai thi hành Luật Đường bộ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Mục đích\n"
    "a) Tuyên truyền, phổ biến, nâng cao nhận thức về Luật Đường bộ cho cán bộ và Nhân dân.\n"
    "b) Xác định cụ thể các nội dung công việc, thời hạn, tiến độ hoàn thành.\n"
    "2. Yêu cầu\n"
    "a) Bảo đảm sự chỉ đạo thống nhất của Ủy ban nhân dân tỉnh.\n"
    "b) Bảo đảm sự phối hợp chặt chẽ giữa các sở, ban, ngành và địa phương.\n"
    "II. NỘI DUNG\n"
    "Nhiệm vụ 1: Tổ chức tuyên truyền, phổ biến Luật Đường bộ\n"
    "a) Tổ chức hội nghị phổ biến Luật cho cán bộ, công chức, viên chức ngành giao thông vận tải.\n"
    "- Cơ quan chủ trì: Sở Giao thông vận tải.\n"
    "- Cơ quan phối hợp: Sở Tư pháp và các cơ quan, đơn vị có liên quan.\n"
    "- Thời gian thực hiện: Quý IV năm 2024.\n"
    "b) Tuyên truyền Luật trên các phương tiện thông tin đại chúng.\n"
    "- Cơ quan chủ trì: Báo Đông Thành, Đài Phát thanh và Truyền hình tỉnh.\n"
    "- Cơ quan phối hợp: Sở Giao thông vận tải.\n"
    "- Thời gian thực hiện: Thường xuyên.\n"
    "Nhiệm vụ 2: Tập huấn chuyên sâu cho lực lượng thực thi\n"
    "Cơ quan chủ trì: Sở Giao thông vận tải; Cơ quan phối hợp: Công an tỉnh, Thanh tra Sở Giao thông vận tải; Thời gian thực hiện: Quý I năm 2025.\n"
    "Nhiệm vụ 3: Rà soát hệ thống văn bản quy phạm pháp luật\n"
    "a) Cơ quan chủ trì: Sở Giao thông vận tải.\n"
    "b) Cơ quan phối hợp: Sở Tư pháp; các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố.\n"
    "c) Thời gian thực hiện: Quý IV năm 2024.\n"
    "Nhiệm vụ 4: Rà soát, phân loại hệ thống đường bộ\n"
    "Giao Sở Giao thông vận tải chủ trì, phối hợp với UBND các huyện, thị xã, thành phố rà soát, phân loại đường bộ trên địa bàn tỉnh theo quy định của Luật Đường bộ, hoàn thành trước ngày 30/6/2025.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "1. Sở Giao thông vận tải:\n"
    "- Là cơ quan đầu mối giúp Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
    "- Tổng hợp, báo cáo kết quả thực hiện về Bộ Giao thông vận tải trước ngày 15/12/2025.\n"
    "2. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
    "3. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố căn cứ nhiệm vụ được giao tổ chức thực hiện; báo cáo kết quả về Sở Giao thông vận tải trước ngày 30/11/2025./.\n"
)


def test_subitems_and_task_blocks_pasted() -> None:
    for plan in (SUBITEMS, TASK_BLOCKS):
        want = _pairs(parse_text(plan, source="x.txt"))
        assert len(want) == 9
        for text in (flat(plan), paste(plan)):
            assert _pairs(parse_text(text, source="x.txt")) == want


# --- headings naming a body with no number ('Đối với Phòng Giáo dục và Đào tạo:'), each over its duties ----------------
FOR_BODY = (
    "ỦY BAN NHÂN DÂN HUYỆN PHÚ AN\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 140/KH-UBND\n"
    "Phú An, ngày 15 tháng 6 năm 2025\n"
    "KẾ HOẠCH\n"
    "Phòng, chống đuối nước trẻ em năm 2025\n"
    "Thực hiện Kế hoạch số 75/KH-UBND ngày 01/4/2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\n"
    "I. MỤC TIÊU\n"
    "Giảm số trẻ em bị tử vong do đuối nước so với năm 2024.\n"
    "II. NHIỆM VỤ VÀ PHÂN CÔNG\n"
    "Đối với Phòng Văn hóa - Xã hội:\n"
    "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu Ủy ban nhân dân huyện triển khai Kế hoạch; tổng hợp, báo cáo kết quả trước ngày 15/12/2025.\n"
    "Đối với Phòng Giáo dục và Đào tạo:\n"
    "Chỉ đạo các trường học tổ chức dạy kỹ năng an toàn trong môi trường nước cho học sinh trước kỳ nghỉ hè.\n"
    "Đối với Trung tâm Văn hóa, Thông tin và Thể thao huyện:\n"
    "Tổ chức các lớp dạy bơi miễn phí cho trẻ em trong dịp hè năm 2025.\n"
    "Đối với Ủy ban nhân dân các xã, thị trấn:\n"
    "Rà soát, cắm biển cảnh báo tại các khu vực nguy hiểm; hoàn thành trước ngày 30/6/2025.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Phòng Văn hóa - Xã hội trước ngày 05/12/2025 để tổng hợp./.\n"
)


def test_unnumbered_body_headings() -> None:
    want = [
        ("II", ["Phòng Văn hóa - Xã hội"]), ("II", ["Phòng Giáo dục và Đào tạo"]),
        ("II", ["Trung tâm Văn hóa, Thông tin và Thể thao huyện"]), ("II", ["Ủy ban nhân dân các xã, thị trấn"]),
        ("III", ["Các cơ quan, đơn vị"]),
    ]
    for text in (FOR_BODY, flat(FOR_BODY), paste(FOR_BODY)):
        assert _pairs(parse_text(text, source="x.txt")) == want


def test_unnumbered_body_heading_counter() -> None:
    # the issuer asking ('Ủy ban nhân dân huyện yêu cầu:') heads no body's duties
    text = FOR_BODY.replace("Đối với Phòng Giáo dục và Đào tạo:", "Ủy ban nhân dân huyện yêu cầu:")
    assert ("II", ["Ủy ban nhân dân huyện yêu cầu"]) not in _pairs(parse_text(text, source="x.txt"))


def test_closing_report_after_the_last_body() -> None:
    # the plan's closing words after the last body's duties ('Báo cáo tình hình thực hiện Kế hoạch gửi ...') are no duty
    # of that body, once the break before them is put back
    text = CLOSING.replace(
        "3. Ủy ban nhân dân các xã, thị trấn\nChủ động xây dựng kế hoạch của địa phương và tổ chức thực hiện.\n",
        "3. Ủy ban nhân dân các xã, thị trấn: Chủ động xây dựng kế hoạch của địa phương và tổ chức thực hiện.\n"
        "Báo cáo tình hình thực hiện Kế hoạch gửi Phòng Lao động - Thương binh và Xã hội trước ngày 10/12 hằng năm.\n")
    for t in (flat(text), paste(text)):
        assert _pairs(parse_text(t, source="x.txt")).count(("II.3", ["Ủy ban nhân dân các xã, thị trấn"])) == 1
