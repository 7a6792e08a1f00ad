"""The Word report, opened with python-docx: format of NĐ 30/2020 and the figures of the sample plan."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import Pt

from dondoc.reporting.docx_report import render_report_docx


@pytest.fixture(scope="module")
def document(report_docx: Path) -> Any:
    return docx.Document(str(report_docx))


def texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def table_rows(table: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_page_is_a4_with_the_decree_margins(document: Any) -> None:
    sec = document.sections[0]
    mm = {k: round(getattr(sec, k).mm, 1) for k in
          ("page_width", "page_height", "top_margin", "bottom_margin", "left_margin", "right_margin")}
    assert (mm["page_width"], mm["page_height"]) == (210.0, 297.0)
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35
    assert 15 <= mm["right_margin"] <= 20


def test_times_new_roman_in_every_script_slot_and_13_to_14_pt_body(document: Any) -> None:
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    fonts = normal.element.rPr.rFonts
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{slot}") == "Times New Roman"
    # No run anywhere overrides the font family.
    for p in document.paragraphs:
        for r in p.runs:
            assert r.font.name in (None, "Times New Roman")


def test_header_block(document: Any) -> None:
    header = document.tables[0]
    left, right = (c.paragraphs for c in header.rows[0].cells)
    left_text = [p.text for p in left if p.text]
    assert left_text[:2] == ["ỦY BAN NHÂN DÂN", "HUYỆN QUAN HOÁ"]
    assert all(r.bold for p in left[:2] for r in p.runs)
    assert any(t.startswith("Số:") and t.endswith("/BC-UBND") for t in left_text)
    national, motto, date = [p for p in right if p.text]
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and national.runs[0].bold
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and motto.runs[0].bold and motto.runs[0].underline
    assert date.text == "Quan Hoá, ngày 13 tháng 11 năm 2025" and date.runs[0].italic
    assert header.style is None or "Grid" not in header.style.name  # borderless layout table


def test_title_subject_and_closing(document: Any) -> None:
    t = texts(document)
    i = t.index("BÁO CÁO")
    assert document.paragraphs[i].runs[0].bold
    subject = t[i + 1]
    assert subject.startswith("Kết quả thực hiện Kế hoạch số 68/KH-UBND ngày 08/03/2025 của UBND huyện Quan Hoá về thực hiện")
    assert subject.endswith("năm 2025")
    content_end = [x for x in t if x.strip()][-1]
    assert content_end.endswith("./.")


def test_parts_in_order(document: Any) -> None:
    t = texts(document)
    headings = ["I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
                "III. TIẾN ĐỘ THỰC HIỆN VÀ BÁO CÁO CỦA CÁC ĐƠN VỊ", "IV. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN",
                "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", "VI. KIẾN NGHỊ, ĐỀ XUẤT"]
    positions = [t.index(h) for h in headings]
    assert positions == sorted(positions)
    assert all(document.paragraphs[i].runs[0].bold for i in positions)


def test_targets_table_values(document: Any) -> None:
    rows = table_rows(document.tables[1])
    assert rows[0] == ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt", "Đánh giá"]
    assert rows[1] == ["1", "Giải quyết việc làm mới cho 85 lao động", "≥ 85 lao động", "73 lao động", "85,9 %", "Chưa đạt"]
    assert rows[2][3:] == ["96,2 %", "101,3 %", "Vượt"]
    assert rows[3][2:] == ["≤ 12 %", "12,5 %", "104,2 %", "Chưa đạt"]
    assert rows[4][3:] == ["Chưa có số liệu", "—", "—"]


def test_timeliness_counts_and_non_reporting_units(document: Any) -> None:
    t = texts(document)
    summary = next(x for x in t if x.startswith("Tổng số lượt nhiệm vụ"))
    assert "Tổng số lượt nhiệm vụ, báo cáo được giao cho các đơn vị trong kỳ: 13" in summary
    for part in ("hoàn thành đúng hạn: 3 (23,1 %)", "hoàn thành quá hạn: 2 (15,4 %)",
                 "đang thực hiện trong hạn: 1 (7,7 %)", "quá hạn chưa hoàn thành: 3 (23,1 %)",
                 "không có thời hạn: 4 (30,8 %)"):
        assert part in summary
    assert "Tỷ lệ cập nhật tình hình thực hiện: 10/13 (76,9 %)." in t
    assert "Các đơn vị chưa báo cáo (1): UBND thị trấn Hồi Xuân." in t
    rows = {r[1]: r[2:] for r in table_rows(document.tables[2])[1:]}
    assert rows["Phòng Y tế"] == ["2", "0", "1", "0", "0", "1", "0", "100 %"]
    assert rows["UBND thị trấn Hồi Xuân"] == ["2", "0", "0", "0", "0", "1", "1", "0 %"]


def test_task_results_merge_units_and_exclude_late_data(document: Any) -> None:
    t = "\n".join(texts(document))
    assert "- UBND xã Nam Xuân, UBND xã Phú Nghiêm (phối hợp): Hoàn thành. Phối hợp rà soát hồ sơ" in t
    assert "gửi sau ngày chốt số liệu" not in t
    assert "- Phòng Y tế (chủ trì): Đang thực hiện, đạt 40 %." in t
    # III.2 is led by three communes; Hồi Xuân did not report.
    assert "- Tổng hợp: 2/3 đơn vị chủ trì đã báo cáo (Đang thực hiện: 2)." in t


def test_difficulties_grouped_and_attributed(document: Any) -> None:
    t = texts(document)
    assert ("- Lao động chủ yếu là lao động phổ thông, chưa qua đào tạo nghề "
            "(UBND xã Nam Xuân, UBND xã Phú Nghiêm; mục III.2).") in t


def test_recipients_archive_and_signature(document: Any) -> None:
    sig = document.tables[-1]
    left, right = sig.rows[0].cells
    first = left.paragraphs[0]
    assert first.text == "Nơi nhận:" and first.runs[0].bold and first.runs[0].italic
    lines = [p.text for p in left.paragraphs[1:]]
    assert lines == ["- UBND tỉnh Thanh Hoá;", "- Sở Lao động - Thương binh và Xã hội tỉnh;", "- Lưu: VT, LĐTBXH."]
    right_text = [p.text for p in right.paragraphs if p.text]
    assert right_text == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Thị Lượng"]


def test_page_number_field_from_page_two(document: Any) -> None:
    sec = document.sections[0]
    assert sec.different_first_page_header_footer
    assert "PAGE" in sec.header._element.xml
    assert "PAGE" not in sec.first_page_header._element.xml


def test_empty_parts_say_so(snapshot: dict[str, Any], tmp_path: Path) -> None:
    s = copy.deepcopy(snapshot)
    s["difficulties"] = []
    s["proposals"] = []
    for section in s["sections"]:
        for task in section["tasks"]:
            task["results"] = []
    path = tmp_path / "empty.docx"
    render_report_docx(s, path)
    t = texts(docx.Document(str(path)))
    assert t.count("Chưa có đơn vị báo cáo nội dung này.") == 2
    assert t.count("- Chưa có đơn vị báo cáo nội dung này.") == sum(len(x["tasks"]) for x in s["sections"])


def test_rendering_is_byte_identical(snapshot: dict[str, Any], tmp_path: Path) -> None:
    a = render_report_docx(snapshot, tmp_path / "a.docx")
    b = render_report_docx(copy.deepcopy(snapshot), tmp_path / "b.docx")
    assert a == b
    with zipfile.ZipFile(tmp_path / "a.docx") as z:
        core = z.read("docProps/core.xml").decode()
    assert "2025-11-13T01:00:00" in core


def test_text_from_submissions_is_escaped(snapshot: dict[str, Any], tmp_path: Path) -> None:
    s = copy.deepcopy(snapshot)
    s["difficulties"] = [{"text": "<w:p>&amp; \x07 \"quoted\"", "units": ["A"], "refs": []}]
    render_report_docx(s, tmp_path / "x.docx")
    t = texts(docx.Document(str(tmp_path / "x.docx")))
    assert any("<w:p>&amp;" in x for x in t)


def test_a_restyled_template_keeps_its_styles(snapshot: dict[str, Any], report_docx: Path, tmp_path: Path) -> None:
    # A user saves a report, changes its Normal style (here: 13 pt) and drops it in as the template.
    template = docx.Document(str(report_docx))
    template.styles["Normal"].font.size = Pt(13)
    template.save(str(tmp_path / "template.docx"))
    render_report_docx(snapshot, tmp_path / "styled.docx", template=tmp_path / "template.docx")
    d = docx.Document(str(tmp_path / "styled.docx"))
    assert d.styles["Normal"].font.size == Pt(13)
    t = texts(d)
    assert t.count("BÁO CÁO") == 1  # the template's own body was emptied
    assert round(d.sections[0].left_margin.mm) == 30
    assert d.sections[0].header._element.xml.count(" PAGE ") == 1
