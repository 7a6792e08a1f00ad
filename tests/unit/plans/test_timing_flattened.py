"""Timing kinds and due dates of tasks in a plan laid out in lines and in the same plan flattened to one line
(as text pasted from a law-library page, benchmarks/flattened.py): a 'Thời gian:' label running into the next
item, a time phrase of the next item's title, a section heading's year (not passed down: a task with no time
stays unspecified), 'thường xuyên' / 'hằng năm' in a sentence about something else, a report deadline in a
closing sentence, a date cut by a 5,000-character cut. Made-up texts; expectations written before the parser
was run on them."""

from __future__ import annotations

import pytest

from dondoc.plans import parse_text
from tests.unit.plans.madeup import closing

_HEAD = """ỦY BAN NHÂN DÂN TỈNH SÔNG XANH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/KH-UBND
Sông Xanh, ngày 10 tháng 02 năm 2026
KẾ HOẠCH
Thực hiện công tác y tế và an toàn thực phẩm năm 2026
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025; căn cứ Luật Khám bệnh, chữa bệnh và Luật An toàn thực phẩm cùng các văn bản hướng dẫn thi hành của Chính phủ và Bộ Y tế;
Thực hiện chỉ đạo của Chính phủ về tăng cường công tác y tế cơ sở và bảo đảm an toàn thực phẩm trong tình hình mới, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện năm 2026 như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao chất lượng chăm sóc sức khỏe Nhân dân, chủ động phòng, chống dịch bệnh, bảo đảm an toàn thực phẩm; nâng cao nhận thức, trách nhiệm của các cấp, các ngành và của người dân trong công tác y tế.
2. Yêu cầu
Các cơ quan, đơn vị triển khai đồng bộ, hiệu quả, đúng tiến độ các nhiệm vụ được giao; gắn trách nhiệm của người đứng đầu với kết quả thực hiện; bảo đảm sự phối hợp chặt chẽ giữa các sở, ngành và địa phương.
"""
_TAIL = "Trên đây là Kế hoạch thực hiện công tác y tế năm 2026 của Ủy ban nhân dân tỉnh.\n" + closing("Nguyễn Văn Bình")

# labelled lines: the label of item 1 runs straight into item 2 once flattened; item 3 states no time
_LABELLED = """II. NHIỆM VỤ CỤ THỂ
1. Tổ chức tiêm chủng mở rộng cho trẻ em
- Cơ quan chủ trì: Sở Y tế.
- Cơ quan phối hợp: Ủy ban nhân dân các xã, phường.
- Thời gian: Quý II/2026.
2. Tuyên truyền phòng, chống dịch bệnh truyền nhiễm
- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.
- Thời gian thực hiện: thường xuyên.
3. Kiểm tra an toàn thực phẩm tại các chợ đầu mối
- Cơ quan chủ trì: Sở Công Thương.
- Cơ quan phối hợp: Công an tỉnh.
4. Tổng kết công tác y tế dự phòng
- Cơ quan chủ trì: Sở Nội vụ.
- Thời gian hoàn thành: tháng 12/2026.
"""
_LABELLED_WANT = {
    ("II.1", "Sở Y tế"): ("once", "2026-06-30"),
    ("II.2", "Sở Văn hóa, Thể thao và Du lịch"): ("continuous", None),
    ("II.3", "Sở Công Thương"): ("unspecified", None),
    ("II.4", "Sở Nội vụ"): ("once", "2026-12-31"),
}

# items written as sentences: a deadline at the end of the sentence; 'thường xuyên' governing the verb; a
# frequency word describing places, not the task; 'hằng năm' in a budget sentence; a title whose time is its own
_PROSE = """II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Y tế chủ trì, phối hợp với Ủy ban nhân dân các xã, phường tổ chức tiêm chủng cho trẻ em, hoàn thành trong Quý II/2026.
2. Sở Giáo dục và Đào tạo chủ trì tổ chức tuyên truyền về an toàn thực phẩm trong trường học.
3. Sở Công Thương chủ trì kiểm tra thường xuyên các cơ sở kinh doanh thực phẩm.
4. Công an tỉnh chủ trì xử lý vi phạm tại các điểm thường xuyên xảy ra ngộ độc thực phẩm.
5. Sở Tài chính chủ trì tham mưu bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách hằng năm.
"""
_PROSE_WANT = {
    ("II.1", "Sở Y tế"): ("once", "2026-06-30"),
    ("II.2", "Sở Giáo dục và Đào tạo"): ("unspecified", None),
    ("II.3", "Sở Công Thương"): ("continuous", None),
    ("II.4", "Công an tỉnh"): ("unspecified", None),
    ("II.5", "Sở Tài chính"): ("unspecified", None),
}

# a section heading's year and period: not passed down; a body heading's bullets, one dated
_HEADED = """II. NHIỆM VỤ NĂM 2026
1. Sở Nội vụ:
- Chủ trì xây dựng bộ chỉ số đánh giá cải cách hành chính của các sở, ngành.
- Tổng hợp kết quả chấm điểm, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2026.
2. Sở Tư pháp:
- Chủ trì rà soát hệ thống văn bản quy phạm pháp luật của tỉnh.
III. NHIỆM VỤ GIAI ĐOẠN 2026-2030
1. Sở Xây dựng chủ trì phát triển nhà ở xã hội cho công nhân.
2. Sở Nông nghiệp và Môi trường chủ trì trồng rừng phòng hộ ven biển.
"""
_HEADED_WANT = {
    ("II.1", "Sở Nội vụ", "Chủ trì xây dựng"): ("unspecified", None),
    ("II.1", "Sở Nội vụ", "Tổng hợp kết quả"): ("once", "2026-12-15"),
    ("II.2", "Sở Tư pháp", ""): ("unspecified", None),
    ("III.1", "Sở Xây dựng", ""): ("unspecified", None),
    ("III.2", "Sở Nông nghiệp và Môi trường", ""): ("unspecified", None),
}

# the next item's title carries a time of its own: the item above, with none, must not take it
_NEXT_TITLE = """II. NHIỆM VỤ CỤ THỂ
1. Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể
- Cơ quan chủ trì: Sở Y tế.
- Cơ quan phối hợp: Ủy ban nhân dân các xã, phường.
2. Kiểm tra an toàn thực phẩm dịp Tết Nguyên đán năm 2027
- Cơ quan chủ trì: Sở Công Thương.
- Thời gian: tháng 01/2027.
3. Sơ kết 6 tháng đầu năm 2026
- Cơ quan chủ trì: Sở Nội vụ.
"""
_NEXT_TITLE_WANT = {
    ("II.1", "Sở Y tế"): ("unspecified", None),
    ("II.2", "Sở Công Thương"): ("once", "2027-01-31"),
}

# the closing sentence of a section sets a report deadline: not the time of the item above it
_CLOSING = """II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Sở Nội vụ chủ trì hướng dẫn các cơ quan, đơn vị xây dựng kế hoạch chi tiết.
Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15/12 hằng năm để tổng hợp.
"""
_CLOSING_WANT = {
    ("II.1", "Sở Khoa học và Công nghệ"): ("unspecified", None),
    ("II.2", "Sở Nội vụ"): ("unspecified", None),
}


# a dash bullet of several sentences, the later one opening with role words ('Phối hợp với ...') and holding the
# bullet's time: once flattened the bullet keeps its dash, so the sentence is still the bullet's, not a duty of
# its own taking the time away from the bullet's first words
_BULLET_SENTENCES = """II. NHIỆM VỤ CỤ THỂ
1. Sở Y tế:
- Tổ chức khám sức khỏe cho học sinh các trường trung học. Phối hợp với Công an tỉnh kiểm tra các cơ sở cấp phát thuốc. Thường xuyên giám sát người đang điều trị.
- Chủ trì hướng dẫn các trạm y tế xã, phường lập hồ sơ sức khỏe điện tử.
2. Sở Giáo dục và Đào tạo:
- Tiếp tục triển khai chương trình giáo dục kỹ năng sống trong trường học. Phối hợp với Đoàn Thanh niên bảo đảm mỗi học kỳ tổ chức ít nhất một buổi ngoại khóa.
"""
_BULLET_SENTENCES_WANT = {
    ("II.1", "Sở Y tế", "Tổ chức khám"): ("continuous", None),
    ("II.1", "Sở Y tế", "Chủ trì hướng dẫn"): ("unspecified", None),
    ("II.2", "Sở Giáo dục và Đào tạo", "Tiếp tục triển khai"): ("recurring", None),
}


# the closing request and the report sentence after it, each a paragraph of its own: once flattened the report's
# deadline must not become the request's time
_CLOSING_REPORT = """III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch.
Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành, địa phương xây dựng kế hoạch triển khai hằng năm.
Báo cáo kết quả thực hiện Kế hoạch gửi Sở Y tế trước ngày 20/11/2026 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
"""
_CLOSING_REPORT_WANT = {
    ("III.1", "Sở Y tế", "Sở Y tế chủ trì"): ("unspecified", None),
    ("III", "các sở, ban, ngành, địa phương", "Ủy ban nhân dân tỉnh yêu cầu"): ("recurring", None),
}


# an item's paragraph followed by one whose subject, after a 'Căn cứ ...,' clause, is other bodies with a time of
# their own: once flattened, the item's body must not take that time
_BASED_ON = """III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ chịu trách nhiệm theo dõi, đôn đốc việc thực hiện Kế hoạch này.
Căn cứ nội dung Kế hoạch và tình hình thực tế, các sở, ban, ngành và Ủy ban nhân dân các xã, phường xây dựng kế hoạch chi tiết của đơn vị mình; hằng năm báo cáo kết quả thực hiện về Sở Nội vụ.
2. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch.
"""
_BASED_ON_WANT = {
    ("III.1", "Sở Nội vụ", "Sở Nội vụ chịu"): ("unspecified", None),
    ("III.1", "Ủy ban nhân dân các xã, phường", "Căn cứ nội dung"): ("recurring", None),
    ("III.2", "Sở Tài chính", ""): ("unspecified", None),
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> str:
    """One paragraph a line, blank lines between (as a converted Word file)."""
    return "\n\n".join(text.splitlines())


def _timings(plan: dict, keys: dict) -> dict:
    got = {}
    for key in keys:
        ref, lead = key[0], key[1]
        start = key[2] if len(key) > 2 else ""
        hits = [a for a in plan["assignments"] if a["ref"] == ref and lead in a["lead"] and a["text"].startswith(start)]
        got[key] = (hits[0]["timing"]["kind"], hits[0]["timing"]["due"]) if hits else None
    return got


CASES = {"labelled": (_LABELLED, _LABELLED_WANT), "prose": (_PROSE, _PROSE_WANT), "headed": (_HEADED, _HEADED_WANT),
         "next_title": (_NEXT_TITLE, _NEXT_TITLE_WANT), "closing": (_CLOSING, _CLOSING_WANT),
         "bullet_sentences": (_BULLET_SENTENCES, _BULLET_SENTENCES_WANT),
         "closing_report": (_CLOSING_REPORT, _CLOSING_REPORT_WANT), "based_on": (_BASED_ON, _BASED_ON_WANT)}


@pytest.mark.parametrize("layout", ["lines", "flattened"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_task_keeps_its_own_time(case: str, layout: str) -> None:
    body, want = CASES[case]
    text = _HEAD + body + _TAIL
    plan = parse_text(_flat(text) if layout == "flattened" else _lines(text), source="x.txt")
    assert _timings(plan, want) == want


def test_the_closing_report_deadline_is_the_closing_sentences_own() -> None:
    for text in (_lines(_HEAD + _CLOSING + _TAIL), _flat(_HEAD + _CLOSING + _TAIL)):
        plan = parse_text(text, source="x.txt")
        closing = [a for a in plan["assignments"] if a["text"].startswith("Các sở, ban, ngành báo cáo")]
        assert closing and closing[0]["timing"]["kind"] == "recurring" and closing[0]["timing"]["due"] == "2026-12-15"


@pytest.mark.parametrize("cut_at", ["Thời gian: Quý II/20", "Thời gian: Quý II/2", "Thời gian hoàn thành: tháng 12/20"])
def test_a_date_cut_by_the_excerpt_gives_no_due_date_of_its_own(cut_at: str) -> None:
    flat = _flat(_HEAD + _LABELLED)
    plan = parse_text(flat[: flat.index(cut_at) + len(cut_at)], source="x.txt")
    assert plan["assignments"][-1]["timing"]["due"] is None


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Công an tỉnh xử lý vi phạm tại các điểm thường xuyên xảy ra tai nạn giao thông.", "unspecified"),
        ("Sở Nông nghiệp và Môi trường hỗ trợ các vùng thường xuyên bị ngập úng.", "unspecified"),
        ("Sở Công Thương thường xuyên kiểm tra các cơ sở kinh doanh.", "continuous"),
        ("Sở Công Thương kiểm tra thường xuyên các cơ sở kinh doanh.", "continuous"),
    ],
)
def test_how_often_something_happens_to_a_place_is_not_the_tasks_frequency(sentence: str, kind: str) -> None:
    from dondoc.plans.timing import timing_in_text

    assert timing_in_text(sentence, plan_year=2026, issued_on=None)["kind"] == kind


@pytest.mark.parametrize(("phrase", "due"), [("Quý II/20", None), ("Quý II/", None), ("Quý II/2026", "2026-06-30"), ("Quý II", "2026-06-30")])
def test_a_quarter_whose_year_is_cut_off_has_no_due_date(phrase: str, due: str | None) -> None:
    from dondoc.plans.timing import parse_timing

    t = parse_timing(phrase, plan_year=2026)
    assert (t["kind"], t["due"]) == ("once", due)


def test_a_caps_section_title_ending_in_its_year_is_split_from_its_first_item() -> None:
    from dondoc.plans.reflow import restore_breaks

    for title in ("II. NHIỆM VỤ NĂM 2026", "III. GIẢI PHÁP GIAI ĐOẠN 2026 - 2030"):
        par = title + " 1. Sở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em trên địa bàn tỉnh."
        assert title in [x.strip() for x in restore_breaks(par).split("\n")]
