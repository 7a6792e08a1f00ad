"""Counter-examples from a sceptical review of the pasted-text, genre, target, issuer, timing and reader rounds
(review3). Each text is made up; the expected result was written before the test was first run."""

from __future__ import annotations

import pytest

from dondoc.errors import PlanReadError
from dondoc.plans import parse_text
from dondoc.plans.blocks import Table
from dondoc.plans.cut import drop_cut_tail
from dondoc.plans.indicators import indicator_targets
from dondoc.plans.numbers import find_targets
from dondoc.plans.runon import pipe_tables, split_duties
from dondoc.plans.timing import parse_timing


def _assign(lead: list[str], text: str) -> dict[str, object]:
    return {"lead": lead, "text": text}


# ---- cut.py: a text ending without a stop is not always cut ---------------------------------------------------

def test_complete_known_name_at_the_end_is_not_a_cut_name() -> None:
    # a plan pasted without its signature, whose last line is a label with a known body: nothing was cut
    last = "Cơ quan chủ trì: Sở Y tế"
    out = drop_cut_tail([_assign(["Sở Y tế"], "1. Tổ chức tập huấn cho cán bộ y tế cơ sở. Cơ quan chủ trì: Sở Y tế")], last)
    assert out and out[0]["lead"] == ["Sở Y tế"]


def test_half_name_at_the_end_is_still_dropped() -> None:
    last = "Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du l"
    out = drop_cut_tail([_assign(["Sở Văn hóa, Thể thao và Du l"], "2. Tổ chức lễ hội. " + last)], last)
    assert out == []


# ---- indicators.py: 'ước' (estimated) is a word, not a letter run ('trước mắt', 'nước') ------------------------

def test_aim_column_headed_immediate_aim_is_read() -> None:
    t = Table(rows=[["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu trước mắt năm 2026"],
                    ["1", "Tỷ lệ hộ dân dùng nước sạch", "%", "95"]])
    out = indicator_targets(t, "I", None)
    assert len(out) == 1 and out[0]["value"] == 95


def test_estimated_column_is_still_no_aim() -> None:
    t = Table(rows=[["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch ước đạt năm 2025"],
                    ["1", "Tỷ lệ hộ dân dùng nước sạch", "%", "95"]])
    assert indicator_targets(t, "I", None) == []


def test_indicator_table_with_header_only_or_ragged_rows() -> None:
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026"]
    assert indicator_targets(Table(rows=[head]), "I", None) == []
    assert indicator_targets(Table(rows=[head, [], ["1"]]), "I", None) == []
    assert indicator_targets(Table(rows=[]), "I", None) == []


# ---- timing.py: several months of every year ------------------------------------------------------------------

def test_four_months_of_every_year_is_quarterly() -> None:
    res = parse_timing("Báo cáo vào tháng 3, 6, 9 và 12 hằng năm", plan_year=2026)
    assert res["kind"] == "recurring" and res.get("period") == "quarter"


def test_two_months_of_every_year_is_half_yearly() -> None:
    res = parse_timing("Báo cáo vào tháng 6 và tháng 12 hằng năm", plan_year=2026)
    assert res["kind"] == "recurring" and res.get("period") == "half"


def test_month_zero_or_thirteen_is_no_month() -> None:
    parse_timing("tháng 0 và 13 hằng năm", plan_year=2026)  # no crash


# ---- numbers.py: 'từ N ... trở lên' is a class of people, not a baseline -------------------------------------

def test_age_class_is_no_baseline() -> None:
    out = find_targets("Phấn đấu người từ 60 tuổi trở lên 95% được khám sức khỏe định kỳ.", ref="1", by="2026",
                       in_targets_section=True)
    assert not any(t.get("baseline") == 60 for t in out)
    assert any(t["value"] == 95 for t in out)


def test_baseline_up_is_still_read() -> None:
    out = find_targets("Phấn đấu nâng tỷ lệ từ 60% lên 75% vào năm 2026.", ref="1", by="2026", in_targets_section=True)
    assert any(t["value"] == 75 and t.get("baseline") == 60 for t in out)


# ---- runon.py: odd input -------------------------------------------------------------------------------------

def test_split_duties_on_empty_and_tiny_paragraphs() -> None:
    assert split_duties(["", "a", "."], section_end=[False, False, True]) == ["", "a", "."]


def test_pipe_table_with_no_rows_is_kept() -> None:
    flat = "| TT | Nhiệm vụ | Cơ quan chủ trì | | --- | --- | --- |"
    _, tables = pipe_tables(flat)
    assert len(tables) == 1 and tables[0].count("\n") == 1


def test_split_duties_does_not_cut_at_an_abbreviated_city() -> None:
    par = "Sở Y tế phối hợp với UBND TP. Hà Nội tổ chức hội nghị sơ kết."
    assert split_duties([par], section_end=[False]) == [par]


# ---- the whole parser on odd input: a refusal, never a crash --------------------------------------------------

@pytest.mark.parametrize("text", [
    "", "a", "KẾ HOẠCH", "|||\n| --- |\n|", ".\n" * 30,
    "ỦY BAN NHÂN DÂN TỈNH A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nKẾ HOẠCH\n",
    "This is an ordinary English note about the weather. It numbers nothing. " * 40,
    "KẾ HOẠCH\nI. NHIỆM VỤ\n| STT | Nhiệm vụ | Cơ quan chủ trì |\n| --- | --- | --- |\n",
])
def test_odd_input_is_refused_or_read(text: str) -> None:
    try:
        parse_text(text, source="x.md")
    except PlanReadError:
        pass


def test_english_run_is_not_read_as_a_plan() -> None:
    # a long English run that never calls itself a plan: refused, not read sentence by sentence
    with pytest.raises(PlanReadError):
        parse_text("The committee met on Monday. It agreed to meet again. " * 60, source="x.md")


# ---- reflow.lost_breaks: a plan laid out as a table of long rows has its line breaks ----------------------------

def test_table_of_long_rows_is_no_lost_breaks_text() -> None:
    from dondoc.plans.reflow import REFLOWED, lost_breaks

    task = ("Tổ chức tuyên truyền, phổ biến các quy định của pháp luật về phòng, chống tác hại của thuốc lá trên các "
            "phương tiện thông tin đại chúng, hệ thống loa truyền thanh cơ sở, mạng xã hội và tại các cơ quan, đơn vị, "
            "trường học, khu dân cư; lồng ghép nội dung vào các buổi sinh hoạt của các đoàn thể chính trị - xã hội; "
            "biên soạn, in ấn và cấp phát tờ rơi, áp phích cho người dân ở các thôn, tổ dân phố")
    rows = "\n".join(f"| {i} | {task} (đợt {i}) | Sở Y tế | Sở Văn hóa, Thể thao và Du lịch; Ủy ban nhân dân các huyện, "
                     f"thị xã, thành phố | Quý {'IV' if i % 2 else 'II'}/2026 |" for i in range(1, 13))
    text = ("ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nSố: 15/KH-UBND\nKẾ HOẠCH\nPhòng, chống tác hại của thuốc lá năm 2026\n"
            "I. NHIỆM VỤ\n| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            + rows + "\n")
    assert not lost_breaks(text)
    plan = parse_text(text, source="x.md")
    assert REFLOWED not in plan["warnings"] and len(plan["assignments"]) == 12


def test_run_of_text_with_two_long_unended_lines_is_still_lost() -> None:
    from dondoc.plans.reflow import lost_breaks

    run = ("KẾ HOẠCH Tổ chức hội thi I. MỤC ĐÍCH Nâng cao nhận thức của người dân II. NHIỆM VỤ 1. Sở Y tế chủ trì "
           "tổ chức hội thi cấp tỉnh 2. Sở Tài chính bảo đảm kinh phí ") * 8
    assert lost_breaks(run[:900] + "\n" + run[900:])


# ---- pdftext: a page's last table row with no cells (odd input) ---------------------------------------------------

def test_split_row_join_with_an_empty_row_does_not_crash() -> None:
    from dondoc.plans.pdftext import Line, _join_split_rows

    prev = Line("|  |", 0, 100, 700, 710, 0.0, 3.0, table=True, cells=())
    head = Line("|  | tiếp theo |", 0, 100, 50, 60, 0.0, 3.0, table=True, cells=("", "tiếp theo"))
    pages = [[prev], [head]]
    _join_split_rows(pages)
    assert pages[1] == [head]  # grids of different widths: not joined
