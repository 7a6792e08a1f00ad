"""Dense national plans and one-line provincial bullets: several bodies in one paragraph, factored names, Word->markdown
tables, time-first bullets, a department's own unit, budget estimates.

Made-up texts in the genre (not copied from a labelled plan). Conventions (../shared/seeds/gold/README.md, the gold notes
of composed 74 and 78):
- A national steering committee ('Ban Chỉ đạo liên ngành Trung ương ...', 'Ban Chỉ đạo quốc gia ...') is of the centre
  but not above the ministries, its members: a ministry's sentence in its plan is a duty ('Bộ Tài chính bố trí ...').
- A clause after ';' that opens with another body and its task ('...; Bộ Tư pháp theo chức năng, nhiệm vụ được giao, có
  trách nhiệm thẩm định ...', '...; Đài A, Đài B duy trì ...') is that body's own duty, as a later sentence is.
- A paragraph's closing 'Thời gian thực hiện: hằng năm.' is the time of each body's part in it.
- A markdown pipe table's '<br>' is a line break inside the cell; a footnote mark '[^3]' is no part of a name.
- Under a department's heading, 'Giao Trung tâm X thực hiện ...' hands the duty to the department's own unit: the
  department stays the lead. Under a People's Committee's heading, 'Giao Phòng X ...' names the lead (gold 72 IV.2).
- A bullet opening with its time and a colon ('Tháng 10-12/2025: tổ chức ...', 'Năm 2026: ...') is due then.
- A time cell listing labelled steps ('- Trình Chính phủ: Quý IV/2024; - Trình Quốc hội: năm 2025') is due at the first.
- 'báo cáo ... trước ngày 20/6/2026 và trước ngày 20/12 hằng năm': two reports, the yearly one recurring.
- A budget estimate sent to the finance body ('lập dự toán ..., gửi Sở Tài chính trước ngày 20/7 hằng năm') is no
  report on the plan.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.plans import parse_text
from dondoc.plans.rank import own_or_higher
from dondoc.plans.timing import parse_timing
from dondoc.plans.timing_text import timing_in_text


def _pairs(plan: dict) -> set[tuple[str, str]]:
    return {(a["ref"], lead) for a in plan["assignments"] for lead in a["lead"]}


_NATIONAL = (
    "| **BAN CHỈ ĐẠO QUỐC GIA<br>VỀ PHÒNG, CHỐNG THIÊN TAI**<br>\\-\\-\\-\\-\\-\\- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**"
    "<br>**Độc lập \\- Tự do \\- Hạnh phúc** |\n|----|----|\n| Số: 18/KH-BCĐQG | *Hà Nội, ngày 10 tháng 4 năm 2024* |\n\n"
    "**KẾ HOẠCH**\n\n**Nâng cao năng lực phòng, chống thiên tai giai đoạn 2024 \\- 2026**\n\n"
    "# I. NHIỆM VỤ\n\n"
)


def _national(body: str) -> dict:
    return parse_text(_NATIONAL + body, source="t.md")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Giao Sở Công Thương chủ trì, phối hợp với các sở, ban, ngành của tỉnh; Ủy ban nhân dân các xã, phường; Hội "
        "Doanh nhân tỉnh triển khai thực hiện Kế hoạch này.",
        "Yêu cầu các sở, ban, ngành tỉnh; Ủy ban nhân dân các xã, phường; Ban Quản lý các khu công nghiệp căn cứ nhiệm "
        "vụ được giao triển khai thực hiện.",
    ],
)
def test_names_listed_with_semicolons_are_no_new_clause(paragraph: str) -> None:
    # counter-examples: ';' separates the names of one list, not two clauses
    plan = _province(f"1. Tổ chức thực hiện\n{paragraph}\n")
    assert len([a for a in plan["assignments"] if a["ref"] == "I.1"]) == 1


@pytest.mark.parametrize(
    ("name", "issuer", "higher"),
    [
        ("Bộ Tài chính", "Ban Chỉ đạo liên ngành Trung ương về an toàn thực phẩm", False),
        ("Bộ Kế hoạch và Đầu tư, Bộ Tài chính", "Ban Chỉ đạo quốc gia về phòng, chống thiên tai", False),
        # counter-examples: the Government stays above such a committee; a ministry above a province
        ("Chính phủ", "Ban Chỉ đạo quốc gia về phòng, chống thiên tai", True),
        ("Bộ Tài chính", "Ủy ban nhân dân tỉnh Hà Tĩnh", True),
        ("Bộ Tài chính", "Bộ Y tế", False),
    ],
)
def test_a_national_steering_committee_is_not_below_the_ministries(name: str, issuer: str, higher: bool) -> None:
    assert own_or_higher(name, issuer) is higher


def test_a_ministry_sentence_after_the_first_is_its_duty_in_a_committee_plan() -> None:
    plan = _national(
        "1\\. Nâng cấp trạm quan trắc\n\n"
        "\\- *Bộ Tài nguyên và Môi trường* chủ trì nâng cấp mạng lưới trạm quan trắc khí tượng thủy văn; tổ chức vận "
        "hành theo kế hoạch hằng năm. **Bộ Kế hoạch và Đầu tư**, **Bộ Tài chính** căn cứ khả năng cân đối của ngân "
        "sách nhà nước, bố trí vốn cho các dự án nâng cấp trạm.\n"
    )
    pairs = _pairs(plan)
    assert {("I.1", "Bộ Tài nguyên và Môi trường"), ("I.1", "Bộ Kế hoạch và Đầu tư"), ("I.1", "Bộ Tài chính")} <= pairs


@pytest.mark.parametrize(
    ("clause", "second"),
    [
        (
            "*Bộ Tư pháp* theo chức năng, nhiệm vụ được giao, có trách nhiệm thẩm định hồ sơ bảo đảm tiến độ.",
            ["Bộ Tư pháp"],
        ),
        (
            "**Bộ Công Thương** chủ trì xây dựng quy định về kho dự trữ vật tư cứu hộ, ban hành trong năm 2025.",
            ["Bộ Công Thương"],
        ),
        (
            "*Đài Truyền hình Việt Nam*, *Đài Tiếng nói Việt Nam* duy trì chuyên mục cảnh báo thiên tai.",
            ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam"],
        ),
    ],
)
def test_a_clause_after_a_semicolon_with_its_own_subject_is_that_body_duty(clause: str, second: list[str]) -> None:
    plan = _national(
        "1\\. Hoàn thiện thể chế\n\n"
        "**Bộ Nông nghiệp và Phát triển nông thôn** chủ trì, phối hợp với Bộ Tư pháp, Bộ Công Thương tổng kết thi hành "
        f"Luật Phòng, chống thiên tai, trình Chính phủ trong Quý IV/2024; {clause}\n"
    )
    leads = [a["lead"] for a in plan["assignments"] if a["ref"] == "I.1"]
    assert leads == [["Bộ Nông nghiệp và Phát triển nông thôn"], second]


def test_a_semicolon_before_another_task_of_the_same_body_is_one_duty() -> None:
    # counter-example: the clause after ';' has no subject of its own, or names the issuer
    plan = _national(
        "1\\. Hoàn thiện thể chế\n\n"
        "Bộ Nông nghiệp và Phát triển nông thôn chủ trì tổng kết thi hành Luật Phòng, chống thiên tai; xây dựng hồ sơ "
        "đề nghị sửa đổi Luật, trình Chính phủ trong Quý IV/2024; Chính phủ xem xét, trình Quốc hội.\n"
    )
    leads = [a["lead"] for a in plan["assignments"] if a["ref"] == "I.1"]
    assert leads == [["Bộ Nông nghiệp và Phát triển nông thôn"]]


def test_a_paragraph_closing_time_is_every_part_of_it() -> None:
    plan = _national(
        "1\\. Truyền thông\n\n"
        "**Bộ Thông tin và Truyền thông** chủ trì, chỉ đạo các cơ quan báo chí tuyên truyền phòng, chống thiên tai; "
        "*Đài Truyền hình Việt Nam* duy trì chuyên mục cảnh báo thiên tai. Thời gian thực hiện: hằng năm.\n\n"
        "2\\. Đấu tranh\n\n"
        "**Bộ Công an** chủ trì đấu tranh với hành vi phá hoại công trình phòng, chống thiên tai. Thời gian: thường xuyên. "
        "Đề nghị Ban Chỉ đạo 389 quốc gia chỉ đạo các địa phương phối hợp.\n"
    )
    kinds = {(a["ref"], a["lead"][0]): a["timing"]["kind"] for a in plan["assignments"]}
    assert kinds[("I.1", "Bộ Thông tin và Truyền thông")] == "recurring"
    assert kinds[("I.1", "Đài Truyền hình Việt Nam")] == "recurring"
    # counter-example: a label inside the paragraph is the part's before it, not the request's after it
    assert kinds[("I.2", "Bộ Công an")] == "continuous"
    assert kinds[("I.2", "Ban Chỉ đạo 389 quốc gia")] == "unspecified"


def test_a_markdown_table_cell_breaks_lines_at_br_and_drops_footnote_marks() -> None:
    plan = _national(
        "1\\. Ứng phó sự cố\n\n"
        "Đề nghị Ban Chỉ đạo 389 quốc gia[^2] chỉ đạo các địa phương đưa nội dung phòng, chống thiên tai vào kế hoạch "
        "kiểm tra hằng năm.\n\n"
        "**PHỤ LỤC**\n\n"
        "| **TT** | **Nhiệm vụ** | **Cơ quan chủ trì** | **Cơ quan phối hợp** | **Thời gian hoàn thành** |\n"
        "|----|----|----|----|----|\n"
        "| 1 | Xây dựng cơ sở dữ liệu thiên tai | Bộ Tài nguyên và Môi trường;<br>Bộ Nông nghiệp và Phát triển nông thôn | "
        "Bộ Thông tin và Truyền thông;<br>Bộ Quốc phòng | 2024 \\- 2026 |\n"
        "| 2 | Diễn tập ứng phó bão | Bộ Quốc phòng<br>(Cơ quan thường trực) | Các bộ, ngành | Quý III/2024 |\n"
        "\n[^2]: Ban Chỉ đạo quốc gia chống buôn lậu.\n"
    )
    rows = {a["ref"]: a for a in plan["assignments"] if a["ref"].startswith("PL")}
    assert rows["PL.1"]["lead"] == ["Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Phát triển nông thôn"]
    assert rows["PL.1"]["support"] == ["Bộ Thông tin và Truyền thông", "Bộ Quốc phòng"]
    assert rows["PL.2"]["lead"] == ["Bộ Quốc phòng"]
    assert ("I.1", "Ban Chỉ đạo 389 quốc gia") in _pairs(plan)


_PROVINCE = (
    "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n\nSố: 88/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Lạng Sơn, ngày 15 tháng 8 năm 2025\n\nKẾ HOẠCH\nPhát triển du lịch nông thôn năm 2025 - 2026\n\n"
    "I. TỔ CHỨC THỰC HIỆN\n"
)


def _province(body: str) -> dict:
    return parse_text(_PROVINCE + body, source="t.txt")


def test_a_department_handing_a_duty_to_its_own_unit_stays_the_lead() -> None:
    plan = _province(
        "1. Sở Văn hóa, Thể thao và Du lịch\n"
        "- Chủ trì, hướng dẫn các địa phương triển khai Kế hoạch.\n"
        "- Giao Trung tâm Xúc tiến du lịch quảng bá sản phẩm du lịch nông thôn trên các nền tảng số.\n"
        "2. Sở Nông nghiệp và Môi trường\n"
        "- Giao Chi cục Phát triển nông thôn theo dõi, tổng hợp kết quả lồng ghép.\n"
    )
    assert _pairs(plan) == {("I.1", "Sở Văn hóa, Thể thao và Du lịch"), ("I.2", "Sở Nông nghiệp và Môi trường")}


def test_a_people_committee_handing_a_duty_to_its_office_names_the_lead() -> None:
    # counter-example (gold 72 IV.2): a People's Committee's specialised offices lead what it hands them
    plan = _province(
        "1. Ủy ban nhân dân huyện\n"
        "- Giao Phòng Tài chính - Kế hoạch tham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
        "- Giao Văn phòng Điều phối nông thôn mới huyện theo dõi, tổng hợp kết quả.\n"
    )
    assert _pairs(plan) == {("I.1", "Phòng Tài chính - Kế hoạch"), ("I.1", "Văn phòng Điều phối nông thôn mới huyện")}


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("Tháng 10-12/2025: tổ chức các lớp bồi dưỡng kỹ năng làm du lịch.", "once", "2025-12-31"),
        ("Năm 2026: tổ chức thẩm định, công nhận điểm du lịch.", "once", "2026-12-31"),
        ("Quý IV/2025: rà soát các tuyến đường kết nối.", "once", "2025-12-31"),
        ("Tháng 11/2025: tổ chức đoàn khảo sát.", "once", "2025-11-30"),
        # counter-examples: a year inside the task is no time; a deadline after the opening time wins
        ("Tổng kết Kế hoạch năm 2026 của tỉnh.", "unspecified", None),
        ("Năm 2026: hoàn thành trước ngày 30/6/2026 việc công nhận.", "once", "2026-06-30"),
    ],
)
def test_a_bullet_opening_with_its_time_and_a_colon_is_due_then(text: str, kind: str, due: str | None) -> None:
    t = timing_in_text(text, plan_year=2025, issued_on=dt.date(2025, 8, 15))
    assert (t["kind"], t["due"]) == (kind, due)


@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("- Trình Chính phủ: Quý IV/2025;\n- Trình Quốc hội: năm 2026", "2025-12-31"),
        ("Sơ kết: Quý IV/2025; Tổng kết: năm 2026", "2025-12-31"),
        # counter-examples: unlabelled points that follow each other are one span; a range is due at its end
        ("Quý IV/2025 và Quý I/2026", "2026-03-31"),
        ("Quý IV/2025 - năm 2026", "2026-12-31"),
    ],
)
def test_labelled_steps_in_a_time_cell_are_due_at_the_first(cell: str, due: str) -> None:
    t = parse_timing(cell, plan_year=2025, issued_on=dt.date(2025, 8, 15))
    assert t["due"] == due


def test_a_dated_report_and_a_yearly_one_are_two_reports() -> None:
    plan = _province(
        "1. Chế độ báo cáo\n"
        "- Sở Văn hóa, Thể thao và Du lịch tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/6/2026 và trước ngày "
        "20/12 hằng năm.\n"
    )
    assert sorted(r["timing"]["due"][5:] for r in plan["reports"]) == ["06-20", "12-20"]
    (a,) = plan["assignments"]
    assert (a["timing"]["kind"], a["timing"]["due"]) == ("recurring", "2025-12-20")


def test_two_dated_deadlines_with_no_period_stay_one_report() -> None:
    # counter-example: both dates carry their year and no period is named between them
    plan = _province(
        "1. Chế độ báo cáo\n"
        "- Sở Văn hóa, Thể thao và Du lịch tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/6/2026 và trước ngày "
        "20/12/2026.\n"
    )
    assert [r["timing"]["due"] for r in plan["reports"]] == ["2026-06-20"]


def test_a_budget_estimate_sent_to_the_finance_body_is_no_report() -> None:
    plan = _province(
        "1. Kinh phí\n"
        "- Các sở, ngành, Ủy ban nhân dân các xã lập dự toán kinh phí thực hiện, tổng hợp chung vào dự toán ngân sách "
        "của cơ quan, gửi Sở Tài chính trước ngày 20/7 hằng năm để thẩm định.\n"
        "2. Chế độ báo cáo\n"
        "- Các sở, ngành tổng hợp kết quả thực hiện, gửi Sở Văn hóa, Thể thao và Du lịch trước ngày 10/12 hằng năm.\n"
    )
    assert [(r["ref"], r["timing"]["due"]) for r in plan["reports"]] == [("I.2", "2025-12-10")]
