"""Pasted plans (branch pasted4): plans copied from a law-library page, each paragraph wrapped at 78 columns and every
paragraph break lost (`paste`), or all their lines joined (`flat`). Made-up texts in the genre; each case failed before
the rule it tests, counter-examples keep what must stay."""

from __future__ import annotations

from typing import Any

from dondoc.plans import parse_text
from tests.unit.plans.conftest import paste

HEAD = (
    "ỦY BAN NHÂN DÂN HUYỆN SÔNG XANH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 57/KH-UBND\nSông Xanh, ngày 02 tháng 4 năm 2025\nKẾ HOẠCH\nThực hiện chính sách an sinh xã hội năm 2025\n"
    "Thực hiện Nghị quyết số 12/NQ-HĐND ngày 10/01/2025 của Hội đồng nhân dân huyện, Ủy ban nhân dân huyện ban hành "
    "Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm an sinh xã hội, không để ai bị bỏ lại phía sau.\n"
)


def _pairs(plan: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(a["ref"], a["lead"]) for a in plan["assignments"]]


def flat(text: str) -> str:
    return " ".join(text.split())


# --- the closing paragraph: its 'Trong quá trình ..., đề nghị các đơn vị phản ánh ...' speaks of those just named ----
CLOSING = HEAD + (
    "II. TỔ CHỨC THỰC HIỆN\n1. Phòng Lao động - Thương binh và Xã hội\n"
    "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dẫn, kiểm tra việc thực hiện Kế hoạch.\n"
    "2. Phòng Tài chính - Kế hoạch\nTham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
    "3. Ủy ban nhân dân các xã, thị trấn\nChủ động xây dựng kế hoạch của địa phương và tổ chức thực hiện.\n"
    "Các phòng, ban, ngành, đoàn thể huyện; Ủy ban nhân dân các xã, thị trấn tổ chức triển khai, thực hiện. Trong quá "
    "trình triển khai, thực hiện nếu có khó khăn, vướng mắc đề nghị các đơn vị phản ánh về Ủy ban nhân dân huyện (qua Phòng Lao "
    "động - Thương binh và Xã hội) để tổng hợp, chỉ đạo./.\n"
    "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn B\n"
)


def test_closing_refers_back_flattened() -> None:
    want = [
        ("II.1", ["Phòng Lao động - Thương binh và Xã hội"]),
        ("II.2", ["Phòng Tài chính - Kế hoạch"]),
        ("II.3", ["Ủy ban nhân dân các xã, thị trấn"]),
        ("II", ["Các phòng, ban, ngành, đoàn thể huyện", "Ủy ban nhân dân các xã, thị trấn"]),
    ]
    for text in (CLOSING, flat(CLOSING), paste(CLOSING)):
        assert _pairs(parse_text(text, source="x.txt")) == want


def test_closing_names_its_own_counter() -> None:
    # the closing sentence that names bodies of its own ('các cơ quan, đơn vị kịp thời báo cáo') is its own entry
    text = CLOSING.replace("đề nghị các đơn vị phản ánh về", "các xã, thị trấn kịp thời báo cáo về")
    pairs = _pairs(parse_text(flat(text), source="x.txt"))
    assert ("II", ["các xã, thị trấn"]) in pairs


def test_closing_after_heading_run_into_its_duty() -> None:
    # the last item's heading runs into its duty, which opens with any task verb: the closing words stay the section's
    for verb in ("Bố trí ngân sách địa phương", "Tích cực tuyên truyền kế hoạch", "Lồng ghép nội dung kế hoạch"):
        text = CLOSING.replace("Chủ động xây dựng kế hoạch của địa phương", verb)
        assert _pairs(parse_text(flat(text), source="x.txt"))[2:] == [
            ("II.3", ["Ủy ban nhân dân các xã, thị trấn"]),
            ("II", ["Các phòng, ban, ngành, đoàn thể huyện", "Ủy ban nhân dân các xã, thị trấn"]),
        ]


def test_heading_name_then_capitalised_verb() -> None:
    from dondoc.plans.titles import named_then_duty

    def cut(s: str) -> str | None:
        k = named_then_duty(s, len(s))
        return None if k is None else s[:k].rstrip()

    assert cut("3. Ủy ban nhân dân các xã, thị trấn Bố trí ngân sách.") == "3. Ủy ban nhân dân các xã, thị trấn"
    assert cut("2. Trung tâm Phát triển quỹ đất huyện Rà soát quỹ đất công.") == "2. Trung tâm Phát triển quỹ đất huyện"
    # a capitalised verb inside the name is the name's: the last one before the duty's lower-case words
    assert cut("4. Ban Chỉ đạo Phát triển du lịch Tham mưu Ủy ban nhân dân tỉnh ...") == "4. Ban Chỉ đạo Phát triển du lịch"
    # a title that names no body, or a body with a lower-case verb already (a sentence), is left
    assert cut("1. Công tác tuyên truyền Tổ chức các hoạt động hưởng ứng.") is None
    assert cut("5. Hội nghị Tổng kết năm 2025.") is None
    assert cut("6. Sở Y tế chủ trì Hướng dẫn chuyên môn.") is None


# --- a heading naming a body with its first duty after the colon, more duties in bullets below ----------------------
INLINE_DUTY = HEAD + (
    "II. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hệ thống an sinh xã hội\n"
    "1.1. Phòng Y tế:\n- Chủ trì, phối hợp với các cơ quan liên quan nâng cao chất lượng y tế cơ sở.\n"
    "- Tăng cường công tác khám sức khỏe định kỳ cho người cao tuổi.\n"
    "1.2. Phòng Văn hóa - Thông tin:\nChủ trì, phối hợp với Ủy ban nhân dân các xã xây dựng môi trường văn hóa "
    "lành mạnh. Nâng cao đời sống tinh thần của Nhân dân.\n"
    "- Thực hiện chính sách về quyền tiếp cận thông tin của công dân.\n"
    "- Hỗ trợ người dân tiếp cận dịch vụ công trực tuyến.\n"
    "1.3. Phòng Kinh tế - Hạ tầng: Chủ trì thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo.\n"
)


def test_body_heading_duty_then_bullets() -> None:
    want = [
        ("II.1.1", ["Phòng Y tế"]), ("II.1.1", ["Phòng Y tế"]),
        ("II.1.2", ["Phòng Văn hóa - Thông tin"]), ("II.1.2", ["Phòng Văn hóa - Thông tin"]),
        ("II.1.2", ["Phòng Văn hóa - Thông tin"]),
        ("II.1.3", ["Phòng Kinh tế - Hạ tầng"]),
    ]
    for text in (INLINE_DUTY, flat(INLINE_DUTY), paste(INLINE_DUTY)):
        assert _pairs(parse_text(text, source="x.txt")) == want
    # laid out in lines, the first duty on the heading's own line
    one_line = INLINE_DUTY.replace("Thông tin:\nChủ trì", "Thông tin: Chủ trì")
    assert _pairs(parse_text(one_line, source="x.txt")) == want


def test_closing_sentence_referring_back_not_cut() -> None:
    from dondoc.plans.runon import split_duties

    par = ("Các phòng, ban, ngành, đoàn thể huyện; Ủy ban nhân dân các xã, thị trấn tổ chức triển khai, thực hiện. "
           "Trong quá trình triển khai, thực hiện nếu có khó khăn, vướng mắc đề nghị các đơn vị phản ánh về Ủy ban "
           "nhân dân huyện để tổng hợp, xem xét, chỉ đạo./.")
    assert split_duties([par], section_end=[True]) == [par]
    # the closing sentence naming bodies of its own ('các cơ quan, đơn vị liên quan') is cut off as before
    other = par.replace("đề nghị các đơn vị phản ánh", "các cơ quan, đơn vị liên quan kịp thời phản ánh")
    assert len(split_duties([other], section_end=[True])) == 2
