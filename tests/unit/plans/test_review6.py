"""A sceptical review of the fifth session's last rules (abbr, blocks2 / labelblocks, support, bracketed, emphasis,
labelclauses, factor / gridfactor, tabtable, monthgrid, unnumbered, the closing sentence, ctime / ctime2 timing):
made-up plans in the genre, each written where a rule could fire on plans it was not written for (or fail to reach the
forms it names), with what a careful annotator following the gold README would give.

Conventions used (gold README, DOMAIN.md, the blind.md notes of the rounds): one entry per task given to a named body;
a closing sentence telling the bodies to report difficulties has the section's ref, an item's own conditional duty
stays with its item; a phrase that factors out a head word or introduces a list ('Các Sở: Y tế, Công Thương', 'Các
đơn vị: Sở Y tế, Công an tỉnh') gives one lead per body; a split role ('Sở A chủ trì; Sở B phối hợp') is one task with
B its support; a time point's first due date in the plan's first year, the first of separate milestones."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dondoc.errors import PlanReadError
from dondoc.plans import parse_text
from dondoc.plans.timing import parse_timing, timing_in_text

PROVINCE = (
    "ỦY BAN NHÂN DÂN TỈNH SÔNG XANH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 88/KH-UBND\nSông Xanh, ngày 15 tháng 3 năm 2025\nKẾ HOẠCH\n"
    "Triển khai công tác năm 2025\n"
)
ISSUED = dt.date(2025, 3, 15)
AUGUST = dt.date(2025, 8, 15)


def _parse(body: str) -> dict[str, Any]:
    return parse_text(PROVINCE + body, source="probe.txt", year=2025)


def _pairs(body: str) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((a["ref"], tuple(a["lead"])) for a in _parse(body)["assignments"])


# --- abbreviations: kept (a short name of an index, the insurance named by its initials, a task force's short name) ---
ABBR = [
    (
        # a short name defined for an index is no body: 'PCI năm 2025 tăng ...' is a target, not a task of 'PCI'
        "index-short-name",
        "I. MỤC TIÊU\nNâng cao Bộ chỉ số năng lực cạnh tranh cấp tỉnh (viết tắt là PCI).\nII. NHIỆM VỤ\n1. Cải thiện môi "
        "trường đầu tư\n- PCI năm 2025 tăng ít nhất 3 bậc so với năm 2024.\n- Sở Kế hoạch và Đầu tư chủ trì tổ chức đối thoại "
        "doanh nghiệp hằng quý.\n",
        [("II.1", ("Sở Kế hoạch và Đầu tư",))],
    ),
    (
        # 'BHXH tự nguyện', 'BHYT': the insurance, not the agency
        "insurance-initials",
        "I. MỤC TIÊU\n- BHXH tự nguyện: phấn đấu đạt 5% lực lượng lao động tham gia.\n- BHYT đạt 95% dân số tham gia.\n"
        "II. NHIỆM VỤ\n1. Bảo hiểm xã hội tỉnh chủ trì tuyên truyền vận động người dân tham gia BHXH tự nguyện.\n",
        [("II.1", ("Bảo hiểm xã hội tỉnh",))],
    ),
    (
        # a short name defined for a code of law names no body (was a lead 'BLLĐ quy định rõ quyền ...')
        "code-short-name",
        "I. NHIỆM VỤ\n1. Tuyên truyền, phổ biến Bộ luật Lao động năm 2019 (sau đây viết tắt là BLLĐ) đến người lao động.\n- BLLĐ "
        "quy định rõ quyền của người lao động; Sở Nội vụ chủ trì hướng dẫn doanh nghiệp thực hiện.\n2. Sở Tư pháp chủ trì biên "
        "soạn tài liệu hỏi đáp về BLLĐ.\n",
        [("I.1", ("Sở Nội vụ",)), ("I.2", ("Sở Tư pháp",))],
    ),
    (
        # a plan's short name of a body it sets up leads that body's task later
        "task-force-short-name",
        "I. NHIỆM VỤ\n1. Thành lập Tổ công tác liên ngành (sau đây gọi tắt là TCT) do Phó Chủ tịch UBND tỉnh làm Tổ "
        "trưởng.\n2. TCT kiểm tra việc thực hiện tại các xã, hoàn thành trong Quý III/2025.\n",
        [("I.2", ("TCT",))],
    ),
]


@pytest.mark.parametrize(("name", "body", "expected"), ABBR, ids=[c[0] for c in ABBR])
def test_abbreviations(name: str, body: str, expected: list) -> None:
    assert _pairs(body) == expected


def test_split_role_in_abbreviations() -> None:
    (a,) = _parse("I. NHIỆM VỤ\n1. Sở TC chủ trì; Sở KH&ĐT, Sở NV phối hợp tham mưu bố trí kinh phí thực hiện Kế hoạch.\n")[
        "assignments"]
    assert (a["lead"], a["support"]) == (["Sở TC"], ["Sở KH&ĐT", "Sở NV"])


# --- a plural word introducing the list of bodies: 'Các Sở: Y tế, Công Thương', 'Các đơn vị: Sở Y tế, Công an tỉnh' ---
INTRO = [
    (
        # the names carry their head word themselves: the intro names no body of its own (was 'Các Hội: Hội Nông dân tỉnh')
        "intro-full-names",
        "II. NHIỆM VỤ\n1. Các Hội: Hội Nông dân tỉnh, Hội Liên hiệp Phụ nữ tỉnh tuyên truyền, vận động hội viên.\n",
        [("II.1", ("Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"))],
    ),
    (
        "intro-heading",
        "II. NHIỆM VỤ\n1. Các đơn vị: Sở Y tế, Công an tỉnh, Đài Phát thanh và Truyền hình tỉnh\n- Tổ chức tuyên truyền về an "
        "toàn thực phẩm.\n",
        [("II.1", ("Sở Y tế", "Công an tỉnh", "Đài Phát thanh và Truyền hình tỉnh"))],
    ),
    (
        # (was 'Các cơ quan, đơn vị')
        "intro-sentence",
        "II. NHIỆM VỤ\n1. Các cơ quan, đơn vị: Sở Y tế, Công an tỉnh, Đài Phát thanh và Truyền hình tỉnh tổ chức tuyên truyền "
        "về an toàn thực phẩm.\n",
        [("II.1", ("Sở Y tế", "Công an tỉnh", "Đài Phát thanh và Truyền hình tỉnh"))],
    ),
    (
        # (was 'Các đơn vị')
        "intro-in-label",
        "II. NHIỆM VỤ\n1. Tuyên truyền về an toàn thực phẩm.\n- Đơn vị thực hiện: Các đơn vị: Sở Y tế, Công an tỉnh.\n",
        [("II.1", ("Sở Y tế", "Công an tỉnh"))],
    ),
    (
        # factor.py names 'Phòng' a head it factors; the name reader did not open a name with 'Các Phòng' (no entry)
        "factored-rooms",
        "II. NHIỆM VỤ\n1. Các Phòng: Kinh tế, Văn hóa - Xã hội tham mưu UBND xã tổ chức kiểm tra.\n",
        [("II.1", ("Phòng Kinh tế", "Phòng Văn hóa - Xã hội"))],
    ),
    (
        # a head of two words before the colon (was 'Các Trung tâm')
        "factored-centres",
        "II. NHIỆM VỤ\n1. Các Trung tâm: Y tế huyện, Văn hóa - Thể thao huyện tổ chức tuyên truyền.\n",
        [("II.1", ("Trung tâm Y tế huyện", "Trung tâm Văn hóa - Thể thao huyện"))],
    ),
    (
        # the factored list as a label's value (was 'Các Sở')
        "factored-label",
        "II. NHIỆM VỤ\n1. Kiểm tra an toàn thực phẩm tại các chợ.\n- Cơ quan chủ trì: Các Sở: Y tế, Công Thương.\n- Thời gian "
        "thực hiện: Quý III/2025.\n",
        [("II.1", ("Sở Y tế", "Sở Công Thương"))],
    ),
    (
        # ... in a per-task block's lettered field
        "factored-block-field",
        "II. NHIỆM VỤ\n1. Tổ chức kiểm tra liên ngành\na) Nội dung: Kiểm tra an toàn thực phẩm tại các chợ.\nb) Cơ quan chủ trì: "
        "Các Sở: Y tế, Công Thương.\nc) Cơ quan phối hợp: Công an tỉnh.\nd) Thời gian thực hiện: Quý III/2025.\n",
        [("II.1", ("Sở Y tế", "Sở Công Thương"))],
    ),
    (
        # the comma of initials parts no names (was 'Sở VH', 'Sở TT&DL')
        "factored-initials",
        "II. NHIỆM VỤ\n1. Các Sở: VH,TT&DL, GD&ĐT tổ chức Hội khỏe Phù Đổng cấp tỉnh.\n",
        [("II.1", ("Sở VH,TT&DL", "Sở GD&ĐT"))],
    ),
    # kept: 'Các sở:' before a duty opening with a capital, not a list of names
    (
        "collective-before-duty",
        "II. NHIỆM VỤ\n1. Các sở: Căn cứ chức năng, nhiệm vụ được giao, chủ động xây dựng kế hoạch triển khai.\n",
        [("II.1", ("Các sở",))],
    ),
    # kept: one body of 2025 whose name joins two fields by 'và' is not parted
    (
        "merged-board",
        "II. NHIỆM VỤ\n1. Ban Tuyên giáo và Dân vận Tỉnh ủy, Văn phòng Tỉnh ủy chỉ đạo công tác tuyên truyền.\n",
        [("II.1", ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "Văn phòng Tỉnh ủy"))],
    ),
]


@pytest.mark.parametrize(("name", "body", "expected"), INTRO, ids=[c[0] for c in INTRO])
def test_listed_bodies(name: str, body: str, expected: list) -> None:
    assert _pairs(body) == expected


# --- labelclauses: a split role in a lead label is one task, not two bodies' own sentences ---
def test_split_role_in_a_lead_label_is_one_task() -> None:
    body = ("II. NHIỆM VỤ\n1. Tổ chức tiêm chủng mở rộng\n- Cơ quan thực hiện: Sở Y tế chủ trì; Sở Tài chính, Sở Nội vụ phối "
            "hợp.\n- Thời gian thực hiện: Quý II/2025.\n")
    (a,) = _parse(body)["assignments"]  # (was two entries: 'Sở Tài chính, Sở Nội vụ phối hợp' read as their own task)
    assert (a["ref"], a["lead"], a["support"], a["timing"]["due"]) == ("II.1", ["Sở Y tế"], ["Sở Tài chính", "Sở Nội vụ"],
                                                                        "2025-06-30")


def test_two_bodies_own_sentences_in_a_lead_label() -> None:  # kept
    body = ("II. NHIỆM VỤ\n1. Tổ chức tiêm chủng mở rộng\n- Cơ quan thực hiện: Sở Y tế tổ chức tiêm chủng; Sở Tài chính bố trí "
            "kinh phí.\n- Thời gian thực hiện: Quý II/2025.\n")
    assert _pairs(body) == [("II.1", ("Sở Tài chính",)), ("II.1", ("Sở Y tế",))]


# --- per-task blocks (labelblocks, blocks2): kept ---
BLOCKS = [
    (
        # a section of the plan's own parts ('Nội dung', 'Thời gian:', 'Địa điểm:') holds no task
        "plan-parts",
        "I. MỤC ĐÍCH, YÊU CẦU\nTuyên truyền pháp luật.\nII. NỘI DUNG, THỜI GIAN\n1. Nội dung\n- Tổ chức Hội thi tìm hiểu pháp "
        "luật cho cán bộ, công chức.\n2. Thời gian: Tháng 9/2025.\n3. Địa điểm: Hội trường UBND tỉnh.\nIII. TỔ CHỨC THỰC "
        "HIỆN\n1. Sở Tư pháp chủ trì tổ chức Hội thi.\n2. Sở Tài chính bố trí kinh phí.\n",
        [("III.1", ("Sở Tư pháp",)), ("III.2", ("Sở Tài chính",))],
    ),
    (
        # lettered tasks, one of them opening with 'Thời gian': no block of fields
        "tasks-not-fields",
        "II. NHIỆM VỤ\n1. Cải cách hành chính\na) Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trong Quý "
        "II/2025.\nb) Thời gian làm việc của Bộ phận Một cửa được niêm yết công khai.\nc) Sở Tư pháp kiểm tra việc giải quyết "
        "thủ tục hành chính.\n",
        [("II.1.a", ("Sở Nội vụ",)), ("II.1.c", ("Sở Tư pháp",))],
    ),
    (
        # the content field names the bodies guided, the lead field the one leading
        "content-names-object",
        "II. NHIỆM VỤ\n1. Rà soát hộ nghèo\na) Nội dung: Hướng dẫn Ủy ban nhân dân các xã rà soát hộ nghèo, hộ cận nghèo.\nb) "
        "Cơ quan chủ trì: Sở Nội vụ.\nc) Thời gian: Quý IV/2025.\n",
        [("II.1", ("Sở Nội vụ",))],
    ),
    (
        "labels-unbulleted",
        "II. NHIỆM VỤ\n1. Tổ chức Hội nghị triển khai Kế hoạch\nThời gian: ngày 20/5/2025.\nĐịa điểm: Hội trường Ủy ban nhân dân "
        "tỉnh.\nThành phần: Lãnh đạo các sở, ban, ngành.\nĐơn vị thực hiện: Văn phòng Ủy ban nhân dân tỉnh.\n2. Sở Tài chính "
        "bố trí kinh phí.\n",
        [("II.1", ("Văn phòng Ủy ban nhân dân tỉnh",)), ("II.2", ("Sở Tài chính",))],
    ),
    (
        "numbered-task-blocks-abbreviated",
        "II. NHIỆM VỤ\nNhiệm vụ 1. Tập huấn nghiệp vụ\n- Nội dung: Tập huấn cho cán bộ cấp xã.\n- Cơ quan chủ trì: Sở NV.\n- Cơ "
        "quan phối hợp: UBND các xã.\n- Thời gian: Quý II/2025.\nNhiệm vụ 2. Kiểm tra\n- Nội dung: Kiểm tra công vụ.\n- Cơ quan "
        "chủ trì: Sở NV.\n- Thời gian: Quý IV/2025.\n",
        [("II.1", ("Sở NV",)), ("II.2", ("Sở NV",))],
    ),
    (
        # the labels run on the title's own line after its full stop (was: II.1 lost)
        "labels-after-title",
        "II. NHIỆM VỤ\n1. Tổ chức tập huấn cho cán bộ cấp xã. Cơ quan chủ trì: Sở Nội vụ. Thời gian: Quý II/2025.\n2. Sở Tài "
        "chính bố trí kinh phí.\n",
        [("II.1", ("Sở Nội vụ",)), ("II.2", ("Sở Tài chính",))],
    ),
    (
        # markdown bold labels
        "bold-labels",
        "II. NHIỆM VỤ\n**1. Tổ chức tiêm chủng**\n- **Chủ trì:** Sở Y tế.\n- **Phối hợp:** Sở Tài chính.\n- **Thời gian:** Quý "
        "II/2025.\n",
        [("II.1", ("Sở Y tế",))],
    ),
]


@pytest.mark.parametrize(("name", "body", "expected"), BLOCKS, ids=[c[0] for c in BLOCKS])
def test_task_blocks(name: str, body: str, expected: list) -> None:
    assert _pairs(body) == expected


# --- the closing sentence: only the closing words speak for the section; an item's own conditional is the item's ---
CLOSING = [
    (
        # an item's own conditional duty in a paragraph of its own (was moved to the section: ref III)
        "item-conditional-paragraph",
        "III. NHIỆM VỤ\n\n1. Công tác giám sát\n\nSở Y tế chủ trì tổ chức giám sát dịch bệnh tại các xã.\n\nTrong quá trình "
        "thực hiện, nếu phát hiện ổ dịch, Trung tâm Kiểm soát bệnh tật tỉnh báo cáo ngay Sở Y tế.\n\n2. Kinh phí\n\nSở Tài "
        "chính bố trí kinh phí thực hiện.\n",
        [("III.1", ("Sở Y tế",)), ("III.1", ("Trung tâm Kiểm soát bệnh tật tỉnh",)), ("III.2", ("Sở Tài chính",))],
    ),
    (
        # ... at the end of the item's paragraph (was cut off and given to the section)
        "item-conditional-tail",
        "III. NHIỆM VỤ\n\n1. Công tác giám sát\n\nSở Y tế chủ trì tổ chức giám sát dịch bệnh tại các xã. Trong quá trình thực "
        "hiện, nếu phát hiện ổ dịch, Trung tâm Kiểm soát bệnh tật tỉnh báo cáo ngay Sở Y tế.\n\n2. Kinh phí\n\nSở Tài chính bố "
        "trí kinh phí thực hiện.\n",
        [("III.1", ("Sở Y tế",)), ("III.1", ("Trung tâm Kiểm soát bệnh tật tỉnh",)), ("III.2", ("Sở Tài chính",))],
    ),
    (
        # the closing run into the last item's own numbered line (was III.2)
        "closing-on-the-item-line",
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh.\n\n2. Sở Tài chính bố trí kinh phí thực hiện. "
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành phản ánh về Sở Y tế để tổng hợp, báo cáo Ủy ban "
        "nhân dân tỉnh.\n",
        [("III", ("các sở, ngành",)), ("III.1", ("Sở Y tế",)), ("III.2", ("Sở Tài chính",))],
    ),
    (
        # kept: the closing paragraph
        "closing-paragraph",
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh.\n\n2. Sở Tài chính bố trí kinh phí thực "
        "hiện.\n\nTrong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành phản ánh về Sở Y tế để tổng hợp, báo cáo "
        "Ủy ban nhân dân tỉnh.\n",
        [("III", ("các sở, ngành",)), ("III.1", ("Sở Y tế",)), ("III.2", ("Sở Tài chính",))],
    ),
    (
        # kept: the same words as a requirement of the Yêu cầu section are no task
        "closing-as-requirement",
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng phòng, chống dịch.\n2. Yêu cầu\n- Trong quá trình thực hiện, "
        "nếu có khó khăn, vướng mắc, các sở, ngành phải kịp thời báo cáo Ủy ban nhân dân tỉnh.\nII. NHIỆM VỤ\n1. Sở Y tế chủ "
        "trì tổ chức giám sát dịch bệnh.\n",
        [("II.1", ("Sở Y tế",))],
    ),
    (
        # kept: 'phản ánh' of the press is its task
        "press-reports",
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí tuyên truyền.\n2. Báo Sông Xanh, "
        "Đài Phát thanh và Truyền hình tỉnh phản ánh kịp thời kết quả thực hiện Kế hoạch.\n",
        [("III.1", ("Sở Thông tin và Truyền thông",)), ("III.2", ("Báo Sông Xanh", "Đài Phát thanh và Truyền hình tỉnh"))],
    ),
]


@pytest.mark.parametrize(("name", "body", "expected"), CLOSING, ids=[c[0] for c in CLOSING])
def test_closing(name: str, body: str, expected: list) -> None:
    assert _pairs(body) == expected


# --- bracketed: a bracket glossing the bodies a phrase names is no lead ---
def test_bracket_glossing_the_upper_level_is_no_lead() -> None:
    body = ("II. NHIỆM VỤ\n1. Công tác chỉ đạo\n- Triển khai kịp thời các văn bản hướng dẫn của cơ quan cấp trên (Bộ Y tế, Bộ "
            "Nội vụ).\n2. Sở Y tế chủ trì tổ chức tập huấn.\n")
    assert _pairs(body) == [("II.2", ("Sở Y tế",))]  # (was II.1 led by 'Bộ Y tế', 'Bộ Nội vụ')


def test_bracket_naming_the_lead() -> None:  # kept
    assert _pairs("II. NHIỆM VỤ\n1. Công tác chỉ đạo\n- Tổ chức hội nghị triển khai Kế hoạch (Sở Y tế chủ trì).\n") == [
        ("II.1", ("Sở Y tế",))]


# --- tab-separated tables: a tab aligning labels or figures in ordinary lines makes no table ---
def test_tabs_aligning_labels() -> None:
    body = ("II. NHIỆM VỤ\n1. Tổ chức tiêm chủng mở rộng cho trẻ em dưới 5 tuổi.\n- Cơ quan chủ trì:\tSở Y tế\t\tThời gian:\tQuý "
            "II/2025\n- Cơ quan phối hợp:\tSở Tài chính\t\tKinh phí:\tNgân sách tỉnh\n2. Sở Tài chính bố trí kinh phí thực hiện.\n")
    got = {(a["ref"], tuple(a["lead"])): a for a in _parse(body)["assignments"]}
    assert sorted(got) == [("II.1", ("Sở Y tế",)), ("II.2", ("Sở Tài chính",))]  # (was: II.1 lost)
    assert got[("II.1", ("Sở Y tế",))]["timing"]["due"] == "2025-06-30"


def test_tabs_aligning_targets() -> None:
    body = ("I. MỤC TIÊU\n- Tỷ lệ hộ nghèo:\tdưới 3%\tnăm 2025\n- Tỷ lệ lao động qua đào tạo:\t70%\tnăm 2025\n- Tỷ lệ trẻ em được "
            "tiêm chủng:\t98%\tnăm 2025\nII. NHIỆM VỤ\n1. Sở Y tế chủ trì tổ chức tiêm chủng.\n")
    assert sorted(t["value"] for t in _parse(body)["targets"]) == [3, 70, 98]  # (was: none)


def test_tab_table_and_signature_kept() -> None:
    body = ("II. NHIỆM VỤ CỤ THỂ\nSTT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n1\tTổ chức tập "
            "huấn cho cán bộ y tế\tSở Y tế\tSở Tài chính\tQuý II/2025\n2\tBố trí kinh phí\tSở Tài chính\tSở Y tế\tQuý I/2025\nNơi "
            "nhận:\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\tKT. CHỦ TỊCH\n- Lưu: VT.\tPHÓ CHỦ TỊCH\n\t\tNguyễn Văn A\n")
    got = sorted((a["ref"], tuple(a["lead"]), a["timing"]["due"]) for a in _parse(body)["assignments"])
    assert got == [("II.1", ("Sở Y tế",), "2025-06-30"), ("II.2", ("Sở Tài chính",), "2025-03-31")]


# --- month grids: kept (a results table by month is no grid of ticks) ---
def test_results_by_month_make_no_task() -> None:
    body = ("I. KẾT QUẢ\n| STT | Chỉ tiêu | Tháng 1 | Tháng 2 | Tháng 3 |\n|---|---|---|---|---|\n| 1 | Số ca mắc sốt xuất huyết "
            "| 12 | 15 | 9 |\n| 2 | Số ca tử vong | 0 | 0 | 1 |\nII. NHIỆM VỤ\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh.\n")
    assert _pairs(body) == [("II.1", ("Sở Y tế",))]


def test_month_grid_ticks() -> None:
    head = "| STT | Nội dung | Đơn vị chủ trì | " + " | ".join(f"T{i}" for i in range(1, 13)) + " |\n|" + "---|" * 15 + "\n"
    rows = ("| 1 | Tập huấn | Sở Y tế |" + " |" * 3 + " x |" + " |" * 5 + " x |" + " |" * 2 + "\n"
            "| 2 | Giám sát | Sở Y tế |" + " x |" * 12 + "\n")
    got = sorted((a["ref"], a["timing"]["kind"], a["timing"]["due"]) for a in _parse("II. NHIỆM VỤ\n" + head + rows)["assignments"])
    assert got == [("II.1", "recurring", "2025-04-30"), ("II.2", "continuous", None)]


def test_quarter_grid_ticks() -> None:
    # the month grid's reading holds for a grid of quarters (was: no timing at all)
    body = ("II. NHIỆM VỤ\n| STT | Nội dung | Đơn vị chủ trì | Quý I | Quý II | Quý III | Quý IV |\n|---|---|---|---|---|---|---|\n"
            "| 1 | Tập huấn | Sở Y tế | | x | | x |\n| 2 | Kiểm tra | Sở Nội vụ | | | x | |\n| 3 | Tuyên truyền | Sở Y tế | x | x | x "
            "| x |\n| 4 | Sơ kết | Sở Nội vụ | | x | x | |\n")
    got = sorted((a["ref"], a["timing"]["kind"], a["timing"]["due"]) for a in _parse(body)["assignments"])
    assert got == [("II.1", "recurring", "2025-06-30"), ("II.2", "once", "2025-09-30"), ("II.3", "continuous", None),
                   ("II.4", "once", "2025-09-30")]


# --- a text numbering nothing (unnumbered.py) ---
_HEAD_SYT = ("SỞ Y TẾ TỈNH SÔNG XANH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 45/TTr-SYT\nSông Xanh, "
             "ngày 10 tháng 3 năm 2025\n")


def test_a_submission_up_is_no_plan() -> None:
    # a Tờ trình submits a draft to the superior: it hands no task (was: an entry led by 'Sở Y tế kính')
    text = (_HEAD_SYT + "TỜ TRÌNH\nVề việc phê duyệt Kế hoạch phòng, chống dịch năm 2025\nKính gửi: Ủy ban nhân dân tỉnh Sông "
            "Xanh.\nCăn cứ Luật Phòng, chống bệnh truyền nhiễm năm 2007, Sở Y tế đã xây dựng dự thảo Kế hoạch phòng, chống dịch năm "
            "2025.\nSở Y tế kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt Kế hoạch.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    with pytest.raises(PlanReadError):
        parse_text(text, source="probe.txt", year=2025)


def test_conclusions_formula_is_no_duty() -> None:
    # a Thông báo kết luận: '... Chủ tịch ... kết luận như sau:' ends the preamble (was an entry of its own)
    text = (PROVINCE.split("KẾ HOẠCH")[0].replace("88/KH-UBND", "45/TB-UBND") + "THÔNG BÁO\nKết luận của Chủ tịch Ủy ban nhân "
            "dân tỉnh tại cuộc họp về phòng, chống dịch\nNgày 05/3/2025, Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp về công tác "
            "phòng, chống dịch. Sau khi nghe báo cáo, Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:\nGiao Sở Y tế chủ trì, phối "
            "hợp với các địa phương tăng cường giám sát dịch bệnh, báo cáo kết quả trước ngày 30/4/2025.\nSở Tài chính tham mưu bố "
            "trí kinh phí phòng, chống dịch, hoàn thành trong tháng 4/2025.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    got = sorted((tuple(a["lead"]), a["timing"]["due"]) for a in parse_text(text, source="probe.txt", year=2025)["assignments"])
    assert got == [(("Sở Tài chính",), "2025-04-30"), (("Sở Y tế",), "2025-04-30")]


# --- timing in a task's sentence ---
SENTENCES = [
    # building or issuing the criteria is the task: its deadline is its own (was: none, read as the review's time)
    ("Sở Nội vụ xây dựng bộ tiêu chí đánh giá, xếp loại chính quyền cơ sở, hoàn thành trong Quý III/2025.", ISSUED,
     ("once", "2025-09-30")),
    ("Sở Nội vụ tham mưu ban hành tiêu chí thi đua, khen thưởng năm 2025, hoàn thành trước ngày 30/6/2025.", ISSUED,
     ("once", "2025-06-30")),
    # kept: the result counted as a criterion of the year's review
    ("Kết quả thực hiện là tiêu chí đánh giá, xếp loại mức độ hoàn thành nhiệm vụ năm 2025.", ISSUED, ("unspecified", None)),
    # 'Định kỳ hằng năm' before a month of the year (was: no due date)
    ("Định kỳ hằng năm, tổ chức tổng kết vào tháng 12 và biểu dương khen thưởng.", ISSUED, ("recurring", "2025-12-31")),
    # a lunar festival with its year, no 'dịp' before it (was: none)
    ("Tổ chức Tết Trung thu cho thiếu nhi năm 2025.", ISSUED, ("once", "2025-10-06")),
    # a day of the lunar calendar (was: read as 10 March, due 2026-03-10)
    ("Tổ chức Lễ giỗ Tổ Hùng Vương vào ngày 10 tháng 3 âm lịch hằng năm.", ISSUED, ("recurring", "2025-04-07")),
    # (merge with timeprobe) 'hoàn cảnh đặc biệt' is the adjective, not 'especially': the festival after it is no example
    # (was: the next festival, 'Tết Trung thu năm 2026', once a bare festival with its year was read)
    ("Phòng Văn hóa - Xã hội vận động tặng quà trẻ em có hoàn cảnh đặc biệt nhân dịp Tết Nguyên đán năm 2026 và Tết Trung"
     " thu năm 2026.", AUGUST, ("once", "2026-02-17")),
    # kept: ', đặc biệt ...' after a comma is 'especially' (the standing duty is the time)
    ("Sở Công Thương thường xuyên kiểm tra thị trường, đặc biệt trong dịp Tết Nguyên đán năm 2026.", AUGUST, ("continuous", None)),
]


@pytest.mark.parametrize(("sentence", "issued", "expected"), SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_timing_in_sentences(sentence: str, issued: dt.date, expected: tuple) -> None:
    t = timing_in_text(sentence, plan_year=issued.year, issued_on=issued)
    assert (t["kind"], t["due"]) == expected


PHRASES = [
    # months of every year listed in a bracket or after 'vào': the first one's end after the issue (was June 2026)
    ("Hằng năm (tháng 6 và tháng 12)", AUGUST, ("recurring", "2025-12-31")),
    ("Hằng năm, vào tháng 6 và tháng 12", AUGUST, ("recurring", "2025-12-31")),
    # a span of months every year: its end (was: no due date)
    ("Hằng năm (từ tháng 6 đến tháng 8)", ISSUED, ("recurring", "2025-08-31")),
    # two dated deadlines joined by 'và': separate milestones, the first (was the last)
    ("Trước ngày 30/6/2025 và ngày 30/11/2025", ISSUED, ("once", "2025-06-30")),
    # started, then kept up (was once)
    ("Tháng 6/2025 và duy trì thường xuyên", ISSUED, ("continuous", None)),
    # kept: a range; an act's date before the task's deadline
    ("Từ ngày 01/6/2025 đến ngày 30/6/2025", ISSUED, ("once", "2025-06-30")),
    ("Thực hiện Công văn ngày 12/3/2025 của Bộ, hoàn thành trước ngày 30/6/2025", ISSUED, ("once", "2025-06-30")),
    ("Quý II/2025 (đợt 1) và Quý IV/2025 (đợt 2)", ISSUED, ("once", "2025-06-30")),
    ("Năm 2025 và năm 2026", ISSUED, ("once", "2026-12-31")),
    ("Hằng năm (tháng 10)", ISSUED, ("recurring", "2025-10-31")),
]


@pytest.mark.parametrize(("phrase", "issued", "expected"), PHRASES, ids=[p[0] for p in PHRASES])
def test_timing_phrases(phrase: str, issued: dt.date, expected: tuple) -> None:
    t = parse_timing(phrase, plan_year=issued.year, issued_on=issued)
    assert (t["kind"], t["due"]) == expected
