"""Vietnamese numbers, targets and body splitting (table-driven)."""

from __future__ import annotations

import pytest

from dondoc.plans import split_bodies
from dondoc.plans.bodies import leading_body
from dondoc.plans.bracketed import trailing_body
from dondoc.plans.numbers import find_targets, parse_number


@pytest.mark.parametrize(
    ("token", "value"),
    [("78,2", 78.2), ("60.000", 60000), ("03", 3), ("01", 1), ("16.750", 16750), ("1.234,5", 1234.5), ("7,4", 7.4), ("100", 100)],
)
def test_parse_number(token: str, value: float) -> None:
    assert parse_number(token) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phấn đấu giảm hộ nghèo từ 29 hộ xuống còn 03 hộ trong năm 2024", [(3, "hộ", "<=", 29)]),
        ("Trên 98% dân số tham gia bảo hiểm y tế", [(98, "%", ">=", None)]),
        ("tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân dưới 12%", [(12, "%", "<=", None)]),
        ("duy trì tỷ lệ lao động nữ trong nền kinh tế đạt từ 39 % trở lên", [(39, "%", ">=", None)]),
        ("phần đấu tỷ lệ lao động qua đào tạo đạt 78,2 %", [(78.2, "%", None, None)]),
        ("Phân đầu đến năm 2025, đào tạo cho gần 60.000 lao động", [(60000, "lao động", None, None)]),
        ("Diện tích nhà ở bình quân đầu người đạt khoảng 30m2 sàn/người", [(30, "m2 sàn/người", None, None)]),
        ("Căn cứ Quyết định số 139/QĐ-UBND ngày 11/01/2024 đạt yêu cầu", []),
    ],
)
def test_targets(text: str, expected: list) -> None:
    got = [(t["value"], t["unit"], t["comparator"], t["baseline"]) for t in find_targets(text, ref="I.3", by=None, in_targets_section=True)]
    assert got == expected


def test_range_gives_both_bounds() -> None:
    values = [t["value"] for t in find_targets("giảm tỷ lệ hộ nghèo hằng năm từ 1-2% trở lên", ref="II.1", by=None, in_targets_section=True)]
    assert values == [1, 2]


@pytest.mark.parametrize(
    ("phrase", "names"),
    [
        ("Phòng Y tế, Trung tâm y tế huyện", ["Phòng Y tế", "Trung tâm y tế huyện"]),
        ("Các phòng, ban, ngành huyện, UBND các xã, thị trấn và các đơn vị liên quan",
         ["Các phòng, ban, ngành huyện", "UBND các xã, thị trấn", "các đơn vị liên quan"]),
        ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
        ("Công chức Lao động – TB&XH; VHXH", ["Công chức Lao động – TB&XH", "VHXH"]),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Phòng Lao động - Thương binh và Xã hội", ["Phòng Lao động - Thương binh và Xã hội"]),
        ("Công chức VP-TK (Thường trực HĐTĐKT)", ["Công chức VP-TK (Thường trực HĐTĐKT)"]),
        ("Công an phường và Công chức Văn hóa-Xã hội", ["Công an phường", "Công chức Văn hóa-Xã hội"]),
        ("Các tổ chức chính trị - xã hội, cấp ủy, Ban cán sự các khu phố",
         ["Các tổ chức chính trị - xã hội", "cấp ủy", "Ban cán sự các khu phố"]),
        ("Hiệu trưởng các trường học; Trạm y tế; Công chức Lao động – TB&XH",
         ["Hiệu trưởng các trường học", "Trạm y tế", "Công chức Lao động – TB&XH"]),
        ("Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư", ["Doanh nghiệp", "nhà cung cấp dịch vụ IoT", "nhà đầu tư"]),
    ],
)
def test_split_bodies(phrase: str, names: list[str]) -> None:
    assert split_bodies(phrase) == names


@pytest.mark.parametrize(
    ("sentence", "name", "is_request"),
    [
        ("Trung tâm Kiểm soát bệnh tật tỉnh chủ trì chủ động điều phối", "Trung tâm Kiểm soát bệnh tật tỉnh", False),
        ("Phòng Nội vụ: Chủ trì, phối hợp với các phòng", "Phòng Nội vụ", False),
        ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện tăng cường tuyên truyền", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", True),
        ("Giao Phòng Lao động - Thương binh và Xã hội: Chủ trì", "Phòng Lao động - Thương binh và Xã hội", False),
        ("Các cấp, các ngành đẩy mạnh công tác tuyên truyền", None, None),
        ("Sở Y tế đã triển khai nhiều hoạt động", None, None),
        ("Phòng, chống ma túy là nhiệm vụ của cả hệ thống chính trị", None, None),
    ],
)
def test_leading_body(sentence: str, name: str | None, is_request: bool | None) -> None:
    got = leading_body(sentence)
    if name is None:
        assert got is None
    else:
        assert got is not None and (got[0], got[2]) == (name, is_request)


def test_cac_to_chuc_at_a_sentence_start_is_a_noun() -> None:
    # 'Các tổ chức mặt trận, đoàn thể: ...': after 'Các' (capitalised at a heading's start) 'tổ chức' names organisations
    got = leading_body("Các tổ chức mặt trận, đoàn thể: Đẩy mạnh tuyên truyền")
    assert got is not None and got[0] == "Các tổ chức mặt trận, đoàn thể"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Lập danh mục các tuyến đường cần cải tạo (Sở Xây dựng chủ trì tham mưu).", "Sở Xây dựng"),
        ("Kiểm tra việc niêm yết giá tại các chợ (Sở Công Thương phối hợp với Công an tỉnh thực hiện).", "Sở Công Thương"),
        ("Phổ biến quy chế đến từng hộ kinh doanh (Các sở, ngành, UBND cấp huyện).", "Các sở, ngành, UBND cấp huyện"),
        ("Nhân rộng mô hình điểm tại các xã (các xã: Tân An, Phú Mỹ).", None),
        ("Thành lập Ban biên tập kỷ yếu (Sở Nội vụ là cơ quan thường trực của Ban).", None),
        ("Hoàn thiện quy chế (theo Quyết định số 12/QĐ-UBND).", None),
    ],
)
def test_trailing_body(sentence: str, name: str | None) -> None:
    got = trailing_body(sentence)
    assert (got[0] if got else None) == name


def test_a_coordinating_councils_name_holds_its_verbs() -> None:
    lb = leading_body("Hội đồng phối hợp phổ biến, giáo dục pháp luật huyện chủ trì tổ chức tọa đàm")
    assert lb is not None and lb[0] == "Hội đồng phối hợp phổ biến, giáo dục pháp luật huyện"
    lb = leading_body("Hội đồng nhân dân huyện phối hợp giám sát việc thực hiện")
    assert lb is not None and lb[0] == "Hội đồng nhân dân huyện"


def test_heads_of_named_departments_are_one_collective_and_count_in_a_purpose_section() -> None:
    from dondoc.plans import parse_text

    assert split_bodies("Thủ trưởng các sở, ban ngành, địa phương") == ["Thủ trưởng các sở, ban ngành, địa phương"]
    plan = ("KẾ HOẠCH MẪU\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n2. Yêu cầu\n\n- Thủ trưởng các sở, ban ngành, địa phương phổ biến"
            " kế hoạch đến từng công chức trong tháng đầu năm.\n\n- Thủ trưởng các cơ quan, đơn vị phải bảo đảm tiến độ."
            "\n\nII. NHIỆM VỤ\n\n1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm.\n")
    leads = [a["lead"] for a in parse_text(plan, source="x.txt")["assignments"]]
    assert ["Thủ trưởng các sở, ban ngành, địa phương"] in leads
    assert not any("Thủ trưởng các cơ quan" in x for lead in leads for x in lead)
