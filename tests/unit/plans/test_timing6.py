"""Timing, round 6: the forms left unread in the labelled plans, as general rules of the genre, each with a
counter-example. Made-up texts.

- money found 'hằng năm' is no yearly task, also through 'ngân sách trung ương hỗ trợ có mục tiêu hằng năm';
- a bill submitted for a numbered session of the National Assembly ('trình Quốc hội ... tại Kỳ họp thứ 10') is a
  once task with no date; an act passed at a past session ('được Quốc hội thông qua tại Kỳ họp thứ 8') is none;
- a yearly task with one month of the year named bare ('Hằng năm (tháng 9)', '... “Tháng hành động ... - Tháng 6”')
  is due at that month's first end after the issue;
- a count of meetings per period ('04 hội nghị/tháng') is recurring; a rate per year ('8%/năm') is not;
- 'sơ kết 6 tháng trước ngày 15/6/2025 và tổng kết năm trước ngày 15/12/2025': the half-year review named, every
  date with its year -> once, the first date;
- a time after 'tiêu chí đánh giá' / 'là căn cứ ... xếp loại' is the review the result counts in, not the task's;
- months listed (not adjacent) are separate points, due at the first; adjacent months are one span, due at the last.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.plans.timing import parse_timing, timing_in_text

YEAR = 2025
ISSUED = dt.date(2025, 2, 10)


def _text(s: str, issued: dt.date = ISSUED) -> tuple[str, str | None]:
    t = timing_in_text(s, plan_year=issued.year, issued_on=issued)
    return t["kind"], t["due"]


def _phrase(s: str, issued: dt.date = ISSUED) -> tuple[str, str | None]:
    t = parse_timing(s, plan_year=issued.year, issued_on=issued)
    return t["kind"], t["due"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # money
        (
            "Tham mưu bố trí vốn, dự toán ngân sách trung ương hỗ trợ có mục tiêu hằng năm cho các huyện.",
            ("unspecified", None),
        ),
        ("Sở Văn hóa tổ chức tập huấn cho cán bộ cơ sở hằng năm.", ("recurring", None)),
        # a numbered session
        ("Phối hợp chỉnh lý dự thảo Luật, trình Quốc hội xem xét, thông qua tại Kỳ họp thứ 10.", ("once", None)),
        (
            "Triển khai thi hành Nghị quyết số 12/2024/QH15 được Quốc hội thông qua tại Kỳ họp thứ 8.",
            ("unspecified", None),
        ),
        # a yearly task in a month of the year
        (
            "Hằng năm, tổ chức các hoạt động hưởng ứng “Tháng hành động vì trẻ em - Tháng 6” trên địa bàn.",
            ("recurring", "2025-06-30"),
        ),
        # (issued after June: the next June)
        (
            "Hằng năm, hưởng ứng “Tháng hành động vì trẻ em - Tháng 6”, tổ chức tuyên truyền.",
            ("recurring", "2026-06-30"),
        ),
        (
            "Hằng năm, tổng kết việc thực hiện Kế hoạch số 15/KH-UBND ngày 3 tháng 4 năm 2024 của tỉnh.",
            ("recurring", None),
        ),
        # a count per period
        ("Phối hợp với Hội Nông dân tổ chức tối thiểu 02 hội nghị/quý tại các thôn.", ("recurring", None)),
        ("Phấn đấu tốc độ tăng trưởng doanh thu du lịch đạt 12%/năm.", ("unspecified", None)),
        # the half-year review, dated
        (
            "Tổng hợp, báo cáo kết quả sơ kết 6 tháng trước ngày 15/6/2025 và tổng kết năm trước ngày 15/12/2025.",
            ("once", "2025-06-15"),
        ),
        ("Định kỳ 6 tháng, báo cáo kết quả trước ngày 15/6/2025.", ("recurring", "2025-06-15")),
        ("Báo cáo sơ kết 6 tháng trước ngày 15/6 hằng năm.", ("recurring", "2025-06-15")),
        # a review the result counts in
        (
            "Lấy kết quả thực hiện là một tiêu chí quan trọng trong đánh giá thi đua, công tác cán bộ cuối năm của tập thể.",
            ("unspecified", None),
        ),
        (
            "Chịu trách nhiệm về kết quả; kết quả thực hiện là tiêu chí đánh giá, xếp loại mức độ hoàn thành nhiệm vụ năm 2025.",
            ("unspecified", None),
        ),
        ("Văn phòng tham mưu đánh giá, xếp loại cuối năm.", ("recurring", "2025-12-31")),
        ("Sở Nội vụ hoàn thành việc sửa đổi quy chế thi đua năm 2025.", ("once", "2025-12-31")),
    ],
    ids=lambda x: x[:40] if isinstance(x, str) else "",
)
def test_in_sentences(sentence: str, expected: tuple[str, str | None]) -> None:
    issued = dt.date(2025, 8, 1) if expected == ("recurring", "2026-06-30") else ISSUED
    assert _text(sentence, issued) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Hằng năm (tháng 9)", ("recurring", "2025-09-30")),
        ("Hằng năm, vào tháng 3", ("recurring", "2026-03-31")),  # issued in April 2025 (below): the next March
        ("tháng 3/2025, tháng 6/2025 và tháng 9/2025", ("once", "2025-03-31")),
        ("tháng 3, 6, 9/2025", ("once", "2025-03-31")),
        ("tháng 4 và tháng 10/2025", ("once", "2025-04-30")),
        ("tháng 3, 4/2025", ("once", "2025-04-30")),  # adjacent: one span
        ("tháng 3/2025 và tháng 4/2025", ("once", "2025-04-30")),
        ("Tháng 7/2025; tháng 12/2025", ("once", "2025-07-31")),
        # two steps, each with its month (adjacent months, not one span)
        (
            "- Trình Ủy ban cho ý kiến tại Phiên họp thứ 20 (tháng 4/2025); - Trình Hội đồng thông qua (tháng 5/2025)",
            ("once", "2025-04-30"),
        ),
        ("Tháng 5 - 6/2025 và tháng 9/2025", ("once", "2025-06-30")),
        ("trình Quốc hội tại Kỳ họp thứ 10", ("once", None)),
        ("tối thiểu 04 hội nghị/tháng", ("recurring", None)),
    ],
)
def test_phrases(phrase: str, expected: tuple[str, str | None]) -> None:
    issued = dt.date(2025, 4, 1) if phrase.startswith("Hằng năm, vào") else ISSUED
    assert _phrase(phrase, issued) == expected
