"""LibreOffice renditions: The same plan as .docx and .pdf gives the same assignments as its text; unreadable input is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dondoc.plans import parse_path
from tests.unit.plans.conftest import SEEDS, pairs, parsed
from tests.unit.plans.test_formats import _paragraphs

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SEED = next(p for p in SEEDS if p.stem.startswith("002"))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (libreoffice-writer)")
def test_libreoffice_pdf_of_docx_gives_same_assignments(tmp_path: Path) -> None:
    """What real plans are: a Word document (justified, indented, page-number field in the
    header, running footer) printed to PDF by an office suite."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = docx.Document()
    doc.styles["Normal"].font.size = Pt(13)
    section = doc.sections[0]
    section.footer.paragraphs[0].text = "Kế hoạch thực hiện Nghị quyết số 42-NQ/TW"
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = header.add_run()
    for tag, value in (("w:fldChar", "begin"), ("w:instrText", "PAGE"), ("w:fldChar", "end")):
        el = OxmlElement(tag)
        if tag == "w:fldChar":
            el.set(qn("w:fldCharType"), value)
        else:
            el.text = value
        run._r.append(el)
    for text in _paragraphs(SEED.read_text()):
        para = doc.add_paragraph(text)
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        para.paragraph_format.first_line_indent = Cm(1)
    src = tmp_path / "plan.docx"
    doc.save(str(src))
    env = {**os.environ, "HOME": str(tmp_path)}  # a private LibreOffice profile
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180, env=env)
    plan = parse_path(tmp_path / "plan.pdf", max_mb=20)
    assert pairs(plan) == pairs(parsed(SEED.stem))
