"""Where Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II) puts the visible signatures, read from the PDF.

- The competent person's signature image: centred between the title lines ('KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH') and the signer's name, in the right-hand column of the signature block.
- The organisation's seal image: at its true size, covering about a third of the signature on the left.
- An annex in a separate file: the organisation's signature at the top right of its first page, as
  text (number and symbol, signing time).

The signature block is found from the text, not from fixed coordinates, so a report whose
last page holds a long table or a restyled template still gets its images in the right place: the
last page's 'Nơi nhận:' starts the block; the right column holds the title lines, a gap for the
signature, and the name.

All boxes are PDF user space (points, origin bottom left): (x1, y1, x2, y2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dondoc.signing.errors import SigningError

MM = 72 / 25.4
LEFT_COLUMN_MM = 78.0  # dondoc.reporting.docx_base.signature_block's left column
SIGNATURE_MAX_W_MM = 50.0
SEAL_MM = 36.0  # a district-level seal (36 mm); set the true size of the organisation's own seal
ANNEX_W_MM, ANNEX_H_MM = 62.0, 14.0

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class SignatureBlock:
    page: int  # 0-based
    page_height: float
    titles: Box  # the title lines (top-down coordinates turned into PDF space)
    name: Box  # the signer's name line
    gap: Box  # the space between them, across the right column


@dataclass(frozen=True)
class Placement:
    page: int
    box: Box


def _lines(words: Sequence[Word], *, tolerance: float = 3.0) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - w.top) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def find_block(words: Sequence[Word], *, page: int, page_height: float) -> SignatureBlock | None:
    """The signature block on one page from its words (pdfplumber's top-down coordinates), or None."""
    anchors = [w for i, w in enumerate(words) if w.text.startswith("Nơi")
               and i + 1 < len(words) and words[i + 1].text.startswith("nhận")]
    if not anchors:
        return None
    anchor = anchors[-1]
    column_x = anchor.x0 + (LEFT_COLUMN_MM - 4) * MM
    right = [w for w in words if w.x0 >= column_x and w.top >= anchor.top - 4]
    lines = _lines(right)
    if len(lines) < 2:
        return None
    heights = [max(w.bottom for w in ln) - min(w.top for w in ln) for ln in lines]
    line_h = max(heights)
    # The titles run down from the anchor line until the first gap taller than two lines (the
    # space left for the signature); the name is the line after that gap.
    split = next((i for i in range(1, len(lines))
                  if min(w.top for w in lines[i]) - max(w.bottom for w in lines[i - 1]) > 2 * line_h), None)
    if split is None:
        return None
    titles, name = [w for ln in lines[:split] for w in ln], lines[split]

    def box(ws: Sequence[Word]) -> Box:
        return (min(w.x0 for w in ws), page_height - max(w.bottom for w in ws),
                max(w.x1 for w in ws), page_height - min(w.top for w in ws))

    t, n = box(titles), box(name)
    return SignatureBlock(page=page, page_height=page_height, titles=t, name=n,
                          gap=(min(t[0], n[0]), n[3], max(t[2], n[2]), t[1]))


def read_block(pdf: Path) -> SignatureBlock:
    """The signature block of a document: on its last page that has one."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        for index in range(len(doc.pages) - 1, -1, -1):
            page = doc.pages[index]
            words = [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in page.extract_words()]
            found = find_block(words, page=index, page_height=float(page.height))
            if found is not None:
                return found
    raise SigningError(f"{pdf}: không tìm thấy khối chữ ký (‘Nơi nhận:’ rồi chức vụ, khoảng trống, họ tên người "
                       "ký) để đặt hình ảnh chữ ký; dùng --page/--box để chỉ vị trí")


def signature_box(block: SignatureBlock, *, aspect: float = 2.0) -> Box:
    """The signer's image: centred on the title/name column, filling the gap less a small margin;
    `aspect` = width / height of the image."""
    _x1, y1, _x2, y2 = block.gap
    margin = 2 * MM
    h = max(y2 - y1 - 2 * margin, 8 * MM)
    w = min(h * aspect, SIGNATURE_MAX_W_MM * MM)
    h = w / aspect
    cx = (block.name[0] + block.name[2]) / 2
    cy = (y1 + y2) / 2
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def seal_box(signature: Box, *, seal_mm: float = SEAL_MM) -> Box:
    """The seal at true size, its right edge a third of the way into the signature, centred on it."""
    d = seal_mm * MM
    x1, y1, x2, y2 = signature
    right = x1 + (x2 - x1) / 3
    cy = (y1 + y2) / 2
    return (right - d, cy - d / 2, right, cy + d / 2)


def annex_box(*, page_width: float, page_height: float, right_mm: float = 15.0, top_mm: float = 5.0) -> Box:
    """Top right of the annex's first page, inside the page's top margin area."""
    x2 = page_width - right_mm * MM
    y2 = page_height - top_mm * MM
    return (x2 - ANNEX_W_MM * MM, y2 - ANNEX_H_MM * MM, x2, y2)


def page_size(pdf: Path, page: int = 0) -> tuple[float, float]:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        p = doc.pages[page]
        return float(p.width), float(p.height)
