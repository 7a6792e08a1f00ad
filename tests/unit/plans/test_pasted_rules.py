"""The rules of the pasted-text round (branch cut2), one pure function at a time: how a heading reads once its line
break is lost (plans.pasted), when a pasted text is one whose breaks were lost (reflow.lost_breaks), where duties part
in a joined paragraph (runon.split_duties), where a body's name ends (bodies.leading_body, name_ends), the lead named
after its task (subjects), the cut's last item (cut.drop_cut_tail), and two readings of time (timing, timing_text).
Each case fails on the code before the round where it tests a rule; counter-examples keep what must stay."""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.plans.cut import drop_cut_tail
from dondoc.plans.pasted import dash_body, dotless_subitems, double_title
from dondoc.plans.reflow import lost_breaks, restore_breaks
from dondoc.plans.runon import split_duties
from dondoc.plans.subjects import _handed_out
from dondoc.plans.timing import parse_timing
from dondoc.plans.timing_text import timing_in_text
from dondoc.plans.titles import title_then_body
from tests.unit.plans.conftest import lead_name


# --- pasted.dash_body: '1. <title> - <Body> <verb>' -----------------------------------------------------------------
@pytest.mark.parametrize(("par", "cut"), [
    ("1. Phát triển hạ tầng khu công nghiệp - Ban Quản lý Khu kinh tế đầu tư hoàn thiện hạ tầng.", "1. Phát triển hạ tầng khu công nghiệp"),
    ("2. Tổ chức cứu trợ - Sở Nông nghiệp và Môi trường chủ trì tổng hợp nhu cầu.", "2. Tổ chức cứu trợ"),
    # counter-examples: a body's double name, two places, a body heading with an apposition
    ("1. Phòng Kinh tế - Hạ tầng tham mưu bố trí kinh phí.", None),
    ("3. Đầu tư tuyến đường sắt Lào Cai - Hải Phòng theo quy hoạch.", None),
    ("1. Công an tỉnh - Thường trực Ban Chỉ đạo chủ trì theo dõi.", None),
    ("II. NHIỆM VỤ - Sở Y tế chủ trì.", None),
])
def test_dash_body(par: str, cut: str | None) -> None:
    d = dash_body(par, len(par))
    assert (par[:d] if d is not None else None) == cut


def test_title_then_body_moved() -> None:  # (moved out of reflow unchanged)
    par = "1. Quản lý thị trường Sở Công Thương chủ trì, phối hợp với Công an tỉnh kiểm tra."
    assert par[: title_then_body(par)].strip() == "1. Quản lý thị trường"
    assert title_then_body("1. Bộ trưởng Bộ Công an có trách nhiệm chỉ đạo.") is None


# --- pasted.dotless_subitems: '... 1.1 Nâng cao ...' --------------------------------------------------------------------
def test_dotless_subitems() -> None:
    pars = ["1. Tăng cường sự lãnh đạo về chính sách xã hội 1.1 Nâng cao nhận thức về chính sách",
            "- Chủ trì: Công chức Văn hóa - Xã hội.", "1.2 Khen thưởng tập thể tiêu biểu", "2. Chăm lo người có công 2.1 Thăm hỏi"]
    assert dotless_subitems(pars) == ["1. Tăng cường sự lãnh đạo về chính sách xã hội", "1.1 Nâng cao nhận thức về chính sách",
                                      "- Chủ trì: Công chức Văn hóa - Xã hội.", "1.2 Khen thưởng tập thể tiêu biểu",
                                      "2. Chăm lo người có công", "2.1 Thăm hỏi"]


@pytest.mark.parametrize("par", [
    "1. Tổ chức tập huấn theo mục 1.1 Phụ lục kèm theo.",  # a cited part
    "2. Tổ chức tập huấn 1.1 Nâng cao kỹ năng",  # not the item it falls under (2.1 would be)
    "1. Tổ chức tập huấn 1.3 Nâng cao kỹ năng",  # not the next sub-item
])
def test_dotless_subitems_counter(par: str) -> None:
    assert dotless_subitems([par]) == [par]


def test_double_title() -> None:
    par = "Chủ trì: Công chức Văn phòng - Thống kê. - Thời gian"
    k = par.index(" - Thống")
    assert double_title(par, k, k + 3)
    par = "- Tổ chức tuyên truyền - Thống kê số liệu"
    k = par.index(" - Thống")
    assert not double_title(par, k, k + 3)


# --- reflow: pasted texts whose breaks were lost -----------------------------------------------------------------------
_WRAPPED_RESOLUTION = (
    "HỘI ĐỒNG NHÂN DÂN TỈNH X NGHỊ QUYẾT Ban hành Kế hoạch giám sát năm 2025 Căn cứ Luật Tổ chức chính quyền\n"
    "địa phương; QUYẾT NGHỊ: Điều 1. Ban hành kèm theo Nghị quyết này Kế hoạch giám sát năm 2025. Điều 2.\n"
    "Tổ chức thực hiện 1. Thường trực Hội đồng nhân dân tỉnh chỉ đạo hoạt động giám sát. 2. Các Ban của Hội\n"
    "đồng nhân dân tỉnh xây dựng kế hoạch giám sát chuyên đề. Điều 3. Nghị quyết này có hiệu lực từ ngày ký.\n")
_WRAPPED_SHORT = (
    "BỘ X KẾ HOẠCH Triển khai Luật Dữ liệu Thực hiện Quyết định số 45/QĐ-TTg, Bộ X ban hành Kế hoạch như sau: I.\n"
    "NHIỆM VỤ 1. Xây dựng Cổng thông tin dữ liệu - Cơ quan chủ trì: Cục Chuyển đổi số. - Thời hạn hoàn thành:\n"
    "Quý IV/2025.\n")


@pytest.mark.parametrize("text", [_WRAPPED_RESOLUTION, _WRAPPED_SHORT])
def test_lost_breaks_wrapped(text: str) -> None:
    assert lost_breaks(text)


def test_lost_breaks_laid_out() -> None:  # counter-example: articles and items on lines of their own
    text = ("NGHỊ QUYẾT\nQUYẾT NGHỊ:\nĐiều 1. Ban hành Kế hoạch.\nĐiều 2. Tổ chức thực hiện\n1. Thường trực HĐND tỉnh chỉ đạo.\n"
            "2. Các Ban của HĐND tỉnh giám sát.\nĐiều 3. Nghị quyết này có hiệu lực từ ngày ký.\n")
    assert not lost_breaks(text)


def test_level_number_is_no_item() -> None:
    out = restore_breaks("KẾ HOẠCH X như sau: I. NHIỆM VỤ 1. Cứu trợ ưu tiên các địa bàn cấp độ 1. Cấp ngay lương thực ở vùng "
                         "ngập mức 2. Sơ tán người dân. 2. Khắc phục hậu quả.")
    assert "cấp độ 1. Cấp ngay" in out and "mức 2. Sơ tán" in out and "\n\n2. Khắc phục" in out


def test_request_after_title() -> None:
    out = restore_breaks("KẾ HOẠCH X như sau: I. NHIỆM VỤ 1. Công tác lãnh đạo, chỉ đạo Đề nghị Ủy ban Mặt trận Tổ quốc Việt "
                         "Nam tỉnh tuyên truyền. 2. Yêu cầu Các sở, ngành triển khai.")
    assert "\n\n1. Công tác lãnh đạo, chỉ đạo\n\nĐề nghị Ủy ban" in out and "\n\n2. Yêu cầu Các sở" in out


# --- runon.split_duties ----------------------------------------------------------------------------------------------
def test_bullet_kept_whole() -> None:
    par = "- Phát triển hạ tầng số đồng bộ, hiện đại. Các doanh nghiệp viễn thông phối hợp phát triển hạ tầng dùng chung."
    assert split_duties([par], section_end=[False]) == [par]
    par = "Phát triển hạ tầng số đồng bộ, hiện đại. Các doanh nghiệp viễn thông phối hợp phát triển hạ tầng dùng chung."
    assert len(split_duties([par], section_end=[False])) == 2  # (not a bullet: a body's sentence is a duty of its own)


def test_heads_of_every_kind_not_split() -> None:
    par = ("Xác định phòng, chống ma túy là nhiệm vụ của cả hệ thống chính trị. Người đứng đầu cấp ủy, chính quyền, cơ quan, "
           "tổ chức có trách nhiệm trực tiếp lãnh đạo công tác này.")
    assert split_duties([par], section_end=[False]) == [par]
    par = "Đổi mới hình thức tuyên truyền. Thủ trưởng các sở, ban, ngành chủ trì triển khai tuyên truyền."
    assert len(split_duties([par], section_end=[False])) == 2


# --- where a body's name ends ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("Thường trực tham mưu thực hiện Chương trình.", None),
    ("Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện.", "Thường trực Hội đồng nhân dân tỉnh"),
    ("Các xã, phường vùng ven biển cần được hỗ trợ khắc phục hậu quả.", None),
    ("Ủy ban nhân dân các xã cần chủ động rà soát danh sách.", "Ủy ban nhân dân các xã"),
    ("Cổng thông tin quốc gia về quản lý dữ liệu cung cấp dịch vụ.", None),
    ("Các xã ven đô còn duy trì không gian nông nghiệp.", None),
    ("Các trạm y tế chưa triển khai bệnh án điện tử.", None),
    ("Ban Quản lý Khu kinh tế đầu tư hoàn thiện hạ tầng kỹ thuật.", "Ban Quản lý Khu kinh tế"),
    ("Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì thẩm định.", "Ban Quản lý dự án đầu tư xây dựng tỉnh"),
    ("Sở Nội vụ xác định công tác cải cách hành chính là nhiệm vụ trọng tâm.", "Sở Nội vụ"),
])
def test_name_end(text: str, name: str | None) -> None:
    assert lead_name(text) == name


# --- the lead named after its task ------------------------------------------------------------------------------------
def test_lead_after_task() -> None:
    t = "- Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã. Sở Nội vụ chủ trì thực hiện, hoàn thành trong năm 2025."
    assert [(sb[0], sb[2]) for _, sb in _handed_out(t)] == [("Sở Nội vụ", False)]
    t = ("Tiếp tục tăng cường sự lãnh đạo của Đảng. Người đứng đầu cấp ủy, chính quyền có trách nhiệm trực tiếp lãnh "
         "đạo công tác này.")
    assert _handed_out(t) == []


# --- the cut's last item ---------------------------------------------------------------------------------------------
def _a(ref: str, text: str, lead: list[str]) -> dict[str, object]:
    return {"ref": ref, "text": text, "lead": lead}


def test_cut_bullet_barely_begun() -> None:
    items = [_a("III.1", "Tổ chức quán triệt Kế hoạch đến cán bộ.", ["Các sở, ngành"]), _a("III.1", "- Tăng cường công t", ["Các sở, ngành"])]
    assert [x["text"] for x in drop_cut_tail(items, "- Tăng cường công t")] == ["Tổ chức quán triệt Kế hoạch đến cán bộ."]
    shown = _a("III.1", "- Tăng cường công tác tuyên truyền phòng, chống ma t", ["Các sở, ngành"])
    assert drop_cut_tail([shown], shown["text"]) == [shown]  # (its task shows)
    named = _a("II.3", "UBND cấp xã chủ trì, phối hợp với các Sở, ban", ["UBND cấp xã"])
    assert drop_cut_tail([named], named["text"]) == [named]  # (its body and its partners are named in it)


# --- time ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("phrase", "due"), [
    ("Tháng 7 - 12/2025", "2025-12-31"),
    ("tháng 3 đến tháng 6/2026", "2026-06-30"),
    ("Từ tháng 7/2025 đến tháng 12/2025", "2025-12-31"),
    ("trước ngày 7-12/2025", "2025-12-07"),  # a date, not months
])
def test_month_ranges(phrase: str, due: str) -> None:
    r = parse_timing(phrase, plan_year=2025, issued_on=dt.date(2025, 3, 1))
    assert (r["kind"], r["due"]) == ("once", due)


@pytest.mark.parametrize(("text", "kind"), [
    ("Sở Y tế xác định đây là nhiệm vụ quan trọng, thường xuyên, lâu dài; đánh giá kết quả thực hiện hằng năm.", "recurring"),
    ("Sở Nội vụ xác định cải cách hành chính là nhiệm vụ trọng tâm, thường xuyên của các cơ quan.", "continuous"),
    ("Công an tỉnh tuần tra thường xuyên; tổng kết hằng năm.", "continuous"),  # (the task's own 'thường xuyên')
])
def test_nature_of_duty(text: str, kind: str) -> None:
    assert timing_in_text(text, plan_year=2025, issued_on=dt.date(2025, 3, 1))["kind"] == kind


@pytest.mark.parametrize(("phrase", "kind"), [
    ("Quý III/2025 và tiếp tục thực hiện trong các năm tiếp theo", "continuous"),
    ("Năm 2025; các năm tiếp theo", "continuous"),
    ("Từ năm 2025 trở đi", "continuous"),
    ("Quý IV năm 2024 và các năm tiếp theo", "continuous"),  # (as before)
    ("Năm 2025", "once"),
    ("Năm 2025; năm 2026 tổng kết", "once"),
])
def test_carried_on_label(phrase: str, kind: str) -> None:
    assert parse_timing(phrase, plan_year=2025, issued_on=dt.date(2025, 3, 1))["kind"] == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("Sở Y tế chủ trì tuyên truyền trong Quý IV năm 2025 và các năm tiếp theo.", "continuous"),
    ("Sở Y tế chủ trì tuyên truyền trong năm 2025 và tiếp tục thực hiện trong các năm tiếp theo.", "continuous"),
    ("Sở Y tế chủ trì tuyên truyền từ năm 2025 trở đi.", "continuous"),
    ("Sở Y tế chủ trì tuyên truyền, hoàn thành trong năm 2025.", "once"),
])
def test_carried_on_in_text(text: str, kind: str) -> None:
    assert timing_in_text(text, plan_year=2025, issued_on=dt.date(2025, 3, 1))["kind"] == kind


def test_subject_after_condition_not_an_object() -> None:
    t = ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc cần kịp thời thông tin về Sở Giao thông vận tải để tổng hợp "
         "tham mưu UBND tỉnh báo cáo Bộ Giao thông vận tải.")
    assert _handed_out(t) == []
    t = "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành kịp thời báo cáo Ủy ban nhân dân tỉnh."
    assert [sb[0] for _, sb in _handed_out(t)] == ["các sở, ngành"]  # (the subject after the condition, as before)


def test_ellipsis_ends_a_list() -> None:
    out = restore_breaks("KẾ HOẠCH X như sau: I. NHIỆM VỤ 1. Sở Y tế - Kiểm tra cây trồng, vật nuôi… - Thường xuyên cập nhật "
                         "thông tin.")
    assert "vật nuôi…\n\n- Thường xuyên" in out


# --- flattable.rebuild: a task table pasted as one run of words ------------------------------------------------------
def test_flat_table_rebuilt() -> None:
    from dondoc.plans.flattable import rebuild

    par = ("4. Ban hành văn bản. TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện 1 Quy định giá dịch vụ, "
           "phối hợp với Bảo hiểm xã hội tỉnh Sở Y tế Sở Tài chính, Bảo hiểm xã hội tỉnh Quý III/2025 2 Hướng dẫn thanh tra "
           "Thanh tra tỉnh Sở Y tế Thường xuyên")
    found = rebuild(par)
    assert found is not None
    before, rows = found
    assert before == "4. Ban hành văn bản."
    assert rows[2:] == ["| 1 | Quy định giá dịch vụ, phối hợp với Bảo hiểm xã hội tỉnh | Sở Y tế | Sở Tài chính, Bảo hiểm xã hội "
                        "tỉnh | Quý III/2025 |", "| 2 | Hướng dẫn thanh tra | Thanh tra tỉnh | Sở Y tế | Thường xuyên |"]


@pytest.mark.parametrize("par", [
    "Sở Nội vụ chủ trì báo cáo gửi TT Tỉnh ủy, TT HĐND tỉnh trước ngày 15/12.",  # 'TT' of recipients
    "TT Nội dung Cơ quan phối hợp Thời gian 1 Rà soát Sở Tư pháp Quý II/2025",  # no lead column ('chủ trì')
])
def test_flat_table_counter(par: str) -> None:
    from dondoc.plans.flattable import rebuild

    assert rebuild(par) is None


@pytest.mark.parametrize(("text", "kind"), [
    ("Sở Tài chính chủ trì bố trí kinh phí trong Quý I/2025.", "once"),  # a dated deadline after the money words
    ("Sở Tài chính chủ trì bố trí kinh phí hằng năm.", "unspecified"),  # (how money is found: as before)
])
def test_money_then_deadline(text: str, kind: str) -> None:
    assert timing_in_text(text, plan_year=2025, issued_on=dt.date(2025, 3, 1))["kind"] == kind


def test_bracketed_lead_label() -> None:
    from dondoc.plans.bracketed import trailing_body

    tb = trailing_body("Xây dựng quy chế phối hợp (Đơn vị thực hiện: Sở Y tế; thời gian: Quý IV/2025).")
    assert tb is not None and tb[0] == "Sở Y tế"
    assert trailing_body("Tổ chức tập huấn cho cán bộ (các xã: An Phú, Bình Minh).") is None
    assert trailing_body("Tổ chức tập huấn (Đơn vị thực hiện: theo phân công).") is None  # (no body named)


def test_inline_time_after_lead_label() -> None:
    from dondoc.plans.labelled import labelled_assignments

    def make(ref: str, text: str, lead: list[str], support: list[str] | None = None) -> dict[str, object]:
        return {"ref": ref, "text": text, "lead": lead, "support": support or [], "timing": {"kind": "unspecified"}}

    got = labelled_assignments("II.2.a", "Đào tạo nhân viên y tế thôn, bản",
                               ["- Chủ trì: Sở Y tế; phối hợp: Sở Nội vụ; thời gian: hằng năm."], make,
                               lambda phrase: {"kind": parse_timing(phrase, plan_year=2025, issued_on=None)["kind"]})
    assert [(a["lead"], a["support"], a["timing"]["kind"]) for a in got] == [(["Sở Y tế"], ["Sở Nội vụ"], "recurring")]
