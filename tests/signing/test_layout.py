"""The appearances where NĐ 30/2020 puts them, checked from the signed PDF itself (field rectangles
against the text's positions) and from its rendering (pdftoppm: blue in the signature's box, red in
the seal's). Saves the signed page as docs/signed-report-p1.png for the README."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from dondoc.signing import layout, signers
from dondoc.signing import sign as sg
from dondoc.signing.layout import MM, Word, find_block
from tests.signing import pki
from tests.signing.conftest import AFTER_CUTOFF, Pki

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "signed-report-p1.png"


def _sign_both(pdf: Path, p: Pki) -> None:
    images = sg.Images(signature=p.signature_png, seal=p.seal_png)
    for role, p12, minutes in ((sg.Role.AUTHORITY, p.authority_p12, 0), (sg.Role.ORGANISATION, p.organisation_p12, 10)):
        sg.sign_pdf(pdf, pdf, signer=signers.from_pkcs12(p12, pki.PASSPHRASE),
                    opts=sg.Options(role=role, now=AFTER_CUTOFF.add(minutes=minutes), images=images))


def _fields(pdf: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {f["name"]: f for f in sg.read_fields(pdf)}


@pytest.mark.slow
def test_signature_and_seal_where_nd30_puts_them(report_pdf: Path, test_pki: Pki, tmp_path: Path) -> None:
    block = layout.read_block(report_pdf)  # before signing: the text's own positions
    _sign_both(report_pdf, test_pki)
    f = _fields(report_pdf)
    sig, seal = f["dondoc-authority"], f["dondoc-organisation"]
    assert sig["page"] == seal["page"] == block.page
    sx1, sy1, sx2, sy2 = sig["rect"]
    # Between the title lines and the name, centred on the name.
    assert block.name[3] < sy1 < sy2 < block.titles[1]
    assert abs((sx1 + sx2) / 2 - (block.name[0] + block.name[2]) / 2) < 1.0
    # The seal at true size (36 mm), over the left third of the signature, level with it.
    cx1, cy1, cx2, cy2 = seal["rect"]
    assert abs((cx2 - cx1) - 36 * MM) < 0.5 and abs((cy2 - cy1) - 36 * MM) < 0.5
    assert abs(cx2 - (sx1 + (sx2 - sx1) / 3)) < 0.5
    assert abs((cy1 + cy2) / 2 - (sy1 + sy2) / 2) < 0.5

    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    dpi = 100
    page = block.page + 1
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                    str(report_pdf), str(tmp_path / "page")], check=True, timeout=120)
    img = Image.open(tmp_path / "page.png").convert("RGB")
    scale = dpi / 72

    def count(rect: list[float], test) -> int:  # type: ignore[no-untyped-def]
        x1, y1, x2, y2 = rect
        box = (int(x1 * scale), int((block.page_height - y2) * scale), int(x2 * scale),
               int((block.page_height - y1) * scale))
        return sum(1 for px in img.crop(box).getdata() if test(px))

    # The signature's blue strokes right of the seal, the seal's red; the page around stays black/white.
    right_of_seal = [cx2, sy1, sx2, sy2]
    assert count(right_of_seal, lambda px: px[2] > 150 and px[0] < 90 and px[1] < 120) > 200
    assert count(seal["rect"], lambda px: px[0] > 180 and px[1] < 80 and px[2] < 80) > 500
    assert count([0, 0, 80 * MM, block.page_height], lambda px: px[2] > 150 and px[0] < 90) == 0
    if os.environ.get("DONDOC_SCREENSHOTS") or not SCREENSHOT.exists():  # refresh the README's picture on demand
        SCREENSHOT.parent.mkdir(exist_ok=True)
        img.save(SCREENSHOT, optimize=True)


@pytest.mark.slow
def test_annex_stamp_top_right_of_first_page(annex_pdf: Path, test_pki: Pki, tmp_path: Path) -> None:
    sg.sign_pdf(annex_pdf, annex_pdf, signer=signers.from_pkcs12(test_pki.organisation_p12, pki.PASSPHRASE),
                opts=sg.Options(role=sg.Role.ORGANISATION, now=AFTER_CUTOFF, number="125/BC-UBND"))
    field = _fields(annex_pdf)["dondoc-organisation"]
    width, height = layout.page_size(annex_pdf)
    x1, y1, x2, _y2 = field["rect"]
    assert field["page"] == 0
    assert abs(x2 - (width - 15 * MM)) < 0.5 and x1 > width / 2 and y1 > height - 30 * MM


@pytest.mark.parametrize(("lines", "expected"), [
    # (text, x0, top) as pdfplumber reads the right column of the signature block
    ([("Nơi", 91, 311), ("nhận:", 110, 311), ("TM.", 380, 311), ("KT.", 390, 325), ("PHÓ", 376, 343),
      ("Phạm", 374, 448)], (343, 448)),
    ([("Nơi", 91, 100), ("nhận:", 110, 100), ("CHỦ", 390, 100), ("TỊCH", 420, 100), ("Nguyễn", 380, 190)],
     (100, 190)),
    ([("Nơi", 91, 100), ("nhận:", 110, 100), ("CHỦ", 390, 100), ("Nguyễn", 380, 114)], None),  # no gap
    ([("Trên", 91, 100), ("đây", 120, 100)], None),  # no block on this page
])
def test_find_block(lines: list[tuple[str, float, float]], expected: tuple[float, float] | None) -> None:
    words = [Word(t, x, top, x + 20, top + 14) for t, x, top in lines]
    block = find_block(words, page=0, page_height=842)
    if expected is None:
        assert block is None
        return
    assert block is not None
    last_title_top, name_top = expected
    assert block.titles[1] == 842 - (last_title_top + 14) and block.name[3] == 842 - name_top
