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


# corpus metadata around a plan's text (front matter, provenance lines, page markers of an extraction): no part of
# the document an office publishes
_META = re.compile(r"^\W*(?:source|issuer|title|retrieved_at|doc_type|cơ quan phát hành)\W*:", re.I)
_PAGE_MARK = re.compile(r"^#{1,3}\s*Trang\s+\d+\s*$|^\[Bản trích .*\]$")
_MOTTO = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc")
_NUMBER = re.compile(r"Số\s*:\s*[\w.]*\s*/\s*\S+")
_DATE = re.compile(r"(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){0,4}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*,\s*ngày\b.{0,30}?năm\s+\d{4}")
_TITLE = re.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHƯƠNG TRÌNH|PHƯƠNG ÁN)\b")
_COUNCIL = re.compile(r"^((?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(\S.*)$")  # parent line, then the body's place
_PART = re.compile(r"^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|KẾ HOẠCH)\b")


def _clean(text: str) -> str:
    """The document's own text: front matter, provenance lines, page markers and a web page's '# title' above the
    header removed."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        close = next((i for i in range(1, min(len(lines), 20)) if lines[i].strip() == "---"), None)
        if close is not None:
            lines = lines[close + 1 :]
    motto = next((i for i, ln in enumerate(lines) if _MOTTO.search(ln)), -1)
    return "\n".join(
        ln for i, ln in enumerate(lines)
        if not (_META.match(ln) or _PAGE_MARK.match(ln.strip()) or (i < motto and ln.startswith("# ")))
    )


def _header_table(blocks: list) -> list:  # type: ignore[type-arg]
    """A header typed as lines (issuer, motto, number, place and date, as a PDF's text gives them) set as the
    issuer | motto table every office prints (Nghị định 30/2020/NĐ-CP); blocks unchanged when the header already
    is a table or is not found."""
    title = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and _TITLE.match(b.text)), None)
    if title is None or title > 8 or title == 0:
        return blocks
    head = blocks[:title]
    if any(isinstance(b, Table) for b in head) or not any(_MOTTO.search(b.text) for b in head):
        return blocks
    joined = "\n".join(b.text for b in head)
    left, right = [], []
    number = _NUMBER.search(joined)
    date = _DATE.search(joined, number.end() if number else 0)
    cuts = sorted([(m.start(), m.end(), "motto") for m in _MOTTO.finditer(joined)]
                  + [(m.start(), m.end(), kind) for m, kind in ((number, "number"), (date, "date")) if m])
    pos = 0
    for a, z, kind in [*cuts, (len(joined), len(joined), "end")]:
        for frag in joined[pos:a].split("\n"):
            frag = re.sub(r"[-_=]{3,}", "", frag).strip()
            m = _COUNCIL.match(frag)
            left.extend([m.group(1), m.group(2)] if m else [frag] if frag else [])
        pos = max(pos, z)
        if kind == "motto":
            right.append(" ".join(joined[a:z].split()))
    rows = [["\n".join(left), "\n".join(right)]]
    if number or date:
        rows.append([" ".join(number.group().split()) if number else "", " ".join(date.group().split()) if date else ""])
    return [Table(rows, head[0].line), *blocks[title:]]


def _wide_part(blocks: list, at: int) -> bool:  # type: ignore[type-arg]
    """An annex (or attached plan) that is a table of five columns or more: printed on a landscape page."""
    return any(isinstance(b, Table) and max(map(len, b.rows)) >= 5 for b in blocks[at + 1 : at + 5])


def _new_part(doc, landscape: bool) -> None:  # type: ignore[no-untyped-def]
    """A new section on a new page, landscape or portrait."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = sorted((section.page_width, section.page_height))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)


def _header_cell(cell, column: int, row: int) -> None:  # type: ignore[no-untyped-def]
    """A cell of the issuer | motto header as Nghị định 30 sets it: 12-13 pt, centred, the issuer column 6.5 cm and
    the motto column 9.5 cm wide, the issuing organ and the motto bold."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    cell.width = Cm(6.5 if column == 0 else 9.5)
    paras = cell.paragraphs
    for k, para in enumerate(paras):
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in para.runs:
            run.font.size = Pt(12 if para.text.isupper() else 13)  # capitals 12 pt, the motto's second line 13
            run.bold = row == 0 and (column == 1 or k == len(paras) - 1)


def _add_table(doc, block: Table, index: int) -> None:  # type: ignore[no-untyped-def]
    """A Word table with its grid; the columns left empty in every row (the trailing '| |' of a converted page)
    dropped, a group row ('I. Văn bản ...' alone in its row) merged across the table as offices type it."""
    cleaned = []
    for row in block.rows:
        cells = []
        for value in row:
            lines = [re.sub(r"[*_]{1,2}", "", x).strip() for x in value.split("\n")]
            cells.append([x for x in lines if x and not re.fullmatch(r"[-_=]{3,}", x)])
        cleaned.append(cells)
    used = sorted({c for row in cleaned for c, lines in enumerate(row) if lines})
    ncols = max(used) + 1 if used else 1
    table = doc.add_table(rows=len(cleaned), cols=ncols)
    layout = _is_layout_table(block.rows, index)
    if layout:
        _borderless(table)
    else:
        table.style = doc.styles["Table Grid"]
    header = layout and index < 3 and ncols == 2
    if header:
        from docx.shared import Cm

        table.autofit = False
        for column, width in zip(table.columns, (6.5, 9.5), strict=True):
            column.width = Cm(width)
    for r, row in enumerate(cleaned):
        filled = [c for c, lines in enumerate(row) if lines]
        if not layout and ncols >= 3 and len(filled) == 1 and filled[0] <= 1 and r > 0:
            table.cell(r, filled[0]).merge(table.cell(r, ncols - 1))
        for c, lines in enumerate(row[:ncols]):
            if not lines or (c > filled[-1] if filled else False):
                continue
            cell = table.cell(r, c)
            cell.text = lines[0]
            for extra in lines[1:]:
                cell.add_paragraph(extra)
            if header:
                _header_cell(cell, c, r)


def build_docx(source: Path, out: Path, *, auto_numbered: bool = False) -> Path:
    """The plan `source` (.txt/.md) as a Word document at `out`."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    text = _clean(decode(source.read_bytes(), path=str(source)))
    blocks = _header_table([b for b in build_blocks(text) if not (isinstance(b, Paragraph) and b.text.startswith("<!--"))])
    doc = docx.Document()
    _font(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    num_id = _numbering(doc) if auto_numbered else 0
    counter = _Counter()
    landscape = False
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            _add_table(doc, block, index)
            continue
        assert isinstance(block, Paragraph)
        body = block.text
        numbered = counter.match(body) if auto_numbered else None
        if index > 10 and _PART.match(body):
            # an annex, or a plan attached to the decision issuing it, starts on a page of its own
            wide = _wide_part(blocks, index)
            if wide or landscape:
                _new_part(doc, wide)
                landscape = wide
                break_before = False
            else:
                break_before = True
        else:
            break_before = False
        para = doc.add_paragraph()
        para.paragraph_format.page_break_before = break_before
        if numbered:
            level, body = numbered
            _set_numbering(para, num_id, level)
        run = para.add_run(body)
        title = bool(_TITLE.match(body)) and body.isupper() and len(body) < 200  # 'KẾ HOẠCH', 'QUYẾT ĐỊNH' ...
        if block.heading or title:
            run.bold = True
        if title or (block.heading and body.isupper() and len(body) < 200 and index < 12):
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

ROOT = Path(__file__).resolve().parents[3]
OUR_GOLD = ROOT / "tests" / "data" / "plans" / "gold"
SEED_GOLD = SHARED / "seeds" / "gold"
# the labelled sets with a text source: (gold folder, plans folder)
SETS = {
    "seeds": (SEED_GOLD, SHARED / "seeds"),
    "plans": (OUR_GOLD, SHARED / "plans"),
    "more": (SHARED / "plans" / "more" / "gold", SHARED / "plans" / "more"),
    "tune": (ROOT / "tests" / "data" / "gold" / "tune", SHARED / "plans" / "more"),
}
BLIND = ("27", "31")  # the blind plans of plans/more: never rendered, parsed or scored here


def sources(names: tuple[str, ...] = ("seeds", "plans")) -> list[tuple[Path, Path]]:
    """(plan source, gold file) of every labelled text plan (.txt/.md) of the sets `names`; plans
    published only as .doc/.docx have no text to render and are left out, the blind ones too."""
    out = []
    for name in names:
        gold_dir, plans_dir = SETS[name]
        for gold in sorted(gold_dir.glob("*.gold.json")):
            doc = gold.name[: -len(".gold.json")]
            if doc.split("_")[0] in BLIND:
                continue
            src = sorted(p for p in plans_dir.glob(doc + ".*") if p.suffix in (".txt", ".md"))
            if src:
                out.append((src[0], gold))
    return out


def render_all(
    outdir: Path, *, pdf: bool = True, plans: list[tuple[Path, Path]] | None = None
) -> dict[str, dict[str, Path]]:
    """{plan name: {"text": source, "docx": ..., "pdf": ...}} for every plan of `plans` (default: sources())."""
    outdir.mkdir(parents=True, exist_ok=True)
    out: dict[str, dict[str, Path]] = {}
    for src, _gold in plans if plans is not None else sources():
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
