"""Probe the timing of assignments: a grammar of Vietnamese time expressions as plans write them (dates, months,
quarters, halves, years and ranges of them, frequencies, standing duties, events and festivals, times that follow
another schedule) in every place a plan puts the time of a task (the phrase alone, the end of the task sentence, in
brackets, on its own line 'Thời gian hoàn thành: ...' / 'Thời gian thực hiện: ...' / '- Thời gian: ...', a table cell,
the sentence's start 'Trong quý III/2026, Sở X ...', a per-task block's field, a body's bullet, and the same texts
pasted with their line breaks lost), for a plan issued early in its year and one issued in July. Prints the failures
as a table, then the count by place.

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/probe_timing.py [place ...] [--quiet] [--pasted]

The '<place>/pasted' places are the texts with every line break lost; --pasted adds '<place>/web': the same texts as a
law-library page's copy gives them (wrapped at 78 columns, every paragraph break lost; benchmarks/_paste.py).

Expectations follow ../shared/seeds/gold/README.md and the settled conventions: a quarter or a month ends on its last
day, a year or a range of years on 31/12 of the last year, 'trước ngày D/M hằng năm' on that day of the plan's first
year (the next year when the day is before the issue date); 'Từ ngày … đến ngày …' is once, due at the end; separate
milestones joined by 'và' are due at the first, adjacent months (quarters, years) as one span at the last; a started
duty carried on into the following years is continuous; no time -> unspecified, due null, never the report's deadline;
a budget sentence's 'hằng năm' is no time of the task.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from _paste import pasted

from dondoc.plans import parse_text
from dondoc.plans.timing import parse_timing, timing_in_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # (the checkout's root: tests/ holds the shared text)
from tests.unit.plans.madeup import closing

# (issue date, plan year, the header's date line)
CTX = {
    "feb": (dt.date(2026, 2, 10), 2026, "Hà Nam, ngày 10 tháng 02 năm 2026"),
    "jul": (dt.date(2026, 7, 22), 2026, "Hà Nam, ngày 22 tháng 7 năm 2026"),
}


def E(label, inline, kind, due, jul=..., start=None):
    """A time expression: as a label or a cell writes it, as a task sentence closes with it (one form or several), the
    expected kind and due date (for the plan issued in July when it differs), and the form opening a sentence."""
    inline = [inline] if isinstance(inline, str) else list(inline or [])
    return {"label": label, "inline": inline, "kind": kind, "due": {"feb": due, "jul": due if jul is ... else jul},
            "start": start}


ONCE, R, C, U = "once", "recurring", "continuous", "unspecified"
GRAMMAR = {
    "date": [
        E("30/6/2026", "hoàn thành trước 30/6/2026", ONCE, "2026-06-30"),
        E("Trước ngày 30/6/2026", "trước ngày 30/6/2026", ONCE, "2026-06-30", start="Trước ngày 30/6/2026"),
        E("Ngày 30 tháng 6 năm 2026", "trước ngày 30 tháng 6 năm 2026", ONCE, "2026-06-30"),
        E("Trước ngày 31/12/2026", "hoàn thành trước ngày 31/12/2026", ONCE, "2026-12-31"),
        E("Trước ngày 30/9", "trước ngày 30/9", ONCE, "2026-09-30"),
        E("Trước ngày 30/6", "trước ngày 30/6", ONCE, "2026-06-30", jul="2027-06-30"),
        E("Chậm nhất ngày 15/10/2026", ["chậm nhất ngày 15/10/2026", "chậm nhất là ngày 15/10/2026"], ONCE, "2026-10-15"),
        E("Chậm nhất ngày 15 tháng 10 năm 2026", "chậm nhất ngày 15 tháng 10 năm 2026", ONCE, "2026-10-15"),
        E("Hạn chót: 15/10/2026", None, ONCE, "2026-10-15"),
        E("Từ ngày 01/9/2026 đến ngày 30/11/2026", "từ ngày 01/9/2026 đến ngày 30/11/2026", ONCE, "2026-11-30",
          start="Từ ngày 01/9/2026 đến ngày 30/11/2026"),
        E("Từ ngày 01/9 đến ngày 30/9/2026", "từ ngày 01/9 đến ngày 30/9/2026", ONCE, "2026-09-30"),
        E("Từ ngày 15 tháng 8 đến ngày 15 tháng 9 năm 2026", "từ ngày 15 tháng 8 đến ngày 15 tháng 9 năm 2026", ONCE, "2026-09-15"),
        E("Từ 01/9 - 30/9/2026", "từ 01/9 - 30/9/2026", ONCE, "2026-09-30"),
        E("Ngày 15/8/2026 và ngày 15/11/2026", "vào ngày 15/8/2026 và ngày 15/11/2026", ONCE, "2026-08-15"),
    ],
    "month": [
        E("Tháng 01/2027", "trong tháng 01/2027", ONCE, "2027-01-31"),
        E("Đợt 1: tháng 6/2026; đợt 2: tháng 10/2026", None, ONCE, "2026-06-30"),
        E("Tháng 9/2026", ["trong tháng 9/2026", "hoàn thành trong tháng 9/2026"], ONCE, "2026-09-30", start="Trong tháng 9/2026"),
        E("Tháng 9 năm 2026", "trong tháng 9 năm 2026", ONCE, "2026-09-30", start="Trong tháng 9 năm 2026"),
        E("Tháng 09/2026", "trong tháng 09/2026", ONCE, "2026-09-30"),
        E("Tháng 9-10/2026", "trong tháng 9-10/2026", ONCE, "2026-10-31"),
        E("Tháng 9 - 10/2026", "trong tháng 9 - 10/2026", ONCE, "2026-10-31"),
        E("Tháng 9 và tháng 10/2026", "trong tháng 9 và tháng 10/2026", ONCE, "2026-10-31", start="Trong tháng 9 và tháng 10/2026"),
        E("Tháng 9, tháng 10 năm 2026", "trong tháng 9, tháng 10 năm 2026", ONCE, "2026-10-31"),
        E("Tháng 9/2026 và tháng 12/2026", "trong tháng 9/2026 và tháng 12/2026", ONCE, "2026-09-30"),
        E("Tháng 9 và tháng 12/2026", "vào tháng 9 và tháng 12/2026", ONCE, "2026-09-30"),
        E("Từ tháng 8 đến tháng 10/2026", "từ tháng 8 đến tháng 10/2026", ONCE, "2026-10-31", start="Từ tháng 8 đến tháng 10/2026"),
        E("Tháng 11/2026 - tháng 01/2027", "từ tháng 11/2026 đến tháng 01/2027", ONCE, "2027-01-31"),
        E("Cuối tháng 10/2026", "vào cuối tháng 10/2026", ONCE, "2026-10-31"),
        E("Đến hết tháng 10/2026", "đến hết tháng 10/2026", ONCE, "2026-10-31"),
    ],
    "quarter": [
        E("Quý III/2026", ["trong quý III/2026", "hoàn thành trong Quý III/2026"], ONCE, "2026-09-30", start="Trong quý III/2026"),
        E("Quý III năm 2026", "trong quý III năm 2026", ONCE, "2026-09-30", start="Quý III năm 2026"),
        E("Quý 3/2026", "trong quý 3/2026", ONCE, "2026-09-30"),
        E("Quý III-IV/2026", "trong quý III-IV/2026", ONCE, "2026-12-31"),
        E("Quý III, IV/2026", "trong quý III, IV/2026", ONCE, "2026-12-31"),
        E("Quý III và quý IV năm 2026", "trong quý III và quý IV năm 2026", ONCE, "2026-12-31"),
        E("Quý III/2026 và quý I/2027", "trong quý III/2026 và quý I/2027", ONCE, "2026-09-30"),
        E("Quý IV/2026 - Quý I/2027", "từ quý IV/2026 đến quý I/2027", ONCE, "2027-03-31"),
        E("Quý I/2027", "trong quý I/2027", ONCE, "2027-03-31"),
        E("Quý IV hằng năm", "vào quý IV hằng năm", R, "2026-12-31"),
        E("Quý IV/2026 và các năm tiếp theo", "từ quý IV/2026 và các năm tiếp theo", C, None),
    ],
    "half": [
        E("6 tháng đầu năm 2026", "trong 6 tháng đầu năm 2026", ONCE, "2026-06-30", start="Trong 6 tháng đầu năm 2026"),
        E("6 tháng cuối năm 2026", "trong 6 tháng cuối năm 2026", ONCE, "2026-12-31", start="Trong 6 tháng cuối năm 2026"),
        E("Sáu tháng cuối năm 2026", "trong sáu tháng cuối năm 2026", ONCE, "2026-12-31"),
    ],
    "year": [
        E("Ngay trong năm 2026", "ngay trong năm 2026", ONCE, "2026-12-31"),
        E("Từ nay đến hết năm 2026", "từ nay đến hết năm 2026", ONCE, "2026-12-31", start="Từ nay đến hết năm 2026"),
        E("Từ nay đến năm 2030", "từ nay đến năm 2030", ONCE, "2030-12-31"),
        E("Cả năm 2026", "trong cả năm 2026", ONCE, "2026-12-31"),
        E("Năm 2026 (sơ kết), năm 2030 (tổng kết)", None, ONCE, "2026-12-31"),
        E("Năm 2026", ["trong năm 2026", "hoàn thành trong năm 2026"], ONCE, "2026-12-31", start="Năm 2026"),
        E("2026", None, ONCE, "2026-12-31"),
        E("Đến hết năm 2026", "đến hết năm 2026", ONCE, "2026-12-31"),
        E("Cuối năm 2026", "vào cuối năm 2026", ONCE, "2026-12-31"),
        E("Năm 2027", "trong năm 2027", ONCE, "2027-12-31"),
        E("Năm 2026 và những năm tiếp theo", "trong năm 2026 và những năm tiếp theo", C, None,
          start="Trong năm 2026 và những năm tiếp theo"),
        E("Năm 2026; các năm tiếp theo thực hiện thường xuyên", None, C, None),
        E("Năm 2026 và các năm tiếp theo", "năm 2026 và các năm tiếp theo", C, None),
        E("Từ năm 2026 trở đi", "từ năm 2026 trở đi", C, None),
        E("Giai đoạn 2026-2030", "trong giai đoạn 2026-2030", ONCE, "2030-12-31", start="Trong giai đoạn 2026-2030"),
        E("Giai đoạn 2026 - 2030", "trong giai đoạn 2026 - 2030", ONCE, "2030-12-31"),
        E("2026-2027", "trong hai năm 2026-2027", ONCE, "2027-12-31"),
        E("2026 - 2030", None, ONCE, "2030-12-31"),
        E("Năm 2026 - 2027", "trong năm 2026 - 2027", ONCE, "2027-12-31"),
        E("Từ năm 2026 đến năm 2030", "từ năm 2026 đến năm 2030", ONCE, "2030-12-31", start="Từ năm 2026 đến năm 2030"),
        E("Năm 2026, 2027", "trong các năm 2026, 2027", ONCE, "2027-12-31"),
        E("Năm 2026 và năm 2027", "trong năm 2026 và năm 2027", ONCE, "2027-12-31"),
        E("Năm 2027 và năm 2030", "vào năm 2027 và năm 2030", ONCE, "2027-12-31"),
        E("Đến năm 2030", "hoàn thành đến năm 2030", ONCE, "2030-12-31"),
    ],
    "recurring": [
        E("Trước 15/12 hằng năm", "trước 15/12 hằng năm", R, "2026-12-15"),
        E("Hằng năm (tháng 10)", None, R, "2026-10-31"),
        E("Tháng 6 và tháng 12 hằng năm", "vào tháng 6 và tháng 12 hằng năm", R, "2026-06-30", jul="2026-12-31"),
        E("Trong quý I hằng năm", "trong quý I hằng năm", R, "2026-03-31", jul="2027-03-31"),
        E("Trước ngày 10 của tháng cuối quý", "trước ngày 10 của tháng cuối quý", R, "2026-03-10", jul="2026-09-10"),
        E("Hằng năm, nhân dịp Quốc khánh 2/9", "hằng năm nhân dịp Quốc khánh 2/9", R, "2026-09-02"),
        E("Hằng năm", ["hằng năm", "định kỳ hằng năm"], R, None, start="Hằng năm"),
        E("Hàng năm", "hàng năm", R, None, start="Hàng năm"),
        E("Định kỳ hằng năm", "định kỳ hằng năm", R, None, start="Định kỳ hằng năm"),
        E("Định kỳ hằng quý", "định kỳ hằng quý", R, None, start="Định kỳ hằng quý"),
        E("Hằng quý", "hằng quý", R, None),
        E("Định kỳ 6 tháng", "định kỳ 6 tháng", R, None, start="Định kỳ 6 tháng"),
        E("Hằng tháng", "hằng tháng", R, None),
        E("Mỗi năm một lần", "mỗi năm một lần", R, None),
        E("Định kỳ 6 tháng, hằng năm", "định kỳ 6 tháng, hằng năm", R, None),
        E("Trước ngày 30/6 hằng năm", "trước ngày 30/6 hằng năm", R, "2026-06-30", jul="2027-06-30",
          start="Trước ngày 30/6 hằng năm"),
        E("Trước ngày 15 tháng 12 hằng năm", "trước ngày 15 tháng 12 hằng năm", R, "2026-12-15"),
        E("Hằng năm, trước ngày 15/12", "hằng năm, trước ngày 15/12", R, "2026-12-15", start="Hằng năm, trước ngày 15/12"),
        E("Định kỳ hằng năm (trước ngày 30/11)", "định kỳ hằng năm (trước ngày 30/11)", R, "2026-11-30"),
        E("Trước ngày 20 hằng tháng", "trước ngày 20 hằng tháng", R, "2026-02-20", jul="2026-08-20"),
        E("Tháng 6 hằng năm", "vào tháng 6 hằng năm", R, "2026-06-30", jul="2027-06-30"),
        E("Tháng 12 hằng năm", "trong tháng 12 hằng năm", R, "2026-12-31"),
        E("Hằng năm, dịp Tết Nguyên đán", "hằng năm vào dịp Tết Nguyên đán", R, "2026-02-17", jul="2027-02-06"),
        E("Trước ngày 15/6 và 15/12 hằng năm", "trước ngày 15/6 và 15/12 hằng năm", R, "2026-06-15", jul="2026-12-15"),
    ],
    "standing": [
        E("Thường xuyên trong năm 2026", "thường xuyên trong năm 2026", C, None),
        E("Thường xuyên", ["thường xuyên", "thực hiện thường xuyên"], C, None),
        E("Thường xuyên, liên tục", "thường xuyên, liên tục", C, None),
        E("Thường xuyên, hằng năm", "thường xuyên, hằng năm", C, None),
        E("Thực hiện thường xuyên", None, C, None),
        E("Liên tục", None, C, None),
        E("Thường xuyên; định kỳ báo cáo trước ngày 10/12", None, C, None),
    ],
    "event": [
        E("Ngay sau khi Kế hoạch được ban hành", "ngay sau khi Kế hoạch được ban hành", ONCE, None,
          start="Ngay sau khi Kế hoạch được ban hành"),
        E("Trong thời hạn 30 ngày kể từ ngày Kế hoạch được ban hành", "trong thời hạn 30 ngày kể từ ngày Kế hoạch được ban hành",
          ONCE, "2026-03-12", jul="2026-08-21", start="Trong thời hạn 30 ngày kể từ ngày Kế hoạch được ban hành"),
        E("Chậm nhất 15 ngày kể từ ngày ký ban hành Kế hoạch này", "chậm nhất 15 ngày kể từ ngày ký ban hành Kế hoạch này",
          ONCE, "2026-02-25", jul="2026-08-06"),
        E("Trước Tết Nguyên đán", "trước Tết Nguyên đán", ONCE, "2026-02-17", jul="2027-02-06", start="Trước Tết Nguyên đán"),
        E("Dịp Tết Nguyên đán Bính Ngọ 2026", "trong dịp Tết Nguyên đán Bính Ngọ 2026", ONCE, "2026-02-17"),
        E("Dịp Tết Trung thu", "vào dịp Tết Trung thu", ONCE, "2026-09-25"),
        E("Dịp Quốc khánh 2/9", ["nhân dịp Quốc khánh 2/9", "trước dịp Quốc khánh 2/9"], ONCE, "2026-09-02",
          start="Nhân dịp Quốc khánh 2/9"),
        E("Dịp hè năm 2026", "trong dịp hè năm 2026", ONCE, "2026-08-31"),
        E("Năm học 2026-2027", "trong năm học 2026-2027", ONCE, "2027-05-31"),
    ],
    "none": [
        E("Sau khi được cấp có thẩm quyền phê duyệt", "sau khi được cấp có thẩm quyền phê duyệt", U, None),
        E("Theo tiến độ của Bộ Y tế", "theo tiến độ của Bộ Y tế", U, None),
        E("Theo chỉ đạo của Ủy ban nhân dân tỉnh", "theo chỉ đạo của Ủy ban nhân dân tỉnh", U, None),
        E("Khi có yêu cầu", "khi có yêu cầu", U, None),
        E("Sau khi Nghị định được ban hành", "sau khi Nghị định được ban hành", U, None),
        E("Chậm nhất 30 ngày kể từ ngày Nghị định có hiệu lực", "chậm nhất 30 ngày kể từ ngày Nghị định có hiệu lực", U, None),
    ],
    # written after the first round of fixes, to see how they carry to forms not tuned on
    "more": [
        E("Trước ngày 30-6-2026", "trước ngày 30-6-2026", ONCE, "2026-06-30"),
        E("Trước ngày 30.6.2026", "trước ngày 30.6.2026", ONCE, "2026-06-30"),
        E("Hoàn thành trước ngày 30 tháng 6 năm 2026", "hoàn thành trước ngày 30 tháng 6 năm 2026", ONCE, "2026-06-30"),
        E("Chậm nhất trong tháng 6/2026", "chậm nhất trong tháng 6/2026", ONCE, "2026-06-30"),
        E("Trước ngày 15/7/2026 (đợt 1) và trước ngày 15/11/2026 (đợt 2)", None, ONCE, "2026-07-15"),
        E("Tháng 6, 7/2026", "trong tháng 6, 7/2026", ONCE, "2026-07-31"),
        E("Tháng 6 - tháng 8 năm 2026", "từ tháng 6 - tháng 8 năm 2026", ONCE, "2026-08-31"),
        E("Các tháng 6, 7, 8/2026", "trong các tháng 6, 7, 8/2026", ONCE, "2026-08-31"),
        E("Tháng 12/2026 và tháng 6/2027", "vào tháng 12/2026 và tháng 6/2027", ONCE, "2026-12-31"),
        E("Quý II và Quý III/2026", "trong quý II và quý III/2026", ONCE, "2026-09-30"),
        E("Quý II, III năm 2026", "trong quý II, III năm 2026", ONCE, "2026-09-30"),
        E("Cuối quý III/2026", "vào cuối quý III/2026", ONCE, "2026-09-30"),
        E("Đến hết quý III/2026", "đến hết quý III/2026", ONCE, "2026-09-30"),
        E("Quý I - II/2027", "trong quý I - II/2027", ONCE, "2027-06-30"),
        E("Quý IV/2026 và năm 2027", "trong quý IV/2026 và năm 2027", ONCE, "2027-12-31"),
        E("Năm 2026 - 2030", "trong các năm 2026 - 2030", ONCE, "2030-12-31"),
        E("Hằng năm (trước ngày 15/12)", "hằng năm (trước ngày 15/12)", R, "2026-12-15"),
        E("Định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12)", None, R, "2026-06-15", jul="2026-12-15"),
        E("6 tháng, hằng năm", "6 tháng, hằng năm", R, None),
        E("Hằng quý (trước ngày 20 của tháng cuối quý)", "hằng quý (trước ngày 20 của tháng cuối quý)", R, "2026-03-20",
          jul="2026-09-20"),
        E("Hằng tháng, trước ngày 25", "hằng tháng, trước ngày 25", R, "2026-02-25", jul="2026-07-25"),
        E("Định kỳ hằng năm và đột xuất", "định kỳ hằng năm và đột xuất", R, None),
        E("Hằng năm hoặc đột xuất", "hằng năm hoặc đột xuất", R, None),
        E("Hằng năm, vào tháng 10", "hằng năm, vào tháng 10", R, "2026-10-31"),
        E("Mỗi quý một lần", "mỗi quý một lần", R, None),
        E("02 lần/năm", "02 lần/năm", R, None),
        E("Đợt 1 trước ngày 30/6, đợt 2 trước ngày 30/11 hằng năm", None, R, "2026-06-30", jul="2026-11-30"),
        E("Thường xuyên, kịp thời", None, C, None),
        E("Liên tục, thường xuyên", None, C, None),
        E("Thường xuyên và đột xuất", "thường xuyên và đột xuất", C, None),
        E("Năm 2026 và các năm sau", "năm 2026 và các năm sau", C, None),
        E("Từ quý III/2026 trở đi", "từ quý III/2026 trở đi", C, None),
        E("Trong thời hạn 15 ngày làm việc kể từ ngày Kế hoạch được ban hành",
          "trong thời hạn 15 ngày làm việc kể từ ngày Kế hoạch được ban hành", ONCE, None),
        E("Sau 30 ngày kể từ ngày ký ban hành Kế hoạch", None, ONCE, "2026-03-12", jul="2026-08-21"),
        E("Trong vòng 30 ngày kể từ ngày Kế hoạch này được ban hành", "trong vòng 30 ngày kể từ ngày Kế hoạch này được ban hành",
          ONCE, "2026-03-12", jul="2026-08-21"),
        E("Chậm nhất 03 tháng kể từ ngày Kế hoạch được ban hành", "chậm nhất 03 tháng kể từ ngày Kế hoạch được ban hành",
          ONCE, "2026-05-10", jul="2026-10-22"),
        E("Dịp kỷ niệm Ngày Giải phóng miền Nam 30/4", "nhân dịp kỷ niệm Ngày Giải phóng miền Nam 30/4", ONCE, "2026-04-30",
          jul="2027-04-30"),
        E("Trước Tết Nguyên đán Đinh Mùi 2027", "trước Tết Nguyên đán Đinh Mùi 2027", ONCE, "2027-02-06"),
        E("Dịp Tết Dương lịch 2027", "trong dịp Tết Dương lịch 2027", ONCE, "2027-01-01"),
        E("Dịp nghỉ hè năm 2026", "trong dịp nghỉ hè năm 2026", ONCE, "2026-08-31"),
        E("Theo quy định", "theo quy định", U, None),
        E("Theo yêu cầu của Ủy ban nhân dân tỉnh", "theo yêu cầu của Ủy ban nhân dân tỉnh", U, None),
        E("Khi có văn bản hướng dẫn của Trung ương", "khi có văn bản hướng dẫn của Trung ương", U, None),
        E("Sau khi Đề án được phê duyệt", "sau khi Đề án được phê duyệt", U, None),
    ],
}

HEAD = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 27/KH-UBND
{date}
KẾ HOẠCH
Triển khai công tác bảo hiểm y tế năm 2026
Căn cứ Quyết định số 12/QĐ-UBND ngày 5/3/2024 của Ủy ban nhân dân tỉnh ban hành Quy chế phối hợp;
Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai năm 2026 như sau:
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả công tác bảo hiểm y tế; bảo đảm quyền lợi của người tham gia.
II. NHIỆM VỤ CỤ THỂ
"""
TAIL = """III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Y tế trước ngày 15/12/2026 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
""" + closing("Trần Văn Minh")
TASK = "tổ chức kiểm tra việc thực hiện chính sách bảo hiểm y tế tại các cơ sở khám bệnh, chữa bệnh"
LEAD = "Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh " + TASK
# the next task states no time of its own (its budget's 'hằng năm' is none): nothing may leak into it
NEXT = "2. Sở Tài chính chủ trì bố trí kinh phí hằng năm để thực hiện Kế hoạch.\n"
NEXT_BLOCK = "2. Bố trí kinh phí thực hiện Kế hoạch\n- Cơ quan chủ trì: Sở Tài chính.\n"
TABLE_HEAD = "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|---|---|---|\n"

# a place: (its template, which form of the expression it takes, the body whose task carries the time)
PLACES = {
    "end": ("1. " + LEAD + ", {I}.\n" + NEXT, "inline"),
    "end_semicolon": ("1. " + LEAD + "; {I}.\n" + NEXT, "inline"),
    "bracket": ("1. " + LEAD + " ({L}).\n" + NEXT, "label"),
    "line_done": ("1. " + LEAD + ".\nThời gian hoàn thành: {L}.\n" + NEXT, "label"),
    "line_do": ("1. " + LEAD + ".\nThời gian thực hiện: {L}.\n" + NEXT, "label"),
    "line_dash": ("1. " + LEAD + ".\n- Thời gian: {L}.\n" + NEXT, "label"),
    "inline_label": ("1. " + LEAD + "; thời gian thực hiện: {L}.\n" + NEXT, "label"),
    "table": (TABLE_HEAD + "| 1 | Kiểm tra việc thực hiện chính sách bảo hiểm y tế | Sở Y tế | Bảo hiểm xã hội tỉnh | {L} |\n"
              "| 2 | Bố trí kinh phí thực hiện Kế hoạch | Sở Tài chính | Các sở, ngành | |\n", "label"),
    "start": ("1. {S}, " + LEAD + ".\n" + NEXT, "start"),
    "block": ("1. Kiểm tra việc thực hiện chính sách bảo hiểm y tế\n- Cơ quan chủ trì: Sở Y tế.\n"
              "- Cơ quan phối hợp: Bảo hiểm xã hội tỉnh.\n- Thời gian thực hiện: {L}.\n" + NEXT_BLOCK, "label"),
    "block_lettered": ("1. Kiểm tra việc thực hiện chính sách bảo hiểm y tế\na) Cơ quan chủ trì: Sở Y tế.\n"
                       "b) Cơ quan phối hợp: Bảo hiểm xã hội tỉnh.\nc) Thời gian hoàn thành: {L}.\n" + NEXT_BLOCK, "label"),
    "bullet": ("1. Sở Y tế\n- Chủ trì, phối hợp với Bảo hiểm xã hội tỉnh " + TASK + ", {I}.\n"
               "- Hướng dẫn các cơ sở khám bệnh, chữa bệnh thực hiện chế độ báo cáo.\n" + NEXT, "inline"),
    "mid": ("1. Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh, {M} " + TASK + ".\n" + NEXT, "mid"),
    "bullet_line": ("1. Sở Y tế\n- Chủ trì, phối hợp với Bảo hiểm xã hội tỉnh " + TASK + ".\n- Thời gian thực hiện: {L}.\n"
                    "- Hướng dẫn các cơ sở khám bệnh, chữa bệnh thực hiện chế độ báo cáo.\n" + NEXT, "label"),
    "block_time_first": ("1. Kiểm tra việc thực hiện chính sách bảo hiểm y tế\n- Thời gian thực hiện: {L}.\n"
                         "- Cơ quan chủ trì: Sở Y tế.\n- Cơ quan phối hợp: Bảo hiểm xã hội tỉnh.\n" + NEXT_BLOCK, "label"),
    "section": ("1. Kiểm tra việc thực hiện chính sách bảo hiểm y tế\nThời gian thực hiện: {L}.\na) Sở Y tế chủ trì " + TASK
                + ".\nb) Bảo hiểm xã hội tỉnh phối hợp cung cấp số liệu.\n" + NEXT, "label"),
    "lettered": ("1. Kiểm tra việc thực hiện chính sách bảo hiểm y tế\na) " + LEAD + ", {I}.\n"
                 "b) Bảo hiểm xã hội tỉnh phối hợp cung cấp số liệu.\n" + NEXT, "inline"),
    "table_tiendo": ("| STT | Nhiệm vụ | Tiến độ thực hiện | Cơ quan chủ trì | Cơ quan phối hợp |\n|---|---|---|---|---|\n"
                     "| 1 | Kiểm tra việc thực hiện chính sách bảo hiểm y tế | {L} | Sở Y tế | Bảo hiểm xã hội tỉnh |\n"
                     "| 2 | Bố trí kinh phí thực hiện Kế hoạch | | Sở Tài chính | Các sở, ngành |\n", "label"),
}
# the same texts pasted from a web page: the line breaks lost
PASTED = ("line_done", "line_dash", "block", "block_lettered", "bullet", "end", "start", "bullet_line", "block_time_first",
          "section", "lettered")


def _forms(e, form, place=""):
    if form == "label":
        return [] if place == "bracket" and "(" in e["label"] else [e["label"]]  # (no brackets within brackets)
    if form == "start":
        return [e["start"]] if e["start"] else []
    if form == "mid":  # before the task's verb: 'Sở Y tế chủ trì, ..., trong quý III/2026 tổ chức kiểm tra ...'
        return [x for x in e["inline"] if not x.startswith(("hoàn thành", "thực hiện", "năm 2026 và"))]
    return e["inline"]


def _flat(text):
    return " ".join(text.split())


def _ours(plan, body):
    return [a for a in plan["assignments"] if body in a["lead"]]


def check_phrase(e, ctx):
    issued, year, _ = CTX[ctx]
    t = parse_timing(e["label"], plan_year=year, issued_on=issued)
    return t["kind"], t["due"]


def check_sentence(x, ctx):
    issued, year, _ = CTX[ctx]
    t = timing_in_text("Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh " + TASK + ", " + x + ".", plan_year=year, issued_on=issued)
    return t["kind"], t["due"]


def check_plan(tpl, x, ctx, rendition):
    _, _, date = CTX[ctx]
    body = tpl.replace("{I}", x).replace("{L}", x).replace("{S}", x).replace("{M}", x)
    text = HEAD.format(date=date) + body + TAIL
    plan = parse_text(_flat(text) if rendition == "pasted" else pasted(text) if rendition == "web" else text, source="x.txt")
    ours = _ours(plan, "Sở Y tế")
    if not ours:
        return "NO-ASSIGN", None
    t = ours[0]["timing"]
    # (the other tasks under the same heading, and the next task; a section's time holds for all its tasks)
    others = ours[1:] + _ours(plan, "Sở Tài chính") + ([] if "{L}.\na)" in tpl else _ours(plan, "Bảo hiểm xã hội tỉnh"))
    nxt = [a["timing"] for a in others]
    leak = next(((n["kind"], n["due"]) for n in nxt if n["kind"] != "unspecified"), None)
    return (t["kind"], t["due"]), leak


def run(places=None, web=False):
    fails, tot = [], Counter()
    places = places or ["phrase", "sentence", *PLACES, *(p + "/pasted" for p in PASTED), *(p + "/web" for p in PASTED if web)]
    for cls, exprs in GRAMMAR.items():
        for e in exprs:
            for ctx in CTX:
                want = (e["kind"], e["due"][ctx])
                for place in places:
                    if place == "phrase":
                        cases = [(e["label"], lambda x, c=ctx: (check_phrase(e, c), None))]
                    elif place == "sentence":
                        cases = [(x, lambda x, c=ctx: (check_sentence(x, c), None)) for x in e["inline"]]
                    else:
                        name, _, ren = place.partition("/")
                        tpl, form = PLACES[name]
                        cases = [(x, lambda x, tpl=tpl, c=ctx, r=ren: check_plan(tpl, x, c, r)) for x in _forms(e, form, name)]
                    for x, fn in cases:
                        tot[place] += 1
                        got, leak = fn(x)
                        if got != want:
                            fails.append((place, cls, ctx, x, f"got={got} want={want}"))
                        elif leak:
                            fails.append((place, cls, ctx, x, f"LEAK into the next task: {leak}"))
    return fails, tot


def main(argv):
    quiet = "--quiet" in argv
    places = [a for a in argv if not a.startswith("--")]
    fails, tot = run(places or None, "--pasted" in argv)
    if not quiet:
        for f in fails:
            print(" | ".join(f))
    by = Counter(f[0] for f in fails)
    for place in tot:
        print(f"# {place}: {by[place]} fails of {tot[place]}")
    print(f"# {len(fails)} fails of {sum(tot.values())}")


if __name__ == "__main__":
    main(sys.argv[1:])
