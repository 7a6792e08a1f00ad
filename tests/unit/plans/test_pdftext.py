"""Undoing a PDF's layout: wrapped lines joined, running headers/footers and page numbers dropped."""

from __future__ import annotations

import pytest

from dondoc.plans.pdftext import Line, layout_text

LEFT, RIGHT = 60.0, 500.0


def line(text: str, top: float, *, x0: float = LEFT, x1: float = RIGHT, word: float = 30.0) -> Line:
    return Line(text, x0, x1, top, top + 12, word, 3.0)


@pytest.mark.parametrize(
    ("second", "joined"),
    [
        (line("tiếp theo của câu", 16), True),  # the line above is full and its word would not fit
        (line("tiếp theo của câu", 16, x0=LEFT + 30), False),  # indented: a new paragraph
        (line("tiếp theo của câu", 40), False),  # a wide vertical gap: a new paragraph
        (line("- Gạch đầu dòng mới", 16), False),  # a marker after a full sentence
    ],
)
def test_wrap_or_break(second: Line, joined: bool) -> None:
    first = line("Câu thứ nhất kéo dài đến hết dòng và chưa kết thúc." if not joined else "Câu thứ nhất kéo dài đến hết dòng", 0)
    pages = [[first, second] + [line(f"dòng {i}", 32 + 16 * i, x1=200) for i in range(3)]]
    text = layout_text(pages)
    assert (first.text + " " + second.text in text) is joined
    assert (first.text + "\n" + second.text in text) is not joined


def test_short_line_ends_its_paragraph() -> None:
    pages = [[line("1. Mục đích", 0, x1=140), line("Triển khai thực hiện", 16)]]
    assert layout_text(pages) == "1. Mục đích\nTriển khai thực hiện"


def test_running_header_footer_and_page_numbers_are_dropped() -> None:
    pages = []
    words = ["Tuyên truyền", "Rà soát", "Kiểm tra", "Tổng hợp"]
    for n in range(1, 5):
        body = [line(f"{words[n - 1]} nội dung trang {n} phần đầu", 100),
                line(f"nội dung trang {n} phần cuối của {words[n - 1].lower()}.", 116, x1=300)]
        top = [line(str(n), 20, x0=290, x1=300)] if n > 1 else []
        pages.append(top + body + [line(f"Kế hoạch số 12/KH-UBND - trang {n}", 800, x1=250)])
    text = layout_text(pages)
    assert "Kế hoạch số 12" not in text
    assert not any(ln.strip().isdigit() for ln in text.splitlines())
    # the paragraph that runs over the page break is joined across it
    assert "của tuyên truyền.\nRà soát nội dung trang 2 phần đầu nội dung trang 2 phần cuối của rà soát." in text


def test_single_page_keeps_its_last_line() -> None:
    pages = [[line("Nơi nhận:", 0, x1=120), line("- Như trên;", 16, x1=120), line("Nguyễn Văn A", 32, x1=200)]]
    assert layout_text(pages).endswith("Nguyễn Văn A")


def test_paragraph_runs_over_the_page_break() -> None:
    footer = "Kế hoạch số 12/KH-UBND"
    page1 = [line("1. Giao Phòng Nội vụ chủ trì, phối hợp với các cơ quan", 100), line(footer, 800, x1=200)]
    page2 = [line("2", 20, x0=290, x1=300), line("có liên quan tổ chức thực hiện.", 100, x1=260), line(footer, 800, x1=200)]
    page3 = [line("3", 20, x0=290, x1=300), line("Trên đây là kế hoạch.", 100, x1=200), line(footer, 800, x1=200)]
    assert layout_text([page1, page2, page3]) == (
        "1. Giao Phòng Nội vụ chủ trì, phối hợp với các cơ quan có liên quan tổ chức thực hiện.\nTrên đây là kế hoạch."
    )
