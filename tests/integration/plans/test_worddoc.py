"""Legacy .doc plans: read through LibreOffice where it is installed, refused with a clear message
where it is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.errors import PlanReadError
from dondoc.plans import parse_path, worddoc
from tests.unit.plans.conftest import SHARED

DOC = SHARED / "plans" / "more" / "16_lamdong-kh-kmt-2026.doc"


@pytest.mark.skipif(worddoc.soffice() is None or not DOC.exists(), reason="LibreOffice or the .doc sample missing")
def test_doc_is_read_through_libreoffice() -> None:
    plan = parse_path(DOC, max_mb=20)
    assert plan["source"] == DOC.name
    assert plan["assignments"]


def test_doc_without_libreoffice_is_refused_with_a_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(worddoc.shutil, "which", lambda name: None)
    doc = tmp_path / "plan.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(PlanReadError) as err:
        parse_path(doc, max_mb=20)
    assert "LibreOffice" in str(err.value) and ".docx" in str(err.value)
