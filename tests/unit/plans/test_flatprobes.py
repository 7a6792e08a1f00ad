"""Plans whose line breaks were lost (a plan copied from a law-library web page), by cause: invented texts in the
genre, each read as written, flattened (every line joined with a space) and pasted (each paragraph wrapped at 78
columns, every paragraph break lost, markdown dropped and a table's cells joined by spaces, as benchmarks/_paste.py
does); the three must give the same entries."""

from __future__ import annotations

import re
from typing import Any

import pytest

from dondoc.plans import parse_text
from tests.unit.plans.madeup import paste

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH SÔNG XANH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\nSố: 27/KH-UBND\nSông Xanh, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\n"
        "Triển khai công tác cải cách hành chính năm 2026\n"
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai công tác cải cách hành chính năm 2026 như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng phục vụ người dân, doanh nghiệp.\n"
        "2. Yêu cầu\nTriển khai đồng bộ, hiệu quả, đúng tiến độ.\n")
FOOT = ("Nơi nhận:\n- Bộ Nội vụ (b/c);\n- Các sở, ban, ngành;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\nTrần Văn Nam\n")
LAYOUTS = ("lines", "flat", "paste")


def _web(text: str) -> str:
    """As a law-library page's copy gives a text (benchmarks/_paste.py): markdown marks dropped, a table's separator row
    dropped and its cells joined by spaces, then pasted."""
    lines = []
    for ln in re.sub(r"\*|^#{1,6}\s*", "", text, flags=re.M).splitlines():
        if ln.startswith("|"):
            if re.fullmatch(r"[|\s:-]+", ln):
                continue
            ln = " ".join(c.strip() for c in ln.strip("|").split("|") if c.strip())
        lines.append(ln)
    return paste("\n".join(lines))


def _render(text: str, layout: str) -> str:
    if layout == "flat":
        return " ".join(text.split())
    return _web(text) if layout == "paste" else text


def _pairs(body: str, layout: str) -> list[tuple[str, list[str]]]:
    got: list[dict[str, Any]] = parse_text(_render(HEAD + body + FOOT, layout), source="x.txt")["assignments"]
    return [(a["ref"], a["lead"]) for a in got]


def _check(body: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    assert sorted(_pairs(body, layout), key=repr) == sorted(want, key=repr)


# ---- a dash inside a body's name: 'Ban Kinh tế - Ngân sách', 'Phòng Công chức - Viên chức' ----
DASH_NAMES = [
    ("II. TỔ CHỨC THỰC HIỆN\n1. Ban Kinh tế - Ngân sách HĐND huyện chủ trì giám sát việc sử dụng kinh phí cải cách "
     "hành chính.\n2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n",
     [("II.1", ["Ban Kinh tế - Ngân sách HĐND huyện"]), ("II.2", ["Sở Tài chính"])]),
    ("II. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp chủ trì tổ chức tập huấn nghiệp vụ.\n2. Tổng công ty Bưu chính - Viễn thông "
     "tỉnh phối hợp triển khai dịch vụ công trực tuyến.\n",
     [("II.1", ["Sở Tư pháp"]), ("II.2", ["Tổng công ty Bưu chính - Viễn thông tỉnh"])]),
    # a heading naming the body, its duties in dash bullets
    ("II. TỔ CHỨC THỰC HIỆN\n1. Phòng Công chức - Viên chức\n- Rà soát vị trí việc làm của các đơn vị sự nghiệp.\n"
     "- Tổng hợp kết quả tuyển dụng viên chức năm 2026.\n2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n",
     [("II.1", ["Phòng Công chức - Viên chức"]), ("II.1", ["Phòng Công chức - Viên chức"]), ("II.2", ["Sở Tài chính"])]),
    # in a paragraph, after a sentence of the item before
    ("II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì theo dõi việc thực hiện Kế hoạch.\nPhòng Công chức - Viên chức tổng "
     "hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 10/12/2026.\n",
     [("II.1", ["Sở Nội vụ"]), ("II.1", ["Phòng Công chức - Viên chức"])]),
    # (a heading naming a body, then its first bullet opening with a verb: the dash is a bullet's)
    ("II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Bố trí kinh phí thực hiện Kế hoạch.\n2. Sở Tư pháp\n"
     "- Chỉ đạo rà soát thủ tục hành chính.\n",
     [("II.1", ["Sở Tài chính"]), ("II.2", ["Sở Tư pháp"])]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("body", "want"), DASH_NAMES)
def test_a_dash_inside_a_name(body: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    _check(body, want, layout)


# ---- a name whose first words could pass for an item's title: 'Lực lượng' of 'Lực lượng Biên phòng' ----
HEAD_WORD_NAMES = [
    ("II. TỔ CHỨC THỰC HIỆN\n1. Lực lượng Biên phòng tỉnh chủ trì tuyên truyền về chủ quyền biên giới cho nhân dân.\n"
     "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n",
     [("II.1", ["Lực lượng Biên phòng tỉnh"]), ("II.2", ["Sở Tài chính"])]),
    ("II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n2. Lực lượng Công an xã phối hợp "
     "bảo đảm an ninh trật tự tại các điểm tiếp nhận hồ sơ.\n",
     [("II.1", ["Sở Tài chính"]), ("II.2", ["Lực lượng Công an xã"])]),
    # (a short title, then a body's sentence: the title ends before the name)
    ("II. NHIỆM VỤ\n1. Hợp tác quốc tế\nSở Ngoại vụ chủ trì tham mưu ký kết thỏa thuận hợp tác.\n",
     [("II.1", ["Sở Ngoại vụ"])]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("body", "want"), HEAD_WORD_NAMES)
def test_no_title_ends_inside_a_name(body: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    _check(body, want, layout)


def test_a_heading_over_bullets_opening_with_a_verb_and_a_comma() -> None:
    # '2. Sở Tài chính - Lập, cập nhật ...': the dash is the first bullet's, not a name's
    body = ("II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Lập, cập nhật danh mục dự án kêu gọi đầu tư.\n"
            "- Tham mưu bố trí kinh phí thực hiện Kế hoạch.\n2. Sở Tư pháp\n- Thẩm định các văn bản quy phạm pháp luật.\n")
    want = [("II.1", ["Sở Tài chính"]), ("II.1", ["Sở Tài chính"]), ("II.2", ["Sở Tư pháp"])]
    for layout in LAYOUTS:
        _check(body, want, layout)


# ---- an item's title opening with coordinated verbs, run into a body's sentence ----
TITLE_VERBS = [
    ("II. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền, nâng cao nhận thức về cải cách hành chính\nSở Nội vụ chủ trì xây dựng "
     "chuyên mục cải cách hành chính trên Cổng thông tin điện tử tỉnh.\n2. Kiểm tra, giám sát việc thực hiện\n"
     "Sở Tư pháp tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch kiểm tra công tác cải cách thủ tục hành chính.\n",
     [("II.1", ["Sở Nội vụ"]), ("II.2", ["Sở Tư pháp"])]),
    ("II. NHIỆM VỤ, GIẢI PHÁP\n1. Theo dõi, đánh giá kết quả cải cách hành chính\nSở Nội vụ được Ủy ban nhân dân tỉnh giao "
     "làm cơ quan thường trực, tham mưu tổ chức sơ kết việc thực hiện Kế hoạch.\n",
     [("II.1", ["Sở Nội vụ"])]),
    # (the title's verbs take the body as their object: no split before it)
    ("II. NHIỆM VỤ, GIẢI PHÁP\n1. Hướng dẫn, hỗ trợ Ủy ban nhân dân các xã triển khai dịch vụ công trực tuyến.\n"
     "2. Sở Tài chính bố trí kinh phí thực hiện.\n",
     [("II.2", ["Sở Tài chính"])]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("body", "want"), TITLE_VERBS)
def test_a_title_of_coordinated_verbs_then_a_body(body: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    _check(body, want, layout)


# ---- a body's sentence after a task's label lines (its value ends at the full stop) ----
AFTER_LABELS = [
    ("II. NHIỆM VỤ\n1. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính\n- Chủ trì: Văn phòng Ủy ban nhân dân tỉnh.\n"
     "- Phối hợp: Các sở, ban, ngành.\n- Thời gian: Quý III/2026.\nSở Tư pháp hướng dẫn việc số hóa sổ hộ tịch tại "
     "cấp xã.\n2. Sở Tài chính bố trí kinh phí thực hiện.\n",
     [("II.1", ["Văn phòng Ủy ban nhân dân tỉnh"]), ("II.1", ["Sở Tư pháp"]), ("II.2", ["Sở Tài chính"])]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("body", "want"), AFTER_LABELS)
def test_a_body_sentence_after_label_lines(body: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    _check(body, want, layout)


# ---- a task table, then another annex with a table of its own, pasted as one run ----
TWO_ANNEXES = ("II. NHIỆM VỤ\n1. Sở Nội vụ chủ trì theo dõi việc thực hiện Kế hoạch.\n" + FOOT
               + "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ NĂM 2026\n| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
               "| 1 | Rà soát thủ tục hành chính | Sở Tư pháp | Quý II/2026 |\n"
               "| 2 | Số hóa hồ sơ đất đai | Sở Nông nghiệp và Môi trường | Quý IV/2026 |\n"
               "PHỤ LỤC II\nKẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2025\n| STT | Nhiệm vụ | Cơ quan chủ trì | Kết quả |\n|---|---|---|---|\n"
               "| 1 | Cắt giảm thủ tục hành chính | Sở Tư pháp | Đã hoàn thành |\n")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_task_table_before_another_annex_keeps_its_last_row(layout: str) -> None:
    got: list[dict[str, Any]] = parse_text(_render(HEAD + TWO_ANNEXES, layout), source="x.txt")["assignments"]
    assert [(a["ref"], a["lead"]) for a in got] == [
        ("II.1", ["Sở Nội vụ"]), ("PLI.1", ["Sở Tư pháp"]), ("PLI.2", ["Sở Nông nghiệp và Môi trường"])]


# ---- a task table's rows pasted with their cells run together: bodies named inside the task's text ----
def _table(rows: list[tuple[str, str, str, str, str]]) -> str:
    return ("II. NHIỆM VỤ\n1. Sở Nội vụ chủ trì theo dõi việc thực hiện Kế hoạch.\n" + FOOT + "PHỤ LỤC\n"
            "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026\n| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp "
            "| Thời gian hoàn thành | Sản phẩm |\n|---|---|---|---|---|---|\n"
            + "".join(f"| {i} | {a} | {b} | {c} | {d} | {e} |\n" for i, (a, b, c, d, e) in enumerate(rows, 1)))


TABLE_ROWS = [
    # the task names a body as the object of its verb, the body then does something: no cell opens there
    [("Tham mưu Ủy ban nhân dân tỉnh ban hành quy chế phối hợp một cửa liên thông.", "Sở Nội vụ", "Các sở, ngành",
      "Quý II/2026", "Quyết định"),
     ("Hướng dẫn UBND các xã rà soát, công bố thủ tục hành chính thuộc thẩm quyền giải quyết.", "Sở Tư pháp",
      "UBND các xã, phường", "Quý III/2026", "Văn bản hướng dẫn")],
    # the task written as a whole sentence, its subject first
    [("Sở Tài chính tổng hợp, báo cáo Bộ Tài chính kết quả thực hiện trước ngày 15/12/2026.", "Sở Tài chính",
      "Các sở, ngành liên quan", "Quý IV/2026", "Báo cáo")],
    # a product naming bodies: no sentence after the table, no row under the row
    [("Cung cấp dịch vụ công trực tuyến toàn trình", "Sở Khoa học và Công nghệ", "Các sở, ngành", "Năm 2026",
      "100% UBND các xã, phường cung cấp dịch vụ công trực tuyến toàn trình")],
    [("Số hóa học bạ", "Sở Giáo dục và Đào tạo", "Các sở, ngành", "Năm 2026",
      "Các trường trung học đã triển khai học bạ số từ năm học 2024 - 2025"),
     ("Số hóa hồ sơ bệnh án", "Sở Y tế", "Các cơ sở y tế", "Năm 2026", "Bệnh án điện tử")],
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("rows", TABLE_ROWS)
def test_a_pasted_table_row_with_bodies_in_its_task(rows: list[tuple[str, str, str, str, str]], layout: str) -> None:
    got: list[dict[str, Any]] = parse_text(_render(HEAD + _table(rows), layout), source="x.txt")["assignments"]
    assert [(a["ref"], a["lead"]) for a in got] == [("II.1", ["Sở Nội vụ"])] + [
        (f"PL.{i}", [r[1]]) for i, r in enumerate(rows, 1)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_pasted_table_row_with_a_bare_date_in_its_time_cell(layout: str) -> None:
    rows = [("Sửa đổi quy chế tiếp nhận hồ sơ trực tuyến", "Văn phòng UBND tỉnh", "Sở Tư pháp; Sở Nội vụ", "30/9/2026",
             "Quyết định")]
    got: list[dict[str, Any]] = parse_text(_render(HEAD + _table(rows), layout), source="x.txt")["assignments"]
    row = next(a for a in got if a["ref"] == "PL.1")
    assert (row["lead"], row["timing"]["due"]) == (["Văn phòng UBND tỉnh"], "2026-09-30")


TABLE_ROWS_MORE = [
    # a body in brackets, a name after an officer's title, a double name across the wrap: all of the task or one name
    [("Gửi báo cáo về Sở Nội vụ (qua Phòng Xây dựng chính quyền)", "Các cơ quan, đơn vị", "Các cơ quan liên quan",
      "Trước ngày 10/12/2026", "Báo cáo"),
     ("Tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện", "Phòng Công chức - Viên chức", "Các sở, ngành",
      "Quý IV/2026", "Báo cáo")],
    # one name cell too many: the first is the object of the task's last verb
    [("Báo cáo kết quả về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh", "Ủy ban nhân dân các xã, phường",
      "Các cơ quan liên quan", "Trước ngày 15/11/2026", "Báo cáo")],
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("rows", TABLE_ROWS_MORE)
def test_a_pasted_table_row_naming_bodies_as_objects(rows: list[tuple[str, str, str, str, str]], layout: str) -> None:
    got: list[dict[str, Any]] = parse_text(_render(HEAD + _table(rows), layout), source="x.txt")["assignments"]
    assert [(a["ref"], a["lead"]) for a in got] == [("II.1", ["Sở Nội vụ"])] + [
        (f"PL.{i}", [r[1]]) for i, r in enumerate(rows, 1)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_pasted_table_of_reports(layout: str) -> None:
    body = ("II. NHIỆM VỤ\n1. Sở Nội vụ chủ trì theo dõi việc thực hiện Kế hoạch.\nIII. CHẾ ĐỘ BÁO CÁO\n"
            "| STT | Loại báo cáo | Đơn vị báo cáo | Nơi nhận | Thời hạn gửi |\n|---|---|---|---|---|\n"
            "| 1 | Báo cáo quý | Các sở, ban, ngành | Sở Nội vụ | Trước ngày 20 tháng cuối quý |\n"
            "| 2 | Báo cáo năm | Ủy ban nhân dân các xã, phường | Sở Nội vụ | Trước ngày 05/12 hằng năm |\n" + FOOT)
    reports = parse_text(_render(HEAD + body, layout), source="x.txt")["reports"]
    got = [(r["from"], r["to"], r["timing"]["due"][5:]) for r in reports if r["timing"]["due"]]
    assert (["Ủy ban nhân dân các xã, phường"], ["Sở Nội vụ"], "12-05") in got
    assert all(r["to"] == ["Sở Nội vụ"] for r in reports)


# ---- numbered items standing mid-line once the breaks are lost, in the schemes plans use ----
SCHEMES = [
    ("II. TỔ CHỨC THỰC HIỆN\n1) Sở Nội vụ là cơ quan thường trực, theo dõi việc thực hiện Kế hoạch.\n"
     "2) Sở Tư pháp rà soát thủ tục hành chính trong quý II/2026.\n3) Ủy ban nhân dân các xã, phường niêm yết công khai "
     "thủ tục hành chính tại bộ phận một cửa.\n",
     [("II.1", ["Sở Nội vụ"]), ("II.2", ["Sở Tư pháp"]), ("II.3", ["Ủy ban nhân dân các xã, phường"])]),
    ("II. NHIỆM VỤ\n1. Cải cách thủ tục hành chính\na. Sở Tư pháp rà soát thủ tục hành chính mới ban hành.\n"
     "b. Văn phòng Ủy ban nhân dân tỉnh công bố danh mục thủ tục hành chính.\n",
     [("II.1.a", ["Sở Tư pháp"]), ("II.1.b", ["Văn phòng Ủy ban nhân dân tỉnh"])]),
    ("II. NHIỆM VỤ\nMục 1. Cải cách bộ máy hành chính\nSở Nội vụ chủ trì rà soát chức năng, nhiệm vụ của các cơ quan chuyên "
     "môn.\nMục 2. Cải cách tài chính công\nSở Tài chính hướng dẫn cơ chế tự chủ của đơn vị sự nghiệp công lập.\n",
     [("II.1", ["Sở Nội vụ"]), ("II.2", ["Sở Tài chính"])]),
    ("II. NHIỆM VỤ\nNhiệm vụ 1: Xây dựng chính quyền số\n- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
     "- Thời gian: Năm 2026.\nNhiệm vụ 2: Hiện đại hóa nền hành chính\n- Cơ quan chủ trì: Văn phòng Ủy ban nhân dân tỉnh.\n"
     "- Thời gian: Quý IV/2026.\n",
     [("II.1", ["Sở Khoa học và Công nghệ"]), ("II.2", ["Văn phòng Ủy ban nhân dân tỉnh"])]),
    ("II. NHIỆM VỤ\n1. Nâng cao chất lượng phục vụ\nHoạt động 1. Khảo sát sự hài lòng của người dân. Đơn vị chủ trì: Sở Nội "
     "vụ; thời gian: Quý III/2026.\nHoạt động 2. Tập huấn kỹ năng giao tiếp. Đơn vị chủ trì: Trường Chính trị tỉnh; "
     "thời gian: Quý II/2026.\n",
     [("II.1.1", ["Sở Nội vụ"]), ("II.1.2", ["Trường Chính trị tỉnh"])]),
]
DASHED = [
    ("I- MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng phục vụ người dân.\nII- TỔ CHỨC THỰC HIỆN\n1- Sở Nội vụ chủ trì theo dõi "
     "việc thực hiện Kế hoạch.\n2- Sở Tài chính bố trí kinh phí thực hiện.\n",
     [("II.1", ["Sở Nội vụ"]), ("II.2", ["Sở Tài chính"])]),
    ("I/ MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng phục vụ người dân.\nII/ TỔ CHỨC THỰC HIỆN\n1/ Sở Nội vụ chủ trì theo dõi "
     "việc thực hiện Kế hoạch.\n2/ Sở Tài chính bố trí kinh phí thực hiện.\n",
     [("II.1", ["Sở Nội vụ"]), ("II.2", ["Sở Tài chính"])]),
]
HEAD_ONLY = HEAD[: HEAD.index("I. MỤC ĐÍCH")]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("body", "want"), SCHEMES)
def test_numbered_items_in_other_schemes(body: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    _check(body, want, layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("body", "want"), DASHED)
def test_sections_numbered_with_a_dash_or_a_slash(body: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    got: list[dict[str, Any]] = parse_text(_render(HEAD_ONLY + body + FOOT, layout), source="x.txt")["assignments"]
    assert [(a["ref"], a["lead"]) for a in got] == want


# ---- a section's title in capitals run into what follows it: a bullet, its parts lettered, its numbers Arabic ----
TOPS = [
    ("I. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng phục vụ người dân.\nII. TỔ CHỨC THỰC HIỆN\n- Sở Nội vụ chủ trì theo dõi "
     "việc thực hiện Kế hoạch.\n- Sở Tài chính bố trí kinh phí thực hiện.\n",
     [("II", ["Sở Nội vụ"]), ("II", ["Sở Tài chính"])]),
    ("A. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng phục vụ người dân, doanh nghiệp trên địa bàn tỉnh.\nB. TỔ CHỨC THỰC HIỆN\n"
     "1. Sở Nội vụ chủ trì theo dõi việc thực hiện Kế hoạch.\n2. Sở Tài chính bố trí kinh phí thực hiện.\n",
     [("B.1", ["Sở Nội vụ"]), ("B.2", ["Sở Tài chính"])]),
    ("1. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng phục vụ người dân, doanh nghiệp trên địa bàn tỉnh.\n2. TỔ CHỨC THỰC HIỆN\n"
     "2.1. Sở Nội vụ chủ trì theo dõi việc thực hiện Kế hoạch.\n2.2. Sở Tài chính bố trí kinh phí thực hiện.\n",
     [("2.1", ["Sở Nội vụ"]), ("2.2", ["Sở Tài chính"])]),
    # headings naming bodies, unnumbered, each over its bullets
    ("I. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng phục vụ người dân.\nII. TỔ CHỨC THỰC HIỆN\nSở Nội vụ:\n- Theo dõi việc "
     "thực hiện Kế hoạch.\n- Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.\nSở Tài chính:\n- Bố trí kinh phí thực hiện.\n",
     [("II", ["Sở Nội vụ"]), ("II", ["Sở Nội vụ"]), ("II", ["Sở Tài chính"])]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("body", "want"), TOPS)
def test_a_capitals_title_run_into_what_follows(body: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    got: list[dict[str, Any]] = parse_text(_render(HEAD_ONLY + body + FOOT, layout), source="x.txt")["assignments"]
    assert [(a["ref"], a["lead"]) for a in got] == want


# ---- sentences giving tasks to several bodies under one item's title ----
BODIES_UNDER_TITLE = [
    ("II. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của các cơ quan, đơn vị\nSở Nội vụ chủ trì kiểm tra công tác cải cách hành "
     "chính.\nSở Tư pháp rà soát thủ tục hành chính.\nBảo hiểm xã hội tỉnh bảo đảm liên thông dữ liệu với bộ phận một "
     "cửa.\n",
     [("II.1", ["Sở Nội vụ"]), ("II.1", ["Sở Tư pháp"]), ("II.1", ["Bảo hiểm xã hội tỉnh"])]),
    ("II. TỔ CHỨC THỰC HIỆN\n1. Phân công thực hiện: Sở Nội vụ chủ trì kiểm tra công tác cải cách hành chính. Sở Tư "
     "pháp rà soát thủ tục hành chính. Bảo hiểm xã hội tỉnh bảo đảm liên thông dữ liệu với bộ phận một cửa.\n",
     [("II.1", ["Sở Nội vụ"]), ("II.1", ["Sở Tư pháp"]), ("II.1", ["Bảo hiểm xã hội tỉnh"])]),
    ("II. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành\nSở Nội vụ:\n- Kiểm tra công tác cải cách hành chính.\n"
     "- Tổng hợp, báo cáo kết quả.\nSở Tư pháp:\n- Rà soát thủ tục hành chính.\n2. Ủy ban nhân dân các xã, phường\n"
     "- Niêm yết công khai thủ tục hành chính.\n",
     [("II.1", ["Sở Nội vụ"]), ("II.1", ["Sở Nội vụ"]), ("II.1", ["Sở Tư pháp"]),
      ("II.2", ["Ủy ban nhân dân các xã, phường"])]),
    # (a body's own sentences, and the centre's doings, stay in its paragraph: no entry of their own)
    ("II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì kiểm tra công tác cải cách hành chính. Bộ Nội vụ hướng dẫn nghiệp vụ "
     "kiểm tra.\n2. Sở Tư pháp rà soát thủ tục hành chính.\n",
     [("II.1", ["Sở Nội vụ"]), ("II.2", ["Sở Tư pháp"])]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("body", "want"), BODIES_UNDER_TITLE)
def test_bodies_sentences_under_one_title(body: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    _check(body, want, layout)


# ---- an annex's task table pasted as a run of words: rows in groups, rows under a row, captions in lower case ----
def _annex(caption: str, rows: str) -> str:
    return ("II. NHIỆM VỤ\n1. Sở Nội vụ chủ trì theo dõi việc thực hiện Kế hoạch.\n" + FOOT + caption
            + "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|---|---|---|\n"
            + rows)


ANNEXES = [
    (_annex("PHỤ LỤC\nDANH MỤC NHIỆM VỤ NĂM 2026\n",
            "| I | Cải cách thể chế | | | |\n| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Các sở, ngành | Quý II/2026 |\n"
            "| 2 | Kiểm tra văn bản | Sở Tư pháp | | Quý IV/2026 |\n| II | Cải cách thủ tục hành chính | | | |\n"
            "| 1 | Công bố thủ tục hành chính | Văn phòng UBND tỉnh | Các sở, ngành | Thường xuyên |\n"),
     [("PL.I.1", ["Sở Tư pháp"]), ("PL.I.2", ["Sở Tư pháp"]), ("PL.II.1", ["Văn phòng UBND tỉnh"])]),
    (_annex("PHỤ LỤC\nDANH MỤC NHIỆM VỤ NĂM 2026\n",
            "| 1 | Cải cách thể chế | | | |\n| 1.1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Các sở, ngành | Quý II/2026 |\n"
            "| 1.2 | Kiểm tra văn bản | UBND các xã, phường | | Quý IV/2026 |\n"
            "| 2 | Công bố thủ tục hành chính | Văn phòng UBND tỉnh | Các sở, ngành | Thường xuyên |\n"),
     [("PL.1.1", ["Sở Tư pháp"]), ("PL.1.2", ["UBND các xã, phường"]), ("PL.2", ["Văn phòng UBND tỉnh"])]),
    (_annex("PHỤ LỤC\nDANH MỤC NHIỆM VỤ NĂM 2026\n",
            "| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Các sở, ngành | Quý II/2026 |\n"
            "| | | UBND các xã, phường | Công chức Tư pháp - Hộ tịch | Quý III/2026 |\n"
            "| 2 | Công bố thủ tục hành chính | Văn phòng UBND tỉnh | Các sở, ngành | Thường xuyên |\n"),
     [("PL.1", ["Sở Tư pháp"]), ("PL.1", ["UBND các xã, phường"]), ("PL.2", ["Văn phòng UBND tỉnh"])]),
    (_annex("Phụ lục 1\nNHIỆM VỤ CẢI CÁCH THỂ CHẾ\n",
            "| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Các sở, ngành | Quý II/2026 |\n"
            "Phụ lục 2\nNHIỆM VỤ HIỆN ĐẠI HÓA NỀN HÀNH CHÍNH\n"
            "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|---|---|---|\n"
            "| 1 | Số hóa hồ sơ thủ tục hành chính | Văn phòng UBND tỉnh | Các sở, ngành | Năm 2026 |\n"),
     [("PL1.1", ["Sở Tư pháp"]), ("PL2.1", ["Văn phòng UBND tỉnh"])]),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("text", "want"), ANNEXES)
def test_an_annex_table_pasted(text: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    got: list[dict[str, Any]] = parse_text(_render(HEAD + text, layout), source="x.txt")["assignments"]
    assert sorted((a["ref"].replace(".", "").replace(" ", ""), a["lead"]) for a in got if a["ref"] != "II.1") == sorted(
        (r.replace(".", ""), lead) for r, lead in want)
