"""Plan parser: a Kế hoạch document -> a dict valid against ../shared/plan.schema.json.

Pure library: no database, no Prefect. Entry points: `parse_path`, `parse_text`, `split_bodies`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from dondoc.errors import PlanReadError
from dondoc.plans.blocks import Block, Paragraph, Table, build_blocks
from dondoc.plans.bodies import split_bodies
from dondoc.plans.cut import drop_cut_tail
from dondoc.plans.doubt import READ_KEY
from dondoc.plans.evidence import find_focal, grade
from dondoc.plans.extract import _ANNEX, _FOOTER, _ROMAN_L, Ctx, build_tree, extract_assignments
from dondoc.plans.header import _lines_of, complete_header, parse_footer, parse_header
from dondoc.plans.placing import accounts_for_past
from dondoc.plans.reflow import REFLOWED
from dondoc.plans.report_layouts import distinct
from dondoc.plans.reports import extract_reports, table_reports
from dondoc.plans.runon import RUNON, SHORT_RUN, sentence_blocks
from dondoc.plans.tables import _table_columns as table_columns
from dondoc.plans.tables import extract_table
from dondoc.plans.tabtable import tab_tables
from dondoc.plans.target_pass import annex_targets, extract_targets, table_targets
from dondoc.plans.text import normalize
from dondoc.plans.tree import ARTICLE_L, unworded
from dondoc.plans.unnumbered import after_title, body_start, duties_apart

__all__ = ["SCHEMA_VERSION", "parse_blocks", "parse_path", "parse_text", "split_bodies"]

SCHEMA_VERSION = 1


# a part above the Roman sections: 'A. KẾT QUẢ THỰC HIỆN NĂM 2024', 'PHẦN I', 'PHẦN THỨ NHẤT: ĐÁNH GIÁ ...' (in capitals)
_PART_START = re.compile(r"^[A-D][.)]\s+[A-ZĐÀ-Ỹ\s,\d/–-]{6,}$|^PHẦN\s+(?:[IVX]{1,4}|THỨ\s+[A-ZĐÀ-Ỹ]+)\b")


def _is_footer(b: Block) -> bool:
    if isinstance(b, Paragraph):
        return bool(_FOOTER.match(b.text))
    return bool(b.rows and b.rows[0] and re.match(r"^[\s*_#-]*Nơi nhận", b.rows[0][0], re.I))


def _annex_number(m: re.Match[str] | None, k: int, count: int) -> str:
    """What follows 'PL' in the refs of the k-th of `count` annexes: nothing when the plan has one annex, else
    its number ('PHỤ LỤC II' -> 'II', 'Phụ lục 02' -> '2'). A lone annex captioned with a number above one
    ('Phụ lục 02', 'PHỤ LỤC III': the others referred to, not attached) says the plan numbers several."""
    label = m.group(1) if m else None
    if label and label.isdigit():
        label = str(int(label))
    if count > 1:
        return label or str(k + 1)
    return label if label and label not in ("0", "1", "I") else ""


def _annex_heading(b: Block) -> re.Match[str] | None:
    """'PHỤ LỤC', 'Phụ lục II' — also run together with its capitalised title into one paragraph."""
    if isinstance(b, Paragraph) and (len(b.text) < 80 or (len(b.text) < 500 and b.text[:7] in ("PHỤ LỤC", "PHỤ BIỂ"))):
        return _ANNEX.match(b.text)
    return None


_YEARLY_DM = re.compile(
    r"(?:ngày\s+)?(\d{1,2})\s*(?:/|-|\s+tháng\s+)\s*(\d{1,2})\s+(?:của\s+)?(?:hằng|hàng|mỗi)\s+năm", re.I
)


def _first_working_year(blocks: list[Block], not_before: dt.date, year: int) -> int:
    """The plan's year when only the dates it cites bound its issue date from below: the year of
    its first yearly deadline after that bound (a plan issued after 29/11/2024 whose reports are
    due 'trước ngày 10/11 hằng năm' first reports in 2025)."""
    dms = []
    for b in blocks:
        if isinstance(b, Paragraph) and ("năm" in b.text):
            for m in _YEARLY_DM.finditer(b.text):
                d, mo = int(m.group(1)), int(m.group(2))
                if 1 <= d <= 31 and 1 <= mo <= 12:
                    dms.append((mo, d))
    if dms and all((mo, d) < (not_before.month, not_before.day) for mo, d in dms) and year == not_before.year:
        return year + 1
    return year


_DASH_NUMBER = re.compile(r"^((?:X{0,3})(?:IX|IV|V?I{0,3})|\d{1,2}(?:\.\d{1,2})*)\s*[-–/]\s+(?=\S)")


def _dash_numbering(blocks: list[Block]) -> list[Block] | None:
    """Blocks with 'I- ' / '2.1- ' numbering rewritten as 'I. ' / '2.1. ', when the plan numbers
    its sections that way (at least two Roman ones); None otherwise."""
    romans = sum(1 for b in blocks if isinstance(b, Paragraph) and re.match(r"^[IVX]{1,4}\s*[-–/]\s+\S", b.text))
    if romans < 2:
        return None
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Paragraph) and _DASH_NUMBER.match(b.text) and _DASH_NUMBER.match(b.text).group(1):  # type: ignore[union-attr]
            out.append(Paragraph(_DASH_NUMBER.sub(lambda m: m.group(1) + ". ", b.text, count=1), b.heading, b.line))
        else:
            out.append(b)
    return out


def _rebuilt(table: Table, rows: list[dict[str, Any]], ctx: Ctx) -> None:
    if table.rebuilt and rows:  # the rows themselves are graded as 'rebuilt' (plans.doubt)
        ctx.warnings.append(
            f"dòng {table.line}: bảng mất khung khi chuyển từ PDF, đã ghép lại {len(rows)} nhiệm vụ theo cột "
            "(chủ trì, phối hợp, thời gian) — cần đối chiếu tên cơ quan với bản gốc"
        )


def _article_span(blocks: list[Block], start: int) -> tuple[int, int] | None:
    """Where a decision's own articles run before the plan it issues: from its first 'Điều N.' to the
    signature, the footer or the plan's title; None when there are none."""
    first = next((i for i, b in enumerate(blocks[:start]) if isinstance(b, Paragraph) and ARTICLE_L.match(b.text)), None)
    if first is None:
        return None
    end = next((i for i, b in enumerate(blocks[first + 1 : start], first + 1) if not isinstance(b, Paragraph)
                or _is_footer(b) or re.match(r"^(?:KẾ\s*HOẠCH|TM\.|T/M\.)", b.text)), start)
    return first, end


def _articles_before(blocks: list[Block], span: tuple[int, int] | None, ctx: Ctx) -> list[dict[str, Any]]:
    """The duties a decision's own articles hand out before the plan it issues ('Điều 2. Giao Sở X chủ
    trì, phối hợp với ... triển khai thực hiện Kế hoạch này'), ref'd 'Điều N'; the issuing article and the
    enforcement clause hand out none (plans.subjects)."""
    if span is None:
        return []
    first, end = span
    items = [a for a in extract_assignments(build_tree(blocks[first:end]), ctx) if a["ref"].startswith("Điều")]
    for a in items:
        a[READ_KEY] = "article"  # (graded apart: the newest rule, plans.doubt)
    return items


def parse_blocks(blocks: list[Block], *, source: str, year: int | None = None,
                 notes: list[str] | None = None) -> dict[str, Any]:
    """Parse a plan's blocks; the short names it defines ('(sau đây viết tắt là CDC)') name bodies while it is read."""
    from dondoc.plans.abbr import defined_short_names, plan_short_names
    from dondoc.plans.bodies import HEAD

    shorts = defined_short_names((b.text for b in blocks if isinstance(b, Paragraph)), HEAD)
    with plan_short_names(HEAD, shorts):
        return _parse_blocks(blocks, source=source, year=year, notes=notes)


def _parse_blocks(blocks: list[Block], *, source: str, year: int | None = None,
                  notes: list[str] | None = None) -> dict[str, Any]:
    # where the numbered body starts (first Roman or capital section), where the footer is
    # Long on purpose: the parser's passes in order (header, blocks, assignments, reports, targets, checks).
    start = next(
        (i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and (_ROMAN_L.match(unworded(b.text)) or (_PART_START.match(b.text) and b.text.isupper()))),
        None,
    )
    unnumbered = False
    attached_line = None  # the line of a plan attached under a resolution's articles (its 'KẾ HOẠCH' title)
    if start is None:  # a resolution's articles ('Điều 2.') hold the duties themselves
        start = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and ARTICLE_L.match(b.text)), None)
        attached = next((i for i, b in enumerate(blocks) if start is not None and i >= start and isinstance(b, Paragraph)
                         and re.match(r"^KẾ\s*HOẠCH\b", b.text)), None)
        if attached is not None:
            attached_line = blocks[attached].line
            # a decision issuing a plan numbered on its own: the plan is the body, not the articles
            own = next((i for i, b in enumerate(blocks) if i >= attached and isinstance(b, Paragraph) and re.match(r"^\d{1,2}[.)]\s", b.text)), None)
            start = own if own is not None else start
    if start is None:
        start = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and re.match(r"^\d{1,2}[.)]\s", b.text)), None)
    if start is None:
        dashed = _dash_numbering(blocks)
        if dashed is not None:  # 'I- MỤC ĐÍCH', '1- Sở Y tế ...': numbering written with a dash
            return parse_blocks(dashed, source=source, year=year,
                                notes=[*(notes or []), "Các mục đánh số kiểu 'I-', 'I/', '1-', '1/': đã đọc như 'I.', '1.' — kiểm tra lại"])
        kind_line = after_title(blocks)  # (plans.unnumbered: a plan numbering nothing is read as one section, never refused)
        blocks, start = kind_line if kind_line is not None else (blocks, None)
        unnumbered = True
        runon = sentence_blocks(blocks, start)  # a pasted plan with its line breaks lost is read, never refused
        short = False
        if runon is None and start is None:
            runon = sentence_blocks(blocks, None, long=SHORT_RUN, named=False)  # a short one too
            short = runon is not None
        if runon is not None:
            found = start is not None
            (blocks, start), notes = runon, [*(notes or []), RUNON]
            if not found and start == 0:
                duty = body_start(blocks)
                if duty is None and short:
                    raise PlanReadError("không phải kế hoạch: không tìm thấy các mục đánh số (I., II., 1., 2. ...)", path=source)
                start = duty or 0
        else:
            start = start if start is not None else body_start(blocks)
            if start is None:  # a text handing no task to any body: no plan
                raise PlanReadError("không phải kế hoạch: không tìm thấy các mục đánh số (I., II., 1., 2. ...)", path=source)
            notes = [*(notes or []), "Không tìm thấy các mục đánh số (I., II., 1., 2. ...): cả văn bản được đọc như một mục — cần người xem lại"]
        blocks = duties_apart(blocks, start)
    footer = next((i for i in range(start, len(blocks)) if _is_footer(blocks[i])), None)
    annexes = [i for i in range(start, len(blocks)) if _annex_heading(blocks[i]) and (footer is None or i > footer)]
    if footer is not None and not annexes:
        # an annex without a 'PHỤ LỤC' heading ('DANH MỤC NHIỆM VỤ ...' under the signature): its task table
        table_at = next((i for i, b in enumerate(blocks) if i > footer and isinstance(b, Table) and table_columns(b.rows)), None)
        if table_at is not None:
            annexes = [table_at - 1]
    body_end = footer if footer is not None else (annexes[0] if annexes else len(blocks))

    header = parse_header(blocks, start)
    plan_year = year or header.get("year")
    if not year and header.get("year_from_cited") and header.get("not_before"):
        plan_year = _first_working_year(blocks[start:body_end], dt.date.fromisoformat(header["not_before"]), plan_year)
    issued = dt.date.fromisoformat(header["issued_on"]) if header.get("issued_on") else None
    not_before = dt.date.fromisoformat(header["not_before"]) if header.get("not_before") else None
    ctx = Ctx(plan_year=plan_year, issued_on=issued or not_before, issuer=header.get("issuer"))

    nodes = build_tree(blocks[start:body_end])
    articles = _article_span(blocks, start)
    assignments = _articles_before(blocks, articles, ctx) + extract_assignments(nodes, ctx, unnumbered=unnumbered)
    columns = None
    for node in nodes:
        for table in node.tables:
            # the attached plan's table (after the articles) is ref'd by its own labels ('I', 'II')
            own = attached_line is not None and table.line > attached_line
            rows, columns = extract_table(table, "" if own else node.ref, ctx, columns)
            assignments.extend(rows)
            _rebuilt(table, rows, ctx)
    if footer is None and not annexes and isinstance(blocks[-1], Paragraph):
        assignments = drop_cut_tail(assignments, blocks[-1].text)  # a pasted excerpt stopping mid-sentence
    targets = extract_targets(nodes, ctx)
    body_targets = list(targets)
    reports, undated = extract_reports(nodes, assignments, ctx)
    if articles:  # 'Điều 2. Bộ X ... tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 20/12 hằng năm'
        r0, u0 = extract_reports(build_tree(blocks[articles[0] : articles[1]]), assignments, ctx)
        reports[:0] = [r for r in r0 if r["ref"].startswith("Điều")]
        undated[:0] = [r for r in u0 if r["ref"].startswith("Điều")]

    # annexes: 'PL' (or 'PL1', 'PLII' when the plan numbers several)
    for k, ai in enumerate(annexes):
        end = annexes[k + 1] if k + 1 < len(annexes) else len(blocks)
        m = _annex_heading(blocks[ai])
        prefix = "PL" + _annex_number(m, k, len(annexes))
        titled = [b.text for b in blocks[ai : min(ai + 2, end)] if isinstance(b, Paragraph)]
        if any(accounts_for_past(t) for t in titled[:2]):
            continue  # 'PHỤ LỤC I' / 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024': last year's tasks, none of this plan
        anodes = build_tree(blocks[ai + 1 : end], prefix=prefix)
        assignments.extend(a for a in extract_assignments(anodes, ctx))
        columns = None
        for node in anodes:
            for table in node.tables:
                rows, columns = extract_table(table, node.ref or prefix, ctx, columns)
                assignments.extend(rows)
                _rebuilt(table, rows, ctx)
        targets.extend(table_targets(assignments, prefix, body_targets))
        heading = " ".join(b.text for b in blocks[ai : min(ai + 3, end)] if isinstance(b, Paragraph))  # 'PHỤ LỤC' and its title lines
        targets.extend(annex_targets(anodes, ctx, prefix, heading, body_targets))
        r2, u2 = extract_reports(anodes, assignments, ctx)
        reports.extend(r2)
        undated.extend(u2)

    reports = distinct([*reports, *table_reports(assignments, ctx)])
    footer_blocks = blocks[body_end:annexes[0] if annexes else len(blocks)] if footer is not None else blocks[-8:]
    footer_info = parse_footer(footer_blocks)
    header = complete_header(header, blocks[: annexes[0] if annexes else len(blocks)], _lines_of(footer_blocks))
    warnings: list[str] = list(notes or []) + list(header.get("notes") or []) + list(ctx.warnings)
    for a in assignments:
        if not a["lead"]:
            warnings.append(f"Mục {a['ref']}: nhiệm vụ không nêu cơ quan chủ trì — cần người xác nhận")
        if a["timing"]["kind"] == "once" and a["timing"]["due"] is None and a["timing"]["text"]:
            warnings.append(f"Mục {a['ref']}: không tính được hạn từ '{a['timing']['text']}'")
    if not assignments:
        warnings.append("Không tìm thấy nhiệm vụ nào giao cho cơ quan, đơn vị cụ thể: áp dụng đơn vị mặc định và cần người xác nhận")
    if plan_year is None:
        warnings.append("Không xác định được năm của kế hoạch: hạn hằng năm chưa tính được")
    plan = {
        "schema_version": SCHEMA_VERSION,
        "source": source,
        "title": header.get("title") or "",
        "number": header.get("number"),
        "issuer": header.get("issuer"),
        "place": header.get("place"),
        "issued_on": header.get("issued_on"),
        "year": plan_year,
        "signer": footer_info["signer"],
        "recipients": footer_info["recipients"],
        "assignments": assignments,
        "reports": reports,
        "targets": targets,
        "warnings": warnings,
        "undated_reports": undated,
    }
    # the articles' items are found in their own blocks, after the body's (a body line wins a tie)
    article_blocks = blocks[articles[0] : articles[1]] if articles and any(a["ref"].startswith("Điều") for a in assignments) else []
    grade(plan, blocks[start:] + article_blocks, reflowed=REFLOWED in (notes or []))
    plan["focal"] = find_focal(plan, blocks[start:body_end])
    return plan


def parse_text(text: str, *, source: str, year: int | None = None, convert_vni: bool = False) -> dict[str, Any]:
    """Parse plan text (.txt/.md content). Legacy TCVN3 text is converted; VNI is refused unless
    convert_vni."""
    from dondoc.plans.readers import convert_legacy, decode

    if isinstance(text, bytes):  # tolerate bytes from callers that read files themselves
        text = decode(text, path=source, convert_vni=convert_vni)
    text = convert_legacy(normalize(tab_tables(text)), path=source, convert_vni=convert_vni)
    if not text.strip():
        raise PlanReadError("văn bản rỗng (empty), không có nội dung kế hoạch", path=source)
    from dondoc.plans.reflow import REFLOWED, prepare

    text, notes = prepare(text)
    return parse_blocks(build_blocks(text, reflowed=REFLOWED in notes), source=source, year=year, notes=notes)


def parse_path(
    path: str | Path, *, year: int | None = None, max_mb: float | None = None, convert_vni: bool = False
) -> dict[str, Any]:
    """Read a .txt, .md, .docx or .pdf plan and parse it. Text in the legacy TCVN3 encoding is
    converted; VNI-Windows text is refused with a message saying how to convert it, or converted
    when convert_vni is set."""
    from dondoc.plans.readers import read_blocks

    p = Path(path)
    if max_mb is None:
        from dondoc.config import get_settings

        max_mb = get_settings().max_plan_mb
    notes: list[str] = []
    blocks, _ = read_blocks(p, max_mb=max_mb, convert_vni=convert_vni, notes=notes)
    if not blocks:
        raise PlanReadError("không có nội dung kế hoạch (no text)", path=str(p))
    return parse_blocks(blocks, source=p.name, year=year, notes=notes)
