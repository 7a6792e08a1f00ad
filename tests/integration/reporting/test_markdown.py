from __future__ import annotations

from typing import Any

from dondoc.reporting.markdown import render_report_markdown


def test_markdown_has_parts_targets_and_non_reporting(snapshot: dict[str, Any]) -> None:
    md = render_report_markdown(snapshot)
    assert "# BÁO CÁO" in md
    assert "- Giải quyết việc làm mới cho 85 lao động: 73/85 = 85,9 %" in md
    assert "Các đơn vị chưa báo cáo (1): UBND thị trấn Hồi Xuân." in md
    for part in ("## I.", "## II.", "## III.", "## IV.", "## V.", "## VI."):
        assert part in md
    assert md.index("## I.") < md.index("## VI.")
    assert "- Lưu: VT, LĐTBXH." in md
