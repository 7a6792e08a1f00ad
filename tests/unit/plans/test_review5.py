"""A sceptical review of the fifth session's rules (review4, xfail2, nonum, flat3, ctime, cassign, agency, dense):
made-up counter-examples in the genre, each written where a rule could fire on other plans than the labelled ones, and
odd inputs the new modules must read without an error.

Expected values follow the gold conventions (shared/DOMAIN.md and the gold notes): under a department's heading its own
unit handed a duty leaves the department the lead, another body named so leads; in the Mục đích / Yêu cầu section a
requirement ('X phải ...') is no task, a dated one is; a clause after ';' opening with another body is that body's duty."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from dondoc.errors import PlanReadError
from dondoc.plans import parse_text
from dondoc.plans.flattable import split_table
from dondoc.plans.monthgrid import month_columns, month_timing
from dondoc.plans.tables import names_by_line
from dondoc.plans.tabtable import tab_tables
from dondoc.plans.text import unescape_marks
from dondoc.plans.timing import parse_timing
from dondoc.plans.timing_forms import first_milestone
from dondoc.plans.timing_text import timing_in_text
from dondoc.plans.titles import title_then_body

PROVINCE = (
    "ỦY BAN NHÂN DÂN TỈNH SÔNG XANH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 88/KH-UBND\nSông Xanh, ngày 15 tháng 3 năm 2025\nKẾ HOẠCH\n"
    "Triển khai công tác năm 2025\n"
)
PROVINCE_ABBR = PROVINCE.replace("ỦY BAN NHÂN DÂN TỈNH SÔNG XANH", "UBND TỈNH SÔNG XANH")
ISSUED = dt.date(2025, 3, 15)

Entry = tuple[str, list[str], str, str | None]


def _parse(text: str) -> dict[str, Any]:
    return parse_text(text, source="probe.txt", year=2025)


def _entries(text: str) -> list[Entry]:
    out = []
    for a in _parse(text)["assignments"]:
        t = a.get("timing") or {}
        out.append((a["ref"], a["lead"], t.get("kind", "unspecified"), t.get("due")))
    return sorted(out)


# --- dense: 'Giao Trung tâm ...' under a heading: the heading body's own unit, or a body leading on its own ---
GIAO = [
    # a collective owns no unit: the centre and the office named lead (was: 'Các cơ quan, đơn vị liên quan' twice)
    (
        "collective-heading",
        "I. NHIỆM VỤ\n1. Các cơ quan, đơn vị liên quan\n- Giao Trung tâm Công nghệ thông tin tỉnh xây dựng phần mềm quản lý "
        "hồ sơ, hoàn thành trong Quý III/2025.\n- Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện.\n",
        [
            ("I.1", ["Trung tâm Công nghệ thông tin tỉnh"], "once", "2025-09-30"),
            ("I.1", ["Văn phòng Ủy ban nhân dân tỉnh"], "unspecified", None),
        ],
    ),
    # the office of the province's committee is no unit of the finance department (was: 'Sở Tài chính')
    (
        "other-parent",
        "I. NHIỆM VỤ\n1. Sở Tài chính\n- Chủ trì thẩm định dự toán kinh phí.\n- Giao Văn phòng Ủy ban nhân dân tỉnh bố trí lịch "
        "làm việc.\n",
        [
            ("I.1", ["Sở Tài chính"], "unspecified", None),
            ("I.1", ["Văn phòng Ủy ban nhân dân tỉnh"], "unspecified", None),
        ],
    ),
    # kept: the department's own centre
    (
        "own-unit",
        "I. NHIỆM VỤ\n1. Sở Văn hóa, Thể thao và Du lịch\n- Chủ trì tổ chức Lễ hội.\n- Giao Trung tâm Văn hóa tỉnh tổ chức "
        "biểu diễn nghệ thuật.\n",
        [
            ("I.1", ["Sở Văn hóa, Thể thao và Du lịch"], "unspecified", None),
            ("I.1", ["Sở Văn hóa, Thể thao và Du lịch"], "unspecified", None),
        ],
    ),
]


@pytest.mark.parametrize(("body", "expected"), [pytest.param(b, e, id=i) for i, b, e in GIAO])
def test_giao_unit_under_heading(body: str, expected: list[Entry]) -> None:
    assert _entries(PROVINCE + body) == sorted(expected)


# --- cassign: 'chỉ đạo' hands work down only from the issuer (or above) ---
@pytest.mark.parametrize(
    ("head", "sentence", "lead"),
    [
        (
            PROVINCE,
            "Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành tăng cường kiểm tra, giám sát dịch bệnh.",
            ["các sở, ngành"],
        ),
        (PROVINCE_ABBR, "UBND tỉnh chỉ đạo Sở Y tế tăng cường kiểm tra, giám sát dịch bệnh.", ["Sở Y tế"]),
        (
            PROVINCE,
            "Ủy ban nhân dân huyện Hòa Bình chỉ đạo Trạm Y tế các xã tăng cường giám sát dịch bệnh.",
            ["Ủy ban nhân dân huyện Hòa Bình"],
        ),
    ],
)
def test_directing_hands_down_only_from_the_issuer(head: str, sentence: str, lead: list[str]) -> None:
    assert [
        a["lead"] for a in _parse(head + "I. NHIỆM VỤ\n1. Phòng chống dịch\n" + sentence + "\n")["assignments"]
    ] == [lead]


# --- flat3 / cassign: the requirement filter of the Mục đích / Yêu cầu section ---
def test_dated_requirement_of_a_named_body_is_a_task() -> None:
    body = (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao hiệu quả quản lý.\n2. Yêu cầu\n- Sở Nội vụ phải hoàn thành việc rà soát, "
        "sắp xếp tổ chức bộ máy trước ngày 30/6/2025.\n- Các sở, ngành phải nghiêm túc thực hiện.\n- Thủ trưởng các sở, "
        "ngành phải chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh nếu để xảy ra sai phạm.\nII. NHIỆM VỤ\n"
        "1. Tuyên truyền\nSở Văn hóa, Thể thao và Du lịch tổ chức tuyên truyền.\n"
    )
    assert _entries(PROVINCE + body) == [
        ("I.2", ["Sở Nội vụ"], "once", "2025-06-30"),
        ("II.1", ["Sở Văn hóa, Thể thao và Du lịch"], "unspecified", None),
    ]


# --- dense: a ';' clause opening with another body ---
SEMI = [
    # a one-clause first subject (the text before ';' opens with the body, its verb after): the second body leads too
    (
        "second-subject",
        "Sở Giáo dục và Đào tạo chủ trì tổ chức Hội thi; Sở Văn hóa, Thể thao và Du lịch bố trí địa điểm tổ chức.",
        [["Sở Giáo dục và Đào tạo"], ["Sở Văn hóa, Thể thao và Du lịch"]],
    ),
    # a list of the places inspected, after ':'
    (
        "object-list",
        "Sở Y tế chủ trì kiểm tra công tác phòng, chống dịch tại các đơn vị: Bệnh viện Đa khoa tỉnh; Trung tâm Y tế huyện "
        "Hòa Bình; Trung tâm Y tế huyện Sông Lam.",
        [["Sở Y tế"]],
    ),
    # a passive clause: what another body does to the council (was: 'Hội đồng thi tuyển do Chủ tịch ...' as a lead)
    (
        "passive-clause",
        "Sở Nội vụ chủ trì tổ chức thi tuyển công chức năm 2025; Hội đồng thi tuyển do Chủ tịch Ủy ban nhân dân tỉnh quyết "
        "định thành lập.",
        [["Sở Nội vụ"]],
    ),
    # those trained, listed after ':'
    (
        "trainees",
        "Sở Tư pháp chủ trì tổ chức tập huấn cho các đối tượng: cán bộ tư pháp cấp xã; Hội Luật gia tỉnh; Đoàn Luật sư tỉnh.",
        [["Sở Tư pháp"]],
    ),
]


@pytest.mark.parametrize(("sentence", "leads"), [pytest.param(s, e, id=i) for i, s, e in SEMI])
def test_semicolon_clause_subjects(sentence: str, leads: list[list[str]]) -> None:
    got = _parse(PROVINCE + "I. NHIỆM VỤ\n1. Nhiệm vụ\n" + sentence + "\n")["assignments"]
    assert [a["lead"] for a in got] == leads


def test_closing_time_leaves_a_part_s_own_time() -> None:
    body = (
        "I. NHIỆM VỤ\n1. Kiểm tra\nSở Công Thương chủ trì kiểm tra thị trường dịp Tết trong tháng 01/2025. Công an tỉnh "
        "phối hợp xử lý các vi phạm. Thời gian thực hiện: năm 2025.\n"
    )
    assert _entries(PROVINCE + body) == [
        ("I.1", ["Công an tỉnh"], "once", "2025-12-31"),
        ("I.1", ["Sở Công Thương"], "once", "2025-01-31"),
    ]


# --- ctime: milestones and several deadlines ---
@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        # a span, then a later step in its own clause: the span's end (not the step's month)
        (
            "Sở Y tế tổ chức tập huấn từ tháng 4/2025 đến tháng 6/2025; báo cáo kết quả về Ủy ban nhân dân tỉnh trong "
            "tháng 12/2025.",
            "once",
            "2025-06-30",
        ),
        # years named as the work's content, not steps: the deadline
        (
            "Sở Kế hoạch và Đầu tư chủ trì đánh giá kết quả thực hiện năm 2023 và năm 2025 của Chương trình, hoàn thành "
            "trong Quý IV/2025.",
            "once",
            "2025-12-31",
        ),
        # the act quoted with its date is no deadline of the task
        (
            "Sở Tư pháp chủ trì rà soát các văn bản, hoàn thành trước ngày 30/9/2025 theo hướng dẫn tại Công văn số "
            "123/BTP-VĐCXDPL ngày 05/3/2025 của Bộ Tư pháp.",
            "once",
            "2025-09-30",
        ),
    ],
)
def test_milestones_in_a_task_sentence(text: str, kind: str, due: str) -> None:
    got = _entries(PROVINCE + "I. NHIỆM VỤ\n1. Nhiệm vụ\n" + text + "\n")
    assert [(k, d) for _, _, k, d in got] == [(kind, due)]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Quý IV/2025 và Quý II/2026", "2025-12-31"),  # separate steps: the first
        ("Quý IV/2025 và Quý I/2026", None),  # one span: no milestone
        ("Quý IV/2025 - Quý II/2026", None),  # a range
        ("năm 2025 và năm 2026", None),
    ],
)
def test_first_milestone(text: str, due: str | None) -> None:
    got = first_milestone(text)
    assert (got.isoformat() if got else None) == due


# --- agency: tab-separated tables and month grids ---
def test_tab_table_ends_at_a_numbered_list_line() -> None:
    t = "\t"
    body = (
        "I. NHIỆM VỤ\n1. Nhiệm vụ cụ thể\n"
        + t.join(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"])
        + "\n"
        + t.join(["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Các sở, ngành", "Quý II/2025"])
        + "\n"
        + t.join(["2", "Số hóa hồ sơ", "Sở Khoa học và Công nghệ", "Ủy ban nhân dân các xã", "Quý III/2025"])
        + "\n"
        + "II.\tTỔ CHỨC THỰC HIỆN\n1.\tSở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n"
        + "2.\tSở Nội vụ theo dõi, tổng hợp kết quả thực hiện.\n"
    )
    assert _entries(PROVINCE + body) == [
        ("I.1.1", ["Sở Tư pháp"], "once", "2025-06-30"),
        ("I.1.2", ["Sở Khoa học và Công nghệ"], "once", "2025-09-30"),
        ("II.1", ["Sở Tài chính"], "unspecified", None),
        ("II.2", ["Sở Nội vụ"], "unspecified", None),
    ]


def test_tab_table_keeps_a_row_broken_over_two_lines() -> None:
    text = "STT\tNội dung\tChủ trì\tThời hạn\n1\tXây dựng cơ sở dữ liệu dùng chung với\nCục Thuế\tSở Tài chính\tQuý II/2025\n"
    assert (
        tab_tables(text).split("\n")[2]
        == "| 1 | Xây dựng cơ sở dữ liệu dùng chung với Cục Thuế | Sở Tài chính | Quý II/2025 |"
    )


SCHOOL_GRID = ["STT", "Nội dung", "Đơn vị chủ trì", "T9", "T10", "T11", "T12", "T1", "T2", "T3"]


@pytest.mark.parametrize(
    ("ticks", "kind", "due"),
    [
        ({"T11", "T12", "T1"}, "once", "2026-01-31"),  # a run over the new year (was: recurring, 2025-11-30)
        ({"T9", "T3"}, "recurring", "2025-09-30"),
        ({"T2"}, "once", "2026-02-28"),  # the second half of the school year
        ({"T10", "T11"}, "once", "2025-11-30"),
    ],
)
def test_school_year_month_grid(ticks: set[str], kind: str, due: str) -> None:
    months = month_columns(SCHOOL_GRID)
    row = ["1", "Tổ chức thi", "Sở Giáo dục và Đào tạo", *("x" if c in ticks else "" for c in SCHOOL_GRID[3:])]
    got = month_timing(row, months, 2025, dt.date(2025, 8, 20))
    assert got is not None and (got["kind"], got["due"]) == (kind, due)


def test_calendar_month_grid_unchanged() -> None:
    header = ["STT", "Nội dung", *(f"Tháng {m}" for m in range(1, 13))]
    months = month_columns(header)
    row = ["1", "Kiểm tra", *("x" if m in (3, 6, 9, 12) else "" for m in range(1, 13))]
    assert month_timing(row, months, 2025, ISSUED)["due"] == "2025-03-31"  # type: ignore[index]
    every = ["1", "Kiểm tra", *("x" for _ in range(12))]
    assert month_timing(every, months, 2025, ISSUED)["kind"] == "continuous"  # type: ignore[index]


# --- agency: annex numbers ---
@pytest.mark.parametrize(("caption", "ref"), [("Phụ lục số 02", "PL2.1"), ("PHỤ LỤC 01", "PL.1"), ("PHỤ LỤC", "PL.1")])
def test_lone_annex_number(caption: str, ref: str) -> None:
    text = (
        PROVINCE + "I. NHIỆM VỤ\n1. Tuyên truyền\nSở Văn hóa, Thể thao và Du lịch tổ chức tuyên truyền.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n\n"
        f"{caption}\nDANH MỤC NHIỆM VỤ\n| STT | Nội dung | Đơn vị chủ trì | Thời gian |\n|---|---|---|---|\n"
        "| 1 | Số hóa hồ sơ | Sở Nội vụ | Quý IV/2025 |\n"
    )
    assert [a["ref"] for a in _parse(text)["assignments"]] == ["I.1", ref]


# --- flat3: a noun title made of a verb, cut from the sentence it ran into ---
@pytest.mark.parametrize(
    ("par", "title"),
    [
        ("1. Chế độ báo cáo Các sở, ngành báo cáo kết quả thực hiện", "1. Chế độ báo cáo"),
        ("2. Công tác tuyên truyền Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức", "2. Công tác tuyên truyền"),
        # a verb taking a body as its object: the communes are guided, no subject (was: cut, the communes leading)
        ("3. Công tác hướng dẫn Ủy ban nhân dân các xã triển khai thực hiện chuyển đổi số", None),
        ("4. Việc hỗ trợ các hợp tác xã nông nghiệp phát triển sản xuất", None),
    ],
)
def test_noun_title_cut(par: str, title: str | None) -> None:
    k = title_then_body(par)
    assert (par[:k].strip() if k is not None else None) == title


# --- nonum: unnumbered texts read, non-plans still refused ---
REFUSED = [
    (
        "news",
        "Sáng ngày 15/3/2025, Sở Y tế tỉnh Sông Xanh đã tổ chức Hội nghị tổng kết công tác y tế năm 2024. Tham dự hội nghị "
        "có đại diện lãnh đạo Ủy ban nhân dân tỉnh, các sở, ngành liên quan.",
    ),
    # a reply agreeing to a proposal (was: read, 'Ủy ban nhân dân tỉnh đồng ý chủ trương' as a lead)
    (
        "consent-letter",
        "ỦY BAN NHÂN DÂN TỈNH SÔNG XANH\nSố: 120/UBND-VX\nV/v đồng ý chủ trương tổ chức hội thảo\nKính gửi: Sở Y tế\n"
        "Ủy ban nhân dân tỉnh nhận được Tờ trình số 15/TTr-SYT ngày 10/3/2025 của Sở Y tế. Sau khi xem xét, Ủy ban nhân "
        "dân tỉnh đồng ý chủ trương tổ chức Hội thảo khoa học như đề xuất của Sở Y tế.\n",
    ),
    # an invitation (was: read, 'Sở Y tế trân trọng kính mời đại diện' as a lead)
    (
        "invitation",
        "GIẤY MỜI\nSở Y tế trân trọng kính mời đại diện lãnh đạo Sở Tài chính tới dự Hội nghị vào lúc 8h00 ngày 20/3/2025 "
        "tại Hội trường Sở Y tế.\n",
    ),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in REFUSED])
def test_not_a_plan_is_refused(text: str) -> None:
    with pytest.raises(PlanReadError):
        _parse(text)


def test_unnumbered_letter_with_tasks_is_read() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH SÔNG XANH\nSố: 121/UBND-VX\nV/v tăng cường phòng, chống dịch sốt xuất huyết\nKính gửi:\n"
        "- Sở Y tế;\n- Ủy ban nhân dân các huyện.\nĐể chủ động phòng, chống dịch, Ủy ban nhân dân tỉnh yêu cầu:\n"
        "Sở Y tế chủ trì theo dõi chặt chẽ tình hình dịch bệnh.\nỦy ban nhân dân các huyện tổ chức phun hóa chất diệt muỗi "
        "trước ngày 30/4/2025.\n"
    )
    assert [a["lead"] for a in _parse(text)["assignments"]] == [["Sở Y tế"], ["Ủy ban nhân dân các huyện"]]


# --- the new modules never throw on odd input ---
_ATOMS = [
    "\t",
    "\n",
    " ",
    "STT",
    "TT",
    "Tháng 1",
    "T12",
    "x",
    "|",
    "| --- |",
    "\\-",
    "1\\.",
    "\\",
    "PHỤ LỤC",
    "Phụ lục 02",
    "KẾ HOẠCH",
    "Kính gửi:",
    "như sau:",
    "Sở Y tế",
    "chủ trì",
    "phải",
    "Quý IV/2025",
    "và",
    "năm 2027",
    ";",
    ":",
    ".",
    "tháng 13/2025",
    "Giao Trung tâm",
    "Ủy ban nhân dân tỉnh",
    "chỉ đạo",
    "Thời gian thực hiện:",
    "hằng năm",
    "I.",
    "1.",
    "a)",
    "(sau đây gọi là Sở)",
    "<br>",
    "Chế độ báo cáo",
    "Cục Nhà giáo và",
    "Cán bộ quản lý",
    "T0",
    "Tháng 99",
    "quý V/2025",
    "ngày 31/2/2025",
    "từ năm học 2025 - 2026",
]


def test_new_modules_never_throw() -> None:
    rnd = random.Random(5)
    for i in range(300):
        s = "".join(rnd.choice(_ATOMS) + rnd.choice(["", " ", "\t", "\n"]) for _ in range(rnd.randint(0, 40)))
        tab_tables(s)
        unescape_marks(s)
        first_milestone(s)
        parse_timing(s, plan_year=2025, issued_on=ISSUED)
        timing_in_text(s, plan_year=2025, issued_on=ISSUED)
        title_then_body(s)
        split_table(s)
        names_by_line(s)
        cells = s.split("\t")
        month_timing(cells, month_columns(cells) or [(0, 12), (1, 1), (2, 1)], 2025, ISSUED)
        if i % 5 == 0:
            try:
                _parse((PROVINCE if i % 2 else "") + s)
            except PlanReadError:
                pass
