"""Rules of the national genres (round 4 of precision probes). Names of national bodies whose words are verbs
elsewhere: where the name ends and the task starts.

A ministry's departments are named by their field, and the field is often a verb phrase ('Cục Công nghệ thông tin',
'Cục Trợ giúp pháp lý', 'Cục Quản lý, giám sát bảo hiểm', 'Vụ Các vấn đề chung về xây dựng pháp luật', 'Hội đồng
Quốc gia về phát triển bền vững'); compound nouns hold a syllable that is a verb alone ('Chương trình', 'công
trình', 'Ủy ban bầu cử'). Made up from the names ministries and councils carry, not from any labelled plan."""

from __future__ import annotations

import pytest

from dondoc.plans import parse_text
from dondoc.plans.blocks import Paragraph, build_blocks
from dondoc.plans.bodies import is_body_name, leading_body, split_bodies
from dondoc.plans.extract import _heading_body
from dondoc.plans.placing import accounts_for_past, in_no_task_section
from dondoc.plans.reflow import _split_heading, restore_breaks
from dondoc.plans.subjects import _handed_out
from dondoc.plans.tree import Node, build_tree
from dondoc.plans.verbs import find_verb
from tests.unit.plans.conftest import lead_name

NAMES = [
    "Cục Công nghệ thông tin", "Cục An toàn thông tin", "Cục Trợ giúp pháp lý", "Cục Quản lý, giám sát bảo hiểm",
    "Vụ Các vấn đề chung về xây dựng pháp luật", "Cục Đăng ký quốc gia giao dịch bảo đảm", "Cục Quản lý hoạt động xây dựng",
    "Hội đồng Quốc gia về phát triển bền vững", "Trung tâm Hỗ trợ phát triển doanh nghiệp",
    "Cục Giám định nhà nước về chất lượng công trình xây dựng", "Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh",
    "Ban Quản lý Chương trình", "Hội đồng bầu cử quốc gia", "Ủy ban bầu cử tỉnh", "Ban bầu cử",
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("role", ["chủ trì tổ chức triển khai Kế hoạch.", "phối hợp với Vụ Pháp chế rà soát văn bản.",
                                  "có trách nhiệm hướng dẫn các đơn vị.", ": chủ trì tổ chức triển khai."])
def test_name_before_its_role(name: str, role: str) -> None:
    text = name + ("" if role.startswith(":") else " ") + role
    assert lead_name(text) == name


@pytest.mark.parametrize("name", ["Cục Công nghệ thông tin", "Cục An toàn thông tin", "Cục Quản lý, giám sát bảo hiểm",
                                  "Cục Trợ giúp pháp lý", "Vụ Các vấn đề chung về xây dựng pháp luật"])
def test_heading_naming_a_department(name: str) -> None:
    assert is_body_name(name)


# the verb of a task stays a verb: an object or a document between it and the role, a comma, 'và', a plural object
@pytest.mark.parametrize(("text", "verb"), [
    ("Sở Tư pháp xây dựng quy chế phối hợp với Công an tỉnh.", "xây dựng"),
    ("Sở Y tế xây dựng kế hoạch phối hợp liên ngành.", "xây dựng"),
    ("Sở Nông nghiệp và Môi trường hỗ trợ các xã phối hợp với Hội Nông dân.", "hỗ trợ"),
    ("Sở Nội vụ theo dõi, chủ trì tổng hợp báo cáo.", "theo dõi"),
    ("Công an tỉnh kiểm tra và chủ trì xử lý vi phạm.", "kiểm tra"),
    ("Sở Tài chính thẩm định việc phối hợp với các sở.", "thẩm định"),
    ("Sở Y tế quản lý chặt chẽ.", "quản lý"),
    ("Bộ Công an trình Chính phủ ban hành Nghị định.", "trình"),
    ("Ủy ban nhân dân tỉnh cử cán bộ tham gia.", "cử"),
])
def test_task_verbs_stay_verbs(text: str, verb: str) -> None:
    m = find_verb(text, 2)
    assert m is not None and m.group(0) == verb


def test_heading_with_duty_is_no_name() -> None:
    assert not is_body_name("Sở Y tế kiểm tra, giám sát các cơ sở")
    assert not is_body_name("Sở Tư pháp xây dựng kế hoạch phổ biến")


@pytest.mark.parametrize(("phrase", "names"), [
    # the heads of a collective of kinds of units: one collective, as 'Các Cục, Vụ thuộc Bộ' is
    ("Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ", ["Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ"]),
    ("Người đứng đầu các Cục, Vụ thuộc Bộ", ["Người đứng đầu các Cục, Vụ thuộc Bộ"]),
    # the national organs of the mass organisations: 'Tổng Liên đoàn ...' opens a name of its own
    ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Tổng Liên đoàn Lao động Việt Nam, Hội Nông dân Việt Nam",
     ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Tổng Liên đoàn Lao động Việt Nam", "Hội Nông dân Việt Nam"]),
    ("Hội đồng bầu cử quốc gia, Ủy ban bầu cử tỉnh", ["Hội đồng bầu cử quốc gia", "Ủy ban bầu cử tỉnh"]),
])
def test_split_national_bodies(phrase: str, names: list[str]) -> None:
    assert split_bodies(phrase) == names


@pytest.mark.parametrize("heading", ["PHỤ LỤC", "PHỤ LỤC II", "**PHỤ LỤC**"])
def test_annex_heading_after_a_full_line_stands_alone(heading: str) -> None:
    # a plan attached to a decision ends with its last item, no signature, then its annex
    text = ("1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch và tổng hợp kết quả, báo cáo Bộ "
            "trưởng theo quy định.\n" + heading + "\nDANH MỤC NHIỆM VỤ\n")
    texts = [b.text for b in build_blocks(text) if isinstance(b, Paragraph)]
    assert texts[1].startswith(heading.strip("*"))  # (with its title: one paragraph, as before)


def test_annex_heading_before_its_table_in_a_flattened_text() -> None:
    flat = ("I. MỤC ĐÍCH Bảo đảm kịp thời. II. NHIỆM VỤ 1. Sở Y tế chủ trì theo dõi việc thực hiện Kế hoạch. 2. Sở Tài chính "
            "bố trí kinh phí. 3. Sở Nội vụ hướng dẫn. PHỤ LỤC | TT | Nội dung | Đơn vị chủ trì | |---|---|---| "
            "| 1 | Giám sát | Sở Y tế |")
    assert "\nPHỤ LỤC" in restore_breaks(flat)


@pytest.mark.parametrize("title", ["Bộ Công an (cơ quan chủ trì)", "Bộ Y tế (cơ quan thường trực):", "Vụ Pháp chế (đơn vị đầu mối)"])
def test_heading_with_its_role_in_brackets(title: str) -> None:
    name = title.split(" (")[0]
    assert _heading_body(title, has_items=True) == (name, False)


@pytest.mark.parametrize(("text", "lead"), [
    ("Tổ chức Hội nghị toàn quốc triển khai Luật do Phó Thủ tướng Chính phủ chủ trì; Bộ Công an chuẩn bị nội dung.",
     "Bộ Công an"),
    ("Tổ chức Hội nghị sơ kết do Bộ trưởng chủ trì, với sự tham dự của lãnh đạo các Sở. Văn phòng Bộ chuẩn bị hội trường.",
     "Văn phòng Bộ"),
])
def test_presiding_officer_then_the_body_preparing(text: str, lead: str) -> None:
    assert [sb[0] for _, sb in _handed_out(text)] == [lead]


def test_no_later_clause_without_a_presiding_officer() -> None:
    # a purpose or a requirement whose later clause names bodies is no task (the rule needs the meeting's chair)
    assert _handed_out("Nâng cao chất lượng giải quyết thủ tục hành chính; Thủ trưởng các cơ quan, đơn vị định kỳ rà soát.") == []


def test_collective_heading_run_into_its_first_unit() -> None:
    par = "2. Các đơn vị thuộc Bộ - Vụ Hợp tác quốc tế: chủ trì vận động nguồn viện trợ."
    assert _split_heading(par) == "2. Các đơn vị thuộc Bộ\n\n- Vụ Hợp tác quốc tế: chủ trì vận động nguồn viện trợ."
    assert _split_heading("IV. TỔ CHỨC THỰC HIỆN " + par).split("\n\n") == [
        "IV. TỔ CHỨC THỰC HIỆN", "2. Các đơn vị thuộc Bộ", "- Vụ Hợp tác quốc tế: chủ trì vận động nguồn viện trợ."]
    # a double name is no collective heading
    assert _split_heading("2. Văn phòng HĐND - UBND xã: chủ trì tổng hợp.") == "2. Văn phòng HĐND - UBND xã: chủ trì tổng hợp."


@pytest.mark.parametrize(("title", "kind", "no_task"), [
    ("KIẾN NGHỊ, ĐỀ XUẤT", "roman", True), ("Kiến nghị", "roman", True), ("Đề xuất, kiến nghị:", "roman", True),
    ("Kiến nghị", "num", False), ("Đề xuất sửa đổi Luật", "num", False), ("Đề xuất các giải pháp", "roman", False),
])
def test_proposals_section(title: str, kind: str, no_task: bool) -> None:
    assert in_no_task_section(Node("V", kind, title)) is no_task


def test_body_proposing_is_its_own_task() -> None:
    lb = leading_body("Sở Xây dựng kiến nghị Bộ Xây dựng tháo gỡ vướng mắc.")
    assert lb is not None and lb[0] == "Sở Xây dựng"


YEAR_PLAN = ("BỘ Y TẾ\nSố: 310/KH-BYT\nHà Nội, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\nCông tác năm 2025\n{results}\n"
             "I. CÔNG TÁC THỂ CHẾ\n1. Vụ Pháp chế chủ trì rà soát 320 văn bản, hoàn thành 100% kế hoạch.\n{plan}\n"
             "I. NHIỆM VỤ\n1. Vụ Pháp chế chủ trì xây dựng Thông tư, hoàn thành trong Quý III/2025.\n")


@pytest.mark.parametrize(("results", "plan", "ref"), [
    ("PHẦN I\nKẾT QUẢ THỰC HIỆN NĂM 2024", "PHẦN II\nKẾ HOẠCH NĂM 2025", "I.1"),
    ("PHẦN THỨ NHẤT: ĐÁNH GIÁ KẾT QUẢ NĂM 2024", "PHẦN THỨ HAI: NHIỆM VỤ NĂM 2025", "I.1"),
    ("A. KẾT QUẢ THỰC HIỆN NĂM 2024", "B. NHIỆM VỤ NĂM 2025", "B.I.1"),
])
@pytest.mark.parametrize("flat", [False, True])
def test_part_accounting_for_last_year(results: str, plan: str, ref: str, flat: bool) -> None:
    text = YEAR_PLAN.format(results=results, plan=plan)
    got = parse_text(" ".join(text.split()) if flat else text, source="p.md", year=2025)["assignments"]
    assert [(a["ref"], a["lead"]) for a in got] == [(ref, ["Vụ Pháp chế"])]


def test_part_title_on_its_nodes() -> None:
    blocks = [Paragraph("PHẦN I"), Paragraph("KẾT QUẢ THỰC HIỆN NĂM 2024"), Paragraph("I. THỂ CHẾ"), Paragraph("1. Vụ X làm.")]
    nodes = build_tree(blocks)
    assert [(n.ref, n.part_title) for n in nodes] == [("I", "KẾT QUẢ THỰC HIỆN NĂM 2024"), ("I.1", "KẾT QUẢ THỰC HIỆN NĂM 2024")]
    assert in_no_task_section(nodes[1])


@pytest.mark.parametrize(("title", "past"), [
    ("PHỤ LỤC I KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024", True), ("KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024", True),
    ("Phụ lục 1: Tình hình thực hiện năm 2024", True),
    ("PHỤ LỤC II DANH MỤC NHIỆM VỤ NĂM 2025", False), ("KẾT QUẢ THỰC HIỆN NĂM 2024 VÀ NHIỆM VỤ NĂM 2025", False),
    ("THỰC TRẠNG VÀ NHIỆM VỤ, GIẢI PHÁP", False), ("PHỤ LỤC", False),
])
def test_annex_accounting_for_the_past(title: str, past: bool) -> None:
    assert accounts_for_past(title) is past


def test_titled_annex_heading_after_a_signature_stands_alone() -> None:
    texts = [b.text for b in build_blocks("KT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Cường\n\nPHỤ LỤC I KẾT QUẢ NĂM 2024\n")
             if isinstance(b, Paragraph)]
    assert texts == ["KT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Cường", "PHỤ LỤC I KẾT QUẢ NĂM 2024"]


@pytest.mark.parametrize("sentence", ["Cổng Thông tin điện tử Bộ Y tế tuyên truyền về Kế hoạch.",
                                      "Bộ Công an quản lý dữ liệu dân cư.", "Sở Y tế kiểm tra an toàn thực phẩm"])
def test_short_duty_is_no_heading(sentence: str) -> None:
    assert not is_body_name(sentence)
