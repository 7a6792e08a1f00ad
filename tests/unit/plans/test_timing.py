"""Timing phrases -> kind, due date and rrule (table-driven)."""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.plans.timing import parse_timing, timing_in_text

ISSUED = dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("phrase", "kind", "due", "rrule"),
    [
        ("Thường xuyên", "continuous", None, None),
        ("hằng năm", "recurring", None, None),
        ("Hàng năm", "recurring", None, None),
        ("hằng quý", "recurring", None, None),
        ("hằng tháng", "recurring", None, None),
        ("6 tháng", "recurring", None, None),
        ("định kỳ", "recurring", None, None),
        ("trước ngày 10/12 hằng năm", "recurring", "2024-12-10", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10"),
        ("trước ngày 15/11 hàng năm", "recurring", "2024-11-15", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15"),
        ("trước ngày 15/01 hằng năm", "recurring", "2025-01-15", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15"),
        ("Quý II/2025", "once", "2025-06-30", None),
        ("Quí IV-2025", "once", "2025-12-31", None),
        ("Quý IV năm 2024", "once", "2024-12-31", None),
        ("Quý III Năm 2026", "once", "2026-09-30", None),
        ("Quý IV/2025- Quý II/2026", "once", "2026-06-30", None),
        ("Tháng 6/2024", "once", "2024-06-30", None),
        ("tháng 2 năm 2024", "once", "2024-02-29", None),
        ("năm 2025", "once", "2025-12-31", None),
        ("cuối năm 2027", "once", "2027-12-31", None),
        ("đến năm 2030", "once", "2030-12-31", None),
        ("2025-2026", "once", "2026-12-31", None),
        ("2026 - 2030", "once", "2030-12-31", None),
        ("giai đoạn 2021-2025", "once", "2025-12-31", None),
        ("27/7/2024", "once", "2024-07-27", None),
        ("Trước ngày 30/11/2025", "once", "2025-11-30", None),
        ("trước ngày 27 tháng 6 năm 2014", "once", "2014-06-27", None),
        ("trước ngày 20 tháng cuối quý", "recurring", "2024-03-20", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"),
        ("trước ngày 25 hằng tháng", "recurring", "2024-03-25", "FREQ=MONTHLY;BYMONTHDAY=25"),
        ("tết trung thu năm 2024", "once", "2024-09-17", None),
        ("Tết Nguyên đán cổ truyền năm 2025", "once", "2025-01-29", None),
        ("nhân dịp Tết Nguyên đán", "once", "2025-01-29", None),  # Tết 2024 (10/02) is before the issue date
        ("dịp hè năm 2024", "once", "2024-08-31", None),
        ("Từ nay đến hết năm 2025", "once", "2025-12-31", None),
        ("", "unspecified", None, None),
    ],
)
def test_phrases(phrase: str, kind: str, due: str | None, rrule: str | None) -> None:
    t = parse_timing(phrase, plan_year=2024, issued_on=ISSUED)
    assert (t["kind"], t["due"], t["rrule"]) == (kind, due, rrule)


def test_yearly_deadline_before_issue_moves_to_next_year() -> None:
    t = parse_timing("trước ngày 10/11 hàng năm", plan_year=2024, issued_on=dt.date(2024, 11, 29))
    assert t["due"] == "2025-11-10"


@pytest.mark.parametrize(
    ("sentence", "kind", "due"),
    [
        ("định kỳ trước ngày 10/12 hằng năm, báo cáo tình hình thực hiện", "recurring", "2024-12-10"),
        ("thường xuyên lắng nghe, nắm bắt, phản ánh", "continuous", None),
        ("Kế hoạch số 68/KH-UBND ngày 08/3/2024 của Ủy ban nhân dân tỉnh", "unspecified", None),
        ("Thực hiện Chỉ thị số 14-CT/TW ngày 19/7/2017 của Ban Bí thư", "unspecified", None),
        ("định kỳ tổng hợp, báo cáo UBND huyện", "recurring", None),
    ],
)
def test_timing_inside_sentences(sentence: str, kind: str, due: str | None) -> None:
    t = timing_in_text(sentence, plan_year=2024, issued_on=None)
    assert (t["kind"], t["due"]) == (kind, due)


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        # bare 'cuối năm' after a verb: the plan year's end; 'cuối năm học' is not
        ("Tham mưu đánh giá, phân xếp loại cuối năm đối với cá nhân, tập thể.", "2024-12-31"),
        ("Tổng kết cuối năm học cho giáo viên.", None),
        # 'đến năm 2030' closing a clause is a deadline, unless it ends a programme's title
        ("Thực hiện Kế hoạch số 31 về thủy sản đến năm 2030; thành lập mới khu bảo vệ nguồn lợi đến năm 2030.", "2030-12-31"),
        ("Tổ chức thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030.", None),
        ("Phát triển kinh tế biển theo Chiến lược đến năm 2030, tầm nhìn đến năm 2045.", None),
    ],
)
def test_year_end_and_clause_final_year_in_a_sentence(sentence: str, due: str | None) -> None:
    assert timing_in_text(sentence, plan_year=2024, issued_on=ISSUED)["due"] == due


def test_successive_monthly_steps_are_due_at_the_first_a_range_at_its_end() -> None:
    steps = "Ban hành kế hoạch trong tháng 01/2026, tổ chức kiểm tra chậm nhất trong tháng 6/2026 và báo cáo trong tháng 8/2026"
    assert parse_timing(steps, plan_year=2026)["due"] == "2026-01-31"
    assert parse_timing("từ tháng 3/2026 đến tháng 6/2026", plan_year=2026)["due"] == "2026-06-30"
    assert parse_timing("tháng 3/2026 - tháng 6/2026", plan_year=2026)["due"] == "2026-06-30"


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("Quý III năm 2031 và các năm tiếp theo.", "continuous"),
        ("Năm 2030, năm 2031 và các năm tiếp theo", "continuous"),
        ("Quý II/2029 và những năm tiếp theo", "continuous"),
        ("Hằng năm, từ năm 2030 và các năm tiếp theo", "recurring"),
        ("Trước ngày 20/11 năm 2030 và các năm tiếp theo", "recurring"),
        ("Quý III năm 2031", "once"),
    ],
)
def test_a_start_carried_on_into_the_following_years_is_continuous(phrase: str, kind: str) -> None:
    assert parse_timing(phrase, plan_year=2030)["kind"] == kind
