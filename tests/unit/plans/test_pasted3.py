"""Pasted plans (branch pasted3): the first few thousand characters of a plan copied from a law-library page, each
paragraph wrapped at 78 columns and every paragraph break lost (a paragraph's first line runs on from the last line
of the one before). Made-up texts in the genre; each case failed before the rule it tests, counter-examples keep
what must stay."""

from __future__ import annotations

from typing import Any

from dondoc.plans import parse_text
from dondoc.plans.reflow import restore_breaks
from tests.unit.plans.madeup import paste

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH SÔNG XANH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 41/KH-UBND\nSông Xanh, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\nPhòng, chống dịch bệnh trên địa bàn tỉnh năm 2025\n"
    "Thực hiện Chỉ thị số 05/CT-TTg ngày 10/01/2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch "
    "như sau:\n"
)


def _pairs(plan: dict[str, Any]) -> list[tuple[str, list[str], list[str]]]:
    return [(a["ref"], a["lead"], a.get("support") or []) for a in plan["assignments"]]


# --- a Word file converted to markdown ('1\.', '\-' escaped), then pasted with its breaks lost ----------------------
ESCAPED = HEAD + (
    "I. MỤC ĐÍCH, YÊU CẦU\n1\\. Mục đích\n\\- Chủ động phòng, chống dịch bệnh, giảm tối đa số ca mắc và tử vong.\n"
    "2\\. Yêu cầu\n\\- Sở Y tế căn cứ Kế hoạch này xây dựng kế hoạch chi tiết của ngành, gửi Ủy ban nhân dân tỉnh "
    "trước ngày 30/4/2025.\nII. NHIỆM VỤ, GIẢI PHÁP\n1\\. Công tác chỉ đạo\n"
    "\\- Sở Y tế chủ trì, phối hợp với Sở Tài chính tham mưu bố trí kinh phí phòng, chống dịch bệnh năm 2025.\n"
    "2\\. Công tác truyền thông\n"
    "\\- Báo Sông Xanh, Đài Phát thanh và Truyền hình tỉnh mở chuyên mục tuyên truyền về phòng, chống dịch bệnh.\n"
)


def test_escaped_marks_pasted() -> None:
    plan = parse_text(paste(ESCAPED), source="x.md")
    assert _pairs(plan) == [
        ("I.2", ["Sở Y tế"], []),
        ("II.1", ["Sở Y tế"], ["Sở Tài chính"]),
        ("II.2", ["Báo Sông Xanh", "Đài Phát thanh và Truyền hình tỉnh"], []),
    ]


def test_escaped_marks_counter() -> None:
    # a backslash that escapes no mark (a path, a formula) is left where it stands
    out = restore_breaks(
        "I. MỤC ĐÍCH Lưu tại thư mục D:\\KeHoach\\2025 của Văn phòng. II. NỘI DUNG 1. Sở Y tế chủ trì."
    )
    assert "D:\\KeHoach\\2025" in out


# --- a heading run into its first bullet, which lists bodies ('2. <title> - Báo X, Đài Y <verb> ...') ----------------
def test_dash_before_listed_bodies() -> None:
    out = restore_breaks(
        "I. NHIỆM VỤ 2. Công tác truyền thông - Báo Sông Xanh, Đài Phát thanh và Truyền hình tỉnh mở "
        "chuyên mục tuyên truyền."
    )
    assert "2. Công tác truyền thông\n\n- Báo Sông Xanh, Đài Phát thanh" in out


def test_title_then_body_counter() -> None:
    # no dash: the title ends where the body's sentence starts; a dash inside a double name is no bullet
    out = restore_breaks(
        "I. NHIỆM VỤ 1. Quản lý thị trường Sở Công Thương chủ trì kiểm tra. 2. Truyền thông cơ sở Phòng "
        "Văn hóa - Xã hội, Đài Truyền thanh xã mở chuyên mục."
    )
    assert "1. Quản lý thị trường\n\nSở Công Thương chủ trì" in out
    assert "Phòng Văn hóa - Xã hội, Đài Truyền thanh xã mở" in out


# --- a lead label whose value is two bodies' own sentences ('Cơ quan thực hiện: Sở A tiến hành ...; các sở ... rà soát ...')
LABELLED = HEAD + (
    "I. NỘI DUNG\n1. Tuyên truyền pháp luật\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian thực hiện: năm 2025.\n"
    "2. Rà soát văn bản quy phạm pháp luật\n"
    "- Nội dung: Rà soát các văn bản có liên quan đến Luật; kiến nghị sửa đổi, bổ sung cho phù hợp.\n"
    "- Cơ quan thực hiện: Sở Y tế tiến hành rà soát các văn bản thuộc thẩm quyền quản lý của mình; các sở, ngành "
    "liên quan và Ủy ban nhân dân các xã rà soát văn bản do cơ quan mình tham mưu ban hành, gửi kết quả về Sở Y tế "
    "để tổng hợp.\n- Thời gian thực hiện: Quý IV năm 2025.\n"
)


def test_label_value_two_sentences() -> None:
    for text in (LABELLED, paste(LABELLED)):
        pairs = _pairs(parse_text(text, source="x.md"))
        assert pairs == [
            ("I.1", ["Sở Tư pháp"], []),
            ("I.2", ["Sở Y tế"], []),
            ("I.2", ["các sở, ngành liên quan", "Ủy ban nhân dân các xã"], []),
        ]


def test_label_value_list_counter() -> None:
    # a plain list of names ('Sở A; Sở B'), or one body's sentence with a semicolon, stays one entry
    text = LABELLED.replace(
        "Sở Y tế tiến hành rà soát các văn bản thuộc thẩm quyền quản lý của mình; các sở, ngành liên quan và Ủy ban "
        "nhân dân các xã rà soát văn bản do cơ quan mình tham mưu ban hành, gửi kết quả về Sở Y tế để tổng hợp.",
        "Sở Y tế; Sở Nội vụ; Ủy ban nhân dân các xã.",
    )
    assert _pairs(parse_text(paste(text), source="x.md"))[1:] == [
        ("I.2", ["Sở Y tế", "Sở Nội vụ", "Ủy ban nhân dân các xã"], [])
    ]
