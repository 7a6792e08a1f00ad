"""Every annotated plan as the .docx and .pdf an office would publish scores as its text does.

The renditions (tests/integration/plans/renditions.py) are real Word documents: headings as bold paragraphs,
tables as Word tables, the issuer | motto header and the signature block as borderless 2-column
tables, and for some plans Word's automatic heading numbering; the PDFs are LibreOffice's print
of them. benchmarks/renditions.py prints the same figures per plan.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.integration.plans.renditions import AUTO_NUMBERED, build_docx, f1, score, sources, to_pdf

PLANS = sources()
ids = [src.stem.split("_")[0] for src, _ in PLANS]

# LibreOffice's PDF of every plan scores as its text does (assignment F1 within 0.005 per plan;
# the ten real plans together 0.988, as their text). A plan that cannot would get a floor here.
PDF_FLOORS: dict[str, float] = {}
PDF_OVERALL = 0.985
PDF_SIGNER_MISSED = {"07"}  # its signature block reads interleaved with a long recipient list

pytestmark = pytest.mark.xdist_group("renditions")  # one worker renders them once


@pytest.fixture(scope="session")
def renditions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("renditions")
    return {
        src.stem: build_docx(src, out / (src.stem + ".docx"), auto_numbered=src.stem.split("_")[0] in AUTO_NUMBERED)
        for src, _ in PLANS
    }


@pytest.fixture(scope="session")
def pdf_renditions(renditions: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("renditions_pdf")
    names = list(renditions)
    return dict(zip(names, to_pdf([renditions[n] for n in names], out), strict=False))


def _same(src: Path, gold: Path, path: Path, floor_margin: float) -> tuple[float, float]:
    text = score(src, gold)
    rend = score(path, gold)
    t, r = f1(*text[0]), f1(*rend[0])
    assert r >= t - floor_margin, f"{path.name}: assignment F1 {r:.3f} (text {t:.3f}); {rend[0]} vs {text[0]}"
    return t, r


@pytest.mark.parametrize(("src", "gold"), PLANS, ids=ids)
def test_docx_scores_as_text(src: Path, gold: Path, renditions: dict[str, Path]) -> None:
    _same(src, gold, renditions[src.stem], 0.01)
    text, rend = score(src, gold), score(renditions[src.stem], gold)
    assert rend[1] == text[1], f"reports {rend[1]} (text {text[1]})"
    assert rend[4] == text[4], f"timing due {rend[4]} (text {text[4]})"
    assert rend[3][0] >= text[3][0] - 1, f"timing kind {rend[3]} (text {text[3]})"


HEADER = ("issuer", "number", "issued_on", "place", "title", "year")


def test_docx_header_as_text(renditions: dict[str, Path]) -> None:
    """The issuer | motto table, the number and date lines survive as Word tables."""
    from dondoc.plans import parse_path
    from tests.unit.plans.conftest import parsed

    for src, _ in PLANS:
        text, rend = parsed(src.stem), parse_path(renditions[src.stem], max_mb=20)
        assert {k: rend.get(k) for k in HEADER} == {k: text.get(k) for k in HEADER}, src.stem
        assert rend["signer"] == text["signer"], src.stem


def test_auto_numbered_renditions_hold_no_typed_numbers(renditions: dict[str, Path]) -> None:
    """The plans rendered with Word's numbering really carry their heading numbers only in
    numbering.xml, so that reading them proves the numbering is computed."""
    import docx
    from docx.oxml.ns import qn

    from dondoc.plans.blocks import is_marker_line

    for src, _ in PLANS:
        if src.stem.split("_")[0] not in AUTO_NUMBERED:
            continue
        body = docx.Document(str(renditions[src.stem])).element.body
        numbered = [p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None]
        assert len(numbered) >= 5, src.stem
        for p in numbered:
            assert not is_marker_line("".join(t.text or "" for t in p.iter(qn("w:t")))), src.stem


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (libreoffice-writer)")
def test_pdf_scores_close_to_text(pdf_renditions: dict[str, Path]) -> None:
    """LibreOffice's PDF of each rendition: every plan at its text score except the known
    floors, the real plans together above PDF_OVERALL."""
    from dondoc.plans import parse_path

    failures = []
    total = [0, 0, 0, 0]
    for src, gold in PLANS:
        key = src.stem.split("_")[0]
        text, rend = score(src, gold), score(pdf_renditions[src.stem], gold)
        t, r = f1(*text[0]), f1(*rend[0])
        floor = PDF_FLOORS.get(key, t - 0.005)
        if r < floor:
            failures.append(f"{key}: {r:.3f} < {floor:.3f} (text {t:.3f})")
        if rend[1] != text[1]:
            failures.append(f"{key}: reports {rend[1]} (text {text[1]})")
        if src.suffix == ".md":
            total = [x + y for x, y in zip(total, rend[0], strict=False)]
        # the borderless header table read column by column, not line by line across both
        text_plan, pdf_plan = parse_path(src, max_mb=20), parse_path(pdf_renditions[src.stem], max_mb=20)
        for k in ("issuer", "number", "issued_on", "place", "title", "year", "signer"):
            if k == "signer" and key in PDF_SIGNER_MISSED:
                continue
            if pdf_plan.get(k) != text_plan.get(k):
                failures.append(f"{key}: {k} {pdf_plan.get(k)!r} (text {text_plan.get(k)!r})")
    assert not failures, "; ".join(failures)
    assert f1(*total) >= PDF_OVERALL, f"overall {f1(*total):.3f} {total}"
