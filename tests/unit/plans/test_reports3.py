"""Reporting obligations the probe of benchmarks/probe_reports.py found misread, one class per test (sentences made up
in the genre, not copied from any plan), and the reports' confidence: lower where the sender or receiver was not read
in the sentence, the date came from elsewhere, or the sentence stands outside a reporting section."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text

_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\n-------\n" + _NATION + "Số: 102/KH-UBND\nNinh Thuận, ngày 5 tháng 5 năm 2025\n"
        "KẾ HOẠCH\nPhát triển kinh tế số năm 2025\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm triển khai đồng bộ.\n")
ORG = "III. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương chủ trì tổ chức hội chợ thương mại điện tử.\n"
FOOT = "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Bình\n"


def _reps(text: str) -> list[tuple[Any, ...]]:
    plan = parse_text(text, source="t.md")
    return [(r["from"], r["to"], r.get("via"), r["compiles"], (r["timing"].get("due") or "")[5:10])
            for r in plan["reports"]]


def _plan(text: str) -> dict[str, Any]:
    return parse_text(text, source="t.md")


@pytest.mark.parametrize("subject", ["Ủy ban nhân dân các xã, phường", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"])
def test_a_sentence_opening_with_an_accented_capital_has_its_own_sender(subject: str) -> None:
    # the closing paragraph after item 2 holds its own sentence: its sender is its subject, not item 2's lead
    text = (HEAD + ORG + "2. Sở Thông tin và Truyền thông chủ trì tuyên truyền.\n" + subject +
            " gửi báo cáo kết quả về Sở Công Thương trước ngày 25/11 hằng năm. Trong quá trình thực hiện, nếu có vướng "
            "mắc, các cơ quan phản ánh về Sở Công Thương./.\n" + FOOT)
    assert _reps(text) == [([subject], ["Sở Công Thương"], None, False, "11-25")]


def test_a_clause_naming_no_sender_keeps_its_own_sentences_subject() -> None:
    # '..., X là cơ quan đầu mối ...; tổng hợp, báo cáo ...' in a paragraph whose other sentences name other bodies
    text = (HEAD + ORG + "2. Sở Tài chính bố trí kinh phí.\nSở Công Thương là cơ quan đầu mối, theo dõi, đôn đốc các "
            "cơ quan, đơn vị triển khai Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm. "
            "Các cơ quan, đơn vị chủ động phối hợp thực hiện./.\n" + FOOT)
    assert _reps(text) == [(["Sở Công Thương"], ["Ủy ban nhân dân tỉnh"], None, True, "12-15")]


def test_a_giao_sentence_gives_its_clauses_the_given_body() -> None:
    text = (HEAD + ORG + "2. Sở Tài chính bố trí kinh phí.\nGiao Sở Công Thương theo dõi, đôn đốc việc thực hiện; tổng "
            "hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12 hằng năm. Các cơ quan, đơn vị nghiêm túc thực hiện./.\n"
            + FOOT)
    assert _reps(text) == [(["Sở Công Thương"], ["Ủy ban nhân dân tỉnh"], None, True, "12-20")]


@pytest.mark.parametrize("date", ["trước ngày 15/12 hằng năm", "chậm nhất ngày 15/12/2025", "định kỳ hằng năm (trước ngày 15/12)"])
def test_a_date_between_the_sender_and_its_verb_is_no_part_of_the_name(date: str) -> None:
    text = HEAD + ORG + f"2. Sở Công Thương {date} tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.\n" + FOOT
    plan = _plan(text)
    assert [r["from"] for r in plan["reports"]] == [["Sở Công Thương"]]
    assert ["Sở Công Thương"] in [a["lead"] for a in plan["assignments"]]


_TABLE = ("II. NHIỆM VỤ\n| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
          "| 1 | Báo cáo kết quả thực hiện về Sở Công Thương | Các sở, ngành | Các cơ quan liên quan | {time} |\n")


def test_a_time_cell_with_two_periods_gives_two_reports() -> None:
    text = HEAD + _TABLE.format(time="Định kỳ 6 tháng (trước ngày 20/6) và năm (trước ngày 20/11)") + ORG + FOOT
    assert [r[4] for r in _reps(text)] == ["06-20", "11-20"]


def test_a_time_label_with_two_periods_gives_two_reports() -> None:
    text = (HEAD + ORG + "2. Các sở, ngành báo cáo kết quả thực hiện về Sở Công Thương.\n- Thời gian báo cáo: 6 tháng "
            "(trước ngày 20/6), năm (trước ngày 20/11).\n" + FOOT)
    assert _reps(text) == [(["Các sở, ngành"], ["Sở Công Thương"], None, False, "06-20"),
                           (["Các sở, ngành"], ["Sở Công Thương"], None, False, "11-20")]


def test_a_quarterly_time_cell_gives_the_first_quarters_end_after_the_issue_date() -> None:
    # issued on 5/5/2025: the first 'ngày 10 của tháng cuối quý' still to come is 10 June
    text = HEAD + _TABLE.format(time="Hằng quý, trước ngày 10 của tháng cuối quý") + ORG + FOOT
    assert [r[4] for r in _reps(text)] == ["06-10"]


@pytest.mark.parametrize("between", [" và tổng kết ", "; báo cáo tổng kết ", " và báo cáo cuối kỳ "])
def test_a_milestone_named_between_dated_reports_gives_each_its_report(between: str) -> None:
    text = (HEAD + ORG + "2. Sở Công Thương tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả sơ kết trước ngày "
            f"30/6/2027{between}trước ngày 30/11/2030.\n" + FOOT)
    assert [r[4] for r in _reps(text)] == ["06-30", "11-30"]


@pytest.mark.parametrize("task", [
    "2. Sở Công Thương xây dựng Báo cáo đánh giá tác động của thương mại điện tử, gửi Bộ Công Thương trước ngày "
    "30/9/2025.\n",
    "2. Sở Công Thương chủ trì lập báo cáo chuyên đề về logistics, gửi Ủy ban nhân dân tỉnh trước ngày 15/10/2025.\n",
])
def test_a_report_that_is_the_product_of_a_task_is_no_reporting_obligation(task: str) -> None:
    assert _reps(HEAD + ORG + task + FOOT) == []


def test_a_status_report_made_and_sent_stays_one() -> None:
    text = HEAD + ORG + "2. Sở Công Thương lập báo cáo kết quả thực hiện, gửi Ủy ban nhân dân tỉnh trước ngày 15/12/2025.\n" + FOOT
    assert [r[4] for r in _reps(text)] == ["12-15"]


def test_the_focal_body_is_the_subject_of_the_sentence_declaring_it() -> None:
    # one paragraph of two sentences (a line run into the one before): the second declares the focal body
    text = (HEAD + ORG + "2. Sở Tài chính bố trí kinh phí thực hiện. Sở Công Thương là đầu mối theo dõi, tổng hợp kết "
            "quả thực hiện Kế hoạch, báo cáo Ủy ban nhân dân tỉnh.\n" + FOOT)
    assert (_plan(text)["focal"] or {}).get("name") == "Sở Công Thương"


def test_a_semicolon_inside_brackets_splits_no_clause() -> None:
    # the receiver after the bracket is both dates' receiver
    text = (HEAD + ORG + "2. Chế độ báo cáo: định kỳ 6 tháng, 1 năm (6 tháng trước ngày 15/6; 1 năm trước ngày 15/12 hằng "
            "năm) gửi về Ủy ban nhân dân tỉnh (qua Sở Công Thương) để tổng hợp.\n" + FOOT)
    assert [(r[1], r[2], r[4]) for r in _reps(text)] == [(["Ủy ban nhân dân tỉnh"], "qua Sở Công Thương", "06-15"),
                                                         (["Ủy ban nhân dân tỉnh"], "qua Sở Công Thương", "12-15")]


@pytest.mark.parametrize(("to", "expected"), [
    ("Bộ trưởng và Thứ trưởng phụ trách", ["Bộ trưởng", "Thứ trưởng phụ trách"]),
    ("Tổng Giám đốc", ["Tổng Giám đốc"]),
    ("Giám đốc Sở và Phó Giám đốc phụ trách", ["Giám đốc Sở", "Phó Giám đốc phụ trách"]),
])
def test_leaders_receive_reports(to: str, expected: list[str]) -> None:
    text = HEAD + ORG + f"2. Văn phòng Sở tổng hợp kết quả, báo cáo {to} trước ngày 20/12/2025.\n" + FOOT
    assert [r[1] for r in _reps(text)] == [expected]


def test_a_sentence_naming_no_sender_continues_the_one_before_it() -> None:
    text = (HEAD + ORG + "2. Sở Tài chính bố trí kinh phí.\nỦy ban nhân dân tỉnh yêu cầu các sở, ban, ngành xây dựng kế "
            "hoạch triển khai thực hiện hằng năm; báo cáo tình hình thực hiện gửi Sở Công Thương trước ngày 10/12 hằng "
            "năm.\n" + FOOT)
    assert [r[0] for r in _reps(text)] == [["các sở, ban, ngành"]]


# --- confidence: informative, from how the report was read -----------------------------------------------------------

def _confs(text: str) -> dict[str, float]:
    return {(r["timing"].get("due") or "")[5:10]: r["confidence"] for r in _plan(text)["reports"]}


def test_a_report_in_a_reporting_section_is_surer_than_a_dated_task_sent_up() -> None:
    regime = _confs(HEAD + ORG + "IV. CHẾ ĐỘ BÁO CÁO\n1. Các sở, ngành báo cáo kết quả thực hiện về Sở Công Thương trước "
                    "ngày 10/12 hằng năm.\n" + FOOT)
    task = _confs(HEAD + "II. NHIỆM VỤ\n1. Các sở, ngành rà soát, lập danh sách doanh nghiệp đủ điều kiện, gửi Sở Công "
                  "Thương trước ngày 30/9/2025.\n" + ORG + FOOT)
    assert regime["12-10"] >= 0.9
    assert task["09-30"] < 0.6 < regime["12-10"]


def test_a_guessed_sender_or_a_date_read_elsewhere_lowers_confidence() -> None:
    own = _confs(HEAD + ORG + "2. Sở Công Thương tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12 hằng năm.\n" + FOOT)
    carried = _confs(HEAD + ORG + "2. Sở Công Thương\n- Theo dõi, đôn đốc việc thực hiện.\n- Tổng hợp, báo cáo Ủy ban nhân "
                     "dân tỉnh trước ngày 20/12 hằng năm.\n" + FOOT)
    label = _confs(HEAD + ORG + "2. Sở Công Thương tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n- Thời gian báo cáo: trước ngày "
                   "20/12 hằng năm.\n" + FOOT)
    nobody = _confs(HEAD + ORG + "IV. CHẾ ĐỘ BÁO CÁO\nBáo cáo gửi Ủy ban nhân dân tỉnh trước ngày 20/12 hằng năm.\n" + FOOT)
    assert own["12-20"] > carried["12-20"]
    assert own["12-20"] > label["12-20"]
    assert nobody["12-20"] < 0.6
    plan = _plan(HEAD + ORG + "2. Sở Công Thương tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12 hằng năm.\n" + FOOT)
    assert all("_how" not in r for r in plan["reports"] + plan["undated_reports"])


def test_the_upper_levels_desk_a_compiled_report_passes_through_is_no_focal_body() -> None:
    text = (HEAD.replace("TỈNH NINH THUẬN", "XÃ PHƯỚC HẢI") + ORG + "2. Công chức Văn hóa - Xã hội tham mưu Ủy ban nhân dân xã "
            "tổng hợp, báo cáo Ủy ban nhân dân tỉnh (qua Sở Y tế) trước ngày 05/12 hằng năm.\n" + FOOT)
    assert (_plan(text)["focal"] or {}).get("name") == "Công chức Văn hóa - Xã hội"


@pytest.mark.parametrize("layout", ["bullet", "table"])
def test_the_body_reports_go_to_for_compiling_is_focal_in_a_bullet_or_a_row(layout: str) -> None:
    task = "Báo cáo kết quả thực hiện về Sở Công Thương để tổng hợp, báo cáo Ủy ban nhân dân tỉnh"
    body = (ORG + f"2. Các sở, ngành\n- {task}.\n" if layout == "bullet" else _TABLE.replace(
        "Báo cáo kết quả thực hiện về Sở Công Thương", task).format(time="Trước ngày 20/11 hằng năm") + ORG)
    assert (_plan(HEAD + body + FOOT)["focal"] or {}).get("name") == "Sở Công Thương"


# --- reports laid out as fields ----------------------------------------------------------------------------------------

def test_a_reporting_items_label_lines_give_its_report() -> None:
    text = (HEAD + ORG + "IV. CHẾ ĐỘ BÁO CÁO\n1. Báo cáo kết quả thực hiện\n- Đơn vị báo cáo: Các sở, ngành; Ủy ban nhân dân "
            "các xã.\n- Nơi nhận báo cáo: Sở Công Thương.\n- Thời hạn gửi báo cáo: 6 tháng trước ngày 15/6, năm trước ngày "
            "15/12.\n" + FOOT)
    plan = _plan(text)
    assert _reps(text) == [(["Các sở, ngành", "Ủy ban nhân dân các xã"], ["Sở Công Thương"], None, False, "06-15"),
                           (["Các sở, ngành", "Ủy ban nhân dân các xã"], ["Sở Công Thương"], None, False, "12-15")]
    assert ["Các sở, ngành", "Ủy ban nhân dân các xã"] in [a["lead"] for a in plan["assignments"]]  # (not 'Đơn vị')


def test_a_table_of_reports_gives_one_report_per_row_and_date() -> None:
    text = (HEAD + ORG + "IV. CHẾ ĐỘ BÁO CÁO\n| STT | Tên báo cáo | Cơ quan gửi | Cơ quan nhận | Thời hạn |\n|---|---|---|---|---|\n"
            "| 1 | Báo cáo định kỳ | Các sở, ngành | Sở Công Thương | 20/6 và 20/11 hằng năm |\n"
            "| 2 | Báo cáo tổng hợp | Sở Công Thương | Ủy ban nhân dân tỉnh, Bộ Công Thương | Trước ngày 30/11 hằng năm |\n"
            + FOOT)
    assert _reps(text) == [(["Các sở, ngành"], ["Sở Công Thương"], None, False, "06-20"),
                           (["Các sở, ngành"], ["Sở Công Thương"], None, False, "11-20"),
                           (["Sở Công Thương"], ["Ủy ban nhân dân tỉnh", "Bộ Công Thương"], None, True, "11-30")]


@pytest.mark.parametrize("label", ["Hạn gửi báo cáo: ngày 10/12 hằng năm", "Thời hạn báo cáo: 10/12 hằng năm"])
def test_a_deadline_label_with_a_bare_date(label: str) -> None:
    text = HEAD + ORG + f"2. Các sở, ngành báo cáo kết quả thực hiện về Sở Công Thương.\n- {label}.\n" + FOOT
    assert _reps(text) == [(["Các sở, ngành"], ["Sở Công Thương"], None, False, "12-10")]


def test_a_period_named_after_the_date_makes_it_recur() -> None:
    text = (HEAD + ORG + "2. Các sở, ngành gửi báo cáo về Sở Công Thương trước ngày 15/6 (báo cáo 6 tháng); trước ngày "
            "15/12 (báo cáo năm).\n" + FOOT)
    assert [r["timing"]["kind"] for r in _plan(text)["reports"]] == ["recurring", "recurring"]


def test_a_row_read_by_both_table_readers_is_one_report() -> None:
    text = (HEAD + ORG + "IV. CHẾ ĐỘ BÁO CÁO\n| STT | Nội dung | Đơn vị thực hiện | Nơi nhận | Thời hạn |\n|---|---|---|---|---|\n"
            "| 1 | Báo cáo kết quả thực hiện định kỳ | Các sở, ngành | Sở Công Thương | Trước ngày 15/12 hằng năm |\n" + FOOT)
    assert _reps(text) == [(["Các sở, ngành"], ["Sở Công Thương"], None, False, "12-15")]


# --- what is no reporting obligation ------------------------------------------------------------------------------------

def test_what_was_done_is_no_obligation_and_a_count_is_no_date() -> None:
    text = (HEAD + ORG + "2. Tính đến ngày 30/11/2024, 18/20 sở, ngành đã gửi báo cáo về Sở Công Thương đúng thời hạn.\n"
            + FOOT)
    assert _plan(text)["reports"] == []


def test_an_events_date_is_no_report_deadline() -> None:
    text = (HEAD + ORG + "2. Sở Công Thương chuẩn bị báo cáo tổng kết, tổ chức Hội nghị tổng kết vào ngày 20/12/2025.\n"
            "3. Sở Công Thương tổ chức Hội nghị sơ kết và báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/7/2025.\n"
            + FOOT)
    assert [r[4] for r in _reps(text)] == ["07-15"]


def test_a_receiver_ends_before_a_manner_adverb() -> None:
    text = HEAD + ORG + "2. Các sở, ngành gửi báo cáo về Sở Công Thương đúng thời hạn, trước ngày 10/12 hằng năm.\n" + FOOT
    assert [r[1] for r in _reps(text)] == [["Sở Công Thương"]]


def test_the_day_of_the_reporting_year_recurs() -> None:
    text = HEAD + ORG + "2. Các sở, ngành gửi báo cáo về Sở Công Thương trước ngày 05/12 của năm báo cáo.\n" + FOOT
    assert [(r["timing"]["kind"], r["timing"]["due"][5:]) for r in _plan(text)["reports"]] == [("recurring", "12-05")]
