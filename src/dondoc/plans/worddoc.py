"""Legacy Word (.doc, Word 97-2003) files: converted to .docx by LibreOffice, then read as .docx.

LibreOffice is an optional system dependency (CI installs it). Where it is missing the file is
refused with a message that says what to do, in Vietnamese and English.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from dondoc.errors import PlanReadError

_TIMEOUT_S = 120
NO_OFFICE = (
    "định dạng .doc cũ cần LibreOffice để đọc (chưa cài trên máy này); hãy lưu thành .docx hoặc .pdf "
    "— legacy .doc needs LibreOffice (soffice), which is not installed: save the file as .docx or .pdf"
)


def soffice() -> str | None:
    """Path of the LibreOffice binary, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_doc(path: Path, outdir: Path) -> Path:
    """Convert `path` (.doc) into `outdir` as .docx and return the new file's path."""
    exe = soffice()
    if exe is None:
        raise PlanReadError(NO_OFFICE, path=str(path))
    # a private profile: a second soffice (or a user's running one) would otherwise hold the lock
    profile = (outdir / "lo-profile").as_uri()
    cmd = [exe, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "docx", "--outdir", str(outdir), str(path)]
    try:
        subprocess.run(cmd, capture_output=True, timeout=_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PlanReadError(f"LibreOffice không chuyển được tệp .doc ({exc.__class__.__name__})", path=str(path)) from exc
    out = outdir / (path.stem + ".docx")
    if not out.exists():
        raise PlanReadError("LibreOffice không chuyển được tệp .doc sang .docx (tệp hỏng?)", path=str(path))
    return out


def read_doc(path: Path, *, convert_vni: bool = False):  # type: ignore[no-untyped-def]
    """Blocks of a .doc file, through a temporary .docx."""
    from dondoc.plans.readers import read_docx

    with tempfile.TemporaryDirectory(prefix="dondoc-doc-") as tmp:
        return read_docx(convert_doc(path, Path(tmp)), convert_vni=convert_vni)
