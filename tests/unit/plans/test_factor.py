"""A lead phrase that factors out the head word of several bodies names several bodies: one lead per body, each
spelled whole with its head word (gold rule 'Several bodies in one lead phrase become several leads'; composed gold 74
III.2.1.a). Made-up phrases in the genre, not copied from a labelled plan."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text, split_bodies

EXPANDED = [
    (
        "Các bộ: Tư pháp, Xây dựng và Kiến trúc, Công Thương",
        ["Bộ Tư pháp", "Bộ Xây dựng và Kiến trúc", "Bộ Công Thương"],
    ),
    ("Các Sở: Ngoại vụ, Du lịch, Văn hóa và Thể thao", ["Sở Ngoại vụ", "Sở Du lịch", "Sở Văn hóa và Thể thao"]),
    ("Các Vụ: Pháp chế, Thi đua - Khen thưởng", ["Vụ Pháp chế", "Vụ Thi đua - Khen thưởng"]),
    ("các Sở Nội vụ, Giáo dục và Đào tạo", ["Sở Nội vụ", "Sở Giáo dục và Đào tạo"]),
    ("Các Cục: Thú y, Bảo vệ thực vật", ["Cục Thú y", "Cục Bảo vệ thực vật"]),
    ("các Phòng: Kinh tế, Văn hóa - Xã hội", ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội"]),
    (
        "Các Hội: Nông dân, Cựu chiến binh, Liên hiệp Phụ nữ",
        ["Hội Nông dân", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ"],
    ),
    ("Bộ Quốc phòng, Công an", ["Bộ Quốc phòng", "Bộ Công an"]),
    # a known name with a comma stays one item of the list
    ("Các Bộ: Tài chính, Văn hóa, Thể thao và Du lịch", ["Bộ Tài chính", "Bộ Văn hóa, Thể thao và Du lịch"]),
    # a trailing collective is kept as written
    ("Các Sở: Tư pháp, Nội vụ và các đơn vị liên quan", ["Sở Tư pháp", "Sở Nội vụ", "các đơn vị liên quan"]),
    ("Các Sở: Tư pháp, Nội vụ, các cơ quan có liên quan", ["Sở Tư pháp", "Sở Nội vụ", "các cơ quan có liên quan"]),
    ("Các Sở: Y tế, Tài chính; Ủy ban nhân dân các huyện", ["Sở Y tế", "Sở Tài chính", "Ủy ban nhân dân các huyện"]),
    # a body with a head word of its own after the list is a name of its own
    ("các Sở Xây dựng, Tài chính, Ủy ban nhân dân các xã", ["Sở Xây dựng", "Sở Tài chính", "Ủy ban nhân dân các xã"]),
]

KEPT = [
    "Các sở, ban, ngành",
    "Các bộ, ngành, địa phương",
    "các Sở, ngành liên quan",
    "các Ban Xây dựng Đảng",
    "các Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Bộ Lao động - Thương binh và Xã hội",
]


def expand_factored(phrase: str, *, places: bool = False) -> list[str] | None:
    from dondoc.plans.factor import expand_factored as expand

    return expand(phrase, places=places)


@pytest.mark.parametrize(("phrase", "names"), EXPANDED, ids=[p[0][:36] for p in EXPANDED])
def test_factored_list_gives_one_name_per_body(phrase: str, names: list[str]) -> None:
    assert split_bodies(phrase) == names


@pytest.mark.parametrize("phrase", KEPT)
def test_collectives_and_single_names_are_not_expanded(phrase: str) -> None:
    assert expand_factored(phrase) is None
    assert split_bodies(phrase) == [phrase]


def test_names_already_separate_stay_separate() -> None:
    assert expand_factored("Bộ Y tế, Bộ Tài chính") is None
    assert split_bodies("Bộ Y tế, Bộ Tài chính") == ["Bộ Y tế", "Bộ Tài chính"]


def test_communes_listed_after_their_level_word() -> None:
    # 'Ủy ban nhân dân các xã: A, B, C' names the people's committee of each commune; the parser keeps such place
    # lists whole for now (gold 19, 49, 51 keep them as one lead) and expands them only when asked
    phrase = "Ủy ban nhân dân các xã: Tân Hòa, Phú Lâm, Đông Sơn"
    assert expand_factored(phrase) is None
    assert expand_factored(phrase, places=True) == [
        "Ủy ban nhân dân xã Tân Hòa",
        "Ủy ban nhân dân xã Phú Lâm",
        "Ủy ban nhân dân xã Đông Sơn",
    ]


HEAD = "BỘ Y TẾ\nSố: 77/KH-BYT\nHà Nội, ngày 10 tháng 4 năm 2024\nKẾ HOẠCH\nPhòng, chống dịch bệnh năm 2024\n"


def _leads(body: str) -> list[Any]:
    return [
        a["lead"]
        for a in parse_text(HEAD + "II. NHIỆM VỤ\n1. Nhiệm vụ\n" + body + "\n", source="probe.md", year=2024)[
            "assignments"
        ]
    ]


def test_a_sentence_led_by_a_factored_list() -> None:
    assert _leads("Các Vụ: Pháp chế, Kế hoạch - Tài chính rà soát các văn bản hướng dẫn trong năm 2024.") == [
        ["Vụ Pháp chế", "Vụ Kế hoạch - Tài chính"]
    ]


def test_a_grid_less_lead_cell_split_over_two_columns() -> None:
    # a PDF table read back without its grid: the lead cell 'Các Sở: ...' opens on its own line, its words go on
    # over the row's lines in two columns, the task's words left of them, the partners' name right of them
    from dondoc.plans.gridfactor import factored_lead

    parts: list[list[str] | str] = [
        ["", "Các  Sở:", "Nội", "", ""],
        ["Xây dựng bộ chỉ số đánh giá", "vụ,", "Tài", "", ""],
        "3 năng lực số của cán bộ  chính,  Khoa  Các đơn vị liên quan x x Năm 2026",
        ["công chức.", "học và", "Công", "", ""],
        "nghệ.",
    ]
    task, cell, _head = factored_lead(parts, parts[2]) or ("", "", "")
    assert cell == "Các Sở: Nội vụ, Tài chính, Khoa học và Công nghệ"
    assert task == "Xây dựng bộ chỉ số đánh giá năng lực số của cán bộ công chức."
    assert split_bodies(cell) == ["Sở Nội vụ", "Sở Tài chính", "Sở Khoa học và Công nghệ"]
    # a head with no names after it is no factored cell
    assert factored_lead([["Rà soát quy hoạch", "Các Sở:", "", ""], "Các đơn vị liên quan x x Năm 2026"], "") is None
