"""Task tables whose grid was lost in a PDF conversion (plans.gridless): synthetic text written
for these tests in the layouts such conversions produce."""

from __future__ import annotations

from dondoc.plans import gridless, gridrow, parse_text
from dondoc.plans.gridheader import _cell_end, _known_start

# pipe slices of each row interleaved with plain lines whose cells ran together; the row number
# sits in the middle of its row, the task's first words above it
MIXED = """\
| STT |     | Địa điểm | Đơn vị  | Đơn vị   | Nguồn    | Thời gian |
| --- | --- | -------- | ------- | -------- | -------- | --------- |
Nội dung nhiệm vụ
|     |     |          | chủ trì | phối hợp | kinh phí | thực hiện |
| --- | --- | -------- | ------- | -------- | -------- | --------- |
| I   | VÙNG ĐỒNG BẰNG VEN SÔNG |  |  |  |  |  |
Nâng cấp bến thuyền và nhà chờ  Xã An Hòa,
| tại các điểm tham quan (bảng chỉ |  | Xã Phú Mỹ | UBND |  |  |  |
| 1. |  |  |  | Sở Xây dựng | NSNN | 2026–2027 |
| dẫn, nhà vệ sinh) |  |  | các xã, phường |  |  |  |
Biên soạn tài liệu giới thiệu
| làng nghề truyền thống |  |  |  | UBND các xã |  |  |
2. cho khách tham quan  Các điểm du lịch,  Sở Văn hóa và Thể thao  NSNN 2026
| và học sinh |  |  |  | phường |  |  |
| II  | VÙNG NÚI |  |  |  |  |  |
3. Tổ chức lễ hội mùa hoa hằng năm  Sở Du lịch UBND các xã  XHH Thường xuyên
| tại các bản vùng cao |  |  |  |  |  |  |
Hỗ trợ hộ gia đình làm homestay
| 4. |  |  |  | Sở Công Thương | NSNN | Quý I–II/2026 |
| đạt chuẩn | | | Ủy ban nhân dân các xã | | | |
"""

# no pipes: a header on one line, then each row's cells run together on its numbered line
RUN_TOGETHER = """\
STT Nội dung nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian thực hiện
I NHIỆM VỤ CHUNG
1. Xây dựng bộ tiêu chí đánh giá điểm đến  Sở Du lịch  UBND các xã, phường  2026
2. Tập huấn kỹ năng phục vụ khách  Sở Du lịch  Hiệp hội Du lịch  Năm 2027
3. Rà soát thủ tục đăng ký kinh doanh  Sở Tài chính  Sở Du lịch  Thường xuyên
"""


def _rows(text: str) -> list[list[str]]:
    got = gridless.read(text.split("\n"), 0)
    assert got is not None
    return got[0]


def test_mixed_slices_rows_put_back_together() -> None:
    rows = _rows(MIXED)
    assert rows[0] == gridless.CANONICAL
    by = {r[0]: r for r in rows[1:]}
    assert by["I"][1] == "VÙNG ĐỒNG BẰNG VEN SÔNG" and by["I"][2] == ""
    # the lead's column from its pipe slices, wrapped over two of them
    assert by["1"][2] == "UBND các xã, phường" and by["1"][3] == "Sở Xây dựng" and by["1"][4] == "2026–2027"
    assert by["1"][1].startswith("Nâng cấp bến thuyền và nhà chờ tại các điểm tham quan")
    # names run together on a plain line are read right to left: the last is the partners'
    assert by["2"][2] == "Sở Văn hóa và Thể thao" and by["2"][4] == "2026"
    assert by["3"][2] == "Sở Du lịch" and "UBND các xã" in by["3"][3] and by["3"][4] == "Thường xuyên"
    assert by["4"][2] == "Ủy ban nhân dân các xã" and by["4"][4] == "Quý I–II/2026"


def test_run_together_rows_without_pipes() -> None:
    rows = _rows(RUN_TOGETHER)
    by = {r[0]: r for r in rows[1:]}
    assert [by[k][2] for k in ("1", "2", "3")] == ["Sở Du lịch", "Sở Du lịch", "Sở Tài chính"]
    assert by["2"][3] == "Hiệp hội Du lịch" and by["3"][4] == "Thường xuyên"
    assert by["1"][1] == "Xây dựng bộ tiêu chí đánh giá điểm đến"


def test_ordinary_pipe_table_is_left_alone() -> None:
    text = "| STT | Nội dung | Đơn vị chủ trì | Thời gian |\n| --- | --- | --- | --- |\n| 1 | Làm A | Sở Y tế | 2026 |\n| 2 | Làm B | Sở Tài chính | 2026 |\n"
    assert gridless.read(text.split("\n"), 0) is None


def test_annex_under_the_signature_without_phu_luc_heading() -> None:
    plan = (
        "KẾ HOẠCH\nPhát triển du lịch\nI. MỤC ĐÍCH\nNâng cao chất lượng.\nII. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Du lịch: Chủ trì theo dõi, tổng hợp.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nNguyễn Văn A\n\n"
        "DANH MỤC NHIỆM VỤ\n" + MIXED
    )
    got = parse_text(plan, source="x.md", year=2026)
    annex = {(a["ref"], tuple(a["lead"])) for a in got["assignments"] if a["ref"].startswith("PL")}
    assert ("PL.I.1", ("UBND các xã, phường",)) in annex
    assert ("PL.II.4", ("Ủy ban nhân dân các xã",)) in annex
    due = {a["ref"]: a["timing"]["due"] for a in got["assignments"]}
    assert str(due["PL.I.1"])[:10] == "2027-12-31" and str(due["PL.II.4"])[:10] == "2026-06-30"
    # rows put back together are flagged for a reviewer
    assert all(a["confidence"] <= 0.5 for a in got["assignments"] if a["ref"].startswith("PL"))
    assert any("mất khung" in w for w in got["warnings"])


def test_header_repeated_on_a_new_page_and_sub_numbered_rows() -> None:
    text = (
        "STT Nội dung nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian thực hiện\n"
        "I HẠ TẦNG\n"
        "1.1 Xây dựng trạm quan trắc tự động  Sở Nông nghiệp và Môi trường  UBND các xã  Năm 2026\n"
        "1.2 Nâng cấp đường vào khu du lịch  Sở Xây dựng  UBND các xã  2026–2027\n"
        "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |\n"
        "1.3 Tập huấn cán bộ quản lý  Sở Nội vụ  Sở Tài chính  Quý III/2026\n"
    )
    rows = _rows(text)
    by = {r[0]: r for r in rows[1:]}
    assert by["1.1"][2] == "Sở Nông nghiệp và Môi trường" and by["1.2"][2] == "Sở Xây dựng"
    assert by["1.3"][2] == "Sở Nội vụ" and by["1.3"][4] == "Quý III/2026"
    assert all("chủ trì" not in r[2] for r in rows[1:])


# title-case group rows, numbers alone or before a column gap
TITLE_CASE = """\
| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
| --- | --- | --- | --- | --- |
I. Phát triển sản phẩm du lịch
Xây dựng tour du lịch
| đêm tại trung tâm |  |  |  |  |
1
| thành phố |  | Sở Du lịch | UBND các phường | Quý II/2025 |
Tổ chức lễ hội ẩm thực
2  Sở Văn hóa và Thể thao  Sở Du lịch  Năm 2025
| đường phố |  |  |  |  |
II. Quảng bá, xúc tiến
Quảng bá trên mạng xã hội
| 1 | và báo chí | Sở Du lịch | Hiệp hội Du lịch | Thường xuyên |
Tổ chức hội chợ du lịch
| quốc tế |  | Trung tâm Xúc tiến | Sở Công Thương | 2025 |
2
"""


def test_title_case_groups_and_bare_row_numbers() -> None:
    rows = _rows(TITLE_CASE)
    assert [r[0] for r in rows[1:]] == ["I", "1", "2", "II", "1", "2"]
    assert rows[1][1] == "Phát triển sản phẩm du lịch"
    assert rows[3][2] == "Sở Văn hóa và Thể thao" and rows[3][4] == "Năm 2025"
    assert rows[5][1] == "Quảng bá trên mạng xã hội và báo chí" and rows[6][2] == "Trung tâm Xúc tiến"


# a group's numeral alone on its line (or alone in its row), its title on the next line
LONE_GROUP = """\
| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
| --- | --- | --- | --- | --- |
I
PHÁT TRIỂN SẢN PHẨM
Xây dựng tour du lịch
| 1. | đêm tại trung tâm | Sở Du lịch | UBND các phường | Quý II/2025 |
Tổ chức lễ hội ẩm thực
2.  Sở Văn hóa và Thể thao  Sở Du lịch  Năm 2025
| II |  |  |  |  |
QUẢNG BÁ
Quảng bá trên mạng xã hội
| 1. | và báo chí | Sở Du lịch | Hiệp hội Du lịch | Thường xuyên |
Tổ chức hội chợ du lịch
| 2. | quốc tế | Trung tâm Xúc tiến | Sở Công Thương | 2025 |
Phát hành ấn phẩm
| 3. | quảng bá | Sở Du lịch |  | 2025 |
"""


def test_group_numeral_alone_with_its_title_below() -> None:
    rows = _rows(LONE_GROUP)
    assert [(r[0], r[1]) for r in rows[1:] if not r[2]] == [("I", "PHÁT TRIỂN SẢN PHẨM"), ("II", "QUẢNG BÁ")]
    assert rows[2][1] == "Xây dựng tour du lịch đêm tại trung tâm" and rows[-1][1] == "Phát hành ấn phẩm quảng bá"


# emphasis marks on the header, the group rows and a group line
BOLD = """\
| **STT** | **Nội dung** | **Đơn vị chủ trì** | **Đơn vị phối hợp** | **Thời gian** |
| --- | --- | --- | --- | --- |
| **I** | **PHÁT TRIỂN SẢN PHẨM** | | | |
Xây dựng tour du lịch
| 1. | đêm tại trung tâm | Sở Du lịch | UBND các phường | Quý II/2025 |
Tổ chức lễ hội ẩm thực
2.  Sở Văn hóa và Thể thao  Sở Du lịch  Năm 2025
**II. QUẢNG BÁ**
Quảng bá trên mạng xã hội
| 1. | và báo chí | Sở Du lịch | Hiệp hội Du lịch | Thường xuyên |
Tổ chức hội chợ du lịch
| 2. | quốc tế | Trung tâm Xúc tiến | Sở Công Thương | 2025 |
Phát hành ấn phẩm
| 3. | quảng bá | Sở Du lịch |  | 2025 |
"""


def test_emphasis_marks_do_not_hide_headers_and_groups() -> None:
    rows = _rows(BOLD)
    assert [r[0] for r in rows[1:]] == ["I", "1", "2", "II", "1", "2", "3"]
    assert rows[2][1] == "Xây dựng tour du lịch đêm tại trung tâm" and rows[2][2] == "Sở Du lịch"



def test_a_lost_grid_table_in_the_body_gives_way_to_the_next_section() -> None:
    text = "KẾ HOẠCH\nX\nI. NHIỆM VỤ\n" + BOLD + """\
II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính bố trí kinh phí thực hiện.
2. Sở Du lịch theo dõi, đôn đốc, tổng hợp báo cáo.
"""
    plan = parse_text(text, source="body.md", year=2025)
    pairs = {(a["ref"], a["lead"][0]) for a in plan["assignments"]}
    assert {("II.1", "Sở Tài chính"), ("II.2", "Sở Du lịch"), ("I.I.1", "Sở Du lịch")} <= pairs
    assert not any(ref.startswith("I.II.") and lead == "Sở Tài chính" for ref, lead in pairs)


# a header of several lines whose 'STT' sits on the second; funding marked 'x' in two columns and a
# 'Nội dung cụ thể' column right of the time; Roman group rows without a dot in title case; numbered
# sub-group rows ('1 Chính sách ...', '2.1 Du lịch ...') whose rows spell them ('1.1') or number
# again from '1'; a row number without a dot before lower-case words, known by the sequence
SUBGROUPS = """\
PHỤ LỤC
Danh mục nhiệm vụ ưu tiên
|     |          | Cơ quan |                  | Ngân     | Nguồn   | Thời gian |                 |
| --- | -------- | ------- | ---------------- | -------- | ------- | --------- | --------------- |
| STT | Nội dung |         | Cơ quan phối hợp |          |         |           | Nội dung cụ thể |
|     |          | chủ trì |                  | sách nhà | xã hội  | thực hiện |                 |
|     |          |         |                  | nước     | hóa     |           |                 |
I Xây dựng cơ chế, chính sách
1 Chính sách hỗ trợ đầu tư hạ tầng du lịch
Cơ chế cho thuê tài sản công đối với
| 1.1 | | Sở Tài chính | Sở Du lịch | x | | 2025 | - Các công trình |
các công trình di tích  nhà cổ
1.2 Cơ chế miễn giảm tiền thuê đất  Sở Tài chính Sở Xây dựng x x 2025-2026 - Giảm tiền thuê đất
2 Chính sách hỗ trợ quảng bá
2.1 Hỗ trợ quảng bá trên mạng xã hội  Sở Du lịch Sở Văn hóa và Thể thao x 2026 hỗ trợ kinh phí
| --- | --- | --- | --- | --- | --- | --- | --- |
II Phát triển sản phẩm du lịch
2.1 Du lịch di sản
1 Tổ chức lễ hội đêm Hoàng thành  Trung tâm Bảo tồn Di tích x x Hằng năm tạo điểm nhấn
2 khu phố cổ kết hợp ẩm thực  Sở Du lịch UBND các phường x 2025-2030 mở rộng
2.2 Du lịch sinh thái
1 Xây dựng tour rừng nguyên sinh  Ban Quản lý Vườn quốc gia x x 2026-2030 thuê môi trường
"""


def test_sub_group_rows_and_a_header_whose_stt_sits_below() -> None:
    rows = _rows(SUBGROUPS.split("\n", 2)[2])
    assert [r[0] for r in rows[1:]] == ["I", "1", "1.1", "1.2", "2", "2.1", "II", "2.1", "1", "2", "2.2", "1"]
    by = {r[0]: r for r in rows[1:] if r[2]}
    # the 'x' funding marks and the words of the column right of the time stay out of the lead and the time
    assert by["1.2"][2] == "Sở Tài chính" and by["1.2"][4] == "2025-2026"
    assert by["1.1"][2] == "Sở Tài chính" and by["1.1"][3] == "Sở Du lịch"


def test_sub_group_rows_give_the_annex_refs() -> None:
    plan = (
        "KẾ HOẠCH\nPhát triển du lịch\nI. MỤC ĐÍCH\nNâng cao chất lượng.\nII. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Du lịch: Chủ trì theo dõi, tổng hợp.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nNguyễn Văn A\n\n" + SUBGROUPS
    )
    got = parse_text(plan, source="x.md", year=2025)
    annex = {(a["ref"], a["lead"][0]) for a in got["assignments"] if a["ref"].startswith("PL")}
    # PL.<group>.<row>: a row number spelling its sub-group ('1.1') writes it once; rows numbered again
    # under a sub-group ('2.1' then '1') add their number to it
    assert annex == {
        ("PL.I.1.1", "Sở Tài chính"), ("PL.I.1.2", "Sở Tài chính"), ("PL.I.2.1", "Sở Du lịch"),
        ("PL.II.2.1.1", "Trung tâm Bảo tồn Di tích"), ("PL.II.2.1.2", "Sở Du lịch"),
        ("PL.II.2.2.1", "Ban Quản lý Vườn quốc gia"),
    }
    due = {a["ref"]: str(a["timing"]["due"])[:10] for a in got["assignments"]}
    assert due["PL.I.1.2"] == "2026-12-31" and due["PL.II.2.2.1"] == "2030-12-31"


def test_a_rebuilt_lead_keeps_the_known_name_and_drops_the_neighbours_words() -> None:
    # words of the cells next to the lead ran into it; a known name going on in lower case is cut there
    assert _known_start("Sở Du lịch lược truyền") == "Sở Du lịch"
    assert _known_start("Sở Tài chính liên") == "Sở Tài chính"
    # but a name's own level or place, a list, or a longer known name stays whole
    assert _known_start("Hội Nông dân tỉnh") == "Hội Nông dân tỉnh"
    assert _known_start("Sở Du lịch, Sở Văn hóa và Thể thao") == "Sở Du lịch, Sở Văn hóa và Thể thao"
    assert _known_start("Sở Du lịch TP") == "Sở Du lịch TP"


def test_a_bare_row_number_before_any_task_verb_opens_a_row() -> None:
    """'4 Đánh giá ...': a number without its dot is a row's number before the capitalised verb a task
    opens with (any of the task verbs, not a fixed few); before other words it is not."""
    from dondoc.plans.gridheader import _STT_PLAIN

    for line in ("4 Đánh giá kết quả thực hiện", "12 Phổ biến quy định mới", "3 Khảo sát hiện trạng", "7 Xây dựng kế hoạch"):
        m = _STT_PLAIN.match(line)
        assert m and m.group(1) == line.split()[0], line
    for line in ("4 phường Nội Thành", "2 Sở Du lịch", "3 Đánh bắt hải sản"):
        assert not _STT_PLAIN.match(line), line


_TITLES = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]


def test_the_lead_is_read_on_the_row_number_line_where_a_short_cell_sits() -> None:
    """A table's cells are centred vertically: a short lead cell sits on the line of the row's number,
    while the names on the lines above belong to taller cells (the partners' list, the details)."""
    from dondoc.plans.gridheader import _roles

    above = "Chính sách hỗ trợ các hoạt động  Sở Văn hóa và Thể  tích, kinh phí khác"
    anchor = "4.1 những người nổi tiếng (KOLS,  Sở Du lịch  2026"
    row = gridrow.read_row([above, anchor, "mạng xã hội, thương mại điện tử"], anchor, _roles(_TITLES), len(_TITLES))
    assert row[1] == "Sở Du lịch"
    assert row[3] == "2026"


def test_a_name_cell_ends_at_a_column_gap_unless_the_cell_is_justified() -> None:
    assert _cell_end("TTXTĐT,  Danh mục các địa điểm đầu") == "TTXTĐT,"
    assert _cell_end("Sở Tài chính; UBND  Ưu đãi vay vốn từ Quỹ") == "Sở Tài chính; UBND"
    assert _cell_end("Sở  Tài  chính,  Sở") == "Sở  Tài  chính,  Sở"
    assert _cell_end("Sở Du lịch") == "Sở Du lịch"


def test_a_time_run_into_the_funding_marks_cell_is_the_rows_time() -> None:
    """'x 2025-2030': the tick of a funding column and the time, one cell of a slice with columns of its own."""
    from dondoc.plans.gridheader import _roles

    titles = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Ngân sách", "Xã hội hóa", "Thời gian thực hiện"]
    anchor = ["1.1", "Kêu gọi đầu tư khách sạn", "Sở Du lịch", "", "", "x 2025-2030"]
    row = gridrow.read_row([anchor], anchor, _roles(titles), len(titles))
    assert row[1] == "Sở Du lịch" and row[3] == "2025-2030"


def test_centres_and_boards_named_by_initials_open_a_name() -> None:
    """'TT' (Trung tâm) or 'BQL' (Ban quản lý) and initials name a body; 'TTHC' (thủ tục hành chính),
    'TTĐT' (thông tin điện tử) or a circular's code ('TT-BTC') do not."""
    from dondoc.plans.bodies import HEAD

    for name in ("TTXTĐT, TM&HTDN", "TTBT Di tích Cố đô Huế", "TTYT huyện", "BQL dự án"):
        assert HEAD.match(name), name
    for word in ("TTHC", "TTĐT", "TT-BTC", "TTg"):
        assert not HEAD.match(word), word


def test_a_second_whole_time_off_the_number_line_gives_way_to_the_one_on_it() -> None:
    # row 3's task wraps onto a line ending in a period of years: the row's time cell is on its number line
    text = RUN_TOGETHER.rstrip("\n") + "\n" + (
        "4. Hỗ trợ phát triển du lịch cộng đồng  Sở Du lịch  Sở Tài chính  2025-2026\n"
        "trên địa bàn thành phố giai đoạn 2026-2030\n"
        "5. Tổ chức lễ hội ẩm thực  Sở Du lịch  UBND các xã, phường  2027\n"
    )
    rows, _ = gridless.read(text.split("\n"), 0)
    row = next(r for r in rows if r[0] == "4")
    assert row[2] == "Sở Du lịch" and row[4] == "2025-2026"


# the header has eight columns; the rows' slices have six (the converter merged the funding and detail columns):
# the slice's own line with a whole time says where its lead, partners, funding marks and time stand
MERGED_COLUMNS = """\
| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Ngân sách | Xã hội hóa | Thời gian | Nội dung cụ thể |
| --- | --- | --- | --- | --- | --- | --- | --- |
I Xây dựng cơ chế, chính sách
| Thành lập khu dịch vụ du lịch | Sở Tài chính | Sở Xây dựng; Sở Du | | | hình thành cơ sở |
| 1.1 | | lịch | x | 2025-2026 | dịch vụ đạt chuẩn |
- Phát huy di sản gắn với
kinh tế dịch vụ
| Hỗ trợ lãi suất cho hộ làm | Sở Du lịch | UBND các xã, | | | hỗ trợ vốn vay |
| 1.2 | | phường | x x | 2026 | ưu đãi |
- Hỗ trợ người dân
tiếp cận vốn
| Tổ chức lễ hội ẩm thực | Sở Công Thương | Hiệp hội Du lịch | | | quảng bá |
| 1.3 | | | x | Hằng năm | món ăn Huế |
- Kết hợp du lịch đêm
"""


def test_slices_with_fewer_cells_than_the_header_are_read_by_the_order_of_their_cells() -> None:
    # no fragment has the header's width: each is read by the order of its cells (gridrow.read_loose)
    rows = {r[0]: [c.replace(";", ",") for c in r] for r in _rows(MERGED_COLUMNS)}
    assert rows["1.1"][2:] == ["Sở Tài chính", "Sở Xây dựng, Sở Du lịch", "2025-2026"]
    assert rows["1.2"][2:] == ["Sở Du lịch", "UBND các xã, phường", "2026"]
    assert rows["1.3"][2:] == ["Sở Công Thương", "Hiệp hội Du lịch", "Hằng năm"]


# --- tables printed by `pdftotext -layout` (plans.layoutgrid): words at their columns' x-positions ---

from dondoc.plans import layoutgrid  # noqa: E402


def _at(*cells: tuple[int, str]) -> str:
    """A line of `pdftotext -layout` text: each cell's words from its x-position on."""
    line = ""
    for x, text in cells:
        line = line.ljust(x) + text
    return line


# STT | Nội dung (x 5) | Đơn vị chủ trì (x 27) | Đơn vị phối hợp (x 42) | Thời gian (x 57): the lead and
# partners' columns are one space apart, their titles run together on the header's lines
NARROW = "\n".join([
    _at((0, "STT"), (5, "Nội dung"), (27, "Đơn vị chủ trì Đơn vị phối"), (57, "Thời gian")),
    _at((42, "hợp"), (57, "thực hiện")),
    _at((0, "I"), (5, "NHIỆM VỤ CHUNG")),
    _at((0, "1"), (5, "Xây dựng bộ tiêu chí"), (27, "Sở Du lịch"), (42, "UBND các xã,"), (57, "2026")),
    _at((5, "đánh giá điểm đến"), (42, "phường liên"),),
    _at((42, "quan")),
    _at((0, "2"), (5, "Tập huấn kỹ năng"), (27, "Sở Văn hóa và"), (42, "Hiệp hội Du"), (57, "Quý II/2027")),
    _at((5, "phục vụ khách"), (27, "Thể thao"), (42, "lịch")),
    _at((0, "3"), (5, "Rà soát thủ tục"), (27, "Sở Tài chính"), (42, "Sở Du lịch"), (57, "Hằng năm")),
    "",
])


def test_layout_columns_one_space_apart_are_split_where_no_body_line_has_a_character() -> None:
    rows, end = layoutgrid.read(NARROW.split("\n"), 0)
    assert end == len(NARROW.split("\n"))  # the table runs to the end of the text
    assert rows[0] == ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]
    assert rows[1] == ["I", "NHIỆM VỤ CHUNG", "", "", ""]
    assert rows[2] == ["1", "Xây dựng bộ tiêu chí đánh giá điểm đến", "Sở Du lịch", "UBND các xã, phường liên quan", "2026"]
    assert rows[3] == ["2", "Tập huấn kỹ năng phục vụ khách", "Sở Văn hóa và Thể thao", "Hiệp hội Du lịch", "Quý II/2027"]
    assert rows[4][2:] == ["Sở Tài chính", "Sở Du lịch", "Hằng năm"]


# cells centred vertically: each row's number in its middle, its first lines above it
CENTRED = "\n".join([
    _at((0, "TT"), (6, "Nhiệm vụ"), (30, "Cơ quan chủ"), (46, "Cơ quan phối"), (62, "Thời hạn")),
    _at((30, "trì"), (46, "hợp")),
    _at((6, "Tổ chức hội nghị phổ"), (46, "Các sở, ngành;")),
    _at((0, "1"), (6, "biến kế hoạch đến các"), (30, "Sở Du lịch"), (46, "UBND các xã,"), (62, "Quý I/2026")),
    _at((6, "địa phương"), (46, "phường")),
    _at((6, "Kiểm tra, đôn đốc việc"), (30, "Sở Nội vụ;")),
    _at((0, "2"), (6, "thực hiện kế hoạch tại"), (30, "Văn phòng"), (46, "Sở Tài chính"), (62, "Hằng năm")),
    _at((6, "các cơ quan, đơn vị"), (30, "UBND tỉnh")),
])


def test_layout_centred_rows_start_where_their_cells_open_not_at_their_number() -> None:
    rows, _ = layoutgrid.read(CENTRED.split("\n"), 0)
    assert rows[1] == ["1", "Tổ chức hội nghị phổ biến kế hoạch đến các địa phương", "Sở Du lịch",
                       "Các sở, ngành; UBND các xã, phường", "Quý I/2026"]
    assert rows[2] == ["2", "Kiểm tra, đôn đốc việc thực hiện kế hoạch tại các cơ quan, đơn vị",
                       "Sở Nội vụ; Văn phòng UBND tỉnh", "Sở Tài chính", "Hằng năm"]


# a page break (a blank line) after which the page sets its columns at other x-positions; sub-rows 'a', 'b'
PAGES = "\n".join([
    _at((0, "TT"), (6, "Nội dung"), (24, "Cơ quan chủ"), (40, "Cơ quan phối"), (56, "Thời gian")),
    _at((24, "trì"), (40, "hợp")),
    _at((0, "1"), (6, "Tuyên truyền Nghị"), (24, "Cục Lâm nghiệp"), (40, "Vụ Pháp chế"), (56, "Quý III/2026")),
    _at((6, "định")),
    _at((0, "2"), (6, "Rà soát văn bản")),
    "",
    _at((0, "a"), (4, "Xây dựng Thông tư"), (22, "Cục Lâm nghiệp"), (37, "Vụ Pháp chế;"), (52, "Quý IV/2026")),
    _at((4, "hướng dẫn"), (37, "các cơ quan")),
    _at((0, "b"), (4, "Cập nhật danh mục"), (22, "Viện Khoa học"), (37, "Cục Biến đổi"), (52, "Thường xuyên")),
    _at((22, "lâm nghiệp"), (37, "khí hậu")),
])


def test_layout_a_page_break_resets_the_column_borders_and_letters_open_sub_rows() -> None:
    rows, _ = layoutgrid.read(PAGES.split("\n"), 0)
    assert [r[0] for r in rows[1:]] == ["1", "2", "a", "b"]
    assert rows[3] == ["a", "Xây dựng Thông tư hướng dẫn", "Cục Lâm nghiệp", "Vụ Pháp chế; các cơ quan", "Quý IV/2026"]
    assert rows[4][2:] == ["Viện Khoa học lâm nghiệp", "Cục Biến đổi khí hậu", "Thường xuyên"]


def test_layout_reader_leaves_other_text_alone() -> None:
    lines = ["STT Nội dung Đơn vị chủ trì Thời gian", "1. Tổ chức hội nghị  Sở Du lịch  2026"]
    assert layoutgrid.read(lines, 0) is None  # titles one space apart: no -layout header
    # titles whose border was not found (lead and partners in one column): left to the other readers
    merged = [_at((0, "STT"), (5, "Nội dung"), (27, "Đơn vị chủ trì Đơn vị phối hợp"), (60, "Thời gian")),
              _at((0, "1"), (5, "Tổ chức hội nghị"), (27, "Sở Du lịch UBND các xã"), (60, "2026")),
              _at((0, "2"), (5, "Tập huấn"), (27, "Sở Nội vụ Sở Tài chính"), (60, "2027"))]
    assert layoutgrid.read(merged, 0) is None


def test_layout_rows_are_rebuilt_with_low_confidence_and_a_warning() -> None:
    text = "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\nI. NHIỆM VỤ\n\n" + CENTRED + "\n"
    parsed = parse_text(text, source="layout.txt", year=2026)
    rows = parsed["assignments"]
    assert [a["lead"] for a in rows] == [["Sở Du lịch"], ["Sở Nội vụ", "Văn phòng UBND tỉnh"]]
    assert all(a["confidence"] <= 0.5 for a in rows)
    assert any("mất khung" in w for w in parsed["warnings"])
