"""Timing probes, round 5: the timing forms of the genre, read as a labelled value or a table cell
(`parse_timing`), inside a task sentence (`timing_in_text`), and attached to their tasks in small plans laid
out in lines and the same plans pasted with their line breaks lost.

Made-up texts; expectations written before the parser was run on them and checked against the gold
conventions (../shared/seeds/gold/README.md and the gold files' timing fields): a quarter or a month ends on
its last day, a year or a range of years on 31/12 of the last year, 'trước ngày D/M hằng năm' on that day
in the plan's first year (the next year when the day is before the issue date), continuous work and a bare
frequency have no due date; a time that follows another body's schedule or an event ('Theo tiến độ ...',
'Sau khi Nghị định ... ban hành', 'Sau 03 tháng kể từ khi có văn bản ...') is unspecified; a start carried on
into the following years is continuous; 'Quý II, III/2026' is due at the last quarter listed. Judgement
calls no gold makes: 'đầu năm học 2025-2026' is due at the end of September 2025 (the school year opens in
September; 'năm học 2025-2026' alone ends with May 2026), 'chậm nhất 30 ngày kể từ ngày Kế hoạch được ban
hành' counts from the issue date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.plans import parse_text
from dondoc.plans.timing import parse_timing, timing_in_text

YEAR = 2026
ISSUED = dt.date(2026, 2, 10)

# (a) a labelled value or a table cell: the phrase as written
PHRASES = [
    # quarters
    ("Quý I/2026", "once", "2026-03-31"),
    ("quý IV năm 2025", "once", "2025-12-31"),
    ("Quý II, III/2026", "once", "2026-09-30"),
    ("Quý II và quý III năm 2026", "once", "2026-09-30"),
    ("Quý 2/2026", "once", "2026-06-30"),
    ("Quý I - Quý II/2026", "once", "2026-06-30"),
    ("Trong quý III/2026", "once", "2026-09-30"),
    ("Quý IV/2026, 2027", "once", "2027-12-31"),
    ("Quý IV hằng năm", "recurring", "2026-12-31"),
    # halves of a year
    ("6 tháng đầu năm 2026", "once", "2026-06-30"),
    ("6 tháng cuối năm 2026", "once", "2026-12-31"),
    ("Sáu tháng đầu năm 2026", "once", "2026-06-30"),
    # yearly, quarterly, monthly duties
    ("trước ngày 15/12 hằng năm", "recurring", "2026-12-15"),
    ("Trước ngày 15 tháng 12 hằng năm", "recurring", "2026-12-15"),
    ("Định kỳ hằng năm (trước ngày 30 tháng 11)", "recurring", "2026-11-30"),
    ("Hằng năm, trước ngày 15/01", "recurring", "2027-01-15"),  # 15/01/2026 is before the issue date
    ("Hằng năm", "recurring", None),
    ("định kỳ hằng quý", "recurring", None),
    ("Hàng quý", "recurring", None),
    ("hằng tháng (trước ngày 20)", "recurring", "2026-02-20"),
    ("Trước ngày 20 hằng tháng", "recurring", "2026-02-20"),
    ("Định kỳ 6 tháng, hằng năm", "recurring", None),
    ("Tháng 6 hằng năm", "recurring", "2026-06-30"),
    ("Trước ngày 31/01 năm liền kề", "recurring", "2027-01-31"),  # each year's report, due the next January
    ("Trước ngày 15 tháng 01 của năm sau", "recurring", "2027-01-15"),
    ("Quý III/2026 và hằng năm", "recurring", "2026-09-30"),
    # started, then carried on
    ("Năm 2025 và các năm tiếp theo", "continuous", None),
    ("Năm 2026 và những năm tiếp theo", "continuous", None),
    ("Từ năm 2026 trở đi", "continuous", None),
    ("Thường xuyên", "continuous", None),
    ("Thường xuyên, liên tục", "continuous", None),
    ("Thường xuyên; định kỳ báo cáo trước ngày 10/12", "continuous", None),
    ("Thường xuyên, báo cáo kết quả trước ngày 15/12 hằng năm", "continuous", None),
    # ranges of years and months
    ("2025-2030", "once", "2030-12-31"),
    ("2026 - 2030", "once", "2030-12-31"),
    ("giai đoạn 2026-2030", "once", "2030-12-31"),
    ("Giai đoạn 2026 – 2030", "once", "2030-12-31"),
    ("Năm 2026 - 2027", "once", "2027-12-31"),
    ("Từ năm 2026 đến năm 2030", "once", "2030-12-31"),
    ("Từ tháng 3 đến tháng 6/2026", "once", "2026-06-30"),
    ("tháng 10 - tháng 12/2025", "once", "2025-12-31"),
    ("Tháng 10-12/2026", "once", "2026-12-31"),
    ("Tháng 3, 4/2026", "once", "2026-04-30"),
    ("Tháng 3 và tháng 4/2026", "once", "2026-04-30"),
    ("Tháng 3 - 5 năm 2026", "once", "2026-05-31"),
    ("Tháng 11/2025 - tháng 02/2026", "once", "2026-02-28"),
    ("Từ ngày 01/3/2026 đến ngày 31/5/2026", "once", "2026-05-31"),
    ("Từ 01/3 đến 31/5/2026", "once", "2026-05-31"),
    # years
    ("Trong năm 2026", "once", "2026-12-31"),
    ("Năm 2026", "once", "2026-12-31"),
    ("2026", "once", "2026-12-31"),
    ("Hoàn thành trong năm 2025", "once", "2025-12-31"),
    ("Cuối năm 2026", "once", "2026-12-31"),
    ("Đến hết năm 2026", "once", "2026-12-31"),
    ("Các năm 2026, 2027", "once", "2027-12-31"),
    # dates and months
    ("Trước 30/6/2026", "once", "2026-06-30"),
    ("Trước 30/6", "once", "2026-06-30"),
    ("Trước ngày 31 tháng 12 năm 2025", "once", "2025-12-31"),
    ("Chậm nhất ngày 15/01/2026", "once", "2026-01-15"),
    ("tháng 9/2025", "once", "2025-09-30"),
    ("Tháng 9 năm 2026", "once", "2026-09-30"),
    ("Tháng 12/2026 (sơ kết)", "once", "2026-12-31"),
    # festivals, the school year
    ("dịp Tết Nguyên đán", "once", "2026-02-17"),
    ("Dịp Tết Trung thu", "once", "2026-09-25"),
    ("Hằng năm, dịp Tết Nguyên đán", "recurring", "2026-02-17"),
    ("Năm học 2025-2026", "once", "2026-05-31"),
    ("Cuối năm học 2025-2026", "once", "2026-05-31"),
    ("Đầu năm học 2025-2026", "once", "2025-09-30"),
    # no date of its own
    ("Theo tiến độ của Bộ", "unspecified", None),
    ("Theo chỉ đạo của UBND tỉnh", "unspecified", None),
    ("Theo Kế hoạch kiểm tra công tác cải cách hành chính năm 2026 của tỉnh", "unspecified", None),
    ("Theo tiến độ được giao tại Luật Dữ liệu 2024.", "unspecified", None),
    ("Theo Điều 12 Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ", "unspecified", None),
    ("Theo kế hoạch hằng năm", "recurring", None),
    ("Sau khi Nghị định được ban hành", "unspecified", None),
    ("Chậm nhất 30 ngày kể từ ngày Nghị định có hiệu lực", "unspecified", None),
    ("Chậm nhất 30 ngày kể từ ngày Kế hoạch được ban hành", "once", "2026-03-12"),
    ("Trong thời hạn 15 ngày kể từ ngày ký ban hành Kế hoạch này", "once", "2026-02-25"),
    ("Ngay sau khi có hướng dẫn của Bộ", "unspecified", None),
    ("Khi có yêu cầu", "unspecified", None),
    ("Hai năm một lần", "recurring", None),
    ("02 năm/lần", "recurring", None),
    ("Đầu năm 2026", "once", "2026-03-31"),
    ("Giữa năm 2026", "once", "2026-06-30"),
    ("Hết tháng 6/2026", "once", "2026-06-30"),
    ("Quý IV/2025 - Quý I/2026", "once", "2026-03-31"),
    ("Thường xuyên trong năm 2026", "continuous", None),
    ("Định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12)", "recurring", "2026-06-15"),
    ("Trước Tết Nguyên đán 2027", "once", "2027-02-06"),
    ("01 ngày/hội nghị", "unspecified", None),
]


@pytest.mark.parametrize(("phrase", "kind", "due"), PHRASES)
def test_a_labelled_or_tabled_time(phrase: str, kind: str, due: str | None) -> None:
    t = parse_timing(phrase, plan_year=YEAR, issued_on=ISSUED)
    assert (t["kind"], t["due"]) == (kind, due)


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("Từ ngày 01/3/2026 đến ngày 31/5/2026", "2026-03-01"),
        ("Từ 01/3 đến 31/5/2026", "2026-03-01"),
        ("Từ tháng 3 đến tháng 6/2026", "2026-03-01"),
        ("tháng 10 - tháng 12/2025", "2025-10-01"),
        ("Tháng 10-12/2026", "2026-10-01"),
        ("Tháng 11/2025 - tháng 02/2026", "2025-11-01"),
        ("Tháng 3, 4/2026", None),  # two months listed, not a range
        ("Quý II/2026", None),
    ],
)
def test_a_range_starts_at_its_first_day(phrase: str, start: str | None) -> None:
    assert parse_timing(phrase, plan_year=YEAR, issued_on=ISSUED).get("start") == start


# (a) the same forms inside a task sentence
SENTENCES = [
    ("Sở Y tế chủ trì tổ chức tiêm chủng cho trẻ em, hoàn thành trong Quý II/2026.", "once", "2026-06-30"),
    ("Sở Nội vụ tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.", "recurring", "2026-12-15"),
    ("Sở Công Thương tổ chức kiểm tra thị trường từ tháng 3 đến tháng 6/2026.", "once", "2026-06-30"),
    ("Sở Nội vụ hoàn thành việc sắp xếp tổ chức bộ máy trong tháng 10 - tháng 12/2025.", "once", "2025-12-31"),
    ("Sở Xây dựng triển khai thực hiện trong giai đoạn 2026-2030.", "once", "2030-12-31"),
    ("Công an tỉnh tổ chức cao điểm tấn công tội phạm từ ngày 15/01/2026 đến ngày 28/02/2026.", "once", "2026-02-28"),
    ("Sở Nội vụ định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.", "recurring", None),
    ("Sở Giáo dục và Đào tạo tổ chức ngày hội đọc sách mỗi năm một lần tại các trường.", "recurring", None),
    ("Sở Nội vụ tham mưu đánh giá, xếp loại cuối năm đối với các cơ quan, đơn vị.", "recurring", "2026-12-31"),
    ("Sở Văn hóa, Thể thao và Du lịch tổ chức các hoạt động dịp Tết Nguyên đán năm 2026.", "once", "2026-02-17"),
    ("Sở Giáo dục và Đào tạo tổ chức tuyên truyền đầu năm học 2025-2026.", "once", "2025-09-30"),
    ("Sở Nông nghiệp và Môi trường duy trì mô hình từ năm 2026 trở đi.", "continuous", None),
    ("Sở Tư pháp ban hành kế hoạch chậm nhất 30 ngày kể từ ngày Kế hoạch này được ban hành.", "once", "2026-03-12"),
    ("Sở Tài chính tổng hợp báo cáo tài chính năm 2025 trước ngày 31 tháng 3 năm 2026.", "once", "2026-03-31"),
    # a dated deadline, then another sentence with a frequency of its own: the deadline is the task's
    ("Sở Y tế xây dựng kế hoạch chi tiết (hoàn thành trước ngày 15/3/2026). Định kỳ 6 tháng, 1 năm báo cáo kết quả"
     " về Sở Y tế.", "once", "2026-03-15"),
    ("Sở Y tế tổ chức khám sức khỏe cho người cao tuổi 02 năm/lần.", "recurring", None),
    ("Sở Xây dựng hoàn thành việc rà soát đến hết quý II/2026.", "once", "2026-06-30"),
    # dates that are not the task's own
    ("Sở Tư pháp chủ trì rà soát văn bản theo Quyết định số 12/QĐ-UBND ngày 5/3/2024 của UBND tỉnh.", "unspecified", None),
    ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Sở Khoa học và Công nghệ chủ trì xây dựng"
     " cơ sở dữ liệu.", "unspecified", None),
    ("Thực hiện Kế hoạch số 31/KH-UBND ngày 10/01/2026 của UBND tỉnh, Sở Y tế tổ chức kiểm tra, hoàn thành trong"
     " tháng 9/2026.", "once", "2026-09-30"),
    ("Năm 2024 đã đạt 95% hồ sơ trực tuyến; Sở Nội vụ chủ trì tiếp tục nâng cao tỷ lệ hồ sơ trực tuyến.", "unspecified", None),
    ("Sở Xây dựng rà soát quy hoạch theo Luật Quy hoạch năm 2017.", "unspecified", None),
    ("Sở Y tế tổ chức đánh giá kết quả giai đoạn 2021-2025 và đề xuất nhiệm vụ.", "unspecified", None),
    # 'thường xuyên' naming no frequency of the task: a kind of education or spending, what a matter is, a principle's list
    ("Sở Giáo dục và Đào tạo lồng ghép nội dung vào chương trình giáo dục thường xuyên, chương trình giảng dạy.",
     "unspecified", None),
    ("Các sở, ngành xác định cải cách hành chính là nhiệm vụ thường xuyên, cấp bách của cả hệ thống chính trị.",
     "unspecified", None),
    ("Các sở, ngành phải thực hiện quyết liệt, đồng bộ, thường xuyên, liên tục cả phòng và chống tội phạm.",
     "unspecified", None),
    ("Sở Nội vụ chủ động, thường xuyên đôn đốc các cơ quan thực hiện.", "continuous", None),
    # money found every year: no yearly task
    ("Các sở chủ động bố trí kinh phí trong phạm vi dự toán được cấp có thẩm quyền giao hằng năm để thực hiện.",
     "unspecified", None),
    ("Sở Tài chính bố trí kinh phí hằng năm để thực hiện Kế hoạch.", "unspecified", None),
    ("Sở Y tế tổ chức tập huấn cho cán bộ y tế cơ sở, kinh phí từ dự toán chi thường xuyên hằng năm của đơn vị.",
     "unspecified", None),
    ("Sở Tài chính tham mưu phân bổ kế hoạch đầu tư công trung hạn, hằng năm cho các dự án.", "unspecified", None),
    ("Sở Kế hoạch và Đầu tư lồng ghép vào kế hoạch phát triển kinh tế - xã hội 5 năm và hằng năm của tỉnh.",
     "unspecified", None),
]


@pytest.mark.parametrize(("sentence", "kind", "due"), SENTENCES)
def test_a_time_inside_a_task_sentence(sentence: str, kind: str, due: str | None) -> None:
    t = timing_in_text(sentence, plan_year=YEAR, issued_on=ISSUED)
    assert (t["kind"], t["due"]) == (kind, due)


def test_a_range_inside_a_sentence_starts_at_its_first_month() -> None:
    t = timing_in_text("Sở Công Thương tổ chức kiểm tra thị trường từ tháng 3 đến tháng 6/2026.", plan_year=YEAR, issued_on=ISSUED)
    assert t.get("start") == "2026-03-01"


# (b) attached to their tasks
_HEAD = """ỦY BAN NHÂN DÂN TỈNH BẾN LẠC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 27/KH-UBND
Bến Lạc, ngày 10 tháng 02 năm 2026
KẾ HOẠCH
Triển khai công tác chuyển đổi số và cải cách hành chính năm 2026
Căn cứ Quyết định số 12/QĐ-UBND ngày 5/3/2024 của Ủy ban nhân dân tỉnh ban hành Quy chế phối hợp; Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;
Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai năm 2026 như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao hiệu quả chuyển đổi số trong hoạt động của các cơ quan nhà nước; phục vụ người dân, doanh nghiệp ngày càng tốt hơn.
2. Yêu cầu
Các cơ quan, đơn vị triển khai đồng bộ, đúng tiến độ; bảo đảm sự phối hợp chặt chẽ giữa các sở, ngành và địa phương.
"""
_TAIL = """Các sở, ban, ngành, Ủy ban nhân dân các xã, phường báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15/12/2026 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
Nơi nhận:
- Bộ Khoa học và Công nghệ (b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Minh
"""

# each task followed by its own 'Thời gian hoàn thành:' line; one task states none
_OWN_LINE = """II. NHIỆM VỤ CỤ THỂ
1. Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức của tỉnh
- Cơ quan chủ trì: Sở Nội vụ.
- Cơ quan phối hợp: Sở Khoa học và Công nghệ.
- Thời gian hoàn thành: Quý II, III/2026.
2. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính
- Cơ quan chủ trì: Văn phòng Ủy ban nhân dân tỉnh.
- Thời gian hoàn thành: Năm 2026 và các năm tiếp theo.
3. Rà soát, đơn giản hóa thủ tục hành chính nội bộ
- Cơ quan chủ trì: Sở Tư pháp.
- Cơ quan phối hợp: Các sở, ban, ngành.
4. Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã
- Cơ quan chủ trì: Sở Khoa học và Công nghệ.
- Thời gian hoàn thành: Từ tháng 3 đến tháng 6/2026.
5. Hướng dẫn triển khai Nghị định về định danh điện tử
- Cơ quan chủ trì: Công an tỉnh.
- Thời gian hoàn thành: Sau khi Nghị định được ban hành.
6. Sơ kết việc thực hiện Kế hoạch
- Cơ quan chủ trì: Sở Nội vụ.
- Thời gian hoàn thành: Tháng 10-12/2026.
"""
_OWN_LINE_WANT = {
    ("II.1", "Sở Nội vụ", ""): ("once", "2026-09-30"),
    ("II.2", "Văn phòng Ủy ban nhân dân tỉnh", ""): ("continuous", None),
    ("II.3", "Sở Tư pháp", ""): ("unspecified", None),
    ("II.4", "Sở Khoa học và Công nghệ", ""): ("once", "2026-06-30"),
    ("II.5", "Công an tỉnh", ""): ("unspecified", None),
    ("II.6", "Sở Nội vụ", ""): ("once", "2026-12-31"),
}

# a time stated once for the section, above the bodies' items
_SECTION = """II. NHIỆM VỤ CỤ THỂ
1. Tuyên truyền, phổ biến về chuyển đổi số
Thời gian thực hiện: Quý III/2026.
a) Sở Khoa học và Công nghệ chủ trì biên soạn tài liệu tuyên truyền về chuyển đổi số.
b) Sở Văn hóa, Thể thao và Du lịch chủ trì chỉ đạo các cơ quan báo chí mở chuyên mục về chuyển đổi số.
2. Kiểm tra việc thực hiện
a) Sở Nội vụ chủ trì kiểm tra công tác cải cách hành chính tại các cơ quan.
"""
_SECTION_WANT = {
    ("II.1.a", "Sở Khoa học và Công nghệ", ""): ("once", "2026-09-30"),
    ("II.1.b", "Sở Văn hóa, Thể thao và Du lịch", ""): ("once", "2026-09-30"),
    ("II.2.a", "Sở Nội vụ", ""): ("unspecified", None),
}

# tasks in sentences: dates of cited acts, last year's results and budget words are not their time
_PROSE = """II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Tư pháp chủ trì rà soát các quy chế phối hợp theo Quyết định số 12/QĐ-UBND ngày 5/3/2024 của Ủy ban nhân dân tỉnh.
2. Sở Khoa học và Công nghệ chủ trì xây dựng nền tảng dữ liệu dùng chung của tỉnh theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.
3. Sở Nội vụ chủ trì nâng tỷ lệ hồ sơ trực tuyến toàn trình (năm 2024 đã đạt 45%, năm 2025 đạt 60%).
4. Sở Tài chính chủ trì bố trí kinh phí hằng năm để thực hiện Kế hoạch.
5. Sở Y tế chủ trì triển khai bệnh án điện tử tại các bệnh viện từ tháng 3 đến tháng 9/2026.
6. Sở Giáo dục và Đào tạo chủ trì tổ chức tuyên truyền về an toàn thông tin đầu năm học 2025-2026.
"""
_PROSE_WANT = {
    ("II.1", "Sở Tư pháp", ""): ("unspecified", None),
    ("II.2", "Sở Khoa học và Công nghệ", ""): ("unspecified", None),
    ("II.3", "Sở Nội vụ", ""): ("unspecified", None),
    ("II.4", "Sở Tài chính", ""): ("unspecified", None),
    ("II.5", "Sở Y tế", ""): ("once", "2026-09-30"),
    ("II.6", "Sở Giáo dục và Đào tạo", ""): ("once", "2025-09-30"),
}

# a body's heading and its bullets: one dated, one 'thường xuyên', one with none, one recurring
_HEADED = """III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
- Chủ trì hướng dẫn các cơ quan triển khai Kế hoạch; hoàn thành trước ngày 30/6/2026.
- Thường xuyên theo dõi, đôn đốc việc thực hiện Kế hoạch.
- Chủ trì xây dựng kho dữ liệu mở của tỉnh.
- Định kỳ hằng quý tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
2. Sở Tài chính
- Tham mưu bố trí kinh phí thực hiện Kế hoạch từ nguồn chi thường xuyên hằng năm.
"""
_HEADED_WANT = {
    ("III.1", "Sở Khoa học và Công nghệ", "Chủ trì hướng dẫn"): ("once", "2026-06-30"),
    ("III.1", "Sở Khoa học và Công nghệ", "Thường xuyên"): ("continuous", None),
    ("III.1", "Sở Khoa học và Công nghệ", "Chủ trì xây dựng"): ("unspecified", None),
    ("III.1", "Sở Khoa học và Công nghệ", "Định kỳ"): ("recurring", None),
    ("III.2", "Sở Tài chính", ""): ("unspecified", None),
}

# a table with a time column
_TABLE = """II. NHIỆM VỤ CỤ THỂ
| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Xây dựng Đề án phát triển chính quyền số | Sở Khoa học và Công nghệ | Các sở, ngành | Quý II, III/2026 |
| 2 | Nâng cấp Cổng dịch vụ công của tỉnh | Văn phòng Ủy ban nhân dân tỉnh | Sở Khoa học và Công nghệ | 2026 |
| 3 | Đào tạo kỹ năng số cho cán bộ, công chức | Sở Nội vụ | Các sở, ngành | Hằng năm |
| 4 | Phát triển hạ tầng số | Sở Xây dựng | Các doanh nghiệp viễn thông | 2026-2030 |
| 5 | Kiểm tra an toàn thông tin | Công an tỉnh | Sở Khoa học và Công nghệ | Thường xuyên |
| 6 | Sơ kết thực hiện Kế hoạch | Sở Khoa học và Công nghệ | Các sở, ngành | 6 tháng đầu năm 2026 |
| 7 | Rà soát thủ tục hành chính | Sở Tư pháp | Các sở, ngành | Theo chỉ đạo của UBND tỉnh |
"""
_TABLE_WANT = {
    ("II.1", "Sở Khoa học và Công nghệ", ""): ("once", "2026-09-30"),
    ("II.2", "Văn phòng Ủy ban nhân dân tỉnh", ""): ("once", "2026-12-31"),
    ("II.3", "Sở Nội vụ", ""): ("recurring", None),
    ("II.4", "Sở Xây dựng", ""): ("once", "2030-12-31"),
    ("II.5", "Công an tỉnh", ""): ("continuous", None),
    ("II.7", "Sở Tư pháp", ""): ("unspecified", None),
}


# a task written as a small section, its labels lettered; a title with its time in brackets
_BLOCKS = """II. NHIỆM VỤ CỤ THỂ
1. Tuyên truyền, phổ biến Luật Dữ liệu
a) Nội dung: Tổ chức hội nghị phổ biến Luật Dữ liệu cho cán bộ, công chức.
b) Cơ quan chủ trì: Sở Tư pháp.
c) Thời gian thực hiện: Thường xuyên; định kỳ báo cáo trước ngày 10/12.
2. Xây dựng văn bản quy định chi tiết
a) Nội dung: Xây dựng quy định về quản lý dữ liệu của tỉnh.
b) Cơ quan chủ trì: Sở Khoa học và Công nghệ.
c) Thời gian thực hiện: Theo tiến độ của Bộ Khoa học và Công nghệ.
3. Tổng hợp số liệu thống kê về dữ liệu số (Quý III/2026)
a) Cơ quan chủ trì: Cục Thống kê tỉnh.
b) Cơ quan phối hợp: Các sở, ngành.
4. Báo cáo kết quả thực hiện
a) Cơ quan chủ trì: Sở Nội vụ.
b) Thời gian thực hiện: Hằng năm, trước ngày 15/12.
"""
_BLOCKS_WANT = {
    ("II.1", "Sở Tư pháp", ""): ("continuous", None),
    ("II.2", "Sở Khoa học và Công nghệ", ""): ("unspecified", None),
    ("II.3", "Cục Thống kê tỉnh", ""): ("once", "2026-09-30"),
    ("II.4", "Sở Nội vụ", ""): ("recurring", "2026-12-15"),
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _timings(plan: dict, keys: dict) -> dict:
    got = {}
    for ref, lead, start in keys:
        hits = [a for a in plan["assignments"] if a["ref"] == ref and lead in a["lead"] and a["text"].startswith(start)]
        got[(ref, lead, start)] = (hits[0]["timing"]["kind"], hits[0]["timing"]["due"]) if hits else None
    return got


CASES = {"own_line": (_OWN_LINE, _OWN_LINE_WANT), "section": (_SECTION, _SECTION_WANT), "prose": (_PROSE, _PROSE_WANT),
         "headed": (_HEADED, _HEADED_WANT), "table": (_TABLE, _TABLE_WANT), "blocks": (_BLOCKS, _BLOCKS_WANT)}


@pytest.mark.parametrize("layout", ["lines", "flattened"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_task_gets_its_own_time(case: str, layout: str) -> None:
    body, want = CASES[case]
    text = _HEAD + body + _TAIL
    plan = parse_text(_flat(text) if layout == "flattened" else text, source="x.txt")
    assert _timings(plan, want) == want


@pytest.mark.parametrize("layout", ["lines", "flattened"])
def test_the_closing_report_deadline_is_no_tasks_time(layout: str) -> None:
    text = _HEAD + _OWN_LINE + _PROSE.replace("II. NHIỆM VỤ VÀ GIẢI PHÁP", "III. GIẢI PHÁP") + _TAIL
    plan = parse_text(_flat(text) if layout == "flattened" else text, source="x.txt")
    dues = {a["timing"]["due"] for a in plan["assignments"] if not a["text"].startswith("Các sở, ban, ngành")}
    assert "2026-12-15" not in dues


# a table pasted from a web page: its cells one after another on one line, no pipes
_PASTED_TABLE = (
    "II. NHIỆM VỤ CỤ THỂ STT Nội dung nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành "
    "1 Xây dựng Đề án phát triển chính quyền số Sở Khoa học và Công nghệ Các sở, ngành Quý II, III/2026 "
    "2 Nâng cấp Cổng dịch vụ công của tỉnh Văn phòng Ủy ban nhân dân tỉnh Sở Khoa học và Công nghệ Năm 2026 "
    "3 Đào tạo kỹ năng số cho cán bộ, công chức Sở Nội vụ Các sở, ngành Hằng năm "
    "4 Phát triển hạ tầng số Sở Xây dựng Các doanh nghiệp viễn thông 2026-2030 "
)


# a task table whose cells all run on one line (no pipes, no line breaks), after a section title in capitals and
# before the closing sentence: read by plans.flattable
def test_a_pasted_table_row_keeps_its_time_cell() -> None:
    plan = parse_text(_flat(_HEAD) + " " + _PASTED_TABLE + _flat(_TAIL), source="x.txt")
    want = {("II.1", "Sở Khoa học và Công nghệ", ""): ("once", "2026-09-30"),
            ("II.3", "Sở Nội vụ", ""): ("recurring", None),
            ("II.4", "Sở Xây dựng", ""): ("once", "2030-12-31")}
    assert _timings(plan, want) == want


# found on the way, not timing: a sentence opening with the act it carries out ('Thực hiện Nghị quyết ..., Sở X chủ
# trì ...') or with last year's result ('Năm 2024 ... đã đạt ...; Sở X chủ trì ...'): the body after it leads
def test_a_body_after_an_opening_clause_leads() -> None:
    body = ("II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Sở Khoa học và"
            " Công nghệ chủ trì xây dựng nền tảng dữ liệu dùng chung của tỉnh.\n2. Năm 2024 tỷ lệ hồ sơ trực tuyến toàn trình"
            " đã đạt 45%; Sở Nội vụ chủ trì nâng tỷ lệ hồ sơ trực tuyến toàn trình.\n")
    plan = parse_text(_HEAD + body + _TAIL, source="x.txt")
    want = {("II.1", "Sở Khoa học và Công nghệ", ""): ("unspecified", None), ("II.2", "Sở Nội vụ", ""): ("unspecified", None)}
    assert _timings(plan, want) == want


# the plan's year and issue date, on which yearly due dates hang
_NATIONAL = """THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
KẾ HOẠCH
Thực hiện Chiến lược quốc gia về phòng, chống thiên tai đến năm 2030
(Kèm theo Quyết định số 1234/QĐ-TTg ngày 19 tháng 11 năm 2024 của Thủ tướng Chính phủ)
Thực hiện Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013, Thủ tướng Chính phủ ban hành Kế hoạch với những nội dung sau:
I. NHIỆM VỤ
1. Bộ Nông nghiệp và Môi trường chủ trì tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện trước ngày 15/11 hằng năm.
2. Bộ Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch.
"""


@pytest.mark.parametrize("layout", ["lines", "flattened"])
def test_a_plan_with_no_date_line_is_dated_by_the_act_it_is_attached_to(layout: str) -> None:
    plan = parse_text(_flat(_NATIONAL) if layout == "flattened" else _NATIONAL, source="x.txt")
    assert plan["issued_on"] == "2024-11-19"
    yearly = [a for a in plan["assignments"] if a["lead"] == ["Bộ Nông nghiệp và Môi trường"]]
    assert yearly and (yearly[0]["timing"]["kind"], yearly[0]["timing"]["due"]) == ("recurring", "2025-11-15")


_DECISION = """ỦY BAN NHÂN DÂN TỈNH BẾN LẠC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 2954/QĐ-UBND
Bến Lạc, ngày 20 tháng 11 năm 2025
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ TỈNH BẾN LẠC GIAI ĐOẠN 2026 - 2030
ỦY BAN NHÂN DÂN TỈNH BẾN LẠC
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển thương mại điện tử tỉnh Bến Lạc giai đoạn 2026 - 2030.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hùng
KẾ HOẠCH
PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ TỈNH BẾN LẠC GIAI ĐOẠN 2026 - 2030
I. NHIỆM VỤ
1. Sở Công Thương chủ trì tổng hợp, báo cáo Ủy ban nhân dân tỉnh tình hình thực hiện trước ngày 16 hằng tháng.
2. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch.
"""


@pytest.mark.parametrize("layout", ["lines", "flattened"])
def test_a_pasted_decision_takes_its_year_from_the_attached_plans_title(layout: str) -> None:
    plan = parse_text(_flat(_DECISION) if layout == "flattened" else _DECISION, source="x.txt")
    assert plan["year"] == 2026
    monthly = [a for a in plan["assignments"] if a["lead"] == ["Sở Công Thương"]]
    assert monthly and (monthly[0]["timing"]["kind"], monthly[0]["timing"]["due"]) == ("recurring", "2026-01-16")


def test_a_continuous_duty_keeps_the_dated_report_of_its_label() -> None:
    body = ("III. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành theo dõi việc thực hiện, báo cáo kết quả về Sở Nội vụ để tổng hợp.\n"
            "Thời gian thực hiện: Thường xuyên; định kỳ trước ngày 10/12 hằng năm.\n")
    plan = parse_text(_HEAD + body + _TAIL, source="x.txt")
    dues = [r["timing"].get("due") for r in plan["reports"]]
    assert "2026-12-10" in dues
