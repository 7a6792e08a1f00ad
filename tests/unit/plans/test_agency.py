"""A national agency's plan to its own units and branches, on made-up fragments: a task table pasted as
tab-separated lines in the body (a row's cell wrapped onto the next line), a centre named by 'TT' and its
initials ('TT CNTT'), a numbered heading written with markdown escapes ('2\\. Giám đốc ...' over '\\- ...'
bullets), a lone annex captioned with a number above 1 ('Phụ lục 02': the plan numbers several annexes), and
one report clause naming two dated milestones ('sơ kết 6 tháng trước ... và tổng kết năm trước ...').
Expectations follow the gold conventions (shared/seeds/gold/README.md)."""

from __future__ import annotations

from typing import Any

from dondoc.plans import parse_text

HEAD = (
    "BẢO HIỂM XÃ HỘI VIỆT NAM\nSố: 77/KH-BHXH\nHà Nội, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
    "Cải cách thủ tục hành chính năm 2025\n\n"
)


def _plan(body: str) -> dict[str, Any]:
    return parse_text(HEAD + body, source="probe.md", year=2025)


def _rows(plan: dict[str, Any], top: str) -> list[tuple[str, list[str], list[str], str | None]]:
    return [
        (a["ref"], a["lead"], a["support"], a["timing"]["due"]) for a in plan["assignments"] if a["ref"].startswith(top)
    ]


TAB_TABLE = (
    "I. MỤC ĐÍCH\n\nNâng cao chất lượng phục vụ.\n\n"
    "II. PHÂN CÔNG NHIỆM VỤ\n\n"
    "Tổng Giám đốc phân công như sau:\n\n"
    "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\n"
    "1\tRà soát quy trình giải quyết hồ sơ\tBan Thu\tBan Pháp chế\tQuý II/2025\n"
    "2\tXây dựng cơ sở dữ liệu khách hàng dùng chung với Tổng cục Thuế,\n"
    "Cục Quản lý xuất nhập cảnh\tTT CNTT\tBan Thu; Văn phòng\tTháng 9/2025\n"
    "3\tTập huấn nghiệp vụ cho viên chức\tTrường Đào tạo nghiệp vụ\tBan Tổ chức cán bộ\t30/11/2025\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n\nVăn phòng theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch.\n"
)


def test_a_tab_separated_table_in_the_body_gives_one_assignment_per_row() -> None:
    rows = _rows(_plan(TAB_TABLE), "II")
    assert rows == [
        ("II.1", ["Ban Thu"], ["Ban Pháp chế"], "2025-06-30"),
        ("II.2", ["TT CNTT"], ["Ban Thu", "Văn phòng"], "2025-09-30"),
        ("II.3", ["Trường Đào tạo nghiệp vụ"], ["Ban Tổ chức cán bộ"], "2025-11-30"),
    ]


def test_a_wrapped_row_keeps_its_whole_task() -> None:
    second = next(a for a in _plan(TAB_TABLE)["assignments"] if a["ref"] == "II.2")
    assert second["text"].endswith("Tổng cục Thuế, Cục Quản lý xuất nhập cảnh")


def test_tab_indented_prose_is_no_table() -> None:
    # tabs that only indent a paragraph (a text typed in a plain editor) or separate two words once
    plan = _plan(
        "I. NHIỆM VỤ\n\n\t1. Ban Thu chủ trì rà soát quy trình thu, hoàn thành trong Quý II/2025.\n\n"
        "\t2. Ban Pháp chế\tchủ trì\trà soát văn bản\tcó liên quan, hoàn thành trong tháng 12/2025.\n"
    )
    assert [(a["ref"], a["lead"]) for a in plan["assignments"]] == [("I.1", ["Ban Thu"]), ("I.2", ["Ban Pháp chế"])]


def test_a_centre_named_by_tt_and_its_initials_is_a_body() -> None:
    from dondoc.plans.bodies import is_body_start

    assert is_body_start("TT CNTT")
    assert is_body_start("TT KSBT tỉnh")
    assert not is_body_start("TT NỘI DUNG")  # a column title in capitals
    assert not is_body_start("TT TTHC")  # thủ tục hành chính


def test_an_escaped_numbered_role_heading_keeps_its_bullets_apart() -> None:
    plan = _plan(
        "I. MỤC ĐÍCH\n\nNâng cao chất lượng phục vụ.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
        "1\\. Thủ trưởng các đơn vị trực thuộc chủ động tổ chức thực hiện Kế hoạch.\n\n"
        "2\\. Giám đốc BHXH tỉnh\n\n"
        "\\- Chịu trách nhiệm trước Tổng Giám đốc về kết quả thực hiện.\n\n"
        "\\- Giao chỉ tiêu cho BHXH huyện, hoàn thành trước ngày 10/4/2025.\n"
    )
    got = [(a["ref"], a["lead"], a["timing"]["due"]) for a in plan["assignments"] if a["ref"] == "II.2"]
    assert got == [("II.2", ["Giám đốc BHXH tỉnh"], None), ("II.2", ["Giám đốc BHXH tỉnh"], "2025-04-10")]


def test_an_escaped_bullet_after_an_unfinished_line_is_still_a_bullet() -> None:
    from dondoc.plans.blocks import build_blocks

    texts = [b.text for b in build_blocks("2\\. Sở Y tế\n\n\\- Tổ chức tập huấn.\n\n\\- Kiểm tra, giám sát.\n")]
    assert texts == ["2. Sở Y tế", "- Tổ chức tập huấn.", "- Kiểm tra, giám sát."]
    # counter-example: a dash wrapping 'chính trị - xã hội' stays inside its sentence
    texts = [b.text for b in build_blocks("1\\. Phối hợp với các tổ chức chính trị\n\\- xã hội tuyên truyền.\n")]
    assert texts == ["1. Phối hợp với các tổ chức chính trị - xã hội tuyên truyền."]


ANNEX_BODY = (
    "I. NHIỆM VỤ\n\n1. Ban Thu chủ trì rà soát quy trình thu, hoàn thành trong Quý II/2025.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. TỔNG GIÁM ĐỐC\nPHÓ TỔNG GIÁM ĐỐC\n\nNguyễn Văn A\n\n"
)
ANNEX_TABLE = (
    "\n\n**KẾ HOẠCH HOẠT ĐỘNG NĂM 2025**\n\n"
    "| TT | Nội dung | Đơn vị thực hiện | Thời gian |\n|----|----|----|----|\n"
    "| 1 | Tập huấn nghiệp vụ | Ban Tổ chức cán bộ | Quý III/2025 |\n"
    "| 2 | Kiểm tra chuyên đề | Vụ Thanh tra - Kiểm tra | Quý IV/2025 |\n"
)


def _annex_refs(caption: str) -> list[str]:
    plan = _plan(ANNEX_BODY + caption + ANNEX_TABLE)
    return [a["ref"] for a in plan["assignments"] if a["ref"].startswith("PL")]


def test_a_lone_annex_numbered_above_one_says_the_plan_numbers_several() -> None:
    assert _annex_refs("**Phụ lục 02**") == ["PL2.1", "PL2.2"]
    assert _annex_refs("**PHỤ LỤC III**") == ["PLIII.1", "PLIII.2"]


def test_a_lone_annex_numbered_one_or_unnumbered_is_pl() -> None:
    assert _annex_refs("**Phụ lục 01**") == ["PL.1", "PL.2"]
    assert _annex_refs("**PHỤ LỤC**") == ["PL.1", "PL.2"]


def _report_dates(sentence: str) -> list[str]:
    plan = _plan(
        "I. TỔ CHỨC THỰC HIỆN\n\n1. Ban Thu là đơn vị đầu mối theo dõi, đôn đốc thực hiện Kế hoạch; " + sentence + "\n"
    )
    return [r["timing"]["due"] for r in plan["reports"]]


def test_a_clause_naming_two_dated_milestones_gives_two_reports() -> None:
    assert _report_dates(
        "tổng hợp kết quả, báo cáo Tổng Giám đốc kết quả sơ kết 6 tháng trước ngày 30/6/2025 và tổng kết năm trước ngày 25/12/2025."
    ) == ["2025-06-30", "2025-12-25"]
    assert _report_dates(
        "báo cáo sơ kết 6 tháng trước ngày 15/6/2025 và báo cáo tổng kết năm trước ngày 15/12/2025, gửi về BHXH Việt Nam."
    ) == ["2025-06-15", "2025-12-15"]


def test_two_dated_deadlines_with_no_milestone_named_stay_one_report() -> None:
    assert _report_dates(
        "tổng hợp, báo cáo Tổng Giám đốc trước ngày 30/6/2025 và hoàn thiện hồ sơ trước ngày 25/12/2025."
    ) == ["2025-06-30"]


def test_a_bracket_defining_a_short_name_is_no_part_of_the_lead() -> None:
    plan = _plan(
        "I. NHIỆM VỤ\n\n1. Ban Quản lý Thu - Sổ, Thẻ (sau đây gọi là Ban Thu) chủ trì, phối hợp với Ban Pháp chế "
        "rà soát quy trình thu, hoàn thành trong Quý II/2025.\n\n"
        "2. Bảo hiểm xã hội các tỉnh, thành phố (sau đây gọi chung là BHXH tỉnh) xây dựng kế hoạch của đơn vị.\n"
    )
    assert [(a["ref"], a["lead"]) for a in plan["assignments"]] == [
        ("I.1", ["Ban Quản lý Thu - Sổ, Thẻ"]),
        ("I.2", ["Bảo hiểm xã hội các tỉnh, thành phố"]),
    ]


def test_a_list_of_abbreviations_hands_out_no_task() -> None:
    plan = _plan(
        "I. PHÂN CÔNG\n\nTổng Giám đốc phân công nhiệm vụ như sau (các đơn vị viết tắt: Ban KH-TC - Ban Kế hoạch "
        "và Tài chính; Ban PC - Ban Pháp chế):\n\n1. Ban Pháp chế rà soát văn bản, hoàn thành trong tháng 6/2025.\n"
    )
    assert [(a["ref"], a["lead"]) for a in plan["assignments"]] == [("I.1", ["Ban Pháp chế"])]


MONTHS = "| TT | Nội dung hoạt động | Đơn vị thực hiện | " + " | ".join(f"Tháng {m}" for m in range(1, 13)) + " |\n"


def _month_row(n: int, task: str, body: str, ticked: set[int]) -> str:
    return f"| {n} | {task} | {body} | " + " | ".join("x" if m in ticked else "" for m in range(1, 13)) + " |\n"


def test_ticked_month_columns_give_the_rows_timing() -> None:
    table = (
        MONTHS
        + "|----" * 15
        + "|\n"
        + _month_row(1, "Hội nghị khách hàng", "BHXH tỉnh", set(range(1, 13)))
        + _month_row(2, "Nâng cấp phần mềm", "Trung tâm Công nghệ thông tin", {3, 4, 5})
        + _month_row(3, "Chuyên mục truyền hình", "Trung tâm Truyền thông", {3, 6, 9, 12})
        + _month_row(4, "Tổng kết năm", "Văn phòng BHXH Việt Nam", {12})
    )
    plan = _plan(ANNEX_BODY + "**PHỤ LỤC**\n\n" + table)
    got = [
        (a["ref"], a["timing"]["kind"], a["timing"]["due"]) for a in plan["assignments"] if a["ref"].startswith("PL")
    ]
    assert got == [
        ("PL.1", "continuous", None),
        ("PL.2", "once", "2025-05-31"),
        ("PL.3", "recurring", "2025-03-31"),  # (issued 10/3/2025: March is not over)
        ("PL.4", "once", "2025-12-31"),
    ]


def test_a_month_named_in_a_task_column_is_no_grid() -> None:
    from dondoc.plans.monthgrid import month_columns

    assert month_columns(["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian"]) == []
    assert month_columns(["TT", "Nội dung", "Tháng 1", "Tháng 2"]) == []  # two months: too few to be a grid
