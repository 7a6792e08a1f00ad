"""Per-task blocks of national plans (blocks2): a task written as a small block, a title and then its fields.

How ministries, the Prime Minister's office and steering committees write them (made-up texts of the genre):

    2. Tập huấn nghiệp vụ                       (or 'Nhiệm vụ 2:', 'Hoạt động 2.', 'b)'; the title may be the content)
    a) Nội dung: ...                            (fields numbered 2.1 / 1) / a) / dashed / bare label lines)
    b) Cơ quan chủ trì, phối hợp:               (a) and b) inline, or '- Chủ trì: ...' lines below)
    - Chủ trì: Vụ Pháp chế.
    - Phối hợp: Văn phòng Bộ.
    c) Thời gian hoàn thành: trước ngày 30/6/2022.
    d) Sản phẩm: ...                            (what the task yields, no task; nor is 'Kinh phí')

Gold convention (shared/plan.schema.json $defs.ref): the ref is the block's own label (II.2), never a field's; the
block's time field is its timing; its text carries the content. Several blocks come in a row so a block's fields
must not leak into the next one. Counter-examples: ordinary numbered sections whose sub-items are tasks of their own.
"""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text

HEAD = (
    "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 12/KH-BLĐTBXH\nHà Nội, ngày 10 tháng 1 năm 2022\nKẾ HOẠCH\n"
    "Triển khai Đề án hỗ trợ việc làm cho người lao động năm 2022\n"
    "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao hiệu quả công tác hỗ trợ việc làm.\nII. NHIỆM VỤ CỤ THỂ\n"
)


def _rows(body: str, head: str = HEAD) -> list[dict[str, Any]]:
    return parse_text(head + body + "\n", source="probe.txt", year=2022)["assignments"]


def _by_ref(body: str, head: str = HEAD) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for a in _rows(body, head):
        assert a["ref"] not in out, f"two assignments at {a['ref']}"
        out[a["ref"]] = a
    return out


def _check(a: dict[str, Any], lead: list[str], support: list[str], due: str | None, words: str) -> None:
    assert a["lead"] == lead
    assert a["support"] == support
    assert a["timing"].get("due") == due
    assert words in a["text"]


# --- field numbering ---------------------------------------------------------------------------------------------

LETTERED_GROUP_BELOW = (
    "1. Xây dựng kế hoạch\n1.1. Nội dung: Xây dựng kế hoạch đào tạo nghề cho lao động.\n1.2. Cơ quan chủ trì, phối hợp:\n"
    "a) Cơ quan chủ trì: Cục Việc làm.\nb) Cơ quan phối hợp: Vụ Kế hoạch - Tài chính.\n1.3. Thời gian thực hiện: năm 2022.\n"
    "2. Tập huấn nghiệp vụ\na) Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\nb) Cơ quan chủ trì, phối hợp:\n"
    "- Chủ trì: Vụ Pháp chế.\n- Phối hợp: Văn phòng Bộ.\nc) Thời gian hoàn thành: trước ngày 30/6/2022.\n"
    "3. Kiểm tra, giám sát\na) Nội dung: Kiểm tra việc thực hiện chính sách hỗ trợ.\nb) Cơ quan chủ trì: Thanh tra Bộ.\n"
    "c) Thời gian: quý III năm 2022.\n"
)


def test_lettered_fields_with_the_group_label_over_dashed_roles() -> None:
    got = _by_ref(LETTERED_GROUP_BELOW)
    assert sorted(got) == ["II.1", "II.2", "II.3"]
    _check(got["II.1"], ["Cục Việc làm"], ["Vụ Kế hoạch - Tài chính"], "2022-12-31", "đào tạo nghề")
    _check(got["II.2"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.3"], ["Thanh tra Bộ"], [], "2022-09-30", "Kiểm tra việc thực hiện")


LETTERED_WITH_PRODUCT = (
    "1. Tập huấn nghiệp vụ\na) Nội dung thực hiện: Tập huấn cho cán bộ làm công tác việc làm.\nb) Đơn vị chủ trì: Vụ Pháp chế.\n"
    "c) Đơn vị phối hợp: Văn phòng Bộ.\nd) Thời gian hoàn thành: trước ngày 30/6/2022.\nđ) Sản phẩm: Hội nghị tập huấn.\n"
    "2. Rà soát văn bản\na) Nội dung công việc: Rà soát các văn bản quy phạm pháp luật.\nb) Cơ quan thực hiện: Thanh tra Bộ.\n"
    "c) Cơ quan phối hợp: Cục Việc làm, Vụ Pháp chế.\nd) Tiến độ: quý IV năm 2022.\ne) Kết quả: Báo cáo rà soát.\n"
    "g) Kinh phí: Ngân sách nhà nước.\n"
)


def test_lettered_fields_with_product_and_budget_fields() -> None:
    got = _by_ref(LETTERED_WITH_PRODUCT)
    assert sorted(got) == ["II.1", "II.2"]
    _check(got["II.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], ["Cục Việc làm", "Vụ Pháp chế"], "2022-12-31", "Rà soát các văn bản")


PAREN_NUMBERED = (
    "1. Tập huấn nghiệp vụ\n1) Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n2) Cơ quan chủ trì: Vụ Pháp chế.\n"
    "3) Cơ quan phối hợp: Văn phòng Bộ.\n4) Thời hạn: tháng 6 năm 2022.\n"
    "2. Rà soát văn bản\n1) Nội dung: Rà soát các văn bản quy phạm pháp luật.\n2) Cơ quan chủ trì: Thanh tra Bộ.\n"
    "3) Thời gian: năm 2022.\n4) Sản phẩm đầu ra: Báo cáo rà soát.\n"
    "3. Kiểm tra\n1) Nội dung: Kiểm tra việc thực hiện chính sách.\n2) Đơn vị chủ trì: Cục Việc làm.\n3) Thời gian: quý III năm 2022.\n"
)


def test_fields_numbered_again_from_one_under_each_block() -> None:
    got = _by_ref(PAREN_NUMBERED)
    assert sorted(got) == ["II.1", "II.2", "II.3"]
    _check(got["II.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")
    _check(got["II.3"], ["Cục Việc làm"], [], "2022-09-30", "Kiểm tra việc thực hiện")


TASK_NUMBERED_FIELDS = (
    "Nhiệm vụ 1: Tập huấn nghiệp vụ\n1. Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n2. Cơ quan chủ trì: Vụ Pháp chế.\n"
    "3. Cơ quan phối hợp: Văn phòng Bộ.\n4. Thời gian: tháng 6 năm 2022.\n"
    "Nhiệm vụ 2: Rà soát văn bản\n1. Nội dung: Rà soát các văn bản quy phạm pháp luật.\n2. Cơ quan chủ trì: Thanh tra Bộ.\n"
    "3. Thời gian: năm 2022.\n"
)


def test_task_blocks_with_fields_numbered_1_2_3() -> None:
    got = _by_ref(TASK_NUMBERED_FIELDS)
    assert sorted(got) == ["II.1", "II.2"]
    _check(got["II.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")


# --- the 'Cơ quan chủ trì, phối hợp' field in its shapes ----------------------------------------------------------

GROUP_INLINE = (
    "1. Tập huấn nghiệp vụ\n- Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n"
    "- Cơ quan chủ trì, phối hợp: a) Cơ quan chủ trì: Vụ Pháp chế; b) Cơ quan phối hợp: Văn phòng Bộ.\n"
    "- Thời gian: tháng 6 năm 2022.\n"
    "2. Rà soát văn bản\n- Nội dung: Rà soát các văn bản quy phạm pháp luật.\n"
    "- Cơ quan chủ trì, phối hợp: Thanh tra Bộ chủ trì; Cục Việc làm phối hợp.\n- Thời gian: năm 2022.\n"
    "3. Kiểm tra\n- Nội dung: Kiểm tra việc thực hiện chính sách.\n"
    "- Cơ quan chủ trì, phối hợp: Cục Việc làm chủ trì, phối hợp với Vụ Pháp chế.\n- Thời gian: quý III năm 2022.\n"
)


def test_group_label_with_its_roles_on_the_same_line() -> None:
    got = _by_ref(GROUP_INLINE)
    assert sorted(got) == ["II.1", "II.2", "II.3"]
    _check(got["II.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], ["Cục Việc làm"], "2022-12-31", "Rà soát các văn bản")
    _check(got["II.3"], ["Cục Việc làm"], ["Vụ Pháp chế"], "2022-09-30", "Kiểm tra việc thực hiện")


GROUP_LETTERED_VALUE = (
    "1. Tập huấn nghiệp vụ\na) Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n"
    "b) Cơ quan chủ trì, phối hợp: Vụ Pháp chế chủ trì, phối hợp với Văn phòng Bộ.\nc) Thời gian: tháng 6 năm 2022.\n"
    "2. Rà soát văn bản\na) Nội dung: Rà soát các văn bản quy phạm pháp luật.\n"
    "b) Đơn vị chủ trì và phối hợp: Thanh tra Bộ chủ trì; Cục Việc làm, Vụ Pháp chế phối hợp.\nc) Thời gian: năm 2022.\n"
)


def test_lettered_group_label_with_its_value_inline() -> None:
    got = _by_ref(GROUP_LETTERED_VALUE)
    assert sorted(got) == ["II.1", "II.2"]
    _check(got["II.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], ["Cục Việc làm", "Vụ Pháp chế"], "2022-12-31", "Rà soát các văn bản")


GROUP_NUMBERED_VALUE = (
    "1. Tập huấn nghiệp vụ\n1.1. Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n"
    "1.2. Cơ quan chủ trì, phối hợp: Vụ Pháp chế chủ trì; Văn phòng Bộ phối hợp.\n1.3. Thời gian: tháng 6 năm 2022.\n"
    "1.4. Sản phẩm: Hội nghị tập huấn.\n"
    "2. Rà soát văn bản\n2.1. Nội dung: Rà soát các văn bản quy phạm pháp luật.\n"
    "2.2. Cơ quan chủ trì, phối hợp: a) Cơ quan chủ trì: Thanh tra Bộ; b) Cơ quan phối hợp: Cục Việc làm.\n"
    "2.3. Thời gian: năm 2022.\n2.4. Kinh phí: Ngân sách nhà nước.\n"
)


def test_numbered_group_label_with_its_value_inline() -> None:
    got = _by_ref(GROUP_NUMBERED_VALUE)
    assert sorted(got) == ["II.1", "II.2"]
    _check(got["II.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], ["Cục Việc làm"], "2022-12-31", "Rà soát các văn bản")


# --- the content field -------------------------------------------------------------------------------------------

CONTENT_BELOW = (
    "1. Tập huấn nghiệp vụ\nNội dung:\n- Tập huấn cho cán bộ làm công tác việc làm;\n- Biên soạn tài liệu hướng dẫn.\n"
    "Cơ quan chủ trì: Vụ Pháp chế.\nThời gian: tháng 6 năm 2022.\n"
    "2. Rà soát văn bản\na) Nội dung:\n- Rà soát các văn bản quy phạm pháp luật;\n- Đề xuất sửa đổi, bổ sung.\n"
    "b) Cơ quan chủ trì: Thanh tra Bộ.\nc) Thời gian: năm 2022.\n"
)


def test_content_field_with_its_items_below() -> None:
    got = _by_ref(CONTENT_BELOW)
    assert sorted(got) == ["II.1", "II.2"]
    _check(got["II.1"], ["Vụ Pháp chế"], [], "2022-06-30", "Biên soạn tài liệu")
    _check(got["II.2"], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")


# --- block titles and the sections that hold them ----------------------------------------------------------------

PARTS = (
    "A. NHIỆM VỤ NĂM 2022\nI. NÂNG CAO NĂNG LỰC\n1. Tập huấn\na) Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n"
    "b) Cơ quan chủ trì, phối hợp:\n- Chủ trì: Vụ Pháp chế.\n- Phối hợp: Văn phòng Bộ.\nc) Thời gian: tháng 6 năm 2022.\n"
    "2. Rà soát\na) Nội dung: Rà soát các văn bản quy phạm pháp luật.\nb) Cơ quan chủ trì: Thanh tra Bộ.\nc) Thời gian: năm 2022.\n"
    "B. TỔ CHỨC THỰC HIỆN\nI. PHÂN CÔNG\n1. Cục Việc làm chủ trì theo dõi việc thực hiện Kế hoạch.\n"
)
PART_HEAD = HEAD.split("I. MỤC")[0]


def test_blocks_under_a_capital_letter_part() -> None:
    got = _by_ref(PARTS, PART_HEAD)
    assert sorted(got) == ["A.I.1", "A.I.2", "B.I.1"]
    _check(got["A.I.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["A.I.2"], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")


@pytest.mark.parametrize(
    ("first", "second", "refs"),
    [
        ("Nhiệm vụ 1: Tập huấn nghiệp vụ", "Nhiệm vụ 2: Rà soát văn bản", ["II.1", "II.2"]),
        ("Hoạt động 1. Tập huấn nghiệp vụ", "Hoạt động 2. Rà soát văn bản", ["II.1", "II.2"]),
        ("1. Tập huấn nghiệp vụ", "2. Rà soát văn bản", ["II.1", "II.2"]),
    ],
)
def test_block_titles_in_words_or_numbers(first: str, second: str, refs: list[str]) -> None:
    body = (
        f"{first}\na) Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\nb) Cơ quan chủ trì, phối hợp:\n"
        "- Chủ trì: Vụ Pháp chế.\n- Phối hợp: Văn phòng Bộ.\nc) Thời gian: tháng 6 năm 2022.\n"
        f"{second}\na) Nội dung: Rà soát các văn bản quy phạm pháp luật.\nb) Cơ quan chủ trì: Thanh tra Bộ.\nc) Thời gian: năm 2022.\n"
    )
    got = _by_ref(body)
    assert sorted(got) == refs
    _check(got[refs[0]], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got[refs[1]], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")


LETTER_BLOCKS = (
    "1. Nâng cao năng lực\na) Tập huấn nghiệp vụ\n- Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n"
    "- Cơ quan chủ trì, phối hợp: Vụ Pháp chế chủ trì, phối hợp với Văn phòng Bộ.\n- Thời gian: tháng 6 năm 2022.\n"
    "b) Rà soát văn bản\n- Nội dung: Rà soát các văn bản quy phạm pháp luật.\n- Cơ quan chủ trì: Thanh tra Bộ.\n"
    "- Thời gian: năm 2022.\n- Sản phẩm: Báo cáo rà soát.\n"
)


def test_blocks_titled_by_letters_with_dashed_fields() -> None:
    got = _by_ref(LETTER_BLOCKS)
    assert sorted(got) == ["II.1.a", "II.1.b"]
    _check(got["II.1.a"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.1.b"], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")


TITLE_IS_CONTENT = (
    "1. Tổ chức tập huấn nghiệp vụ cho cán bộ làm công tác việc làm tại các địa phương.\na) Cơ quan chủ trì: Vụ Pháp chế.\n"
    "b) Cơ quan phối hợp: Văn phòng Bộ.\nc) Thời gian: tháng 6 năm 2022.\nd) Kết quả: Hội nghị tập huấn.\n"
    "2. Rà soát các văn bản quy phạm pháp luật về việc làm.\na) Chủ trì thực hiện: Thanh tra Bộ.\nb) Thời gian: năm 2022.\n"
)


def test_block_whose_title_is_its_content() -> None:
    got = _by_ref(TITLE_IS_CONTENT)
    assert sorted(got) == ["II.1", "II.2"]
    _check(got["II.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "tập huấn nghiệp vụ")
    _check(got["II.2"], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")


FIELDS_ANY_ORDER = (
    "1. Tập huấn nghiệp vụ\na) Cơ quan chủ trì: Vụ Pháp chế.\nb) Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n"
    "c) Thời gian: tháng 6 năm 2022.\nd) Cơ quan phối hợp: Văn phòng Bộ.\n"
    "2. Rà soát văn bản\n- Thời hạn: năm 2022.\n- Đơn vị thực hiện: Thanh tra Bộ.\n"
    "- Nội dung công việc: Rà soát các văn bản quy phạm pháp luật.\n"
)


def test_fields_in_any_order() -> None:
    got = _by_ref(FIELDS_ANY_ORDER)
    assert sorted(got) == ["II.1", "II.2"]
    _check(got["II.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")


# --- counter-examples: sections whose sub-items are tasks of their own ---------------------------------------------

ORDINARY_ITEMS = (
    "1. Công tác tuyên truyền\na) Vụ Pháp chế chủ trì, phối hợp với Văn phòng Bộ biên soạn tài liệu tuyên truyền.\n"
    "b) Cục Việc làm hướng dẫn các địa phương triển khai chính sách trong quý II năm 2022.\n"
    "2. Thời gian thực hiện: năm 2022.\n"
)


def test_ordinary_sub_items_stay_tasks_of_their_own() -> None:
    got = _by_ref(ORDINARY_ITEMS)
    assert got["II.1.a"]["lead"] == ["Vụ Pháp chế"]
    assert got["II.1.a"]["support"] == ["Văn phòng Bộ"]
    assert got["II.1.b"]["lead"] == ["Cục Việc làm"]
    assert "II.1" not in got and "II.2" not in got


ROLE_SUBHEADINGS = (
    "1. Vụ Pháp chế\na) Chủ trì\n- Xây dựng kế hoạch tuyên truyền pháp luật về việc làm;\n"
    "- Hướng dẫn nghiệp vụ cho cán bộ các địa phương.\nb) Phối hợp\n- Phối hợp với Cục Việc làm rà soát văn bản.\n"
    "2. Thanh tra Bộ\nKiểm tra việc thực hiện chính sách hỗ trợ việc làm.\n"
)


def test_role_subheadings_over_a_bodys_own_tasks_are_not_fields() -> None:
    refs = [a["ref"] for a in _rows(ROLE_SUBHEADINGS)]
    assert refs.count("II.1.a") == 2
    assert "II.2" in refs


NUMBERED_AFTER_TASK = (
    "1. Cục Việc làm chủ trì tổ chức hội nghị sơ kết.\n2. Vụ Pháp chế rà soát văn bản quy phạm pháp luật.\n"
    "3. Thời gian thực hiện: năm 2022.\n4. Kinh phí: Ngân sách nhà nước.\n"
)


def test_numbered_items_after_tasks_are_not_a_blocks_fields() -> None:
    got = _by_ref(NUMBERED_AFTER_TASK)
    assert got["II.1"]["lead"] == ["Cục Việc làm"]
    assert got["II.2"]["lead"] == ["Vụ Pháp chế"]


NESTED_GROUP_UNDER_NUMBERED_FIELDS = (
    "Nhiệm vụ 1: Tập huấn nghiệp vụ\n1) Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n2) Cơ quan chủ trì, phối hợp:\n"
    "a) Cơ quan chủ trì: Vụ Pháp chế.\nb) Cơ quan phối hợp: Văn phòng Bộ.\n3) Thời gian: tháng 6 năm 2022.\n4) Sản phẩm: Hội nghị.\n"
    "Nhiệm vụ 2: Rà soát văn bản\n1) Nội dung: Rà soát các văn bản quy phạm pháp luật.\n2) Cơ quan chủ trì: Thanh tra Bộ.\n"
    "3) Thời gian: năm 2022.\n"
)


def test_group_label_with_lettered_roles_under_fields_numbered_again() -> None:
    got = _by_ref(NESTED_GROUP_UNDER_NUMBERED_FIELDS)
    assert sorted(got) == ["II.1", "II.2"]
    _check(got["II.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")


GROUP_LIST = (
    "1. Tập huấn nghiệp vụ\n- Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n"
    "- Cơ quan chủ trì, phối hợp: Vụ Pháp chế, Văn phòng Bộ, Thanh tra Bộ.\n- Thời gian: tháng 6 năm 2022.\n"
    "2. Rà soát văn bản\n- Nội dung: Rà soát các văn bản quy phạm pháp luật.\n"
    "- Cơ quan chủ trì, phối hợp: Cục Việc làm, Thanh tra Bộ (chủ trì).\n- Thời gian: năm 2022.\n"
)


def test_group_label_over_a_list_the_marked_body_leads_else_all() -> None:
    # (a bare list under the group label: all lead, as the seeds' gold 004 reads 'Cơ quan chủ trì và phối hợp: A, B')
    got = _by_ref(GROUP_LIST)
    _check(got["II.1"], ["Vụ Pháp chế", "Văn phòng Bộ", "Thanh tra Bộ"], [], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], ["Cục Việc làm"], "2022-12-31", "Rà soát các văn bản")


UNLABELLED_CONTENT = (
    "1. Tập huấn nghiệp vụ\nTổ chức tập huấn cho cán bộ làm công tác việc làm tại các địa phương.\n"
    "- Cơ quan chủ trì: Vụ Pháp chế.\n- Thời gian: tháng 6 năm 2022.\n"
    "2. Rà soát văn bản\nRà soát các văn bản quy phạm pháp luật về việc làm.\n- Cơ quan chủ trì: Thanh tra Bộ.\n"
    "- Thời gian: năm 2022.\n"
)


def test_block_text_carries_its_unlabelled_content() -> None:
    got = _by_ref(UNLABELLED_CONTENT)
    _check(got["II.1"], ["Vụ Pháp chế"], [], "2022-06-30", "Tổ chức tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")


WORDED_BARE_LABELS = (
    "Nhiệm vụ 1. Tập huấn nghiệp vụ\nTổ chức tập huấn cho cán bộ làm công tác việc làm.\nCơ quan chủ trì: Vụ Pháp chế.\n"
    "Thời gian: tháng 6 năm 2022.\n"
    "Nhiệm vụ 2. Rà soát văn bản\nRà soát các văn bản quy phạm pháp luật.\nĐơn vị thực hiện: Thanh tra Bộ.\n"
    "Thời gian: năm 2022.\n"
    "Hoạt động 3: Kiểm tra\nNội dung: Kiểm tra việc thực hiện chính sách.\n"
    "Cơ quan chủ trì, phối hợp: Cục Việc làm chủ trì; Văn phòng Bộ phối hợp.\nThời gian: quý III năm 2022.\n"
)


def test_blocks_numbered_in_words_over_bare_label_lines() -> None:
    # (their numbers open the lines: the text has its line breaks, nothing to put back)
    got = _by_ref(WORDED_BARE_LABELS)
    assert sorted(got) == ["II.1", "II.2", "II.3"]
    _check(got["II.1"], ["Vụ Pháp chế"], [], "2022-06-30", "Tổ chức tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], [], "2022-12-31", "Rà soát các văn bản")
    _check(got["II.3"], ["Cục Việc làm"], ["Văn phòng Bộ"], "2022-09-30", "Kiểm tra việc thực hiện")


LABEL_WORDINGS = (
    "1. Tập huấn nghiệp vụ\na) Nội dung nhiệm vụ: Tập huấn cho cán bộ làm công tác việc làm.\n"
    "b) Cơ quan chủ trì thực hiện: Vụ Pháp chế.\nc) Thời gian thực hiện/hoàn thành: tháng 6 năm 2022.\n"
    "d) Kết quả/sản phẩm: Hội nghị tập huấn.\n"
    "2. Rà soát văn bản\na) Nội dung cụ thể: Rà soát các văn bản quy phạm pháp luật.\nb) Cơ quan, đơn vị chủ trì: Thanh tra Bộ.\n"
    "c) Cơ quan, đơn vị phối hợp: Cục Việc làm.\nd) Thời gian: năm 2022.\nđ) Nguồn kinh phí: Ngân sách nhà nước.\n"
)


def test_label_wordings() -> None:
    got = _by_ref(LABEL_WORDINGS)
    assert sorted(got) == ["II.1", "II.2"]
    _check(got["II.1"], ["Vụ Pháp chế"], [], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], ["Cục Việc làm"], "2022-12-31", "Rà soát các văn bản")


GROUP_OVER_ROLE_BULLETS = (
    "1. Tập huấn nghiệp vụ\n- Nội dung: Tập huấn cho cán bộ làm công tác việc làm.\n- Cơ quan chủ trì, phối hợp:\n"
    "+ Vụ Pháp chế chủ trì;\n+ Văn phòng Bộ, Thanh tra Bộ phối hợp.\n- Thời gian: tháng 6 năm 2022.\n"
    "2. Rà soát văn bản\na) Nội dung: Rà soát các văn bản quy phạm pháp luật.\nb) Cơ quan chủ trì, phối hợp:\n"
    "- Thanh tra Bộ chủ trì;\n- Cục Việc làm phối hợp.\nc) Thời gian: năm 2022.\n"
)


def test_group_label_over_bullets_that_end_with_their_role() -> None:
    got = _by_ref(GROUP_OVER_ROLE_BULLETS)
    assert sorted(got) == ["II.1", "II.2"]
    _check(got["II.1"], ["Vụ Pháp chế"], ["Văn phòng Bộ", "Thanh tra Bộ"], "2022-06-30", "Tập huấn cho cán bộ")
    _check(got["II.2"], ["Thanh tra Bộ"], ["Cục Việc làm"], "2022-12-31", "Rà soát các văn bản")
