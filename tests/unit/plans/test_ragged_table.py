"""A law-making plan attached to a resolution, its table's rows broken over several pipe lines:
rows put back together, the drafting body as the lead, the review cell's own 'X chủ trì', the
plan's own labels as refs."""

from __future__ import annotations

from dondoc.plans import parse_text
from dondoc.plans.blocks import Table, build_blocks, cell_text

RESOLUTION = (
    "NGHỊ QUYẾT\nBan hành Kế hoạch sửa đổi các nghị quyết\nQUYẾT NGHỊ:\n"
    "Điều 1.\nBan hành kèm theo Nghị quyết này Kế hoạch sửa đổi các nghị quyết.\n"
    "Điều 2.\nGiao Tổng Thư ký chủ trì theo dõi việc thực hiện Nghị quyết này.\n\n"
    "## KẾ HOẠCH\n\n"
)
TABLE = (
    "| TT | Tên văn bản | Cơ quan trình | Cơ quan soạn thảo | Cơ quan thẩm tra | Tiến độ | Hồ sơ | |\n"
    "|\n"
    "| I. Văn bản thuộc thẩm quyền của Hội đồng |\n"
    "| |||||\n"
    "| | Nghị quyết sửa đổi quy chế làm việc | Thường trực Hội đồng | Ban Pháp chế (Văn phòng phối hợp chuẩn bị dự thảo)\n"
    "| - Ban Kinh tế chủ trì thẩm tra; - Ban Văn hóa, Ban Dân tộc tham gia.\n"
    "| - Trình Thường trực tại phiên họp tháng 3/2026 | - Tờ trình; dự thảo nghị quyết. | |\n"
    "| Nghị quyết về tổ chức của Văn phòng | Văn phòng | Văn phòng | - Ban Pháp chế chủ trì thẩm tra | Trình trước ngày 15/02/2026 | - Tờ trình.\n"
    "| ||\n"
    "| Nghị quyết về giải thể Trung tâm Thông tin\n"
    "| Ban Dân nguyện | Ban Dân nguyện |\n"
    "| Trình trước ngày 10/01/2026 | - Tờ trình.\n"
    "| ||\n"
)


def test_rows_broken_over_pipe_lines_are_put_back_together() -> None:
    tables = [b for b in build_blocks(TABLE) if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[cell_text(c) for c in r] for r in tables[0].rows]
    assert rows[1] == ["I. Văn bản thuộc thẩm quyền của Hội đồng"]  # a group row stands alone
    assert rows[2][:4] == ["", "Nghị quyết sửa đổi quy chế làm việc", "Thường trực Hội đồng",
                           "Ban Pháp chế (Văn phòng phối hợp chuẩn bị dự thảo)"]
    assert rows[2][4].startswith("- Ban Kinh tế chủ trì") and rows[2][5].startswith("- Trình Thường trực")
    assert rows[3][:3] == ["", "Nghị quyết về tổ chức của Văn phòng", "Văn phòng"]  # its lost STT cell put back
    assert rows[4][:4] == ["", "Nghị quyết về giải thể Trung tâm Thông tin", "Ban Dân nguyện", "Ban Dân nguyện"]


def test_a_well_formed_pipe_table_is_left_to_the_ordinary_reader() -> None:
    from dondoc.plans import raggedpipe

    lines = ["| TT | Nội dung | Cơ quan chủ trì | Thời gian |", "|---|---|---|---|", "| 1 | Tập huấn | Sở Nội vụ | Quý I/2026 |"]
    assert raggedpipe.read(lines, 0) is None


def test_drafting_body_leads_the_review_cell_names_its_own_lead_and_refs_are_the_plans_own() -> None:
    plan = parse_text(RESOLUTION + TABLE, source="nq.md", year=2026)
    rows = [a for a in plan["assignments"] if not a["ref"].startswith("Điều")]
    got = [(a["ref"], a["lead"], a["support"], a["timing"]["due"]) for a in rows]
    assert got == [
        ("I", ["Ban Pháp chế"], ["Văn phòng"], "2026-03-31"),  # the note's partner is a partner
        ("I", ["Ban Kinh tế"], ["Ban Văn hóa", "Ban Dân tộc"], "2026-03-31"),
        ("I", ["Văn phòng"], [], "2026-02-15"),
        ("I", ["Ban Pháp chế"], [], "2026-02-15"),
        ("I", ["Ban Dân nguyện"], [], "2026-01-10"),  # no review cell: the time sits one cell left
    ]
