"""The Word report as LibreOffice lays it out: page 1 without a number, page numbers from page 2."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                                 reason="LibreOffice or poppler not installed")]


def test_report_renders_to_pdf(report_docx: Path, tmp_path: Path) -> None:
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(report_docx)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "report.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    first = pages[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "BÁO CÁO" in first
    assert "Quan Hoá, ngày 13 tháng 11 năm 2025" in first
    assert not first.strip().splitlines()[0].strip().isdigit()  # no number on page 1
    for n, page in enumerate(pages[1:], 2):
        assert page.strip().splitlines()[0].strip() == str(n)
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    # Times New Roman, or its metric-compatible substitute where the font is not installed.
    assert "Times" in fonts or "LiberationSerif" in fonts
    assert "./." in pages[-1] and "Phạm Thị Lượng" in pages[-1]
