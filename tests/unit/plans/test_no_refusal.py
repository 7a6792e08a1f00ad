"""No real plan is refused, whatever its layout: a plan that numbers nothing (a Kế hoạch, a Chương trình, a joint
plan, a Công văn giving tasks, a Quyết định), one paragraph, a table only, bullets only, laid out in lines or flattened
(its line breaks lost), is read into its best structure with a warning. What is clearly no plan (empty, binary, a
text that hands no task to any body) is still refused with the clear message. Made-up texts in the genre.

Where refusals come from (dondoc.plans): the reader's (no file, a directory, too large, unreadable .docx/.pdf, an
encrypted PDF, a PDF without a text layer, VNI text without --convert-vni, empty or binary bytes) say why the file
cannot be read at all — no plan's layout hits them; `parse_blocks`' 'không phải kế hoạch' is the one a real plan's
layout could hit, and it is kept only for a text that hands no task to any body."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.errors import PlanReadError
from dondoc.plans import parse_path, parse_text
from dondoc.plans.reflow import _split_heading

KH = (
    "ỦY BAN NHÂN DÂN\nTỈNH SÔNG XANH\n\nSố: 45/KH-UBND\nSông Xanh, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
    "Phòng, chống dịch sốt xuất huyết năm 2025\n\n"
)
CHUONG_TRINH = KH.replace("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG").replace("KH-UBND", "CTr-UBND")
JOINT = (
    "ỦY BAN NHÂN DÂN TỈNH SÔNG XANH - ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH\n\nSố: 45/KHLT-UBND-MTTQ\n"
    "Sông Xanh, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH LIÊN TỊCH\nPhòng, chống dịch sốt xuất huyết năm 2025\n\n"
)
CONG_VAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH SÔNG XANH\n\nSố: 450/UBND-VX\nV/v triển khai phòng, chống dịch sốt xuất huyết\n\n"
    "Sông Xanh, ngày 10 tháng 3 năm 2025\n\nKính gửi:\n- Các sở, ban, ngành tỉnh;\n- Ủy ban nhân dân các huyện.\n\n"
)
DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH SÔNG XANH\n\nSố: 45/QĐ-UBND\nSông Xanh, ngày 10 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\n"
    "Về việc giao nhiệm vụ phòng, chống dịch sốt xuất huyết\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương;\n\n"
)
PREAMBLE = (
    "Thực hiện Công văn số 12/BYT-DP của Bộ Y tế, để chủ động phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh.\n"
)
DUTIES = [
    "Sở Y tế chủ trì, phối hợp với Ủy ban nhân dân các huyện tổ chức giám sát ca bệnh, hoàn thành trước ngày 30/6/2025.",
    "Sở Tài chính bố trí kinh phí thực hiện kế hoạch theo quy định.",
    "Sở Giáo dục và Đào tạo chỉ đạo các trường học tổ chức vệ sinh môi trường hằng tháng.",
    "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền vận động nhân dân diệt lăng quăng.",
]
LEADS = ["Sở Y tế", "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]
FOOTER = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _doc(head: str, intro: str = "", bullet: str = "") -> str:
    return head + PREAMBLE + intro + "\n".join(bullet + d for d in DUTIES) + FOOTER


def _leads(plan: dict[str, Any]) -> list[str]:
    return [lead for a in plan["assignments"] for lead in a["lead"]]


def _one_each(plan: dict[str, Any]) -> None:
    """One assignment per duty, each carrying its own body, ref'd '' (no numbering) and numbered by its place."""
    got = [(a["lead"], a["ref"]) for a in plan["assignments"]]
    assert got == [([lead], "") for lead in LEADS], got
    assert [a["item"] for a in plan["assignments"]] == [1, 2, 3, 4]
    assert plan["assignments"][3]["mode"] == "request"
    assert plan["assignments"][0]["support"] == ["Ủy ban nhân dân các huyện"]
    assert plan["assignments"][0]["timing"]["due"] == "2025-06-30"


def _warned(plan: dict[str, Any]) -> bool:
    return any("đánh số" in w for w in plan["warnings"])


# ---- (b) one assignment per paragraph or bullet, each with its own body ------------------------------------------


@pytest.mark.parametrize("intro", ["", "Ủy ban nhân dân tỉnh yêu cầu:\n", "Giao nhiệm vụ cụ thể như sau:\n"])
@pytest.mark.parametrize("bullet", ["", "- ", "+ "])
def test_an_unnumbered_plan_gives_one_assignment_per_paragraph(intro: str, bullet: str) -> None:
    # (laid out in lines of about the same width, the paragraphs are joined like a PDF's wrapped lines, and the
    # title ran into the preamble: every body still gets its own duty)
    plan = parse_text(_doc(KH, intro, bullet), source="kh.txt")
    _one_each(plan)
    assert _warned(plan)
    assert plan["title"] == "Phòng, chống dịch sốt xuất huyết năm 2025"


@pytest.mark.parametrize("intro", ["", "Ủy ban nhân dân tỉnh yêu cầu:\n", "Giao nhiệm vụ cụ thể như sau:\n"])
@pytest.mark.parametrize("bullet", ["", "- "])
def test_an_unnumbered_plan_flattened_is_read_not_refused(intro: str, bullet: str) -> None:
    plan = parse_text(_flat(_doc(KH, intro, bullet)), source="kh.txt")
    _one_each(plan)
    assert _warned(plan)
    assert plan["number"] == "45/KH-UBND"


@pytest.mark.parametrize(
    "head", [CHUONG_TRINH, JOINT, CONG_VAN, DECISION], ids=["programme", "joint", "letter", "decision"]
)
@pytest.mark.parametrize("flat", [False, True], ids=["lines", "flat"])
def test_other_genres_without_numbering_are_read(head: str, flat: bool) -> None:
    text = _doc(head, "Giao nhiệm vụ cụ thể như sau:\n")
    plan = parse_text(_flat(text) if flat else text, source="doc.txt")
    _one_each(plan)
    assert _warned(plan)


def test_a_letter_giving_tasks_without_a_formula_is_read() -> None:
    plan = parse_text(_doc(CONG_VAN), source="cv.txt")
    assert _leads(plan) == LEADS
    plan = parse_text(_flat(_doc(CONG_VAN)), source="cv.txt")
    assert _leads(plan) == LEADS


def test_a_plan_in_one_paragraph_is_read() -> None:
    one = (
        "Sở Y tế chủ trì, phối hợp với Ủy ban nhân dân các huyện tổ chức giám sát ca bệnh, hoàn thành trước ngày "
        "30/6/2025; Sở Tài chính bố trí kinh phí thực hiện; đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp "
        "tuyên truyền vận động nhân dân."
    )
    for text in (KH + PREAMBLE + one + FOOTER, _flat(KH + PREAMBLE + one + FOOTER)):
        plan = parse_text(text, source="one.txt")
        assert {"Sở Y tế", "Sở Tài chính"} <= set(_leads(plan)), plan["assignments"]


TABLE = (
    "| Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n| --- | --- | --- | --- |\n"
    "| Giám sát ca bệnh | Sở Y tế | UBND các huyện | Quý II/2025 |\n| Bố trí kinh phí | Sở Tài chính | | Năm 2025 |\n"
)


NUMBERED_TABLE = (
    "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n| --- | --- | --- | --- | --- |\n"
    "| 1 | Giám sát ca bệnh | Sở Y tế | UBND các huyện | Quý II/2025 |\n"
    "| 2 | Bố trí kinh phí | Sở Tài chính | | Năm 2025 |\n"
)


@pytest.mark.parametrize(
    "text",
    [TABLE, KH + PREAMBLE + TABLE + FOOTER, _flat(NUMBERED_TABLE), _flat(KH + PREAMBLE + NUMBERED_TABLE + FOOTER)],
    ids=["bare", "plan", "bare-flat", "plan-flat"],
)
def test_a_plan_that_is_a_table_only_is_read(text: str) -> None:
    plan = parse_text(text, source="table.md")
    assert _leads(plan) == ["Sở Y tế", "Sở Tài chính"]


def test_a_file_of_an_unnumbered_flattened_plan_is_read(tmp_path: Any) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(_flat(_doc(CONG_VAN, "Giao nhiệm vụ cụ thể như sau:\n")), encoding="utf-8")
    assert _leads(parse_path(path, max_mb=5)) == LEADS


# ---- what is no plan is still refused, with the message it has now -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ghi chú: họp lúc 8 giờ sáng thứ Hai.",
        "Danh sách mua sắm: gạo, muối, nước mắm.\nKhông có mục nào.",
        "The committee met on Monday. It agreed to meet again. " * 60,
        "Thư mời dự tiệc cưới của anh Nguyễn Văn A và chị Trần Thị B vào lúc 18 giờ ngày 5/6/2025. Rất hân hạnh được đón tiếp.",
        # a letter that names bodies (its recipients) but hands none a task
        "ỦY BAN NHÂN DÂN\nTỈNH SÔNG XANH\n\nSố: 46/UBND-VX\n\nKính gửi: Sở Y tế\n\nChúc mừng năm mới 2025.\n",
        _flat("ỦY BAN NHÂN DÂN\nTỈNH SÔNG XANH\n\nSố: 46/UBND-VX\n\nKính gửi: Sở Y tế\n\nChúc mừng năm mới 2025.\n"),
    ],
)
def test_a_text_handing_no_task_to_a_body_is_still_refused(text: str) -> None:
    with pytest.raises(PlanReadError, match="không phải kế hoạch"):
        parse_text(text, source="note.txt")


@pytest.mark.parametrize(("data", "message"), [(b"", "rỗng"), (b"  \n ", "rỗng"), (b"\x00\x01binary" * 20, "nhị phân")])
def test_empty_and_binary_files_are_still_refused(tmp_path: Any, data: bytes, message: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(PlanReadError, match=message):
        parse_path(path, max_mb=5)


def test_empty_text_is_still_refused() -> None:
    with pytest.raises(PlanReadError, match="rỗng"):
        parse_text("  \n", source="x.txt")


# ---- (c) a title opening with a compound verb ('Nâng cấp', 'Cung cấp'), a dash between two places in it ---------


@pytest.mark.parametrize(
    ("par", "title"),
    [
        (
            "1. Nâng cấp tuyến đường Sông Xanh - Hòa Bình Sở Xây dựng chủ trì, phối hợp với Sở Tài chính thực hiện.",
            "1. Nâng cấp tuyến đường Sông Xanh - Hòa Bình",
        ),
        (
            "1. Nâng cấp đường liên xã Bình An - Hòa Lợi Phòng Kinh tế - Hạ tầng chủ trì, phối hợp với UBND xã Bình An thực hiện.",
            "1. Nâng cấp đường liên xã Bình An - Hòa Lợi",
        ),
        (
            "2. Cung cấp nước sạch cho xã Bình An Công ty Cấp nước Sông Xanh chủ trì thực hiện.",
            "2. Cung cấp nước sạch cho xã Bình An",
        ),
        (
            "1. Nâng cấp cầu Sông Xanh Ủy ban nhân dân huyện Hòa Bình chủ trì giải phóng mặt bằng.",
            "1. Nâng cấp cầu Sông Xanh",
        ),
    ],
)
def test_a_title_opening_with_a_compound_verb_is_cut_before_the_body(par: str, title: str) -> None:
    assert _split_heading(par).split("\n\n")[0] == title


@pytest.mark.parametrize(
    "par",
    [
        # counter-examples that must not change: a body's double name, the body a title's verb acts on, a name after 'với'
        "2. Phòng Tài chính - Kế hoạch chủ trì thẩm định dự toán các hoạt động.",
        "1. Hướng dẫn Ủy ban nhân dân các xã triển khai thực hiện.",
        "1. Tăng cường kiểm tra Ủy ban nhân dân các xã thực hiện quy chế dân chủ.",
        "1. Nâng cấp tuyến đường phối hợp với Sở Xây dựng thực hiện.",
    ],
)
def test_a_body_inside_a_sentence_is_not_cut_off(par: str) -> None:
    assert _split_heading(par) == par


def test_a_flattened_plan_keeps_the_task_titled_with_a_dash() -> None:
    items = (
        "I. NHIỆM VỤ\n1. Nâng cấp tuyến đường Sông Xanh - Hòa Bình\nSở Xây dựng chủ trì, phối hợp với Sở Tài chính "
        "thực hiện, hoàn thành năm 2025.\n2. Giám sát ca bệnh\nSở Y tế chủ trì, phối hợp với Ủy ban nhân dân các "
        "huyện tổ chức giám sát ca bệnh, hoàn thành trước ngày 30/6/2025.\n"
    )
    plan = parse_text(_flat(KH + PREAMBLE + items + FOOTER), source="flat.txt")
    assert [(a["ref"], a["lead"]) for a in plan["assignments"]] == [("I.1", ["Sở Xây dựng"]), ("I.2", ["Sở Y tế"])]
    assert plan["assignments"][0]["support"] == ["Sở Tài chính"]
