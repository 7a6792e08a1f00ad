"""Duties that hold the words the round `nontask` reads as a statement or a name's end (benchmarks/probe_recall.py's
failure classes). Invented in the genre (a commune's, a district's, a ministry's plan; not the probe's province), each
with the (ref, leads) of the gold conventions (../shared/seeds/gold/README.md), written before the fix.

A role the plan gives a body is its duty ('X là lực lượng nòng cốt ..., chủ trì ...', 'X vẫn là đầu mối ..., có trách
nhiệm ...'); so is a state told and then the work ahead ('X đang triển khai ..., tiếp tục ...', 'X chưa hoàn thành
..., khẩn trương ...', 'X còn có trách nhiệm ...'); a passive handover ('X được phân công / ủy quyền ...'); a label and
a body's task on a heading's line ('Kết quả thực hiện: X báo cáo ...'); a request of the issuer's peer under a unit."""

from __future__ import annotations

import pytest

from dondoc.plans import parse_text
from dondoc.plans.placing import accounts_for_past
from dondoc.plans.statements import states_fact
from tests.unit.plans.conftest import lead_name

HEAD = ("ỦY BAN NHÂN DÂN\nHUYỆN AN LÃO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 33/KH-UBND\nAn Lão, ngày 12 tháng 01 năm 2026\nKẾ HOẠCH\nPhòng, chống dịch bệnh truyền nhiễm năm 2026\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nChủ động phòng, chống dịch bệnh, không để dịch lớn xảy ra.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền, nâng cao nhận thức của người dân\n"
        "Đẩy mạnh truyền thông về phòng, chống dịch trên hệ thống loa truyền thanh.\nIII. TỔ CHỨC THỰC HIỆN\n"
        "1. Phòng Y tế:\n- Chủ trì theo dõi tình hình dịch bệnh trên địa bàn.\n")
FOOT = "Nơi nhận:\n- UBND tỉnh (b/c);\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Tâm\n"
BASE = [("III.1", ["Phòng Y tế"])]


def _pairs(body: str, head: str = HEAD, annex: str = "", flat: bool = False) -> list[tuple[str, list[str]]]:
    text = head + body + FOOT + annex
    if flat:
        text = " ".join(text.split())
    return [(a["ref"], a["lead"]) for a in parse_text(text, source="t.txt")["assignments"]]


# (subject, predicate): a duty whose subject comes before a role or a state word
DUTIES = [
    ("Trung tâm Y tế huyện", "là lực lượng nòng cốt trong giám sát dịch bệnh, chủ trì phối hợp với các xã điều tra ổ dịch."),
    ("Ủy ban nhân dân các xã", "là cấp trực tiếp triển khai, chịu trách nhiệm tổ chức cách ly tại cộng đồng."),
    ("Phòng Văn hóa và Thông tin", "là thành viên Ban Chỉ đạo, phối hợp với Trung tâm Y tế huyện tuyên truyền phòng dịch."),
    ("Trung tâm Y tế huyện", "đang giám sát ổ dịch sốt xuất huyết, tiếp tục chủ trì phun hóa chất diệt muỗi tại các thôn."),
    ("Trạm Y tế xã", "vẫn là đầu mối tiếp nhận thông tin ca bệnh, có trách nhiệm báo cáo Trung tâm Y tế huyện trong 24 giờ."),
    ("Phòng Giáo dục và Đào tạo", "vẫn tiếp tục chỉ đạo các trường học vệ sinh lớp học, khử khuẩn đồ dùng."),
    ("Phòng Tài chính - Kế hoạch", "còn có trách nhiệm thẩm định dự toán mua sắm hóa chất, vật tư phòng dịch."),
    ("Phòng Nông nghiệp và Môi trường", "chưa hoàn thành việc tiêm phòng cho đàn gia cầm, khẩn trương hoàn thành trước ngày 30/4/2026."),
    ("Trung tâm Y tế huyện", "đã triển khai tiêm chủng tại 5 xã, tiếp tục mở rộng tại các xã còn lại."),
    ("Phòng Giáo dục và Đào tạo", "đồng thời là cơ quan thường trực Ban Chỉ đạo trường học an toàn, chủ trì kiểm tra các trường."),
    ("Trung tâm Y tế huyện", "hiện đang điều tra ổ dịch tay chân miệng, tiếp tục chủ trì khoanh vùng xử lý."),
    ("Phòng Tài chính - Kế hoạch", "được phân công chủ trì thẩm định dự toán kinh phí phòng, chống dịch."),
    ("Trung tâm Y tế huyện", "được UBND huyện ủy quyền phê duyệt kế hoạch tiêm chủng mở rộng."),
    ("Công an huyện", "với vai trò là lực lượng nòng cốt, chủ trì bảo đảm an ninh trật tự tại các khu cách ly."),
]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


@pytest.mark.parametrize(("subj", "pred"), DUTIES)
def test_a_role_or_state_then_a_duty_numbered(subj: str, pred: str) -> None:
    assert _pairs(f"2. {subj} {pred}\n") == [*BASE, ("III.2", [subj])]


@pytest.mark.parametrize(("subj", "pred"), DUTIES)
def test_a_role_or_state_then_a_duty_under_its_heading(subj: str, pred: str) -> None:
    # (the subject repeated in the body's duty list: the statement rule must not drop it)
    assert _pairs(f"2. {subj}:\n- {subj} {pred}\n") == [*BASE, ("III.2", [subj])]


@pytest.mark.parametrize(("subj", "pred"), DUTIES)
def test_a_role_or_state_then_a_duty_in_the_narrative(subj: str, pred: str) -> None:
    body = HEAD.replace("loa truyền thanh.\n", f"loa truyền thanh.\n{subj} {pred}\n")
    assert _pairs("", head=body) == [("II.1", [subj]), *BASE]


@pytest.mark.parametrize(("subj", "pred"), DUTIES)
def test_a_heading_then_its_role_or_state_flattened(subj: str, pred: str) -> None:
    # ('2. Phòng Y tế' / 'Vẫn tiếp tục ...' run into one line: the name ends before the capital)
    assert _pairs(f"2. {subj}\n{_cap(pred)}\n", flat=True) == [*BASE, ("III.2", [subj])]


@pytest.mark.parametrize(("sentence", "name"), [
    ("Công an huyện là lực lượng nòng cốt trong bảo đảm an ninh, chủ trì phối hợp với các xã.", "Công an huyện"),
    ("UBND các xã là cấp trực tiếp triển khai, chịu trách nhiệm tổ chức thực hiện.", "UBND các xã"),
    ("Trạm Y tế xã đang giám sát ca bệnh, tiếp tục chủ trì xử lý ổ dịch.", "Trạm Y tế xã"),
    ("Trạm Y tế xã vẫn là đầu mối tiếp nhận thông tin, có trách nhiệm báo cáo kịp thời.", "Trạm Y tế xã"),
    ("Phòng Nội vụ được phân công chủ trì tổng hợp kết quả.", "Phòng Nội vụ"),
    ("Phòng Nội vụ, với vai trò cơ quan thường trực, chủ trì theo dõi.", "Phòng Nội vụ"),
    ("Chủ tịch UBND các xã là người đứng đầu, chịu trách nhiệm toàn diện về công tác phòng dịch.", "Chủ tịch UBND các xã"),
    ("Phòng Tư pháp hiện là cơ quan quản lý hộ tịch, chủ trì cập nhật dữ liệu.", "Phòng Tư pháp"),
    # (the first verb after the clause's comma: the name read up to it holds the state)
    ("Trạm Y tế xã chưa cập nhật dữ liệu tiêm chủng, khẩn trương hoàn thành trong tháng 3/2026.", "Trạm Y tế xã"),
])
def test_the_name_stops_before_the_role_or_state(sentence: str, name: str) -> None:
    assert lead_name(sentence) == name


@pytest.mark.parametrize("item", [
    "Các thôn chưa thành lập tổ phòng dịch cộng đồng thì khẩn trương thành lập trước ngày 31/3/2026.",
    "Trung tâm Y tế huyện đã giám sát 12 ổ dịch. Năm 2026, tiếp tục giám sát chặt chẽ các ổ dịch cũ.",
    # (a thing said to be what it is, then the duty: 'Công tác X là nhiệm vụ trọng tâm, triển khai ...')
    "Công tác giám sát dịch bệnh là nhiệm vụ trọng tâm, triển khai thường xuyên tại các thôn.",
])
def test_a_state_then_the_work_ahead_under_a_heading(item: str) -> None:
    assert not states_fact(item)
    assert _pairs(f"2. Trung tâm Y tế huyện:\n- {item}\n") == [*BASE, ("III.2", ["Trung tâm Y tế huyện"])]


@pytest.mark.parametrize("item", [
    # (still statements: what was done, what is; a next clause in the past is no duty)
    "Năm 2025, Trung tâm Y tế huyện đã giám sát 12 ổ dịch, xử lý kịp thời 30 ca bệnh.",
    "Trung tâm Y tế huyện đã tổ chức 8 lớp tập huấn, hướng dẫn 200 cán bộ y tế thôn.",
    "Một số xã chưa bố trí kinh phí cho công tác phòng dịch, chưa quan tâm đúng mức.",
    "Hệ thống giám sát dịch bệnh của các xã còn thiếu, chưa đồng bộ.",
    "Trạm Y tế xã đang gặp nhiều khó khăn về nhân lực.",
    "Nguyên nhân là do nhận thức của người dân còn hạn chế, chưa chủ động phòng bệnh.",
])
def test_statements_stay_statements(item: str) -> None:
    assert states_fact(item)


LABELS = "2. Tổ chức tiêm vắc xin sởi cho trẻ em\n- Chủ trì: Trung tâm Y tế huyện\n- Phối hợp: Phòng Giáo dục và Đào tạo\n" \
         "- Thời gian: Quý II/2026.\n"


@pytest.mark.parametrize(("subj", "pred"), [d for d in DUTIES if d[0] not in ("Trung tâm Y tế huyện", "Phòng Giáo dục và Đào tạo")])
def test_a_role_or_state_then_a_duty_after_labels(subj: str, pred: str) -> None:
    # (another body's duty after a task's labels, as 'Trạm Y tế xã bố trí ...' there is)
    assert _pairs(LABELS + f"{subj} {pred}\n") == [*BASE, ("III.2", ["Trung tâm Y tế huyện"]), ("III.2", [subj])]


@pytest.mark.parametrize("item", [
    # 'Theo <a document>, <verb> ...': in accordance with it, the heading body's duty (not a quote of what it says)
    "Theo Nghị định số 117/2020/NĐ-CP, kiểm tra, xử lý các vi phạm về vệ sinh an toàn thực phẩm.",
    "Theo quy định tại Luật Phòng bệnh, tổ chức giám sát ca bệnh tại cộng đồng.",
    "Tại Kế hoạch số 05/KH-UBND, thực hiện tiêm chủng cho trẻ em dưới 5 tuổi.",
    "Theo quy định tại khoản 2, Điều 12 Nghị định số 42/2022/NĐ-CP, công khai các thủ tục hành chính trên Cổng dịch vụ công.",
])
def test_a_duty_in_accordance_with_a_document(item: str) -> None:
    assert not states_fact(item)
    assert _pairs(f"2. Trung tâm Y tế huyện:\n- {item}\n") == [*BASE, ("III.2", ["Trung tâm Y tế huyện"])]


@pytest.mark.parametrize("item", [
    "Theo Luật Phòng, chống thiên tai, Ủy ban nhân dân cấp xã có trách nhiệm tổ chức sơ tán dân.",
    "Theo Quyết định số 18/QĐ-UBND, Trung tâm Y tế huyện là thành viên Ban Chỉ đạo.",
    "Theo Nghị định số 47/2020/NĐ-CP, dữ liệu dùng chung được chia sẻ miễn phí.",
])
def test_what_a_document_says_stays_a_quote(item: str) -> None:
    assert states_fact(item)


# --- 'Đề nghị' under a unit's heading ---

def test_a_request_of_the_front_under_a_department_is_a_request() -> None:
    body = "2. Phòng Văn hóa và Thông tin:\n- Chủ trì tuyên truyền phòng, chống dịch.\n" \
           "- Đề nghị Ủy ban MTTQ Việt Nam huyện phối hợp vận động người dân tiêm vắc xin.\n"
    assert _pairs(body) == [*BASE, ("III.2", ["Phòng Văn hóa và Thông tin"]), ("III.2", ["Ủy ban MTTQ Việt Nam huyện"])]


MINISTRY = ("BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 210/KH-BYT\n"
            "Hà Nội, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\nPhòng, chống bệnh sốt xuất huyết năm 2026\n"
            "I. MỤC ĐÍCH\nGiảm số ca mắc.\nII. TỔ CHỨC THỰC HIỆN\n")


def test_a_ministry_asks_its_peer_under_a_department() -> None:
    # (in a ministry's plan another ministry is no body above it: the plan's request, not the department's proposal;
    # the Government is above it)
    body = "1. Cục Phòng bệnh:\n- Chủ trì hướng dẫn giám sát dịch.\n- Đề nghị Bộ Tài chính bố trí kinh phí mua hóa chất.\n" \
           "- Đề nghị Chính phủ bổ sung kinh phí dự phòng.\n"
    assert _pairs(body, head=MINISTRY) == [("II.1", ["Cục Phòng bệnh"]), ("II.1", ["Bộ Tài chính"]), ("II.1", ["Cục Phòng bệnh"])]


def test_a_department_proposes_to_a_ministry_in_a_local_plan() -> None:
    body = "2. Trung tâm Y tế huyện:\n- Chủ trì giám sát dịch.\n- Đề nghị Bộ Y tế hỗ trợ vắc xin.\n"
    assert _pairs(body) == [*BASE, ("III.2", ["Trung tâm Y tế huyện"]), ("III.2", ["Trung tâm Y tế huyện"])]


# --- 'Tình hình thực hiện' ---

ROWS = ("| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
        "| 1 | Phun hóa chất diệt muỗi | Trung tâm Y tế huyện | Quý II/2026 |\n")


@pytest.mark.parametrize("title", [
    "TÌNH HÌNH THỰC HIỆN NĂM 2025, DỰ KIẾN NHIỆM VỤ NĂM 2026",
    "TÌNH HÌNH THỰC HIỆN VÀ PHÂN CÔNG NHIỆM VỤ NĂM 2026",
    "KẾT QUẢ THỰC HIỆN NĂM 2025 VÀ ĐỀ XUẤT NHIỆM VỤ NĂM 2026",
])
def test_an_annex_of_the_past_and_the_work_ahead_holds_tasks(title: str) -> None:
    assert not accounts_for_past("PHỤ LỤC II " + title)
    assert _pairs("", annex=f"PHỤ LỤC\n{title}\n{ROWS}") == [*BASE, ("PL.1", ["Trung tâm Y tế huyện"])]


def test_an_annex_of_the_past_alone_holds_none() -> None:
    assert accounts_for_past("PHỤ LỤC II TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ NĂM 2025")
    assert _pairs("", annex=f"PHỤ LỤC\nTÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ NĂM 2025\n{ROWS}") == BASE


@pytest.mark.parametrize(("body", "want"), [
    ("2. Tình hình thực hiện Kế hoạch: Phòng Y tế tổng hợp, báo cáo UBND huyện trước ngày 15/12/2026.\n", ["Phòng Y tế"]),
    ("2. Kết quả thực hiện: Trung tâm Y tế huyện báo cáo Phòng Y tế trước ngày 10/12/2026.\n", ["Trung tâm Y tế huyện"]),
    ("2. Tình hình triển khai\nPhòng Y tế theo dõi, tổng hợp tình hình triển khai, báo cáo UBND huyện.\n", ["Phòng Y tế"]),
])
def test_a_reporting_item_titled_tinh_hinh_is_a_task(body: str, want: list[str]) -> None:
    assert _pairs(body) == [*BASE, ("III.2", want)]


EXAMPLE = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
    "Số: 12/KH-UBND\n"
    "An Giang, ngày 10 tháng 3 năm 2026\n"
    "KẾ HOẠCH\n"
    "Triển khai công tác chuyển đổi số năm 2026\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Nâng cao hiệu quả.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Sở Khoa học và Công nghệ\n"
    "Là cơ quan thường trực, chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp báo cáo UBND tỉnh.\n"
    "2. Sở Nội vụ là cơ quan đầu mối, chủ trì hướng dẫn các đơn vị triển khai.\n"
    "3. Sở Tài chính\n"
    "- Là cơ quan tham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
    "- Chủ trì thẩm định dự toán.\n"
    "4. Công an tỉnh là lực lượng nòng cốt trong bảo đảm an ninh mạng, chủ trì phối hợp với các đơn vị kiểm tra.\n"
    "5. Ủy ban nhân dân các xã, phường\n"
    "Là cấp trực tiếp triển khai, chịu trách nhiệm tổ chức thực hiện trên địa bàn.\n"
    "6. Sở Y tế đang triển khai bệnh án điện tử, tiếp tục chủ trì mở rộng tại các bệnh viện.\n"
    "7. Trung tâm Phục vụ hành chính công tỉnh vẫn là đầu mối tiếp nhận hồ sơ, có trách nhiệm hướng dẫn người dân.\n"
)


def test_the_example_plan() -> None:
    # (the brief's example: a role, a state, then the duty, in a province's 'II. TỔ CHỨC THỰC HIỆN')
    text = EXAMPLE
    want = [("II.1", ["Sở Khoa học và Công nghệ"]), ("II.2", ["Sở Nội vụ"]), ("II.3", ["Sở Tài chính"]),
            ("II.3", ["Sở Tài chính"]), ("II.4", ["Công an tỉnh"]), ("II.5", ["Ủy ban nhân dân các xã, phường"]),
            ("II.6", ["Sở Y tế"]), ("II.7", ["Trung tâm Phục vụ hành chính công tỉnh"])]
    for flat in (False, True):
        t = " ".join(text.split()) if flat else text
        assert [(a["ref"], a["lead"]) for a in parse_text(t, source="t.txt")["assignments"]] == want
