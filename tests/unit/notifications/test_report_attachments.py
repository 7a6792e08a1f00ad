"""The consolidated report is sent as files: compile a seeded plan's report, deliver it through real
local peers (aiosmtpd, an HTTP server standing for Zalo and a webhook, an outbox folder), and look at
what each recipient got. SQLite and PostgreSQL (the `engine` fixture)."""

from __future__ import annotations

import pytest

DOCX = "bao-cao-ke-hoach-1-2025.docx"
XLSX = "bao-cao-ke-hoach-1-2025.xlsx"


@pytest.mark.parametrize(("name", "safe"), [
    ("Báo cáo KH 68/2025.docx", "Bao-cao-KH-68-2025.docx"),
    ("Đề án tổng hợp.xlsx", "De-an-tong-hop.xlsx"),
    ("../../etc/passwd", "etc-passwd"),
    ("ảnh.", "anh"),
])
def test_ascii_file_names(name: str, safe: str) -> None:
    from dondoc.notifications.port import ascii_filename

    assert ascii_filename(name) == safe


@pytest.mark.parametrize(("url", "carries"), [
    ("mailto://h?to=a@x.vn", True), ("mailtos://u:p@h", True), ("outbox://", True),
    ("zalooa://t@u", False), ("zns://t@0912?template=1", False), ("json://h/p", False), ("tgram://b/c", False),
])
def test_which_channels_carry_files(url: str, carries: bool) -> None:
    from dondoc.notifications import carries_files

    assert carries_files(url) is carries


def test_linked_note_points_to_the_focal_page_only_when_it_is_one() -> None:
    from dondoc.notifications.render import files_linked_note

    names = [DOCX, XLSX]
    focal = files_linked_note(names, channel="zalo", link="https://dondoc.example.vn/t/abc/focal/3")
    assert focal.splitlines()[1:] == [
        "Tải tệp báo cáo (Word, Excel) tại mục \"Báo cáo tổng hợp\" của trang theo dõi kế hoạch theo đường dẫn "
        "dưới đây.",
        "Trang theo dõi kế hoạch: https://dondoc.example.vn/t/abc/focal/3"]
    # An upper-level recipient's link opens their own page, which has no report list: ask for the files.
    own = files_linked_note(names, channel="zalo", link="https://dondoc.example.vn/t/abc")
    assert "Tải tệp" not in own and "quản trị dondoc" in own and own.endswith("https://dondoc.example.vn/t/abc")
    bare = files_linked_note(names, channel="tgram", too_big_mb=10)
    assert "Tải tệp" not in bare and "quản trị dondoc" in bare and "Trang theo dõi" not in bare
