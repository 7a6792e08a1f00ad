"""Annex tables converted from PDF whose pipe fragments keep no columns (plans.gridrow.read_loose): each line
of the table came out as a pipe fragment with a grid of its own (widths vary from line to line, one cell's words
split over two cells) or as a plain line whose cells ran together with two spaces between them; cells are centred
vertically in their rows, so is the row's number, and a page's number stands between two pages.

The three tables are made up (a ministry's decree plan without funding but with a product column; a province's
digital plan with a funding column, lettered groups and a page break; a province's plan whose time column stands
left of the lead's), written line by line from how such a converter slices a centred table; the expected rows
were written before the reader was run on them."""

from __future__ import annotations

import pytest

from dondoc.plans import gridless, gridnames, gridrow, parse_text
from dondoc.plans.gridheader import CANONICAL, _next_number, _roles

# STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm: rows numbered on across the
# groups ('3' under 'II'), a justified task line, a lead of two lines straddling the number's line (row 1), a name
# governed by 'của' inside the task ('hệ thống thông tin của Bộ')
MINISTRY = """\
|     |              | Đơn vị  |                 | Thời gian  |          |
| --- | ------------ | ------- | --------------- | ---------- | -------- |
| STT | Nhiệm vụ     |         | Đơn vị phối hợp |            | Sản phẩm |
|     |              | chủ trì |                 | hoàn thành |          |
I Hoàn thiện thể chế, chính sách
Xây dựng Thông tư hướng dẫn quản  Vụ Pháp chế; Văn
| lý giống cây trồng lâm nghiệp | Cục Lâm nghiệp | phòng Bộ; Viện | Thông tư được |
| 1 |  |  | Quý IV/2026 |  |
| và cấp chứng chỉ nguồn giống | và Kiểm lâm | Khoa học Lâm | ban hành |
theo quy định mới  nghiệp Việt Nam
Rà  soát,  sửa  đổi  quy  trình  kiểm
2 tra chuyên ngành đối với hàng hóa  Cục Chăn nuôi và Thú y  Vụ Pháp chế  2026  Quyết định sửa đổi
| xuất khẩu, nhập khẩu |  | Cục Thủy sản và |  |
Kiểm ngư
II Triển khai thi hành
| Tổ chức hội nghị phổ biến, tập | | Các Sở Nông nghiệp | Hội nghị tại 3 |
3 huấn Nghị định cho cán bộ  Vụ Tổ chức cán bộ  và Môi trường  Quý II/2026  miền
| các địa phương |  | các tỉnh, thành phố |  |

2
Kiểm tra, đánh giá tình hình thực hiện
4  Thanh tra Bộ  Cục Lâm nghiệp và Kiểm lâm  Hằng năm  Báo cáo kết quả
tại các địa phương, kết nối hệ thống thông tin của Bộ
Sơ kết, tổng kết việc thực hiện  Các Sở Nông nghiệp và
5  Vụ Kế hoạch - Tài chính  Năm 2028  Báo cáo tổng kết
Nghị định  Môi trường các tỉnh
"""

# TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Kinh phí | Thời gian thực hiện: lettered groups in
# capitals, a lead of two lines straddling the number's line while the partners' list goes on across it (row 2), a
# lead listing two bodies over three lines (row 4), 'Văn phòng UBND tỉnh', a page's number between two pages; three
# pipe lines of one width cut with one grid, the lead's two lines around the partner's one (row 5)
PROVINCE = """\
|    |                    | Cơ quan  | Cơ quan   |          | Thời gian  |
| -- | ------------------ | -------- | --------- | -------- | ---------- |
| TT | Nội dung công việc |          |           | Kinh phí |            |
|    |                    | chủ trì  | phối hợp  |          | thực hiện  |
A HẠ TẦNG SỐ
| Xây dựng nền tảng tích hợp, chia sẻ |  | Các sở, ngành; UBND |  |  |
1  Sở Khoa học và Công nghệ  NSNN  Quý III/2026
dữ liệu dùng chung của tỉnh  các xã, phường
Hỗ trợ chuyển đổi số cho hợp tác xã  Sở Nông nghiệp và
| | UBND các xã, | | Ngân sách | |
2 và hộ sản xuất nông nghiệp tiêu  Môi trường; Sở Tài  2026-2027
| | phường | | tỉnh | |
biểu  chính
B DỊCH VỤ SỐ
| Số hóa hồ sơ, kết quả giải quyết thủ | | Văn phòng UBND |  |
3 tục hành chính  Sở Nội vụ  tỉnh; các sở,  NSNN  Thường xuyên
| | | ngành |  |  |

12
Triển  khai  ứng  dụng  thanh  toán  không  Sở Giáo dục và  Ngân hàng Nhà nước
4 dùng tiền mặt trong trường học, cơ sở  Đào tạo; Sở Y  Khu vực 6; Công an  Xã hội hóa  2026
| y tế | tế | tỉnh | | |
| Xây dựng quy trình một cửa liên thông |  |  | Trung tâm Phục vụ |  |  |  |
| 5 |  |  |  | Sở Tài chính | NSNN | 2026 |
| cho thủ tục đầu tư |  |  | hành chính công |  |  |  |
"""

# STT | Nhiệm vụ, giải pháp | Thời gian thực hiện | Cơ quan chủ trì | Cơ quan phối hợp: the time left of the lead
# (read from the header), Roman groups with a dot in title case, a lead of two lines whose second holds the
# number's line left of the partners' name (row 1)
TIME_FIRST = """\
| STT | Nhiệm vụ, giải pháp | Thời gian  | Cơ quan chủ trì | Cơ quan phối hợp |
| --- | ------------------- | ---------- | --------------- | ---------------- |
|     |                     | thực hiện  |                 |                  |
I. Công tác tuyên truyền
Tuyên truyền, phổ biến nội dung Kế  Sở Văn hóa, Thể
| 1. | hoạch trên các phương tiện | Quý I/2026 | thao và Du lịch | Báo và Phát thanh, | |
đại chúng  Truyền hình Gia Lai
| Tổ chức hội nghị quán triệt cho cán bộ | Các sở, ban, ngành; |
2.  chủ chốt các cấp  Tháng 3/2026  Sở Nội vụ  UBND các xã, phường
II. Nâng cao hiệu quả quản lý
3. Kiểm tra việc thực hiện tại cơ sở  Hằng năm  Thanh tra tỉnh  Các sở, ngành liên quan
Ứng dụng bản đồ số quản lý đất  Sở Nông nghiệp
| 4. đai, tài nguyên | 2026-2027 | và Môi trường | Sở Khoa học và |
| | Công nghệ |
"""


def _rows(text: str) -> dict[str, list[str]]:
    got = gridless.read(text.split("\n"), 0)
    assert got is not None
    rows, end = got
    assert rows[0] == CANONICAL and end == len(text.split("\n"))
    return {r[0]: r for r in rows[1:]}


def test_a_ministry_annex_without_funding_is_read_row_by_row() -> None:
    rows = _rows(MINISTRY)
    assert list(rows) == ["I", "1", "2", "II", "3", "4", "5"]
    assert rows["I"][1:] == ["Hoàn thiện thể chế, chính sách", "", "", ""]
    # (lead, time) of each row: the product column right of the time stays out of both
    assert [(rows[k][2], rows[k][4]) for k in ("1", "2", "3", "4", "5")] == [
        ("Cục Lâm nghiệp", "Quý IV/2026"), ("Cục Chăn nuôi và Thú y", "2026"), ("Vụ Tổ chức cán bộ", "Quý II/2026"),
        ("Thanh tra Bộ", "Hằng năm"), ("Vụ Kế hoạch - Tài chính", "Năm 2028")]
    assert rows["2"][1] == "Rà  soát,  sửa  đổi  quy  trình  kiểm tra chuyên ngành đối với hàng hóa xuất khẩu, nhập khẩu"
    assert rows["4"][1].startswith("Kiểm tra, đánh giá tình hình thực hiện tại các địa phương")
    assert "Bộ" not in rows["4"][3].split("; ")  # 'hệ thống thông tin của Bộ': the task's words


def test_a_province_annex_with_funding_lettered_groups_and_a_page_break() -> None:
    rows = _rows(PROVINCE)
    assert list(rows) == ["A", "1", "2", "B", "3", "4", "5"]
    assert rows["B"][1] == "DỊCH VỤ SỐ"
    assert rows["1"][2:] == ["Sở Khoa học và Công nghệ", "Các sở, ngành, UBND các xã, phường", "Quý III/2026"]
    # the lead's two lines straddle the number's line; the partners' words there go on with their name above
    assert rows["2"][2:] == ["UBND các xã, phường", "Sở Nông nghiệp và Môi trường; Sở Tài chính", "2026-2027"]
    assert rows["2"][1] == "Hỗ trợ chuyển đổi số cho hợp tác xã và hộ sản xuất nông nghiệp tiêu biểu"
    assert rows["3"][2:] == ["Sở Nội vụ", "Văn phòng UBND", "Thường xuyên"]
    assert rows["4"][2:] == ["Sở Giáo dục và Đào tạo; Sở Y tế", "Ngân hàng Nhà nước; Công an tỉnh", "2026"]
    # within one slice a cell's place says its column: the name left of the number line's is the lead's
    assert rows["5"][2:] == ["Trung tâm Phục vụ hành chính công", "Sở Tài chính", "2026"]
    assert rows["4"][1] == "Triển  khai  ứng  dụng  thanh  toán  không dùng tiền mặt trong trường học, cơ sở y tế"


def test_a_time_column_left_of_the_lead_is_read_from_the_header() -> None:
    rows = _rows(TIME_FIRST)
    assert list(rows) == ["I", "1", "2", "II", "3", "4"]
    assert [(rows[k][2], rows[k][4]) for k in ("1", "2", "3", "4")] == [
        ("Sở Văn hóa, Thể thao và Du lịch", "Quý I/2026"), ("Sở Nội vụ", "Tháng 3/2026"),
        ("Thanh tra tỉnh", "Hằng năm"), ("Sở Nông nghiệp và Môi trường", "2026-2027")]
    assert rows["1"][1] == "Tuyên truyền, phổ biến nội dung Kế hoạch trên các phương tiện đại chúng"
    assert rows["4"][3] == "Sở Khoa học và Công nghệ"


def test_the_annex_rows_give_the_plans_assignments_and_nothing_else() -> None:
    plan = ("KẾ HOẠCH\nChuyển đổi số năm 2026\nI. MỤC ĐÍCH\nNâng cao hiệu quả quản lý.\nII. TỔ CHỨC THỰC HIỆN\n"
            "1. Sở Khoa học và Công nghệ: Chủ trì theo dõi, tổng hợp.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
            "Nguyễn Văn A\n\nPHỤ LỤC\nNHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026\n" + PROVINCE)
    got = parse_text(plan, source="x.md", year=2026)
    pairs = {(a["ref"], lead) for a in got["assignments"] for lead in a["lead"]}
    assert pairs == {
        ("II.1", "Sở Khoa học và Công nghệ"), ("PL.A.1", "Sở Khoa học và Công nghệ"), ("PL.A.2", "UBND các xã, phường"),
        ("PL.B.3", "Sở Nội vụ"), ("PL.B.4", "Sở Giáo dục và Đào tạo"), ("PL.B.4", "Sở Y tế"), ("PL.B.5", "Trung tâm Phục vụ hành chính công")}
    due = {a["ref"]: str(a["timing"].get("due"))[:10] for a in got["assignments"]}
    assert due["PL.A.1"] == "2026-09-30" and due["PL.A.2"] == "2027-12-31" and due["PL.B.4"] == "2026-12-31"


# --- the rules, one by one ---

def test_positions_count_only_where_most_fragments_have_the_headers_width() -> None:
    assert gridrow.aligned([["1", "Làm A", "Sở Y tế", "", "2026"], ["", "tiếp", "", "", ""], "plain line"], 5)
    assert not gridrow.aligned([["1", "Sở Y tế", "2026"], ["", "tiếp", "", "", ""], ["a", "b", "c", "d"]], 5)


@pytest.mark.parametrize(("cells", "line"), [
    (["", "Sở", "Tài chính;", "tham quan di tích"], "Sở Tài chính;  tham quan di tích"),  # a head word alone goes on
    (["Doanh", "nghiệp Sở Du", "lịch, Sở Văn"], "Doanh nghiệp Sở Du lịch, Sở Văn"),  # the first words of a head
    (["Sở Khoa", "học Trung tâm"], "Sở Khoa học Trung tâm"),  # a known name's first words
    (["", "Huế;", "Sở Du lịch;"], "Huế; Sở Du lịch;"),  # a list of names in one cell
    (["Cục Lâm nghiệp", "phòng Bộ; Viện"], "Cục Lâm nghiệp  phòng Bộ; Viện"),  # a whole name: the next column
    (["phường", "liên"], "phường liên"),  # the middle of a wrapped name
    (["Kêu gọi", "đầu tư"], "Kêu gọi đầu tư"),  # a task's words
    (["Sở Du lịch", "", "UBND"], "Sở Du lịch  UBND"),  # an empty cell between: columns apart
    (["x 2025-2030", "và Môi trường"], "x 2025-2030  và Môi trường"),  # no words go on from a time
])
def test_a_fragments_cells_join_where_one_cell_was_split(cells: list[str], line: str) -> None:
    assert gridrow.as_line(cells) == line


@pytest.mark.parametrize(("piece", "words", "goes_on"), [
    ("Sở Xây", "dựng", True), ("Sở Nông", "nghiệp và", True), ("Sở Văn hóa và Thể", "thao", True),
    ("UBND các xã", "phường liên", True), ("UBND các", "địa phương", True),
    ("Sở Du lịch", "tồn", False), ("Cục Lâm nghiệp", "phòng Bộ", False), ("Sở Tài chính", "chính", False),
])
def test_words_going_on_with_a_name_known_whole_or_by_its_first_words(piece: str, words: str, goes_on: bool) -> None:
    assert gridnames.completes(piece, words) is goes_on


@pytest.mark.parametrize(("line", "names"), [
    ("nghệ thuật cộng đồng (âm nhạc đường  Hiệp  hội  du  Các doanh nghiệp du", ["Hiệp  hội  du", "Các doanh nghiệp du"]),
    ("Đầu tư nâng cấp Bảo tàng Cổ vật Cung  Sở Tài chính", ["Sở Tài chính"]),  # the object of the task's verb
    ("thống thông tin của Bộ  Kiểm lâm", []),  # governed by 'của'
    ("Số hóa hồ sơ  Văn phòng UBND  Sở Nội vụ", ["Văn phòng UBND", "Sở Nội vụ"]),  # an office of a body: one name
    ("Sơ kết việc thực hiện  Các Sở Nông nghiệp và", ["Các Sở Nông nghiệp và"]),  # 'Các Sở' is one head
    ("Sở Y  Khu vực 6; Công an", ["Sở Y", "Công an"]),  # a name cut at a gap lists no next name
])
def test_names_on_a_line_of_run_together_cells(line: str, names: list[str]) -> None:
    assert gridrow._chunks(line)[1] == names


def test_rows_number_on_across_groups_and_a_time_column_before_the_lead() -> None:
    assert _next_number([("stt", "2", ""), ("group", "II", "X")]) == ("1", "3")
    assert _next_number([("stt", "1.2", "")]) == ("1.3",)
    titles = ["STT", "Nhiệm vụ", "Thời gian thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    assert _roles(titles) == {0: "stt", 2: "time", 3: "lead", 4: "support"}


def test_a_row_starts_on_a_line_opening_with_a_capital_or_a_bullet() -> None:
    assert gridrow.opens("Phương án/đề án khai thác  Trung tâm", bullets=False)
    assert gridrow.opens(["", "UBND các xã,", "", "hình thành"], bullets=False)
    assert not gridrow.opens("khách sạn cao cấp trục Lê Lợi.", bullets=True)
    assert gridrow.opens("- Tạo thuận lợi để thu hút", bullets=True) and not gridrow.opens("- Tạo thuận lợi", bullets=False)


# --- what the reader does not do yet (strict: a probe that starts passing must lose its mark) ---

# a lead of two lines straddling the number's line, while the partners' one line sits on it (gridnames.straddling_lead)
def test_probe_two_line_lead_around_a_one_line_partner() -> None:
    text = TIME_FIRST.rstrip("\n") + "\nRà soát, hoàn thiện quy chế phối  UBND các xã,\n| 5. | hợp giữa các cơ quan | 2026 | | Sở Tư pháp | |\nphường, đặc khu\n"
    assert _rows(text)["5"][2] == "UBND các xã, phường, đặc khu"


# a number merged over several task rows (one STT cell for two tasks, each with its own lead and time): a row each
# (gridless._whole_rows)
def test_probe_one_number_over_two_task_rows() -> None:
    text = TIME_FIRST.rstrip("\n") + (
        "\nTổ chức lớp tập huấn cho cán bộ cấp xã  Quý II/2026  Sở Nội vụ  UBND các xã\n5.\n"
        "Tổ chức lớp tập huấn cho doanh nghiệp  Quý III/2026  Sở Công Thương  Hiệp hội doanh nghiệp\n")
    rows = gridless.read(text.split("\n"), 0)[0]  # type: ignore[index]
    assert [(r[0], r[2]) for r in rows if r[0] == "5"] == [("5", "Sở Nội vụ"), ("5", "Sở Công Thương")]
