"""Every annotated plan rendered the way People's Committees publish them: a Word document
(python-docx: one paragraph per paragraph, headings bold, tables as real Word tables, the
issuer | national motto header as a borderless 2-column table, Times New Roman 14 pt) and the
PDF that LibreOffice prints from it.

Some plans are rendered with Word's automatic list numbering (``w:numPr``) for their numbered
headings instead of typed numbers, as many real .docx files are: the number then lives in
numbering.xml, not in the paragraph's text.

Used by tests/integration/plans/test_renditions.py and benchmarks/renditions.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from dondoc.plans.blocks import Paragraph, Table, build_blocks
from dondoc.plans.readers import decode

# plans whose numbered headings carry automatic numbering (I., 1., 1.1., a)) instead of typed numbers
AUTO_NUMBERED = ("000", "02")

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
# (level, pattern): what a typed heading number looks like at each outline level
_LEVELS = [
    (0, re.compile(rf"^({_ROMAN})\.\s+(?=\S)")),
    (2, re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(?=\S)")),
    (1, re.compile(r"^(\d{1,2})\.\s+(?=\S)")),
    (3, re.compile(r"^([a-zđ])\)\s+(?=\S)")),
]
_FORMATS = [("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3."), ("lowerLetter", "%4)")]


def _font(doc, name: str = "Times New Roman", size: int = 14) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style = doc.styles["Normal"]
    style.font.name = name
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), name)


def _numbering(doc) -> int:  # type: ignore[no-untyped-def]
    """Add an outline list (I. / 1. / 1.1. / a)) to the document's numbering part; its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    part = doc.part.numbering_part.element
    abstract_id, num_id = 90, 90
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(_FORMATS)
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    first_num = part.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        part.append(abstract)
    part.append(num)
    return num_id


def _set_numbering(paragraph, num_id: int, level: int) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(nid)
    ppr.append(numpr)


def _borderless(table) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def _is_layout_table(rows: list[list[str]], index: int) -> bool:
    """The issuer | national motto header and the 'Nơi nhận' | signature block: borderless."""
    text = " ".join(c for r in rows for c in r).upper()
    return (index < 3 and ("CỘNG HÒA" in text or "CỘNG HOÀ" in text or "ĐỘC LẬP" in text)) or "NƠI NHẬN" in text


class _Counter:
    """Follows the typed numbers of the source so that automatic numbering is only used where
    Word would print exactly the number that was typed (a skipped or repeated number keeps its
    typed text)."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0, 0]

    def expect(self, level: int) -> list[int]:
        nxt = list(self.counts)
        nxt[level] += 1
        for k in range(level + 1, 4):
            nxt[k] = 0
        return nxt

    def match(self, text: str) -> tuple[int, str] | None:
        for level, pat in _LEVELS:
            m = pat.match(text)
            if not m:
                continue
            nxt = self.expect(level)
            if level == 0:
                if _roman(nxt[0]) != m.group(1):
                    return None
            elif level == 1:
                if str(nxt[1]) != m.group(1):
                    return None
            elif level == 2:
                if str(self.counts[1]) != m.group(1) or str(nxt[2]) != m.group(2):
                    return None
            else:
                if chr(96 + nxt[3]) != m.group(1):  # Word's lowerLetter has no 'đ'
                    return None
            self.counts = nxt
            return level, text[m.end():]
        return None


def _roman(n: int) -> str:
    vals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def build_docx(source: Path, out: Path, *, auto_numbered: bool = False) -> Path:
    """The plan `source` (.txt/.md) as a Word document at `out`."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    text = decode(source.read_bytes(), path=str(source))
    blocks = build_blocks(text)
    doc = docx.Document()
    _font(doc)
    section = doc.sections[0]
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    num_id = _numbering(doc) if auto_numbered else 0
    counter = _Counter()
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            ncols = max(len(r) for r in block.rows)
            table = doc.add_table(rows=len(block.rows), cols=ncols)
            if _is_layout_table(block.rows, index):
                _borderless(table)
            else:
                table.style = doc.styles["Table Grid"]
            for r, row in enumerate(block.rows):
                for c, value in enumerate(row):
                    cell = table.cell(r, c)
                    lines = [re.sub(r"[*_]{1,2}", "", x).strip() for x in value.split("\n")]
                    lines = [x for x in lines if x and not re.fullmatch(r"[-_=]{3,}", x)] or [""]
                    cell.text = lines[0]
                    for extra in lines[1:]:
                        cell.add_paragraph(extra)
            continue
        assert isinstance(block, Paragraph)
        body = block.text
        if body.startswith("<!--"):
            continue  # the corpus's provenance comment is no part of the document
        numbered = counter.match(body) if auto_numbered else None
        para = doc.add_paragraph()
        if numbered:
            level, body = numbered
            _set_numbering(para, num_id, level)
        if re.match(r"(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU)\b", body) and index > 10:
            para.paragraph_format.page_break_before = True  # an annex starts on its own page
        run = para.add_run(body)
        if block.heading:
            run.bold = True
        if body.strip() in ("KẾ HOẠCH",) or (block.heading and body.isupper() and len(body) < 200 and index < 12):
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            para.paragraph_format.first_line_indent = Cm(1)
    doc.save(str(out))
    return out


def to_pdf(docs: list[Path], outdir: Path) -> list[Path]:
    """All `docs` printed to PDF by LibreOffice in one call (soffice takes seconds to start)."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home}  # a private LibreOffice profile
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)],
                       check=True, capture_output=True, timeout=600, env=env)
    return [outdir / (d.stem + ".pdf") for d in docs]


from tests.unit.plans.conftest import SHARED  # noqa: E402

OUR_GOLD = Path(__file__).resolve().parents[2] / "data" / "plans" / "gold"
SEED_GOLD = SHARED / "seeds" / "gold"


def sources() -> list[tuple[Path, Path]]:
    """(plan source, gold file) of every annotated plan."""
    out = []
    for gold in sorted(SEED_GOLD.glob("*.gold.json")) + sorted(OUR_GOLD.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        src = next(p for p in [*(SHARED / "seeds").glob(name + ".txt"), *(SHARED / "plans").glob(name + ".md")])
        out.append((src, gold))
    return out


def render_all(outdir: Path, *, pdf: bool = True) -> dict[str, dict[str, Path]]:
    """{plan name: {"text": source, "docx": ..., "pdf": ...}} for every annotated plan."""
    outdir.mkdir(parents=True, exist_ok=True)
    out: dict[str, dict[str, Path]] = {}
    for src, _gold in sources():
        auto = src.stem.split("_")[0] in AUTO_NUMBERED
        out[src.stem] = {"text": src, "docx": build_docx(src, outdir / (src.stem + ".docx"), auto_numbered=auto)}
    if pdf:
        pdfs = to_pdf([v["docx"] for v in out.values()], outdir)
        for v, p in zip(out.values(), pdfs, strict=False):
            v["pdf"] = p
    return out


def scorer():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("eval_parse", SHARED / "tools" / "eval_parse.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def f1(hit_g: int, n_g: int, hit_p: int, n_p: int) -> float:
    r = hit_g / n_g if n_g else 1.0
    p = hit_p / n_p if n_p else 1.0
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score(path: Path, gold: Path):  # type: ignore[no-untyped-def]
    """The scorer's figures for the plan at `path` against `gold`."""
    import json

    from dondoc.errors import PlanReadError
    from dondoc.plans import parse_path

    try:
        pred = json.loads(json.dumps(parse_path(path, max_mb=20), default=str))
    except PlanReadError:  # a rendition the parser refuses scores nothing
        pred = {"assignments": [], "reports": [], "targets": []}
    return scorer().score_file(json.loads(gold.read_text()), pred)
