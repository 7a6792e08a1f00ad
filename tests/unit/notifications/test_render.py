"""Message texts: Vietnamese dates, days left, subjects, courteous wording, HTML escaping."""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.notifications.render import DigestView, ItemView, PlanView, days_text, due_text, render_digest, render_test

D = dt.date


@pytest.mark.parametrize(
    ("d", "text"),
    [(D(2025, 11, 5), "thứ Tư, ngày 05 tháng 11 năm 2025"), (D(2025, 11, 9), "Chủ nhật, ngày 09 tháng 11 năm 2025"),
     (D(2026, 1, 1), "thứ Năm, ngày 01 tháng 01 năm 2026")],
)
def test_due_dates_the_vietnamese_way(d, text) -> None:
    assert due_text(d) == text


@pytest.mark.parametrize(
    ("days", "courteous", "text"),
    [(5, False, "còn 5 ngày"), (0, False, "đến hạn hôm nay"), (-3, False, "quá hạn 3 ngày"), (-3, True, "đã quá 3 ngày")],
)
def test_days_left_or_overdue(days, courteous, text) -> None:
    assert days_text(days, courteous=courteous) == text


def item(days: int, **kw) -> ItemView:
    base = {"task": "Báo cáo kết quả <giảm nghèo> & việc làm", "unit": "Công chức VHXH", "role": "report", "period": "2025",
                "due": D(2025, 11, 5) + dt.timedelta(days=days), "days": days, "status": "Chưa triển khai"}
    return ItemView(**{**base, **kw})


def view(*items_by_section: tuple[str, ItemView]) -> DigestView:
    plan = PlanView(title="Kế hoạch giảm nghèo năm 2025", number="68/KH-UBND")
    for section, it in items_by_section:
        getattr(plan, section).append(it)
    return DigestView(officer="Phạm Thị Lan", unit="Công chức VHXH", day=D(2025, 11, 5),
                      link="http://127.0.0.1:8000/t/tok", plans=[plan])


@pytest.mark.parametrize(
    ("sections", "subject"),
    [((("reminders", item(5)),), "Đôn đốc thực hiện kế hoạch: 1 nhiệm vụ sắp đến hạn (05/11/2025)"),
     ((("reminders", item(5)), ("overdue", item(-2))),
      "Đôn đốc thực hiện kế hoạch: 1 nhiệm vụ sắp đến hạn, 1 nhiệm vụ quá hạn (05/11/2025)"),
     ((("escalations", item(-4, level=2)), ("stale", item(50))),
      "Đôn đốc thực hiện kế hoạch: 1 nội dung chậm cần chỉ đạo, 1 nhiệm vụ lâu chưa cập nhật (05/11/2025)"),
     ((("reminders", item(2, courteous=True)),),
      "Đề nghị phối hợp cập nhật tình hình thực hiện kế hoạch (05/11/2025)")],
)
def test_subjects(sections, subject) -> None:
    assert render_digest(view(*sections))[0] == subject


def test_html_is_escaped_and_text_is_not() -> None:
    _s, text, html = render_digest(view(("reminders", item(5))))
    assert "Báo cáo kết quả <giảm nghèo> & việc làm" in text
    assert "Báo cáo kết quả &lt;giảm nghèo&gt; &amp; việc làm" in html
    assert 'href="http://127.0.0.1:8000/t/tok"' in html


def test_link_comes_before_the_items_so_a_cut_message_keeps_it() -> None:
    _s, text, _h = render_digest(view(*[("reminders", item(i)) for i in range(1, 30)]))
    assert text.index("http://127.0.0.1:8000/t/tok") < 400


def test_test_message() -> None:
    subject, text, html = render_test(officer="Phạm Thị Lan", unit="VHXH", channel="zalo",
                                      at=dt.datetime(2025, 11, 5, 8, 30))
    assert subject == "Tin nhắn thử từ hệ thống dondoc"
    assert "qua kênh zalo" in text and "08:30 ngày 05 tháng 11 năm 2025" in text and "<strong>zalo</strong>" in html


@pytest.mark.parametrize(
    ("section", "closing"),
    [("reminders", "Đề nghị đồng chí cập nhật kết quả thực hiện trước thời hạn"),
     ("escalations", "Đề nghị đồng chí chỉ đạo, đôn đốc các đơn vị nêu trên khẩn trương thực hiện")],
)
def test_closing_depends_on_whose_work_it_is(section, closing) -> None:
    _s, text, html = render_digest(view((section, item(-3 if section == "escalations" else 3, level=1))))
    assert closing in text and closing in html


def test_text_lines_are_indented_under_their_bullet() -> None:
    _s, text, _h = render_digest(view(("reminders", item(3)), ("escalations", item(-3, level=1, reminded=2,
                                                                                 reminded_since=D(2025, 11, 1)))))
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("• "):
            assert lines[i + 1].startswith("  "), lines[i + 1]
    assert "    Nhắc việc: đã nhắc 2 lần kể từ ngày 01/11/2025." in lines  # under its unit and bullet
