"""Body names of kinds the parser did not know as the start or the end of a lead, on made-up fragments of the genre,
in the places a name stands (opening a sentence, after 'Giao' / 'Đề nghị', in a list, after 'phối hợp với', as a
heading over bullets, in '- Chủ trì: X'):
- armed and police units named by their formation ('Đồn Biên phòng ...', 'Hải đội 2', 'Trung đoàn 42', 'Lữ đoàn',
  'Trại giam ...', 'Lực lượng Dân quân tự vệ', 'Chỉ huy trưởng Ban Chỉ huy Quân sự xã');
- the statistics office after 2025 ('Thống kê tỉnh', under the Ministry of Finance) and collectives of firms ('các hợp
  tác xã', 'các ngân hàng thương mại', 'các tổ chức tín dụng') and banks by their brand ('Agribank chi nhánh ...');
- names holding a word that is a task verb elsewhere ('Trung tâm Dịch vụ tổng hợp xã', 'Quỹ Đầu tư phát triển tỉnh',
  'Trường Cán bộ quản lý', 'Cơ quan Cảnh sát điều tra Công an tỉnh'): the name runs past that word;
- a collective of kinds of units ('các Tổng cục, Cục', 'các cấp ủy, tổ chức đảng' inside a list) stays one name.
Counter-examples: nouns that open like a name but name no body ('Viện dẫn', 'Thống kê, báo cáo', 'Lực lượng lao
động', 'Trường hợp', 'Hội nghị', 'Hội thi', 'Ban hành', 'Công ty hóa') do not become leads."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text
from dondoc.plans.bodies import is_body_start, leading_body, split_bodies

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 21/KH-UBND\nHà Nam, ngày 3 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
    "Triển khai Đề án phát triển kinh tế biển năm 2025\n\nI. MỤC ĐÍCH\n\nNâng cao hiệu quả.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
)


def _plan(body: str) -> dict[str, Any]:
    return parse_text(HEAD + body + "\n", source="probe.md", year=2025)


def _leads(body: str) -> list[list[str]]:
    return [a["lead"] for a in _plan(body)["assignments"]]


NEW_HEADS = [
    "Đồn Biên phòng Cửa khẩu quốc tế",
    "Hải đội 2",
    "Trung đoàn 42",
    "Sư đoàn 395",
    "Lữ đoàn 170",
    "Trại giam Nam Hà",
    "Lực lượng Dân quân tự vệ",
    "Lực lượng Công an",
    "Chỉ huy trưởng Ban Chỉ huy Quân sự xã",
    "Thống kê tỉnh",
    "Các hợp tác xã",
    "Các ngân hàng thương mại",
    "Agribank chi nhánh Hà Nam",
]


@pytest.mark.parametrize("name", NEW_HEADS)
def test_head_opens_a_name(name: str) -> None:
    assert is_body_start(name)


@pytest.mark.parametrize("name", NEW_HEADS)
def test_name_leads_a_sentence(name: str) -> None:
    got = leading_body(f"{name} chủ trì, phối hợp với Sở Tài chính tổ chức triển khai Đề án.")
    assert got is not None and got[0] == name


@pytest.mark.parametrize("name", ["Đồn Biên phòng Cửa khẩu quốc tế", "Thống kê tỉnh", "các hợp tác xã", "Hải đội 2"])
def test_name_after_giao_and_in_a_list(name: str) -> None:
    assert _leads(f"1. Giao {name} tổ chức triển khai Đề án; hoàn thành trong quý III/2025.") == [[name]]
    assert _leads(f"1. Sở Y tế, {name} tổ chức triển khai Đề án theo chức năng, nhiệm vụ.") == [["Sở Y tế", name]]


def test_heading_over_bullets() -> None:
    body = "1. Lực lượng Dân quân tự vệ\n- Tổ chức tuần tra, canh gác.\n- Báo cáo kết quả trước ngày 15/12/2025."
    assert _leads(body) == [["Lực lượng Dân quân tự vệ"]] * 2


@pytest.mark.parametrize(
    "name",
    [
        "Trung tâm Dịch vụ tổng hợp xã",
        "Quỹ Đầu tư phát triển tỉnh",
        "Trường Cán bộ quản lý",
        "Cơ quan Cảnh sát điều tra Công an tỉnh",
    ],
)
def test_name_runs_past_a_verb_it_holds(name: str) -> None:
    got = leading_body(f"{name} tổ chức quán triệt, triển khai thực hiện Đề án.")
    assert got is not None and got[0] == name
    assert _leads(f"1. Tổ chức triển khai Đề án\n- Chủ trì: {name}\n- Phối hợp: Sở Y tế") == [[name]]
    supports = [
        a["support"]
        for a in _plan(f"1. Sở Nội vụ chủ trì, phối hợp với {name} tổ chức triển khai Đề án.")["assignments"]
    ]
    assert supports == [[name]]


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("Các Tổng cục, Cục", ["Các Tổng cục, Cục"]),
        ("các Tổng cục, Cục thuộc Bộ", ["các Tổng cục, Cục thuộc Bộ"]),
        ("Sở Y tế, các cấp ủy, tổ chức đảng", ["Sở Y tế", "các cấp ủy, tổ chức đảng"]),
        ("Sở Y tế, các Vụ, Cục thuộc Bộ", ["Sở Y tế", "các Vụ, Cục thuộc Bộ"]),
        # (counter: two named bodies after a collective still split)
        ("các Vụ, Cục Thống kê", ["các Vụ", "Cục Thống kê"]),
    ],
)
def test_collective_of_kinds_stays_one(phrase: str, want: list[str]) -> None:
    assert split_bodies(phrase) == want


# --- counter-examples: nouns that look like names -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Viện dẫn các quy định hiện hành, Sở Tư pháp rà soát văn bản.",
        "Thống kê, báo cáo số liệu định kỳ hằng quý.",
        "Lực lượng lao động qua đào tạo tổ chức lại theo ngành nghề.",
        "Trường hợp phát hiện vi phạm thì xử lý theo quy định.",
        "Hội nghị sơ kết tổ chức vào quý IV/2025.",
        "Hội thi tuyên truyền tổ chức hằng năm.",
        "Ban hành Quy chế phối hợp trong quý II/2025.",
        "Công ty hóa các đơn vị sự nghiệp công lập đủ điều kiện.",
    ],
)
def test_noun_that_looks_like_a_name_leads_nothing(sentence: str) -> None:
    got = leading_body(sentence)
    assert got is None or not got[0].startswith(sentence.split()[0])


def test_viện_dẫn_is_no_body_in_a_plan() -> None:
    assert _leads("1. Viện dẫn các quy định hiện hành, Sở Tư pháp rà soát văn bản.") in ([], [["Sở Tư pháp"]])


def test_support_runs_past_a_verb_a_known_name_holds() -> None:
    body = "1. Sở Nội vụ chủ trì, phối hợp với Ban Quản lý dự án đầu tư xây dựng khu vực tổ chức triển khai Đề án."
    assert [a["support"] for a in _plan(body)["assignments"]] == [["Ban Quản lý dự án đầu tư xây dựng khu vực"]]
    # (counter: after a name that ends on 'Đầu tư', 'xây dựng' is the verb)
    body = "1. Sở Nội vụ chủ trì, phối hợp với Sở Kế hoạch và Đầu tư xây dựng kế hoạch."
    assert [a["support"] for a in _plan(body)["assignments"]] == [["Sở Kế hoạch và Đầu tư"]]


def test_provincial_enforcement_office_after_2025() -> None:
    assert is_body_start("Thi hành án dân sự tỉnh")
    assert _leads("1. Thi hành án dân sự tỉnh chủ trì tổ chức thi hành các bản án.") == [["Thi hành án dân sự tỉnh"]]
    assert leading_body("Thi hành án dân sự đúng quy định của pháp luật.") is None


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("Cán bộ, công chức, viên chức", ["Cán bộ, công chức, viên chức"]),
        ("cán bộ, công chức, viên chức và người lao động", ["cán bộ, công chức, viên chức và người lao động"]),
        ("Sở Y tế, cán bộ, công chức, viên chức", ["Sở Y tế", "cán bộ, công chức, viên chức"]),
        # (counter: officers named by their post are each one)
        ("Công chức Tư pháp - Hộ tịch, công chức Văn phòng - Thống kê", ["Công chức Tư pháp - Hộ tịch", "công chức Văn phòng - Thống kê"]),
    ],
)
def test_kinds_of_staff_are_one_group(phrase: str, want: list[str]) -> None:
    assert split_bodies(phrase) == want
