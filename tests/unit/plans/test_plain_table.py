"""An annex task table flattened to plain lines (a PDF's table copied as text): the header's
column titles one per line (a title wrapped in two), then rows one cell per line, each row
starting at its STT, group rows a Roman numeral and a title, cells wrapped mid-phrase, and a
funding column between the partners and the time. Made-up plans written for the rule."""

from __future__ import annotations

from dondoc.plans import parse_text
from dondoc.plans.linetable import plain_header

HEAD = "KẾ HOẠCH\n\nPhát triển du lịch năm 2026\n\nI. NHIỆM VỤ\n\n1. Nội dung chính.\n\nPHỤ LỤC\n\n"
HEADER = ["STT", "Nội dung nhiệm vụ", "Đơn vị", "chủ trì", "Đơn vị phối hợp", "Nguồn kinh phí", "Thời gian", "thực hiện"]


def _rows(lines: list[str]) -> dict[str, dict]:
    plan = parse_text(HEAD + "\n".join(HEADER + lines) + "\n", source="t.md")
    return {a["ref"]: a for a in plan["assignments"] if a["ref"].startswith("PL")}


def test_rows_under_group_rows_with_wrapped_cells_and_a_funding_column() -> None:
    rows = _rows([
        "I", "PHÁT TRIỂN SẢN PHẨM",
        "1", "Xây dựng mô hình du lịch cộng đồng", "gắn với làng nghề truyền thống",
        "Sở Văn hóa, Thể thao", "và Du lịch", "UBND các xã; các doanh nghiệp", "Ngân sách tỉnh", "Năm 2026",
        "2", "Tổ chức các đoàn khảo sát sản phẩm", "Ủy ban nhân dân các xã", "Sở Công Thương", "NSNN + XHH", "Thường xuyên",
        "II", "XÚC TIẾN, QUẢNG BÁ",
        "1", "Xây dựng bản đồ du lịch số", "Sở Khoa học và Công nghệ", "Sở Du lịch", "Quý III/2027",
    ])
    assert set(rows) == {"PL.I.1", "PL.I.2", "PL.II.1"}
    assert rows["PL.I.1"]["lead"] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert "làng nghề" in rows["PL.I.1"]["text"]
    assert rows["PL.I.1"]["timing"]["due"] == "2026-12-31"
    assert rows["PL.I.2"]["lead"] == ["Ủy ban nhân dân các xã"] and rows["PL.I.2"]["support"] == ["Sở Công Thương"]
    assert rows["PL.I.2"]["timing"]["kind"] == "continuous"
    assert rows["PL.II.1"]["lead"] == ["Sở Khoa học và Công nghệ"] and rows["PL.II.1"]["timing"]["due"] == "2027-09-30"


def test_funding_cell_is_neither_a_partner_nor_part_of_the_lead() -> None:
    rows = _rows(["1", "Đào tạo hướng dẫn viên", "Sở Du lịch", "Kinh phí", "sự nghiệp", "2026–2027"])
    assert rows["PL.1"]["lead"] == ["Sở Du lịch"] and rows["PL.1"]["support"] == []
    assert rows["PL.1"]["timing"]["due"] == "2027-12-31"


def test_a_plain_header_needs_stt_and_a_lead_column() -> None:
    assert plain_header([*HEADER, "1"], 0) == len(HEADER)
    assert plain_header(["STT", "Nội dung", "Ghi chú", "1"], 0) is None  # no lead column: not a task table
    assert plain_header(["TT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu"], 0) is None
    assert plain_header(["Nội dung", "Đơn vị chủ trì"], 0) is None  # no STT line first


def test_a_page_marker_does_not_cut_a_bullet_or_become_a_task() -> None:
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Du lịch\n- Tổ chức tập huấn cho đội ngũ cán bộ, nhân dân địa phương ven\n"
        "\n## Trang 6\n\n6\nbiển về văn hóa du lịch.\n- Định kỳ hằng năm tổng hợp, báo cáo UBND tỉnh.\n"
        "2. Sở Y tế\n- Tập huấn sơ cấp cứu cho các đội cứu hộ.\n"
    )
    plan = parse_text("KẾ HOẠCH\n\nPhát triển du lịch năm 2026\n\n" + body, source="t.md")
    texts = [(a["ref"], a["text"]) for a in plan["assignments"]]
    assert [r for r, _ in texts] == ["III.1", "III.1", "III.2"]
    assert "ven biển về văn hóa" in texts[0][1] and not any("Trang" in t for _, t in texts)


def test_table_in_plain_lines_goes_on_across_a_page_break() -> None:
    from dondoc.plans import parse_text

    text = """\
KẾ HOẠCH
Phát triển du lịch năm 2025
I. MỤC ĐÍCH
Nâng cao.
Nơi nhận:
- Lưu: VT.
Nguyễn Văn A

DANH MỤC NHIỆM VỤ
STT
Nội dung nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian thực hiện
I
PHÁT TRIỂN SẢN PHẨM
1
Xây dựng tour du lịch đêm
Sở Du lịch
UBND các phường
Quý II/2025

14
2
Tổ chức lễ hội ẩm thực
Sở Văn hóa và Thể thao
Sở Du lịch
Năm 2025

3
Quảng bá điểm đến
Sở Du lịch
Hiệp hội Du lịch
Thường xuyên
"""
    plan = parse_text(text, source="lt.md", year=2025)
    got = {(a["ref"], tuple(a["lead"])) for a in plan["assignments"]}
    assert got == {("PL.I.1", ("Sở Du lịch",)), ("PL.I.2", ("Sở Văn hóa và Thể thao",)), ("PL.I.3", ("Sở Du lịch",))}
