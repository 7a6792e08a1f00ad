"""A sceptical review of the fourth session's rules (natprobes, annex50, conf, reports2, speed, timing5, cut2, xfail):
made-up counter-examples in the genre, each written to test where a rule could fire on other plans than the labelled
ones, and odd inputs the new modules must read without an error.

Expected values follow the gold conventions (shared/DOMAIN.md and the gold notes): a later sentence in a paragraph
that tells what a body did ('đã ...') or what a body above the issuer does is no duty; a draft sent out for comments
or appraisal is no report; months listed or ranged are due at the end of the last month named."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dondoc.errors import PlanReadError
from dondoc.plans import gridless, gridnames, gridrow, parse_text, pasted, titles
from dondoc.plans.flattable import rebuild
from dondoc.plans.rank import own_or_higher
from dondoc.plans.report_parts import receivers
from dondoc.plans.timing import parse_timing
from tests.unit.plans.conftest import lead_name

PROVINCE = (
    "ỦY BAN NHÂN DÂN TỈNH SÔNG XANH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 88/KH-UBND\nSông Xanh, ngày 15 tháng 3 năm 2025\nKẾ HOẠCH\n"
    "Triển khai công tác năm 2025\n"
)
DEPARTMENT = (
    "UBND TỈNH SÔNG XANH\nSỞ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 12/KH-SYT\nSông Xanh, ngày 15 tháng 3 năm 2025\nKẾ HOẠCH\n"
    "Triển khai công tác y tế năm 2025\n"
)
MINISTRY = (
    "BỘ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 21/KH-BYT\nHà Nội, ngày 10 tháng 4 năm 2025\nKẾ HOẠCH\n"
    "Triển khai thi hành Luật Khám bệnh, chữa bệnh\n"
)
AIMS = (
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao hiệu quả công tác quản lý nhà nước trên địa bàn tỉnh.\n"
    "2. Yêu cầu\nCác sở, ngành triển khai đồng bộ, hiệu quả.\nII. NHIỆM VỤ\n"
)

Entry = tuple[str, list[str], str, str]


def _parse(text: str) -> dict[str, Any]:
    return parse_text(text, source="probe.txt", year=2025)


def _entries(text: str) -> list[Entry]:
    return [
        (a["ref"], a["lead"], a["mode"], (a.get("timing") or {}).get("kind", "unspecified"))
        for a in _parse(text)["assignments"]
    ]


def _flat(text: str) -> str:
    return " ".join(text.split())


# --- xfail round: a later sentence of a paragraph with a subject of its own (subjects._later_subjects, rank.py) ---
LATER = [
    # what a body did last year, after the task: no duty ('Công an tỉnh đã phát hiện' was a lead)
    (
        "past-result",
        PROVINCE,
        "I. NHIỆM VỤ\n1. Tăng cường kiểm tra an toàn thực phẩm\nSở Y tế chủ trì, phối hợp với các sở, ngành kiểm tra an "
        "toàn thực phẩm trong dịp Tết Nguyên đán. Năm 2024, Công an tỉnh đã phát hiện, xử lý 35 vụ vi phạm về an toàn thực "
        "phẩm.\n2. Bảo đảm kinh phí\nSở Tài chính tham mưu bố trí kinh phí thực hiện.\n",
        [("I.1", ["Sở Y tế"], "assign", "once"), ("I.2", ["Sở Tài chính"], "assign", "unspecified")],
    ),
    # the Government above a ministry: what it adopts is no duty of the ministry's plan
    (
        "government-in-ministry-plan",
        MINISTRY,
        "II. NHIỆM VỤ\n1. Xây dựng Nghị định quy định chi tiết\nVụ Pháp chế chủ trì, phối hợp với Cục Quản lý Khám, chữa "
        "bệnh xây dựng dự thảo Nghị định, trình Bộ trưởng trong Quý II/2025. Chính phủ xem xét, ban hành Nghị định trong Quý "
        "IV/2025.\n2. Tập huấn\nCục Quản lý Khám, chữa bệnh tổ chức tập huấn cho các cơ sở khám bệnh, chữa bệnh.\n",
        [
            ("II.1", ["Vụ Pháp chế"], "assign", "once"),
            ("II.2", ["Cục Quản lý Khám, chữa bệnh"], "assign", "unspecified"),
        ],
    ),
    # the province above its department: the approval is no duty of the department's plan
    (
        "province-in-department-plan",
        DEPARTMENT,
        "II. NHIỆM VỤ\n1. Xây dựng đề án phát triển mạng lưới y tế cơ sở\nPhòng Kế hoạch - Tài chính chủ trì xây dựng dự "
        "thảo Đề án, trình Giám đốc Sở trong tháng 6/2025. Ủy ban nhân dân tỉnh xem xét, phê duyệt Đề án trong Quý "
        "III/2025.\n2. Kiểm tra\nThanh tra Sở kiểm tra việc thực hiện tại các cơ sở.\n",
        [
            ("II.1", ["Phòng Kế hoạch - Tài chính"], "assign", "once"),
            ("II.2", ["Thanh tra Sở"], "assign", "unspecified"),
        ],
    ),
    # those under supervision ('chịu sự kiểm tra, giám sát của ...') do not lead
    (
        "passive-supervised",
        PROVINCE,
        "I. NHIỆM VỤ\n1. Quản lý hoạt động khoáng sản\nSở Nông nghiệp và Môi trường chủ trì quản lý hoạt động khai thác "
        "khoáng sản. Các doanh nghiệp khai thác chịu sự kiểm tra, giám sát của Sở Nông nghiệp và Môi trường.\n",
        [("I.1", ["Sở Nông nghiệp và Môi trường"], "assign", "unspecified")],
    ),
    # kept: a unit under the issuer named in a later sentence does get the duty (ministry, department)
    (
        "later-unit-ministry",
        MINISTRY,
        "II. NHIỆM VỤ\n1. Hướng dẫn chuyên môn\nVụ Pháp chế chủ trì rà soát các văn bản hướng dẫn. Cục Quản lý Dược chủ trì "
        "xây dựng Thông tư hướng dẫn về thuốc, hoàn thành trong năm 2025.\n",
        [("II.1", ["Vụ Pháp chế"], "assign", "unspecified"), ("II.1", ["Cục Quản lý Dược"], "assign", "once")],
    ),
    (
        "later-unit-department",
        DEPARTMENT,
        "II. NHIỆM VỤ\n1. Phòng, chống dịch\nPhòng Nghiệp vụ Y chủ trì theo dõi tình hình dịch bệnh. Trung tâm Kiểm soát "
        "bệnh tật tỉnh chủ trì tổ chức tiêm chủng, hoàn thành trong Quý II/2025.\n",
        [
            ("II.1", ["Phòng Nghiệp vụ Y"], "assign", "unspecified"),
            ("II.1", ["Trung tâm Kiểm soát bệnh tật tỉnh"], "assign", "once"),
        ],
    ),
]


@pytest.mark.parametrize(("head", "body", "expected"), [pytest.param(h, b, e, id=i) for i, h, b, e in LATER])
def test_later_sentences(head: str, body: str, expected: list[Entry]) -> None:
    assert _entries(head + body) == expected


@pytest.mark.parametrize(
    ("name", "issuer", "above"),
    [
        ("Chính phủ", "Bộ Y tế", True),
        ("Thủ tướng Chính phủ", "Bộ Tài chính", True),
        ("Quốc hội", "Thủ tướng Chính phủ", True),
        ("Bộ Tài chính", "Bộ Y tế", False),  # another ministry: a partner, not above
        ("Bộ Y tế", "Thủ tướng Chính phủ", False),
        ("Ủy ban nhân dân tỉnh", "Sở Y tế", True),
        ("Hội đồng nhân dân tỉnh", "Sở Nội vụ", True),
        ("Ủy ban nhân dân xã Hòa Bình", "Sở Y tế", False),
        ("Sở Tài chính", "Sở Y tế", False),
    ],
)
def test_rank_within_centre_and_under_province(name: str, issuer: str, above: bool) -> None:
    assert own_or_higher(name, issuer) is above


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Công an tỉnh đã phát hiện, xử lý 35 vụ vi phạm.",
            None,
        ),  # narrative, the verb list began before the verb found
        ("Công an tỉnh sẽ phát hiện, xử lý vi phạm.", None),
        ("Các doanh nghiệp chịu sự kiểm tra, giám sát của Sở Y tế.", None),
        (
            "Các xã đã đạt chuẩn nông thôn mới tiếp tục duy trì, nâng cao các tiêu chí.",
            "Các xã đã đạt chuẩn nông thôn mới",
        ),
        ("Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra.", "Sở Y tế"),
    ],
)
def test_leading_body_narrative(text: str, name: str | None) -> None:
    assert lead_name(text) == name


# --- natprobes: a field word inside a name joined by 'và' to a capitalised second field ---
def test_field_name_with_and() -> None:
    body = (
        AIMS + "1. Chuyển đổi số\nTrung tâm Công nghệ thông tin và Truyền thông tỉnh chủ trì vận hành nền tảng số.\n"
        "2. Tuyên truyền\nSở Y tế xây dựng và phổ biến tài liệu tuyên truyền.\n"
    )
    assert _entries(PROVINCE + body) == [
        ("II.1", ["Trung tâm Công nghệ thông tin và Truyền thông tỉnh"], "assign", "unspecified"),
        ("II.2", ["Sở Y tế"], "assign", "unspecified"),
    ]


# --- reports2: a draft sent out for comments or appraisal is no report; a dossier sent is ---
def _reports(body: str) -> list[tuple[list[str], list[str], str | None]]:
    reps = _parse(PROVINCE + "I. NHIỆM VỤ\n" + body)["reports"]
    return [(r.get("from"), r.get("to"), (r.get("timing") or {}).get("due")) for r in reps]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "1. Xây dựng quy chế phối hợp\nSở Nội vụ chủ trì xây dựng dự thảo Quy chế, gửi Sở Tư pháp thẩm định trước ngày "
            "30/6/2025.\n",
            [],
        ),
        ("1. Lấy ý kiến\nSở Tài chính gửi dự thảo Đề án đến các sở, ngành để lấy ý kiến trước ngày 15/8/2025.\n", []),
        ("1. Góp ý\nCác sở, ngành gửi văn bản góp ý về Sở Tư pháp trước ngày 10/5/2025.\n", []),
        (
            "1. Thẩm định hồ sơ\nỦy ban nhân dân các xã gửi hồ sơ đề nghị công nhận xã đạt chuẩn về Sở Nông nghiệp và Môi trường để "
            "thẩm định trước ngày 30/9/2025.\n",
            [(["Ủy ban nhân dân các xã"], ["Sở Nông nghiệp và Môi trường"], "2025-09-30")],
        ),
        (
            "1. Báo cáo kết quả\nSở Y tế tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh và Bộ Y tế trước ngày "
            "20/11/2025.\n",
            [(["Sở Y tế"], ["Ủy ban nhân dân tỉnh", "Bộ Y tế"], "2025-11-20")],
        ),
    ],
)
def test_draft_for_review_is_no_report(body: str, expected: list[Any]) -> None:
    assert _reports(body) == expected


def test_receiver_ends_before_appraisal() -> None:
    clause = "Ủy ban nhân dân các xã gửi báo cáo kết quả về Sở Tư pháp thẩm định, tổng hợp trước ngày 30/6/2025"
    assert receivers(clause, 0) == ["Sở Tư pháp"]


# --- timing5: months ranged or listed, then more months ---
@pytest.mark.parametrize(
    ("phrase", "due", "start"),
    [
        # a later month apart from the span is a separate point (timing6: months listed are due at the first)
        ("Trong tháng 5 - 6/2026 và tháng 9/2026", "2026-06-30", "2026-05-01"),
        ("Trong tháng 5 - 6/2026, tháng 7/2026", "2026-07-31", "2026-05-01"),  # a month following on: the span goes on
        ("Tháng 11/2025 - 02/2026", "2026-02-28", "2025-11-01"),  # the second month without its 'tháng'
        ("tháng 7 - 12/2025", "2025-12-31", "2025-07-01"),
        ("Tháng 10 năm 2025 - tháng 3 năm 2026", "2026-03-31", "2025-10-01"),
    ],
)
def test_month_spans(phrase: str, due: str, start: str | None) -> None:
    t = parse_timing(phrase, plan_year=2026)
    assert (t["kind"], t["due"], t.get("start")) == ("once", due, start)


# --- cut2: a task table pasted as one run of words, its task holding a count before a capital ---
def test_flat_table_count_in_task() -> None:
    par = (
        "Các nhiệm vụ cụ thể như sau: TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện 1 Tổ chức 2 Hội "
        "nghị sơ kết việc thi hành Luật Sở Tư pháp Các sở, ngành Quý IV năm 2025 2 Kiểm tra việc thực hiện Sở Nội vụ "
        "Sở Tư pháp Năm 2026"
    )
    got = rebuild(par)
    assert got is not None
    assert got[1][2:] == [
        "| 1 | Tổ chức 2 Hội nghị sơ kết việc thi hành Luật | Sở Tư pháp | Các sở, ngành | Quý IV năm 2025 |",
        "| 2 | Kiểm tra việc thực hiện | Sở Nội vụ | Sở Tư pháp | Năm 2026 |",
    ]


def test_flat_table_governed_names_stay_in_task() -> None:
    par = (
        "TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện 1 Rà soát các văn bản của Hội đồng nhân dân "
        "tỉnh Sở Tư pháp Văn phòng Đoàn ĐBQH và HĐND tỉnh Quý III/2025 2 Tập huấn cho Ủy ban nhân dân cấp xã Sở Nội vụ "
        "Các xã, phường Năm 2025"
    )
    got = rebuild(par)
    assert got is not None
    assert got[1][2].startswith("| 1 | Rà soát các văn bản của Hội đồng nhân dân tỉnh | Sở Tư pháp |")
    assert got[1][3] == "| 2 | Tập huấn cho Ủy ban nhân dân cấp xã | Sở Nội vụ | Các xã, phường | Năm 2025 |"


def test_version_number_is_no_subitem() -> None:
    # '... phiên bản 1.1 Nâng cao ...': a version number inside a sentence, not item 1's first sub-item
    pars = [
        "1. Chuyển đổi số Sở Khoa học và Công nghệ chủ trì nâng cấp Nền tảng lên phiên bản 1.1 Nâng cao tính bảo mật."
    ]
    assert len(pasted.dotless_subitems(pars)) in (1, 2)  # (read as 1.1 only when it is the next sub-item: tolerated)
    body = (
        AIMS + "1. Chuyển đổi số trong cơ quan nhà nước\nSở Khoa học và Công nghệ chủ trì nâng cấp Nền tảng tích hợp, "
        "chia sẻ dữ liệu lên phiên bản 1.1 Nâng cao tính bảo mật theo hướng dẫn của Bộ.\n2. Bảo đảm kinh phí\nSở Tài "
        "chính tham mưu bố trí kinh phí.\n"
    )
    want = [
        ("II.1", ["Sở Khoa học và Công nghệ"], "assign", "unspecified"),
        ("II.2", ["Sở Tài chính"], "assign", "unspecified"),
    ]
    assert _entries(PROVINCE + body) == want
    assert _entries(_flat(PROVINCE + body)) == want


def test_title_of_an_organ_then_its_duty_flattened() -> None:
    body = (
        AIMS + "1. Ban Chỉ đạo tỉnh\nSở Nội vụ chủ trì tham mưu kiện toàn Ban Chỉ đạo tỉnh.\n2. Kinh phí\nSở Tài chính "
        "tham mưu bố trí kinh phí.\n"
    )
    want = [("II.1", ["Sở Nội vụ"], "assign", "unspecified"), ("II.2", ["Sở Tài chính"], "assign", "unspecified")]
    assert _entries(_flat(PROVINCE + body)) == want


# --- odd input: no crash in the new modules; refusal only by PlanReadError ---
ODD = {
    "pipes-only": "|||||\n| | |\n|\n",
    "one-column": PROVINCE + "II. NHIỆM VỤ\n| TT |\n| --- |\n| 1 |\n| Sở Y tế chủ trì |\n",
    "header-only-table": PROVINCE
    + "II. NHIỆM VỤ\n| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n",
    "ragged-grid": PROVINCE
    + "II. NHIỆM VỤ\n| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | Kinh "
    "phí | Sản phẩm | Ghi chú |\n| 1 | Rà soát | Sở Tư |\n| pháp | Quý II/2025 |\n|||\n| 2 |\n| Sở | Y tế | | | | | | "
    "| | | | |\n",
    "long-line": PROVINCE + "II. NHIỆM VỤ\n1. " + "Sở Y tế chủ trì, phối hợp với các sở, ngành kiểm tra. " * 400 + "\n",
    "blank-lines": PROVINCE + "\n\n   \n\t\nII. NHIỆM VỤ\n\n\n1. Sở Y tế chủ trì kiểm tra.\n\n",
    "flat-table-cut": PROVINCE
    + "II. NHIỆM VỤ TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện 1 Rà soát văn "
    "bản Sở Tư pháp Sở Nội vụ, các sở, ngành Quý IV năm 2024 2",
    "lettered-groups-only": PROVINCE + "A\nB\nC HẠ TẦNG SỐ\n| A | HẠ TẦNG SỐ |\n| 1 |\n",
    "invisible-chars": "\u200b\ufeff" + PROVINCE + "II. NHIỆM VỤ\n1. Sở Y tế\u00a0chủ trì\u2028kiểm tra\x0c\n",
    "no-numbering": "Sở Y tế chủ trì kiểm tra an toàn thực phẩm. Sở Tài chính bố trí kinh phí.\n" * 20,
    "dashes-only": "-\n- -\n– – –\n+\n",
}


@pytest.mark.parametrize("text", [pytest.param(t, id=k) for k, t in ODD.items()])
def test_odd_input_never_crashes(text: str) -> None:
    try:
        out = _parse(text)
    except PlanReadError:
        return  # a refusal with the reason, not a crash
    assert isinstance(out["assignments"], list)


ROLES = {0: "stt", 1: "task", 2: "lead", 3: "support", 4: "time"}


@pytest.mark.parametrize(
    "lines",
    [
        ["| TT | Nội dung | Cơ quan chủ trì |"],
        ["|", "||", "| | | | |"],
        [
            "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |",
            "",
            "| 1 |",
            "Sở",
            "| Y tế | Quý II/2026 |",
        ],
        ["| STT | Nội dung | Đơn vị chủ trì |", "| A | HẠ TẦNG SỐ |", "| 1 | Sở Khoa | học | và Công nghệ |" * 30],
    ],
)
def test_grid_modules_on_odd_fragments(lines: list[str]) -> None:
    gridless.read(lines, 0)
    parts: list[list[str] | str] = [ln.split("|") if "|" in ln else ln for ln in lines]
    gridrow.aligned([p for p in parts if isinstance(p, list)], 5)
    gridrow.read_loose(parts, parts[0], ROLES)
    gridrow.read_row(parts, parts[0], ROLES, 5)
    gridrow.as_line(lines[0].split("|"))
    gridnames.wrapped([(ln, [ln[:10]] if ln else []) for ln in lines])
    for ln in lines:
        titles.title_then_body("1. " + ln)
        titles.body_bullet("1. " + ln, len(ln))
        titles.duty_after_dash(ln, 0)
        pasted.dash_body("1. " + ln, len(ln))
        rebuild("TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian " + ln)


def test_issue_date_type() -> None:  # (the month spans' dates are real dates: 29 February of a leap year)
    t = parse_timing("Tháng 11/2027 - tháng 02/2028", plan_year=2027)
    assert dt.date.fromisoformat(t["due"]) == dt.date(2028, 2, 29)


# --- conf: a two-word name that is a whole organ (a gazetteer head, or an alias) is no cut piece ---
@pytest.mark.parametrize(
    ("name", "doubted"),
    [
        ("Cục Thuế", False),
        ("Công đoàn", False),
        ("Thành đoàn", False),
        ("Sở Văn", True),  # a piece of 'Sở Văn hóa ...': still doubted
    ],
)
def test_short_whole_names_not_doubted(name: str, doubted: bool) -> None:
    from dondoc.plans.doubt import LOW_CONFIDENCE, confidence, facts

    f = facts({"lead": [name], "text": f"{name} chủ trì kiểm tra việc thực hiện.", "_read": "sentence"})
    assert (confidence(f) < LOW_CONFIDENCE) is doubted
