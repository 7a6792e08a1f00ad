"""What Word and PDF layouts hide from plain text, put back by the readers: automatic list
numbers, bold headings, merged table cells, side-by-side columns, tables cut by a page break."""

from __future__ import annotations

from pathlib import Path

from dondoc.plans.blocks import Paragraph, Table
from dondoc.plans.pdftext import Line, _columns_in_order, _row_values, layout_text
from dondoc.plans.readers import read_docx
from tests.integration.plans.renditions import _numbering, _set_numbering


def _restart(doc, num_id: int) -> int:  # type: ignore[no-untyped-def]
    """A second list on the same outline whose first level starts again at 1 (w:startOverride)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    part = doc.part.numbering_part.element
    part.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id + 1}"><w:abstractNumId w:val="{num_id}"/>'
                          f'<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return num_id + 1


def test_docx_automatic_numbering_is_read(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    num = _numbering(doc)
    for level, text in [(0, "MỤC ĐÍCH"), (1, "Mục đích"), (1, "Yêu cầu"), (0, "NHIỆM VỤ"), (1, "Tuyên truyền"),
                        (2, "Sở Y tế"), (2, "Sở Tư pháp"), (3, "Rà soát"), (3, "Báo cáo"), (1, "Kiểm tra")]:
        _set_numbering(doc.add_paragraph(text), num, level)
    again = _restart(doc, num)
    _set_numbering(doc.add_paragraph("Lần hai"), again, 1)
    doc.add_paragraph("Không đánh số")
    path = tmp_path / "n.docx"
    doc.save(str(path))
    texts = [b.text for b in read_docx(path) if isinstance(b, Paragraph)]
    assert texts == ["I. MỤC ĐÍCH", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ", "1. Tuyên truyền", "1.1. Sở Y tế",
                     "1.2. Sở Tư pháp", "a) Rà soát", "b) Báo cáo", "2. Kiểm tra", "1. Lần hai", "Không đánh số"]


def test_docx_heading_style_numbering_and_bold(tmp_path: Path) -> None:
    """A heading style linked to the list numbers its paragraphs; a wholly bold paragraph is a
    heading, a paragraph with one bold word is not."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = docx.Document()
    num = _numbering(doc)
    style = doc.styles["Heading 1"]
    ppr = style.element.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num))
    numpr.append(nid)
    ppr.append(numpr)
    doc.add_paragraph("MỤC TIÊU", style="Heading 1")
    doc.add_paragraph("Nội dung thường.")
    doc.add_paragraph("TỔ CHỨC THỰC HIỆN", style="Heading 1")
    bold = doc.add_paragraph()
    bold.add_run("Sở Y tế").bold = True
    mixed = doc.add_paragraph("Giao ")
    mixed.add_run("Sở Tư pháp").bold = True
    path = tmp_path / "h.docx"
    doc.save(str(path))
    paras = [b for b in read_docx(path) if isinstance(b, Paragraph)]
    assert [p.text for p in paras] == ["I. MỤC TIÊU", "Nội dung thường.", "II. TỔ CHỨC THỰC HIỆN", "Sở Y tế", "Giao Sở Tư pháp"]
    assert [p.heading for p in paras] == [True, False, True, True, False]


def test_docx_merged_cells_keep_their_columns(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=4, cols=4)
    for c, v in enumerate(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"]):
        table.cell(0, c).text = v
    table.cell(1, 0).merge(table.cell(1, 3)).text = "I"  # a group row across the table
    table.cell(2, 0).text, table.cell(2, 1).text, table.cell(2, 3).text = "1", "Rà soát", "Quý II"
    table.cell(3, 0).text, table.cell(3, 1).text, table.cell(3, 3).text = "2", "Tập huấn", "Quý III"
    table.cell(2, 2).merge(table.cell(3, 2)).text = "Sở Nội vụ"  # one lead for both tasks
    path = tmp_path / "t.docx"
    doc.save(str(path))
    (t,) = [b for b in read_docx(path) if isinstance(b, Table)]
    assert t.rows[1] == ["I"]
    assert t.rows[2] == ["1", "Rà soát", "Sở Nội vụ", "Quý II"]
    assert t.rows[3] == ["2", "Tập huấn", "Sở Nội vụ", "Quý III"]


def _ln(text: str, x0: float, x1: float, top: float, *, bold: bool = False) -> Line:
    return Line(text, x0, x1, top, top + 12, 20.0, 3.0, bold=bold)


def test_side_by_side_columns_read_one_after_the_other() -> None:
    lines = [
        _ln("ỦY BAN NHÂN DÂN", 80, 220, 50), _ln("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 540, 50),
        _ln("HUYỆN QUAN HÓA", 90, 210, 65), _ln("Độc lập - Tự do - Hạnh phúc", 330, 510, 65),
        _ln("Số: 12/KH-UBND", 95, 200, 80), _ln("Quan Hóa, ngày 2 tháng 3 năm 2024", 320, 530, 80),
        _ln("KẾ HOẠCH", 260, 340, 110),
    ]
    rows = [0, 0, 1, 1, 2, 2, 3]
    assert [ln.text for ln in _columns_in_order(lines, rows)] == [
        "ỦY BAN NHÂN DÂN", "HUYỆN QUAN HÓA", "Số: 12/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quan Hóa, ngày 2 tháng 3 năm 2024",
        "KẾ HOẠCH",
    ]


def test_row_values_drop_positions_covered_from_the_left() -> None:
    xs = [10.0, 50.0, 60.0, 200.0]
    # a cell spanning the grid edge at 60 that another row has; a cell covered from above
    assert _row_values([(10, 0, 50, 9), (50, 0, 200, 9), None, (200, 0, 300, 9)], ["1", "Rà soát", None, "Sở Y tế"], xs) == [
        "1", "Rà soát", "Sở Y tế"]
    assert _row_values([(10, 0, 50, 9), None, None, (200, 0, 300, 9)], ["2", None, None, "Sở Y tế"], [10, 50, 120, 200]) == [
        "2", "", "", "Sở Y tế"]


def test_table_row_cut_by_a_page_break_is_joined() -> None:
    def row(cells: tuple[str, ...], top: float) -> Line:
        return Line("| " + " | ".join(cells) + " |", 60, 500, top, top + 20, 0.0, 3.0, table=True, cells=cells)

    body = [_ln(f"Dòng nội dung số {i} của kế hoạch", 60, 500, 100 + 20 * i) for i in range(4)]
    pages = [[*body, row(("1", "Rà soát hồ sơ và", "Sở Nội"), 700)],
             [row(("", "cập nhật dữ liệu", "vụ"), 60), row(("2", "Tập huấn", "Sở Y tế"), 90)]]
    text = layout_text(pages)
    assert "| 1 | Rà soát hồ sơ và cập nhật dữ liệu | Sở Nội vụ |\n| 2 | Tập huấn | Sở Y tế |" in text


def test_bold_lines_are_marked_as_headings() -> None:
    lines = [_ln("Nội dung kết thúc.", 60, 300, 100), _ln("PHỤ LỤC", 250, 330, 130, bold=True),
             _ln("DANH MỤC NHIỆM VỤ", 200, 380, 150), _ln("I. MỤC TIÊU", 60, 160, 180, bold=True),
             _ln("1. Mục tiêu chung", 60, 180, 200, bold=True)]
    text = layout_text([lines])
    assert "**PHỤ LỤC**" in text and "**I. MỤC TIÊU**" in text and "**1. Mục tiêu chung**" in text
