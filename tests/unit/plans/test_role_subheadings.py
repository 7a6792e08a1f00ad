"""Role sub-headings that are no labels, on made-up fragments: 'a) Chủ trì' / 'b) Phối hợp', 'a) Nhiệm vụ
chủ trì:', 'Chủ trì thực hiện:' above the body's own task bullets (the labelled-lines reader reads a label
only when its values are names), the same sub-headings above plain paragraphs (a Word file whose list
marks were lost), and a heading 'Sở X phối hợp với Y' (the body's part in Y's work). Conventions
(shared/seeds/gold/README.md, gold 24 V.1.b): each task the heading's body's, also under 'Phối hợp';
support only the partners a 'Chủ trì, phối hợp với' names."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text

HEAD = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 34/KH-UBND\nX, ngày 12 tháng 2 năm 2026\nKẾ HOẠCH\nChuyển đổi số năm 2026\n"
TOP = "I. MỤC ĐÍCH\n\nNâng cao hiệu quả.\n\nII. NHIỆM VỤ\n\n"
TASKS = ["Xây dựng kế hoạch tiêm chủng.", "Tổ chức giám sát dịch bệnh.", "Cử cán bộ tham gia đoàn kiểm tra liên ngành."]


def _plan(body: str) -> dict[str, Any]:
    return parse_text(HEAD + TOP + body, source="probe.md", year=2026)


def _rows(plan: dict[str, Any]) -> list[tuple[str, list[str], list[str], str]]:
    return [(a["ref"], a["lead"], a["support"], a["text"]) for a in plan["assignments"]]


@pytest.mark.parametrize(("lead_line", "support_line", "refs"), [
    ("a) Chủ trì", "b) Phối hợp", ["II.1.a", "II.1.a", "II.1.b"]),
    ("a) Chủ trì:", "b) Phối hợp:", ["II.1.a", "II.1.a", "II.1.b"]),
    ("a) Nhiệm vụ chủ trì:", "b) Nhiệm vụ phối hợp:", ["II.1.a", "II.1.a", "II.1.b"]),
    ("**a) Nhiệm vụ chủ trì**", "**b) Nhiệm vụ phối hợp**", ["II.1.a", "II.1.a", "II.1.b"]),
    ("a) Chủ trì thực hiện", "b) Phối hợp thực hiện", ["II.1.a", "II.1.a", "II.1.b"]),
    ("Chủ trì thực hiện:", "Phối hợp thực hiện:", ["II.1", "II.1", "II.1"]),
    ("Nhiệm vụ chủ trì:", "Nhiệm vụ phối hợp:", ["II.1", "II.1", "II.1"]),
])
def test_role_sub_headings_over_task_bullets_give_the_heading_body_each_bullet(
        lead_line: str, support_line: str, refs: list[str]) -> None:
    plan = _plan(
        f"1. Sở Y tế\n\n{lead_line}\n\n- {TASKS[0]}\n\n- {TASKS[1]}\n\n{support_line}\n\n- {TASKS[2]}\n\n"
        "2. Sở Tài chính\n\nThẩm định dự toán kinh phí.\n"
    )
    assert _rows(plan) == [
        *[(ref, ["Sở Y tế"], [], t) for ref, t in zip(refs, TASKS, strict=True)],
        ("II.2", ["Sở Tài chính"], [], "Thẩm định dự toán kinh phí."),
    ]


def test_real_label_lines_are_still_read_as_labels() -> None:
    plan = _plan(
        "1. Tuyên truyền về chuyển đổi số\n\n- Chủ trì: Sở Khoa học và Công nghệ.\n\n- Phối hợp: Sở Y tế.\n\n"
        "2. Tập huấn kỹ năng số\n\na) Cơ quan chủ trì: Sở Nội vụ\n\nb) Cơ quan phối hợp: Sở Tài chính\n\n"
        "3. Rà soát dữ liệu dân cư\n\n- Chủ trì:\n\n+ Công an tỉnh.\n\n- Phối hợp:\n\n+ Sở Tư pháp.\n"
    )
    assert [(a["ref"], a["lead"], a["support"]) for a in plan["assignments"]] == [
        ("II.1", ["Sở Khoa học và Công nghệ"], ["Sở Y tế"]),
        ("II.2", ["Sở Nội vụ"], ["Sở Tài chính"]),
        ("II.3", ["Công an tỉnh"], ["Sở Tư pháp"]),
    ]


def test_role_sub_headings_over_plain_paragraphs_give_one_task_each() -> None:
    plan = _plan(
        "1. Sở Khoa học và Công nghệ\n\na) Chủ trì, phối hợp với các sở, ngành\n\n"
        "Xây dựng nền tảng dữ liệu dùng chung của tỉnh.\n\nTổ chức tập huấn kỹ năng số cho cán bộ, công chức.\n\n"
        "b) Phối hợp với Sở Tài chính\n\nĐề xuất bố trí kinh phí duy trì hệ thống.\n\n"
        "2. Sở Nội vụ\n\nRà soát vị trí việc làm về công nghệ thông tin.\n"
    )
    kh = ["Sở Khoa học và Công nghệ"]
    assert _rows(plan) == [
        ("II.1.a", kh, ["các sở, ngành"], "Xây dựng nền tảng dữ liệu dùng chung của tỉnh."),
        ("II.1.a", kh, ["các sở, ngành"], "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức."),
        ("II.1.b", kh, [], "Đề xuất bố trí kinh phí duy trì hệ thống."),
        ("II.2", ["Sở Nội vụ"], [], "Rà soát vị trí việc làm về công nghệ thông tin."),
    ]


@pytest.mark.parametrize("colon", ["", ":"])
def test_a_heading_naming_a_body_that_supports_another_keeps_the_body_as_lead(colon: str) -> None:
    plan = _plan(
        f"1. Sở Y tế phối hợp với Sở Giáo dục và Đào tạo{colon}\n\n- Tổ chức khám sức khỏe định kỳ cho học sinh.\n\n"
        "- Tuyên truyền phòng bệnh trong trường học.\n"
    )
    assert [(a["ref"], a["lead"], a["support"]) for a in plan["assignments"]] == [
        ("II.1", ["Sở Y tế"], []), ("II.1", ["Sở Y tế"], [])]


DECISION = (
    "ỦY BAN NHÂN DÂN TỈNH X\n\nSố: 561/QĐ-UBND\n\nX, ngày 03 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\n\n"
    "Về việc ban hành Kế hoạch chuyển đổi số năm 2026\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 12/QĐ-UBND ngày 05/01/2025 của "
    "Ủy ban nhân dân tỉnh. Sở Khoa học và Công nghệ hướng dẫn các đơn vị triển khai.\n\n"
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n\n"
    "KẾ HOẠCH\n\nChuyển đổi số năm 2026\n\n"
)


def test_a_task_after_the_effect_clause_in_one_article_is_read() -> None:
    plan = parse_text(DECISION + TOP + "1. Sở Nội vụ\n\nRà soát vị trí việc làm.\n", source="probe.md", year=2026)
    assert _rows(plan) == [
        ("Điều 2", ["Sở Khoa học và Công nghệ"], [], "Sở Khoa học và Công nghệ hướng dẫn các đơn vị triển khai."),
        ("II.1", ["Sở Nội vụ"], [], "Rà soát vị trí việc làm."),
    ]
