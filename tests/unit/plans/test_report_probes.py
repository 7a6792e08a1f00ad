"""Probes of reporting obligations: who reports to whom (through whom), by when, how often, and who compiles. Made up
from knowledge of the genre (not copied from any plan) across the genres the parser meets: a province's plan (the
departments and communes report to a Sở, which compiles for the provincial People's Committee, the Party committee or
a ministry), a commune's plan (units report to the UBND through an officer), a department's internal plan, a
ministry's plan (provinces and ministries report to the ministry through a Vụ / Cục), the Prime Minister's plan
(ministries and provinces report to the Prime Minister through a ministry), a national steering committee's plan.
Chains in one sentence and over several; the report inside a body's own duty section; dates 'trước ngày 30/11/2025',
'trước ngày 15/12 hằng năm', 'trước 15 tháng 6 năm 2026', 'trước ngày 20 tháng cuối quý', 'định kỳ 6 tháng (trước
ngày 15/6) và năm (trước ngày 15/12)'. Each probe runs in both layouts: normal lines, and flattened to one line (a
pasted text that lost its line breaks). The expected reports were written BEFORE the parser was run.

Gold conventions used (the gold files' notes): a report entry is an obligation to send a report, results, a list or
a dossier to a body by a date that gives a day and a month (golds 002, 004, 12, 19, 23, tune 18, 24, 28, 29, 47, 48,
49, 50); a deadline 'hằng tháng' with no month, a month alone ('trong tháng 12/2025'), a year alone ('năm 2030'), a
daily or 'đột xuất' report and a conditional one ('nếu có khó khăn, vướng mắc ... báo cáo') give none (golds 08, 13,
15, 17, 45, 04); the compiling body's purpose clause '(để) tổng hợp, báo cáo X' gives a report only with a date of
its own (golds 002, 19, 28, 47); a plan-issuing deadline, a draft submitted for adoption, a report that is the
content of a task, a 'Báo cáo số ...' cited as a basis and 'báo cáo viên' (a person) give none (golds 16, 18, 21);
the data period of a report ('tính từ ngày 15 tháng 12 năm trước ... đến ngày 14 tháng 12') is no deadline (gold
19). Each report is (from, to, via, compiles, month-day of its first due date, kind)."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text
from dondoc.plans.report_parts import made_report, receivers, report_verb_at, role_free, via_of
from dondoc.plans.timing import parse_timing

_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
TINH = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\n" + _NATION + "Số: 45/KH-UBND\nHà Tĩnh, ngày 12 tháng 3 năm 2025\n"
        "KẾ HOẠCH\nTriển khai nhiệm vụ năm 2025\n")
XA = ("ỦY BAN NHÂN DÂN\nXÃ HOẰNG HỢP\n-------\n" + _NATION + "Số: 18/KH-UBND\nHoằng Hợp, ngày 12 tháng 3 năm 2025\n"
      "KẾ HOẠCH\nThực hiện công tác giảm nghèo năm 2025\n")
SO = ("UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\n-------\n" + _NATION + "Số: 21/KH-SNV\nHà Tĩnh, ngày 12 tháng 3 năm 2025\n"
      "KẾ HOẠCH\nCải cách hành chính năm 2025 của Sở Nội vụ\n")
BO = ("BỘ Y TẾ\n-------\n" + _NATION + "Số: 310/KH-BYT\nHà Nội, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\n"
      "Triển khai công tác y tế dự phòng năm 2025\n")
BCD = ("BAN CHỈ ĐẠO QUỐC GIA\nVỀ PHÒNG, CHỐNG DỊCH BỆNH\n-------\n" + _NATION + "Số: 08/KH-BCĐ\n"
       "Hà Nội, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\nHoạt động của Ban Chỉ đạo năm 2025\n")
TTG = ("THỦ TƯỚNG CHÍNH PHỦ\n-------\n" + _NATION + "Số: 512/QĐ-TTg\nHà Nội, ngày 14 tháng 4 năm 2025\nQUYẾT ĐỊNH\n"
       "Ban hành Kế hoạch triển khai thi hành Luật Dữ liệu\nTHỦ TƯỚNG CHÍNH PHỦ\n"
       "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nTheo đề nghị của Bộ trưởng Bộ Công an.\nQUYẾT ĐỊNH:\n"
       "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Dữ liệu.\n"
       "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
       "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
       "trung ương chịu trách nhiệm thi hành Quyết định này./.\n"
       "Nơi nhận:\n- Thủ tướng, các Phó Thủ tướng Chính phủ;\n- Các bộ, cơ quan ngang bộ;\n- Lưu: VT, KSTT.\n"
       "THỦ TƯỚNG\nPhạm Văn Hùng\nKẾ HOẠCH\nTriển khai thi hành Luật Dữ liệu\n(Kèm theo Quyết định số 512/QĐ-TTg "
       "ngày 14 tháng 4 năm 2025 của Thủ tướng Chính phủ)\n")

ORG = "IV. TỔ CHỨC THỰC HIỆN\n"
TASK = "1. Sở Y tế chủ trì tổ chức tuyên truyền về phòng, chống dịch bệnh.\n"

Report = tuple[list[str], list[str], str | None, bool, str, str]
CT = ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]
FOCAL_ANY = "*"

# probes the parser does not pass yet: (id, layout) -> reason (strict, so a probe that starts passing must be un-marked)
XFAIL: dict[tuple[str, str], str] = {}

# (id, text, expected reports in order, expected focal name or FOCAL_ANY when the probe does not say)
PROBES: list[tuple[str, str, list[Report], str]] = [
    # --- province: units report to a Sở, which compiles for the People's Committee ---
    ("tinh-two-duty-sections", TINH + ORG +
     "1. Sở Nội vụ\nChủ trì theo dõi, đôn đốc việc triển khai Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày "
     "20/12/2025.\n2. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường\nTổ chức triển khai thực hiện; báo cáo kết quả về "
     "Sở Nội vụ trước ngày 10/12/2025 để tổng hợp.\n",
     [(["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "12-20", "once"),
      (CT, ["Sở Nội vụ"], None, False, "12-10", "once")], "Sở Nội vụ"),
    ("tinh-chain-one-sentence", TINH + ORG + TASK +
     "2. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường báo cáo kết quả thực hiện về Sở Văn hóa, Thể thao và Du lịch "
     "trước ngày 25/11 hằng năm để tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 05/12 hằng năm.\n",
     [(CT, ["Sở Văn hóa, Thể thao và Du lịch"], None, False, "11-25", "recurring"),
      (["Sở Văn hóa, Thể thao và Du lịch"], ["Ủy ban nhân dân tỉnh"], None, True, "12-05", "recurring")],
     "Sở Văn hóa, Thể thao và Du lịch"),
    ("tinh-chain-two-sentences", TINH + ORG + TASK +
     "2. Các sở, ban, ngành gửi báo cáo kết quả thực hiện về Sở Công Thương trước ngày 10/12 hằng năm. Sở Công Thương "
     "tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12 hằng năm.\n",
     [(["Các sở, ban, ngành"], ["Sở Công Thương"], None, False, "12-10", "recurring"),
      (["Sở Công Thương"], ["Ủy ban nhân dân tỉnh"], None, True, "12-20", "recurring")], "Sở Công Thương"),
    ("tinh-chain-two-items", TINH + ORG + TASK +
     "2. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường định kỳ hằng năm báo cáo kết quả thực hiện Kế hoạch gửi về "
     "Sở Tư pháp trước ngày 15/11.\n3. Sở Tư pháp tổng hợp, báo cáo Ủy ban nhân dân tỉnh, Bộ Tư pháp trước ngày 30/11 "
     "hằng năm.\n",
     [(CT, ["Sở Tư pháp"], None, False, "11-15", "recurring"),
      (["Sở Tư pháp"], ["Ủy ban nhân dân tỉnh", "Bộ Tư pháp"], None, True, "11-30", "recurring")], "Sở Tư pháp"),
    ("tinh-via-department", TINH + ORG + TASK +
     "2. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường định kỳ hằng năm (trước ngày 10/12) báo cáo Ủy ban nhân dân "
     "tỉnh (qua Sở Nông nghiệp và Môi trường) về tình hình, kết quả thực hiện Kế hoạch này.\n",
     [(CT, ["Ủy ban nhân dân tỉnh"], "qua Sở Nông nghiệp và Môi trường", False, "12-10", "recurring")],
     "Sở Nông nghiệp và Môi trường"),
    ("tinh-via-date-after", TINH + ORG + TASK +
     "2. Các sở, ban, ngành báo cáo Ủy ban nhân dân tỉnh (qua Sở Xây dựng) trước ngày 15 tháng 12 hằng năm.\n",
     [(["Các sở, ban, ngành"], ["Ủy ban nhân dân tỉnh"], "qua Sở Xây dựng", False, "12-15", "recurring")],
     "Sở Xây dựng"),
    ("tinh-date-first-compiles", TINH + ORG + TASK +
     "2. Sở Tư pháp\n- Hướng dẫn, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch.\n- Trước ngày 15/12 hằng năm, tổng hợp, "
     "báo cáo Bộ Tư pháp và Ủy ban nhân dân tỉnh kết quả thực hiện.\n",
     [(["Sở Tư pháp"], ["Bộ Tư pháp", "Ủy ban nhân dân tỉnh"], None, True, "12-15", "recurring")], "Sở Tư pháp"),
    ("tinh-duty-colon", TINH + ORG + TASK +
     "2. Sở Nội vụ: Là cơ quan thường trực, theo dõi, đôn đốc, hướng dẫn các cơ quan, đơn vị triển khai thực hiện Kế "
     "hoạch; tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12/2025.\n",
     [(["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "12-25", "once")], "Sở Nội vụ"),
    ("tinh-half-and-year-via", TINH + ORG + TASK +
     "2. Định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12), các sở, ban, ngành báo cáo Ủy ban nhân dân "
     "tỉnh (qua Sở Y tế) kết quả thực hiện.\n",
     [(["các sở, ban, ngành"], ["Ủy ban nhân dân tỉnh"], "qua Sở Y tế", False, "06-15", "recurring"),
      (["các sở, ban, ngành"], ["Ủy ban nhân dân tỉnh"], "qua Sở Y tế", False, "12-15", "recurring")], "Sở Y tế"),
    ("tinh-two-dates-one-rule", TINH + ORG + TASK +
     "2. Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Y tế trước ngày 10/6 và 10/12 hằng năm.\n",
     [(["Các sở, ban, ngành"], ["Sở Y tế"], None, False, "06-10", "recurring"),
      (["Các sở, ban, ngành"], ["Sở Y tế"], None, False, "12-10", "recurring")], FOCAL_ANY),
    ("tinh-quarter-last-month", TINH + ORG + TASK +
     "2. Các sở, ngành, Ủy ban nhân dân các xã, phường tổng hợp, báo cáo định kỳ hằng quý gửi về Sở Tài chính (trước "
     "ngày 15 của tháng cuối quý).\n",
     [(["Các sở, ngành", "Ủy ban nhân dân các xã, phường"], ["Sở Tài chính"], None, False, "03-15", "recurring")],
     FOCAL_ANY),
    ("tinh-quarter-no-of", TINH + ORG + TASK +
     "2. Các sở, ban, ngành định kỳ hằng quý báo cáo kết quả về Sở Tài chính trước ngày 20 tháng cuối quý.\n",
     [(["Các sở, ban, ngành"], ["Sở Tài chính"], None, False, "03-20", "recurring")], FOCAL_ANY),
    ("tinh-month-half-year", TINH + ORG + TASK +
     "2. Các sở, ngành, Ủy ban nhân dân các xã, phường báo cáo về Sở Công Thương định kỳ hằng tháng (trước ngày 20 hằng "
     "tháng), 6 tháng (trước ngày 20/6), năm (trước ngày 20/11 hằng năm) hoặc đột xuất khi có yêu cầu.\n",
     [(["Các sở, ngành", "Ủy ban nhân dân các xã, phường"], ["Sở Công Thương"], None, False, "06-20", "recurring"),
      (["Các sở, ngành", "Ủy ban nhân dân các xã, phường"], ["Sở Công Thương"], None, False, "11-20", "recurring")],
     FOCAL_ANY),
    ("tinh-regime-section", TINH + ORG + TASK + "V. CHẾ ĐỘ BÁO CÁO\n"
     "1. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường báo cáo định kỳ 6 tháng (trước ngày 10/6), năm (trước ngày "
     "10/12) về Sở Công Thương.\n2. Sở Công Thương tổng hợp, báo cáo Ủy ban nhân dân tỉnh 6 tháng (trước ngày 20/6), năm "
     "(trước ngày 20/12).\n",
     [(CT, ["Sở Công Thương"], None, False, "06-10", "recurring"),
      (CT, ["Sở Công Thương"], None, False, "12-10", "recurring"),
      (["Sở Công Thương"], ["Ủy ban nhân dân tỉnh"], None, True, "06-20", "recurring"),
      (["Sở Công Thương"], ["Ủy ban nhân dân tỉnh"], None, True, "12-20", "recurring")], "Sở Công Thương"),
    ("tinh-regime-no-sender", TINH + ORG +
     "1. Các sở, ban, ngành, đoàn thể tỉnh, Ủy ban nhân dân các xã, phường tổ chức triển khai thực hiện Kế hoạch.\n"
     "2. Chế độ báo cáo: Định kỳ 6 tháng (trước ngày 15/6), 1 năm (trước ngày 15/12 hằng năm) gửi về Ủy ban nhân dân tỉnh "
     "(qua Công an tỉnh).\n3. Giao Công an tỉnh chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch.\n",
     [([], ["Ủy ban nhân dân tỉnh"], "qua Công an tỉnh", False, "06-15", "recurring"),
      ([], ["Ủy ban nhân dân tỉnh"], "qua Công an tỉnh", False, "12-15", "recurring")], "Công an tỉnh"),
    ("tinh-chain-years", TINH + ORG + TASK +
     "2. Các sở, ngành gửi báo cáo về Sở Tài chính trước ngày 25/11/2025 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước "
     "ngày 05/12/2025.\n",
     [(["Các sở, ngành"], ["Sở Tài chính"], None, False, "11-25", "once"),
      (["Sở Tài chính"], ["Ủy ban nhân dân tỉnh"], None, True, "12-05", "once")], "Sở Tài chính"),
    ("tinh-purpose-compile-undated", TINH + ORG + TASK +
     "2. Ủy ban nhân dân các xã, phường, đặc khu báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường trước ngày "
     "20/11 hằng năm để tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Nông nghiệp và Môi trường.\n",
     [(["Ủy ban nhân dân các xã, phường, đặc khu"], ["Sở Nông nghiệp và Môi trường"], None, False, "11-20", "recurring")],
     "Sở Nông nghiệp và Môi trường"),
    ("tinh-advise-report-dated", TINH + ORG + TASK +
     "2. Sở Nông nghiệp và Môi trường tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Nông nghiệp và Môi trường trước "
     "ngày 15/12 hằng năm.\n",
     [(["Sở Nông nghiệp và Môi trường"], ["Bộ Nông nghiệp và Môi trường"], None, True, "12-15", "recurring")],
     "Sở Nông nghiệp và Môi trường"),
    ("tinh-party-committee", TINH + ORG + TASK +
     "2. Sở Nội vụ tổng hợp kết quả, tham mưu Ban cán sự đảng Ủy ban nhân dân tỉnh báo cáo Ban Thường vụ Tỉnh ủy trước "
     "ngày 30/11/2025.\n",
     [(["Sở Nội vụ"], ["Ban Thường vụ Tỉnh ủy"], None, True, "11-30", "once")], "Sở Nội vụ"),
    ("tinh-latest-day", TINH + ORG + TASK +
     "2. Các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Giáo dục và Đào tạo chậm nhất ngày 10/12 hằng năm.\n",
     [(["Các cơ quan, đơn vị"], ["Sở Giáo dục và Đào tạo"], None, False, "12-10", "recurring")], FOCAL_ANY),
    ("tinh-day-month-words", TINH + ORG + TASK +
     "2. Các sở, ban, ngành gửi báo cáo về Sở Khoa học và Công nghệ chậm nhất ngày 25 tháng 11 hằng năm.\n",
     [(["Các sở, ban, ngành"], ["Sở Khoa học và Công nghệ"], None, False, "11-25", "recurring")], FOCAL_ANY),
    ("tinh-no-ngay-with-year", TINH + ORG + TASK +
     "2. Sở Y tế tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả sơ kết trước 15 tháng 6 năm 2026.\n",
     [(["Sở Y tế"], ["Ủy ban nhân dân tỉnh"], None, True, "06-15", "once")], "Sở Y tế"),
    ("tinh-time-label-next", TINH + ORG + TASK +
     "2. Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Nội vụ.\n- Thời gian thực hiện: trước ngày 10/12/2025.\n",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-10", "once")], FOCAL_ANY),
    ("tinh-deadline-sentence-next", TINH + ORG + TASK +
     "2. Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp. Thời hạn gửi báo cáo: trước ngày 10/12 "
     "hằng năm.\n",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-10", "recurring")], "Sở Nội vụ"),
    ("tinh-review-results", TINH + ORG + TASK +
     "2. Các sở, ban, ngành rà soát các thủ tục hành chính thuộc phạm vi quản lý, gửi kết quả rà soát về Sở Tư pháp trước "
     "ngày 30/6/2025.\n",
     [(["Các sở, ban, ngành"], ["Sở Tư pháp"], None, False, "06-30", "once")], FOCAL_ANY),
    ("tinh-award-dossier", TINH + ORG + TASK +
     "2. Các cơ quan, đơn vị, địa phương lập hồ sơ đề nghị khen thưởng gửi về Sở Nội vụ (qua Ban Thi đua - Khen thưởng) "
     "trước ngày 15/01/2026.\n",
     [(["Các cơ quan, đơn vị, địa phương"], ["Sở Nội vụ"], "qua Ban Thi đua - Khen thưởng", False, "01-15", "once")],
     FOCAL_ANY),
    ("tinh-integrated-report", TINH + ORG + TASK +
     "2. Các sở, ban, ngành lồng ghép kết quả thực hiện Kế hoạch trong báo cáo công tác năm, gửi Sở Nội vụ trước ngày "
     "15/11 hằng năm.\n",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "11-15", "recurring")], FOCAL_ANY),
    ("tinh-form-attached", TINH + ORG + TASK +
     "2. Các cơ sở y tế báo cáo theo Mẫu số 01 kèm theo Kế hoạch này, gửi về Sở Y tế trước ngày 05/12/2025.\n",
     [(["Các cơ sở y tế"], ["Sở Y tế"], None, False, "12-05", "once")], FOCAL_ANY),
    ("tinh-data-period", TINH + ORG + TASK +
     "2. Các đơn vị, địa phương định kỳ hằng năm báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường chậm nhất ngày "
     "17 tháng 12. Thời gian báo cáo định kỳ hằng năm tính từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 12 "
     "của kỳ báo cáo.\n",
     [(["Các đơn vị, địa phương"], ["Sở Nông nghiệp và Môi trường"], None, False, "12-17", "recurring")], FOCAL_ANY),
    ("tinh-statistics-sent", TINH + ORG + TASK +
     "2. Các sở, ngành cung cấp số liệu thống kê năm 2025 gửi Thống kê tỉnh trước ngày 15/01/2026.\n",
     [(["Các sở, ngành"], ["Thống kê tỉnh"], None, False, "01-15", "once")], FOCAL_ANY),
    ("tinh-pasted-chain", TINH + ORG + TASK +
     "2. Sở Nội vụ: theo dõi, đôn đốc việc thực hiện; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12/2025. "
     "3. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường: báo cáo kết quả về Sở Nội vụ trước ngày 10/12/2025.\n",
     [(["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "12-20", "once"),
      (CT, ["Sở Nội vụ"], None, False, "12-10", "once")], "Sở Nội vụ"),
    # --- province: what is no reporting obligation ---
    ("tinh-monthly-only", TINH + ORG + TASK +
     "2. Các đơn vị báo cáo kết quả thực hiện về Sở Công Thương trước ngày 20 hằng tháng.\n", [], FOCAL_ANY),
    ("tinh-month-only", TINH + ORG + TASK +
     "2. Các sở, ban, ngành báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Y tế) trong tháng 12/2025.\n", [], "Sở Y tế"),
    ("tinh-year-only", TINH + ORG + TASK +
     "2. Sở Kế hoạch và Đầu tư tổ chức sơ kết vào năm 2027 và tổng kết vào năm 2030, báo cáo Ủy ban nhân dân tỉnh.\n",
     [], FOCAL_ANY),
    ("tinh-undated-focal", TINH + ORG + TASK +
     "2. Sở Nội vụ: theo dõi, đôn đốc, tổng hợp báo cáo Ủy ban nhân dân tỉnh theo quy định.\n", [], "Sở Nội vụ"),
    ("tinh-ad-hoc", TINH + ORG + TASK +
     "2. Các sở, ban, ngành báo cáo đột xuất khi có yêu cầu của Ủy ban nhân dân tỉnh.\n", [], FOCAL_ANY),
    ("tinh-conditional", TINH + ORG + TASK +
     "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo Ủy ban nhân dân tỉnh "
     "(qua Sở Nội vụ) trước ngày 15 hằng tháng để xem xét, giải quyết./.\n", [], FOCAL_ANY),
    ("tinh-basis-report-number", TINH +
     "Căn cứ Báo cáo số 12/BC-UBND ngày 15/01/2025 của Ủy ban nhân dân tỉnh về kết quả thực hiện công tác năm 2024;\n"
     + ORG + TASK, [], FOCAL_ANY),
    ("tinh-report-as-content", TINH + "II. NHIỆM VỤ\n"
     "1. Sở Nông nghiệp và Môi trường xây dựng báo cáo đánh giá tác động môi trường chiến lược của quy hoạch, hoàn thành "
     "trước ngày 30/9/2025.\n", [], FOCAL_ANY),
    ("tinh-results-show", TINH + "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n"
     "Báo cáo kết quả năm 2024 cho thấy, đến ngày 31/12/2024 toàn tỉnh có 95% hộ gia đình sử dụng nước sạch.\n"
     "II. NHIỆM VỤ\n" + TASK, [], FOCAL_ANY),
    ("tinh-plan-issue-deadline", TINH + ORG + TASK +
     "2. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường xây dựng kế hoạch triển khai, ban hành trước ngày 15/4/2025 "
     "và gửi về Sở Nội vụ để theo dõi.\n", [], FOCAL_ANY),
    ("tinh-draft-submitted", TINH + "II. NHIỆM VỤ\n"
     "1. Sở Tư pháp hoàn thiện dự thảo Quyết định ban hành Quy chế, trình Ủy ban nhân dân tỉnh trước ngày 30/6/2025.\n",
     [], FOCAL_ANY),
    ("tinh-reporter-person", TINH + "II. NHIỆM VỤ\n"
     "1. Sở Tư pháp tổ chức tập huấn cho báo cáo viên, tuyên truyền viên pháp luật, hoàn thành trước ngày 30/6/2025.\n",
     [], FOCAL_ANY),
    ("tinh-information-regime", TINH + ORG + TASK +
     "2. Các cơ quan, đơn vị thực hiện nghiêm chế độ thông tin, báo cáo theo quy định.\n", [], FOCAL_ANY),
    ("tinh-guidance-dated", TINH + ORG + TASK +
     "2. Các sở, ngành báo cáo kết quả theo hướng dẫn tại Công văn số 123/SNV-CCHC ngày 10/01/2025 của Sở Nội vụ.\n",
     [], FOCAL_ANY),
    ("tinh-daily", TINH + ORG + TASK +
     "2. Sở Công Thương tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước 16 giờ hằng ngày trong thời gian cao điểm.\n",
     [], FOCAL_ANY),
    ("tinh-directive-date-in-name", TINH + "II. NHIỆM VỤ\n"
     "1. Sở Y tế chủ trì xây dựng Báo cáo tổng kết 5 năm thực hiện Chỉ thị số 05-CT/TU ngày 15/5/2020 của Ban Thường vụ "
     "Tỉnh ủy, trình Ủy ban nhân dân tỉnh trong Quý II/2025.\n", [], FOCAL_ANY),
    ("tinh-phase-midterm", TINH + ORG + TASK +
     "2. Sở Khoa học và Công nghệ báo cáo giữa kỳ thực hiện Kế hoạch (năm 2027) và báo cáo tổng kết (năm 2030) gửi Ủy ban "
     "nhân dân tỉnh.\n", [], FOCAL_ANY),
    # --- a commune's plan ---
    ("xa-officer-via", XA + ORG +
     "1. Định kỳ trước ngày 05/12 hằng năm, các ban, ngành, đoàn thể và các thôn gửi báo cáo kết quả thực hiện về Ủy ban "
     "nhân dân xã (qua công chức Văn hóa - Xã hội).\n",
     [(["các ban, ngành, đoàn thể", "các thôn"], ["Ủy ban nhân dân xã"], "qua công chức Văn hóa - Xã hội", False, "12-05",
       "recurring")], "công chức Văn hóa - Xã hội"),
    ("xa-officer-compiles", XA + ORG +
     "1. Công chức Văn hóa - Xã hội\nChủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp kết quả, báo cáo Đảng ủy, "
     "Ủy ban nhân dân xã trước ngày 10/12 hằng năm.\n",
     [(["Công chức Văn hóa - Xã hội"], ["Đảng ủy", "Ủy ban nhân dân xã"], None, True, "12-10", "recurring")],
     "Công chức Văn hóa - Xã hội"),
    ("xa-list-then-deadline", XA + "II. NHIỆM VỤ\n"
     "1. Ban công tác Mặt trận các thôn rà soát, lập danh sách hộ nghèo, hộ cận nghèo gửi Ủy ban nhân dân xã. Thời gian "
     "hoàn thành: trước ngày 15/9/2025.\n",
     [(["Ban công tác Mặt trận các thôn"], ["Ủy ban nhân dân xã"], None, False, "09-15", "once")], FOCAL_ANY),
    ("xa-to-province-department", XA + ORG +
     "1. Giao công chức Lao động - Thương binh và Xã hội tổng hợp kết quả, tham mưu Ủy ban nhân dân xã báo cáo Sở Nội vụ "
     "trước ngày 15/11 hằng năm.\n",
     [(["công chức Lao động - Thương binh và Xã hội"], ["Sở Nội vụ"], None, True, "11-15", "recurring")],
     "công chức Lao động - Thương binh và Xã hội"),
    # --- a department's internal plan ---
    ("so-units-monthly-and-year", SO + ORG +
     "1. Các phòng, đơn vị thuộc Sở báo cáo kết quả thực hiện về Văn phòng Sở trước ngày 18 hằng tháng; báo cáo năm gửi "
     "trước ngày 15/11/2025.\n",
     [(["Các phòng, đơn vị thuộc Sở"], ["Văn phòng Sở"], None, False, "11-15", "once")], FOCAL_ANY),
    ("so-to-ministry", SO + ORG +
     "1. Văn phòng Sở theo dõi, đôn đốc các phòng, đơn vị; tổng hợp, báo cáo Bộ Nội vụ, Ủy ban nhân dân tỉnh trước ngày "
     "30/11/2025.\n",
     [(["Văn phòng Sở"], ["Bộ Nội vụ", "Ủy ban nhân dân tỉnh"], None, True, "11-30", "once")], "Văn phòng Sở"),
    # --- a ministry's plan ---
    ("bo-provinces-via-cuc", BO + ORG + "1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2. Sở Y tế các tỉnh, thành phố trực thuộc Trung ương báo cáo kết quả thực hiện về Bộ Y tế (qua Cục Y tế dự phòng) "
     "trước ngày 15/12 hằng năm.\n",
     [(["Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"], ["Bộ Y tế"], "qua Cục Y tế dự phòng", False, "12-15",
       "recurring")], "Cục Y tế dự phòng"),
    ("bo-focal-compiles-minister", BO + ORG +
     "1. Cục Y tế dự phòng là đơn vị đầu mối, theo dõi, đôn đốc, tổng hợp, báo cáo Bộ trưởng kết quả thực hiện trước ngày "
     "25/12/2025.\n",
     [(["Cục Y tế dự phòng"], ["Bộ trưởng"], None, True, "12-25", "once")], "Cục Y tế dự phòng"),
    ("bo-units-via-vu", BO + ORG + "1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2. Các đơn vị thuộc Bộ gửi báo cáo về Bộ Y tế (qua Vụ Kế hoạch - Tài chính) trước ngày 05/12/2025, đồng thời gửi "
     "bản điện tử qua hệ thống quản lý văn bản.\n",
     [(["Các đơn vị thuộc Bộ"], ["Bộ Y tế"], "qua Vụ Kế hoạch - Tài chính", False, "12-05", "once")], FOCAL_ANY),
    ("bo-ministries-provinces", BO + ORG + "1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2. Các bộ, ngành, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương định kỳ 6 tháng (trước ngày 20/6) và "
     "hằng năm (trước ngày 20/12) gửi báo cáo tình hình thực hiện về Bộ Y tế để tổng hợp, báo cáo Thủ tướng Chính phủ.\n",
     [(["Các bộ, ngành", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], ["Bộ Y tế"], None, False, "06-20",
       "recurring"),
      (["Các bộ, ngành", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], ["Bộ Y tế"], None, False, "12-20",
       "recurring")], FOCAL_ANY),
    ("bo-vu-duty-section", BO + ORG + "1. Cục Y tế dự phòng chủ trì tổ chức triển khai các hoạt động chuyên môn.\n"
     "2. Vụ Kế hoạch - Tài chính: Chủ trì theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch; tổng hợp kết quả, báo cáo Lãnh "
     "đạo Bộ trước ngày 10/12/2025.\n",
     [(["Vụ Kế hoạch - Tài chính"], ["Lãnh đạo Bộ"], None, True, "12-10", "once")], "Vụ Kế hoạch - Tài chính"),
    ("bo-conference-no-report", BO + ORG +
     "1. Cục Y tế dự phòng chủ trì tổ chức Hội nghị sơ kết 6 tháng trong tháng 7/2025 và Hội nghị tổng kết năm trong "
     "tháng 12/2025, báo cáo Bộ trưởng.\n", [], FOCAL_ANY),
    # --- the Prime Minister's plan ---
    ("ttg-via-ministry", TTG + "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Công an chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2. Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương báo cáo Thủ tướng Chính phủ "
     "(qua Bộ Công an) kết quả thực hiện trước ngày 15/12 hằng năm.\n",
     [(["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], ["Thủ tướng Chính phủ"],
       "qua Bộ Công an", False, "12-15", "recurring")], "Bộ Công an"),
    ("ttg-ministry-compiles", TTG + "III. TỔ CHỨC THỰC HIỆN\n"
     "1. Bộ Công an chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực "
     "hiện Kế hoạch trước ngày 31/12 hằng năm.\n",
     [(["Bộ Công an"], ["Thủ tướng Chính phủ"], None, True, "12-31", "recurring")], "Bộ Công an"),
    ("ttg-chain-compile", TTG + "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Công an chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2. Các bộ, ngành, địa phương gửi báo cáo về Bộ Công an trước ngày 15/11 hằng năm để tổng hợp, báo cáo Thủ tướng "
     "Chính phủ trước ngày 30/11 hằng năm.\n",
     [(["Các bộ, ngành, địa phương"], ["Bộ Công an"], None, False, "11-15", "recurring"),
      (["Bộ Công an"], ["Thủ tướng Chính phủ"], None, True, "11-30", "recurring")], "Bộ Công an"),
    ("ttg-one-off-review", TTG + "II. NHIỆM VỤ\n"
     "1. Các bộ, cơ quan ngang bộ rà soát các văn bản quy phạm pháp luật thuộc phạm vi quản lý, gửi kết quả rà soát về Bộ "
     "Tư pháp trước ngày 30 tháng 9 năm 2025.\n",
     [(["Các bộ, cơ quan ngang bộ"], ["Bộ Tư pháp"], None, False, "09-30", "once")], FOCAL_ANY),
    ("ttg-two-receivers", TTG + "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Công an chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2. Hằng năm, các bộ, ngành, địa phương báo cáo tình hình thực hiện gửi Bộ Công an, Văn phòng Chính phủ trước ngày "
     "15 tháng 12.\n",
     [(["các bộ, ngành, địa phương"], ["Bộ Công an", "Văn phòng Chính phủ"], None, False, "12-15", "recurring")],
     "Bộ Công an"),
    ("ttg-undated-chain", TTG + "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Công an chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2. Hằng năm, các bộ, ngành và Ủy ban nhân dân các tỉnh báo cáo kết quả thực hiện về Bộ Công an tổng hợp, báo cáo Thủ "
     "tướng Chính phủ.\n", [], "Bộ Công an"),
    # --- a national steering committee's plan ---
    ("bcd-members-standing", BCD + "II. TỔ CHỨC THỰC HIỆN\n"
     "1. Các bộ, ngành thành viên Ban Chỉ đạo báo cáo kết quả thực hiện nhiệm vụ được phân công về Cơ quan thường trực Ban "
     "Chỉ đạo (Bộ Y tế) trước ngày 10/6 và 10/12 hằng năm.\n",
     [(["Các bộ, ngành thành viên Ban Chỉ đạo"], ["Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)"], None, False, "06-10",
       "recurring"),
      (["Các bộ, ngành thành viên Ban Chỉ đạo"], ["Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)"], None, False, "12-10",
       "recurring")], FOCAL_ANY),
    ("bcd-standing-compiles", BCD + "II. TỔ CHỨC THỰC HIỆN\n"
     "1. Bộ Y tế (Cơ quan thường trực Ban Chỉ đạo) tổng hợp, báo cáo Trưởng Ban Chỉ đạo trước ngày 20/12 hằng năm.\n",
     [(["Bộ Y tế"], ["Trưởng Ban Chỉ đạo"], None, True, "12-20", "recurring")], "Bộ Y tế"),
    # --- second batch (written after the first run): labelled regimes, channels that are no body, tables ---
    ("tinh-regime-bullets", TINH + ORG + TASK + "2. Chế độ báo cáo\nCác sở, ban, ngành, Ủy ban nhân dân các xã, phường "
     "gửi báo cáo về Sở Y tế để tổng hợp, cụ thể:\n- Báo cáo 6 tháng: trước ngày 10/6 hằng năm;\n"
     "- Báo cáo năm: trước ngày 10/12 hằng năm.\n",
     [(CT, ["Sở Y tế"], None, False, "06-10", "recurring"), (CT, ["Sở Y tế"], None, False, "12-10", "recurring")],
     "Sở Y tế"),
    ("tinh-report-by-software", BO + ORG + "1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2. Sở Y tế các tỉnh, thành phố định kỳ hằng năm báo cáo kết quả thực hiện, gửi về Bộ Y tế thông qua Hệ thống thông "
     "tin báo cáo của Bộ trước ngày 15/12.\n",
     [(["Sở Y tế các tỉnh, thành phố"], ["Bộ Y tế"], None, False, "12-15", "recurring")], FOCAL_ANY),
    ("tinh-latest-until", TINH + ORG + TASK +
     "2. Các sở, ban, ngành gửi báo cáo kết quả thực hiện về Sở Nội vụ chậm nhất đến ngày 30/11/2025.\n",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "11-30", "once")], FOCAL_ANY),
    ("tinh-two-reports-named-after", TINH + ORG + TASK +
     "2. Các sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước ngày 25/6/2025 (báo cáo 6 tháng) và trước ngày 25/11/2025 "
     "(báo cáo năm).\n",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "06-25", "once"),
      (["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "11-25", "once")], FOCAL_ANY),
    ("tinh-compile-first-then-units", TINH + ORG + TASK +
     "2. Sở Tài chính là cơ quan đầu mối, theo dõi, đôn đốc, tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12 hằng "
     "năm. Các sở, ngành, địa phương báo cáo kết quả về Sở Tài chính trước ngày 10/12 hằng năm.\n",
     [(["Sở Tài chính"], ["Ủy ban nhân dân tỉnh"], None, True, "12-20", "recurring"),
      (["Các sở, ngành, địa phương"], ["Sở Tài chính"], None, False, "12-10", "recurring")], "Sở Tài chính"),
    ("tinh-data-cutoff", TINH + ORG + TASK +
     "2. Các sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước ngày 05/12 hằng năm; số liệu báo cáo tính đến ngày 30/11.\n",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-05", "recurring")], FOCAL_ANY),
    ("ttg-article-report", TTG.replace(
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n",
        "Điều 2. Bộ Công an chủ trì theo dõi, đôn đốc, tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện trước ngày "
        "20/12 hằng năm. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n") +
     "III. TỔ CHỨC THỰC HIỆN\n1. Các bộ, ngành, địa phương triển khai thực hiện Kế hoạch.\n",
     [(["Bộ Công an"], ["Thủ tướng Chính phủ"], None, True, "12-20", "recurring")], "Bộ Công an"),
    ("bo-annex-report-row", BO + ORG + "1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |\n"
     "|---|---|---|---|---|\n| 1 | Sửa đổi Thông tư hướng dẫn giám sát bệnh truyền nhiễm | Vụ Pháp chế | Cục Y tế dự phòng "
     "| Quý IV/2025 |\n| 2 | Tổng hợp, báo cáo Bộ trưởng kết quả thực hiện Kế hoạch | Cục Y tế dự phòng | Các đơn vị "
     "thuộc Bộ | Trước ngày 15/12/2025 |\n",
     [(["Cục Y tế dự phòng"], ["Bộ trưởng"], None, True, "12-15", "once")], "Cục Y tế dự phòng"),
    ("bo-annex-content-row", BO + ORG + "1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |\n"
     "|---|---|---|---|---|\n| 1 | Xây dựng báo cáo đánh giá gánh nặng bệnh tật | Viện Vệ sinh dịch tễ Trung ương | Cục "
     "Y tế dự phòng | Trước ngày 30/9/2025 |\n", [], FOCAL_ANY),
    # --- third batch (written after the second was fixed): lists of dates, labelled blocks, markdown, chains via ---
    ("tinh-quarter-and-year", TINH + ORG + TASK +
     "2. Các sở, ngành báo cáo định kỳ hằng quý (trước ngày 20 của tháng cuối quý) và hằng năm (trước ngày 15/12) về Sở "
     "Tài chính.\n",
     [(["Các sở, ngành"], ["Sở Tài chính"], None, False, "03-20", "recurring"),
      (["Các sở, ngành"], ["Sở Tài chính"], None, False, "12-15", "recurring")], FOCAL_ANY),
    ("tinh-comma-dates", TINH + ORG + TASK +
     "2. Các sở, ban, ngành báo cáo kết quả về Sở Kế hoạch và Đầu tư trước ngày 10/6, 10/12 hằng năm.\n",
     [(["Các sở, ban, ngành"], ["Sở Kế hoạch và Đầu tư"], None, False, "06-10", "recurring"),
      (["Các sở, ban, ngành"], ["Sở Kế hoạch và Đầu tư"], None, False, "12-10", "recurring")], FOCAL_ANY),
    ("tinh-monthly-then-periods-no-brackets", TINH + ORG + TASK +
     "2. Các sở, ngành báo cáo Sở Công Thương hằng tháng trước ngày 25, báo cáo 6 tháng trước ngày 25/6 và báo cáo năm "
     "trước ngày 25/11.\n",
     [(["Các sở, ngành"], ["Sở Công Thương"], None, False, "06-25", "recurring"),
      (["Các sở, ngành"], ["Sở Công Thương"], None, False, "11-25", "recurring")], FOCAL_ANY),
    ("tinh-labelled-block", TINH + "II. NHIỆM VỤ\n" + TASK +
     "2. Báo cáo kết quả thực hiện\n- Cơ quan thực hiện: Các sở, ban, ngành; Ủy ban nhân dân các xã, phường.\n"
     "- Nội dung: Báo cáo kết quả thực hiện Kế hoạch gửi Sở Nội vụ để tổng hợp.\n- Thời gian: Trước ngày 10/12 hằng năm.\n",
     [(CT, ["Sở Nội vụ"], None, False, "12-10", "recurring")], FOCAL_ANY),
    ("tinh-markdown-bold", TINH + ORG + TASK +
     "2. Các sở, ban, ngành định kỳ **trước ngày 10/12 hằng năm** báo cáo kết quả thực hiện về **Sở Nội vụ** để tổng "
     "hợp.\n",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-10", "recurring")], FOCAL_ANY),
    ("tinh-via-no-bracket", TINH + ORG + TASK +
     "2. Ủy ban nhân dân các xã, phường báo cáo kết quả về Ủy ban nhân dân tỉnh qua Sở Y tế trước ngày 15/12 hằng năm.\n",
     [(["Ủy ban nhân dân các xã, phường"], ["Ủy ban nhân dân tỉnh"], "qua Sở Y tế", False, "12-15", "recurring")],
     "Sở Y tế"),
    ("tinh-via-standing-role", TINH + ORG + TASK +
     "2. Các sở, ban, ngành báo cáo Ban Chỉ đạo tỉnh (qua Sở Y tế - Cơ quan thường trực Ban Chỉ đạo) trước ngày 15/12 "
     "hằng năm.\n",
     [(["Các sở, ban, ngành"], ["Ban Chỉ đạo tỉnh"], "qua Sở Y tế - Cơ quan thường trực Ban Chỉ đạo", False, "12-15",
       "recurring")], "Sở Y tế"),
    ("tinh-email-channel", TINH + ORG + TASK +
     "2. Các sở, ban, ngành gửi báo cáo về Sở Nội vụ (bản điện tử qua địa chỉ thư điện tử snv@hatinh.gov.vn) trước ngày "
     "05/12/2025.\n",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-05", "once")], FOCAL_ANY),
    ("tinh-year-report-next-january", TINH + ORG + TASK +
     "2. Các sở, ngành gửi báo cáo năm về Sở Nội vụ trước ngày 15/01 năm sau.\n",
     [(["Các sở, ngành"], ["Sở Nội vụ"], None, False, "01-15", "recurring")], FOCAL_ANY),
    ("tinh-leading-date-issuing", TINH + ORG + TASK +
     "2. Chậm nhất ngày 30/4/2025, các sở, ngành, Ủy ban nhân dân các xã, phường ban hành kế hoạch thực hiện và gửi về Sở "
     "Nội vụ để theo dõi.\n", [], FOCAL_ANY),
    ("tinh-issue-then-report", TINH + ORG + TASK +
     "2. Các sở, ngành ban hành kế hoạch thực hiện trước ngày 30/4/2025 và gửi kết quả thực hiện về Sở Nội vụ trước ngày "
     "10/12/2025.\n",
     [(["Các sở, ngành"], ["Sở Nội vụ"], None, False, "12-10", "once")], FOCAL_ANY),
    ("tinh-event-date", TINH + ORG + TASK +
     "2. Sở Nội vụ tổ chức Hội nghị tổng kết trước ngày 15/12/2025; chuẩn bị báo cáo tổng kết trình Ủy ban nhân dân tỉnh.\n",
     [], FOCAL_ANY),
    ("xa-done-sentence-next", XA + "II. NHIỆM VỤ\n"
     "1. Trưởng các thôn rà soát, lập danh sách hộ có nhu cầu hỗ trợ nhà ở gửi Ủy ban nhân dân xã. Hoàn thành trước ngày "
     "30/6/2025.\n",
     [(["Trưởng các thôn"], ["Ủy ban nhân dân xã"], None, False, "06-30", "once")], FOCAL_ANY),
    ("xa-chain-via-officer", XA + ORG +
     "1. Các ban, ngành, đoàn thể gửi báo cáo về Ủy ban nhân dân xã (qua công chức Văn hóa - Xã hội) trước ngày 05/12 "
     "hằng năm để tổng hợp, báo cáo Ủy ban nhân dân huyện trước ngày 10/12 hằng năm.\n",
     [(["Các ban, ngành, đoàn thể"], ["Ủy ban nhân dân xã"], "qua công chức Văn hóa - Xã hội", False, "12-05",
       "recurring"),
      (["công chức Văn hóa - Xã hội"], ["Ủy ban nhân dân huyện"], None, True, "12-10", "recurring")],
     "công chức Văn hóa - Xã hội"),
    ("bo-two-receivers-and", BO + ORG + "1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2. Cục Y tế dự phòng tổng hợp, báo cáo Bộ trưởng và Ban Chỉ đạo quốc gia trước ngày 30/11/2025.\n",
     [(["Cục Y tế dự phòng"], ["Bộ trưởng", "Ban Chỉ đạo quốc gia"], None, True, "11-30", "once")], "Cục Y tế dự phòng"),
    ("ttg-quarter-office", TTG + "III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện.\n"
     "2. Các bộ, cơ quan ngang bộ gửi báo cáo tình hình thực hiện về Văn phòng Chính phủ trước ngày 25 tháng cuối quý để "
     "tổng hợp, báo cáo Thủ tướng Chính phủ.\n",
     [(["Các bộ, cơ quan ngang bộ"], ["Văn phòng Chính phủ"], None, False, "06-25", "recurring")], FOCAL_ANY),
    ("ttg-date-first-one-off", TTG + "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Công an chủ trì theo dõi, đôn đốc việc thực hiện.\n"
     "2. Trước ngày 10 tháng 12 năm 2025, các bộ, cơ quan ngang bộ gửi báo cáo sơ kết về Bộ Công an.\n",
     [(["các bộ, cơ quan ngang bộ"], ["Bộ Công an"], None, False, "12-10", "once")], FOCAL_ANY),
    # --- fourth batch: periods inside one bracket, a time of day, a period named after its date ---
    ("bo-periods-in-bracket", BO + ORG + "1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2. Các đơn vị thuộc Bộ báo cáo kết quả thực hiện (6 tháng trước ngày 15/6, năm trước ngày 15/11) về Vụ Pháp chế để "
     "tổng hợp, báo cáo Bộ trưởng.\n",
     [(["Các đơn vị thuộc Bộ"], ["Vụ Pháp chế"], None, False, "06-15", "recurring"),
      (["Các đơn vị thuộc Bộ"], ["Vụ Pháp chế"], None, False, "11-15", "recurring")], FOCAL_ANY),
    ("tinh-time-of-day", TINH + ORG + TASK +
     "2. Các sở, ban, ngành gửi báo cáo về Sở Nội vụ trước 16 giờ 00 ngày 30/11/2025.\n",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "11-30", "once")], FOCAL_ANY),
    ("bcd-period-named-after", BCD + "II. TỔ CHỨC THỰC HIỆN\n"
     "1. Các bộ, ngành thành viên Ban Chỉ đạo gửi báo cáo về Bộ Y tế trước ngày 20/6 (báo cáo 6 tháng) và 20/12 (báo cáo "
     "năm) hằng năm.\n",
     [(["Các bộ, ngành thành viên Ban Chỉ đạo"], ["Bộ Y tế"], None, False, "06-20", "recurring"),
      (["Các bộ, ngành thành viên Ban Chỉ đạo"], ["Bộ Y tế"], None, False, "12-20", "recurring")], FOCAL_ANY),
]

LAYOUTS = ("lines", "flat")


def _text(text: str, layout: str) -> str:
    return " ".join(text.split()) if layout == "flat" else text


def _reports(plan: dict[str, Any]) -> list[Report]:
    return [(r["from"], r["to"], r.get("via"), bool(r.get("compiles")), (r["timing"].get("due") or "")[5:10],
             r["timing"].get("kind")) for r in plan["reports"]]


@pytest.mark.parametrize(("text", "layout", "expected", "focal"), [
    pytest.param(t, lay, e, f, id=f"{i}-{lay}",
                 marks=[pytest.mark.xfail(reason=XFAIL[(i, lay)], strict=True)] if (i, lay) in XFAIL else [])
    for i, t, e, f in PROBES for lay in LAYOUTS])
def test_report_probe(text: str, layout: str, expected: list[Report], focal: str) -> None:
    plan = parse_text(_text(text, layout), source="probe.md", year=2025)
    assert _reports(plan) == expected
    if focal != FOCAL_ANY:
        assert (plan["focal"] or {}).get("name") == focal


def test_a_report_row_dated_by_a_month_only_is_none() -> None:
    text = (BO + ORG + "1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
            "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
            "| 1 | Tổng hợp, báo cáo Bộ trưởng kết quả thực hiện Kế hoạch | Cục Y tế dự phòng | Tháng 12/2025 |\n")
    assert parse_text(text, source="probe.md", year=2025)["reports"] == []


def test_a_day_and_month_in_words_after_truoc_is_the_due_day() -> None:
    # 'trước 15 tháng 6 năm 2026' (no 'ngày'): 15 June, not the end of June; for tasks as for reports
    got = parse_timing("hoàn thành trước 15 tháng 6 năm 2026", plan_year=2025, issued_on=None)
    assert (got["kind"], got["due"]) == ("once", "2026-06-15")


@pytest.mark.parametrize(("clause", "expected"), [
    ("báo cáo Ủy ban nhân dân tỉnh (qua Sở Y tế) kết quả thực hiện", ["Ủy ban nhân dân tỉnh"]),
    ("gửi kết quả rà soát về Bộ Tư pháp trước ngày 30/9/2025", ["Bộ Tư pháp"]),
    ("tổng hợp, báo cáo Bộ Nội vụ, Ủy ban nhân dân tỉnh trước ngày 30/11/2025", ["Bộ Nội vụ", "Ủy ban nhân dân tỉnh"]),
    ("báo cáo kết quả về Sở Văn hóa, Thể thao và Du lịch trước ngày 25/11", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("báo cáo Lãnh đạo Sở và gửi Ủy ban nhân dân tỉnh theo quy định", ["Lãnh đạo Sở"]),
    ("báo cáo Thủ tướng Chính phủ kết quả thực hiện", ["Thủ tướng Chính phủ"]),
    ("gửi về Bộ Y tế thông qua Hệ thống thông tin báo cáo trước ngày 15/12", ["Bộ Y tế"]),
    ("báo cáo Hội đồng nhân dân tỉnh tại kỳ họp cuối năm", ["Hội đồng nhân dân tỉnh"]),
    ("báo cáo về Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế) trước ngày 10/6", ["Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)"]),
    ("xây dựng báo cáo đánh giá tác động môi trường", []),
])
def test_receivers(clause: str, expected: list[str]) -> None:
    assert receivers(clause, report_verb_at(clause.lower())) == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("báo cáo Ủy ban nhân dân tỉnh (qua Sở Nông nghiệp và Môi trường) về tình hình", "qua Sở Nông nghiệp và Môi trường"),
    ("gửi về Ủy ban nhân dân tỉnh qua Sở Y tế trước ngày 15/12 hằng năm", "qua Sở Y tế"),
    ("gửi về Bộ Y tế thông qua Hệ thống thông tin báo cáo của Bộ", None),
    ("gửi về Sở Nội vụ (bản điện tử qua địa chỉ thư điện tử snv@hatinh.gov.vn)", None),
    ("gửi về Ủy ban nhân dân tỉnh (Qua Phòng Cảnh sát điều tra tội phạm về ma túy, Công an tỉnh, địa chỉ: Số 79A)",
     "Qua Phòng Cảnh sát điều tra tội phạm về ma túy, Công an tỉnh"),
])
def test_via(clause: str, expected: str | None) -> None:
    assert via_of(clause) == expected


def test_role_brackets_and_made_reports() -> None:
    assert role_free("Bộ Y tế (Cơ quan thường trực Ban Chỉ đạo)") == "Bộ Y tế"
    assert role_free("Sở Y tế - Cơ quan thường trực Ban Chỉ đạo") == "Sở Y tế"
    assert role_free("Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)") == "Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)"
    assert made_report("xây dựng báo cáo đánh giá tác động môi trường")
    assert not made_report("lập báo cáo kết quả thực hiện gửi sở nội vụ")
