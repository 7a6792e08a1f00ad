"""The rules of round 11 (local genres), each on a short made-up text: a verb word inside a known name,
'(chủ trì)' marking the lead among the bodies of one cell, lower-case kinds of organs after 'Các', a Party
committee handing work down, the Party's document number, the kind of document before the title, the school
year, months of every year, a quarter with no year, the compiling report dated with its year."""

from __future__ import annotations

import datetime as dt

from dondoc.plans import parse_text
from dondoc.plans.bodies import leading_body, split_bodies
from dondoc.plans.bracketed import marked_lead
from dondoc.plans.timing import parse_timing
from dondoc.plans.timing_text import timing_in_text

HEAD = "ỦY BAN NHÂN DÂN\nXÃ BÌNH AN\nSố: 07/KH-UBND\nBình An, ngày 10 tháng 9 năm 2025\nKẾ HOẠCH\nPhòng, chống thiên tai\n"


def _plan(body: str, head: str = HEAD) -> dict:
    return parse_text(head + body, source="t.md", year=2025)


def test_a_verb_word_inside_a_known_name_is_part_of_the_name() -> None:
    assert leading_body("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện tổ chức lớp học.")[0] == (
        "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện")
    assert leading_body("Phòng Hậu cần - Kỹ thuật bảo đảm vật chất.")[0] == "Phòng Hậu cần - Kỹ thuật"
    # the same words elsewhere are still verbs
    assert leading_body("Sở Y tế thường xuyên kiểm tra.")[0] == "Sở Y tế"


def test_a_capitalised_word_after_a_bare_organ_noun_names_it() -> None:
    assert leading_body("Phòng Tham mưu chủ trì xây dựng kế hoạch.")[0] == "Phòng Tham mưu"
    assert leading_body("Sở Tài chính Chủ trì, phối hợp thẩm định.")[0] == "Sở Tài chính"  # (a heading run into its duty)


def test_the_body_marked_chu_tri_leads_the_others_support() -> None:
    assert marked_lead("Sở Tư pháp, Sở Nội vụ (chủ trì), Công an tỉnh") == (["Sở Nội vụ"], ["Sở Tư pháp", "Công an tỉnh"])
    assert marked_lead("Sở Tư pháp; Sở Nội vụ") is None
    plan = _plan("II. NHIỆM VỤ\n1. Kiểm tra đê điều\n- Cơ quan thực hiện: Công an xã, Phòng Kinh tế (chủ trì).\n")
    assert [(a["lead"], a["support"]) for a in plan["assignments"]] == [(["Phòng Kinh tế"], ["Công an xã"])]


def test_lower_case_kinds_of_organs_after_cac_are_one_collective() -> None:
    assert split_bodies("Các chi bộ, tổ chức đảng, đoàn thể") == ["Các chi bộ, tổ chức đảng, đoàn thể"]
    # firms and people are named apart (gold 49), and a capitalised body still opens a name of its own
    assert split_bodies("Các tổ chức, doanh nghiệp") == ["Các tổ chức", "doanh nghiệp"]
    assert split_bodies("Các doanh nghiệp, tổ chức kinh tế") == ["Các doanh nghiệp", "tổ chức kinh tế"]
    assert split_bodies("Các phòng, ban, Công an xã") == ["Các phòng, ban", "Công an xã"]


def test_a_party_committee_hands_work_down() -> None:
    plan = _plan("II. NHIỆM VỤ\n1. Tuyên truyền\nBan Thường vụ Đảng ủy giao Văn phòng Đảng ủy chủ trì tổng hợp ý kiến.\n"
                 "2. Giám sát\nĐảng ủy đề nghị Ủy ban MTTQ Việt Nam xã giám sát việc thực hiện.\n")
    assert [(a["lead"], a["mode"]) for a in plan["assignments"]] == [(["Văn phòng Đảng ủy"], "assign"),
                                                                     (["Ủy ban MTTQ Việt Nam xã"], "request")]


def test_a_comrade_is_kept_in_the_lead_as_written() -> None:
    plan = _plan("II. NHIỆM VỤ\n1. Chỉ đạo\nĐồng chí Bí thư Chi bộ thôn Đông trực tiếp chỉ đạo.\n")
    assert plan["assignments"][0]["lead"] == ["Đồng chí Bí thư Chi bộ thôn Đông"]


def test_party_number_without_colon_and_the_kind_of_document() -> None:
    head = "ĐẢNG ỦY XÃ BÌNH AN\n*\nSố 09-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nBình An, ngày 10 tháng 9 năm 2025\nKẾ HOẠCH\nSơ kết công tác\n"
    plan = _plan("II. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra.\n", head)
    assert (plan["number"], plan["issued_on"]) == ("09-KH/ĐU", "2025-09-10")
    head = HEAD.replace("KẾ HOẠCH\n", "PHƯƠNG ÁN\n")
    assert _plan("II. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra.\n", head)["title"] == "Phòng, chống thiên tai"
    # 'Số lượng ...' in a header line is no number
    assert _plan("II. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra.\n", HEAD.replace("Số: 07/KH-UBND", "Số 2025 lượt"))["number"] is None


def test_school_year_months_of_every_year_and_a_quarter_without_year() -> None:
    issued = dt.date(2025, 9, 10)
    assert parse_timing("Năm học 2026-2027", plan_year=2025, issued_on=issued)["due"] == "2027-05-31"
    assert parse_timing("hằng năm học", plan_year=2025, issued_on=issued)["kind"] == "recurring"
    got = parse_timing("Tháng 6 và tháng 12 hằng năm", plan_year=2025, issued_on=issued)
    assert (got["kind"], got["due"]) == ("recurring", "2025-12-31")
    got = timing_in_text("Kiểm tra việc thực hiện trong quý IV.", plan_year=2025, issued_on=issued)
    assert (got["kind"], got["due"]) == ("once", "2025-12-31")
    got = timing_in_text("Báo cáo trong quý II hằng năm.", plan_year=2025, issued_on=issued)
    assert got["kind"] == "recurring"


def test_the_compiling_report_dated_with_its_year() -> None:
    plan = _plan("III. TỔ CHỨC THỰC HIỆN\n1. Các thôn gửi báo cáo về Phòng Kinh tế trước ngày 05/12/2025 để tổng hợp, báo cáo "
                 "UBND xã trước ngày 10/12/2025.\n2. Các thôn báo cáo kết quả trước ngày 05/11/2025 và trước ngày 05/12/2025.\n")
    got = [(r["from"], r["to"], r["compiles"], r["timing"]["due"]) for r in plan["reports"]]
    assert got[:2] == [(["Các thôn"], ["Phòng Kinh tế"], False, "2025-12-05"), (["Phòng Kinh tế"], ["UBND xã"], True, "2025-12-10")]
    assert len(got) == 3  # two dates with their years and no compiling clause between: as before, the first one
