"""Rules added while generalising to the blind-annotated plans (01, 04, 07, 08, 09), each on a
small made-up plan written for the rule, not on a sample's wording."""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.plans import parse_text
from dondoc.plans.numbers import find_targets
from dondoc.plans.timing import timing_in_text
from tests.unit.plans.conftest import pairs

HEAD = "KẾ HOẠCH\n\nTriển khai nhiệm vụ năm 2025\n\n"


def _plan(body: str) -> dict:
    return parse_text(HEAD + body, source="t.md")


def _pairs(body: str) -> set[tuple[str, str]]:
    return pairs(_plan(body))


def test_italic_heading_whose_number_wraps_away_from_its_words() -> None:
    body = ("**I. PHÂN CÔNG**\n\n*2.1. Sở\nTài chính*\n\na) Tham mưu bố trí kinh phí.\n\n"
            "*2.2.\nCông an tỉnh*\n\na) Chủ trì rà soát.\n\nb) Tham mưu sơ kết.\n")
    assert _pairs(body) == {("I.2.1.a", "Sở Tài chính"), ("I.2.2.a", "Công an tỉnh"), ("I.2.2.b", "Công an tỉnh")}


def test_a_wrapped_line_starting_with_a_number_is_not_a_heading() -> None:
    body = ("**I. PHƯƠNG ÁN**\n\n**4. Cấp phát**\n\n- Giai đoạn khẩn cấp: tổ chức lực lượng, phương tiện tiếp cận\n"
            "ngay các vùng ngập sâu, chia cắt bằng ca nô, xuồng máy, phương tiện cơ động,\n"
            "ưu tiên các địa bàn cấp độ\n1. Cấp ngay mì tôm, lương khô, nước uống, thuốc men thiết\n"
            "yếu cho Nhân dân; đồng thời sơ tán người dân tại các điểm nguy cơ cao về nơi\n"
            "an toàn và tổ chức nơi lưu trú tạm, bảo đảm an toàn.\n\n"
            "- UBND xã, phường thực hiện trực ban 24/24, duy trì thông tin liên lạc thông\n"
            "suốt với cơ quan chỉ huy của tỉnh để điều phối kịp thời lực lượng.\n")
    plan = _plan(body)
    assert pairs(plan) == {("I.4", "UBND xã, phường")}
    assert plan["assignments"][0]["timing"]["kind"] == "continuous"


def test_a_numbered_line_ending_with_a_joining_word_goes_on() -> None:
    body = ("**I. TỔ CHỨC THỰC HIỆN**\n\n**1.** Sở Y tế chủ trì triển khai.\n\n"
            "**2.** Báo và Phát thanh, Truyền hình tỉnh chủ động phối hợp với\nSở Khoa học và Công nghệ và các sở, ngành xây dựng kế hoạch tuyên truyền.\n")
    got = _pairs(body)
    assert ("I.2", "Báo và Phát thanh, Truyền hình tỉnh") in got
    assert ("I.2", "Sở Khoa học và Công nghệ") not in got


def test_table_header_without_stt_repeated_under_each_group() -> None:
    cells = [
        "**STT**", "**Nhiệm vụ**", "**Đơn vị thực hiện**", "**Đơn vị phối hợp**", "**Thời gian thực hiện**", "",
        "**B**", "**PHÁT TRIỂN NGÀNH**", "",
        "**I**", "**Nông nghiệp**", "",
        "**Nội dung**", "**Đơn vị thực hiện**", "**Đơn vị phối hợp**", "**Thời gian thực hiện**", "",
        "1.1", "Triển khai nền tảng số nông nghiệp", "Sở Nông nghiệp và Môi trường", "UBND các xã", "2026 - 2030", "",
        "**II**", "**Thương mại, công nghiệp**", "",
        "**Nội dung**", "**Đơn vị thực hiện**", "**Đơn vị phối hợp**", "**Thời gian thực hiện**", "",
        "**2.1**", "** **", "**Thương mại**", "** **", "** **", "",
        "2.1.1", "Triển khai Kế hoạch thương mại điện tử", "Sở Công Thương", "Các sở, ngành", "2026", "",
    ]
    lines = ["|"]
    for c in cells:  # the flattened form: each cell between lines holding a single '|', an empty cell ends a row
        lines += [c, "|"] if c else ["|"]
    table = "\n".join(lines) + "\n"
    body = "**I. NHIỆM VỤ**\n\n1. Nội dung chính.\n\n**PHỤ LỤC**\n\n" + table
    plan = _plan(body)
    rows = {a["ref"]: a for a in plan["assignments"] if a["ref"].startswith("PL")}
    assert set(rows) == {"PL.B.I.1.1", "PL.B.II.2.1.1"}
    assert rows["PL.B.I.1.1"]["lead"] == ["Sở Nông nghiệp và Môi trường"]
    assert rows["PL.B.I.1.1"]["support"] == ["UBND các xã"]
    assert rows["PL.B.I.1.1"]["timing"]["due"] == "2030-12-31"
    assert rows["PL.B.II.2.1.1"]["lead"] == ["Sở Công Thương"] and rows["PL.B.II.2.1.1"]["timing"]["due"] == "2026-12-31"


def test_dangling_chu_tri_phoi_hop_then_bullets_naming_the_partners() -> None:
    body = ("**I. PHÂN CÔNG**\n\n**1. Công an tỉnh**\n\na) Chủ trì tổng hợp.\n\nb) Chủ trì, phối hợp\n\n"
            "- Sở Tài chính và các đơn vị có liên quan tham mưu bố trí ngân sách.\n\n"
            "- Sở Nội vụ tham mưu phân cấp quản lý.\n")
    plan = _plan(body)
    b = [a for a in plan["assignments"] if a["ref"] == "I.1.b"]
    assert [a["lead"] for a in b] == [["Công an tỉnh"], ["Công an tỉnh"]]
    assert [a["item"] for a in b] == [1, 2]
    assert b[0]["support"] == ["Sở Tài chính", "các đơn vị có liên quan"] and b[1]["support"] == ["Sở Nội vụ"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a topic, a colon, then the body and its task
        ("**I. PHƯƠNG ÁN**\n\n**2. Triển khai**\n\nb) Mở tài khoản: Ủy ban nhân dân xã phối hợp với ngân hàng mở tài khoản.\n\n"
         "c) Chi trả: Sau khi mở tài khoản, Ủy ban nhân dân xã phối hợp với ngân hàng ký hợp đồng chi trả.\n",
         {("I.2.b", "Ủy ban nhân dân xã"), ("I.2.c", "Ủy ban nhân dân xã")}),
        # a chairman's duty ends at 'xem xét'; a council's at 'họp'
        ("**I. KHEN THƯỞNG**\n\n**1. Cấp tỉnh**\n\na) Chủ tịch Ủy ban nhân dân tỉnh xem xét tặng Bằng khen.\n\n"
         "b) Căn cứ kết quả chấm điểm, Hội đồng thi đua họp xét đánh giá các xã, phường.\n",
         {("I.1.a", "Chủ tịch Ủy ban nhân dân tỉnh"), ("I.1.b", "Hội đồng thi đua")}),
        # 'chỉ đạo các cơ sở ..., các cơ sở ... lồng ghép': the heading's body directs, the schools are its object
        ("**I. NỘI DUNG**\n\n**3. Sở Giáo dục và Đào tạo**\n\nCăn cứ chức năng nhiệm vụ, chỉ đạo các cơ sở giáo dục phổ thông, "
         "các cơ sở giáo dục nghề nghiệp trực thuộc quản lý lồng ghép nội dung giáo dục dân số.\n",
         {("I.3", "Sở Giáo dục và Đào tạo")}),
        # '..., các văn bản chỉ đạo của Chính phủ, Bộ, ngành và tỉnh, phối hợp ...' names no new body
        ("**I. PHÂN CÔNG**\n\n**2. Các Sở, ban, ngành khác**\n\nCăn cứ chức năng, nhiệm vụ và các văn bản chỉ đạo của Chính phủ, "
         "Bộ, ngành và tỉnh, phối hợp với các Sở được giao chủ trì để tổ chức thực hiện các Dự án.\n",
         {("I.2", "Các Sở, ban, ngành khác")}),
        # 'Đề nghị X <describing words>' over lettered duties: X with its words is the body of each duty
        ("**I. TỔ CHỨC THỰC HIỆN**\n\n**6. Đề nghị các tổ chức cung cấp dịch vụ chi trả**\n\na) Tích cực tham gia phong trào.\n\n"
         "b) Bố trí nguồn lực chi trả trực tiếp.\n",
         {("I.6.a", "các tổ chức cung cấp dịch vụ chi trả"), ("I.6.b", "các tổ chức cung cấp dịch vụ chi trả")}),
        # who is covered by a contest is not who does the work
        ("**I. ĐỐI TƯỢNG VÀ THỜI GIAN**\n\n**1. Đối tượng thi đua**\n\na) Tập thể\n\n- Các tổ chức, doanh nghiệp cung cấp dịch vụ chi trả tham gia.\n",
         set()),
    ],
)
def test_sentence_and_heading_rules(body: str, expected: set[tuple[str, str]]) -> None:
    assert _pairs(body) == expected


def test_requests_keep_their_mode_under_a_described_body() -> None:
    plan = _plan("**I. TỔ CHỨC**\n\n**1. Đề nghị các tổ chức cung cấp dịch vụ chi trả**\n\na) Tham gia phong trào.\n\nb) Mở tài khoản.\n")
    assert {a["mode"] for a in plan["assignments"]} == {"request"}


def test_closing_paragraph_after_a_sentence_item_speaks_for_the_section() -> None:
    body = ("**I. PHÂN CÔNG**\n\n**1. Sở Y tế:** Chủ trì cấp phát thuốc.\n\n"
            "**2.** Tất cả lực lượng tham gia thực hiện Kế hoạch này phải tuân thủ nghiêm quy định an toàn.\n\n"
            "Các cơ quan, đơn vị, địa phương căn cứ chức năng, nhiệm vụ được giao, khẩn trương triển khai thực hiện Kế hoạch này.\n")
    got = _pairs(body)
    # a generic tail ("địa phương") stays with the collective it ends, as the gold files write it
    assert ("I", "Các cơ quan, đơn vị, địa phương") in got
    assert not any(ref == "I.2" for ref, _ in got)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("Hoàn thành, báo cáo kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025.", "once", "2025-11-30"),
        ("xây dựng kế hoạch (hoàn thành trong quý IV/2025) gửi về Công an tỉnh", "once", "2025-12-31"),
        ("UBND xã thực hiện trực ban phòng chống thiên tai 24/24, duy trì thông tin", "continuous", None),
        ("huy động nguồn lực; báo cáo 02 lần/ngày (trước 9h00 và 16h00) về tình hình", "recurring", None),
        ("triển khai trong tháng tới", "unspecified", None),
    ],
)
def test_timing_phrases(text: str, kind: str, due: str | None) -> None:
    t = timing_in_text(text, plan_year=2025, issued_on=dt.date(2025, 11, 20))
    assert (t["kind"], t["due"]) == (kind, due)


def test_unit_per_something() -> None:
    got = find_targets("Phấn đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ; tỷ số giới tính khi sinh dưới 109 bé trai/100 bé gái.",
                       ref="I.1", by=None, in_targets_section=False)
    assert [t["value"] for t in got] == [2.1, 109]


def test_targets_written_into_an_annex_table() -> None:
    cells = ["**STT**", "**Nhiệm vụ**", "**Đơn vị thực hiện**", "**Thời gian**", "",
             "1", "Xây dựng chính sách bảo đảm tỷ lệ hoạt động trực tuyến chiếm tối thiểu 50% tổng số hoạt động", "Sở Tư pháp", "2026", "",
             "2", "Rà soát 12 thủ tục hành chính", "Sở Nội vụ", "2026", ""]
    lines = ["|"]
    for c in cells:
        lines += [c, "|"] if c else ["|"]
    plan = _plan("**I. NHIỆM VỤ**\n\n1. Nội dung chính.\n\n**PHỤ LỤC**\n\n" + "\n".join(lines) + "\n")
    assert [(t["ref"], t["value"]) for t in plan["targets"]] == [("PL.1", 50)]  # '12 thủ tục' carries no commitment cue


def test_a_markdown_star_bullet_is_not_an_open_italic() -> None:
    from dondoc.plans.blocks import Paragraph, build_blocks

    blocks = build_blocks("* Sở Y tế chủ trì kiểm tra.\nPhòng khám đa khoa báo cáo kết quả.\n*2.1.\nCông an tỉnh*\n")
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "Sở Y tế chủ trì kiểm tra.", "Phòng khám đa khoa báo cáo kết quả.", "2.1. Công an tỉnh"]


def test_a_body_given_a_field_task_ends_where_the_task_verb_starts() -> None:
    # 'Giao X <verb> ...' with verbs of field work that a short verb list missed ('xét nghiệm', 'khảo sát')
    body = ("**I. NHIỆM VỤ**\n\n1. Giao Trung tâm Kiểm soát bệnh tật tỉnh xét nghiệm mẫu nước sinh hoạt; "
            "thời gian: hằng tháng.\n\n2. Giao Chi cục Thủy lợi khảo sát các công trình bị hư hỏng.\n\n"
            "3. Ban Chỉ huy Phòng thủ dân sự tỉnh điều động lực lượng cứu hộ.\n")
    assert _pairs(body) == {("I.1", "Trung tâm Kiểm soát bệnh tật tỉnh"), ("I.2", "Chi cục Thủy lợi"),
                            ("I.3", "Ban Chỉ huy Phòng thủ dân sự tỉnh")}
