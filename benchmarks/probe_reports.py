"""Probe reporting obligations in the many ways plans write them, each in several positions (a 'Chế độ báo cáo'
section, the last bullet of a body's duties, a task table's row, a sentence followed by a 'Thời gian báo cáo:' label
line, a closing paragraph of IV. TỔ CHỨC THỰC HIỆN); print the failures by class, then how well the reports'
`confidence` tells the right ones from the wrong ones.

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/probe_reports.py [--verbose] [--flat] [--pasted] [case ...]

Every sentence is made up from knowledge of the genre (no labelled plan is copied); the expected reports follow the
gold conventions (../shared/seeds/gold/README.md and the gold files' notes): a report needs a day and a month
('hằng tháng' with no month gives none; 'trước ngày 15 của tháng cuối quý' gives the first quarter's end after the
issue date); '(để) tổng hợp, báo cáo X' gives the receiver's own report only with a date of its own; a plan, a budget
estimate or a draft sent up, a report that is the product of a task and a conditional or ad-hoc report give none.
An expected report is (from, to, via, compiles, month-day, kind); from = None: not checked (a sentence naming no
sender). `--flat`: each text with its line breaks lost as well; `--pasted`: as a law-library page's copy gives it
(wrapped at 78 columns, a table's cells joined by spaces, every paragraph break lost; benchmarks/_paste.py).
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass
from typing import Any

from _paste import flat, pasted

from dondoc.plans import parse_text

_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
HEADS = {
    # issued on 20/4/2025: a quarterly deadline first falls in June, a yearly one on its day of 2025
    "tinh": ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\n-------\n" + _NATION + "Số: 88/KH-UBND\nQuảng Bình, ngày 20 tháng 4 năm "
             "2025\nKẾ HOẠCH\nThực hiện Chương trình chuyển đổi số năm 2025\n"
             "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nTriển khai đồng bộ, hiệu quả các nhiệm vụ chuyển đổi số.\n"),
    "xa": ("ỦY BAN NHÂN DÂN\nXÃ QUẢNG PHÚ\n-------\n" + _NATION + "Số: 15/KH-UBND\nQuảng Phú, ngày 20 tháng 4 năm 2025\n"
           "KẾ HOẠCH\nThực hiện công tác giảm nghèo bền vững năm 2025\n"
           "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nThực hiện có hiệu quả công tác giảm nghèo trên địa bàn xã.\n"),
    "so": ("UBND TỈNH QUẢNG BÌNH\nSỞ NỘI VỤ\n-------\n" + _NATION + "Số: 35/KH-SNV\nQuảng Bình, ngày 20 tháng 4 năm 2025\n"
           "KẾ HOẠCH\nCải cách hành chính năm 2025 của Sở Nội vụ\n"
           "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng công tác cải cách hành chính.\n"),
    "bo": ("BỘ NỘI VỤ\n-------\n" + _NATION + "Số: 410/KH-BNV\nHà Nội, ngày 20 tháng 4 năm 2025\nKẾ HOẠCH\n"
           "Triển khai thi hành Luật Cán bộ, công chức\n"
           "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nBảo đảm Luật được thi hành thống nhất, hiệu quả.\n"),
}
TASKS = "II. NHIỆM VỤ\n1. Tổ chức tuyên truyền, phổ biến Kế hoạch đến cán bộ, công chức và Nhân dân.\n"
ORG = "III. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ tổ chức triển khai thực hiện Kế hoạch.\n"
CLOSE = ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về Ủy ban nhân dân "
         "để xem xét, giải quyết./.\n")
FOOT = "Nơi nhận:\n- Như mục III;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"

Rep = tuple[list[str] | None, list[str], str | None, bool, str, str]


@dataclass
class Case:
    name: str
    cls: str  # the class of writing the case probes
    head: str
    subj: str  # the sender as written at the start of the sentence ('' when the sentence names none)
    rest: str  # the sentence after the sender (its report verb, receiver, date)
    want: list[Rep]
    cell: tuple[str, str] | None = None  # the sentence as a table row / a label line: (task without date, time)
    skip: tuple[str, ...] = ()
    focal: str | None = None  # the plan's focal body the case names (None: not checked)
    note: str = ""  # why the expected reports are what they are, where the gold conventions leave a choice
    raw: str | None = None  # a layout of its own (a table, label lines): the reporting section's text, that position only


CT = ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]
C3 = ["Các sở, ngành", "UBND các xã"]

CASES: list[Case] = [
    # --- chains: units to a focal body, which compiles for the level above ---
    Case("chain-one-sentence", "chain", "tinh", "Các sở, ngành, UBND các xã",
         "báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 10/12 hằng năm để tổng hợp, báo cáo UBND tỉnh trước ngày "
         "20/12.",
         [(C3, ["Sở Khoa học và Công nghệ"], None, False, "12-10", "recurring"),
          (["Sở Khoa học và Công nghệ"], ["UBND tỉnh"], None, True, "12-20", "recurring")], focal="Sở Khoa học và Công nghệ"),
    Case("chain-via-officer", "chain", "xa", "Các ban, ngành, đoàn thể xã",
         "gửi báo cáo về Ủy ban nhân dân xã (qua công chức Lao động - Thương binh và Xã hội) trước ngày 05/12 hằng năm để "
         "tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.",
         [(["Các ban, ngành, đoàn thể xã"], ["Ủy ban nhân dân xã"], "qua công chức Lao động - Thương binh và Xã hội", False,
           "12-05", "recurring"),
          (["công chức Lao động - Thương binh và Xã hội"], ["Ủy ban nhân dân tỉnh"], None, True, "12-15", "recurring")], focal="công chức Lao động - Thương binh và Xã hội"),
    Case("chain-ministry", "chain", "bo", "Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung "
         "ương", "báo cáo kết quả thực hiện về Bộ Nội vụ trước ngày 15/11 hằng năm để tổng hợp, báo cáo Thủ tướng Chính phủ "
         "trước ngày 15/12 hằng năm.",
         [(["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], ["Bộ Nội vụ"], None,
           False, "11-15", "recurring"),
          (["Bộ Nội vụ"], ["Thủ tướng Chính phủ"], None, True, "12-15", "recurring")]),
    Case("chain-years", "chain", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo sơ kết về Sở Nội vụ trước ngày 25/11/2025 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày "
         "05/12/2025.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "11-25", "once"),
          (["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "12-05", "once")], focal="Sở Nội vụ"),
    Case("chain-purpose-undated", "chain", "tinh", "Ủy ban nhân dân các xã, phường",
         "báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường trước ngày 20/11 hằng năm để tổng hợp, báo cáo Ủy ban "
         "nhân dân tỉnh.",
         [(["Ủy ban nhân dân các xã, phường"], ["Sở Nông nghiệp và Môi trường"], None, False, "11-20", "recurring")],
         cell=("Báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường để tổng hợp, báo cáo Ủy ban nhân dân tỉnh",
               "Trước ngày 20/11 hằng năm"), focal="Sở Nông nghiệp và Môi trường"),
    # --- the focal body's consolidated report ---
    Case("compile-focal", "compile", "tinh", "Sở Khoa học và Công nghệ",
         "là cơ quan đầu mối, theo dõi, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân "
         "tỉnh trước ngày 20/12 hằng năm.",
         [(["Sở Khoa học và Công nghệ"], ["Ủy ban nhân dân tỉnh"], None, True, "12-20", "recurring")],
         cell=("Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện Kế hoạch", "Trước ngày 20/12 hằng năm"), focal="Sở Khoa học và Công nghệ"),
    Case("compile-date-first", "compile", "tinh", "Sở Nội vụ",
         "trước ngày 15/12 hằng năm tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh và Bộ Nội vụ.",
         [(["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh", "Bộ Nội vụ"], None, True, "12-15", "recurring")], focal="Sở Nội vụ"),
    Case("compile-advise", "compile", "tinh", "Sở Tài chính",
         "tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Tài chính kết quả thực hiện trước ngày 25/12 hằng năm.",
         [(["Sở Tài chính"], ["Bộ Tài chính"], None, True, "12-25", "recurring")], focal="Sở Tài chính"),
    Case("compile-pm-once", "compile", "bo", "Vụ Công chức - Viên chức",
         "chủ trì, phối hợp với các đơn vị thuộc Bộ tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 31/12/2026.",
         [(["Vụ Công chức - Viên chức"], ["Thủ tướng Chính phủ"], None, True, "12-31", "once")],
         cell=("Tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thi hành Luật", "Trước ngày 31/12/2026")),
    Case("report-pm-once", "once", "bo", "Bộ Nội vụ",
         "báo cáo Thủ tướng Chính phủ kết quả thi hành Luật trước ngày 31/12/2026.",
         [(["Bộ Nội vụ"], ["Thủ tướng Chính phủ"], None, False, "12-31", "once")],
         cell=("Báo cáo Thủ tướng Chính phủ kết quả thi hành Luật", "Trước ngày 31/12/2026")),
    # --- several periods ---
    Case("half-and-year", "periods", "tinh", "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường",
         "báo cáo định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) về Sở Khoa học và Công nghệ.",
         [(CT, ["Sở Khoa học và Công nghệ"], None, False, "06-15", "recurring"),
          (CT, ["Sở Khoa học và Công nghệ"], None, False, "12-15", "recurring")],
         cell=("Báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ",
               "Định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12)")),
    Case("half-and-year-lead", "periods", "tinh", "",
         "Định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12), các sở, ban, ngành báo cáo Ủy ban nhân dân "
         "tỉnh (qua Sở Khoa học và Công nghệ) kết quả thực hiện.",
         [(["các sở, ban, ngành"], ["Ủy ban nhân dân tỉnh"], "qua Sở Khoa học và Công nghệ", False, "06-15", "recurring"),
          (["các sở, ban, ngành"], ["Ủy ban nhân dân tỉnh"], "qua Sở Khoa học và Công nghệ", False, "12-15", "recurring")], focal="Sở Khoa học và Công nghệ"),
    Case("half-and-year-words", "periods", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo 6 tháng trước ngày 20 tháng 6 và báo cáo năm trước ngày 20 tháng 11 hằng năm về Sở Nội vụ.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "06-20", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "11-20", "recurring")]),
    Case("two-dates-one-rule", "periods", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15/6 và ngày 15/12 hằng năm.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "06-15", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-15", "recurring")]),
    Case("period-labels", "periods", "tinh", "Các sở, ban, ngành",
         "báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ): báo cáo 6 tháng trước ngày 10/6; báo cáo năm trước ngày 10/12.",
         [(["Các sở, ban, ngành"], ["Ủy ban nhân dân tỉnh"], "qua Sở Nội vụ", False, "06-10", "recurring"),
          (["Các sở, ban, ngành"], ["Ủy ban nhân dân tỉnh"], "qua Sở Nội vụ", False, "12-10", "recurring")], focal="Sở Nội vụ"),
    # --- quarterly: the first quarter's end after the issue date (20/4/2025 -> June) ---
    Case("quarter-last-month", "quarter", "tinh", "Các sở, ban, ngành",
         "báo cáo định kỳ hằng quý về Sở Tài chính trước ngày 15 của tháng cuối quý.",
         [(["Các sở, ban, ngành"], ["Sở Tài chính"], None, False, "06-15", "recurring")],
         cell=("Báo cáo định kỳ hằng quý về Sở Tài chính", "Trước ngày 15 của tháng cuối quý")),
    Case("quarter-bracket-and-year", "quarter", "tinh", "Ủy ban nhân dân các xã, phường",
         "báo cáo hằng quý (trước ngày 20 tháng cuối quý) và hằng năm (trước ngày 10/12) về Sở Nông nghiệp và Môi trường.",
         [(["Ủy ban nhân dân các xã, phường"], ["Sở Nông nghiệp và Môi trường"], None, False, "06-20", "recurring"),
          (["Ủy ban nhân dân các xã, phường"], ["Sở Nông nghiệp và Môi trường"], None, False, "12-10", "recurring")]),
    # --- via ---
    Case("via-bracket", "via", "tinh", "Các cơ quan, đơn vị",
         "gửi báo cáo về Sở Nội vụ (qua Phòng Cải cách hành chính) trước ngày 05/12 hằng năm.",
         [(["Các cơ quan, đơn vị"], ["Sở Nội vụ"], "qua Phòng Cải cách hành chính", False, "12-05", "recurring")],
         cell=("Gửi báo cáo về Sở Nội vụ (qua Phòng Cải cách hành chính)", "Trước ngày 05/12 hằng năm"), focal="Phòng Cải cách hành chính"),
    Case("via-ubnd", "via", "tinh", "Các sở, ban, ngành",
         "báo cáo Ủy ban nhân dân tỉnh (qua Sở Y tế) trước ngày 10 tháng 12 hằng năm.",
         [(["Các sở, ban, ngành"], ["Ủy ban nhân dân tỉnh"], "qua Sở Y tế", False, "12-10", "recurring")], focal="Sở Y tế"),
    Case("via-no-bracket", "via", "tinh", "Ủy ban nhân dân các xã, phường",
         "gửi báo cáo về Ủy ban nhân dân tỉnh qua Sở Xây dựng trước ngày 30/11 hằng năm.",
         [(["Ủy ban nhân dân các xã, phường"], ["Ủy ban nhân dân tỉnh"], "qua Sở Xây dựng", False, "11-30", "recurring")], focal="Sở Xây dựng"),
    Case("channel-not-via", "via", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo về Sở Nội vụ bằng văn bản và qua Hệ thống quản lý văn bản điều hành trước ngày 05/12/2025.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-05", "once")]),
    # --- ways of writing the date ---
    Case("words-date", "date", "tinh", "Các cơ quan, đơn vị",
         "báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15 tháng 12 hằng năm.",
         [(["Các cơ quan, đơn vị"], ["Sở Khoa học và Công nghệ"], None, False, "12-15", "recurring")],
         cell=("Báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ", "Trước ngày 15 tháng 12 hằng năm")),
    Case("words-date-year", "date", "tinh", "Sở Y tế",
         "tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả sơ kết trước ngày 15 tháng 6 năm 2026.",
         [(["Sở Y tế"], ["Ủy ban nhân dân tỉnh"], None, True, "06-15", "once")]),
    Case("latest-day", "date", "tinh", "Các cơ quan, đơn vị",
         "gửi báo cáo về Sở Giáo dục và Đào tạo chậm nhất ngày 10/12 hằng năm.",
         [(["Các cơ quan, đơn vị"], ["Sở Giáo dục và Đào tạo"], None, False, "12-10", "recurring")]),
    Case("date-first-words", "date", "tinh", "",
         "Trước ngày 10 tháng 12 hằng năm, các sở, ban, ngành gửi báo cáo kết quả thực hiện về Sở Nội vụ.",
         [(["các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-10", "recurring")]),
    Case("next-year", "date", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo năm về Sở Nội vụ trước ngày 15/01 năm sau.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "01-15", "recurring")]),
    Case("hang-nam-bracket", "date", "tinh", "Các sở, ban, ngành",
         "định kỳ hằng năm (trước ngày 25/11) báo cáo kết quả thực hiện về Sở Tư pháp.",
         [(["Các sở, ban, ngành"], ["Sở Tư pháp"], None, False, "11-25", "recurring")]),
    Case("hang-nam-spelling", "date", "xa", "Các thôn",
         "báo cáo kết quả thực hiện về Ủy ban nhân dân xã trước ngày 30/11 hàng năm.",
         [(["Các thôn"], ["Ủy ban nhân dân xã"], None, False, "11-30", "recurring")]),
    Case("time-of-day", "date", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo về Sở Nội vụ trước 16 giờ ngày 30/11/2025.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "11-30", "once")]),
    Case("data-cutoff", "date", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả về Sở Nội vụ trước ngày 05/12 hằng năm (số liệu tính đến ngày 30/11).",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-05", "recurring")]),
    Case("results-sent", "date", "tinh", "Các sở, ban, ngành",
         "rà soát thủ tục hành chính thuộc phạm vi quản lý, gửi kết quả rà soát về Sở Tư pháp trước ngày 30/9/2025.",
         [(["Các sở, ban, ngành"], ["Sở Tư pháp"], None, False, "09-30", "once")]),
    Case("via-ministry-unit", "via", "bo", "Các đơn vị thuộc Bộ",
         "gửi báo cáo kết quả thực hiện về Bộ (qua Vụ Tổ chức cán bộ) trước ngày 20/11 hằng năm để tổng hợp, báo cáo Bộ "
         "trưởng.",
         [(["Các đơn vị thuộc Bộ"], ["Bộ"], "qua Vụ Tổ chức cán bộ", False, "11-20", "recurring")],
         cell=("Gửi báo cáo kết quả thực hiện về Bộ (qua Vụ Tổ chức cán bộ)", "Trước ngày 20/11 hằng năm"),
         focal="Vụ Tổ chức cán bộ"),
    Case("via-officer-compiles", "via", "xa", "Công chức Văn hóa - Xã hội",
         "tham mưu Ủy ban nhân dân xã tổng hợp, báo cáo Ủy ban nhân dân tỉnh (qua Sở Y tế) trước ngày 05/12 hằng năm.",
         [(["Công chức Văn hóa - Xã hội"], ["Ủy ban nhân dân tỉnh"], "qua Sở Y tế", True, "12-05", "recurring")], focal="Công chức Văn hóa - Xã hội"),
    Case("via-and-also", "via", "tinh", "Các sở, ban, ngành",
         "báo cáo Ủy ban nhân dân tỉnh, đồng thời gửi Sở Nội vụ trước ngày 10/12 hằng năm để tổng hợp.",
         [(["Các sở, ban, ngành"], ["Ủy ban nhân dân tỉnh"], None, False, "12-10", "recurring")]),
    # --- receivers ---
    Case("to-party", "receiver", "xa", "Ủy ban nhân dân xã",
         "báo cáo kết quả thực hiện về Ban Thường vụ Đảng ủy xã và Ủy ban nhân dân tỉnh trước ngày 15/11 hằng năm.",
         [(["Ủy ban nhân dân xã"], ["Ban Thường vụ Đảng ủy xã", "Ủy ban nhân dân tỉnh"], None, False, "11-15",
           "recurring")]),
    Case("to-steering", "receiver", "tinh", "Các cơ quan, đơn vị",
         "báo cáo Ban Chỉ đạo chuyển đổi số tỉnh (qua Sở Khoa học và Công nghệ - Cơ quan thường trực) trước ngày 30/11 "
         "hằng năm.",
         [(["Các cơ quan, đơn vị"], ["Ban Chỉ đạo chuyển đổi số tỉnh"], "qua Sở Khoa học và Công nghệ - Cơ quan thường trực",
           False, "11-30", "recurring")], focal="Sở Khoa học và Công nghệ"),
    Case("to-chairman", "receiver", "tinh", "Sở Nội vụ",
         "tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh trước ngày 25/12/2025.",
         [(["Sở Nội vụ"], ["Chủ tịch Ủy ban nhân dân tỉnh"], None, True, "12-25", "once")], focal="Sở Nội vụ"),
    Case("to-cho", "receiver", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo tình hình thực hiện cho Sở Tư pháp trước ngày 15/11 hằng năm.",
         [(["Các sở, ban, ngành"], ["Sở Tư pháp"], None, False, "11-15", "recurring")]),
    Case("giao-compiles", "compile", "tinh", "",
         "Giao Sở Nội vụ chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh "
         "trước ngày 20/12 hằng năm.",
         [(["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "12-20", "recurring")], focal="Sở Nội vụ"),
    Case("request-front", "receiver", "tinh", "",
         "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh gửi báo cáo kết quả phối hợp thực hiện về Sở Nội vụ trước ngày "
         "10/12 hằng năm.",
         [(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], ["Sở Nội vụ"], None, False, "12-10", "recurring")]),
    Case("collective-compiles", "compile", "tinh", "Ủy ban nhân dân các xã, phường",
         "tổng hợp kết quả trên địa bàn, báo cáo Sở Y tế trước ngày 30/11 hằng năm.",
         [(["Ủy ban nhân dân các xã, phường"], ["Sở Y tế"], None, False, "11-30", "recurring")]),
    # --- more dates ---
    Case("no-ngay", "date", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả về Sở Nội vụ trước 15/12 hằng năm.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-15", "recurring")]),
    Case("dash-date", "date", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả về Sở Nội vụ trước ngày 15-12-2025.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-15", "once")]),
    Case("deadline-word", "date", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo về Sở Nội vụ, hạn chót ngày 05/12/2025.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-05", "once")]),
    Case("on-day-yearly", "date", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo năm về Sở Nội vụ vào ngày 05 tháng 12 hằng năm.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-05", "recurring")]),
    Case("quarters-written-out", "quarter", "tinh", "Các sở, ban, ngành",
         "báo cáo hằng quý về Sở Y tế trước ngày 15/3, 15/6, 15/9 và báo cáo năm trước ngày 25/11.",
         [(["Các sở, ban, ngành"], ["Sở Y tế"], None, False, "03-15", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Y tế"], None, False, "06-15", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Y tế"], None, False, "09-15", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Y tế"], None, False, "11-25", "recurring")]),
    Case("midterm-final", "periods", "tinh", "Sở Nội vụ",
         "tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả sơ kết giữa kỳ trước ngày 30/6/2027 và tổng kết trước ngày "
         "30/11/2030.",
         [(["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "06-30", "once"),
          (["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "11-30", "once")]),
    Case("first-half-whole-year", "periods", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả 6 tháng đầu năm (trước ngày 20/6) và cả năm (trước ngày 20/12) về Sở Tài chính.",
         [(["Các sở, ban, ngành"], ["Sở Tài chính"], None, False, "06-20", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Tài chính"], None, False, "12-20", "recurring")]),
    Case("monthly-and-year", "periods", "tinh", "Các sở, ban, ngành",
         "báo cáo tiến độ về Sở Công Thương trước ngày 25 hằng tháng và báo cáo năm trước ngày 25/11.",
         [(["Các sở, ban, ngành"], ["Sở Công Thương"], None, False, "11-25", "recurring")]),
    Case("or-ad-hoc", "date", "tinh", "",
         "Định kỳ trước ngày 10/12 hằng năm hoặc đột xuất theo yêu cầu, các cơ quan, đơn vị báo cáo kết quả thực hiện về "
         "Sở Nội vụ.",
         [(["các cơ quan, đơn vị"], ["Sở Nội vụ"], None, False, "12-10", "recurring")]),
    Case("regime-label-no-sender", "regime", "tinh", "",
         "Chế độ báo cáo: Báo cáo định kỳ 6 tháng gửi trước ngày 20/6, báo cáo năm gửi trước ngày 20/12 về Sở Nội vụ.",
         [(None, ["Sở Nội vụ"], None, False, "06-20", "recurring"),
          (None, ["Sở Nội vụ"], None, False, "12-20", "recurring")]),
    Case("deadline-label-sentence", "regime", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp. Thời hạn gửi báo cáo: trước ngày 10/12 hằng năm.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-10", "recurring")]),
    Case("regime-label-in-duty", "regime", "tinh", "Các sở, ban, ngành",
         "chế độ báo cáo: định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) gửi báo cáo về Sở Nội vụ.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "06-15", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-15", "recurring")], skip=("regime", "prose")),
    Case("period-bullets", "regime", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo kết quả thực hiện về Sở Nội vụ, cụ thể:\n- Báo cáo 6 tháng: trước ngày 10/6.\n- Báo cáo năm: trước "
         "ngày 10/12.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "06-10", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-10", "recurring")], skip=("prose",)),
    Case("village-via-officer", "via", "xa", "Trưởng các thôn",
         "báo cáo kết quả về Ủy ban nhân dân xã (qua công chức Văn hóa - Xã hội) trước ngày 25/11 hằng năm.",
         [(["Trưởng các thôn"], ["Ủy ban nhân dân xã"], "qua công chức Văn hóa - Xã hội", False, "11-25", "recurring")],
         focal="công chức Văn hóa - Xã hội"),
    Case("yearly-comma-date-first", "date", "xa", "",
         "Hằng năm, trước ngày 30/11, Ủy ban nhân dân các thôn báo cáo kết quả thực hiện về Ủy ban nhân dân xã.",
         [(["Ủy ban nhân dân các thôn"], ["Ủy ban nhân dân xã"], None, False, "11-30", "recurring")]),
    Case("label-words", "date", "tinh", "Các cơ quan, đơn vị",
         "báo cáo kết quả thực hiện về Sở Nội vụ. Thời gian gửi báo cáo: trước ngày 10 tháng 12 hằng năm.",
         [(["Các cơ quan, đơn vị"], ["Sở Nội vụ"], None, False, "12-10", "recurring")]),
    Case("merged-in-yearly", "date", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả thực hiện Kế hoạch (lồng ghép trong báo cáo công tác năm) gửi Sở Nội vụ trước ngày 05/12 hằng "
         "năm.", [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-05", "recurring")]),
    Case("paper-and-email", "via", "tinh", "Các cơ quan, đơn vị",
         "gửi báo cáo (bản giấy và bản điện tử) về Sở Tư pháp trước ngày 20/11 hằng năm.",
         [(["Các cơ quan, đơn vị"], ["Sở Tư pháp"], None, False, "11-20", "recurring")]),
    Case("words-with-year", "date", "tinh", "Sở Nội vụ",
         "tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 05 tháng 12 năm 2025.",
         [(["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "12-05", "once")]),
    Case("responsible-compiles", "compile", "tinh", "Sở Nội vụ",
         "có trách nhiệm theo dõi, tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12 hằng năm.",
         [(["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "12-20", "recurring")], focal="Sở Nội vụ"),
    Case("period-after-date", "periods", "tinh", "Các sở, ban, ngành",
         "định kỳ trước ngày 15/6 (báo cáo 6 tháng) và trước ngày 15/12 (báo cáo năm) gửi báo cáo về Sở Nội vụ.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "06-15", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-15", "recurring")]),
    Case("latest-on", "date", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo về Sở Nội vụ chậm nhất vào ngày 10/12 hằng năm.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-10", "recurring")]),
    Case("words-two-months", "periods", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả về Sở Nội vụ (trước ngày 15 tháng 6 và ngày 15 tháng 12 hằng năm).",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "06-15", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-15", "recurring")]),
    Case("first-year-then-yearly", "date", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 10/12 hằng năm, kèm theo số liệu theo biểu mẫu.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-10", "recurring")]),
    Case("commune-officer-compiles", "compile", "xa", "Công chức Văn hóa - Xã hội",
         "là đầu mối theo dõi, tổng hợp kết quả thực hiện của các thôn, báo cáo Ủy ban nhân dân xã trước ngày 05/12 hằng "
         "năm.", [(["Công chức Văn hóa - Xã hội"], ["Ủy ban nhân dân xã"], None, True, "12-05", "recurring")],
         focal="Công chức Văn hóa - Xã hội"),
    Case("to-task-force", "receiver", "tinh", "Các thành viên Tổ công tác",
         "báo cáo kết quả thực hiện nhiệm vụ được phân công về Tổ công tác (qua Văn phòng Ủy ban nhân dân tỉnh) trước ngày "
         "25 tháng 11 hằng năm.",
         [(["Các thành viên Tổ công tác"], ["Tổ công tác"], "qua Văn phòng Ủy ban nhân dân tỉnh", False, "11-25",
           "recurring")]),
    Case("semicolon-in-bracket", "periods", "tinh", "",
         "Chế độ báo cáo: định kỳ 6 tháng, 1 năm (6 tháng trước ngày 15/6; 1 năm trước ngày 15/12 hằng năm) gửi về Ủy ban "
         "nhân dân tỉnh (qua Sở Nội vụ) để tổng hợp.",
         [(None, ["Ủy ban nhân dân tỉnh"], "qua Sở Nội vụ", False, "06-15", "recurring"),
          (None, ["Ủy ban nhân dân tỉnh"], "qua Sở Nội vụ", False, "12-15", "recurring")], focal="Sở Nội vụ"),
    Case("to-director", "receiver", "so", "Văn phòng Sở",
         "tổng hợp kết quả, báo cáo Giám đốc Sở trước ngày 15/12/2025.",
         [(["Văn phòng Sở"], ["Giám đốc Sở"], None, True, "12-15", "once")]),
    Case("to-general-director", "receiver", "bo", "Vụ Tổ chức cán bộ",
         "tổng hợp kết quả, báo cáo Bộ trưởng và Thứ trưởng phụ trách trước ngày 25/12/2025.",
         [(["Vụ Tổ chức cán bộ"], ["Bộ trưởng", "Thứ trưởng phụ trách"], None, True, "12-25", "once")]),
    # --- layouts of their own in a reporting section ---
    Case("regime-table", "layout", "tinh", "", "", raw=(
        "| STT | Loại báo cáo | Đơn vị báo cáo | Nơi nhận | Thời hạn gửi |\n|---|---|---|---|---|\n"
        "| 1 | Báo cáo 6 tháng | Các sở, ban, ngành | Sở Nội vụ | Trước ngày 15/6 hằng năm |\n"
        "| 2 | Báo cáo năm | Các sở, ban, ngành | Sở Nội vụ | Trước ngày 15/12 hằng năm |\n"
        "| 3 | Báo cáo tổng hợp năm | Sở Nội vụ | Ủy ban nhân dân tỉnh | Trước ngày 25/12 hằng năm |\n"),
         want=[(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "06-15", "recurring"),
               (["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-15", "recurring"),
               (["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "12-25", "recurring")]),
    Case("regime-labels", "layout", "tinh", "", "", raw=(
        "1. Báo cáo kết quả thực hiện Kế hoạch\n- Đơn vị báo cáo: Các sở, ban, ngành; Ủy ban nhân dân các xã, phường.\n"
        "- Nơi nhận báo cáo: Sở Nội vụ.\n- Thời hạn gửi báo cáo: trước ngày 10/12 hằng năm.\n"),
         want=[(CT, ["Sở Nội vụ"], None, False, "12-10", "recurring")]),
    Case("regime-label-bare-date", "layout", "tinh", "", "", raw=(
        "1. Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Nội vụ.\n- Hạn gửi báo cáo: ngày 10/12 hằng năm.\n"),
         want=[(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-10", "recurring")]),
    Case("data-period-and-deadline", "date", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo 6 tháng về Sở Nội vụ (số liệu tính từ ngày 15/12 năm trước đến ngày 14/6), thời hạn gửi trước ngày "
         "18/6 hằng năm.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "06-18", "recurring")]),
    Case("first-year-and-following", "date", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 10/12/2025 và các năm tiếp theo trước ngày 10/12 hằng năm.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-10", "recurring")],
         note="one yearly obligation from 2025, as gold 49's 'ngày 25/12 năm 2026, năm 2027'"),
    Case("dates-then-periods", "periods", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo về Sở Công Thương trước ngày 05 hằng tháng (báo cáo tháng); trước ngày 15/6 (báo cáo 6 tháng); "
         "trước ngày 15/12 (báo cáo năm).",
         [(["Các sở, ban, ngành"], ["Sở Công Thương"], None, False, "06-15", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Công Thương"], None, False, "12-15", "recurring")]),
    Case("request-chain-years", "chain", "tinh", "",
         "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày "
         "20 tháng 11 năm 2025 để tổng hợp, báo cáo Bộ Nội vụ trước ngày 30 tháng 11 năm 2025.",
         [(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], ["Ủy ban nhân dân tỉnh"], "qua Sở Nội vụ", False, "11-20", "once"),
          (["Sở Nội vụ"], ["Bộ Nội vụ"], None, True, "11-30", "once")], focal="Sở Nội vụ"),
    Case("form-and-letter-date", "date", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo về Sở Nội vụ trước ngày 15/12/2025 theo mẫu tại Phụ lục kèm theo Công văn số 45/SNV-CCHC ngày "
         "10/3/2025 của Sở Nội vụ.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-15", "once")]),
    Case("review-then-report", "date", "tinh", "Ủy ban nhân dân các xã, phường",
         "hoàn thành việc rà soát trước ngày 30/6/2025 và báo cáo kết quả về Sở Y tế.",
         [(["Ủy ban nhân dân các xã, phường"], ["Sở Y tế"], None, False, "06-30", "once")],
         note="the report follows the review's deadline; annotators would count it (its only date)"),
    Case("dot-date", "date", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo về Sở Nội vụ trước ngày 15.12.2025.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-15", "once")]),
    Case("of-the-report-year", "date", "tinh", "Các sở, ban, ngành",
         "gửi báo cáo về Sở Nội vụ trước ngày 05/12 của năm báo cáo.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-05", "recurring")]),
    Case("next-year-adjacent", "date", "tinh", "Sở Nội vụ",
         "tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 10/01 của năm sau liền kề.",
         [(["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"], None, True, "01-10", "recurring")]),
    Case("words-twice", "periods", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 6 và trước ngày 15 tháng 12 hằng năm.",
         [(["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "06-15", "recurring"),
          (["Các sở, ban, ngành"], ["Sở Nội vụ"], None, False, "12-15", "recurring")]),
    Case("purpose-then-report", "date", "tinh", "Các sở, ban, ngành",
         "định kỳ đánh giá, báo cáo kết quả thực hiện Kế hoạch gửi Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 30 tháng "
         "11 hằng năm để tổng hợp, theo dõi.",
         [(["Các sở, ban, ngành"], ["Ủy ban nhân dân tỉnh"], "qua Sở Nội vụ", False, "11-30", "recurring")],
         focal="Sở Nội vụ"),
    # --- no day and month: no report ---
    Case("monthly", "no-day", "tinh", "Các sở, ban, ngành",
         "báo cáo kết quả thực hiện về Sở Công Thương trước ngày 25 hằng tháng.", [],
         cell=("Báo cáo kết quả thực hiện về Sở Công Thương", "Trước ngày 25 hằng tháng")),
    Case("monthly-bracket", "no-day", "tinh", "Các sở, ban, ngành",
         "định kỳ hằng tháng (trước ngày 25) báo cáo tiến độ về Sở Công Thương.", []),
    Case("periods-no-day", "no-day", "tinh", "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường",
         "định kỳ 6 tháng, hằng năm báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban "
         "nhân dân tỉnh.", [], cell=("Báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ", "Định kỳ 6 tháng, hằng năm")),
    Case("month-only", "no-day", "tinh", "Sở Nội vụ",
         "tổng hợp, báo cáo Ủy ban nhân dân tỉnh trong tháng 12/2025.", [],
         cell=("Tổng hợp, báo cáo Ủy ban nhân dân tỉnh", "Tháng 12/2025")),
    Case("quarter-iv", "no-day", "tinh", "Sở Nội vụ",
         "tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện trong Quý IV hằng năm.", []),
    Case("ad-hoc", "no-day", "tinh", "Các sở, ban, ngành",
         "báo cáo đột xuất khi có yêu cầu của Ủy ban nhân dân tỉnh.", []),
    Case("conditional", "no-day", "tinh", "Các cơ quan, đơn vị",
         "nếu có khó khăn, vướng mắc, kịp thời báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) để xem xét, giải quyết.", []),
    # --- tasks that are no report ---
    Case("plan-sent", "not-report", "tinh", "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường",
         "xây dựng kế hoạch thực hiện của cơ quan, đơn vị mình, gửi về Sở Khoa học và Công nghệ trước ngày 30/5/2025 để "
         "theo dõi.", [],
         cell=("Xây dựng kế hoạch thực hiện, gửi về Sở Khoa học và Công nghệ để theo dõi", "Trước ngày 30/5/2025")),
    Case("plan-issued-then-sent", "not-report", "tinh", "Ủy ban nhân dân các xã, phường",
         "ban hành kế hoạch thực hiện trước ngày 15/5/2025 và gửi về Sở Nội vụ để theo dõi, tổng hợp.", []),
    Case("budget-sent", "not-report", "tinh", "Các sở, ban, ngành",
         "lập dự toán kinh phí thực hiện, gửi Sở Tài chính trước ngày 20/7 hằng năm để tổng hợp, trình cấp có thẩm quyền.",
         [], cell=("Lập dự toán kinh phí thực hiện, gửi Sở Tài chính tổng hợp", "Trước ngày 20/7 hằng năm")),
    Case("report-product", "not-report", "tinh", "Sở Nông nghiệp và Môi trường",
         "xây dựng Báo cáo đánh giá hiện trạng môi trường tỉnh giai đoạn 2021-2025, hoàn thành trước ngày 30/9/2025.", [],
         cell=("Xây dựng Báo cáo đánh giá hiện trạng môi trường tỉnh giai đoạn 2021-2025", "Trước ngày 30/9/2025")),
    Case("report-product-submitted", "not-report", "tinh", "Sở Nông nghiệp và Môi trường",
         "chủ trì xây dựng Báo cáo chuyên đề về tài nguyên nước, trình Ủy ban nhân dân tỉnh trước ngày 30/10/2025.", [],
         cell=("Xây dựng Báo cáo chuyên đề về tài nguyên nước, trình Ủy ban nhân dân tỉnh", "Trước ngày 30/10/2025")),
    Case("draft-submitted", "not-report", "tinh", "Sở Tư pháp",
         "hoàn thiện dự thảo Quyết định ban hành Quy chế, trình Ủy ban nhân dân tỉnh trước ngày 30/6/2025.", [],
         cell=("Hoàn thiện dự thảo Quyết định ban hành Quy chế, trình Ủy ban nhân dân tỉnh", "Trước ngày 30/6/2025")),
    Case("conference", "not-report", "tinh", "Sở Nội vụ",
         "tổ chức Hội nghị sơ kết 6 tháng trước ngày 15/7/2025; chuẩn bị báo cáo sơ kết trình Ủy ban nhân dân tỉnh.", []),
    Case("report-product-sent", "not-report", "tinh", "Sở Nông nghiệp và Môi trường",
         "xây dựng Báo cáo hiện trạng môi trường tỉnh giai đoạn 2021-2025, gửi Bộ Nông nghiệp và Môi trường trước ngày "
         "30/9/2025.", [],
         cell=("Xây dựng Báo cáo hiện trạng môi trường tỉnh giai đoạn 2021-2025, gửi Bộ Nông nghiệp và Môi trường",
               "Trước ngày 30/9/2025")),
    Case("event-deadline", "not-report", "tinh", "Sở Nội vụ",
         "tổ chức tổng kết 5 năm thực hiện Kế hoạch trước ngày 15/12/2030.", []),
    Case("dossier-appraisal", "not-report", "tinh", "Ủy ban nhân dân các xã, phường",
         "hoàn thiện dự thảo quy hoạch, gửi Sở Xây dựng thẩm định trước ngày 30/8/2025.", []),
    Case("basis-report", "not-report", "tinh", "Sở Nội vụ",
         "căn cứ Báo cáo số 125/BC-UBND ngày 15/12/2024 của Ủy ban nhân dân tỉnh, hướng dẫn các cơ quan, đơn vị triển khai "
         "Kế hoạch.", []),
    Case("data-period", "not-report", "tinh", "",
         "Số liệu báo cáo năm tính từ ngày 15/12 năm trước đến ngày 14/12 của năm báo cáo.", []),
    Case("past-results", "not-report", "tinh", "",
         "Tính đến ngày 30/11/2024, 18/20 sở, ngành đã gửi báo cáo về Sở Nội vụ đúng thời hạn.", []),
    Case("conference-day", "not-report", "tinh", "Sở Nội vụ",
         "chuẩn bị báo cáo tổng kết, tổ chức Hội nghị tổng kết vào ngày 20/12/2025.", []),
    Case("legal-basis-date", "not-report", "tinh", "Các sở, ban, ngành",
         "thực hiện chế độ báo cáo theo Thông tư số 01/2020/TT-BNV ngày 15/6/2020 của Bộ Nội vụ.", []),
    Case("emulation-registration", "not-report", "tinh", "Các sở, ban, ngành",
         "xây dựng kế hoạch tổ chức phong trào thi đua, gửi về Sở Nội vụ trước ngày 31/3/2025.", []),
    Case("review-only", "not-report", "tinh", "Sở Nội vụ",
         "rà soát, tổng hợp kết quả đánh giá, xếp loại trước ngày 15/11 hằng năm.", []),
]

POSITIONS = ("regime", "duty", "table", "label", "prose")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _sentence(c: Case) -> str:
    return f"{c.subj} {c.rest}" if c.subj else c.rest


def build(c: Case, pos: str) -> str | None:
    """The plan text of a case at a position; None when the case cannot stand there."""
    head = HEADS[c.head]
    if c.raw is not None:
        return head + TASKS + ORG + "IV. CHẾ ĐỘ BÁO CÁO\n" + c.raw + FOOT if pos == "regime" else None
    if pos == "regime":  # its own numbered item of a 'Chế độ báo cáo' section
        return head + TASKS + ORG + "IV. CHẾ ĐỘ BÁO CÁO\n1. " + _sentence(c) + "\n" + FOOT
    if pos == "duty":  # the last bullet of the sender's duties under its heading
        if not c.subj:
            return None
        return (head + TASKS + ORG + "2. " + _cap(c.subj) + "\n- Tổ chức triển khai thực hiện các nhiệm vụ được giao "
                "trong phạm vi quản lý.\n- " + _cap(c.rest) + "\n" + FOOT)
    if pos == "table":  # a row of a task table: the content, the lead, the time cell
        if not c.cell or not c.subj:
            return None
        content, time = c.cell
        return (head + "II. NHIỆM VỤ CỤ THỂ\n| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian "
                "thực hiện |\n|---|---|---|---|---|\n| 1 | Tuyên truyền, phổ biến Kế hoạch | Sở Văn hóa, Thể thao và Du "
                "lịch | Các cơ quan, đơn vị | Quý II/2025 |\n| 2 | " + content + " | " + _cap(c.subj) + " | Các cơ quan liên "
                "quan | " + time + " |\n" + ORG + FOOT)
    if pos == "label":  # the sentence without its date, then a label line with the time
        if not c.cell or not c.subj:
            return None
        content, time = c.cell
        body = content[:1].lower() + content[1:]
        label = "Thời gian báo cáo" if c.want or c.cls == "no-day" else "Thời gian hoàn thành"
        return head + TASKS + ORG + "2. " + _cap(c.subj) + " " + body + f".\n- {label}: " + _cap(time) + ".\n" + FOOT
    if pos == "prose":  # a closing paragraph of TỔ CHỨC THỰC HIỆN, after the numbered items
        return (head + TASKS + ORG + "2. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức tuyên truyền về Kế hoạch.\n"
                + _cap(_sentence(c)) + " " + CLOSE + FOOT)
    raise ValueError(pos)


def _n(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).lower().split())


def _got(r: dict[str, Any]) -> Rep:
    t = r.get("timing") or {}
    return (r.get("from") or [], r.get("to") or [], r.get("via"), bool(r.get("compiles")), (t.get("due") or "")[5:10],
            t.get("kind") or "")


def _names(xs: list[str]) -> str:
    """A list of names as one text: a sender list split or kept whole reads the same."""
    return _n(", ".join(xs))


def _diff(w: Rep, g: Rep) -> list[str]:
    """The fields of a found report that differ from the expected one."""
    out = []
    if w[0] is not None and _names(w[0]) != _names(g[0]):
        out.append(f"from {g[0]} want {w[0]}")
    if _names(w[1]) != _names(g[1]):
        out.append(f"to {g[1]} want {w[1]}")
    if (w[2] or None) != (g[2] or None):
        out.append(f"via {g[2]!r} want {w[2]!r}")
    if w[3] != g[3]:
        out.append(f"compiles {g[3]} want {w[3]}")
    if w[5] != g[5]:
        out.append(f"kind {g[5]} want {w[5]}")
    return out


def judge(c: Case, pos: str, plan: dict[str, Any]) -> tuple[list[str], list[tuple[float, bool, bool]]]:
    """Failures of one probe, and (confidence, right by month-day, right in every field) of each report found."""
    got = [(_got(r), r.get("confidence")) for r in plan["reports"]]
    want = c.want
    fails: list[str] = []
    used: set[int] = set()
    conf: dict[int, tuple[bool, bool]] = {}
    for w in want:
        k = next((i for i, (g, _) in enumerate(got) if i not in used and g[4] == w[4]), None)
        if k is None:
            fails.append(f"missing {w[4]}")
            continue
        used.add(k)
        d = _diff(w, got[k][0])
        fails.extend(f"{w[4]}: {x}" for x in d)
        conf[k] = (True, not d)
    if c.focal and _n((plan.get("focal") or {}).get("name") or "") != _n(c.focal):
        fails.append(f"focal {(plan.get('focal') or {}).get('name')!r} want {c.focal!r}")
    for i, (g, _) in enumerate(got):
        if i not in used:
            fails.append(f"extra {g[4] or '-'} from {g[0]} to {g[1]}")
            conf[i] = (False, False)
    return fails, [(got[i][1] if got[i][1] is not None else 1.0, *conf[i]) for i in sorted(conf)]


def auroc(items: list[tuple[float, bool]]) -> float | None:
    pos = [c for c, ok in items if ok]
    neg = [c for c, ok in items if not ok]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def run(cases: list[Case], layouts: tuple[str, ...], verbose: bool) -> tuple[int, int, dict[str, int], list[tuple[float, bool, bool]]]:
    total = failed = 0
    by_cls: dict[str, int] = {}
    scored: list[tuple[float, bool, bool]] = []
    for c in cases:
        for pos in POSITIONS:
            text = build(c, pos)
            if text is None or pos in c.skip:
                continue
            for lay in layouts:
                total += 1
                src = flat(text) if lay == "flat" else pasted(text) if lay == "pasted" else text
                plan = parse_text(src, source="probe.md")
                fails, conf = judge(c, pos, plan)
                scored.extend(conf)
                if fails:
                    failed += 1
                    by_cls[c.cls] = by_cls.get(c.cls, 0) + 1
                    print(f"{c.cls:10} {c.name:28} {pos:6} {lay:6} | " + "; ".join(fails))
                    if verbose:
                        for r in plan["reports"]:
                            print(f"{'':50}  got {_got(r)} conf={r.get('confidence')} text={r['text'][:120]!r}")
    return total, failed, by_cls, scored


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    cases = [c for c in CASES if not args or c.name in args or c.cls in args]
    total, failed, by_cls, scored = run(cases, ("lines", *(x for x in ("flat", "pasted") if f"--{x}" in sys.argv)), "--verbose" in sys.argv)
    print("# failures by class: " + (", ".join(f"{k} {v}" for k, v in sorted(by_cls.items())) or "none"))
    a_md = auroc([(c, md) for c, md, _ in scored])
    a_all = auroc([(c, ok) for c, _, ok in scored])
    wrong = sum(not ok for _, _, ok in scored)
    print(f"# confidence over {len(scored)} reports found ({sum(not md for _, md, _ in scored)} extra, {wrong} wrong in some "
          f"field): AUROC by month-day {a_md if a_md is None else round(a_md, 3)}, by every field "
          f"{a_all if a_all is None else round(a_all, 3)}")
    print(f"# {failed} fails of {total}")


if __name__ == "__main__":
    main()
