"""The same plan as .docx and .pdf gives the same assignments as its text; unreadable input is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.errors import PlanReadError
from dondoc.plans import parse_path, parse_text
from tests.unit.plans.conftest import SEEDS, pairs, parsed

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SEED = next(p for p in SEEDS if p.stem.startswith("002"))


def _paragraphs(text: str) -> list[str]:
    from dondoc.plans.blocks import Paragraph, build_blocks

    return [b.text for b in build_blocks(text) if isinstance(b, Paragraph)]


def test_docx_gives_same_assignments(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    paras = _paragraphs(SEED.read_text())
    cut = next(i for i, p in enumerate(paras) if "Nơi nhận" in p)
    for para in paras[:cut]:
        doc.add_paragraph(para)
    table = doc.add_table(rows=3, cols=4)
    for r, row in enumerate([["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
                             ["1", "Rà soát hồ sơ", "Phòng Nội vụ", "Quý II/2025"],
                             ["2", "Tập huấn", "Phòng Y tế; Trung tâm y tế huyện", "Thường xuyên"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for para in paras[cut:]:
        doc.add_paragraph(para)
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    plan = parse_path(path, max_mb=20)
    expected = pairs(parsed(SEED.stem))
    got = pairs(plan)
    assert expected <= got
    assert ("IV.2.2", "Phòng Y tế") in got and ("IV.2.1", "Phòng Nội vụ") in got


def _font() -> Path | None:
    """A TTF with Vietnamese glyphs (DejaVu or Liberation, from the Debian font packages)."""
    for cand in (FONT, Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
                 Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")):
        if cand.exists():
            return cand
    return None


def _reportlab_pdf(source: Path, path: Path, *, justified: bool) -> None:
    """The seed typeset as a real plan is: wrapped lines, page number at the top of every page
    after the first, a running footer, justified with a first-line indent or ragged-right."""
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = _font()
    assert font is not None
    pdfmetrics.registerFont(TTFont("VN", str(font)))
    style = ParagraphStyle("vn", fontName="VN", fontSize=12, leading=15, spaceAfter=4,
                           alignment=TA_JUSTIFY if justified else TA_LEFT, firstLineIndent=24 if justified else 0)

    def running(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("VN", 10)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 30, str(doc.page))
        canvas.drawString(60, 24, "Kế hoạch thực hiện Nghị quyết số 42-NQ/TW - trang " + str(doc.page))

    story = [Paragraph(p.replace("&", "&amp;").replace("<", "&lt;"), style) for p in _paragraphs(source.read_text())]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onLaterPages=running)


PDF_SEEDS = [p for p in SEEDS if p.stem[:3] in ("002", "004")]


@pytest.mark.slow
@pytest.mark.skipif(_font() is None, reason="needs a TTF with Vietnamese glyphs (fonts-dejavu-core)")
@pytest.mark.parametrize("justified", [True, False], ids=["justified", "ragged"])
@pytest.mark.parametrize("source", PDF_SEEDS, ids=lambda p: p.stem[:3])
def test_pdf_gives_same_assignments(tmp_path: Path, source: Path, justified: bool) -> None:
    path = tmp_path / "plan.pdf"
    _reportlab_pdf(source, path, justified=justified)
    plan = parse_path(path, max_mb=20)
    assert pairs(plan) == pairs(parsed(source.stem))
    text_plan = parsed(source.stem)
    assert plan["signer"] == text_plan["signer"]  # the running footer did not bury the signature
    assert [r["timing"]["due"] for r in plan["reports"]] == [r["timing"]["due"] for r in text_plan["reports"]]




def test_scanned_pdf_asks_for_ocr(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200, fill=1)
    c.save()
    with pytest.raises(PlanReadError, match="OCR"):
        parse_path(path, max_mb=20)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"   \n", "rỗng"),
        ("bin.txt", b"\x00\x01\x02garbage" * 10, "nhị phân"),
        ("note.txt", "Ghi chú: họp lúc 8 giờ sáng thứ Hai.".encode(), "không phải kế hoạch"),
        ("vni.txt", ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Keá hoaïch trieån khai thöïc hieän " * 20).encode("latin-1"), "VNI"),
    ],
)
def test_refused_input(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(PlanReadError, match=message) as err:
        parse_path(path, max_mb=20)
    assert path.name in str(err.value)


def test_too_large_names_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (1024 * 1024 + 10))
    with pytest.raises(PlanReadError, match="1 MB"):
        parse_path(path, max_mb=1)


def test_missing_file() -> None:
    with pytest.raises(PlanReadError, match="không tìm thấy"):
        parse_path("/nonexistent/plan.txt", max_mb=20)


def test_nfd_input_is_normalised() -> None:
    import unicodedata

    plan = parse_text(unicodedata.normalize("NFD", SEED.read_text()), source=SEED.name)
    assert pairs(plan) == pairs(parsed(SEED.stem))
