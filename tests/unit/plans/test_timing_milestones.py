"""Timing forms of the genre with more than one time point, and plan submissions that are no reports.

Made-up texts in the genre (not copied from a labelled plan). Conventions (../shared/seeds/gold/README.md and the
gold notes): `timing_due` is the FIRST due date. Time points joined by 'và' / ',' / ';' that do not follow each other
('Quý IV/2025 và Quý II/2026', 'năm 2027 và năm 2030', 'sơ kết vào tháng 12/2026 và tổng kết vào Quý IV/2028') are
separate milestones: due at the end of the first (golds 21, composed 62, 68). Points that follow each other ('Quý III,
IV/2026', 'Quý IV/2026, 2027', 'trong năm 2025 và năm 2026') are one span, due at its end (gold 46). A yearly duty with
several dates ('6 tháng trước ngày 05/6 và năm trước ngày 05/12 hằng năm') is first due on the soonest of them after the
issue date. A task with a preparation deadline written after the event ('tổ chức ... từ ngày 01/6 đến ngày 30/6/2026;
xây dựng kế hoạch, trình ... trước ngày 15/5/2026') is first due at the earliest. 'hai đợt trong năm (tháng 6 và
tháng 12)' is every year in those months; a named period with its months in brackets ('trong thời gian nghỉ hè (tháng
6 - 8/2026)') is due at the last month; 'từ năm học 2025 - 2026' with no end is a standing duty from then on
(continuous). A plan a body builds and sends up 'để theo dõi' by a date is no report (golds 16, composed 64, 68).
"""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.plans import parse_text
from dondoc.plans.timing import parse_timing, timing_in_text

YEAR = 2025
ISSUED = dt.date(2025, 10, 20)


@pytest.mark.parametrize(
    ("phrase", "kind", "due"),
    [
        ("Quý IV/2025 và Quý II/2026", "once", "2025-12-31"),
        ("Quý IV/2025, Quý II/2026", "once", "2025-12-31"),
        ("Năm 2027 và năm 2030", "once", "2027-12-31"),
        ("Tháng 12/2026 và Quý IV/2028", "once", "2026-12-31"),
        # counter-examples: one span
        ("Quý III, IV/2026", "once", "2026-12-31"),
        ("Quý IV/2026, 2027", "once", "2027-12-31"),
        ("Quý IV/2025 và Quý I/2026", "once", "2026-03-31"),
        ("Năm 2026 và năm 2027", "once", "2027-12-31"),
        ("Quý IV/2025 - Quý II/2026", "once", "2026-06-30"),
        ("Từ tháng 10/2025 đến tháng 12/2026", "once", "2026-12-31"),
        ("Năm 2025 và các năm tiếp theo", "continuous", None),
        # a school year as the start of a standing duty; as a period it ends with May
        ("Từ năm học 2025 - 2026", "continuous", None),
        ("Năm học 2025 - 2026", "once", "2026-05-31"),
    ],
)
def test_time_points(phrase: str, kind: str, due: str | None) -> None:
    t = parse_timing(phrase, plan_year=YEAR, issued_on=ISSUED)
    assert (t["kind"], t["due"]) == (kind, due)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        (
            "Tham mưu Ủy ban nhân dân tỉnh tổ chức sơ kết việc thực hiện Kế hoạch vào năm 2027 và tổng kết vào năm 2030.",
            "once",
            "2027-12-31",
        ),
        (
            "Chủ trì tổ chức sơ kết 02 năm thực hiện Đề án vào tháng 12/2026 và tổng kết vào Quý IV/2028.",
            "once",
            "2026-12-31",
        ),
        (
            "Giao Phòng Văn hóa - Xã hội tổ chức Ngày hội gia đình năm 2026 (từ ngày 20/6 đến ngày 28/6/2026); xây dựng "
            "kế hoạch tổ chức, trình Chủ tịch Ủy ban nhân dân xã trước ngày 30/5/2026.",
            "once",
            "2026-05-30",
        ),
        (
            "Các cơ quan, đơn vị báo cáo kết quả 6 tháng trước ngày 10/6 và báo cáo năm trước ngày 10/12 hằng năm, gửi về "
            "Ủy ban nhân dân xã.",
            "recurring",
            "2025-12-10",
        ),
        (
            "Văn phòng tổng hợp, báo cáo Sở Nội vụ trước ngày 15/6 (báo cáo 6 tháng) và trước ngày 14/12 (báo cáo năm) "
            "hằng năm.",
            "recurring",
            "2025-12-14",
        ),
        (
            "Trạm Y tế xã tổ chức uống vitamin A cho trẻ em hai đợt trong năm (tháng 6 và tháng 12); tư vấn dinh dưỡng.",
            "recurring",
            "2025-12-31",
        ),
        (
            "Giao Trưởng các thôn theo dõi, quản lý trẻ em trong thời gian nghỉ hè (tháng 6 - 8/2026); vận động gia đình "
            "trông giữ trẻ.",
            "once",
            "2026-08-31",
        ),
        (
            "Giao Phòng Giáo dục đưa nội dung phòng, chống đuối nước vào hoạt động ngoại khóa từ năm học 2025 - 2026.",
            "continuous",
            None,
        ),
        # counter-examples
        ("Tổ chức tập huấn trong tháng 11/2025; kiểm tra, đánh giá trước ngày 15/12/2025.", "once", "2025-11-30"),
        ("Phòng Y tế tổng hợp, báo cáo Ủy ban nhân dân huyện trước ngày 15/12 hằng năm.", "recurring", "2025-12-15"),
        ("Triển khai thực hiện trong năm 2025 và năm 2026.", "once", "2026-12-31"),
        ("Kế hoạch được ban hành vào năm 2019 nay không còn phù hợp.", "unspecified", None),
    ],
)
def test_time_points_in_a_task(text: str, kind: str, due: str | None) -> None:
    t = timing_in_text(text, plan_year=YEAR, issued_on=ISSUED)
    assert (t["kind"], t["due"]) == (kind, due)


_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 45/KH-UBND\nHà Tĩnh, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\nPhòng, chống tai nạn thương tích "
    "năm 2025\nI. TỔ CHỨC THỰC HIỆN\n"
)


@pytest.mark.parametrize(
    ("body", "mds"),
    [
        # a plan built and sent up to be followed: no report
        (
            "1. Ủy ban nhân dân các huyện\n- Xây dựng kế hoạch triển khai tại địa phương, hoàn thành trước ngày 30/4/2025, "
            "gửi về Sở Y tế để theo dõi.\n",
            [],
        ),
        (
            "1. Các sở, ngành\nCăn cứ nội dung Kế hoạch, xây dựng kế hoạch cụ thể của ngành mình; thời gian hoàn thành trước "
            "ngày 30/4/2025, gửi về Sở Y tế để theo dõi.\n",
            [],
        ),
        # counter-examples: results, a report sent up by a date
        (
            "1. Ủy ban nhân dân các huyện\n- Xây dựng kế hoạch triển khai tại địa phương; gửi kết quả thực hiện về Sở Y tế "
            "trước ngày 30/11/2025.\n",
            ["11-30"],
        ),
        (
            "1. Ủy ban nhân dân các huyện\n- Xây dựng kế hoạch triển khai tại địa phương; báo cáo kết quả về Sở Y tế "
            "trước ngày 30/11/2025.\n",
            ["11-30"],
        ),
    ],
)
def test_plan_sent_up_is_no_report(body: str, mds: list[str]) -> None:
    plan = parse_text(_HEAD + body, source="probe.md", year=2025)
    assert [(r["timing"].get("due") or "")[5:10] for r in plan["reports"]] == mds


_WRAPPED = (
    "ỦY BAN NHÂN DÂN\nXÃ AN HÒA\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 18/KH-UBND\nAn Hòa, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\nCông tác trẻ em năm 2025\n"
    "I. NHIỆM VỤ\n"
    "1. Tổ chức các hoạt động vì trẻ em\n\n"
    "a) Giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với Đoàn Thanh niên xã tổ chức\n"
    "{next} năm 2025 để trẻ em được bày tỏ ý kiến, nguyện vọng về các\n"
    "vấn đề liên quan đến trẻ em; tổng hợp ý kiến của trẻ em gửi các cơ quan liên quan\n"
    "giải quyết trong Quý III/2025.\n\n"
    "b) Giao Công an xã chủ trì bảo đảm an ninh, trật tự tại các điểm vui chơi của trẻ em trên địa\n"
    "bàn xã trong dịp hè năm 2025.\n"
)


@pytest.mark.parametrize("name", ["Diễn đàn trẻ em xã", "Hội thi vẽ tranh thiếu nhi", "diễn đàn trẻ em xã"])
def test_a_wrapped_task_line_goes_on_before_a_capitalised_name(name: str) -> None:
    """A full-width lettered line stating a body's task ('Giao X chủ trì, ... tổ chức') that stops with no
    punctuation goes on in the next line, even when that line opens with a capitalised name."""
    plan = parse_text(_WRAPPED.replace("{next}", name), source="probe.txt", year=2025)
    a = next(a for a in plan["assignments"] if a["ref"] == "I.1.a")
    assert name in a["text"]
    assert (a["timing"]["kind"], a["timing"]["due"]) == ("once", "2025-09-30")
