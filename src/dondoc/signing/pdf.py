"""Office files -> PDF with LibreOffice headless.

LibreOffice is the converter the tests already use for the report and it honours what python-docx
wrote (A4, margins, Times New Roman); it embeds the fonts it uses (subsets) by default. Each call gets
its own profile directory: two soffice processes sharing a profile block each other.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from dondoc.errors import InputError
from dondoc.signing.errors import SigningConfigError

TIMEOUT_S = 300


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        raise SigningConfigError("không tìm thấy LibreOffice (soffice) để chuyển sang PDF: cài libreoffice-writer "
                                 "và libreoffice-calc (Debian: apt-get install libreoffice-writer libreoffice-calc)")
    return path


def to_pdf(jobs: Mapping[Path, Path]) -> list[Path]:
    """Convert each source (.docx, .xlsx) to its target PDF path in one soffice run (it takes seconds
    to start); returns the targets. Sources are staged under their target's name, so a report and its
    annex that share a stem do not overwrite each other."""
    with tempfile.TemporaryDirectory(prefix="dondoc-lo-") as tmp:
        stage, outdir, profile = Path(tmp, "in"), Path(tmp, "out"), Path(tmp, "profile")
        stage.mkdir()
        staged: list[tuple[Path, Path]] = []
        for source, target in jobs.items():
            if not source.is_file():
                raise InputError("không có tệp này", path=str(source))
            copy = stage / f"{target.stem}{source.suffix}"
            if copy.exists():
                raise ValueError(f"two targets with the same name {target.stem!r}")
            if source.suffix.lower() == ".xlsx":
                print_setup_xlsx(source, copy)
            else:
                shutil.copyfile(source, copy)
            staged.append((copy, target))
        cmd = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *(str(c) for c, _ in staged)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise SigningConfigError(f"LibreOffice không chuyển xong sang PDF sau {TIMEOUT_S} giây") from exc
        missing = [str(t) for c, t in staged if not (outdir / f"{c.stem}.pdf").is_file()]
        if done.returncode != 0 or missing:
            detail = (done.stderr or done.stdout).strip().splitlines()
            hint = " (với .xlsx: đã cài libreoffice-calc chưa?)" if any(s.suffix == ".xlsx" for s in jobs) else ""
            raise SigningConfigError(f"LibreOffice không tạo được {', '.join(missing) or 'PDF'}{hint}: "
                                     f"{detail[-1] if detail else done.returncode}")
        for copy, target in staged:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(outdir / f"{copy.stem}.pdf"), target)
    return list(jobs.values())


def report_pdfs(docx: Path, xlsx: Path | None, *, outdir: Path | None = None) -> tuple[Path, Path | None]:
    """The report's PDF (`<stem>.pdf`) and its annex's (`<stem>-phu-luc.pdf`) beside the sources."""
    outdir = outdir or docx.parent
    jobs = {docx: outdir / f"{docx.stem}.pdf"}
    if xlsx is not None:
        jobs[xlsx] = outdir / f"{xlsx.stem}-phu-luc.pdf"
    out = to_pdf(jobs)
    return out[0], (out[1] if xlsx is not None else None)


def print_setup_xlsx(source: Path, target: Path) -> None:
    """A copy of a workbook set to print on A4 landscape, every sheet one page wide (its rows run on
    as many pages as they need, header row repeated): the compiled annex carries no print setup, and
    LibreOffice would otherwise cut its columns over several portrait pages."""
    from openpyxl import load_workbook

    wb = load_workbook(source)
    for ws in wb.worksheets:
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        # NĐ 30 margins, turned with the page: top 30 mm (binding edge), bottom 15, left/right 20 mm.
        ws.page_margins.left = ws.page_margins.right = 20 / 25.4
        ws.page_margins.top, ws.page_margins.bottom = 30 / 25.4, 15 / 25.4
        frozen = ws.freeze_panes  # 'A3': the title and header rows stay on screen, so print them on each page
        if frozen and not ws.print_title_rows:
            from openpyxl.utils.cell import coordinate_from_string

            last = coordinate_from_string(frozen)[1] - 1
            if last >= 1:
                ws.print_title_rows = f"1:{last}"
    wb.save(target)
