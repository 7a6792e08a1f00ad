"""Rules for shapes of administrative writing the strict xfail probes recorded (helper xfail2): each rule tested on
made-up text beyond its probe, with counter-examples that must not change."""

from __future__ import annotations

import pytest

from dondoc.plans.bodies import split_bodies

# --- a department named after groups of people: 'và <officers>' continues its name ---
# A department whose field is a group of people ('Cục Nhà giáo ...', 'Vụ Công chức ...') coordinates another group
# in its name, each capitalised as the parts of a name are; an officer named after a body in a list (a field of
# their own in capitals, a place, 'phụ trách ...') or after a body whose field is no group of people is a second name.
ONE_NAME = [
    "Cục Nhà giáo và Cán bộ quản lý giáo dục",
    "Phòng Nhà giáo và Cán bộ quản lý",
    "Vụ Công chức và Viên chức sự nghiệp",
]
TWO_NAMES = [
    ("Phòng Nội vụ và Cán bộ quản lý giáo dục", ["Phòng Nội vụ", "Cán bộ quản lý giáo dục"]),
    ("Công an phường và Công chức Văn hóa - Xã hội", ["Công an phường", "Công chức Văn hóa - Xã hội"]),
    ("Phòng Nhà giáo và Cán bộ phụ trách công tác thi đua", ["Phòng Nhà giáo", "Cán bộ phụ trách công tác thi đua"]),
    ("Trung tâm Học sinh và Cán bộ y tế các xã", ["Trung tâm Học sinh", "Cán bộ y tế các xã"]),
]


@pytest.mark.parametrize("name", ONE_NAME)
def test_a_department_named_after_groups_of_people_is_one_name(name: str) -> None:
    assert split_bodies(name) == [name]
    assert split_bodies(name + ", Sở Nội vụ") == [name, "Sở Nội vụ"]


@pytest.mark.parametrize(("text", "names"), TWO_NAMES)
def test_an_officer_after_another_body_is_a_second_name(text: str, names: list[str]) -> None:
    assert split_bodies(text) == names


# --- a sentence opening with the act it carries out: the body after the comma leads ---
# 'Thực hiện Nghị quyết ..., Sở X chủ trì ...': the clause names the act the duty carries out (and the body that
# issued it, which gives no work here); the subject comes after its comma. With no body after the comma, or a body
# that is said to have done something, there is no lead.
_PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH BẾN LẠC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 40/KH-UBND\n"
    "Bến Lạc, ngày 3 tháng 3 năm 2026\nKẾ HOẠCH\nPhát triển kinh tế số năm 2026\nII. NHIỆM VỤ\n"
)
ACT_FIRST = [
    (
        "1. Thực hiện Kế hoạch số 12/KH-UBND ngày 5/1/2026 của Ủy ban nhân dân tỉnh, Sở Công Thương chủ trì tổ chức "
        "hội chợ thương mại điện tử.\n",
        [("II.1", ["Sở Công Thương"])],
    ),
    (
        "1. Triển khai thực hiện Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy, Ban Quản lý các khu công nghiệp chủ trì "
        "rà soát quỹ đất.\n",
        [("II.1", ["Ban Quản lý các khu công nghiệp"])],
    ),
    ("1. Thực hiện Luật Dữ liệu, Công an tỉnh chủ trì xây dựng cơ sở dữ liệu dân cư.\n", [("II.1", ["Công an tỉnh"])]),
]
ACT_FIRST_NONE = [
    # no body after the comma: the task has no lead named
    "1. Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh, tổ chức rà soát thủ tục hành chính.\n",
    # what an act says ('Theo ...'): a duty it gave, quoted (precision4 'assigned-by-decision-quoted')
    "1. Theo Quyết định số 88/QĐ-TTg của Thủ tướng Chính phủ, Sở Tài chính tham mưu bố trí kinh phí.\n",
    "1. Thực hiện Quyết định số 88/QĐ-TTg của Thủ tướng Chính phủ, Sở Tài chính được giao chủ trì xây dựng Đề án.\n",
    # what bodies did, not a duty
    "1. Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị, các sở, ngành đã hoàn thành kết nối dữ liệu.\n",
]


def _pairs(body: str) -> list[tuple[str, list[str]]]:
    from dondoc.plans import parse_text

    return [(a["ref"], a["lead"]) for a in parse_text(_PLAN + body, source="x.txt")["assignments"]]


@pytest.mark.parametrize(("body", "want"), ACT_FIRST)
@pytest.mark.parametrize("layout", ["lines", "flat"])
def test_the_body_after_the_act_it_carries_out_leads(body: str, want: list[tuple[str, list[str]]], layout: str) -> None:
    assert _pairs(body if layout == "lines" else " ".join(body.split())) == want


@pytest.mark.parametrize("body", ACT_FIRST_NONE)
def test_no_body_after_the_act_gives_no_lead(body: str) -> None:
    assert _pairs(body) == []


def test_the_issuing_sentence_after_the_act_gives_no_duty() -> None:
    opening = (
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch "
        "phát triển kinh tế số năm 2026 như sau:\n"
    )
    from dondoc.plans import parse_text

    text = _PLAN.replace("II. NHIỆM VỤ\n", opening + "II. NHIỆM VỤ\n") + "1. Sở Công Thương chủ trì tổ chức hội chợ.\n"
    for t in (text, " ".join(text.split())):
        assert [(a["ref"], a["lead"]) for a in parse_text(t, source="x.txt")["assignments"]] == [
            ("II.1", ["Sở Công Thương"])
        ]


# --- a title that names proposals ('Kiến nghị', 'Đề xuất'), run into the sentence of the body that makes them ---
# Laid out in lines '1. Kiến nghị' / 'Sở X tổng hợp khó khăn, đề xuất Bộ Y ...' is a title and a body's duty; joined,
# 'kiến nghị' reads like the verb whose object is the body. A proposal goes up, to the centre ('Kiến nghị Bộ Xây dựng
# xem xét', 'Kiến nghị Chính phủ ...'): a body of the plan's own level after the bare title is the subject of its
# sentence. A title saying more ('Kiến nghị xử lý vi phạm') is no bare title.
PROPOSAL_TITLES = [
    ("1. Kiến nghị Sở Xây dựng tổng hợp khó khăn, vướng mắc.", "1. Kiến nghị"),
    ("2. Kiến nghị, đề xuất Ủy ban nhân dân các xã tổng hợp ý kiến của người dân.", "2. Kiến nghị, đề xuất"),
    ("3. Đề xuất Sở Tài chính chủ trì tổng hợp nhu cầu kinh phí.", "3. Đề xuất"),
]
NOT_PROPOSAL_TITLES = [
    "1. Kiến nghị Bộ Xây dựng xem xét, tháo gỡ vướng mắc về định mức.",  # to the centre: the proposal itself
    "2. Kiến nghị Chính phủ bổ sung danh mục dự án trọng điểm.",
    "3. Kiến nghị Thủ tướng Chính phủ cho phép kéo dài thời gian thực hiện.",
]


@pytest.mark.parametrize(("par", "title"), PROPOSAL_TITLES)
def test_a_title_naming_proposals_is_parted_from_the_body_after_it(par: str, title: str) -> None:
    from dondoc.plans.titles import title_then_body

    k = title_then_body(par)
    assert k is not None and par[:k].strip() == title


@pytest.mark.parametrize("par", NOT_PROPOSAL_TITLES)
def test_a_proposal_to_the_centre_is_one_sentence(par: str) -> None:
    from dondoc.plans.titles import title_then_body

    assert title_then_body(par) is None


# --- a section's title in capitals, then a task table pasted as one run of words ---
# 'II. NHIỆM VỤ CỤ THỂ STT Nội dung nhiệm vụ Cơ quan chủ trì ...': the table's 'STT' / 'TT' column is no word of the
# title (a title in capitals ends before it), so the table is read (plans.flattable).
_TABLE_PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH BẾN LẠC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 41/KH-UBND Bến Lạc, "
    "ngày 3 tháng 3 năm 2026 KẾ HOẠCH Phát triển du lịch năm 2026 I. MỤC ĐÍCH, YÊU CẦU Phát triển du lịch bền vững. "
)
PASTED_AFTER_TITLE = [
    (
        "III. NHIỆM VỤ VÀ GIẢI PHÁP TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian thực hiện 1 Xây dựng bộ nhận diện "
        "thương hiệu du lịch Sở Văn hóa, Thể thao và Du lịch Các sở, ngành Quý III/2026 2 Tổ chức lễ hội văn hóa Ủy ban nhân "
        "dân các xã Sở Văn hóa, Thể thao và Du lịch Năm 2026 ",
        [
            ("III.1", ["Sở Văn hóa, Thể thao và Du lịch"], "2026-09-30"),
            ("III.2", ["Ủy ban nhân dân các xã"], "2026-12-31"),
        ],
    ),
    (
        "II. NHIỆM VỤ NĂM 2026 STT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời hạn 1 Nâng cấp hạ tầng khu du lịch Sở "
        "Xây dựng Các xã, phường Quý IV/2026 ",
        [("II.1", ["Sở Xây dựng"], "2026-12-31")],
    ),
]


@pytest.mark.parametrize(("table", "want"), PASTED_AFTER_TITLE)
def test_a_pasted_table_after_a_title_in_capitals_is_read(table: str, want: list[tuple[str, list[str], str]]) -> None:
    from dondoc.plans import parse_text

    plan = parse_text(_TABLE_PLAN + table, source="x.txt")
    assert [(a["ref"], a["lead"], a["timing"]["due"]) for a in plan["assignments"]] == want


def test_a_title_in_capitals_keeps_its_initials() -> None:
    from dondoc.plans.reflow import _split_heading

    # ('TTHC' is a word of the title; the sentence after it opens with a body)
    assert (
        _split_heading("II. CẢI CÁCH TTHC Sở Tư pháp chủ trì rà soát thủ tục.").split("\n\n")[0] == "II. CẢI CÁCH TTHC"
    )


# --- the pasted table's last row, and a head word alone in a row ---
# The last row runs on into the sentence after the table: its time cell ends where a body's name opens a sentence
# ('... 2026-2030 Các sở, ban, ngành ... báo cáo ...'); a head word alone ('Văn phòng') names no body, so the cell
# goes on with the name it heads ('Văn phòng Ủy ban nhân dân tỉnh').
def test_the_sentence_after_a_pasted_table_is_no_part_of_its_last_row() -> None:
    from dondoc.plans.flattable import split_table

    par = (
        "STT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian 1 Rà soát quy hoạch Sở Xây dựng Các sở, ngành "
        "2026-2030 Các sở, ngành báo cáo kết quả về Sở Xây dựng trước ngày 15/12/2026."
    )
    found = split_table(par)
    assert found is not None
    assert found[1][-1] == "| 1 | Rà soát quy hoạch | Sở Xây dựng | Các sở, ngành | 2026-2030 |"
    assert found[2] == "Các sở, ngành báo cáo kết quả về Sở Xây dựng trước ngày 15/12/2026."


def test_a_time_cell_naming_a_body_it_follows_is_kept_whole() -> None:
    from dondoc.plans.flattable import split_table

    par = (
        "STT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian 1 Rà soát quy hoạch Sở Xây dựng Các sở, ngành "
        "Sau khi Bộ Xây dựng ban hành hướng dẫn"
    )
    found = split_table(par)
    assert found is not None and found[2] == ""
    assert found[1][-1].endswith("| Sau khi Bộ Xây dựng ban hành hướng dẫn |")


def test_a_head_word_alone_is_no_cell() -> None:
    from dondoc.plans.flattable import split_table

    par = (
        "TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian 1 Nâng cấp Cổng dịch vụ công Văn phòng Ủy ban nhân "
        "dân tỉnh Sở Khoa học và Công nghệ Năm 2026 2 Tập huấn Ban Quản lý dự án Sở Nội vụ Quý II/2026"
    )
    found = split_table(par)
    assert found is not None
    assert found[1][2:] == [
        "| 1 | Nâng cấp Cổng dịch vụ công | Văn phòng Ủy ban nhân dân tỉnh | Sở Khoa học và Công nghệ | Năm 2026 |",
        "| 2 | Tập huấn | Ban Quản lý dự án | Sở Nội vụ | Quý II/2026 |",
    ]


# --- one number merged over several task rows of a table converted from PDF ---
# An STT cell merged over two or three tasks stands alone, centred between them ('5.'); each task's line holds a whole
# row (its task opening with a capital, its time, its lead): each is a row of that number. A task whose words or
# names wrap onto the next line (no time, or a line going on in lower case) is one row.
def _time_first_rows(extra: str) -> list[tuple[str, str, str]]:
    from dondoc.plans import gridless
    from tests.unit.plans.test_gridrow import TIME_FIRST

    got = gridless.read((TIME_FIRST.rstrip("\n") + "\n" + extra).split("\n"), 0)
    assert got is not None
    return [(r[0], r[2], r[4]) for r in got[0] if r[0] == "5"]


def test_one_number_over_three_task_rows() -> None:
    extra = (
        "Tập huấn kỹ năng số cho cán bộ cấp xã  Quý II/2026  Sở Nội vụ  UBND các xã\n"
        "Tập huấn kỹ năng số cho doanh nghiệp  Quý III/2026  Sở Công Thương  Hiệp hội doanh nghiệp\n5.\n"
        "Tập huấn kỹ năng số cho đoàn viên  Quý IV/2026  Tỉnh đoàn  Các trường học\n"
    )
    assert _time_first_rows(extra) == [
        ("5", "Sở Nội vụ", "Quý II/2026"),
        ("5", "Sở Công Thương", "Quý III/2026"),
        ("5", "Tỉnh đoàn", "Quý IV/2026"),
    ]


@pytest.mark.parametrize(
    "extra",
    [
        # the task wraps: its second line goes on in lower case
        "Tổ chức lớp tập huấn cho cán bộ cấp xã  Quý II/2026  Sở Nội vụ  UBND các xã\n5.\nvà các thôn, tổ dân phố\n",
        # the second line holds no time: the partners' list goes on
        "Tổ chức lớp tập huấn cho cán bộ cấp xã  Quý II/2026  Sở Nội vụ  UBND các xã\n5.\nTrung tâm Chính trị  Các hội\n",
    ],
)
def test_one_task_around_its_number_is_one_row(extra: str) -> None:
    assert len(_time_first_rows(extra)) == 1


# --- a lead of two lines around the number's line, the partners' one line on it ---
# A centred cell of two lines straddles the number's line: the first line above, the rest below ('UBND các xã,' ...
# 'phường, đặc khu'); on the number's line its slot is empty, and the pipe fragment shows it ('| 2026 | | Sở Tư pháp |':
# an empty cell before the line's first name). Then the name around the number leads and the one on it is a partner;
# with no empty slot before it ('| 2026 | Sở Nội vụ | |') the name on the number's line leads, as before.
def _row5(extra: str) -> tuple[str, str]:
    from dondoc.plans import gridless
    from tests.unit.plans.test_gridrow import TIME_FIRST

    got = gridless.read((TIME_FIRST.rstrip("\n") + "\n" + extra).split("\n"), 0)
    assert got is not None
    row = next(r for r in got[0] if r[0] == "5")
    return row[2], row[3]


@pytest.mark.parametrize(
    ("extra", "want"),
    [
        (
            "Tổ chức kiểm tra an toàn thực phẩm  UBND các xã,\n| 5. | tại cơ sở | Quý I/2026 | | Sở Y tế | |\nphường\n",
            ("UBND các xã, phường", "Sở Y tế"),
        ),
        (
            "Tổ chức kiểm tra an toàn thực phẩm  UBND các xã,\n| 5. | tại cơ sở | Quý I/2026 | Sở Y tế | |\nphường\n",
            ("Sở Y tế", "UBND các xã, phường"),
        ),
    ],
)
def test_a_lead_around_the_numbers_line(extra: str, want: tuple[str, str]) -> None:
    assert _row5(extra) == want


def test_an_empty_task_cell_is_no_lead_slot() -> None:
    from dondoc.plans.gridnames import straddling_lead

    lines = [("Cơ chế đặc thù về hạ tầng", ["Sở Xây dựng; Sở Du"]), ("", ["Sở Tài chính"]), ("lịch", [])]
    assert straddling_lead(["1.3", "", "Sở Tài chính", "", "2025-2026"], lines, {2: [(0, 0)]}, 1) is None
    assert straddling_lead(["1.3", "Cơ chế", "", "Sở Tài chính", "2025-2026"], lines, {2: [(0, 0)]}, 1) == (0, 0)
