"""Timing forms the probe of benchmarks/probe_timing.py found read wrong, by class: the phrase as a label or a cell
writes it (`parse_timing`), inside a task sentence (`timing_in_text`), and a time opening the task sentence before its
subject in a small plan (`parse_text`).

Made-up texts in the genre; expectations from ../shared/seeds/gold/README.md and the settled conventions: separate
milestones joined by 'và' are due at the first, adjacent ones (consecutive days, months, quarters) make one span due at
its end; 'Từ ngày … đến ngày …' is once, due at the end; a yearly time whose day has passed at the issue falls in the next
year; a festival named with its year or its date is due on that day; a start carried on into the following years is
continuous; no time of the task's own -> unspecified.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.plans import parse_text
from dondoc.plans.timing import parse_timing, timing_in_text

YEAR = 2026
FEB = dt.date(2026, 2, 10)
JUL = dt.date(2026, 7, 22)
TASK = "Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh tổ chức kiểm tra việc thực hiện chính sách bảo hiểm y tế"


def phrase(x: str, issued: dt.date = FEB) -> tuple[str, str | None]:
    t = parse_timing(x, plan_year=YEAR, issued_on=issued)
    return t["kind"], t["due"]


def sentence(x: str, issued: dt.date = FEB) -> tuple[str, str | None]:
    t = timing_in_text(x, plan_year=YEAR, issued_on=issued)
    return t["kind"], t["due"]


# -- dated days joined by 'và': separate milestones, due at the first; consecutive days one span, due at the last
@pytest.mark.parametrize(("x", "due"), [
    ("Ngày 15/8/2026 và ngày 15/11/2026", "2026-08-15"),
    ("Ngày 15/8/2026, ngày 15/11/2026", "2026-08-15"),
    ("Ngày 15 và 16/8/2026", "2026-08-16"),
    ("Ngày 15/8/2026 và ngày 16/8/2026", "2026-08-16"),
    ("Từ ngày 15/8/2026 đến ngày 15/11/2026", "2026-11-15"),
    ("Dự kiến ngày 05/12/2026 (Chậm nhất ngày 10/12/2026)", "2026-12-10"),
])
def test_dated_days_joined_by_va(x: str, due: str) -> None:
    assert phrase(x) == ("once", due)


def test_dated_days_joined_by_va_in_a_sentence() -> None:
    assert sentence(TASK + " vào ngày 15/8/2026 và ngày 15/11/2026.") == ("once", "2026-08-15")


# -- a range of days written with a dash inside a sentence
def test_a_range_of_days_with_a_dash_in_a_sentence() -> None:
    assert sentence(TASK + ", từ 01/9 - 30/9/2026.") == ("once", "2026-09-30")
    assert sentence(TASK + " từ ngày 01/9 - 30/9/2026.") == ("once", "2026-09-30")


# -- at once after the plan's issue: once, no date written
def test_at_once_after_the_plan_in_a_sentence() -> None:
    assert sentence(TASK + ", ngay sau khi Kế hoạch được ban hành.") == ("once", None)
    assert sentence(TASK + " ngay sau khi ban hành Kế hoạch này.") == ("once", None)
    # when another's act comes, and 'kịp thời': no time of the plan's
    assert sentence(TASK + " ngay sau khi có hướng dẫn của Bộ Y tế.") == ("unspecified", None)
    assert sentence(TASK + ", kịp thời xử lý các vi phạm.") == ("unspecified", None)


# -- festivals and holidays inside a sentence
@pytest.mark.parametrize(("x", "issued", "want"), [
    ("trước Tết Nguyên đán", FEB, ("once", "2026-02-17")),
    ("trước Tết Nguyên đán", JUL, ("once", "2027-02-06")),
    ("trong dịp Tết Nguyên đán Bính Ngọ 2026", JUL, ("once", "2026-02-17")),
    ("hằng năm vào dịp Tết Nguyên đán", FEB, ("recurring", "2026-02-17")),
    ("hằng năm vào dịp Tết Nguyên đán", JUL, ("recurring", "2027-02-06")),
    ("nhân dịp Quốc khánh 2/9", FEB, ("once", "2026-09-02")),
    ("trước dịp Quốc khánh 2/9", JUL, ("once", "2026-09-02")),
    ("hằng năm nhân dịp Quốc khánh 2/9", FEB, ("recurring", "2026-09-02")),
    ("nhân dịp kỷ niệm Ngày Thầy thuốc Việt Nam 27/2", FEB, ("once", "2026-02-27")),
])
def test_a_festival_in_a_sentence(x: str, issued: dt.date, want: tuple) -> None:
    assert sentence(TASK + ", " + x + ".", issued) == want


@pytest.mark.parametrize("x", [
    "Sở Văn hóa, Thể thao và Du lịch hướng dẫn các địa phương tổ chức đón Tết Nguyên đán vui tươi, an toàn, tiết kiệm.",
    "Sở Y tế tổ chức kỷ niệm Ngày Thầy thuốc Việt Nam 27/2 theo hướng dẫn của Bộ Y tế.",
    "Sở Nội vụ tham mưu khen thưởng theo Quyết định số 12/QĐ-UBND ngày 2/9 của Ủy ban nhân dân tỉnh.",
])
def test_a_festival_named_as_the_object_is_no_time(x: str) -> None:
    assert sentence(x) == ("unspecified", None)


# -- months inside a sentence: 'cuối tháng', months listed after 'vào'
def test_months_in_a_sentence() -> None:
    assert sentence(TASK + ", vào cuối tháng 10/2026.") == ("once", "2026-10-31")
    assert sentence(TASK + " vào tháng 9 và tháng 12/2026.") == ("once", "2026-09-30")
    assert sentence(TASK + " vào tháng 9 và tháng 10/2026.") == ("once", "2026-10-31")


# -- quarters listed or ranged inside a sentence: the last quarter of the span
@pytest.mark.parametrize("x", ["trong quý III-IV/2026", "trong quý III, IV/2026", "trong quý III và quý IV năm 2026",
                               "trong Quý III - Quý IV/2026"])
def test_quarters_listed_in_a_sentence(x: str) -> None:
    assert sentence(TASK + " " + x + ".") == ("once", "2026-12-31")


def test_quarters_apart_in_a_sentence_are_due_at_the_first() -> None:
    assert sentence(TASK + " trong quý III/2026 và quý I/2027.") == ("once", "2026-09-30")


# -- started, then carried on into the following years
@pytest.mark.parametrize("x", ["từ quý IV/2026 và các năm tiếp theo", "năm 2026 và các năm tiếp theo",
                               "thực hiện năm 2026 và những năm tiếp theo"])
def test_carried_on_in_a_sentence(x: str) -> None:
    assert sentence(TASK + ", " + x + ".") == ("continuous", None)


# -- several years inside a sentence
@pytest.mark.parametrize(("x", "due"), [
    ("trong các năm 2026, 2027", "2027-12-31"),
    ("trong hai năm 2026-2027", "2027-12-31"),
    ("trong 02 năm 2026 - 2027", "2027-12-31"),
    ("trong cả năm 2026", "2026-12-31"),
])
def test_years_in_a_sentence(x: str, due: str) -> None:
    assert sentence(TASK + " " + x + ".") == ("once", due)


# -- a bracket closing the task sentence that holds only its time: read as a label
@pytest.mark.parametrize(("x", "want"), [
    ("Quý IV hằng năm", ("recurring", "2026-12-31")),
    ("Năm 2026 và những năm tiếp theo", ("continuous", None)),
    ("Quý IV/2026 và các năm tiếp theo", ("continuous", None)),
    ("Thường xuyên; định kỳ báo cáo trước ngày 10/12", ("continuous", None)),
    ("Hằng năm, dịp Tết Nguyên đán", ("recurring", "2026-02-17")),
    ("Đợt 1: tháng 6/2026; đợt 2: tháng 10/2026", ("once", "2026-06-30")),
    ("Ngay sau khi Kế hoạch được ban hành", ("once", None)),
    ("thời gian: Quý III/2026", ("once", "2026-09-30")),
])
def test_a_closing_bracket_holding_the_time(x: str, want: tuple) -> None:
    assert sentence(TASK + " (" + x + ").") == want


@pytest.mark.parametrize("x", [
    "năm 2024 đã đạt 45%, năm 2025 đạt 60%",
    "giai đoạn 2021-2025",
    "theo Quyết định số 12/QĐ-UBND ngày 5/3/2024",
    "trong đó năm 2026: 10 xã",
    "từ nguồn ngân sách tỉnh năm 2026",
])
def test_a_closing_bracket_with_no_time_of_the_task(x: str) -> None:
    assert sentence(TASK + " (" + x + ").") == ("unspecified", None)


# -- an inline label's value running past a ';' or holding brackets
def test_an_inline_label_carried_on_past_a_semicolon() -> None:
    x = TASK + "; thời gian thực hiện: Năm 2026; các năm tiếp theo thực hiện thường xuyên."
    assert sentence(x) == ("continuous", None)


def test_an_inline_label_holding_brackets() -> None:
    x = TASK + "; thời gian thực hiện: Năm 2026 (sơ kết), năm 2030 (tổng kết)."
    assert sentence(x) == ("once", "2026-12-31")


# -- a quarter of every year whose end has passed at the issue: the next year's
def test_a_yearly_quarter_passed_at_the_issue() -> None:
    assert phrase("Trong quý I hằng năm", JUL) == ("recurring", "2027-03-31")
    assert phrase("Quý IV hằng năm", JUL) == ("recurring", "2026-12-31")
    assert phrase("Trong quý I hằng năm", FEB) == ("recurring", "2026-03-31")


# -- a time opening the task sentence before its subject: the subject is still the lead, the time its time
_HEAD = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 27/KH-UBND
Hà Nam, ngày 10 tháng 02 năm 2026
KẾ HOẠCH
Triển khai công tác bảo hiểm y tế năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả công tác bảo hiểm y tế.
II. NHIỆM VỤ CỤ THỂ
1. {x}, Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh tổ chức kiểm tra việc thực hiện chính sách bảo hiểm y tế.
2. Sở Tài chính chủ trì bố trí kinh phí hằng năm để thực hiện Kế hoạch.
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo kết quả về Sở Y tế trước ngày 15/12/2026.
"""


@pytest.mark.parametrize(("x", "want"), [
    ("Ngay sau khi Kế hoạch được ban hành", ("once", None)),
    ("Trong thời hạn 30 ngày kể từ ngày Kế hoạch được ban hành", ("once", "2026-03-12")),
    ("Trước Tết Nguyên đán", ("once", "2026-02-17")),
    ("Nhân dịp Quốc khánh 2/9", ("once", "2026-09-02")),
    ("Trong 6 tháng đầu năm 2026", ("once", "2026-06-30")),
    ("Từ năm 2026 đến năm 2030", ("once", "2030-12-31")),
    ("Từ nay đến hết năm 2026", ("once", "2026-12-31")),
])
def test_a_time_opening_the_task_sentence(x: str, want: tuple) -> None:
    plan = parse_text(_HEAD.replace("{x}", x), source="x.txt")
    ours = [a for a in plan["assignments"] if "Sở Y tế" in a["lead"]]
    assert ours, "no assignment to Sở Y tế"
    assert (ours[0]["timing"]["kind"], ours[0]["timing"]["due"]) == want
    theirs = [a for a in plan["assignments"] if "Sở Tài chính" in a["lead"]]
    assert [a["timing"]["kind"] for a in theirs] == ["unspecified"]


# -- 'đến hết năm' before the task's verb (a title says 'đến năm 2030', not 'đến hết năm')
def test_up_to_the_end_of_a_year_before_the_verb() -> None:
    x = "Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh, đến hết năm 2026 tổ chức kiểm tra tại các cơ sở."
    assert sentence(x) == ("once", "2026-12-31")
    x = "Sở Y tế tổ chức triển khai Chương trình mục tiêu quốc gia đến hết năm 2030 trên địa bàn tỉnh."
    assert sentence(x) == ("unspecified", None)


# -- round 2 (forms written after the first fixes): the solar new year, the summer break, a monthly day after a comma,
# months listed with 'các', milestones each with its note and its own 'trước', a yearly bracket read with its days
@pytest.mark.parametrize(("x", "issued", "want"), [
    ("Dịp Tết Dương lịch 2027", FEB, ("once", "2027-01-01")),
    ("Dịp Tết Dương lịch", FEB, ("once", "2027-01-01")),
    ("Dịp Tết Dương lịch và Tết Nguyên đán năm 2027", FEB, ("once", "2027-01-01")),
    ("Dịp nghỉ hè năm 2026", FEB, ("once", "2026-08-31")),
    ("Hằng tháng, trước ngày 25", FEB, ("recurring", "2026-02-25")),
    ("Hằng tháng, trước ngày 25", JUL, ("recurring", "2026-07-25")),
    ("Trước ngày 15/7/2026 (đợt 1) và trước ngày 15/11/2026 (đợt 2)", FEB, ("once", "2026-07-15")),
    ("Trước ngày 15/6/2026 và trước ngày 15/12/2026", FEB, ("once", "2026-06-15")),
])
def test_round2_phrases(x: str, issued: dt.date, want: tuple) -> None:
    assert phrase(x, issued) == want


@pytest.mark.parametrize(("x", "want"), [
    ("trong dịp Tết Dương lịch 2027", ("once", "2027-01-01")),
    ("trong dịp nghỉ hè năm 2026", ("once", "2026-08-31")),
    ("hằng tháng, trước ngày 25", ("recurring", "2026-02-25")),
    ("trong các tháng 6, 7, 8/2026", ("once", "2026-08-31")),
    ("trong các tháng 6, 9, 12/2026", ("once", "2026-06-30")),
])
def test_round2_in_a_sentence(x: str, want: tuple) -> None:
    assert sentence(TASK + ", " + x + ".") == want


def test_a_yearly_bracket_read_with_its_days() -> None:
    x = TASK + " (Đợt 1 trước ngày 30/6, đợt 2 trước ngày 30/11 hằng năm)."
    assert sentence(x) == ("recurring", "2026-06-30")
    x = TASK + " định kỳ hằng năm (trước ngày 30/11)."
    assert sentence(x) == ("recurring", "2026-11-30")


def test_a_season_named_in_a_standing_duty_is_no_deadline() -> None:
    x = ("Ban Chỉ huy Quân sự xã phối hợp với Công an xã thường xuyên tuần tra tại các khu vực sông, hồ, nhất là vào dịp hè"
         " và mùa mưa lũ.")
    assert sentence(x) == ("continuous", None)


@pytest.mark.parametrize("x", [
    "Sở Công Thương thường xuyên kiểm tra thị trường, nhất là trong dịp Tết Nguyên đán.",
    "Sở Công Thương thường xuyên kiểm tra thị trường, nhất là dịp Tết Nguyên đán năm 2027.",
    "Sở Công Thương thường xuyên kiểm tra thị trường, đặc biệt là trong tháng 12/2026.",
])
def test_a_time_given_as_an_example_of_a_standing_duty(x: str) -> None:
    assert sentence(x) == ("continuous", None)


def test_a_time_given_as_an_example_with_no_other_time_is_still_the_time() -> None:
    assert sentence("Sở Công Thương kiểm tra thị trường, nhất là trong dịp Tết Nguyên đán.") == ("once", "2026-02-17")


@pytest.mark.parametrize("x", [
    "Sở Tài chính hỗ trợ từ 1.5 - 2.5 triệu đồng/người.",
    "Sở Y tế phấn đấu giảm tỷ lệ từ 10.5 - 12.5% xuống dưới 8%.",
    "Sở Y tế tập huấn cho 20 - 30 người, từ 2 - 3 ngày/lớp.",
])
def test_a_range_of_numbers_is_no_window_of_days(x: str) -> None:
    assert sentence(x) == ("unspecified", None)


def test_a_window_of_days_sharing_its_month() -> None:
    assert sentence("Sở Y tế tổ chức 02 lớp tập huấn, từ ngày 5 - 7/8/2026.") == ("once", "2026-08-07")


@pytest.mark.parametrize("x", ["1/2 kinh phí do ngân sách tỉnh bảo đảm", "đầu năm 2026 đã có 5 xã", "năm 2026 có 12 xã tham gia",
                               "02 lớp"])
def test_a_closing_bracket_remark_with_numbers(x: str) -> None:
    assert sentence(TASK + " (" + x + ").") == ("unspecified", None)
