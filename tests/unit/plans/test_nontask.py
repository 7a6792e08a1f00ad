"""Sentences that name bodies but give no task, and tasks that name bodies that do not lead them (benchmarks/
probe_nontask.py's failure classes). Invented in the genre (a commune's or a district's plan, not the probe's
province), each with the (ref, leads) the gold conventions give (../shared/seeds/gold/README.md), written before the fix.

What makes a sentence a task: a task verb in the imperative frame (no subject: the heading's body does it; or a
body's name, then the verb); a statement says what was done or what is ('X đã ...', 'X chưa ...', 'X còn ...',
'Nguyên nhân là ...'), what another document says ('Theo Quyết định số ..., X ...', 'Chỉ thị số ... yêu cầu ...'),
or who issued what ('X ban hành Kế hoạch số 12/KH-UBND ...': a document with a number exists already)."""

from __future__ import annotations

import pytest

from dondoc.plans import parse_text
from dondoc.plans.bodies import leading_body
from dondoc.plans.placing import accounts_for_past
from tests.unit.plans.conftest import lead_name

HEAD = ("ỦY BAN NHÂN DÂN\nXÃ TÂN AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 21/KH-UBND\nTân An, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\nPhòng, chống thiên tai năm 2026\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nChủ động phòng ngừa, ứng phó kịp thời với thiên tai.\nII. TỔ CHỨC THỰC HIỆN\n")
FOOT = "Nơi nhận:\n- UBND tỉnh (b/c);\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Tâm\n"
# a body's heading over its duties, the first one a real task
DUTIES = "1. Công an xã:\n- Bảo đảm an ninh trật tự tại các khu vực sơ tán dân.\n"
ONE = [("II.1", ["Công an xã"])]


def _pairs(body: str) -> list[tuple[str, list[str]]]:
    return [(a["ref"], a["lead"]) for a in parse_text(HEAD + body + FOOT, source="t.txt")["assignments"]]


# --- under a body's heading: an item that states a fact is none of its duties ---

@pytest.mark.parametrize("item", [
    "Năm 2025, Công an xã đã phối hợp sơ tán 120 hộ dân ra khỏi vùng ngập lụt.",  # past results
    "Trong mùa mưa bão năm 2025, lực lượng Công an xã đã cứu nạn 15 người.",
    "Các thôn đã hoàn thành việc kiện toàn đội xung kích phòng, chống thiên tai.",
    "Ban Chỉ huy Quân sự xã đã chủ động bố trí lực lượng trực 24/24 giờ.",
    "Tuy nhiên, một số thôn chưa xây dựng phương án sơ tán dân.",  # situation
    "Trang thiết bị cứu hộ của Công an xã còn thiếu, chưa đáp ứng yêu cầu.",
    "Việc huấn luyện lực lượng xung kích của các thôn còn hạn chế.",
    "Nguyên nhân chủ yếu là do sự phối hợp giữa các lực lượng chưa đồng bộ.",
    "Kế hoạch số 05/KH-UBND ngày 10/01/2026 của UBND tỉnh đã xác định các nhiệm vụ trọng tâm.",  # quotes
    "Theo Quyết định số 18/QĐ-UBND ngày 03/01/2026 của UBND xã, Công an xã là thành viên Ban Chỉ huy phòng, chống thiên tai.",
    "Tại Công văn số 45/UBND-KT, UBND tỉnh yêu cầu các xã rà soát phương án ứng phó.",
    "Chỉ thị số 02/CT-UBND của Chủ tịch UBND tỉnh yêu cầu các địa phương chủ động ứng phó với mưa lũ.",
    # a thing as subject, a verb inside it ('kinh phí bố trí cho ...', 'hệ thống thông tin', 'toàn trình')
    "Kinh phí hỗ trợ cho lực lượng xung kích của các thôn còn thấp so với yêu cầu.",
    "Hệ thống cảnh báo sớm do Trạm Khí tượng lắp đặt vẫn chưa hoạt động ổn định.",
    "Tỷ lệ hộ dân ở vùng trũng được trang bị áo phao còn thấp.",
    "Theo Luật Phòng, chống thiên tai, Ủy ban nhân dân cấp xã có trách nhiệm tổ chức sơ tán dân.",  # a law quoted
])
@pytest.mark.parametrize("bullet", ["- ", ""])
def test_a_statement_under_a_body_is_no_duty(item: str, bullet: str) -> None:
    assert _pairs(DUTIES + bullet + item + "\n") == ONE


@pytest.mark.parametrize("item", [
    "Năm 2025, Công an xã đã phối hợp sơ tán 120 hộ dân ra khỏi vùng ngập lụt.",
    "Tuy nhiên, một số thôn chưa xây dựng phương án sơ tán dân.",
    "Theo Quyết định số 18/QĐ-UBND ngày 03/01/2026 của UBND xã, Công an xã là thành viên Ban Chỉ huy phòng, chống thiên tai.",
])
def test_a_statement_under_a_body_flattened(item: str) -> None:
    # (the plan's line breaks lost, as a law-library page's copy gives it: the run-on reader's path)
    text = " ".join((HEAD + DUTIES + "- " + item + "\n" + FOOT).split())
    assert [(a["ref"], a["lead"]) for a in parse_text(text, source="t.txt")["assignments"]] == ONE


@pytest.mark.parametrize("item", [
    "Tiếp tục triển khai các nhiệm vụ đã được giao tại Kế hoạch số 05/KH-UBND.",  # a verb first: the heading body's
    "Không để xảy ra tình trạng người dân ở lại vùng nguy hiểm khi đã có lệnh sơ tán.",
    "Chủ động phối hợp với các thôn còn thiếu lực lượng xung kích.",
    "Là cơ quan thường trực, giúp Ban Chỉ huy theo dõi tình hình.",
    "Căn cứ Kế hoạch số 05/KH-UBND, xây dựng phương án bảo đảm an ninh trật tự.",
    "Chú trọng phát hiện các công trình đã xuống cấp nhưng vẫn đưa vào sử dụng.",  # an opening verb the parser does not list
    "Trên cơ sở kết quả đã đạt được, tiếp tục nhân rộng mô hình tổ an ninh tự quản.",
    "Tổ chức tập huấn cho các thôn còn thiếu kinh nghiệm ứng phó.",
    "Dữ liệu về người dân ở vùng nguy hiểm được cập nhật thường xuyên.",
])
def test_a_duty_under_a_body_stays(item: str) -> None:
    assert _pairs(DUTIES + "- " + item + "\n") == [("II.1", ["Công an xã"]), ("II.1", ["Công an xã"])]


def test_collective_qualified_by_what_it_did_still_leads() -> None:
    # ('đã' qualifying a collective, the verb of the duty after it)
    assert _pairs("1. Các thôn đã đạt chuẩn an toàn thiên tai tiếp tục duy trì các tiêu chí.\n") == [
        ("II.1", ["Các thôn đã đạt chuẩn an toàn thiên tai"])]
    assert _pairs(DUTIES + "- Các thôn còn lại tổ chức rà soát phương án sơ tán.\n") == [
        ("II.1", ["Công an xã"]), ("II.1", ["Các thôn còn lại"])]
    assert _pairs(DUTIES + "- Các phương án đang xây dựng phải hoàn thành trước ngày 30/4/2026.\n") == [
        ("II.1", ["Công an xã"]), ("II.1", ["Công an xã"])]


# --- a handover that happened, a document that exists ---

@pytest.mark.parametrize("text", [
    "Năm 2025, UBND xã đã giao Công an xã chủ trì diễn tập phòng cháy, chữa cháy.",
    "Ngày 10/01/2026, UBND xã ban hành Kế hoạch số 05/KH-UBND giao Công an xã chủ trì diễn tập.",
    "UBND huyện đã ban hành Quyết định số 120/QĐ-UBND về việc kiện toàn Ban Chỉ huy.",
])
def test_past_handover_and_issued_document(text: str) -> None:
    assert _pairs("1. Công tác chuẩn bị\n" + text + "\n" + "2. Công an xã chủ trì diễn tập phòng cháy, chữa cháy.\n") == [
        ("II.2", ["Công an xã"])]


def test_present_handover_still_gives() -> None:
    assert _pairs("1. Công tác chuẩn bị\nUBND xã giao Công an xã chủ trì diễn tập phòng cháy, chữa cháy.\n") == [
        ("II.1", ["Công an xã"])]


# --- where a name stops in a task that names other bodies ---

@pytest.mark.parametrize(("sentence", "name"), [
    ("Công an xã tổ chức hội nghị triển khai, mời Công an huyện dự.", "Công an xã"),
    ("Công an xã tổ chức hội thi cứu nạn, cứu hộ cho các thôn.", "Công an xã"),
    ("Ban Quản lý chợ yêu cầu các hộ kinh doanh bảo đảm an toàn phòng cháy.", "Ban Quản lý chợ"),
    ("Trạm Y tế xã làm việc với các cơ sở kinh doanh thực phẩm về an toàn thực phẩm.", "Trạm Y tế xã"),
    ("Công chức Địa chính được UBND xã giao làm đầu mối, tổng hợp tình hình sạt lở.", "Công chức Địa chính"),
])
def test_name_stops_before_its_part(sentence: str, name: str) -> None:
    assert lead_name(sentence) == name


@pytest.mark.parametrize("sentence", [
    "Các hộ kinh doanh còn gặp khó khăn trong việc thực hiện các quy định phòng cháy.",
    "Các thôn vùng trũng còn nhiều khó khăn trong công tác tổ chức sơ tán.",
    "Trạm Y tế xã được sáp nhập vào Trung tâm Y tế khu vực.",
])
def test_a_state_names_no_lead(sentence: str) -> None:
    assert leading_body(sentence) is None


# --- under a department, a proposal to the ministry is the department's ---

def test_proposal_to_a_ministry_under_a_department() -> None:
    plan = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC AN\nSố: 30/KH-UBND\nBắc An, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\nPhòng, chống "
            "dịch bệnh năm 2026\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường:\n- Hướng dẫn tiêm phòng cho "
            "đàn gia súc.\n- Đề nghị Bộ Nông nghiệp và Môi trường hỗ trợ vắc xin cho tỉnh.\n"
            "2. Đề nghị Ủy ban MTTQ Việt Nam tỉnh tuyên truyền, vận động nhân dân.\n" + FOOT)
    got = [(a["ref"], a["lead"], a["mode"]) for a in parse_text(plan, source="t.txt")["assignments"]]
    assert got == [("I.1", ["Sở Nông nghiệp và Môi trường"], "assign"), ("I.1", ["Sở Nông nghiệp và Môi trường"], "assign"),
                   ("I.2", ["Ủy ban MTTQ Việt Nam tỉnh"], "request")]


# --- an annex accounting for last year ---

@pytest.mark.parametrize("title", ["PHỤ LỤC II\nTÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ NĂM 2025",
                                   "Phụ lục 02: Tình hình triển khai nhiệm vụ phòng, chống thiên tai năm 2025"])
def test_annex_of_last_years_work(title: str) -> None:
    assert accounts_for_past(title.replace("\n", " "))


def test_annex_of_this_years_work() -> None:
    assert not accounts_for_past("PHỤ LỤC Tình hình và nhiệm vụ, giải pháp năm 2026")
    assert not accounts_for_past("PHỤ LỤC II DANH MỤC NHIỆM VỤ NĂM 2026")


# --- a body's own sentence after a task's label lines ---

def test_sentence_after_labels_is_its_own_task() -> None:
    body = ("1. Diễn tập phòng cháy, chữa cháy\n- Chủ trì: Công an xã\n- Phối hợp: các thôn\n- Thời gian: Quý II/2026.\n"
            "Trạm Y tế xã bố trí lực lượng sơ cứu tại địa điểm diễn tập.\n")
    assert _pairs(body) == [("II.1", ["Công an xã"]), ("II.1", ["Trạm Y tế xã"])]


@pytest.mark.parametrize("line", ["Năm 2025, Công an xã đã tổ chức 02 cuộc diễn tập.", "Kinh phí: do UBND xã bố trí.",
                                  "Sản phẩm: Báo cáo của Công an xã gửi UBND xã."])
def test_statement_after_labels_is_none(line: str) -> None:
    body = ("1. Diễn tập phòng cháy, chữa cháy\n- Chủ trì: Công an xã\n- Phối hợp: các thôn\n- Thời gian: Quý II/2026.\n"
            + line + "\n")
    assert _pairs(body) == [("II.1", ["Công an xã"])]
