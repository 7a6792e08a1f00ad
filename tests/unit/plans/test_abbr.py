"""Bodies named by their abbreviations, as offices write them ('LĐLĐ tỉnh', 'BCHQS tỉnh', 'UBMTTQVN tỉnh', 'Sở XD',
'Phòng TC-KH', 'NH CSXH'), on made-up fragments of the genre: in every place a name stands (a sentence's lead, after
'Giao' / 'Đề nghị', a list mixing full names and collectives, support after 'phối hợp với', a heading with bullets,
labelled lines, table cells), a short name defined once in the text ('(sau đây viết tắt là CDC)') and used later, and
a split role ('Sở A chủ trì; Sở B phối hợp'). Counter-examples: capitals that name no body ('CNTT', 'ATTP', 'KT-XH',
'TTHC', 'DVC', 'OCOP', 'PCCC', 'ANTT', 'COVID-19', 'TT' as a column title) must not become leads."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text
from dondoc.plans.bodies import is_body_start, leading_body, split_bodies
from dondoc.plans.gazetteer import kind_of

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 15/KH-UBND\nHà Nam, ngày 12 tháng 2 năm 2024\n\nKẾ HOẠCH\n"
    "Thực hiện phong trào thi đua năm 2024\n\nI. MỤC ĐÍCH\n\nNâng cao hiệu quả.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
)


def _plan(body: str) -> dict[str, Any]:
    return parse_text(HEAD + body + "\n", source="probe.md", year=2024)


def _rows(body: str) -> list[tuple[list[str], list[str], str]]:
    return [(a["lead"], a["support"], a["mode"]) for a in _plan(body)["assignments"]]


# --- the pure rules: where a name opens, how a list splits --------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "LĐLĐ tỉnh",
        "BCHQS tỉnh",
        "Bộ CHQS tỉnh",
        "BCH Quân sự huyện",
        "UBMTTQVN tỉnh",
        "UBMTTQ huyện",
        "MTTQVN xã",
        "BĐBP tỉnh",
        "BCH BĐBP tỉnh",
        "CA tỉnh",
        "CA các xã",
        "CAT",
        "VKSND tỉnh",
        "TAND huyện",
        "NHCSXH tỉnh",
        "NH CSXH tỉnh",
        "KBNN tỉnh",
        "HĐND huyện",
        "Hội ND tỉnh",
        "Hội CCB huyện",
        "Đoàn TN xã",
        "Tỉnh đoàn",
        "Đài PT-TH tỉnh",
        "TTVH-TT huyện",
        "BQL các KCN",
        "BHXH tỉnh",
        "Cục Thuế tỉnh",
        "Chi cục TTBVTV",
        "Sở VH,TT&DL",
        "Phòng TC-KH",
        "VP UBND tỉnh",
        "HLHPN tỉnh",
    ],
)
def test_abbreviated_name_opens_a_body(name: str) -> None:
    assert is_body_start(name)


@pytest.mark.parametrize(
    "text",
    [
        "KẾ HOẠCH",
        "CNTT tỉnh",
        "ATTP",
        "COVID-19",
        "KT-XH tỉnh",
        "TTHC",
        "DVC trực tuyến",
        "OCOP",
        "PCCC",
        "ANTT",
        "CA",
        "NH",
        "TT",
        "CA dao",
        "TX",
        "TP",
    ],
)
def test_capitals_naming_no_body_open_none(text: str) -> None:
    assert not is_body_start(text)


def test_list_of_abbreviations_splits_into_names() -> None:
    assert split_bodies("UBMTTQVN tỉnh, Hội LHPN tỉnh, LĐLĐ tỉnh, Tỉnh đoàn") == [
        "UBMTTQVN tỉnh",
        "Hội LHPN tỉnh",
        "LĐLĐ tỉnh",
        "Tỉnh đoàn",
    ]
    assert split_bodies("BCHQS tỉnh, CA tỉnh và VKSND tỉnh") == ["BCHQS tỉnh", "CA tỉnh", "VKSND tỉnh"]


def test_abbreviation_kind_is_known() -> None:
    assert kind_of("LĐLĐ tỉnh") == "front"
    assert kind_of("BCHQS tỉnh") == "armed"
    assert kind_of("VKSND tỉnh") == "justice"
    assert kind_of("Sở XD") is not None
    assert kind_of("KBNN tỉnh") is not None


def test_leading_abbreviation_with_verb() -> None:
    lb = leading_body("LĐLĐ tỉnh chủ trì tổ chức hội thi an toàn vệ sinh lao động.")
    assert lb is not None and lb[0] == "LĐLĐ tỉnh"
    assert leading_body("ANTT trên địa bàn được giữ vững.") is None


# --- whole plans: every place a name stands -----------------------------------------------------------------------


def test_request_to_a_list_of_abbreviations() -> None:
    rows = _rows("1. Đề nghị UBMTTQVN tỉnh, Hội LHPN tỉnh, Tỉnh đoàn phối hợp tuyên truyền phong trào.")
    assert rows == [(["UBMTTQVN tỉnh", "Hội LHPN tỉnh", "Tỉnh đoàn"], [], "request")]


@pytest.mark.parametrize(
    "lead",
    ["LĐLĐ tỉnh", "BCHQS tỉnh", "CA tỉnh", "VKSND tỉnh", "TAND tỉnh", "KBNN tỉnh", "NHCSXH tỉnh", "BĐBP tỉnh"],
)
def test_abbreviation_leads_a_sentence(lead: str) -> None:
    assert _rows(f"1. {lead} chủ trì tổ chức kiểm tra việc thực hiện.") == [([lead], [], "assign")]


def test_abbreviation_after_giao_with_support() -> None:
    rows = _rows("1. Giao LĐLĐ tỉnh chủ trì, phối hợp với BCHQS tỉnh, CA tỉnh tổ chức hội thao.")
    assert rows == [(["LĐLĐ tỉnh"], ["BCHQS tỉnh", "CA tỉnh"], "assign")]


def test_support_list_mixing_full_and_short_names() -> None:
    rows = _rows("1. Sở Y tế chủ trì, phối hợp với Hội LHPN tỉnh, LĐLĐ tỉnh, Đoàn TN tỉnh tổ chức truyền thông.")
    assert rows == [(["Sở Y tế"], ["Hội LHPN tỉnh", "LĐLĐ tỉnh", "Đoàn TN tỉnh"], "assign")]


def test_request_list_with_collective() -> None:
    rows = _rows("1. Đề nghị Sở Y tế, LĐLĐ tỉnh, các sở, ban, ngành phối hợp tuyên truyền.")
    assert rows == [(["Sở Y tế", "LĐLĐ tỉnh", "các sở, ban, ngành"], [], "request")]


@pytest.mark.parametrize("sep", [";", ","])
def test_split_role_names_the_support(sep: str) -> None:
    rows = _rows(f"1. Sở GTVT chủ trì{sep} Sở XD phối hợp rà soát hệ thống đường huyện.")
    assert rows == [(["Sở GTVT"], ["Sở XD"], "assign")]


def test_split_role_with_full_names() -> None:
    rows = _rows(
        "1. Rà soát hệ thống đường huyện (Sở Giao thông vận tải chủ trì; Sở Xây dựng, UBND các huyện phối hợp)."
    )
    assert rows == [(["Sở Giao thông vận tải"], ["Sở Xây dựng", "UBND các huyện"], "assign")]


def test_abbreviation_as_heading_body() -> None:
    rows = _rows("1. LĐLĐ tỉnh\n- Tổ chức hội thi công nhân giỏi.\n- Tổng hợp, báo cáo kết quả.")
    assert rows == [(["LĐLĐ tỉnh"], [], "assign"), (["LĐLĐ tỉnh"], [], "assign")]


def test_labelled_lines_with_abbreviations() -> None:
    rows = _rows(
        "1. Tổ chức hội thao.\n- Chủ trì: BCHQS tỉnh\n- Phối hợp: CA tỉnh, BĐBP tỉnh\n- Thời gian: Quý II/2024"
    )
    assert rows == [(["BCHQS tỉnh"], ["CA tỉnh", "BĐBP tỉnh"], "assign")]


def test_table_cells_with_abbreviations() -> None:
    rows = _rows(
        "| TT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| 1 | Tổ chức hội thi | LĐLĐ tỉnh | BCHQS tỉnh, CA tỉnh | Quý II/2024 |\n"
        "| 2 | Kiểm soát chi | KBNN tỉnh | Sở TC | Hằng năm |"
    )
    assert rows == [(["LĐLĐ tỉnh"], ["BCHQS tỉnh", "CA tỉnh"], "assign"), (["KBNN tỉnh"], ["Sở TC"], "assign")]


def test_short_name_defined_once_then_used() -> None:
    body = (
        "1. Trung tâm Kiểm soát bệnh tật tỉnh (sau đây viết tắt là CDC) chủ trì tổ chức tiêm chủng.\n"
        "2. CDC phối hợp với TTYT các huyện giám sát dịch bệnh."
    )
    rows = _rows(body)
    assert rows == [(["Trung tâm Kiểm soát bệnh tật tỉnh"], [], "assign"), (["CDC"], ["TTYT các huyện"], "assign")]


def test_capitals_as_nouns_make_no_lead() -> None:
    body = (
        "1. CNTT được ứng dụng rộng rãi trong quản lý.\n"
        "2. ATTP, PCCC và ANTT trên địa bàn được bảo đảm.\n"
        "3. OCOP là chương trình trọng tâm của tỉnh.\n"
        "4. COVID-19 đã được kiểm soát."
    )
    assert _rows(body) == []


def test_defined_short_name_holds_in_its_own_plan_only() -> None:
    _plan("1. Trung tâm Kiểm soát bệnh tật tỉnh (sau đây viết tắt là CDC) chủ trì tổ chức tiêm chủng.")
    assert _rows("1. CDC chủ trì giám sát dịch bệnh.") == []


def test_short_name_of_a_programme_names_no_body() -> None:
    body = (
        "1. Sở Công Thương chủ trì triển khai Chương trình mỗi xã sản phẩm (viết tắt là OCOP).\n"
        "2. OCOP phối hợp với các hợp tác xã phát triển sản phẩm."
    )
    assert [r[0] for r in _rows(body)] == [["Sở Công Thương"]]


def test_districts_collective_with_abbreviated_levels() -> None:
    assert _rows("1. Các huyện, TX, TP bố trí kinh phí thực hiện.") == [(["Các huyện, TX, TP"], [], "assign")]
