"""Task tables (in the body or an annex): STT | Nội dung | Cơ quan chủ trì | phối hợp | Thời gian | Sản phẩm ...,
with group rows (a Roman numeral or a letter and a title between task rows) and extra columns."""

from __future__ import annotations

import re
from typing import Any

from dondoc.plans.blocks import ROMAN, Table, cell_text
from dondoc.plans.bodies import REQUEST, is_body_start, split_bodies
from dondoc.plans.bracketed import marked_lead
from dondoc.plans.doubt import PRODUCT_KEY, READ_KEY
from dondoc.plans.extract import Ctx, _assignment, _timing
from dondoc.plans.gazetteer import kind_of
from dondoc.plans.gridnames import completes
from dondoc.plans.monthgrid import month_columns, month_timing

_NOT_A_LEAD = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập\s*-|\(Ký|ghi rõ họ tên|ngày\s*\.{2,}|…|^Đơn vị$|^Cơ quan$", re.I)

_COL_STT = re.compile(r"^(?:stt|tt|số tt|số thứ tự)$", re.I)
_COL_LEAD = re.compile(r"chủ trì|(?:cơ quan|đơn vị) soạn thảo|thực hiện$|đơn vị thực hiện|cơ quan thực hiện|đơn vị chịu trách nhiệm|chịu trách nhiệm|đầu mối", re.I)
_COL_SUPPORT = re.compile(r"phối hợp", re.I)
_COL_TIME = re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.I)
_COL_PRODUCT = re.compile(r"sản phẩm|kết quả (?:dự kiến|đầu ra|cần đạt)", re.I)
_COL_TASK = re.compile(r"nội dung|nhiệm vụ|tên|hoạt động|công việc|giải pháp|đề án|dự án|chương trình", re.I)


# a line ending so goes on with the next one: 'Sở Khoa học và' / 'Công nghệ', 'UBND các' / 'xã, phường'
_GOES_ON = re.compile(r"(?:\b(?:và|các|của|cấp|thuộc|với|cùng)|[,\-–(])\s*$")
_BULLET_LINE = re.compile(r"^\s*[-–+•]\s*")


def names_by_line(cell: str) -> str:
    """A Word cell listing its bodies one a line ('Sở Nội vụ' / 'Sở Giáo dục và Đào tạo', '- Sở Y tế;' / '- UBND các
    xã'): the lines parted with ';', a name wrapped over two lines kept whole."""
    if "\n" not in cell:
        return cell
    lines = [_BULLET_LINE.sub("", x).strip() for x in cell.split("\n") if x.strip()]
    out = lines[:1]
    for x in lines[1:]:
        prev = out[-1]
        if is_body_start(x) and is_body_start(prev) and not _GOES_ON.search(prev) and not completes(prev, x):
            out[-1] = prev.rstrip(" ;") + ";"
            out.append(x)
        else:
            out[-1] = f"{prev} {x}"
    return " ".join(out)


def _table_columns(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    for hi, row in enumerate(rows[:3]):
        cols: dict[str, int] = {}
        for ci, cell in enumerate(row):
            c = cell_text(cell).strip(" :").lower()
            if not c:
                continue
            if "stt" not in cols and _COL_STT.match(c):
                cols["stt"] = ci
            elif "support" not in cols and _COL_SUPPORT.search(c) and not re.search(r"chủ trì", c):
                cols["support"] = ci
            elif "lead" not in cols and _COL_LEAD.search(c) and not _COL_TIME.search(c):
                cols["lead"] = ci
            elif "time" not in cols and _COL_TIME.search(c):
                cols["time"] = ci
            elif "task" not in cols and _COL_TASK.search(c):
                cols["task"] = ci
            elif "product" not in cols and _COL_PRODUCT.match(c):
                cols["product"] = ci
        if "lead" in cols:
            cols.setdefault("stt", 0 if cols.get("task", 1) != 0 and cols["lead"] != 0 else -1)
            if "task" not in cols:
                cands = [i for i in range(len(row)) if i not in cols.values()]
                if cands:
                    cols["task"] = cands[0]
            return hi, cols
    return None


_GROUP_STT = re.compile(rf"^(?:{ROMAN}|[A-Z])\.?$")
_GROUP_IN_TASK = re.compile(rf"^((?=[IVXA-Z])(?:{ROMAN}|[A-Z]))[.)]\s+(\S.{{3,}})$")


def _align_columns(rows: list[list[str]], header_row: int, cols: dict[str, int]) -> dict[str, int]:
    """A header without its STT cell ('Nội dung | Đơn vị thực hiện | ...' over rows '1.1 | ... |
    Sở Y tế | ...'): the data rows are one cell (or more) longer, so every column moves right."""
    width = len(rows[header_row])
    lens = [len(r) for r in rows[header_row + 1 :] if len(r) > 2]
    if not lens or ("stt" in cols and cols["stt"] >= 0):
        return cols
    common = max(set(lens), key=lens.count)
    shift = common - width
    if shift <= 0:
        return cols
    firsts = [cell_text(r[0]) for r in rows[header_row + 1 :] if len(r) == common]
    if sum(1 for f in firsts if _STT_CELL.match(f)) < 0.6 * max(1, len(firsts)):
        return cols
    moved = {k: v + shift for k, v in cols.items() if v >= 0}
    moved["stt"] = 0
    return moved


_STT_CELL = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")


def _is_header_row(row: list[str]) -> bool:
    """A row of column titles only: a lead column and at least three titled columns, every
    filled cell a short column title."""
    cells = [cell_text(c).strip(" :").lower() for c in row if cell_text(c).strip()]
    if len(cells) < 3 or any(len(c) > 40 for c in cells):
        return False
    pats = (_COL_STT, _COL_LEAD, _COL_SUPPORT, _COL_TIME, _COL_TASK)
    if not all(any(p.search(c) for p in pats) or c.startswith("sản phẩm") or c.startswith("ghi chú") for c in cells):
        return False
    found = _table_columns([row])
    return found is not None and len(found[1]) >= 3


def _numbers_under(rows: list[list[str]], ri: int, cols: dict[str, int], stt: str) -> bool:
    """The next numbered row below row `ri` belongs to a group numbered `stt`: 'stt.1', or a plain
    number (a new sequence: '3.1' cannot be followed by its sibling '2')."""
    i = cols.get("stt", 0)
    for row in rows[ri + 1 :]:
        n = cell_text(row[i]).strip(" .") if 0 <= i < len(row) else ""
        if n:
            return n == f"{stt}.1" or n.isdigit()
    return False


# '- Ủy ban Pháp luật chủ trì thẩm tra; - Hội đồng Dân tộc, các Ủy ban của Quốc hội tham gia': a
# cell of another column (the review, the appraisal) naming its own lead and partners
_CELL_LEAD = re.compile(r"^[-–•+\s]*(?P<lead>[^;:()]{4,120}?)\s+chủ trì\s+(?P<verb>[^;]{2,80})(?:;\s*[-–•+]?\s*(?P<sup>[^;]+?)\s+(?:tham gia|phối hợp)\b)?")


def _cell_lead(text: str, ref: str, task: str, timing: dict[str, Any], ctx: Ctx) -> list[dict[str, Any]]:
    m = _CELL_LEAD.match(text)
    if not m or not (is_body_start(m["lead"]) or kind_of(m["lead"])):
        return []
    leads = split_bodies(m["lead"])
    if not leads:
        return []
    a = _assignment(ref, f"{task} ({text})", leads, ctx, support=split_bodies(m["sup"]) if m["sup"] else [], read="cell")
    a["timing"] = timing
    return [a]


def extract_table(table: Table, prefix: str, ctx: Ctx, columns: tuple[int, dict[str, int]] | None) -> tuple[list[dict[str, Any]], tuple[int, dict[str, int]] | None]:
    # Long on purpose: one pass over a table's rows; header, group and task rows are decided in turn.
    found = _table_columns(table.rows)
    header_row = -1
    if found:
        header_row, cols = found
    elif columns and table.rows and len(table.rows[0]) >= max(columns[1].values()) + 1 and len(table.rows) > 0:
        cols = columns[1]
    else:
        return [], columns
    if found:
        cols = _align_columns(table.rows, header_row, cols)
    header_key = [cell_text(c).lower() for c in table.rows[header_row]] if header_row >= 0 else None
    # ('Tháng 1' ... 'Tháng 12' ticked with 'x' where the table has no time column)
    months = month_columns(table.rows[header_row]) if header_row >= 0 and "time" not in cols else []
    out: list[dict[str, Any]] = []
    group: list[str] = []
    last: tuple[list[str], str] | None = None  # path and task of the row above
    for ri, row in enumerate(table.rows):
        if ri == header_row:
            continue
        if ri < header_row and not _GROUP_STT.match(cell_text(row[0]).strip(" .") if row else ""):
            continue  # title lines above the header; group rows ('B', 'I') above it still count
        if (header_key is not None and len(row) == len(header_key) and row and cell_text(row[0]).lower() == header_key[0]
                and [cell_text(c).lower() for c in row] == header_key):
            continue  # the header repeated under each group
        if ri > header_row >= 0 and _is_header_row(row):
            # another table's header where two tables run together (a PDF's ruled grid, Word
            # tables with nothing between them): its columns hold for the rows below it
            cols = _align_columns(table.rows[ri:], 0, _table_columns([row])[1])  # type: ignore[index]
            header_key = [cell_text(c).lower() for c in row]
            continue

        def cell(name: str, row: list[str] = row) -> str:
            i = cols.get(name, -1)
            if not 0 <= i < len(row):
                return ""
            return cell_text(names_by_line(row[i]) if name in ("lead", "support") else row[i])

        stt = cell("stt").strip(" .")
        lead = cell("lead")
        task = cell("task")
        gm = _GROUP_IN_TASK.match(task) if not stt and not lead else None
        if gm and gm.group(2) == gm.group(2).upper():  # '| | III. TRUYỀN THÔNG | | |': the group's numeral written with its title
            stt, task = gm.group(1), gm.group(2)
        gm = _GROUP_IN_TASK.match(stt) if not lead and len(stt) > 4 else None
        if gm:  # '| I. PHÁT TRIỂN SẢN PHẨM | | |': the numeral and its title in the number's cell
            stt, task = gm.group(1), gm.group(2)
        if re.fullmatch(r"\(?\d+\)?", stt) and re.fullmatch(r"\(?\d+\)?", task or "0") and len(row) > 2 and all(
            re.fullmatch(r"\(?\d+\)?", cell_text(c) or "0") for c in row
        ):
            continue  # a row of column numbers (1) (2) (3)
        if stt and _GROUP_STT.match(stt) and not lead:
            if re.fullmatch(r"[A-Z]", stt) and not re.fullmatch(ROMAN, stt):
                group = [stt]
            else:
                group = [g for g in group if re.fullmatch(r"[A-Z]", g) and not re.fullmatch(ROMAN, g)] + [stt]
            continue
        if not lead:
            if task and (stt or task):
                # a numbered group row ("1", bold) without a lead: it becomes part of the path
                if stt and re.fullmatch(r"\d{1,2}", stt) and len(task) < 150:
                    group = [g for g in group if not re.fullmatch(r"\d{1,2}", g)] + [stt]
                elif stt and re.fullmatch(r"\d{1,2}\.\d{1,2}", stt) and len(task) < 150 and _numbers_under(table.rows, ri, cols, stt):
                    # a sub-group row ('3.1 | Du lịch di sản | |') whose rows number again from '1' or spell it ('3.1.1')
                    group = [g for g in group if not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", g)] + [stt]
            continue
        if not task and stt and not is_body_start(lead):
            # a sub-group row ('5.1 | | Thương mại'): its rows spell it ('5.1.1'), or sit under it
            group = [g for g in group if not _STT_CELL.match(g)] + [stt]
            continue
        path = group[:]
        if stt:
            if path and _STT_CELL.match(path[-1]) and stt.startswith(path[-1] + "."):
                path = path[:-1]
            elif path and re.fullmatch(r"\d{1,2}", path[-1]) and re.fullmatch(r"\d{1,2}", stt):
                path = path[:-1]  # a task row numbered like the group row above it is its sibling
            path.append(stt)
        elif last is not None and (not task or task == last[1]):
            path = last[0]  # a second line of the row above (its task cell merged): same item
        last = (path, task)
        ref = ".".join([p for p in [prefix, *path] if p])
        if re.match(r"^(?:Theo|Căn cứ)\s", lead):
            continue  # 'Theo phân công tại Quyết định số ...': a pointer to another document, not a body
        # 'Ban Công tác đại biểu (Viện Nghiên cứu lập pháp phối hợp chuẩn bị dự thảo)': the lead cell's
        # closing note names a partner, or only explains ('... là cơ quan thường trực ...')
        note = re.search(r"\s*\(([^()]{6,})\)\s*(?:\[\d+\])?\s*$", lead)
        helpers: list[str] = []
        marked = marked_lead(lead)
        if marked:  # 'Sở Tài chính (chủ trì), Sở Nội vụ': the marked body leads, the others in the cell support it
            lead, helpers = "; ".join(marked[0]), marked[1]
        elif note and is_body_start(lead[: note.start()]) and not _NOT_A_LEAD.search(note.group(1)):
            hm = re.match(r"(.+?)\s+phối hợp\b", note.group(1))
            helpers = split_bodies(hm.group(1)) if hm and is_body_start(hm.group(1)) else []
            lead = lead[: note.start()]
        # 'UBND địa phương/Sở Du lịch': in a lead cell a slash joins two leads
        leads = [x for piece in re.split(r"\s*/\s*(?=[A-ZĐÀ-Ỹ])", re.sub(r"\b(?:chủ trì|Chủ trì)\b", "", lead)) for x in split_bodies(piece)]
        # a form's cells in an annex ('CỘNG HÒA XÃ HỘI ...', '(Ký, ghi rõ họ tên)', 'Tổng mức đầu tư ...') name no one
        leads = [x for x in leads if (is_body_start(x) or kind_of(x)) and not _NOT_A_LEAD.search(x)]
        if not leads:
            continue
        support = (split_bodies(cell("support")) if cell("support") else []) + helpers
        timing_text = cell("time") or None
        ti = cols.get("time", -1)
        if header_key is not None and len(row) < len(header_key) and 0 < ti < len(row) and not re.search(r"\d{4}", timing_text or ""):
            # a row that lost an empty cell before the time column: its time sits one cell to the left
            prev = cell_text(row[ti - 1])
            if re.search(r"\d{4}|[Tt]hường xuyên|[Hh][ằà]ng năm", prev) and ti - 1 not in (cols.get("lead"), cols.get("task")):
                timing_text = prev
        a = _assignment(ref or prefix, task or lead, leads, ctx, support=support, request=bool(REQUEST.match(lead)),
                        timing_text=timing_text, read="table")
        if not timing_text:
            ticks = month_timing(row, months, ctx.plan_year, ctx.issued_on) if months else None
            a["timing"] = ticks or _timing(task, ctx)
        if cell("product"):
            a[PRODUCT_KEY] = cell("product")  # '100% hồ sơ ...', 'ít nhất 01 sáng kiến/năm': read for targets
        out.append(a)
        for ci, c in enumerate(row):
            if ci not in cols.values():
                out.extend(_cell_lead(cell_text(c), ref or prefix, task or lead, a["timing"], ctx))
    for a in out if table.rebuilt else []:
        a[READ_KEY] = "rebuilt"
    return out, (header_row, cols)


