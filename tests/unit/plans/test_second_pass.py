"""Rules added in the second pass, each on a small made-up plan (not on a sample's wording)."""

from __future__ import annotations

import pytest

from dondoc.plans import parse_text
from dondoc.plans.numbers import find_targets
from tests.unit.plans.conftest import pairs

HEAD = "KẾ HOẠCH\nTriển khai nhiệm vụ năm 2025\n"


def _pairs(body: str) -> set[tuple[str, str]]:
    return pairs(parse_text(HEAD + body, source="t.md"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # after a comma, a lower-case word is not a new subject: the heading's body keeps the duty
        ("I. PHÂN CÔNG\n1. Sở Tài chính\na) Trên cơ sở đề xuất của các sở, ngành, địa phương, chủ trì tổng hợp dự toán.\n"
         "b) Tham mưu bố trí kinh phí.\n",
         {("I.1.a", "Sở Tài chính"), ("I.1.b", "Sở Tài chính")}),
        ("I. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành và Ủy ban nhân dân xã:\na) Căn cứ chức năng, nhiệm vụ, tổ chức triển khai thực hiện.\n",
         {("I.1.a", "Các sở, ban, ngành"), ("I.1.a", "Ủy ban nhân dân xã")}),
        # a name continuing a 'phối hợp với' list is not the subject
        ("I. PHÂN CÔNG\n1. Sở Tài chính\na) Chủ trì tổng hợp và phối hợp với các sở, ban, ngành, Ủy ban nhân dân xã, phường bố trí kinh phí.\n",
         {("I.1.a", "Sở Tài chính")}),
        # ... but after 'của X,' a capitalised name is: 'Trên cơ sở kết quả của Sở Y tế, Hội đồng thi đua ...'
        ("I. NHIỆM VỤ\n1. Khen thưởng\nTrên cơ sở kết quả chấm điểm của Sở Y tế, Hội đồng thi đua tổ chức xét khen thưởng.\n",
         {("I.1", "Hội đồng thi đua")}),
        # an item naming (part of) its heading's body keeps the heading's leads
        ("I. TRÁCH NHIỆM\n1. Các doanh nghiệp viễn thông, tổ chức có liên quan\n- Chia sẻ hạ tầng.\n"
         "- Doanh nghiệp viễn thông bảo đảm kinh phí thực hiện.\n",
         {("I.1", "Các doanh nghiệp viễn thông"), ("I.1", "tổ chức có liên quan")}),
        # a list of fields after ';' is not a list of bodies
        ("I. ĐỐI TƯỢNG\n1. Đối tượng\na) Các tổ chức, cá nhân thuộc cơ quan chuyên trách; cai nghiện ma túy; điều trị nghiện và tham mưu quản lý.\n",
         set()),
    ],
)
def test_assignment_rules(body: str, expected: set[tuple[str, str]]) -> None:
    assert _pairs(body) == expected


def test_dash_inside_a_wrapped_sentence_is_not_a_bullet() -> None:
    wrapped = (
        "I. MỤC ĐÍCH\n1. Yêu cầu\n"
        "b) Xác định nội dung công việc gắn với trách nhiệm và phát huy vai trò chủ động của\n"
        "Công an thành phố là cơ quan thường trực, phối hợp chặt chẽ với các sở, ban, ngành\n"
        "- Thường trực tham mưu thực hiện Chương trình, các cơ quan chủ trì triển khai dự án.\n"
        "c) Bảo đảm sự phối hợp thường xuyên, chặt chẽ giữa các cơ quan, đơn vị.\n"
    )
    plan = parse_text(HEAD + wrapped, source="t.md")
    assert ("I.1.b", "Thường trực") not in pairs(plan)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Hình thành ít nhất 02 vùng nuôi thủy sản thông minh.", [2]),
        ("Hình thành ít nhất 01 trung tâm logistics.", [1]),
        ("Phấn đấu có 150 sản phẩm đổi mới sáng tạo.", [150]),
        ("70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh.", [70]),  # the 4 qualifies the group
        ("Dùng Chlorine 70% để xử lý môi trường.", []),  # a product strength
        ("Hiện nay, toàn tỉnh có khoảng 180 trạm, đạt 60%.", []),  # today's state
        ("Đạt 7,4 bác sĩ trên 10.000 dân.", [7.4]),  # a ratio's denominator
        ("Tổ chức 03 hội nghị trong năm.", []),  # no commitment cue, not a target
    ],
)
def test_committed_counts(text: str, values: list[int]) -> None:
    assert [t["value"] for t in find_targets(text, ref="I", by=None, in_targets_section=False)] == values


@pytest.mark.parametrize(
    ("sentence", "support"),
    [
        ("Sở Y tế chủ trì, phối hợp với các phòng, ban và các đơn vị có liên quan từng bước áp dụng mã số.",
         ["các phòng, ban", "các đơn vị có liên quan"]),
        ("Sở Y tế chủ trì, phối hợp giải quyết tâm tư, nguyện vọng của Nhân dân.", []),  # a verb, not a body
        ("Sở Y tế chủ trì, phối hợp với các tổ chức chính trị - xã hội, hội quần chúng tổ chức tuyên truyền.",
         ["các tổ chức chính trị - xã hội", "hội quần chúng"]),
        ("Sở Y tế chủ trì xây dựng chương trình phối hợp hành động.", []),
        # the first 'phối hợp' names no body ('Quy chế phối hợp số 49/...'), a later one does
        ("Sở Y tế theo Quy chế phối hợp 49/QCPH-UBND chủ trì vận động; phối hợp chính quyền địa phương, Mặt trận cơ sở giám sát.",
         ["chính quyền địa phương", "Mặt trận cơ sở"]),
    ],
)
def test_support_bodies(sentence: str, support: list[str]) -> None:
    plan = parse_text(HEAD + "I. NHIỆM VỤ\n1. Y tế\n" + sentence + "\n", source="t.md")
    assert plan["assignments"][0]["support"] == support
