"""Issue 17 item 8: the escalation digest's text is grouped by unit, one item a line, never run together."""

from __future__ import annotations

import datetime as dt
import re

from dondoc.notifications.render import DigestView, ItemView, PlanView, render_digest

UNITS = ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "UBND phường An Khánh", "UBND xã Bình Chánh", "Sở Xây dựng"]


def _digest(n: int = 66) -> DigestView:
    items = [ItemView(task=f"Nhiệm vụ số {k}", unit=UNITS[k % len(UNITS)], role="lead", period="2025",
                      due=dt.date(2025, 12, 11), days=-5, status="Chưa thực hiện", level=2, reminded=3,
                      reminded_since=dt.date(2025, 12, 1), reminded_who=["Vũ Quốc Huy"], own_unit=False)
             for k in range(n)]
    plan = PlanView(title="Kế hoạch thử", number="12/KH-UBND", escalations=sorted(items, key=lambda i: i.unit))
    return DigestView(officer="Nguyễn Văn A", unit="UBND tỉnh", day=dt.date(2025, 12, 16), link="http://x/t/abc",
                      plans=[plan])


def test_escalations_grouped_by_unit_with_line_breaks() -> None:
    _subject, text, html = render_digest(_digest())
    assert "(gửi Vũ Quốc Huy).•" not in text
    for line in text.splitlines():
        assert line.count("•") <= 1 and (not line.strip().startswith("•") or line.startswith("  •")), line
    for unit in UNITS:
        assert text.count(f"▸ {unit} (11 nội dung):") == 1, unit  # each unit once, with its count
        assert html.count(f"<strong>{unit}</strong>") == 1
    assert text.count("  • Nhiệm vụ số") == 66
    assert text.count("Nhắc việc: đã nhắc 3 lần kể từ ngày 01/12/2025 (gửi Vũ Quốc Huy).") == 66
    # The items of a unit follow its heading, before the next unit's.
    blocks = text.split("▸ ")[1:]
    for block in blocks:
        unit = block.split(" (", 1)[0]
        numbers = [int(x) for x in re.findall(r"Nhiệm vụ số (\d+)", block)]
        assert numbers and all(UNITS[k % len(UNITS)] == unit for k in numbers)
