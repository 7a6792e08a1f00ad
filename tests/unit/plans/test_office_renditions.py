"""What real Word and PDF plans look like, read as their text is: rules found by rendering the labelled plans
(benchmarks/renditions.py). The documents here are made up."""

from __future__ import annotations

from pathlib import Path

from dondoc.plans import parse_path
from dondoc.plans.blocks import Table
from dondoc.plans.readers import read_docx


def _resolution_with_attached_plan(path: Path) -> Path:
    """A resolution whose articles are followed by the plan it issues, the plan a Word table of tasks."""
    import docx

    doc = docx.Document()
    for text in ["NGHỊ QUYẾT", "Ban hành Kế hoạch rà soát văn bản", "HỘI ĐỒNG NHÂN DÂN TỈNH MẪU", "QUYẾT NGHỊ:",
                 "Điều 1.", "Ban hành kèm theo Nghị quyết này Kế hoạch rà soát văn bản.",
                 "Điều 2.", "Giao Văn phòng chủ trì theo dõi việc thực hiện Nghị quyết này.",
                 "KẾ HOẠCH", "RÀ SOÁT VĂN BẢN", "(Ban hành kèm theo Nghị quyết số 9/NQ-HĐND ngày 02/01/2025)"]:
        doc.add_paragraph().add_run(text).bold = not text[0].islower() and not text.startswith(("Ban hành kèm", "Giao"))
    rows = [["TT", "Tên văn bản", "Cơ quan trình", "Cơ quan soạn thảo", "Tiến độ"],
            ["I. Văn bản của Hội đồng", "", "", "", ""],
            ["1", "Nghị quyết về phí", "Ủy ban nhân dân tỉnh", "Sở Tài chính", "Trước ngày 15/3/2025"],
            ["II. Văn bản của Ủy ban", "", "", "", ""],
            ["1", "Quyết định về giá", "Sở Xây dựng", "Sở Xây dựng", "Trước ngày 30/6/2025"]]
    table = doc.add_table(rows=len(rows), cols=5)
    table.style = doc.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.save(str(path))
    return path


def test_docx_blocks_are_numbered_in_document_order(tmp_path: Path) -> None:
    """Paragraphs and tables of a .docx carry increasing line numbers across the tables."""
    blocks = read_docx(_resolution_with_attached_plan(tmp_path / "nq.docx"))
    lines = [b.line for b in blocks]
    assert all(ln > 0 for ln in lines)
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    assert isinstance(blocks[-1], Table) and blocks[-1].line > blocks[-2].line


def test_docx_attached_plan_table_is_refd_by_its_own_groups(tmp_path: Path) -> None:
    """The task table of a plan attached under a resolution's articles is the plan's, not the last article's."""
    plan = parse_path(_resolution_with_attached_plan(tmp_path / "nq.docx"))
    refs = {a["ref"] for a in plan["assignments"] if "Sở" in " ".join(a["lead"])}
    assert refs and not any(r.startswith("Điều") for r in refs), refs


def test_pdf_title_under_a_bold_motto_is_a_heading_of_its_own() -> None:
    """A header without a number line: the bold motto, then the bold 'KẾ HOẠCH ...' title — two bold runs."""
    from dondoc.plans.pdftext import Line, layout_text

    def ln(text: str, x0: float, x1: float, top: float) -> Line:
        return Line(text, x0, x1, top, top + 12, 20.0, 3.0, bold=True)

    lines = [ln("BAN CHỈ ĐẠO MẪU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 100, 520, 50),
             ln("Độc lập - Tự do - Hạnh phúc", 330, 500, 70), ln("KẾ HOẠCH TỔNG THỂ", 230, 380, 100),
             Line("Về rà soát văn bản năm 2025", 200, 400, 120, 132, 20.0, 3.0)]
    text = layout_text([lines])
    assert "\n\n**KẾ HOẠCH TỔNG THỂ**" in text and "Hạnh phúc**" in text


def test_pdf_row_cut_by_a_page_break_in_a_table_without_numbers() -> None:
    """A task table whose number column is left empty: the row cut by the page break goes on in lower case (or
    in its last columns only) on the next page; a new row starts with its task in capitals."""
    from dondoc.plans.pdftext import Line, layout_text

    def row(cells: tuple[str, ...], top: float) -> Line:
        return Line("| " + " | ".join(cells) + " |", 60, 500, top, top + 20, 0.0, 3.0, table=True, cells=cells)

    def body(top: float) -> list[Line]:
        return [Line(f"Dòng nội dung số {i} của kế hoạch", 60, 500, top + 20 * i, top + 20 * i + 12, 20.0, 3.0)
                for i in range(3)]

    pages = [[*body(100), row(("", "Quyết định sửa đổi một số", "Sở Nội", "Trình trước"), 700)],
             [row(("", "điều của Quy chế", "vụ", "ngày 10/01/2025"), 60), row(("", "Nghị quyết về phí", "Sở Tài chính", "Quý II"), 90)],
             [*body(100), row(("", "Quyết định về giá", "Sở Xây dựng", "Trước"), 700)],
             [row(("", "", "", "tháng 6/2025"), 60)]]
    text = layout_text(pages)
    assert "| | Quyết định sửa đổi một số điều của Quy chế | Sở Nội vụ | Trình trước ngày 10/01/2025 |".replace("| |", "|  |") in text
    assert "|  | Nghị quyết về phí | Sở Tài chính | Quý II |" in text
    assert "|  | Quyết định về giá | Sở Xây dựng | Trước tháng 6/2025 |" in text
