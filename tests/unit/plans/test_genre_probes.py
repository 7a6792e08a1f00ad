"""Probes of the genre: short made-up fragments written the way Vietnamese implementation plans
(Kế hoạch of provinces, ministries and communes after the 2025 reorganisation) give and time a task.
Each expectation is what the gold conventions (shared/seeds/gold/README.md and the judgement calls
recorded in the gold files) say: leads copied as written — a list under one elided head word
('Các Sở: Tài chính, Xây dựng', 'Ủy ban nhân dân các xã: A, B') stays one name, as gold 19 and 50
keep it —, timing due = the first due date in the plan's year, continuous -> no due."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text

HEAD = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 12/KH-UBND\nX, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\n"
TASKS = "II. NHIỆM VỤ\n1. Nhiệm vụ\n"


def _plan(body: str) -> dict[str, Any]:
    return parse_text(HEAD + body, source="probe.md", year=2025)


# (fragment under 'II. NHIỆM VỤ / 1. Nhiệm vụ', leads, support, mode, timing kind, due)
TASK_PROBES = [
    # a head word factored out of several names: one lead per body, spelled whole with its head word (the lead's
    # convention of 2026-12-07: 'Several bodies in one lead phrase become several leads', composed gold 74 III.2.1.a)
    ("Các Sở: Tài chính, Xây dựng, Công Thương chủ trì, phối hợp với UBND các xã, phường rà soát, hoàn thành trước ngày 30/6/2025.",
     ["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương"], ["UBND các xã, phường"], "assign", "once", "2025-06-30"),
    # a colon after a plural head that opens a duty with its verb in capitals is not a list of names
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội các cấp: Tăng cường giám sát việc "
     "thực hiện chính sách xã hội trên địa bàn.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội các cấp"], [], "request", "unspecified", None),
    ("Các Bộ: Công an, Quốc phòng, Ngoại giao phối hợp chặt chẽ trong công tác quản lý biên giới.",
     ["Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao"], [], "assign", "unspecified", None),
    ("Giao các phòng: Văn hóa - Xã hội, Kinh tế tổ chức kiểm tra (thời gian: trước 30/6/2025).",
     ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế"], [], "assign", "once", "2025-06-30"),
    ("Các Sở Tài chính, Xây dựng và Công Thương chủ trì rà soát các dự án.",
     ["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương"], [], "assign", "unspecified", None),
    ("Giao các Sở Y tế, Giáo dục và Đào tạo, Nội vụ tổ chức đào tạo, bồi dưỡng; thời gian thực hiện: thường xuyên.",
     ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nội vụ"], [], "assign", "continuous", None),
    # a collective of local governments is one lead
    ("Ủy ban nhân dân các xã, phường tổ chức rà soát hộ nghèo, hoàn thành trong tháng 6/2025.",
     ["Ủy ban nhân dân các xã, phường"], [], "assign", "once", "2025-06-30"),
    ("Ủy ban nhân dân các xã, phường, đặc khu tổ chức tuyên truyền thường xuyên.",
     ["Ủy ban nhân dân các xã, phường, đặc khu"], [], "assign", "continuous", None),
    # a name holding a comma (gazetteer) next to another name
    ("Sở Văn hóa, Thể thao và Du lịch, Sở Khoa học và Công nghệ chủ trì tổ chức tuyên truyền; thời gian: Quý II/2025.",
     ["Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ"], [], "assign", "once", "2025-06-30"),
    ("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh chủ trì bảo đảm an ninh trật tự, hoàn thành trong tháng 6/2025.",
     ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"], [], "assign", "once", "2025-06-30"),
    ("Sở Dân tộc và Tôn giáo, Sở Nội vụ tham mưu UBND tỉnh ban hành quy chế, trình trước ngày 30/4/2025.",
     ["Sở Dân tộc và Tôn giáo", "Sở Nội vụ"], [], "assign", "once", "2025-04-30"),
    # lead / support phrasing
    ("Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Sở Nông nghiệp và Môi trường rà soát quy hoạch.",
     ["Sở Xây dựng"], ["Sở Tài chính", "Sở Nông nghiệp và Môi trường"], "assign", "unspecified", None),
    ("Sở Tư pháp phối hợp Sở Nội vụ thực hiện rà soát văn bản.",
     ["Sở Tư pháp"], ["Sở Nội vụ"], "assign", "unspecified", None),
    ("Giao Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh tổ chức diễn tập, hoàn thành trong Quý IV/2025.",
     ["Công an tỉnh"], ["Bộ Chỉ huy Quân sự tỉnh"], "assign", "once", "2025-12-31"),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức giám sát việc thực hiện.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], [], "request", "unspecified", None),
    ("Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tăng cường giám sát.",
     ["Ủy ban MTTQ Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"], [], "request", "unspecified", None),
    ("Sở Tài chính phối hợp với Sở Khoa học và Công nghệ (chủ trì) xây dựng cơ sở dữ liệu.",
     ["Sở Khoa học và Công nghệ"], ["Sở Tài chính"], "assign", "unspecified", None),
    ("Phòng Văn hóa - Xã hội chủ trì, phối hợp với Văn phòng HĐND và UBND xã tổ chức kiểm tra trước ngày 15/12/2025.",
     ["Phòng Văn hóa - Xã hội"], ["Văn phòng HĐND và UBND xã"], "assign", "once", "2025-12-15"),
    ("Bộ Tài chính chủ trì, phối hợp với các bộ, ngành liên quan xây dựng dự thảo Nghị định, trình Chính phủ trong năm 2025.",
     ["Bộ Tài chính"], ["các bộ, ngành liên quan"], "assign", "once", "2025-12-31"),
    # collectives are counted as written
    ("Các cơ quan, đơn vị liên quan phối hợp thực hiện.",
     ["Các cơ quan, đơn vị liên quan"], [], "assign", "unspecified", None),
    ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ triển khai thực hiện hằng năm.",
     ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"], [], "assign", "recurring", None),
    ("Thủ trưởng các sở, ban, ngành tỉnh căn cứ chức năng, nhiệm vụ xây dựng kế hoạch cụ thể, hoàn thành trước ngày 31/3/2025.",
     ["Thủ trưởng các sở, ban, ngành tỉnh"], [], "assign", "once", "2025-03-31"),
    # timing written inline, after ';' or ',' or in brackets
    ("Sở Công Thương chủ trì thực hiện; thời gian: năm 2025 và các năm tiếp theo.",
     ["Sở Công Thương"], [], "assign", "continuous", None),
    ("Sở Y tế chủ trì tổ chức tiêm chủng, thời gian hoàn thành trong tháng 6/2025.",
     ["Sở Y tế"], [], "assign", "once", "2025-06-30"),
    ("Trung tâm Phục vụ hành chính công tỉnh chủ trì tiếp nhận hồ sơ; thời gian thực hiện: từ ngày 01/4/2025 đến ngày 30/6/2025.",
     ["Trung tâm Phục vụ hành chính công tỉnh"], [], "assign", "once", "2025-06-30"),
    ("Sở Xây dựng phối hợp với Sở Tài chính thẩm định dự án (thời gian: Quý I/2026).",
     ["Sở Xây dựng"], ["Sở Tài chính"], "assign", "once", "2026-03-31"),
    ("Tỉnh Đoàn chủ trì tổ chức ra quân từ ngày 01/7/2025 đến ngày 31/8/2025.",
     ["Tỉnh Đoàn"], [], "assign", "once", "2025-08-31"),
    ("Sở Nội vụ tổng hợp tình hình, báo cáo định kỳ hằng quý.",
     ["Sở Nội vụ"], [], "assign", "recurring", None),
    ("Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 15 của tháng cuối quý.",
     ["Sở Nội vụ"], [], "assign", "recurring", "2025-03-15"),
    ("Chủ tịch UBND các xã, phường chịu trách nhiệm tổ chức thực hiện, báo cáo kết quả định kỳ hằng quý.",
     ["Chủ tịch UBND các xã, phường"], [], "assign", "recurring", None),
    ("Công an tỉnh chủ trì báo cáo kết quả định kỳ hằng tháng (trước ngày 25).",
     ["Công an tỉnh"], [], "assign", "recurring", "2025-03-25"),
    ("Sở Nội vụ chủ trì tổ chức sơ kết; thời hạn: chậm nhất ngày 15/7/2025.",
     ["Sở Nội vụ"], [], "assign", "once", "2025-07-15"),
    ("Sở Y tế chủ trì kiểm tra an toàn thực phẩm trong tháng 7 năm 2025.",
     ["Sở Y tế"], [], "assign", "once", "2025-07-31"),
    ("Sở Y tế chủ trì kiểm tra, hoàn thành trước ngày 31 tháng 12 năm 2025.",
     ["Sở Y tế"], [], "assign", "once", "2025-12-31"),
    ("Sở Tài chính chủ trì thực hiện trong năm 2025-2026.",
     ["Sở Tài chính"], [], "assign", "once", "2026-12-31"),
    ("Sở Y tế chủ trì tổ chức tập huấn. Thời gian: tháng 5/2025.",
     ["Sở Y tế"], [], "assign", "once", "2025-05-31"),
    ("Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.",
     ["Văn phòng UBND tỉnh"], [], "assign", "unspecified", None),
    ("Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành, UBND các xã, phường triển khai nền tảng số, hoàn thành trong Quý III/2025.",
     ["Sở Khoa học và Công nghệ"], ["các sở, ngành", "UBND các xã, phường"], "assign", "once", "2025-09-30"),
    ("Đảng ủy, HĐND, UBND xã lãnh đạo, chỉ đạo thực hiện.",
     ["Đảng ủy", "HĐND", "UBND xã"], [], "assign", "unspecified", None),
    ("Trưởng thôn, Tổ trưởng tổ dân phố tuyên truyền đến từng hộ gia đình.",
     ["Trưởng thôn", "Tổ trưởng tổ dân phố"], [], "assign", "unspecified", None),
    ("Các Sở, ban, ngành, UBND các xã, phường thực hiện nghiêm; hoàn thành trước ngày 30/6/2025.",
     ["Các Sở, ban, ngành", "UBND các xã, phường"], [], "assign", "once", "2025-06-30"),
    # a list of kinds of bodies after 'Các' is one collective; a ministry's units
    ("Các Cục, Vụ thuộc Bộ triển khai ứng dụng trí tuệ nhân tạo, hoàn thành trước ngày 31/10/2025.",
     ["Các Cục, Vụ thuộc Bộ"], [], "assign", "once", "2025-10-31"),
    # the first words under a topic heading, not the issuer's closing words for the section
    ("Đề nghị các doanh nghiệp viễn thông phối hợp triển khai hạ tầng 5G.",
     ["các doanh nghiệp viễn thông"], [], "request", "unspecified", None),
    ("Sở Tư pháp: Chủ trì, phối hợp với các cơ quan liên quan rà soát thủ tục hành chính, hoàn thành trong Quý II/2025.",
     ["Sở Tư pháp"], ["các cơ quan liên quan"], "assign", "once", "2025-06-30"),
    ("Ban Chỉ huy Quân sự xã chủ trì, phối hợp với Công an xã tổ chức huấn luyện dân quân.",
     ["Ban Chỉ huy Quân sự xã"], ["Công an xã"], "assign", "unspecified", None),
    ("Công chức Văn hóa - Xã hội tham mưu UBND xã tổ chức các hoạt động văn hóa, thể thao.",
     ["Công chức Văn hóa - Xã hội"], [], "assign", "unspecified", None),
    ("Sở Y tế chủ trì, phối hợp Sở Công Thương, Công an tỉnh kiểm tra an toàn thực phẩm hằng năm.",
     ["Sở Y tế"], ["Sở Công Thương", "Công an tỉnh"], "assign", "recurring", None),
]


@pytest.mark.parametrize(("fragment", "leads", "support", "mode", "kind", "due"), TASK_PROBES, ids=[p[0][:40] for p in TASK_PROBES])
def test_task_probe(fragment: str, leads: list[str], support: list[str], mode: str, kind: str, due: str | None) -> None:
    got = _plan(TASKS + fragment + "\n")["assignments"]
    assert [(a["ref"], a["lead"], a["support"], a["mode"]) for a in got] == [("II.1", leads, support, mode)]
    assert (got[0]["timing"]["kind"], got[0]["timing"]["due"]) == (kind, due)


# timing stated on a line of its own or in the heading
LAYOUT_PROBES = [
    ("II. NHIỆM VỤ\n1. Khảo sát\nSở Y tế chủ trì khảo sát các cơ sở y tế.\nThời gian hoàn thành: tháng 9/2025.\n",
     [("II.1", ["Sở Y tế"], "once", "2025-09-30")]),
    ("II. NHIỆM VỤ\n1. Tổng hợp số liệu (Quý III/2025)\nSở Tài chính chủ trì tổng hợp số liệu.\n2. Kiểm tra\nSở Y tế chủ trì kiểm tra.\n",
     [("II.1", ["Sở Tài chính"], "once", "2025-09-30"), ("II.2", ["Sở Y tế"], "unspecified", None)]),
    ("II. NHIỆM VỤ\n1. Xây dựng cơ sở dữ liệu\n- Cơ quan chủ trì: Sở Khoa học và Công nghệ; cơ quan phối hợp: Sở Tài chính.\n"
     "- Thời gian: Quý IV/2025.\n", [("II.1", ["Sở Khoa học và Công nghệ"], "once", "2025-12-31")]),
    # a heading naming a body, then its duties: one entry per bullet
    ("III. TỔ CHỨC THỰC HIỆN\n3. Sở Y tế\n- Chủ trì tổ chức tiêm chủng mở rộng, hoàn thành trong tháng 10/2025.\n"
     "- Phối hợp với Sở Giáo dục và Đào tạo kiểm tra y tế trường học.\n",
     [("III.3", ["Sở Y tế"], "once", "2025-10-31"), ("III.3", ["Sở Y tế"], "unspecified", None)]),
    ("III. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của Sở Nội vụ\n- Hướng dẫn, đôn đốc các cơ quan triển khai Kế hoạch.\n"
     "- Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 20/12/2025.\n",
     [("III.1", ["Sở Nội vụ"], "unspecified", None), ("III.1", ["Sở Nội vụ"], "once", "2025-12-20")]),
    ("III. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành\na) Sở Tài chính: Bố trí kinh phí thực hiện Kế hoạch.\n"
     "b) Sở Nội vụ: Theo dõi, đôn đốc việc thực hiện.\n",
     [("III.1.a", ["Sở Tài chính"], "unspecified", None), ("III.1.b", ["Sở Nội vụ"], "unspecified", None)]),
    ("III. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các xã, phường:\n- Xây dựng kế hoạch triển khai trước ngày 30/4/2025.\n"
     "- Báo cáo kết quả về Sở Nội vụ trước ngày 05/12/2025.\n",
     [("III.1", ["Ủy ban nhân dân các xã, phường"], "once", "2025-04-30"),
      ("III.1", ["Ủy ban nhân dân các xã, phường"], "once", "2025-12-05")]),
    ("II. NHIỆM VỤ\n1. Rà soát thủ tục\n- Cơ quan thực hiện: Sở Tư pháp chủ trì, phối hợp với Văn phòng UBND tỉnh.\n"
     "- Thời gian hoàn thành: Trước 15/11/2025.\n", [("II.1", ["Sở Tư pháp"], "once", "2025-11-15")]),
    ("II. NHIỆM VỤ\n1. Rà soát thủ tục\n- Chủ trì: Sở Tư pháp; Phối hợp: Sở Nội vụ, Sở Tài chính.\n- Thời gian: Hằng năm.\n",
     [("II.1", ["Sở Tư pháp"], "recurring", None)]),
    ("II. NHIỆM VỤ\n1. Rà soát thủ tục\n- Đơn vị chủ trì tham mưu: Văn phòng UBND tỉnh.\n- Thời gian: 6 tháng đầu năm 2025.\n",
     [("II.1", ["Văn phòng UBND tỉnh"], "once", "2025-06-30")]),
]


@pytest.mark.parametrize(("body", "expected"), LAYOUT_PROBES,
                         ids=["own-line", "heading-bracket", "labelled", "body-heading", "owned-heading", "letter-bodies", "collective-heading",
                              "executing-body", "lead-support-labels", "advising-unit"])
def test_layout_probe(body: str, expected: list[tuple[str, list[str], str, str | None]]) -> None:
    got = _plan(body)["assignments"]
    assert [(a["ref"], a["lead"], a["timing"]["kind"], a["timing"]["due"]) for a in got] == expected


def test_support_label_after_the_lead_label_on_one_line() -> None:
    got = _plan("II. NHIỆM VỤ\n1. Rà soát thủ tục\n- Chủ trì: Sở Tư pháp; Phối hợp: Sở Nội vụ, Sở Tài chính.\n")["assignments"]
    assert got[0]["support"] == ["Sở Nội vụ", "Sở Tài chính"]


def test_body_heading_bullet_with_a_partner_keeps_the_heading_body_as_lead() -> None:
    got = _plan("III. TỔ CHỨC THỰC HIỆN\n3. Sở Y tế\n- Chủ trì tổ chức tiêm chủng mở rộng.\n"
                "- Phối hợp với Sở Giáo dục và Đào tạo kiểm tra y tế trường học.\n")["assignments"]
    assert got[1]["support"] == ["Sở Giáo dục và Đào tạo"]


# reports: (fragment under 'III. TỔ CHỨC THỰC HIỆN', [(from, to, compiles, MM-DD)])
REPORT_PROBES = [
    ("1. Các sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước ngày 10/12 hằng năm để tổng hợp, báo cáo UBND tỉnh trước ngày 20/12.",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], False, "12-10"), (["Sở Nội vụ"], ["UBND tỉnh"], True, "12-20")]),
    ("1. Các sở, ban, ngành báo cáo kết quả thực hiện định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) về Sở Nội vụ.",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], False, "06-15"), (["Các sở, ban, ngành"], ["Sở Nội vụ"], False, "12-15")]),
    ("1. Sở Tài chính là cơ quan thường trực, theo dõi, đôn đốc, tổng hợp báo cáo UBND tỉnh trước ngày 15/12/2025.",
     [(["Sở Tài chính"], ["UBND tỉnh"], True, "12-15")]),
    # a report with no date after the compiling clause stays one report
    ("1. Các sở, ban, ngành gửi báo cáo về Sở Nội vụ trước ngày 10/12 hằng năm để tổng hợp, báo cáo UBND tỉnh.",
     [(["Các sở, ban, ngành"], ["Sở Nội vụ"], False, "12-10")]),
]


@pytest.mark.parametrize(("fragment", "expected"), REPORT_PROBES, ids=["compiles-after", "half-and-year", "focal", "undated-compile"])
def test_report_probe(fragment: str, expected: list[tuple[list[str], list[str], bool, str]]) -> None:
    reports = _plan("III. TỔ CHỨC THỰC HIỆN\n" + fragment + "\n")["reports"]
    assert [(r["from"], r["to"], r["compiles"], r["timing"]["due"][5:]) for r in reports] == expected


def test_a_half_year_date_is_not_cut_in_two_by_the_next_one() -> None:
    reports = _plan("III. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành báo cáo định kỳ 6 tháng (trước ngày 15/6) và năm "
                    "(trước ngày 15/12) về Sở Nội vụ.\n")["reports"]
    assert "BYMONTH=1," not in (reports[0]["timing"]["rrule"] or "")
