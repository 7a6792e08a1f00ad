"""A lead cell of a grid-less task table (see `gridless`, `gridrow.read_loose`) that factors out the head word of the
bodies it names: 'Các Sở: Văn hóa và Thể thao, Công thương, Du lịch'. Its first line holds the head ('Các Sở:') and
its names go on over the row's lines, where the converter may have split the cell in two columns:

    |                               | Các  Sở:  | Văn  |
    | Tổ chức một số hội thảo về    | hóa  và   | Thể  |
    5 lĩnh vực văn hóa, công  thao,  Công  Các đơn vị liên quan x x Hằng năm
    | thương, du lịch.              | thương,   | Du   |
    lịch.

Read line by line, the pieces right of the task's cell and left of the next name are the lead cell's words, in
order ('Văn' 'hóa và' 'Thể' 'thao,' 'Công' 'thương,' 'Du' 'lịch.'); a line of one piece after a task that ended with
a full stop is the lead's too. The head alone names no body: without this, the cell's words run into the task.
"""

from __future__ import annotations

import re

from dondoc.plans.bodies import is_body_start
from dondoc.plans.factor import expand_factored
from dondoc.plans.gridheader import _STT_CELL, _STT_PLAIN, _WHOLE_TIME

_HEAD = re.compile(r"^[Cc]ác\s+[\wÀ-ỹ]+\s*:$")
_MARKS = re.compile(r"^(?:[xX](?:\s+[xX])*)$")
_FUNDS = re.compile(r"^(?:NSNN|NSĐP|NSTW|XHH|ODA|Ngân sách|Nguồn|Kinh phí|Vốn)(?![\wÀ-ỹ])")


def _pieces(item: list[str] | str, first: bool) -> list[str]:
    if isinstance(item, str):
        text = (_STT_CELL if first else _STT_PLAIN).sub("", item.strip(), count=1)
        return re.split(r"\s{2,}", text.strip())
    cells = [" ".join(c.split()) for c in item]
    return [_STT_CELL.sub("", cells[0], count=1), *cells[1:]] if cells else []


def _ends_cell(piece: str) -> bool:
    """A piece that is no word of the lead cell: a body's name, a time, funding, the marks of a month grid."""
    return is_body_start(piece) or bool(_WHOLE_TIME.fullmatch(piece) or _FUNDS.match(piece) or _MARKS.match(piece))


def factored_lead(parts: list[list[str] | str], anchor: list[str] | str) -> tuple[str, str, str] | None:
    """(the task, the lead cell as written, the head piece) of a row whose lead cell opens with a factored head;
    None when no line holds one or the words read give no list of names."""
    task: list[str] = []
    lead: list[str] = []
    head = ""
    for it in parts:
        pieces = [" ".join(p.split()) for p in _pieces(it, it is anchor)]
        if not head:
            at = next((i for i, p in enumerate(pieces) if _HEAD.match(p)), None)
            if at is None:
                task.extend(p for p in pieces[:1] if p)
                continue
            head = pieces[at]
            task.extend(p for p in pieces[:at] if p)
            rest = pieces[at + 1 :]
        elif len([p for p in pieces if p]) == 1 and isinstance(it, str) and task and task[-1].endswith("."):
            rest = pieces  # ('lịch.' after a task ended with a full stop: the end of the lead cell)
        else:
            task.extend(p for p in pieces[:1] if p)
            rest = pieces[1:]
        for p in rest:
            if not p:
                continue
            if _ends_cell(p):
                break
            lead.append(p)
    if not head or not lead:
        return None
    cell = " ".join([head, *lead]).strip(" .")
    return (" ".join(task), cell, head) if expand_factored(cell) is not None else None
